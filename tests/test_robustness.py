"""Arbitrary text into every extractor and the segmenter: no exception but policytext's own, offsets that slice.

Strategies cover what real decoders and scrapers produce: lone surrogates, control characters, long runs of one
character, nested quotes and brackets, full-width and ASCII punctuation mixed with Han text.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.errors import PolicytextError
from policytext.extract.registry import extractors

# words and marks of the register, then what scrapers and decoders leave: whitespace, surrogates, controls
PIECES = "抓 党建 促 发展 ， 。 、 ； “ ” 《 》 （ ） 两个维护 十九届六中全会 国发〔2021〕29号 学出 理想信念".split()
PIECES += "以 为 的 一 二 三 是 要 a 1 〔 [ ] { } … \\".split()
PIECES += ["\n", " ", "\u3000", "\ud800", "\udfff", "\x00", "\x1b", "\u200b"]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=80),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["党", "“", "、", "一", "。", "\ud800"]), st.integers(0, 300)),
    st.builds(lambda depth: "“" * depth + "抓党建" + "”" * depth + "《" * depth, st.integers(0, 40)),
)

EXTRACTORS = [(e.name, e.function) for e in extractors()]


def _check_frame(text: str, df: pd.DataFrame) -> None:
    assert isinstance(df, pd.DataFrame)
    if {"start", "end"} <= set(df.columns):
        for row in df.itertuples():
            assert 0 <= row.start <= row.end <= len(text)
            if "match" in df.columns:
                assert text[row.start : row.end] == row.match


@pytest.mark.parametrize("name,fn", EXTRACTORS, ids=[n for n, _ in EXTRACTORS])
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_extractors_on_arbitrary_text(name, fn, text):
    try:
        df = fn(text)
    except PolicytextError:
        return
    _check_frame(text, df)


SEGMENTERS = (pt.Segmenter(lexicon=None), pt.Segmenter(lexicon=None, backend=pt.segment.fastest_backend()))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_segmenters_give_ordered_tokens_that_slice(text):
    for seg in SEGMENTERS:
        tokens = seg.tokenize(text, pos=True)
        assert all(text[t.start : t.end] == t.word for t in tokens)
        assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))
        assert [t.word for t in tokens] == seg.cut(text)


def test_a_lone_surrogate_is_a_token_in_both_backends():
    text = "抓\ud800党建"
    expected = ["抓", "\ud800", "党建"]
    assert pt.Segmenter().cut(text) == expected
    pytest.importorskip("rjieba", reason="the fast backend is the extra 'fast'")
    assert pt.Segmenter(backend="rjieba").cut(text) == expected
    tags = [t.pos for t in pt.Segmenter(backend="rjieba").tokenize(text, pos=True)]
    assert tags[1] == "x"


# bytes as files arrive: text in the encodings policytext decodes, and what is not text at all
raw_bytes = st.one_of(
    st.binary(max_size=300),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("gb18030", "replace")),
    texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html><body>"]).flatmap(
        lambda head: st.binary(max_size=200).map(lambda tail: head + tail)
    ),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=raw_bytes)
def test_read_document_on_arbitrary_bytes(data):
    """A document, or policytext's own error (DecodeError, InputError, MissingExtraError): nothing else."""
    try:
        doc = pt.read_document(data)
    except PolicytextError:
        return
    assert isinstance(doc.text, str) and doc.text.strip()
