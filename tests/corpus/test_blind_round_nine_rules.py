"""The rules that the ninth blind round (``data/probes_blind_9/README.md``) led to, each on handmade pages, lines and
files in other words than the round's files."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.corpus.html import (
    _attachments_below,
    _han_key,
    _label_value_rows_cut,
    _leading_menu_cut,
    _names_the_site,
    _paragraphs_of_cells,
    _textareas_as_paragraphs,
    _trailing_credits_cut,
)
from policytext.corpus.office import _running_lines
from policytext.corpus.officialdoc import colophon_cut, leading_apparatus

PROSE = "经研究，现将有关事项通知如下，请各单位认真贯彻落实，确保各项工作取得实效。"


def test_a_record_in_a_read_only_box_is_read():
    record = "\n".join(
        [
            "会议议程：",
            "1.学习有关文件精神，交流学习体会，全体党员逐一发言谈认识；",
            "2.讨论接收预备党员，支部委员会报告审查情况。",
        ]
    )
    record += "\n会议于17时结束。"
    page = f"<div class='rec'><textarea readonly='readonly'>{record}</textarea></div>"
    assert _textareas_as_paragraphs(page) == (
        "<div class='rec'><div><p>会议议程：</p><p>1.学习有关文件精神，交流学习体会，全体党员逐一发言谈认识；</p>"
        "<p>2.讨论接收预备党员，支部委员会报告审查情况。</p><p>会议于17时结束。</p></div></div>"
    )
    form = "<textarea name='comment' placeholder='请输入您的意见'></textarea>"
    assert _textareas_as_paragraphs(form) == form


def test_a_forms_rows_of_labels_and_values_above_the_record_are_cut():
    rows = [
        "所属党组织",
        "某某镇机关党支部",
        "---|---",
        "会议类型",
        "党小组会",
        "会议时间",
        "2025-05-06 15:00",
        "缺席人员及原因",
    ]
    rows += ["王某某（病假）", "会议内容："]
    lines = [*rows, "一、学习习近平总书记重要讲话精神，交流学习体会。"]
    assert _label_value_rows_cut(lines, len(rows)) == ["会议内容：", lines[-1]]
    # two short lines that are no label and value, or fewer than three pairs, stay
    few = ["会议类型", "党小组会", "会议时间", "5月6日", lines[-1]]
    assert _label_value_rows_cut(few, 4) == few


def test_a_sidebars_heading_left_above_the_article_is_cut():
    page = (
        "<html><head><title>某某县医院设备采购中标公告</title></head><body>"
        "<ul><li><a href='/jyxx/'>交易信息</a></li></ul><div class='side'>交易信息</div></body></html>"
    )
    first = "一、项目编号：ZC2025-0011"
    assert _leading_menu_cut(["交易信息", first, PROSE], page) == [first, PROSE]
    # the heading of the article, linked to itself once, stays
    blog = "<html><body><a href='/p/1'>入住博客堂</a></body></html>"
    assert _leading_menu_cut(["入住博客堂", PROSE], blog) == ["入住博客堂", PROSE]


def test_a_title_that_is_the_sites_name_gives_way_to_the_printed_heading():
    assert _names_the_site("某某县公共资源交易中心", ["欢迎访问某某县公共资源交易中心！"])
    assert _names_the_site("某某县公共资源交易中心", ["版权所有：某某县公共资源交易中心　地址：…"])
    assert not _names_the_site("某某县公共资源交易中心揭牌成立", ["欢迎访问某某县人民政府网站！"])
    heading = "某某县第一中学实验室设备采购项目中标结果公告"
    body = (
        "<div class='top'>欢迎访问某某县公共资源交易中心！</div><div class='nav'><a href='/'>首页</a></div>"
        f"<div class='art'><h3 class='art-tt'>{heading}</h3><div class='src'>【信息时间：2025-06-03】【我要打印】</div>"
        "<p>一、项目编号：ZC2025-0012</p><p>二、项目名称：某某县第一中学实验室设备采购项目</p>"
        "<p>三、中标信息：某某科技有限公司，中标金额人民币86万元。评标委员会按照招标文件规定的评标方法进行了评审。</p>"
        "</div><div class='ft'>版权所有：某某县公共资源交易中心</div>"
    )
    page = f"<html><head><title>某某县公共资源交易中心</title></head><body>{body}</body></html>"
    assert pt.read_document(page.encode()).meta["title"] == heading


def test_a_cms_download_box_under_the_article_is_cut_but_a_notices_own_list_stays():
    body = [PROSE, "某某县公共资源交易中心", "2025年6月3日"]
    assert _trailing_credits_cut([*body, "相关附件：", "中标通知书.pdf", "评审报告.docx"]) == body
    own = [*body, "附件：", "1.中标通知书.pdf"]
    assert _trailing_credits_cut(own) == own


def test_attachment_items_under_a_bare_label_are_taken_from_the_page():
    items = ["1.某某集团2025年党风廉政建设工作要点.pdf", "2.党风廉政建设责任书（样本）.docx"]
    page = ["集团召开党风廉政建设工作会议", PROSE, "附件：", *items, "编辑：某某"]
    keys = [_han_key(x) for x in page]
    assert _attachments_below([PROSE, "附件："], page, keys) == items
    # a CMS's 相关附件 box is no part of the text: its items are not taken
    assert _attachments_below([PROSE, "相关附件："], [*page[:2], "相关附件：", *items], keys) == []


def test_a_salutation_and_a_closing_date_run_together_are_split_where_the_page_breaks():
    page = ["李某某代表：", "您提出的关于加强校车安全管理的建议收悉，现答复如下：", "某某市教育局", "2025年7月8日"]
    text = "李某某代表： 您提出的关于加强校车安全管理的建议收悉，现答复如下：\n某某市教育局 2025年7月8日"
    assert _paragraphs_of_cells(text, page).split("\n") == page


def test_a_masthead_of_a_bodys_name_alone_over_its_number():
    lines = ["某某县安全生产委员会办公室", "某安办〔2025〕9号", "关于……的通报"]
    assert leading_apparatus(lines) == ([0], [1])
    # a body's name over no 文号 is not a masthead
    assert leading_apparatus(["某某县安全生产委员会办公室", "关于……的通报"]) == ([], [])


def test_a_running_head_on_every_page_but_the_first():
    pages = [
        ["某某县人民政府文件", "某政发〔2025〕3号", "正文第一页。"],
        ["某政发〔2025〕3号", "正文第二页。", "第 2 页"],
        ["某政发〔2025〕3号", "正文第三页。", "第 3 页"],
    ]
    assert any("政发" in k for k in _running_lines(pages))
    # a table's header row at the top of the later pages is not one
    table = [["表1 名单", "序号 姓名 单位 职务", "1 张某 某局 科长"], ["序号 姓名 单位 职务", "2 李某 某局 科员"]]
    assert not any("姓名" in k for k in _running_lines([["正文。"], *table]))


def test_a_wrapped_cc_list_is_part_of_the_colophon():
    lines = [PROSE, "某某县人民政府", "2025年4月25日", "抄送：县委办公室，县人大常委会办公室，县政协", "办公室。"]
    lines.append("某某县人民政府办公室 2025年4月25日印发")
    kept, found = colophon_cut(lines)
    assert kept == lines[:3] and found["cc"][:2] == ["县委办公室", "县人大常委会办公室"]


@pytest.mark.parametrize("label", ["相关附件：", "附件下载"])
def test_a_download_box_alone_is_cut(label):
    assert _trailing_credits_cut([PROSE, label, "公告.pdf"]) == [PROSE]
