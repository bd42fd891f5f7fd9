"""The HTML report shows a document's headings as an outline; extractor rows get their section."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import policytext as pt
from policytext.errors import InputError
from policytext.extract.registry import add_sections
from policytext.reporting.html import outline_html, report


def test_outline_of_a_real_notice_nests_its_headings(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_central/central_006.txt")
    html = outline_html(doc, lang="zh")
    assert html.startswith('<nav class="pt-outline">') and "目录" in html
    assert html.count("<li") == len(doc.sections)
    # the five actions of 二、 are a list inside its item
    two = html[html.index("二、重点行动") :]
    assert two.index("<ol>") < two.index("（一）“数商强基”行动") < two.index("</ol>")
    assert "三、保障措施" in html


def test_report_of_a_regulation_lists_chapters_and_articles(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_012.txt")
    page = report(doc, kinds=(), lang="zh")
    outline = re.search(r'<nav class="pt-outline">.*?</nav>', page, re.S)
    assert outline is not None
    assert "第一章 总则" in outline.group() and "第一条" in outline.group()
    starts = [int(x) for x in re.findall(r'data-start="(\d+)"', outline.group())]
    assert starts == sorted(starts) and len(starts) == len(doc.sections)


def test_no_outline_without_headings():
    doc = pt.Corpus.from_texts(["坚持稳中求进。推动高质量发展。"])[0]
    assert outline_html(doc) == ""
    assert '<nav class="pt-outline">' not in report(doc, kinds=())


def test_add_sections_places_rows_in_the_innermost_section(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_central/central_006.txt")
    s = doc.sections
    rows = pd.DataFrame(
        {
            "doc_id": [doc.doc_id] * 3,
            "start": [0, int(s.loc[2, "start"]) + 10, int(s.loc[0, "start"]) + 5],
            "end": [2, int(s.loc[2, "start"]) + 12, int(s.loc[0, "start"]) + 7],
        }
    )
    out = add_sections(rows, doc)
    assert pd.isna(out.loc[0, "section"])  # before the first heading: title and addressees
    assert out.loc[1, "section"] == 2 and out.loc[1, "section_number"] == "（一）"
    assert out.loc[2, "section_heading"] == "总体要求"
    assert list(rows.columns) == ["doc_id", "start", "end"]  # the input is left as it was


def test_add_sections_on_extractor_rows(corpus_dir):
    doc = pt.read_document(corpus_dir / "policy_docs_shandong/shandong_012.txt")
    found = pt.find_formulas(doc)
    if found.empty:
        pytest.skip("no formulas found in this document")
    out = add_sections(found, doc)
    s = doc.sections
    for row in out.dropna(subset=["section"]).itertuples():
        sec = s.loc[int(row.section)]
        assert sec["start"] <= row.start < sec["end"]


def test_add_sections_errors_name_the_problem():
    with pytest.raises(InputError, match="start"):
        add_sections(pd.DataFrame({"doc_id": ["0"]}), ["一、甲"])
    with pytest.raises(InputError, match="'9'"):
        add_sections(pd.DataFrame({"doc_id": ["9"], "start": [0]}), ["一、甲"])
