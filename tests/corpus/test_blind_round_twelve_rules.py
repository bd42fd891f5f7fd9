"""Rules from the twelfth blind round (``data/probes_blind_12``): header fields under a heading that the extractor
dropped, a column's name as ``<title>`` (a breadcrumb's step), a breadcrumb kept over the heading, a unit and date in
brackets closing an article, a 纪要's head and its 分送 list, counters of ten thousands (阅读：3.2万)."""

from __future__ import annotations

import datetime as dt

import policytext as pt
from policytext.corpus.clean import clean_text
from policytext.corpus.html import _crumb_step, _lines_between, _signed_dateline_cut
from policytext.corpus.officialdoc import colophon_cut, official_fields

PARAS = [
    "为缅怀革命先烈，传承红色基因，4月3日，青山中学党支部组织全体党员前往县革命烈士陵园开展主题党日活动。",
    "上午9时，祭扫活动在庄严肃穆的氛围中开始，全体人员向革命烈士纪念碑肃立默哀，敬献花篮，重温入党誓词。",
    "活动结束后，党员教师们纷纷表示，要把红色基因融入课堂教学和班级管理，引导学生听党话、跟党走。",
]
HEADING = "青山中学党支部开展清明祭英烈主题党日活动"


def _page(title: str, crumb: str, header: str, tail: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS) + tail
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">学校首页</a> | <a href="/dj">党建园地</a> | <a href="/jx">教育教学</a></div>
<div class="side"><h3>党建园地</h3>
<ul><li><a href="/dj/zb">支部动态</a></li><li><a href="/dj/ll">理论学习</a></li></ul></div>
<div class="main"><div class="crumb">{crumb}</div><h2 class="tt">{HEADING}</h2><div class="info">{header}</div>
<div class="content">{body}</div></div>
<div class="foot">版权所有：青山中学　地址：青山县城关镇学府路2号</div></body></html>"""


def test_a_column_name_title_gives_way_to_the_heading_over_the_text(tmp_path):
    page = _page("党建园地 - 青山中学", "您现在的位置：青山中学 >> 党建园地 >> 支部动态 >> 正文", "点击数：368")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["title"] == HEADING
    assert doc.text.split("\n")[0] == PARAS[0]


def test_a_crumb_step_is_a_column_but_the_last_step_may_be_the_article():
    crumbs = ["当前位置：首页 >> 理论宣讲 >> 宣讲稿 >> 正文", "论坛 » 学术前沿 » 社会资本与再就业"]
    assert _crumb_step("理论宣讲", crumbs)
    assert not _crumb_step("社会资本与再就业", crumbs)
    assert not _crumb_step("理论宣讲", ["理论宣讲", "以高质量党建引领基层治理现代化"])


def test_a_unit_and_a_date_in_brackets_closing_the_article_give_its_date(tmp_path):
    tail = "<p>（青山中学党支部 2025年4月8日） 撰稿：林芳 审核：周明</p>"
    page = _page("党建园地 - 青山中学", "您现在的位置：青山中学 >> 党建园地 >> 支部动态 >> 正文", "点击数：368", tail)
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["date"] == dt.date(2025, 4, 8)
    assert doc.meta["organization"] == "青山中学党支部"
    assert doc.text.split("\n")[-1] == PARAS[-1]


def test_a_bracketed_line_that_is_no_unit_and_date_stays():
    lines = [*PARAS, "（本文有删节）"]
    assert _signed_dateline_cut(lines) == (lines, {})
    lines = [*PARAS, "（活动时间 2025年4月8日）"]  # no unit's name
    assert _signed_dateline_cut(lines) == (lines, {})


def test_header_fields_printed_under_the_heading_are_read_where_the_extractor_dropped_them():
    page = [
        "首页",
        "青山县人民政府关于陈志远等同志职务任免的通知",
        "文号：青政任〔2025〕3号",
        "来源：县政府办公室",
        "各乡镇人民政府，县政府各部门：",
    ]
    keys = ["".join(ch for ch in x if "\u4e00" <= ch <= "\u9fff") for x in page]
    assert _lines_between(page[1], [page[-1]], page, keys) == page[2:4]
    # the article's first line not found near the heading: nothing
    assert _lines_between(page[1], ["经研究决定："], page, keys) == []


def test_a_minutes_head_gives_its_issuer_and_written_date_and_its_distribution_list_is_its_colophon():
    text = "\n".join(
        [
            "县长办公会议纪要",
            "第5期",
            "青山县人民政府办公室　　　　2025年4月15日",
            "关于研究城区老旧小区改造等事项的会议纪要",
            "2025年4月12日上午，县长在县政府第一会议室主持召开县长办公会议。现将会议议定事项纪要如下：",
            "出席：刘建国、张明",
            "分送：县委常委，县政府各部门，各乡镇人民政府。",
        ]
    )
    fields = official_fields(text)
    assert fields["written_date"] == dt.date(2025, 4, 15) and fields["issuer"] == "青山县人民政府办公室"
    kept, found = colophon_cut(text.split("\n"))
    assert kept[-1] == "出席：刘建国、张明"
    assert found["distributed_to"] == ["县委常委", "县政府各部门", "各乡镇人民政府"]
    # a 抄送 line without a 成文日期 above it or an 印发 line stays (it may be the text's own)
    lines = ["会议要求，各部门抓好落实。", "抄送：县委办公室。"]
    assert colophon_cut(lines) == (lines, {})


def test_a_dated_body_line_under_a_non_minutes_head_is_no_written_date():
    # an issuer and a date on one line under a title, not under a 纪要's mark or issue: not read as its head
    text = "关于开展安全检查的通知\n青山县应急管理局　2025年4月15日\n各乡镇：\n请抓好落实。"
    assert "written_date" not in official_fields(text)


def test_a_counter_of_ten_thousands_is_page_furniture():
    body, _ = clean_text("阅读：3.2万\n" + "\n".join(PARAS))
    assert body.split("\n")[0] == PARAS[0]
