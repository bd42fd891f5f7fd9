"""Paragraphs, sentences, clauses and enumeration pieces with offsets, for parallel detection.

Sentences end at 。！？ (and a line break); ； and ， separate *clauses* inside a
sentence (a semicolon series is one clause group); 、 separates *pieces* inside a
clause. Separators inside “”, 《》 or brackets do not split. Every span is trimmed of
spaces and of its trailing separator, so it is the text a reader would call the item.

>>> ps = paragraphs("学出理想信念。一是坚持，二是落实；三是改进、提高。\\n下一段")
>>> [[[c.text for c in s.clauses] for s in p.sentences] for p in ps]
[[['学出理想信念'], ['一是坚持', '二是落实', '三是改进、提高']], [['下一段']]]
>>> [p.text for p in ps[0].sentences[1].clauses[2].pieces]
['三是改进', '提高']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Clause", "Paragraph", "Sentence", "Unit", "paragraphs", "strip_marker"]

_SENT_END = "。！？!?"
_CLAUSE_SEP = "，；：,;:"
_PIECE_SEP = "、"
_OPEN_TO_CLOSE = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "‘": "’", "〔": "〕"}
_CLOSERS = "”’」』》）)】〕\"'"
_TRIM = " \t\r\n\u3000\u00a0" + "…" + "*#"  # markdown emphasis and heading marks (**小标题**) too

#: a quotation or bracket longer than this (a quoted speech, several clauses) does not hide the
#: separators inside it: its clauses are clauses of the sentence
MAX_SHIELD = 40

# Enumeration and heading markers that open an item but are not part of it.
MARKER_RE = re.compile(
    r"(?:——|—|-{2}|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]|"
    r"第[一二三四五六七八九十]{1,3}[，,、是：:]|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"
)


@dataclass
class Unit:
    """A span of the document: ``doc_text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass
class Clause(Unit):
    pieces: list[Unit] = field(default_factory=list)


@dataclass
class Sentence(Unit):
    clauses: list[Clause] = field(default_factory=list)


@dataclass
class Paragraph(Unit):
    sentences: list[Sentence] = field(default_factory=list)


def _trim(text: str, s: int, e: int, seps: str = "") -> tuple[int, int]:
    while s < e and (text[s] in _TRIM):
        s += 1
    while e > s and (text[e - 1] in _TRIM or text[e - 1] in seps):
        e -= 1
    return s, e


def strip_marker(text: str, s: int, e: int) -> int:
    """Offset after an enumeration / heading marker (一是, 第一，, （一）, ——) at *s*, else *s*.

    >>> strip_marker("二是坚持", 0, 4)
    2
    """
    m = MARKER_RE.match(text, s, e)
    if m and m.end() < e:
        return m.end()
    return s


_SPECIAL_RE: dict[str, re.Pattern[str]] = {}


def _special(seps: str) -> re.Pattern[str]:
    pat = _SPECIAL_RE.get(seps)
    if pat is None:
        chars = set(seps) | set(_OPEN_TO_CLOSE) | set(_OPEN_TO_CLOSE.values())
        pat = _SPECIAL_RE[seps] = re.compile("[" + re.escape("".join(sorted(chars))) + "]")
    return pat


def _split(text: str, s: int, e: int, seps: str) -> list[tuple[int, int]]:
    """Split text[s:e] at *seps* outside brackets and quotes; each part keeps no separator."""
    parts: list[tuple[int, int]] = []
    stack: list[str] = []
    start = s
    for m in _special(seps).finditer(text, s, e):
        ch = m.group()
        i = m.start()
        if ch in _OPEN_TO_CLOSE:
            close = text.find(_OPEN_TO_CLOSE[ch], i + 1, min(e, i + MAX_SHIELD + 2))
            if close < 0:
                continue  # a long quotation (or an unclosed one): its separators still split
            stack.append(_OPEN_TO_CLOSE[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif not stack and ch in seps:
            parts.append((start, i))
            start = i + 1
        if len(stack) > 4:  # unbalanced quotes: give up nesting
            stack.clear()
    parts.append((start, e))
    return parts


_END_RE = re.compile(r"(?:[。！？!?]|……)[。！？!?…”’」』》）)】〕\"']*")


def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    start = s
    for m in _END_RE.finditer(text, s, e):
        out.append((start, m.end()))
        start = m.end()
    if start < e:
        out.append((start, e))
    return out


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraph → sentence → clause → piece tree of *text*."""
    paras: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        ps, pe = _trim(text, m.start(), m.end())
        if ps >= pe:
            continue
        para = Paragraph(text[ps:pe], ps, pe)
        for ss, se in _sentences(text, ps, pe):
            ss, se = _trim(text, ss, se, _SENT_END + _CLOSERS + _CLAUSE_SEP)
            if ss >= se:
                continue
            sent = Sentence(text[ss:se], ss, se)
            for cs, ce in _split(text, ss, se, _CLAUSE_SEP):
                cs, ce = _trim(text, cs, ce, _CLAUSE_SEP)
                if cs >= ce:
                    continue
                clause = Clause(text[cs:ce], cs, ce)
                for qs, qe in _split(text, cs, ce, _PIECE_SEP):
                    qs, qe = _trim(text, qs, qe, _PIECE_SEP)
                    if qs < qe:
                        clause.pieces.append(Unit(text[qs:qe], qs, qe))
                sent.clauses.append(clause)
            if sent.clauses:
                para.sentences.append(sent)
        if para.sentences:
            paras.append(para)
    return paras


_QUOTED_RE = re.compile(rf"“([^“”\n]{{3,{MAX_SHIELD}}})”|\"([^\"\n]{{3,{MAX_SHIELD}}})\"")


def quoted_pieces(text: str, s: int, e: int) -> list[list[Unit]]:
    """The pieces of every short quotation in text[s:e] that holds 、 or ， (a quoted series:
    “数字化建账、信息化学习、系统化宣传”), one list per quotation.

    >>> [[u.text for u in q] for q in quoted_pieces("实施“两提高、两降低、一减免”政策", 0, 16)]
    [['两提高', '两降低', '一减免']]
    """
    out = []
    for m in _QUOTED_RE.finditer(text, s, e):
        qs, qe = m.start() + 1, m.end() - 1
        if not any(c in "、，," for c in text[qs:qe]):
            continue
        pieces = []
        for a, b in _split(text, qs, qe, _PIECE_SEP + "，,"):
            a, b = _trim(text, a, b)
            if a < b:
                pieces.append(Unit(text[a:b], a, b))
        if len(pieces) >= 2:
            out.append(pieces)
    return out
