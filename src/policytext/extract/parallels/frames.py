"""Shared literal frames of a set of items, and whether a frame makes them parallel.

A *frame* is the ordered list of literal chunks that every item contains, in the
same order (``以更{}的{}和更{}的{}{}``); what varies between the chunks are the slots.

>>> f = common_frame(["政治判断力", "政治领悟力", "政治执行力"])
>>> f.text, f.prefix, f.suffix
('政治{}力', '政治', '力')
>>> common_frame(["思路不宽", "境界不高", "格局不大"]).text
'{}不{}'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from ...corpus.text import is_han

__all__ = ["FUNCTION_CHARS", "Frame", "common_frame", "han_len"]

# Single characters that are grammatical glue in Chinese (particles, prepositions,
# conjunctions, copula, modal 要): sharing one of them alone is no evidence of parallelism.
FUNCTION_CHARS = frozenset("的地得了着过和与及或而并且在对把被从向为以于将要是有也都就又还这那其等之所个")

_SENTINEL = "\x00"


def han_len(s: str) -> int:
    """Number of Han characters in *s*.

    >>> han_len("抓“两新”组织")
    5
    """
    return sum(1 for c in s if is_han(c))


@dataclass
class Frame:
    """Literal chunks shared by all items, with each item's offsets of those chunks."""

    chunks: list[str]
    # per item: list of (start, end) of each chunk inside the item
    positions: list[list[tuple[int, int]]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        if self.chunks and all(p[0][0] == 0 for p in self.positions):
            return self.chunks[0]
        return ""

    @property
    def suffix(self) -> str:
        if self.chunks and all(p[-1][1] == len(it) for p, it in zip(self.positions, self.items)):
            return self.chunks[-1]
        return ""

    @property
    def text(self) -> str:
        """The frame with ``{}`` for every non-empty slot, e.g. ``政治{}力``."""
        if not self.chunks:
            return "{}"
        out = []
        n = len(self.chunks)
        for k in range(n + 1):
            # slot k lies before chunk k (k == n: after the last chunk)
            filled = False
            for p, it in zip(self.positions, self.items):
                a = p[k - 1][1] if k > 0 else 0
                b = p[k][0] if k < n else len(it)
                if b > a:
                    filled = True
                    break
            if filled:
                out.append("{}")
            if k < n:
                out.append(self.chunks[k])
        return "".join(out)

    def fillers(self) -> list[list[tuple[int, int]]]:
        """For every slot (including empty edge slots), each item's (start, end) in the item."""
        n = len(self.chunks)
        slots: list[list[tuple[int, int]]] = []
        for k in range(n + 1):
            col = []
            for p, it in zip(self.positions, self.items):
                a = p[k - 1][1] if k > 0 else 0
                b = p[k][0] if k < n else len(it)
                col.append((a, b))
            slots.append(col)
        return slots

    @property
    def literal_han(self) -> int:
        return sum(han_len(c) for c in self.chunks)


def _blocks(a: str, b: str) -> list[str]:
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return [a[i : i + n] for i, _, n in sm.get_matching_blocks() if n and _SENTINEL not in a[i : i + n]]


def _clean(chunks: list[str]) -> list[str]:
    out = []
    for c in chunks:
        c = c.strip(_SENTINEL)
        if c and han_len(c) > 0:
            out.append(c)
    return out


def _locate(chunks: list[str], item: str) -> list[tuple[int, int]] | None:
    """Leftmost placement of *chunks*, in order, inside *item* (None when one is missing)."""
    pos, spans = 0, []
    for c in chunks:
        i = item.find(c, pos)
        if i < 0:
            return None
        spans.append((i, i + len(c)))
        pos = i + len(c)
    return spans


def common_frame(items: list[str], depth: int = 0) -> Frame:
    """The literal chunks all *items* share, in order (empty when they share nothing)."""
    f = _common_frame_cached(tuple(items), depth)
    return Frame(list(f.chunks), [list(p) for p in f.positions], list(f.items))


@lru_cache(maxsize=65536)
def _common_frame_cached(items: tuple[str, ...], depth: int) -> Frame:
    if not items:
        return Frame([], [], [])
    shared = set(items[0])
    for it in items[1:]:
        shared &= set(it)
    if not any(is_han(c) for c in shared):
        return Frame([], [[] for _ in items], list(items))
    chunks = [items[0]]
    for it in items[1:]:
        chunks = _clean(_blocks(_SENTINEL.join(chunks), it))
        if not chunks:
            break
    # locate; shrink until all items match
    while chunks:
        positions = [_locate(chunks, it) for it in items]
        if all(p is not None for p in positions):
            f = Frame(chunks, positions, list(items))  # type: ignore[arg-type]
            return _refine(f, depth)
        chunks = chunks[:-1] if len(chunks[-1]) <= len(chunks[0]) else chunks[1:]
    return Frame([], [[] for _ in items], list(items))


def _refine(f: Frame, depth: int) -> Frame:
    """Look for further shared chunks inside every slot (以更{}的{} → 以更{}的{}和更{}的{})."""
    if depth >= 3:
        return f
    new: list[str] = []
    for k, col in enumerate(f.fillers()):
        fillers = [it[a:b] for (a, b), it in zip(col, f.items)]
        if all(fillers) and len(set(fillers)) > 1:
            new += common_frame(fillers, depth + 1).chunks
        if k < len(f.chunks):
            new.append(f.chunks[k])
    if len(new) == len(f.chunks):
        return f
    positions = [_locate(new, it) for it in f.items]
    if all(p is not None for p in positions):
        return Frame(new, positions, f.items)  # type: ignore[arg-type]
    return f
