"""Web pages as saved in the wild (issue #19): a stray control byte or a broken multibyte character in a GBK
page, GBK's A3A0 space, a page saved without ``<html>``/``<body>``, a whole article on a 作者： line, a date
stamped after a portal's name; and the score on an external gold that policytext was not built on (the CWCE
dataset's 69 hand-copied pages, read from a local mirror)."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import policytext as pt
from helpers.html_scoring import (
    MIRROR_REASON,
    cwce_available,
    cwce_pages,
    fixture_pages,
    fixture_pages_available,
    magic_available,
    magic_pages,
    precision_recall,
    score_cwce,
)
from policytext.corpus.clean import decode_markup_bytes
from policytext.errors import DecodeError

PARAGRAPHS = [
    "承蒙各位的邀请，很高兴入住这个社区，今后这里的文章将集中在软件开发的两个方面。",
    "简单介绍一下我的情况，在框架刚刚推出之时，我曾为杂志写过一个专栏，也翻译了两本书。",
    "目前我在上海一家信息科技公司担任软件架构师，业余时间写作一本关于组件程序设计的书。",
]


def _gbk_page(body: str, declared: str = "gb2312") -> bytes:
    head = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"><title>某某</title>'
    return (head + "</head><body>" + body + "</body></html>").encode("gb18030")


def test_a_stray_control_byte_in_a_page_is_dropped_with_a_warning():
    page = _gbk_page("<p>" + "</p><p>".join(PARAGRAPHS) + "</p>").replace(b"<title>", b"<title>\x02")
    with pytest.warns(UserWarning, match="1 undecodable, control or private-use"):
        text, enc = decode_markup_bytes(page, "page.html")
    assert enc == "gb18030" and "\x02" not in text and PARAGRAPHS[0] in text


def test_a_broken_multibyte_character_becomes_a_replacement_character():
    good = _gbk_page("<p>" + "</p><p>".join(PARAGRAPHS * 3) + "</p>")
    cut = good.index("架构师".encode("gb18030"))
    page = good[:cut] + b"\xb0 " + good[cut:]  # a lead byte without its trail byte
    with pytest.raises(DecodeError):
        pt.corpus.clean.decode_bytes(page)  # strict decoding refuses it, as for a text file
    with pytest.warns(UserWarning, match=r"page\.html"):
        text, _ = decode_markup_bytes(page, "page.html")
    assert text.count("\ufffd") == 1 and "架构师" in text


def test_a_page_of_undecodable_bytes_is_still_refused():
    noise = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(DecodeError, match=r"page\.html"):
        decode_markup_bytes(b"<html><body>" + noise + b"</body></html>", "page.html")
    with pytest.raises(DecodeError, match="NUL"):
        decode_markup_bytes(_gbk_page("<p>x</p>") + b"\x00", "page.html")


def test_gbks_a3a0_space_is_a_full_width_space():
    page = _gbk_page("<p>" + PARAGRAPHS[0] + "</p>").replace("。".encode("gb18030"), b"\xa3\xa0")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no private-use characters, so nothing to warn about
        text, enc = decode_markup_bytes(page)
    assert "\ue5e5" not in text and "\u3000" in text and enc == "gb18030"


def test_a_page_saved_without_html_and_body_is_read():
    record = (
        '<text id="http://blog.example.com/archive/2004/12/27/41810.aspx" title="很高兴入住社区">'
        '<form name="Form1" method="post"><div id="top"><h1><a href="/">某某的博客</a></h1></div>'
        "<div class='post'><h2>很高兴入住社区</h2>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div></form></text>"
    )
    doc = pt.read_document(record.encode("utf-8"))
    assert all(p in doc.text for p in PARAGRAPHS)


def test_a_whole_article_set_on_an_author_line_is_body_not_metadata():
    article = "作者： 周思博 译： 陈斌 2005年1月2日 " + "".join(PARAGRAPHS * 4)
    page = f"<html><head><title>给学生的建议</title></head><body><table><tr><td>{article}</td></tr></table></body>"
    doc = pt.read_document(page.encode("utf-8"))
    assert PARAGRAPHS[2] in doc.text
    assert len(doc.meta.get("author") or "") < 40


def test_a_date_stamped_after_a_portals_name_is_the_date():
    body = (
        "<div>首页 > 财经</div><h1>工商部门初定广告属于虚假宣传</h1>"
        "<div>BUSINESS.SOHU.COM\u30002005年3月11日12:12 来源：[ 人民网 ]</div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    page = f"<html><head><title>工商部门初定广告属于虚假宣传-搜狐</title></head><body>{body}</body></html>"
    assert pt.read_document(page.encode("utf-8")).meta["date"] == dt.date(2005, 3, 11)
    stamp = "BUSINESS.SOHU.COM\u30002005年3月11日12:12 来源：[ 人民网 ]"
    banner = body.replace(stamp, "今天是2005年3月11日 星期五 12:12")
    page = f"<html><head><title>工商部门初定广告属于虚假宣传-搜狐</title></head><body>{banner}</body></html>"
    assert pt.read_document(page.encode("utf-8")).meta.get("date") is None  # a banner's calendar is no date


@pytest.mark.skipif(not cwce_available(), reason=MIRROR_REASON)
def test_the_external_gold_pages_read_at_least_as_well_as_the_extraction_library():
    # immortal-autumn/Chinese-Web-Content-Extraction-Dataset, scored as docs/reading.md reports: policytext
    # 0.916 / 0.970 on all 69 (trafilatura alone 0.835 / 0.947); first run, before its fixes: 0.796 / 0.870,
    # five pages refused and one empty
    result = score_cwce(cwce_pages())
    rows = result["rows"]
    assert not result["errors"], result["errors"]
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in ("precision", "recall", "t_precision", "t_recall")}
    assert mean["precision"] >= mean["t_precision"] and mean["recall"] >= 0.95, mean
    # a date on a page whose gold records none is invented, unless the page prints it above the article and the
    # gold missed it (checked here against the page's bytes)
    raw = {p["path"]: p["raw"] for p in cwce_pages()}
    for r in rows:
        if r["date_invented"] and not r["in_dev_set"]:
            assert r["page"] in DATE_MISSING_FROM_CWCE_GOLD, (r["page"], r["date"])
            day, printed = DATE_MISSING_FROM_CWCE_GOLD[r["page"]]
            assert r["date"] == day and printed.encode("gb18030") in raw[r["page"]], r["page"]


# CWCE pages whose date file is empty although the page prints the date under its headline: the date and the line
DATE_MISSING_FROM_CWCE_GOLD = {
    "original/c268c1b4-6864-45a1-bcaa-ec0922eb10d1.html": (dt.date(2005, 1, 6), "2005-01-06 08:13更新 来源：转载文章"),
}


def test_a_portals_recommendation_blocks_end_the_body_also_spaced_out():
    links = "".join(f"<li><a href='/n{i}.html'>某明星新专辑造型曝光第{i}张</a></li>" for i in range(6))
    page = (
        "<html><head><title>孩子：我的奶酪，谁做主_新浪网</title></head><body><h1>孩子：我的奶酪，谁做主</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + f"<div><b>今 日 推 荐</b><ul>{links}</ul></div><div><b>相关报道：</b><ul>{links}</ul></div>"
        + "</body></html>"
    )
    assert pt.read_document(page.encode("utf-8")).text.split("\n") == PARAGRAPHS


@pytest.mark.skipif(not fixture_pages_available(), reason=MIRROR_REASON)
def test_the_chinese_test_pages_of_other_extractors_read_whole():
    # newspaper4k, readability, fundus and leogao2/htmltotext-benchmark (docs/reading.md): scored once before
    # any change, 0.957 / 0.990 (trafilatura alone 0.948 / 0.992); the 中国日报网 page's licence lines and
    # copyright notices were then found to be kept, and are chrome now: 0.987 / 0.990. Since round five's
    # block headings (精彩视频推荐) and reprint notices (未经授权不得转载) end the body, 0.986 / 0.982: readability's
    # gold of the 腾讯网 page counts that heading, the notice and the 责任编辑 widget after the article as content
    # (recall 0.949 -> 0.879 there, the lowest page)
    rows = []
    for page in fixture_pages():
        doc = pt.read_document(page["raw"])
        rows.append(precision_recall(doc.text, page["gold"]))
    assert sum(p for p, _ in rows) / len(rows) >= 0.97 and sum(r for _, r in rows) / len(rows) >= 0.98, rows
    assert min(min(p, r) for p, r in rows) >= 0.85, rows


@pytest.mark.skipif(not magic_available(), reason=MIRROR_REASON)
def test_the_chinese_pages_of_an_extraction_benchmark_read_better_than_the_extraction_library():
    # opendatalab/magic-html's article benchmark, its authors' content answers (docs/reading.md): 43 Chinese
    # pages, 34 of them not in the dev set. First run, on the 34 never looked at: 0.954 / 0.992 (trafilatura
    # alone 0.916 / 0.996); after the fixes the worst pages prompted (block headings such as 健康资讯推荐 and
    # 热门问答更多, reprint notices, a portal's 特别声明), 0.975 / 0.992
    result = score_cwce(magic_pages())
    rows = [r for r in result["rows"] if not r["in_dev_set"]]
    assert not result["errors"] and len(rows) >= 30, result["errors"]
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in ("precision", "recall", "t_precision", "t_recall")}
    assert mean["precision"] >= 0.96 and mean["recall"] >= 0.98, mean
    assert mean["precision"] > mean["t_precision"], mean


@pytest.mark.parametrize(
    "line",
    [
        "- 信息网络传播视听节目许可证0108263号",
        "- 京网文[2011]0283-097号",
        "中国日报网版权说明：凡注明来源为“中国日报网：XXX（署名）”，除与中国日报网签署内容授权协议的网站外，其他任何网站"
        "或单位未经允许禁止转载、使用，违者必究。",
        "版权保护：本网登载的内容（包括文字、图片、多媒体资讯等）版权属本网独家所有使用。未经事先协议授权，禁止转载使用。",
    ],
)
def test_licence_numbers_and_copyright_notices_are_chrome(line):
    from policytext.corpus.html import _is_site_chrome

    assert _is_site_chrome(line)


def test_a_paragraph_about_copyright_is_not_chrome():
    from policytext.corpus.html import _is_site_chrome

    assert not _is_site_chrome("版权保护工作取得新进展，全年查处侵权盗版案件三千余件，有力维护了著作权人的合法权益。")


def test_a_page_of_private_use_characters_is_refused_not_warned_through():
    # GB18030 maps most byte pairs somewhere; a page that reads as private-use characters is no text
    body = "".join(chr(0xE000 + i) for i in range(400)).encode("gb18030")
    page = b"<html><head><meta charset=gbk></head><body><p>" + body + b"\x02</p></body></html>"
    with pytest.raises(DecodeError, match=r"page\.html"):
        decode_markup_bytes(page, "page.html")


def test_paragraphs_indented_with_spaces_inside_one_block_are_separate_lines():
    block = "&nbsp;" * 6 + ("&nbsp;" * 6).join(PARAGRAPHS)
    page = f"<html><head><title>某某</title></head><body><div class='text'>{block}</div></body></html>"
    assert pt.read_document(page.encode("utf-8")).text.split("\n") == PARAGRAPHS


def test_a_repaired_page_is_listed_in_the_corpus_problems(tmp_path):
    page = _gbk_page("<p>" + "</p><p>".join(PARAGRAPHS) + "</p>").replace(b"<title>", b"<title>\x02")
    (tmp_path / "a.html").write_bytes(page)
    with pytest.warns(UserWarning, match="undecodable, control or private-use"):
        corpus = pt.Corpus.from_dir(tmp_path, pattern="*.html")
    assert len(corpus) == 1
    rows = corpus.problems[corpus.problems["kind"] == "repaired"]
    assert len(rows) == 1 and rows.iloc[0]["file"].endswith("a.html") and "gb18030" in rows.iloc[0]["reason"]
    assert "decoding_repair" in corpus[0].meta
