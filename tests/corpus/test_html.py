"""Web pages read whole: the article (not the menu), the title and dates the page prints, the gov.cn
metadata table, chrome gone; the related-articles rule only ends the body after the body."""

from __future__ import annotations

import datetime as dt
import importlib
import re

import pytest

import policytext as pt
from policytext.corpus.clean import clean_text
from policytext.corpus.html import extract_html, html_to_text, page_fields
from policytext.errors import MissingExtraError

HAN = re.compile(r"[\u4e00-\u9fff]")


def han(s: str) -> str:
    return "".join(HAN.findall(s))


def _date(s: str) -> dt.date:
    return dt.date(*map(int, re.findall(r"\d+", s)))


@pytest.fixture(scope="module")
def gov_pages(corpus_dir, manifest):
    pages = [m for m in manifest if m["path"].startswith("html_pages/gov_cn/")]
    return [(m, pt.read_document(corpus_dir / m["path"])) for m in pages]


def test_gov_cn_pages_print_what_the_manifest_says(gov_pages):
    assert len(gov_pages) == 20
    for m, doc in gov_pages:
        where = m["path"]
        assert han(m["first_sentence"]) in han(doc.text), where
        assert han(m["last_sentence"]) in han(doc.text), where
        assert doc.meta["title"] == m["title"], where
        assert doc.meta["doc_number"] == m["doc_number"], where
        assert doc.meta["issuer"] == m["issuing_body"], where
        assert doc.meta["written_date"] == _date(m["written_date"]), where
        assert doc.meta["date"] == _date(m["published_date"]), where
        assert doc.meta["year"] == doc.meta["date"].year
        assert doc.meta["index_number"] == m["index_number"], where


def test_gov_cn_pages_lose_table_chrome_and_title(gov_pages):
    for m, doc in gov_pages:
        for chrome in ("扫一扫", "索引号", "索 引 号", "主题分类", "发文字号：", "<", "打印", "关闭"):
            assert chrome not in doc.text, (m["path"], chrome)
        # the title set over several centred lines above the text is not left in the body
        first = han(doc.text.split("\n")[0])  # (no line of the title, nor the title split over lines)
        assert not (han(m["title"]).startswith(first) or han(m["title"]).endswith(first)), m["path"]
        assert "<div" in doc.raw  # the raw page is kept


def test_gov_cn_body_keeps_paragraph_breaks(gov_pages):
    by_name = {m["path"].rsplit("/", 1)[-1]: doc for m, doc in gov_pages}
    doc = by_name["govcn_000014349_2018-00221.html"]
    lines = doc.text.split("\n")
    assert lines[0] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    assert lines[1].startswith("政务新媒体是移动互联网时代") and lines[1].endswith("。")
    assert "一、总体要求" in lines
    assert doc.meta["recipients"] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"


def test_other_sites(corpus_dir, manifest):
    pages = {m["path"].rsplit("/", 1)[-1]: m for m in manifest if m["path"].startswith("html_pages/other_sites/")}
    for name, m in pages.items():
        doc = pt.read_document(corpus_dir / m["path"])
        assert doc.meta["title"] == m["title"], name
        first = re.search(r"First sentence: “(.*?)”", m["notes"]).group(1).split("……")[0]
        last = re.search(r"Last sentence: “(.*?)”", m["notes"]).group(1).split("……")[-1]
        assert han(first) in han(doc.text) and han(last) in han(doc.text), name
        for chrome in ("版权所有", "ICP备", "公网安备", "技术支持", "<!--", "DOCTYPE", "首页", "浏览次数"):
            assert chrome not in doc.text, (name, chrome)
    wanzai = pt.read_document(corpus_dir / pages["wanzai_gov_2022_tjgb.html"]["path"])
    assert wanzai.meta["date"] == dt.date(2023, 8, 16)  # <meta name="PubDate">, as the notes say
    assert wanzai.meta["source"] == "万载县统计局"
    nju = pt.read_document(corpus_dir / pages["nju_itsc_zhihui_dangjian_training.html"]["path"])
    assert nju.meta["date"] == dt.date(2021, 4, 9)  # 发布时间：2021-04-09 above the article
    assert "培训会现场" in nju.text  # a caption inside the article stays


SIDEBAR_PAGE = """<!DOCTYPE html>
<html><head><title>关于做好基层党建工作的通知_某某县人民政府</title>
<meta name="PubDate" content="2023-03-01 09:00"></head>
<body><!--startprint--><div class="nav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">政策解读</a></div>
<div class="side"><h3>推荐阅读</h3><ul><li><a href="/x">某某县召开会议</a></li>
<li><a href="/y">某某县开展活动</a></li></ul></div>
<div class="main"><h1>关于做好基层党建工作的通知</h1><p>发布时间：2023-03-02 来源：县委组织部</p>
<div class="article"><p>各乡镇党委：</p>
<p>为深入贯彻落实党的二十大精神，进一步加强基层党组织建设，现就有关事项通知如下。</p>
<p>一、提高政治站位</p><p>各级党组织要把基层党建工作摆在突出位置，切实担负起主体责任，确保各项任务落到实处。</p>
<p>二、压实工作责任</p><p>党组织书记要履行第一责任人职责，亲自研究部署，定期听取汇报，推动工作落实见效。</p>
</div></div><!--endprint-->
<div class="footer">版权所有：某某县人民政府 ICP备12345678号 公网安备 3609220011号</div></body></html>"""


def test_sidebar_heading_before_the_article_does_not_end_the_body():
    doc = pt.read_document(SIDEBAR_PAGE.encode("utf-8"))
    assert "各级党组织要把基层党建工作摆在突出位置" in doc.text
    assert doc.text.rstrip().endswith("推动工作落实见效。")
    assert doc.meta["title"] == "关于做好基层党建工作的通知"
    assert doc.meta["date"] == dt.date(2023, 3, 2)  # printed above the article, before the <meta>
    assert doc.meta["source"] == "县委组织部"
    for chrome in ("版权所有", "ICP备", "公网安备", "首页", "推荐阅读", "endprint"):
        assert chrome not in doc.text


def test_related_articles_after_the_body_still_end_it():
    text = "标题在此\n正文第一段，说明了相关情况，内容较为充实。\n正文第二段，继续说明了更多情况。\n"
    text += "相关阅读\n某某县召开会议\n某某县开展活动"
    body, _ = clean_text(text)
    assert body.endswith("继续说明了更多情况。") and "某某县召开会议" not in body


def test_sidebar_block_before_the_body_is_passed_over():
    text = "推荐阅读\n某某县召开会议\n某某县开展活动\n"
    text += "正文第一段，说明了相关情况，内容较为充实。\n正文第二段，继续说明了更多情况。"
    body, _ = clean_text(text)
    assert "正文第一段" in body and body.endswith("继续说明了更多情况。")


def test_html_to_text_blocks_entities_and_comments():
    assert html_to_text("<!-- x --><p>一段&amp;二段</p><br>三<script>var a=1;</script>") == "一段&二段\n三"


def test_page_fields_read_the_gov_cn_table(corpus_dir):
    page = (corpus_dir / "html_pages/gov_cn/govcn_000014349_1996-00077.html").read_text(encoding="utf-8")
    f = page_fields(page)
    assert f["doc_number"] == "国办发〔1996〕25号"
    assert f["issuer"] == "国务院办公厅、中央军委办公厅"
    assert f["written_date"] == dt.date(1996, 6, 29) and f["date"] == dt.date(2018, 12, 24)


def test_no_date_is_invented():
    body = "坚持稳中求进，推动高质量发展。" * 5
    page = f"<html><head><title>通知_网站</title></head><body><div><p>{body}</p></div></body></html>"
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.meta["date"] is None and "year" not in doc.meta


def test_missing_trafilatura_names_the_extra(monkeypatch):
    real = importlib.import_module

    def fake(name, *a, **k):
        if name == "trafilatura":
            raise ImportError("no trafilatura")
        return real(name, *a, **k)

    monkeypatch.setattr(importlib, "import_module", fake)
    page = "<html><body><p>" + "坚持稳中求进，推动高质量发展。" * 5 + "</p></body></html>"
    with pytest.raises(MissingExtraError, match=r"policytext\[html\]"):
        extract_html(page, "page.html")


def test_trafilatura_path_for_pages_without_a_known_container():
    text, meta = extract_html(SIDEBAR_PAGE, "page.html")
    assert meta["extraction"] == "trafilatura"
    assert "各级党组织要把基层党建工作摆在突出位置" in text


def test_site_chrome_lines_go_on_the_trafilatura_path():
    body = "".join(
        f"<p>第{i}段：各级党组织要把基层党建工作摆在突出位置，切实担负起主体责任，确保任务落实。</p>" for i in range(6)
    )
    page = (
        "<html><body><article><h1>关于做好基层党建工作的通知</h1>"
        + body
        + "<p>扫一扫在手机打开当前页</p><p>【打印】【关闭】</p></article>"
        "<footer><p>版权所有：某某县人民政府 技术支持：某某县信息中心</p>"
        "<p>赣ICP备12345678号 赣公网安备 36092202000123号</p>"
        "</footer></body></html>"
    )
    _, meta = extract_html(page, "p.html")
    assert meta["extraction"] == "trafilatura"
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.text.count("\n") == 5 and doc.text.endswith("确保任务落实。")
    for chrome in ("扫一扫", "打印", "关闭", "版权所有", "ICP", "公网安备", "技术支持"):
        assert chrome not in doc.text
    assert doc.meta["title"] == "关于做好基层党建工作的通知"


def test_news_style_dateline_above_the_article():
    body = "".join(
        f"<p>第{i}段：国务院常务会议部署推进有关工作，要求各地区各部门抓好落实，确保取得实效。</p>" for i in range(5)
    )
    page = (
        "<html><head><title>李强主持召开国务院常务会议_滚动新闻_中国政府网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a></div><h1>李强主持召开国务院常务会议</h1>"
        "<div class='pages-date'>2023-04-07 18:30 来源： 新华社</div>"
        f"<div class='pages_content' id='UCAP-CONTENT'>{body}</div></body></html>"
    )
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.meta["date"] == dt.date(2023, 4, 7)
    assert doc.meta["source"] == "新华社"
    assert doc.meta["title"] == "李强主持召开国务院常务会议"
    assert doc.text.startswith("第0段") and "2023-04-07" not in doc.text


def test_metadata_set_out_as_label_lines():
    body = "".join(
        f"<p>第{i}条：各地区各部门要加强组织领导，完善工作机制，抓好贯彻落实，确保政策取得实效。</p>" for i in range(5)
    )
    page = (
        "<html><body><div class='xxgk'><dl>"
        "<dd><label>索 引 号：</label><div>11100000MB0143028R/2023-00123</div></dd>"
        "<dd><label>发布机构：</label><div>国家发展和改革委员会</div></dd>"
        "<dd><label>文　　号：</label><div>发改高技〔2023〕123号</div></dd>"
        "<dd><label>成文日期：</label><div>2023年01月20日</div></dd>"
        "<dd><label>发布日期：</label><div>2023-02-01</div></dd>"
        "</dl></div><h1>关于推动某项工作的通知</h1>"
        f"<div class='TRS_Editor'>{body}</div></body></html>"
    )
    doc = pt.read_document(page.encode("utf-8"))
    assert doc.meta["issuer"] == "国家发展和改革委员会"
    assert doc.meta["doc_number"] == "发改高技〔2023〕123号"
    assert doc.meta["index_number"] == "11100000MB0143028R/2023-00123"
    assert doc.meta["written_date"] == dt.date(2023, 1, 20)
    assert doc.meta["date"] == dt.date(2023, 2, 1)
    assert doc.meta["title"] == "关于推动某项工作的通知"
    assert doc.text.startswith("第0条")
