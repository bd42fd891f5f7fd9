"""similarity(): pairs, scores of each method, top-k, metadata, determinism, bad input; consecutive reports."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.comparison import similarity
from policytext.errors import InputError

TEXTS = [
    "坚持稳中求进工作总基调，推动高质量发展，扩大国内需求。",
    "坚持稳中求进工作总基调，推动高质量发展，深化改革开放。",
    "加强党的建设，全面从严治党，推进党风廉政建设。",
    "深入推进乡村振兴，巩固拓展脱贫攻坚成果。",
]


def test_pairs_within_source_are_each_unordered_pair_once_without_self_pairs():
    df = similarity(TEXTS, unit="chars", ngram=2)
    pairs = {(a, b) for a, b in zip(df["doc_a"], df["doc_b"])}
    assert len(df) == 6 and len(pairs) == 6
    assert all(a < b for a, b in pairs)
    assert list(df.columns[:3]) == ["doc_a", "doc_b", "score"]
    assert df["score"].is_monotonic_decreasing
    assert (df.iloc[0]["doc_a"], df.iloc[0]["doc_b"]) == (0, 1)


def test_pairs_between_source_and_other():
    df = similarity(TEXTS[:2], TEXTS[2:], method="jaccard", unit="chars")
    assert len(df) == 4
    assert set(df["doc_a"]) == {0, 1} and set(df["doc_b"]) == {0, 1}


@pytest.mark.parametrize("method", ["tfidf", "jaccard", "minhash"])
def test_identical_texts_score_one_and_unrelated_texts_score_low(method):
    df = similarity([TEXTS[0], TEXTS[0], TEXTS[3]], method=method, unit="chars")
    score = {(a, b): s for a, b, s in zip(df["doc_a"], df["doc_b"], df["score"])}
    assert score[(0, 1)] == pytest.approx(1.0)
    assert score[(0, 2)] < 0.2


def test_jaccard_is_shared_over_all_character_bigrams():
    df = similarity(["甲乙丙", "乙丙丁"], method="jaccard", unit="chars", ngram=2)
    assert df["score"].tolist() == [pytest.approx(1 / 3)]  # {乙丙} / {甲乙, 乙丙, 丙丁}


def test_minhash_estimates_jaccard():
    a = "".join(chr(0x4E00 + i) for i in range(300))
    b = a[:200] + "".join(chr(0x5E00 + i) for i in range(100))
    exact = similarity([a, b], method="jaccard", unit="chars", ngram=1)["score"][0]
    est = similarity([a, b], method="minhash", unit="chars", ngram=1, num_perm=256)["score"][0]
    assert exact == pytest.approx(0.5)
    assert abs(est - exact) < 0.1


def test_terms_use_the_segmenters_content_terms():
    seg = pt.Segmenter(lexicon=None)
    df = similarity(["改革，发展。", "发展，改革！"], method="jaccard", segmenter=seg)
    assert df["score"].tolist() == [1.0]  # punctuation and order do not count


def test_top_keeps_each_documents_best_partners():
    full = similarity(TEXTS, unit="chars", ngram=2)
    top1 = similarity(TEXTS, unit="chars", ngram=2, top=1)
    assert len(top1) < len(full)
    for d in range(len(TEXTS)):
        mine = full[(full.doc_a == d) | (full.doc_b == d)]
        best = mine.iloc[0]
        assert ((top1.doc_a == best.doc_a) & (top1.doc_b == best.doc_b)).any()


def test_metadata_is_carried():
    corpus = pt.Corpus.from_texts(TEXTS[:2], meta=[{"year": 2023, "issuer": "国务院"}, {"year": 2024}])
    df = similarity(corpus, unit="chars")
    row = df.iloc[0]
    assert (row.year_a, row.year_b, row.issuer_a, row.issuer_b) == (2023, 2024, "国务院", None)
    assert "title_a" not in df.columns


def test_deterministic():
    a = similarity(TEXTS, method="minhash", unit="chars", random_state=3)
    b = similarity(TEXTS, method="minhash", unit="chars", random_state=3)
    assert a.equals(b)


def test_empty_texts_and_a_single_text_give_frames_with_the_columns():
    assert list(similarity(["推动发展。"]).columns) == ["doc_a", "doc_b", "score"]
    assert similarity(["推动发展。"]).empty
    df = similarity(["", "推动发展。"], method="jaccard", unit="chars")
    assert df["score"].tolist() == [0.0]


@pytest.mark.parametrize(
    "kwargs,word",
    [({"method": "cosine"}, "method"), ({"unit": "words"}, "unit"), ({"top": 0}, "top"), ({"ngram": (3, 2)}, "ngram")],
)
def test_bad_arguments_name_the_argument(kwargs, word):
    with pytest.raises(InputError, match=word):
        similarity(TEXTS, **kwargs)


def test_bad_other_names_other():
    with pytest.raises(InputError, match="other"):
        similarity(TEXTS, 42)


def test_each_recent_government_work_report_is_closest_to_a_neighbouring_year(corpus_dir):
    corpus = pt.Corpus.from_dir(corpus_dir, pattern="gov_work_reports_national/gwr_20[012]*.txt")
    corpus = corpus.filter(lambda d: d.meta["year"] <= 2025)  # 2026 is partial
    df = similarity(corpus)
    years = {d.doc_id: d.meta["year"] for d in corpus}
    near = 0
    for d in corpus:
        mine = df[(df.doc_a == d.doc_id) | (df.doc_b == d.doc_id)].iloc[0]
        other = mine.doc_b if mine.doc_a == d.doc_id else mine.doc_a
        near += abs(years[other] - years[d.doc_id]) <= 1
    # measured: 21 of the 26 reports of 2000-2025 are closest to the year before or after (2003 is closest to 2008)
    assert near >= 0.75 * len(corpus)
