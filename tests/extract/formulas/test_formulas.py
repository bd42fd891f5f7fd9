"""Numbered formulas: lexicon, patterns for unknown formulas, longest match, senses, offsets."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.formula_dev import dev_passages, found_spans, gold_spans
from helpers.spec_locate import locate_items
from policytext._util.lexicon_files import lexicon_path
from policytext.errors import InputError
from policytext.extract.formulas.finder import find_formulas, shape_of
from policytext.extract.formulas.lexicon import (
    load_formula_lexicon,
    parse_formula_lexicon,
)

# ---------------------------------------------------------------- the seed


def test_seed_formulas_found_with_offsets(seed_doc, seed_expected):
    df = find_formulas(seed_doc)
    gold = seed_expected["formulas"]
    spans = locate_items(seed_doc.text, [g["formula"] for g in gold])
    got = {(r.start, r.end): r for r in df.itertuples()}
    for g, (s, e) in zip(gold, spans):
        assert (s, e) in got, f"{g['formula']} at {s}:{e} not found"
        row = got[(s, e)]
        assert row.formula == g["formula"]
        assert row.number == g["number"]
        assert row.known
    assert len(df) == len(gold), df[["formula", "start"]].values.tolist()


def test_seed_liang_xin_is_party_building_sense(seed_doc):
    df = find_formulas(seed_doc)
    row = df[df.formula == "两新"].iloc[0]
    assert "组织" in row.expansion and row.sense == 1


# ---------------------------------------------------------------- handmade cases


def test_counted_paired_abbreviation_kinds():
    df = find_formulas("增强四个意识，落实三严三实，坚持两学一做，加力“两新”工作，打好三大攻坚战。")
    kinds = dict(zip(df.formula, df.kind))
    assert kinds == {
        "四个意识": "counted",
        "三严三实": "paired",
        "两学一做": "paired",
        "两新": "abbreviation",
        "三大攻坚战": "counted",
    }
    nums = dict(zip(df.formula, df.number))
    assert nums["四个意识"] == 4 and nums["三大攻坚战"] == 3 and nums["三严三实"] is None


def test_quoted_and_unquoted_variants_share_canonical():
    df = find_formulas("坚持“一国两制”，坚持一个国家、两种制度，“六稳六保”与六稳、六保")
    assert df.canonical.tolist() == ["一国两制", "一国两制", "六稳六保", "六稳六保"]
    assert df.quoted.tolist() == [True, False, True, False]
    assert df.formula.tolist()[1] == "一个国家、两种制度"


def test_ordinary_numerals_are_not_formulas():
    text = (
        "用三个月时间完成，两个国家签署协议，五年来经济增长，三个方面的工作，一个重要任务，"
        "两个问题，第三个五年计划，十二大类产品，一大批项目，四面八方的支援，一点一滴做起，三年两年"
    )
    assert find_formulas(text).empty


def test_unknown_formulas_found_by_pattern():
    df = find_formulas("推进“三个1亿人”，做到“四早”，实行“五缓四减三补贴”，打造“新三样”，发展“双一流”")
    assert set(df.formula) == {"三个1亿人", "四早", "五缓四减三补贴", "新三样", "双一流"}
    unknown = df[~df.known]
    assert set(unknown.formula) == {"四早", "五缓四减三补贴"}
    assert dict(zip(unknown.formula, unknown.number)) == {"四早": 4, "五缓四减三补贴": None}


def test_unknown_unquoted_paired_and_recurrence():
    # 三优两重 is in no lexicon; interleaved numerals make it a formula, quoted or not
    df = find_formulas(["开展三优两重项目评选。", "推进“三优两重”。"])
    assert df.formula.tolist() == ["三优两重", "三优两重"]
    assert not df.known.any()
    # a counted form with a verbal head needs support (min_support=2) when unquoted and unlisted
    text = "做到两个坚决。要做到两个坚决，"
    assert find_formulas(text).formula.tolist() == ["两个坚决", "两个坚决"]
    assert find_formulas("做到两个坚决。").empty
    assert find_formulas("做到两个坚决。", min_support=1).formula.tolist() == ["两个坚决"]


def test_unknown_counted_form_coordinated_with_a_formula():
    df = find_formulas("增强“四个意识”、做到两个坚决，")
    assert df.formula.tolist() == ["四个意识", "两个坚决"]
    assert df.known.tolist() == [True, False]
    assert find_formulas("要做到两个坚决，").empty


def test_unknown_false_uses_lexicon_only():
    df = find_formulas("做到“四早”和“两个维护”", unknown=False)
    assert df.formula.tolist() == ["两个维护"]


def test_longest_non_overlapping_match():
    df = find_formulas("实施“两新一重”建设，推进“两新”工作")
    assert df.formula.tolist() == ["两新一重", "两新"]
    df = find_formulas("十九大提出的“十四个坚持”")
    assert df.formula.tolist() == ["十四个坚持"]  # not also 四个坚持


def test_pattern_never_cuts_a_listed_formula():
    df = find_formulas("完成了三大改造又开始了建设")
    assert df.formula.tolist() == ["三大改造"]


def test_sense_chosen_by_context_and_year():
    party = find_formulas("加强“两新”组织党建工作")
    assert "新社会组织" in party.expansion[0]
    from policytext.corpus.document import Document

    doc = Document(doc_id="r", text="加力支持“两新”工作，设备购置投资增长", meta={"year": 2025})
    econ = find_formulas(doc)
    assert "设备更新" in econ.expansion[0] and econ.sense[0] == 2 and econ.year[0] == 2025
    deng = find_formulas("邓小平关于沿海和内地“两个大局”的思想")
    now = find_formulas("统筹中华民族伟大复兴战略全局和世界百年未有之大变局这两个大局")
    assert deng.sense[0] != now.sense[0]


def test_year_from_dataframe_metadata():
    import numpy as np
    import pandas as pd

    from policytext.corpus.corpus import Corpus

    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["加力支持“两新”工作", "抓“两新”组织党建"], "year": np.array([2025, 2022])}
    )
    df = find_formulas(Corpus.from_dataframe(frame))
    assert df.year.tolist() == [2025, 2022] and df.sense.tolist() == [2, 1]
    assert df.first_seen.tolist() == [2022, 2022]


def test_nearest_context_decides_between_meanings_in_one_sentence():
    df = find_formulas("推动能耗“双控”向碳排放总量和强度“双控”转变")
    assert df.sense.tolist() == [1, 2]
    assert "能源消费" in df.expansion[0] and "碳排放" in df.expansion[1]


def test_guarded_forms_need_quotes_or_context():
    assert find_formulas("村里的两委员").empty  # 两委 cut out of 委员
    assert find_formulas("村两委班子").formula.tolist() == ["两委"]
    assert find_formulas("再三反复强调").empty  # 三反 only as a campaign
    assert find_formulas("开展“三反”运动").formula.tolist() == ["三反"]
    assert find_formulas("开展三反五反运动").formula.tolist() == ["三反", "五反"]


def test_plan_periods_on_by_default():
    text = "“十四五”时期，十五五规划开局，十四个坚持"
    df = find_formulas(text)
    assert df[["formula", "kind", "number"]].values.tolist() == [
        ["十四五", "plan_period", 14],
        ["十五五", "plan_period", 15],
        ["十四个坚持", "counted", 14],
    ]
    assert (find_formulas(text, periods=False).kind != "plan_period").all()


@pytest.mark.parametrize(
    "term, expected",
    [
        ("四早", ("abbreviation", 4)),
        ("两不愁三保障", ("paired", None)),
        ("双一流", ("abbreviation", 2)),
        ("新三样", ("counted", 3)),
        ("十三个方面成就", ("counted", 13)),
        ("三个月", None),
        ("一刀切", None),
        ("十年磨一剑", None),
        ("四两拨千斤", None),
        ("天问一号", None),
        ("第一议题", None),
        ("双语", None),
        ("七一", None),
        ("最后一公里", None),
        ("一穷二白", None),
    ],
)
def test_shape_of(term, expected):
    assert shape_of(term) == expected


def test_empty_and_bad_source():
    df = find_formulas("")
    assert df.empty and {"doc_id", "formula", "start", "end", "number", "canonical", "expansion"} <= set(df.columns)
    with pytest.raises(InputError):
        find_formulas(42)


# ---------------------------------------------------------------- the lexicon


def test_lexicon_size_header_and_sources():
    lex = load_formula_lexicon()
    assert len(lex.entries) >= 80
    assert len({e.canonical for e in lex.entries}) >= 80
    for e in lex.entries:
        assert e.source, e.canonical
        assert e.expansion, e.canonical
    header = [
        line for line in lexicon_path("formulas.tsv").read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    assert any("Provenance" in line for line in header) and any("Columns" in line for line in header)
    multi = Counter(e.canonical for e in lex.entries)
    assert multi["两新"] == 2 and all(e.context for e in lex.senses("两新"))


def test_lexicon_corpus_citations_exist(corpus_dir):
    """Every corpus file a row cites exists and holds one of the row's forms."""
    lex = load_formula_lexicon()
    checked = 0
    for e in lex.entries:
        for path in re.findall(r"([a-z0-9_]+/[\w.-]+\.txt)", e.source):
            if path.startswith("seed/"):
                continue
            f = corpus_dir / path
            assert f.is_file(), (e.canonical, path)
            text = f.read_text(encoding="utf-8")
            assert any(form in text for form in e.forms) or "spelled out" in e.source, (e.canonical, path)
            checked += 1
    assert checked >= 80


def test_bad_lexicon_names_file_and_line(tmp_path):
    p = tmp_path / "f.tsv"
    p.write_text("# header\ncanonical\tvariants\tnumber\n两个维护\t\tzwei\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"f\.tsv:3: number"):
        parse_formula_lexicon(p)
    p.write_text("甲乙\t\t\tweird\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":1: kind"):
        parse_formula_lexicon(p)


def test_user_lexicon(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("canonical\tvariants\tnumber\tkind\texpansion\n三优两重\t\t\tpaired\t优秀产品…\n", encoding="utf-8")
    df = find_formulas("开展三优两重评选", lexicon=p, unknown=False)
    assert df.formula.tolist() == ["三优两重"] and df.known.all()


# ---------------------------------------------------------------- development set (state documents)


@pytest.mark.parametrize("passage", dev_passages(), ids=lambda p: p["source"].split("/")[-1])
def test_dev_passages(passage):
    text = passage["text"]
    df = find_formulas(text)
    gold = gold_spans(text, passage["formulas"], "formula")
    assert found_spans(df, "formula") == gold
    for g, (_, s, _) in zip(passage["formulas"], gold):
        row = df[df.start == s].iloc[0]
        assert row.number == g["number"], g
        if "expansion_contains" in g:
            assert g["expansion_contains"] in row.expansion


# ---------------------------------------------------------------- invariants


_ALPHABET = "两个维护四梁八柱三严实新一重大攻坚战“”，。、的和十九届中全会党《》年月国家双"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_offsets_slice_back_hypothesis(text):
    df = find_formulas(text)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.formula == r.match
    spans = sorted(zip(df.start, df.end))
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:])), "overlapping rows"


def test_offsets_over_the_sample_corpus(sample_corpus):
    df = find_formulas(sample_corpus)
    assert len(df) > 500
    texts = {d.doc_id: d.text for d in sample_corpus}
    for r in df.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.formula


def test_yearly_counts_agree_with_substring_counts(sample_corpus):
    """Grouped by year, every listed unguarded form is counted as often as a plain substring
    search finds it, minus the occurrences inside a longer formula and after a numeral."""
    reports = [d for d in sample_corpus if d.doc_id.startswith("gwr_")]
    df = find_formulas(reports)
    lex = load_formula_lexicon()
    forms = [f for f, es in lex.by_form.items() if all(e.guard_words is None for e in es)]
    by_year = df.groupby(["year", "formula"]).size()
    mismatches = []
    for d in reports:
        year = d.meta["year"]
        rows = df[df.doc_id == d.doc_id]
        longer = [(s, e) for s, e, f in zip(rows.start, rows.end, rows.formula)]
        for form in forms:
            n = 0
            i = d.text.find(form)
            while i >= 0:
                inside_longer = any(s <= i and i + len(form) <= e and e - s > len(form) for s, e in longer)
                after_numeral = i > 0 and d.text[i - 1] in "〇零一二两三四五六七八九十百千万第0123456789"
                if not inside_longer and not after_numeral:
                    n += 1
                i = d.text.find(form, i + 1)
            got = int(by_year.get((year, form), 0))
            if n != got:
                mismatches.append((year, form, n, got))
    assert not mismatches, mismatches[:20]
    # the trend a scholar plots: 两个维护 first appears in 2019 and is counted every year after
    years = sorted(df[df.canonical == "两个维护"].year.unique())
    assert years[0] == 2019
    assert set(df[df.canonical == "两个维护"].first_seen) == {2019}
    assert set(df[df.canonical == "四个现代化"].first_seen) == {min(df[df.canonical == "四个现代化"].year)}


@pytest.mark.parametrize("folder", ["cpc_congress_reports", "policy_docs_shandong", "five_year_plans"])
def test_offsets_over_other_state_documents(corpus_dir, folder):
    from policytext.corpus.corpus import Corpus

    corpus = Corpus.from_dir(corpus_dir / folder)
    df = find_formulas(corpus)
    texts = {d.doc_id: d.text for d in corpus}
    assert len(df) > 20
    for r in df.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.formula
    for _, g in df.groupby("doc_id"):
        spans = sorted(zip(g.start, g.end))
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
