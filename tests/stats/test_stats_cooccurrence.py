"""Co-occurrence edge lists: sentence and window counting by hand, networkx-ready shape."""

from __future__ import annotations

import pytest

from policytext import Corpus, Segmenter
from policytext.errors import InputError
from policytext.stats.cooccurrence import cooccurrence


@pytest.fixture(scope="module")
def seg():
    return Segmenter(lexicon=None)


def test_sentence_window_counts_sentences(seg):
    text = "改革，发展，改革。改革，稳定。\n发展，稳定"
    e = cooccurrence(text, segmenter=seg)
    assert list(e.columns) == ["term1", "term2", "weight"]
    got = {(r.term1, r.term2): r.weight for r in e.itertuples()}
    # sentence 1: 改革 发展 (改革 twice counts once); sentence 2: 改革 稳定; line 3: 发展 稳定
    assert got == {("发展", "改革"): 1, ("改革", "稳定"): 1, ("发展", "稳定"): 1}
    assert all(a < b for a, b in got)


def test_integer_window_counts_position_pairs(seg):
    e = cooccurrence(["改革，发展，稳定，改革。"], window=2, segmenter=seg)
    got = {(r.term1, r.term2): r.weight for r in e.itertuples()}
    assert got == {("发展", "改革"): 1, ("发展", "稳定"): 1, ("改革", "稳定"): 1}
    e3 = cooccurrence(["改革，发展，稳定，改革。"], window=3, segmenter=seg)
    got3 = {(r.term1, r.term2): r.weight for r in e3.itertuples()}
    # distances 1 and 2: 改发 发稳 稳改 | 改稳 发改
    assert got3 == {("发展", "改革"): 2, ("改革", "稳定"): 2, ("发展", "稳定"): 1}


def test_filters_and_sorting(seg):
    c = Corpus.from_texts(["改革，发展。", "改革，发展。", "改革，稳定。"])
    e = cooccurrence(c, segmenter=seg)
    assert e.iloc[0].tolist() == ["发展", "改革", 2]
    assert cooccurrence(c, segmenter=seg, min_weight=2).shape[0] == 1
    assert "稳定" not in set(cooccurrence(c, segmenter=seg, min_count=2)[["term1", "term2"]].stack())
    assert set(cooccurrence(c, segmenter=seg, terms=["改革", "稳定"]).term2) == {"稳定"}
    with pytest.raises(InputError, match="window"):
        cooccurrence(c, window=1, segmenter=seg)
    with pytest.raises(InputError, match="window"):
        cooccurrence(c, window="paragraph", segmenter=seg)


def test_seed_network_centres_on_party_building(seed_doc, segmenter):
    e = cooccurrence(seed_doc, segmenter=segmenter, min_chars=2)
    assert len(e) > 100
    strength = (
        e.groupby("term1").weight.sum().add(e.groupby("term2").weight.sum(), fill_value=0).sort_values(ascending=False)
    )
    top = set(strength.head(15).index)
    assert {"组织", "党建"} & top or {"组织工作", "基层党组织"} & top, top
