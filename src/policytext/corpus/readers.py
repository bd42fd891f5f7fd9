"""Reading one document from a file or bytes: decoding, cleaning, metadata, normalization.

>>> doc = read_document("来源:新华社\\n坚持稳中求进。".encode("gb18030"))
>>> doc.meta["source"], doc.meta["encoding"]
('新华社', 'gb18030')
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.files import iter_json_lines
from ..errors import InputError
from .clean import clean_text, decode_bytes, parse_date
from .document import Document
from .text import normalize as _normalize

__all__ = ["load_sidecar", "make_document", "read_document", "read_file_bytes"]

_YEAR_IN_NAME_RE = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")


def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    doc_id: str | None = None,
    clean: bool = True,
    normalize: bool = True,
    meta: dict[str, Any] | None = None,
) -> Document:
    """Read one document from a path or from bytes.

    Decodes UTF-8 (with or without BOM), GB18030/GBK/GB2312 and UTF-16 with BOM
    (the encoding goes to ``meta["encoding"]``), cleans scraped-page chrome and
    header lines into metadata (``clean=False`` keeps the text as it is), and
    applies the length-preserving :func:`~policytext.corpus.text.normalize`. The decoded
    text before cleaning stays in ``Document.raw``.

    Raises :class:`~policytext.DecodeError` for binary or undecodable input and
    :class:`~policytext.InputError` for an empty document, naming the file.

    >>> doc = read_document("来源:新华社\\n坚持稳中求进,推动高质量发展。".encode("gb18030"))
    >>> doc.text, doc.meta["source"], doc.meta["encoding"]
    ('坚持稳中求进，推动高质量发展。', '新华社', 'gb18030')
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw_bytes = bytes(source)
        name = "<bytes>"
        path: Path | None = None
    else:
        path = Path(source)
        name = str(path)
        raw_bytes = read_file_bytes(path)
    text, encoding = decode_bytes(raw_bytes, source=name)
    return make_document(
        text, name=name, path=path, doc_id=doc_id, clean=clean, normalize=normalize, meta=meta, encoding=encoding
    )


def make_document(
    text: str,
    *,
    name: str,
    path: Path | None,
    doc_id: str | None,
    clean: bool,
    normalize: bool,
    meta: dict[str, Any] | None,
    encoding: str | None = None,
) -> Document:
    info: dict[str, Any] = {}
    if clean:
        body, found = clean_text(text)
        info.update(found)
    else:
        body = text
    if meta:
        info.update({k: v for k, v in meta.items() if v is not None and not (isinstance(v, float) and v != v)})
    if isinstance(info.get("date"), str):
        info["date"] = parse_date(info["date"])
    if path is not None:
        info.setdefault("path", str(path))
        if "date" not in info and "year" not in info:
            m = _YEAR_IN_NAME_RE.search(path.stem)
            if m:
                info["year"] = int(m.group(1))
    if encoding:
        info["encoding"] = encoding
    info.setdefault("date", None)
    if not body.strip():
        raise InputError(f"{name}: empty document (no text{' after cleaning' if clean else ''})")
    if normalize:
        body = _normalize(body)
    if doc_id is None:
        doc_id = path.stem if path is not None else "0"
    return Document(doc_id=doc_id, text=body, meta=info, raw=text)


def load_sidecar(root: Path, metadata: Any) -> dict[str, dict[str, Any]]:
    """Curated metadata keyed by relative path and by doc_id."""
    if metadata is None:
        return {}
    if isinstance(metadata, str) and metadata == "auto":
        found = [p for p in (root / "manifest.jsonl", root / "metadata.csv") if p.is_file()]
        if not found:
            return {}
        metadata = found[0]
    if isinstance(metadata, pd.DataFrame):
        df, name = metadata, "metadata DataFrame"
    else:
        p = Path(metadata)
        name = str(p)
        raw, _ = decode_bytes(read_file_bytes(p), source=name)
        if p.suffix == ".jsonl":
            df = pd.DataFrame([row for _, row in iter_json_lines(raw, name)])
        else:
            try:
                df = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False)
            except (pd.errors.ParserError, ValueError) as e:
                raise InputError(f"{p}: malformed CSV: {e}") from None
    key = "path" if "path" in df.columns else "doc_id" if "doc_id" in df.columns else None
    if key is None:
        raise InputError(f"{name}: needs a 'path' or 'doc_id' column to match files")
    out: dict[str, dict[str, Any]] = {}
    for rec in df.to_dict(orient="records"):
        k = str(rec.pop(key))
        rec.pop("doc_id", None)
        out[k] = {str(f): v for f, v in rec.items() if v is not None and v != ""}
    return out


def read_file_bytes(p: Path) -> bytes:
    """The bytes of file *p*; a missing file or a directory is an :class:`InputError` naming it."""
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; use Corpus.from_dir") from None
