"""Editing the parts of a .docx package for reader tests (python-docx writes it; a test rewrites its XML)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable


def rewrite_parts(raw: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """*raw* with every part replaced by ``edit(name, data)`` (return *data* to keep a part as it is).

    >>> import docx
    >>> buf = io.BytesIO(); docx.Document().save(buf)
    >>> out = rewrite_parts(buf.getvalue(), lambda name, data: b"x" if name == "word/settings.xml" else data)
    >>> zipfile.ZipFile(io.BytesIO(out)).read("word/settings.xml")
    b'x'
    """
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            z.writestr(item, edit(item.filename, src.read(item.filename)))
    return out.getvalue()
