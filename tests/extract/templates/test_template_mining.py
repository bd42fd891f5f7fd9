"""mine_templates: frames found without being told, ranked informative-first."""

from __future__ import annotations

import pytest

from policytext.corpus.corpus import Corpus
from policytext.errors import InputError
from policytext.extract.templates.matching import find_templates
from policytext.extract.templates.mining import mine_templates
from policytext.segment.defaults import extractor_segmenter
from policytext.segment.segmenter import Segmenter


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return extractor_segmenter(hmm=True)


@pytest.fixture(scope="module")
def recent_reports(sample_corpus, seg):
    """Government Work Reports 2014-2025 (about 220 k characters), tokens cached."""
    docs = [d for d in sample_corpus if d.doc_id.startswith("gwr") and 2014 <= (d.meta.get("year") or 0) <= 2025]
    c = Corpus(docs)
    c.tokens(seg)
    return c


def test_small_handmade(seg):
    docs = [
        "抓学校党建促立德树人，加强学习。",
        "抓机关党建促作风转变，推进改革。",
        "抓国企党建促高质量发展，完善制度。",
        "深化改革，扩大开放。",
    ]
    df = mine_templates(docs, segmenter=seg)
    top = df.iloc[0]
    assert top.frame == "抓{}党建促{}"
    assert top.support == 3 and top.n_fillers == 3 and top.n_docs == 3
    assert top.fillers == ["学校 / 立德树人", "机关 / 作风转变", "国企 / 高质量发展"]
    assert top.examples[0] == "抓学校党建促立德树人"
    assert list(df.columns[:8]) == ["frame", "support", "n_fillers", "n_docs", "score", "kind", "fillers", "examples"]


def test_min_support_is_distinct_fillers(seg):
    same = ["抓学校党建促立德树人。"] * 5 + ["加强学习。"]
    assert "抓{}党建促{}" not in mine_templates(same, segmenter=seg).frame.tolist()
    three = ["抓学校党建促立德树人。", "抓机关党建促作风转变。", "抓国企党建促高质量发展。", "加强学习。"]
    assert "抓{}党建促{}" in mine_templates(three, min_support=3, segmenter=seg).frame.tolist()
    assert "抓{}党建促{}" not in mine_templates(three, min_support=4, segmenter=seg).frame.tolist()
    with pytest.raises(InputError):
        mine_templates(three, min_support=1)


def test_empty_and_tiny_sources(seg):
    assert mine_templates("", segmenter=seg).empty
    assert mine_templates(["。"], segmenter=seg).empty


def test_seed_surfaces_its_frames(seed_doc, seg):
    df = mine_templates(seed_doc, segmenter=seg)
    frames = df.frame.tolist()
    assert frames[0] == "抓{}党建促{}"
    assert "学出{}" in frames[:5]
    row = df[df.frame == "学出{}"].iloc[0]
    assert sorted(row.fillers) == sorted(["理想信念", "对党忠诚", "使命担当"])
    # the less precise 抓{} is folded into 抓{}党建促{}
    assert "抓{}" not in frames


def test_mined_frames_are_valid_templates(seed_doc, seg):
    """A mined frame can be handed to find_templates and finds its own examples."""
    df = mine_templates(seed_doc, segmenter=seg).head(5)
    for r in df.itertuples():
        found = find_templates(seed_doc, r.frame, segmenter=seg)
        assert len(found) >= 1, r.frame
    hits = find_templates(seed_doc, "抓{}党建促{}", segmenter=seg)
    assert (~hits.elided).sum() == 8
    # the mined table itself can be handed over
    both = find_templates(seed_doc, df.head(2), segmenter=seg)
    assert set(both.template) <= set(df.frame.head(2))


def test_reports_rank_informative_frames_first(recent_reports, seg):
    df = mine_templates(recent_reports, segmenter=seg, top=60)
    top = df.head(30)
    stop = seg.stopword_set
    for frame in top.frame:
        literal_words = seg.cut(frame.replace("{}", "，"))
        content = [w for w in literal_words if w not in stop and w.isalnum() and not w.isdigit()]
        assert content, f"{frame} is made only of function words or punctuation"
    # frames a reader of these reports knows
    known = {
        "加大{}力度",
        "发挥{}作用",
        "完善{}机制",
        "健全{}机制",
        "深化{}改革",
        "提高{}水平",
        "加强{}建设",
        "推进{}建设",
        "提升{}能力",
        "采取{}措施",
        "激发{}活力",
        "扩大{}范围",
    }
    assert len(known & set(df.frame)) >= 4, df.frame.tolist()
    assert (top.n_fillers >= 3).all()
    assert top.score.is_monotonic_decreasing


def test_deterministic(seed_doc, seg):
    a = mine_templates(seed_doc, segmenter=seg)
    b = mine_templates(seed_doc, segmenter=seg)
    assert a.equals(b)


@pytest.mark.slow
def test_all_reports(sample_corpus, seg):
    """The whole run on the Government Work Reports 1954-2025 (tokenizing takes minutes on a busy machine)."""
    reports = Corpus([d for d in sample_corpus if d.doc_id.startswith("gwr")])
    df = mine_templates(reports, segmenter=seg)
    assert len(df) == 100
    known = {
        "加大{}力度",
        "发挥{}作用",
        "完善{}机制",
        "健全{}机制",
        "深化{}改革",
        "提高{}水平",
        "加强{}建设",
        "推进{}建设",
        "提升{}能力",
        "采取{}措施",
        "激发{}活力",
        "扩大{}范围",
    }
    assert len(known & set(df.frame.head(20))) >= 3, df.frame.head(20).tolist()
