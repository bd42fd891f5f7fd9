"""find_templates streams its rows (issue #24): the block-by-block scan gives the rows of a
whole-text scan, in order, and iter_templates yields exactly the frame's rows."""

from __future__ import annotations

import re

import pytest

from policytext.extract.templates import find_templates, iter_templates, matching

FRAMES = ["以{X}为{Y}", "加快{X}", "推进{X}建设", "加强{X}", "{X}取得新进展", "统筹{X}和{Y}"]


@pytest.fixture(scope="module")
def report(corpus_dir):
    # a real report, cut to ~14k characters: several blocks of the scan
    return (corpus_dir / "gov_work_reports_national/gwr_2024.txt").read_text(encoding="utf-8")[:14_000]


def _key(df):
    return [(r.template, r.start, r.end, r.match, tuple(sorted(r.slots.items())), r.elided) for r in df.itertuples()]


@pytest.mark.parametrize("strip", [False, True], ids=["punctuated", "no punctuation"])
def test_blocks_give_the_rows_of_a_whole_text_scan(report, monkeypatch, strip):
    text = re.sub(r"[，。；：！？、\s]", "", report) if strip else report
    streamed = find_templates(text, FRAMES)
    assert len(text) > 3 * matching._BLOCK and len(streamed) > 20
    # one block holding the whole text: nothing is ever carried, dropped or re-segmented
    monkeypatch.setattr(matching, "_BLOCK", len(text) + 1)
    whole = find_templates(text, FRAMES)
    assert _key(streamed) == _key(whole)
    starts = list(zip(streamed.start, streamed.end, streamed.template))
    assert starts == sorted(starts)


def test_iter_templates_yields_the_frame_rows(report):
    df = find_templates([report[:5000], report[5000:9000]], FRAMES)
    rows = list(iter_templates([report[:5000], report[5000:9000]], FRAMES))
    assert [r["doc_id"] for r in rows] == list(df.doc_id)
    assert [(r["start"], r["match"], r["slots"]) for r in rows] == list(zip(df.start, df.match, df.slots))


def test_iter_templates_is_lazy():
    consumed = []

    def docs():
        for i in range(1000):
            consumed.append(i)
            yield "坚持以人民为中心。"

    gen = iter_templates(docs(), "以{X}为{Y}")
    first = next(gen)
    assert first["match"] == "以人民为中心" and first["slots"] == {"X": "人民", "Y": "中心"}
    assert len(consumed) < 1000  # the first row came before the whole source was read
