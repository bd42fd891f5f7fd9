"""Reading pages of old table layouts (issue #19; seen on the CWCE pages of 2003-2006): the site's menu that the
main-content extractor keeps above the article, one link a row; a heading printed in no heading element, with its
dateline under it; an interview's questions, which are lines of the text and not credit lines."""

from __future__ import annotations

import datetime as dt

import policytext as pt
from helpers.pages import html_page as _page
from policytext.corpus.html import _is_heading_line, _leading_menu_cut, _menu_like

MENU = ["国内", "国际", "财经", "社会", "体育", "娱乐", "科技"]
PARA = "全市各级各部门认真贯彻落实会议精神，推动各项工作取得新进展，群众满意度持续提升。"
HEADING = "市里召开推进会部署年度重点工作"


def _table_page(menu: list[str], lines_above: list[str], n_paras: int = 6) -> bytes:
    rows = "".join(f"<tr><td><a href='/c{i}'>{x}</a></td></tr>" for i, x in enumerate(menu))
    above = "".join(f"<tr><td>{x}</td></tr>" for x in lines_above)
    paras = "".join(f"<p>第{i}段，{PARA}</p>" for i in range(n_paras))
    article = f"<table>{above}<tr><td>{paras}</td></tr></table>"
    body = f"<table><tr><td><table>{rows}</table></td><td>{article}</td></tr></table>"
    return _page("<title>新闻中心</title>", body)


def test_a_menu_of_links_above_the_article_is_no_body_and_the_heading_and_date_under_it_are_read():
    doc = pt.read_document(_table_page(MENU, [f"<b>{HEADING}</b>", "2005-04-05 06:40更新 来源：本站"]))
    assert doc.meta["extraction"] == "trafilatura"
    assert doc.text.startswith("第0段") and not any(m in doc.text for m in MENU)
    assert doc.meta["title"] == HEADING and doc.meta["date"] == dt.date(2005, 4, 5)
    assert "2005-04-05" not in doc.text


def test_short_lines_above_the_article_that_are_no_links_stay():
    # the same short lines, printed as text and not as links, are not a menu: nothing is cut by this rule
    page = "".join(f"<p>{x}</p>" for x in MENU)
    lines = [*MENU, HEADING, f"第0段，{PARA}"]
    assert _leading_menu_cut(lines, page) == lines
    # four links in a row are not a menu either (LINK_LIST_RUN is five)
    links = "".join(f"<a href='#'>{x}</a>" for x in MENU[:4])
    assert _leading_menu_cut([*MENU[:4], HEADING, f"第0段，{PARA}"], links)[:4] == MENU[:4]


def test_navigation_rows_are_not_headings():
    for line in (
        "[查看我的博客目录] [加入个人书签]",
        "麻辣社区 → 错误信息 → 原创帖子标题",
        "• 海姑娘博客精选文章一",
        "麻辣杂谈 记者江湖 中国川剧 指上谈兵 白兔股市",
    ):
        assert _menu_like(line) and not _is_heading_line(line), line
    for line in (HEADING, "湘菜粤菜 兵分两路 （图）", "徒手抓子弹真的存在吗？"):
        assert not _menu_like(line) and _is_heading_line(line), line


def test_an_interviews_questions_stay_in_the_text():
    qa = [
        "记者：你们的农机大市场在哪？",
        f"李金泽：就在勃利县境内，{PARA}",
        "记者：你通过什么渠道获取这些信息？",
        f"李金泽：{PARA}",
    ]
    body = f"<h1>{HEADING}</h1>" + "".join(f"<p>{x}</p>" for x in [f"第0段，{PARA}", *qa, f"第1段，{PARA}"])
    doc = pt.read_document(_page("<title>访谈</title>", body))
    assert all(q in doc.text for q in qa[::2])


def test_a_date_label_without_its_colon_and_the_bare_label_fabu():
    from policytext.corpus.clean import read_header_fields

    assert read_header_fields("发表于 2004年12月27日 12:40 - （阅读:3727;评论:63)")["date"] == dt.date(2004, 12, 27)
    assert read_header_fields("发布时间 2005/05/17 22:11:42")["date"] == dt.date(2005, 5, 17)
    assert read_header_fields("发布: 2021-1-29 13:18|点击: 313")["date"] == dt.date(2021, 1, 29)
    # without a colon only a date may follow the label; a value of 发布 that is no date gives none
    assert "date" not in read_header_fields("发布时间 待定")
    assert "date" not in read_header_fields("发布：国务院办公厅")
    # only a date label may go without its colon: 来源 2021-11-25 is no source line
    assert read_header_fields("来源 2021-11-25 16:26:07") == {}


def test_a_menu_on_one_line_and_a_ranking_heading_above_the_article_are_no_body():
    menu = " - ".join(["首页", *MENU])
    links = "".join(f"<a href='/c{i}'>{x}</a>" for i, x in enumerate(["首页", *MENU, "新闻排行榜"]))
    lines = [menu, "新闻排行榜", HEADING, f"第0段，{PARA}"]
    assert _leading_menu_cut(lines, links) == [HEADING, f"第0段，{PARA}"]
    # a line of items most of which are no links on the page stays
    assert _leading_menu_cut(lines[:1] + lines[2:], "<p>x</p>")[0] == menu


def test_a_stamp_line_spread_by_a_layouts_spaces_is_read():
    from policytext.corpus.html import _stamp_line

    line = f"{HEADING}{' ' * 20}http://www.example.com/ \u3000{' ' * 20}2005-07-18 13:03:17"
    assert len(line) > 80 and _stamp_line([line]) == {"date": dt.date(2005, 7, 18)}
