"""Invariants of unit splitting and coherence (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.topics.coherence import topic_coherence
from policytext.topics.units import _spans

chars = st.sampled_from(list("改革开放乡村振兴农业发展。，；！？ \u3000\n\t"))
texts = st.text(alphabet=chars, max_size=400)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=50, max_value=120), st.sampled_from(["paragraph", "document"]))
def test_spans_cover_every_character_once(text, max_chars, unit):
    spans = _spans(text, unit, max_chars)
    covered = np.zeros(len(text), dtype=int)
    for s, e in spans:
        assert 0 <= s < e <= len(text) or (unit == "document" and s == e == len(text) == 0)
        covered[s:e] += 1
        if unit == "paragraph":
            piece = text[s:e]
            assert "\n" not in piece and piece == piece.strip()
    assert covered.max(initial=0) <= 1  # nothing duplicated
    for i, ch in enumerate(text):  # nothing lost
        if not ch.isspace():
            assert covered[i] == 1, (i, ch)
    assert spans == sorted(spans)


words = st.sampled_from(["改革", "开放", "农业", "农村", "财政", "预算", "军队", "国防"])
units_st = st.lists(st.lists(words, max_size=6), min_size=1, max_size=40)
topics_st = st.lists(st.lists(words, min_size=2, max_size=5, unique=True), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(topics_st, units_st, st.randoms(use_true_random=False))
def test_npmi_is_bounded_and_order_free(topics, units, rnd):
    a = topic_coherence(topics, units, "npmi")
    ok = a[np.isfinite(a)]
    assert ((ok >= -1 - 1e-12) & (ok <= 1 + 1e-12)).all()
    shuffled = list(units)
    rnd.shuffle(shuffled)
    b = topic_coherence(topics, shuffled, "npmi")
    assert np.allclose(a, b, equal_nan=True)
    u = topic_coherence(topics, units, "umass")
    assert (u[np.isfinite(u)] <= np.log(2) + 1e-12).all()


def test_npmi_by_hand():
    units = [["a", "b"], ["a", "b"], ["a"], ["c"]]
    # P(a)=3/4, P(b)=1/2, P(a,b)=1/2: log(0.5/0.375)/-log(0.5)
    expect = np.log(0.5 / 0.375) / -np.log(0.5)
    assert np.isclose(topic_coherence([["a", "b"]], units)[0], expect)
    assert topic_coherence([["b", "c"]], units)[0] == -1.0
    # UMass with a ranked first: log((D(a,b)+1)/D(a)) = log(3/3)
    assert np.isclose(topic_coherence([["a", "b"]], units, "umass")[0], 0.0)
    assert np.isnan(topic_coherence([["a", "zzz"]], units)[0])  # one known term: no pair
