"""Numbered formulas (两个维护), meetings (十九届六中全会), quoted terms and 《》 references.

>>> from policytext.extract.formulas import find_formulas
>>> find_formulas("做到“两个维护”。")["formula"].tolist()
['两个维护']
"""

from __future__ import annotations

from .finder import (
    FORMULA_COLUMNS,
    find_formulas,
    find_meetings,
    find_quoted_terms,
    find_references,
    format_for_terminal,
    load_formula_lexicon,
    shape_of,
)

__all__ = [
    "FORMULA_COLUMNS",
    "find_formulas",
    "find_meetings",
    "find_quoted_terms",
    "find_references",
    "format_for_terminal",
    "load_formula_lexicon",
    "shape_of",
]
