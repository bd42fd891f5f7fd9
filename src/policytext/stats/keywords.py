"""Keywords of a text, a corpus, or each document or metadata group of a corpus.

Three methods, all on content terms (no stopwords, no punctuation; ``pos`` keeps
only some parts of speech; ``min_chars`` drops single characters by default):

- ``"tfidf"``: term frequency in the unit (``1 + ln(count)`` by default) × inverse
  document frequency computed from the user's own corpus (default) or from a
  reference corpus, L2-normalised per unit exactly as scikit-learn's
  ``TfidfTransformer(sublinear_tf=True)`` (``sublinear_tf=False``: the defaults);
- ``"textrank"``: PageRank over the window co-occurrence graph of the unit's terms;
- ``"frequency"``: raw counts.

>>> from policytext import Segmenter
>>> kw = keywords(["改革，发展，改革，稳定。", "发展，稳定，改革。"], method="frequency", top=2,
...               segmenter=Segmenter(lexicon=None))
>>> kw.values.tolist()
[['改革', 3.0], ['发展', 2.0]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._util.convention import check_at_least, deprecated_positional
from ..errors import InputError
from ._tokens import as_corpus, doc_terms, get_segmenter
from .dfm import DFM, docs_frame, from_term_lists
from .textrank import textrank

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["idf_weights", "keywords", "tfidf"]

METHODS = ("tfidf", "textrank", "frequency")


def idf_weights(docfreq: np.ndarray | pd.Series, n_docs: int, smooth: bool = True) -> np.ndarray:
    """scikit-learn's IDF: ``ln((1 + n) / (1 + df)) + 1`` (``smooth=False``: ``ln(n / df) + 1``).

    >>> idf_weights(np.array([1, 2]), 2).round(4).tolist()
    [1.4055, 1.0]
    """
    df = np.asarray(docfreq, dtype=float)
    if smooth:
        return np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    with np.errstate(divide="ignore"):
        return np.log(n_docs / df) + 1.0


def tfidf(m: DFM, idf: pd.Series | None = None, norm: str | None = "l2", sublinear_tf: bool = False) -> DFM:
    """TF-IDF weights of a dfm: counts × IDF, each row L2-normalised.

    With ``idf=None`` the IDF comes from the dfm's own rows and the result equals
    ``TfidfTransformer(norm=norm, sublinear_tf=sublinear_tf).fit_transform(m.matrix)``.
    *idf* may be a Series term → weight (see :func:`keywords`' ``idf`` argument);
    terms it lacks get its largest weight (a term unseen in the reference is rare).
    """
    if idf is None:
        weights = idf_weights(m.docfreq().to_numpy(), len(m))
    else:
        weights = _align_idf(idf, m.features)
    tf = m.matrix.astype(float)
    if sublinear_tf:
        tf = tf.copy()
        tf.data = np.log(tf.data) + 1.0
    x = (tf @ sparse.diags(weights)).tocsr()
    if norm == "l2":
        x = _normalize_rows(x, 2)
    elif norm == "l1":
        x = _normalize_rows(x, 1)
    elif norm is not None:
        raise InputError(f"norm must be 'l2', 'l1' or None, not {norm!r}")
    return DFM(x, m.features, m.docs)


def _normalize_rows(x: sparse.csr_matrix, p: int) -> sparse.csr_matrix:
    if p == 2:
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    else:
        norms = np.asarray(abs(x).sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        inv = np.where(norms > 0, 1.0 / norms, 0.0)
    return (sparse.diags(inv) @ x).tocsr()


def _align_idf(idf: pd.Series, features: Sequence[str]) -> np.ndarray:
    fill = float(idf.max()) if len(idf) else 1.0
    return idf.reindex(list(features)).fillna(fill).to_numpy(dtype=float)


def _reference_idf(reference: Any, corpus: Any, seg: Segmenter) -> pd.Series:
    """IDF over the reference documents plus those of the target not already in it (by doc_id).

    Document frequencies count every content term whatever its POS: a POS filter
    chooses which terms may be keywords, not how rare a word is.
    """
    if isinstance(reference, pd.Series):
        return reference.astype(float)
    if isinstance(reference, Mapping):
        return pd.Series(dict(reference), dtype=float)
    if isinstance(reference, DFM):
        ref_lists = None
        ref_m = reference
        ref_ids = set(reference.doc_ids)
    else:
        ref_corpus = as_corpus(reference)
        ref_lists = doc_terms(ref_corpus, seg)
        ref_ids = set(ref_corpus.doc_ids)
        ref_m = None
    extra = [i for i, d in enumerate(corpus) if d.doc_id not in ref_ids]
    target_lists = doc_terms(corpus, seg)
    df: dict[str, int] = {}
    if ref_m is not None:
        for t, n in zip(ref_m.features, ref_m.docfreq().to_numpy()):
            df[t] = int(n)
        n_docs = len(ref_m)
    else:
        assert ref_lists is not None
        for terms in ref_lists:
            for t in set(terms):
                df[t] = df.get(t, 0) + 1
        n_docs = len(ref_lists)
    for i in extra:
        for t in set(target_lists[i]):
            df[t] = df.get(t, 0) + 1
    n_docs += len(extra)
    s = pd.Series(df, dtype=float)
    out = pd.Series(idf_weights(s.to_numpy(), n_docs), index=s.index, name="idf")
    out.attrs["n_docs"] = n_docs
    return out


@deprecated_positional("by", allowed=3)
def keywords(
    source: Any,
    method: str = "tfidf",
    top: int | None = 20,
    *,
    by: str | None = None,
    idf: Any = None,
    pos: str | Sequence[str] | None = None,
    segmenter: Segmenter | None = None,
    min_chars: int = 2,
    min_count: int = 1,
    window: int = 5,
    sublinear_tf: bool = True,
) -> pd.DataFrame:
    """The *top* keywords of *source*, or of each document or group of it.

    Parameters
    ----------
    source:
        A str, Document, Corpus or list of them. Pass the same Corpus object again
        to reuse its cached tokens.
    method:
        ``"tfidf"``, ``"textrank"`` or ``"frequency"``.
    top:
        Keywords per unit (``None``: all).
    by:
        ``None`` ranks the whole source as one unit; ``"doc_id"`` ranks each
        document; a metadata key (``"year"``, ``"issuer"``) ranks each group of
        documents sharing its value (documents without a value are left out).
    idf:
        For ``"tfidf"``: ``None`` computes document frequencies over the source's own
        documents; a reference (str, Document, Corpus, list, or a DFM) computes them
        over the reference's documents plus the source's documents that are not in it
        (matched by doc_id); a Series or dict term → IDF weight uses those weights
        (terms missing from it get its largest weight).
    pos:
        Keep only terms whose POS tag starts with one of these (``"n"``, ``["n", "vn"]``).
    min_chars:
        Minimum term length in characters (2 by default: single characters such as
        党, 新 rarely make keywords on their own).
    min_count:
        Minimum count of a term in the unit.
    window:
        TextRank co-occurrence window (in content terms).
    sublinear_tf:
        For ``"tfidf"``: use ``1 + ln(tf)`` instead of the raw count (scikit-learn's
        option of the same name; on by default). With raw counts the generic words
        of official prose (工作, 推动), which occur in every report and so get the
        smallest IDF (1 with scikit-learn's smoothing, never 0), still win on sheer
        frequency in a long document unless a stopword list removes them; the
        logarithm damps them. ``sublinear_tf=False`` gives exactly
        ``TfidfTransformer()``'s numbers.

    Returns
    -------
    DataFrame ``term, score`` sorted by descending score (ties by term), with the
    *by* column first when *by* is given.
    """
    if method not in METHODS:
        raise InputError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if top is not None and top < 1:
        raise InputError(f"top must be a positive number or None, not {top!r}")
    check_at_least(1, min_chars=min_chars, min_count=min_count, window=window)
    corpus = as_corpus(source)
    seg = get_segmenter(segmenter)
    lists = doc_terms(corpus, seg, pos=pos)
    docs = docs_frame(corpus)
    col = by
    if by is None:
        labels = pd.Series(["all"] * len(corpus))
    else:
        if by not in docs.columns:
            raise InputError(f"by={by!r}: no such metadata column (have: {', '.join(map(str, docs.columns))})")
        labels = docs[by].reset_index(drop=True)
        if labels.isna().all():
            raise InputError(f"by={by!r}: no document has a value for it")

    frames: list[pd.DataFrame] = []
    if method == "textrank":
        codes, uniques = pd.factorize(labels, sort=True)
        for k, value in enumerate(uniques):
            seqs = [[w for w in lists[i] if len(w) >= min_chars] for i in np.flatnonzero(codes == k)]
            scores = textrank(seqs, window=window)
            if min_count > 1:
                counts = pd.Series([w for s in seqs for w in s]).value_counts()
                scores = scores[counts.reindex(scores.index).fillna(0).to_numpy() >= min_count]
            frames.append(_top_frame(scores, top, col, value))
    else:
        m = from_term_lists(lists, docs)
        if min_chars > 1:
            m = m.trim(min_chars=min_chars)
        if method == "tfidf":
            if idf is not None:
                table = _reference_idf(idf, corpus, seg)
            elif pos is not None:  # document frequencies of all terms, not only the kept POS
                full = from_term_lists(doc_terms(corpus, seg), docs)
                table = pd.Series(idf_weights(full.docfreq().to_numpy(), len(full)), index=full.features)
            else:
                table = pd.Series(idf_weights(m.docfreq().to_numpy(), len(m)), index=m.features)
            weights = pd.Series(_align_idf(table, m.features), index=m.features)
        g = m.group(list(labels)) if by is not None else m.group(["all"] * len(m))
        group_values = list(g.docs["group"])
        counts = g.matrix.tocsr()
        if method == "tfidf":
            scored = tfidf(g, idf=weights, sublinear_tf=sublinear_tf).matrix.tocsr()
        else:
            scored = counts.astype(float)
        feats = np.asarray(g.features, dtype=object)
        for r, value in enumerate(group_values):
            lo, hi = scored.indptr[r], scored.indptr[r + 1]
            idx = scored.indices[lo:hi]
            vals = scored.data[lo:hi]
            if min_count > 1:
                cnt = np.asarray(counts[r, idx].todense()).ravel()
                ok = cnt >= min_count
                idx, vals = idx[ok], vals[ok]
            s = pd.Series(vals, index=feats[idx], name="score")
            order = np.lexsort((s.index.to_numpy().astype(str), -s.to_numpy()))
            frames.append(_top_frame(s.iloc[order], top, col, value))
    cols = ([col] if col else []) + ["term", "score"]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    return out[cols]


def _top_frame(scores: pd.Series, top: int | None, col: str | None, value: Any) -> pd.DataFrame:
    s = scores if top is None else scores.head(top)
    df = pd.DataFrame({"term": s.index.astype(str), "score": s.to_numpy(dtype=float)})
    if col:
        df.insert(0, col, value)
    return df
