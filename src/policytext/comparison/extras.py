"""The optional packages of the ``compare`` extra, imported on first use with a message that names the extra.

>>> minhash_module().__name__
'datasketch'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingExtraError

__all__ = ["levenshtein_module", "minhash_module"]


def _require(module: str, feature: str, package: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, "compare", package) from None


def minhash_module() -> ModuleType:
    """``datasketch`` (MinHash and LSH), or :class:`MissingExtraError` naming the ``compare`` extra."""
    return _require("datasketch", "MinHash candidate pairs (find_reuse, similarity(method='minhash'))", "datasketch")


def levenshtein_module() -> ModuleType:
    """``rapidfuzz.distance`` (Indel and Levenshtein distances), or :class:`MissingExtraError`."""
    return _require("rapidfuzz.distance", "passage scoring (find_reuse, compare)", "rapidfuzz")
