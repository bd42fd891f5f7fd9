"""Documents cut into sections and paragraphs (``Corpus.split``): offsets, coverage, levels, bad arguments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.corpus.units import iter_units, unit_spans
from policytext.errors import InputError

NOTICE = (
    "各省、自治区、直辖市人民政府：\n"
    "一、总体要求\n坚持稳中求进工作总基调。\n"
    "（一）指导思想\n以习近平新时代中国特色社会主义思想为指导。\n"
    "（二）基本原则\n坚持以人民为中心。\n"
    "二、重点任务\n推动高质量发展。\n"
    "三、保障措施\n加强组织领导。\n"
)


def _non_blank(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if not ch.isspace()]


def test_every_heading_cuts_by_default():
    units = pt.Corpus.from_texts([NOTICE], ids=["n"]).split("section")
    assert [u.meta["section_number"] for u in units] == [None, "一", "（一）", "（二）", "二", "三"]
    assert [u.meta["section_level"] for u in units] == [None, 1, 2, 2, 1, 1]
    assert units[2].text == "（一）指导思想\n以习近平新时代中国特色社会主义思想为指导。"
    assert units[0].meta["section_heading"] is None and units[0].text == "各省、自治区、直辖市人民政府："


def test_level_one_keeps_subsections_inside_their_section():
    units = pt.Corpus.from_texts([NOTICE], ids=["n"]).split("section", level=1)
    assert [u.meta["section_number"] for u in units] == [None, "一", "二", "三"]
    assert "（二）基本原则" in units[1].text and units[1].meta["section_heading"] == "总体要求"


def test_units_carry_the_documents_metadata_and_offsets():
    doc = pt.Document("gwr", "  前言\n一、目标\n稳中求进。", {"year": 2024, "issuer": "国务院"})
    units = list(iter_units([doc], "section"))
    assert [u.doc_id for u in units] == ["gwr§0", "gwr§1"]
    for k, u in enumerate(units):
        assert u.meta["year"] == 2024 and u.meta["issuer"] == "国务院"
        assert u.meta["parent_id"] == "gwr" and u.meta["unit_index"] == k and u.meta["unit"] == "section"
        assert doc.text[u.meta["offset"] : u.meta["offset"] + len(u.text)] == u.text
    assert units[0].meta["offset"] == 2  # leading blanks are not part of a unit


def test_paragraphs_are_the_non_blank_lines():
    units = pt.Corpus.from_texts(["甲。\n\n  乙。 \n丙。"], ids=["d"]).split("paragraph")
    assert [u.text for u in units] == ["甲。", "乙。", "丙。"]
    assert "section_number" not in units[0].meta


def test_a_text_without_headings_is_one_section():
    assert [(a, b) for a, b, _ in unit_spans("坚持稳中求进。推动高质量发展。")] == [(0, 15)]
    assert unit_spans("") == [] and unit_spans(" \n ") == []


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"unit": "chapter"}, "unit must be one of"),
        ({"unit": "section", "level": 0}, "level must be"),
        ({"unit": "section", "level": True}, "level must be"),
        ({"unit": "paragraph", "level": 1}, "level applies to unit='section'"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(InputError, match=message):
        pt.Corpus.from_texts(["一、甲"]).split(**kwargs)


HEADINGS = st.sampled_from(["一、目标", "二、任务", "（一）原则", "1.要求", "第一章 总则", "第二条 ", "附件："])
LINES = st.lists(
    st.one_of(HEADINGS, st.text(alphabet="稳中求进发展。；，、 \u3000\t", max_size=12)), min_size=0, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(lines=LINES, unit=st.sampled_from(["section", "paragraph"]), level=st.sampled_from([None, 1, 2]))
def test_units_cover_every_non_blank_character_once(lines, unit, level):
    text = "\n".join(lines)
    spans = unit_spans(text, unit, level=level if unit == "section" else None)
    covered = [i for a, b, _ in spans for i in range(a, b) if not text[i].isspace()]
    assert covered == _non_blank(text)  # in order: nothing lost, nothing twice
    for a, b, _ in spans:
        assert a < b and not text[a].isspace() and not text[b - 1].isspace()


def test_five_year_plan_sections_on_the_shared_corpus(corpus_dir):
    """A real plan (篇 > 章 headings, no 。 in them): level 1 units are the 篇, each with its chapters."""
    plan = pt.read_document(corpus_dir / "five_year_plans" / "yunnan_fyp_10_2001-2005.txt")
    every = list(iter_units([plan], "section"))
    top = list(iter_units([plan], "section", level=1))
    assert len(top) < len(every)
    assert all(u.meta["section_level"] in (None, 1) for u in top)
    assert (
        sum(str(u.meta["section_number"]).startswith("第") and "篇" in str(u.meta["section_number"]) for u in top) >= 5
    )
    for u in every:
        assert plan.text[u.meta["offset"] : u.meta["offset"] + len(u.text)] == u.text
