"""File helpers: safe output (temporary file beside the target, then rename) and JSON lines.

A killed process never leaves a half-written file under the final name, and an
existing file is replaced only once the new one is complete.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
>>> atomic_write_text(p, "a,b\\n")
>>> p.read_text()
'a,b\\n'
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["atomic_write_bytes", "atomic_write_text", "iter_json_lines"]


def iter_json_lines(text: str, source: str) -> Iterator[tuple[int, Any]]:
    """``(line_number, value)`` of every non-blank line of JSON-lines *text*.

    A line that is not JSON raises :class:`InputError` naming *source* and the line.

    >>> list(iter_json_lines('{"a": 1}\\n\\n[2]', "x.jsonl"))
    [(1, {'a': 1}), (3, [2])]
    """
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{source}, line {lineno}: invalid JSON: {e.msg} (column {e.colno})") from None
        yield lineno, value


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write *data* to *path* atomically (temporary file + ``os.replace``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates 0600 files; give the result the usual permissions (or the replaced file's)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write *text* to *path* atomically."""
    atomic_write_bytes(path, text.encode(encoding))
