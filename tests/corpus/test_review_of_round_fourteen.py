"""A review helper's cases for the late fixes of round thirteen and the rules of round fourteen
(``data/review_round_fourteen``, its README lists them): each page or Word file reads to what the reviewer expected
(title, date, source, the body's first and last line), but two known ones, strict expected failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import policytext as pt
from helpers.review_cases import assert_reads_as_expected, review_cases
from policytext.corpus.html import _folded_text_shown

DATA = Path(__file__).parent / "data" / "review_round_fourteen"
LEFT = {
    "i03_interview_header_time_theme.html": "a 主题： line at the top of an interview stays text (no header label)",
    "i04_dateline_time_only_with_theme_field.html": "a 主题： line under the dateline stays text",
}


@pytest.mark.parametrize("case", review_cases(DATA, LEFT))
def test_a_review_case_reads_as_expected(case):
    assert_reads_as_expected(DATA, case)


def test_a_writers_credit_gives_the_author():
    assert pt.read_document(DATA / "g02_person_zhuangao.html").meta["author"] == "张晓明"


HIDING = re.compile(r"display:\s*none|hide-part")


@pytest.mark.parametrize(
    ("name", "left_hidden"),
    [
        ("d01_fold_button_links_same_page_anchor.html", []),  # a link to an anchor of its own page is a button
        ("d02_fold_collapse_button_hidden_first.html", ['class="fold-up" style="display:none"']),  # a hidden 收起全文
        ("d03_fold_block_nested_divs.html", []),  # the block's paragraphs each in a <div>
        ("d04_fold_javascript_link_control.html", ['class="dlg" style="display:none"']),  # a dialog after it
    ],
)
def test_the_fold_rule_shows_the_folded_article_only(name, left_hidden):
    page = (DATA / name).read_text(encoding="utf-8")
    out = _folded_text_shown(page)
    # every hiding mark of the folded block goes (class and style), and only what is named stays hidden
    assert len(HIDING.findall(out)) == len(left_hidden) < len(HIDING.findall(page))
    assert all(x in out for x in left_hidden)


def test_a_teasers_hidden_summary_stays_hidden():
    page = (DATA / "d05_teaser_link_related_hidden.html").read_text(encoding="utf-8")
    assert _folded_text_shown(page) == page
