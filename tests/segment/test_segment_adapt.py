"""Corpus-adaptive terms (Segmenter.adapt) and the n-gram statistics in the segment layer."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from policytext._util.lexicon_files import lexicon_path, load_wordlist
from policytext.errors import InputError
from policytext.segment.ngrams import _table_stats, count_ngrams, segments, term_candidates
from policytext.segment.segmenter import Segmenter

DOCS = ["要加强银发服务驿站建设。", "银发服务驿站要开放。", "建好银发服务驿站，", "依托银发服务驿站。"] * 3


def test_adapt_learns_a_recurring_compound_and_leaves_the_original_alone(caplog):
    base = Segmenter(lexicon=None, heads=None)
    before = base.cut("依托银发服务驿站")
    with caplog.at_level(logging.WARNING, logger="policytext.segment"):
        seg = base.adapt(DOCS, min_count=3, min_entropy=0.5)
    assert seg is not base and base.cut("依托银发服务驿站") == before
    assert base.learned_terms.empty and list(base.learned_terms.columns) == list(seg.learned_terms.columns)
    assert seg.learned_terms["term"].tolist() == ["银发服务驿站"]
    assert seg.cut("依托银发服务驿站") == ["依托", "银发服务驿站"]
    assert any("learned 1 terms from 12 documents" in r.getMessage() for r in caplog.records)
    row = seg.learned_terms.iloc[0]
    assert row["count"] == 12 and row["docs"] == 12 and row["pos"] == "nz"


def test_adapted_segmenter_keeps_the_layers_in_agreement():
    seg = Segmenter(lexicon=None).adapt(DOCS, min_count=3, min_entropy=0.5)
    word = Segmenter(lexicon=None, user_dicts=[["银发服务驿站"]], granularity="word")
    text = "依托银发服务驿站开展活动"
    coarse = seg.tokenize(text)
    assert "银发服务驿站" in [t.word for t in coarse]
    assert [p.word for t in coarse for p in t.parts] == word.cut(text)


def test_save_lexicon_round_trip_and_overwrite(tmp_path):
    seg = Segmenter(lexicon=None, heads=None).adapt(DOCS, min_count=3, min_entropy=0.5)
    path = tmp_path / "learned.txt"
    assert seg.save_lexicon(path) == path
    again = Segmenter(lexicon=None, heads=None, user_dicts=[path])
    for text in DOCS[:4]:
        assert again.cut(text) == seg.cut(text)
    with pytest.raises(InputError, match="exists"):
        seg.save_lexicon(path)
    seg.save_lexicon(path, overwrite=True)
    assert "银发服务驿站 nz" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("texts", [["今天天气很好。", "明天也好。"], ["坚持稳中求进工作总基调。"] * 2, [""]])
def test_adapt_that_learns_nothing_returns_an_empty_table(texts):
    seg = Segmenter(lexicon=None).adapt(texts)
    assert len(seg.learned_terms) == 0 and list(seg.learned_terms.columns)
    assert seg.cut("坚持稳中求进。") == Segmenter(lexicon=None).cut("坚持稳中求进。")


def test_save_lexicon_names_a_missing_folder(tmp_path):
    seg = Segmenter(lexicon=None, heads=None).adapt(DOCS, min_count=3, min_entropy=0.5)
    with pytest.raises(InputError, match="no_such_folder"):
        seg.save_lexicon(tmp_path / "no_such_folder" / "learned.txt")


def test_adapt_rejects_unknown_thresholds_and_empty_corpora():
    seg = Segmenter(lexicon=None)
    with pytest.raises(InputError, match="min_cnt"):
        seg.adapt(DOCS, min_cnt=3)
    with pytest.raises(InputError, match="no documents"):
        seg.adapt([])


def test_adapt_leaves_out_candidates_that_start_with_a_verb():
    docs = ["加强银发服务驿站。", "要加强银发服务驿站，", "各地加强银发服务驿站。", "继续加强银发服务驿站"] * 3
    seg = Segmenter(lexicon=None, heads=None, user_dicts=[["银发服务驿站"]])
    learned = seg.adapt(docs, min_count=3, min_entropy=0.0, min_chars=2).learned_terms["term"].tolist()
    assert not any(t.startswith("加强") for t in learned)


def test_adapt_on_a_county_corpus_learns_its_programmes(corpus_dir):
    """Local documents: the learned terms recur in them and are new to the segmenter."""
    texts = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].startswith("policy_docs_shandong/"):
            texts.append((corpus_dir / rec["path"]).read_text(encoding="utf-8"))
    base = Segmenter(backend="rjieba" if _has_rjieba() else "jieba")
    seg = base.adapt(texts, min_count=8, top=40)
    learned = seg.learned_terms
    assert 0 < len(learned) <= 40
    joined = "\n".join(texts)
    for term in learned["term"]:
        assert not base.has_word(term) and joined.count(term) >= 8
        assert term in seg.cut(f"。{term}。")


def _has_rjieba() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


# -- n-gram statistics ----------------------------------------------------------------
def test_table_statistics_equal_stats_measures():
    from policytext.stats import measures

    rng = np.random.default_rng(0)
    a, b, c, d = (rng.integers(0, 50, 200).astype(float) for _ in range(4))
    got = _table_stats(a, b, c, d)
    np.testing.assert_allclose(got["loglik"], measures.log_likelihood(a, b, c, d), equal_nan=True)
    np.testing.assert_allclose(got["pmi"], measures.pmi(a, b, c, d), equal_nan=True)
    np.testing.assert_allclose(got["t"], measures.t_score(a, b, c, d), equal_nan=True)
    np.testing.assert_allclose(got["chi2"], measures.chi_squared(a, b, c, d), equal_nan=True)


def test_stats_reexports_the_segment_implementation():
    from policytext.stats import association, discover_terms

    assert association.count_ngrams is count_ngrams and association.segments is segments
    seg = Segmenter(lexicon=None, heads=None)
    via_stats = discover_terms(DOCS, segmenter=seg, min_count=3, min_entropy=0.5)
    direct = term_candidates(
        seg.cut_many(DOCS),
        known=seg.has_word,
        edge_stopwords=load_wordlist(lexicon_path("stopwords.txt")),
        min_count=3,
        min_entropy=0.5,
    )
    assert via_stats["term"].tolist() == direct["term"].tolist()
    assert via_stats["term"].iloc[0] == "银发服务驿站"
