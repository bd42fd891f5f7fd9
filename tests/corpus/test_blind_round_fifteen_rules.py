"""Rules from the fifteenth blind round (``data/probes_blind_15``): a proclamation's head over a law; a gallery's
captions; a heading set as a picture under the site's name as title; endnotes and references kept in ``footnotes``; a
column's kicker over the heading; font-size buttons after a source; a source in an element named for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import policytext as pt
from policytext.corpus.clean import read_header_fields
from policytext.corpus.officialdoc import proclamation_head

PARAS = [
    "为进一步提升新任村党组织书记的能力水平，4月15日至17日，西林县委组织部在县委党校举办示范培训班。",
    "培训班坚持缺什么补什么，紧扣新任书记履职需要，精心设置理论学习、政策解读、现场教学四个模块。",
    "据悉，今年以来，西林县分层分类组织开展各类培训12期，累计培训村干部900余人次。",
]


def _read(tmp_path: Path, page: str) -> pt.Document:
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    return pt.read_document(path)


def _page(head: str, body: str, title: str = "西林县举办新任村党组织书记示范培训班_西林先锋网") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zgxx/">组工信息</a></li></ul>
<div class="crumb">您的位置：<a href="/">首页</a> » <a href="/zgxx/">组工信息</a> » 正文</div>
<div class="art">{head}<div class="art-text">{body}</div></div>
<div class="foot">版权所有：中共西林县委组织部　ICP备05012345号</div></body></html>"""


HEAD = '<h1>西林县举办新任村党组织书记示范培训班</h1><div class="meta">发布时间：2024-04-17 来源：西林县委组织部</div>'


def test_a_proclamations_head_over_a_law_is_no_body():
    assert proclamation_head(
        ["南屏省人民代表大会常务委员会公告", "（第二十一号）", "《某条例》已通过，现予公布。"]
    ) == [0, 1]
    assert proclamation_head(["", "中华人民共和国国务院令第706号", "《某条例》已经通过。"]) == [1]
    assert proclamation_head(["关于开展安全生产检查的公告", "各单位："]) == []  # a notice's title, no number


def test_a_laws_page_opens_with_the_proclamations_text(tmp_path):
    law = [
        "第一条 为了加强农村生活垃圾治理，制定本条例。",
        "第二条 本条例自2024年9月1日起施行。",
    ]  # (spaces read as one)
    lines = [
        "《南屏省农村生活垃圾治理条例》已由省人大常委会通过，现予公布。",
        "南屏省人民代表大会常务委员会",
        "2024年5月30日",
    ]
    body = "".join(f"<p>{p}</p>" for p in ["南屏省人民代表大会常务委员会公告", "（第二十一号）", *lines, *law])
    head = '<h1>南屏省农村生活垃圾治理条例</h1><div class="meta">发布日期：2024-06-03</div>'
    doc = _read(tmp_path, _page(head, body, "南屏省农村生活垃圾治理条例_南屏人大网"))
    assert doc.text.split("\n") == [*lines, *law]


def test_a_gallerys_captions_between_paragraphs_are_read(tmp_path):
    slides = "".join(
        f'<div class="swiper-slide"><img src="/u/{i}.jpg" alt=""><p class="pic-txt">图为学员开展第{i}组研讨。</p></div>'
        for i in "一二"
    )
    gallery = f'<div class="pic-gallery"><div class="swiper-container gallery-top"><div class="swiper-wrapper">{slides}'
    gallery += '</div><div class="swiper-pagination"></div></div></div>'
    body = f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>{gallery}<p>{PARAS[2]}</p>"
    doc = _read(tmp_path, _page(HEAD, body))
    assert doc.text.split("\n") == [*PARAS[:2], "图为学员开展第一组研讨。", "图为学员开展第二组研讨。", PARAS[2]]


def test_a_heading_set_as_a_picture_replaces_the_sites_name(tmp_path):
    heading = "我校举行第十二届校园科技节开幕式"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>北陵市云台区实验小学</title></head><body>
<div class="logo"><img src="/skin/logo.png" alt="北陵市云台区实验小学"></div>
<h1 class="schoolname">北陵市云台区实验小学</h1>
<ul class="nav"><li><a href="/">网站首页</a></li><li><a href="/xydt/">校园动态</a></li></ul>
<div class="place">当前位置：<a href="/">首页</a> &gt; <a href="/xydt/">校园动态</a> &gt; 正文</div>
<div class="title"><img src="/uploads/title/kjj.png" alt="{heading}"></div>
<div class="info">发布时间：2023-11-20 16:08:33</div><div class="content">{"".join(f"<p>{p}</p>" for p in PARAS)}</div>
<div class="foot">版权所有：北陵市云台区实验小学</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.meta["title"] == heading
    assert doc.meta["date"] == dt.date(2023, 11, 20)


def test_endnotes_and_references_leave_the_text_for_footnotes(tmp_path):
    notes = ["[1]王立新：《城市基层治理研究》，《北陵行政学院学报》2022年第3期。", "[2]陈文博：《运行逻辑》，2023年。"]
    refs = ["[1]刘建华.城市社区治理共同体建设研究[M].北陵：北陵人民出版社，2021."]
    lines = [*PARAS, "注释：", *notes, "参考文献：", *refs]
    doc = _read(tmp_path, _page(HEAD, "".join(f"<p>{p}</p>" for p in lines)))
    assert doc.text.split("\n") == PARAS
    assert doc.meta["footnotes"] == [*notes, *refs]


def test_a_columns_kicker_over_the_heading_is_no_body(tmp_path):
    head = '<div class="art-kicker">理论前沿</div>' + HEAD
    doc = _read(tmp_path, _page(head, "".join(f"<p>{p}</p>" for p in PARAS)))
    assert doc.text.split("\n") == PARAS


def test_font_size_buttons_after_a_source_are_no_part_of_it():
    assert read_header_fields("来源：《北陵党建》2024年第5期　A+ A-")["source"] == "《北陵党建》2024年第5期"


def test_a_source_in_an_element_named_for_it(tmp_path):
    head = (
        '<h1 class="news-title">西林县举办新任村党组织书记示范培训班</h1><div class="news-meta">'
        '<span class="news-source">西林融媒</span><span class="news-time">2024-04-17 08:45</span></div>'
    )
    doc = _read(tmp_path, _page(head, "".join(f"<p>{p}</p>" for p in PARAS)))
    assert doc.meta["source"] == "西林融媒"
    assert doc.meta["date"] == dt.date(2024, 4, 17)
