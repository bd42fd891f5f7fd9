"""Files are typed by their bytes: PDF, DOCX, legacy Word/WPS, HTML (whatever the suffix), binary."""

from __future__ import annotations

import io
import zipfile

import pytest

import policytext as pt
from policytext.corpus.sniff import sniff_format
from policytext.errors import DecodeError


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ole2"),
        (_zip(["[Content_Types].xml", "word/document.xml"]), "docx"),
        (_zip(["xl/workbook.xml"]), "xlsx"),
        (_zip(["[Content_Types].xml", "ppt/presentation.xml"]), "pptx"),
        (_zip(["OFD.xml", "Doc_0/Document.xml"]), "ofd"),
        (_zip(["a.txt", "b.xml"]), "zip"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'bc\\'e1\\'b3\\'d6\\par}", "rtf"),
        ("Subject: 会议纪要\r\nFrom: 办公室\r\n\r\n正文".encode(), "text"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image"),
        ("<!DOCTYPE html>\n<html><head><title>标题</title></head><body>正文</body></html>".encode(), "html"),
        ("\ufeff<html lang='zh'><body><p>正文</p></body></html>".encode(), "html"),
        ("<!-- saved from url -->\n<html><body>正文</body></html>".encode(), "html"),
        (("<div class='wrap'><table><tr><td>索引号：</td><td>1</td></tr></table>" * 12).encode(), "html"),
        ("坚持稳中求进。\n推动高质量发展。".encode(), "text"),
        ("<center>学习贯彻</center>\n正文第一段，很长的一段文字。".encode(), "text"),
        ("稳中求进".encode("gb18030"), "text"),
        ("文件格式说明：扫描件请存为%PDF-格式。".encode(), "text"),
    ],
)
def test_sniff(raw, kind):
    assert sniff_format(raw) == kind


def test_corpus_files_are_typed_by_content(corpus_dir, manifest):
    for m in manifest:
        raw = (corpus_dir / m["path"]).read_bytes()
        expected = {"txt": "text", "html": "html", "docx": "docx"}[m["path"].rsplit(".", 1)[-1]]
        assert sniff_format(raw) == expected, m["path"]


def test_html_with_txt_suffix_is_read_as_html(tmp_path, corpus_dir):
    page = (corpus_dir / "html_pages/gov_cn/govcn_000014349_2018-00222.html").read_bytes()
    p = tmp_path / "saved_page.txt"
    p.write_bytes(page)
    doc = pt.read_document(p)
    assert doc.meta["format"] == "html"
    assert "<td" not in doc.text and "扫一扫" not in doc.text
    assert doc.meta["doc_number"] == "国发〔2018〕43号"


def test_legacy_word_file_names_file_and_formats(tmp_path):
    p = tmp_path / "通知.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DecodeError) as e:
        pt.read_document(p)
    msg = str(e.value)
    assert str(p) in msg and "docx" in msg.lower() and "PDF" in msg and "HTML" in msg


def test_wps_file_is_the_same_error(tmp_path):
    p = tmp_path / "a.wps"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 300)
    with pytest.raises(DecodeError, match=r"a\.wps"):
        pt.read_document(p)


@pytest.mark.parametrize("raw", [_zip(["xl/workbook.xml"]), b"\x89PNG\r\n\x1a\n" + b"\x00" * 20])
def test_other_binary_is_a_decode_error(tmp_path, raw):
    p = tmp_path / "x.txt"
    p.write_bytes(raw)
    with pytest.raises(DecodeError, match=r"x\.txt"):
        pt.read_document(p)


def _odt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (b"{\\rtf1\\ansi\\ansicpg936\\deff0 \\'bc\\'e1\\'b3\\'d6\\'ce\\'c8\\par}", r"RTF file.*\.docx or PDF"),
        (_zip(["OFD.xml", "Doc_0/Document.xml"]), r"OFD file \(版式文档.*export it as PDF"),
        (_odt(), r"OpenDocument file.*\.docx or PDF"),
        (_zip(["[Content_Types].xml", "ppt/presentation.xml"]), r"PowerPoint presentation"),
        (_zip(["xl/workbook.xml"]), r"Excel workbook"),
    ],
)
def test_formats_of_office_and_e_document_files_are_named_never_read_as_text(tmp_path, raw, named):
    # an RTF file decoded as text gave its control words (\\'bc\\'e1 …) as the document
    p = tmp_path / "文件.txt"
    p.write_bytes(raw)
    with pytest.raises(DecodeError, match=named) as e:
        pt.read_document(p)
    assert str(p) in str(e.value) and "Read formats" in str(e.value)
