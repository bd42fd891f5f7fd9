"""Concordance (KWIC): every occurrence of a query's positive terms with its left and right context.

Rows come in corpus order, one per distinct span, as ``doc_id, start, end, left,
match, right`` with ``start``/``end`` offsets into the document's text. A string
found through the postings reads only the text chunks around each match; a single
character or a gap reads the document's text once.

>>> from .evaluation import Evaluation, TermCache
>>> from .storage import Store
>>> from .writing import add_documents
>>> store = Store(":memory:")
>>> add_documents(store, ["抓党建促发展，抓党建促振兴。"], segment_chars=1000)
1
>>> with store.read():
...     concordance(Evaluation(store, "党建", {}, TermCache()), window=2, limit=None)
  doc_id  start  end left match right
0      0      1    3    抓    党建    促发
1      0      8   10   ，抓    党建    促振
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .evaluation import Evaluation, Span
from .query import Gap, Term

__all__ = ["KWIC_COLUMNS", "concordance"]

KWIC_COLUMNS = ("doc_id", "start", "end", "left", "match", "right")


def concordance(ev: Evaluation, window: int, limit: int | None) -> pd.DataFrame:
    """The KWIC rows of *ev* (*window* characters each side, at most *limit* rows)."""
    store = ev.store
    terms, docs = ev.terms, ev.docs
    rows: list[tuple[Any, ...]] = []
    t = store.doc_table()
    rowsel = t.rows(docs)
    order = np.argsort(t.ords[rowsel], kind="stable")
    # documents that hold an occurrence, in corpus order
    cand = docs[order]
    if all(isinstance(x, Term) and len(x.text) > 1 for x in terms):
        has = np.zeros(len(cand), dtype=bool)
        for x in terms:
            has |= np.isin(cand, ev.hits(x, cand).doc_keys)
        cand = cand[has]
    for k in cand.tolist():
        if limit is not None and len(rows) >= limit:
            break
        text = None
        spans: set[Span] = set()
        for x in terms:
            if isinstance(x, Gap) or len(x.text) == 1:
                if text is None:
                    text = store.text(k)
                spans.update(ev.spans(x, k, text))
            else:
                spans.update(ev.doc_spans(x, k))
        if not spans:
            continue
        doc_id = t.doc_ids[t.rows(np.array([k]))[0]]
        cache: dict[int, str] = {}
        for s, e in sorted(spans):
            if text is not None:
                left, match, right = text[max(0, s - window) : s], text[s:e], text[e : e + window]
            else:  # read only the chunks around the match
                around = store.slice(k, s - window, e + window, cache)
                cut = s - max(0, s - window)
                left, match, right = around[:cut], around[cut : cut + e - s], around[cut + e - s :]
            rows.append((doc_id, s, e, left, match, right))
            if limit is not None and len(rows) >= limit:
                break
    df = pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    df["start"] = df["start"].astype(np.int64)
    df["end"] = df["end"].astype(np.int64)
    return df
