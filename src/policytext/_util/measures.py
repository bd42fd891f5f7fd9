"""Association and keyness statistics on 2x2 contingency tables, vectorized.

For a term (or word pair) the table is::

                 target/with   reference/without
    term            a                 b
    other           c                 d

All functions take equal-length arrays ``a, b, c, d`` (counts) and return arrays.
Signed statistics are negative where the term is *less* frequent than expected in
the target (``a < E11``), as in quanteda's ``textstat_keyness``.

They live in the lowest layer because segmentation (term candidates, ``segment/ngrams.py``) and
statistics (keyness, collocations) both need them; ``policytext.stats.measures`` is their public home.

>>> import numpy as np
>>> round(float(log_likelihood([10], [5], [990], [1995])[0]), 3)
6.969
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as _stats

__all__ = [
    "chi_squared",
    "expected_counts",
    "log_likelihood",
    "log_ratio",
    "p_value_chi2",
    "pmi",
    "t_score",
]


def _arrays(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(x, dtype=float) for x in (a, b, c, d))


def expected_counts(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> tuple[np.ndarray, ...]:
    """Expected counts ``E11, E12, E21, E22`` under independence."""
    a, b, c, d = _arrays(a, b, c, d)
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        e11 = (a + b) * (a + c) / n
        e12 = (a + b) * (b + d) / n
        e21 = (c + d) * (a + c) / n
        e22 = (c + d) * (b + d) / n
    return e11, e12, e21, e22


def _xlogx_over(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(o > 0, o * np.log(o / e), 0.0)
    return np.nan_to_num(r)


def _sign(a: np.ndarray, e11: np.ndarray) -> np.ndarray:
    return np.where(a >= e11, 1.0, -1.0)


def log_likelihood(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, signed: bool = True) -> np.ndarray:
    """Dunning's G² = 2 Σ O ln(O/E) over the four cells (signed by default)."""
    a, b, c, d = _arrays(a, b, c, d)
    e11, e12, e21, e22 = expected_counts(a, b, c, d)
    g2 = 2.0 * (_xlogx_over(a, e11) + _xlogx_over(b, e12) + _xlogx_over(c, e21) + _xlogx_over(d, e22))
    g2 = np.maximum(g2, 0.0)
    return g2 * _sign(a, e11) if signed else g2


def chi_squared(
    a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, correct: bool = True, signed: bool = True
) -> np.ndarray:
    """Pearson's χ² (with Yates' continuity correction by default, as quanteda)."""
    a, b, c, d = _arrays(a, b, c, d)
    n = a + b + c + d
    num = np.abs(a * d - b * c)
    if correct:
        num = np.maximum(num - n / 2.0, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi = n * num**2 / ((a + b) * (c + d) * (a + c) * (b + d))
    chi = np.nan_to_num(chi)
    e11 = expected_counts(a, b, c, d)[0]
    return chi * _sign(a, e11) if signed else chi


def pmi(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> np.ndarray:
    """Pointwise mutual information log2(a / E11) (-inf where a == 0)."""
    a, b, c, d = _arrays(a, b, c, d)
    e11 = expected_counts(a, b, c, d)[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log2(a / e11)


def t_score(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike) -> np.ndarray:
    """Collocation t-score (a − E11) / √a (0 where a == 0)."""
    a, b, c, d = _arrays(a, b, c, d)
    e11 = expected_counts(a, b, c, d)[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(a > 0, (a - e11) / np.sqrt(a), 0.0)


def log_ratio(a: ArrayLike, b: ArrayLike, c: ArrayLike, d: ArrayLike, smoothing: float = 0.5) -> np.ndarray:
    """Effect size: log2 of the relative frequency in target over reference.

    ``log2((a / (a + c)) / (b / (b + d)))`` with *smoothing* added to ``a`` and ``b``
    (Hardie's Log Ratio).
    """
    a, b, c, d = _arrays(a, b, c, d)
    return np.log2(((a + smoothing) / (a + c)) / ((b + smoothing) / (b + d)))


def p_value_chi2(statistic: ArrayLike) -> np.ndarray:
    """Upper-tail p-value of |statistic| under χ² with one degree of freedom."""
    return _stats.chi2.sf(np.abs(np.asarray(statistic, dtype=float)), df=1)
