"""What a review of this session's reading and programme rules found (issues #19, #20), one test each: rules
that had been too broad took a notice's contact lines, instructions and sources apart, or merged a verb into a
programme's name."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

import policytext as pt
from policytext.corpus.clean import clean_text, read_header_fields, speech_byline_cut
from policytext.errors import DecodeError
from policytext.segment import Segmenter

BODY = "为做好全县群众满意度调查工作，现将有关事项通知如下。" * 8
COARSE = Segmenter()


def test_a_notices_contact_lines_stay_in_its_body():
    body, meta = clean_text(
        f"关于开展满意度调查的通知\n{BODY}\n联系人：张三\n网址：www.example.gov.cn\n某某县人民政府办公室"
    )
    assert body.split("\n")[-3:] == ["联系人：张三", "网址：www.example.gov.cn", "某某县人民政府办公室"]
    assert "url" not in meta


def test_a_title_label_inside_the_text_is_text():
    body, meta = clean_text(f"关于开展征文活动的通知\n一、征文要求\n标题：自拟，字数不超过3000字。\n{BODY}")
    assert "标题：自拟，字数不超过3000字。" in body.split("\n")
    assert meta["title"] == "关于开展征文活动的通知"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("标题：深度阅读：如何理解新质生产力", "深度阅读：如何理解新质生产力"),
        ("标题：一图读懂 | 2024年政府工作报告", "一图读懂 | 2024年政府工作报告"),
    ],
)
def test_a_crawlers_title_field_is_the_whole_rest_of_its_line(line, title):
    assert read_header_fields(line)["title"] == title


@pytest.mark.parametrize(
    "line", ["请扫描下方二维码报名。", "群众可扫描二维码进行投诉。", "报名方式：扫描下方二维码填写信息。"]
)
def test_an_instruction_to_scan_a_code_is_text(line):
    body, _ = clean_text(f"关于开展满意度调查的通知\n{BODY}\n{line}\n{BODY}")
    assert line in body.split("\n")


@pytest.mark.parametrize("source", ["新京报评论", "人民日报评论"])
def test_a_source_that_ends_in_a_word_of_chrome_is_kept(source):
    assert read_header_fields(f"来源：{source}")["source"] == source


@pytest.mark.parametrize("place", ["江苏", "张家港", "石家庄", "黄山"])
def test_a_place_before_a_titles_colon_is_no_author(place):
    text = f"{place}：全力稳住经济大盘\n今年以来，各地坚持稳中求进工作总基调，推动经济运行持续向好，取得明显成效。"
    meta = pt.read_document(text.encode("utf-8")).meta
    assert "author" not in meta and meta["title"] == f"{place}：全力稳住经济大盘"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("推进落实乡村振兴战略。", ["推进", "落实", "乡村振兴战略", "。"]),  # a second verb opens no name after 推进
        ("开展规范涉企执法专项行动。", ["开展", "规范涉企执法专项行动", "。"]),  # after 开展 it may
    ],
)
def test_a_verb_after_tui_jin_opens_no_programme_name(text, tokens):
    assert COARSE.cut(text) == tokens


@pytest.mark.parametrize(
    "heading",
    [
        "三、这项民生实事工程",
        "（二）该市数字经济发展战略",
        "（二）确保完成年度计划",
        "（八）今后五年工作计划",
        "2.全面推行河长制工作计划",
    ],
)
def test_a_heading_that_names_a_task_or_points_is_no_programme_name(heading):
    name = re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", "", heading)
    assert name not in COARSE.cut(heading + "\n")


def test_a_word_file_whose_text_is_in_text_boxes_says_so():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("x")
    buffer = io.BytesIO()
    document.save(buffer)
    box = (
        '<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>'
        "<w:txbxContent><w:p><w:r><w:t>文本框里的通知正文。</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(r"<w:p>.*?</w:p>", box, data.decode(), count=1, flags=re.S).encode()
            zout.writestr(item, data)
    with pytest.raises(DecodeError, match="text boxes"):
        pt.read_document(out.getvalue())


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (["（2023年2月10日）", "会议要求：", "各单位要抓好落实。"], {}),  # a label, not a salutation
        (["（2023年2月10日）", "各位代表、各位委员：", "今天我们召开会议。"], {"written_date": dt.date(2023, 2, 10)}),
    ],
)
def test_a_speech_day_alone_needs_a_salutation_under_it(lines, found):
    assert speech_byline_cut(lines)[1] == found


def test_a_time_glued_to_the_source_label_is_a_header_line():
    assert read_header_fields("2023-05-12 08:35:12来源：新华网") == {"source": "新华网", "date": dt.date(2023, 5, 12)}
