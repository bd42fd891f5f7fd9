"""The rules that the eighth blind round (``data/probes_blind_8/README.md``: Word files and PDFs only) led to, each on
handmade lines and files in other words than the round's files."""

from __future__ import annotations

import pytest

import policytext as pt
from helpers.pdf_lines import text_line
from policytext.corpus.office import _column_rows
from policytext.corpus.officialdoc import adoption_note_cut, colophon_cut, leading_apparatus, official_title
from policytext.corpus.readers import _drop_title_lines


def test_a_regulations_adoption_note_under_its_title_is_cut():
    note = "（2024年11月28日某某省第十四届人民代表大会常务委员会第十三次会议批准）"
    kept, found = adoption_note_cut([note, "第一条 为了保护古树名木，制定本条例。"])
    assert kept == ["第一条 为了保护古树名木，制定本条例。"] and found == {"adoption_note": note}
    wrapped = ["（2023年6月30日某某市人民政府第12次常务", "会议通过 自2023年8月1日起施行）", "第一条 为了……"]
    assert adoption_note_cut(wrapped) == (["第一条 为了……"], {"adoption_note": "".join(wrapped[:2])})


@pytest.mark.parametrize(
    "lines",
    [
        ["（一）总体要求", "坚持稳中求进。"],
        ["（2024年度）", "一、工作开展情况"],
        ["第一条 为了保护古树名木（2024年11月28日会议通过），制定本条例。"],
    ],
)
def test_other_brackets_at_the_top_are_text(lines):
    assert adoption_note_cut(lines) == (lines, {})


def test_the_title_under_a_number_and_signer_line_without_a_masthead_is_dropped():
    title = "某某县人民政府关于恳请支持某某水库除险加固工程的请示"
    lines = [
        "某政〔2025〕8号\t签发人：周某某",
        "某某县人民政府关于恳请支持某某水库",
        "除险加固工程的请示",
        "某某市人民政府：",
    ]
    text = "\n".join(lines)
    body, marks = _drop_title_lines(text, title)
    assert body.split("\n") == ["某政〔2025〕8号\t签发人：周某某", "某某市人民政府："] and marks == []


def test_a_titles_bracketed_years_on_the_next_line_belong_to_it():
    text = "某某县城乡供水一体化三年行动方案\n（2025—2027年）\n为保障城乡居民饮水安全，制定本方案。"
    assert official_title(text) == "某某县城乡供水一体化三年行动方案（2025—2027年）"
    trial = "某某县安全生产考核办法\n（试行）\n第一条 为了……，制定本办法。"
    assert official_title(trial) == "某某县安全生产考核办法（试行）"


def test_a_minutes_head_is_marks_not_title():
    lines = ["某某县人民政府常务会议纪要", "〔2025〕第3期", "某某县人民政府办公室　2025年3月2日"]
    lines.append("关于研究城区停车场建设的会议纪要")
    assert leading_apparatus(lines) == ([0, 1, 2], [])
    text = "\n".join([*lines, "3月1日，县长主持召开县政府常务会议。"])
    assert official_title(text) == "关于研究城区停车场建设的会议纪要"


def test_a_minutes_distribution_list_is_its_colophon():
    lines = [
        "会议要求，各单位按期完成。",
        "出席：王某某 李某某",
        "分送：县委办公室，各乡镇人民政府。",
        "某某县人民政府办公室 2025年3月2日印发",
    ]
    kept, found = colophon_cut(lines)
    assert kept == lines[:2] and found["printed_by"] == "某某县人民政府办公室 2025年3月2日印发"


def test_a_table_header_repeated_at_the_top_of_the_next_page_is_read_once(tmp_path):
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from helpers.make_pdf import write_pdf

    header = "序号 指标名称 单位 2023年 2024年"
    names = ["行政复议案件", "行政诉讼案件", "执法检查", "处罚决定", "普法宣传", "法律顾问"]
    rows = [f"{n} {name} 件 {100 + n} {110 + n}" for n, name in enumerate(names, 1)]
    paragraphs = ["表1 主要指标", header, *rows[:4], header, *rows[4:]]
    text = pt.read_document(write_pdf(tmp_path / "t.pdf", paragraphs, lines_per_page=6)).text
    assert text.count("序号 指标名称 单位") == 1
    assert all(r in text for r in rows)


def test_a_two_column_pages_running_head_set_on_both_sides_is_dropped():
    prose = [f"第{n}行是一段足够长的栏内正文文字内容。" for n in "一二三四五六七八九十"]
    lines = [text_line([(60.0, "某某省人民政府公报"), (420.0, "2025年第9期（总第301期）")])]
    lines += [text_line([(60.0, a), (320.0, a.replace("第", "右"))]) for a in prose]
    found = _column_rows(lines, 595.0)
    assert found is not None
    texts = [r[0] for r in found[0]]
    assert texts[0] == prose[0] and not any("公报" in t for t in texts)
