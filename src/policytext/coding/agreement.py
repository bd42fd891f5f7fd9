"""Inter-coder reliability: Krippendorff's α, Cohen's κ, Fleiss' κ, percent agreement, with bootstrap intervals.

:func:`agreement` takes codings as a tidy frame ``unit_id, coder, category`` (a missing code is ``None``; a
``second`` column, as :func:`~policytext.coding.read_coding` returns, counts for the per-category rows) and
returns one row overall (the nominal primary code) and one per category (present/absent in a unit).
:func:`machine_vs_human` scores rule codes against a human coder (precision and recall per category);
:func:`disagreements` is the confusion table of two coders.

Krippendorff's α comes from the ``krippendorff`` package (extra ``code``); :func:`alpha_nominal` is a
straightforward coincidence-matrix implementation, used for the bootstrap and checked against the package.

>>> codings = pd.DataFrame({"unit_id": [1, 1, 2, 2, 3, 3, 4, 4], "coder": list("abababab"),
...                         "category": ["x", "x", "y", "y", "x", "y", "y", "y"]})
>>> row = agreement(codings, n_boot=0).iloc[0]
>>> row["category"], round(float(row["alpha"]), 3), round(float(row["kappa"]), 3), float(row["percent_agreement"])
('(all)', 0.533, 0.5, 0.75)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._util.convention import check_at_least
from .._util.frames import is_missing
from ..errors import InputError
from .extras import krippendorff_module

__all__ = [
    "AGREEMENT_COLUMNS",
    "agreement",
    "alpha_nominal",
    "cohen_kappa",
    "disagreements",
    "fleiss_kappa",
    "machine_vs_human",
    "percent_agreement",
    "reliability_matrix",
]

OVERALL = "(all)"
STATS = ("alpha", "kappa", "fleiss_kappa", "percent_agreement")
AGREEMENT_COLUMNS = (
    "category",
    "units",
    "coders",
    *[c for s in STATS for c in (s, f"{s}_low", f"{s}_high")],
)


def _check_codings(codings: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(codings, pd.DataFrame):
        raise InputError(f"codings: expected a DataFrame (unit_id, coder, category), not {type(codings).__name__}")
    missing = [c for c in ("unit_id", "coder", "category") if c not in codings.columns]
    if missing:
        raise InputError(f"codings: missing column(s) {missing}; expected unit_id, coder, category")
    dup = codings.duplicated(["unit_id", "coder"])
    if dup.any():
        r = codings[dup].iloc[0]
        raise InputError(f"codings: coder {str(r['coder'])!r} coded unit {r['unit_id']} twice")
    return codings


def reliability_matrix(codings: pd.DataFrame, column: str = "category") -> tuple[np.ndarray, list[Any], list[Any]]:
    """Coders × units matrix of value indices (NaN = missing), with the coders and the values in order.

    >>> m, coders, values = reliability_matrix(pd.DataFrame({"unit_id": [1, 1], "coder": ["a", "b"],
    ...                                                      "category": ["x", None]}))
    >>> m.tolist(), coders, values
    ([[0.0], [nan]], ['a', 'b'], ['x'])
    """
    codings = _check_codings(codings)
    coders = list(dict.fromkeys(codings["coder"]))
    units = list(dict.fromkeys(codings["unit_id"]))
    values = sorted({v for v in codings[column] if not is_missing(v)}, key=str)
    vi = {v: i for i, v in enumerate(values)}
    ci = {c: i for i, c in enumerate(coders)}
    ui = {u: i for i, u in enumerate(units)}
    m = np.full((len(coders), len(units)), np.nan)
    for u, c, v in zip(codings["unit_id"], codings["coder"], codings[column]):
        if not is_missing(v):
            m[ci[c], ui[u]] = vi[v]
    return m, coders, values


def alpha_nominal(matrix: np.ndarray) -> float:
    """Krippendorff's α for nominal data from a coders × units matrix (NaN missing), by the coincidence matrix.

    Units with fewer than two codes are left out; α is NaN when fewer than two codes are pairable or
    every pairable code is the same value (no variation to agree on).

    >>> alpha_nominal(np.array([[0, 1, 0, 1.0], [0, 1, 1, 1.0]]))
    0.5333333333333333
    """
    m = np.asarray(matrix, dtype=float)
    if m.size == 0:
        return float("nan")
    vals = np.unique(m[~np.isnan(m)])
    if len(vals) == 0:
        return float("nan")
    # counts[u, k]: how many coders gave value k to unit u
    counts = np.zeros((m.shape[1], len(vals)))
    for k, v in enumerate(vals):
        counts[:, k] = (m == v).sum(axis=0)
    mu = counts.sum(axis=1)
    keep = mu >= 2
    counts, mu = counts[keep], mu[keep]
    n = mu.sum()
    if n < 2:
        return float("nan")
    # coincidences o_kk' = sum_u n_uk (n_uk' - [k=k']) / (m_u - 1)
    weights = 1.0 / (mu - 1)
    o = (counts * weights[:, None]).T @ counts
    o[np.diag_indices_from(o)] -= (counts * weights[:, None]).sum(axis=0)
    nk = o.sum(axis=1)
    observed = n - np.trace(o)
    expected = (n * n - (nk * nk).sum()) / (n - 1)
    if expected == 0:
        return float("nan")
    return float(1.0 - observed / expected)


def _alpha_package(matrix: np.ndarray) -> float:
    m = matrix
    pairable = (~np.isnan(m)).sum(axis=0) >= 2
    if pairable.sum() == 0 or len(np.unique(m[:, pairable][~np.isnan(m[:, pairable])])) < 2:
        return float("nan")
    kd = krippendorff_module()
    return float(kd.alpha(reliability_data=m, level_of_measurement="nominal"))


def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's κ of two coders' codes (unweighted, as scikit-learn's ``cohen_kappa_score``); NaN when it is
    undefined (one value only).

    >>> cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"])
    0.5
    """
    if len(a) != len(b):
        raise InputError(f"cohen_kappa: the two coders have {len(a)} and {len(b)} codes")
    if len(a) == 0:
        return float("nan")
    ids: dict[Any, int] = {}
    ia = np.fromiter((ids.setdefault(str(v), len(ids)) for v in a), dtype=np.int64, count=len(a))
    ib = np.fromiter((ids.setdefault(str(v), len(ids)) for v in b), dtype=np.int64, count=len(b))
    return _kappa_codes(ia, ib, len(ids))


def _kappa_codes(ia: np.ndarray, ib: np.ndarray, k: int) -> float:
    """κ of two arrays of codes ``0..k-1`` from their confusion matrix (one ``bincount``)."""
    if k < 2 or len(ia) == 0:
        return float("nan")
    n = len(ia)
    cm = np.bincount(ia * k + ib, minlength=k * k).reshape(k, k).astype(float)
    observed = np.trace(cm) / n
    expected = float(cm.sum(axis=1) @ cm.sum(axis=0)) / (n * n)
    if expected == 1:
        return float("nan")
    return float((observed - expected) / (1 - expected))


def fleiss_kappa(counts: np.ndarray) -> float:
    """Fleiss' κ from a units × categories table of counts (every unit rated by the same number of coders).

    >>> fleiss_kappa(np.array([[2, 0], [0, 2], [1, 1], [0, 2]]))
    0.4666666666666667
    """
    t = np.asarray(counts, dtype=float)
    if t.ndim != 2 or t.shape[0] == 0:
        return float("nan")
    n = t.sum(axis=1)
    if not np.all(n == n[0]) or n[0] < 2:
        raise InputError("fleiss_kappa: every unit needs the same number (2 or more) of codes")
    r = n[0]
    p_j = t.sum(axis=0) / t.sum()
    p_i = ((t * t).sum(axis=1) - r) / (r * (r - 1))
    p_bar = p_i.mean()
    p_e = (p_j * p_j).sum()
    if p_e == 1:
        return float("nan")
    return float((p_bar - p_e) / (1 - p_e))


def percent_agreement(matrix: np.ndarray) -> float:
    """Share of agreeing pairs of codes within units (for two coders: share of units coded alike).

    >>> percent_agreement(np.array([[0, 1, 0, 1.0], [0, 1, 1, 1.0]]))
    0.75
    """
    m = np.asarray(matrix, dtype=float)
    coded = (~np.isnan(m)).sum(axis=0)
    keep = coded >= 2
    if not keep.any():
        return float("nan")
    m = m[:, keep]
    counts = np.stack([(m == v).sum(axis=0) for v in np.unique(m[~np.isnan(m)])])  # values × units
    same = (counts * (counts - 1) / 2).sum(axis=0)
    n = coded[keep]
    return float(np.mean(same / (n * (n - 1) / 2)))


def _stats(m: np.ndarray, *, package: bool) -> dict[str, float]:
    complete = m[:, ~np.isnan(m).any(axis=0)]
    out = {"alpha": _alpha_package(m) if package else alpha_nominal(m)}
    if m.shape[0] == 2 and complete.shape[1]:
        values, codes = np.unique(complete, return_inverse=True)
        codes = codes.reshape(complete.shape)
        out["kappa"] = _kappa_codes(codes[0], codes[1], len(values))
    else:
        out["kappa"] = float("nan")
    if m.shape[0] >= 2 and complete.shape[1]:
        values = np.unique(complete)
        table = np.stack([(complete == v).sum(axis=0) for v in values], axis=1)
        out["fleiss_kappa"] = fleiss_kappa(table)
    else:
        out["fleiss_kappa"] = float("nan")
    out["percent_agreement"] = percent_agreement(m)
    return out


def _binary(codings: pd.DataFrame, category: Any) -> pd.DataFrame:
    present = codings["category"] == category
    if "second" in codings.columns:
        present = present | (codings["second"] == category)
    out = codings[["unit_id", "coder"]].copy()
    out["category"] = [None if is_missing(v) else bool(p) for v, p in zip(codings["category"], present)]
    return out


def agreement(
    codings: pd.DataFrame,
    *,
    categories: bool = True,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int = 0,
) -> pd.DataFrame:
    """Reliability of the coders in *codings*, overall and per category, with bootstrap intervals.

    Parameters
    ----------
    codings:
        A tidy frame ``unit_id, coder, category`` (missing codes allowed, as None), e.g. :func:`read_coding`'s.
    categories:
        Also one row per category, coded present (``category`` or ``second`` is it) or absent in each unit.
    n_boot:
        Bootstrap resamples of the units for the intervals (0: no intervals, NaN bounds).
    ci:
        Coverage of the percentile intervals.

    Returns
    -------
    DataFrame ``category, units, coders, alpha, alpha_low, alpha_high, kappa, kappa_low, kappa_high,
    fleiss_kappa, fleiss_kappa_low, fleiss_kappa_high, percent_agreement, percent_agreement_low,
    percent_agreement_high``: ``category`` is ``"(all)"`` for the nominal code, else the category. α is
    Krippendorff's (nominal; the ``krippendorff`` package) over every unit with two or more codes; Cohen's κ
    (two coders only) and Fleiss' κ over the units every coder coded; percent agreement is the share of
    agreeing pairs. A statistic that is undefined (no variation) is NaN.

    >>> c = pd.DataFrame({"unit_id": [1, 1, 2, 2, 3, 3], "coder": ["a", "b"] * 3,
    ...                   "category": ["x", "x", "y", "y", "x", "y"]})
    >>> row = agreement(c, n_boot=0).iloc[0]
    >>> row["category"], round(float(row["kappa"]), 3), round(float(row["percent_agreement"]), 3)
    ('(all)', 0.4, 0.667)
    """
    codings = _check_codings(codings)
    if not 0 < ci < 1:
        raise InputError(f"ci: expected a coverage between 0 and 1, not {ci}")
    check_at_least(0, n_boot=n_boot, random_state=random_state)
    frames: list[tuple[Any, pd.DataFrame]] = [(OVERALL, codings)]
    if categories:
        values = [v for v in dict.fromkeys(codings["category"]) if not is_missing(v)]
        if "second" in codings.columns:
            values += [v for v in dict.fromkeys(codings["second"]) if not is_missing(v) and v not in values]
        frames += [(v, _binary(codings, v)) for v in sorted(values, key=str)]
    rng = np.random.default_rng(random_state)
    rows = []
    for name, frame in frames:
        m, coders, _values = reliability_matrix(frame)
        row: dict[str, Any] = {"category": name, "units": int(((~np.isnan(m)).sum(axis=0) >= 2).sum())}
        row["coders"] = len(coders)
        row.update(_stats(m, package=True))
        boots = {s: [] for s in STATS}  # type: dict[str, list[float]]
        if n_boot and m.shape[1]:
            for _ in range(n_boot):
                sample = m[:, rng.integers(0, m.shape[1], m.shape[1])]
                for s, v in _stats(sample, package=False).items():
                    boots[s].append(v)
        lo, hi = (1 - ci) / 2 * 100, (1 + ci) / 2 * 100
        for s in STATS:
            vals = np.array([v for v in boots[s] if not np.isnan(v)])
            ok = len(vals) and not np.isnan(row[s])
            row[f"{s}_low"] = float(np.percentile(vals, lo)) if ok else float("nan")
            row[f"{s}_high"] = float(np.percentile(vals, hi)) if ok else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


def _code_sets(frame: pd.DataFrame, level: str) -> dict[Any, set[Any]]:
    """unit_id -> the set of codes of one coder (primary only, or with ``second`` / every category)."""
    out: dict[Any, set[Any]] = {}
    for rec in frame.to_dict("records"):
        s = out.setdefault(rec["unit_id"], set())
        for col in ("category", "second") if level == "any" else ("category",):
            v = rec.get(col)
            if not is_missing(v) and v != "none":
                s.add(v)
    return out


def _primary_if_rule_rows(machine: pd.DataFrame, level: str, codebook: Any = None) -> pd.DataFrame:
    if "hits" in machine.columns and machine["unit_id"].duplicated().any():
        if level == "any":
            return machine
        from .coding import primary_codes

        return primary_codes(machine, codebook)
    return machine


def machine_vs_human(
    machine: pd.DataFrame,
    human: pd.DataFrame,
    *,
    level: str = "primary",
    coder: str | None = None,
    codebook: Any = None,
) -> pd.DataFrame:
    """Precision, recall and F1 per category of *machine*'s codes against *human*'s, over their common units.

    *machine* is :func:`~policytext.coding.primary_codes`' frame (or :func:`code_units`' rows) and *human* a
    tidy coding frame (``unit_id, category[, second]``; with a ``coder`` column, pick one with *coder*, else
    every coder gets rows of their own). ``level="primary"`` compares the primary codes; ``"any"`` compares the
    sets of codes (the human's ``second`` too, and every category a rule fired on). ``none`` is not a category.
    *codebook* is the one *machine*'s rule rows were coded with (default: the bundled codebook), used to rank
    their primary codes.

    Returns ``coder, category, precision, recall, f1, human, machine, both`` (``human``/``machine``: units
    with the category; ``both``: units where both gave it) and a last row ``category == "(micro)"``.

    >>> m = pd.DataFrame({"unit_id": [1, 2, 3], "category": ["x", "x", "none"]})
    >>> h = pd.DataFrame({"unit_id": [1, 2, 3], "category": ["x", "y", "y"]})
    >>> machine_vs_human(m, h)[["category", "precision", "recall"]].values.tolist()
    [['x', 0.5, 1.0], ['y', nan, 0.0], ['(micro)', 0.5, 0.3333333333333333]]
    """
    if level not in ("primary", "any"):
        raise InputError(f"level: expected 'primary' or 'any', not {level!r}")
    for name, f in (("machine", machine), ("human", human)):
        if "unit_id" not in f.columns or "category" not in f.columns:
            raise InputError(f"{name}: needs the columns unit_id and category")
    human_frames: list[tuple[Any, pd.DataFrame]]
    if "coder" in human.columns:
        if coder is not None:
            human = human[human["coder"] == coder]
            if not len(human):
                raise InputError(f"coder: no codes of coder {coder!r}")
        human_frames = list(human.groupby("coder", sort=False))
    else:
        human_frames = [(coder or "human", human)]
    machine = _primary_if_rule_rows(machine, level, codebook)
    if "dimension" in machine.columns:  # only the dimension the human codes belong to (not a second one)
        human_codes = set(human["category"].dropna())
        dims = set(machine.loc[machine["category"].isin(human_codes), "dimension"].dropna())
        if dims:
            machine = machine[machine["dimension"].isin(dims) | machine["category"].isna()]
    msets = _code_sets(machine, level)
    rows = []
    for who, h in human_frames:
        coded = set(h.loc[h["category"].notna(), "unit_id"])  # units this coder gave a code (one pass, not per unit)
        hsets = {u: s for u, s in _code_sets(h, level).items() if u in coded}
        units = [u for u in hsets if u in msets]
        cats = sorted({c for u in units for c in hsets[u] | msets[u]}, key=str)
        tot = {"both": 0, "human": 0, "machine": 0}
        for c in cats:
            nh = sum(c in hsets[u] for u in units)
            nm = sum(c in msets[u] for u in units)
            nb = sum(c in hsets[u] and c in msets[u] for u in units)
            tot["both"] += nb
            tot["human"] += nh
            tot["machine"] += nm
            rows.append(_prf(who, c, nb, nh, nm))
        rows.append(_prf(who, "(micro)", tot["both"], tot["human"], tot["machine"]))
    return pd.DataFrame(rows, columns=["coder", "category", "precision", "recall", "f1", "human", "machine", "both"])


def _prf(who: Any, c: Any, nb: int, nh: int, nm: int) -> dict[str, Any]:
    p = nb / nm if nm else float("nan")
    r = nb / nh if nh else float("nan")
    f = 2 * p * r / (p + r) if nm and nh and (p + r) else (0.0 if nm and nh else float("nan"))
    return {"coder": who, "category": c, "precision": p, "recall": r, "f1": f, "human": nh, "machine": nm, "both": nb}


def disagreements(codings: pd.DataFrame, a: str | None = None, b: str | None = None) -> pd.DataFrame:
    """The confusion table of coders *a* (rows) and *b* (columns) over the units both coded.

    Missing codes are left out; the diagonal is agreement, everything off it a disagreement to read.
    Default: the first two coders in *codings*.

    >>> codings = pd.DataFrame({"unit_id": [1, 1, 2, 2], "coder": ["a", "b", "a", "b"],
    ...                         "category": ["x", "x", "x", "y"]})
    >>> disagreements(codings).values.tolist()
    [[1, 1]]
    """
    codings = _check_codings(codings)
    coders = list(dict.fromkeys(codings["coder"]))
    a = a if a is not None else (coders[0] if coders else None)
    b = b if b is not None else (coders[1] if len(coders) > 1 else None)
    if a is None or b is None or a not in coders or b not in coders or a == b:
        raise InputError(f"disagreements: name two coders of {coders} (a={a!r}, b={b!r})")
    wide = codings.pivot(index="unit_id", columns="coder", values="category")[[a, b]].dropna()
    table = pd.crosstab(wide[a], wide[b])
    table.index.name, table.columns.name = f"{a}", f"{b}"
    return table
