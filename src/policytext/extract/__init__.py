"""Extractors of formulaic language, one subpackage per family, and the registry they declare themselves in.

Each extractor returns a tidy DataFrame with ``doc_id, start, end``; offsets index
``Document.text`` (or the string passed), so ``text[start:end] == match``. The families:
:mod:`~policytext.extract.templates` (slot templates), :mod:`~policytext.extract.parallels`
(parallel structures), :mod:`~policytext.extract.formulas` (numbered formulas, meetings,
quoted terms, 《》 references, document numbers). :func:`extractors` lists them all.

>>> from policytext.extract import extractors
>>> "parallels" in [e.name for e in extractors()]
True
"""

from __future__ import annotations

from .registry import Extractor, extractor, extractor_for_kind, extractors, get_extractor

__all__ = ["Extractor", "extractor", "extractor_for_kind", "extractors", "get_extractor"]
