"""Tidy-frame helpers shared by every layer: empty frames with the right columns, column clean-up.

>>> import pandas as pd
>>> df = object_columns(pd.DataFrame({"n": [2, None]}), ints=("n",))
>>> df["n"].tolist()
[2, None]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

__all__ = ["is_missing", "object_columns", "to_frame"]


def is_missing(v: object) -> bool:
    """``None``, ``pd.NA`` or a float NaN: a gap in a column, whatever pandas made of it."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def object_columns(df: pd.DataFrame, ints: Iterable[str] = (), others: Iterable[str] = ()) -> pd.DataFrame:
    """Make *ints* object columns of Python ``int`` or ``None``, and *others* use ``None`` for missing.

    Pandas turns an integer column with gaps into floats (6.0) and fills gaps with NaN; a
    scholar comparing ``row.plenum == 6`` or ``row.head is None`` expects ints and ``None``.
    """
    for c in ints:
        df[c] = pd.Series([None if is_missing(v) else int(v) for v in df[c]], index=df.index, dtype=object)
    for c in others:
        df[c] = pd.Series([None if is_missing(v) else v for v in df[c]], index=df.index, dtype=object)
    return df


def to_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame with at least *columns*, in that order, even when there are no rows."""
    try:
        df = pd.DataFrame(rows)
    except UnicodeEncodeError:  # a lone surrogate in a text: pandas' Arrow-backed strings cannot hold it
        df = pd.DataFrame(rows, dtype=object)
    for c in columns:
        if c not in df.columns:
            df[c] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in columns]
    return df[list(columns) + extra].reset_index(drop=True)
