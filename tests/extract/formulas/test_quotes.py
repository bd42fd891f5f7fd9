"""Quoted names (not quoted speech) and the head noun that follows them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.formula_dev import dev_passages, found_spans
from policytext.extract.formulas.finder import find_quoted_terms


def test_seed_quoted_terms(seed_doc, seed_expected):
    df = find_quoted_terms(seed_doc)
    gold = seed_expected["quoted_terms"]
    assert found_spans(df) == gold_quoted_spans(seed_doc.text, gold)


def gold_quoted_spans(text, items):
    """Gold quoted terms located in order, each at its first *quoted* occurrence: the seed has
    供给侧 unquoted (供给侧结构性改革) before the quoted “供给侧”."""
    out, pos = [], 0
    for item in items:
        i = text.find("“" + item + "”", pos)
        assert i >= 0, item
        out.append((item, i + 1, i + 1 + len(item)))
        pos = i + 1 + len(item)
    return out


def test_heads():
    df = find_quoted_terms(
        "深入实施“思想铸魂”工程，建立“半月谈”机制，抓“两新”组织党建，深化“党建引领、服务贴心”行动，落实“稳”的要求"
    )
    assert dict(zip(df.match, df["head_noun"])) == {
        "思想铸魂": "工程",
        "半月谈": "机制",
        "两新": "组织",
        "党建引领、服务贴心": "行动",
        "稳": None,
    }


@pytest.mark.parametrize(
    "speech",
    [
        "回答了“我们为什么能够成功，未来我们怎样才能继续成功”。",
        "他说：“要团结，不要分裂。”",
        "指出“没有工业，便没有巩固的国防，便没有人民的福利”",
        "“实践是检验真理的唯一标准。”",
    ],
)
def test_speech_is_not_a_term(speech):
    assert find_quoted_terms(speech).empty


def test_long_names_end_in_what_they_name():
    df = find_quoted_terms(
        "开展“学习贯彻习近平新时代中国特色社会主义思想主题教育”，他强调“决不可把工业发展速度同工业发展的水平混为一谈”"
    )
    assert df.match.tolist() == ["学习贯彻习近平新时代中国特色社会主义思想主题教育"]


def test_short_slogans_with_commas_are_terms():
    df = find_quoted_terms("实行“稳住一头，放开一片”的方针，坚持“一个中心、两个基本点”")
    assert df.match.tolist() == ["稳住一头，放开一片", "一个中心、两个基本点"]


def test_names_inside_speech_in_single_quotes():
    df = find_quoted_terms("他说：“我们要做到‘两个维护’，落实‘三严三实’要求。”")
    assert df.match.tolist() == ["两个维护", "三严三实"]
    assert df.quote.tolist() == ["‘’", "‘’"]


def test_corner_brackets_and_unclosed_quotes():
    df = find_quoted_terms("推进「放管服」改革，“未闭合\n的引号")
    assert df.match.tolist() == ["放管服"] and df["head_noun"].tolist() == ["改革"]


def test_spaces_inside_quotes_are_not_part_of_the_term():
    text = "揭批“ 四人帮 ”的罪行"
    r = find_quoted_terms(text).iloc[0]
    assert r.match == "四人帮" and text[r.start : r.end] == "四人帮"


@pytest.mark.parametrize("passage", dev_passages(), ids=lambda p: p["source"].split("/")[-1])
def test_dev_passages(passage):
    text = passage["text"]
    assert found_spans(find_quoted_terms(text)) == gold_quoted_spans(text, passage["quoted_terms"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='“”‘’「」"两新组织工程，。：说我的\n稳', max_size=60))
def test_offsets_hypothesis(text):
    df = find_quoted_terms(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match
        assert r.match.strip() == r.match and r.match
    assert len(set(zip(df.start, df.end))) == len(df), "duplicated rows"


def test_offsets_over_sample(sample_corpus):
    df = find_quoted_terms(sample_corpus)
    texts = {d.doc_id: d.text for d in sample_corpus}
    assert len(df) > 1000
    for r in df.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.match
    # names are short: nothing with sentence punctuation gets through
    assert not df.match.str.contains("[。！？；]").any()
