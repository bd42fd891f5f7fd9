"""Parallel structures (排比, 对仗): :func:`find_parallels`.

>>> from policytext.extract.parallels import find_parallels
>>> find_parallels("学出理想信念。学出对党忠诚。学出使命担当。")["n_items"].tolist()
[3]
"""

from __future__ import annotations

from .finder import COLUMNS, find_parallels, format_for_terminal

__all__ = ["COLUMNS", "find_parallels", "format_for_terminal"]
