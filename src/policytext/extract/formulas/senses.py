"""Which meaning of a formula a match has (两新 in 2022 party-building news vs. a 2025 work report), and
whether that choice is certain.

Rules, in order:

1. **Years first.** When the document's year is known, only meanings whose ``years`` contain it are
   candidates (a meaning that ended, like 四个现代化's 四化, never reaches a 2026 text); if none fits, all are.
2. **Context words.** The candidate whose context words stand nearest the match (within 60 characters)
   wins, and the choice is *certain* when it is the only candidate with the nearest word.
3. **Otherwise** a single remaining candidate is certain; with several and no context word the row is
   *uncertain*: with a year, the most recent meaning is reported (a newer meaning is the likelier in a
   text of its time) with ``sense_certain=False``; without a year nothing is guessed (``sense`` and
   ``expansion`` are ``None``).

>>> from policytext.extract.formulas.lexicon import load_formula_lexicon
>>> senses = tuple(load_formula_lexicon().senses("两新"))
>>> e, certain = choose_sense(senses, "抓“两新”组织党建", 2, 4, None)
>>> e.sense, certain
(1, True)
>>> choose_sense(senses, "做好“两新”工作", 3, 5, None)
(None, False)
>>> e, certain = choose_sense(senses, "做好“两新”工作", 3, 5, 2025)
>>> e.sense, certain
(2, False)
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import FormulaEntry

__all__ = ["WINDOW", "choose_sense", "proximity"]

#: characters on each side of a match where context words count
WINDOW = 60


def proximity(text: str, start: int, end: int, words: Iterable[str]) -> float:
    """1 / (1 + distance) to the nearest of *words* within the window around a match (0 if none).

    >>> proximity("能耗“双控”", 3, 5, ["能耗"])
    0.5
    """
    left = text[max(0, start - WINDOW) : start]
    right = text[end : end + WINDOW]
    best = 0.0
    for w in words:
        i = left.rfind(w)
        if i >= 0:
            best = max(best, 1 / (1 + len(left) - (i + len(w))))
        j = right.find(w)
        if j >= 0:
            best = max(best, 1 / (1 + j))
    return best


def choose_sense(
    entries: tuple[FormulaEntry, ...], text: str, start: int, end: int, year: int | None
) -> tuple[FormulaEntry | None, bool]:
    """``(meaning, certain)`` for a match of a form whose lexicon rows are *entries* (see the module rules)."""
    if len(entries) == 1:
        return entries[0], True
    fitting = tuple(e for e in entries if e.fits_year(year)) if year is not None else entries
    if not fitting:
        fitting = entries
    if len(fitting) == 1:
        return fitting[0], True
    scored = [(proximity(text, start, end, e.context), e) for e in fitting]
    top = max(p for p, _ in scored)
    if top > 0:
        best = [e for p, e in scored if p == top]
        # ties: the meaning dated to the document's year, then the more recent, then file order
        chosen = max(best, key=lambda e: (e.years != (None, None) and year is not None, e.years[0] or 0, -e.sense))
        return chosen, len(best) == 1
    if year is None:
        return None, False
    return max(fitting, key=lambda e: (e.years[0] or _first_year(e), -e.sense)), False


def _first_year(e: FormulaEntry) -> int:
    digits = "".join(ch for ch in e.first_year[:4] if ch.isdigit())
    return int(digits) if len(digits) == 4 else 0
