"""Part files of a batch run: one schema for every part, written atomically.

Nested cells become JSON text and integer columns ``Int64``, so every part of a step
has the same schema whatever its chunk held; :func:`policytext.batch.runner.read_results`
restores the values from the kinds :func:`prepare_part` returns.

>>> import pandas as pd
>>> df, kinds = prepare_part(pd.DataFrame({"items": [["学出", "理想"]], "n": [2]}))
>>> df["items"].tolist(), kinds["nested"]
(['["学出", "理想"]'], ['items'])
"""

from __future__ import annotations

import json
import numbers
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.files import atomic_write_bytes, atomic_write_text
from .._util.frames import is_missing

__all__ = ["prepare_part", "write_part"]


def _kind(v: Any) -> str:
    if isinstance(v, (list, tuple, dict, set)):
        return "nested"
    if isinstance(v, (bool, np.bool_)):
        return "bool"
    if isinstance(v, numbers.Integral):
        return "int"
    if isinstance(v, numbers.Real):
        return "float"
    return "str"


def prepare_part(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Give every part one schema: nested cells become JSON text, integer columns ``Int64``.

    Returns the frame and the names of its object columns by kind (``nested``,
    ``ints``, ``strings``, ``objects``, ``text``), from which :func:`read_results` restores
    what the step returned: lists, Python ``int`` or ``None`` rather than 3.0 and
    NaN, ``None`` rather than NaN for a missing string. An object column of mixed
    scalar types is written as text.
    """
    kinds: dict[str, list[str]] = {"nested": [], "ints": [], "strings": [], "objects": [], "text": []}
    for col in df.columns:
        if df[col].dtype != object:
            if pd.api.types.is_string_dtype(df[col]):
                kinds["text"].append(col)  # pandas' own string dtype: CSV must not read "0001" as 1
            continue
        values = df[col]
        types = {_kind(v) for v in values if not is_missing(v)}
        if "nested" in types:
            kinds["nested"].append(col)
            df[col] = values.map(
                lambda v: json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False, default=str)
            )
        elif types == {"int"}:
            kinds["ints"].append(col)
            df[col] = pd.array([None if is_missing(v) else int(v) for v in values], dtype="Int64")
        elif types in ({"bool"}, {"float"}):
            kinds["objects"].append(col)
        else:
            kinds["strings"].append(col)
            df[col] = values.map(lambda v: None if is_missing(v) else v if isinstance(v, str) else str(v))
    return df, kinds


def write_part(df: pd.DataFrame, path: Path, fmt: str) -> None:
    """Write *df* atomically to *path* as ``parquet`` (needs pyarrow) or ``csv``."""
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        pq.write_table(pa.Table.from_pandas(df, preserve_index=False), sink)
        atomic_write_bytes(path, sink.getvalue().to_pybytes())
    else:
        atomic_write_text(path, df.to_csv(index=False))
