"""Word's imported chunks (``w:altChunk``): a ``.docx`` whose body is a web page or an MHTML file inside the package.

Office systems that export documents from a web form often write a ``.docx`` whose body holds no paragraphs, only a
``w:altChunk`` pointing at a part of the package (``afchunk.mht``, ``chunk1.htm``) that Word renders when it opens
the file. Read as Word paragraphs, such a file is empty. :class:`AltChunks` finds each chunk's part through the
document's relationships and gives its text, one line per block, decoded as a web page is (an MHTML chunk through
:func:`~policytext.corpus.mhtml.mhtml_page`; a chunk that is itself a ``.docx``, as merging tools write, through
the reader it is given). A chunk of another type (RTF, plain text) or one that cannot be read gives no lines and is
named in :attr:`AltChunks.unread`.

>>> AltChunks(b"not a zip").lines("rId9")
[]
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable

from ..errors import DecodeError
from .clean import decode_markup_repairs
from .html import body_text
from .mhtml import mhtml_page
from .sniff import sniff_format

__all__ = ["AltChunks"]

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ALT_CHUNK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


class AltChunks:
    """The imported chunks of the ``.docx`` package *raw*, by relationship id, read on demand."""

    def __init__(
        self, raw: bytes, source: str = "<bytes>", read_docx: Callable[[bytes, str], str] | None = None
    ) -> None:
        self._raw = raw
        self._source = source
        self._read_docx = read_docx  # a chunk that is itself a .docx (what merging tools write)
        self._targets: dict[str, str] | None = None  # read on the first chunk (most files have none)
        self.unread: list[str] = []  # the chunk parts that gave no text (type or decoding), for messages

    def _read_targets(self) -> dict[str, str]:
        """Relationship id -> the package path of each imported chunk."""
        targets: dict[str, str] = {}
        try:
            with zipfile.ZipFile(io.BytesIO(self._raw)) as z:
                if "word/_rels/document.xml.rels" not in z.namelist():
                    return targets
                rels = ET.fromstring(z.read("word/_rels/document.xml.rels"))
        except (zipfile.BadZipFile, ET.ParseError, OSError):
            return targets
        for rel in rels.iter(_RELS + "Relationship"):
            if rel.get("Type") == _ALT_CHUNK_TYPE and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"word/{target}")
                targets[rel.get("Id") or ""] = path
        return targets

    def lines(self, rid: str) -> list[str]:
        """The text of the chunk with relationship id *rid*, one line per block (``[]`` when there is none)."""
        if self._targets is None:
            self._targets = self._read_targets()
        path = self._targets.get(rid)
        if path is None:
            return []
        try:
            with zipfile.ZipFile(io.BytesIO(self._raw)) as z:
                data = z.read(path)
        except (zipfile.BadZipFile, KeyError, OSError):
            self.unread.append(path)
            return []
        name = f"{self._source}:{path}"
        try:
            kind = sniff_format(data)
            if kind == "docx" and self._read_docx is not None:
                return self._read_docx(data, name).split("\n")
            if kind == "mhtml":
                html = mhtml_page(data, name).html
            elif kind == "html" or path.lower().endswith((".htm", ".html", ".xhtml")):
                html = decode_markup_repairs(data, name)[0]
            else:
                self.unread.append(path)
                return []
        except DecodeError:
            self.unread.append(path)
            return []
        return body_text(html).split("\n")  # Word shows the body, not the <title>
