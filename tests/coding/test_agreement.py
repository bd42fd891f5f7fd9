"""Reliability statistics against hand-worked examples and a second implementation on random codings."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("krippendorff", reason="krippendorff (extra code) computes alpha")

from policytext.coding import (
    agreement,
    alpha_nominal,
    cohen_kappa,
    disagreements,
    fleiss_kappa,
    machine_vs_human,
    percent_agreement,
    reliability_matrix,
)
from policytext.errors import InputError

NAN = float("nan")
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the nominal example with missing values:
# 4 observers, 12 units; worked by hand there to alpha = 0.743.
KRIPPENDORFF_2011 = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    ]
)
# Fleiss (1971) as reproduced in most textbooks: 10 subjects, 14 raters, 5 categories; kappa = 0.210.
FLEISS_TABLE = np.array(
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
)


def tidy(matrix: np.ndarray) -> pd.DataFrame:
    rows = []
    for c, coder in enumerate(matrix):
        for u, v in enumerate(coder):
            rows.append({"unit_id": u, "coder": f"c{c}", "category": None if np.isnan(v) else f"k{int(v)}"})
    return pd.DataFrame(rows)


def test_alpha_matches_krippendorffs_worked_example():
    assert round(alpha_nominal(KRIPPENDORFF_2011), 3) == 0.743
    row = agreement(tidy(KRIPPENDORFF_2011), n_boot=0, categories=False).iloc[0]
    assert round(row["alpha"], 3) == 0.743
    assert row["units"] == 11  # unit 12 has one code only: not pairable
    assert row["coders"] == 4 and math.isnan(row["kappa"])  # Cohen's kappa is for two coders


def test_alpha_by_hand_small_example():
    # units x,x | y,y | x,y | y,y: n=8, n_x=3, n_y=5, two disagreeing pairable values
    # alpha = 1 - (n - 1) * D_o / sum_{c != k} n_c n_k = 1 - 7 * 2 / (2 * 3 * 5) = 1 - 14/30
    m = np.array([[0, 1, 0, 1], [0, 1, 1, 1]], dtype=float)
    assert alpha_nominal(m) == pytest.approx(1 - 14 / 30)


def test_fleiss_kappa_matches_the_textbook_example():
    assert round(fleiss_kappa(FLEISS_TABLE), 3) == 0.210
    with pytest.raises(InputError, match="same number"):
        fleiss_kappa(np.array([[1, 1], [2, 1]]))


def test_cohen_kappa_by_hand():
    # 50 units: both yes 20, a yes/b no 5, a no/b yes 10, both no 15 -> p_o = .7, p_e = .5*.6 + .5*.4 = .5
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    codings = pd.DataFrame({"unit_id": list(range(50)) * 2, "coder": ["a"] * 50 + ["b"] * 50, "category": a + b})
    row = agreement(codings, n_boot=0, categories=False).iloc[0]
    assert row["kappa"] == pytest.approx(0.4)
    assert row["percent_agreement"] == pytest.approx(0.7)
    # two coders, complete data: Fleiss' kappa is Scott's pi, (p_o - p_e') / (1 - p_e') with pooled margins
    pooled = (25 + 30) / 100
    pe = pooled**2 + (1 - pooled) ** 2
    assert row["fleiss_kappa"] == pytest.approx((0.7 - pe) / (1 - pe))


def own_kappa(a: list, b: list) -> float:
    n = len(a)
    cats = set(a) | set(b)
    po = sum(x == y for x, y in zip(a, b)) / n
    pe = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    return NAN if pe == 1 else (po - pe) / (1 - pe)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda coders: st.lists(
            st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=coders, max_size=coders),
            min_size=2,
            max_size=25,
        )
    )
)
def test_alpha_and_kappa_agree_with_second_implementations(units):
    m = np.array([[NAN if v is None else v for v in unit] for unit in units], dtype=float).T
    codings = tidy(m)
    row = agreement(codings, n_boot=0, categories=False).iloc[0]
    mine = alpha_nominal(m)
    if math.isnan(mine):
        assert math.isnan(row["alpha"])
    else:
        assert row["alpha"] == pytest.approx(mine, abs=1e-9)
    if m.shape[0] == 2:
        both = ~np.isnan(m).any(axis=0)
        a, b = m[0, both].tolist(), m[1, both].tolist()
        expected = own_kappa(a, b) if a and len(set(a) | set(b)) > 1 else NAN
        if math.isnan(expected):
            assert math.isnan(row["kappa"])
        else:
            assert row["kappa"] == pytest.approx(expected, abs=1e-9)


def test_per_category_rows_and_second_codes():
    codings = pd.DataFrame(
        {
            "unit_id": [1, 1, 2, 2, 3, 3],
            "coder": ["a", "b"] * 3,
            "category": ["资金投入", "资金投入", "技术支持", "资金投入", "none", "none"],
            "second": [None, None, "资金投入", None, None, None],
        }
    )
    table = agreement(codings, n_boot=0).set_index("category")
    assert list(table.index) == ["(all)", "none", "技术支持", "资金投入"]
    # 资金投入 present/absent: unit 1 yes/yes, unit 2 yes (second)/yes, unit 3 no/no -> full agreement
    assert table.loc["资金投入", "percent_agreement"] == 1.0
    assert table.loc["技术支持", "percent_agreement"] == pytest.approx(2 / 3)
    assert table.loc["(all)", "percent_agreement"] == pytest.approx(2 / 3)


def test_bootstrap_intervals_are_deterministic_and_bracket_the_estimate():
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 4, 120)
    noisy = np.where(rng.random(120) < 0.8, truth, rng.integers(0, 4, 120))
    m = np.vstack([truth, noisy]).astype(float)
    t1 = agreement(tidy(m), n_boot=200, random_state=3, categories=False)
    t2 = agreement(tidy(m), n_boot=200, random_state=3, categories=False)
    pd.testing.assert_frame_equal(t1, t2)
    row = t1.iloc[0]
    for s in ("alpha", "kappa", "fleiss_kappa", "percent_agreement"):
        assert row[f"{s}_low"] <= row[s] <= row[f"{s}_high"], s
        assert row[f"{s}_high"] - row[f"{s}_low"] < 0.3
    t3 = agreement(tidy(m), n_boot=200, random_state=4, categories=False)
    assert t3.iloc[0]["alpha_low"] != row["alpha_low"]


def test_percent_agreement_and_matrix():
    assert percent_agreement(np.array([[0, 1, NAN], [0, 0, 1], [0, 1, 1]])) == pytest.approx((1 + 1 / 3 + 1) / 3)
    m, coders, values = reliability_matrix(tidy(KRIPPENDORFF_2011))
    assert m.shape == (4, 12) and coders == ["c0", "c1", "c2", "c3"] and values == ["k1", "k2", "k3", "k4", "k5"]


def test_bad_codings_are_refused():
    with pytest.raises(InputError, match="missing column"):
        agreement(pd.DataFrame({"unit_id": [1], "coder": ["a"]}))
    with pytest.raises(InputError, match="coded unit 1 twice"):
        agreement(pd.DataFrame({"unit_id": [1, 1], "coder": ["a", "a"], "category": ["x", "y"]}))


def test_machine_vs_human():
    machine = pd.DataFrame(
        {"unit_id": [1, 2, 3, 4], "category": ["x", "x", "y", "none"], "second": [None, "y", None, None]}
    )
    human = pd.DataFrame(
        {
            "unit_id": [1, 2, 3, 4] * 2,
            "coder": ["a"] * 4 + ["b"] * 4,
            "category": ["x", "y", "y", "none", "x", "x", "y", None],
        }
    )
    table = machine_vs_human(machine, human).set_index(["coder", "category"])
    assert table.loc[("a", "x"), "precision"] == 0.5 and table.loc[("a", "x"), "recall"] == 1.0
    assert table.loc[("a", "y"), "precision"] == 1.0 and table.loc[("a", "y"), "recall"] == 0.5
    assert table.loc[("b", "x"), "precision"] == 1.0  # b left unit 4 uncoded: not counted
    assert table.loc[("b", "(micro)"), "both"] == 3
    anyl = machine_vs_human(machine, human, level="any", coder="a").set_index("category")
    assert anyl.loc["y", "recall"] == 1.0  # machine's second code y on unit 2


def test_disagreements_confusion_table():
    codings = pd.DataFrame(
        {
            "unit_id": [1, 1, 2, 2, 3, 3, 4],
            "coder": ["a", "b"] * 3 + ["a"],
            "category": ["x", "x", "x", "y", "y", "y", "x"],
        }
    )
    table = disagreements(codings)
    assert table.loc["x", "x"] == 1 and table.loc["x", "y"] == 1 and table.loc["y", "y"] == 1
    assert table.values.sum() == 3  # unit 4 has one code only
    with pytest.raises(InputError, match="two coders"):
        disagreements(codings, "a", "a")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcde")), min_size=1, max_size=60))
def test_cohen_kappa_equals_scikit_learn(pairs):
    from sklearn.metrics import cohen_kappa_score

    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    ours = cohen_kappa(a, b)
    if len(set(a) | set(b)) < 2:
        assert math.isnan(ours)
        return
    with np.errstate(all="ignore"):
        theirs = cohen_kappa_score(a, b)
    assert (math.isnan(ours) and math.isnan(theirs)) or ours == pytest.approx(theirs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.0, 1.0, 2.0, NAN]), min_size=4, max_size=4), min_size=1, max_size=30))
def test_percent_agreement_equals_counting_pairs(columns):
    m = np.array(columns).T  # coders × units
    scores = []
    for col in m.T:
        v = col[~np.isnan(col)]
        if len(v) >= 2:
            pairs = [(i, j) for i in range(len(v)) for j in range(i + 1, len(v))]
            scores.append(sum(v[i] == v[j] for i, j in pairs) / len(pairs))
    expected = float(np.mean(scores)) if scores else float("nan")
    got = percent_agreement(m)
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)
