"""Keyword statistics, association measures, term discovery and trends."""

from __future__ import annotations

__all__: list[str] = []
