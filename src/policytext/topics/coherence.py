"""Topic coherence from co-occurrence in reference units (paragraphs or documents).

One function serves every model: it takes each topic's top terms and the
reference units as collections of terms, and counts in how many units a term,
and a pair of terms, occur (boolean document frequency, as in Röder et al. 2015
and gensim's ``CoherenceModel``).

- ``npmi``: mean over the pairs of a topic's top terms of
  ``log(P(a,b) / (P(a) P(b))) / -log P(a,b)``, in [-1, 1]; a pair that never
  co-occurs scores -1 and a pair that always co-occurs scores 1.
- ``umass``: mean over ordered pairs (a ranked above b) of
  ``log((D(a,b) + 1) / D(a))``, Mimno et al. 2011 (D counts units); near 0 when b
  appears wherever a does, very negative when they rarely meet.

>>> units = [["农业", "农村", "农民"], ["农业", "农村"], ["财政", "税收"], ["财政", "预算"]]
>>> scores = topic_coherence([["农业", "农村"], ["财政", "农民"]], units, measure="npmi")
>>> [round(float(s), 3) for s in scores]
[1.0, -1.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from ..errors import InputError

__all__ = ["MEASURES", "binary_unit_matrix", "coherence_from_matrix", "topic_coherence"]

MEASURES = ("npmi", "umass")


def binary_unit_matrix(units: Iterable[Iterable[str]], vocabulary: Sequence[str]) -> sp.csc_matrix:
    """A units × terms boolean matrix (CSC) restricted to *vocabulary*."""
    index = {t: i for i, t in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    n = 0
    for n_unit, unit in enumerate(units):
        seen = {index[t] for t in unit if t in index}
        rows.extend([n_unit] * len(seen))
        cols.extend(sorted(seen))
        n = n_unit + 1
    data = np.ones(len(rows), dtype=np.float64)
    return sp.csc_matrix((data, (rows, cols)), shape=(n, len(vocabulary)))


def coherence_from_matrix(top_idx: Sequence[Sequence[int]], B: sp.spmatrix, measure: str = "npmi") -> np.ndarray:
    """Coherence of each topic given its top term indices into the columns of boolean *B*."""
    if measure not in MEASURES:
        raise InputError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    B = sp.csc_matrix(B)
    n_units = B.shape[0]
    if n_units == 0:
        raise InputError("coherence needs at least one reference unit")
    out = np.empty(len(top_idx), dtype=np.float64)
    for t, idx in enumerate(top_idx):
        idx = list(idx)
        if len(idx) < 2:
            out[t] = np.nan
            continue
        sub = B[:, idx]
        co = np.asarray((sub.T @ sub).todense(), dtype=np.float64)  # co[i, j] = D(i, j); diag = D(i)
        df = np.diag(co).copy()
        scores = []
        for i in range(len(idx)):
            for j in range(i + 1, len(idx)):
                if measure == "npmi":
                    scores.append(_npmi(co[i, j], df[i], df[j], n_units))
                else:  # umass: i ranked above j; conditioning on the higher-ranked term's frequency
                    scores.append(np.log((co[i, j] + 1.0) / df[i]) if df[i] > 0 else np.nan)
        vals = np.asarray(scores, dtype=np.float64)
        out[t] = float(np.nanmean(vals)) if np.isfinite(vals).any() else np.nan
    return out


def _npmi(dab: float, da: float, db: float, n: int) -> float:
    if da == 0 or db == 0:
        return np.nan
    if dab == 0:
        return -1.0
    pab = dab / n
    if pab >= 1.0:
        return 1.0
    return float(np.log(pab / ((da / n) * (db / n))) / -np.log(pab))


def topic_coherence(
    topics: Sequence[Sequence[str]],
    units: Iterable[Iterable[str]],
    measure: str = "npmi",
) -> np.ndarray:
    """Coherence of each topic (a list of top terms) over reference *units* (lists of terms).

    Terms absent from every unit are ignored (a pair containing one has no
    probability); a topic with fewer than two known terms scores NaN.

    >>> units = [["改革", "开放"], ["改革", "开放"], ["改革"], ["农村"]]
    >>> round(float(topic_coherence([["改革", "开放"]], units, "umass")[0]), 3)
    0.0
    """
    vocab = sorted({t for topic in topics for t in topic})
    B = binary_unit_matrix(units, vocab)
    pos = {t: i for i, t in enumerate(vocab)}
    df = np.asarray(B.sum(axis=0)).ravel()
    top_idx = [[pos[t] for t in topic if df[pos[t]] > 0] for topic in topics]
    return coherence_from_matrix(top_idx, B, measure)
