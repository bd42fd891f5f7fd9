"""Pages saved as one file (MHTML, ``.mht``/``.mhtml``): typed by their MIME header, the page's HTML taken out of
the archive and read like any page; an archive without a page is a clear error."""

from __future__ import annotations

import base64
import datetime as dt
import quopri

import pytest

import policytext as pt
from helpers import html_scoring
from policytext.corpus.sniff import sniff_format
from policytext.errors import DecodeError

TITLE = "关于开展2024年度专业技术人员继续教育培训的通知"
PARAS = [
    "根据《专业技术人员继续教育规定》和有关文件要求，专业技术人员每年须参加继续教育学习，总学时累计不少于90学时。",
    "请各地、各单位高度重视，切实加强组织领导，在接到通知后及时进行转发并通知相关人员报名。",
]


def _html(charset: str = "utf-8") -> str:
    paras = "".join(f"<p style='text-indent:2em'>{p}</p>" for p in PARAS)
    return (
        f"<html><head><meta charset='{charset}'><title>{TITLE}_某某市人民政府</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> &gt; <a href='/zwgk'>政务公开</a></div>"
        f"<h1>{TITLE}</h1><div class='info'>发布时间：2024-03-03 来源：市人力资源和社会保障局</div>"
        f"<div class='content'>{paras}</div><div class='foot'>版权所有 某某市人民政府 京ICP备05060933号</div>"
        "</body></html>"
    )


def _archive(
    html_bytes: bytes,
    *,
    charset: str | None = "utf-8",
    encoding: str = "quoted-printable",
    start: bool = False,
    html_part: bool = True,
) -> bytes:
    """An archive as Chrome writes one: folded header, the page (quoted-printable with soft line breaks) and two
    resources; with *start*, the page comes last and the ``start`` parameter names it by its Content-ID."""
    body = quopri.encodestring(html_bytes) if encoding == "quoted-printable" else base64.encodebytes(html_bytes)
    ctype = "text/html" + (f'; charset="{charset}"' if charset else "")
    page = (
        f"Content-Type: {ctype}\r\nContent-ID: <frame-root@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: http://www.example.gov.cn/art/2024/3/3/1.html\r\n\r\n"
    ).encode() + body.replace(b"\n", b"\r\n")
    css = b"Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n.nav{color:red}\r\n"
    png = b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\r\n"
    parts = [css, png] + ([page] if html_part else [])
    if not start:
        parts = parts[-1:] + parts[:-1] if html_part else parts
    boundary = b"----MultipartBoundary--Lh3kS3m0pQ----"
    head = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/art/2024/3/3/1.html\r\n"
        b"Subject: =?utf-8?Q?=E5=85=B3=E4=BA=8E?=\r\nDate: Sun, 3 Mar 2024 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        + (b'\tstart="<frame-root@mhtml.blink>";\r\n' if start else b"")
        + b'\tboundary="'
        + boundary
        + b'"\r\n\r\n'
    )
    return head + b"".join(b"--" + boundary + b"\r\n" + p + b"\r\n" for p in parts) + b"--" + boundary + b"--\r\n"


def _same_reading(a: pt.Document, b: pt.Document) -> None:
    assert a.text == b.text
    keys = ("title", "date", "source")
    assert {k: a.meta.get(k) for k in keys} == {k: b.meta.get(k) for k in keys}


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_a_page_saved_as_one_file_reads_like_the_page(encoding):
    raw = _archive(_html().encode(), encoding=encoding)
    assert sniff_format(raw) == "mhtml"
    doc = pt.read_document(raw)
    _same_reading(doc, pt.read_document(_html().encode()))
    assert doc.text == "\n".join(PARAS)
    assert doc.meta["title"] == TITLE and doc.meta["date"] == dt.date(2024, 3, 3)
    assert doc.meta["format"] == "html" and doc.meta["container"] == "mhtml"
    assert doc.meta["url"] == "http://www.example.gov.cn/art/2024/3/3/1.html"
    assert doc.raw is not None and "<h1>" in doc.raw and "=E5" not in doc.raw  # the decoded page, not the archive


def test_the_page_named_by_start_is_read_and_a_gbk_page_in_its_charset():
    gbk = _html("gb2312").encode("gb18030")
    doc = pt.read_document(_archive(gbk, charset="gb2312", start=True))
    assert doc.text == "\n".join(PARAS) and doc.meta["encoding"] == "gb18030"
    # a wrong declaration (utf-8 over GBK bytes) is not trusted: the page is decoded as a web page is
    doc = pt.read_document(_archive(gbk, charset="utf-8"))
    assert doc.text == "\n".join(PARAS) and doc.meta["encoding"] == "gb18030"
    # no declaration at all
    assert pt.read_document(_archive(gbk, charset=None)).text == "\n".join(PARAS)


def test_an_archive_without_a_page_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "saved.mhtml"
    path.write_bytes(_archive(_html().encode(), html_part=False))
    with pytest.raises(DecodeError, match=r"saved\.mhtml.*MHTML.*no HTML page.*text/css, image/png"):
        pt.read_document(path)


def test_mime_looking_text_is_not_an_archive():
    assert sniff_format("来源：新华社\n作者：记者\n\n坚持稳中求进。".encode()) == "text"
    assert sniff_format(b"Subject: notes\r\nContent-Type: text/plain\r\n\r\nhello") == "text"
    # a header block must be all fields: a text that mentions multipart/related in its first paragraph is text
    assert sniff_format("说明：本文讨论 Content-Type: multipart/related 格式。\n\n正文".encode()) == "text"


def test_from_dir_reads_mht_and_mhtml_files_with_every_supported_type(tmp_path):
    (tmp_path / "a.mht").write_bytes(_archive(_html("gb2312").encode("gb18030"), charset="gb2312"))
    (tmp_path / "b.mhtml").write_bytes(_archive(_html().encode()))
    corpus = pt.Corpus.from_dir(tmp_path, pattern="**/*")
    assert len(corpus) == 2 and all(d.text == "\n".join(PARAS) for d in corpus)
    # the default pattern (.txt) names them and the pattern to use
    with pytest.warns(UserWarning, match=r"\.mht \.mhtml.*pattern="):
        assert len(pt.Corpus.from_dir(tmp_path)) == 0


_PAGES = [r for r in html_scoring.dev_records("pages") if r["id"].startswith(("r8_", "r9_"))][:6]


@pytest.mark.skipif(not html_scoring.mirror_available(_PAGES), reason=html_scoring.MIRROR_REASON)
@pytest.mark.parametrize("rec", _PAGES, ids=lambda r: r["id"])
def test_real_pages_saved_as_one_file_read_like_the_pages(rec):
    # real pages of the development set, wrapped as a browser would wrap them: the same document
    html_bytes = html_scoring.record_bytes(rec)
    _same_reading(pt.read_document(_archive(html_bytes)), pt.read_document(html_bytes))


def test_a_big5_page_saved_as_one_file():
    para = "中華民國經濟部今日發布新聞稿，說明產業發展政策。" * 3
    page = f"<html><head><title>經濟部新聞稿</title></head><body><h1>經濟部新聞稿</h1><p>{para}</p></body></html>"
    doc = pt.read_document(_archive(page.encode("big5hkscs"), charset="big5"))
    assert (
        doc.meta["encoding"] == "big5hkscs"
        and doc.text.startswith("中華民國經濟部")
        and doc.meta["title"] == "經濟部新聞稿"
    )


def test_addresses_charsets_and_a_byte_order_mark_of_real_archives():
    raw = _archive(_html().encode())
    # a folded Content-Location is one address; Word's temporary file:/// path is none
    folded = raw.replace(
        b"Content-Location: http://www.example.gov.cn/art/", b"Content-Location: http://www.example.gov.cn/\r\n art/"
    )
    assert pt.read_document(folded).meta["url"] == "http://www.example.gov.cn/art/2024/3/3/1.html"
    local = raw.replace(b"http://www.example.gov.cn/art/2024/3/3/1.html", b"file:///C:/D1A5A1B6/page.htm")
    assert "url" not in pt.read_document(local).meta
    # a Western charset over GBK bytes decodes anything: not trusted, the page is read as a web page is
    gbk = _archive(_html("gb2312").encode("gb18030"), charset="iso-8859-1")
    assert pt.read_document(gbk).text == "\n".join(PARAS)
    # an archive written with a UTF-8 byte-order mark is still an archive
    assert sniff_format(b"\xef\xbb\xbf" + raw) == "mhtml"
