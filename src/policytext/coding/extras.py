"""The optional packages of the ``code`` extra (PyYAML, krippendorff), imported on first use.

A missing package raises :class:`~policytext.MissingExtraError` naming the extra to install.

>>> yaml_module().__name__
'yaml'
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from ..errors import MissingExtraError

__all__ = ["krippendorff_module", "yaml_module"]


def _require(module: str, feature: str, package: str, extra: str = "code") -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, package) from None


def yaml_module() -> ModuleType:
    """``yaml`` (PyYAML), or :class:`MissingExtraError` naming the ``code`` extra."""
    return _require("yaml", "reading a codebook (Codebook.from_yaml)", "PyYAML")


def krippendorff_module() -> ModuleType:
    """``krippendorff``, or :class:`MissingExtraError` naming the ``code`` extra."""
    return _require("krippendorff", "Krippendorff's alpha (agreement)", "krippendorff")


def openpyxl_available() -> bool:
    """Whether ``openpyxl`` (extra ``xlsx``) can be imported."""
    return importlib.util.find_spec("openpyxl") is not None
