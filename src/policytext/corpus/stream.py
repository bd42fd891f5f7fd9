"""Lazy readers: documents one at a time, in bounded memory.

Each reader yields :class:`~policytext.Document` objects; with ``errors="skip"`` a
file or record that cannot be read is yielded as a :class:`ReadError` instead of
raising, so a batch job can log it and go on (``errors="record"`` is 0.1's spelling).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("稳中求进。")
>>> [doc.doc_id for doc in iter_dir(d)]
['a']
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from .._util.convention import ERRORS_CHOICES, check_choice
from ..errors import DecodeError, InputError, MissingExtraError
from .clean import decode_bytes
from .document import Document
from .readers import load_sidecar, make_document, read_document, select_files

__all__ = ["ReadError", "iter_csv", "iter_dir", "iter_jsonl", "iter_parquet", "iter_source_items", "list_dir"]


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read: where it was and why."""

    doc_id: str
    source: str
    error: str


Item = Union[Document, ReadError]


def _check_errors(errors: str) -> str:
    # 0.1 spelled "skip" as "record" here
    return check_choice("errors", errors, ERRORS_CHOICES, deprecated={"record": "skip"})


def list_dir(
    path: str | os.PathLike[str], pattern: str = "**/*.txt", metadata: Any = "auto"
) -> list[tuple[str, Path, dict[str, Any] | None]]:
    """``(doc_id, file, curated metadata)`` for every file :func:`iter_dir` would read, in order
    (the files :meth:`Corpus.from_dir` reads: see :func:`~policytext.corpus.readers.select_files`)."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    sidecar = load_sidecar(root, metadata)
    out = []
    files, _ = select_files(root, pattern, metadata)
    for file in files:
        rel = file.relative_to(root)
        doc_id = rel.with_suffix("").as_posix()
        out.append((doc_id, file, sidecar.get(rel.as_posix()) or sidecar.get(doc_id)))
    return out


def iter_dir(
    path: str | os.PathLike[str],
    pattern: str = "**/*.txt",
    *,
    errors: str = "raise",
    clean: bool = True,
    normalize: bool = True,
    max_bytes: int | None = None,
    metadata: Any = "auto",
) -> Iterator[Item]:
    """Documents of the files under *path* matching *pattern*, sorted by path, one at a time.

    ``doc_id`` and *metadata* work as in :meth:`Corpus.from_dir`. Files larger than
    *max_bytes* are reported as errors instead of being read.
    """
    errors = _check_errors(errors)
    for doc_id, file, extra in list_dir(path, pattern, metadata):
        try:
            if max_bytes is not None and file.stat().st_size > max_bytes:
                raise InputError(f"{file}: {file.stat().st_size:,} bytes, more than max_bytes={max_bytes:,}")
            yield read_document(file, doc_id=doc_id, clean=clean, normalize=normalize, meta=extra)
        except (DecodeError, InputError) as e:
            if errors == "raise":
                raise
            yield ReadError(doc_id, str(file), str(e))


def _record_document(
    rec: dict[str, Any], *, text: str, id: str | None, pos: int, where: str, clean: bool, normalize: bool
) -> Document:
    if text not in rec:
        raise InputError(f"{where}: no {text!r} field")
    body = rec[text]
    if not isinstance(body, str):
        raise InputError(f"{where}: text is {type(body).__name__}, not str")
    did = str(rec[id]) if id is not None and id in rec and rec[id] not in (None, "") else str(pos)
    meta = {k: v for k, v in rec.items() if k != text and k != id}
    return make_document(body, name=where, path=None, doc_id=did, clean=clean, normalize=normalize, meta=meta)


def _existing_file(path: str | os.PathLike[str]) -> Path:
    """*path* as a Path; a missing file or a directory is an :class:`InputError` naming it."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a table of documents")
    return p


def iter_jsonl(
    path: str | os.PathLike[str],
    text: str = "text",
    id: str | None = "doc_id",
    *,
    errors: str = "raise",
    clean: bool = False,
    normalize: bool = True,
) -> Iterator[Item]:
    """Documents of a JSON-lines file, one line at a time (UTF-8 or UTF-8 with BOM)."""
    errors = _check_errors(errors)
    p = _existing_file(path)
    with open(p, "rb") as fh:
        pos = 0
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{p}, line {lineno}"
            try:
                line, _ = decode_bytes(
                    raw[3:] if lineno == 1 and raw.startswith(b"\xef\xbb\xbf") else raw, source=where
                )
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{where}: invalid JSON: {e.msg} (column {e.colno})") from None
                if not isinstance(rec, dict):
                    raise InputError(f"{where}: expected a JSON object, got {type(rec).__name__}")
                yield _record_document(rec, text=text, id=id, pos=pos, where=where, clean=clean, normalize=normalize)
            except (DecodeError, InputError) as e:
                if errors == "raise":
                    raise
                yield ReadError(str(pos), where, str(e))
            pos += 1


def iter_csv(
    path: str | os.PathLike[str],
    text: str = "text",
    id: str | None = "doc_id",
    *,
    errors: str = "raise",
    clean: bool = False,
    normalize: bool = True,
    encoding: str = "utf-8-sig",
) -> Iterator[Item]:
    """Documents of a CSV file, one record at a time (the standard csv module, streaming)."""
    errors = _check_errors(errors)
    p = _existing_file(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(p, encoding=encoding, newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None:
            raise InputError(f"{p}: empty CSV")
        if text not in reader.fieldnames:
            raise InputError(f"{p}: no text column {text!r} (columns: {', '.join(reader.fieldnames)})")
        pos = 0
        while True:
            try:
                rec = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                raise InputError(f"{p}, line {reader.line_num}: malformed CSV: {e}") from None
            where = f"{p}, line {reader.line_num}"
            try:
                if None in rec:
                    raise InputError(f"{where}: more fields than the header has")
                yield _record_document(rec, text=text, id=id, pos=pos, where=where, clean=clean, normalize=normalize)
            except InputError as e:
                if errors == "raise":
                    raise
                yield ReadError(str(pos), where, str(e))
            pos += 1


def iter_parquet(
    path: str | os.PathLike[str],
    text: str = "text",
    id: str | None = "doc_id",
    *,
    errors: str = "raise",
    clean: bool = False,
    normalize: bool = True,
    batch_size: int = 256,
) -> Iterator[Item]:
    """Documents of a Parquet file, read in record batches (needs the ``batch`` extra)."""
    errors = _check_errors(errors)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("reading Parquet", "batch", "pyarrow") from None
    p = Path(path)
    try:
        pf = pq.ParquetFile(p)
    except Exception as e:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"{p}: not a readable Parquet file: {e}") from None
    pos = 0
    for batch in pf.iter_batches(batch_size=batch_size):
        for rec in batch.to_pylist():
            where = f"{p}, row {pos}"
            try:
                yield _record_document(rec, text=text, id=id, pos=pos, where=where, clean=clean, normalize=normalize)
            except InputError as e:
                if errors == "raise":
                    raise
                yield ReadError(str(pos), where, str(e))
            pos += 1


def iter_source_items(source: Any, *, errors: str = "skip") -> Iterator[Item]:
    """Documents from a directory path, a ``.jsonl``/``.csv``/``.parquet`` file path, or an iterable."""
    errors = _check_errors(errors)
    if isinstance(source, (str, os.PathLike)):
        p = Path(source)
        if p.is_dir():
            yield from iter_dir(p, errors=errors)
        elif p.suffix == ".jsonl":
            yield from iter_jsonl(p, errors=errors)
        elif p.suffix == ".csv":
            yield from iter_csv(p, errors=errors)
        elif p.suffix == ".parquet":
            yield from iter_parquet(p, errors=errors)
        elif p.is_file():
            try:
                yield read_document(p)
            except (DecodeError, InputError) as e:
                if errors == "raise":
                    raise
                yield ReadError(p.stem, str(p), str(e))
        else:
            raise InputError(f"{p}: no such file or directory")
    else:
        for i, item in enumerate(source):
            if isinstance(item, (Document, ReadError)):
                yield item
            elif isinstance(item, str):
                yield make_document(
                    item, name=f"item {i}", path=None, doc_id=str(i), clean=False, normalize=True, meta=None
                )
            else:
                raise InputError(f"source item {i} is {type(item).__name__}; expected Document or str")
