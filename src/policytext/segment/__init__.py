"""The segmentation layer: :class:`Segmenter`, its backends and dictionaries, the worker pool.

The default segmenter of each family is named in :mod:`policytext.segment.defaults`.

>>> from policytext.segment import Segmenter
>>> Segmenter().cut("全面从严治党")
['全面从严治党']
"""

from __future__ import annotations

from .defaults import (
    default_segmenter,
    extractor_segmenter,
    resolve_segmenter,
    topic_segmenter,
)
from .segmenter import GRANULARITIES, Segmenter, Token, fastest_backend

__all__ = [
    "GRANULARITIES",
    "Segmenter",
    "Token",
    "default_segmenter",
    "extractor_segmenter",
    "fastest_backend",
    "resolve_segmenter",
    "topic_segmenter",
]
