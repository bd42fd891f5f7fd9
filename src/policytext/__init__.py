"""policytext: analysis of Chinese policy and political texts.

The core (documents, cleaning, sentences, segmentation) is imported eagerly; the
extractors, statistics, topic models and the index load on first use, so
``import policytext`` stays fast.

>>> import policytext as pt
>>> doc = pt.read_document("坚持稳中求进工作总基调。".encode())
>>> doc.text
'坚持稳中求进工作总基调。'
"""

from __future__ import annotations

import importlib
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .corpus.document import Corpus, Document, read_document
from .corpus.text import Span, normalize, split_clauses, split_sentences
from .errors import DecodeError, InputError, MissingExtraError, PolicytextError
from .segment.segmenter import Segmenter, Token

from . import _compat

_compat.install(sys.meta_path)  # old 0.1 module paths keep working, with a warning

try:
    __version__ = version("policytext")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

# public name -> module that defines it (loaded on first access)
_LAZY: dict[str, str] = {
    "find_formulas": "policytext.extract.formulas",
    "find_meetings": "policytext.extract.formulas",
    "find_quoted_terms": "policytext.extract.formulas",
    "find_references": "policytext.extract.formulas",
    "find_parallels": "policytext.extract.parallels",
    "find_templates": "policytext.extract.templates",
    "mine_templates": "policytext.extract.templates.mining",
    "TemplateSyntaxError": "policytext.extract.templates.language",
    "DFM": "policytext.stats.dfm",
    "dfm": "policytext.stats.dfm",
    "keywords": "policytext.stats.keywords",
    "keyness": "policytext.stats.keyness",
    "term_trends": "policytext.stats.trends",
    "first_seen": "policytext.stats.trends",
    "dictionary_counts": "policytext.stats.dictionary",
    "cooccurrence": "policytext.stats.cooccurrence",
    "collocations": "policytext.stats.association",
    "discover_terms": "policytext.stats.association",
    "Index": "policytext.index",
    "IndexFormatError": "policytext.index",
    "TopicModel": "policytext.topics",
    "select_k": "policytext.topics",
    "report": "policytext.report.html",
    "load_sample": "policytext.corpus.datasets",
    "load_seed": "policytext.corpus.datasets",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Corpus",
    "DecodeError",
    "Document",
    "InputError",
    "MissingExtraError",
    "PolicytextError",
    "Segmenter",
    "Span",
    "Token",
    "normalize",
    "read_document",
    "split_clauses",
    "split_sentences",
    "__version__",
    *_LAZY,
]
