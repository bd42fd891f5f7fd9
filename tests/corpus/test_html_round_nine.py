"""Reading pages of a ninth round of unseen sites (issue #19, development set round nine): provincial and city
portals, a city department, a district portal, a news portal's old channel and an event page. What that round
showed: the heading, its date and its 来源 on one line above a reporter's byline; a column's name above the
dateline; an event page's list of labelled fields; QR-code captions, back-to-top buttons and a player's notice."""

from __future__ import annotations

import datetime as dt

import policytext as pt
from helpers.pages import html_page as _page
from policytext.corpus.html import (
    _dateline,
    _field_list_cut,
    _header_cut,
    _is_site_chrome,
    _is_tail_heading,
    _trailing_credits_cut,
)

BODY = [
    "以践行新发展理念为主题的第十届某某论坛近日在沪召开，专家学者分别就数字化转型等议题作了发言。",
    "与会代表表示，要以高质量发展为主线，推动出版传媒业深度融合，更好满足人民群众的精神文化需求。",
]
TITLE = "第十届某某论坛在沪召开"


def test_the_heading_with_its_date_and_source_on_one_line_and_a_byline_are_not_body():
    lines, found = _header_cut([f"{TITLE} 2023-08-19 来源：解放日报", *BODY], TITLE)
    assert lines == BODY and found["source"] == "解放日报"
    body = "<div class='main'>" + f"<p>{TITLE} 2023-08-19 来源：解放日报</p><p>见习记者 王一凡</p>"
    body += "".join(f"<p>{p}</p>" for p in BODY) + "</div>"
    doc = pt.read_document(_page(f"<title>{TITLE}</title>", body))
    assert doc.text.startswith("以践行") and doc.meta["source"] == "解放日报"
    assert doc.meta["date"] == dt.date(2023, 8, 19)


def test_a_column_name_and_source_above_the_dateline_are_not_body():
    lines, _ = _header_cut(["州市动态", "", "来源：云南日报", "2016-08-11 08:13:00", *BODY], "另一个标题")
    assert lines == BODY
    # a first line that is a sentence is no column name: nothing is cut
    lines, _ = _header_cut([BODY[0], "2016-08-11 08:13:00", BODY[1]], "另一个标题")
    assert lines == [BODY[0], "2016-08-11 08:13:00", BODY[1]]


def test_an_event_pages_labelled_fields_are_not_body_and_its_time_is_no_publication_date():
    fields = ["- 区域：", "- 大兴区", "- 开始时间：", "- 2024-05-10 09:00", "- 活动类型：", "- 展会活动", "展会简介"]
    assert _field_list_cut([*fields, *BODY]) == BODY
    # two labels are not a list of fields (a notice's 主送 line and one more)
    assert _field_list_cut(["各区县教育局：", "各直属学校：", "附件说明", *BODY]) == [
        "各区县教育局：",
        "各直属学校：",
        "附件说明",
        *BODY,
    ]
    assert _dateline(["开始时间：", "2024-05-10 09:00"]) == {}
    assert _dateline(["2024-03-01 10:00 来源：北京市商务局"]) == {"date": dt.date(2024, 3, 1), "source": "北京市商务局"}


def test_qr_captions_buttons_and_player_notices_are_chrome_but_a_source_line_is_not():
    for chrome in (
        "武汉市人民政府微信公众号",
        "回到顶部",
        "不支持Flash",
        "主办：北京市西城区人民政府办公室    承办：某某局",
    ):
        assert _is_site_chrome(chrome), chrome
    assert not _is_site_chrome("来源：北京市援青微信公众号")
    assert not _is_site_chrome("市民可关注武汉市人民政府微信公众号，及时了解政策动态。")
    assert _is_tail_heading("相关文档：")


def test_an_editors_note_a_blanket_picture_credit_and_feedback_buttons_are_not_body():
    """Leftovers that the earlier rounds' pages still kept (gov.cn's （本文有删减）, 环球网's picture credit and
    recommender feedback), read when the round-nine fixes were compared page by page."""
    last = "各地区、各部门要结合实际，认真抓好贯彻落实，确保各项任务落到实处。"
    for note in ("（本文有删减）", "（有删节）", "图片均来自网络", "（文中图片来源于网络，如有侵权请联系删除）"):
        assert _trailing_credits_cut([BODY[0], last, note]) == [BODY[0], last], note
    # a sentence about pictures stays
    kept = [BODY[0], "展览共展出图片200余幅，均来自网络征集和市民投稿。"]
    assert _trailing_credits_cut(kept) == kept
    for chrome in ("感谢您的反馈，我们将会减少此类文章的推荐", "- 推荐", "订阅"):
        assert _is_site_chrome(chrome), chrome
    assert not _is_site_chrome("推荐一批优秀案例。")
    assert not _is_site_chrome("推荐")  # alone and unbulleted: it may be the article's own word
