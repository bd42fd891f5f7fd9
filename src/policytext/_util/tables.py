"""One writer and one reader of tidy tables, in every format the CLI and the API offer.

The format comes from ``format=`` or the file's suffix: ``.csv``, ``.tsv``, ``.jsonl``
(``.json`` too), ``.parquet`` (extra ``batch``: pyarrow), ``.xlsx`` (extra ``xlsx``: openpyxl),
``.txt`` for an aligned text table; any other suffix is refused. Values keep their meaning:

- nested values (``slots`` dicts, ``items`` lists, ``item_spans``) are JSON in CSV, TSV and
  Excel cells, native lists and structs in Parquet, JSON in JSON lines;
- a missing value is ``null`` in JSON (never ``NaN``) and an empty cell in CSV;
- an integer column with gaps (which pandas turns into floats: 2023.0) is written as integers;
- dates are ISO strings (``2023-02-13``).

:func:`read_table` reads every format back, decoding the JSON cells of CSV, TSV and Excel, so a
table round-trips with equal values and types.

>>> import pandas as pd, tempfile, pathlib
>>> df = pd.DataFrame({"year": [2023, None], "slots": [{"X": "党建"}, None]})
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.jsonl"
>>> write_table(df, p)
>>> p.read_text(encoding="utf-8").splitlines()[0]
'{"year": 2023, "slots": {"X": "党建"}}'
>>> read_table(p)["slots"].tolist()
[{'X': '党建'}, None]
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, MissingExtraError
from .frames import is_missing
from .output import output_target, write_output

__all__ = ["TABLE_FORMATS", "read_table", "render_table", "table_format", "write_table"]

#: suffix -> format
TABLE_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".txt": "table",
}
_BINARY = ("parquet", "xlsx")


def table_format(path: str | os.PathLike[str] | None, format: str | None = None) -> str:
    """The format to write *path* in: *format* if given, else from the suffix; ``table`` for standard output.

    >>> table_format("out.tsv"), table_format(None), table_format("x.csv", "jsonl")
    ('tsv', 'table', 'jsonl')
    """
    known = sorted(set(TABLE_FORMATS.values()))
    if format is not None:
        if format not in known:
            raise InputError(f"format: expected one of {', '.join(known)}, not {format!r}")
        return format
    if path is None or str(path) == "-":
        return "table"
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise InputError(
            f"{path}: unknown output format {suffix or '(no suffix)'!r}; use one of "
            f"{', '.join(sorted(TABLE_FORMATS))} or give the format explicitly"
        )
    return TABLE_FORMATS[suffix]


def _is_missing(v: Any) -> bool:
    """A gap as :func:`~policytext._util.frames.is_missing` sees it, or a missing timestamp (``NaT``)."""
    return v is pd.NaT or is_missing(v)


def _plain(v: Any) -> Any:
    """A JSON-ready Python value: numpy scalars unwrapped, dates as ISO text, sets sorted, gaps as None."""
    if isinstance(v, np.generic):
        v = v.item()
    if _is_missing(v):
        return None
    if isinstance(v, (_dt.date, _dt.datetime, pd.Timestamp)):
        return v.isoformat()
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (set, frozenset)):
        return sorted(_plain(x) for x in v)
    if isinstance(v, (list, tuple, np.ndarray)):
        return [_plain(x) for x in v]
    return v


def _ints_with_gaps(col: pd.Series) -> bool:
    """A float column that is an integer column with gaps (all present values whole, at least one missing)."""
    if not pd.api.types.is_float_dtype(col) or not col.isna().any():
        return False
    present = col.dropna()
    return bool(len(present)) and bool(np.all(np.mod(present.to_numpy(), 1) == 0))


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    cols = {c: (_ints_with_gaps(df[c])) for c in df.columns}
    out = []
    for row in df.itertuples(index=False, name=None):
        rec = {}
        for c, v in zip(df.columns, row):
            v = _plain(v)
            if cols[c] and v is not None:
                v = int(v)
            rec[str(c)] = v
        out.append(rec)
    return out


def _cells(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with nested values as JSON text and integer columns with gaps as integers (object)."""
    rows = _records(df)
    nested = lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v  # noqa: E731
    cells = [{k: nested(v) for k, v in r.items()} for r in rows]
    # object dtype: a column of ints with gaps must not become floats (2023.0) again
    return pd.DataFrame(cells, columns=[str(c) for c in df.columns], dtype=object)


def render_table(df: pd.DataFrame) -> str:
    """An aligned text table for a terminal (wide CJK characters counted as two columns)."""
    with pd.option_context(
        "display.max_rows",
        200,
        "display.max_columns",
        20,
        "display.width",
        200,
        "display.max_colwidth",
        40,
        "display.unicode.east_asian_width",
        True,
    ):
        return df.to_string(index=False) + "\n"


def _encode(df: pd.DataFrame, fmt: str) -> str | bytes:
    if fmt == "table":
        return render_table(df)
    if fmt in ("csv", "tsv"):
        return _cells(df).to_csv(index=False, sep="\t" if fmt == "tsv" else ",")
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(df))
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingExtraError("Parquet output", "batch", "pyarrow") from None
        table = pa.Table.from_pylist(_records(df)) if len(df) else pa.Table.from_pandas(df, preserve_index=False)
        buf = io.BytesIO()
        pq.write_table(table, buf)
        return buf.getvalue()
    if fmt == "xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise MissingExtraError("Excel output", "xlsx", "openpyxl") from None
        buf = io.BytesIO()
        _cells(df).to_excel(buf, index=False, engine="openpyxl")
        return buf.getvalue()
    raise InputError(f"format: unknown {fmt!r}")  # pragma: no cover - table_format checked it


def write_table(
    df: pd.DataFrame,
    path: str | os.PathLike[str] | None,
    *,
    format: str | None = None,
    overwrite: bool = False,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write *df* to *path* (``None`` or ``"-"``: standard output) in its format; see the module's rules.

    An existing file is refused unless ``overwrite=True``; a path among *protect* (the inputs) always.
    """
    fmt = table_format(path, format)
    target = output_target(path, overwrite=overwrite, protect=protect)
    if target.kind == "stdout" and fmt in _BINARY:
        raise InputError(f"format {fmt}: a binary format needs a file (-o out.{fmt}), not standard output")
    write_output(target, _encode(df, fmt))


def _decode_json_cells(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        col = df[c]
        if col.dtype != object:
            continue
        texts = [v for v in col if isinstance(v, str)]
        if texts and all(t[:1] in "[{" and t[-1:] in "]}" for t in texts):
            try:
                df[c] = [json.loads(v) if isinstance(v, str) else None for v in col]
            except json.JSONDecodeError:
                continue
    return df


def _restore_ints(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        if _ints_with_gaps(df[c]):
            df[c] = pd.Series([None if _is_missing(v) else int(v) for v in df[c]], index=df.index, dtype=object)
    return df


def read_table(path: str | os.PathLike[str], *, format: str | None = None) -> pd.DataFrame:
    """Read a table written by :func:`write_table` back: JSON cells decoded, integer columns with gaps as ints."""
    fmt = table_format(path, format)
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    if fmt in ("csv", "tsv"):
        df = pd.read_csv(p, sep="\t" if fmt == "tsv" else ",", dtype=object, keep_default_na=False)
        df = df.replace({"": None})
        df = _decode_json_cells(df)
        for c in df.columns:  # numbers back to numbers where every present value is one
            converted = pd.to_numeric(df[c], errors="coerce")
            if df[c].notna().sum() and converted.notna().sum() == df[c].notna().sum():
                df[c] = converted
        return _restore_ints(df)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        return _restore_ints(pd.DataFrame(rows))
    if fmt == "parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingExtraError("Parquet input", "batch", "pyarrow") from None
        rows = pq.read_table(p).to_pylist()
        return _restore_ints(pd.DataFrame(rows))
    if fmt == "xlsx":
        df = pd.read_excel(p, engine="openpyxl", dtype=object).replace({np.nan: None})
        return _restore_ints(_decode_json_cells(df))
    raise InputError(f"{p}: an aligned text table cannot be read back; write csv, tsv, jsonl, parquet or xlsx")
