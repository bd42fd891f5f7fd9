"""Helpers shared by the formula, meeting, quotation and reference tests: the development
annotation in ``tests/data/formulas_dev.json`` and gold-versus-found comparison."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.spec_locate import locate_items
from policytext.corpus.text import normalize

DEV_PATH = Path(__file__).resolve().parents[1] / "data" / "formulas_dev.json"


def dev_passages() -> list[dict]:
    """Passages of state documents with their gold annotation; ``text`` is normalized."""
    doc = json.loads(DEV_PATH.read_text(encoding="utf-8"))
    out = []
    for p in doc["passages"]:
        p = dict(p)
        p["text"] = normalize(p["text"])
        out.append(p)
    return out


def gold_spans(text: str, items: list, key: str | None = None) -> list[tuple[str, int, int]]:
    """``(string, start, end)`` of gold items located in order (items are strings or dicts)."""
    strings = [it[key] if key else it for it in items]
    return [(text[s:e], s, e) for s, e in locate_items(text, strings)]


def found_spans(df, column: str = "match") -> list[tuple[str, int, int]]:
    return sorted(zip(df[column], df["start"], df["end"]), key=lambda t: (t[1], t[2]))
