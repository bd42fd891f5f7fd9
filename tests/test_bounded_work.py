"""Bounded work (issue #24): every extractor finishes on pathological clauses and keeps its offsets.

The inputs are those of ``benchmarks/scaling.py`` (which prints how the cost grows): one clause of thousands of
characters made of one character, a repeated slogan, enumeration commas, nested quotes or brackets, digits, and
a real sentence repeated. The timeout is a guard against a runaway (a cost that grows with a high power of the
clause length, as ``find_parallels`` once did), not a speed test.
"""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

from policytext import Document
from policytext.extract.registry import extractors
from policytext.extract.templates import mine_templates
from policytext.segment import Segmenter

SENTENCE = "坚持抓党建促发展，建强一个班子、带好一支队伍、办好一批实事，学出理想信念、学出对党忠诚。"
N = 5000


def shapes(n: int) -> dict[str, str]:
    return {
        "one_char": "党" * n,
        "slogan": ("抓党建促发展" * (n // 6 + 1))[:n],
        "commas": ("党建、" * (n // 3 + 1))[:n],
        "quotes": "“" * (n // 2) + "”" * (n // 2),
        "brackets": "（《“" * (n // 6) + "”》）" * (n // 6),
        "digits": ("1+N" * (n // 3 + 1))[:n],
        "clauses": (SENTENCE * (n // len(SENTENCE) + 1))[:n],
    }


FUNCTIONS = [(e.name, e.function) for e in extractors()] + [("mine_templates", mine_templates)]


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return Segmenter()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("shape", list(shapes(10)))
@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_extractor_finishes_on_a_pathological_clause(name, fn, shape, seg):
    text = shapes(N)[shape]
    doc = Document(f"{shape}", text)
    kwargs = {"segmenter": seg} if "segmenter" in inspect.signature(fn).parameters else {}
    df = fn(doc, **kwargs)
    assert isinstance(df, pd.DataFrame)
    if {"start", "end", "match"} <= set(df.columns):
        for row in df.itertuples():
            assert text[row.start : row.end] == row.match


def test_repeated_sentences_give_rows_in_proportion(seg):
    """Linear in the number of clauses: k copies of a sentence give k times its groups inside a sentence.

    (Across sentences the 40 identical openings are themselves an anaphora, one group more.)
    """
    from policytext import find_parallels

    one = find_parallels(Document("one", SENTENCE), segmenter=seg)
    many = find_parallels(Document("many", SENTENCE * 40), segmenter=seg)
    within = many[many["level"] != "sentence"]
    assert len(one) > 0
    assert len(within) == 40 * len(one)
    assert sorted({s % len(SENTENCE) for s in within["start"]}) == sorted(set(one["start"]))
