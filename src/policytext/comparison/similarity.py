"""``similarity``: how alike documents are, pair by pair: TF-IDF cosine, Jaccard or MinHash-estimated Jaccard.

Features are the segmenter's content terms (``unit="terms"``, n-grams of terms with ``ngram``) or character
n-grams (``unit="chars"``). Scores come from sparse matrix products, a block of rows at a time, so ``top``
(the best partners of each document) keeps memory flat on large corpora.

>>> texts = ["推动高质量发展，坚持稳中求进。", "推动高质量发展，扩大内需。", "加强党的建设。"]
>>> similarity(texts, method="jaccard", unit="chars", ngram=2)[["doc_a", "doc_b", "score"]].round(3)
   doc_a  doc_b  score
0      0      1  0.368
1      0      2  0.000
2      1      2  0.000
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from .._util.convention import check_at_least, check_choice
from .._util.frames import is_missing, to_frame
from ..corpus.corpus import Corpus
from ..corpus.source import Source
from ..errors import InputError
from ..segment.defaults import resolve_segmenter
from .documents import Doc, collect, meta_columns
from .extras import minhash_module

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["similarity"]

#: how many scores one block of rows may hold at once (rows x partners)
_BLOCK_CELLS = 4_000_000


def _ngram_range(ngram: int | tuple[int, int] | None, unit: str) -> tuple[int, int]:
    if ngram is None:
        return (1, 1) if unit == "terms" else (3, 3)
    lo, hi = (ngram, ngram) if isinstance(ngram, int) else tuple(ngram)
    if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
        raise InputError(f"ngram must be a positive int or a pair (low, high) with low <= high, got {ngram!r}")
    return lo, hi


def _features(
    source: Source | None, docs: Sequence[Doc], unit: str, ngram: tuple[int, int], segmenter: Segmenter | None
) -> list[list[str]]:
    lo, hi = ngram
    out: list[list[str]] = []
    if unit == "chars":
        for d in docs:
            t = d.text
            out.append(
                [
                    t[i : i + n]
                    for n in range(lo, hi + 1)
                    for i in range(len(t) - n + 1)
                    if not any(c.isspace() for c in t[i : i + n])
                ]
            )
        return out
    seg = resolve_segmenter(segmenter)
    terms = source.terms(seg) if isinstance(source, Corpus) else [seg.terms(d.text) for d in docs]
    for ts in terms:
        out.append([" ".join(ts[i : i + n]) for n in range(lo, hi + 1) for i in range(len(ts) - n + 1)])
    return out


def _value(v: Any) -> Any:
    """A metadata value, with pandas' NaN for a gap turned into ``None``."""
    return None if is_missing(v) else v


def _identity(x: Any) -> Any:
    return x


def _matrices(feats: list[list[str]], method: str, num_perm: int, random_state: int) -> Any:
    if method == "minhash":
        ds = minhash_module()
        sigs = np.zeros((len(feats), num_perm), dtype=np.uint64)
        for i, f in enumerate(feats):
            m = ds.MinHash(num_perm=num_perm, seed=random_state, hashfunc=_identity)
            if f:
                m.update_batch(np.fromiter({zlib.crc32(x.encode("utf-8")) for x in f}, dtype=np.uint64))
                sigs[i] = m.hashvalues
            else:
                sigs[i] = np.arange(num_perm, dtype=np.uint64) + np.iinfo(np.uint64).max - num_perm  # matches none
        return sigs
    counts = CountVectorizer(analyzer=_identity, lowercase=False).fit_transform(feats) if any(feats) else None
    if counts is None:
        return sparse.csr_matrix((len(feats), 1))
    if method == "tfidf":
        return TfidfTransformer().fit_transform(counts).tocsr()
    return (counts > 0).astype(np.float64).tocsr()


def _block_scores(m: Any, rows: np.ndarray, cols: np.ndarray, method: str) -> np.ndarray:
    if method == "minhash":
        return np.stack([(m[i][None, :] == m[cols]).mean(axis=1) for i in rows]) if len(rows) else np.zeros((0, 0))
    block = (m[rows] @ m[cols].T).toarray()
    if method == "jaccard":
        size = np.asarray(m.sum(axis=1)).ravel()
        union = size[rows][:, None] + size[cols][None, :] - block
        block = np.divide(block, union, out=np.zeros_like(block), where=union > 0)
    return block


def similarity(
    source: Source,
    other: Source | None = None,
    *,
    method: str = "tfidf",
    top: int | None = None,
    unit: str = "terms",
    ngram: int | tuple[int, int] | None = None,
    segmenter: Segmenter | None = None,
    num_perm: int = 128,
    random_state: int = 0,
) -> pd.DataFrame:
    """Pairwise similarity: one row per pair of documents, ``doc_a, doc_b, score``.

    Pairs are every two documents of *source* (each unordered pair once, ``doc_a`` the earlier, no pair of a
    document with itself), or each document of *source* (``doc_a``) with each of *other* (``doc_b``).

    Parameters
    ----------
    method : ``"tfidf"`` (cosine of TF-IDF vectors, IDF over all documents compared), ``"jaccard"`` (shared
        features over all features, as sets) or ``"minhash"`` (Jaccard estimated from *num_perm* MinHash
        permutations seeded by *random_state*; needs the ``compare`` extra).
    top : keep only each document's *top* best partners (both documents of a pair within *source*; the
        documents of *source* against *other*); ``None`` keeps every pair.
    unit, ngram : ``"terms"`` (the segmenter's content terms; ``ngram`` n-grams of terms, default 1) or
        ``"chars"`` (character n-grams without whitespace, default 3). An int or ``(low, high)``.
    segmenter : for ``unit="terms"``; ``None`` is :func:`~policytext.segment.defaults.default_segmenter`.

    Metadata are carried as ``year_a, year_b, issuer_a, issuer_b, title_a, title_b`` where the documents have
    them. Rows are sorted by score (highest first), then by the documents' order; scores are rounded to six
    decimals so that the same input gives the same frame.
    """
    check_at_least(1, top=top)
    check_at_least(2, num_perm=num_perm)
    check_at_least(0, random_state=random_state)
    method = check_choice("method", method, ("tfidf", "jaccard", "minhash"))
    unit = check_choice("unit", unit, ("terms", "chars"))
    rng = _ngram_range(ngram, unit)
    docs_a = collect(source, "source")
    docs_b = collect(other, "other") if other is not None else []
    feats = _features(source, docs_a, unit, rng, segmenter)
    if other is not None:
        feats += _features(other, docs_b, unit, rng, segmenter)
    docs = docs_a + docs_b
    keys = meta_columns(docs)
    columns = ["doc_a", "doc_b", "score"] + [f"{k}_{s}" for k in keys for s in ("a", "b")]
    m = _matrices(feats, method, num_perm, random_state)
    n_a = len(docs_a)
    cols = np.arange(n_a, len(docs)) if other is not None else np.arange(n_a)
    pairs: dict[tuple[int, int], float] = {}
    step = max(1, _BLOCK_CELLS // max(1, len(cols)))
    for start in range(0, n_a, step):
        rows = np.arange(start, min(n_a, start + step))
        block = _block_scores(m, rows, cols, method) if len(cols) else np.zeros((len(rows), 0))
        for r, i in enumerate(rows):
            scores = block[r]
            candidates = cols if other is not None else cols[cols != i]
            values = scores if other is not None else scores[cols != i]
            if top is not None and len(values) > top:
                order = np.lexsort((candidates, -values))[:top]
                candidates, values = candidates[order], values[order]
            for j, v in zip(candidates.tolist(), values.tolist()):
                key = (int(i), int(j)) if other is not None or i < j else (int(j), int(i))
                pairs[key] = round(float(v), 6)
    rows_out = []
    for (x, y), v in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        row: dict[str, Any] = {"doc_a": docs[x].doc_id, "doc_b": docs[y].doc_id, "score": v}
        for k in keys:
            row[f"{k}_a"], row[f"{k}_b"] = _value(docs[x].meta.get(k)), _value(docs[y].meta.get(k))
        rows_out.append(row)
    return to_frame(rows_out, columns)
