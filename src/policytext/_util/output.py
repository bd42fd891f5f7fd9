"""Where output goes, checked before anything is written: nothing the user already had is lost.

:func:`output_target` decides, for a path the user named, how to write it:

- ``None`` or ``"-"``: standard output;
- a path that does not exist yet: a new file, written atomically (temporary file, then rename);
- an existing regular file: refused unless ``overwrite=True`` (the CLI's ``--force``), then replaced atomically;
- a symbolic link: written through to the file it points to (the link stays a link);
- a FIFO or a character device such as ``/dev/stdout``: opened and streamed into, never replaced;
  other devices, sockets and directories: refused;
- a path that is one of the inputs (*protect*): always refused, ``--force`` or not.

:func:`write_output` then writes bytes or text there.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
>>> write_output(output_target(p), "a\\n")
>>> write_output(output_target(p), "b\\n")
Traceback (most recent call last):
...
policytext.errors.InputError: ...out.csv: already exists; pass --force (overwrite=True) to replace it
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .files import atomic_write_bytes

__all__ = ["OutputTarget", "output_target", "write_output"]


@dataclass(frozen=True)
class OutputTarget:
    """A checked place to write: ``kind`` is ``"stdout"``, ``"file"`` (atomic) or ``"stream"`` (FIFO, tty)."""

    kind: str
    path: Path | None = None
    shown: str = "-"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def output_target(
    path: str | os.PathLike[str] | None, *, overwrite: bool = False, protect: Iterable[str | os.PathLike[str]] = ()
) -> OutputTarget:
    """Check *path* as an output and say how to write it; every refusal is an :class:`InputError` naming it."""
    if path is None or str(path) == "-":
        return OutputTarget("stdout")
    given = Path(path)
    shown = str(path)
    for p in protect:
        if _same_file(given, Path(p)) or given.resolve() == Path(p).resolve():
            raise InputError(f"{shown}: is one of the inputs; write the output somewhere else")
    target = given.resolve() if given.is_symlink() else given
    try:
        st = target.stat()
    except FileNotFoundError:
        if not target.parent.exists():
            raise InputError(f"{shown}: the folder {target.parent} does not exist") from None
        if not os.access(target.parent, os.W_OK):
            raise InputError(f"{shown}: cannot write in {target.parent} (permission denied)") from None
        return OutputTarget("file", target, shown)
    except OSError as e:
        raise InputError(f"{shown}: cannot be used as an output ({e.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{shown}: is a directory; name a file to write")
    if stat.S_ISFIFO(st.st_mode) or (stat.S_ISCHR(st.st_mode) and _is_stream_device(target)):
        return OutputTarget("stream", target, shown)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown}: is a device or socket, not a file; policytext will not replace it")
    if not overwrite:
        raise InputError(f"{shown}: already exists; pass --force (overwrite=True) to replace it")
    if not os.access(target, os.W_OK):
        raise InputError(f"{shown}: cannot be replaced (permission denied)")
    return OutputTarget("file", target, shown)


def _is_stream_device(path: Path) -> bool:
    """Character devices that are meant to be written as a stream (a terminal, /dev/stdout, /dev/null)."""
    name = str(path.resolve())
    return name in ("/dev/null", "/dev/stdout", "/dev/stderr") or name.startswith(("/dev/pts/", "/dev/tty"))


def write_output(target: OutputTarget, data: str | bytes) -> None:
    """Write *data* to *target*: atomically for a file, streamed for standard output, a FIFO or a terminal."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if target.kind == "stdout":
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    assert target.path is not None
    if target.kind == "stream":
        with open(target.path, "wb") as fh:
            fh.write(raw)
        return
    try:
        atomic_write_bytes(target.path, raw)
    except OSError as e:
        raise InputError(f"{target.shown}: could not be written ({e.strerror})") from None
