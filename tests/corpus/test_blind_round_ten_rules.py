"""The rules that the tenth blind round (``data/probes_blind_10/README.md``) led to, and the fixes of a review of
round nine's rules (a helper ran cases of its own on the code before and after them), each on handmade cases in
other words than the round's files."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from policytext.corpus.html import (
    _han_key,
    _is_site_chrome,
    _label_value_rows_cut,
    _labelled_source_inside,
    _leading_menu_cut,
    _names_the_site,
    _original_title_cut,
    _paragraphs_of_cells,
    _textareas_as_paragraphs,
    _trailing_credits_cut,
)
from policytext.corpus.office import _running_lines
from policytext.corpus.officialdoc import next_document_cut, official_fields, official_title

PROSE = "经研究，现将有关事项通知如下，请各单位认真贯彻落实，确保各项工作取得实效。"


# --- round ten -------------------------------------------------------------------------------------------------


def test_a_reprints_original_title_in_book_title_marks_is_cut_on_any_page():
    lines = ["原标题：《十件实事件件有回音！这份成绩单请查收👇》", PROSE]
    assert _original_title_cut(lines) == ([PROSE], {"original_title": "《十件实事件件有回音！这份成绩单请查收👇》"})
    body = "".join(f"<p>{x}</p>" for x in lines)
    title = "某某县十件实事进展顺利"
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div class='a'>{body}</div></body></html>"
    doc = pt.read_document(page.encode())
    assert doc.text == PROSE and doc.meta["original_title"].startswith("《十件实事")


def test_a_more_news_heading_and_a_charts_placeholder():
    from policytext.corpus.html import _is_tail_heading

    assert _is_tail_heading("更多动态") and _is_tail_heading("更多资讯>>")
    assert _is_site_chrome("图表加载中……") and _is_site_chrome("数据加载中")
    assert not _is_site_chrome("各项工作正在加紧推进中。")


def test_a_source_inside_a_line_of_glued_fields():
    assert _labelled_source_inside(["发布日期：2025-06-12来源：市医保局解读类型：文字解读【大 中 小】"]) == "市医保局"
    assert _labelled_source_inside(["编号：A-12发布日期：2025年7月8日来源：县委宣传部浏览：926次"]) == "县委宣传部"
    assert _labelled_source_inside(["会议要求，来源：各单位报送的材料要真实准确。"]) is None


# --- the review of round nine -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rows",
    [
        ["组长", "王某某（县委副书记、县长）", "副组长", "李某某", "成员", "赵某某 钱某某", "办公室主任", "孙某某"],
        ["拟任职务", "县教育局副局长", "姓名", "王某某", "性别", "女", "出生年月", "1985.03"],
        ["一等奖", "某某县第一中学 王某某", "二等奖", "某某县实验中学 李某", "三等奖", "某某镇中心小学 张某"],
    ],
)
def test_a_list_of_names_a_card_or_an_award_list_is_not_a_records_form(rows):
    lines = [*rows, PROSE]
    assert _label_value_rows_cut(lines, len(rows)) == lines


def test_a_comment_box_a_hidden_copy_and_a_textareas_copy_of_the_article_are_not_read():
    text = "同志们认真学习了有关精神，交流了学习体会，一致表示要把学习成果转化为推动工作的实际成效。" * 2
    comment = f"<textarea name='msg'>{text}</textarea>"
    assert _textareas_as_paragraphs(comment) == comment
    hidden = f"<textarea readonly style='display:none'>{text}</textarea>"
    assert _textareas_as_paragraphs(hidden) == hidden
    copy = f"<p>{text}</p><textarea readonly>{text}</textarea>"
    assert _textareas_as_paragraphs(copy) == copy


def test_attachment_labels_and_units_on_later_pages_are_no_running_heads():
    pages = [
        ["某某县人民政府文件", "正文。"],
        ["附件1", "单位：万元", "表格内容一"],
        ["附件2", "单位：万元", "表格内容二"],
    ]
    assert not any("附件" in k or "万元" in k for k in _running_lines(pages))


def test_a_signed_date_with_a_table_of_names_under_it():
    rows = [f"{n} 某某某 某某单位 科员" for n in range(1, 16)]
    text = "\n".join(
        ["现将拟录用人员名单公示如下：", "某某县人力资源和社会保障局", "2025年3月10日", "序号 姓名 单位 职务", *rows]
    )
    found = official_fields(text)
    assert found["written_date"] == dt.date(2025, 3, 10) and found["issuer"] == "某某县人力资源和社会保障局"


def test_a_subheading_ending_in_an_issued_texts_word_is_not_the_title():
    text = "某某县2025年公开招聘中小学教师公告\n报考须知\n一、报名条件\n具有相应教师资格证书。"
    assert official_title(text) == "某某县2025年公开招聘中小学教师公告"


def test_a_bulletins_masthead_is_no_part_of_the_title():
    text = "某某县农业农村工作简报（第3期）\n关于全县春耕生产情况的报告\n各乡镇：\n今年以来，全县春耕生产进展顺利。"
    assert official_title(text) == "关于全县春耕生产情况的报告"


def test_a_sentence_asking_to_pass_a_notice_on_does_not_keep_the_next_document():
    lines = [
        "请将本通知转发至各乡镇，认真贯彻执行。",
        "某某市人民政府办公室",
        "2025年3月5日",
        "某某市人民政府办公室关于",
        "公布重点项目名单的通知",
        "某政办发〔2025〕13号",
        "各区人民政府：",
        "经市政府同意，现予公布。",
    ]
    kept, found = next_document_cut(lines)
    assert kept == lines[:3] and found == {"next_documents": ["某某市人民政府办公室关于公布重点项目名单的通知"]}


def test_a_permits_own_fields_are_not_cut_as_a_metadata_table():
    fields = ["登记号：JY0000000000001", "经营场所：某某县城关镇人民路1号", "有效期：2025年3月1日至2030年2月28日"]
    title = "某某超市食品经营许可公示"
    body = f"<h1>{title}</h1>" + "".join(f"<p>{x}</p>" for x in [*fields, PROSE])
    page = f"<html><head><title>{title}</title></head><body><div class='nav'>首页</div>{body}</body></html>"
    lines = pt.read_document(page.encode()).text.split("\n")
    assert lines[:3] == fields


def test_a_date_the_page_prints_on_its_labels_line_is_not_split_off():
    page = ["演出时间： 2025年3月10日", "某某县文化馆", "2025年3月10日"]
    assert _paragraphs_of_cells("演出时间： 2025年3月10日", page) == "演出时间： 2025年3月10日"


def test_a_sections_heading_printed_right_over_its_text_is_not_a_sidebar_heading():
    page = "<ul><li><a href='/zz'>主要职责</a></li></ul><div class='side'>主要职责</div>"
    text = ["主要职责", "（一）贯彻执行国家有关方针政策和法律法规，拟订全县有关政策措施并组织实施。"]
    keys = [_han_key(x) for x in ["首页", "主要职责", *text]]
    assert _leading_menu_cut(text, page, keys) == text


def test_a_welcome_in_the_article_does_not_make_the_title_a_sites_name():
    lines = ["首页 新闻 政务"] * 16 + ["欢迎广大游客来到某某县第五届农民丰收节现场参观游玩。"] + ["正文"] * 16
    assert not _names_the_site("某某县第五届农民丰收节", lines)


def test_a_download_list_of_numbered_files_is_the_notices_attachments_unless_it_lists_them_itself():
    files = ["1.项目申报书.docx", "2.项目汇总表.xlsx"]
    assert _trailing_credits_cut([PROSE, "附件下载：", *files]) == [PROSE, "附件下载：", *files]
    own = [PROSE, "附件：1.项目申报书", "2.项目汇总表", "某某县科技局"]
    assert _trailing_credits_cut([*own, "附件下载：", *files]) == own


def test_a_pager_of_words():
    assert _is_site_chrome("首页 上一页 下一页 尾页")
    assert not _is_site_chrome("第二步：点击上一页 | 下一页翻页")


def test_a_gazette_pages_first_document_keeps_its_own_written_date(tmp_path):
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from helpers.make_pdf import write_pdf

    paragraphs = [
        "某某市人民政府办公室关于做好春季防火工作的通知",
        "某政办发〔2025〕12号",
        "各区人民政府，市政府各部门：",
        "当前正值春季防火关键期，为切实做好森林草原防火工作，经市政府同意，现将有关事项通知如下。" * 2,
        "某某市人民政府办公室",
        "2025年3月5日",
        "某某市人民政府办公室关于公布重点项目名单的通知",
        "某政办发〔2025〕13号",
        "各区人民政府：",
        "经市政府同意，现将2025年市级重点项目名单予以公布，请认真抓好落实，确保项目按期建成。" * 2,
        "某某市人民政府办公室",
        "2025年3月28日",
    ]
    doc = pt.read_document(write_pdf(tmp_path / "g.pdf", paragraphs))
    assert doc.meta["written_date"] == dt.date(2025, 3, 5)
    assert doc.meta["next_documents"] == ["某某市人民政府办公室关于公布重点项目名单的通知"]
    assert doc.text.endswith("2025年3月5日")
