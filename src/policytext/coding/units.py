"""The units content coding codes: clauses, sentences, paragraphs, articles (第…条) and sections of a text.

Every unit is a ``(start, end)`` span into the document text, trimmed of surrounding space:

- ``clause``: a policy clause (条款句), ending at 。！？； or a line break — the unit of most policy-instrument
  studies (one measure per clause);
- ``sentence``: ending at 。！？ or a line break (a ； does not end it);
- ``paragraph``: a line;
- ``article``: an article 第…条 of a regulation, from its number to the next article (:attr:`Document.sections`);
- ``section``: a top-level section (一、 / 第一章 …) of :attr:`Document.sections`.

A document with no articles (or no sections) falls back to paragraphs, with a warning naming it.

>>> [(s, e) for s, e in unit_spans("加大投入；完善机制。\\n第二段", "clause")]
[(0, 5), (5, 10), (11, 14)]
>>> [(s, e) for s, e in unit_spans("加大投入；完善机制。\\n第二段", "sentence")]
[(0, 10), (11, 14)]
"""

from __future__ import annotations

import re
import warnings

from ..corpus.officialdoc import sections
from ..corpus.text import split_paragraphs, split_sentences
from ..errors import InputError

__all__ = ["UNITS", "unit_spans"]

UNITS = ("clause", "sentence", "article", "section", "paragraph")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+条$")


def check_unit(unit: str) -> str:
    """*unit* if it is one of :data:`UNITS`, else an :class:`InputError` naming the argument."""
    if unit not in UNITS:
        raise InputError(f"unit: expected one of {', '.join(UNITS)}, not {unit!r}")
    return unit


def _sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in split_sentences(text):
        if out and text[out[-1][1] - 1] in "；;" and "\n" not in text[out[-1][1] : s.start]:
            out[-1] = (out[-1][0], s.end)
        else:
            out.append((s.start, s.end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _from_sections(text: str, unit: str, doc_id: object) -> list[tuple[int, int]] | None:
    frame = sections(text)
    if unit == "article":
        rows = frame[frame["number"].astype(str).str.match(_ARTICLE.pattern)]
    else:
        rows = frame[frame["level"] == 1] if len(frame) else frame
    if not len(rows):
        return None
    out: list[tuple[int, int]] = []
    for s, e in zip(rows["start"].astype(int), rows["end"].astype(int)):
        span = _trim(text, s, e)
        if span and (not out or span[0] >= out[-1][1]):
            out.append(span)
    return out or None


def unit_spans(text: str, unit: str = "clause", *, doc_id: object = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the *unit*\\ s of *text*, in order and not overlapping."""
    check_unit(unit)
    if unit == "clause":
        return [(s.start, s.end) for s in split_sentences(text)]
    if unit == "sentence":
        return _sentences(text)
    if unit == "paragraph":
        return [(p.start, p.end) for p in split_paragraphs(text)]
    spans = _from_sections(text, unit, doc_id)
    if spans is None:
        what = "articles (第…条)" if unit == "article" else "section headings (一、 第一章 …)"
        warnings.warn(f"document {doc_id!r} has no {what}; coded by paragraph instead", UserWarning, stacklevel=3)
        return [(p.start, p.end) for p in split_paragraphs(text)]
    return spans
