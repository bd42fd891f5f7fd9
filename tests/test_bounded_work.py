"""Bounded work (issue #24): every extractor finishes on pathological clauses and keeps its offsets.

The inputs are those of ``benchmarks/scaling.py`` (which prints how the cost grows): one clause of thousands of
characters made of one character, a repeated slogan, enumeration commas, nested quotes or brackets, digits, and
a real sentence repeated. The timeout is a guard against a runaway (a cost that grows with a high power of the
clause length, as ``find_parallels`` once did), not a speed test.
"""

from __future__ import annotations

import inspect
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext import Document
from policytext.extract.registry import extractors
from policytext.extract.templates import mine_templates
from policytext.segment import Segmenter
from policytext.segment.backends import MAX_BLOCK, JiebaBackend, bounded_pieces

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


# -- jieba's HMM on long runs ----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="党建促发展ab1，。 \n", max_size=400),
    limit=st.integers(min_value=1, max_value=50),
)
def test_bounded_pieces_join_to_the_text_and_leave_no_long_block(text, limit):
    pieces = bounded_pieces(text, limit=limit)
    assert "".join(pieces) == text and (all(pieces) or pieces == [""])
    for piece in pieces:
        assert all(len(run) <= limit for run in re.findall(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+", piece))


def test_a_long_run_is_cut_before_jiebas_hmm_and_the_tokens_still_tile_it():
    """jieba.finalseg's Viterbi copies its path at each character (n² on a run of unknown characters)."""
    backend = JiebaBackend([], hmm=True)
    run = "党" * (3 * MAX_BLOCK + 7)
    tokens = backend.cut("开始：" + run + "。")
    assert "".join(tokens) == "开始：" + run + "。"
    # no token crosses a cut at a multiple of MAX_BLOCK into the run
    ends, pos = set(), 0
    for t in tokens:
        pos += len(t)
        ends.add(pos)
    assert {3 + MAX_BLOCK, 3 + 2 * MAX_BLOCK, 3 + 3 * MAX_BLOCK} <= ends
    # below the cap nothing changes
    short = "党" * 50 + "促发展"
    assert backend.cut(short) == list(backend.tk.cut(short, HMM=True))
