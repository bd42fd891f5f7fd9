"""Sixteen pages written blind (``data/probes_blind/README.md``): each reads to its gold body, title, date and
source. First sight was precision 0.980, titles 14/16, dates 13/16, sources 13/16; what they showed is in
``docs/reading.md``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policytext as pt
from helpers.html_scoring import han, precision_recall

PROBES = Path(__file__).parent / "data" / "probes_blind"
GOLD = [json.loads(line) for line in (PROBES / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_a_blind_page_reads_to_its_gold(gold):
    doc = pt.read_document(PROBES / gold["file"])
    precision, recall = precision_recall(doc.text, han(gold["body"]))
    assert precision >= 0.99 and recall >= 0.99, (precision, recall)
    lines = doc.text.split("\n")
    assert lines[0] == gold["body_first_line"] and lines[-1] == gold["body_last_line"]
    assert han(doc.meta.get("title") or "") == han(gold["title"])
    date = doc.meta.get("date")
    assert (date.isoformat() if date else None) == gold["date"]
    assert doc.meta.get("source") == gold["source"]
