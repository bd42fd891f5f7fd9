"""Typing a file by its content (magic bytes), never by its suffix alone.

>>> sniff_format(b"%PDF-1.7 ...")
'pdf'
>>> sniff_format("<!DOCTYPE html><html><body><p>稳中求进</p></body></html>".encode())
'html'
>>> sniff_format("坚持稳中求进。".encode())
'text'
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["READ_FORMATS", "sniff_format"]

#: What :func:`~policytext.corpus.read_document` reads, for messages.
READ_FORMATS = "plain text (UTF-8, GB18030, UTF-16/32 with BOM), HTML, PDF (extra 'pdf'), DOCX (extra 'docx')"

_PDF_RE = re.compile(rb"%PDF-\d\.\d")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_HTML_START_RE = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_MARK_RE = re.compile(rb"<(?:html|body|head)[\s>]|<!doctype\s+html", re.I)
_TAG_RE = re.compile(
    rb"</?(?:div|p|span|table|td|tr|a|br|li|ul|h[1-6]|img|meta|script|style|font|strong|b)\b[^<>]*>", re.I
)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")


def sniff_format(raw: bytes) -> str:
    """The format of *raw* from its bytes.

    ``"pdf"`` (``%PDF-1.x`` in the first kilobyte), ``"docx"`` (a ZIP holding ``word/document.xml``),
    ``"ole2"`` (a legacy ``.doc``/``.wps``/``.xls`` compound file), ``"zip"`` (another ZIP),
    ``"image"``, ``"html"`` (a doctype, ``<html>``/``<body>``, or markup that is mostly tags),
    else ``"text"`` (which the text decoder may still find to be binary).
    """
    head = raw[:1024]
    if b"%PDF-" in head and _PDF_RE.search(head):
        return "pdf"
    if raw.startswith(_OLE2):
        return "ole2"
    if raw.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if raw.startswith(_IMAGE_MAGIC):
        return "image"
    if _looks_like_html(raw):
        return "html"
    return "text"


def _looks_like_html(raw: bytes) -> bool:
    if b"<" not in raw[:65536]:
        return False
    # skip a byte-order mark and leading blanks
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML_START_RE.match(start[:4096]):
        return True
    sample = raw[:200_000]
    if _HTML_MARK_RE.search(sample[:20_000]) and len(_TAG_RE.findall(sample)) >= 3:
        return True
    # a fragment that is mostly markup: many block tags and most bytes inside tags
    tags = _TAG_RE.findall(sample)
    if len(tags) >= 20:
        in_tags = sum(len(t) for t in tags)
        return in_tags >= 0.25 * len(sample)
    return False
