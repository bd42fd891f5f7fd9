"""Programme names in their frame, kept whole in the coarse granularity (issue #20; policytext.segment.programmes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.segment import Segmenter
from policytext.segment.programmes import GOVERNING_VERBS, HEADING_MARKS, PROGRAMME_HEADS, programme_spans

COARSE = Segmenter()
PLAIN = Segmenter(programmes=False)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("深入实施农村饮水安全巩固提升工程，提高农村供水保障水平。", "农村饮水安全巩固提升工程"),
        ("开展规范涉企执法专项行动，坚决防止乱检查。", "规范涉企执法专项行动"),
        ("实施民营企业梯度培育提升行动，完善中国特色现代企业制度。", "民营企业梯度培育提升行动"),
        ("全市启动实施县域经济高质量发展行动。", "县域经济高质量发展行动"),
        ("坚决打好防汛抢险攻坚战。", "防汛抢险攻坚战"),
        ("推进文明乡风建设行动，培育时代新风。", "文明乡风建设行动"),
    ],
)
def test_a_programme_launched_by_its_verb_is_one_token(sentence, name):
    assert name in COARSE.cut(sentence)
    assert name not in PLAIN.cut(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "实施一批重大工程，扩大有效投资。",  # a quantifier: no name
        "开展形式多样的宣传活动和志愿服务行动。",  # 的 and 和 inside
        "实施“千万工程”，建设宜居宜业和美乡村。",  # quoted: the quoted rule's
        "农村饮水安全巩固提升工程取得明显成效。",  # no governing verb before it
        "实施乡村振兴行动方案，推动工作落实。",  # the head continues (行动 | 方案)
        "实施省级科技计划，支持企业创新。",  # a level word opens no name
        "推进各中心围绕制造业创新发展战略开展工作。",  # a distributive word opens no name
        "推进中非全面战略合作伙伴关系。",  # the head continues (战略 | 合作伙伴关系)
    ],
)
def test_no_programme_name_outside_the_frame(sentence):
    merged = [t for t in COARSE.tokenize(sentence) if len(t.parts) > 1]
    plain = [t for t in PLAIN.tokenize(sentence) if len(t.parts) > 1]
    assert [t.word for t in merged] == [t.word for t in plain]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the headings of a provincial plan for AI education (policy_docs_shandong) and of a plan for industry
        ("　　（五）学生人工智能素养培育工程\n　　1. 建立素养评价体系。", "学生人工智能素养培育工程"),
        ("三、人工智能教育示范引领工程\n创建一批示范校。", "人工智能教育示范引领工程"),
        ("2.科技创新人才队伍提升行动\n", "科技创新人才队伍提升行动"),
        ("1. 科技创新人才队伍提升行动\n", "科技创新人才队伍提升行动"),  # a space after the number
        ("（一）　关键核心技术攻关能力提升行动\n", "关键核心技术攻关能力提升行动"),
        ("（1）服务业数字化转型平台支撑工程  \r\n", "服务业数字化转型平台支撑工程"),
    ],
)
def test_a_numbered_heading_that_is_a_programme_name_is_one_token(text, name):
    assert name in COARSE.cut(text)
    assert name not in PLAIN.cut(text)


@pytest.mark.parametrize(
    "text",
    [
        "（三）推进新型城镇化建设工程\n",  # a governing verb opens it: 推进 | 新型城镇化建设工程
        "（一）关于经济发展战略\n",  # a preposition
        "全省（五）学生人工智能素养培育工程\n",  # not at the start of a line
        "（五）学生人工智能素养培育工程取得明显成效\n",  # the line goes on after the head
        "（五）学生人工智能素养 培育工程\n",  # a space inside the line
        "（五）实施一批重大工程\n",  # a quantifier
        "2023.人工智能教育示范引领工程\n",  # a year, not a heading's number
    ],
)
def test_no_heading_name_without_the_whole_line(text):
    merged = [t.word for t in COARSE.tokenize(text) if len(t.parts) > 1]
    plain = [t.word for t in PLAIN.tokenize(text) if len(t.parts) > 1]
    assert merged == plain


def test_coarse_tokens_stay_unions_of_word_tokens():
    text = "实施学生人工智能素养培育工程，开展人工智能教育示范引领工程。"
    word = Segmenter(granularity="word").cut(text)
    for tok in COARSE.tokenize(text):
        assert "".join(p.word for p in tok.parts) == tok.word
    assert "".join(COARSE.cut(text)) == "".join(word)


words_strategy = st.lists(
    st.sampled_from(
        [
            *sorted(GOVERNING_VERBS)[:6],
            "农村",
            "饮水",
            "安全",
            "巩固",
            "提升",
            "的",
            "，",
            "一批",
            "三年",
            "方案",
            "（",
            "五",
            "）",
            "\n",
            " ",
            *PROGRAMME_HEADS,
        ]
    ),
    max_size=30,
)


@given(words_strategy)
def test_spans_are_ordered_disjoint_and_follow_a_governing_verb_or_a_heading_number(words):
    spans = programme_spans(words)
    last = 0
    for i, j in spans:
        assert last <= i < j <= len(words) and j - i >= 2
        mark = i - 2 if words[i - 1] == " " else i - 1  # (a space may follow the heading's number)
        if words[mark] in HEADING_MARKS:  # a heading: its name is the whole rest of the line
            assert words[mark - 2 : mark + 1] == ["（", "五", "）"]
            assert j == len(words) or not words[j].strip()
            assert all(w.strip() for w in words[i:j])
        else:
            assert words[i - 1] in GOVERNING_VERBS or words[i - 2 : i] in (["打", "好"], ["打", "赢"])
        assert words[j - 1].endswith(PROGRAMME_HEADS)
        assert 5 <= len("".join(words[i:j])) <= 16
        last = j


def test_names_found_in_the_local_documents_end_in_a_head(corpus_dir: Path):
    names = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].startswith("local_gov_work_reports_2026/") and rec["path"].endswith(".txt"):
            text = (corpus_dir / rec["path"]).read_text(encoding="utf-8")
            names += [t.word for t in COARSE.tokenize(text) if t.word.endswith(PROGRAMME_HEADS) and len(t.word) >= 7]
    assert len(set(names)) >= 50  # the 2026 reports launch dozens of named programmes
    assert not [n for n in names if any(s in n for s in ("的", "一批", "，"))]
