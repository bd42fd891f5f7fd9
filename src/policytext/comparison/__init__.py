"""Comparing documents: similarity, text reuse and diffusion, and what changed between two versions.

One module per job: :mod:`.similarity` (pairwise scores), :mod:`.reuse` (reused passages; built on
:mod:`.candidates`, :mod:`.seeds` and :mod:`.align`), :mod:`.diff` (two versions, sentence by sentence),
:mod:`.formulations` (the 提法 of a text), :mod:`.series` (formulations over a series), :mod:`.diffusion`
(central documents reused by local ones). Needs the ``compare`` extra (datasketch, rapidfuzz).

>>> from policytext.comparison import find_reuse
>>> find_reuse(["甲乙丙丁"], min_chars=2).empty
True
"""

from __future__ import annotations

from .diff import Comparison, compare
from .diffusion import diffusion
from .formulations import formulation_counts
from .reuse import find_reuse
from .series import compare_series
from .similarity import similarity

__all__ = ["Comparison", "compare", "compare_series", "diffusion", "find_reuse", "formulation_counts", "similarity"]
