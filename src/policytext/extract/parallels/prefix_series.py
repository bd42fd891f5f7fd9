"""Word series whose items open with one repeated character and differ in length (投早投小投长期投硬科技,
全域全时全行业): the periodic scan of :mod:`.finder` needs items of one length and misses them.

A series is three or more items written without separators, each opening with the same content
character at a word start, the inner items 2-4 characters long; the repeated character is a word of
its own in at least two of them (投|早, 全|时), so that words which merely share a first character
(学前教育学院学生) are not taken, and no item holds grammatical glue (管的事管好管到位). A run of
two-character items right after a one-character word is a suffix series read one character late
(延|链补|链强|链: 延链补链强链) and is left to the periodic scan. The last item ends at the clause's end or at a word
boundary no longer than the longest inner item plus one.

>>> from policytext.extract.parallels import find_parallels
>>> find_parallels("培育耐心资本，投早投小投长期投硬科技，助力企业成长。").loc[0, "items"]
['投早', '投小', '投长期', '投硬科技']
"""

from __future__ import annotations

import numpy as np

from .doc import Group, TokenView
from .frames import FUNCTION_CHARS

__all__ = ["prefix_series"]

#: characters that open counted or negated phrases (一心一意, 不折不扣), not series of items
_EXCLUDED = FUNCTION_CHARS | frozenset("一二三四五六七八九十两百千万不无非")
GAPS = (2, 3, 4)
MAX_ITEMS = 12


def _han(codes: np.ndarray) -> np.ndarray:
    return ((codes >= 0x4E00) & (codes <= 0x9FFF)) | ((codes >= 0x3400) & (codes <= 0x4DBF))


def prefix_series(doc: TokenView, min_items: int) -> list[Group]:
    """Series of items opening with one repeated character, of varying length (see the module)."""
    text = doc.text
    n = len(text)
    need = max(3, min_items)
    if n < 7:
        return []
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han = _han(codes)
    start = doc.is_start[:n] & han
    nxt: dict[int, list[int]] = {}
    for g in GAPS:
        eq = np.zeros(n, dtype=bool)
        eq[: n - g] = start[: n - g] & start[g:] & (codes[: n - g] == codes[g:])
        for q in np.nonzero(eq)[0].tolist():
            nxt.setdefault(q, []).append(q + g)
    out: list[Group] = []
    done = -1
    for q0 in sorted(nxt):
        if q0 <= done or text[q0] in _EXCLUDED:
            continue
        c = text[q0]
        qs = [q0]
        while len(qs) < MAX_ITEMS:
            cands = [q for q in nxt.get(qs[-1], ()) if c not in text[qs[-1] + 1 : q] and han[qs[-1] : q].all()]
            if not cands:
                break
            qs.append(cands[0])
        if len(qs) < need:
            continue
        lens = [b - a for a, b in zip(qs, qs[1:])]
        last = _last_end(doc, han, qs[-1], c, min(lens), max(lens) + 1)
        if last is None:
            continue
        spans = [(a, b) for a, b in zip(qs, qs[1:])] + [(qs[-1], last)]
        if len({e - s for s, e in spans}) == 1:
            continue  # one length: the periodic scan's case
        items = [text[s:e] for s, e in spans]
        if len(set(items)) < len(items) or not all(doc.boundary[e] for _, e in spans):
            continue
        if any(set(t[1:]) & FUNCTION_CHARS for t in items):
            continue  # grammatical glue inside an item (管的事管好管到位): a clause, not a slogan
        if sum(bool(doc.is_end[s + 1]) for s, _ in spans) < 2:
            continue
        if set(lens) == {2} and q0 > 0 and han[q0 - 1] and doc.is_start[q0 - 1]:
            continue  # 延|链补|链强|链项目 is the suffix series 延链补链强链 read one character late
        out.append(Group("frame", c + "{}", spans, round(min(1.0, 0.55 + 0.05 * len(spans)), 3), "word"))
        done = last
    return out


def _last_end(doc: TokenView, han: np.ndarray, q: int, c: str, lo: int, hi: int) -> int | None:
    """End of the last item opening at *q*: the clause's end if it comes within *hi* characters,
    else the first word boundary at least *lo* characters on."""
    text = doc.text
    e = q + 1
    while e < len(text) and e - q <= hi and han[e]:
        e += 1
    if e - q <= hi and e - q >= 2 and (e == len(text) or not han[e]):
        return e if c not in text[q + 1 : e] else None
    for e in range(q + max(2, lo), min(len(text), q + hi) + 1):
        if doc.boundary[e] and han[q:e].all() and c not in text[q + 1 : e]:
            return e
    return None
