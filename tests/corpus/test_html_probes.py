"""Handmade pages in the layouts of party media, county organization departments and party WeChat accounts
(issue #19; ``data/probes/README.md``). What they showed: a page's 一审/二审/三审 sign-off stayed in the body, a
counter glued to the source (来源：某某镇点击：356), a WeChat article's 点击蓝字 关注我们 and END marks stayed, and
a header line that prints the date before its source (2023-05-12 08:35:12　来源：新华网) or sets its fields in
brackets (【来源：某某日报】【发布时间：…】) gave no fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import policytext as pt
from policytext.corpus.clean import clean_text, read_header_fields, speech_byline_cut
from policytext.corpus.html import _header_cut

PROBES = Path(__file__).parent / "data" / "probes"


def _read(name: str, encoding: str = "utf-8") -> pt.Document:
    raw = (PROBES / name).read_text(encoding="utf-8")
    if encoding != "utf-8":
        raw = raw.replace("charset=utf-8", f"charset={encoding}")
    return pt.read_document(raw.encode(encoding))


@pytest.mark.parametrize(
    ("name", "encoding", "title", "date", "source", "first", "last"),
    [
        (
            "party_media_people_style.html",
            "utf-8",
            "以高质量党建引领基层治理现代化",
            dt.date(2023, 5, 12),
            "人民网－中国共产党新闻网",
            "近年来，某某县坚持以党建引领基层治理",
            "不断提升基层治理体系和治理能力现代化水平。",
        ),
        (
            "party_media_12371_style.html",
            "utf-8",
            "某某市委组织部：“三个聚焦”推动年轻干部在基层一线成长成才",
            dt.date(2023, 6, 8),
            "共产党员网",
            "今年以来，某某市委组织部坚持把基层一线",
            "形成能上能下的鲜明导向。",
        ),
        (
            "county_department_table_layout.html",
            "gb2312",
            "某某县召开2023年度基层党建述职评议会议",
            dt.date(2024, 1, 19),
            "县委组织部",
            "1月18日，某某县召开2023年度乡镇党委书记",
            "县委常委、组织部部长王某某主持会议。",
        ),
        (
            "county_portal_br_paragraphs.html",
            "utf-8",
            "【主题教育】某某镇：“三学”并举推动主题教育走深走实",
            dt.date(2023, 9, 21),
            "某某镇",
            "主题教育开展以来，某某镇坚持把理论学习贯穿始终",
            "图为某某镇开展专题学习现场",
        ),
        (
            "county_media_video_article.html",
            "utf-8",
            "视频｜某某县：党员志愿服务暖民心",
            dt.date(2023, 3, 5),
            "某某县融媒体中心",
            "3月5日是第60个“学雷锋纪念日”",
            "开展志愿服务活动1200余场次。",
        ),
        (
            "wechat_party_account.html",
            "utf-8",
            "【组工动态】某某县：“党建+积分”激活乡村治理“一池春水”",
            dt.date(2023, 7, 5),
            "某某县委组织部",
            "今年以来，某某县坚持以党建为引领",
            "推动形成比学赶超的良好氛围。",
        ),
    ],
)
def test_probe_pages_read_whole_with_their_fields(name, encoding, title, date, source, first, last):
    doc = _read(name, encoding)
    assert doc.text.startswith(first) and doc.text.endswith(last)
    assert doc.meta["title"] == title and doc.meta["date"] == date and doc.meta["source"] == source
    chrome_words = ("一审", "点击蓝字", "END", "往期推荐", "责编", "责任编辑", "相关阅读", "热点推荐", "ICP备", "打印")
    chrome_words += ("加载中",)
    for chrome in chrome_words:
        assert chrome not in doc.text, chrome
    assert "编辑" not in doc.meta.get("author", "")


def test_a_county_departments_notice_gives_its_official_document_fields():
    doc = _read("county_department_notice.html")
    assert doc.text.startswith("各乡镇党委，县直各单位党组（党委），各党（工）委：")
    assert doc.text.endswith("中共某某县委组织部\n2023年11月20日")
    assert doc.meta["doc_number"] == "某组通〔2023〕45号" and doc.meta["issuer"] == "中共某某县委组织部"
    assert doc.meta["written_date"] == dt.date(2023, 11, 20) and doc.meta["date"] == dt.date(2023, 11, 21)
    assert doc.meta["recipients"] == "各乡镇党委，县直各单位党组（党委），各党（工）委"
    assert doc.meta["attachments"] == ["2023年度党员冬训工作安排表", "党员冬训情况统计表"]
    assert list(doc.sections["heading"]) == [
        "时间安排",
        "主要内容",
        "深入学习党的二十大精神",
        "深入学习新修订的《中国共产党纪律处分条例》",
        "工作要求",
    ]
    assert "联系人：张某 联系电话：0000-1234567" in doc.text.split("\n")  # the notice's own contact stays
    assert "附件下载" not in doc.text and "上一页" not in doc.text


def test_a_cadre_publicity_notice_keeps_its_table_and_its_reporting_channels():
    doc = _read("county_department_cadre_publicity.html")
    lines = doc.text.split("\n")
    for cell in ("张某某", "某某镇党委书记", "某某乡党委副书记、乡长候选人", "1988.07"):
        assert cell in lines
    assert "受理电话：0000-12380" in lines  # a publicity notice's channel for objections is its content
    assert lines[-2:] == ["中共某某县委组织部", "2023年6月1日"]
    assert doc.meta["issuer"] == "中共某某县委组织部" and doc.meta["written_date"] == dt.date(2023, 6, 1)


@pytest.mark.parametrize(
    "line",
    [
        "一审：张某　二审：李某　三审：王某",
        "点击蓝字 关注我们",
        "点击上方蓝字关注我们",
        "长按识别二维码关注",
        "识别二维码",
        "关注我们",
        "- END -",
        "点击：356",
        "视频加载中...",
        "上一篇文章：我县召开全县组织工作重点任务推进会",
        "您的浏览器不支持 video 标签。",
    ],
)
def test_page_furniture_lines_leave_the_body(line):
    body, _ = clean_text(f"标题\n正文第一段，说明情况。\n{line}\n正文第二段，继续说明。")
    assert line not in body.split("\n")
    assert "正文第一段，说明情况。" in body and "正文第二段，继续说明。" in body


@pytest.mark.parametrize(
    "line",
    [
        "END用户许可协议的条款已经更新。",  # a sentence that opens with the word
        "一审判决后，当事人提出上诉。",  # 一审 without a colon is the law's first instance
        "关注我们身边的榜样，学习他们的精神。",
    ],
)
def test_sentences_like_furniture_stay(line):
    body, _ = clean_text(f"标题\n正文第一段，说明情况。\n{line}\n正文第二段，继续说明。")
    assert line in body.split("\n")


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("2023-05-12 08:35:12　来源： 新华网", {"source": "新华网", "date": dt.date(2023, 5, 12)}),
        ("2023年5月12日 来源：某某网", {"source": "某某网", "date": dt.date(2023, 5, 12)}),
        (
            "【来源：某某日报】【发布时间：2023-04-01】【浏览：55次】",
            {"source": "某某日报", "date": dt.date(2023, 4, 1)},
        ),
        ("[作者：张三] [来源：某某县委组织部]", {"author": "张三", "source": "某某县委组织部"}),
        ("时间：2023-09-21 09:12来源：某某镇点击：356", {"date": dt.date(2023, 9, 21), "source": "某某镇"}),
        ("来源：巴彦淖尔日报 编辑：苏亮", {"source": "巴彦淖尔日报"}),
        ("来源:东方网 选稿：曾炟", {"source": "东方网"}),
        ("2020-02-29 18:34:31　来源: 新华社 举报", {"source": "新华社", "date": dt.date(2020, 2, 29)}),
        ("来源：鞭牛士 北京 举报", {"source": "鞭牛士"}),
        ("来源：中国新闻网 王帆", {"source": "中国新闻网"}),
        ("来源：人民日报2024-05-13 08:49", {"source": "人民日报", "date": dt.date(2024, 5, 13)}),
        ("来源：求是网参与互动", {"source": "求是网"}),
        ("来源：江西统计 公众号", {"source": "江西统计 公众号"}),  # a space inside a source is kept
        ("2023-05-12 会议讨论了来源：问题", {}),  # a date before words of the text: no header
        ("发布时间：二〇二三年五月十二日", {"date": dt.date(2023, 5, 12)}),
        ("发布于 2023-05-12", {"date": dt.date(2023, 5, 12)}),
        ("录入时间：2023-05-12 来源：县委组织部", {"date": dt.date(2023, 5, 12), "source": "县委组织部"}),
        ("信息时间：2023-05-12", {"date": dt.date(2023, 5, 12)}),
        ("发布时间：今天", {}),  # no date: none invented
        ("点击数：1263 更新时间：2024-4-18", {"date": dt.date(2024, 4, 18)}),  # an old CMS's only date
        ("2024年07月16日06:02 | 来源：人民网－人民日报", {"source": "人民网－人民日报", "date": dt.date(2024, 7, 16)}),
        ("来源：中央纪委国家监委网站 孙某某", {"source": "中央纪委国家监委网站"}),
        ("作者：王某 编辑：赵某", {"author": "王某"}),
        ("作者：zboygirl 阅读(1660) 评论(5)", {"author": "zboygirl"}),
        ("作者：某某 译：某某 2005年1月2日 虽然大概一两年前我还在谈论这件事。所以我把我的建议写下来，以供阅读。", {}),
    ],
)
def test_header_lines_give_their_fields_without_the_chrome_beside_them(line, fields):
    assert read_header_fields(line) == fields


def test_a_source_the_page_cut_short_leaves_room_for_the_whole_one():
    text = "【来源： 综合自学习强国、川观新闻、成都…】 发布日期：2023-07-19\n来源：学习强国、川观新闻、成都日报"
    assert read_header_fields(text)["source"] == "学习强国、川观新闻、成都日报"


def test_a_speechs_byline_goes_to_metadata():
    doc = _read("county_department_leader_speech.html", "gbk")
    assert doc.text.startswith("同志们：\n这次会议的主要任务是")
    assert doc.meta["speaker"] == "县委常委、组织部部长 李某某"
    assert doc.meta["written_date"] == dt.date(2023, 2, 10) and doc.meta["date"] == dt.date(2023, 2, 13)
    assert list(doc.sections["number"]) == ["一", "二"]


@pytest.mark.parametrize(
    ("lines", "kept_from", "fields"),
    [
        (["（2023年2月10日）", "县委书记 李某某", "同志们："], 2, {"speaker": "县委书记 李某某"}),
        (["（二〇二三年二月十日，某某）", "各位代表：", "现在，我代表县人民政府向大会报告工作。"], 1, {}),
        (["（2023年2月10日）", "会议由县长主持。"], 0, None),  # a day alone before a sentence: no byline
        (["县委书记 李某某", "同志们："], 0, None),  # a speaker without the day
        (["2月10日，县委书记李某某到某镇调研。", "（2023年2月10日）"], 0, None),
    ],
)
def test_a_speech_byline_is_a_speaker_and_a_day_in_brackets(lines, kept_from, fields):
    kept, found = speech_byline_cut(lines)
    assert kept == lines[kept_from:]
    if fields is None:
        assert found == {}
    else:
        assert {k: v for k, v in found.items() if k != "written_date"} == fields
        assert found["written_date"] == dt.date(2023, 2, 10)


def test_a_county_disclosure_page_gives_the_documents_fields_from_its_table():
    doc = _read("county_portal_disclosure_document.html")
    assert doc.text.startswith("各乡镇人民政府，县政府各部门：")
    assert doc.text.endswith("（二）加强基层政权治理能力建设。")
    assert doc.meta["doc_number"] == "某政办发〔2023〕21号" and doc.meta["issuer"] == "某某县人民政府办公室"
    assert doc.meta["written_date"] == dt.date(2023, 8, 15) and doc.meta["date"] == dt.date(2023, 8, 17)
    assert doc.meta["index_number"] == "000000000/2023-00123"


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("刘亚然：推动组织工作守正创新", "刘亚然"),  # an author's name before the title
        ("习近平：在全国政协新年茶话会上的讲话", "习近平"),
        ("某某县：党建引领基层治理见实效", None),  # a county, not an author: the most common local title
        ("市委组织部：“三个聚焦”推动年轻干部成长", None),
        ("城关镇：“三学”并举推动主题教育", None),
        ("保障对象：全县农村建档立卡贫困人口", None),  # a label
    ],
)
def test_a_name_before_the_title_is_the_author_only_when_it_is_a_persons(title, author):
    text = f"{title}\n今年以来，某某县坚持以党建引领基层治理，推动组织体系向基层延伸，把党的政治优势转化为治理效能。"
    meta = pt.read_document(text.encode("utf-8")).meta
    assert meta.get("author") == author
    assert meta["title"] == (title.split("：", 1)[1] if author else title)


def test_a_crawlers_labelled_text_file_gives_its_fields():
    text = (
        "标题：某某县召开2023年度基层党建述职评议会议\n发布时间：2024-01-19 16:42\n来源：县委组织部\n"
        "链接：http://www.example.gov.cn/gzdt/202401/t20240119_1.html\n正文：\n"
        "1月18日，某某县召开2023年度乡镇党委书记抓基层党建工作述职评议会议。县委书记李某某出席会议并讲话。\n"
    )
    doc = pt.read_document(text.encode("utf-8"))
    assert doc.text == text.split("正文：\n")[1].strip()
    assert doc.meta["title"] == "某某县召开2023年度基层党建述职评议会议" and "author" not in doc.meta
    assert doc.meta["url"] == "http://www.example.gov.cn/gzdt/202401/t20240119_1.html"
    assert doc.meta["date"] == dt.date(2024, 1, 19) and doc.meta["source"] == "县委组织部"


SCRIPTED_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>某某县：党建引领基层治理见实效_某某新闻</title></head>"
    "<body><div id='app'></div><script>window.__INITIAL_STATE__={'article':{'title':'某某县：党建引领基层治理见实效',"
    "'content':'<p>今年以来，某某县坚持以党建引领基层治理，推动组织体系向基层延伸。</p><p>全县整顿软弱涣散村党组织12个。</p>'}};"
    "</script>{noscript}</body></html>"
)


def test_a_page_whose_article_a_script_writes_in_is_never_read_silently():
    # the saved page shows only its notice to turn JavaScript on: a warning says why and what to do
    page = SCRIPTED_PAGE.replace("{noscript}", "<noscript>请开启JavaScript</noscript>")
    with pytest.warns(UserWarning, match="written in by JavaScript"):
        pt.read_document(page.encode("utf-8"))
    # without the notice nothing is left: the error names the file and the likely cause
    with pytest.raises(pt.errors.InputError, match=r"empty document.*scripts hold \d+ Chinese characters"):
        pt.read_document(SCRIPTED_PAGE.replace("{noscript}", "").encode("utf-8"))


def test_a_heading_set_over_two_lines_leaves_the_body_whole():
    doc = _read("county_department_two_line_heading.html")
    assert doc.text.startswith("各乡镇党委：\n现将《某某县村级党组织书记队伍建设三年行动计划")
    assert doc.meta["title"] == (
        "中共某某县委组织部关于印发《某某县村级党组织书记队伍建设三年行动计划（2023—2025年）》的通知"
    )
    # the attached plan's own heading, under the notice, stays: it is the plan's title, not the page's
    assert "某某县村级党组织书记队伍建设三年行动计划" in doc.text.split("\n")


@pytest.mark.parametrize(
    "lines",
    [
        ["关于印发《某某县村级党组织书记", "队伍建设三年行动计划》的通知", "各乡镇党委：", "现将计划印发给你们。"],
        ["队伍建设三年行动计划》的通知", "各乡镇党委：", "现将计划印发给你们。"],  # the extractor took the first line
    ],
)
def test_the_lines_of_a_two_line_heading_are_cut(lines):
    kept, _ = _header_cut(lines, "关于印发《某某县村级党组织书记队伍建设三年行动计划》的通知")
    assert kept == ["各乡镇党委：", "现将计划印发给你们。"]


def test_a_line_that_ends_like_the_title_below_the_first_paragraph_stays():
    lines = ["今年以来，全县上下认真贯彻落实党中央决策部署，取得明显成效。", "队伍建设三年行动计划》的通知"]
    kept, _ = _header_cut(lines, "关于印发《某某县村级党组织书记队伍建设三年行动计划》的通知")
    assert kept == lines


@pytest.mark.parametrize("byline", ["□ 本报记者 张三", "■记者 张三", "文图/张三", "图文/张三 李四", "文/张三 图/李四"])
def test_a_byline_above_the_article_is_not_body(byline):
    first = "今年以来，某某县坚持以党建引领基层治理，推动组织体系向基层延伸，把党的政治优势转化为治理效能。"
    page = (
        "<html><head><title>某某县：党建引领基层治理见实效</title></head><body><h1>某某县：党建引领基层治理见实效</h1>"
        f"<div class='content'><p>{byline}</p><p>{first}</p>"
        "<p>全县整顿软弱涣散村党组织12个，选优配强村党组织书记，推动基层党组织全面进步。</p></div></body></html>"
    )
    assert pt.read_document(page.encode("utf-8")).text.startswith(first)


@pytest.mark.parametrize(
    ("line", "heading"), [("举报/评论", True), ("评论 5", True), ("评论（12）", True), ("评论员文章", False)]
)
def test_a_self_media_pages_comment_bar_ends_the_article(line, heading):
    from policytext.corpus.html import _is_tail_heading

    assert _is_tail_heading(line) is heading
