"""The rules that the fourth blind round (``data/probes_blind_4/README.md``) led to, each on handmade pages and lines
of other words than the round's files: a one-line footer with contact fields, credits set with a bar, a link to the
original, a like counter, a CMS's rule, a platform's note, the 签发人 line, a source followed by its date and a
counter, a date in the page's tool line, paragraphs run together at a lead-in's colon or a numbered heading, and a
PDF's 成文日期 that the 版记 does not run on from."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from policytext.corpus.clean import typed_header_fields
from policytext.corpus.html import _is_site_chrome, _paragraphs_of_cells
from policytext.corpus.office import join_wrapped
from policytext.corpus.officialdoc import signer_cut

TITLE = "某某区召开2024年度基层党建述职评议会"
BODY = [
    "1月8日，某某区召开2024年度基层党建工作述职评议会，12名街道和部门党组织书记现场述职。",
    "会议强调，要压紧压实管党治党政治责任，推动基层党建工作提质增效。",
]


def _page(*, header: str = "", before: list[str] = (), after: list[str] = (), footer: list[str] = ()) -> bytes:
    body = f"<div class='top'><a href='/'>首页</a></div><h1>{TITLE}</h1>{header}"
    body += "<div class='article'>" + "".join(f"<p>{p}</p>" for p in [*before, *BODY, *after]) + "</div>"
    body += "<div class='footer'>" + "".join(f"<p>{x}</p>" for x in footer) + "</div>"
    return f"<html><head><title>{TITLE}_某某区门户网站</title></head><body>{body}</body></html>".encode()


def test_a_footer_on_one_line_with_its_contact_fields_is_not_body():
    footer = "版权所有：某某区人民政府办公室 地址：某某区和平路8号 联系电话：0335-1234567 冀ICP备12345678号"
    assert _is_site_chrome(footer)
    doc = pt.read_document(_page(header="<p>发布时间：2025-01-09</p>", after=[footer]))
    assert doc.text == "\n".join(BODY)
    # a sentence of the article that names an address and a telephone is not a footer
    assert not _is_site_chrome(
        "群众可拨打联系电话：0335-12345 或到地址：和平路8号 反映问题，版权所有人可申诉。这样就方便了。"
    )


@pytest.mark.parametrize(
    "credits",
    [["编辑 | 王某", "审核 | 李某某", "终审 | 赵某"], ["文章录入：admin 责任编辑：孙某"], ["编辑｜周某"]],
)
def test_credits_set_with_a_bar_or_as_entry_and_editor_are_not_body(credits):
    doc = pt.read_document(_page(header="<p>发布时间：2025-01-09</p>", after=credits))
    assert doc.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "line",
    [
        "原文链接：https://www.example.gov.cn/art/2025/1/9/art_1_2.html",
        "本文链接：http://www.example.cn/n/1.html",
        "赞 56",
        "在看 1.2万",
        "----------分隔线----------------",
        "本文来自【某某新闻客户端】，仅代表作者观点。全国党媒信息公共平台提供信息发布传播服务。",
    ],
)
def test_a_link_a_counter_a_rule_or_a_platform_note_under_the_article_is_not_body(line):
    doc = pt.read_document(_page(header="<p>发布时间：2025-01-09</p>", after=[line]))
    assert doc.text == "\n".join(BODY)


def test_a_link_inside_a_sentence_stays():
    line = "详细内容见原文链接：https://www.example.gov.cn/a.html，欢迎社会各界提出意见建议。"
    doc = pt.read_document(_page(header="<p>发布时间：2025-01-09</p>", after=[line]))
    assert doc.text.endswith(line)


def test_the_signer_line_of_a_head_is_read_as_signer():
    lines = ["类别：B　签发人：王某某", "某某代表：", "您提出的关于加强农村道路养护的建议收悉。现答复如下："]
    kept, found = signer_cut(lines)
    assert kept == lines[1:] and found == {"signer": "王某某"}
    assert signer_cut(["签发人：张某 李某某", "各单位："])[1] == {"signer": "张某、李某某"}
    # after a sentence, a 签发人 line is the text's own (a form's field), not a 版头's
    assert signer_cut(["会议要求如下。", "签发人：张某"])[1] == {}
    doc = pt.read_document(_page(header="<p>发布时间：2025-01-09</p>", before=["签发人：王某某"]))
    assert doc.meta["signer"] == "王某某" and doc.text == "\n".join(BODY)


def test_a_source_followed_by_its_date_time_and_a_counter():
    assert typed_header_fields({"source": "某某区融媒体中心 2025-01-09 10:20:31 阅读 3.4万"}) == {
        "date": dt.date(2025, 1, 9),
        "source": "某某区融媒体中心",
    }
    doc = pt.read_document(_page(header="<p>来源：某某区融媒体中心 2025-01-09 10:20:31 2.1万</p>"))
    assert doc.meta["source"] == "某某区融媒体中心" and doc.meta["date"] == dt.date(2025, 1, 9)


def test_a_date_at_the_start_of_the_page_tool_line_is_the_date():
    header = "<p><small>2025-01-09</small> 【字体：大 中 小】 【打印本页】 【关闭窗口】</p>"
    doc = pt.read_document(_page(header=header))
    assert doc.meta["date"] == dt.date(2025, 1, 9) and doc.text == "\n".join(BODY)


def test_paragraphs_run_together_at_a_colon_or_a_heading_are_split_where_the_page_breaks():
    page = ["今年以来，重点做了以下工作：", "一、抓班子带队伍", "全年开展专题培训6期。"]
    text = "今年以来，重点做了以下工作： 一、抓班子带队伍 全年开展专题培训6期。"
    assert _paragraphs_of_cells(text, page) == "\n".join(page)
    # where the page does not break, nothing is split
    assert _paragraphs_of_cells(text, [text]) == text
    # a heading that is no line of the page of its own stays in its line
    assert _paragraphs_of_cells(
        "一、抓班子带队伍 全年开展专题培训6期。", ["一、抓班子带队伍 全年开展", "专题培训6期。"]
    ) == ("一、抓班子带队伍 全年开展专题培训6期。")


def test_a_page_whose_paragraphs_are_one_p_split_by_br():
    paragraphs = ["今年以来，某某镇重点做了以下工作：", "一、抓班子带队伍", BODY[0], "二、抓阵地强服务", BODY[1]]
    inner = "<br />\n".join("\u3000\u3000" + p for p in paragraphs)
    page = f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><p>发布时间：2025-01-09</p>"
    page += f"<div class='article'><p>{inner}</p></div><div class='footer'>版权所有 某某镇人民政府</div></body></html>"
    assert pt.read_document(page.encode()).text == "\n".join(paragraphs)


def test_a_pdf_date_line_is_not_run_on_into_the_colophon():
    triples = [
        ("某某县人民政府", 0.95, True),
        ("2025年3月1日", 0.95, True),
        ("抄送：县委各部门，县人大常委会办公室，县政协办公室。", 0.95, False),
    ]
    assert join_wrapped(triples) == [t for t, _, _ in triples]
    # a line that runs to the margin without ending its sentence is still run on
    assert join_wrapped([("全面推行田长制，建立县、乡、村", 1.0, False), ("四级田长体系。", 0.3, False)]) == [
        "全面推行田长制，建立县、乡、村四级田长体系。"
    ]
