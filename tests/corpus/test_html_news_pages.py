"""Reading news and portal pages that have no known article container (trafilatura's text, then
policytext's cleaning): the blocks after the article, the heading and dateline above it, credit lines,
disclaimers and the heading inside a ``<title>`` (issue #19, development set round two)."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.corpus.html import (
    _header_cut,
    _is_site_chrome,
    _table_cells,
    _tail_cut,
    _title_from_html_title,
)
from policytext.corpus.officialdoc import byline_issuer

BODY = [
    "新华社北京2月29日电 国务院联防联控机制印发通知，就进一步落实分区分级差异化防控策略作出部署安排。",
    "湖北省和武汉市要全面加强疫情防控，继续实施严格管控策略，坚决遏制疫情扩散输出和蔓延势头。",
    "全国其他地区要以县域为单位，实施预防为主策略，继续落实各项措施，防止疫情反弹和再次扩散。",
]
LINKS = ["若上诉失败 孙杨商业价值将受巨大损失", "为什么华晨宇争议这么大", "拾荒老人被多次放倒在地遭拖行喊叫"]


def test_a_block_whose_heading_trafilatura_dropped_still_ends_the_body():
    # the page prints 延伸阅读 between the article and the links; trafilatura's text does not
    page_lines = ["网易首页 > 新闻中心", *BODY, "延伸阅读", *LINKS, "版权所有"]
    lines = [*BODY, *LINKS]
    assert _tail_cut(lines, page_lines) == len(BODY)
    # without the heading on the page, nothing is cut
    assert _tail_cut(lines, [*BODY, *LINKS]) == len(lines)


def test_a_heading_in_the_text_ends_the_body_only_after_it():
    lines = ["推荐阅读", "某地召开会议", *BODY, "为你推荐", *LINKS]
    assert _tail_cut(lines, lines) == 2 + len(BODY)  # the sidebar heading above the article is passed over


def test_layout_table_rows_become_cells():
    text = "| 现在位置： 首页 >> 东区新闻 >> 正文 |\n|  |  |\n| 标题 来源于：东区办事处 |\n正文。"
    assert _table_cells(text).split("\n") == [
        "现在位置： 首页 >> 东区新闻 >> 正文",
        "标题 来源于：东区办事处",
        "正文。",
    ]


def test_the_heading_and_dateline_above_the_article_are_not_body():
    title = "顺德区大良街道党工委委员一行到众创金融街开展调研工作"
    lines, found = _header_cut([f"{title} 来源于：东区办事处", BODY[0]], title)
    assert lines == [BODY[0]] and found == {"source": "东区办事处"}
    lines, found = _header_cut(["新闻动态", title, "33", BODY[0]], title)
    assert lines == ["33", BODY[0]]
    lines, _ = _header_cut(["2019-09-26 12:11来源：证券时报网作者：李在山", BODY[0]], "午间公告")
    assert lines == [BODY[0]]
    lines, found = _header_cut(["（原标题：国务院联防联控机制印发通知）", *BODY], "国务院联防联控机制:湖北要严格管控")
    assert lines == BODY and found["original_title"] == "国务院联防联控机制印发通知"
    # a sentence above the heading: the heading is not cut there (it is no header zone)
    lines, _ = _header_cut([BODY[0], title, BODY[1]], title)
    assert lines == [BODY[0], title, BODY[1]]


@pytest.mark.parametrize(
    "line",
    [
        "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳",
        "【编辑：姚昊】",
        "（资料来源：参考消息、海外网等）",
        "执笔/叨叨姐、胡一刀&李小飞刀",
        "声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。",
        "版权所有 湖南省某某医院 Copyright © 2018 All rights reserved. 湘ICP备14002927号-5 湘公安网备号43010402000231号"
        " 医院地址：湖南省长沙市麓山路58号",
    ],
)
def test_credits_disclaimers_and_one_line_footers_are_chrome(line):
    assert _is_site_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "文化馆、图书馆数据来自州文体广电旅游局。",
        "比赛由药剂科主任主持，评委由党支部书记担任。",
        "《冬夜读书示子聿》是陆游写给自己小儿子陆聿的一首诗。",
        "声明：本单位郑重承诺，所报材料真实有效。",
    ],
)
def test_prose_is_not_chrome(line):
    assert not _is_site_chrome(line)


def test_the_heading_inside_a_title_element_is_the_line_the_page_prints():
    page_lines = ["首页", "法国全国大罢工再次严重影响交通", "2019-12-10 07:57:40"]
    assert (
        _title_from_html_title("法国全国大罢工再次严重影响交通-新华网", page_lines) == "法国全国大罢工再次严重影响交通"
    )
    lines = ["【不忘初心 牢记使命】我院党支部举办专业技能大赛"]
    assert _title_from_html_title("【不忘初心 牢记使命】我院党支部举办专业技能大赛 湖南省某某医院", lines) == lines[0]
    # no such line: the part before the site's name, as before
    assert _title_from_html_title("某某通知 _ 某某市人民政府", ["首页"]) == "某某通知"


def test_a_news_page_without_container_ends_before_its_recommendations():
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    links = "".join(f"<li><a href='/n{i}.html'>{t}</a></li>" for i, t in enumerate(LINKS))
    page = (
        "<html><head><title>国务院联防联控机制部署防控策略-某某网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a></div><h1>国务院联防联控机制部署防控策略</h1>"
        f"<div class='post_body'>{paragraphs}</div><div class='rec'><h2>为你推荐</h2><ul>{links}</ul></div>"
        "<div class='foot'>版权所有 某某网 Copyright © 2020 京ICP备12345678号</div></body></html>"
    )
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.meta["title"] == "国务院联防联控机制部署防控策略"
    assert doc.text.split("\n") == BODY


def test_a_byline_over_a_date_is_no_title():
    text = "黔东南州统计局\n2024年5月7日\n2023年，全州经济逐季向好。\n一、综 合\n"
    assert byline_issuer(text) == "黔东南州统计局"
    assert (
        byline_issuer("深圳市统计局  国家统计局深圳调查队\n2022年5月10日\n正文。")
        == "深圳市统计局、国家统计局深圳调查队"
    )
    assert byline_issuer("关于做好某项工作的通知\n2024年5月7日\n正文。") is None
