"""Word n-gram statistics for term discovery: counts, association, boundary entropy.

The one implementation of n-gram candidate extraction in policytext (``stats.association``
re-exports it; it lives here, in the segmentation layer, because :meth:`Segmenter.adapt
<policytext.segment.Segmenter.adapt>` learns a corpus's own terms with it).
Token lists are split into *segments* (runs of word tokens between punctuation and
digit-only tokens) in which n-grams are counted. For an n-gram ``g = w1 … wn`` the
association is measured at every split point ``k`` on the 2x2 table (``g[:k]`` followed
by ``g[k:]`` or not) and the weakest split is reported (a formulation is as strong as its
weakest joint). Boundary entropy is the entropy (bits) of the tokens seen immediately
left / right of ``g``; a segment edge counts as a new, distinct neighbour every time.

>>> segs = segments(["要", "加强", "党群", "服务中心", "建设", "。"])
>>> count_ngrams([segs[0]], max_n=2, min_count=1)[2][("党群", "服务中心")]
1
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from .._util.measures import chi_squared, log_likelihood, pmi, t_score
from ..errors import InputError

__all__ = [
    "TERM_COLUMNS",
    "association_table",
    "boundary_entropy",
    "count_ngrams",
    "segments",
    "term_candidates",
]

_WORDLIKE = re.compile(r"[^\W\d_]")

Gram = tuple[str, ...]

TERM_COLUMNS = ["term", "words", "n", "count", "docs", "loglik", "pmi", "t", "left_entropy", "right_entropy", "score"]


def _table_stats(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> dict[str, np.ndarray]:
    """Signed log-likelihood G², PMI, t-score and Yates-corrected signed χ² of 2x2 tables."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "loglik": log_likelihood(a, b, c, d),
            "pmi": pmi(a, b, c, d),
            "t": t_score(a, b, c, d),
            "chi2": chi_squared(a, b, c, d),
        }


def segments(tokens: Sequence[str]) -> list[list[str]]:
    """Split a token list at punctuation and digit-only tokens into runs of words.

    >>> segments(["坚持", "稳中求进", "，", "2022", "年", "发展"])
    [['坚持', '稳中求进'], ['年', '发展']]
    """
    out: list[list[str]] = []
    cur: list[str] = []
    for w in tokens:
        if _WORDLIKE.search(w):
            cur.append(w)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def count_ngrams(segs: Sequence[Sequence[str]], max_n: int = 4, min_count: int = 2) -> dict[int, Counter]:
    """Counts of contiguous n-grams (tuples) for n = 1 … *max_n*.

    Apriori pruning: an n-gram is counted only if both of its (n-1)-grams occur at
    least *min_count* times, so every contiguous part of a counted n-gram is counted
    too. Unigram and bigram counts are complete.

    >>> c = count_ngrams([["a", "b", "c"], ["a", "b"]], max_n=3, min_count=2)
    >>> c[2][("a", "b")], c[3].get(("a", "b", "c"), 0)
    (2, 0)
    """
    if max_n < 1:
        raise InputError(f"max_n must be at least 1, got {max_n}")
    counts: dict[int, Counter] = {1: Counter((w,) for s in segs for w in s)}
    if max_n >= 2:
        counts[2] = Counter(tuple(s[i : i + 2]) for s in segs for i in range(len(s) - 1))
    for n in range(3, max_n + 1):
        prev = {g for g, c in counts[n - 1].items() if c >= min_count}
        if not prev:
            counts[n] = Counter()
            continue
        c: Counter = Counter()
        for s in segs:
            for i in range(len(s) - n + 1):
                g = tuple(s[i : i + n])
                if g[:-1] in prev and g[1:] in prev:
                    c[g] += 1
        counts[n] = c
    return counts


def association_table(grams: Sequence[Gram], counts: dict[int, Counter]) -> pd.DataFrame:
    """Weakest-split association of each n-gram (n ≥ 2): ``count, loglik, pmi, t, chi2``.

    For every split point the 2x2 table is ``a = f(g)``, ``b = f(left) − a``,
    ``c = f(right) − a``, ``d = N − a − b − c`` with ``N`` the number of bigram
    positions; each statistic is the minimum over split points.
    """
    n_pos = float(sum(counts[2].values())) if 2 in counts else 0.0
    rows_g, a, fl, fr = [], [], [], []
    for gi, g in enumerate(grams):
        n = len(g)
        if n < 2:
            raise InputError(f"association needs n-grams of two or more tokens, got {g!r}")
        cg = counts[n].get(g, 0)
        for k in range(1, n):
            rows_g.append(gi)
            a.append(cg)
            fl.append(counts[k].get(g[:k], 0))
            fr.append(counts[n - k].get(g[k:], 0))
    A = np.asarray(a, float)
    B = np.maximum(np.asarray(fl, float) - A, 0)
    C = np.maximum(np.asarray(fr, float) - A, 0)
    D = np.maximum(n_pos - A - B - C, 0)
    stats = _table_stats(A, B, C, D)
    idx = np.asarray(rows_g, int)
    out = {"count": np.array([counts[len(g)].get(g, 0) for g in grams], dtype=int)}
    for name, vals in stats.items():
        m = np.full(len(grams), np.inf)
        np.minimum.at(m, idx, vals)
        out[name] = m
    return pd.DataFrame(out)


def _entropy(counter: Counter, unique: int) -> float:
    total = sum(counter.values()) + unique
    if total == 0:
        return 0.0
    h = -sum((c / total) * math.log2(c / total) for c in counter.values())
    if unique:
        h += unique * (1 / total) * math.log2(total)
    return h


def boundary_entropy(segs: Sequence[Sequence[str]], grams: Iterable[Gram]) -> dict[Gram, tuple[float, float, int]]:
    """``{gram: (left_entropy, right_entropy, n_occurrences)}`` in bits.

    >>> h = boundary_entropy([["x", "a", "b"], ["y", "a", "b"]], [("a", "b")])
    >>> round(h[("a", "b")][0], 3), round(h[("a", "b")][1], 3)
    (1.0, 1.0)
    """
    wanted = set(grams)
    if not wanted:
        return {}
    lengths = sorted({len(g) for g in wanted})
    left: dict[Gram, Counter] = defaultdict(Counter)
    right: dict[Gram, Counter] = defaultdict(Counter)
    ledge: Counter = Counter()
    redge: Counter = Counter()
    occ: Counter = Counter()
    for s in segs:
        L = len(s)
        for n in lengths:
            for i in range(L - n + 1):
                g = tuple(s[i : i + n])
                if g not in wanted:
                    continue
                occ[g] += 1
                if i > 0:
                    left[g][s[i - 1]] += 1
                else:
                    ledge[g] += 1
                if i + n < L:
                    right[g][s[i + n]] += 1
                else:
                    redge[g] += 1
    return {g: (_entropy(left[g], ledge[g]), _entropy(right[g], redge[g]), occ[g]) for g in wanted if occ[g]}


def term_candidates(
    token_lists: Sequence[Sequence[str]],
    *,
    known: Callable[[str], bool],
    edge_stopwords: Iterable[str] = (),
    min_count: int = 5,
    max_n: int = 4,
    min_chars: int = 3,
    max_chars: int = 16,
    min_pmi: float = 1.0,
    min_entropy: float = 1.0,
    top: int | None = None,
) -> pd.DataFrame:
    """Multiword terms of segmented documents that *known* does not know (the statistics of
    :func:`policytext.stats.discover_terms`, which documents the thresholds).

    *token_lists* holds one token list per document. Returns the frame of
    :data:`TERM_COLUMNS` sorted by ``score``.

    >>> docs = [["要", "加强", "党群", "服务中心", "建设", "。"], ["党群", "服务中心", "要", "开放", "。"],
    ...         ["建好", "党群", "服务中心", "，"], ["依托", "党群", "服务中心", "。"]] * 2
    >>> term_candidates(docs, known=lambda t: False, min_count=3, min_entropy=0.5)["term"].tolist()
    ['党群服务中心']
    """
    edge = frozenset(edge_stopwords)
    segs_by_doc = [segments(t) for t in token_lists]
    segs = [s for d in segs_by_doc for s in d]
    counts = count_ngrams(segs, max_n=max_n, min_count=min_count)
    grams: list[Gram] = []
    for n in range(2, max_n + 1):
        for g, c in counts.get(n, Counter()).items():
            if c < min_count or g[0] in edge or g[-1] in edge:
                continue
            term = "".join(g)
            if not (min_chars <= len(term) <= max_chars):
                continue
            grams.append(g)
    cols = TERM_COLUMNS
    empty = pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    if not grams:
        return empty
    tab = association_table(grams, counts)
    keep = (tab["pmi"].to_numpy() >= min_pmi) & (tab["loglik"].to_numpy() > 0)
    grams = [g for g, k in zip(grams, keep) if k]
    tab = tab[keep].reset_index(drop=True)
    terms = ["".join(g) for g in grams]
    new = [not known(t) for t in terms]
    grams = [g for g, k in zip(grams, new) if k]
    tab = tab[np.asarray(new, bool)].reset_index(drop=True)
    if not grams:
        return empty
    ent = boundary_entropy(segs, grams)
    gset = set(grams)
    docs: Counter = Counter()
    lengths = sorted({len(g) for g in grams})
    for d in segs_by_doc:
        seen = set()
        for s in d:
            for n in lengths:
                for i in range(len(s) - n + 1):
                    g = tuple(s[i : i + n])
                    if g in gset:
                        seen.add(g)
        docs.update(seen)
    tab.insert(0, "n", [len(g) for g in grams])
    tab.insert(0, "words", grams)
    tab.insert(0, "term", ["".join(g) for g in grams])
    tab["docs"] = [docs[g] for g in grams]
    tab["left_entropy"] = [ent.get(g, (0.0, 0.0, 0))[0] for g in grams]
    tab["right_entropy"] = [ent.get(g, (0.0, 0.0, 0))[1] for g in grams]
    tab = tab[(tab["left_entropy"] >= min_entropy) & (tab["right_entropy"] >= min_entropy)]
    tab = tab.assign(
        score=np.log2(tab["count"].astype(float))
        * np.minimum(tab["pmi"], 8.0)
        * np.minimum(tab["left_entropy"], tab["right_entropy"])
    )
    # the same string can arise from different token splits: keep its best row, summing counts
    tab = tab.sort_values(["score", "term"], ascending=[False, True], kind="mergesort")
    tab = tab.drop_duplicates("term", keep="first")
    tab = tab[cols].reset_index(drop=True)
    return tab.head(top).reset_index(drop=True) if top else tab
