"""The default segmenters, named in one place.

Every verb that takes ``segmenter=None`` picks its default here, so a reader can see
which segmenter each family uses and why:

- :func:`default_segmenter`: the policy lexicon (formulations kept whole); statistics,
  keywords, trends, the corpus token cache.
- :func:`extractor_segmenter`: jieba's general dictionary without the policy lexicon;
  the extractors of formulaic language look *inside* formulations.
- :func:`topic_segmenter`: the general dictionary with general stopwords; topic models.
- :func:`keyword_segmenter`: the policy lexicon on the fastest backend, one per process;
  the batch keyword step.

>>> resolve_segmenter(None).lexicon
'policy'
>>> topic_segmenter().lexicon is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .._util.lexicon_files import lexicon_path
from .segmenter import Segmenter, fastest_backend

__all__ = [
    "default_segmenter",
    "extractor_segmenter",
    "keyword_segmenter",
    "resolve_segmenter",
    "topic_segmenter",
]


def default_segmenter() -> Segmenter:
    """A new ``Segmenter()``: the policy lexicon, jieba backend, HMM on."""
    return Segmenter()


def resolve_segmenter(segmenter: Segmenter | None, default: Callable[[], Segmenter] = default_segmenter) -> Segmenter:
    """*segmenter* itself, or *default()* when it is ``None``."""
    return default() if segmenter is None else segmenter


@lru_cache(maxsize=2)
def extractor_segmenter(hmm: bool = False) -> Segmenter:
    """The Segmenter extractors use by default: jieba's general dictionary, no policy lexicon.

    Extractors look for frames *inside* formulations: 以人民为中心 is an instance of
    以{X}为{Y}, 稳就业保民生 an item of a parallel group. The policy lexicon keeps such
    formulations whole (right for counting terms), which would hide the literals and
    item edges the extractors need, so they decide boundaries on general-dictionary
    words. Without the HMM (the default) unknown character runs stay single characters,
    so a literal such as 向 in 向{X}要{Y} is never glued to its neighbour (向促); template
    mining asks for ``hmm=True`` because it needs new words such as 学出 to form frames.
    Its stopwords (``lexicons/stopwords_frames.txt``) are grammatical words and the
    light verbs and adverbs of the register; content verbs such as 发挥 or 完善 are
    frame literals here, not noise.
    The fast backend (extra ``fast``) is used when installed.
    Pass ``segmenter=`` to an extractor to use another one.
    """

    return Segmenter(lexicon=None, hmm=hmm, stopwords=lexicon_path("stopwords_frames.txt"), backend=fastest_backend())


@lru_cache(maxsize=1)
def topic_segmenter() -> Segmenter:
    """The Segmenter topic models use by default: jieba's dictionary, general stopwords, no policy lexicon.

    Measured on the Government Work Reports by paragraph (k=20, ``benchmarks/topics.py``),
    the policy lexicon lowers the mean NPMI of the topics' top terms by about 0.025:
    it keeps formulations whole (农民收入, 全党全军全国各族人民, 党的宗教工作基本方针),
    which splits the counts of their parts and puts rare terms among the top ones.
    The policy function-word stopwords cost a little too (about 0.008), since
    :data:`~policytext.topics.units.DISCOURSE_TERMS` and the document-frequency
    filters already handle that vocabulary. The fast backend is used when installed
    (same tokens).

    >>> topic_segmenter().lexicon is None
    True
    """
    return Segmenter(lexicon=None, stopwords="general", backend=fastest_backend())


@lru_cache(maxsize=1)
def keyword_segmenter() -> Segmenter:
    """One Segmenter per process, built on first use: the policy lexicon on the fastest backend."""
    return Segmenter(backend=fastest_backend())
