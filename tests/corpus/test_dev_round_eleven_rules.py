"""Rules from round eleven of the development set (real pages of school sites and the 中央纪委 site,
``tests/data/reading_dev/pages.jsonl`` ids ``r11_*``), each on a handmade page: a kicker in a ``<meta>`` title's markup,
a site's name in the middle of the ``<title>`` set as ``<h1>``, a name and a date under the heading, a source's byline,
paragraphs printed twice that the extractor keeps once, a list the text announces with a colon."""

from __future__ import annotations

import datetime as dt

import policytext as pt

PARAS = [
    "2012年12月4日，中共中央政治局审议通过关于改进工作作风、密切联系群众的八项规定，至今已十二年。",
    "十二年来，以习近平同志为核心的党中央始终把贯彻执行中央八项规定精神、加强作风建设放在突出位置。",
    "激浊扬清，久久为功。新征程上，要驰而不息正风肃纪，将作风建设引向深入，为强国建设提供坚强保障。",
]


def _read(tmp_path, page: str) -> pt.Document:
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    return pt.read_document(path)


def test_a_kicker_in_the_meta_titles_markup_is_not_the_title(tmp_path):
    # (the kicker set in 楷体, as the 中央纪委 site sets it)
    meta = "&lt;p&gt;&lt;span style=&quot;font-family: 楷体, SimKai;&quot;&gt;"
    meta += "写在中央八项规定出台12周年之际&lt;/span&gt;&lt;/p&gt;"
    meta += "&lt;p&gt;不松劲 不停步 再出发&lt;/p&gt;"
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>不松劲 不停步 再出发——头条——某某网站</title>
<meta name="ArticleTitle" content="{meta}"><meta name="PubDate" content="2024-12-04 06:30"></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/tt">头条</a></div>
<div class="tit"><p>写在中央八项规定出台12周年之际</p>
<p>不松劲 不停步 再出发</p></div><div class="info">来源：某某网站 发布时间：2024-12-04 06:30</div>
<div class="content"><p>某某网站 曹溢 陆丽环</p>{body}</div><div class="foot">版权所有：某某网站</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.meta["title"] == "不松劲 不停步 再出发"
    # and the byline naming the page's source and its writers is no body
    assert doc.text.split("\n")[0] == PARAS[0]
    assert doc.meta["author"] == "曹溢 陆丽环"


def test_a_sites_name_in_the_title_set_as_h1_gives_way_to_the_heading_and_a_name_date_line_dates_it(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>我校党委2009年纪检工作总结_深圳中学_建设学术性高中</title></head><body>
<div class="logo"><h1>深圳中学</h1></div><div class="nav"><a href="/">首页</a><a href="/dw">党委办公室</a></div>
<div class="crumb">首页 &gt;&gt; 党委办公室 &gt;&gt; 计划总结 &gt;&gt; 正文</div>
<div class="tt">我校党委2009年纪检工作总结</div><div class="info">深圳中学 2009-12-17 点击次数:</div>
<div class="content">{body}</div><div class="foot">版权所有：深圳中学</div></body></html>"""
    doc = _read(tmp_path, page)
    assert doc.meta["title"] == "我校党委2009年纪检工作总结"
    assert doc.meta["date"] == dt.date(2009, 12, 17)


def test_paragraphs_printed_again_inside_the_article_are_kept_in_their_place(tmp_path):
    # two rules issued together whose last articles read the same: trafilatura keeps each paragraph once
    same = [
        "第十三条 省级教育行政部门应当结合当地实际情况制定实施细则，并报备案。",
        "第十四条 本办法自发布之日起施行。",
    ]
    first = [
        "附件3：中小学教师违反职业道德行为处理办法",
        "第一条 为规范教师职业行为，保障教师、学生的合法权益，制定本办法。",
        *same,
    ]
    second = [
        "附件4：幼儿园教师违反职业道德行为处理办法",
        "第一条 为规范幼儿园教师职业行为，保障幼儿的合法权益，制定本办法。",
        *same,
    ]
    body = "".join(f"<p>{p}</p>" for p in [*PARAS, *first, *second])
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于学习有关办法的通知</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/dj">党建</a></div><h1>关于学习有关办法的通知</h1>
<div class="info">发布日期：2018-12-25</div><div class="content">{body}</div><div>分享到：</div><div>相关信息</div>
<div class="foot">版权所有：某某中学</div></body></html>"""
    doc = _read(tmp_path, page)
    lines = doc.text.split("\n")
    assert lines.count(same[0]) == 2 and lines.count(same[1]) == 2
    assert lines[-1] == same[1]
    # a table of contents of the text's own headings, printed again above it, is not put back
    from policytext.corpus.html import _han_key, _repeated_lines_restored

    toc = ["第一章 总则", "第二章 处理"]
    page_lines = [PARAS[0], *toc, PARAS[1], *toc]
    text = "\n".join([PARAS[0], PARAS[1], *toc])
    assert _repeated_lines_restored(text, page_lines, [_han_key(x) for x in page_lines]) == text


def test_a_list_the_text_announces_with_a_colon_is_taken_from_the_page():
    from policytext.corpus.html import _continued_after_colon, _han_key

    lead = "第十二条 主管部门不履行师德师风建设管理职责，有下列情形的，应当严肃追究相关人员的责任："
    items = ["（一）日常教育督导不到位；", "（二）处置不力的。", "第十三条 本办法自发布之日起施行。"]
    page = [lead, *items, "分享到：", "相关信息"]
    assert _continued_after_colon([PARAS[0], lead], page, [_han_key(x) for x in page]) == items
    # a text that ends with a sentence is complete
    assert _continued_after_colon([PARAS[0], items[-1]], page, [_han_key(x) for x in page]) == []
