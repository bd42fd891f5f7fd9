"""Cleaning rules on small handmade pages (structure, not particular words)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.corpus.clean import (
    _LICENCE_KEYS,
    _LICENCE_M_RE,
    _MIDDLE_FIRST,
    _TAIL_BLOCK_M_RE,
    _TAIL_KEYS,
    _TAIL_LEAD,
    _first_block_start,
    _flagged_lines,
    clean_text,
    parse_date,
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022/2/9", dt.date(2022, 2, 9)),
        ("2022-02-09", dt.date(2022, 2, 9)),
        ("2022年2月9日", dt.date(2022, 2, 9)),
        ("2022.02.09", dt.date(2022, 2, 9)),
        ("发布时间：2022-02-09 10:30:00", dt.date(2022, 2, 9)),
        ("2022-13-40", None),
        ("无日期", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_breadcrumb_font_controls_and_trailer():
    page = (
        "您现在的位置：首页 > 新闻中心 > 要闻\n"
        "关于加强基层治理的通知\n"
        "发布机关：国务院办公厅  文号：国办发〔2023〕5号\n"
        "发布日期：2023.04.01  字号：[大] [中] [小]\n"
        "\n　　各省、自治区、直辖市人民政府：\n"
        "　　为加强基层治理，现通知如下。\n"
        "【打印本页】【关闭窗口】\n"
        "相关阅读：\n"
        "关于乡村振兴的意见\n"
        "关键词：\n"
    )
    body, meta = clean_text(page)
    assert body == "各省、自治区、直辖市人民政府：\n为加强基层治理，现通知如下。"
    assert meta["title"] == "关于加强基层治理的通知"
    assert meta["issuer"] == "国务院办公厅"
    assert meta["doc_number"] == "国办发〔2023〕5号"
    assert meta["date"] == dt.date(2023, 4, 1)


def test_a_breadcrumb_with_an_empty_step_and_a_table_rule_are_chrome():
    paras = "正文第一段，全市各级各部门认真贯彻落实会议精神，推动各项工作取得新进展。\n正文第二段，群众满意度持续提升。"
    page = "企业服务首页 > 产经资讯 > 商贸 > > 点击财富专题 > 正文\n---|---|---\n" + paras
    body, _ = clean_text(page)
    assert body == paras
    # a sentence that compares with > is no breadcrumb, and a row of a table stays
    kept = "其中收入>支出>0。\n| 指标 | 数值 |"
    assert kept in clean_text(paras + "\n" + kept + "\n正文第三段，工作取得实效。")[0]


def test_markdown_and_html():
    page = (
        "---\ntitle: 一篇文章\ndate: 2024-05-01\n---\n"
        "# [一篇文章](https://example.org/a)\n\n"
        "![图片说明](https://example.org/x.png)\n"
        "正文里有[链接文字](https://example.org/b)和<b>加粗</b>&nbsp;以及&lt;符号&gt;。\n"
        "<center>==========</center>\n"
        "> [!NOTE]\n> 剪藏者的备注\n"
        "第二段**强调**内容。\n"
        "--------\n"
        "第三段。\u200b\n"
    )
    body, meta = clean_text(page)
    assert meta["title"] == "一篇文章" and meta["date"] == dt.date(2024, 5, 1)
    assert body.split("\n") == [
        "正文里有链接文字和加粗\u00a0以及<符号>。",
        "第二段强调内容。",
        "第三段。",
    ]


def test_signature_and_author_prefix():
    page = "张三:论基层治理\n作者:张三 来源:某某日报\n正文一句。\n正文二句。(某某县委宣传部)\n"
    body, meta = clean_text(page)
    assert meta["title"] == "论基层治理" and meta["author"] == "张三"
    assert meta["organization"] == "某某县委宣传部"
    assert body == "正文一句。\n正文二句。"


def test_prose_mentioning_chrome_words_stays():
    line = "我们要坚持守正创新，关闭窗口期的问题不能回避，要返回顶部设计的初衷，把工作做实做细做到位。"
    body, _ = clean_text("标题\n" + "前文" * 120 + "。\n" + line + "\n结尾。")
    assert line in body


def test_credit_lines_and_click_counts_go():
    page = "正文第一段很长" * 40 + "。\n点击数：138 次\n正文第二段。\n文字：李四\n图片：王五\n审核：赵六、钱七\n"
    body, _ = clean_text(page)
    assert "点击数" not in body and "李四" not in body and "赵六" not in body
    assert body.endswith("正文第二段。")


def test_an_interview_question_is_no_credit_line():
    # 记者：… is a credit when a name follows, a line of the text when a sentence does (an interview's question)
    question = "记者：你们的农机大市场在哪？"
    page = "正文第一段很长" * 40 + "。\n" + question + "\n李金泽：就在勃利县境内。\n记者：张三\n"
    body, _ = clean_text(page)
    assert question in body and body.endswith("李金泽：就在勃利县境内。")


def test_licence_footer_cut():
    page = "各位代表：\n报告正文。\n本作品来自中华人民共和国的官方文件。\n公有领域\nPublic domain\nfalse\n"
    body, _ = clean_text(page)
    assert body == "各位代表：\n报告正文。"


# --- the fast block and line finders give what the plain definitions give --------------------------

# pages built from the pieces that matter: keys, what may stand before them, line breaks, other text
_PIECES = st.sampled_from(
    [
        "\n",
        " ",
        "\u3000",
        "【",
        "[",
        "↓",
        "】",
        "本",
        "这部",
        "此",
        "作品",
        "是",
        "于",
        "甲",
        "相关文章",
        "延伸阅读",
        "This work is in the public domain",
        "-",
        "*",
        "_",
        "h",
        "。",
    ]
)
_PAGES = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PAGES, st.integers(0, 60))
def test_first_block_start_equals_the_line_anchored_search(page, cut):
    end = min(cut, len(page))
    for keys, pattern, lead in ((_LICENCE_KEYS, _LICENCE_M_RE, None), (_TAIL_KEYS, _TAIL_BLOCK_M_RE, _TAIL_LEAD)):
        m = pattern.search(page, 0, end)
        assert _first_block_start(page, keys, pattern, end, lead=lead) == (m.start() if m else None)


@settings(max_examples=400, deadline=None)
@given(_PAGES, st.integers(0, 5), st.integers(0, 5))
def test_flagged_lines_are_the_lines_that_need_a_look(page, lo, trim):
    lines = page.split("\n")
    hi = max(lo, len(lines) - trim)
    want = [
        x for x in range(lo, hi) if lines[x] and (lines[x][0] in _MIDDLE_FIRST or "**" in lines[x] or "__" in lines[x])
    ]
    assert _flagged_lines(lines, lo, hi) == want
