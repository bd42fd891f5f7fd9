"""policytext: analysis of Chinese policy and political texts.

The core (documents, cleaning, sentences, segmentation) is imported eagerly; the
extractors, statistics, topic models and the index load on first use, so
``import policytext`` stays fast. Every extractor declared in the registry
(:mod:`policytext.extract.registry`) is available here under its function's name.

>>> import policytext as pt
>>> doc = pt.read_document("坚持稳中求进工作总基调。".encode())
>>> doc.text
'坚持稳中求进工作总基调。'
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from . import _compat
from ._util.version import package_version
from .corpus import (
    Corpus,
    Document,
    Span,
    normalize,
    read_document,
    split_clauses,
    split_sentences,
)
from .errors import DecodeError, InputError, MissingExtraError, PolicytextError
from .segment import Segmenter, Token

_compat.install(sys.meta_path)  # old 0.1 module paths keep working, with a DeprecationWarning

__version__ = package_version()

_EAGER = [
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
]

# public name -> module that defines it (loaded on first access); the extractors come from the registry
_LAZY: dict[str, str] = {
    "mine_templates": "policytext.extract.templates",
    "iter_templates": "policytext.extract.templates",
    "template_groups": "policytext.extract.templates",
    "add_sections": "policytext.extract.registry",
    "TemplateSyntaxError": "policytext.errors",
    "IndexFormatError": "policytext.errors",
    "IndexLockedError": "policytext.errors",
    "MissingFontError": "policytext.errors",
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
    "TopicModel": "policytext.topics",
    "select_k": "policytext.topics",
    "similarity": "policytext.comparison",
    "find_reuse": "policytext.comparison",
    "compare": "policytext.comparison",
    "compare_series": "policytext.comparison",
    "diffusion": "policytext.comparison",
    "Comparison": "policytext.comparison",
    "Codebook": "policytext.coding",
    "code_units": "policytext.coding",
    "export_for_coding": "policytext.coding",
    "read_coding": "policytext.coding",
    "agreement": "policytext.coding",
    "report": "policytext.reporting",
    "highlight": "policytext.reporting",
    "load_sample": "policytext.corpus",
    "load_seed": "policytext.corpus",
}


def _extractor_functions() -> dict[str, Any]:
    from .extract.registry import extractors

    return {e.function.__name__: e.function for e in extractors()}


def __getattr__(name: str) -> Any:
    if name == "__all__":
        value: Any = [*_EAGER, *_extractor_functions(), *_LAZY]
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif not name.startswith("_") and name in (functions := _extractor_functions()):
        value = functions[name]
    else:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_extractor_functions()))
