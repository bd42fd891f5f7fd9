"""Locate the spans of ``seed_expected.json`` in a text, as its ``about`` field describes.

A group is located in order: its first item at the first occurrence after the start of
its optional ``context``, each next item at the first occurrence after the previous one.
Gold strings go through :func:`policytext.normalize` first, like the document text.
"""

from __future__ import annotations

from policytext.corpus.text import normalize


def locate_items(text: str, items: list[str], context: str | None = None) -> list[tuple[int, int]]:
    pos = 0
    if context:
        pos = text.find(normalize(context))
        if pos < 0:
            raise AssertionError(f"context {context!r} not in text")
    spans = []
    for item in items:
        item = normalize(item)
        i = text.find(item, pos)
        if i < 0:
            raise AssertionError(f"gold item {item!r} not found after offset {pos}")
        spans.append((i, i + len(item)))
        pos = i + len(item)
    return spans
