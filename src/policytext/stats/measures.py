"""Association and keyness statistics on 2x2 contingency tables, vectorized (see :mod:`policytext._util.measures`).

>>> round(float(log_likelihood([10], [5], [990], [1995])[0]), 3)
6.969
"""

from __future__ import annotations

from .._util.measures import (
    chi_squared,
    expected_counts,
    log_likelihood,
    log_ratio,
    p_value_chi2,
    pmi,
    t_score,
)

__all__ = [
    "chi_squared",
    "expected_counts",
    "log_likelihood",
    "log_ratio",
    "p_value_chi2",
    "pmi",
    "t_score",
]
