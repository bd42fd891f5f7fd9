"""Reading pages of a tenth round (issue #19, development set round ten): three copies of a city portal, a
provincial 文明网 and a city department that were saved as UTF-16 ("Unicode", by Word or Internet Explorer).
What that round showed: a UTF-16 page was not recognised as HTML (its markup is not ASCII bytes) and came out
as tag text; a publication time that the markup put on the line after its date, in front of the 来源 label;
a footer's 公安机关备案号, its browser advice and a 联系电话 line between footer lines."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

import policytext as pt
from helpers import html_scoring
from policytext.corpus.html import _drop_site_chrome, _is_site_chrome, _out_of_order_header_tail_cut, _subtitle_cut
from policytext.corpus.sniff import sniff_format

TITLE = "市文广新旅局召开文化企业座谈会"
BODY = [
    "1月24日，市文广新旅局主持召开文化企业座谈会，邀请全市文旅领域的龙头企业代表参加。",
    "会议听取了文旅企业家、文化产业园区、行业协会代表对本企业、行业发展情况的回顾和亮点工作。",
]
FOOTER = [
    "主办：某某市文化广电旅游局 地址：某某市会展路199号",
    "联系电话：0791-83986887",
    "赣ICP备17015617号 政府网站标识码：3601000054",
    "公安机关备案号：36010802000157",
    "建议使用1920*1080分辨率浏览器",
]


def _page() -> str:
    head = f"<meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>{TITLE}</title>"
    body = f"<div class='title'><h1>{TITLE}</h1></div><div class='info'>来源： 发布日期: 2024-01-29 访问量：</div>"
    body += "<div class='content'>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div>"
    body += "<div class='foot'>" + "".join(f"<p>{x}</p>" for x in FOOTER) + "</div>"
    return f"<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_page_saved_as_utf16_or_utf32_reads_like_its_utf8_copy(bom, encoding):
    wide = bom + _page().encode(encoding)
    assert sniff_format(wide) == "html"
    doc, utf8 = pt.read_document(wide), pt.read_document(_page().encode())
    assert doc.text == utf8.text == "\n".join(BODY)
    assert doc.meta["title"] == TITLE and doc.meta["date"] == dt.date(2024, 1, 29)
    assert doc.meta["format"] == "html" and "<" not in doc.text


def test_a_utf16_text_without_markup_stays_text():
    raw = codecs.BOM_UTF16_LE + "坚持稳中求进。\n推动高质量发展，保持经济稳定增长。".encode("utf-16-le")
    assert sniff_format(raw) == "text"
    assert pt.read_document(raw).text.startswith("坚持稳中求进。")
    # an odd number of bytes after the mark (a truncated file) is still looked at, not an error of the sniffer
    assert sniff_format(codecs.BOM_UTF16_LE + "<html><body>正文</body></html>".encode("utf-16-le") + b"\x00") == "html"


def test_footer_lines_are_chrome_and_a_contact_line_between_them_too():
    assert _is_site_chrome("公安机关备案号：36010802000157")
    assert _is_site_chrome("建议使用1920*1080分辨率浏览器") and _is_site_chrome("推荐使用IE9以上版本浏览器")
    # an advertisement's bracketed label alone on a line; a bare 广告 may be a word of the text (餐饮 / 广告 / 医疗美容)
    assert _is_site_chrome("【广告】") and _is_site_chrome("[广告]")
    assert not _is_site_chrome("广告") and not _is_site_chrome("广告业发展情况")
    assert _drop_site_chrome([*BODY, *FOOTER]) == BODY
    # a notice's own contact line closes the article: no footer line follows it, so it stays
    notice = [*BODY, "联系人：张三", "联系电话：0791-83986887"]
    assert _drop_site_chrome(notice) == notice
    # a contact line before a footer line, after the article's last sentence, is not between two footer lines
    assert _drop_site_chrome([*BODY, "联系电话：0791-83986887", FOOTER[2]]) == [*BODY, "联系电话：0791-83986887"]
    # an attachment or a contact person between chrome lines is the article's, not the footer's
    att = [BODY[0], "分享到：", "附件：2024年申报指南.pdf", "【关闭窗口】"]
    assert _drop_site_chrome(att) == [BODY[0], "附件：2024年申报指南.pdf"]
    assert "联系人：张三" in _drop_site_chrome([*BODY, FOOTER[0], "联系人：张三", FOOTER[2]])
    # a sentence between footer lines is never dropped by this rule
    kept = "本网站所刊登的信息均来源于有关部门，如需转载请注明出处并与本网联系。"
    assert kept in _drop_site_chrome([*BODY, FOOTER[0], kept, FOOTER[2]])


def test_a_time_on_the_line_after_its_date_before_the_source_label_is_header():
    body = f"<h1>{TITLE}</h1><p>发布时间：2024-03-11<br>15:30:00&nbsp;&nbsp;&nbsp;&nbsp;来源：中国新闻网</p>"
    body += "".join(f"<p>{p}</p>" for p in BODY)
    doc = pt.read_document(f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>".encode())
    assert doc.text == "\n".join(BODY)
    assert doc.meta["source"] == "中国新闻网" and doc.meta["date"] == dt.date(2024, 3, 11)
    # an agenda's line: a time, then a colon-less 发布 and a year that is no date, is text (not a header line)
    agenda = "10:00 发布 2024年一季度全市经济运行情况"
    doc = pt.read_document(f"{BODY[0]}\n议程如下：\n{agenda}\n10:20 答记者问\n{BODY[1]}".encode())
    assert agenda in doc.text.split("\n") and doc.meta.get("date") is None
    # a line of the article that opens with a time and has no header label is text
    timed = "15:30 会议开始，与会代表围绕文旅融合发展作了深入交流，提出了许多意见建议。"
    doc = pt.read_document(f"<html><body><h1>{TITLE}</h1><p>{BODY[0]}</p><p>{timed}</p></body></html>".encode())
    assert timed in doc.text


_ROUND_TEN = [r for r in html_scoring.dev_records("pages") if r["id"].startswith("r10_")]


@pytest.mark.skipif(not html_scoring.mirror_available(_ROUND_TEN), reason=html_scoring.MIRROR_REASON)
@pytest.mark.parametrize("rec", _ROUND_TEN, ids=lambda r: r["id"])
def test_the_utf16_copies_of_round_ten_read_whole_from_their_bytes(rec):
    raw = html_scoring.record_bytes(rec)
    assert raw.startswith(codecs.BOM_UTF16_LE)
    doc = pt.read_document(raw)
    assert doc.meta["encoding"].startswith("utf-16") and doc.meta["format"] == "html"
    assert doc.meta["title"] == rec["title"]
    assert doc.meta["date"] == dt.date.fromisoformat(rec["date"])
    assert doc.meta.get("source") == rec["issuer"]
    han = html_scoring.han
    assert han(doc.text).startswith(han(rec["body_start"])) and han(doc.text).endswith(han(rec["body_end"]))
    assert "<" not in doc.text and "mso" not in doc.text
    # the bytes read as the page's text does, re-encoded as UTF-8 (the scorer's view)
    assert pt.read_document(raw.decode("utf-16").encode()).text == doc.text


def _word_page(title_tag: str) -> bytes:
    """An official document saved by Word as a web page: 版头, 文号, title, 主送, text, signature, date."""

    def p(text: str, align: str | None = None) -> str:
        style = f" align={align} style='text-align:{align}'" if align else " style='text-indent:32.0pt'"
        return f"<p class=MsoNormal{style}><span style='font-family:仿宋_GB2312'>{text}<o:p></o:p></span></p>"

    lines = [
        p("某某县人民政府办公室文件", "center"),
        p("某政办发〔2024〕12号", "center"),
        p(WORD_TITLE, "center"),
        p("各乡镇人民政府，县政府各部门："),
        p("《某某县2024年优化营商环境工作要点》已经县政府同意，现印发给你们，请认真贯彻执行。"),
        p("一、总体要求"),
        p("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，持续优化营商环境。"),
        p("某某县人民政府办公室", "right"),
        p("2024年3月15日", "right"),
    ]
    head = f"<meta http-equiv=Content-Type content='text/html; charset=gb2312'><title>{title_tag}</title>"
    body = f"<div class=WordSection1>{''.join(lines)}</div>"
    return (
        f"<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>{head}</head><body>{body}</body></html>".encode(
            "gb18030"
        )
    )


WORD_TITLE = "某某县人民政府办公室关于印发某某县2024年优化营商环境工作要点的通知"


def test_an_official_document_saved_by_word_as_a_web_page():
    # the <title> is the document's title and is printed whole; its issuer, printed again as the signature, is a
    # line the title starts with, which had been taken for the heading (and the rest for a site's name)
    doc = pt.read_document(_word_page(WORD_TITLE))
    assert doc.meta["title"] == WORD_TITLE
    assert doc.text.startswith("各乡镇人民政府，县政府各部门：") and doc.text.endswith("2024年3月15日")
    assert doc.meta["doc_number"] == "某政办发〔2024〕12号"  # printed above the title, outside the text
    assert doc.meta["issuer"] == "某某县人民政府办公室" and doc.meta["written_date"] == dt.date(2024, 3, 15)
    # a <title> with a site's name after a separator is never taken whole
    doc = pt.read_document(_word_page(f"{WORD_TITLE}_某某县人民政府门户网站"))
    assert doc.meta["title"] == WORD_TITLE


def test_a_header_line_trafilatura_moves_below_the_article_and_a_signature_with_its_role():
    # a date and 来源 line in a block without paragraphs: trafilatura sets it after the article's paragraphs
    nav = "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(12))
    paras = "".join(f"<p>{p}</p>" for p in BODY) + "<p style='text-align:right'>（某某县委组织部 供稿）</p>"
    body = f"<ul>{nav}</ul><div class='main'><h2>{TITLE}</h2>"
    body += "<div class='info'>2024-03-15 &nbsp; 来源：县委组织部 &nbsp; 浏览次数：128</div>"
    body += f"<div class='content'>{paras}</div></div>"
    doc = pt.read_document(
        f"<html><head><title>{TITLE}_某某县人民政府</title></head><body>{body}</body></html>".encode()
    )
    assert doc.text == "\n".join(BODY)
    assert doc.meta["date"] == dt.date(2024, 3, 15) and doc.meta["source"] == "县委组织部"
    assert doc.meta["organization"] == "某某县委组织部"  # the unit's role (供稿) after its name
    # a header line that the page prints below the article (a closing 来源 line) stays where it is printed
    tail = [*BODY, "来源：县委组织部"]
    page = [TITLE, *tail]
    assert _out_of_order_header_tail_cut(tail, page) == tail


def _organization_page(article: str, title: str) -> bytes:
    nav = "".join(f"<li><a href='/c{i}'>栏目{i}</a></li>" for i in range(12))
    related = "".join(f"<li><a href='/a{i}'>某某县开展党员冬训第{i}期</a> 2024-01-0{i}</li>" for i in range(1, 4))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}-某某县委组织部</title></head><body>"
        f"<ul>{nav}</ul><div class='crumb'>您的位置：首页 &gt; 组工动态</div><div class='main'>{article}</div>"
        f"<div class='related'><h3>相关阅读</h3><ul>{related}</ul></div>"
        "<div class='footer'>版权所有 中共某某县委组织部 技术支持：某某网络公司</div></body></html>"
    ).encode()


def test_an_attachment_list_of_links_under_a_notice_is_kept():
    # trafilatura drops a paragraph that is mostly a link (附件：<a>1.报名表.docx</a>); an official document's
    # attachments are part of it
    title = "关于开展2024年度党员发展对象培训的通知"
    article = f"<h1>{title}</h1><div class='info'>发布日期：2024-03-01</div><div class='article'>"
    article += (
        "<p>各乡镇党委，县直各单位党组织：</p><p>为做好2024年度发展党员工作，经研究，决定举办发展对象培训班。</p>"
    )
    article += "<p>请各单位于3月10日前报送参训人员名单（见附件）。</p>"
    article += "<p style='text-align:right'>中共某某县委组织部</p><p style='text-align:right'>2024年3月1日</p>"
    article += (
        "<p>附件：<a href='/f/a.docx'>1.发展对象培训报名表.docx</a></p><p><a href='/f/b.xlsx'>2.课程安排表.xlsx</a></p>"
    )
    doc = pt.read_document(_organization_page(article + "</div>", title))
    assert doc.text.split("\n")[-3:] == ["2024年3月1日", "附件：1.发展对象培训报名表.docx", "2.课程安排表.xlsx"]
    assert doc.meta["attachments"] == ["发展对象培训报名表.docx", "课程安排表.xlsx"]
    # no attachment printed under the text: nothing is added (the related list below is not one)
    doc = pt.read_document(_organization_page(article.split("<p>附件")[0] + "</div>", title))
    assert doc.text.endswith("2024年3月1日") and doc.meta.get("attachments") is None


def test_a_subtitle_under_the_heading_is_no_body():
    title = "扎根基层写忠诚"
    article = f"<h1>{title}</h1><h3>——记某某县某某镇党委书记王某某</h3>"
    article += "<div class='info'>作者：张三 李四 发布时间：2024年05月20日</div><div class='article'>"
    article += "<p>在某某镇，提起党委书记王某某，群众都竖起大拇指。</p>"
    article += "<p>三年来，他走遍全镇12个村，推动村集体经济发展。</p></div>"
    doc = pt.read_document(_organization_page(article, title))
    assert doc.text.startswith("在某某镇") and doc.meta["subtitle"] == "——记某某县某某镇党委书记王某某"
    assert doc.meta["author"] == "张三 李四" and doc.meta["date"] == dt.date(2024, 5, 20)


def _wechat_page(script: str) -> bytes:
    paras = "".join(f'<section><span style="font-size:15px">{p}</span></section>' for p in BODY)
    paras += (
        '<section><span style="color:#888">来源：某某组工</span></section><section><span>编辑：王某</span></section>'
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{TITLE}</title><script>{script}</script></head><body>'
        f'<h1 class="rich_media_title" id="activity-name">{TITLE}</h1><div id="meta_content">'
        '<span class="rich_media_meta_text">某某组工</span><a id="js_name">某某组工</a>'
        '<em id="publish_time"></em></div>'
        f'<div class="rich_media_content" id="js_content">{paras}</div>'
        '<div class="rich_media_tool"><span>阅读</span><span id="readNum">1024</span><span>在看</span></div>'
        "<div class='qr_code_pc'><p>微信扫一扫<br>关注该公众号</p></div></body></html>"
    ).encode()


def test_a_wechat_article_saved_as_a_page():
    # the article is #js_content; the account's name and the reading counters around it are no body; the time the
    # page prints with a script from its own record (var ct = seconds, China time) is the publication date
    doc = pt.read_document(_wechat_page('var ct = "1710460800"; var nickname = "某某组工";'))
    assert doc.text == "\n".join(BODY)
    assert doc.meta["title"] == TITLE and doc.meta["date"] == dt.date(2024, 3, 15)
    assert doc.meta["source"] == "某某组工"  # the 来源 credit under the article, read before it is cut
    assert pt.read_document(_wechat_page("var createTime = '2023-12-01 18:30';")).meta["date"] == dt.date(2023, 12, 1)
    # no record: no date (none is guessed)
    assert pt.read_document(_wechat_page("var nickname = '某某组工';")).meta.get("date") is None


def test_review_cases_of_signatures_subtitles_credits_and_wechat_records():
    from policytext.corpus.clean import clean_text

    head = "某县召开推进会\n3月14日，某县召开推进会，部署重点任务。\n"
    # a note with a role word is no signature (数据由县统计局报送, 欢迎向本报投稿)
    for note in ("全县共完成投资12亿元。（数据由县统计局 报送）", "欢迎广大读者积极参与。（欢迎向本报投稿）"):
        body, meta = clean_text(head + note)
        assert body.endswith(note) and meta.get("organization") is None
    # a first line that opens with a dash but is a clause or a quotation is the text's, not a subtitle
    for first in ("——地区生产总值增长6%左右，", "——“我们村的路修好了！”"):
        page = [TITLE, first, BODY[0]]
        assert _subtitle_cut([first, BODY[0]], TITLE, page, [html_scoring.han(x) for x in page]) == (
            [first, BODY[0]],
            None,
        )
    # the source printed above the article wins over a 来源 credit under it
    body = f"<h1>{TITLE}</h1><p>2024-03-15 来源：某某县融媒体中心</p>" + "".join(f"<p>{p}</p>" for p in BODY)
    body += "<p>来源：人民日报</p>"
    doc = pt.read_document(f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>".encode())
    assert doc.meta["source"] == "某某县融媒体中心"
    # a CMS that also calls its article block js_content, without WeChat's page: its script's ct is not a date
    page = _wechat_page('var ct = "1710460800";').replace(b"rich_media", b"article_box")
    assert pt.read_document(page).meta.get("date") is None
