"""The formulations (提法) of a text, counted: policy-lexicon terms, numbered formulas and meetings.

A formulation is

- a multi-character entry of the segmenter's policy lexicon among the text's content terms
  (``Segmenter.terms``), including entries nested in a longer term (新质生产力 in 发展新质生产力);
- a numbered formula found by :func:`~policytext.extract.formulas.find_formulas` (its canonical form);
- a numbered meeting found by :func:`~policytext.extract.formulas.find_meetings` (党的 dropped, so that
  党的二十大 and 二十大 are one formulation).

Where two sources name the same string (三去一降一补 is a lexicon entry and a formula) its count is the
larger of theirs and its kind the first of formula, meeting, lexicon.

>>> counts = formulation_counts("加快发展新质生产力，推动高质量发展，抓好三去一降一补。")
>>> counts["新质生产力"], counts["三去一降一补"]
(Formulation(kind='lexicon', n=1), Formulation(kind='formula', n=1))
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from ..extract.formulas import find_formulas, find_meetings
from ..segment.defaults import resolve_segmenter

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["Formulation", "formulation_counts", "lexicon_formulations"]

_KIND_ORDER = ("formula", "meeting", "lexicon")
_NUMERALS = frozenset("〇一二两三四五六七八九十百千0123456789")


class Formulation(NamedTuple):
    """How a formulation was found (``formula``, ``meeting`` or ``lexicon``) and how often it occurs."""

    kind: str
    n: int


def lexicon_formulations(terms: list[str], entries: frozenset[str]) -> Counter[str]:
    """Counts of the lexicon *entries* (two characters or more) among *terms* and nested inside them.

    A nested entry never starts right after a numeral: 十届二中全会 inside 二十届二中全会 is not one.

    >>> lexicon_formulations(["发展新质生产力", "发展"], frozenset({"新质生产力", "发展新质生产力"}))
    Counter({'发展新质生产力': 1, '新质生产力': 1})
    """
    nested: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for t in terms:
        if t not in nested:
            nested[t] = [
                t[i:j]
                for i in range(len(t))
                if i == 0 or t[i - 1] not in _NUMERALS  # 十届二中全会 is not a formulation of 二十届二中全会
                for j in range(i + 2, len(t) + 1)
                if t[i:j] in entries
            ]
        counts.update(dict.fromkeys(nested[t], 1))
    return counts


def _meeting_name(match: str) -> str:
    return match[2:] if match.startswith("党的") else match


def formulation_counts(
    text: str,
    *,
    segmenter: Segmenter | None = None,
    terms: list[str] | None = None,
) -> dict[str, Formulation]:
    """Every formulation of *text* with its kind and count (see the module's description).

    *terms* are ``segmenter.terms(text)`` when the caller has them already (a corpus's cached terms).
    """
    seg = resolve_segmenter(segmenter)
    entries = frozenset(w for w, _, _ in seg.entries if len(w) >= 2)
    by_kind: dict[str, Counter[str]] = {
        "lexicon": lexicon_formulations(seg.terms(text) if terms is None else terms, entries),
        "formula": Counter(str(f) for f in find_formulas(text)["canonical"] if isinstance(f, str) and f),
        "meeting": Counter(_meeting_name(str(m)) for m in find_meetings(text)["match"]),
    }
    for name in [n for n in by_kind["lexicon"] if n.startswith("党的") and n[2:] in by_kind["meeting"]]:
        by_kind["lexicon"][name[2:]] = by_kind["lexicon"].pop(name)  # 党的二十大 is the meeting 二十大
    out: dict[str, Formulation] = {}
    for kind in _KIND_ORDER:
        for name, n in by_kind[kind].items():
            if name in out:
                out[name] = Formulation(out[name].kind, max(out[name].n, n))
            else:
                out[name] = Formulation(kind, n)
    return dict(sorted(out.items()))
