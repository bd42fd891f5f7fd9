"""Reading the pages of county and district portals, departments' open-government (政务公开) pages and
university news sites (issue #19, development set round three): the metadata table above the
article, organisers named inside it, trailing source notes and credits, navigation and overlay lines,
header fields set without spaces. Each failure class of the round's tuned pages, on handmade input."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.corpus.clean import read_header_fields
from policytext.corpus.html import (
    _container,
    _drop_site_chrome,
    _fields_below,
    _heading_above,
    _is_site_chrome,
    _lead_notes_cut,
    _table_block_cut,
    _tail_cut,
    _trailing_credits_cut,
)

ADDRESSEE = "各省、自治区、直辖市教育厅（教委），部属各高等学校党委："
BODY = [
    "为深入贯彻落实有关精神，教育部决定举办宣传教育活动。现将有关事宜通知如下。",
    "一、活动主题",
    "各地各高校要坚持贴近师生、贴近实际，组织开展富有时代气息的校园文化品牌活动。",
]


def test_the_metadata_table_above_the_article_is_not_body():
    # one label or value a line, then the title again and the 发文字号 above the addressee line
    lines = [
        "信息索引：", "360A12-07-2024-0008-1", "生成日期：", "2024-06-04", "发文机构：", "教育部办公厅",
        "发文字号：", "教思政厅函〔2024〕10号", "内容概述：", "教育部办公厅关于举办宣传教育活动的通知",
        "宣传教育活动的通知", "教思政厅函〔2024〕10号", ADDRESSEE, *BODY,
    ]  # fmt: skip
    assert _table_block_cut(lines) == [ADDRESSEE, *BODY]
    # labels without colons, a row of labels over a row of values; the title above the table stays
    # (the heading is cut elsewhere)
    lines = ["某厅关于评审结果的公示", "索 引 号", "002482330/2020-10091", "公开分类 发布机构 省文化和旅游厅",
             "成文日期 2020-12-29 文 号", "主题词", "发布时间：2020-12-29 11:07", *BODY]  # fmt: skip
    assert _table_block_cut(lines) == ["某厅关于评审结果的公示", *BODY]


def test_a_single_label_or_labels_inside_the_article_cut_nothing():
    lines = ["发布机构：某某局", *BODY]
    assert _table_block_cut(lines) == lines  # one label is no table
    lines = [*BODY, "成文日期", "2020-12-29", "发布机构", "某某局"]
    assert _table_block_cut(lines) == lines  # after the first sentence: not above the article


def test_organisers_inside_an_article_are_body_and_a_footer_is_not():
    article = [BODY[0], "二、组织单位", "主办单位：教育部思想政治工作司", "承办单位：教育部宣传教育中心", BODY[2]]
    assert _drop_site_chrome(article) == article
    footer = ["主办单位：某某区人民政府办公室", "承办单位：某某区大数据中心"]
    assert _drop_site_chrome([*BODY, *footer]) == BODY
    assert _drop_site_chrome([*BODY, "主办单位：某区政府 承办单位：某中心 版权所有"]) == BODY


@pytest.mark.parametrize(
    "line",
    ["- ▪ 上一篇：", "▪ 下一篇：某某社区开展活动", "上一条：", "点击右上角", "选择在浏览器中打开"],
)
def test_navigation_and_overlay_lines_are_chrome(line):
    assert _is_site_chrome(line)


@pytest.mark.parametrize("line", ["上篇讲到的问题，本篇继续讨论。", "下一步，区退役军人事务局将不断创新双拥工作模式。"])
def test_prose_that_starts_like_navigation_is_not_chrome(line):
    assert not _is_site_chrome(line)


def test_source_notes_and_credits_after_the_article_are_not_body():
    assert _trailing_credits_cut([*BODY, "（转合肥市蜀山区政府网站信息）"]) == BODY
    assert _trailing_credits_cut([*BODY, "图文来源：区委网信办、区融媒体中心"]) == BODY
    closing = BODY[2] + "（特约通讯员：林兴勇）"
    assert _trailing_credits_cut([*BODY[:2], closing]) == BODY
    assert _trailing_credits_cut([*BODY[:2], BODY[2] + "(文/图 记者 张三)"]) == BODY
    # a signature, a date, a 附注 and a bracketed aside in the text stay
    doc = [*BODY, "某某省人民政府办公厅", "2024年5月30日", "（此件公开发布）"]
    assert _trailing_credits_cut(doc) == doc
    aside = [*BODY[:2], "活动取得了良好效果（详见附件）。"]
    assert _trailing_credits_cut(aside) == aside


def test_header_fields_set_without_spaces_are_read():
    fields = read_header_fields("发布者：季彦斐发布时间：2022-09-30浏览次数：10457")
    assert fields["date"].isoformat() == "2022-09-30"
    fields = read_header_fields("作者：谷慧文来源：海洋生命学院发布时间：2024-09-25")
    assert fields == {"author": "谷慧文", "source": "海洋生命学院", "date": fields["date"]}
    assert fields["date"].isoformat() == "2024-09-25"
    # a notice's schedule is no header: a bare 时间 glued to a value is not a date label
    assert read_header_fields("报名时间：2024年3月7日培训时间：2024年3月8日") == {}
    assert read_header_fields("会议时间：2024年1月1日") == {}


def test_an_open_government_page_reads_whole():
    cells = [("信息索引：", "360A12-07-2024-0008-1"), ("生成日期：", "2024-06-04"), ("发文机构：", "教育部办公厅"),
             ("发文字号：", "教思政厅函〔2024〕10号"), ("信息类别：", "高等教育")]  # fmt: skip
    table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in cells)
    paragraphs = "".join(f"<p>{x}</p>" for x in [ADDRESSEE, *BODY, *BODY[::-1], "教育部办公厅", "2024年5月30日"])
    page = (
        "<html><head><title>教育部办公厅关于举办宣传教育活动的通知 - 中华人民共和国教育部政府门户网站</title>"
        "</head><body>"
        "<div class='nav'><a href='/'>首页</a> &gt; <a>公开</a></div><div class='main'>"
        f"<table>{table}</table><h1>教育部办公厅关于举办<br>宣传教育活动的通知</h1><p>教思政厅函〔2024〕10号</p>"
        f"{paragraphs}<div>发布日期：2024-06-13 来源：教育部</div></div>"
        "<div>点击右上角</div><div>选择在浏览器中打开</div>"
        "<div class='footer'>版权所有：中华人民共和国教育部 京ICP备10028400号-1</div></body></html>"
    )
    doc = pt.read_document(page.encode("utf-8"))
    lines = doc.text.split("\n")
    assert lines[0] == ADDRESSEE and lines[-1] == "2024年5月30日", lines
    assert doc.meta["doc_number"] == "教思政厅函〔2024〕10号"
    assert doc.meta["date"].isoformat() == "2024-06-13"


def test_the_heading_printed_above_the_article_when_the_title_element_names_a_column():
    zone = [
        "联系我们",
        "首页 - 新闻动态",
        "2019年中国人文地理学术年会在重庆•西南大学成功举行！",
        "发布时间：2019-05-18",
    ]
    assert _heading_above(zone) == "2019年中国人文地理学术年会在重庆•西南大学成功举行！"
    assert _heading_above(["首页 - 新闻动态", "分享到：", "2019-05-18 10:00"]) is None  # none printed
    assert _heading_above(["某某会议在京召开，会议由某某主持。"]) is None  # a sentence is no heading
    page = (
        "<html><head><title>新闻动态--某某学会官网</title></head><body><div>首页 - 新闻动态</div>"
        "<div class='t'>2019年人文地理学术年会在重庆成功举行！</div><div>发布时间：2019-05-18</div>"
        "<div class='c'>" + "".join(f"<p>{x}</p>" for x in BODY * 2) + "</div>"
        "<div>版权所有：某某学会 京ICP备18020997号-6</div></body></html>"
    )
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.meta["title"] == "2019年人文地理学术年会在重庆成功举行！"
    assert doc.meta["date"].isoformat() == "2019-05-18"


def test_a_publication_date_printed_below_the_article():
    page_lines = [
        "首页 > 要闻 > 正文",
        "某市金融系统开展活动",
        *BODY,
        "赞 0 分享",
        "发布日期：2019-09-23 14:34:05 所属分类： 头条",
    ]
    assert _fields_below(page_lines, "\n".join(BODY))["date"].isoformat() == "2019-09-23"
    assert "date" not in _fields_below([*BODY, "相关新闻", "某某会议召开 2019-09-20"], "\n".join(BODY))
    # printed below beats the CMS's PubDate; printed above beats both
    paragraphs = "".join(f"<p>{x}</p>" for x in BODY * 2)
    page = (
        "<html><head><title>某市金融系统开展活动--某报</title><meta name='PubDate' content='2020-01-01'></head><body>"
        f"<h1>某市金融系统开展活动</h1><div class='c'>{paragraphs}</div><div>赞 0 分享</div>"
        "<div>发布日期：2019-09-23 14:34:05 所属分类： 头条</div></body></html>"
    )
    assert pt.read_document(page.encode("utf-8")).meta["date"].isoformat() == "2019-09-23"
    above = page.replace(
        "<h1>某市金融系统开展活动</h1>", "<h1>某市金融系统开展活动</h1><div>发布时间：2019-09-22</div>"
    )
    assert pt.read_document(above.encode("utf-8")).meta["date"].isoformat() == "2019-09-22"


def test_editors_notes_and_summaries_above_the_article_are_not_body():
    note = "编者按：突如其来的新冠肺炎疫情，是对国家治理体系和治理能力现代化的一次大考。"
    summary = "内容摘要：进入新时代，坚定实施扩大内需战略，是满足人民美好生活需要的必然要求。"
    assert _lead_notes_cut([note, summary, *BODY]) == BODY
    assert _lead_notes_cut(["【编者按】本刊特约记者采访了几位专家。", *BODY]) == BODY
    assert _lead_notes_cut([note]) == [note]  # nothing follows it: it is the text
    later = [*BODY, "摘要：本文讨论了三个问题。"]
    assert _lead_notes_cut(later) == later  # not above the article


def test_an_author_line_and_a_news_digest_after_the_article_are_not_body():
    assert _trailing_credits_cut([*BODY, "（作者：方敏北京大学经济学院教授）"]) == BODY
    lines = [*BODY, "理论新闻精选：", "2020年07月04日 某某理论文章", "2020年07月03日 另一篇文章"]
    assert _tail_cut(lines, lines) == len(BODY)


def test_a_toolbar_in_an_element_of_an_article_class_is_no_article():
    # a CMS sets its toolbar (浏览次数 分享 打印 关闭) in an element of a known container's class, and the
    # article elsewhere: the toolbar is not taken for the article (found after round three's held-out run)
    labels = ["浏览次数：-", "分享", "取消", "扫码浏览", "返回顶部 打印 关闭"]
    toolbar = "<div class='article-content'>" + "".join(f"<p>{x}</p>" for x in labels) + "</div>"
    article = "<div class='zw'>" + "".join(f"<p>{x}</p>" for x in BODY * 2) + "</div>"
    head = "<html><head><title>某某座谈会召开-某区人民政府</title></head>"
    page = f"{head}<body><h1>某某座谈会召开</h1>{article}{toolbar}</body></html>"
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.text.split("\n")[0] == BODY[0]
    assert _container(f"<html><body>{toolbar}</body></html>") is None


def test_the_date_and_title_printed_again_under_the_article_are_not_body():
    title = "南沙区统计局召开2024年互联网经济统计业务培训会"
    assert _trailing_credits_cut([*BODY, f"2024年6月5日{title}"], title) == BODY
    assert _trailing_credits_cut([*BODY, f"{title} 2024-06-05"], title) == BODY
    assert _trailing_credits_cut([*BODY, "2024年6月5日"], title) == [*BODY, "2024年6月5日"]  # a signature's date
