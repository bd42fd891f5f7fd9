"""Formulations cited in quotation marks: “四个中心”, “硬投资”, “个转企、企升规”.

Policy texts put a coined formulation in quotation marks the first time (and often every
time) they use it: 锚定“三高四新”美好蓝图, 统筹“硬投资”与“软建设”, 深化“放心消费在安徽”行动.
Such a formulation is cited as a unit, whatever its parts, so the coarse granularity keeps
it whole even when no lexicon entry or head rule knows it. The rule:

* the span lies between an opening and its closing mark (“…”, ‘…’, 「…」, 『…』);
* it holds only words (Han characters, letters, digits, and ``+``/``＋``/``·`` as in
  “互联网+”), no sentence punctuation: a quoted sentence (“百年接力，强国有我！”) is left
  alone; a quoted list (“不敢腐、不能腐、不想腐”) is cut at its ``、`` and each item is
  treated alone;
* a span (or list item) is merged only when it has two or more tokens and at most
  ``max_chars`` characters (10 by default): longer quotations are sayings and excerpts,
  not names.

What it cannot do: a formulation cited *without* quotation marks is not found by this rule
(the lexicon and the head rules handle those), and a short quoted phrase that is not a
formulation (a scare-quoted verb phrase, “凭真本事”) is merged as well, since the text
itself presents it as a unit.

>>> quoted_spans(["锚定", "“", "三高", "四新", "”", "美好", "蓝图"])
[(2, 4)]
>>> quoted_spans(["“", "个", "转企", "、", "企升规", "、", "股", "上市", "”"])
[(1, 3), (6, 8)]
>>> quoted_spans(["“", "百年", "接力", "，", "强国", "有", "我", "！", "”"])
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["QUOTE_PAIRS", "quoted_spans"]

QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_OPENERS = frozenset(QUOTE_PAIRS)
_JOINERS = frozenset("+＋·")  # characters a quoted name may hold besides words (“互联网+”, “星火·链网”)
_ITEM_SEPARATOR = "、"


def _is_word(token: str) -> bool:
    return token.isalnum() or (bool(token) and all(c.isalnum() or c in _JOINERS for c in token))


def _positions(words: Sequence[str], marks: frozenset[str]) -> list[int]:
    """Indices of the tokens of *words* that are in *marks*, in order (found by ``list.index``, in C)."""
    seq = words if isinstance(words, list) else list(words)
    out: list[int] = []
    for mark in marks:
        i = -1
        try:
            while True:
                i = seq.index(mark, i + 1)
                out.append(i)
        except ValueError:
            pass
    out.sort()
    return out


def quoted_spans(
    words: Sequence[str], max_chars: int = 10, *, at: Iterable[int] | None = None
) -> list[tuple[int, int]]:
    """Half-open token spans ``(i, j)`` of two or more tokens, each a quoted formulation (or one
    item of a quoted list) of at most *max_chars* characters, in order and non-overlapping.

    *words* are the tokens of a text (jieba's cut, quotation marks as tokens of their own).
    An unclosed or mismatched quotation yields nothing. *at*, when given, are the indices of the opening
    marks among *words*, in order (a caller that scans the tokens for other marks too finds them in the
    same scan).

    >>> quoted_spans(["统筹", "“", "硬", "投资", "”", "与", "“", "软", "建设", "”"])
    [(2, 4), (7, 9)]
    >>> quoted_spans(["“", "有事", "可以", "坐下来", "共同", "商量", "”"])  # 11 characters: a quotation
    []
    """
    if max_chars < 2:
        raise ValueError(f"max_chars must be at least 2, got {max_chars!r}")
    spans: list[tuple[int, int]] = []
    n = len(words)
    floor = 0  # no span reaches left of the previous quotation's end
    if at is None:
        at = _positions(words, _OPENERS)
    for i in at:
        if i < floor:
            continue
        closer = QUOTE_PAIRS[words[i]]
        j = i + 1
        while j < n and words[j] != closer and (words[j] == _ITEM_SEPARATOR or _is_word(words[j])):
            j += 1
        if j >= n or words[j] != closer:
            continue  # not a quoted name: sentence punctuation, a nested quotation or no closing mark
        start = i + 1
        for k in range(i + 1, j + 1):
            if k == j or words[k] == _ITEM_SEPARATOR:
                if k - start >= 2 and sum(map(len, words[start:k])) <= max_chars:
                    spans.append((start, k))
                start = k + 1
        floor = j + 1
    return spans
