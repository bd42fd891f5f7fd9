"""A review helper's cases for the rules of round twelve and of round eleven of the development set
(``data/review_round_twelve``: pages and Word files written for this project by a review session that ran policytext
before and after the rules). Each case was read wrong by the first version of a rule and reads as printed now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import policytext as pt

DATA = Path(__file__).parent / "data" / "review_round_twelve"
HEADING = "青山中学党支部开展清明祭英烈主题党日活动"


def _read(name: str) -> pt.Document:
    return pt.read_document(DATA / name)


# --- a breadcrumb's step as <title> ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "first"),
    [
        # the <title> is the article's own name, the step before 正文: a subheading over the text stays text
        ("h02_crumb_step_is_article_title_subheading_first.html", "缅怀革命先烈 传承红色基因"),
        # a column's <title>: the heading printed above the article, not the text's section heading or caption
        ("h03_crumb_column_section_heading_first.html", "一、缅怀革命先烈"),
        ("h04_crumb_column_caption_first.html", "青山中学党支部全体党员在烈士纪念碑前合影"),
    ],
)
def test_a_breadcrumb_step_title_never_takes_the_texts_first_line_that_is_no_heading(name, first):
    doc = _read(name)
    assert doc.meta["title"] == HEADING
    assert doc.text.split("\n")[0] == first


def test_a_single_page_columns_title_stays_and_its_motto_stays_text():
    doc = _read("h17_single_page_column_motto_first.html")
    assert doc.meta["title"] == "学校简介"
    assert doc.text.split("\n")[0] == "厚德载物 博学笃行"


def test_a_heading_that_opens_with_a_lead_word_is_a_heading():
    assert _read("h18_heading_starting_with_daodu.html").meta["title"] == "导读丨一图读懂2025年青山县政府工作报告"


# --- a closing (unit date) line -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "date", "last"),
    [
        (
            "h05_reprint_note_in_brackets.html",
            dt.date(2025, 5, 20),
            "（摘自人民日报 2025年4月8日）",
        ),  # a reprint's note
        ("h06_policy_list_each_with_issuer_date.html", dt.date(2025, 3, 1), "（教育部办公厅 2021年1月15日）"),  # a list
    ],
)
def test_a_bracketed_note_or_list_item_is_no_signature(name, date, last):
    doc = _read(name)
    assert doc.meta["date"] == date
    assert doc.text.split("\n")[-1] == last
    assert "organization" not in doc.meta


# --- <meta> titles, <h1> headings, dates under the heading ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("h08b_meta_title_br_raw.html", "关于做好2025年春季学期开学及疫情防控工作的通知"),  # a <br> inside the title
        ("h08c_meta_title_main_over_subtitle.html", "青山中学召开2025年党风廉政建设工作会议部署全年十项重点任务"),
        ("h09c_h1_heading_in_middle_topic_banner.html", "我校召开主题教育动员会"),  # a topic's name first
    ],
)
def test_titles_kept_whole(name, title):
    assert _read(name).meta["title"] == title


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("h10_name_date_rows_in_text.html", dt.date(2025, 3, 3)),  # a 公示's rows of names and dates
        ("h10b_deadline_line_under_heading.html", dt.date(2025, 4, 2)),  # 报名截止 2025-04-30 under the heading
        ("h19_sidebar_dated_items_above_article.html", dt.date(2025, 4, 8)),  # a sidebar's dated items
        ("h19b_sidebar_dated_items_no_date.html", None),
    ],
)
def test_a_name_and_a_date_elsewhere_than_right_under_the_heading_give_no_date(name, date):
    assert _read(name).meta.get("date") == date


@pytest.mark.parametrize("name", ["h11b_source_byline_place.html", "h11c_source_byline_section.html"])
def test_a_place_or_an_office_after_the_source_is_no_author(name):
    doc = _read(name)
    assert "author" not in doc.meta
    assert doc.text.split("\n")[0] in ("某某日报 宁乡", "青山县人民医院 党办")


# --- repeated paragraphs, a closing colon, counters ---------------------------------------------------------------


def test_a_summary_box_above_the_article_does_not_double_its_first_paragraph():
    doc = _read("r03_summary_box_outside_article.html")
    first = doc.text.split("\n")[0]
    assert doc.text.split("\n").count(first) == 1


def test_readers_comments_after_a_closing_colon_are_not_appended():
    assert _read("h13f_colon_end_then_comment_lines.html").text.endswith("以下是部分比赛精彩瞬间的现场照片：")


def test_reading_plan_lines_are_no_counters():
    text = _read("h15_reading_plan_lines.html").text
    for line in ("阅读：《红岩》", "课外阅读：", "每日阅读：30分钟", "每周阅读：3.5小时"):
        assert line in text.split("\n")


# --- 纪要, 简报 and 分送 (Word) --------------------------------------------------------------------------------------


def test_a_wrapped_distribution_list_is_the_minutes_colophon():
    pytest.importorskip("docx")
    doc = _read("d02_jiyao_wrapped_fensong.docx")
    assert doc.meta["distributed_to"][-1] == "各乡镇人民政府"
    assert doc.text.split("\n")[-1].startswith("出席：")


def test_a_procedures_last_step_that_opens_with_fensong_stays():
    pytest.importorskip("docx")
    doc = _read("d03_procedure_ends_with_fensong_step.docx")
    assert doc.text.split("\n")[-1].startswith("分送：按领导批示")
    assert "distributed_to" not in doc.meta


def test_a_signed_bulletins_head_date_is_no_written_date():
    pytest.importorskip("docx")
    doc = _read("d09_jianbao_signed_and_head.docx")
    assert doc.meta.get("written_date") != dt.date(2025, 4, 15)
    assert doc.meta["date"] == dt.date(2025, 4, 16)
