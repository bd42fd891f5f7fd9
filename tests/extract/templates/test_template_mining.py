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


# --- names, places and address chains are not frames (issue #21) ---------------------------


def _literals(frame: str) -> str:
    return frame.replace("{}", "|")


def test_news_page_gives_no_name_or_place_frames(corpus_dir, seg):
    # a university's Party-building news (not a state document: read from the corpus, never stored)
    from policytext import read_document

    doc = read_document(corpus_dir / "html_pages/other_sites/nju_itsc_zhihui_dangjian_training.html")
    df = mine_templates(doc, min_support=2, segmenter=seg)
    assert len(df) > 0
    for frame in df.frame:
        lit = _literals(frame)
        # the institution, the campus and the repeated caption came out as 'frames' before
        assert "南京大学" not in lit and "仙林" not in lit and "校区" not in lit, frame
        assert "培训及答疑会" not in lit, frame


def test_party_building_news_gives_no_name_or_markup_frames(corpus_dir, seg):
    text = (corpus_dir / "party_building_articles/pb_11.txt").read_bytes().decode("utf-8")
    df = mine_templates(text, min_support=2, segmenter=seg)
    for frame in df.frame:
        lit = _literals(frame)
        assert "清华大学" not in lit and "蒋南翔" not in lit, frame
        assert all("\u4e00" <= ch <= "\u9fff" or ch == "|" for ch in lit), frame  # no 》, *, …, URL pieces
        assert len(lit.replace("|", "")) <= 10, frame  # no repeated sentence taken for a literal


def test_address_chains_and_place_names_are_not_fillers(seg):
    docs = [
        "会议在山东省济南市历下区泉城路街道召开，研究部署工作。",
        "会议在河南省郑州市金水区花园路街道召开，研究部署工作。",
        "会议在四川省成都市武侯区玉林街道召开，研究部署工作。",
        "会议在贵州省贵阳市云岩区中华路街道召开，研究部署工作。",
        "抓学校党建促立德树人。抓机关党建促作风转变。抓国企党建促高质量发展。",
    ]
    df = mine_templates(docs, min_support=3, segmenter=seg)
    assert "抓{}党建促{}" in set(df.frame)
    for r in df.itertuples():
        assert not any("街道" in f or "省" in f for f in r.fillers), (r.frame, r.fillers)


def test_place_names_list_is_read_with_short_forms():
    from policytext.extract.templates.noise import NameFilter, place_names

    names = place_names()
    assert {"山东省", "山东", "济南市", "济南", "历下区"} <= names
    assert "发展" not in names and "行政区划" not in "".join(n for n in names if len(n) > 8)
    f = NameFilter(None)
    assert f.is_address_chain("仙林校区") is False  # one unit is not a chain
    assert f.is_address_chain("南京市栖霞区仙林大道163号")
