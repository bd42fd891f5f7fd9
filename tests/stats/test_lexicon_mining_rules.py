"""Rules of the lexicon miner added for issue #20: the noun-phrase filter and provenance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.errors import InputError
from policytext.stats.lexicon_mining import (
    LIGHT_HEADS,
    OPENING_WORDS,
    leading_verb,
    provenance_table,
    read_exceptions,
    rules_reject,
)


@pytest.mark.parametrize(
    "words,tags,reason",
    [
        (["发展", "学前教育"], ["vn", "n"], "leading verb"),
        (["加强", "监督", "检查"], ["v", "vn", "vn"], "leading verb"),
        (["面向", "中小企业"], ["n", "n"], "prepositional verb"),
        (["中国式现代化", "建设"], ["nz", "vn"], "light head"),
        (["中央", "经济", "工作会议", "精神"], ["n", "n", "n", "n"], "light head"),
        (["因地制宜", "发展", "新质", "生产力"], ["i", "vn", "n", "n"], "leading verb inside"),
        (["企业", "牵头", "组建", "联合体"], ["n", "v", "v", "n"], "verb inside"),
        # a named strategy with a verb inside is rejected as a mined n-gram; such names are curated instead
        (["创新", "驱动", "发展", "战略"], ["v", "v", "vn", "n"], "verb inside"),
    ],
)
def test_noun_phrase_filter_rejects(words, tags, reason):
    assert reason in (rules_reject(words, tags) or "")


@pytest.mark.parametrize(
    "words,tags",
    [
        (["科技", "创新"], ["n", "v"]),  # a verbal noun may head a term
        (["创新", "平台"], ["v", "n"]),  # … or open one
        (["地区", "生产总值"], ["n", "n"]),  # 地 opens a word here, not an adverb
        (["人才", "高地"], ["n", "n"]),  # 地 ends a noun here
        (["基础", "研究"], ["n", "vn"]),  # an adjectival policy stopword may open a term
        (["乡村", "建设"], ["n", "vn"]),  # a light head after a two-character word stays
    ],
)
def test_noun_phrase_filter_keeps(words, tags):
    assert rules_reject(words, tags) is None


def test_exceptions_lift_the_leading_verb_rule_only():
    assert leading_verb("全面深化改革", exceptions={"全面深化改革"}) is None
    assert leading_verb("全面深化改革开放", exceptions={"全面深化改革"}) == "全面深化"


@given(st.sampled_from(sorted(LIGHT_HEADS)), st.text(alphabet="新质生产力基础设施", min_size=3, max_size=6))
def test_light_head_after_three_characters_is_rejected(head, prefix):
    assert "light head" in (rules_reject([prefix, head], ["n", "vn"]) or "")


@given(st.sampled_from(sorted(OPENING_WORDS)), st.text(alphabet="中小企业市场", min_size=2, max_size=5))
def test_opening_words_never_start_a_term(word, rest):
    assert rules_reject([word, rest], ["n", "n"]) is not None


def test_provenance_table_counts_documents_issuers_and_first_year():
    docs = [
        {"path": "b.txt", "text": "发展学前教育。", "issuer": "国务院", "year": 2018},
        {"path": "a.txt", "text": "学前教育，学前教育", "issuer": "山东省人民政府", "year": 2020},
        {"path": "c.txt", "text": "无关", "issuer": "国务院", "year": 2010},
    ]
    t = provenance_table(["学前教育", "新质生产力"], docs).set_index("term")
    assert t.loc["学前教育", "count"] == 3
    assert t.loc["学前教育", "n_docs"] == 2
    assert t.loc["学前教育", "n_issuers"] == 2
    assert t.loc["学前教育", "first_year"] == 2018
    assert t.loc["学前教育", "documents"] == "b.txt;a.txt"
    assert t.loc["新质生产力", "n_docs"] == 0


def test_read_exceptions(tmp_path):
    p = tmp_path / "e.txt"
    p.write_text("# c\n发展规划  # noun compound\n", encoding="utf-8")
    assert read_exceptions(p) == {"发展规划": "noun compound"}
    p.write_text("发展规划 发展纲要  # two words\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_exceptions(p)
