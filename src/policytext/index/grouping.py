"""Counts grouped by metadata: occurrences per value of one or more metadata fields, zeros included.

One row per value (or combination of values) among the documents a query may
match: ``occurrences``, ``documents`` (documents with at least one occurrence),
``n_documents`` and ``n_chars`` (all documents with that value) and ``per_10k``
(occurrences per 10,000 characters). A document's value is the first one stored
for the field; rows are sorted by value, missing values last.

>>> from policytext.corpus.document import Document
>>> from .storage import Store
>>> from .writing import add_documents
>>> store = Store(":memory:")
>>> add_documents(store, [Document("a", "改革改革", {"year": 1978}), Document("b", "开放", {"year": 1979})],
...               segment_chars=1000)
2
>>> import numpy as np
>>> with store.read():
...     count_by(store, "year", np.array([1, 2]), np.array([1]), np.array([2]))
   year  occurrences  documents  n_documents  n_chars  per_10k
0  1978            2          1            1        4   5000.0
1  1979            0          0            1        2      0.0
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from .storage import Store

__all__ = ["count_by"]


def count_by(
    store: Store, by: str | Sequence[str], universe: np.ndarray, docs: np.ndarray, counts: np.ndarray
) -> pd.DataFrame:
    """Group the *counts* of *docs* by the metadata field(s) *by* over all documents of *universe*."""
    keys = [by] if isinstance(by, str) else list(by)
    t = store.doc_table()
    frame = pd.DataFrame({"doc_key": universe, "n_chars": t.n_chars[t.rows(universe)]})
    for k in keys:
        s = store.meta_series(k)
        if s is None:
            known = store.known_fields()
            raise InputError(f"cannot count by {k!r}: no such metadata field (known: {', '.join(known)})")
        frame[k] = s.reindex(universe).to_numpy()
    occ = pd.Series(counts, index=docs)
    frame["occurrences"] = occ.reindex(universe).fillna(0).astype(np.int64).to_numpy()
    frame["documents"] = (frame["occurrences"] > 0).astype(np.int64)
    frame["n_documents"] = 1
    g = (
        frame.groupby(keys, dropna=False, sort=False)
        .agg(
            occurrences=("occurrences", "sum"),
            documents=("documents", "sum"),
            n_documents=("n_documents", "sum"),
            n_chars=("n_chars", "sum"),
        )
        .reset_index()
    )
    g["per_10k"] = np.where(g["n_chars"] > 0, g["occurrences"] / g["n_chars"].where(g["n_chars"] > 0, 1) * 1e4, 0.0)
    try:
        g = g.sort_values(keys, kind="stable", na_position="last")
    except TypeError:
        g = g.sort_values(keys, key=lambda c: c.astype(str), kind="stable")
    for k in keys:
        col = g[k]
        if col.notna().all() and all(isinstance(v, (int, np.integer)) for v in col):
            g[k] = col.astype(np.int64)
    return g.reset_index(drop=True)
