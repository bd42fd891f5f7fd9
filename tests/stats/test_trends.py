"""Term trends equal plain substring counts; first_seen dates 提法 the way a reader of the reports would."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext import Corpus, Segmenter
from policytext.errors import InputError
from policytext.stats.trends import first_seen, term_counts, term_trends

TRACKED = ["改革开放", "科学发展观", "高质量发展", "一带一路", "新质生产力", "人民公社", "小康"]

# (formula, earliest plausible year, latest plausible year of its first appearance in a national
# Government Work Report), from when each was coined or launched; the upper bounds are generous.
FORMULAS = [
    ("人民公社", 1958, 1960),
    ("大跃进", 1958, 1960),
    ("四个现代化", 1964, 1980),
    ("文化大革命", 1966, 1980),
    ("家庭联产承包", 1979, 1990),
    ("一国两制", 1982, 1990),
    ("社会主义市场经济", 1992, 1994),
    ("依法治国", 1996, 1999),
    ("西部大开发", 1999, 2002),
    ("三个代表", 2000, 2003),
    ("科学发展观", 2004, 2006),
    ("和谐社会", 2004, 2007),
    ("生态文明", 2007, 2013),
    ("全面建成小康社会", 2010, 2013),
    ("一带一路", 2014, 2016),
    ("新常态", 2014, 2016),
    ("供给侧结构性改革", 2016, 2017),
    ("脱贫攻坚", 2015, 2017),
    ("数字经济", 2016, 2019),
    ("人工智能", 2015, 2019),
    ("高质量发展", 2018, 2019),
    ("乡村振兴", 2018, 2019),
    ("新发展格局", 2020, 2022),
    ("碳达峰", 2021, 2022),
    ("中国式现代化", 2021, 2024),
    ("新质生产力", 2024, 2025),
]


@pytest.fixture(scope="module")
def reports(sample_corpus):
    return sample_corpus.filter(collection="gov_work_reports_national")


def test_trends_equal_plain_substring_counts(reports):
    counts = term_trends(reports, TRACKED, unit="count")
    rates = term_trends(reports, TRACKED)
    assert counts.index.name == "year" and list(counts.columns) == TRACKED
    assert counts.index.is_monotonic_increasing
    by_year: dict[int, dict[str, int]] = {}
    chars: dict[int, int] = {}
    for doc in reports:
        y = doc.meta["year"]
        chars[y] = chars.get(y, 0) + len(doc.text)
        for t in TRACKED:
            by_year.setdefault(y, {}).setdefault(t, 0)
            by_year[y][t] += len(re.findall(re.escape(t), doc.text))
    expected = pd.DataFrame.from_dict(by_year, orient="index").sort_index()
    pd.testing.assert_frame_equal(counts, expected[TRACKED], check_names=False, check_dtype=False)
    for y in expected.index:
        for t in TRACKED:
            assert rates.loc[y, t] == pytest.approx(by_year[y][t] / chars[y] * 10_000)
    assert counts.loc[2024, "新质生产力"] > 0 and counts.loc[2012, "新质生产力"] == 0


def test_first_seen_formulas_over_the_reports(reports):
    fs = first_seen(reports, [f for f, _, _ in FORMULAS])
    print(fs[["term", "doc_id", "year", "first_count", "count", "n_docs"]].to_string())
    assert list(fs.term) == [f for f, _, _ in FORMULAS]
    for (formula, lo, hi), row in zip(FORMULAS, fs.itertuples(index=False)):
        assert lo <= row.year <= hi, (formula, row.year, row.doc_id)
        assert row.doc_id == f"gwr_{row.year}"
        assert row.count >= row.first_count >= 1
    years = dict(zip(fs.term, fs.year))
    assert years["科学发展观"] >= 2004
    assert 2020 <= years["中国式现代化"] <= 2029


def test_first_seen_ordering_and_unknown_terms():
    c = Corpus.from_texts(
        ["新提法。", "旧文。", "新提法，新提法。"],
        ids=["late", "none", "early"],
        meta=[{"year": 2020}, {}, {"year": 2010}],
    )
    fs = first_seen(c, ["新提法", "从未出现"])
    assert fs.loc[0, "doc_id"] == "early" and fs.loc[0, "year"] == 2010
    assert fs.loc[0, "first_count"] == 2 and fs.loc[0, "count"] == 3 and fs.loc[0, "n_docs"] == 2
    assert fs.loc[0, "last_year"] == 2020
    assert pd.isna(fs.loc[1, "doc_id"]) and fs.loc[1, "count"] == 0 and pd.isna(fs.loc[1, "year"])


def test_token_match_respects_word_boundaries():
    seg = Segmenter(lexicon=None)
    text = "坚持改革开放，深化改革，改革。"
    sub = term_counts([text], ["改革"])
    tok = term_counts([text], ["改革"], match="token", segmenter=seg)
    assert sub.iloc[0, 0] == 3
    assert tok.iloc[0, 0] == seg.cut(text).count("改革") < 3
    # a multi-token term is matched as a run of tokens
    multi = term_counts(["加快建设制造强国。"], ["建设制造强国"], match="token", segmenter=seg)
    assert multi.iloc[0, 0] == 1


def test_errors():
    c = Corpus.from_texts(["甲。"], meta=[{"year": 2000}])
    with pytest.raises(InputError, match="unit"):
        term_trends(c, ["甲"], unit="percent")
    with pytest.raises(InputError, match="by='province'"):
        term_trends(c, ["甲"], by="province")
    with pytest.raises(InputError, match="terms"):
        term_trends(c, [""])
    with pytest.raises(InputError, match="match"):
        term_counts(c, ["甲"], match="regex")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.text(alphabet="甲乙丙。", max_size=30), min_size=1, max_size=5),
    st.lists(st.sampled_from([2001, 2002, 2003]), min_size=5, max_size=5),
    st.sampled_from(["甲", "甲乙", "乙丙丙"]),
)
def test_trend_totals_equal_corpus_counts(texts, years, term):
    texts = [t + "。" for t in texts]
    c = Corpus.from_texts(texts, meta=[{"year": y} for y in years[: len(texts)]])
    tr = term_trends(c, [term], unit="count")
    assert tr[term].sum() == sum(t.count(term) for t in texts)
    assert set(tr.index) == {y for y in years[: len(texts)]}


def test_variants_counted_together_without_double_counting(reports):
    groups = {"小康社会": ["全面建成小康社会", "小康社会"], "一带一路": ["一带一路", "丝绸之路经济带"]}
    tr = term_trends(reports, groups, unit="count")
    assert list(tr.columns) == ["小康社会", "一带一路"]
    for doc in reports:
        y = doc.meta["year"]
        assert tr.loc[y, "小康社会"] == doc.text.count("小康社会")  # the longer variant contains the shorter
        assert tr.loc[y, "一带一路"] == doc.text.count("一带一路") + doc.text.count("丝绸之路经济带")
    fs = first_seen(reports, {"一带一路": ["一带一路", "丝绸之路经济带"]})
    assert fs.loc[0, "year"] <= first_seen(reports, ["一带一路"]).loc[0, "year"]
    seg = Segmenter(lexicon=None)
    tok = term_counts(["改革开放，改革，开放。"], {"改革": ["改革开放", "改革"]}, match="token", segmenter=seg)
    assert tok.iloc[0, 0] == 2


def test_a_bare_string_and_a_repeated_term_are_one_column():
    """0.1 crashed with 'cannot reshape array' on both (the shape used the string's length)."""
    c = Corpus.from_texts(["抓党建促发展，党建引领。", "加强党的建设。"], meta=[{"year": 2020}, {"year": 2021}])
    one = term_trends(c, "党建", unit="count")
    assert list(one.columns) == ["党建"] and one["党建"].tolist() == [2, 0]
    assert term_trends(c, ["党建", "党建"], unit="count").equals(one)
