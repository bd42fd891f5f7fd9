"""Topic models over paragraphs or documents: :class:`TopicModel`, model selection, coherence.

>>> from policytext.topics import TopicModel
>>> TopicModel(5).n_topics
5
"""

from __future__ import annotations

from .coherence import topic_coherence
from .model import TopicModel, plot_select_k, select_k, topic_segmenter

__all__ = ["TopicModel", "plot_select_k", "select_k", "topic_coherence", "topic_segmenter"]
