"""The rules that the seventh blind round (``data/probes_blind_7/README.md``) led to, each on handmade pages, lines
and files in other words than the round's files."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from helpers.pdf_lines import text_line
from policytext.corpus.html import _is_site_chrome, _labelled_date_inside, _paragraphs_of_cells
from policytext.corpus.office import _column_rows
from policytext.corpus.officialdoc import leading_apparatus, next_document_cut, official_fields

TITLE = "某某县开展2025年安全生产月活动"
BODY = [
    "6月以来，某某县以“人人讲安全、个个会应急”为主题，扎实开展2025年安全生产月活动。",
    "活动期间，全县共组织应急演练46场次，排查整改各类隐患320余处，营造了浓厚的安全文化氛围。",
]


def _page(
    *, header: str = "<p>发布时间：2025-06-20 来源：某某县应急管理局</p>", inside: str = "", after: str = ""
) -> bytes:
    article = "".join(f"<p>{p}</p>" for p in BODY) + inside
    body = f"<div class='nav'><a href='/'>首页</a></div><h1>{TITLE}</h1>{header}"
    body += f"<div class='article'>{article}</div>{after}<div class='footer'>版权所有 某某县人民政府</div>"
    return f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>".encode()


def test_labelled_lines_under_the_heading_are_not_cut_with_the_metadata_table():
    table = (
        "<table class='meta'><tr><th>索引号：</th><td>11000/2025-00321</td>"
        "<th>发布机构：</th><td>某某县应急管理局</td></tr>"
        "<tr><th>成文日期：</th><td>2025-06-18</td><th>文号：</th><td>某应急罚〔2025〕8号</td></tr></table>"
    )
    parties = ["被处罚人：某某建材有限公司", "统一社会信用代码：91000000MA00000000", "法定代表人：吴某某"]
    sentence = "经查，被处罚人未按规定对从业人员进行安全生产教育和培训，违反了《中华人民共和国安全生产法》。"
    body = (
        f"<div class='crumb'><a href='/'>首页</a> &gt; 行政处罚</div>{table}<h1>某某建材有限公司行政处罚决定书</h1>"
        "<div class='info'>信息来源：县应急管理局</div><div class='txt'>"
        + "".join(f"<p>{p}</p>" for p in [*parties, sentence, "某某县应急管理局", "2025年6月18日"])
        + "</div><div class='footer'>版权所有 某某县人民政府</div>"
    )
    page = f"<html><head><title>某某建材有限公司行政处罚决定书</title></head><body>{body}</body></html>"
    lines = pt.read_document(page.encode()).text.split("\n")
    assert lines[:4] == [*parties, sentence]


def test_a_sites_note_on_hidden_private_data_is_not_the_text():
    note = "说明：以上信息依据有关规定予以公开，公开期限为三年。自然人的个人隐私信息已做屏蔽处理。"
    assert _is_site_chrome(note)
    assert not _is_site_chrome("说明：本办法自2025年7月1日起施行，由县应急管理局负责解释。")


def test_a_subtitle_of_two_clauses_right_under_the_heading_is_cut():
    sub = "<p class='futi'>——全年排查隐患320余处，组织演练46场次</p>"
    doc = pt.read_document(_page(header=sub + "<p>发布时间：2025-06-20 来源：某某县应急管理局</p>"))
    assert doc.text == "\n".join(BODY)
    assert doc.meta["subtitle"] == "——全年排查隐患320余处，组织演练46场次"
    assert doc.meta["source"] == "某某县应急管理局"


@pytest.mark.parametrize(
    "line, chrome",
    [
        ("（文/图 县应急管理局 赵某某）", True),
        ("（图/文 某某镇党政办 钱某 孙某某）", True),
        ("（文/图 据统计，全年排查隐患320余处。）", False),
        ("附件【附件2.隐患排查清单.xlsx】已下载36次", True),
        ("- 附件【某某县应急预案.pdf】已下载次", True),
        ("附件：1.某某县应急预案", False),
    ],
)
def test_credits_with_a_space_and_attachment_download_counters(line, chrome):
    assert _is_site_chrome(line) is chrome


def test_a_publication_date_inside_a_line_of_unknown_fields():
    line = "办件编号：0012-3456实施机构：某某县医疗保障局发布日期：2025-03-03浏览次数：88"
    assert _labelled_date_inside(["首页 > 办事指南", line]) == {"date": dt.date(2025, 3, 3)}
    assert _labelled_date_inside(["各单位应于发布日期：2025-03-03后十日内报送。"]) == {}


def test_a_service_guide_dated_in_a_line_under_its_heading():
    heading = "城乡居民医疗保险参保登记办事指南"
    body = (
        f"<h1>{heading}</h1><div class='meta'><span>事项编码：000723</span><span>实施主体：某某县医疗保障局</span>"
        "<span>发布日期：2025-03-03</span></div><div class='guide'><h3>一、事项名称</h3>"
        "<p>城乡居民医疗保险参保登记</p><h3>二、办理条件</h3>"
        "<p>未参加职工基本医疗保险的本县户籍城乡居民，可按规定参加城乡居民基本医疗保险。</p>"
        "<h3>三、办理材料</h3><p>居民身份证或户口簿，委托他人办理的另需提供委托书和代办人身份证件。</p></div>"
    )
    page = f"<html><head><title>{heading}</title></head><body><div class='nav'>首页</div>{body}</body></html>"
    doc = pt.read_document(page.encode())
    assert doc.meta["date"] == dt.date(2025, 3, 3)
    lines = doc.text.split("\n")
    assert lines[lines.index("一、事项名称") + 1] == "城乡居民医疗保险参保登记"


def test_a_heading_run_together_with_the_first_paragraph_in_a_table_cell_is_split():
    page_lines = ["首页 > 工会动态", TITLE, BODY[0], BODY[1]]
    assert _paragraphs_of_cells(f"{TITLE} {BODY[0]} {BODY[1]}", page_lines).split("\n") == [TITLE, *BODY]
    # a line of the page that is a clause, not a heading, is not split off on its own
    wrapped = ["会议指出，今年以来", "全县安全生产形势总体平稳。"]
    assert _paragraphs_of_cells("会议指出，今年以来 全县安全生产形势总体平稳。", wrapped) == (
        "会议指出，今年以来 全县安全生产形势总体平稳。"
    )


def test_a_source_line_under_the_heading_in_a_table_layout_is_read_and_cut():
    cell = f"<b>{TITLE}</b><br>来源于：县应急管理局<br>" + "<br>".join(BODY)
    body = (
        "<table><tr><td>现在位置：<a href='/'>首页</a> &gt;&gt; 工作动态 &gt;&gt; 正文</td></tr>"
        f"<tr><td>{cell}</td></tr></table><table><tr><td>版权所有 某某县人民政府</td></tr></table>"
    )
    doc = pt.read_document(f"<html><head><title>{TITLE}</title></head><body>{body}</body></html>".encode())
    assert doc.text == "\n".join(BODY)
    assert doc.meta["source"] == "县应急管理局"


def test_a_joint_masthead_over_two_lines():
    lines = ["000123", "中共某某县委组织部 文件", "某某县人力资源和社会保障局", "某组通〔2025〕4号", "关于……的通知"]
    assert leading_apparatus(lines) == ([0, 1, 2], [3])
    # a title line under a masthead is not one of its issuers
    assert leading_apparatus(["某某县人民政府文件", "某某县人民政府关于……的通知"]) == ([0], [])


def test_a_gazette_masthead_is_a_mark_of_the_head():
    assert leading_apparatus(["某某省人民政府公报", "2025年第12期", "某某省人民政府关于……的决定"]) == ([0, 1], [])


def test_the_written_date_before_an_attached_plan_and_the_colophon_after_it():
    text = "\n".join(
        [
            "各乡镇人民政府：",
            "现将《某某县安全生产专项整治方案》印发给你们，请认真贯彻执行。",
            "某某县人民政府办公室",
            "2025年5月6日",
            "（此件公开发布）",
            "某某县安全生产专项整治方案",
            "为深入开展安全生产专项整治，制定本方案。",
            *[f"（{n}）第{n}项任务。各乡镇要按期完成。" for n in "一二三四五六七八九十"],
            "抄送：县委办公室，县人大常委会办公室。",
            "某某县人民政府办公室 2025年5月6日印发",
        ]
    )
    found = official_fields(text)
    assert found["written_date"] == dt.date(2025, 5, 6)
    assert found["issuer"] == "某某县人民政府办公室"


def test_the_next_document_of_a_gazette_page_is_cut_and_named():
    lines = [
        "请遵照执行。",
        "某某县人民政府",
        "2025年4月2日",
        "（此件主动公开）",
        "某某县人民政府关于调整",
        "县级储备粮规模的批复",
        "某政复〔2025〕5号",
        "县发展和改革局：",
        "你局《关于调整县级储备粮规模的请示》收悉。",
    ]
    kept, found = next_document_cut(lines)
    assert kept == lines[:4]
    assert found == {"next_documents": ["某某县人民政府关于调整县级储备粮规模的批复"]}
    # an attachment after the date, with no 发文字号 and addressee of its own, stays
    attached = [*lines[:4], "附件", "某某县储备粮轮换计划", "一、轮换原则", "坚持推陈储新、保证质量。"]
    assert next_document_cut(attached) == (attached, {})


LEFT = [f"左栏第{n}行的正文文字共有二十个字。" for n in "一二三四五六七八九十"]
RIGHT = [f"右栏第{n}行的正文文字共有二十个字。" for n in "一二三四五六七八九十"]


def test_a_page_in_two_columns_is_read_column_by_column():
    lines = [text_line([(150.0, "某某市人民政府关于印发某某办法的通知")], 60.0, 14.0)]
    lines += [text_line([(60.0, a), (320.0, b)], 100.0 + 16 * k) for k, (a, b) in enumerate(zip(LEFT, RIGHT))]
    found = _column_rows(lines, 595.0)
    assert found is not None
    rows, gutter = found
    assert 260 < gutter < 320
    assert [r[0] for r in rows] == ["某某市人民政府关于印发某某办法的通知", *LEFT, *RIGHT]
    # each column's rows are set on the page's text width (60 to 490), so a filled column line reads as a full one
    assert all(r[1] == pytest.approx(60.0) and r[2] == pytest.approx(490.0) for r in rows[1:])


def test_a_table_of_two_columns_is_not_read_as_columns():
    names = [f"第{n}项产品名称" for n in "一二三四五六七八九十"]
    lines = [text_line([(60.0, a), (320.0, f"{k + 1}{k + 1}.5 万吨")], 100.0 + 16 * k) for k, a in enumerate(names)]
    assert _column_rows(lines, 595.0) is None
