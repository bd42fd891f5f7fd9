"""The rules that the fifth blind round (``data/probes_blind_5/README.md``) led to, each on handmade pages and lines
in other words than the round's files."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from policytext.corpus.clean import read_header_fields, source_value, speech_byline_cut, without_repost_tags

TITLE = "某某区召开2025年民生实事项目推进会"
BODY = [
    "3月6日，某某区召开2025年民生实事项目推进会，通报各项目进展情况，部署下一阶段重点任务。",
    "会议要求，各牵头单位要倒排工期、挂图作战，确保十件民生实事按期完成、群众满意。",
]
HEADER = "<p>发布时间：2025-03-07 来源：某某区发展改革局</p>"


def _page(*, header: str = HEADER, inside: str = "", after: str = "", head: str = "") -> bytes:
    article = "".join(f"<p>{p}</p>" for p in BODY) + inside
    body = f"<div class='nav'><a href='/'>首页</a></div><h1>{TITLE}</h1>{header}"
    body += f"<div class='article'>{article}</div>{after}<div class='footer'>版权所有 某某区人民政府</div>"
    return f"<html><head><title>{TITLE}</title>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("heading", ["相关文件", "相关解读", "相关政策"])
def test_a_related_documents_block_inside_the_article_ends_it(heading):
    links = "".join(f"<li><a href='/a/{i}.html'>某某区关于推进第{i}批民生实事项目的实施方案</a></li>" for i in range(3))
    doc = pt.read_document(_page(inside=f"<div class='xg'><h4>{heading}</h4><ul>{links}</ul></div>"))
    assert doc.text == "\n".join(BODY)


def test_notes_above_the_print_edition_and_the_editor_are_cut():
    notes = (
        "<p>注释：</p><p>[1] 某某：《基层治理研究》，某某出版社2023年版。</p><p>[2] 某某：《协商民主》，2024年。</p>"
    )
    after = "<p>《某某日报》（2025年03月07日 05版）</p><p>[ 责编：某某 ]</p>"
    doc = pt.read_document(_page(inside=notes + after))
    assert doc.text == "\n".join(BODY)


def test_an_author_line_with_the_affiliation_in_brackets():
    doc = pt.read_document(_page(header=HEADER + "<p>作者：王某某（某某大学公共管理学院副教授）</p>"))
    assert doc.meta["author"] == "王某某" and doc.text == "\n".join(BODY)
    # a sentence in brackets after the name is no affiliation
    assert read_header_fields("作者：王某某（文中观点仅代表个人。）").get("author") is None


def test_a_figure_caption_is_read_and_a_gallery_label_is_not():
    figure = (
        "<div class='gallery'><div>图集</div><figure><img src='a.jpg'/>"
        "<figcaption>3月6日，某某区民生实事项目现场，工人正在施工。（某某 摄）</figcaption></figure></div>"
    )
    closing = "<p>会议还通报了上一季度民生实事项目的督查情况，对进度滞后的项目进行了提醒。</p>"
    doc = pt.read_document(_page(inside=figure + closing))
    assert "3月6日，某某区民生实事项目现场，工人正在施工。（某某 摄）" in doc.text.split("\n")
    assert "图集" not in doc.text.split("\n")


def test_a_source_with_a_glued_credit_and_values_in_brackets():
    assert source_value("某某区融媒体中心记者：某某某") == "某某区融媒体中心"
    assert source_value("某某日报社") == "某某日报社"
    assert read_header_fields("时间:[ 2025-03-07 ]作者:某某街道点击:次") == {
        "date": dt.date(2025, 3, 7),
        "author": "某某街道",
    }
    doc = pt.read_document(
        _page(header="<p>时间:[ 2025-03-07 ]作者:某某街道</p>", inside="<p>(本文来源：某某日报)</p>")
    )
    assert doc.meta["source"] == "某某日报" and doc.meta["date"] == dt.date(2025, 3, 7)
    assert doc.text == "\n".join(BODY)


def test_glued_year_and_day_spans_and_structured_data_give_the_date():
    assert read_header_fields("202503/07 10:15:30来源：新华网") == {"source": "新华网", "date": dt.date(2025, 3, 7)}
    ld = (
        '<script type="application/ld+json">'
        '{"@type":"NewsArticle","datePublished":"2025-03-07T10:15:30+08:00"}</script>'
    )
    doc = pt.read_document(_page(header="", head=ld))
    assert doc.meta["date"] == dt.date(2025, 3, 7)
    # the date the page prints wins over its structured data
    doc = pt.read_document(_page(head=ld.replace("2025-03-07", "2024-01-01")))
    assert doc.meta["date"] == dt.date(2025, 3, 7)


def test_a_forum_post_and_a_reposted_title():
    assert (
        without_repost_tags("[转载] 【转帖】某某县委关于开展作风建设年活动的通知")
        == "某某县委关于开展作风建设年活动的通知"
    )
    assert without_repost_tags("【视频】") == "【视频】"  # nothing but the tag: kept
    post = "<i class='pstatus'> 本帖最后由 某网友 于 2025-3-7 09:45 编辑 </i><br />" + "<br />".join(BODY)
    reply = "顶一下，支持！"
    page = (
        f"<html><head><title>[转载] {TITLE} - 某某论坛</title></head><body><h1>[转载] {TITLE}</h1>"
        f"<table><tr><td class='t_f' id='postmessage_101'>{post}</td></tr></table>"
        f"<table><tr><td class='t_f' id='postmessage_102'>{reply}</td></tr></table></body></html>"
    )
    doc = pt.read_document(page.encode())
    assert doc.meta["title"] == TITLE and doc.text == "\n".join(BODY)


def test_a_report_occasion_is_its_day():
    lines = [
        "——2025年1月8日在某某县第十八届人民代表大会第五次会议上",
        "某某县人民政府县长 王某某",
        "各位代表：",
        "现在报告工作。",
    ]
    kept, found = speech_byline_cut(lines)
    assert kept == lines[2:] and found == {"speaker": "某某县人民政府县长 王某某", "written_date": dt.date(2025, 1, 8)}
    # a line that opens like an occasion but is a sentence of the text stays
    text = ["——2025年1月8日在某某县召开的会议上，代表们审议了报告。", "现在报告工作。"]
    assert speech_byline_cut(text) == (text, {})


def test_a_pdf_title_that_is_also_the_running_header_is_kept_in_display_type(tmp_path):
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    paragraphs = ["各位代表：", *(BODY * 3)]
    for page in (1, 2):
        c.setFont("STSong-Light", 10)
        c.drawCentredString(width / 2, height - 40, "政府工作报告")  # the running header, in small type
        y = height - 90
        if page == 1:
            c.setFont("STSong-Light", 24)
            c.drawCentredString(width / 2, y, "政府工作报告")  # the title, in display type
            y -= 50
        c.setFont("STSong-Light", 14)
        for para in paragraphs if page == 1 else BODY:
            for k in range(0, len(para), 30):
                c.drawString(72, y, para[k : k + 30])
                y -= 25
        c.drawCentredString(width / 2, 40, f"- {page} -")
        c.showPage()
    c.save()
    doc = pt.read_document(path)
    assert doc.meta["title"] == "政府工作报告"
    assert "政府工作报告" not in doc.text and doc.text.startswith("各位代表：\n")


def test_an_occasion_over_two_lines_under_a_header_line_is_read():
    lines = [
        "发布时间：2025-01-09",
        "——2025年1月8日在某某县第十八届",
        "人民代表大会第五次会议上",
        "某某县人民政府县长 王某某",
        "各位代表：",
    ]
    kept, found = speech_byline_cut(lines)
    assert kept == [lines[0], "各位代表："]
    assert found == {"speaker": "某某县人民政府县长 王某某", "written_date": dt.date(2025, 1, 8)}
