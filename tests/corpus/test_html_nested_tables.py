"""A data table set among the paragraphs of an old table-layout page's article cell is read in its place, a row
per line (round six's township 公示, an expected failure until this rule); other tables are left to trafilatura."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.corpus.html import _among_prose, _layout_tables_as_blocks

trafilatura = pytest.importorskip("trafilatura")

LEAD = "经研究，拟对以下同志予以表彰，现将名单公示如下。"
ROWS = [
    ("姓名", "单位", "荣誉"),
    ("周某某", "某某村党支部", "优秀党务工作者"),
    ("吴某某", "某某社区党委", "优秀共产党员"),
]
AFTER = [
    "公示期间，如有不同意见，请以书面形式向镇党委反映，反映问题应当实事求是。",
    "公示期为5个工作日，公示时间自2025年6月20日至6月26日。",
    "特此公示。",
]


def _cells(row: tuple[str, ...]) -> str:
    return "".join(f"<td><p align=center><span>{c}</span></p></td>" for c in row)


def _page(table: str, *, after: list[str] | None = None) -> bytes:
    after = AFTER if after is None else after
    menu = "".join(f"<tr><td>·<a href='/a{i}'>某某镇新闻标题第{i}条</a></td></tr>" for i in range(6))
    article = (
        f"<p>{LEAD}</p>{table}" + "".join(f"<p>{p}</p>" for p in after) + "<p>中共某某镇委员会</p><p>2025年6月20日</p>"
    )
    body = (
        "<table width=980><tr><td width=200><table>" + menu + "</table></td><td>"
        "<table width=100%><tr><td class=title><b>某某镇关于拟表彰对象的公示</b></td></tr>"
        "<tr><td>发布时间：2025-06-20 来源：某某镇人民政府</td></tr>"
        f"<tr><td id=BodyLabel>{article}</td></tr></table></td></tr></table>"
        "<table><tr><td>版权所有：某某县人民政府 某ICP备06007654号</td></tr></table>"
    )
    return f"<html><head><title>某某镇关于拟表彰对象的公示</title></head><body>{body}</body></html>".encode()


DATA_TABLE = "<table border=1>" + "".join(f"<tr>{_cells(r)}</tr>" for r in ROWS) + "</table>"


def test_a_table_among_the_prose_of_a_layout_cell_is_read_in_place_a_row_a_line():
    doc = pt.read_document(_page(DATA_TABLE))
    lines = doc.text.split("\n")
    at = lines.index(LEAD)
    assert lines[at + 1 : at + 4] == [" ".join(r) for r in ROWS]
    assert lines[at + 4] == AFTER[0]
    assert lines[-3:] == ["特此公示。", "中共某某镇委员会", "2025年6月20日"]
    assert not any("某某镇新闻标题" in line for line in lines)


def test_a_table_with_no_sentence_after_it_is_left_to_trafilatura():
    page = _page(DATA_TABLE, after=[]).decode()
    tree = _layout_tables_as_blocks(page, trafilatura)
    assert len(list(tree.iter("table"))) == page.count("<table")
    assert not any(p.text == " ".join(ROWS[1]) for p in tree.iter("p"))


def test_a_page_without_nested_tables_is_not_parsed_here():
    page = f"<html><body><p>{LEAD}</p>{DATA_TABLE}<p>{AFTER[0]}</p></body></html>"
    assert _layout_tables_as_blocks(page, trafilatura) is page


def test_the_text_before_and_after_a_nested_table_is_told_apart():
    from trafilatura.utils import load_html

    # the sentence's end lies inside the table or in a wrapper's text before it: not prose around the table
    tree = load_html(
        "<html><body><table><tr><td><div>前文<span>无句末</span></div><table><tr><td>表内。</td></tr></table>"
        "后文。</td></tr></table></body></html>"
    )
    assert not _among_prose(tree.find(".//td"), tree.find(".//td/table"))
    tree = load_html(
        "<html><body><table><tr><td><div>前文。<span>x</span></div><table><tr><td>表内</td></tr></table>"
        "<p>后文。</p></td></tr></table></body></html>"
    )
    assert _among_prose(tree.find(".//td"), tree.find(".//td/table"))


@pytest.mark.parametrize("line", ["第1页/共1页 << 上一页 \\| 下一页 >>", "第2页 共3页", "<< 上一页 | 下一页 >>"])
def test_a_pager_line_is_chrome(line):
    from policytext.corpus.html import _is_site_chrome

    assert _is_site_chrome(line)


def test_a_sentence_about_pages_is_not_a_pager():
    from policytext.corpus.html import _is_site_chrome

    assert not _is_site_chrome("本文共分三页，第一页讲述背景。")
