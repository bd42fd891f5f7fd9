"""unit="section": topic models over the parts of official documents cut at their headings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.errors import InputError
from policytext.segment.segmenter import Segmenter
from policytext.topics.model import TopicModel
from policytext.topics.units import build_units, section_spans


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter(lexicon=None)


def test_section_units_follow_the_headings_of_a_real_notice(corpus_dir, seg):
    doc = pt.read_document(corpus_dir / "policy_docs_central/central_006.txt")
    units = build_units(doc, seg, unit="section")
    heads = doc.sections
    # one unit before the first heading, then one per heading of any level
    assert len(units) == len(heads) + 1
    assert units.unit == "section"
    for i, row in enumerate(heads.itertuples(), start=1):
        assert units.unit_start[i] == row.start
        assert units.unit_text(i).startswith(row.number)
    # the units tile the text: nothing between them but whitespace
    cuts = [0, *[int(x) for pair in zip(units.unit_start, units.unit_end) for x in pair], len(doc.text)]
    for a, b in zip(cuts[::2], cuts[1::2]):
        assert doc.text[a:b].strip() == ""


def test_section_units_of_a_regulation_are_its_articles(corpus_dir, seg):
    doc = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_012.txt")
    units = build_units(doc, seg, unit="section")
    texts = [units.unit_text(i) for i in range(len(units))]
    articles = [t for t in texts if t.startswith("第") and t.split()[0].endswith("条")]
    assert len(articles) == (doc.sections["number"].str.endswith("条")).sum()
    assert any(t.startswith("第一条") for t in texts)


def test_topic_model_accepts_section_units(corpus_dir, seg):
    docs = [pt.read_document(corpus_dir / f"policy_docs_central/central_{i:03d}.txt") for i in (6, 10, 20, 30, 40, 50)]
    corpus = pt.Corpus.from_texts([d.text for d in docs], ids=[str(i) for i in range(len(docs))])
    model = TopicModel(3, segmenter=seg, unit="section", min_df=2, max_df=0.9).fit(corpus)
    shares = model.doc_topics(wide=True)
    assert len(shares) == len(docs)
    paragraph = TopicModel(3, segmenter=seg, unit="paragraph", min_df=2, max_df=0.9).prepare(corpus)
    section = model.prepare(corpus)
    assert section.unit == "section" and len(section) < len(paragraph)


def test_unknown_unit_is_an_error(seg):
    with pytest.raises(InputError, match="section"):
        build_units(["一、总体要求\n坚持。"], seg, unit="chapter")


def test_text_without_headings_is_one_unit():
    text = "坚持稳中求进。\n推动高质量发展。"
    assert section_spans(text) == [(0, len(text))]


line = st.one_of(
    st.sampled_from(["一、总体要求", "二、重点任务", "（一）加强领导", "（二）强化保障", "1.完善制度", "第一条 目的"]),
    st.text(alphabet="推进改革发展，。", min_size=0, max_size=12),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(line, min_size=1, max_size=12))
def test_section_spans_tile_any_text(lines):
    text = "\n".join(lines)
    spans = section_spans(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(text.split()) == "".join(covered.split())
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
