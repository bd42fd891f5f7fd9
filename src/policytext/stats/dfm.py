"""The document-feature matrix: counts of terms per document, with the documents' metadata.

Step three of the quanteda workflow (corpus → tokens → dfm → statistics) for Chinese
text. :func:`dfm` reads content terms through :meth:`Corpus.terms` (cached per
segmenter), so building a second dfm, or any other statistic, over the same corpus
does not segment again.

>>> from policytext import Corpus, Segmenter
>>> seg = Segmenter(lexicon=None)
>>> c = Corpus.from_texts(["改革，发展，改革。", "发展，稳定。"], meta=[{"year": 2022}, {"year": 2023}])
>>> m = dfm(c, segmenter=seg)
>>> m.shape, m.features
((2, 3), ['改革', '发展', '稳定'])
>>> m.to_frame().values.tolist()
[['0', '改革', 2], ['0', '发展', 1], ['1', '发展', 1], ['1', '稳定', 1]]
>>> m.group("year").docs["year"].tolist()
[2022, 2023]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._util.convention import check_at_least, deprecated_positional, renamed_arguments
from ..errors import InputError
from ._tokens import as_unit_corpus, doc_terms, get_segmenter

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["DFM", "dfm"]


class DFM:
    """A document-feature matrix.

    Attributes
    ----------
    matrix:
        ``scipy.sparse.csr_matrix`` of shape ``(n_docs, n_features)``, integer counts
        (floats after weighting). Usable directly by scikit-learn, e.g.
        ``TfidfTransformer().fit_transform(m.matrix)``.
    features:
        The terms, one per column (a list of str); ``vocabulary`` maps term → column.
    docs:
        A DataFrame, one row per matrix row: ``doc_id``, ``n_chars`` (characters of
        the text) and every metadata key of the documents.
    """

    def __init__(self, matrix: sparse.spmatrix, features: Sequence[str], docs: pd.DataFrame):
        matrix = sparse.csr_matrix(matrix)
        if matrix.shape != (len(docs), len(features)):
            raise InputError(
                f"matrix shape {matrix.shape} does not match {len(docs)} documents x {len(features)} features"
            )
        self.matrix: sparse.csr_matrix = matrix
        self.features: list[str] = list(features)
        self.docs: pd.DataFrame = docs.reset_index(drop=True)
        self._vocab: dict[str, int] | None = None

    # -- basic views --------------------------------------------------------------
    @property
    def vocabulary(self) -> dict[str, int]:
        """Term → column index (like scikit-learn's ``vocabulary_``)."""
        if self._vocab is None:
            self._vocab = {t: i for i, t in enumerate(self.features)}
        return self._vocab

    vocabulary_ = vocabulary

    def get_feature_names_out(self) -> np.ndarray:
        """The features as an array, as scikit-learn vectorizers give them."""
        return np.asarray(self.features, dtype=object)

    @property
    def shape(self) -> tuple[int, int]:
        """``(n_docs, n_features)``."""
        return self.matrix.shape

    @property
    def doc_ids(self) -> list[str]:
        """The row labels."""
        return [str(x) for x in self.docs["doc_id"]]

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def __repr__(self) -> str:
        n, p = self.shape
        nnz = self.matrix.nnz
        sparsity = 1 - nnz / (n * p) if n and p else 0.0
        return f"DFM({n} documents, {p:,} features, {sparsity:.1%} sparse)"

    def term_counts(self) -> pd.Series:
        """Total count of every term over all documents, most frequent first."""
        s = pd.Series(np.asarray(self.matrix.sum(axis=0)).ravel(), index=self.features, name="count")
        return s.sort_values(ascending=False, kind="stable")

    def docfreq(self) -> pd.Series:
        """Number of documents each term occurs in (in feature order)."""
        return pd.Series(np.diff(self.matrix.tocsc().indptr), index=self.features, name="docfreq")

    def ntokens(self) -> pd.Series:
        """Number of counted terms per document, indexed by ``doc_id``."""
        return pd.Series(np.asarray(self.matrix.sum(axis=1)).ravel(), index=self.doc_ids, name="ntokens")

    @renamed_arguments(n="top")
    def topfeatures(self, top: int = 10) -> pd.Series:
        """The *top* most frequent terms with their counts."""
        return self.term_counts().head(top)

    # -- reshaping ------------------------------------------------------------------
    @renamed_arguments(min_docfreq="min_df", max_docfreq="max_df")
    @deprecated_positional("min_count", "max_count", "min_df", "max_df", "min_chars", allowed=1)
    def trim(
        self,
        *,
        min_count: int = 1,
        max_count: int | None = None,
        min_df: int | float = 1,
        max_df: int | float | None = None,
        min_chars: int = 1,
    ) -> DFM:
        """Keep terms by total count, document frequency and length.

        An ``int`` document frequency is a number of documents, a ``float`` in
        ``(0, 1]`` a proportion of them (as scikit-learn's ``min_df``/``max_df``).
        Documents are kept even when no term is left in them.
        """
        check_at_least(1, min_count=min_count, max_count=max_count, min_chars=min_chars)
        n = len(self)
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        df = np.diff(self.matrix.tocsc().indptr)
        keep = counts >= min_count
        if max_count is not None:
            keep &= counts <= max_count
        low = _as_doc_count(min_df, n, "min_df")
        keep &= df >= low
        if max_df is not None:
            high = _as_doc_count(max_df, n, "max_df")
            if high < low:
                raise InputError(
                    f"max_df={max_df!r} ({high} documents) is below min_df={min_df!r} ({low}): no term can pass"
                )
            keep &= df <= high
        if max_count is not None and max_count < min_count:
            raise InputError(f"max_count={max_count} is below min_count={min_count}: no term can pass")
        if min_chars > 1:
            keep &= np.fromiter((len(t) >= min_chars for t in self.features), dtype=bool, count=len(self.features))
        return self._take_columns(np.flatnonzero(keep))

    def select(self, terms: Iterable[str], keep_missing: bool = False) -> DFM:
        """Only these terms, in this order; with ``keep_missing`` absent terms become zero columns."""
        terms = list(dict.fromkeys(terms))
        vocab = self.vocabulary
        if not keep_missing:
            return self._take_columns(np.array([vocab[t] for t in terms if t in vocab], dtype=int))
        cols = []
        for t in terms:
            j = vocab.get(t)
            cols.append(
                self.matrix[:, j] if j is not None else sparse.csr_matrix((len(self), 1), dtype=self.matrix.dtype)
            )
        mat = sparse.hstack(cols, format="csr") if cols else sparse.csr_matrix((len(self), 0))
        return DFM(mat, terms, self.docs)

    def remove(self, terms: Iterable[str]) -> DFM:
        """Without these terms."""
        drop = set(terms)
        return self._take_columns(np.array([i for i, t in enumerate(self.features) if t not in drop], dtype=int))

    def subset(self, rows: Sequence[bool] | Sequence[int] | Sequence[str] | Callable[[pd.DataFrame], Any]) -> DFM:
        """The documents selected by a boolean mask, positions, doc_ids or a function of ``docs``.

        >>> from scipy import sparse; import pandas as pd
        >>> m = DFM(sparse.eye(2), ["甲", "乙"], pd.DataFrame({"doc_id": ["a", "b"], "year": [1, 2]}))
        >>> m.subset(lambda d: d.year > 1).doc_ids
        ['b']
        """
        if callable(rows):
            rows = rows(self.docs)
        rows = list(np.asarray(rows).tolist()) if not isinstance(rows, list) else rows
        if rows and all(isinstance(r, (bool, np.bool_)) for r in rows):
            if len(rows) != len(self):
                raise InputError(f"mask has {len(rows)} entries but the dfm has {len(self)} documents")
            idx = np.flatnonzero(np.asarray(rows, dtype=bool))
        elif rows and all(isinstance(r, str) for r in rows):
            pos = {d: i for i, d in enumerate(self.doc_ids)}
            missing = [r for r in rows if r not in pos]
            if missing:
                raise InputError(f"no document with doc_id {missing[0]!r} in the dfm")
            idx = np.array([pos[r] for r in rows], dtype=int)
        else:
            idx = np.asarray(rows, dtype=int)
        return DFM(self.matrix[idx], self.features, self.docs.iloc[idx])

    def group(self, by: str | Sequence[Any] = "year", dropna: bool = True) -> DFM:
        """Sum the rows of documents sharing a metadata value (or a given label per row).

        The result has one row per group, sorted by group value; its ``docs`` has the
        group column, ``doc_id`` (the group value as a string), ``n_docs`` and
        ``n_chars`` (summed). Documents whose value is missing are dropped unless
        ``dropna=False``.
        """
        labels = self._labels(by)
        name = by if isinstance(by, str) else "group"
        codes, factorized = pd.factorize(labels, sort=True, use_na_sentinel=True)
        uniques: list[Any] = list(factorized)
        if not dropna and (codes < 0).any():
            codes = codes.copy()
            codes[codes < 0] = len(uniques)
            uniques = [*uniques, None]
        keep = codes >= 0
        k = len(uniques)
        rows = np.flatnonzero(keep)
        indicator = sparse.csr_matrix(
            (np.ones(len(rows), dtype=self.matrix.dtype), (codes[keep], rows)), shape=(k, len(self))
        )
        mat = (indicator @ self.matrix).tocsr()
        n_chars = (
            np.bincount(codes[keep], weights=self.docs["n_chars"].to_numpy(dtype=float)[keep], minlength=k)
            if "n_chars" in self.docs
            else np.zeros(k)
        )
        docs = pd.DataFrame(
            {
                name: list(uniques),
                "doc_id": [str(u) for u in uniques],
                "n_docs": np.bincount(codes[keep], minlength=k),
                "n_chars": n_chars.astype(int),
            }
        )
        if name == "doc_id":
            docs = docs.loc[:, ~docs.columns.duplicated()]
        return DFM(mat, self.features, docs)

    def _labels(self, by: str | Sequence[Any]) -> pd.Series:
        if isinstance(by, str):
            if by not in self.docs.columns:
                cols = ", ".join(map(str, self.docs.columns))
                raise InputError(f"by={by!r}: no such metadata column (have: {cols})")
            labels = self.docs[by]
            if labels.isna().all():
                raise InputError(f"by={by!r}: no document has a value for it")
            return labels.reset_index(drop=True)
        labels = pd.Series(list(by))
        if len(labels) != len(self):
            raise InputError(f"by has {len(labels)} labels but the dfm has {len(self)} documents")
        return labels

    def weight(self, scheme: str = "prop") -> DFM:
        """Relative weights: ``"prop"`` (share of the document's terms) or ``"per_10k"`` (per 10k characters)."""
        mat = self.matrix.astype(float)
        if scheme == "prop":
            denom = np.asarray(mat.sum(axis=1)).ravel()
        elif scheme == "per_10k":
            denom = self.docs["n_chars"].to_numpy(dtype=float) / 10_000
        else:
            raise InputError(f"scheme must be 'prop' or 'per_10k', not {scheme!r}")
        with np.errstate(divide="ignore", invalid="ignore"):
            inv = np.where(denom > 0, 1.0 / denom, 0.0)
        return DFM(sparse.diags(inv) @ mat, self.features, self.docs)

    def to_frame(self, kind: str = "tidy", meta: bool | Sequence[str] = False) -> pd.DataFrame:
        """The counts as a DataFrame.

        ``kind="tidy"``: one row per non-zero cell, ``doc_id, term, count`` (plus the
        metadata columns named in *meta*, or all with ``meta=True``), in document
        then column order. ``kind="wide"``: documents × terms (index ``doc_id``);
        dense, so trim first on a large vocabulary.
        """
        if kind == "wide":
            return pd.DataFrame(
                self.matrix.toarray(), index=pd.Index(self.doc_ids, name="doc_id"), columns=self.features
            )
        if kind != "tidy":
            raise InputError(f"kind must be 'tidy' or 'wide', not {kind!r}")
        coo = self.matrix.tocoo()
        order = np.lexsort((coo.col, coo.row))
        r, c, v = coo.row[order], coo.col[order], coo.data[order]
        feats = np.asarray(self.features, dtype=object)
        out = pd.DataFrame({"doc_id": np.asarray(self.doc_ids, dtype=object)[r], "term": feats[c], "count": v})
        cols = [] if meta is False else [x for x in self.docs.columns if x != "doc_id"] if meta is True else list(meta)
        for col in cols:
            if col not in self.docs.columns:
                raise InputError(f"meta: no metadata column {col!r}")
            out[col] = self.docs[col].to_numpy()[r]
        return out

    # -- internals --------------------------------------------------------------------
    def _take_columns(self, idx: np.ndarray) -> DFM:
        return DFM(self.matrix[:, idx], [self.features[i] for i in idx], self.docs)


def _as_doc_count(x: int | float, n: int, name: str) -> float:
    if isinstance(x, float):
        if not 0 <= x <= 1:
            raise InputError(f"{name}={x}: a proportion of documents must be in [0, 1]")
        return x * n
    if x < 0:
        raise InputError(f"{name}={x}: must not be negative")
    return float(x)


def from_term_lists(term_lists: Sequence[Sequence[str]], docs: pd.DataFrame) -> DFM:
    """A DFM from one list of terms per document (features in order of first appearance)."""
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for terms in term_lists:
        for t in terms:
            j = vocab.get(t)
            if j is None:
                j = vocab[t] = len(vocab)
            indices.append(j)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int64)
    mat = sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(term_lists), len(vocab)),
    )
    mat.sum_duplicates()
    return DFM(mat, list(vocab), docs)


def docs_frame(corpus: Any) -> pd.DataFrame:
    """``doc_id``, ``n_chars`` and every metadata key, one row per document."""
    frame = corpus.meta_frame()
    if "doc_id" not in frame.columns:  # empty corpus
        frame = pd.DataFrame(columns=["doc_id", "n_chars"])
    for col in frame.columns:
        # a year missing in some documents must not turn 2012 into 2012.0
        s = frame[col]
        if s.dtype.kind == "f" and s.isna().any() and s.notna().any():
            vals = s.dropna()
            if (vals == vals.round()).all():
                frame[col] = s.astype("Int64")
    return frame


@renamed_arguments(min_docfreq="min_df", max_docfreq="max_df")
@deprecated_positional("segmenter", allowed=1)
def dfm(
    source: Any,
    *,
    segmenter: Segmenter | None = None,
    min_count: int = 1,
    max_count: int | None = None,
    min_df: int | float = 1,
    max_df: int | float | None = None,
    min_chars: int = 1,
    pos: str | Sequence[str] | None = None,
    unit: str = "document",
) -> DFM:
    """Count the content terms of every document of *source* (or of every section or paragraph).

    *source* is a str, Document, Corpus or list of them. Terms are
    ``Corpus.terms(segmenter)`` — tokens without punctuation and stopwords —
    cached in the corpus, so pass the same Corpus object again to reuse them.
    *pos* keeps terms whose POS tag starts with one of the given tags (``"n"``,
    ``["n", "vn"]``). The frequency filters are those of :meth:`DFM.trim`. ``unit="section"`` or
    ``"paragraph"`` gives one row per unit (:meth:`Corpus.split <policytext.corpus.Corpus.split>`), with
    the document's metadata and ``parent_id``, ``offset``, ``section_number``, ``section_heading``:
    ``dfm(corpus, unit="section").group("section_heading")``.

    >>> from policytext import Segmenter
    >>> m = dfm(["改革，发展，改革。"], segmenter=Segmenter(lexicon=None))
    >>> {t: int(n) for t, n in zip(m.features, m.matrix.toarray()[0])}
    {'改革': 2, '发展': 1}
    """
    corpus = as_unit_corpus(source, unit)
    seg = get_segmenter(segmenter)
    lists = doc_terms(corpus, seg, pos=pos)
    m = from_term_lists(lists, docs_frame(corpus))
    if (min_count, max_count, min_df, max_df, min_chars) != (1, None, 1, None, 1):
        m = m.trim(min_count=min_count, max_count=max_count, min_df=min_df, max_df=max_df, min_chars=min_chars)
    return m
