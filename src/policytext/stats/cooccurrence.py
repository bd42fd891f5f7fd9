"""Term co-occurrence as an edge list, ready for networkx.

``window="sentence"`` links two terms when they occur in the same sentence
(:func:`~policytext.split_sentences`); the weight is the number of sentences
holding both (each sentence counts once per pair, however often the terms repeat
in it). ``window=k`` (an int ≥ 2) links terms less than *k* positions apart in the
sequence of content terms of a document; the weight counts such position pairs.

>>> from policytext import Segmenter
>>> e = cooccurrence("改革，发展。改革，稳定。", segmenter=Segmenter(lexicon=None))
>>> e.values.tolist()
[['发展', '改革', 1], ['改革', '稳定', 1]]

``networkx.from_pandas_edgelist(e, "term1", "term2", edge_attr="weight")`` builds
the graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._util.convention import check_at_least, check_not_one_string
from ..errors import InputError
from ._tokens import as_corpus, doc_terms, get_segmenter, sentence_terms
from .textrank import cooccurrence_matrix

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["cooccurrence"]


def cooccurrence(
    source: Any,
    window: str | int = "sentence",
    *,
    segmenter: Segmenter | None = None,
    min_count: int = 1,
    min_weight: int = 1,
    min_chars: int = 1,
    terms: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Edge list ``term1, term2, weight`` of co-occurring content terms.

    ``term1 < term2`` (each undirected pair once), sorted by weight (highest first)
    then by the terms. *min_count* keeps terms occurring at least that often in
    *source*; *min_chars* drops shorter terms; *terms* restricts the graph to a
    given vocabulary; *min_weight* drops weaker edges.
    """
    check_at_least(1, min_count=min_count)
    check_not_one_string(terms=terms)
    corpus = as_corpus(source)
    seg = get_segmenter(segmenter)
    keep_set = set(terms) if terms is not None else None
    if window == "sentence":
        units = [s for doc in sentence_terms(corpus, seg) for s in doc]
    elif isinstance(window, (int, np.integer)) and not isinstance(window, bool):
        if window < 2:
            raise InputError(f"window must be 'sentence' or an int of at least 2, not {window!r}")
        units = doc_terms(corpus, seg)
    else:
        raise InputError(f"window must be 'sentence' or an int of at least 2, not {window!r}")

    if min_count > 1 or min_chars > 1 or keep_set is not None:
        totals = Counter(w for u in units for w in u)

        def ok(w: str) -> bool:
            return totals[w] >= min_count and len(w) >= min_chars and (keep_set is None or w in keep_set)

        units = [[w for w in u if ok(w)] for u in units]

    if window == "sentence":
        pairs: Counter[tuple[str, str]] = Counter()
        for u in units:
            uniq = sorted(set(u))
            pairs.update(combinations(uniq, 2))
        rows = [(a, b, n) for (a, b), n in pairs.items() if n >= min_weight]
    else:
        m, vocab = cooccurrence_matrix(units, window=int(window))
        upper = sparse.triu(m, k=1).tocoo()
        rows = []
        for i, j, n in zip(upper.row, upper.col, upper.data):
            a, b = vocab[i], vocab[j]
            if a > b:
                a, b = b, a
            if n >= min_weight:
                rows.append((a, b, int(n)))
    out = pd.DataFrame(rows, columns=["term1", "term2", "weight"])
    out["weight"] = out["weight"].astype("int64")
    return out.sort_values(["weight", "term1", "term2"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )
