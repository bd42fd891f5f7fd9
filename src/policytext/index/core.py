"""Temporary re-exports: the old home of :class:`Index`, whose code now lives in the modules of this package.

Nothing is defined here. The names stay importable only until the last importers
(``policytext.cli.index``, ``policytext.report.demo``, ``tests/cli/test_cli_basic.py``)
import them from :mod:`policytext.index`; then delete this file.
"""

from __future__ import annotations

from ..errors import IndexFormatError, IndexLockedError
from .index import Index
from .storage import SCHEMA_VERSION
from .writing import DEFAULT_SEGMENT_CHARS

__all__ = ["DEFAULT_SEGMENT_CHARS", "SCHEMA_VERSION", "Index", "IndexFormatError", "IndexLockedError"]
