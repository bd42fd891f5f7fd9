"""compare_series(): first and last period of each formulation, added and dropped; the national reports."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.comparison import compare_series
from policytext.errors import InputError


def test_columns_and_periods_on_handmade_texts():
    texts = ["推进三去一降一补。", "推动高质量发展。", "推进三去一降一补，推动高质量发展。", "推动高质量发展。"]
    corpus = pt.Corpus.from_texts(texts, meta=[{"year": y} for y in (2016, 2017, 2019, 2020)])
    s = compare_series(corpus)
    assert list(s.columns) == ["formulation", "kind", "first", "last", "added", "dropped", "n_periods", "total"]
    row = s.set_index("formulation").loc["三去一降一补"]
    assert (row["first"], row["last"], row["added"], row["dropped"]) == (2016, 2019, [2019], [2017, 2020])
    assert (row["n_periods"], row["total"], row["kind"]) == (2, 2, "formula")
    row = s.set_index("formulation").loc["高质量发展"]
    assert (row["first"], row["added"], row["dropped"]) == (2017, [2017], [])
    assert type(row["first"]) is int
    assert s["first"].tolist() == sorted(s["first"].tolist(), key=[2016, 2017, 2019, 2020].index)


def test_documents_of_one_period_count_together_and_by_can_be_any_key():
    corpus = pt.Corpus.from_texts(
        ["推动高质量发展。", "推动高质量发展。", "扩大内需。"],
        meta=[{"plan": "十三五"}, {"plan": "十三五"}, {"plan": "十四五"}],
    )
    row = compare_series(corpus, by="plan").set_index("formulation").loc["高质量发展"]
    assert (row["total"], row["n_periods"], row["dropped"]) == (2, 1, ["十四五"])


def test_a_document_without_the_key_is_an_error_naming_it():
    corpus = pt.Corpus.from_texts(["推动高质量发展。", "扩大内需。"], meta=[{"year": 2020}, {}])
    with pytest.raises(InputError, match="year"):
        compare_series(corpus)


@pytest.fixture(scope="module")
def reports(corpus_dir):
    corpus = pt.Corpus.from_dir(corpus_dir, pattern="gov_work_reports_national/gwr_20[012]*.txt")
    return compare_series(corpus).set_index("formulation")


def test_national_reports_show_when_formulations_came_and_went(reports, corpus_dir):
    d = corpus_dir / "gov_work_reports_national"
    # checked against the texts: 新质生产力 occurs in 2024 (1x) and 2025 (2x), in no report before;
    # 高质量发展 occurs first in 2018; 三去一降一补 in 2017, 2018, 2019 and 2021, in none after 2021
    text = {y: (d / f"gwr_{y}.txt").read_text(encoding="utf-8") for y in range(2000, 2026)}
    assert min(y for y in text if "新质生产力" in text[y]) == 2024
    assert reports.loc["新质生产力", "first"] == 2024 and reports.loc["新质生产力", "added"] == [2024]
    assert min(y for y in text if "高质量发展" in text[y]) == 2018
    assert reports.loc["高质量发展", "first"] == 2018
    last = max(y for y in text if "三去一降一补" in text[y])
    assert last == 2021
    row = reports.loc["三去一降一补"]
    assert row["last"] == last and last + 1 in row["dropped"]
    assert row["first"] == min(y for y in text if "三去一降一补" in text[y])
