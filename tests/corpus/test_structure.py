"""Official-document structure (GB/T 9704) in Document.meta and the heading hierarchy Document.sections,
on real documents of each heading style and on handmade cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.corpus import Document
from policytext.corpus.officialdoc import SECTION_COLUMNS, chinese_date, official_fields, sections

NOTICE = """国务院办公厅关于做好某项工作的通知
国办发〔2023〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为做好某项工作，经国务院同意，现就有关事项通知如下。
一、总体要求
坚持稳中求进工作总基调。
（一）指导思想
以人民为中心。
（二）工作目标
1.到2025年，基本建成。
2.到2035年，全面建成。
二、保障措施
（一）加强组织领导。各地区要加强领导。
附件：1.重点任务分工
2.工作进度安排表
国务院办公厅
二〇二三年二月十三日
抄送：党中央各部门，全国人大常委会办公厅，
全国政协办公厅，最高人民法院。"""


def test_official_fields_of_a_notice():
    f = official_fields(NOTICE)
    assert f["doc_number"] == "国办发〔2023〕12号"
    assert f["recipients"] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    assert f["written_date"] == dt.date(2023, 2, 13)
    assert f["issuer"] == "国务院办公厅"
    assert f["attachments"] == ["重点任务分工", "工作进度安排表"]
    assert f["cc"] == ["党中央各部门", "全国人大常委会办公厅", "全国政协办公厅", "最高人民法院"]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("国办发〔2023〕12号", "国办发〔2023〕12号"),
        ("国办发[2023]12号", "国办发〔2023〕12号"),
        ("鲁政办字（2019）3号", "鲁政办字〔2019〕3号"),
        ("国发(2018)43号", "国发〔2018〕43号"),
        ("国令第706号", "国令第706号"),
    ],
)
def test_doc_number_brackets(line, number):
    assert official_fields(f"{line}\n正文。")["doc_number"] == number


def test_no_structure_in_plain_prose():
    f = official_fields("坚持稳中求进。推动高质量发展。\n今年的目标是：增长5%左右。")
    assert f == {}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023年2月13日", dt.date(2023, 2, 13)),
        ("二〇二三年二月十三日", dt.date(2023, 2, 13)),
        ("一九九六年十一月五日", dt.date(1996, 11, 5)),
        ("二〇〇四年八月三十一日", dt.date(2004, 8, 31)),
        ("二〇二三年二月三十日", None),
    ],
)
def test_chinese_dates(text, date):
    assert chinese_date(text) == date


def test_sections_of_a_notice():
    doc = Document("n", NOTICE)
    s = doc.sections
    assert list(s.columns) == SECTION_COLUMNS
    # the 附件 list's 1. 2. name attachments: they are not sections
    assert s["number"].tolist() == ["一", "（一）", "（二）", "1", "2", "二", "（一）"]
    assert s["level"].tolist() == [1, 2, 2, 3, 3, 1, 2]
    assert s["heading"].tolist() == [
        "总体要求",
        "指导思想",
        "工作目标",
        "到2025年，基本建成",
        "到2035年，全面建成",
        "保障措施",
        "加强组织领导",
    ]
    assert s["parent"].isna().tolist() == [True, False, False, False, False, True, False]
    assert s["parent"].dropna().tolist() == [0, 0, 2, 2, 5]
    for row in s.itertuples():
        section = doc.text[row.start : row.end]
        assert section.startswith(row.number), row
    first = s.iloc[0]
    assert doc.text[first.start : first.end].endswith("全面建成。")
    last = s.iloc[-1]
    assert doc.text[last.start : last.end] == "（一）加强组织领导。各地区要加强领导。"


def test_sections_empty_text():
    s = sections("坚持稳中求进。")
    assert list(s.columns) == SECTION_COLUMNS and s.empty


def test_regulation_chapters_and_articles(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_012.txt")
    s = doc.sections
    chapters = s[s["number"].str.endswith("章")]
    articles = s[s["number"].str.endswith("条")]
    assert chapters["level"].eq(1).all() and articles["level"].eq(2).all()
    assert chapters.iloc[0]["heading"] == "总则"
    assert articles.iloc[0]["number"] == "第一条"
    # every article sits in a chapter, and its text is inside the chapter's
    for row in articles.itertuples():
        parent = s.loc[row.parent]
        assert parent["number"].endswith("章")
        assert parent["start"] < row.start and row.end <= parent["end"]
    assert doc.text[articles.iloc[0]["start"] :].startswith("第一条")


def test_five_year_plan_without_full_stops(corpus_dir):
    doc = pt.read_document(corpus_dir / "five_year_plans/fyp_12_2011-2015.txt")
    assert "。" not in doc.text
    s = doc.sections
    chapters = s[s["number"].str.endswith("章")]
    assert len(chapters) >= 60
    assert chapters.iloc[0]["heading"] == "发展环境"  # the heading stops at the wide gap before the text
    assert chapters.iloc[4]["heading"] == "加快发展现代农业"
    sub = s[s["parent"] == chapters.index[4]]
    assert sub["number"].tolist()[:2] == ["第一节", "第二节"]
    assert sub.iloc[0]["heading"] == "增强粮食安全保障能力"


def test_notice_with_numbered_headings(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_central/central_006.txt")
    s = doc.sections
    top = s[s["level"] == 1]
    assert top["number"].tolist()[:3] == ["一", "二", "三"]
    assert top["heading"].tolist()[:3] == ["总体要求", "重点行动", "保障措施"]
    assert (s["end"] > s["start"]).all()


def test_cc_and_attachments_in_real_documents(corpus_dir):
    d = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_007.txt")
    assert d.meta["cc"][0] == "市委各部门" and d.meta["cc"][-1] == "各民主党派市委"
    d = pt.read_document(corpus_dir / "policy_docs_central/central_132.txt")
    assert d.meta["attachments"] == ["智能网联汽车自动驾驶功能检测项目", "智能网联汽车道路测试通知书"]


lines = st.lists(
    st.one_of(
        st.sampled_from(
            ["一、总则", "（一）目标", "1.任务", "（1）细则", "第一章 总则", "第二条 内容。", "正文。", ""]
        ),
        st.text(alphabet="一二、（）()1.第章条节正文。 \u3000", max_size=12),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_sections_offsets_and_parents_are_consistent(parts):
    text = "\n".join(parts)
    s = sections(text)
    for i, row in enumerate(s.itertuples()):
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end].startswith(row.number)
        if not pd.isna(row.parent):
            parent = s.iloc[int(row.parent)]
            assert parent["level"] < row.level and int(row.parent) < i
            assert parent["start"] < row.start and row.end <= parent["end"]
        else:
            assert row.level == 1 or all(s.iloc[j]["level"] >= row.level for j in range(i))


def test_levels_follow_the_standard_order_not_first_appearance(corpus_dir):
    # a PDF extraction whose 一、总体要求 was glued to the end of the preamble's last line:
    # the first heading found is （一）, and the later 二、 must still enclose the （一） after it
    doc = pt.read_document(corpus_dir / "policy_docs_central/central_033.txt")
    s = doc.sections
    two = s[s["number"] == "二"].index[0]
    assert s.loc[two, "level"] == 1 and s.loc[two, "heading"] == "建设思路"
    assert s.loc[0, "number"] == "（一）" and s.loc[0, "level"] == 2
    assert s.loc[two + 1, "parent"] == two
    numbered = s[s["number"].str.fullmatch(r"（\d+）")]
    assert len(numbered) >= 10 and numbered["level"].eq(4).all()


def test_five_year_plan_parts_enclose_chapters(corpus_dir):
    s = pt.read_document(corpus_dir / "five_year_plans/fyp_12_2011-2015.txt").sections
    assert s.loc[0, "number"] == "第一篇" and s.loc[0, "level"] == 1
    chapters = s[s["number"].str.endswith("章")]
    assert chapters["level"].eq(2).all() and chapters["parent"].notna().all()


def test_four_levels_of_a_real_notice(corpus_dir):
    """一、 > （一） > 1. > （1） in one real notice (central_018, a pilot of intelligent connected vehicles)."""
    s = pt.read_document(corpus_dir / "policy_docs_central/central_018.txt").sections
    rows = {n: s[s["number"] == n].iloc[0] for n in ("三", "（二）", "1", "（1）")}
    assert [int(rows[n]["level"]) for n in ("三", "（二）", "1", "（1）")] == [1, 2, 3, 4]
    assert rows["（1）"]["heading"] == "测试与安全评估" and rows["1"]["heading"] == "产品准入试点"
    # each sits in the one above it
    one = s[s["number"] == "1"].index[0]
    assert s.loc[s[s["number"] == "（1）"].index[0], "parent"] == one
    assert s.loc[one, "start"] < rows["（1）"]["start"] < rows["（1）"]["end"] <= s.loc[one, "end"]


def test_a_wrapped_line_starting_with_a_non_ordinal_is_not_a_heading():
    # 三七 (a medicinal plant) after a line break is not the heading 三、; 十二、 is
    s = sections("一、发展特色产业\n抓好文山\n三七、楚雄医药等园区建设。\n十二、附则\n本规划自发布之日起实施。")
    assert s["number"].tolist() == ["一", "十二"]
