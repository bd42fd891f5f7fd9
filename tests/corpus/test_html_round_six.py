"""Reading pages of a sixth round of unseen sites (issue #19, development set round six): a school's Party
pages and notices, a fishery institute, an open-government page whose metadata table has no colons, and
Taiwanese news sites printed in traditional characters. What that round showed: lists of other articles
put above the article, a button glued to the last sentence, a <title> naming the site alone, a date
printed as a calendar block, the 版记 of an official document, traditional labels (延伸閱讀, 編輯, 不得轉載)."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from helpers.pages import html_page as _page
from policytext.corpus.html import (
    _day_over_month,
    _glued_chrome_strip,
    _headline_block_cut,
    _is_site_chrome,
    _is_tail_heading,
    _leading_link_list_cut,
    _out_of_order_lead_cut,
    _title_from_html_title,
    _trailing_credits_cut,
    page_fields,
)
from policytext.corpus.officialdoc import colophon_cut, official_fields
from policytext.corpus.text import to_simplified

BODY = [
    "为贯彻落实全省组织工作会议精神，近日，某某县委组织部召开全县基层党建工作推进会。",
    "会议强调，要持续深化党建引领基层治理，推动各领域基层党组织全面进步、全面过硬。",
    "会议要求，各级党组织要压实责任，把各项任务落到实处，以高质量党建引领高质量发展。",
]
PARAS = "".join(f"<p>{p}</p>" for p in BODY)


def test_a_list_of_dated_headlines_above_the_article_is_not_body():
    items = [f"- 最新消息 其他新闻标题第{i}条！ 后半句 2020-03-12 20:1{i}" for i in range(5)]
    assert _leading_link_list_cut(["2020 / 03 / 12 星期四", *items, *BODY]) == BODY
    listed = [f"- 关于开展{i}月主题党日活动的通知[0{i}-14]" for i in range(1, 5)]
    assert _leading_link_list_cut(["推荐阅读", *listed, *BODY]) == BODY


def test_an_article_that_opens_with_its_own_list_keeps_it():
    # undated items without a list heading: the article's own enumeration, not a list of other articles
    own = ["- 一是强化政治引领", "- 二是压实工作责任", "- 三是健全工作机制"]
    assert _leading_link_list_cut([*own, *BODY]) == [*own, *BODY]
    # dated items with no prose after them: nothing to cut
    dated = [f"- 新闻{i} 2024-05-0{i}" for i in range(1, 5)]
    assert _leading_link_list_cut(dated) == dated


def test_a_button_glued_to_the_last_sentence_is_cut_and_the_sentence_kept():
    line = BODY[-1] + "返回搜狐，查看更多"
    assert _glued_chrome_strip(line) == BODY[-1]
    assert _glued_chrome_strip(BODY[0]) == BODY[0]
    # an unended tail that is no chrome stays
    assert _glued_chrome_strip(BODY[0] + "（完）") == BODY[0] + "（完）"


def test_a_page_with_a_glued_button_keeps_its_last_paragraph():
    body = f"<h1>某某县召开基层党建工作推进会</h1><div class='article'>{PARAS[:-4]}返回搜狐，查看更多</p></div>"
    doc = pt.read_document(_page("<title>某某县召开基层党建工作推进会_某某网</title>", body))
    assert doc.text.rstrip().endswith(BODY[-1])


def test_an_item_of_the_list_under_the_article_put_first_is_not_body():
    page = ["某所召开大会", *BODY, "相关推荐", "某某调研农业发展和粮食安全工作"]
    assert _out_of_order_lead_cut(["某某调研农业发展和粮食安全工作", "某所召开大会", *BODY], page) == [
        "某所召开大会",
        *BODY,
    ]
    # a line printed above the article as well stays
    page_above = ["某某调研农业发展和粮食安全工作", *page]
    lines = ["某某调研农业发展和粮食安全工作", *BODY]
    assert _out_of_order_lead_cut(lines, page_above) == lines


def test_a_title_element_naming_the_site_alone_gives_way_to_the_heading_above_the_article():
    body = (
        "<div>浙江省某某研究所</div><div>首页 > 重要信息</div><div>浙江省某某研究所召开干部职工大会</div>"
        f"<div>21</div><div>2024年02月</div><div class='x'>{PARAS}</div><div>相关推荐</div>"
    )
    doc = pt.read_document(_page("<title>浙江省某某研究所</title>", body))
    assert doc.meta["title"] == "浙江省某某研究所召开干部职工大会"
    assert doc.meta["date"] == dt.date(2024, 2, 21)


def test_a_calendar_block_gives_the_date():
    assert _day_over_month(["标题", "2024年02月", "21"]) == {"date": dt.date(2024, 2, 21)}
    assert _day_over_month(["标题", "31", "2024年02月"]) == {}  # no such day
    assert _day_over_month(["标题", "第21期", "2024年02月"]) == {}


def test_two_printings_of_a_title_that_differ_only_in_digits_are_told_apart():
    lines = ["推荐阅读", "关于开展6月支部主题党日活动的通知[06-29]", "关于开展11月支部主题党日活动的通知"]
    assert _title_from_html_title("关于开展11月支部主题党日活动的通知--党政办-某中学", lines) == lines[2]


def test_a_metadata_table_without_colons():
    cells = [("索 引 号", "Whgs-16-02-010"), ("发布机构", "武汉市工商局"), ("公开日期", "2018-01-01")]
    cells.append(("名称", "某某法"))
    rows = "".join(f"<tr><td><strong>{a}</strong></td><td>&nbsp;{b}</td></tr>" for a, b in cells)
    fields = page_fields(f"<table>{rows}<tr><td>文号</td><td></td><td>关键词</td><td></td></tr></table>")
    assert fields["date"] == dt.date(2018, 1, 1) and fields["issuer"] == "武汉市工商局" and fields["title"] == "某某法"
    assert "doc_number" not in fields  # its value cell is empty: the next label is no 文号
    # one label without a colon in a layout table is not a metadata table
    assert page_fields("<table><tr><td>名称</td><td>某某</td></tr></table>") == {}


def test_the_colophon_of_an_official_document_is_cut_into_metadata():
    colophon = ["抄送：市委办、市人大办、市府办。", "某某局办公室 2009年11月30日印发", "（共印50份）"]
    lines = [*BODY, "二○○九年十一月二十七日", *colophon]
    body, found = colophon_cut(lines)
    assert body == lines[:4]
    assert found == {"cc": ["市委办", "市人大办", "市府办"], "printed_by": "某某局办公室 2009年11月30日印发"}
    # no 成文日期 above: an article that ends by naming a copy list is left alone
    assert colophon_cut([*BODY, "抄送：市委办。"]) == ([*BODY, "抄送：市委办。"], {})


def test_a_masthead_names_the_issuer_of_a_document_printed_without_its_signature():
    head = "绍兴市教育局文件\n绍市教〔2009〕61号\n各县（市、区）教育局：\n"
    text = head + "\n".join(BODY) + "\n二○○九年十一月二十七日"
    assert official_fields(text)["issuer"] == "绍兴市教育局"
    assert "issuer" not in official_fields("关于印发某某文件\n各学校：\n" + BODY[0])


def test_the_headline_block_may_print_a_part_of_the_title():
    lines = ["中组部召开基层党建工作重点任务推进会", *BODY]
    assert _headline_block_cut(lines, "每周一学（2026年6月11日-6月18日）中组部召开基层党建工作重点任务推进会") == BODY


@pytest.mark.parametrize(
    "line",
    ["延伸閱讀", "【熱門點閱】", "相關新聞"],
)
def test_traditional_block_headings_end_the_article(line):
    assert _is_tail_heading(line)


@pytest.mark.parametrize(
    "line", ["本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。", "請繼續下滑閱讀"]
)
def test_traditional_chrome_is_chrome(line):
    assert _is_site_chrome(line)


def test_a_traditional_closing_credit_is_cut_from_the_last_line_as_printed():
    last = "他強調，農委會要盡全力解決問題，已經要求農委會在一段時間內盡全力緩解。"
    assert _trailing_credits_cut([BODY[0], last + "（編輯：蘇龍麒）1120221"]) == [BODY[0], last]


def test_simplified_is_one_character_for_one():
    text = "延伸閱讀（編輯：蘇龍麒）本網站之文字"
    assert len(to_simplified(text)) == len(text) and to_simplified("中国") == "中国"
