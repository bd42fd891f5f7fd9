"""policytext: analysis of Chinese policy and political texts.

>>> import policytext as pt
>>> doc = pt.read_document("坚持稳中求进工作总基调。".encode())
>>> doc.text
'坚持稳中求进工作总基调。'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .document import Corpus, Document, read_document
from .errors import DecodeError, InputError, MissingExtraError, PolicytextError
from .segment import Segmenter, Token
from .text import Span, normalize, split_clauses, split_sentences

try:
    __version__ = version("policytext")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

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
]
