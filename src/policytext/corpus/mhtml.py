"""Pages saved as one file (MHTML, ``.mht``/``.mhtml``): the page's HTML out of its MIME archive.

Browsers save a page "as a single file" (Chrome's and Edge's *Webpage, Single File*, Internet Explorer's
*Web Archive*, Word's *Single File Web Page*) in the format of an e-mail: a ``multipart/related`` message whose
root part is the page's HTML, usually quoted-printable or base64, followed by its images and style sheets. The
standard library's :mod:`email` package unpacks it; the HTML then goes through the reading of web pages.

>>> raw = (b'From: <Saved by Blink>\\r\\nMIME-Version: 1.0\\r\\n'
...        b'Content-Type: multipart/related; type="text/html"; boundary="B"\\r\\n\\r\\n'
...        b'--B\\r\\nContent-Type: text/html; charset=utf-8\\r\\nContent-Transfer-Encoding: quoted-printable\\r\\n'
...        b'Content-Location: http://www.gov.cn/a.htm\\r\\n\\r\\n<p>=E7=A8=B3=E4=B8=AD=E6=B1=82=E8=BF=9B</p>\\r\\n--B--\\r\\n')
>>> page = mhtml_page(raw, "a.mht")
>>> page.html.strip(), page.encoding, page.url
('<p>稳中求进</p>', 'utf-8', 'http://www.gov.cn/a.htm')
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import Message

from ..errors import DecodeError
from .clean import decode_markup_repairs, superset_encoding

__all__ = ["SavedPage", "mhtml_page"]

#: Charsets that decode any byte, so a wrong declaration would go unnoticed (a GBK page declared Western): the page
#: is decoded as a web page is instead.
_UNRELIABLE = frozenset({"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii"})


@dataclass(frozen=True)
class SavedPage:
    """The HTML of a saved page: its text, the charset it was decoded with, what decoding repaired (or None) and
    the address it was saved from (the root part's ``Content-Location``, else ``Snapshot-Content-Location``)."""

    html: str
    encoding: str
    repair: str | None
    url: str | None


def _root_part(message: Message) -> Message | None:
    """The part holding the page: the part the ``start`` parameter names by its Content-ID, else the first
    ``text/html`` part (browsers write the page first), else None."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str) and start.strip():
        cid = start.strip().strip("<>")
        for p in parts:
            if str(p.get("Content-ID", "")).strip().strip("<>") == cid:
                return p
    return next((p for p in parts if p.get_content_type() == "text/html"), None)


def mhtml_page(raw: bytes, source: str = "<bytes>") -> SavedPage:
    """The HTML of the page that the MHTML archive *raw* holds.

    The root part is decoded with the charset it declares (GB2312 and GBK as GB18030, Big5 as Big5-HKSCS);
    without one, or where that fails, as a web page is (:func:`~policytext.corpus.clean.decode_markup_repairs`:
    BOM, UTF-8, GB18030, the ``<meta>`` charset). An archive without an HTML part is a
    :class:`~policytext.DecodeError` naming *source*.
    """
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    part = _root_part(message)
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes) or not payload.strip():
        raise DecodeError(
            f"{source}: a page saved as one file (MHTML) that holds no HTML page "
            f"(parts: {', '.join(p.get_content_type() for p in message.walk() if not p.is_multipart()) or 'none'})",
            source=source,
            offset=0,
        )
    url = _web_address(part.get("Content-Location")) or _web_address(message.get("Snapshot-Content-Location"))
    charset = part.get_content_charset()
    known = charset if charset and charset.lower() not in _UNRELIABLE else None
    if known:
        encoding = superset_encoding(known)
        try:
            return SavedPage(payload.decode(encoding), encoding, None, url)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: decoded as a web page is
    html, encoding, repair = decode_markup_repairs(payload, source=source, charset=known)
    return SavedPage(html, encoding, repair, url)


def _web_address(value: object) -> str | None:
    r"""An http(s) address from a header (unfolded), or None: Word's single-file pages name a temporary
    ``file:///`` path, and a header that lost its non-ASCII characters names nothing useful.

    >>> _web_address("http://www.gov.cn/zhengce/2024-01/01/\r\n content_1.htm")
    'http://www.gov.cn/zhengce/2024-01/01/content_1.htm'
    >>> _web_address("file:///C:/D1A5A1B6/page.htm") is None
    True
    """
    if not value:
        return None
    url = re.sub(r"\r?\n[ \t]+", "", str(value)).strip()
    if not re.match(r"https?://", url, re.I) or "\ufffd" in url:
        return None
    return url
