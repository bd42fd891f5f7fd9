"""Category dictionaries: dict, JSON and YAML input, longest-match counting, per-10k rates."""

from __future__ import annotations

import json

import pytest

import policytext as pt
from policytext import Corpus
from policytext.errors import InputError, MissingExtraError
from policytext.stats.dictionary import dictionary_counts, load_dictionary

INSTRUMENTS = {
    "供给型": ["人才培养", "资金投入", "基础设施建设"],
    "需求型": ["政府采购", "示范工程"],
    "环境型": ["税收优惠", "金融支持", "法规"],
}


@pytest.fixture(scope="module")
def docs():
    return Corpus.from_texts(
        ["加大资金投入，推进基础设施建设，落实税收优惠。", "完善法规，加强金融支持和法规宣传，开展政府采购。"],
        ids=["a", "b"],
    )


def test_counts_and_rates(docs):
    out = dictionary_counts(docs, INSTRUMENTS)
    assert list(out.columns) == ["doc_id", "category", "count", "per_10k"]
    assert len(out) == 6  # every document x every category, zeros included
    table = out.pivot(index="doc_id", columns="category", values="count")
    assert table.loc["a"].to_dict() == {"供给型": 2, "需求型": 0, "环境型": 1}
    assert table.loc["b"].to_dict() == {"供给型": 0, "需求型": 1, "环境型": 3}
    row = out[(out.doc_id == "b") & (out.category == "环境型")].iloc[0]
    assert row.per_10k == pytest.approx(3 / len(docs["b"].text) * 10_000)


def test_detail_rows_per_term(docs):
    out = dictionary_counts(docs, INSTRUMENTS, detail=True)
    assert list(out.columns) == ["doc_id", "category", "term", "count", "per_10k"]
    assert out[(out.doc_id == "b") & (out.term == "法规")]["count"].item() == 2


def test_longest_match_without_double_counting():
    d = {"组织": ["党组织", "基层党组织"], "宽": ["党组织"]}
    out = dictionary_counts(["建强基层党组织，发挥党组织作用。"], d, detail=True)
    got = {(r.category, r.term): r.count for r in out.itertuples()}
    assert got[("组织", "基层党组织")] == 1
    assert got[("组织", "党组织")] == 1  # the one inside 基层党组织 is not counted again
    assert got[("宽", "党组织")] == 1  # a term listed under two categories counts in both
    assert dictionary_counts(["建强基层党组织。"], d).set_index("category")["count"].to_dict() == {"组织": 1, "宽": 0}


def test_json_file_and_nested_categories(tmp_path, docs):
    path = tmp_path / "dict.json"
    path.write_text(json.dumps({"政策工具": INSTRUMENTS}, ensure_ascii=False), encoding="utf-8")
    out = dictionary_counts(docs, path)
    assert set(out.category) == {"政策工具/供给型", "政策工具/需求型", "政策工具/环境型"}
    bad = tmp_path / "bad.json"
    bad.write_text('{"甲": ["乙",]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json, line 1: invalid JSON"):
        load_dictionary(bad)
    with pytest.raises(InputError, match="no such dictionary"):
        load_dictionary(tmp_path / "missing.json")
    txt = tmp_path / "dict.txt"
    txt.write_text("甲\n", encoding="utf-8")
    with pytest.raises(InputError, match="must end in"):
        load_dictionary(str(txt))


def test_yaml_file_or_clear_error(tmp_path, docs):
    path = tmp_path / "dict.yaml"
    path.write_text("供给型:\n  - 资金投入\n环境型: [税收优惠]\n", encoding="utf-8")
    try:
        import yaml  # noqa: F401
    except ImportError:
        with pytest.raises(MissingExtraError, match="PyYAML"):
            dictionary_counts(docs, path)
    else:
        out = dictionary_counts(docs, path)
        assert out.groupby("category")["count"].sum().to_dict() == {"供给型": 1, "环境型": 1}


def test_bad_dictionaries():
    with pytest.raises(InputError, match="non-empty mapping"):
        load_dictionary({})
    with pytest.raises(InputError, match="category '甲'"):
        load_dictionary({"甲": [1]})
    with pytest.raises(InputError, match="category '甲'"):
        load_dictionary({"甲": 3})


def test_template_patterns_are_counted_or_explained(docs):
    try:
        import policytext.extract.templates  # noqa: F401
    except ImportError:
        with pytest.raises(InputError, match="template"):
            dictionary_counts(["抓党建促发展。"], {"模板": ["抓{X}促{Y}"]})
    else:
        out = dictionary_counts(["抓党建促发展，抓党建促乡村振兴。"], {"模板": ["抓{X}促{Y}"], "词": ["党建"]})
        counts = out.set_index("category")["count"].to_dict()
        assert counts["模板"] >= 2 and counts["词"] == 2


def test_policy_instruments_on_reports(sample_corpus):
    reports = sample_corpus.filter(year=range(2013, 2026), collection="gov_work_reports_national")
    out = dictionary_counts(reports, {"创新": ["创新"], "环境": ["生态环境", "污染防治"]})
    for doc in reports:
        got = out[(out.doc_id == doc.doc_id) & (out.category == "创新")]["count"].item()
        assert got == doc.text.count("创新")


# verbatim sentences of the Shandong and central digital-economy documents in ../shared/corpus
REAL = [
    "大集成性创新，鼓励开展信息技术规模化应用示范，提升上下游协同创新水平。",
    "品研发应用，推进商用超高温气冷堆技术应用示范。",
    "案的企事业单位，给予实际采购费用３０％的补贴，每家单位最高补贴１００万元。",
    "每年每个园区给予20万元的奖补资金，连续补贴三年，每个企业累计奖补最高300万元。",
    "，各级能源主管部门要加大支持力度，优先纳入相关规划",
]


def test_globs_and_regular_expressions_count_on_real_sentences():
    """0.1 took 示范* literally and counted 0."""
    d = {"示范": ["应用示范*"], "补贴": ["*补贴", "奖补"], "力度": ["/加大.{0,6}支持力度/"]}
    got = dictionary_counts(REAL, d).pivot(index="doc_id", columns="category", values="count")
    assert got["示范"].tolist() == [1, 1, 0, 0, 0]
    assert got["补贴"].tolist() == [0, 0, 2, 3, 0]
    assert got["力度"].tolist() == [0, 0, 0, 0, 1]


def test_a_glob_never_crosses_punctuation():
    assert dictionary_counts(["示范，区"], {"x": ["示范*区"]})["count"].tolist() == [0]
    assert dictionary_counts(["示范园区"], {"x": ["示范*区"]})["count"].tolist() == [1]


@pytest.mark.parametrize("term,message", [("/加大(/", "not a valid pattern"), ("*", "matches the empty string")])
def test_a_bad_pattern_names_category_and_term(term, message):
    with pytest.raises(InputError, match=f"category '政策', term .*: {message}"):
        dictionary_counts(["抓党建"], {"政策": [term]})


def test_dictionary_counts_by_section_name_the_section_and_its_offsets():
    text = "前言。\n一、科技创新\n推进科技创新。\n二、民生保障\n稳定就业，创新养老服务。"
    out = pt.dictionary_counts(pt.Document("p", text), {"创新": ["创新"], "民生": ["就业", "养老*"]}, unit="section")
    assert list(out.columns[:6]) == ["doc_id", "unit_id", "start", "end", "section_number", "section_heading"]
    assert set(out["doc_id"]) == {"p"} and out["unit_id"].nunique() == 3
    for row in out.itertuples():
        assert text[row.start : row.end].strip() == text[row.start : row.end] != ""
    table = out.pivot_table(index="section_heading", columns="category", values="count")
    assert (
        table.loc["科技创新", "创新"] == 2 and table.loc["民生保障", "民生"] == 2 and table.loc["民生保障", "创新"] == 1
    )
    # per document, the sections add up to the document's count
    whole = pt.dictionary_counts(pt.Document("p", text), {"创新": ["创新"], "民生": ["就业", "养老*"]})
    assert out.groupby("category")["count"].sum().to_dict() == whole.set_index("category")["count"].to_dict()
