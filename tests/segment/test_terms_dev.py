"""Formulations kept whole on the tuning passages of the terms development set (issue #20).

``scripts/evaluate_terms.py`` scores ``tests/data/terms_dev/passages.json``; this test runs it on the
*tuning* passages only (the held-out ones are scored once, by hand, at the end of a change) and keeps the
rate from falling below what the current lexicon and head rules reach (see docs/segmentation.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from policytext.segment import Segmenter

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "evaluate_terms.py"
DATA = Path(__file__).resolve().parents[1] / "data" / "terms_dev" / "passages.json"

# kept whole by type on the 9 tuning passages: 0.597 before the second pass of issue #20, 0.633 after, 0.657 after the
# curated pass of official formulations (third pass), 0.708 after the rescue pass, 0.742 with quoted formulations,
# 0.753 with programme names, 0.768 with coordinated items (a floor above 0.753: the test fails when the quoted, the
# programme or the coordination rule breaks)
MIN_TYPE_RATE = 0.76


def _evaluate_module():
    spec = importlib.util.spec_from_file_location("evaluate_terms", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_formulations_kept_whole_on_the_tuning_passages(corpus_dir):
    if not (corpus_dir / "manifest.jsonl").is_file():
        pytest.skip("no corpus")
    ev = _evaluate_module()
    try:
        import rjieba  # noqa: F401

        backend = "rjieba"
    except ImportError:
        backend = "jieba"
    seg = Segmenter(backend=backend)
    passages = ev.load_passages(DATA, corpus_dir, "tune")
    assert len(passages) == 9
    rows = ev.evaluate(passages, {"coarse": lambda text: {(t.start, t.end) for t in seg.tokenize(text)}})
    rate = sum(r["whole_types"] for r in rows) / sum(r["types"] for r in rows)
    assert rate >= MIN_TYPE_RATE, rate
