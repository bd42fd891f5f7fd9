"""find_reuse() on planted reuse in real documents: passages of 20-400 characters copied from Shandong policy
documents into 2020 speeches with 0-15% character edits, reordered items and inserted place names, at known
offsets (tests/helpers/reuse_planting.py). Scored by character overlap on the receiving side.

The development runs used central policy documents and 2013-2016 speeches; this set (Shandong documents,
2020 speeches, seed 7) and its thresholds were fixed before its numbers were first looked at (recall 0.92 then).
One failure seen here (the reordered parts of one 400-character copy scored apart) was then diagnosed on it and
fixed in general (sections join by their matched characters), so the set is no longer strictly held out.
The gapped extension of passage ends and the lower default min_similarity (0.75) of issue #22's last round were
developed on other planted sets (central documents into 2013-2016 speeches, seeds 3, 5 and 9); this set was
scored after they were fixed.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

import policytext as pt
from helpers.reuse_planting import plant, plant_recall, score, shift
from policytext.comparison import find_reuse

LENGTHS = (20, 50, 100, 200, 400)
RATES = (0.0, 0.05, 0.10, 0.15)


@pytest.fixture(scope="module")
def planted(corpus_dir):
    sources = [d.text for d in pt.Corpus.from_dir(corpus_dir / "policy_docs_shandong")][:30]
    hosts = [d.text for d in pt.Corpus.from_dir(corpus_dir / "xi_speeches_2020_jhsjk")][:30]
    receivers, plants, insertions = plant(sources, hosts, per_receiver=5, lengths=LENGTHS, rates=RATES, seed=7)
    return sources, hosts, receivers, plants, insertions


def _run(planted, min_chars=None):
    """Scores of ``find_reuse`` with *min_chars* (None: the default) on the planted set."""
    sources, hosts, receivers, plants, insertions = planted
    options = {} if min_chars is None else {"min_chars": min_chars}
    df = find_reuse(sources, receivers, **options)
    for r in df.itertuples():
        assert sources[r.doc_a][r.a_start : r.a_end] == r.a_text
        assert receivers[r.doc_b][r.b_start : r.b_end] == r.b_text
    pairs = {(p.source, p.receiver) for p in plants}
    found = [(r.doc_b, r.b_start, r.b_end) for r in df.itertuples() if (r.doc_a, r.doc_b) in pairs]
    every = [(r.doc_b, r.b_start, r.b_end) for r in df.itertuples()]
    # reuse the two texts already shared before planting is true reuse, not a false positive
    before = find_reuse(sources, hosts, **options)
    natural = [
        (r.doc_b, shift(r.b_start, insertions[r.doc_b]), shift(r.b_end, insertions[r.doc_b], end=True))
        for r in before.itertuples()
    ]
    shortest = min_chars if min_chars is not None else 20  # the default of find_reuse
    sought = [p for p in plants if p.length >= shortest]
    return found, score(found, sought), score(every, sought, natural), sought


def _by(found, plants, attr):
    out = defaultdict(list)
    for p in plants:
        out[getattr(p, attr)].append(plant_recall(found, p))
    return {k: round(sum(v) / len(v), 3) for k, v in sorted(out.items())}


def test_planted_passages_are_found_with_high_recall_and_precision(planted):
    found, matched, overall, plants = _run(planted, min_chars=15)
    print("min_chars=15:", matched, overall, _by(found, plants, "length"), _by(found, plants, "edit_rate"))
    # measured: recall 0.983, precision 0.997 (0.956 if reuse the texts shared before planting counted as
    # wrong); by length 20: 0.77, 50: 0.95, 100: 0.99, 200: 0.99, 400: 1.00; by edit rate (characters) 0%:
    # 1.00, 5%: 1.00, 10%: 0.98, 15%: 0.96 (before the gapped extension: 0.964 in all, 0.79 at 15% per passage)
    assert matched["recall"] >= 0.95
    assert overall["precision"] >= 0.95
    for rate in RATES:
        assert score(found, [p for p in plants if p.edit_rate == rate])["recall"] >= 0.95, rate


def test_with_the_defaults_the_issue_bar_is_met(planted):
    found, matched, overall, plants = _run(planted)
    print("defaults:", matched, overall, _by(found, plants, "length"), _by(found, plants, "edit_rate"))
    # measured (min_chars=20 by default): recall 0.977, precision 0.998 (0.973 strict); by edit rate 0%: 0.999,
    # 5%: 0.989, 10%: 0.971, 15%: 0.951; by length 20: 0.55, 50: 0.95, 100: 0.99, 200: 0.99, 400: 1.00.
    # With min_chars=50 (the default before) recall was 0.945 of the copies of 50 characters or more.
    assert len(plants) == 150  # every planted copy (20-400 characters) is sought
    assert matched["recall"] >= 0.95
    assert overall["precision"] >= 0.95
    for rate in RATES:
        assert score(found, [p for p in plants if p.edit_rate == rate])["recall"] >= 0.95, rate
    long = [p for p in plants if p.length >= 100]
    assert score(found, long)["recall"] >= 0.95
    exact = [p for p in plants if p.edit_rate == 0 and not p.reordered]
    assert all(plant_recall(found, p) >= 0.9 for p in exact)
