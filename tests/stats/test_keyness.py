"""Keyness: known answers on a toy table computed by hand, and the 2023 vs 2013 reports."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from policytext import Segmenter
from policytext.errors import InputError
from policytext.stats.keyness import COLUMNS, keyness, keyness_table

# Toy table: the term occurs 10 times among 1,000 target terms and 5 times among 2,000 reference terms.
A, B, NT, NR = 10, 5, 1000, 2000
C, D, N = NT - A, NR - B, NT + NR


def _hand_expected():
    return {
        "E11": (A + B) * NT / N,
        "E12": (A + B) * NR / N,
        "E21": (C + D) * NT / N,
        "E22": (C + D) * NR / N,
    }


def test_expected_and_g2_by_hand():
    e = _hand_expected()
    assert e["E11"] == 5.0 and e["E12"] == 10.0
    g2 = 2 * (
        A * math.log(A / e["E11"])
        + B * math.log(B / e["E12"])
        + C * math.log(C / e["E21"])
        + D * math.log(D / e["E22"])
    )
    t = keyness_table([A], [B], NT, NR, measure="loglik", correction="none")
    assert t.expected[0] == pytest.approx(5.0)
    assert t.statistic[0] == pytest.approx(g2, rel=1e-12)
    assert t.statistic[0] == pytest.approx(6.969, abs=5e-4)
    assert t.p[0] == pytest.approx(stats.chi2.sf(g2, 1), rel=1e-12)
    # Williams' correction (quanteda's default for G²)
    q = 1 + (N / (A + B) + N / (C + D) - 1) * (N / (A + C) + N / (B + D) - 1) / (6 * N)
    tw = keyness_table([A], [B], NT, NR, measure="loglik")
    assert tw.statistic[0] == pytest.approx(g2 / q, rel=1e-12)


def test_chi2_with_yates_by_hand_and_scipy():
    chi_yates = N * (abs(A * D - B * C) - N / 2) ** 2 / ((A + B) * (C + D) * (A + C) * (B + D))
    t = keyness_table([A], [B], NT, NR, measure="chi2")
    assert t.statistic[0] == pytest.approx(chi_yates, rel=1e-12)
    scipy_stat, scipy_p, _, _ = stats.chi2_contingency([[A, B], [C, D]], correction=True)
    assert t.statistic[0] == pytest.approx(scipy_stat, rel=1e-9)
    assert t.p[0] == pytest.approx(scipy_p, rel=1e-9)
    t0 = keyness_table([A], [B], NT, NR, measure="chi2", correction="none")
    assert t0.statistic[0] == pytest.approx(stats.chi2_contingency([[A, B], [C, D]], correction=False)[0])


def test_pmi_and_log_ratio_by_hand():
    t = keyness_table([A], [B], NT, NR, measure="pmi")
    assert t.statistic[0] == pytest.approx(math.log(A / 5.0))
    assert t.log_ratio[0] == pytest.approx(math.log2(((A + 0.5) / NT) / ((B + 0.5) / NR)))


def test_sign_follows_direction():
    t = keyness_table([1, 10], [20, 5], 100, 200, correction="none")
    assert t.statistic[0] < 0 < t.statistic[1]
    assert t.log_ratio[0] < 0 < t.log_ratio[1]


def test_keyness_on_texts_counts_and_order():
    seg = Segmenter(lexicon=None)
    k = keyness("改革，改革，改革，改革，发展。", "发展，发展，发展，稳定，改革。", segmenter=seg)
    assert list(k.columns) == COLUMNS
    row = k.set_index("term").loc["改革"]
    assert (row.n_target, row.n_reference) == (4, 1)
    assert row.expected == pytest.approx(5 * 5 / 10)
    assert k.term.iloc[0] == "改革" and k.term.iloc[-1] == "发展"
    assert np.all(np.diff(k.statistic.to_numpy()) <= 0)
    with pytest.raises(InputError, match="measure"):
        keyness("改革。", "发展。", measure="tfidf", segmenter=seg)
    with pytest.raises(InputError, match="reference"):
        keyness("改革。", "。", segmenter=seg)


def test_2023_report_against_2013(sample_corpus, segmenter):
    k = keyness(sample_corpus["gwr_2023"], sample_corpus["gwr_2013"], segmenter=segmenter, min_chars=2)
    print(k.head(15)[["term", "n_target", "n_reference", "statistic", "log_ratio"]].to_string())
    print(k.tail(15)[["term", "n_target", "n_reference", "statistic", "log_ratio"]].to_string())
    top = " ".join(k.head(40).term)
    bottom = " ".join(k.tail(40).term)
    # 2023 looks back on 2018-2022: the pandemic, poverty eradication, high-quality development
    for stem in ("疫情", "脱贫", "高质量"):
        assert stem in top, (stem, top)
    # 2013 looks back on 2008-2012: the global financial crisis
    assert "金融危机" in bottom, bottom
    by_term = k.set_index("term")
    # 中国式现代化 (one token or 中国式 + 现代化, as the segmenter has it) is on the 2023 side
    chinese_path = [t for t in by_term.index if t.startswith("中国式")]
    assert chinese_path and all(by_term.loc[t, "statistic"] > 0 for t in chinese_path)
    # the pandemic is strongly key; the policy lexicon spreads its mentions over 疫情, 疫情防控, …
    # so count them together
    pandemic = [t for t in by_term.index if t.startswith("疫情")]
    n_t, n_r = by_term.loc[pandemic, "n_target"].sum(), by_term.loc[pandemic, "n_reference"].sum()
    total_t, total_r = k["n_target"].sum(), k["n_reference"].sum()
    assert keyness_table([n_t], [n_r], total_t, total_r).loc[0, "p"] < 0.001


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 200), st.integers(0, 200), st.integers(1, 3000), st.integers(1, 3000))
def test_table_invariants_against_scipy(a, b, c, d):
    if a + b == 0:
        a = 1
    nt, nr = a + c, b + d
    g = keyness_table([a], [b], nt, nr, measure="loglik", correction="none")
    chi = keyness_table([a], [b], nt, nr, measure="chi2", correction="none")
    expected = (a + b) * nt / (nt + nr)
    assert g.expected[0] == pytest.approx(expected)
    # sign: positive exactly when the target proportion is at least the reference proportion
    assert (g.statistic[0] >= 0) == (a / nt >= b / nr) or g.statistic[0] == pytest.approx(0, abs=1e-9)
    table = np.array([[a, b], [c, d]])
    if (table.sum(axis=0) > 0).all() and (table.sum(axis=1) > 0).all():
        g2_scipy = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        assert abs(g.statistic[0]) == pytest.approx(g2_scipy, rel=1e-7, abs=1e-9)
        chi_scipy = stats.chi2_contingency(table, correction=False)[0]
        assert abs(chi.statistic[0]) == pytest.approx(chi_scipy, rel=1e-7, abs=1e-9)


def test_keyness_accepts_dfms():
    from policytext.stats.dfm import dfm

    seg = Segmenter(lexicon=None)
    m = dfm(["改革，改革，发展。", "发展，稳定。"], segmenter=seg)
    k = keyness(m.subset([0]), m.subset([1]))
    assert k.set_index("term").loc["改革", "n_target"] == 2
    assert k.set_index("term").loc["稳定", "n_reference"] == 1
