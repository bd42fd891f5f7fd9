"""The installed version of policytext, for messages and file headers.

>>> isinstance(package_version(), str)
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

__all__ = ["package_version"]


@lru_cache(maxsize=1)
def package_version() -> str:
    """``policytext``'s version as installed, or ``0.0.0+unknown`` in a bare source tree."""
    try:
        return version("policytext")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0+unknown"
