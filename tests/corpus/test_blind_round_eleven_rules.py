"""Rules from the eleventh blind round (``data/probes_blind_11``): a print view (打印页面) whose heading, date and
source stand in a small table over the article, the labels spaced out as table cells set them (日　　期：); and, after
it, round nine's and round ten's expected failures: a letter record's page (市长信箱), a 专题 page's banner, a sidebar
box's paragraph."""

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


def test_a_date_cell_of_an_articles_own_table_is_no_publication_date(tmp_path):
    # a 会议通知's table (日期： | 2025年2月20日) under a header line that prints the publication date (a review's case)
    assert "date" not in page_fields("<table><tr><td>日　　期：</td><td>2025-08-22</td></tr></table>")
    page = _print_page().replace(
        "<div>一、提高思想认识</div>",
        "<table><tr><td>日期：</td><td>2025年9月1日</td><td>地点：</td><td>市农业农村局三楼</td></tr></table>"
        "<div>一、提高思想认识</div>",
    )
    path = tmp_path / "print.html"
    path.write_text(page, encoding="utf-8")
    assert pt.read_document(path).meta["date"] == dt.date(2025, 8, 22)


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


# --- a letter record's page (市长信箱, 留言板), set as a table of labels and values (round nine's expected failure) ---

LETTER = "市长您好！我是某某小区的居民。小区门口的路灯坏了三个多月，晚上出行很不方便，希望尽快修复。"
REPLY = [
    "张先生：",
    "您好！您反映的路灯问题收悉。经现场核实，我局已于5月20日更换损坏灯具3盏，目前已恢复照明。感谢您的监督！",
]


def _letter_page(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td class='lab'>{label}</td><td>{value}</td></tr>" for label, value in rows)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>市长信箱-信件详情-某某市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/hd">互动交流</a> <a href="/szxx">市长信箱</a></div>
<div class="crumb">当前位置：首页 &gt; 互动交流 &gt; 市长信箱 &gt; 信件详情</div>
<h2>关于某某小区门口路灯损坏的反映</h2><div class="info">发布日期：2025-05-22　浏览次数：88</div>
<table class="letter">{cells}</table>
<div class="tip">温馨提示：市长信箱不受理涉法涉诉事项，紧急求助请拨打110。</div>
<div class="foot">主办：某某市人民政府办公室　版权所有：某某市人民政府　某ICP备05001234号</div></body></html>"""


LETTER_ROWS = [
    ("信件编号", "SZXX20250512-0402"),
    ("写信人", "张**"),
    ("写信时间", "2025-05-12 09:30:11"),
    ("信件标题", "关于某某小区门口路灯损坏的反映"),
    ("信件内容", f"<p>{LETTER}</p>"),
    ("办理单位", "某某市城市管理局"),
    ("回复时间", "2025-05-21 15:02:40"),
    ("回复内容", "".join(f"<p>{p}</p>" for p in REPLY) + "<p>某某市城市管理局</p><p>2025年5月21日</p>"),
    ("群众评价", "满意"),
]


def test_a_letter_record_reads_the_letter_and_the_reply_as_the_body(tmp_path):
    path = tmp_path / "letter.html"
    path.write_text(_letter_page(LETTER_ROWS), encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.text.split("\n") == [LETTER, *REPLY, "某某市城市管理局", "2025年5月21日"]
    assert doc.meta["title"] == "关于某某小区门口路灯损坏的反映"
    assert doc.meta["date"] == dt.date(2025, 5, 22)
    assert doc.meta["record"]["办理单位"] == "某某市城市管理局"
    assert doc.meta["record"]["写信人"] == "张**"


def test_a_table_of_labels_that_names_no_letter_is_no_letter_record():
    from policytext.corpus.html import _letter_record_cut

    # a 公示's card: 标题, 内容, 类型, 编号 but no letter or reply
    rows = ["编号", "GS-2025-01", "类型", "公示", "标题", "拟表彰人选公示", "内容", "经研究，拟表彰以下同志。"]
    assert _letter_record_cut(rows) == (rows, {})
    # three labels only
    rows = ["写信人", "王**", "信件标题", "关于路灯的反映", "信件内容", "路灯坏了。"]
    assert _letter_record_cut(rows) == (rows, {})
    # labels far down the text (a letter quoted inside an article) are not the page's record
    article = ["某某市城市管理局近日回应群众来信。"] * 13 + [
        "写信人",
        "王**",
        "信件编号",
        "1",
        "信件标题",
        "路灯",
        "信件内容",
        "坏了。",
    ]
    assert _letter_record_cut(article) == (article, {})


def test_a_banner_bearing_the_topic_name_is_no_heading_image(tmp_path):
    # a 专题 page: its banner's alt text is the topic's name, which is also the <title>; the heading printed above the
    # article's date line is the title (round ten's expected failure)
    heading = "市直机关工委举办学习贯彻全会精神专题读书班"
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>学习贯彻全会精神专题 - 专题专栏 - 某某机关党建网</title></head><body>
<div class="banner"><img src="/zt/images/banner.jpg" alt="学习贯彻全会精神专题"></div>
<div class="nav"><a href="/">网站首页</a><a href="/zt">专题首页</a><a href="/zt/gzdt">工作动态</a></div>
<div class="box"><h3>工作动态</h3><a href="/zt/gzdt">更多&gt;&gt;</a>
<h2><a href="/zt/gzdt/t1.html">{heading}</a></h2><p class="info">发布日期：2025-11-13　来源：市直机关工委</p>
<div class="txt"><p>11月10日至12日，市直机关工委举办学习贯彻全会精神专题读书班，共146人参加学习。</p>
<p>读书班采取专题辅导、集中研讨、交流发言、个人自学相结合的方式进行，分6个小组开展集中研讨。</p>
<p>结业式上，6个部门的学员代表作交流发言，大家一致表示将把学习成果体现到做好本职工作上。</p></div></div>
<div class="foot">版权所有：某某市直机关工委　某ICP备05001234号</div></body></html>"""
    path = tmp_path / "zt.html"
    path.write_text(page, encoding="utf-8")
    assert pt.read_document(path).meta["title"] == heading
    # the same picture without the banner's name is a heading shown as a picture: the <title>'s heading stays
    path.write_text(page.replace("banner.jpg", "t20251113.jpg").replace('class="banner"', ""), encoding="utf-8")
    assert pt.read_document(path).meta["title"] == "学习贯彻全会精神专题"


# --- a sidebar box's paragraph kept after the article without its heading (round nine's expected failure) ---

TIP = "各支部应于每月25日前上传本月三会一课记录及影像资料，支委会每月至少召开1次。"
ARTICLE = [
    "3月28日，机关第二党支部召开党员大会，支部全体党员参加会议，支部书记陈某某主持会议。",
    "会议传达学习了上级有关文件精神，讨论接收赵某某同志为中共预备党员，并研究了主题党日活动安排。",
    "会议于16时30分结束。",
]


def _sidebar_page(heading: str = "工作提示", with_links: bool = True) -> str:
    links = "".join(f"<li><a href='/d/{i}'>第{i}党支部{i}月份党小组会记录</a></li>" for i in range(1, 5))
    side = (f"<div class='side'><h3>三会一课</h3><ul>{links}</ul></div>" if with_links else "") + (
        f"<div class='side'><h3>{heading}</h3><p>{TIP}</p></div>"
    )
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>第二党支部3月份党员大会记录-机关党建</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/shkyk">三会一课</a></div>
<div class="row"><div class="col-md-9"><h1>第二党支部3月份党员大会记录</h1><p class="info">发布时间：2025-04-02</p>
<div class="content">{body}</div></div><div class="col-md-3">{side}</div></div>
<div class="foot">版权所有：某某市财政局机关党委　某ICP备05001234号</div></body></html>"""


def test_a_sidebar_paragraph_under_its_heading_after_a_link_list_is_cut():
    from policytext.corpus.html import _han_key, _sidebar_box_cut, body_text

    page = _sidebar_page()
    page_lines = body_text(page).split("\n")
    keys = [_han_key(x) for x in page_lines]
    links = {_han_key(f"第{i}党支部{i}月份党小组会记录") for i in range(1, 5)}
    assert _sidebar_box_cut([*ARTICLE, TIP], page_lines, keys, lambda s: _han_key(s) in links) == ARTICLE


def test_a_last_paragraph_under_the_articles_own_heading_stays():
    from policytext.corpus.html import _han_key, _sidebar_box_cut, body_text

    # the heading is the article's (in the text), or no link list stands above it
    links = {_han_key(f"第{i}党支部{i}月份党小组会记录") for i in range(1, 5)}
    for page, lines in (
        (_sidebar_page(), [*ARTICLE, "工作提示", TIP]),
        (_sidebar_page(with_links=False), [*ARTICLE, TIP]),
    ):
        page_lines = body_text(page).split("\n")
        keys = [_han_key(x) for x in page_lines]
        assert _sidebar_box_cut(lines, page_lines, keys, lambda s: _han_key(s) in links) == lines
