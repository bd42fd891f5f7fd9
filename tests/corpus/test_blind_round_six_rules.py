"""The rules that the sixth blind round (``data/probes_blind_6/README.md``) led to, on handmade pages and lines in other
words than the round's files."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from policytext.corpus.clean import source_value
from policytext.corpus.html import _is_site_chrome, _title_from_html_title, _unbulleted

TITLE = "某某街道开展2025年春季环境卫生集中整治行动"
BODY = [
    "4月8日，某某街道组织机关干部、社区工作者和志愿者300余人，开展春季环境卫生集中整治行动。",
    "此次行动重点清理背街小巷、老旧小区和农贸市场周边的卫生死角，累计清运垃圾80余吨。",
]


def _page(*, header="<p>发布时间：2025-04-09 来源：某某街道办事处</p>", inside="", after="", title=TITLE, head=""):
    article = f"<p>{BODY[0]}</p>{inside}<p>{BODY[1]}</p>"
    body = f"<div class='nav'><a href='/'>首页</a></div><h1>{title}</h1>{header}<div class='article'>{article}</div>"
    body += f"{after}<div class='footer'>版权所有 某某区人民政府</div>"
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>".encode()


def test_a_caption_with_a_class_trafilatura_drops_is_read():
    figure = (
        "<figure class='wp-block-video'><video src='a.mp4'></video>"
        "<figcaption class='wp-element-caption'>【解说词】连日来，某某街道组织力量清理卫生死角。</figcaption></figure>"
    )
    lines = pt.read_document(_page(inside=figure)).text.split("\n")
    assert "【解说词】连日来，某某街道组织力量清理卫生死角。" in lines


def test_a_title_after_a_breadcrumb_of_bare_dashes():
    html_title = f"某某区人民政府-街道动态-某某街道-{TITLE}"
    assert _title_from_html_title(html_title, ["首页", TITLE, BODY[0]]) == TITLE
    # a title with a dash of its own and no breadcrumb stays whole where the page prints it so
    assert (
        _title_from_html_title("某某区2024-2025年度工作要点", ["某某区2024-2025年度工作要点"])
        == "某某区2024-2025年度工作要点"
    )


@pytest.mark.parametrize(
    "line",
    [
        "2025年4月9日 星期三 区政府首页 | 设为首页 | 加入收藏",
        "上一篇文章：某某街道召开安全生产工作会",
        "Powered by EmpireCMS",
    ],
)
def test_page_furniture_lines(line):
    assert _is_site_chrome(line)


def test_an_office_telephone_between_footer_lines_is_footer():
    footer = (
        "<div class='foot'><p>版权所有：某某街道办事处　地址：某某路1号</p>"
        "<p>办公室电话：0000-1234567　电子邮箱：jd@163.com</p>"
        "<p>某ICP备12345678号</p></div>"
    )
    assert pt.read_document(_page(after=footer)).text == "\n".join(BODY)


def test_sources_with_a_comment_counter_or_reporters_after_them():
    assert source_value("市政府办公室 评论：0") == "市政府办公室"
    assert source_value("某某日报 记者 某某某 通讯员 某某") == "某某日报"
    assert source_value("某某日报记者站") == "某某日报记者站"  # a name that ends in 记者站 is no credit


def test_a_metadata_table_cell_labelled_source_and_a_header_line_of_several_fields():
    table = "<table><tr><td>来　　源：</td><td>某某部网站</td><td>发布日期：</td><td>2025年04月02日</td></tr></table>"
    doc = pt.read_document(_page(header=table))
    assert doc.meta["source"] == "某某部网站" and doc.meta["date"] == dt.date(2025, 4, 2)
    line = "<p>来源：市委组织部&nbsp;&nbsp;作者：组织一科&nbsp;&nbsp;发布时间：2025-04-08&nbsp;&nbsp;【字号：大】</p>"
    doc = pt.read_document(_page(header=line))
    assert doc.meta["source"] == "市委组织部" and doc.meta["author"] == "组织一科"


def test_a_floor_speech_line_under_the_heading_is_no_body_and_the_fields_under_it_are_read():
    header = "<p>某某某委员代表民进某某市委会发言</p><p>发布时间：2025-01-16　来源：市政协办公室</p>"
    doc = pt.read_document(_page(header=header))
    assert doc.text == "\n".join(BODY)
    assert doc.meta["date"] == dt.date(2025, 1, 16) and doc.meta["source"] == "市政协办公室"


def test_list_bullets_trafilatura_adds_are_dropped_but_printed_ones_stay():
    page = ["一、政策出台的背景是什么？", "- 本条为原文所印的短横线"]
    assert _unbulleted("- 一、政策出台的背景是什么？\n- 本条为原文所印的短横线", page) == (
        "一、政策出台的背景是什么？\n- 本条为原文所印的短横线"
    )
    dl = "<dl><dt>一、政策出台的背景是什么？</dt><dd>为进一步优化营商环境，激发市场主体活力，制定本措施。</dd></dl>"
    lines = pt.read_document(_page(inside=dl)).text.split("\n")
    assert "一、政策出台的背景是什么？" in lines and not any(ln.startswith("- ") for ln in lines)
