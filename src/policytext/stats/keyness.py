"""Keyness: which terms are over- (or under-) used in a target text or corpus against a reference.

As quanteda's ``textstat_keyness``: for every term a 2x2 table

                 target   reference
    term            a         b
    other terms     c         d

gives a signed statistic (positive where the term is more frequent in the target
than expected), a p-value, and an effect size, Hardie's Log Ratio
``log2((a/(a+c)) / (b/(b+d)))`` with 0.5 added to both
counts so that a term absent on one side keeps a finite value.

>>> from policytext import Segmenter
>>> k = keyness("改革，改革，改革，发展。", "发展，发展，稳定，改革。", segmenter=Segmenter(lexicon=None))
>>> k[["term", "n_target", "n_reference"]].values.tolist()
[['改革', 3, 1], ['发展', 1, 2], ['稳定', 0, 1]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._util.convention import check_at_least
from ..errors import InputError
from . import measures
from ._tokens import as_corpus, doc_terms, get_segmenter
from .dfm import DFM, docs_frame, from_term_lists

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["keyness", "keyness_table"]

MEASURES = ("loglik", "chi2", "pmi")
_ALIASES = {"lr": "loglik", "g2": "loglik", "ll": "loglik", "chi": "chi2"}
CORRECTIONS = ("default", "yates", "williams", "none")
COLUMNS = ["term", "n_target", "n_reference", "expected", "statistic", "p", "log_ratio"]


def keyness_table(
    n_target: Any,
    n_reference: Any,
    total_target: float,
    total_reference: float,
    measure: str = "loglik",
    correction: str = "default",
) -> pd.DataFrame:
    """Keyness statistics from counts: the arithmetic of :func:`keyness` without segmentation.

    *n_target* and *n_reference* are equal-length count arrays (or Series, whose index
    becomes ``term``); the totals are the numbers of counted terms on each side.

    ``correction="default"`` applies Yates' continuity correction to χ² and Williams'
    correction to G², as quanteda does; PMI (natural log) is never corrected. The
    p-value is the upper χ²(1) tail of the (uncorrected for PMI: G²) statistic.

    >>> t = keyness_table([10], [5], 1000, 2000, correction="none")
    >>> round(float(t.statistic[0]), 3), round(float(t.expected[0]), 3)
    (6.969, 5.0)
    """
    measure = _ALIASES.get(measure, measure)
    if measure not in MEASURES:
        raise InputError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if correction not in CORRECTIONS:
        raise InputError(f"correction must be one of {', '.join(CORRECTIONS)}, not {correction!r}")
    index = n_target.index if isinstance(n_target, pd.Series) else None
    a = np.asarray(n_target, dtype=float)
    b = np.asarray(n_reference, dtype=float)
    if a.shape != b.shape:
        raise InputError(f"n_target has {a.size} counts but n_reference has {b.size}")
    if total_target <= 0 or total_reference <= 0:
        raise InputError("both target and reference need at least one counted term")
    c = total_target - a
    d = total_reference - b
    if (c < 0).any() or (d < 0).any():
        raise InputError("a term count exceeds the total of its side")
    e11 = measures.expected_counts(a, b, c, d)[0]
    if measure == "chi2":
        stat = measures.chi_squared(a, b, c, d, correct=correction in ("default", "yates"))
        if correction == "williams":
            stat = stat / _williams_q(a, b, c, d)
        p = measures.p_value_chi2(stat)
    elif measure == "loglik":
        if correction == "yates":
            stat = _g2_yates(a, b, c, d)
        else:
            stat = measures.log_likelihood(a, b, c, d)
            if correction in ("default", "williams"):
                stat = stat / _williams_q(a, b, c, d)
        p = measures.p_value_chi2(stat)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            stat = np.log(a / e11)
        p = measures.p_value_chi2(measures.log_likelihood(a, b, c, d))
    out = pd.DataFrame(
        {
            "term": list(index) if index is not None else np.arange(a.size),
            "n_target": a.astype(np.int64) if np.all(a == np.round(a)) else a,
            "n_reference": b.astype(np.int64) if np.all(b == np.round(b)) else b,
            "expected": e11,
            "statistic": stat,
            "p": p,
            "log_ratio": measures.log_ratio(a, b, c, d),
        }
    )
    return out


def _williams_q(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Williams' correction factor for a 2x2 table (Williams 1976), as in quanteda."""
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
    return np.where(np.isfinite(q) & (q > 0), q, 1.0)


def _g2_yates(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """G² with Yates' correction: each observed count moved 0.5 towards its expectation."""
    e = measures.expected_counts(a, b, c, d)
    total = np.zeros_like(a)
    for o, ex in zip((a, b, c, d), e):
        adj = np.where(o > ex, np.maximum(o - 0.5, ex), np.minimum(o + 0.5, ex))
        with np.errstate(divide="ignore", invalid="ignore"):
            total += np.where(adj > 0, adj * np.log(adj / ex), 0.0)
    g2 = np.maximum(2 * np.nan_to_num(total), 0.0)
    return g2 * np.where(a >= e[0], 1.0, -1.0)


def _side_counts(side: Any, seg: Segmenter, pos: Any, name: str) -> tuple[pd.Series, int]:
    if isinstance(side, DFM):
        counts = pd.Series(np.asarray(side.matrix.sum(axis=0)).ravel(), index=side.features)
    else:
        corpus = as_corpus(side)
        if len(corpus) == 0:
            raise InputError(f"{name}: no documents")
        counts = from_term_lists(doc_terms(corpus, seg, pos=pos), docs_frame(corpus)).term_counts()
    counts = counts[counts > 0]
    total = int(counts.sum())
    if total == 0:
        raise InputError(f"{name}: no content terms to count")
    return counts, total


def keyness(
    target: Any,
    reference: Any,
    measure: str = "loglik",
    *,
    correction: str = "default",
    segmenter: Segmenter | None = None,
    pos: Any = None,
    min_count: int = 1,
    min_chars: int = 1,
    sort: bool = True,
) -> pd.DataFrame:
    """Keyness of every term of *target* against *reference*.

    *target* and *reference* are each a str, Document, Corpus, list of them, or a
    :class:`~policytext.stats.dfm.DFM` (its rows are summed). Terms are content terms
    (``Corpus.terms``, cached per corpus).

    Returns ``term, n_target, n_reference, expected, statistic, p, log_ratio``:
    observed counts on each side, the count expected in the target under
    independence, the signed statistic (``measure`` = ``"loglik"`` G², ``"chi2"``
    or ``"pmi"``), its p-value and the Log Ratio effect size. Sorted by statistic,
    highest first (terms typical of the target on top, of the reference at the
    bottom). *min_count* keeps terms whose combined count reaches it.
    """
    check_at_least(1, min_count=min_count)
    seg = get_segmenter(segmenter) if not (isinstance(target, DFM) and isinstance(reference, DFM)) else None
    ct, nt = _side_counts(target, seg, pos, "target")  # type: ignore[arg-type]
    cr, nr = _side_counts(reference, seg, pos, "reference")  # type: ignore[arg-type]
    terms = ct.index.union(cr.index, sort=False)
    a = ct.reindex(terms, fill_value=0)
    b = cr.reindex(terms, fill_value=0)
    keep = (a + b) >= min_count
    if min_chars > 1:
        keep &= terms.str.len() >= min_chars
    a, b = a[keep], b[keep]
    out = keyness_table(a, b, nt, nr, measure=measure, correction=correction)
    if sort:
        order = np.lexsort((out["term"].astype(str).to_numpy(), -out["statistic"].to_numpy()))
        out = out.iloc[order].reset_index(drop=True)
    return out[COLUMNS]
