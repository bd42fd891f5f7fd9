"""A persistent keyword index in one SQLite file: exact search, concordance (KWIC), counts.

>>> from policytext.index import Index
>>> with Index(":memory:") as idx:
...     _ = idx.add(["抓党建促发展。"])
...     idx.count("党建")
1
"""

from __future__ import annotations

from ..errors import IndexFormatError, IndexLockedError
from .index import Index
from .storage import SCHEMA_VERSION
from .writing import DEFAULT_SEGMENT_CHARS

__all__ = ["DEFAULT_SEGMENT_CHARS", "SCHEMA_VERSION", "Index", "IndexFormatError", "IndexLockedError"]
