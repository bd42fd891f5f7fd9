"""Issue #21: formulas and meetings on local genres nobody tuned to.

Each bug class of the issue has a test on a real sentence of ``../shared/corpus`` (state documents, quoted
verbatim; the tests check they are still in the corpus) that failed before the fix, plus small handmade cases;
the local-genre development set (``tests/data/local_genres_dev``) is scored at the end.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.formula_dev import local_passages, score_spans
from policytext.corpus.document import Document
from policytext.extract.formulas import find_formulas, find_meetings
from policytext.extract.formulas.shapes import counted_sets, digit_slogans

# (corpus file, verbatim sentence) of state documents used below
SENTENCES = {
    "energy": ("gov_work_reports_national/gwr_2008.txt", "启动十大重点节能工程。"),
    "shanghai": (
        "local_gov_work_reports_2026/2026_shanghai_gov_work_report.txt",
        "大力发展三大先导产业，着力打造六大新兴支柱产业集群，布局培育六大未来产业。",
    ),
    "centenary": (
        "central_documents/zhongyang_yihao_2018_xiangcun_zhenxing.txt",
        "分两个阶段实现第二个百年奋斗目标的战略安排",
    ),
    "sichuan_period": ("local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt", "今年是“十五五”开局之年"),
    "shandong_digits": (
        "policy_docs_shandong/shandong_030.txt",
        "持续完善全省“1+3+N+X”一体化工业大数据中心体系",
    ),
    "shandong_6997": ("policy_docs_shandong/shandong_030.txt", "聚焦构建“6997”现代化工业体系"),
    "guizhou_sihua": (
        "local_gov_work_reports_2026/guizhou_2026_gwr.txt",
        "坚定不移围绕“四新”主攻“四化”，全力稳就业、稳企业、稳市场、稳预期",
    ),
    "guizhou_fund": (
        "local_gov_work_reports_2026/guizhou_2026_gwr.txt",
        "改革财政资金使用方式，设立“四化”及生态环保、新动能基金",
    ),
    "sichuan_meetings": (
        "local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt",
        "深入贯彻党的二十大和二十届历次全会精神，认真落实中央经济工作会议精神和省委十二届八次全会、省委经济工作会议部署要求",
    ),
    "anhui_elided": (
        "local_gov_work_reports_2026/2026_anhui_gov_work_report.txt",
        "按照省委十一届十次、十一次全会和省委经济工作会议部署要求",
    ),
    "reform_commission": (
        "policy_docs_central/central_040.txt",
        "中央全面深化改革委员会第二十六次会议审议通过了",
    ),
}


def test_sentences_are_in_the_corpus(corpus_dir):
    for path, sentence in SENTENCES.values():
        assert sentence in (corpus_dir / path).read_text(encoding="utf-8"), path


def _forms(text, **kw):
    return find_formulas(text, **kw)[["formula", "kind", "number"]].values.tolist()


# ---------------------------------------------------------------- formulas missed (bug class 1)


def test_counted_sets_outside_the_lexicon_once():
    assert _forms(SENTENCES["energy"][1]) == [["十大重点节能工程", "counted", 10]]
    assert _forms(SENTENCES["shanghai"][1]) == [
        ["三大先导产业", "counted", 3],
        ["六大新兴支柱产业集群", "counted", 6],
        ["六大未来产业", "counted", 6],
    ]
    assert _forms("统筹推进四大板块，实施八大行动") == [["四大板块", "counted", 4], ["八大行动", "counted", 8]]


def test_counts_of_concrete_things_stay_out():
    assert find_formulas("三大钢厂，四大流域，十大城市，三大类产品，党的十大以来").empty
    assert counted_sets("三大攻坚战") == [(0, 5, "counted", 3)]  # the longest head, not 三大攻坚


def test_ordinal_goals():
    assert _forms(SENTENCES["centenary"][1]) == [["第二个百年奋斗目标", "ordinal", 2]]
    assert find_formulas("第二个五年计划，第三个阶段").empty


def test_plan_periods_on_by_default_with_their_number():
    assert _forms(SENTENCES["sichuan_period"][1]) == [["十五五", "plan_period", 15]]
    assert _forms("编制十四五规划") == [["十四五", "plan_period", 14]]
    assert find_formulas(SENTENCES["sichuan_period"][1], periods=False).empty
    assert find_formulas("五五分成，“七一”讲话").empty


@pytest.mark.parametrize(
    "text, forms",
    [
        (SENTENCES["shandong_digits"][1], ["1+3+N+X"]),
        (SENTENCES["shandong_6997"][1], ["6997"]),
        ("构建“1+N”政策体系，推广“3+X”模式和5+2工作法", ["1+N", "3+X", "5+2"]),
    ],
)
def test_digit_slogans(text, forms):
    df = find_formulas(text)
    assert df.formula.tolist() == forms and set(df.kind) == {"digits"}


def test_digit_quantities_are_not_formulas():
    # counts with digits are targets or quantities; arithmetic with a unit is not a slogan; a year is a year
    assert find_formulas("建成100个示范村、6大特色产业集群，3+2年学制，“2025”年").empty
    assert digit_slogans("“12345”热线") == []


def test_abbreviations_by_shape():
    assert _forms("加快双千兆网络建设，贯彻“双百”方针") == [
        ["双千兆", "abbreviation", 2],
        ["双百", "abbreviation", 2],
    ]
    df = find_formulas("落实“双碳”战略，统筹推进“双减”")
    assert df[["formula", "number"]].values.tolist() == [["双碳", 2], ["双减", 2]]
    assert find_formulas("双方签订协议，双向互动").empty


def test_parts_of_a_quoted_slogan_count_where_they_recur():
    text = "实施“两提高、两降低、一减免”政策。“一减免”即经转诊住院不设起付线"
    df = find_formulas(text)
    assert df.formula.tolist() == ["两提高、两降低、一减免", "一减免"]
    assert find_formulas("“一减免”即不设起付线").empty  # alone, 一 + verb is no count


def test_long_quoted_names_with_interleaved_numerals():
    df = find_formulas(
        "坚定自觉把“百县千镇万村高质量发展工程”持续抓下去，深入实施“四化同步、城乡融合、五区共兴”发展战略"
    )
    assert df.formula.tolist() == ["百县千镇万村高质量发展工程", "四化同步、城乡融合、五区共兴"]
    assert set(df.kind) == {"paired"}


# ---------------------------------------------------------------- senses (bug class 2)


def test_recent_text_never_gets_an_ended_meaning():
    doc = Document("gz", SENTENCES["guizhou_sihua"][1], {"year": 2026})
    df = find_formulas(doc)
    assert df.formula.tolist() == ["四新", "四化"]
    row = df.iloc[1]
    assert "旅游产业化" in row.expansion and row.sense_certain
    assert "国防" not in row.expansion  # the 1975 四个现代化


def test_sense_uncertain_without_context():
    dated = find_formulas(Document("gz", SENTENCES["guizhou_fund"][1], {"year": 2026})).iloc[0]
    assert dated.formula == "四化" and dated.sense_certain is False and "国防" not in dated.expansion
    undated = find_formulas(SENTENCES["guizhou_fund"][1]).iloc[0]
    assert undated.sense_certain is False and undated.sense is None and undated.expansion is None
    assert undated.number == 4 and undated.known


def test_sense_certain_values():
    df = find_formulas("增强“四个意识”，抓“两新”组织党建，推进“六大行动”")
    assert df.sense_certain.tolist() == [True, True, None]  # one meaning; context word; not in the lexicon


# ---------------------------------------------------------------- meetings (bug class 3)


def _meetings(text):
    return find_meetings(text)[["match", "kind", "level", "congress", "plenum", "session"]].values.tolist()


def test_provincial_report_meetings():
    assert _meetings(SENTENCES["sichuan_meetings"][1]) == [
        ["党的二十大", "congress", "central", 20, None, None],
        ["二十届历次全会", "plenum", "central", 20, None, None],
        ["中央经济工作会议", "economic_work_conference", "central", None, None, None],
        ["省委十二届八次全会", "plenum", "provincial", 12, 8, None],
        ["省委经济工作会议", "economic_work_conference", "provincial", None, None, None],
    ]


def test_elided_local_plenums():
    assert _meetings(SENTENCES["anhui_elided"][1]) == [
        ["省委十一届十次", "plenum", "provincial", 11, 10, None],
        ["十一次全会", "plenum", "provincial", 11, 11, None],
        ["省委经济工作会议", "economic_work_conference", "provincial", None, None, None],
    ]


def test_reform_commission_and_politburo():
    assert _meetings(SENTENCES["reform_commission"][1]) == [
        ["中央全面深化改革委员会第二十六次会议", "commission_meeting", "central", None, None, 26]
    ]
    assert _meetings("主持十九届中央政治局第二十一次集体学习，中央政治局会议，中央政治局常委会会议") == [
        ["十九届中央政治局第二十一次集体学习", "politburo_study_session", "central", 19, None, 21],
        ["中央政治局会议", "politburo_meeting", "central", None, None, None],
        ["中央政治局常委会会议", "politburo_standing_committee_meeting", "central", None, None, None],
    ]


def test_central_work_conferences_and_two_sessions():
    text = "中央农村工作会议、全国组织工作会议、第十次全国对口支援新疆工作会议，全国两会，今年全国“两会”上"
    assert _meetings(text) == [
        ["中央农村工作会议", "rural_work_conference", "central", None, None, None],
        ["全国组织工作会议", "organization_work_conference", "central", None, None, None],
        ["第十次全国对口支援新疆工作会议", "work_conference", "central", None, None, 10],
        ["全国两会", "two_sessions", "central", None, None, None],
        ["两会", "two_sessions", "central", None, None, None],
    ]


def test_local_meetings():
    text = "县委常委会会议研究，省第十三次党代会，市委常委会第五次会议，全省数字经济高质量发展工作会议，中共五大会址"
    assert _meetings(text) == [
        ["县委常委会会议", "standing_committee_meeting", "county", None, None, None],
        ["省第十三次党代会", "party_congress", "provincial", 13, None, None],
        ["市委常委会第五次会议", "standing_committee_meeting", "municipal", None, None, 5],
        ["全省数字经济高质量发展工作会议", "work_conference", "provincial", None, None, None],
        ["中共五大", "congress", "central", 5, None, None],
    ]


def test_local_meetings_never_take_the_national_body():
    from policytext.extract.formulas import find_meetings

    df = find_meetings("省委十二届八次全会、省第十三次党代会和党的十二届八中全会")
    assert df[["match", "body", "level"]].values.tolist() == [
        ["省委十二届八次全会", "party_committee", "provincial"],
        ["省第十三次党代会", "local_party_congress", "provincial"],
        ["党的十二届八中全会", "party_congress", "central"],
    ]


def test_not_meetings():
    assert find_meetings("全国各地召开工作会议，村两会，全国人民代表大会常务委员会，三大战略").empty


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="中央经济农村组织工作会议全省委十二届八次全会政治局第集体学习两会“”党代会常县市、", max_size=50)
)
def test_meeting_offsets_hypothesis(text):
    df = find_meetings(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match
    assert list(df.start) == sorted(df.start)
    spans = list(zip(df.start, df.end))
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))  # no overlaps


# ---------------------------------------------------------------- the local-genre development set


def _recall(corpus_dir, split: str, key: str) -> tuple[float, float]:
    tp = ng = nf = 0
    for p in local_passages(corpus_dir.parent):
        if p["split"] != split:
            continue
        df = (find_formulas if key == "formulas" else find_meetings)(Document(p["id"], p["text"], {"year": p["year"]}))
        a, b, c = score_spans([(g["start"], g["end"]) for g in p[key]], list(zip(df.start, df.end)))
        tp, ng, nf = tp + a, ng + b, nf + c
    return tp / ng, tp / nf


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_local_dev_formulas(corpus_dir, split):
    recall, precision = _recall(corpus_dir, split, "formulas")
    assert recall >= 0.9 and precision >= 0.8, (recall, precision)


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_local_dev_meetings(corpus_dir, split):
    recall, precision = _recall(corpus_dir, split, "meetings")
    assert recall >= 0.95 and precision >= 0.9, (recall, precision)
