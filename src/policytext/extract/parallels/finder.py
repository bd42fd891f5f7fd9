"""Parallel structures (排比, 对仗): groups of coordinated, same-shaped phrases and clauses.

:func:`find_parallels` returns one row per group with its items, their spans and the
frame they share (``{}`` marks what varies)::

    doc_id, start, end, kind, frame, items, item_spans, n_items, score, level

``kind`` is ``frame`` (a shared literal prefix, suffix or infix: ``政治{}力``),
``anaphora`` / ``epistrophe`` (clauses or sentences that open / close alike),
``matched`` (same length and word shape, no shared literal: ``深度对接、同步谋划、同频共振``)
or ``list`` (an enumeration whose items are not parallel in form: ``阵地、堡垒、家园``).
``level`` says where the items were found: ``word`` (no separator: ``硬起来严起来实起来``),
``phrase`` (inside a clause, between 、), ``clause`` (between ，；), ``sentence``
(sentence openings in a paragraph) or ``paragraph`` (openings of successive paragraphs
or headings). A group found inside an item of another group is its own row.

>>> df = find_parallels("不断提高政治判断力、政治领悟力、政治执行力，把对党的忠诚体现在行动上。")
>>> df.loc[0, "kind"], df.loc[0, "frame"], int(df.loc[0, "n_items"])
('frame', '政治{}力', 3)
>>> df.loc[0, "items"]
['政治判断力', '政治领悟力', '政治执行力']
"""

from __future__ import annotations

import re
import statistics
import warnings
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pandas as pd

from ..._util.convention import deprecated_positional
from ..._util.frames import to_frame
from ...corpus.corpus import Corpus
from ...corpus.source import Source, iter_source
from ...corpus.text import is_han
from ...errors import InputError
from ...segment.defaults import extractor_segmenter
from ...segment.segmenter import Segmenter
from ..registry import extractor
from . import series as _series
from .chars import verb_object_pairs
from .doc import LEVEL_RANK, Group, TokenView
from .frames import FUNCTION_CHARS, Frame, common_frame, han_len
from .prefix_series import prefix_series
from .units import Paragraph, Unit, paragraphs, quoted_pieces, strip_marker

__all__ = ["COLUMNS", "find_parallels", "format_for_terminal"]

COLUMNS = ["doc_id", "start", "end", "kind", "frame", "items", "item_spans", "n_items", "score", "level"]


# --------------------------------------------------------------------------------------
# relations between items
# --------------------------------------------------------------------------------------
def _strong_edge(lit: str, texts: list[str], short_limit: int, whole_token: bool) -> bool:
    h = han_len(lit)
    if h >= 2:
        return True
    if h == 0:
        return False
    ch = next(c for c in lit if not c.isspace())
    maxlen = max(len(t) for t in texts)
    if ch in FUNCTION_CHARS:
        return maxlen <= 4 and len({len(t) for t in texts}) == 1
    if ch in _SERIES_SUFFIXES and short_limit == 5 and maxlen <= 8:
        return True  # 老龄化、少子化、区域增减分化
    return maxlen <= short_limit or whole_token


def _may_share(texts: list[str], long_infix: bool) -> bool:
    """Cheap necessary condition for any literal frame :func:`_literal` accepts.

    A frame needs a shared first or last character, or one character at the same offset
    from the start or the end of every item, or (across sentences) a shared stretch.
    """
    k = len(texts)
    if any(col.count(col[0]) == k for col in zip(*texts)):
        return True
    if any(col.count(col[0]) == k for col in zip(*(t[::-1] for t in texts))):
        return True
    t0 = texts[0]
    if long_infix:
        common = set(t0)
        for t in texts[1:]:
            common &= set(t)
        return sum(1 for c in common if is_han(c)) >= 4
    return False


def _literal(doc: TokenView, spans: list[tuple[int, int]], level: str) -> tuple[str, Frame] | None:
    texts = [doc.text[s:e] for s, e in spans]
    if len(set(texts)) < len(texts) or not _may_share(texts, LEVEL_RANK[level] >= 3):
        return None
    f = common_frame(texts)
    if not f.chunks:
        return None
    # every item must vary somewhere with Han content
    P, S = f.prefix, f.suffix
    clause_level = LEVEL_RANK[level] >= 2
    if P and LEVEL_RANK[level] >= 3:
        # across sentences and paragraphs a repeated subject (她…，中国…) is not rhetoric
        h = han_len(P)
        if h >= 4 or (h >= 2 and doc.has_predicate(spans[0][0], spans[0][0] + len(P))):
            return "anaphora", f
        P = ""
    if P:
        whole = all(doc.boundary[s + len(P)] for s, _ in spans)
        if _strong_edge(P, texts, 4, whole):
            return ("anaphora" if clause_level else "frame"), f
    if S:
        whole = all(doc.boundary[e - len(S)] for _, e in spans)
        if _strong_edge(S, texts, 5, whole and not clause_level):
            return ("epistrophe" if clause_level else "frame"), f
    if P and S and LEVEL_RANK[level] <= 2 and _closed_frame(P, S, texts):
        return "frame", f  # 做强…制造业，做大…加工业，做活…服务业: a verb and a head, one character each
    maxlen = max(len(t) for t in texts)
    if clause_level and maxlen > 2.2 * min(len(t) for t in texts):
        return None  # clauses of very different length that share a word inside: a repeated topic
    for k, c in enumerate(f.chunks):
        offs_start = {p[k][0] for p in f.positions}
        offs_end = {len(t) - p[k][1] for p, t in zip(f.positions, texts)}
        if len(offs_start) != 1 and len(offs_end) != 1:
            continue
        if 0 in offs_start or 0 in offs_end:
            continue  # a weak prefix/suffix, judged above
        h = han_len(c)
        if clause_level and h <= 2 and _topic_noun(doc, [s + p[k][0] for (s, _), p in zip(spans, f.positions)], len(c)):
            continue  # 搭建智慧党建系统平台，全面提升党建管理能力: a noun repeated, not a frame
        both = len(offs_start) == 1 and len(offs_end) == 1
        if h >= 2 or (h == 1 and (maxlen <= 8 or (both and maxlen <= 12))):
            return "frame", f
    # a long shared stretch (4+ Han characters) is a frame wherever it stands
    for c in f.chunks:
        if LEVEL_RANK[level] >= 3 and han_len(c) >= 4 and c not in (P, S):
            return "frame", f
    return None


def _closed_frame(prefix: str, suffix: str, texts: list[str]) -> bool:
    """A one-character opening and a one-character close shared by every item, both content characters,
    in items of similar length (at most 1.6x): 做{}业 in 做强先进农机装备制造业，做大农产品加工业，…."""
    if han_len(prefix) != 1 or han_len(suffix) != 1 or len(texts) < 3:
        return False
    if set(prefix + suffix) & FUNCTION_CHARS:
        return False
    lens = [len(t) for t in texts]
    return min(lens) >= 4 and max(lens) <= 1.6 * min(lens)


#: an item counted with digits: a name, a number and its measure word (特色酒庄5个, 美酒美食街区5条)
_COUNTED_RE = re.compile(r"[\u4e00-\u9fff“”]{2,}\d+(?:\.\d+)?[万亿千百]?[\u4e00-\u9fff]{1,2}")


def _counted(texts: list[str]) -> bool:
    """Items that each name a thing and count it with digits (…酒庄5个、…街区5条、…酒店5家)."""
    return len(set(texts)) == len(texts) and all(_COUNTED_RE.fullmatch(t) for t in texts)


def _topic_noun(doc: TokenView, starts: list[int], length: int) -> bool:
    """True when the chunk at every start is (part of) a noun: the token covering it is nominal."""
    for st in starts:
        i = st
        while i > 0 and not doc.is_start[i]:
            i -= 1
        if not doc.pos_at.get(i, "x").startswith("n"):
            return False
    return True


#: derivational suffixes that make a series of one character's worth of frame ({}化, {}性, {}感)
_SERIES_SUFFIXES = frozenset("化性感力者式型")


#: POS classes a procedure step cannot open with (its agent is a noun, an abbreviation, a place…)
_NOT_AGENT = frozenset("vpdcura")


def _procedure(doc: TokenView, spans: list[tuple[int, int]]) -> bool:
    """Steps of a procedure: each an agent (a noun) and its own two-character verb at the end
    (村党组织提议、村两委会议商议、党员大会审议、村民代表会议决议), between 、 or between ，."""
    for s, e in spans:  # cheap tests first: this runs for every candidate series
        if not 4 <= e - s <= 12 or not doc.is_start[e - 2] or not doc.boundary[s]:
            return False
    verbs = []
    for s, e in spans:
        t = doc.text[s:e]
        if doc.pos_at.get(s, "x")[:1] in _NOT_AGENT or han_len(t) + t.count("“") + t.count("”") != e - s:
            return False
        verbs.append(doc.text[e - 2 : e])
    # the verbs are tagged as verbs, or (the tagger calls 商议 and 决议 nouns) end alike: 提议、商议、审议
    verbal = all(doc.pos_at.get(e - 2, "x").startswith("v") for _, e in spans) or len({v[-1] for v in verbs}) == 1
    return verbal and len(set(verbs)) == len(verbs)


_NUMERALS = frozenset("一二三四五六七八九十两百千万")

#: POS tags of names (places, persons, organisations, other proper nouns): 黄山、池州、安庆 is no slogan
_PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})


def _matched(doc: TokenView, spans: list[tuple[int, int]], level: str) -> bool:
    texts = [doc.text[s:e] for s, e in spans]
    if len(set(texts)) < len(texts):
        return False
    lens = {len(t) for t in texts}
    if len(lens) != 1:
        return False
    L = lens.pop()
    lo = 2 if level == "phrase" else 3
    if not (lo <= L <= 8) or any(han_len(t) != L for t in texts):
        return False
    if L >= 3 and all(t[0] == t[1] for t in texts):
        return True  # AA-type: 条条落实、件件落地
    if level == "phrase" and L <= 6 and all(t[0] in _NUMERALS for t in texts):
        return True  # counted items: 两高地、两基地、一屏障
    if (
        level == "phrase"
        and L == 2
        and verb_object_pairs(texts)
        and all(doc.boundary[s] and doc.pos_at.get(s, "x") not in _PROPER for s, _ in spans)
    ):
        return True  # two-character verb–object items: 兴业、强县、富民
    phrasal = sum(doc.phrasal(s, e) for s, e in spans)
    # between 、 a term of the lexicon may stand among verb-object phrases (抓班子、带队伍、促发展)
    if phrasal < len(spans) and not (level == "phrase" and phrasal * 2 >= len(spans)):
        return False
    if not all(doc.boundary[s] and doc.boundary[e] for s, e in spans):
        return False
    n_pred = sum(doc.has_predicate(s, e) for s, e in spans)
    if n_pred * 2 < len(spans) and not (L >= 4 and n_pred >= 1):
        return False
    if level != "phrase":
        # the items must break into words at one common place at least (解放思想|观念, 打破|思维|定式)
        inner = [set(np.cumsum(doc.tok_lengths(s, e))[:-1].tolist()) for s, e in spans]
        if not set.intersection(*inner):
            return False
        if not all(doc.pos_at.get(s, "x")[:1] in ("v", "i", "l", "a") for s, _ in spans):
            return False  # clauses in matched series open with their predicate
    return True


def _relate(doc: TokenView, spans: list[tuple[int, int]], level: str) -> tuple[str, str, float, Frame | None] | None:
    """(kind, frame, score, frame object) when the items at *spans* are parallel, else None."""
    if len(spans) < 2 or any(e <= s for s, e in spans):
        return None
    if "+" in doc.text[spans[0][0] : spans[0][1]]:  # “产业+配套、平台+生态、技术+赋能”
        texts = [doc.text[s:e] for s, e in spans]
        if all("+" in t and han_len(t) >= 2 for t in texts) and len(set(texts)) == len(texts):
            return "frame", "{}+{}", 0.6, None
    lit = _literal(doc, spans, level)
    if lit and lit[0] == "list":
        return "list", lit[1].text, 0.2, None
    if lit:
        kind, f = lit
        score = min(1.0, 0.45 + 0.1 * min(f.literal_han, 4) + 0.05 * (len(spans) - 2))
        return kind, f.text, round(score, 3), f
    if level == "phrase" and _counted([doc.text[s:e] for s, e in spans]):
        return "matched", "{}", 0.55, None
    if level in ("phrase", "clause") and _procedure(doc, spans):
        return "matched", "{}", 0.55, None
    if _matched(doc, spans, level):
        texts = [doc.text[s:e] for s, e in spans]
        aa = all(len(t) >= 3 and t[0] == t[1] for t in texts)
        return "matched", "{}" * (2 if aa else 1), round(min(1.0, 0.5 + 0.05 * (len(spans) - 2)), 3), None
    return None


# --------------------------------------------------------------------------------------
# trimming the open ends of a run
# --------------------------------------------------------------------------------------
def _median(xs: list[int]) -> int:
    return round(statistics.median(xs))


# Modal and light verbs that may stand before the first item of a clause series (要进一步…).
_LIGHT_WORDS = frozenset(
    "要 应 应当 应该 须 必须 需要 就是 就是要 就要 还要 更要 也要 才能 能够 努力 切实 真正 做到".split()
)


def _light(doc: TokenView, s: int, e: int) -> bool:
    """True when text[s:e] holds only adverbs, conjunctions, pronouns or modal words."""
    i = s
    while i < e:
        j = i + 1
        while j < e and not doc.boundary[j]:
            j += 1
        w = doc.text[i:j]
        if not (doc.pos_at.get(i, "x")[:1] in ("d", "c", "r", "p") or w in _LIGHT_WORDS or w.isspace()):
            return False
        i = j
    return True


def _trim_first(doc: TokenView, u: Unit, core: list[tuple[int, int]], level: str) -> tuple[int, int] | None:
    """The end of unit *u* that has the shape of the *core* items (None if none fits)."""
    texts = [doc.text[s:e] for s, e in core]
    f = common_frame(texts) if len(texts) > 1 else None
    cands: list[int] = []
    s0 = strip_marker(doc.text, u.start, u.end)
    if f and f.chunks:
        anchor = f.chunks[0]
        lead = _median([p[0][0] for p in f.positions])
        i = doc.text.rfind(anchor, s0, u.end)
        while i >= 0:
            st = i - lead
            for d in (0, -1, 1):
                if s0 <= st + d < i + 1 and doc.boundary[st + d]:
                    cands.append(st + d)
            i = doc.text.rfind(anchor, s0, i)
            if len(cands) > 6:
                break
    target = _median([e - s for s, e in core])
    for st in (u.end - target, u.end - target - 1, u.end - target + 1):
        if s0 <= st < u.end and doc.boundary[st]:
            cands.append(st)
    others = [st for st in range(s0, u.end) if doc.boundary[st]]
    cands += sorted(others, key=lambda st: (abs((u.end - st) - target), -st))[:4]
    seen = set()
    for st in cands:
        if st in seen:
            continue
        seen.add(st)
        rel = _relate(doc, [(st, u.end)] + core, level)
        if rel and (rel[0] != "matched" or level == "phrase" or _light(doc, s0, st)):
            return (st, u.end)
    return None


def _trim_last(doc: TokenView, u: Unit, core: list[tuple[int, int]], level: str) -> tuple[int, int] | None:
    """The beginning of unit *u* that has the shape of the *core* items."""
    texts = [doc.text[s:e] for s, e in core]
    f = common_frame(texts) if len(texts) > 1 else None
    cands: list[int] = []
    if f and f.chunks:
        anchor = f.chunks[-1]
        tail = _median([len(t) - p[-1][1] for p, t in zip(f.positions, texts)])
        i = doc.text.find(anchor, u.start, u.end)
        while i >= 0 and len(cands) < 6:
            en = i + len(anchor) + tail
            for d in (0, 1, -1):
                if i + len(anchor) <= en + d <= u.end and doc.boundary[en + d]:
                    cands.append(en + d)
            i = doc.text.find(anchor, i + 1, u.end)
    target = _median([e - s for s, e in core])
    for en in (u.start + target, u.start + target + 1, u.start + target - 1):
        if u.start < en <= u.end and doc.boundary[en]:
            cands.append(en)
    others = [en for en in range(u.start + 1, u.end + 1) if doc.boundary[en]]
    cands += sorted(others, key=lambda en: (abs((en - u.start) - target), en))[:4]
    cands.append(u.end)  # the whole piece, last (…酒庄5个、…街区5条、五星级白酒体验酒店5家)
    seen = set()
    for en in cands:
        if en in seen:
            continue
        seen.add(en)
        if _relate(doc, core + [(u.start, en)], level):
            return (u.start, en)
    return None


def _runs(
    doc: TokenView, units: Sequence[Unit], level: str, trim_start_any: bool, trim_end_last: bool, min_items: int
) -> list[Group]:
    """Maximal windows of consecutive *units* that are parallel."""
    out: list[Group] = []
    n = len(units)
    i = 0
    while i < n - 1:
        # exact core from i+1 (the last unit is exact unless its end may need trimming)
        core: list[tuple[int, int]] = []
        j = i + 1
        while j < n and not (trim_end_last and j == n - 1):
            s = strip_marker(doc.text, units[j].start, units[j].end) if level != "phrase" else units[j].start
            if not doc.boundary[s]:
                s = units[j].start  # a marker split off a longer word (一是一|屏障) is not a marker
            cand = core + [(s, units[j].end)]
            if len(cand) >= 2 and not _relate(doc, cand, level):
                break
            core = cand
            j += 1
        if not core and trim_end_last and j == n - 1 and i == n - 2:
            # two open-ended pieces: trim the last against the first, then the first against it
            t = _trim_last(doc, units[j], [(units[i].start, units[i].end)], level)
            core = [t or (units[j].start, units[j].end)]  # else: the first piece is trimmed to it
            j = n  # the last piece is used
        core_ok = bool(core)
        items = list(core)
        last_idx = i + len(core)
        if core_ok and trim_end_last and j == n - 1 and len(core) >= 1:
            # try to add the open-ended last piece
            t = _trim_last(doc, units[j], core, level) if len(core) >= 1 else None
            if t and (len(core) >= 2 or True):
                items = core + [t]
                last_idx = j
        if len(items) + 1 < min_items:
            i += 1  # too short to be reported even with the first unit
            continue
        first: tuple[int, int] | None = None
        ui = units[i]
        exact_start = not trim_start_any and i > 0
        if items:
            if exact_start:
                s = ui.start
                if _relate(doc, [(s, ui.end)] + items, level):
                    first = (s, ui.end)
                elif level == "phrase" and "等" in doc.text[ui.start : ui.end - 1]:
                    # the piece closes one enumeration and opens the next (…养老托幼等公共服务|更普惠、更优质、更多样)
                    t = _trim_first(doc, ui, items, level)
                    if t is not None and "等" in doc.text[ui.start : t[0]]:
                        first = t
            else:
                first = _trim_first(doc, ui, items, level)
        if first is not None:
            group_spans = [first] + items
            start_idx = i
        else:
            group_spans = items
            start_idx = i + 1
        if len(group_spans) >= 2:
            rel = _relate(doc, group_spans, level)
            if rel and len(group_spans) >= min_items:
                kind, frame, score, fobj = rel
                out.append(Group(kind, frame, group_spans, score, level, fobj))
                i = max(last_idx, start_idx + len(group_spans) - 1) + 1
                continue
        i += 1
    return out


# --------------------------------------------------------------------------------------
# the levels
# --------------------------------------------------------------------------------------
#: the most items a word-level series may have (real ones have 3 to 6); a run of one repeated
#: character longer than this is not a series, and scanning it whole would cost quadratic time
MAX_WORD_ITEMS = 20


def _word_level(doc: TokenView, min_items: int) -> list[Group]:
    """Repetitions without separators: 硬起来严起来实起来, 所思所想所需, 全面进步全面过硬.

    A series has at most :data:`MAX_WORD_ITEMS` items, which keeps the work linear in the
    length of a run of repeated characters.
    """
    text = doc.text
    n = len(text)
    if n < 4:
        return []
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han = ((codes >= 0x4E00) & (codes <= 0x9FFF)) | ((codes >= 0x3400) & (codes <= 0x4DBF))
    out: list[Group] = []
    taken = np.zeros(n + 1, dtype=bool)
    for p in (2, 3, 4, 5):
        if n < 2 * p:
            continue
        eq = np.zeros(n, dtype=bool)
        eq[: n - p] = (codes[: n - p] == codes[p:]) & han[: n - p] & han[p:]
        need = 2 if min_items <= 2 and p >= 3 else 3
        if need >= 3:
            eq2 = np.zeros(n, dtype=bool)
            eq2[: n - p] = eq[: n - p] & eq[p:]
            seeds = np.nonzero(eq2)[0]
        else:
            seeds = np.nonzero(eq)[0]
        for seed in seeds:
            q = int(seed)
            if taken[q]:
                continue
            for k in range(p):  # the shared position k inside the chunk
                st = q - k
                if st < 0 or not doc.boundary[st] or not han[st]:
                    continue
                chunks: list[tuple[int, int]] = []
                common = list(range(p))  # positions every chunk so far shares with the first
                seen: set[str] = set()
                c = st
                while (
                    c + p <= n
                    and len(chunks) < MAX_WORD_ITEMS
                    and all(han[c : c + p])
                    and (not chunks or doc.boundary[c])
                ):
                    chunk = text[c : c + p]
                    if chunk in seen:
                        break  # a repeated item: a series holding it is refused below, so it ends here
                    if chunks:  # kept up to date chunk by chunk: linear in the run, not quadratic
                        shared_here = [j for j in common if text[c + j] == text[st + j]]
                        if not shared_here:
                            break
                        common = shared_here
                    seen.add(chunk)
                    chunks.append((c, c + p))
                    c += p
                cut = len(chunks) == MAX_WORD_ITEMS and _continues(text, han, c, p, st, common)
                while chunks and not doc.boundary[chunks[-1][1]]:
                    chunks.pop()  # the last chunk runs into the next word (新场景|试点 → 场景试点)
                if len(chunks) < need:
                    continue
                if not common or len(common) == p:
                    continue
                # the shared part must be a contiguous prefix or suffix of each chunk
                if not (common == list(range(len(common))) or common == list(range(p - len(common), p))):
                    continue
                shared = "".join(text[chunks[0][0] + j] for j in common)
                if len(chunks) == 2 and (p < 3 or len(shared) < 2):
                    continue
                if len(shared) == 1 and shared in "的了和与及之一不" and p <= 2 and len(chunks) < 3:
                    continue  # 不折不扣, 一心一意: idioms, not enumerations
                texts = [text[a:b] for a, b in chunks]
                if len(set(texts)) < len(texts):
                    continue
                # one idiom token covering the whole run is a word, not a parallel
                if doc.n_tokens(chunks[0][0], chunks[-1][1]) == 1:
                    continue
                f = common_frame(texts)
                out.append(Group("frame", f.text, chunks, round(min(1.0, 0.55 + 0.05 * len(chunks)), 3), "word", f))
                if cut and doc.boundary[chunks[-1][1]]:
                    doc.capped.append(chunks[0][0])  # reported by find_parallels, never silently cut
                taken[chunks[0][0] : chunks[-1][1]] = True
                break
    return out


def _continues(text: str, han: np.ndarray, c: int, p: int, st: int, common: list[int]) -> bool:
    """True when the chunk at *c* would still belong to the series that starts at *st*."""
    return c + p <= len(text) and bool(han[c : c + p].all()) and all(text[c + j] == text[st + j] for j in common)


def _phrase_and_clause_levels(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    out: list[Group] = []
    for para in paras:
        for sent in para.sentences:
            for cl in sent.clauses:
                if len(cl.pieces) >= 2:
                    cl.pieces = _split_conjunction(doc, cl.pieces)
                    groups = _runs(
                        doc, cl.pieces, "phrase", trim_start_any=False, trim_end_last=True, min_items=min_items
                    )
                    out += groups
                    if len(cl.pieces) >= max(3, min_items):
                        covered = sum(
                            1
                            for pc in cl.pieces
                            for g in groups
                            if any(s < pc.end and pc.start < e for s, e in g.spans)
                        )
                        if covered * 3 < 2 * len(cl.pieces):
                            lst = _list_group(doc, cl.pieces)
                            if lst:
                                out.append(lst)
                # a quoted series inside the clause (“数字化建账、信息化学习、…”): its own pieces
                for pieces in quoted_pieces(doc.text, cl.start, cl.end) if "“" in cl.text or '"' in cl.text else ():
                    out += _runs(doc, pieces, "phrase", trim_start_any=False, trim_end_last=False, min_items=min_items)
            if len(sent.clauses) >= 2:
                out += _runs(doc, sent.clauses, "clause", trim_start_any=True, trim_end_last=False, min_items=min_items)
                out += _semicolon_series(doc, sent.clauses, min_items)
    return out


_CONJ_RE = re.compile("以及|[和及与或]")


def _split_conjunction(doc: TokenView, pieces: list[Unit]) -> list[Unit]:
    """The last piece split at 和/及/与 when what stands before it has the length of the piece
    before, or ends like it (目标导向、问题导向和实践导向 → …、问题导向、实践导向…)."""
    last, prev = pieces[-1], pieces[-2]
    width = prev.end - prev.start
    text = doc.text
    hi = min(last.end - 2, last.start + width + 3)
    m = _CONJ_RE.search(text, last.start + 2, hi)
    while m:
        i, j = m.start(), m.end()
        same_end = text[i - 2 : i] == text[prev.end - 2 : prev.end]
        if (
            doc.is_start[i]
            and doc.boundary[j]
            and doc.pos_at.get(i, "x") == "c"
            and (abs((i - last.start) - width) <= 1 or same_end)
        ):
            return [
                *pieces[:-1],
                Unit(text[last.start : i], last.start, i),
                Unit(text[j : last.end], j, last.end),
            ]
        m = _CONJ_RE.search(text, i + 1, hi)
    return pieces


def _semicolon_series(doc: TokenView, clauses: list[Any], min_items: int) -> list[Group]:
    """Clause groups between ； with one shape (坚定信念，树立…；勤学善思，增强…；实践笃行，提升…).

    Successive groups of the same number of clauses, whose leading clauses have the same
    short length (at most 6 characters) and whose last clauses differ by at most two.
    """
    groups: list[list[Any]] = [[]]
    for c in clauses:
        groups[-1].append(c)
        if doc.text[c.end : c.end + 1] in "；;":
            groups.append([])
    groups = [g for g in groups if g]
    out: list[Group] = []
    if len(groups) < max(2, min_items):
        return out

    def shape(g: list[Any]) -> tuple[int, ...]:
        return (len(g),) + tuple(c.end - c.start for c in g[1:-1])

    i = 0
    while i < len(groups):
        j = i + 1
        while (
            j < len(groups) and len(groups[j]) >= 2 and shape(groups[j]) == shape(groups[min(i + 1, len(groups) - 1)])
        ):
            j += 1
        run = groups[i:j]
        if len(run) >= 2 and len(run[0]) > len(run[1]) >= 2:
            run = [run[0][-len(run[1]) :]] + run[1:]  # the first group may open with a lead clause
        if (
            len(run) >= min_items
            and len(run[0]) >= 2
            and len({shape(g) for g in run[1:]}) == 1
            and shape(run[0])[0] == shape(run[1])[0]
        ):
            L0 = run[1][0].end - run[1][0].start
            firsts = [g[0].end - g[0].start for g in run[1:]]
            lasts = [g[-1].end - g[-1].start for g in run]
            st = run[0][0].end - L0
            if (
                L0 <= 6
                and len(set(firsts)) == 1
                and max(lasts) - min(lasts) <= 2
                and st >= run[0][0].start
                and doc.boundary[st]
            ):
                spans = [(st, run[0][-1].end)] + [(g[0].start, g[-1].end) for g in run[1:]]
                if len({doc.text[a:b] for a, b in spans}) == len(spans):
                    out.append(Group("matched", "{}，{}", spans, 0.5, "clause"))
                    i = j
                    continue
        i += 1
    return out


def _balanced(t: str) -> bool:
    """No bracket or quote of *t* is left open or closed without its partner."""
    return all(t.count(o) == t.count(c) for o, c in (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》")))


def _list_group(doc: TokenView, pieces: list[Unit]) -> Group | None:
    """A plain enumeration: the open ends trimmed to the length of the inner items."""
    inner = pieces[1:-1] or pieces
    target = _median([p.end - p.start for p in inner])
    first, last = pieces[0], pieces[-1]
    starts = [
        i
        for i in range(first.start, first.end)
        if doc.boundary[i] and doc.text[i] not in "的地得之" and _balanced(doc.text[i : first.end])
    ]
    starts = starts or [first.start]
    s0 = min(starts, key=lambda i: (abs((first.end - i) - target), -i))
    ends = [i for i in range(last.start + 1, last.end + 1) if doc.boundary[i] and _balanced(doc.text[last.start : i])]
    ends = ends or [last.end]
    e1 = min(ends, key=lambda i: (abs((i - last.start) - target), i))
    spans = [(s0, first.end)] + [(p.start, p.end) for p in pieces[1:-1]] + [(last.start, e1)]
    if any(e <= s for s, e in spans):
        return None
    lens = [e - s for s, e in spans]
    if max(lens) > 8 and max(lens) > 2.5 * min(lens):
        return None  # pieces of unrelated clauses (在提升开放能级、优化…开展更多首创性、集成式探索), not a list
    return Group("list", "", spans, 0.2, "phrase")


def _opening_group(doc: TokenView, spans: list[tuple[int, int]], level: str, strict: bool) -> Group | None:
    """An anaphora group when the opening clauses at *spans* share a real prefix."""
    if not all(doc.boundary[s] for s, _ in spans):
        return None  # a unit cut inside a word (一是一|是: a marker split off a longer token) opens nothing
    text = doc.text
    texts = [text[s:e] for s, e in spans]
    lcp = 0
    while all(len(t) > lcp for t in texts) and len({t[lcp] for t in texts}) == 1:
        lcp += 1
    while lcp > 0 and not all(doc.boundary[s + lcp] for s, _ in spans):
        lcp -= 1
    prefix = texts[0][:lcp]
    h = han_len(prefix)
    if h < 2:
        return None
    # a repeated subject (中国…，中国…) is not rhetoric; a repeated predicate or a long frame is
    s0 = spans[0][0]
    if h < 4 and (strict or not doc.has_predicate(s0, s0 + lcp)):
        return None
    if len(set(texts)) < len(texts):
        items = [(s, s + lcp) for s, _ in spans]  # identical openings: the opening itself is the item
    else:
        items = list(spans)
    frame = prefix + ("{}" if any(len(t) > lcp for t in texts) else "")
    score = round(min(1.0, 0.5 + 0.05 * min(h, 4) + 0.05 * (len(spans) - 2)), 3)
    return Group("anaphora", frame, items, score, level)


def _openings(
    doc: TokenView,
    units: list[tuple[int, int, int]],
    level: str,
    min_items: int,
    max_gap: int | None,
    single: set[int] | None = None,
) -> list[Group]:
    """Anaphora among opening clauses ``(index, start, end)``.

    Openings with the same first two characters form a series when successive ones are at
    most *max_gap* indices apart (``None``: anywhere in the list); a series with gaps needs a
    long shared prefix (4+ Han characters), a gapless one a prefix of 2+ with a predicate.
    """
    out: list[Group] = []
    text = doc.text
    keyed: dict[str, list[tuple[int, int, int]]] = {}
    for idx, s, e in units:
        s = strip_marker(text, s, e)
        if e - s >= 2 and han_len(text[s : s + 2]) == 2:
            keyed.setdefault(text[s : s + 2], []).append((idx, s, e))
    for series in keyed.values():
        if len(series) < min_items:
            continue
        runs: list[list[tuple[int, int, int]]] = [[series[0]]]
        for u in series[1:]:
            if max_gap is not None and u[0] - runs[-1][-1][0] > max_gap:
                runs.append([u])
            else:
                runs[-1].append(u)
        for run in runs:
            if len(run) < min_items:
                continue
            # far apart in a paragraph: only short one-clause sentences (学出…。) make a series
            if (
                max_gap is None
                and single is not None
                and any(b[0] - a[0] > 3 for a, b in zip(run, run[1:]))
                and not all(u[0] in single for u in run)
            ):
                continue
            gapped = max_gap is None or any(b[0] - a[0] > 1 for a, b in zip(run, run[1:]))
            # long sentences that open with one task verb (支持…。支持…。…支持…) with others between
            # them are the register's plain sentence starts, not rhetoric: they need a long opening
            loose = (
                level == "sentence"
                and single is not None
                and any(b[0] - a[0] > 1 for a, b in zip(run, run[1:]))
                and not all(u[0] in single for u in run)
            )
            strict = (gapped and level == "paragraph") or loose
            g = _opening_group(doc, [(s, e) for _, s, e in run], level, strict=strict)
            if g is None and gapped and max_gap is not None:
                # fall back to the gapless stretches
                sub: list[tuple[int, int, int]] = [run[0]]
                for a, b in zip(run, run[1:]):
                    if b[0] - a[0] > 1:
                        if len(sub) >= min_items:
                            gg = _opening_group(doc, [(s, e) for _, s, e in sub], level, strict=False)
                            if gg:
                                out.append(gg)
                        sub = []
                    sub.append(b)
                if len(sub) >= min_items:
                    g = _opening_group(doc, [(s, e) for _, s, e in sub], level, strict=False)
            if g:
                out.append(g)
    return out


def _headline_frames(doc: TokenView, para: Paragraph, min_items: int) -> list[Group]:
    """Short one-clause sentences of *para* that share a 3+ character stretch with a predicate.

    The stretch must contain a predicate word (政策要 holds 要), so topics alone (发展, 建设)
    do not group sentences; sentences that merely open alike are left to the anaphora pass.
    """
    heads = [s for s in para.sentences if len(s.clauses) == 1 and 6 <= s.clauses[0].end - s.clauses[0].start <= 20]
    if len(heads) < min_items:
        return []
    text = doc.text
    by_gram: dict[str, list[tuple[int, int]]] = {}
    for h in heads:
        c = h.clauses[0]
        seen = set()
        starts = range(c.start + 1, c.end - 2)  # a frame may begin inside a word (财政|政策要)
        for i in starts:
            for j in (i + 3, i + 4):
                if j < c.end and doc.boundary[j] and han_len(text[i:j]) == j - i and doc.has_predicate(i, j):
                    g = text[i:j]
                    if g not in seen:
                        seen.add(g)
                        by_gram.setdefault(g, []).append((c.start, c.end))
    out = []
    used: set[tuple[int, int]] = set()
    for _gram, spans in sorted(by_gram.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        spans = [sp for sp in spans if sp not in used]
        if len(spans) < min_items or len({text[a:b] for a, b in spans}) < len(spans):
            continue
        f = common_frame([text[a:b] for a, b in spans])
        if not f.chunks or any(p[0][0] == 0 for p in f.positions):
            continue  # opening alike is anaphora, found elsewhere
        out.append(Group("frame", f.text, spans, round(min(1.0, 0.5 + 0.05 * len(spans)), 3), "sentence", f))
        used.update(spans)
    return out


def _is_marker_only(text: str, s: int, e: int) -> bool:
    from .units import MARKER_RE

    m = MARKER_RE.fullmatch(text, s, e)
    return m is not None


def _sentence_and_paragraph_levels(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    out: list[Group] = []
    # sentence openings inside one paragraph (学出…。…学出…。…学出…。)
    for para in paras:
        if len(para.sentences) >= min_items:
            firsts = [(i, s.clauses[0].start, s.clauses[0].end) for i, s in enumerate(para.sentences)]
            single = {i for i, s in enumerate(para.sentences) if len(s.clauses) == 1 and s.end - s.start <= 24}
            out += _openings(doc, firsts, "sentence", min_items, max_gap=None, single=single)
    # short one-clause sentences of a paragraph sharing a frame word inside (积极的财政政策要…。稳健的货币政策要…。)
    for para in paras:
        out += _headline_frames(doc, para, min_items)
    # openings of successive paragraphs (or headings), clause by clause of their first sentence
    for k in range(4):
        units = []
        for i, p in enumerate(paras):
            cls = [c for c in p.sentences[0].clauses if not _is_marker_only(doc.text, c.start, c.end)]
            if k < len(cls):
                units.append((i, cls[k].start, cls[k].end))
        out += _openings(doc, units, "paragraph", min_items, max_gap=4)
    # the m-th sentence of successive paragraphs (——必须坚持…。X是中国特色社会主义的…。)
    # paragraphs under different kinds of enumeration marker ((一)… then 1.…) are not one series
    kinds = [_series.marker_kind(doc.text, p.start, p.end) for p in paras]
    for m in range(3):
        run: list[Unit] = []
        run_kind: str | None = None
        for k, next_para in enumerate([*paras, None]):  # None closes the last run
            if next_para is not None and m < len(next_para.sentences):
                c = next_para.sentences[m].clauses[0]
                if not _is_marker_only(doc.text, c.start, c.end) and (not run or kinds[k] == run_kind):
                    run.append(c)
                    run_kind = kinds[k]
                    continue
            if len(run) >= min_items:
                out += _runs(doc, run, "paragraph", trim_start_any=False, trim_end_last=False, min_items=min_items)
            run = []
            if next_para is not None and m < len(next_para.sentences):
                c = next_para.sentences[m].clauses[0]
                if not _is_marker_only(doc.text, c.start, c.end):
                    run, run_kind = [c], kinds[k]  # a new kind of marker opens a new run
    return out


def _nested(doc: TokenView, groups: list[Group], min_items: int) -> list[Group]:
    """Parallel fillers of one slot of a frame group (选干部配班子 / 抓基层打基础 / 育人才聚贤能)."""
    out: list[Group] = []
    for g in groups:
        f = g.frame_obj
        if f is None or len(g.spans) < max(3, min_items) or not f.chunks:
            continue
        for col in f.fillers():
            spans = [(s0 + a, s0 + b) for (s0, _), (a, b) in zip(g.spans, col)]
            # the filler itself, or the filler without its first word (视野|选干部配班子)
            # a head noun after 的 (…的视野|选干部配班子) is part of the frame's phrase, not of the filler
            nominal_head = sum(doc.pos_at.get(s, "x")[:1] == "n" for s, _ in spans) * 2 > len(spans) and all(
                doc.text[s - 1 : s] == "的" for s, _ in spans
            )
            for drop in (1, 0) if nominal_head else (0,):
                cand = [(_skip_words(doc, s, e, drop), e) for s, e in spans]
                lens = {e - s for s, e in cand}
                if len(lens) != 1 or lens.pop() < 4:
                    continue
                if any(doc.n_tokens(s, e) < 2 for s, e in cand):
                    continue
                if _matched(doc, cand, "clause") or _matched(doc, cand, "phrase"):
                    out.append(Group("matched", "{}", cand, 0.5, g.level))
                    break
    return out


def _skip_words(doc: TokenView, s: int, e: int, n: int) -> int:
    """Offset after the first *n* words of text[s:e]."""
    i = s
    for _ in range(n):
        i += 1
        while i < e and not doc.boundary[i]:
            i += 1
    return i


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------
def _detect(text: str, tokens: Sequence[Any], min_items: int, capped: list[int] | None = None) -> list[Group]:
    """The groups of one text; offsets where a series was cut at a cap are added to *capped*."""
    doc = TokenView(text, tokens)
    doc.capped = capped if capped is not None else []
    paras = paragraphs(text)
    groups = _word_level(doc, min_items)
    groups += prefix_series(doc, min_items)
    groups += _phrase_and_clause_levels(doc, paras, min_items)
    groups += _nested(doc, groups, min_items)
    groups += _sentence_and_paragraph_levels(doc, paras, min_items)
    groups += _series.quoted_series(doc, paras, min_items)
    groups += _series.enumerations(doc, paras, min_items)
    groups += _series.bold_headings(doc, paras, min_items)
    groups += _series.copula_series(doc, paras, min_items)
    groups += _series.semicolon_frames(doc, paras, min_items, _relate)
    groups += _series.sentence_closings(doc, paras, min_items)
    groups += _series.headline_paragraphs(doc, paras, min_items)
    groups += _series.sentence_leads(doc, paras, min_items)
    # one row per distinct set of item spans; the better-scored one wins
    best: dict[tuple[tuple[int, int], ...], Group] = {}
    for g in groups:
        if len(g.spans) < min_items:
            continue
        key = tuple(g.spans)
        if key not in best or (g.kind != "list", g.score) > (best[key].kind != "list", best[key].score):
            best[key] = g
    return sorted(best.values(), key=lambda g: (g.spans[0][0], -g.spans[-1][1]))


def _doc_tokens(source: Source, segmenter: Any) -> list[tuple[Any, str, list[Any]]]:
    """``(doc_id, text, tokens with POS)`` for every text, kept with a Corpus (:meth:`Corpus.memo`)."""
    if isinstance(source, Corpus):
        corpus = source
        tokens = corpus.memo(
            ("tokenize_pos", segmenter.fingerprint), lambda: [segmenter.tokenize(d.text, pos=True) for d in corpus]
        )
        return [(d.doc_id, d.text, t) for d, t in zip(corpus, tokens)]
    return [(doc_id, text, segmenter.tokenize(text, pos=True)) for doc_id, text, _meta in iter_source(source)]


@extractor(
    name="parallels",
    kind="parallel",
    label="parallel item (one colour per group)",
    label_zh="排比项（每组一色）",
    colour="hsl(0,75%,82%)",
    help="parallel structures (排比, 对仗)",
    style="groups",
    label_columns=("kind", "frame"),
    in_report=True,
    order=20,
    formatter="format_for_terminal",
    speed_budget=1.0,
)
@deprecated_positional("min_items", "segmenter", allowed=1)
def find_parallels(source: Source, *, min_items: int = 3, segmenter: Segmenter | None = None) -> pd.DataFrame:
    """Find groups of parallel phrases, clauses and sentences.

    Parameters
    ----------
    source:
        A ``str``, Document, Corpus or list of them (see :mod:`policytext.extract`).
    min_items:
        Smallest group to report; ``2`` also returns couplets (学深悟透、入脑入心).
    segmenter:
        The :class:`~policytext.Segmenter` whose tokens and POS tags decide item
        boundaries and word shape (default: the extractors' general-dictionary segmenter,
        :func:`~policytext.corpus.source.extractor_segmenter`). With a Corpus,
        the tagged tokens are cached on the corpus for the next call.

    Returns one row per group: ``doc_id, start, end, kind, frame, items, item_spans,
    n_items, score, level``; ``text[start:end]`` covers the group and
    ``text[s:e] == item`` for every item span.

    >>> df = find_parallels("让制度真正硬起来严起来实起来。")
    >>> df.loc[0, "items"], df.loc[0, "frame"], df.loc[0, "level"]
    (['硬起来', '严起来', '实起来'], '{}起来', 'word')
    >>> find_parallels("学深悟透、入脑入心。", min_items=2).loc[0, "kind"]
    'matched'
    """
    if not isinstance(min_items, int) or isinstance(min_items, bool) or min_items < 2:
        raise InputError(f"min_items must be an integer >= 2, got {min_items!r}")
    if segmenter is None:
        segmenter = extractor_segmenter()
    rows: list[dict[str, Any]] = []
    truncated: list[tuple[Any, int]] = []
    for doc_id, text, toks in _doc_tokens(source, segmenter):
        capped: list[int] = []
        for g in _detect(text, toks, min_items, capped):
            spans = [(int(s), int(e)) for s, e in g.spans]
            rows.append(
                {
                    "doc_id": doc_id,
                    "start": min(s for s, _ in spans),
                    "end": max(e for _, e in spans),
                    "kind": g.kind,
                    "frame": g.frame,
                    "items": [text[s:e] for s, e in spans],
                    "item_spans": spans,
                    "n_items": len(spans),
                    "score": float(g.score),
                    "level": g.level,
                }
            )
        for at in sorted(set(capped)):
            truncated.append((doc_id, at))
            warnings.warn(
                f"find_parallels: document {doc_id!r}: the word series at offset {at} has more than "
                f"{MAX_WORD_ITEMS} items (MAX_WORD_ITEMS); only the first {MAX_WORD_ITEMS} are one group",
                UserWarning,
                stacklevel=3,
            )
    df = to_frame(rows, COLUMNS)
    df.attrs["truncated"] = truncated  # (doc_id, offset) of every series cut at MAX_WORD_ITEMS
    return df


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_for_terminal(df: pd.DataFrame) -> str:
    """Each group as a block: a header, the frame, then its items aligned under the frame.

    Items line up on the frame's literal edge: left-aligned when the frame opens with a
    literal (``服务{}``), right-aligned when only its end is literal (``{}感``).

    >>> print(format_for_terminal(find_parallels("获得感、幸福感、安全感。")), end="")
    [0] 0-11  frame  phrase  score 0.60
        {}感
      获得感
      幸福感
      安全感
    <BLANKLINE>
    """
    if df is None or len(df) == 0:
        return "no parallel structures found\n"
    lines: list[str] = []
    for row in df.itertuples(index=False):
        frame = str(row.frame) if row.frame else "(list)"
        lines.append(f"[{row.doc_id}] {row.start}-{row.end}  {row.kind}  {row.level}  score {row.score:.2f}")
        # pandas-stubs types every itertuples field as a scalar; this column holds lists
        items = [str(i).replace("\n", " ") for i in cast("list[str]", row.items)]
        right = frame.startswith("{}") and not frame.endswith("{}")
        if right:
            w = max([_width(frame)] + [_width(i) for i in items])
            lines.append("  " + " " * (w - _width(frame)) + frame)
            lines += ["  " + " " * (w - _width(i)) + i for i in items]
        else:
            lines.append("  " + frame)
            lines += ["  " + i for i in items]
        lines.append("")
    return "\n".join(lines) + "\n"
