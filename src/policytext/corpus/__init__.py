"""The corpus layer: documents, corpora, readers, cleaning, text normalization and sentences.

Everything above it (segmentation, extractors, statistics, topics, the index) takes
what this layer builds: a :class:`Document` (``doc_id``, clean ``text``, ``meta``) or a
:class:`Corpus` of them, and offsets that always index ``Document.text``.

>>> from policytext.corpus import Corpus, split_sentences
>>> corpus = Corpus.from_texts(["坚持稳中求进。推动高质量发展。"])
>>> [s.text for s in split_sentences(corpus[0].text)]
['坚持稳中求进。', '推动高质量发展。']
"""

from __future__ import annotations

from .corpus import Corpus
from .datasets import SEED_ID, load_sample, load_seed
from .document import Document
from .readers import read_document
from .source import Source, iter_source
from .text import Span, normalize, split_clauses, split_sentences, to_simplified

__all__ = [
    "SEED_ID",
    "Corpus",
    "Document",
    "Source",
    "Span",
    "iter_source",
    "load_sample",
    "load_seed",
    "normalize",
    "read_document",
    "split_clauses",
    "split_sentences",
    "to_simplified",
]
