"""Rules from the fourteenth blind round (``data/probes_blind_14``) and from a meeting notice of my own after it: the
lines kept over a heading that replaced a site's name as title; an editor's note in a known article container; a
（…供稿） credit's source; a page dated by its 成文日期; an event's 时间： is no publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import policytext as pt
from policytext.corpus.clean import event_time_lines, read_header_fields

PARAS = [
    "根据《党政领导干部选拔任用工作条例》等有关规定，经市委常委会研究，拟对以下同志进行任前公示。",
    "公示期间，个人和单位均可通过来电、来信、来访等方式，向市委组织部反映公示对象的情况和问题。",
    "受理电话：0735-2218312",
]


def _read(tmp_path: Path, page: str, encoding: str = "utf-8") -> pt.Document:
    path = tmp_path / "p.html"
    path.write_bytes(page.encode(encoding))
    return pt.read_document(path)


def test_a_sidebar_kept_over_the_heading_that_replaced_a_sites_name_is_cut(tmp_path):
    heading = "东岭市2025年第五批市管干部任前公示"
    items = "".join(
        f'<tr><td>·<a href="/gs/{i}.html">东岭市2025年第{n}批市管干部任前公示</a>（06-1{i}）</td></tr>'
        for i, n in enumerate("一二三")
    )
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>东岭先锋网</title>
</head><body><table><tr><td><img src="logo.gif" alt="东岭先锋网"></td></tr></table>
<table><tr><td width="220"><table><tr><td><b>最新公示</b></td></tr>{items}</table></td>
<td><table><tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/gs/">公示公告</a></td></tr>
<tr><td class="title_text">{heading}</td></tr>
<tr><td>发布日期：2025-07-03　　来源：东岭市委组织部　　点击：1562
　【<a href="javascript:window.print()">打印本页</a>】</td></tr>
<tr><td class="content_text">{body}<p align="right">中共东岭市委组织部<br>2025年7月3日</p></td></tr>
</table></td></tr></table>
<table><tr><td>版权所有：中共东岭市委组织部　湘ICP备05012345号</td></tr></table></body></html>"""
    doc = _read(tmp_path, page, "gb18030")
    assert doc.meta["title"] == heading
    assert doc.text.split("\n")[0] == PARAS[0]
    assert doc.meta["date"] == dt.date(2025, 7, 3)
    assert doc.meta["source"] == "东岭市委组织部"


ARTICLE = [
    "六月的南溪镇，早稻正在抽穗。清晨6点，25岁的刘子昂已经站在田埂上，查看无人机传回的稻田长势图。",
    "镇农业服务中心负责人介绍，目前全镇像刘子昂这样的返乡创业青年已有37人，经营耕地面积1.1万亩。",
]


def test_an_editors_note_opening_a_wechat_articles_container_is_no_body(tmp_path):
    note = "编者按：今年以来，南溪镇深入实施“青年回乡”计划，本号推出“南溪新农人”系列报道，今天刊发第三篇。"
    sections = "".join(f"<section><span>{p}</span></section>" for p in ARTICLE)
    page = f"""<html><head><meta charset="utf-8"><title>稻田里的新农人</title></head><body>
<h1 class="rich_media_title" id="activity-name">稻田里的新农人</h1>
<em id="publish_time">2025年06月12日 18:30</em>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section><p><span>{note}</span></p></section>{sections}</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.meta["extraction"] == "container"
    assert doc.text.split("\n") == ARTICLE


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("（河口镇人民政府供稿）", "河口镇人民政府"),  # the unit that supplied the article
        ("（河口镇人民政府 报送）", "河口镇人民政府"),
        ("（河口镇人民政府）", None),  # a bare signature: the organization only
    ],
)
def test_a_trailing_credit_of_a_supplying_unit_gives_the_source(tmp_path, credit, source):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    page = f"""<html><head><meta charset="utf-8"><title>南溪镇返乡青年种粮记_白河县人民政府</title></head><body>
<h1>南溪镇返乡青年种粮记</h1><div class="info">发布时间：2025-05-08</div>
<div class="article">{body}<p style="text-align:right">{credit}</p></div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.text.split("\n") == ARTICLE
    assert doc.meta["organization"] == "河口镇人民政府"
    assert doc.meta.get("source") == source


REPLY = [
    "李明华委员：",
    "您提出的《关于加强农村寄宿制学校学生心理健康教育的建议》收悉。我局高度重视，现将办理情况答复如下：",
    "目前，全县共有农村寄宿制学校21所，已有14所学校配备专职心理健康教师，其余学校由兼职教师承担。",
    "白河县教育局",
    "2025年6月18日",
    "（联系人：赵晓东 联系电话：0739-6624518）",
]


@pytest.mark.parametrize("dateline", ["", '<div class="info">发布时间：2025-06-20 来源：县教育局</div>'])
def test_a_page_printing_no_publication_date_is_dated_by_its_written_date(tmp_path, dateline):
    title = "关于政协白河县第十届委员会第四次会议第45号提案的答复"
    body = "".join(f"<p>{p}</p>" for p in REPLY)
    page = f"""<html><head><meta charset="utf-8"><title>{title}_白河县政协</title></head><body>
<h1>{title}</h1>{dateline}<div class="content">{body}</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.meta["written_date"] == dt.date(2025, 6, 18)
    # the publication date where the page prints one, else the only date it prints
    assert doc.meta["date"] == (dt.date(2025, 6, 20) if dateline else dt.date(2025, 6, 18))


NOTICE = [
    "各乡镇人民政府，县直各有关单位：",
    "经县政府研究，决定召开全县安全生产工作会议，请各单位高度重视。现将有关事项通知如下：",
]


@pytest.mark.parametrize(
    "meeting",
    [
        # under the text's lead-in
        ["一、会议时间", "时间：2025年3月5日上午9:00", "二、会议地点", "县政府四楼会议室。"],
        ["一、会议时间", "2025年3月5日上午9:00。", "二、会议地点", "县政府四楼会议室。"],
    ],
)
def test_a_meetings_time_in_a_notice_is_no_publication_date(tmp_path, meeting):
    lines = [*NOTICE, *meeting, "青山县人民政府办公室", "2025年3月1日"]
    body = "".join(f"<p>{p}</p>" for p in lines)
    page = f"""<html><head><meta charset="utf-8"><title>关于召开全县安全生产工作会议的通知_青山县人民政府</title></head>
<body><h1>关于召开全县安全生产工作会议的通知</h1><div class="content">{body}</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.text.split("\n") == lines  # (the time line stays text)
    assert doc.meta["written_date"] == dt.date(2025, 3, 1)
    assert doc.meta["date"] == dt.date(2025, 3, 1)  # (its 成文日期, the page printing no other date)


def test_a_time_and_place_over_a_notice_stay_text(tmp_path):
    lines = ["时间：2025年3月5日上午9:00", "地点：县政府四楼会议室", *NOTICE, "青山县人民政府办公室", "2025年3月1日"]
    page = f"""<html><head><meta charset="utf-8"><title>关于召开全县安全生产工作会议的通知</title></head>
<body><h1>关于召开全县安全生产工作会议的通知</h1><div class="content">{"".join(f"<p>{p}</p>" for p in lines)}</div>
</body></html>"""
    doc = _read(tmp_path, page)
    assert doc.text.split("\n") == lines
    assert doc.meta["date"] == dt.date(2025, 3, 1)


def test_an_events_time_is_no_header_field():
    assert event_time_lines(["时间：2025年3月5日", "地点：县政府"]) == {0}
    assert event_time_lines(["时间：2025年3月5日 地点：县政府"]) == {0}
    assert event_time_lines(["时间：2025-03-01", "来源：青山县人民政府"]) == set()
    assert "date" not in read_header_fields("时间：2025年3月5日\n地点：县政府")
    assert read_header_fields("时间：2025-03-01\n来源：县政府")["date"] == dt.date(2025, 3, 1)


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_policy_readings_link_to_its_document_leaves_the_text(tmp_path, where):
    paras = [
        "近日，县政府办公室印发《青山县促进民营经济高质量发展若干措施》。现就有关内容解读如下。",
        "民营经济是推动县域经济发展的重要力量，全县共有民营经济主体3.6万户。",
    ]
    document = "青山县人民政府办公室关于印发《青山县促进民营经济高质量发展若干措施》的通知"
    link = f'<p>原文链接：<a href="/zcwj/202504/t20250428_2210345.html">{document}</a></p>'
    body = "".join(f"<p>{p}</p>" for p in paras)
    body = link + body if where == "first" else body + link
    page = f"""<html><head><meta charset="utf-8"><title>《若干措施》政策解读_青山县人民政府</title></head><body>
<h1>《青山县促进民营经济高质量发展若干措施》政策解读</h1><div class="info">发布时间：2025-05-09</div>
<div class="content">{body}</div><div>版权所有：青山县人民政府</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.text.split("\n") == paras
    assert doc.meta["interpreted_document"] == document
    # a sentence after the label is text
    sentence = "<p>原文：县政府办公室近日印发了这份文件，请各单位认真学习贯彻。</p>"
    doc = _read(tmp_path, page.replace(link, sentence))
    assert "interpreted_document" not in doc.meta


def test_a_review_case_with_a_link_box_to_the_document_read():
    # (a review's case of round twelve, left then: the box between the heading and the text)
    path = Path(__file__).parent / "data" / "review_round_twelve" / "h20_original_doc_box_between_heading_and_text.html"
    doc = pt.read_document(path)
    assert doc.meta["interpreted_document"] == "青山县义务教育阶段学校招生入学工作实施方案"
    assert not doc.text.startswith("原文链接")
