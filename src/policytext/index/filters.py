"""Filters by metadata: the documents whose metadata satisfy a query filter or keyword filters.

A query filter (``year:2010..2020``, ``issuer:国务院``, ``issuer:=国务院``,
``doc_id:gwr_``; :class:`~policytext.index.query.Filter`) compares numbers as numbers
and text as text: a range of two numbers takes numeric values, any other range takes
text values (the upper end including every value it is a prefix of); ``contains``
matches text that contains the value or a number equal to it. Keyword filters
(``year=2023``, ``year=range(2010, 2021)``, ``issuer=["国务院"]``) take exact values,
like :meth:`~policytext.corpus.Corpus.filter`. Both answer with sorted
``doc_key`` arrays.

>>> from .storage import Store
>>> from .writing import add_documents
>>> from policytext.corpus.document import Document
>>> store = Store(":memory:")
>>> add_documents(store, [Document("a", "一", {"year": 2019}), Document("b", "二", {"year": 2021})],
...               segment_chars=1000)
2
>>> with store.read():
...     filter_docs(store, Filter("year", "range", ("2020", None))).tolist(), keyword_filter_docs(store, {"year": 2019})
([2], array([1]))
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .._util.convention import warn_user
from ..errors import InputError
from .query import Filter
from .storage import Store, meta_values

__all__ = ["filter_docs", "keyword_filter_docs"]


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        f = float(text)
    except ValueError:
        return None
    return f if math.isfinite(f) else None


def filter_docs(store: Store, f: Filter) -> np.ndarray:
    """Sorted doc_keys of the documents that satisfy the query filter *f*."""
    con = store.con
    if f.key == "doc_id":
        col, table, extra = "doc_id", "documents", ""
        params: list[Any] = []
    else:
        if not store.has_meta_key(f.key):
            known = store.known_fields()
            raise InputError(
                f"unknown metadata field {f.key!r} in filter {f.key}:…; the index knows: {', '.join(known)} "
                f"(to search the text {f.key}:… literally, quote it)"
            )
        col, table, extra = "value", "meta", "key = ? AND "
        params = [f.key]
    if f.op == "range":
        assert isinstance(f.value, tuple)  # the parser gives a range its two ends
        lo, hi = f.value
        nlo = _number(lo) if lo is not None else None
        nhi = _number(hi) if hi is not None else None
        low: int | float | str | None
        high: int | float | str | None
        if (lo is None or nlo is not None) and (hi is None or nhi is not None):
            cond, low, high = f"typeof({col}) IN ('integer', 'real')", nlo, nhi
        else:  # text bounds; the upper one takes in every value it is a prefix of
            cond, low, high = f"typeof({col}) = 'text'", lo, None if hi is None else hi + "\U0010ffff"
        if lo is not None:
            cond += f" AND {col} >= ?"
            params.append(low)
        if hi is not None:
            cond += f" AND {col} <= ?"
            params.append(high)
    elif f.op == "eq":
        cond = f"({col} = ? OR {col} = ?)"
        num = _number(str(f.value))
        params += [f.value, num]
    else:
        num = _number(str(f.value))
        cond = (
            f"((typeof({col}) = 'text' AND instr({col}, ?) > 0) OR "
            f"(typeof({col}) IN ('integer', 'real') AND {col} = ?))"
        )
        params += [f.value, num]
    sql = f"SELECT DISTINCT doc_key FROM {table} WHERE {extra}{cond}"
    keys = np.array([r[0] for r in con.execute(sql, params)], dtype=np.int64)
    keys.sort()
    return keys


def keyword_filter_docs(store: Store, filters: dict[str, Any]) -> np.ndarray:
    """Sorted doc_keys of the documents whose metadata take the given values (``year=2023``, lists for any of)."""
    keys = store.doc_table().keys
    for key, want in filters.items():
        if isinstance(want, (list, tuple, set, frozenset, range)):
            wants = list(want)
        else:
            wants = [want]
        vals = []
        for w in wants:
            vals.extend(meta_values(w) or [None])
        if key == "doc_id":
            sql = "SELECT doc_key FROM documents WHERE doc_id = ?"
        else:
            if not store.has_meta_key(key):
                known = store.known_fields()
                raise InputError(f"unknown metadata field {key!r}; the index knows: {', '.join(known)}")
            sql = "SELECT doc_key FROM meta WHERE key = ? AND value = ?"
        found: set[int] = set()
        for v in vals:
            if v is None:
                continue
            params = (str(v),) if key == "doc_id" else (key, v)
            found.update(r[0] for r in store.con.execute(sql, params))
        if not found and key != "doc_id":
            _warn_type_mismatch(store, key, want, [v for v in vals if v is not None])
        keys = np.intersect1d(keys, np.fromiter(found, dtype=np.int64, count=len(found)), assume_unique=True)
    return keys


_SQL_TYPE = {int: "integer", float: "real", str: "text"}


def _warn_type_mismatch(store: Store, key: str, want: Any, values: list[Any]) -> None:
    """Warn when a keyword filter matched nothing because its value has another type than the stored values
    (``year="2020"`` against years stored as numbers)."""
    stored = {r[0] for r in store.con.execute("SELECT DISTINCT typeof(value) FROM meta WHERE key = ?", (key,))}
    given = {_SQL_TYPE.get(type(v), "text") for v in values}
    numeric = {"integer", "real"}
    if stored and given and not (stored & given) and not (stored | given) <= numeric:
        warn_user(
            f"{key}={want!r} matched no document; the index stores {key} as {', '.join(sorted(stored))}, "
            f"not {', '.join(sorted(given))}"
        )
