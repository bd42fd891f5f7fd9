"""PDF and Word files: read whole, running headers and page numbers gone, wrapped lines joined
(no newline inside a sentence), paragraph and heading breaks kept; a PDF without text says so."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import zipfile

import pytest

import policytext as pt
from helpers.docx_parts import rewrite_parts
from helpers.make_pdf import write_pdf
from policytext.corpus.office import join_wrapped, read_docx_text, read_pdf_text
from policytext.errors import DecodeError, MissingExtraError

pytest.importorskip("reportlab")


@pytest.mark.parametrize(
    "rel",
    ["html_pages/gov_cn/govcn_000014349_2018-00221.html", "policy_docs_shandong/shandong_012.txt"],
)
def test_pdf_reads_back_to_the_same_body(tmp_path, corpus_dir, rel):
    source = pt.read_document(corpus_dir / rel)
    paragraphs = source.text.split("\n")
    pdf = write_pdf(tmp_path / "doc.pdf", paragraphs)
    doc = pt.read_document(pdf)
    assert doc.meta["format"] == "pdf"
    assert doc.text == source.text
    # more than one page, so page breaks fell inside sentences; header and page numbers gone
    assert "— 2 —" not in doc.text and "某某省人民政府文件" not in doc.text
    for line in doc.text.split("\n"):
        assert "\n" not in line
    assert "\n" not in doc.text.split("\n")[1]


def test_pdf_metadata_from_the_official_format(tmp_path):
    paragraphs = [
        "某某省人民政府办公厅关于做好某项工作的通知",
        "某政办发〔2023〕5号",
        "各市人民政府，省政府各部门：",
        "为做好某项工作，经省政府同意，现就有关事项通知如下。" * 3,
        "一、总体要求",
        "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。" * 2,
        "某某省人民政府办公厅",
        "2023年3月1日",
    ]
    doc = pt.read_document(write_pdf(tmp_path / "n.pdf", paragraphs))
    assert doc.meta["doc_number"] == "某政办发〔2023〕5号"
    assert doc.meta["recipients"] == "各市人民政府，省政府各部门"
    assert doc.meta["written_date"] == dt.date(2023, 3, 1)
    assert doc.meta["issuer"] == "某某省人民政府办公厅"
    assert doc.sections["heading"].tolist() == ["总体要求"]


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(DecodeError, match=r"scan\.pdf.*no text layer"):
        pt.read_document(p)


def test_a_word_file_of_pictures_only_says_so(tmp_path):
    docx = pytest.importorskip("docx")
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(picture, "PNG")
    picture.seek(0)
    document = docx.Document()
    document.add_picture(picture)
    p = tmp_path / "scan.docx"
    document.save(p)
    with pytest.raises(DecodeError, match=r"scan\.docx: this Word file holds pictures but no text"):
        pt.read_document(p)
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    with pytest.raises(pt.errors.InputError, match=r"empty\.docx: empty document"):  # no picture: just empty
        pt.read_document(empty)


def test_broken_pdf_names_the_file(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\n" + b"garbage" * 20)
    with pytest.raises(DecodeError, match=r"broken\.pdf"):
        pt.read_document(p)


def test_join_wrapped_keeps_headings_and_paragraph_ends():
    lines = [
        ("一、总体要求", 0.3, False),
        ("坚持稳中求进，推动高质量发展，完整准确全面贯彻新发", 1.0, True),
        ("展理念。", 0.2, False),
        ("（一）指导思想", 0.3, False),
        ("以人民为中心，加快构建新发展格局，着力推动高质量发", 1.0, True),
        ("展，增进民生福祉，全面推进中国式现代化建设事业发展。", 1.0, False),
        ("新的一段从缩进开始。", 0.5, True),
        ("，逗号不会开始一行", 0.5, False),
    ]
    assert join_wrapped(lines) == [
        "一、总体要求",
        "坚持稳中求进，推动高质量发展，完整准确全面贯彻新发展理念。",
        "（一）指导思想",
        "以人民为中心，加快构建新发展格局，着力推动高质量发展，增进民生福祉，全面推进中国式现代化建设事业发展。",
        "新的一段从缩进开始。，逗号不会开始一行",
    ]


def test_docx_files_of_the_corpus(corpus_dir, manifest):
    docs = [m for m in manifest if m["path"].endswith(".docx")]
    assert len(docs) == 2
    for m in docs:
        doc = pt.read_document(corpus_dir / m["path"])
        assert doc.meta["format"] == "docx"
        assert "一、" in doc.text and doc.sections["level"].min() == 1
        # the manifest counts the file's whole text; the body leaves out the title (and a bundle's label over it)
        assert abs(len(doc.text) + len(doc.meta["title"]) - m["chars"]) < 0.1 * m["chars"]
    jiangxi = pt.read_document(corpus_dir / "word_files/jiangxi_waiban_2022_exam_outline.docx")
    # the signature block: issuer and 成文日期
    assert jiangxi.meta["issuer"] == "江西省人民政府外事办公室"
    assert jiangxi.meta["written_date"] == dt.date(2022, 2, 21)
    assert jiangxi.sections.query("level == 1")["heading"].tolist()[:3] == [
        "考试目的",
        "招考职位语种及开考比例",
        "考试安排",
    ]
    # a file python-docx refuses (an image relationship pointing nowhere) is read from its XML
    central = pt.read_document(corpus_dir / "word_files/central_2022_civil_service_exam_outline.docx")
    assert central.meta["title"] == "中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲"
    # the title line went to meta, and the bundle's label above it (大纲1) is no body either
    assert central.text.split("\n")[0].startswith("为便于报考者充分了解")
    assert "（二）申论" in central.text.split("\n")


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for i, row in enumerate(table):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    raw = _docx(["标题", "第一段。"], [["指标", "数值"], ["生产总值", "262.6亿元"]])
    assert read_docx_text(raw) == "标题\n第一段。\n指标 数值\n生产总值 262.6亿元"
    doc = pt.read_document(raw)
    assert doc.meta["format"] == "docx" and "生产总值 262.6亿元" in doc.text


def test_not_a_docx_zip_is_an_error():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    with pytest.raises(DecodeError, match=r"not a readable \.docx"):
        read_docx_text(buf.getvalue(), "x.docx")


@pytest.mark.parametrize(
    ("module", "extra", "fn"), [("pdfplumber", "pdf", read_pdf_text), ("docx", "docx", read_docx_text)]
)
def test_missing_packages_name_the_extra(monkeypatch, module, extra, fn):
    real = importlib.import_module

    def fake(name, *a, **k):
        if name == module:
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(MissingExtraError, match=rf"policytext\[{extra}\]"):
        fn(b"%PDF-1.4", "f")


def test_two_page_pdf_loses_its_running_header(tmp_path, corpus_dir):
    text = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_012.txt").text
    paragraphs = text.split("\n")[:8]
    pdf = write_pdf(tmp_path / "two.pdf", paragraphs, lines_per_page=22)
    import pdfplumber

    with pdfplumber.open(pdf) as p:
        assert len(p.pages) == 2
    doc = pt.read_document(pdf)
    assert doc.text == "\n".join(paragraphs)


def test_pdf_title_from_the_layout_not_the_red_header(tmp_path):
    paragraphs = [
        "某某省人民政府文件",
        "某政发〔2023〕5号",
        "某某省人民政府关于做好",
        "某项工作的通知",
        "各市人民政府，省政府各部门：",
        "为做好某项工作，经省政府同意，现就有关事项通知如下。" * 3,
    ]
    doc = pt.read_document(write_pdf(tmp_path / "t.pdf", paragraphs))
    assert doc.meta["title"] == "某某省人民政府关于做好某项工作的通知"
    assert doc.meta["doc_number"] == "某政发〔2023〕5号"


def test_docx_titles_of_the_corpus(corpus_dir, manifest):
    for m in manifest:
        if m["path"].endswith(".docx"):
            doc = pt.read_document(corpus_dir / m["path"])
            # the manifest's titles carry the bundle's label (大纲4：…) in front of the document's title
            assert m["title"].endswith(doc.meta["title"]), (m["title"], doc.meta["title"])
            assert len(doc.meta["title"]) >= 20


def test_pdfminer_warnings_are_dropped_only_inside_a_read_in_this_thread(caplog):
    import logging
    import threading

    from policytext.corpus.office import _quiet_pdfminer

    log = logging.getLogger("pdfminer.pdffont")
    level_before = logging.getLogger("pdfminer").level
    seen_elsewhere = []

    def other_thread():
        log.warning("from another thread")
        seen_elsewhere.append(True)

    with caplog.at_level(logging.WARNING, logger="pdfminer"):
        with _quiet_pdfminer():
            log.warning("Could not get FontBBox")
            log.error("a real error")
            t = threading.Thread(target=other_thread)
            t.start()
            t.join()
        log.warning("after the read")
    messages = [r.getMessage() for r in caplog.records]
    assert "Could not get FontBBox" not in messages
    assert {"a real error", "from another thread", "after the read"} <= set(messages)
    assert logging.getLogger("pdfminer").level == level_before


def test_a_line_that_goes_on_after_a_comma_or_enumeration_mark_joins_even_if_it_looks_like_a_heading():
    # files round three: …按照本细则第二、 / 三、四、五条执行。 was two lines, the second read as a heading 三、
    lines = [("教务处按照本细则第二、", 1.0, False), ("三、四、五条执行。", 0.4, False), ("三、附则", 0.3, False)]
    assert join_wrapped(lines) == ["教务处按照本细则第二、三、四、五条执行。", "三、附则"]
    # after a sentence end, a heading stays a heading
    assert join_wrapped([("工作。", 1.0, False), ("三、附则", 0.3, False)]) == ["工作。", "三、附则"]


def test_gaps_around_numbers_and_radical_glyphs_in_a_pdfs_text_layer(tmp_path):
    paragraphs = [
        "国务院关于深⼊实施“⼈⼯智能+”⾏动的意⻅",
        "根据《普通高等学校学生管理规定》（教育部令第 41号），需 2/3 以上委员同意方可通过。",
        "院发〔2018〕22 号",
        "2019 年 6 月 15 日",
        "序号 名称 数量 100 200",
    ]
    text = read_pdf_text(write_pdf(tmp_path / "t.pdf", paragraphs).read_bytes())
    assert "国务院关于深入实施“人工智能+”行动的意见" in text  # Kangxi radicals and radical forms read as ideographs
    assert "（教育部令第41号），需2/3以上委员同意方可通过。" in text
    assert "院发〔2018〕22号" in text.split("\n") and "2019年6月15日" in text.split("\n")
    assert "序号 名称 数量 100 200" in text.split("\n")  # a table row keeps its gaps


def test_the_issuer_is_the_full_name_of_a_masthead_set_over_two_lines():
    # files round three: 河南大学 / 软件学院文件 above the title, signed 软件学院
    from policytext.corpus.officialdoc import official_fields

    notice = "\n".join(
        ["河南大学", "软件学院文件", "院发〔2018〕22号", "关于印发某某机制的通知", "全院各单位："]
        + ["现予印发，请认真贯彻执行。", "软件学院", "二〇一八年九月一日"]
    )
    assert official_fields(notice)["issuer"] == "河南大学软件学院"
    # an urgency mark above the masthead is no part of it; a signature that is another office stays
    urgent = "特急\n绍兴市教育局文件\n关于做好某某工作的通知\n各学校：\n现将有关事项通知如下。\n办公室\n2009年11月30日"
    assert official_fields(urgent)["issuer"] == "办公室"
    assert official_fields(urgent.replace("办公室\n", ""))["issuer"] == "绍兴市教育局"


def test_clean_false_reads_pdf_and_docx_as_documents_not_as_bytes(tmp_path):
    # clean=False keeps the reader's text as it is; a PDF is never decoded as text (%PDF-1.4 …) nor a .docx refused
    paragraphs = ["某某县人民政府关于做好某项工作的通知", "为做好某项工作，现就有关事项通知如下。" * 3]
    pdf = pt.read_document(write_pdf(tmp_path / "n.pdf", paragraphs), clean=False)
    assert pdf.meta["format"] == "pdf" and "%PDF" not in pdf.text and "现就有关事项通知如下" in pdf.text
    docx = pt.read_document(_docx(["标题", "第一段。"], [["指标", "数值"]]), clean=False)
    assert docx.meta["format"] == "docx" and docx.text == "标题\n第一段。\n指标 数值"


def _protected_pdf(path, paragraphs, *, user_password: str | None = "", bottom_first: bool = False):
    """A PDF protected as offices protect theirs (no copying; an owner password, and here and there a user one);
    ``user_password=None``: the same page unprotected."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    enc = None
    if user_password is not None:
        enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", canPrint=1, canCopy=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.setFont("STSong-Light", 12)
    order = list(enumerate(paragraphs))
    for i, para in reversed(order) if bottom_first else order:  # a page may draw its last line first
        c.drawString(72, 760 - 24 * i, para)
    c.save()
    return path


PROTECTED = ["关于开展年度考核工作的通知", "各单位要认真贯彻落实会议精神。", "确保各项任务落到实处。", "特此通知。"]


def test_a_copy_protected_pdf_whose_glyphs_pdfminer_cannot_map_is_read_with_pdfium(tmp_path):
    import pdfplumber

    path = _protected_pdf(tmp_path / "protected.pdf", PROTECTED)
    with pdfplumber.open(path) as pdf:  # what the reader got before: glyph codes, no characters
        assert "(cid:" in pdf.pages[0].extract_text()
    doc = pt.read_document(path)
    plain = pt.read_document(_protected_pdf(tmp_path / "plain.pdf", PROTECTED, user_password=None))
    assert doc.text == plain.text and "".join(PROTECTED) == doc.text.replace("\n", "")
    assert "cid" not in doc.text and "\ufffd" not in doc.text


def test_pdfium_lines_come_top_to_bottom_whatever_order_the_page_draws_them(tmp_path):
    protected = _protected_pdf(tmp_path / "p.pdf", PROTECTED, bottom_first=True)
    plain = _protected_pdf(tmp_path / "q.pdf", PROTECTED, user_password=None, bottom_first=True)
    assert pt.read_document(protected).text == pt.read_document(plain).text
    assert pt.read_document(protected).text.startswith(PROTECTED[0])


def test_glyphs_without_characters_are_an_error_or_a_warning_never_cid_text(tmp_path, monkeypatch):
    from policytext.corpus import office

    path = _protected_pdf(tmp_path / "protected.pdf", PROTECTED)
    monkeypatch.setattr(office._PdfiumPages, "rows", lambda self, index: None)  # as if pdfium could not read it
    with pytest.raises(DecodeError, match=r"protected\.pdf: the text layer .* no characters .*run OCR"):
        pt.read_document(path)
    # a few unmapped glyphs among readable text: each is U+FFFD, with a warning that counts them
    rows = [[("各单位要认真贯彻落实(cid:1841)会议精神。", 0.0, 1.0)], [("确保各项任务落到实处(cid:12)。", 0.0, 1.0)]]
    with pytest.warns(UserWarning, match=r"x\.pdf: 2 character\(s\) .*no Unicode mapping"):
        fixed = office._unmapped_glyphs_checked(rows, "x.pdf")
    assert fixed[0][0][0] == "各单位要认真贯彻落实\ufffd会议精神。" and fixed[1][0][0].count("\ufffd") == 1


def test_a_pdf_that_needs_a_password_says_so(tmp_path):
    path = _protected_pdf(tmp_path / "locked.pdf", PROTECTED, user_password="secret")
    with pytest.raises(DecodeError, match=r"locked\.pdf: a password-protected PDF"):
        pt.read_document(path)


def _docx_with_body(body_xml: str) -> bytes:
    """A .docx that python-docx wrote, its body replaced by *body_xml* (WordprocessingML, prefixes w, mc, wps)."""

    def edit(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        xml = data.decode("utf-8")
        head, _, rest = xml.partition("<w:body>")
        _, _, tail = rest.partition("</w:body>")
        mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        head = head if "xmlns:mc=" in head else head.replace("<w:document ", f"<w:document {mc} ", 1)
        return (head + "<w:body>" + body_xml + "</w:body>" + tail).encode("utf-8")

    return rewrite_parts(_docx(["占位"], [["a"]]), edit)


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def test_docx_tracked_changes_content_controls_and_text_boxes():
    box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        + _p(_r("某某市人民政府文件"))
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + _p(_r("某某市人民政府文件"))
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        _p(_r("关于开展") + "<w:ins w:id='1' w:author='a'>" + _r("年度考核") + "</w:ins>" + _r("工作的通知"))
        + _p(
            _r("各单位要")
            + "<w:del w:id='2' w:author='a'><w:r><w:delText>尽快</w:delText></w:r></w:del>"
            + _r("认真落实。")
        )
        + "<w:sdt><w:sdtPr><w:alias w:val='正文'/></w:sdtPr><w:sdtContent>"
        + _p(_r("确保各项任务落到实处。"))
        + "</w:sdtContent></w:sdt>"
        + _p(box + _r("特此通知。"))
    )
    text = read_docx_text(_docx_with_body(body), "x.docx")
    # inserted runs are text, deleted runs are not; a content control's paragraph is read; a text box (written
    # twice, for new and old readers) is not part of the paragraph that anchors it
    assert text.split("\n") == [
        "关于开展年度考核工作的通知",
        "各单位要认真落实。",
        "确保各项任务落到实处。",
        "特此通知。",
    ]


def test_docx_moved_text_placeholders_tables_of_contents_and_nested_tables():
    moved = _p('<w:moveFrom w:id="1" w:author="a">' + _r("被移动的句子。") + "</w:moveFrom>")
    moved_to = _p('<w:moveTo w:id="2" w:author="a">' + _r("被移动的句子。") + "</w:moveTo>")
    placeholder = _p(
        _r("申请单位：") + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + _r("单击或点击此处输入文字。") + "</w:sdtContent></w:sdt>"
    )  # fmt: skip
    toc = (
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/></w:docPartObj></w:sdtPr>"
        "<w:sdtContent>"
        + _p(_r("目录"))
        + _p(_r("第一章 总则") + "<w:r><w:tab/></w:r>" + _r("1"))
        + "</w:sdtContent></w:sdt>"
    )
    box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>" + _p(_r("框内文字"))
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + _p(_r("框内文字"))
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )  # fmt: skip
    inner = "<w:tbl><w:tr><w:tc>" + _p(_r("内层A")) + "</w:tc><w:tc>" + _p(_r("内层B")) + "</w:tc></w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tr><w:tc>" + _p(box + _r("单元格正文")) + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + _p(_r("外层单元格")) + inner + "</w:tc><w:tc>" + _p(_r("外层右")) + "</w:tc></w:tr></w:tbl>"
    )
    body = toc + _p(_r("第一段。")) + moved + _p(_r("第二段。")) + moved_to + placeholder + table
    lines = read_docx_text(_docx_with_body(body), "x.docx").split("\n")
    assert [ln for ln in lines if ln] == [  # (the paragraph the text moved out of is left empty)
        "第一段。",
        "第二段。",
        "被移动的句子。",  # once, where it was moved to
        "申请单位：",  # not the placeholder's prompt
        "单元格正文",  # not the text box, not twice
        "外层单元格 内层A 内层B 外层右",  # the nested table once, inside its cell
    ]


def _docx_with_chunk(chunk_name: str, chunk: bytes) -> bytes:
    """A .docx whose body is only an imported chunk (w:altChunk), as office systems export web forms."""
    rel = (
        f'<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'aFChunk" Target="{chunk_name}"/></Relationships>'
    )
    body = (
        '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChunk1"/>'
    )

    def edit(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.decode("utf-8").replace("</Relationships>", rel).encode("utf-8")
        return data

    buf = io.BytesIO(rewrite_parts(_docx_with_body(body), edit))
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr(f"word/{chunk_name}", chunk)
    return buf.getvalue()


CHUNK_PARAS = ["关于做好年度考核工作的通知", "各单位要认真贯彻落实会议精神。", "确保各项任务落到实处。"]


def test_a_docx_whose_body_is_an_imported_web_page_is_read():
    html = "<html><head><meta charset='gb2312'></head><body>" + "".join(f"<p>{p}</p>" for p in CHUNK_PARAS)
    html += "</body></html>"
    text = read_docx_text(_docx_with_chunk("afchunk.htm", html.encode("gb18030")), "x.docx")
    assert text.split("\n") == CHUNK_PARAS
    # the same page as an MHTML chunk (afchunk.mht), quoted-printable
    import quopri

    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(html.replace("gb2312", "utf-8").encode("utf-8")) + b"\r\n--B--\r\n"
    )  # fmt: skip
    assert read_docx_text(_docx_with_chunk("afchunk.mht", mht), "x.docx").split("\n") == CHUNK_PARAS


def test_a_docx_whose_only_chunk_cannot_be_read_names_it():
    with pytest.raises(DecodeError, match=r"x\.docx: its body is an imported chunk .*word/afchunk\.rtf"):
        read_docx_text(_docx_with_chunk("afchunk.rtf", b"{\\rtf1\\ansi hello}"), "x.docx")


def test_imported_chunks_give_their_body_docx_chunks_are_read_and_unread_ones_are_named():
    html = "<html><head><title>word</title><style>p{}</style></head><body>"
    html += "".join(f"<p>{p}</p>" for p in CHUNK_PARAS) + "</body></html>"
    # Word shows the chunk's body, not its <title>
    assert read_docx_text(_docx_with_chunk("afchunk.htm", html.encode()), "x.docx").split("\n") == CHUNK_PARAS
    # a chunk that is itself a .docx (what merging tools write) is read
    inner = _docx(CHUNK_PARAS, [["甲", "乙"]])
    assert read_docx_text(_docx_with_chunk("afchunk.docx", inner), "x.docx").split("\n")[:3] == CHUNK_PARAS

    # an unread chunk beside text: the text is read and the chunk named in a warning
    def paragraph_first(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        return data.replace(b"<w:body>", f"<w:body>{_p(_r('正文第一段。'))}".encode(), 1)

    raw = rewrite_parts(_docx_with_chunk("afchunk.rtf", b"{\\rtf1\\ansi hello}"), paragraph_first)
    with pytest.warns(UserWarning, match=r"x\.docx: 1 imported chunk\(s\) not read \(word/afchunk\.rtf\)"):
        assert read_docx_text(raw, "x.docx").startswith("正文第一段。")
