"""Extractors of formulaic language. Each returns a tidy DataFrame with ``doc_id, start, end``.

Offsets index ``Document.text`` (or the string passed), so ``text[start:end] == match``.
"""

from __future__ import annotations

__all__: list[str] = []
