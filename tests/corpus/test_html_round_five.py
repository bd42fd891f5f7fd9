"""Reading news pages of a fifth round of unseen sites (issue #19, development set round five): several
``<h1>`` (a menu's before the article's), comments inside the article element, share buttons and read-more
buttons, the headline printed again as a block above the first sentence, endnotes and keyword lines."""

from __future__ import annotations

import pytest

import policytext as pt
from helpers.pages import html_page as _page
from policytext.corpus.html import (
    _endnotes_cut,
    _headline_block_cut,
    _is_site_chrome,
    _is_tail_heading,
    _trailing_credits_cut,
    page_fields,
)

BODY = [
    "近年来，我省积极把握制造业发展趋势，加速向智能制造、绿色制造、高端制造方向转型升级。",
    "此次入选的国家级绿色工厂包括多家企业，涵盖建材、化工、冶金等多个行业领域的骨干企业。",
    "省工业和信息化厅相关负责人表示，我省将持续优化政策环境，充分发挥试点示范的引领作用。",
]
PARAS = "".join(f"<p>{p}</p>" for p in BODY)


def test_of_several_h1_the_one_the_title_names_is_the_heading():
    page = (
        "<title>我省新增一批国家级绿色工厂_某某网</title><h1>全部导航</h1><h1 class='t'>我省新增一批国家级绿色工厂</h1>"
    )
    assert page_fields(page)["_h1"] == "我省新增一批国家级绿色工厂"
    # none named by the <title>: the first, as before
    assert page_fields("<title>某某网</title><h1>全部导航栏目</h1><h1>我省新增绿色工厂</h1>")["_h1"] == "全部导航栏目"


@pytest.mark.parametrize(
    "line", ["最热评论 刷新", "177条评论|1,088人参与网友评论", "全部评论", "我要评论", "最新评论 更多"]
)
def test_comment_headings_end_the_article(line):
    assert _is_tail_heading(line)


@pytest.mark.parametrize("line", ["评论员文章指出，要坚持稳中求进。", "今日推荐的三项措施", "网友评论称赞这一做法"])
def test_sentences_about_comments_are_no_headings(line):
    assert not _is_tail_heading(line)


def test_comments_inside_the_article_element_are_not_body():
    comments = "<p>177条评论|1,088人参与网友评论</p><p>最热评论 刷新</p>" + "".join(
        f"<p>网友{i}：这个政策很好，希望各地都能学习借鉴这种做法，把好事办好办实。</p><p>5月10日09:01举报赞118回复</p>"
        for i in range(2)
    )
    body = (
        f"<h1>我省新增一批国家级绿色工厂</h1><div class='article-content'>{PARAS}<p>责任编辑：刘某</p>{comments}</div>"
    )
    doc = pt.read_document(_page("<title>我省新增一批国家级绿色工厂_某某网</title>", body))
    assert doc.meta["extraction"] == "container"
    assert doc.text.split("\n") == BODY


@pytest.mark.parametrize(
    "line", ["朋友圈", "点击浏览器下方“”分享微信好友Safari浏览器请点击“”按钮", "阅读剩余全文（）", "展开全文", "["]
)
def test_share_and_read_more_buttons_are_chrome(line):
    assert _is_site_chrome(line)


@pytest.mark.parametrize(
    "line", ["微信公众号“某某发布”开通以来，已发布信息1200余条。", "阅读全文件后，大家深受启发。", "（一）"]
)
def test_prose_about_sharing_and_reading_is_not_chrome(line):
    assert not _is_site_chrome(line)


def test_the_headline_printed_again_above_the_first_sentence_is_not_body():
    lines = ["某某座谈会在沪召开强调", "推动一体化发展取得新突破", "李某出席", *BODY]
    assert _headline_block_cut(lines, "某某座谈会在沪召开") == BODY
    # the first line does not hold the title: a lead of the article's own (a caption, a column), kept
    assert _headline_block_cut(["图为工厂车间", *BODY], "某某座谈会在沪召开") == ["图为工厂车间", *BODY]


def test_endnotes_and_keyword_lines_after_the_article_are_not_body():
    notes = [
        "注释：",
        "[1] 《习近平在某大会上的讲话》，新华社，2021年7月1日。",
        "[2] 国家统计局：《某公报》，2024年2月29日。",
    ]
    assert _endnotes_cut([*BODY, *notes]) == BODY
    # one numbered line is a list item of the article, not endnotes
    assert _endnotes_cut([*BODY, "[1] 某项目已开工。"]) == [*BODY, "[1] 某项目已开工。"]
    assert _trailing_credits_cut([*BODY, "关键字 : 绿色工厂 制造业"]) == BODY


def test_a_page_of_a_news_portal_reads_whole():
    head = "<title>我省新增一批国家级绿色工厂_某某网</title>"
    body = (
        "<h1>全部导航</h1><div class='nav'><a href='/'>首页</a></div>"
        "<h1>我省新增一批国家级绿色工厂</h1>"
        f"<div class='share'>朋友圈</div><article>{PARAS}<p>《某某日报》（2024年05月20日 03版）</p></article>"
        "<div class='more'>[<a>阅读剩余全文（）</a>]</div>"
    )
    doc = pt.read_document(_page(head, body))
    assert doc.meta["title"] == "我省新增一批国家级绿色工厂"
    assert doc.text.split("\n") == BODY


def test_a_meta_title_with_a_chain_of_column_names_gives_the_part_the_page_prints():
    head = '<meta property="og:title" content="我省新增一批国家级绿色工厂_数据_宏观频道首页_某某网 - MOUMOU.COM">'
    body = f"<h2>我省新增一批国家级绿色工厂</h2><div class='article-content'>{PARAS}</div>"
    doc = pt.read_document(_page(head, body))
    assert doc.meta["title"] == "我省新增一批国家级绿色工厂"
    # printed nowhere: the meta title stays as it is
    doc = pt.read_document(_page(head, f"<div class='article-content'>{PARAS}</div>"))
    assert doc.meta["title"].startswith("我省新增一批国家级绿色工厂_数据")


def test_a_heading_kept_as_the_first_line_is_the_title_when_the_title_element_names_the_site():
    body = (
        "<div class='search'>热门关键词 食品安全 暴雨 溺水</div>"
        f"<div class='art'><p>徒手抓子弹真的存在吗？</p><p>来源： 某某科普</p>{PARAS}</div>"
    )
    doc = pt.read_document(_page("<title>某某科普-辟谣文章</title>", body))
    assert doc.meta["title"] == "徒手抓子弹真的存在吗？"
    assert "徒手抓子弹" not in doc.text and doc.text.split("\n")[-1] == BODY[-1]


# -- from the first run on magic-html's benchmark pages -------------------------------------------------
@pytest.mark.parametrize("line", ["健康资讯推荐", "热门问答更多", "推荐医院 更多", "本文标签："])
def test_block_headings_with_their_more_link_end_the_article(line):
    assert _is_tail_heading(line)


def test_a_list_of_other_articles_under_a_block_heading_is_not_body():
    items = "".join(f"<li>2021-01-19某某医院第{i}条健康资讯的标题</li>" for i in range(12))
    body = f"<h1>我省新增一批国家级绿色工厂</h1><article>{PARAS}<h3>健康资讯推荐</h3><ul>{items}</ul></article>"
    doc = pt.read_document(_page("<title>我省新增一批国家级绿色工厂_某某网</title>", body))
    assert doc.text.split("\n") == BODY


@pytest.mark.parametrize(
    "line",
    [
        "39健康网(www.39.net)专稿，未经书面授权请勿转载。",
        "特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
        "网友评论仅供其表达个人看法，并不表明网易立场。",
    ],
)
def test_reprint_notices_and_a_portals_statements_are_chrome(line):
    assert _is_site_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "会议强调，未经批准不得擅自转载使用涉密文件内容，要严格保密管理，确保信息安全万无一失。",
        "有关数据仅供参考。",
    ],
)
def test_sentences_about_reprinting_and_reference_data_are_not_chrome(line):
    assert not _is_site_chrome(line)


def test_an_official_documents_number_and_addressee_under_its_title_are_not_a_headline():
    lines = ["关于做好某某工作的通知", "某政办发〔2024〕3号", "各区人民政府，市政府各部门：", *BODY]
    assert _headline_block_cut(lines, "关于做好某某工作的通知") == lines
    lines = ["关于做好某某工作的通知", "各区人民政府，市政府各部门：", *BODY]
    assert _headline_block_cut(lines, "关于做好某某工作的通知") == lines


def test_circled_numbers_closing_a_document_are_its_items_not_endnotes():
    items = ["①加强组织领导，明确责任分工。", "②强化督促检查，确保工作落实。"]
    assert _endnotes_cut([*BODY, *items]) == [*BODY, *items]
