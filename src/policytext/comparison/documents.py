"""The documents a comparison verb reads: ``(doc_id, text, meta)`` with the argument's name in every error.

>>> [d.doc_id for d in collect(["甲乙", "丙丁"], "source")]
[0, 1]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..corpus.source import Source, iter_source
from ..errors import InputError

__all__ = ["META_KEYS", "Doc", "collect", "meta_columns"]

#: metadata carried into pairwise frames as ``<key>_a`` and ``<key>_b`` where the documents have them
META_KEYS = ("year", "issuer", "title")


@dataclass(frozen=True)
class Doc:
    """One text of a comparison: its id, its text (every offset points into it) and its metadata."""

    doc_id: Any
    text: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


def collect(source: Source, argument: str) -> list[Doc]:
    """Every text of *source* as a :class:`Doc`; an :class:`InputError` naming *argument* otherwise.

    >>> collect(3, "other")
    Traceback (most recent call last):
    policytext.errors.InputError: other: source is int; expected str, Document, Corpus or a list of them
    """
    try:
        return [Doc(doc_id, text, dict(meta)) for doc_id, text, meta in iter_source(source)]
    except InputError as e:
        raise InputError(f"{argument}: {e}") from None


def meta_columns(docs: Sequence[Doc], keys: Sequence[str] = META_KEYS) -> list[str]:
    """The keys of *keys* that at least one of *docs* has (not ``None``).

    >>> meta_columns([Doc("a", "", {"year": 2020}), Doc("b", "", {})])
    ['year']
    """
    return [k for k in keys if any(d.meta.get(k) is not None for d in docs)]
