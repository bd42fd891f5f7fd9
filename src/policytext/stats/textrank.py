"""TextRank keyword scores: PageRank over a term co-occurrence graph (Mihalcea & Tarau 2004).

Terms are nodes; two terms are linked when they occur within *window* positions of
each other in a document's sequence of content terms; edge weights count those
co-occurrences. Scores are the stationary distribution of a random walk with
damping, computed by power iteration on a sparse matrix.

>>> r = textrank([["改革", "发展", "稳定"], ["改革", "发展"]], window=2)
>>> r.index[0], round(float(r.sum()), 6)
('发展', 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

__all__ = ["cooccurrence_matrix", "pagerank", "textrank"]


def cooccurrence_matrix(
    sequences: Sequence[Sequence[str]], window: int = 5, vocabulary: dict[str, int] | None = None
) -> tuple[sparse.csr_matrix, list[str]]:
    """Symmetric term × term counts of co-occurrence within *window* positions.

    Two terms at positions ``i < j`` of the same sequence co-occur when
    ``j - i < window`` (jieba's TextRank ``span``); a term never links to itself.
    Sequences (documents or sentences) never link across their boundaries.

    >>> m, terms = cooccurrence_matrix([["甲", "乙", "丙"]], window=2)
    >>> terms, m.toarray().tolist()
    (['甲', '乙', '丙'], [[0, 1, 0], [1, 0, 1], [0, 1, 0]])
    """
    if window < 2:
        raise ValueError(f"window must be at least 2, not {window}")
    vocab: dict[str, int] = dict(vocabulary) if vocabulary else {}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for seq in sequences:
        if len(seq) < 2:
            for t in seq:
                vocab.setdefault(t, len(vocab))
            continue
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in seq), dtype=np.int64, count=len(seq))
        for k in range(1, window):
            if k >= len(ids):
                break
            a, b = ids[:-k], ids[k:]
            diff = a != b
            rows.append(a[diff])
            cols.append(b[diff])
    n = len(vocab)
    if rows:
        r = np.concatenate(rows)
        c = np.concatenate(cols)
        m = sparse.coo_matrix((np.ones(len(r), dtype=np.int64), (r, c)), shape=(n, n)).tocsr()
        m = (m + m.T).tocsr()
    else:
        m = sparse.csr_matrix((n, n), dtype=np.int64)
    terms = [""] * n
    for t, i in vocab.items():
        terms[i] = t
    return m, terms


def pagerank(adjacency: sparse.spmatrix, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> np.ndarray:
    """PageRank of a weighted undirected (or directed, row → column) graph; scores sum to 1.

    Dangling nodes (no edges) spread their mass uniformly.

    >>> import numpy as np
    >>> from scipy import sparse
    >>> pr = pagerank(sparse.csr_matrix(np.array([[0, 1], [1, 0]])))
    >>> pr.round(3).tolist()
    [0.5, 0.5]
    """
    a = sparse.csr_matrix(adjacency, dtype=float)
    n = a.shape[0]
    if n == 0:
        return np.zeros(0)
    out_w = np.asarray(a.sum(axis=1)).ravel()
    dangling = out_w == 0
    with np.errstate(divide="ignore"):
        inv = np.where(dangling, 0.0, 1.0 / out_w)
    transition = (sparse.diags(inv) @ a).T.tocsr()  # column-stochastic, transposed for x_new = T x
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        x_new = damping * (transition @ x + x[dangling].sum() / n) + (1 - damping) / n
        if np.abs(x_new - x).sum() < tol:
            x = x_new
            break
        x = x_new
    return x / x.sum()


def textrank(sequences: Sequence[Sequence[str]], window: int = 5, damping: float = 0.85) -> pd.Series:
    """TextRank score of every term of *sequences*, highest first (ties by term).

    Scores sum to 1 over the terms, so they compare across groups of similar size.
    """
    m, terms = cooccurrence_matrix(sequences, window=window)
    if not terms:
        return pd.Series(dtype=float, name="score")
    pr = pagerank(m, damping=damping)
    s = pd.Series(pr, index=terms, name="score")
    order = np.lexsort((np.asarray(terms, dtype=object).astype(str), -pr))
    return s.iloc[order]
