"""Keywords: TF-IDF equals scikit-learn's, TextRank is PageRank, and the seed's keywords are its content."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from policytext import Corpus, Segmenter
from policytext.errors import InputError
from policytext.stats.dfm import dfm
from policytext.stats.keywords import idf_weights, keywords, tfidf
from policytext.stats.textrank import cooccurrence_matrix, pagerank, textrank

SEED_ID = "liu_yaran_2022_organization_work"
GENERIC = {"工作", "推动", "做到", "坚持", "加强", "进一步", "全面", "持续"}
# content terms of the seed a reader would name (the segmenter decides which forms exist)
SEED_CONTENT = {
    "组织工作",
    "基层党组织",
    "党建",
    "党组织",
    "党员干部",
    "干部队伍",
    "组织部门",
    "基层",
    "理想信念",
    "党员",
    "干部",
    "组织",
    "政治",
    "党史",
}


@pytest.fixture(scope="module")
def plain_seg():
    return Segmenter(lexicon=None)


@pytest.fixture(scope="module")
def small():
    return Corpus.from_texts(
        ["改革，发展，改革，创新。", "发展，稳定，人民。", "稳定，稳定，改革，人民。", "人民，发展，创新，创新。"],
        meta=[{"year": 2012}, {"year": 2012}, {"year": 2022}, {"year": 2022}],
    )


def test_tfidf_matches_scikit_learn(small, plain_seg):
    from sklearn.feature_extraction.text import TfidfTransformer

    m = dfm(small, segmenter=plain_seg)
    for kw in ({}, {"sublinear_tf": True}, {"norm": "l1"}, {"norm": None}):
        ours = tfidf(m, **kw).matrix.toarray()
        theirs = TfidfTransformer(**kw).fit_transform(m.matrix).toarray()
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)
    # and keywords per document report exactly those numbers (sublinear tf by default)
    for sub in (True, False):
        kw = keywords(small, by="doc_id", top=None, segmenter=plain_seg, min_chars=1, sublinear_tf=sub)
        theirs = TfidfTransformer(sublinear_tf=sub).fit_transform(m.matrix).toarray()
        for row in kw.itertuples(index=False):
            i = m.doc_ids.index(row.doc_id)
            assert row.score == pytest.approx(theirs[i, m.vocabulary[row.term]], rel=1e-12)
        assert len(kw) == m.matrix.nnz


def test_idf_formula_by_hand():
    # n = 4 documents; df = 1 -> ln(5/2) + 1, df = 4 -> ln(5/5) + 1 = 1
    assert idf_weights(np.array([1, 4]), 4).tolist() == pytest.approx([np.log(2.5) + 1, 1.0])


def test_keywords_by_group_and_frequency(small, plain_seg):
    freq = keywords(small, method="frequency", by="year", top=2, segmenter=plain_seg)
    assert list(freq.columns) == ["year", "term", "score"]
    assert freq[freq.year == 2012].values.tolist() == [[2012, "发展", 2.0], [2012, "改革", 2.0]]
    assert freq[freq.year == 2022].values.tolist() == [[2022, "人民", 2.0], [2022, "创新", 2.0]]
    whole = keywords(small, method="frequency", top=None, segmenter=plain_seg)
    assert list(whole.columns) == ["term", "score"]
    assert whole.score.sum() == 15


def test_reference_idf_changes_the_ranking(plain_seg):
    target = "改革，改革，改革，人民，人民。"
    reference = ["改革，发展。", "改革，稳定。", "改革，创新。"]
    own = keywords(target, top=2, segmenter=plain_seg)
    ref = keywords(target, top=2, idf=reference, segmenter=plain_seg, sublinear_tf=False)
    assert own.term.tolist()[0] == "改革"  # one document: every IDF equal, frequency decides
    assert ref.term.tolist()[0] == "人民"  # 改革 is everywhere in the reference
    # a fixed table of weights works too; unseen terms get its largest weight
    fixed = keywords(target, top=2, idf={"改革": 1.0}, segmenter=plain_seg)
    assert fixed.term.tolist() == ["改革", "人民"]


def test_bad_arguments(small, plain_seg):
    with pytest.raises(InputError, match="method"):
        keywords(small, method="bm25", segmenter=plain_seg)
    with pytest.raises(InputError, match="by='province'"):
        keywords(small, by="province", segmenter=plain_seg)
    with pytest.raises(InputError, match="top"):
        keywords(small, top=0, segmenter=plain_seg)


def test_pagerank_equals_closed_form():
    rng = np.random.default_rng(0)
    w = rng.integers(0, 3, size=(6, 6)).astype(float)
    w = np.triu(w, 1)
    w = w + w.T
    w[5, :] = w[:, 5] = 0  # a dangling node
    d = 0.85
    n = len(w)
    out = w.sum(axis=1)
    t = np.zeros_like(w)
    for i in range(n):
        t[:, i] = w[i] / out[i] if out[i] else 1.0 / n
    expected = np.linalg.solve(np.eye(n) - d * t, np.full(n, (1 - d) / n))
    expected /= expected.sum()
    np.testing.assert_allclose(pagerank(sparse.csr_matrix(w), damping=d), expected, atol=1e-9)


def test_cooccurrence_window_counts_by_hand():
    m, terms = cooccurrence_matrix([["甲", "乙", "丙", "甲"], ["乙", "丙"]], window=3)
    a = pd.DataFrame(m.toarray(), index=terms, columns=terms)
    # seq 1 pairs within distance < 3: 甲乙 乙丙 丙甲 甲丙 乙甲 ; seq 2: 乙丙
    assert a.loc["甲", "乙"] == 2 and a.loc["乙", "丙"] == 2 and a.loc["甲", "丙"] == 2
    assert a.loc["甲", "甲"] == 0
    assert (a.to_numpy() == a.to_numpy().T).all()


def test_textrank_ranks_the_hub_first():
    seqs = [["中心", "甲"], ["中心", "乙"], ["中心", "丙"], ["丁", "中心"], ["甲", "乙"]]
    r = textrank(seqs, window=2)
    assert r.index[0] == "中心"
    assert r.sum() == pytest.approx(1.0)


def test_textrank_keywords_per_group(small, plain_seg):
    kw = keywords(small, method="textrank", by="year", top=3, segmenter=plain_seg)
    assert set(kw.year) == {2012, 2022}
    assert kw.groupby("year").size().tolist() == [3, 3]
    assert (kw.score > 0).all()


# -- the seed, with IDF from the Government Work Reports plus the seed -----------------------------


def _seed_top(corpus, seg, top=10):
    return keywords(corpus[SEED_ID], top=top, idf=corpus, segmenter=seg)


def test_seed_tfidf_top10_are_content_terms(sample_corpus, segmenter):
    top = _seed_top(sample_corpus, segmenter)
    terms = top.term.tolist()
    print("seed top-10 TF-IDF (IDF: Government Work Reports + seed):", terms)
    assert len(terms) == 10
    assert not GENERIC & set(terms), terms
    assert len(SEED_CONTENT & set(terms)) >= 4, terms
    assert "党建" in terms or "基层党建" in terms


def test_seed_tfidf_content_terms_without_policy_stopwords(sample_corpus, tmp_path):
    """IDF itself (not the stopword list) pushes 工作/推动/做到 down.

    The segmenter here removes only grammatical function words, so the generic verbs
    of official prose stay candidates and must lose on IDF.
    """
    words = (
        "的 了 和 与 及 或 而 并 在 于 对 把 被 将 从 向 为 以 由 是 有 也 都 就 这 那 其 之 等 着 个 中 上 下".split()
    )
    path = tmp_path / "function_words.txt"
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    seg = Segmenter(stopwords=str(path))
    corpus = Corpus(list(sample_corpus))  # a separate token cache for this segmenter
    freq = keywords(corpus[SEED_ID], method="frequency", top=30, segmenter=seg).term.tolist()
    assert {"工作", "推动"} <= set(freq), "the premise: these generic words are frequent in the seed"
    top = _seed_top(corpus, seg).term.tolist()
    print("seed top-10 TF-IDF, function-word stopwords only:", top)
    assert not GENERIC & set(top), top
    assert len(SEED_CONTENT & set(top)) >= 4, top


def test_pos_filter_keeps_only_those_tags(plain_seg):
    text = "我们坚定推进改革，人民生活明显改善，经济快速增长，农村面貌发生变化。"
    tags: dict[str, set] = {}
    for t in plain_seg.tokenize(text, pos=True):
        tags.setdefault(t.word, set()).add(t.pos)
    nouns = keywords(text, method="frequency", top=None, pos="n", segmenter=plain_seg, min_chars=1)
    assert len(nouns) > 0
    assert all(any(p.startswith("n") for p in tags[w]) for w in nouns.term), nouns
    every = keywords(text, method="frequency", top=None, segmenter=plain_seg, min_chars=1)
    assert set(nouns.term) < set(every.term)
    # TF-IDF and TextRank take the same filter
    assert set(keywords(text, top=None, pos="n", segmenter=plain_seg, min_chars=1).term) == set(nouns.term)
    assert set(keywords(text, method="textrank", top=None, pos=["n"], segmenter=plain_seg, min_chars=1).term) <= set(
        nouns.term
    )


def test_counts_and_lengths_below_one_are_refused():
    from policytext import Corpus
    from policytext.errors import InputError
    from policytext.stats import keywords

    c = Corpus.from_texts(["抓党建促发展。"])
    for bad in ({"min_chars": -1}, {"min_count": 0}, {"window": 0}):
        with pytest.raises(InputError, match=f"{next(iter(bad))}: expected an integer of at least 1"):
            keywords(c, **bad)
