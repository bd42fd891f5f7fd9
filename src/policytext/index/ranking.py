"""Search ranking: the documents that satisfy a query, best first by BM25, each with a snippet.

The score is BM25 (``k1 = 1.2``, ``b = 0.75``) over the query's positive terms, with
document frequencies and the average length taken among the documents the keyword
filters allow; ties (and a query of filters alone, score 0) keep corpus order. The
snippet is the first occurrence with 30 characters each side, the match in 【】.

>>> from .evaluation import Evaluation, TermCache
>>> from .storage import Store
>>> from .writing import add_documents
>>> store = Store(":memory:")
>>> add_documents(store, ["改革开放", "深化改革，全面改革"], segment_chars=1000)
2
>>> with store.read():
...     rank(Evaluation(store, "改革", {}, TermCache()), limit=None)[["doc_id", "hits", "snippet"]].values.tolist()
[['1', 2, '深化【改革】，全面改革'], ['0', 1, '【改革】开放']]
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .evaluation import Evaluation
from .query import Gap

__all__ = ["BM25_B", "BM25_K1", "SEARCH_COLUMNS", "SNIPPET_CONTEXT", "rank"]

SEARCH_COLUMNS = ("doc_id", "score", "hits", "title", "date", "snippet", "year")
BM25_K1 = 1.2
BM25_B = 0.75
SNIPPET_CONTEXT = 30


def rank(ev: Evaluation, limit: int | None) -> pd.DataFrame:
    """``doc_id, score, hits, title, date, snippet, year`` of the documents of *ev*, best first (at most *limit*)."""
    store = ev.store
    terms, universe, docs = ev.terms, ev.universe, ev.docs
    t = store.doc_table()
    rowsel = t.rows(docs)
    dl = t.n_chars[rowsel].astype(float)
    all_dl = t.n_chars[t.rows(universe)].astype(float)
    avgdl = float(all_dl.mean()) if len(all_dl) else 1.0
    n_univ = len(universe)
    score = np.zeros(len(docs))
    hits = np.zeros(len(docs), dtype=np.int64)
    k1, b = BM25_K1, BM25_B
    for x in terms:
        h = ev.hits(x, docs)
        in_univ = np.intersect1d(h.doc_keys, universe, assume_unique=True)
        df_ = len(in_univ)
        idf = math.log(1 + (n_univ - df_ + 0.5) / (df_ + 0.5))
        idx = np.searchsorted(h.doc_keys, docs)
        valid = idx < len(h.doc_keys)
        tf = np.zeros(len(docs))
        if len(h.doc_keys):
            idx2 = np.where(valid, idx, 0)
            match = valid & (h.doc_keys[idx2] == docs)
            tf = np.where(match, h.counts[idx2], 0).astype(float)
        score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / max(avgdl, 1.0)))
        hits += tf.astype(np.int64)
    if terms and any(isinstance(x, Gap) for x in terms) and len(terms) > 1:
        _, hits = ev.per_doc_counts()
    ords = t.ords[rowsel]
    order = np.lexsort((ords, -score))
    if limit is not None:
        order = order[:limit]
    # read the whole text only when a term has to be found by scanning it
    scanned = [x for x in terms if isinstance(x, Gap) or len(x.text) == 1]
    out = []
    for i in order.tolist():
        k = int(docs[i])
        r = rowsel[i]
        snippet = _snippet(ev, k, int(t.n_chars[r]), scan=bool(scanned))
        out.append((t.doc_ids[r], float(score[i]), int(hits[i]), t.titles[r], t.date(r), snippet, t.years[r]))
    return pd.DataFrame(out, columns=list(SEARCH_COLUMNS))


def _snippet(ev: Evaluation, k: int, n_chars: int, scan: bool) -> str:
    """The first occurrence in document *k* with its context, on one line (the start of the text without one)."""
    store = ev.store
    text = store.text(k) if scan else None
    cache: dict[int, str] = {}
    c = SNIPPET_CONTEXT

    def piece(a: int, b: int) -> str:
        return text[max(a, 0) : b] if text is not None else store.slice(k, a, b, cache)

    firsts = []
    for x in ev.terms:
        sp = ev.spans(x, k, text) if isinstance(x, Gap) or len(x.text) == 1 else ev.doc_spans(x, k)
        if sp:
            firsts.append(min(sp))
    if firsts:
        s, e = min(firsts)
        snippet = (
            ("…" if s > c else "")
            + piece(s - c, s)
            + "【"
            + piece(s, e)
            + "】"
            + piece(e, e + c)
            + ("…" if e + c < n_chars else "")
        )
    else:
        snippet = piece(0, 2 * c) + ("…" if n_chars > 2 * c else "")
    return snippet.replace("\r", " ").replace("\n", " ")
