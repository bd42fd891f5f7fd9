"""A review helper's cases for the rules of round eleven (``data/review_round_eleven``: pages and PDFs written for this
project by a review session that ran policytext before and after the rules). Each case here was read wrong by the
first version of a rule and is read as the page or file prints it now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import policytext as pt

DATA = Path(__file__).parent / "data" / "review_round_eleven"


def _read(name: str) -> pt.Document:
    return pt.read_document(DATA / name)


# --- letter records (市长信箱 pages) ---------------------------------------------------------------------------


def test_a_news_article_that_quotes_a_letter_keeps_its_lead_its_end_and_its_heading():
    doc = _read("h06_news_quotes_letter.html")
    assert doc.meta["title"].startswith("“小信箱”连着“大民生”")
    assert doc.text.startswith("今年以来，市长信箱共受理群众来信1.2万件")
    assert doc.text.endswith("推动群众诉求“接诉即办”“未诉先办”。")
    assert "record" not in doc.meta


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("h24_hotline_cases_article.html", "为进一步提升诉求办理质效"),  # labels repeated case by case
        ("h08_gongshi_12345_table.html", "为进一步提升12345政务服务便民热线办理质效"),  # a table's header row
        ("h11_survey_headings.html", "主题"),  # generic labels (主题, 内容, 状态, 回复) name no letter
    ],
)
def test_texts_that_are_no_letter_record_stay_whole(name, first):
    doc = _read(name)
    assert doc.text.startswith(first)
    assert "record" not in doc.meta


def test_a_consultation_record_gets_its_title_without_the_label_and_its_asker_in_the_record():
    doc = _read("h20_consult_record.html")
    assert doc.meta["title"] == "失业保险金申领条件"
    assert doc.meta["record"]["咨询人"] == "刘**"
    assert doc.text.startswith("我在单位工作满两年后被辞退")


def test_a_notice_after_the_reply_is_left_out():
    doc = _read("h26_record_reply_last.html")
    assert doc.text.split("\n")[-1].endswith("感谢您的监督！")
    assert "温馨提示" not in doc.text


# --- bare labels and the lead-in title ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("h01_print_empty_source_then_heading.html", "安全生产专项整治行动方案"),  # 来　　源： left empty
        ("h23_print_empty_source_section_heading.html", "总体情况"),
        # 作　　者： left empty over an editor's note, its label on a line of its own (not body since round fourteen)
        (
            "h22_print_empty_author_editor_note.html",
            "新时代文明实践中心建设是打通宣传群众、教育群众、关心群众、服务群众“最后一公里”的重要举措。",
        ),
    ],
)
def test_an_empty_labels_next_line_is_the_articles_first_line_not_its_value(name, first):
    doc = _read(name)
    assert doc.text.split("\n")[0] == first
    assert doc.meta.get("source") != first and doc.meta.get("author") != first


def test_an_author_under_a_spaced_label_is_read():
    doc = _read("h02_print_author_row.html")
    assert doc.meta["author"] == "王小明"
    assert "王小明" not in doc.text.split("\n")[0]


def test_the_heading_printed_above_stays_the_title_over_an_issuer_line_and_a_lead_in():
    doc = _read("h16_generic_title_issuer_line_lead_in.html")
    assert doc.meta["title"] == "关于开展2025年度全市食品安全专项抽检工作的通知"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("h12_schedule_table_date_cell.html", dt.date(2025, 2, 10)),  # a meeting's 日期 cell in the notice's table
        ("h13b_roster_bare_table_full_dates.html", dt.date(2025, 9, 25)),  # a duty roster's 日期 column
    ],
)
def test_a_date_cell_in_the_articles_own_table_is_no_publication_date(name, date):
    assert _read(name).meta["date"] == date


# --- PDF footnotes ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("p03_plan_box_items_at_foot.pdf", "老旧小区改造工程"),  # a 专栏's items ①…④ set small at a page's foot
        ("p11_attachment_list_small.pdf", "项目申报书"),  # an attachment list ①…⑤ set small
        ("p02_table_note_at_page_foot.pdf", "表中数据为快报数"),  # a table's 注： line at the page's foot
        ("p06_note_label_numbered.pdf", "增长按可比口径计算"),  # numbered notes under a bare 注： nothing refers to
    ],
)
def test_small_marked_lines_that_the_text_never_refers_to_stay_in_the_text(name, kept):
    pytest.importorskip("pdfplumber")
    doc = _read(name)
    assert kept in doc.text
    assert not doc.meta.get("footnotes")


def test_a_referenced_note_leaves_the_text_and_a_line_after_it_is_an_item_of_its_own():
    pytest.importorskip("pdfplumber")
    doc = _read("p10_footnote_then_unmarked_small.pdf")
    note, after = "① “三保”指保基本民生、保工资、保运转。", "（本报告经市政府第12次常务会议审议通过）"
    assert doc.meta["footnotes"] == [note, after]
    assert "各项民生政策落实到位。" in doc.text
