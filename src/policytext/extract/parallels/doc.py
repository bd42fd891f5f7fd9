"""The token view of one document that the parallel detectors share, and the group they return.

>>> from policytext.segment.segmenter import Token
>>> d = TokenView("学深悟透", [Token("学深", 0, 2, "v"), Token("悟透", 2, 4, "v")])
>>> bool(d.boundary[2]), d.n_tokens(0, 4), d.tok_lengths(0, 4)
(True, 2, (2, 2))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .frames import Frame

__all__ = ["LEVEL_RANK", "PRED", "Group", "TokenView"]

PRED = ("v", "a", "d", "i", "l")  # POS classes of predicates (verbs, adjectives, adverbs, idioms)
LEVEL_RANK = {"word": 0, "phrase": 1, "clause": 2, "sentence": 3, "paragraph": 4}


class TokenView:
    """Text plus token boundaries and POS, queried by character offsets."""

    def __init__(self, text: str, tokens: Sequence[Any]):
        self.text = text
        n = len(text)
        self.is_start = np.zeros(n + 1, dtype=bool)
        self.is_end = np.zeros(n + 1, dtype=bool)
        self.pos_at: dict[int, str] = {}
        for t in tokens:
            self.is_start[t.start] = True
            self.is_end[t.end] = True
            self.pos_at[t.start] = t.pos or "x"
        # a boundary is wherever a token starts or ends (whitespace gaps count too)
        self.boundary = self.is_start | self.is_end
        self.boundary[0] = self.boundary[n] = True
        self._cum = np.concatenate([[0], np.cumsum(self.is_start[:n])])
        #: offsets where a series went on past a detector's cap (reported, never silently cut)
        self.capped: list[int] = []

    def n_tokens(self, s: int, e: int) -> int:
        """Tokens that start inside [s, e) (a token cut at *s* counts as one)."""
        c = int(self._cum[e] - self._cum[s])
        return c + (0 if self.is_start[s] else 1)

    def tok_lengths(self, s: int, e: int) -> tuple[int, ...]:
        out, last = [], s
        for i in range(s + 1, e + 1):
            if self.boundary[i] or i == e:
                out.append(i - last)
                last = i
        return tuple(out)

    def phrasal(self, s: int, e: int) -> bool:
        """More than one word, or one idiom / set phrase (相互尊重): not a bare noun."""
        return self.n_tokens(s, e) >= 2 or self.pos_at.get(s, "x")[:1] in ("i", "l") or e - s >= 4

    def has_predicate(self, s: int, e: int) -> bool:
        return any(self.pos_at.get(i, "x")[:1] in PRED for i in range(s, e) if self.is_start[i])


@dataclass
class Group:
    kind: str
    frame: str
    spans: list[tuple[int, int]]
    score: float
    level: str
    frame_obj: Frame | None = None
