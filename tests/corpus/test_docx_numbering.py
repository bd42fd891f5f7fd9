"""Word's automatic list numbering rendered in a .docx's text: headings numbered by Word's lists (一、 （一） 1.)
keep the labels Word shows, so that the heading hierarchy and the sections see them."""

from __future__ import annotations

import io

import pytest

import policytext as pt
from helpers.docx_parts import rewrite_parts
from policytext.corpus.docx_numbering import ListNumbering, format_number
from policytext.corpus.office import read_docx_text

docx = pytest.importorskip("docx")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="12"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered_docx(items: list[tuple[str, int | None, int]], numbering: str = NUMBERING) -> bytes:
    """A .docx whose paragraphs are (text, numId or None, level), its numbering part replaced by *numbering*."""
    d = docx.Document()
    for text, _, _ in items:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)

    def edit(name: str, data: bytes) -> bytes:
        if name == "word/numbering.xml":
            return numbering.encode("utf-8")
        if name != "word/document.xml":
            return data
        xml = data.decode("utf-8")
        for text, num, level in items:
            if num is not None:
                pr = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
                xml = xml.replace(f"<w:p><w:r><w:t>{text}</w:t>", f"<w:p>{pr}<w:r><w:t>{text}</w:t>", 1)
        return xml.encode("utf-8")

    return rewrite_parts(buf.getvalue(), edit)


PARA = "各地区各部门要结合实际认真贯彻落实，确保各项任务落到实处。"
ITEMS = [
    ("关于加强基层治理的意见", None, 0),
    ("总体要求", 1, 0),
    ("指导思想", 1, 1),
    (PARA, None, 0),
    ("工作原则", 1, 1),
    ("坚持党的领导", 1, 2),
    ("坚持人民至上", 1, 2),
    ("主要任务", 1, 0),
    ("加强基层政权建设", 1, 1),
    ("要点一", 2, 0),
    (PARA.replace("各地区", "各单位"), None, 0),
]


def test_list_numbers_are_the_labels_word_shows():
    lines = read_docx_text(_numbered_docx(ITEMS), "x.docx").split("\n")
    assert lines == [
        "关于加强基层治理的意见",
        "一、总体要求",
        "（一）指导思想",
        PARA,
        "（二）工作原则",
        "1.坚持党的领导",
        "2.坚持人民至上",
        "二、主要任务",
        "（一）加强基层政权建设",  # a level restarts the levels below it
        "要点一",  # a bullet gives no label
        PARA.replace("各地区", "各单位"),
    ]


def test_numbered_headings_become_sections(tmp_path):
    path = tmp_path / "意见.docx"
    path.write_bytes(_numbered_docx(ITEMS))
    sections = pt.read_document(path).sections
    got = list(zip(sections["level"], sections["number"], sections["heading"]))
    assert got == [
        (1, "一", "总体要求"),
        (2, "（一）", "指导思想"),
        (2, "（二）", "工作原则"),
        (3, "1", "坚持党的领导"),
        (3, "2", "坚持人民至上"),
        (1, "二", "主要任务"),
        (2, "（一）", "加强基层政权建设"),
    ]


def test_a_restarted_list_and_articles_of_a_regulation():
    items = [("目的", 3, 0), ("适用范围", 3, 0), ("另一办法的目的", 4, 0), ("施行日期", 4, 0)]
    assert read_docx_text(_numbered_docx(items), "x.docx").split("\n") == [
        "第1条目的",
        "第2条适用范围",
        "第1条另一办法的目的",  # startOverride: the second list starts again
        "第2条施行日期",
    ]


def test_a_damaged_numbering_part_loses_the_labels_not_the_text():
    damaged = NUMBERING.replace('w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"', 'w:val="x"')
    text = read_docx_text(_numbered_docx(ITEMS, damaged), "x.docx")
    assert "总体要求" in text and PARA in text
    assert read_docx_text(_numbered_docx(ITEMS, "<not xml"), "x.docx").split("\n")[1] == "总体要求"


def test_format_number_covers_the_formats_documents_use():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 21, 105)] == [
        "一", "十", "十一", "二十", "二十一", "一百零五",
    ]  # fmt: skip
    assert format_number(3, "decimalFullWidth") == "３" and format_number(27, "lowerLetter") == "aa"
    assert format_number(5, "bullet") == "" and format_number(7, "someNewFormat") == "7"
    assert ListNumbering(b"not a zip").label(None) == ""


def test_level_overrides_style_links_and_damaged_starts():
    override = NUMBERING.replace(
        "</w:numbering>",
        '<w:num w:numId="5"><w:abstractNumId w:val="12"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        "</w:lvlOverride></w:num>"
        '<w:abstractNum w:abstractNumId="20"><w:numStyleLink w:val="PolicyList"/></w:abstractNum>'
        '<w:num w:numId="6"><w:abstractNumId w:val="20"/></w:num>'
        '<w:abstractNum w:abstractNumId="13"><w:lvl w:ilvl="0"><w:start w:val="2000000000"/>'
        '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="13"/></w:num></w:numbering>',
    )
    styles = (
        f'<w:styles {W}><w:style w:type="numbering" w:styleId="PolicyList"><w:pPr><w:numPr>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
    )

    def with_styles(raw: bytes) -> bytes:
        return rewrite_parts(raw, lambda name, data: styles.encode() if name == "word/styles.xml" else data)

    items = [("总体要求", 5, 0), ("主要任务", 5, 0), ("党的领导", 6, 0), ("附录", 7, 0)]
    lines = read_docx_text(with_styles(_numbered_docx(items, override)), "x.docx").split("\n")
    assert lines[:2] == ["五、总体要求", "六、主要任务"]  # the list's own level definition, with its start
    assert lines[2] == "一、党的领导"  # a list that only names a numbering style uses that style's list
    assert lines[3] == "32767.附录"  # a damaged start is held to Word's largest number, and no letter run
