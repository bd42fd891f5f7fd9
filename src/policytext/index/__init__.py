"""A persistent keyword index in one SQLite file: exact search, concordance (KWIC), counts.

>>> from policytext.index import Index
>>> with Index(":memory:") as idx:
...     _ = idx.add(["抓党建促发展。"])
...     idx.count("党建")
1
"""

from __future__ import annotations

from ..errors import IndexFormatError, IndexLockedError
from .core import SCHEMA_VERSION, Index

__all__ = ["Index", "IndexFormatError", "IndexLockedError", "SCHEMA_VERSION"]
