"""Small helpers shared by every layer: files, frames, progress, job counts, lexicon files.

Nothing here imports from another policytext subpackage except :mod:`policytext.errors`;
that is what lets every layer above use it.
"""

from __future__ import annotations

__all__: list[str] = []
