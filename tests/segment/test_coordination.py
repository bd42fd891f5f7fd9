"""Items of a coordination that share a word, kept whole in the coarse granularity (issue #20;
policytext.segment.coordination). The sentences are from documents of the shared corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.errors import InputError
from policytext.segment import Segmenter
from policytext.segment.coordination import SEPARATORS, coordinated_spans

COARSE = Segmenter()
PLAIN = Segmenter(coordinated=False)


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # 2025 Government Work Report
        ("坚决防止乱收费、乱罚款、乱检查、乱查封，坚决防止违规异地执法。", ["乱检查", "乱查封"]),
        ("稳步扩大制度型开放，有序扩大自主开放和单边开放，以开放促改革促发展。", ["自主开放", "单边开放"]),
        # 20th Party Congress report
        ("坚持制度治党、依规治党，以党章为根本。", ["制度治党", "依规治党"]),
        # Beijing 2026 Government Work Report
        ("三是坚持目标导向和问题导向，围绕重点领域谋划。", ["目标导向"]),
        # Hunan 2026 Government Work Report
        ("提升法治建设水平，一体推进法治湖南、法治政府、法治社会建设。", ["法治湖南"]),
        # a national plan for AI standards
        ("积极发展智慧文旅、智慧康养、智慧教育、智慧金融等智能化应用。", ["智慧康养"]),
    ],
)
def test_an_item_that_shares_a_word_with_its_neighbour_is_one_token(sentence, items):
    got = COARSE.cut(sentence)
    for item in items:
        assert item in got, (item, got)
        assert item not in PLAIN.cut(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_a_token"),
    [
        ("推动经济发展更加公平、更加可持续。", "更加可持续"),  # an adverb of two characters is shared: a phrase
        ("责任单位：市发展改革委、市工业和信息化局、市科技局。", "市工业"),  # 和 inside a name
        ("加大基础研究和应用基础研究支持力度。", "加大基础研究"),  # a verb and its object
        ("建立包含设计信息、图纸审查信息、工艺信息等要素的模型。", "审查信息"),  # the item began before the window
        ("实现附件上传、附件智能审查、进度查询。", "附件智能"),  # the item goes on after the window
        ("中国政府和中国人民都有决心、有能力办好这件事。", "有决心"),  # 有 shares nothing a name is built on
        ("加强领导、加强协调，形成合力。", "加强领导"),  # a governing verb (a stop word of the head rules)
    ],
)
def test_a_shared_word_that_makes_no_name_merges_nothing(sentence, not_a_token):
    assert not_a_token not in COARSE.cut(sentence)


def test_items_are_unions_of_word_tokens_and_the_rule_can_be_turned_off():
    sentence = "坚决防止乱收费、乱罚款、乱检查、乱查封。"
    tokens = COARSE.tokenize(sentence)
    item = next(t for t in tokens if t.word == "乱检查")
    assert [p.word for p in item.parts] == ["乱", "检查"]
    assert sentence[item.start : item.end] == "乱检查"
    assert "乱检查" not in PLAIN.cut(sentence)
    assert "coordinated=False" in repr(PLAIN)
    assert PLAIN.fingerprint != COARSE.fingerprint


def test_a_wrong_switch_is_refused():
    with pytest.raises(InputError, match="coordinated"):
        Segmenter(coordinated="yes")  # type: ignore[arg-type]


def test_a_list_of_words_without_a_separator_is_left_alone():
    tags = {"乱": "d", "检查": "vn", "查封": "v"}.__getitem__
    assert coordinated_spans(["乱", "检查", "乱", "查封"], tags) == []


WORDS = ["乱", "检查", "查封", "收费", "制度", "依规", "治党", "、", "和", "的", "更加", "公平", "，", "市", "工业"]
TAGS = {
    "乱": "d", "检查": "vn", "查封": "v", "收费": "vn", "制度": "n", "依规": "n", "治党": "n", "、": "x", "和": "c",
    "的": "uj", "更加": "d", "公平": "a", "，": "x", "市": "n", "工业": "n",
}  # fmt: skip


@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_spans_are_two_token_items_in_order_without_overlap(words):
    spans = coordinated_spans(words, TAGS.__getitem__)
    ends = [0]
    for i, j in spans:
        assert j == i + 2 and i >= ends[-1] and j <= len(words)
        assert not SEPARATORS.intersection(words[i:j])
        # an item sits next to a separator on at least one side
        assert (i > 0 and words[i - 1] in SEPARATORS) or (j < len(words) and words[j] in SEPARATORS)
        ends.append(j)
    # the scan from the separators' positions gives the same spans
    at = [k for k, w in enumerate(words) if w in SEPARATORS]
    assert coordinated_spans(words, TAGS.__getitem__, at=at) == spans
