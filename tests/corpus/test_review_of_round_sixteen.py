"""A review helper's cases for the rules of rounds fifteen and sixteen and of the review of round fourteen
(``data/review_round_sixteen``, its README lists them): each page, Word file or PDF reads to what the reviewer expected
(title, date, source, the body's first and last line), but the known ones below, strict expected failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.review_cases import assert_reads_as_expected, review_cases

DATA = Path(__file__).parent / "data" / "review_round_sixteen"
LEFT = {
    "h03_r2_gallery_after_last_paragraph.html": "a gallery's tip (点击图片查看原图) after the last paragraph stays",
    "h05_r3_heading_image_then_photo.html": "a lead photo's alt text under the heading picture is taken for the title",
    "h06_r3_heading_image_control.html": "a column's label over a heading picture stays as the first line",
    "h09_r5_kicker_with_comma.html": "a kicker with a comma (深化改革，激发市场主体活力) stays",
    "h16_r8_signature_printed_in_info_table.html": "a metadata table set after the article stays as lines",
    "h18_r9_short_heading_is_last_crumb.html": "a subtitle without a dash set after the article stays",
    "h23_r12_editor_note_two_paragraphs.html": "only the first paragraph of a two-paragraph 编者按 is cut",
    "h27_r14_fold_button_after_block.html": "a fold whose button comes after the hidden block",
    "d03_r17_speech_fayan_tigang.docx": "a 发言提纲's subtitle and byline without a bracketed day stay",
    "f01_r15_canjiarenyuan_label.pdf": "a 纪要's issue number (〔2025〕3号) over its text stays",
    "f03_r17_speech_subtitle_wrapped.pdf": "a speech's subtitle wrapped over two PDF lines is read into the title",
}


@pytest.mark.parametrize("case", review_cases(DATA, LEFT))
def test_a_review_case_reads_as_expected(case):
    assert_reads_as_expected(DATA, case)
