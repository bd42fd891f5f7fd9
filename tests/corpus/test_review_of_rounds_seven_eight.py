"""A review of the rules of the seventh and eighth blind rounds (a helper in its own clone ran cases of its own on the
code before and after them) found eleven problems; each is checked here on a case in other words."""

from __future__ import annotations

import datetime as dt

import pytest

import policytext as pt
from helpers.pdf_lines import text_line
from policytext.corpus.html import _cell_lines, _is_site_chrome, _layout_tables_as_blocks
from policytext.corpus.office import _column_rows, _gutter, _segments
from policytext.corpus.officialdoc import leading_apparatus, next_document_cut, official_fields, official_title


def test_a_forwarded_document_is_not_cut_as_a_next_one():
    lines = [
        "现将《某某省人民政府办公厅关于加强森林防火工作的通知》（某政办发〔2025〕7号）转发给你们，请认真执行。",
        "某某市人民政府办公室",
        "2025年3月10日",
        "（此件公开发布）",
        "某某省人民政府办公厅关于",
        "加强森林防火工作的通知",
        "某政办发〔2025〕7号",
        "各市人民政府：",
        "为做好森林防火工作，现就有关事项通知如下。",
    ]
    assert next_document_cut(lines) == (lines, {})


@pytest.mark.parametrize(
    "head, title",
    [
        (
            ["中共某某县委组织部", "关于举办第5期年轻干部", "培训班的通知"],
            "中共某某县委组织部关于举办第5期年轻干部培训班的通知",
        ),
        (
            ["某某县教育局关于做好2025年", "第2期教师培训工作的通知"],
            "某某县教育局关于做好2025年第2期教师培训工作的通知",
        ),
    ],
)
def test_a_title_line_naming_an_issue_is_still_the_title(head, title):
    assert official_title("\n".join([*head, "各学校：", "现将有关事项通知如下。"])) == title


def test_a_gazette_head_over_a_two_line_title_is_no_joint_masthead():
    lines = [
        "某某县人民政府公报",
        "2025年第2期",
        "某某县人民政府办公室",
        "关于公布防汛责任人名单的通知",
        "某政办发〔2025〕3号",
    ]
    assert leading_apparatus(lines) == ([0, 1], [])  # the 文号 under the title is not part of the head
    assert official_title("\n".join([*lines, "各乡镇人民政府："])) == "某某县人民政府办公室关于公布防汛责任人名单的通知"


def test_a_dated_letter_quoted_in_a_report_gives_no_written_date():
    text = "\n".join(
        [
            "某某镇2024年工作总结",
            "一、防汛救灾",
            "汛期，县防汛抗旱指挥部专门发来感谢信：",
            "某某镇全体干部群众：在抗洪抢险中，你们冲锋在前，特致谢意！",
            "某某县防汛抗旱指挥部",
            "2024年8月2日",
            # (more than twelve lines under it: the last date line near the end is another rule's)
            *[f"{n}、全镇各项工作有序推进，群众满意度不断提升。" for n in "二三四五六七八九十"],
            *[f"（{n}）各村工作稳步推进，成效明显。" for n in "一二三四五"],
            "二〇二五年的工作，我们将继续努力，再创佳绩。",
        ]
    )
    assert "written_date" not in official_fields(text)


def test_the_forwarding_notices_date_not_the_forwarded_ones():
    text = "\n".join(
        [
            "各乡镇人民政府：",
            "现将《某某市防汛工作方案》转发给你们，请认真抓好落实。",
            "某某县人民政府办公室",
            "2025年3月20日",
            "某某市人民政府办公室",
            "关于印发防汛工作方案的通知",
            "各县（市、区）人民政府：",
            "现将《某某市防汛工作方案》印发给你们，请认真组织实施。",
            "某某市人民政府办公室",
            "2025年3月1日",
            "某某市防汛工作方案",
            *[f"{n}.加强第{n}项工作。各地要细化措施，确保落实。" for n in range(1, 16)],
        ]
    )
    found = official_fields(text)
    assert found["written_date"] == dt.date(2025, 3, 20) and found["issuer"] == "某某县人民政府办公室"


def test_a_cells_line_breaks_and_a_tables_caption_are_kept():
    from lxml import html

    cell = html.fragment_fromstring("<td>王某<br>李某</td>", create_parent="table").find(".//td")
    assert _cell_lines(cell) == ["王某", "李某"]
    trafilatura = pytest.importorskip("trafilatura")
    page = (
        "<html><body><table><tr><td><p>现将主要指标公布如下。</p><table><caption>表1 主要指标</caption>"
        "<tr><td>地区生产总值</td><td>356.8亿元</td></tr></table><p>全年经济运行平稳。</p></td></tr></table></body></html>"
    )
    tree = _layout_tables_as_blocks(page, trafilatura)
    assert [p.text for p in tree.iter("p")] == [
        "现将主要指标公布如下。",
        "表1 主要指标",
        "地区生产总值 356.8亿元",
        "全年经济运行平稳。",
    ]


def test_metadata_rows_under_the_heading_with_more_labels_are_cut():
    rows = ["统一编号：ZJSP00-2025-0003", "有效期：2025年4月1日至2030年3月31日", "所属专题：医疗保障"]
    table = "<table><tr><td>索引号：</td><td>0001/2025-01</td><td>发布机构：</td><td>某某县人民政府</td></tr></table>"
    sentence = "为进一步完善城乡居民基本医疗保险制度，结合本县实际，制定本办法。"
    body = f"<div class='nav'>首页</div><h1>某某县城乡居民基本医疗保险实施办法</h1>{table}" + "".join(
        f"<p>{x}</p>" for x in [*rows, sentence, "第一条 本办法适用于本县城乡居民。"]
    )
    page = f"<html><head><title>某某县城乡居民基本医疗保险实施办法</title></head><body>{body}</body></html>"
    assert pt.read_document(page.encode()).text.split("\n")[0] == sentence


def test_a_pages_meta_date_wins_over_an_interpreted_documents_date():
    body = (
        "<h1>《某某县城乡居民医保办法》政策解读</h1>"
        "<p>解读文件：某某县城乡居民医保办法 发文日期：2024-12-20 文号：某政发〔2024〕30号</p>"
        "<p>一、起草背景</p><p>为进一步完善医疗保障制度，县医保局起草了本办法，经县政府常务会议审议通过。</p>"
    )
    page = (
        "<html><head><title>政策解读</title><meta name='PubDate' content='2025-01-05'></head>"
        f"<body><div class='nav'>首页</div>{body}</body></html>"
    )
    assert pt.read_document(page.encode()).meta["date"] == dt.date(2025, 1, 5)


@pytest.mark.parametrize(
    "line",
    [
        "说明：开放前，数据提供单位须确认个人隐私信息已作脱敏处理，并对数据质量负责。",
        "第二步：在事项列表中点击上一页 | 下一页翻页查找事项",
    ],
)
def test_sentences_that_name_privacy_or_paging_are_text(line):
    assert not _is_site_chrome(line)


PROSE = [f"第{n}行是一段足够长的栏内正文文字内容。" for n in "一二三四五六七八九十"]


def test_a_columns_own_first_and_last_lines_are_not_taken_for_running_heads():
    lines = [text_line([(60.0, "二、主要任务"), (320.0, "（三）保障措施")])]
    lines += [text_line([(60.0, a), (320.0, a.replace("第", "右"))]) for a in PROSE]
    lines.append(text_line([(60.0, "特此通知。"), (320.0, "请认真贯彻落实。")]))
    rows, _ = _column_rows(lines, 595.0)
    texts = [r[0] for r in rows]
    assert {"二、主要任务", "（三）保障措施", "特此通知。", "请认真贯彻落实。"} <= set(texts)


def test_an_earlier_pages_gutter_does_not_split_a_one_column_page():
    earlier = _gutter([_segments(x["chars"]) for x in [text_line([(60.0, a), (320.0, a)]) for a in PROSE]], 595.0)
    assert earlier is not None
    page = [
        text_line([(60.0, "各地要结合实际认真贯彻落实本通知精神，确保各项工作任务按期完成见到实效。")])
        for _ in range(2)
    ]
    page += [text_line([(380.0, "某某市人民政府办公室")]), text_line([(400.0, "2025年3月28日")])]
    page += [text_line([(60.0, f"{n}.某某市重点项目清单表")]) for n in range(1, 9)]
    assert _column_rows(page, 595.0, earlier) is None
