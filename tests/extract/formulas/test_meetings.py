"""Meetings: Party congresses and plenums, NPC and CPPCC sessions, numerals converted."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.formula_dev import dev_passages, found_spans, gold_spans
from helpers.spec_locate import locate_items
from policytext.extract.formulas.finder import find_meetings


def _one(text):
    df = find_meetings(text)
    assert len(df) == 1, df.values.tolist()
    r = df.iloc[0]
    assert text[r.start : r.end] == r.match
    return r


@pytest.mark.parametrize(
    "text, body, congress, plenum, session",
    [
        ("党的十九届六中全会", "party_congress", 19, 6, None),
        ("十八届三中全会", "party_congress", 18, 3, None),
        ("党的二十大", "party_congress", 20, None, None),
        ("中国共产党第十九次全国代表大会", "party_congress", 19, None, None),
        ("中国共产党第十九届中央委员会第六次全体会议", "party_congress", 19, 6, None),
        ("中共十一届三中全会", "party_congress", 11, 3, None),
        ("十四届全国人大一次会议", "npc", 14, None, 1),
        ("第十四届全国人民代表大会第三次会议", "npc", 14, None, 3),
        ("全国人大十四届三次会议", "npc", 14, None, 3),
        ("五届人大一次会议", "npc", 5, None, 1),
        ("第三届全国人民代表大会", "npc", 3, None, None),
        ("全国政协十四届二次会议", "cppcc", 14, None, 2),
        ("十四届全国政协二次会议", "cppcc", 14, None, 2),
        ("中国人民政治协商会议第十四届全国委员会第二次会议", "cppcc", 14, None, 2),
        ("第14届全国人大第2次会议", "npc", 14, None, 2),
    ],
)
def test_meeting_forms(text, body, congress, plenum, session):
    r = _one(text)
    assert r.match == text
    assert (r.body, r.congress, r.plenum, r.session) == (body, congress, plenum, session)


def test_standing_committee():
    r = _one("十三届全国人大常委会第十次会议")
    assert r.body == "npc" and r.session == 10 and r.standing_committee


def test_elided_plenums_one_row_each():
    text = "全面贯彻党的十九大和十九届二中、三中、四中全会精神"
    df = find_meetings(text)
    assert df.match.tolist() == ["党的十九大", "十九届二中", "三中", "四中全会"]
    assert df.congress.tolist() == [19, 19, 19, 19]
    assert df.plenum.tolist() == [None, 2, 3, 4]
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match


def test_list_of_full_plenums_inherits_congress():
    df = find_meetings("十八届三中全会、四中全会")
    assert df.match.tolist() == ["十八届三中全会", "四中全会"] and df.congress.tolist() == [18, 18]
    bare = find_meetings("三中全会以来")
    assert bare.congress.tolist() == [None] and bare.plenum.tolist() == [3]


def test_elided_congresses():
    df = find_meetings("党的十七大、十八大和十九大")
    assert df.match.tolist() == ["党的十七大", "十八大", "十九大"]
    assert df.congress.tolist() == [17, 18, 19]


@pytest.mark.parametrize(
    "text",
    [
        "打好三大攻坚战",
        "十二大类产品",
        "一大批项目",
        "十大关系",
        "八大煤炭基地",
        "十三届中央委员会",
        "二十大类",
        "省十四届人大一次会议",
        "第十四届全国人民代表大会代表",
        "全国学联二十七大代表",
        "共青团十八大",
        "十九届中央纪委四次全会",
    ],
)
def test_not_meetings(text):
    assert find_meetings(text).empty, find_meetings(text).values.tolist()


def test_numbers_are_python_ints():
    df = find_meetings("党的十九届六中全会")
    assert type(df.congress[0]) is int and type(df.plenum[0]) is int and df.session[0] is None


def test_seed_meetings(seed_doc, seed_expected):
    df = find_meetings(seed_doc)
    gold = seed_expected["meetings"]
    spans = locate_items(seed_doc.text, [g["match"] for g in gold])
    assert found_spans(df) == [(g["match"], s, e) for g, (s, e) in zip(gold, spans)]
    for g in gold:
        r = df[df.match == g["match"]].iloc[0]
        assert (r.congress, r.plenum) == (g["congress"], g["plenum"])


@pytest.mark.parametrize("passage", dev_passages(), ids=lambda p: p["source"].split("/")[-1])
def test_dev_passages(passage):
    text = passage["text"]
    df = find_meetings(text)
    gold = gold_spans(text, passage["meetings"], "match")
    assert found_spans(df) == gold
    for g, (_, s, _) in zip(passage["meetings"], gold):
        r = df[df.start == s].iloc[0]
        for key in ("congress", "plenum", "session", "body"):
            if key in g:
                assert getattr(r, key) == g[key], (g, key)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="党的十九二三四五六届中全会大人国政协次会议第、和常委", max_size=50))
def test_offsets_hypothesis(text):
    df = find_meetings(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match
        assert r.body in ("party_congress", "npc", "cppcc")
    spans = sorted(zip(df.start, df.end))
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:])), "overlapping rows"


def test_offsets_over_sample_and_congress_reports(sample_corpus, corpus_dir):
    from policytext.corpus.corpus import Corpus

    congress = Corpus.from_dir(corpus_dir / "cpc_congress_reports")
    for corpus in (sample_corpus, congress):
        df = find_meetings(corpus)
        texts = {d.doc_id: d.text for d in corpus}
        assert len(df) > 50
        for r in df.itertuples():
            assert texts[r.doc_id][r.start : r.end] == r.match
    # reports that name the NPC session they were delivered to
    reports = find_meetings(sample_corpus)
    npc = reports[reports.body == "npc"]
    assert {"gwr_1979", "gwr_2024"} <= set(npc.doc_id)
    r = npc[npc.doc_id == "gwr_2024"].iloc[0]
    assert (r.match, r.congress, r.session) == ("第十四届全国人民代表大会第二次会议", 14, 2)
