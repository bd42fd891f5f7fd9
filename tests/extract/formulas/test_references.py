"""Titles of documents cited in 《》."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.formula_dev import dev_passages, found_spans, gold_spans
from helpers.spec_locate import locate_items
from policytext.extract.formulas.finder import find_references
from policytext.extract.formulas.quotes import reference_kind


def test_seed_references(seed_doc, seed_expected):
    df = find_references(seed_doc)
    gold = seed_expected["document_references"]
    spans = locate_items(seed_doc.text, gold)
    assert found_spans(df) == [(g, s, e) for g, (s, e) in zip(gold, spans)]
    assert df.kind.tolist() == ["regulation"]


def test_adjacent_titles_and_nested_quotes():
    text = "颁布《网络安全法》《数据安全法》，发布《“一带一路”数字经济国际合作倡议》"
    df = find_references(text)
    assert df.title.tolist() == ["网络安全法", "数据安全法", "“一带一路”数字经济国际合作倡议"]
    for r in df.itertuples():
        assert text[r.start : r.end] == r.title == r.match


def test_unclosed_and_multiline_brackets_are_skipped():
    assert find_references("见《未闭合的书名\n下一行》").empty
    assert find_references("《》").empty


@pytest.mark.parametrize(
    "title, kind",
    [
        ("中华人民共和国民法典", "law"),
        ("网络安全法", "law"),
        ("中国共产党组织工作条例", "regulation"),
        ("关于实施乡村振兴战略的意见", "directive"),
        ("“十四五”数字经济发展规划", "plan"),
        ("政府工作报告", "report"),
        ("毛泽东选集", "work"),
        ("人民日报", "periodical"),
        ("国家中长期科学和技术发展规划纲要（2006—2020年）", "plan"),
        ("红楼梦", "other"),
    ],
)
def test_kinds(title, kind):
    assert reference_kind(title) == kind


@pytest.mark.parametrize("passage", dev_passages(), ids=lambda p: p["source"].split("/")[-1])
def test_dev_passages(passage):
    text = passage["text"]
    assert found_spans(find_references(text)) == gold_spans(text, passage["document_references"])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="《》〈〉法条例 \n关于意见", max_size=50))
def test_offsets_hypothesis(text):
    for r in find_references(text).itertuples():
        assert text[r.start : r.end] == r.match and "《" not in r.match and "》" not in r.match


def test_offsets_over_policy_documents(corpus_dir):
    from policytext.corpus.corpus import Corpus

    corpus = Corpus.from_dir(corpus_dir / "policy_docs_central")
    df = find_references(corpus)
    texts = {d.doc_id: d.text for d in corpus}
    assert len(df) > 300
    for r in df.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.match
    assert (df.kind != "other").mean() > 0.7
