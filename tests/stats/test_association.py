"""n-gram candidates, association, boundary entropy, collocations, discover_terms."""

from __future__ import annotations

import math

import pytest

from policytext.errors import InputError
from policytext.segment.segmenter import Segmenter
from policytext.stats import measures
from policytext.stats.association import (
    association_table,
    boundary_entropy,
    collocations,
    count_ngrams,
    discover_terms,
    segments,
)


def test_segments_break_at_punctuation_and_digits():
    assert segments(["a", "b", "，", "c", "2022", "d"]) == [["a", "b"], ["c"], ["d"]]


def test_count_ngrams_apriori_complete_parts():
    segs = [["x", "a", "b", "c"], ["a", "b", "c", "y"], ["a", "b"]]
    c = count_ngrams(segs, max_n=3, min_count=2)
    assert c[2][("a", "b")] == 3 and c[3][("a", "b", "c")] == 2
    # every part of a counted n-gram is counted
    for g in c[3]:
        assert g[:-1] in c[2] and g[1:] in c[2]
    with pytest.raises(InputError):
        count_ngrams(segs, max_n=0)


def test_association_matches_measures_on_a_bigram():
    segs = [["a", "b"], ["a", "c"], ["d", "b"], ["a", "b"], ["e", "f"]]
    c = count_ngrams(segs, max_n=2)
    tab = association_table([("a", "b")], c)
    n = 5.0  # bigram positions
    a, b, cc = 2.0, 1.0, 1.0
    d = n - a - b - cc
    assert tab.loc[0, "loglik"] == pytest.approx(measures.log_likelihood([a], [b], [cc], [d])[0])
    assert tab.loc[0, "pmi"] == pytest.approx(measures.pmi([a], [b], [cc], [d])[0])


def test_weakest_split_for_trigram():
    segs = [["p", "q", "r"]] * 5 + [["q", "r"]] * 20 + [["p", "z"]] * 20
    c = count_ngrams(segs, max_n=3, min_count=2)
    tab = association_table([("p", "q", "r"), ("q", "r")], c)
    assert tab.loc[0, "pmi"] <= tab.loc[1, "pmi"] + 10  # well defined
    split_pmis = []
    for k in (1, 2):
        g = ("p", "q", "r")
        a = 5
        fl, fr = c[k][g[:k]], c[3 - k][g[k:]]
        N = sum(c[2].values())
        split_pmis.append(math.log2(a * N / (fl * fr)))
    assert tab.loc[0, "pmi"] == pytest.approx(min(split_pmis))


def test_boundary_entropy_edges_count_as_distinct():
    h = boundary_entropy([["a", "b"], ["a", "b"]], [("a", "b")])
    left, right, n = h[("a", "b")]
    assert n == 2 and left == pytest.approx(1.0) and right == pytest.approx(1.0)
    h = boundary_entropy([["x", "a", "b"], ["x", "a", "b"]], [("a", "b")])
    assert h[("a", "b")][0] == 0.0


def test_collocations_tidy_and_sorted(segmenter):
    texts = ["全面从严治党永远在路上。全面从严治党是党的建设的要求。"] * 3
    df = collocations(texts, min_count=2, segmenter=Segmenter(lexicon=None))
    assert list(df.columns) == ["collocation", "words", "size", "count", "loglik", "pmi", "t", "chi2"]
    assert (df["loglik"].diff().dropna() <= 1e-9).all()
    assert all("".join(w) == c for w, c in zip(df["words"], df["collocation"]))
    tri = collocations(texts, size=3, measure="pmi", min_count=2, segmenter=Segmenter(lexicon=None))
    assert set(tri["size"]) == {3}
    with pytest.raises(InputError):
        collocations(texts, measure="dice", segmenter=segmenter)
    with pytest.raises(InputError):
        collocations(texts, size=1, segmenter=segmenter)
    assert collocations(["。"], min_count=1, segmenter=segmenter).empty


def test_discover_terms_finds_unknown_formulation(segmenter):
    docs = [
        "各地要建好用好党群服务中心，让群众满意。",
        "依托党群服务中心开展志愿服务。",
        "党群服务中心是服务群众的阵地。",
        "推进党群服务中心标准化建设。",
        "走进党群服务中心，",
    ] * 2
    # plain jieba words: no policy lexicon and no head compounds (those already make 党群服务中心 one token)
    plain = Segmenter(lexicon=None, heads=None)
    df = discover_terms(docs, segmenter=plain, min_count=3, min_entropy=0.5)
    assert df.loc[0, "term"] == "党群服务中心"
    assert {"term", "count", "docs", "pmi", "left_entropy", "right_entropy", "score"} <= set(df.columns)
    # with the policy lexicon the term is known: nothing new to discover
    assert "党群服务中心" not in set(discover_terms(docs, segmenter=segmenter, min_count=3, min_entropy=0.5)["term"])


def test_discover_terms_on_real_reports(sample_corpus):
    from policytext.corpus.corpus import Corpus

    reports = Corpus([d for d in sample_corpus if str(d.meta.get("year", "")) >= "2018"][:3])
    df = discover_terms(reports, segmenter=Segmenter(lexicon=None), min_count=3)
    assert len(df) > 20
    assert (df["left_entropy"] >= 1.0).all() and (df["right_entropy"] >= 1.0).all()
    assert df["score"].is_monotonic_decreasing
