"""Documents cut into units — sections or paragraphs — each a :class:`Document` of its own.

Statistics count per document; to count per section of a plan or per paragraph of a report, cut the
corpus first and give the units to any function that reads a corpus::

    sections = corpus.split("section", level=1)     # 一、… with everything under it
    pt.dfm(sections).group("section_heading")         # terms by section
    pt.dictionary_counts(sections, my_dictionary)      # categories by section

A unit's ``doc_id`` is its document's id, ``§`` and the unit's index in the document (``gwr_2024§3``);
its ``meta`` is the document's (year, issuer, …) plus ``parent_id``, ``unit`` (``"section"`` or
``"paragraph"``), ``unit_index``, ``offset`` (where the unit starts in the document's text, so that
``offset + start`` of a row found in the unit indexes :attr:`Document.text` of the whole document) and,
for sections, ``section_level``, ``section_number`` and ``section_heading`` (missing for the part
before the first heading: title, 主送, preamble).

Sections are those of :attr:`Document.sections <policytext.corpus.Document.sections>` (一、 （一） 1.
（1）, 第一章 第一节 第一条). With ``level=None`` the text is cut at every heading: a unit is one heading with
the words up to the next heading of any level. With ``level=L`` it is cut only at headings of levels
1 to L, so a unit holds a section of level L with its subsections. The units cover every non-blank
character of the text exactly once; a text without headings is one unit.

>>> from policytext import Corpus
>>> text = "各单位：\\n一、总体要求\\n坚持稳中求进。\\n（一）指导思想\\n以人民为中心。\\n二、主要任务\\n推动发展。"
>>> units = Corpus.from_texts([text], ids=["d"]).split("section", level=1)
>>> [(u.doc_id, u.meta["section_number"], u.text.split("\\n")[0]) for u in units]
[('d§0', None, '各单位：'), ('d§1', '一', '一、总体要求'), ('d§2', '二', '二、主要任务')]
>>> u = units[1]
>>> text[u.meta["offset"] : u.meta["offset"] + len(u.text)] == u.text
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from .document import Document

__all__ = ["SPLIT_UNITS", "iter_units", "unit_spans"]

#: The units :func:`iter_units` (and ``Corpus.split``) cut documents into.
SPLIT_UNITS = ("section", "paragraph")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def unit_spans(text: str, unit: str = "section", *, level: int | None = None) -> list[tuple[int, int, dict[str, Any]]]:
    """``(start, end, info)`` of each unit of *text*: stripped of surrounding blanks, in order, never empty.

    *info* holds ``section_level``, ``section_number`` and ``section_heading`` for sections (``None``
    before the first heading) and nothing for paragraphs (the lines of the text).

    >>> [(a, b, i["section_number"]) for a, b, i in unit_spans("前言\\n一、目标\\n甲。\\n二、任务\\n乙。")]
    [(0, 2, None), (3, 10, '一'), (11, 18, '二')]
    >>> unit_spans("甲。\\n\\n  乙。", "paragraph")
    [(0, 2, {}), (6, 8, {})]
    """
    _check(unit, level)
    if unit == "paragraph":
        out: list[tuple[int, int, dict[str, Any]]] = []
        pos = 0
        for line in text.split("\n"):
            a, b = _strip(text, pos, pos + len(line))
            pos += len(line) + 1
            if a < b:
                out.append((a, b, {}))
        return out
    from .officialdoc import sections

    heads = sections(text)
    if level is not None:
        heads = heads[heads["level"] <= level]
    rows = zip(heads["start"].tolist(), heads["level"].tolist(), heads["number"].tolist(), heads["heading"].tolist())
    starts = {int(start): (int(lv), str(number), str(heading)) for start, lv, number, heading in rows}
    cuts = sorted({0, *starts, len(text)})
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        level_number_heading = starts.get(a)
        lv, number, heading = level_number_heading if level_number_heading is not None else (None, None, None)
        info = {"section_level": lv, "section_number": number, "section_heading": heading}
        s, e = _strip(text, a, b)
        if s < e:
            spans.append((s, e, info))
    return spans


def iter_units(documents: Iterable[Document], unit: str = "section", *, level: int | None = None) -> Iterator[Document]:
    """Each unit of each document, as a :class:`Document` (see the module docstring for its id and meta).

    >>> [u.doc_id for u in iter_units([Document("a", "一、甲\\n二、乙")])]
    ['a§0', 'a§1']
    """
    _check(unit, level)
    for doc in documents:
        for k, (start, end, info) in enumerate(unit_spans(doc.text, unit, level=level)):
            meta = {**doc.meta, "parent_id": doc.doc_id, "unit": unit, "unit_index": k, "offset": start, **info}
            yield Document(f"{doc.doc_id}§{k}", doc.text[start:end], meta)


def _check(unit: str, level: int | None) -> None:
    if unit not in SPLIT_UNITS:
        raise InputError(f"unit must be one of {', '.join(repr(u) for u in SPLIT_UNITS)}, not {unit!r}")
    if level is not None and (isinstance(level, bool) or not isinstance(level, int) or level < 1):
        raise InputError(f"level must be a whole number of at least 1 (or None for every heading), not {level!r}")
    if level is not None and unit != "section":
        raise InputError(f"level applies to unit='section' only, not to unit={unit!r}")
