"""Word n-grams, their association and boundary entropy: collocations and new terms.

The n-gram statistics live in :mod:`policytext.segment.ngrams` (the segmentation layer
learns a corpus's terms with them, :meth:`Segmenter.adapt`) and are re-exported here.
Texts are segmented into tokens; runs of word tokens between punctuation (and
digit-only tokens) are the *segments* in which n-grams are counted. For an n-gram
``g = w1 … wn`` the association is measured at every split point ``k`` on the 2x2
table (``g[:k]`` followed by ``g[k:]`` or not) with :mod:`policytext.stats.measures`,
and the weakest split is reported (a formulation is as strong as its weakest joint).
Boundary entropy is the entropy (bits) of the tokens seen immediately left / right
of ``g``; a segment edge counts as a new, distinct neighbour every time. Free-standing
units have high entropy on both sides; fragments of a longer unit have low entropy
on the side where the unit continues.

>>> texts = ["坚持稳中求进工作总基调，稳中求进是治国理政的重要原则。"] * 3
>>> df = collocations(texts, min_count=2, segmenter=None)
>>> list(df.columns)[:5]
['collocation', 'words', 'size', 'count', 'loglik']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from .._util.convention import check_at_least, deprecated_positional, renamed_arguments
from ..errors import InputError
from ..segment.defaults import resolve_segmenter
from ..segment.ngrams import association_table, boundary_entropy, count_ngrams, segments, term_candidates

__all__ = [
    "association_table",
    "boundary_entropy",
    "collocations",
    "count_ngrams",
    "discover_terms",
    "segments",
]

_MEASURES = {"loglik": "loglik", "pmi": "pmi", "t": "t", "chi2": "chi2"}


def _token_lists(source: Any, segmenter: Any) -> tuple[list[Any], list[list[str]]]:
    """``(doc_ids, token lists)`` of *source* (Corpus tokens come from its cache)."""
    from ..corpus.corpus import Corpus
    from ..corpus.source import iter_source

    segmenter = resolve_segmenter(segmenter)
    if isinstance(source, Corpus):
        return [d.doc_id for d in source], source.tokens(segmenter)
    ids, texts = [], []
    for doc_id, text, _meta in iter_source(source):
        ids.append(doc_id)
        texts.append(text)
    return ids, segmenter.cut_many(texts)


@deprecated_positional("min_count", "segmenter", "stopwords", "top", allowed=3)
def collocations(
    source: Any,
    size: int | Sequence[int] = 2,
    measure: str = "loglik",
    *,
    min_count: int = 3,
    segmenter: Any = None,
    stopwords: Iterable[str] | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Collocations: contiguous word n-grams of *size* tokens ranked by association.

    Tokens come from ``segmenter.cut`` (the default Segmenter when ``None``) and
    n-grams never cross punctuation. An n-gram that starts or ends with one of
    *stopwords* (default: the segmenter's stopword set) is skipped.

    Returns a tidy frame ``collocation, words, size, count, loglik, pmi, t, chi2``
    (``collocation`` is the words joined without space, ``words`` the tuple; the
    statistics are the weakest split for ``size > 2``), sorted by *measure*.

    >>> df = collocations(["全面从严治党永远在路上。全面从严治党是党的建设。"] * 2, min_count=2)
    >>> df.loc[0, "collocation"]
    '全面从严治党永远'
    """
    check_at_least(1, min_count=min_count, top=top)
    if measure not in _MEASURES:
        raise InputError(f"measure must be one of {sorted(_MEASURES)}, got {measure!r}")
    sizes = [size] if isinstance(size, int) else list(size)
    if not sizes or any(not isinstance(n, int) or n < 2 for n in sizes):
        raise InputError(f"size must be an integer >= 2 (or a list of them), got {size!r}")
    segmenter = resolve_segmenter(segmenter)
    _, toks = _token_lists(source, segmenter)
    stop = frozenset(stopwords) if stopwords is not None else getattr(segmenter, "stopword_set", frozenset())
    segs = [s for t in toks for s in segments(t)]
    counts = count_ngrams(segs, max_n=max(sizes), min_count=min_count)
    grams = [
        g
        for n in sizes
        for g, c in counts.get(n, Counter()).items()
        if c >= min_count and g[0] not in stop and g[-1] not in stop
    ]
    cols = ["collocation", "words", "size", "count", "loglik", "pmi", "t", "chi2"]
    if not grams:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    tab = association_table(grams, counts)
    tab.insert(0, "size", [len(g) for g in grams])
    tab.insert(0, "words", grams)
    tab.insert(0, "collocation", ["".join(g) for g in grams])
    tab = tab.sort_values([measure, "count", "collocation"], ascending=[False, False, True], kind="mergesort")
    tab = tab.reset_index(drop=True)
    return tab.head(top).reset_index(drop=True) if top else tab


@renamed_arguments(corpus="source")
@deprecated_positional(
    "segmenter",
    "min_count",
    "max_n",
    "min_chars",
    "max_chars",
    "min_pmi",
    "min_entropy",
    "edge_stopwords",
    "known",
    "top",
    allowed=1,
)
def discover_terms(
    source: Any,
    *,
    segmenter: Any = None,
    min_count: int = 5,
    max_n: int = 4,
    min_chars: int = 3,
    max_chars: int = 16,
    min_pmi: float = 1.0,
    min_entropy: float = 1.0,
    edge_stopwords: Iterable[str] | None = None,
    known: Callable[[str], bool] | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Candidate multiword terms of *source* that the segmenter does not yet know.

    A candidate is a word n-gram (2 ≤ n ≤ *max_n*) within punctuation, seen at least
    *min_count* times, of *min_chars*–*max_chars* characters, not starting or ending
    with an edge stopword (default: the segmenter's general function words), whose
    weakest-split PMI is at least *min_pmi* and whose left and right boundary
    entropies are both at least *min_entropy* bits, and that is not a word of the
    segmenter's dictionary (``known``, default ``segmenter.has_word``).

    Returns ``term, words, n, count, docs, loglik, pmi, t, left_entropy,
    right_entropy, score`` sorted by ``score`` = log2(count) × min(PMI, 8) ×
    min(left, right entropy) — frequent, cohesive, free-standing units first.

    >>> from policytext.segment import Segmenter
    >>> docs = ["要加强党群服务中心建设。", "党群服务中心要开放。", "建好党群服务中心，", "依托党群服务中心。"] * 2
    >>> discover_terms(docs, segmenter=Segmenter(lexicon=None), min_count=3, min_entropy=0.5)["term"].tolist()
    ['党群服务中心']
    """
    check_at_least(1, min_count=min_count, min_chars=min_chars, max_chars=max_chars, top=top)
    check_at_least(2, max_n=max_n)
    if max_chars < min_chars:
        raise InputError(f"max_chars ({max_chars}) is below min_chars ({min_chars})")

    seg = resolve_segmenter(segmenter)
    _, toks = _token_lists(source, seg)
    if edge_stopwords is None:
        from .._util.lexicon_files import lexicon_path, load_wordlist

        edge = load_wordlist(lexicon_path("stopwords.txt"))
    else:
        edge = frozenset(edge_stopwords)
    return term_candidates(
        toks,
        known=known or seg.has_word,
        edge_stopwords=edge,
        min_count=min_count,
        max_n=max_n,
        min_chars=min_chars,
        max_chars=max_chars,
        min_pmi=min_pmi,
        min_entropy=min_entropy,
        top=top,
    )
