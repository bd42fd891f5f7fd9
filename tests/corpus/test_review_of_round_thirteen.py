"""A late review of the rules of round thirteen (``test_blind_round_thirteen_rules.py``): six kinds of page that the
first version read wrong, rebuilt here by hand from the review's report. A short title gives way to the heading over
the dateline only where it is no heading of the page's own; a topic's banner is no heading in a ``<meta>`` title; a
mobile page's fold is shown only under a button, and only its first block."""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from policytext.corpus.html import _folded_text_shown, _heading_over_dateline, _title_among

PARAS = [
    "连日来，青山县各乡镇抢抓农时，组织农户开展春耕备耕，田间地头处处是忙碌的身影。",
    "县农业农村局组织农技人员深入田间，指导农户科学选种、测土配方施肥，确保春播工作有序推进。",
    "下一步，青山县将持续做好农资供应和技术服务，为全年粮食丰收打下坚实基础。",
]
SHORT = "春耕备耕忙"


def _page(title: str, head: str, tmp_path: Path, meta: str = "") -> pt.Document:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>
<div class="top">欢迎访问青山县人民政府网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bmdt">部门动态</a></li></ul>
<div class="crumb">当前位置：首页 &gt; 部门动态</div>
{head}
<div class="content">{body}</div>
<div class="foot">版权所有：青山县人民政府　网站标识码：4300000001</div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    return pt.read_document(path)


DATELINE = '<div class="info">发布时间：2025-03-20 来源：青山县农业农村局</div>'


@pytest.mark.parametrize(
    "heading",
    [
        f'<h1><a href="/art/2025/3/20/art_1.html">{SHORT}</a></h1>',  # a heading set as a link to its own page
        f"<h1>【图文】{SHORT}</h1>",  # a heading with a tag
    ],
)
@pytest.mark.parametrize("subtitle", ["青山县各地抢抓农时推进春耕生产", "——青山县各地抢抓农时推进春耕生产"])
def test_a_short_heading_of_the_page_keeps_the_title_over_its_subtitle(tmp_path, heading, subtitle):
    doc = _page(f"{SHORT}_青山县人民政府", f'{heading}<div class="ft">{subtitle}</div>{DATELINE}', tmp_path)
    assert doc.meta["title"] == SHORT
    assert doc.text.split("\n")[0] == PARAS[0]


def test_a_short_heading_far_above_the_dateline_keeps_the_title(tmp_path):
    # a single page's heading (学校简介), a list of its column's links, and a promotion line right over the dateline
    links = "".join(f'<li><a href="/x{i}">栏目链接第{i}项</a></li>' for i in range(12))
    head = (
        f'<h1>学校简介</h1><ul class="sub">{links}</ul><div class="promo">2025年青山中学招生简章已正式发布</div>'
        '<div class="info">发布时间：2025-03-01 浏览次数：120</div>'
    )
    assert _page("学校简介_青山中学", head, tmp_path).meta["title"] == "学校简介"


def test_a_sites_name_as_heading_still_gives_way(tmp_path):
    # the site's name set as <h1> (its logo) and as <title>: the heading over the dateline is the title
    head = f'<h1 class="logo">青山县人民政府</h1><div class="tt">青山县各地抢抓农时推进春耕生产</div>{DATELINE}'
    assert _page("青山县人民政府", head, tmp_path).meta["title"] == "青山县各地抢抓农时推进春耕生产"


def test_a_speakers_line_without_a_space_is_no_heading():
    never = lambda s: False  # noqa: E731
    for line in ("青山县人民政府县长郑国栋", "中共青山县委书记王建华", "县委常委、组织部部长刘志强"):
        assert _heading_over_dateline([line, "2025-06-03 来源：青山镇"], never) is None
    # a heading that names a river after 长 is still one
    assert _heading_over_dateline(["青山县全力护航长江安澜", "2025-06-03 来源：青山镇"], never) is not None


def test_a_topics_banner_first_in_a_meta_title_is_no_heading(tmp_path):
    heading = "青山县召开党史学习教育动员大会"
    # the last word of the <meta> title is the heading; the first, the <h1>, is a topic's banner
    assert _title_among(f"党史学习教育专题 {heading}", "党史学习教育专题", f"{heading}_青山县人民政府") == heading
    assert _title_among(f"党史学习教育专题 {heading}", "党史学习教育专题") != "党史学习教育专题"
    # a heading with its subtitle after a dash: the heading
    assert _title_among(f"{heading} ——以学促干开新局", heading) == heading
    banner = '<div class="zt"><h1 class="zt-name">党史学习教育专题</h1></div>'
    head = f'{banner}<h2 class="zt-title">{heading}</h2>{DATELINE}'
    for og in (f"党史学习教育专题 {heading}", "党史学习教育专题"):
        meta = f'<meta property="og:title" content="{og}">'
        assert _page(f"{heading}_青山县人民政府", head, tmp_path, meta).meta["title"] == heading


PROSE = "<p>" + "新建的十所公办幼儿园全部投入使用，全县新增学位二千七百个。" * 3 + "</p>"
DIALOG = "<p>" + "请使用手机扫描二维码下载青山融媒客户端，阅读更多本地新闻资讯，参与互动赢取好礼。" * 2 + "</p>"


def test_a_teasers_link_is_no_fold_button():
    page = f'<a href="/news/2.html">阅读全文</a><div class="hide-part">{PROSE}</div>'
    assert _folded_text_shown(page) == page


def test_only_the_first_block_under_a_fold_button_is_shown():
    page = (
        f'<div class="more"><span>展开全文</span><i class="arrow hide"></i></div><div class="hide-part">{PROSE}</div>'
        f'<div class="share" style="display:none">{DIALOG}</div>'
    )
    shown = _folded_text_shown(page)
    assert 'class="hide-part"' not in shown and "display:none" in shown
    assert 'class="arrow hide"' in shown  # (an empty element is passed over, left as it is)
    # a button that is a link to nowhere (javascript:, #) is a button
    button = f'<a href="javascript:void(0)">展开全文</a><div style="display:none">{PROSE}</div>'
    assert "display:none" not in _folded_text_shown(button)
