"""Rules from the eleventh blind round (``data/probes_blind_11``): a print view (打印页面) whose heading, date and
source stand in a small table over the article, the labels spaced out as table cells set them (日　　期：)."""

from __future__ import annotations

import datetime as dt

import policytext as pt
from policytext.corpus.html import _bare_label_value, _header_cut, page_fields

NOTICE = [
    "各区县农业农村局，市各有关单位：",
    "为切实做好2025年秋季农作物病虫害防控工作，确保粮食安全和重要农产品稳定供给，现就有关事项通知如下：",
    "一、提高思想认识",
    "今年以来，全市气候条件总体有利于病虫害发生，各地要充分认识防控工作的重要性和紧迫性，切实落实防控责任。",
    "二、强化监测预警",
    "各地要加密监测点布局，及时准确发布病虫情报，做到早发现、早报告、早防治，确保防控措施落实到田间地头。",
    "某某市农业农村局",
    "2025年8月20日",
]


HEADING = "某某市农业农村局关于做好2025年秋季农作物病虫害防控工作的通知"


def _print_page(title_tag: str = "打印页面", labels: tuple[str, str] = ("日　　期：", "来　　源：")) -> str:
    body = "\n".join(f"<div>{p}</div>" for p in NOTICE)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<div class="pbtn"><input type="button" value="打印本页"> <input type="button" value="关闭窗口"></div>
<table class="ptable"><tr><td class="t" colspan="4">{HEADING}</td></tr>
<tr><td>{labels[0]}</td><td>2025-08-22</td><td>{labels[1]}</td><td>某某市农业农村局</td></tr></table>
<hr><div class="pcontent">{body}</div><hr>
<div><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="pfoot">版权所有：某某市农业农村局　网站标识码：3304000099　某ICP备06002299号</div>
</body></html>"""


def test_a_print_view_reads_its_heading_date_and_source_from_the_table_and_starts_at_the_article(tmp_path):
    path = tmp_path / "print.html"
    path.write_text(_print_page(), encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["title"] == HEADING
    assert doc.meta["date"] == dt.date(2025, 8, 22)
    assert doc.meta["source"] == "某某市农业农村局"
    assert doc.text.split("\n")[0] == NOTICE[0]
    assert "日" not in doc.text.split("\n")[0] and "2025-08-22" not in doc.text


def test_labels_printed_without_spaces_read_the_same(tmp_path):
    path = tmp_path / "print.html"
    path.write_text(_print_page(labels=("日期：", "来源：")), encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["date"] == dt.date(2025, 8, 22)
    assert doc.text.split("\n")[0] == NOTICE[0]


def test_a_metadata_table_reads_a_spaced_date_label():
    cells = "<table><tr><td>日　　期：</td><td>2025-08-22</td><td>发布时间：</td><td>2025-08-23</td></tr></table>"
    assert page_fields(cells)["date"] == dt.date(2025, 8, 22)
    # a value that is no date gives none
    assert "date" not in page_fields("<table><tr><td>日期：</td><td>见附件</td></tr></table>")


def test_a_bare_label_takes_only_a_value_line_never_the_article():
    lines = ["来　　源：", "各区县农业农村局，市各有关单位：", NOTICE[1]]
    kept, found = _header_cut(lines, None)
    assert kept == lines[1:] and "source" not in found
    lines = ["日　期：", "今年以来，全市气候条件总体有利于病虫害发生。"]
    kept, found = _header_cut(lines, None)
    assert kept == lines[1:] and "date" not in found
    assert _bare_label_value("作者", "张三") == "张三"
    assert _bare_label_value("发布时间", "2025年8月22日 10:30") == dt.date(2025, 8, 22)
    assert _bare_label_value("发布时间", "昨天") is None


def test_a_generic_title_that_the_page_prints_is_kept(tmp_path):
    # the <title> names the page (打印页面) and the page prints no heading over a lead-in: nothing better to take
    page = _print_page().replace(f'<tr><td class="t" colspan="4">{HEADING}</td></tr>', "")
    path = tmp_path / "print.html"
    path.write_text(page, encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["title"] != NOTICE[0]
    assert doc.text.split("\n")[0] == NOTICE[0]
