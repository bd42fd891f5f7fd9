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

from .clean import BYTE_ORDER_MARKS

__all__ = ["READ_FORMATS", "UNREAD_FORMATS", "sniff_format"]

#: What :func:`~policytext.corpus.read_document` reads, for messages.
READ_FORMATS = (
    "plain text (UTF-8, GB18030, UTF-16/32 with BOM), HTML, a page saved as one file (MHTML: .mht, .mhtml), "
    "PDF (extra 'pdf'), DOCX (extra 'docx')"
)

#: Formats that are recognised and not read, for messages: what the file is, and what to do with it.
UNREAD_FORMATS = {
    "ole2": "a legacy Word/WPS/Excel file (OLE2 compound document), which policytext does not read; "
    "save it as .docx or PDF",
    "rtf": "an RTF file (Rich Text Format), which policytext does not read; save it as .docx or PDF",
    "ofd": "an OFD file (版式文档, GB/T 33190), which policytext does not read; export it as PDF",
    "odf": "an OpenDocument file (.odt/.ods/.odp), which policytext does not read; save it as .docx or PDF",
    "xlsx": "an Excel workbook (.xlsx), not a document",
    "pptx": "a PowerPoint presentation (.pptx), not a document; save it as PDF",
    "zip": "a ZIP archive that is not a .docx, not a document",
    "image": "an image, not a document",
}
#: The part that tells a ZIP-based format from the others (checked in this order).
_ZIP_MARKS = (
    ("word/document.xml", "docx"),
    ("OFD.xml", "ofd"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
)
_PDF_RE = re.compile(rb"%PDF-\d\.\d")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_HTML_START_RE = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_MARK_RE = re.compile(rb"<(?:html|body|head)[\s>]|<!doctype\s+html", re.I)
_TAG_RE = re.compile(
    rb"</?(?:div|p|span|table|td|tr|a|br|li|ul|h[1-6]|img|meta|script|style|font|strong|b)\b[^<>]*>", re.I
)
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
#: Byte-order marks of the wide encodings (the decoder's table without UTF-8's)
_WIDE_BOMS = tuple((bom, encoding) for bom, encoding in BYTE_ORDER_MARKS if encoding != "utf-8-sig")
#: How much of a wide-encoded file is transcoded to look for markup (the HTML tests read at most 200,000 bytes).
_WIDE_SAMPLE_BYTES = 800_000


def sniff_format(raw: bytes) -> str:
    """The format of *raw* from its bytes.

    ``"pdf"`` (``%PDF-1.x`` in the first kilobyte), ``"docx"`` (a ZIP holding ``word/document.xml``),
    ``"ole2"`` (a legacy ``.doc``/``.wps``/``.xls`` compound file), ``"ofd"``, ``"xlsx"``, ``"pptx"``, ``"odf"``
    (OpenDocument), ``"zip"`` (another ZIP), ``"image"``, ``"rtf"``, ``"mhtml"`` (a page saved as one file: a
    MIME header block declaring ``multipart/related``), ``"html"`` (a doctype, ``<html>``/``<body>``, or markup
    that is mostly tags), else ``"text"`` (which the text decoder may still find to be binary).
    """
    head = raw[:1024]
    if b"%PDF-" in head and _PDF_RE.search(head):
        return "pdf"
    if raw.startswith(_OLE2):
        return "ole2"
    if raw.startswith(_ZIP):
        return _zip_format(raw)
    if raw.startswith(_IMAGE_MAGIC):
        return "image"
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_mhtml(raw):
        return "mhtml"
    if _looks_like_html(_narrow(raw)):
        return "html"
    return "text"


# a line of a MIME header block: a field name and its value, or the folded continuation of the line before
_HEADER_FIELD_RE = re.compile(rb"[!-9;-~]+:[^\n]*|[ \t][^\n]*")
_MULTIPART_RELATED_RE = re.compile(rb"^content-type:\s*multipart/related\b", re.I | re.M)


def _zip_format(raw: bytes) -> str:
    """The format of a ZIP container: ``docx``, ``ofd``, ``xlsx``, ``pptx``, ``odf`` (an OpenDocument ``mimetype``
    entry) or ``zip``."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "zip"
    for mark, fmt in _ZIP_MARKS:
        if mark in names:
            return fmt
    return "odf" if mimetype.startswith(b"application/vnd.oasis.opendocument") else "zip"


def _looks_like_mhtml(raw: bytes) -> bool:
    r"""*raw* opens with a MIME header block (every line a field or a continuation, up to the first blank line)
    that declares ``Content-Type: multipart/related``: a page saved as one file (``From: <Saved by Blink>`` …).

    >>> _looks_like_mhtml(b'From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\tboundary="B"\r\n\r\n--B')
    True
    >>> _looks_like_mhtml("来源：新华社\n\n正文".encode())
    False
    """
    head = raw[:16384].removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
    end = head.find(b"\n\n")
    if end <= 0 or b":" not in head[:80]:
        return False
    block = head[:end]
    if not all(_HEADER_FIELD_RE.fullmatch(line) for line in block.split(b"\n")):
        return False
    return bool(_MULTIPART_RELATED_RE.search(re.sub(rb"\n[ \t]+", b" ", block)))


def _narrow(raw: bytes) -> bytes:
    """*raw* itself, or, for a file with a UTF-16 or UTF-32 byte-order mark (a page that Word or Internet Explorer
    saved as "Unicode"), the start of its text in UTF-8, so that its markup can be recognised.

    >>> _narrow("<html><body>稳中求进</body></html>".encode("utf-16"))[:12]  # (Python writes the mark)
    b'<html><body>'
    >>> _narrow(b"<p>x</p>")
    b'<p>x</p>'
    """
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            head = raw[:_WIDE_SAMPLE_BYTES]
            head = head[: len(head) - (len(head) - len(bom)) % (4 if encoding == "utf-32" else 2)]
            return head.decode(encoding, errors="replace").encode("utf-8")
    return raw


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
