"""Rules from the thirteenth blind round (``data/probes_blind_13``): a short title (a column's or a site's name) gives
way to the heading printed over the article's dateline; a kicker joined to the heading by a space in a ``<meta>``
title; the text a mobile page folds under 展开全文."""

from __future__ import annotations

import datetime as dt

import policytext as pt
from policytext.corpus.html import _folded_text_shown, _heading_over_dateline

PARAS = [
    "为进一步提高防汛应急处置能力，6月2日下午，青山镇在河西村渌水河堤段组织开展2025年防汛应急演练。",
    "演练模拟渌水河水位暴涨、堤防出现管涌险情，镇村干部和民兵应急分队迅速响应，按预案开展巡堤查险。",
    "下一步，青山镇将持续压紧压实防汛责任，确保全镇安全度汛，切实保障人民群众生命财产安全。",
]
HEADING = "青山镇组织开展防汛应急演练"


def _page(title: str, dateline: str, heading: str = HEADING) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="top">欢迎访问青山镇人民政府网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/xzdt">乡镇动态</a></li></ul>
<div class="crumb">当前位置：首页 &gt; 乡镇动态</div>
<div class="tt">{heading}</div><div class="info">{dateline}</div>
<div class="content">{body}</div>
<div class="foot">版权所有：青山镇人民政府　网站标识码：4300000001</div></body></html>"""


def test_a_sites_name_as_title_gives_way_to_the_heading_over_the_dateline(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(_page("青山镇人民政府", "2025-06-03 来源：青山镇"), encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.meta["title"] == HEADING
    assert doc.meta["date"] == dt.date(2025, 6, 3)
    assert doc.text.split("\n")[0] == PARAS[0]


def test_a_short_heading_printed_near_the_article_stays_the_title(tmp_path):
    # 政府工作报告 is a heading of six characters: the page prints it as a line of its own over the dateline
    path = tmp_path / "p.html"
    path.write_text(_page("政府工作报告", "发布日期：2025-01-10", heading="政府工作报告"), encoding="utf-8")
    assert pt.read_document(path).meta["title"] == "政府工作报告"


def test_what_is_no_heading_over_a_dateline():
    never = lambda s: False  # noqa: E731
    for line in (
        "标　　题： 专利代理条例",
        "本报记者 王燕平 方云凤",
        "某某县人民政府县长　郑国栋",
        "为进一步提高防汛应急处置能力，",
    ):
        assert _heading_over_dateline([line, "2025-06-03 来源：青山镇"], never) is None
    # a sidebar's linked title over a bare date is no heading; over a labelled dateline it is
    linked = lambda s: s == "关于县十八届人大四次会议第027号建议的答复"  # noqa: E731
    line = "关于县十八届人大四次会议第027号建议的答复"
    assert _heading_over_dateline([line, "2025-07-15"], linked) is None
    assert _heading_over_dateline([line, "日期：2025年07月15日 | 信息来源：县人大常委会办公室"], linked) == line


def test_a_kicker_joined_by_a_space_in_the_meta_title_gives_way_to_the_h1(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山县：小园区撑起县域大产业_某某日报网</title>
<meta property="og:title" content="在高质量发展中展现新作为 青山县：小园区撑起县域大产业"></head><body>
<div class="nav"><a href="/">首页</a></div><div class="yt">在高质量发展中展现新作为</div>
<h1>青山县：小园区撑起县域大产业</h1><div class="ft">——青山县推进产业园区建设纪实</div>
<div class="info">来源：某某日报 2025-05-20</div><div class="content">{body}</div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert pt.read_document(path).meta["title"] == "青山县：小园区撑起县域大产业"


def test_the_text_folded_under_a_mobile_pages_button_is_read(tmp_path):
    rest = "".join(f"<p>{p}</p>" for p in PARAS[1:])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADING}</title>
<style>.hide-part{{height:0;overflow:hidden}}</style></head><body><article><h1>{HEADING}</h1>
<div class="info">来源：青山融媒 2025-06-03 10:20</div><div class="content"><p>{PARAS[0]}</p>
<div class="unfold"><span>展开全文</span> <i>∨</i></div><div class="hide-part" id="more">{rest}</div></div></article>
<div class="app-bar"><a href="qsnews://a/1">打开APP阅读</a></div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert pt.read_document(path).text.split("\n") == PARAS
    # without a button nothing is shown that the page hides
    hidden = '<div class="hide-part"><p>隐藏的文字。</p></div>'
    assert _folded_text_shown(hidden) == hidden


def test_a_hidden_dialog_after_a_read_more_link_stays_hidden(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADING}_青山镇人民政府</title></head><body>
<ul class="nav"><li><a href="/">首页</a></li></ul><h1>{HEADING}</h1><div class="info">发布时间：2025-06-03</div>
<div class="content">{body}</div><div><a href="#">阅读全文</a></div>
<div style="display:none" class="modal"><p>请扫码关注公众号</p></div>
<div class="foot">版权所有：青山镇人民政府</div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert "请扫码关注公众号" not in pt.read_document(path).text
