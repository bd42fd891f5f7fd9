"""code_units: terms, globs, regexes, templates, conditions and exclusions on real clauses; units; offsets.

The clauses are quoted verbatim from the digital-economy policy documents of ../shared/corpus
(policy_docs_central, policy_docs_shandong), none of them a unit of tests/data/coding_dev.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("yaml", reason="PyYAML (extra code) reads codebooks")

from policytext.coding import Codebook, code_units, primary_codes, unit_spans
from policytext.corpus.document import Document
from policytext.errors import InputError

TAX = "支持企业加大基础研究支出，符合条件的按规定享受税收优惠。"
SUBSIDY = "实施企业上市培育计划，省财政给予相应奖励补助。"
DEMO_ZONE = "推动测试示范区评价能力和体系建设。"
FINANCE = "（三）加大金融支持力度。"
FUNDS = "鼓励各市统筹专项资金加大对智能制造支持力度。"
RENT = "对承担军工科研项目的企业，按照项目合同金额的３０％给予补助，最高补助５００万元。"
TALENT = "（五）加大农村数字人才培养力度。"
TARGET = "到2025年，新培育技术经纪人1000人。"
DEV_UNITS = Path(__file__).resolve().parents[1] / "data" / "coding_dev" / "units.csv"


def test_sentences_are_not_development_units():
    dev = {r["text"] for r in csv.DictReader(DEV_UNITS.open(encoding="utf-8"))}
    for s in (TAX, SUBSIDY, DEMO_ZONE, FINANCE, FUNDS, RENT, TALENT, TARGET):
        assert s not in dev and s.rstrip("。") not in dev


def cb(*categories: dict) -> Codebook:
    return Codebook.from_dict({"categories": list(categories)})


def codes(text: str, codebook: Codebook, **kw) -> list[tuple[str, str, str]]:
    df = code_units(text, codebook, uncoded=False, **kw)
    return list(zip(df["category"], df["rule"], df["matched"]))


def test_literal_terms():
    book = cb({"id": "税收优惠", "rules": [{"terms": ["税收优惠", "加计扣除"]}]})
    assert codes(TAX, book) == [("税收优惠", "term:税收优惠 (+1)", "税收优惠")]
    assert codes(SUBSIDY, book) == []


def test_globs_match_words_of_the_segmenter():
    book = cb(
        {"id": "资金投入", "rules": [{"glob": ["*补贴", "*补助"]}]}, {"id": "示范工程", "rules": [{"glob": "示范*"}]}
    )
    found = codes(SUBSIDY + DEMO_ZONE + RENT, book)
    assert [c for c, _, _ in found] == ["资金投入", "示范工程", "资金投入"]
    assert found[0][2].endswith("补助") and found[0][2] in SUBSIDY
    assert found[2][2].endswith("补助") and found[2][2] in RENT
    assert found[1][2].startswith("示范") and found[1][2] in DEMO_ZONE
    # a glob is one whole word: *补贴 does not match 补贴额度 (a word after 补贴), 示范* not 典型示范
    assert codes("按照补贴额度使用服务券。", cb({"id": "x", "rules": [{"glob": "*补贴"}]})) in (
        [],
        [("x", "glob:*补贴", "补贴")],
    )
    assert codes("树立典型示范。", cb({"id": "x", "rules": [{"glob": "示范*"}]})) in ([], [("x", "glob:示范*", "示范")])


def test_regular_expressions():
    book = cb({"id": "资金投入", "rules": [{"regex": "给予[^，。；]{0,12}(奖励|补贴|补助)"}]})
    assert codes(RENT, book) == [("资金投入", "regex:给予[^，。；]{0,12}(奖励|补贴|补助)", "给予补助")]
    assert codes(SUBSIDY, book) == [
        ("资金投入", "regex:给予[^，。；]{0,12}(奖励|补贴|补助)", "给予相应奖励补助")
    ]  # greedy, as re is
    assert codes(FUNDS, book) == []


def test_anchored_regexes_are_matched_within_the_unit():
    book = cb({"id": "标题", "rules": [{"regex": "^（[一二三四五六七八九十]+）"}]})
    found = code_units(TAX + "\n" + FINANCE, book, uncoded=False)
    assert found["matched"].tolist() == ["（三）"] and found["start"].tolist() == [len(TAX) + 1]


def test_slot_templates():
    book = cb({"id": "支持力度", "rules": [{"template": "加大{X}支持力度"}]})
    df = code_units(FINANCE + FUNDS, book, uncoded=False)
    assert df["matched"].tolist()[0] == "加大金融支持力度"
    assert df["rule"].tolist()[0] == "template:加大{X}支持力度"


def test_co_occurrence_conditions():
    any_of = cb({"id": "资金投入", "rules": [{"terms": ["支持力度"], "any_of": ["资金", "财政"]}]})
    assert codes(FUNDS, any_of) == [("资金投入", "term:支持力度", "支持力度")]
    assert codes(FINANCE, any_of) == []  # 加大金融支持力度: no 资金 or 财政 in the clause
    all_of = cb({"id": "资金投入", "rules": [{"terms": ["加大"], "all_of": [["专项资金"], ["统筹", "安排"]]}]})
    assert [c for c, _, _ in codes(FUNDS, all_of)] == ["资金投入"]
    assert codes(FINANCE, all_of) == []
    unless = cb({"id": "资金投入", "rules": [{"terms": ["支持力度"], "unless": ["金融"]}]})
    assert [c for c, _, _ in codes(FINANCE + FUNDS, unless)] == ["资金投入"]


def test_conditions_hold_in_the_same_unit_only():
    book = cb({"id": "税收优惠", "rules": [{"terms": ["税收"], "all_of": [["优惠", "减免"]]}]})
    assert codes(TAX, book)  # 税收优惠 in one clause
    assert codes("落实税收政策。优惠措施另行制定。", book) == []


def test_exclusions_veto_the_category():
    book = cb({"id": "人才培养", "rules": [{"terms": ["人才培养"]}], "exclusions": ["re:^（[一二三四五六七八九十]+）"]})
    assert codes(TALENT, book) == []
    assert codes(TALENT[3:], book) == [("人才培养", "term:人才培养", "人才培养")]


def test_hits_count_rules_and_primary_prefers_more_hits_then_priority():
    book = cb(
        {"id": "策略性措施", "rules": [{"terms": ["培育"]}], "priority": -1},
        {"id": "资金投入", "rules": [{"glob": "*补助"}, {"terms": ["财政"]}]},
        {"id": "金融支持", "rules": [{"terms": ["上市"]}]},
    )
    coded = code_units(SUBSIDY, book)
    assert dict(zip(coded["category"], coded["hits"])) == {"策略性措施": 1, "资金投入": 2, "金融支持": 1}
    prim = primary_codes(coded, book)
    assert prim[["category", "second"]].values.tolist() == [["资金投入", "金融支持"]]  # 金融支持 beats priority -1
    assert primary_codes(code_units("坚持稳中求进。", book), book)["category"].tolist() == ["none"]


def test_columns_metadata_and_uncoded_units():
    doc = Document("d1", TAX + "\n" + "一、总体要求", {"year": 2023, "issuer": "国务院"})
    df = code_units(doc)  # the bundled codebook
    assert list(df.columns[:11]) == [
        "doc_id",
        "unit_id",
        "start",
        "end",
        "text",
        "category",
        "dimension",
        "rule",
        "matched",
        "group",
        "hits",
    ]
    assert set(df["year"]) == {2023} and set(df["issuer"]) == {"国务院"}
    assert "税收优惠" in set(df["category"])
    assert df["unit_id"].str.startswith("d1:").all()
    only = code_units(doc, uncoded=False)
    assert only["category"].notna().all()


def test_units():
    text = "第一条 为了规范管理，制定本办法。\n第二条 国家支持研发；鼓励创新。\n第三条 本办法自印发之日起施行。"
    arts = unit_spans(text, "article")
    assert [text[s:e][:3] for s, e in arts] == ["第一条", "第二条", "第三条"]
    assert len(unit_spans(text, "clause")) == 4 and len(unit_spans(text, "sentence")) == 3
    with pytest.warns(UserWarning, match="no articles"):
        assert unit_spans(TAX, "article", doc_id="x") == [(0, len(TAX))]
    secs = unit_spans("一、总体要求\n坚持稳中求进。\n（一）目标\n到2025年。\n二、重点任务\n加强。", "section")
    assert len(secs) == 2
    with pytest.raises(InputError, match="unit: expected one of"):
        code_units(TAX, unit="word")


def test_units_of_a_real_regulation(corpus_dir):
    text = (corpus_dir / "policy_docs_central" / "central_004.txt").read_text(encoding="utf-8")
    doc = Document("central_004", text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = code_units(doc, unit="article")
    units = df.drop_duplicates("unit_id")["text"]
    assert len(units) >= 10 and units.str.match(r"第[一二三四五六七八九十]+条").all()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from([TAX, SUBSIDY, DEMO_ZONE, FINANCE, FUNDS, RENT, TALENT, TARGET, "\n", "，", " "]), max_size=8
    ),
    st.sampled_from(["clause", "sentence", "paragraph"]),
)
def test_offsets_slice_to_the_unit_and_the_match(parts, unit):
    text = "".join(parts)
    df = code_units(Document("d", text), unit=unit)
    for s, e, t, m in zip(df["start"], df["end"], df["text"], df["matched"]):
        assert text[s:e] == t
        if isinstance(m, str):
            assert m in t
    spans = df.drop_duplicates("unit_id")[["start", "end"]].values.tolist()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # units never overlap


def test_bundled_codebook_on_real_clauses():
    """What a reader would code these clauses as (the bundled rules' primary code)."""
    expected = {TAX: "税收优惠", RENT: "资金投入", TARGET: "目标规划", FINANCE: "金融支持", DEMO_ZONE: "示范工程"}
    for text, code in expected.items():
        assert primary_codes(code_units(text))["category"].tolist() == [code], text


def test_a_corpus_is_coded_document_by_document():
    df = code_units([Document("a", TAX), Document("b", RENT)])
    assert set(df["doc_id"]) == {"a", "b"}
    assert df.groupby("doc_id")["unit_id"].nunique().tolist() == [1, 1]
    assert isinstance(df, pd.DataFrame)


# -- found in review -------------------------------------------------------------------------------------------


def _regex_codebook(regex: str) -> Codebook:
    return Codebook.from_dict(
        {"dimensions": ["d"], "categories": [{"id": "资金", "rules": [{"regex": regex}]}, {"id": "其他"}]}
    )


def test_a_match_across_units_hides_no_match_inside_the_next_unit():
    cb = _regex_codebook("安排.{0,6}资金")
    both = code_units("做好安排。安排专项资金。", cb, unit="sentence")
    alone = code_units("安排专项资金。", cb, unit="sentence")
    coded = both[both.category == "资金"]
    assert coded["text"].tolist() == ["安排专项资金。"]
    assert alone[alone.category == "资金"]["matched"].tolist() == coded["matched"].tolist() == ["安排专项资金"]


def test_a_codebook_without_rules_is_refused():
    cb = Codebook.from_dict({"dimensions": ["d"], "categories": [{"id": "x"}, {"id": "y"}]})
    with pytest.raises(InputError, match="no category has a rule"):
        code_units("设立专项资金。", cb)


def test_primary_codes_refuse_an_unknown_dimension_and_a_foreign_codebook():
    cb = _regex_codebook("资金")
    coded = code_units("设立专项资金。", cb)
    with pytest.raises(InputError, match="dimension"):
        primary_codes(coded, cb, dimension="typo")
    with pytest.raises(InputError, match="codebook=") as e:
        primary_codes(coded)  # the bundled codebook has no category 资金
    assert "资金" in str(e.value)
    assert primary_codes(coded, cb)["category"].tolist() == ["资金"]
