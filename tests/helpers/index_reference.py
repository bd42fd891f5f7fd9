"""Brute-force references for the index tests: every occurrence by str.find, query quoting, KWIC spans."""

from __future__ import annotations

import pandas as pd

from policytext.corpus.document import Document


def occurrences(docs: list[Document], q: str) -> list[tuple[str, int, int]]:
    """Every (overlapping) occurrence of q, in corpus order: the brute-force reference."""
    out = []
    for d in docs:
        s = d.text.find(q)
        while s >= 0:
            out.append((d.doc_id, s, s + len(q)))
            s = d.text.find(q, s + 1)
    return out


def quoted(q: str) -> str:
    """*q* as a quoted literal of the query language."""
    return '"' + q.replace("\\", "\\\\").replace('"', '\\"') + '"'


def kwic_spans(df: pd.DataFrame) -> list[tuple[str, int, int]]:
    """``(doc_id, start, end)`` of each KWIC row."""
    return list(zip(df["doc_id"], df["start"].tolist(), df["end"].tolist()))
