"""The caches that make a second scan of a Corpus cheap change no row.

find_templates keeps the segmented windows of a Corpus with the corpus (Corpus.memo): a
second call, or a call with other templates, reads them instead of segmenting again, and
returns the rows of a scan that segments every window itself.
"""

from __future__ import annotations

import pytest

from policytext.corpus.corpus import Corpus
from policytext.corpus.document import Document
from policytext.extract.templates import find_templates, matching

FRAMES = ["以{X}为{Y}", "加快{X}", "推进{X}建设", "加强{X}", "{X}取得新进展", "统筹{X}和{Y}"]


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    texts = [
        (corpus_dir / f"gov_work_reports_national/gwr_{year}.txt").read_text(encoding="utf-8")[:8000]
        for year in (2019, 2024)
    ]
    return Corpus([Document(f"d{k}", t) for k, t in enumerate(texts)])


def _rows(df):
    return [
        (r.doc_id, r.template, r.start, r.end, r.match, tuple(sorted(r.slots.items())), r.elided)
        for r in df.itertuples()
    ]


def test_a_second_scan_of_a_corpus_reads_its_windows(corpus, monkeypatch):
    plain = find_templates(list(corpus), FRAMES)  # documents, not a Corpus: nothing is kept
    first = find_templates(corpus, FRAMES)
    assert _rows(first) == _rows(plain) and len(plain) > 20

    # every window the second scan needs is already kept with the corpus
    calls = []
    tokens = matching._Doc.tokens

    def counted(self, pos):
        before = len(self._windows)
        tv = tokens(self, pos)
        calls.append(len(self._windows) - before)
        return tv

    monkeypatch.setattr(matching._Doc, "tokens", counted)
    again = find_templates(corpus, FRAMES)
    assert _rows(again) == _rows(first)
    assert calls and not any(calls)


def test_the_windows_depend_on_the_segmenter(corpus):
    from policytext.segment.segmenter import Segmenter

    default = find_templates(corpus, FRAMES)
    other = find_templates(corpus, FRAMES, segmenter=Segmenter())
    assert _rows(find_templates(list(corpus), FRAMES, segmenter=Segmenter())) == _rows(other)
    assert _rows(find_templates(corpus, FRAMES)) == _rows(default)


def test_mining_a_corpus_twice_gives_the_same_frames(corpus):
    from pandas.testing import assert_frame_equal

    from policytext.extract.templates import mine_templates

    plain = mine_templates(list(corpus))  # documents, not a Corpus: nothing is kept
    first = mine_templates(corpus)  # builds the flat tokens and name tags kept with the corpus
    again = mine_templates(corpus)  # reads them
    assert len(plain) > 0
    assert_frame_equal(first, plain)
    assert_frame_equal(again, first)
