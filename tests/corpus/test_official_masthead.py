"""An official document's 版头 over its title (GB/T 9704: 发文机关标志, 发文字号, then the title): not body, and
its 发文机关标志 names the issuer (issue #19). A Word file built like a county organization department's 意见
kept the 版头 and the title's lines as the body's first lines, as did a real PDF of the development set (a
university school's 通知, whose 版头 is set over two lines)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

import policytext as pt
from policytext.corpus.officialdoc import leading_apparatus

docx = pytest.importorskip("docx")

BODY = [
    "各乡镇党委，县直各单位党组（党委）：",
    "为进一步加强村（社区）“两委”干部队伍建设，夯实党在农村的执政基础，现提出如下意见。",
    "一、总体要求",
    "坚持以习近平新时代中国特色社会主义思想为指导，着力建设一支政治过硬、本领过硬、作风过硬的干部队伍。",
    "二、组织保障",
    "各乡镇党委要切实履行主体责任，确保各项措施落到实处。",
]


def _docx(head: list[str], tail: list[str]) -> bytes:
    document = docx.Document()
    for line in [*head, "", *BODY, "", *tail]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("masthead", "issuer"),
    [
        (["中共某某县委组织部文件"], "中共某某县委组织部"),
        (["特急", "中共某某县委组织部文件"], "中共某某县委组织部"),
        (["中共某某县委", "组织部文件"], "中共某某县委组织部"),  # a 发文机关标志 set over two lines
    ],
)
def test_the_masthead_and_the_title_leave_the_body_and_the_masthead_names_the_issuer(masthead, issuer):
    head = [
        *masthead,
        "某组发〔2024〕3号",
        "",
        "中共某某县委组织部关于进一步加强",
        "村（社区）“两委”干部队伍建设的意见",
    ]
    doc = pt.read_document(_docx(head, []))  # no signature: the issuer comes from the 版头
    assert doc.text == "\n".join(BODY)
    assert doc.meta["title"] == "中共某某县委组织部关于进一步加强村（社区）“两委”干部队伍建设的意见"
    assert doc.meta["doc_number"] == "某组发〔2024〕3号"
    assert doc.meta["issuer"] == issuer
    assert doc.meta["recipients"] == "各乡镇党委，县直各单位党组（党委）"


def test_a_signed_document_keeps_its_signature_and_date_in_the_body():
    head = ["中共某某县委组织部文件", "某组发〔2024〕3号", "关于进一步加强村（社区）“两委”干部队伍建设的意见"]
    doc = pt.read_document(_docx(head, ["中共某某县委组织部", "2024年1月8日"]))
    assert doc.text == "\n".join([*BODY, "中共某某县委组织部", "2024年1月8日"])
    assert doc.meta["written_date"] == dt.date(2024, 1, 8) and doc.meta["issuer"] == "中共某某县委组织部"


def test_a_document_without_a_masthead_reads_as_before():
    head = ["关于进一步加强村（社区）“两委”干部队伍建设的意见"]
    doc = pt.read_document(_docx(head, []))
    assert doc.text == "\n".join(BODY)
    assert "issuer" not in doc.meta


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["特急", "某某局文件", "", "某发〔2024〕3号", "关于某事的通知"], ([0, 1], [3])),
        (["河南大学", "软件学院文件", "院发〔2018〕22号", "关于印发……的通知"], ([0, 1], [2])),
        (["关于某事的通知", "各单位："], ([], [])),
        (["某某局", "关于某事的通知"], ([], [])),  # an issuer's name alone is no 版头
        (["第一章 总则", "某某局文件"], ([], [])),  # only at the top
    ],
)
def test_leading_apparatus_is_the_top_of_the_page_only(lines, expected):
    assert leading_apparatus(lines) == expected
