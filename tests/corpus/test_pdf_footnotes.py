"""Footnotes at a PDF page's foot (a smaller type, opened by a note mark) leave the text for
``meta["footnotes"]``, so that a sentence running over the page break joins up again (round ten's
expected failure: ``data/probes_blind_10/12_shishi_xize.pdf``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from policytext.corpus.office import read_pdf_text_and_notes

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")


def _pdf(path: Path, pages: list[list[tuple[str, float]]]) -> Path:
    """A PDF of *pages*, each a list of ``(line, font size)`` set top-down, a page number at each foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        y = height - 80
        for text, size in lines:
            c.setFont("STSong-Light", size)
            c.drawString(70, y, text)
            y -= size * 1.7
        c.setFont("STSong-Light", 12)
        c.drawCentredString(width / 2, 40, f"— {number} —")
        c.showPage()
    c.save()
    return path


LINES_ONE = [
    ("某某市小微企业贷款贴息管理办法", 18),
    ("第一条 为支持小微企业①发展，降低融资成本，根据有关", 15),
    ("规定，制定本办法。", 15),
    ("第二条 本办法所称贴息，是指市财政对符合条件的小微企业", 15),
    ("按照贷款利息的一定比例给予的补助，贴息资金用于生产经", 15),
]
NOTE = "① 小微企业按照《中小企业划型标准规定》确定的标准认定。"
LINES_TWO = [
    ("营，不得挪作他用。", 15),
    ("第三条 本办法自印发之日起施行。", 15),
]


def test_a_footnote_at_a_page_foot_leaves_the_text_and_the_sentence_joins(tmp_path):
    path = _pdf(tmp_path / "b.pdf", [[*LINES_ONE, ("", 15), (NOTE, 10)], LINES_TWO])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == [NOTE]
    assert "划型标准" not in text
    assert "贴息资金用于生产经营，不得挪作他用。" in text
    doc = pt.read_document(path)
    assert doc.meta["footnotes"] == [NOTE]
    assert "划型标准" not in doc.text


def test_a_footnote_of_two_lines_is_one_item_and_a_second_mark_starts_another(tmp_path):
    notes_lines = [
        ("① 小微企业按照《中小企业划型标准规定》确定的标准认定，", 10),
        ("以申请时上一年度的数据为准。", 10),
        ("② 贷款市场报价利率即LPR。", 10),
    ]
    path = _pdf(tmp_path / "b.pdf", [[*LINES_ONE, ("", 15), *notes_lines], LINES_TWO])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == [
        "① 小微企业按照《中小企业划型标准规定》确定的标准认定，以申请时上一年度的数据为准。",
        "② 贷款市场报价利率即LPR。",
    ]
    assert "LPR" not in text


def test_small_type_without_a_note_mark_stays_in_the_text(tmp_path):
    # a source line under a table, set small, is part of what the page prints in its text
    path = _pdf(tmp_path / "b.pdf", [[*LINES_ONE[:3], ("数据来源：某某市统计局。", 10)], LINES_TWO])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == []
    assert "数据来源：某某市统计局。" in text


def test_a_marked_line_in_the_text_type_is_text(tmp_path):
    # a list item opened by ① in the text's own type is no footnote
    path = _pdf(tmp_path / "b.pdf", [[*LINES_ONE[:3], ("① 申请材料齐全的，予以受理。", 15)], LINES_TWO])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == []
    assert "① 申请材料齐全的，予以受理。" in text


def test_a_page_of_small_type_only_keeps_its_lines(tmp_path):
    # nothing in the text's type above the marked lines (a page of notes, or a document set small throughout)
    small = [("① 第一项说明事项的内容。", 10), ("② 第二项说明事项的内容。", 10)]
    path = _pdf(tmp_path / "b.pdf", [small])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == []
    assert "第一项说明事项" in text and "第二项说明事项" in text


def test_the_notes_heading_goes_with_the_notes_and_is_no_item(tmp_path):
    # a statistical bulletin's 注释： over its numbered notes, set small at the foot of the text's last page
    # (the text refers to note [2]; note [1] belongs to the title, set as a picture)
    notes_lines = [("注释：", 11), ("[1]本公报中数据为初步统计数。", 10), ("[2]地区生产总值按现价计算。", 10)]
    text_lines = [("全年全州生产总值[2]1323亿元，比上年增长3.5%。", 15), ("规模以上工业增加值比上年增长", 15)]
    path = _pdf(tmp_path / "b.pdf", [[*text_lines, ("", 15), *notes_lines]])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == ["[1]本公报中数据为初步统计数。", "[2]地区生产总值按现价计算。"]
    assert "注释" not in text and text.endswith("规模以上工业增加值比上年增长")


@pytest.mark.parametrize(
    "foot",
    [
        # a plan's 专栏 box set small at a page's foot, its items numbered ①…③: the text's own
        [("专栏1 城市更新重点工程", 11), ("① 老旧小区改造工程：改造老旧小区120个。", 11), ("② 城中村改造工程。", 11)],
        # an attachment list set small
        [("① 项目申报书（一式三份）；", 11), ("② 法人营业执照复印件；", 11)],
        # a table's note under it at the page's foot
        [("指标 2024年 2025年", 10), ("注：表中数据为快报数，增长按可比口径计算。", 10)],
        # numbered notes under a bare 注： that nothing refers to
        [("注：", 10), ("1.本报告中数据为快报数。", 10), ("2.增长按可比口径计算。", 10)],
    ],
    ids=["column-box", "attachment-list", "table-note", "numbered-notes"],
)
def test_small_marked_lines_that_the_text_never_refers_to_stay(tmp_path, foot):
    lines = [("第一条 为推进城市更新，根据有关规定，结合本市实际，", 15), ("制定本办法。", 15)]
    path = _pdf(tmp_path / "b.pdf", [[*lines, ("", 15), *foot], LINES_TWO])
    text, notes = read_pdf_text_and_notes(path.read_bytes())
    assert notes == []
    for line, _ in foot:
        assert line.replace(" ", "")[:6] in text.replace(" ", "")
