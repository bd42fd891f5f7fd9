"""The document-feature matrix: counts, metadata, grouping, trimming, scikit-learn, caching."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

import policytext as pt
from policytext import Corpus, Segmenter
from policytext.errors import InputError
from policytext.stats.dfm import DFM, dfm, from_term_lists


@pytest.fixture(scope="module")
def plain_seg():
    # jieba's own dictionary, so these small texts segment predictably
    return Segmenter(lexicon=None)


@pytest.fixture(scope="module")
def small():
    return Corpus.from_texts(
        ["改革，发展，改革。", "发展，稳定。", "稳定，稳定，改革。", "人民，发展。"],
        ids=["a", "b", "c", "d"],
        meta=[
            {"year": 2012, "issuer": "国务院"},
            {"year": 2012, "issuer": "国务院"},
            {"year": 2022, "issuer": "中共中央"},
            {"year": 2022},
        ],
    )


def test_counts_vocabulary_and_metadata(small, plain_seg):
    m = dfm(small, segmenter=plain_seg)
    assert sparse.isspmatrix_csr(m.matrix)
    assert m.shape == (4, 4)
    assert m.features == ["改革", "发展", "稳定", "人民"]
    assert m.vocabulary["稳定"] == 2
    wide = m.to_frame("wide")
    assert wide.loc["a", "改革"] == 2 and wide.loc["c", "稳定"] == 2 and wide.loc["d", "改革"] == 0
    assert list(m.docs["doc_id"]) == ["a", "b", "c", "d"]
    assert {"year", "issuer", "n_chars"} <= set(m.docs.columns)
    assert m.docs.loc[2, "issuer"] == "中共中央" and pd.isna(m.docs.loc[3, "issuer"])
    # punctuation never becomes a feature
    assert "，" not in m.vocabulary and "。" not in m.vocabulary


def test_tidy_frame_with_metadata(small, plain_seg):
    tidy = dfm(small, segmenter=plain_seg).to_frame(meta=["year"])
    assert list(tidy.columns) == ["doc_id", "term", "count", "year"]
    row = tidy[(tidy.doc_id == "c") & (tidy.term == "稳定")]
    assert row["count"].item() == 2 and row["year"].item() == 2022
    assert (tidy["count"] > 0).all()
    assert tidy["count"].sum() == 10


def test_group_sums_rows_and_keeps_group_value(small, plain_seg):
    m = dfm(small, segmenter=plain_seg)
    g = m.group("year")
    assert list(g.docs["year"]) == [2012, 2022]
    assert list(g.docs["n_docs"]) == [2, 2]
    assert g.docs["n_chars"].sum() == sum(len(t) for t in small.texts)
    wide = g.to_frame("wide")
    assert wide.loc["2012", "改革"] == 2 and wide.loc["2022", "稳定"] == 2 and wide.loc["2022", "发展"] == 1
    assert g.matrix.sum() == m.matrix.sum()
    # a document without a value is dropped, not lumped into a group
    gi = m.group("issuer")
    assert gi.docs["n_docs"].sum() == 3
    with pytest.raises(InputError, match="no such metadata column"):
        m.group("province")


def test_trim_by_count_docfreq_and_length(small, plain_seg):
    m = dfm(small, segmenter=plain_seg)
    assert m.trim(min_count=3).features == ["改革", "发展", "稳定"]
    assert m.trim(min_docfreq=3).features == ["发展"]
    assert m.trim(min_docfreq=2).features == ["改革", "发展", "稳定"]
    assert m.trim(max_docfreq=0.5).features == ["改革", "稳定", "人民"]  # proportion of 4 documents
    assert m.trim(max_count=1).features == ["人民"]
    assert dfm(small, segmenter=plain_seg, min_docfreq=3).features == ["发展"]
    with pytest.raises(InputError):
        m.trim(min_docfreq=1.5)


def test_select_remove_subset(small, plain_seg):
    m = dfm(small, segmenter=plain_seg)
    assert m.select(["稳定", "改革"]).features == ["稳定", "改革"]
    s = m.select(["稳定", "没有"], keep_missing=True)
    assert s.features == ["稳定", "没有"] and s.matrix[:, 1].sum() == 0
    assert "改革" not in m.remove(["改革"]).vocabulary
    assert m.subset(["c", "a"]).doc_ids == ["c", "a"]
    assert m.subset(lambda d: d.year > 2012).doc_ids == ["c", "d"]
    with pytest.raises(InputError, match="no document"):
        m.subset(["zz"])


def test_plugs_into_scikit_learn(small, plain_seg):
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    m = dfm(small, segmenter=plain_seg)
    x = TfidfTransformer().fit_transform(m.matrix)
    assert x.shape == m.shape
    clf = LogisticRegression().fit(m.matrix, (m.docs["year"] > 2012).to_numpy())
    assert clf.coef_.shape == (1, len(m.features))


def test_sources_other_than_corpus(plain_seg):
    m = dfm("改革，发展。", segmenter=plain_seg)
    assert m.doc_ids == ["0"] and m.features == ["改革", "发展"]
    m2 = dfm(["改革。", "发展。"], segmenter=plain_seg)
    assert m2.doc_ids == ["0", "1"]
    with pytest.raises(InputError):
        dfm(42, segmenter=plain_seg)


class CountingSegmenter(Segmenter):
    """A segmenter that counts how many texts it segments."""

    calls = 0

    def cut(self, text):
        type(self).calls += 1
        return super().cut(text)


def test_second_statistic_reuses_cached_terms(small):
    from policytext.stats.cooccurrence import cooccurrence
    from policytext.stats.keyness import keyness
    from policytext.stats.keywords import keywords

    seg = CountingSegmenter(lexicon=None)
    corpus = Corpus(list(small))
    dfm(corpus, segmenter=seg)
    after_first = CountingSegmenter.calls
    assert after_first == len(corpus)
    dfm(corpus, segmenter=seg, min_count=2)
    keywords(corpus, segmenter=seg)
    keywords(corpus, method="textrank", segmenter=seg)
    keywords(corpus, by="year", idf=corpus, segmenter=seg)
    cooccurrence(corpus, segmenter=seg)
    cooccurrence(corpus, window=3, segmenter=seg)
    keyness(corpus, corpus, segmenter=seg)
    assert CountingSegmenter.calls == after_first


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(list("甲乙丙丁戊")), max_size=12), min_size=1, max_size=6),
    st.lists(st.integers(0, 2), min_size=6, max_size=6),
)
def test_counts_preserved_by_construction_and_grouping(lists, labels):
    docs = pd.DataFrame(
        {"doc_id": [str(i) for i in range(len(lists))], "n_chars": [len(x) for x in lists], "g": labels[: len(lists)]}
    )
    m = from_term_lists(lists, docs)
    assert m.matrix.sum() == sum(len(x) for x in lists)
    for i, terms in enumerate(lists):
        for t in set(terms):
            assert m.matrix[i, m.vocabulary[t]] == terms.count(t)
    g = m.group("g")
    assert g.matrix.sum() == m.matrix.sum()
    tidy = m.to_frame()
    assert tidy["count"].sum() == m.matrix.sum()
    assert isinstance(m.trim(min_count=2), DFM)
    assert np.all(np.asarray(m.trim(min_count=2).matrix.sum(axis=0)).ravel() >= 2)


def test_years_stay_integers_when_some_documents_lack_one(plain_seg):
    from policytext.stats.keywords import keywords

    c = Corpus.from_texts(["改革。", "发展。", "稳定。"], meta=[{"year": 2012}, {}, {"year": 2022}])
    kw = keywords(c, method="frequency", by="year", segmenter=plain_seg)
    assert kw.year.tolist() == [2012, 2022]
    assert str(kw.year.iloc[0]) == "2012"


def test_dfm_by_section_has_one_row_per_section_with_its_heading():
    text = "一、科技创新\n推进科技创新，加强科技创新。\n二、民生保障\n稳定就业，完善养老服务。"
    seg = pt.Segmenter(lexicon=None)
    m = pt.dfm(pt.Corpus.from_texts([text], ids=["p"], meta=[{"year": 2024}]), segmenter=seg, unit="section")
    assert m.doc_ids == ["p§0", "p§1"]
    assert m.docs["section_heading"].tolist() == ["科技创新", "民生保障"]
    assert m.docs["year"].tolist() == [2024, 2024] and m.docs["parent_id"].tolist() == ["p", "p"]
    counts = m.to_frame().set_index(["doc_id", "term"])["count"]
    assert counts[("p§0", "创新")] == 3 and ("p§1", "创新") not in counts.index
    grouped = m.group("section_heading")
    assert sorted(grouped.doc_ids) == ["民生保障", "科技创新"]
    # the whole document's counts are the sum of its sections'
    whole = pt.dfm(pt.Corpus.from_texts([text], ids=["p"]), segmenter=seg)
    assert whole.term_counts().sort_index().equals(m.term_counts().sort_index())


def test_dfm_refuses_an_unknown_unit():
    with pytest.raises(pt.InputError, match="unit must be one of"):
        pt.dfm(["改革。"], unit="chapter")
