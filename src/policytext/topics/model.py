"""Topic models for policy corpora, in scikit-learn's estimator style.

Long reports are modelled by paragraph and the paragraphs' topic shares are
aggregated back to their documents (weighted by their number of terms), so that
"topics over time" and "topics by issuer" come from the documents' metadata.
Terms come from a :class:`~policytext.Segmenter` (by default
:func:`topic_segmenter`: jieba's dictionary and general stopwords; the policy
lexicon is measured to lower topic coherence) plus topic-model filters (minimum
length, numbers, document frequency, optional POS); the document-term matrix is
built with scikit-learn's ``CountVectorizer``.

>>> from policytext import Corpus
>>> texts = ["农业农村农民粮食生产稳定增长。\\n财政预算税收收入支出平衡。"] * 3
>>> texts += ["农村改革农民增收粮食安全。\\n预算管理财政支出税收制度。"] * 3
>>> model = TopicModel(2, min_df=2, max_df=1.0, min_unit_terms=2).fit(Corpus.from_texts(texts))
>>> sorted(model.topics(top=2).groupby("topic").size().tolist())
[2, 2]
>>> len(model.labels_)
2
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import time
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from .._util.convention import deprecated_positional, renamed_arguments
from ..corpus.corpus import Corpus
from ..errors import InputError
from ..segment.defaults import topic_segmenter
from ..segment.segmenter import Segmenter
from .coherence import MEASURES, coherence_from_matrix
from .units import DISCOURSE_TERMS, UNITS, Units, build_units

__all__ = ["FORMAT_VERSION", "TopicModel", "plot_select_k", "select_k", "topic_segmenter"]

METHODS = ("nmf", "lda")
FORMAT_NAME = "policytext.TopicModel"
FORMAT_VERSION = 1
_NOT_FITTED = "this TopicModel is not fitted yet; call .fit(source) first"


def _identity(x: list[str]) -> list[str]:
    return x


class TopicModel:
    """A topic model (NMF or LDA from scikit-learn) over paragraphs or documents.

    Parameters
    ----------
    n_topics:
        Number of topics, at least 2.
    method:
        ``"nmf"`` (default: non-negative matrix factorization of sublinear TF-IDF,
        fast and the most coherent on policy prose) or ``"lda"`` (latent Dirichlet
        allocation, variational Bayes; gives :meth:`perplexity`).
    random_state:
        Seed; the same data and seed give the same topics, in any process.
    segmenter:
        The :class:`~policytext.Segmenter` giving content terms (default:
        :func:`topic_segmenter`: jieba's dictionary without the policy lexicon, the
        general stopword list). Pass ``Segmenter()`` to model whole formulations.
    unit:
        ``"paragraph"`` (lines of the text; run-on lines are cut near ``max_chars``)
        or ``"document"``. :meth:`fit` may override it.
    min_df, max_df:
        Keep terms found in at least ``min_df`` units (an int, or a fraction) and in
        at most ``max_df`` of them (a fraction, or an int). The default ``max_df=0.3``
        leaves out words half the paragraphs of a report use (发展, 建设, 经济) and keeps
        the ones that name a subject (改革 in 26% of paragraphs, 农业 12%, 企业 20%).
    max_features:
        Keep only the most frequent terms (after the df filters).
    min_chars:
        Minimum length of a term in characters (2 drops single characters).
    pos, exclude_pos:
        Optional jieba POS filters (prefixes to keep; tags to drop, one-letter tags
        dropping their family); they need part-of-speech tagging, which is slow.
    stop_terms:
        Extra terms to leave out of this model only; the default
        :data:`~policytext.topics.units.DISCOURSE_TERMS` holds framing words of
        official prose (这种, 必须, 今年, 各级, 七是); pass ``()`` to keep them.
    min_unit_terms:
        Units with fewer terms (headings, "各位代表！") do not train the model; they
        still receive topic shares.
    relevance:
        λ of Sievert & Shirley's relevance used to rank each topic's terms:
        ``λ·log p(w|t) + (1-λ)·log(p(w|t)/p(w))``; 1.0 ranks by weight alone.
    fold_traditional:
        Segment traditional-script text (the 1954 and 1957 Government Work Reports)
        as simplified, with :func:`~policytext.corpus.text.to_simplified`, so that 發展 and
        发展 are one term; offsets and :meth:`representative` still show the text as
        written.
    max_iter:
        Iterations of the solver (default 400 for NMF, 50 for LDA).
    doc_topic_prior, topic_word_prior:
        LDA's α and η (default 1/n_topics each, as scikit-learn).

    Learned attributes (after :meth:`fit`): ``vocabulary_``, ``components_``
    (topics × terms, as fitted), ``topic_term_`` (rows sum to 1), ``unit_topic_``
    (units × topics, rows sum to 1, NaN for a unit without terms), ``doc_topic_``,
    ``doc_ids_``, ``labels_``, ``units_``, ``dtm_`` (units × terms counts),
    ``train_mask_``, ``n_iter_``, ``fit_seconds_``.
    """

    def __init__(
        self,
        n_topics: int = 10,
        method: str = "nmf",
        random_state: int | None = 0,
        *,
        segmenter: Segmenter | None = None,
        unit: str = "paragraph",
        min_df: int | float = 5,
        max_df: int | float = 0.3,
        max_features: int | None = None,
        min_chars: int = 2,
        pos: Sequence[str] | None = None,
        exclude_pos: Sequence[str] = (),
        stop_terms: Iterable[str] = DISCOURSE_TERMS,
        min_unit_terms: int = 8,
        relevance: float = 0.6,
        max_iter: int | None = None,
        doc_topic_prior: float | None = None,
        topic_word_prior: float | None = None,
        max_chars: int = 1500,
        fold_traditional: bool = True,
    ) -> None:
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.segmenter = segmenter
        self.unit = unit
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.min_chars = min_chars
        self.pos = pos
        self.exclude_pos = exclude_pos
        self.stop_terms = stop_terms
        self.min_unit_terms = min_unit_terms
        self.relevance = relevance
        self.max_iter = max_iter
        self.doc_topic_prior = doc_topic_prior
        self.topic_word_prior = topic_word_prior
        self.max_chars = max_chars
        self.fold_traditional = fold_traditional

    # -- scikit-learn conventions ---------------------------------------------------
    _PARAMS = (
        "n_topics",
        "method",
        "random_state",
        "segmenter",
        "unit",
        "min_df",
        "max_df",
        "max_features",
        "min_chars",
        "pos",
        "exclude_pos",
        "stop_terms",
        "min_unit_terms",
        "relevance",
        "max_iter",
        "doc_topic_prior",
        "topic_word_prior",
        "max_chars",
        "fold_traditional",
    )

    def get_params(self, deep: bool = False) -> dict[str, Any]:
        """The constructor parameters (scikit-learn convention)."""
        return {p: getattr(self, p) for p in self._PARAMS}

    def set_params(self, **params: Any) -> TopicModel:
        """Set constructor parameters (scikit-learn convention)."""
        for k, v in params.items():
            if k not in self._PARAMS:
                raise InputError(f"unknown TopicModel parameter {k!r}")
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        return f"TopicModel(n_topics={self.n_topics}, method={self.method!r}, random_state={self.random_state})"

    # -- validation -------------------------------------------------------------------
    def _validate(self, unit: str) -> None:
        if not isinstance(self.n_topics, (int, np.integer)) or isinstance(self.n_topics, bool) or self.n_topics < 2:
            raise InputError(f"n_topics must be a whole number of at least 2, not {self.n_topics!r}")
        if self.method not in METHODS:
            raise InputError(f"method must be 'lda' or 'nmf', not {self.method!r}")
        if unit not in UNITS:
            raise InputError(f"unit must be one of {', '.join(repr(u) for u in UNITS)}, not {unit!r}")
        if not 0.0 <= float(self.relevance) <= 1.0:
            raise InputError(f"relevance must lie in [0, 1], not {self.relevance!r}")
        if self.min_unit_terms < 1:
            raise InputError(f"min_unit_terms must be at least 1, not {self.min_unit_terms!r}")

    def _segmenter(self) -> Segmenter:
        return self.segmenter if self.segmenter is not None else topic_segmenter()

    def _unit_options(self) -> dict[str, Any]:
        # stop_terms are applied when vectorizing, so the cached units serve any list of them
        return {
            "min_chars": self.min_chars,
            "drop_numbers": True,
            "pos": tuple(self.pos) if self.pos is not None else None,
            "exclude_pos": tuple(self.exclude_pos),
            "max_chars": self.max_chars,
            "fold_traditional": self.fold_traditional,
        }

    def _unit_terms(self, units: Units) -> list[list[str]]:
        stop = frozenset(self.stop_terms)
        if not stop:
            return units.unit_terms
        return [[w for w in terms if w not in stop] for terms in units.unit_terms]

    def _units(self, source: Any, unit: str) -> Units:
        if isinstance(source, Units):
            if source.unit != unit:
                raise InputError(f"the prepared units are {source.unit!r}s, but unit={unit!r}")
            return source
        seg = self._segmenter()
        opts = self._unit_options()
        if isinstance(source, Corpus):
            if len(source) == 0:
                raise InputError("empty corpus: no documents to model")
            # kept with the corpus, beside Corpus.terms(seg), keyed by segmenter and options
            key = ("policytext.topics:units", seg.fingerprint, unit, json.dumps(opts, sort_keys=True, default=list))
            corpus = source
            units: Units = corpus.memo(key, lambda: build_units(corpus, seg, unit, **opts), per_document=False)
            return units
        return build_units(source, seg, unit, **opts)

    def prepare(self, source: Any, unit: str | None = None) -> Units:
        """Split and segment *source* once; pass the result to :meth:`fit` or :func:`select_k`."""
        unit = unit or self.unit
        self._validate(unit)
        return self._units(source, unit)

    # -- fitting ----------------------------------------------------------------------
    def fit(self, source: Any, unit: str | None = None) -> TopicModel:
        """Learn topics from *source* (a Corpus, Document, str, list of them, or :meth:`prepare`'s units).

        Raises :class:`~policytext.InputError` for an empty corpus, a corpus with
        fewer usable units than ``n_topics``, or documents without content terms.
        """
        unit = unit or self.unit
        self._validate(unit)
        units = self._units(source, unit)
        X, vocab = self._vectorize(units)
        self._fit_matrix(X, vocab, units)
        return self

    def _vectorize(self, units: Units) -> tuple[sp.csr_matrix, np.ndarray]:
        unit_terms = self._unit_terms(units)
        n_terms = np.fromiter((len(t) for t in unit_terms), dtype=np.int64, count=len(units))
        if len(units) == 0 or n_terms.sum() == 0:
            raise InputError(
                f"no content terms in any of the {len(units.doc_ids)} documents: every token is a stopword, "
                "punctuation, a number or shorter than min_chars"
            )
        train = n_terms >= self.min_unit_terms
        n_train = int(train.sum())
        what = f"{units.unit}s"
        if n_train < self.n_topics:
            raise InputError(
                f"the corpus has {n_train} {what} with at least min_unit_terms={self.min_unit_terms} content "
                f"terms, fewer than n_topics={self.n_topics}: lower n_topics or min_unit_terms, or add documents"
            )
        cv = CountVectorizer(
            analyzer=_identity, min_df=self.min_df, max_df=self.max_df, max_features=self.max_features, dtype=np.float64
        )
        train_docs = [t for t, keep in zip(unit_terms, train) if keep]
        try:
            cv.fit(train_docs)
        except ValueError as e:
            raise InputError(
                f"no term is left after the document-frequency filters (min_df={self.min_df}, "
                f"max_df={self.max_df}) over {n_train} {what}: lower min_df or raise max_df ({e})"
            ) from None
        vocab = cv.get_feature_names_out()
        if len(vocab) < self.n_topics:
            raise InputError(
                f"only {len(vocab)} terms survive min_df={self.min_df}, max_df={self.max_df}: fewer than "
                f"n_topics={self.n_topics}; lower min_df or raise max_df"
            )
        X = sp.csr_matrix(cv.transform(unit_terms))
        self.units_ = units
        self.train_mask_ = train
        return X, vocab

    def _make_estimator(self) -> Any:
        if self.method == "nmf":
            return NMF(
                n_components=self.n_topics,
                init="nndsvda",
                random_state=self.random_state,
                max_iter=self.max_iter or 400,
            )
        return LatentDirichletAllocation(
            n_components=self.n_topics,
            learning_method="batch",
            max_iter=self.max_iter or 50,
            doc_topic_prior=self.doc_topic_prior,
            topic_word_prior=self.topic_word_prior,
            random_state=self.random_state,
            n_jobs=1,
        )

    def _fit_matrix(self, X: sp.csr_matrix, vocab: np.ndarray, units: Units) -> None:
        train = self.train_mask_
        Xtr = X[train]
        t0 = time.perf_counter()
        est = self._make_estimator()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Maximum number of iterations")
            if self.method == "nmf":
                tfidf = TfidfTransformer(sublinear_tf=True).fit(Xtr)
                W = est.fit_transform(tfidf.transform(Xtr))
                self._tfidf = tfidf
                rest = ~train & (np.asarray(X.sum(axis=1)).ravel() > 0)
                W_all = np.zeros((X.shape[0], self.n_topics))
                W_all[train] = W
                if rest.any():
                    W_all[rest] = est.transform(tfidf.transform(X[rest]))
            else:
                est.fit(Xtr)
                W_all = est.transform(X)
        self.fit_seconds_ = time.perf_counter() - t0
        self._estimator = est
        self.vocabulary_ = vocab
        self.components_ = np.asarray(est.components_, dtype=np.float64)
        self.n_iter_ = int(getattr(est, "n_iter_", 0))
        self.dtm_ = X
        self.unit_topic_ = _row_normalize(W_all, empty=np.asarray(X.sum(axis=1)).ravel() == 0)
        self._finish()

    def _finish(self) -> None:
        units = self.units_
        self.topic_term_ = _row_normalize(self.components_)
        self.doc_ids_ = list(units.doc_ids)
        self.doc_topic_ = self._aggregate()
        self.labels_ = self._labels()

    def _aggregate(self) -> np.ndarray:
        units = self.units_
        n_docs = len(units.doc_ids)
        weights = np.asarray(self.dtm_.sum(axis=1)).ravel()
        ok = np.isfinite(self.unit_topic_).all(axis=1) & (weights > 0)
        out = np.zeros((n_docs, self.n_topics))
        tot = np.zeros(n_docs)
        np.add.at(out, units.unit_doc[ok], self.unit_topic_[ok] * weights[ok, None])
        np.add.at(tot, units.unit_doc[ok], weights[ok])
        empty = tot == 0
        with np.errstate(invalid="ignore", divide="ignore"):
            out = out / tot[:, None]
        out[empty] = np.nan
        if empty.any():
            ids = [units.doc_ids[i] for i in np.flatnonzero(empty)]
            shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
            warnings.warn(
                f"{len(ids)} document(s) have no modelled terms and get no topic shares (NaN): {shown}",
                UserWarning,
                stacklevel=4,
            )
        return out

    def _check(self) -> None:
        if not hasattr(self, "components_"):
            raise InputError(_NOT_FITTED)

    # -- inspection -------------------------------------------------------------------
    def _ranking(self, relevance: float | None = None) -> np.ndarray:
        lam = self.relevance if relevance is None else relevance
        if not 0.0 <= lam <= 1.0:
            raise InputError(f"relevance must lie in [0, 1], not {lam!r}")
        H = self.topic_term_
        if lam >= 1.0:
            return H
        counts = np.asarray(self.dtm_[self.train_mask_].sum(axis=0)).ravel()
        pw = counts / max(counts.sum(), 1.0)
        with np.errstate(divide="ignore"):
            logH = np.log(np.maximum(H, 1e-300))
            return lam * logH + (1 - lam) * (logH - np.log(np.maximum(pw, 1e-300)))

    def _top_idx(self, top: int, relevance: float | None = None) -> np.ndarray:
        S = self._ranking(relevance)
        # stable tie-break by term order: argsort on (-score) with kind="stable"
        return np.argsort(-S, axis=1, kind="stable")[:, :top]

    def topics(self, top: int = 10, relevance: float | None = None) -> pd.DataFrame:
        """Each topic's top terms: ``topic, rank, term, weight`` (weight = p(term | topic)).

        Terms are ranked by relevance (see the ``relevance`` parameter; 1.0 ranks by weight).
        """
        self._check()
        if top < 1:
            raise InputError(f"top must be at least 1, not {top}")
        idx = self._top_idx(top, relevance)
        rows = []
        for t in range(self.n_topics):
            for r, j in enumerate(idx[t], start=1):
                rows.append((t, r, str(self.vocabulary_[j]), float(self.topic_term_[t, j])))
        return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])

    def _labels(self, n: int = 3) -> list[str]:
        idx = self._top_idx(min(20, len(self.vocabulary_)))
        labels = []
        for t in range(self.n_topics):
            chosen: list[str] = []
            for j in idx[t]:
                w = str(self.vocabulary_[j])
                if any(w in c or c in w for c in chosen):
                    continue
                chosen.append(w)
                if len(chosen) == n:
                    break
            labels.append("·".join(chosen))
        return labels

    def _meta_frame(self) -> pd.DataFrame:
        rows = []
        for doc_id, meta in zip(self.units_.doc_ids, self.units_.doc_meta):
            rows.append({"doc_id": doc_id, **{k: v for k, v in meta.items() if k != "doc_id"}})
        return pd.DataFrame(rows)

    def doc_topics(self, wide: bool = False) -> pd.DataFrame:
        """Topic shares of each document: tidy ``doc_id, topic, weight`` plus the documents' metadata.

        ``wide=True`` gives one row per document and one column per topic instead.
        """
        self._check()
        meta = self._meta_frame()
        if wide:
            shares = pd.DataFrame(self.doc_topic_, columns=list(range(self.n_topics)))
            return pd.concat([meta[["doc_id"]], shares, meta.drop(columns="doc_id")], axis=1)
        n_docs = len(self.doc_ids_)
        df = pd.DataFrame(
            {
                "doc_id": np.repeat(np.asarray(self.doc_ids_, dtype=object), self.n_topics),
                "topic": np.tile(np.arange(self.n_topics), n_docs),
                "weight": self.doc_topic_.ravel(),
            }
        )
        return df.merge(meta, on="doc_id", how="left", sort=False)

    @renamed_arguments(n="top")
    def representative(self, topic: int, top: int = 3) -> pd.DataFrame:
        """The *top* training units (paragraphs) that carry *topic* most.

        Columns ``topic, rank, doc_id, start, end, weight, text`` plus ``title``
        and ``year`` when the documents have them; ``text`` is
        ``Document.text[start:end]``.
        """
        self._check()
        if not 0 <= topic < self.n_topics:
            raise InputError(f"topic must be between 0 and {self.n_topics - 1}, not {topic}")
        share = np.where(self.train_mask_, np.nan_to_num(self.unit_topic_[:, topic], nan=-1.0), -1.0)
        order = np.lexsort((np.arange(len(share)), -share))[:top]
        rows: list[dict[str, Any]] = []
        units = self.units_
        for r, i in enumerate(order, start=1):
            if share[i] < 0:
                break
            d = int(units.unit_doc[i])
            meta = units.doc_meta[d]
            rows.append(
                {
                    "topic": topic,
                    "rank": r,
                    "doc_id": units.doc_ids[d],
                    "start": int(units.unit_start[i]),
                    "end": int(units.unit_end[i]),
                    "weight": float(share[i]),
                    "text": units.unit_text(i) if units.doc_texts[d] else None,
                    **{k: meta[k] for k in ("title", "year") if k in meta},
                }
            )
        return pd.DataFrame(
            rows,
            columns=["topic", "rank", "doc_id", "start", "end", "weight", "text"]
            + [k for k in ("title", "year") if rows and k in rows[0]],
        )

    # -- evaluation -------------------------------------------------------------------
    def coherence(self, measure: str = "npmi", top: int = 10) -> pd.DataFrame:
        """Coherence of each topic's *top* terms over the training units (paragraph co-occurrence).

        Returns ``topic, label, coherence`` with one row per topic; the mean is in
        ``df.attrs["mean"]`` (also :meth:`mean_coherence`).
        """
        self._check()
        if measure not in MEASURES:
            raise InputError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
        B = (self.dtm_ > 0).astype(np.float64)
        scores = coherence_from_matrix(self._top_idx(top).tolist(), B, measure)
        df = pd.DataFrame({"topic": np.arange(self.n_topics), "label": self.labels_, "coherence": scores})
        df.attrs["mean"] = float(np.nanmean(scores))
        df.attrs["measure"] = measure
        return df

    def mean_coherence(self, measure: str = "npmi", top: int = 10) -> float:
        """Mean coherence over topics (see :meth:`coherence`)."""
        return float(self.coherence(measure, top).attrs["mean"])

    def perplexity(self) -> float:
        """LDA's perplexity on its training units (lower is better); only for ``method="lda"``."""
        self._check()
        if self.method != "lda":
            raise InputError("perplexity is defined for method='lda' only; use coherence() to compare NMF models")
        return float(self._lda().perplexity(self.dtm_[self.train_mask_]))

    def _lda(self) -> LatentDirichletAllocation:
        est = getattr(self, "_estimator", None)
        if est is None:
            from scipy.special import psi

            est = self._make_estimator()
            est.components_ = self.components_.copy()
            # E[log beta] under the Dirichlet posterior, as scikit-learn computes it after fitting
            components = est.components_
            est.exp_dirichlet_component_ = np.exp(psi(components) - psi(components.sum(axis=1))[:, np.newaxis])
            est.doc_topic_prior_ = 1.0 / self.n_topics if self.doc_topic_prior is None else self.doc_topic_prior
            est.topic_word_prior_ = 1.0 / self.n_topics if self.topic_word_prior is None else self.topic_word_prior
            est.n_features_in_ = self.components_.shape[1]
            est.n_batch_iter_ = 1
            est.n_iter_ = self.n_iter_
            self._estimator = est
        return est

    # -- over time / by group -------------------------------------------------------------
    def trends(self, by: str = "year") -> pd.DataFrame:
        """Mean topic share of the documents per value of metadata *by* (``"decade"`` groups years).

        Index: the *by* values (sorted); columns: topics (ints, see ``labels_``);
        ``df.attrs["n_docs"]`` counts the documents behind each row. Documents
        without the metadata or without terms are left out.
        """
        self._check()
        values = []
        for meta in self.units_.doc_meta:
            if by == "decade" and "decade" not in meta:
                y = meta.get("year")
                values.append(int(y) // 10 * 10 if isinstance(y, (int, np.integer)) else None)
            else:
                values.append(meta.get(by))
        if all(v is None for v in values):
            raise InputError(f"no document has metadata {by!r} (keys: {', '.join(sorted(self._meta_keys()))})")
        df = pd.DataFrame(self.doc_topic_, columns=list(range(self.n_topics)))
        df[by] = values
        df = df[df[by].notna() & np.isfinite(self.doc_topic_).all(axis=1)]
        grouped = df.groupby(by, sort=True)
        out = grouped.mean()
        out.columns.name = "topic"
        out.attrs["n_docs"] = grouped.size().to_dict()
        return out

    def _meta_keys(self) -> set[str]:
        return {k for m in self.units_.doc_meta for k in m}

    # -- plots ------------------------------------------------------------------------
    def plot_topics(self, top: int = 10, topics: Sequence[int] | None = None, ncols: int = 4) -> Any:
        """Bar charts of each topic's top terms (needs the ``plot`` extra); returns the Figure."""
        from .._util.figures import plot_bars, small_multiples

        self._check()
        table = self.topics(top)
        chosen = list(range(self.n_topics)) if topics is None else list(topics)
        fig, axes = small_multiples(len(chosen), ncols=ncols, panel=(3.0, 0.25 * top + 1.0), sharex=False)
        for ax, t in zip(axes, chosen):
            sub = table[table.topic == t]
            plot_bars(ax, sub.term.tolist(), sub.weight.tolist(), title=f"{t}: {self.labels_[t]}")
        fig.tight_layout()
        return fig

    def plot_trends(self, by: str = "year", topics: Sequence[int] | None = None, ncols: int = 4) -> Any:
        """Topic shares against *by*, one small panel per topic (needs the ``plot`` extra)."""
        from .._util.figures import plot_lines, small_multiples

        tr = self.trends(by)
        chosen = list(range(self.n_topics)) if topics is None else list(topics)
        fig, axes = small_multiples(len(chosen), ncols=ncols, sharey=True)
        for ax, t in zip(axes, chosen):
            plot_lines(
                ax, tr.index.tolist(), {self.labels_[t]: tr[t].tolist()}, title=f"{t}: {self.labels_[t]}", legend=False
            )
            ax.tick_params(labelsize=7)
        fig.tight_layout()
        return fig

    # -- new documents ----------------------------------------------------------------
    def transform(self, source: Any) -> pd.DataFrame:
        """Topic shares of new documents (tidy ``doc_id, topic, weight``), with the fitted vocabulary."""
        self._check()
        units = build_units(source, self._segmenter(), self.units_.unit, **self._unit_options())
        cv = CountVectorizer(
            analyzer=_identity, vocabulary={t: i for i, t in enumerate(self.vocabulary_)}, dtype=np.float64
        )
        if not units.unit_terms:
            raise InputError(f"transform: source has no {self.units_.unit} with text (an empty document?)")
        X = sp.csr_matrix(cv.transform(units.unit_terms))
        empty = np.asarray(X.sum(axis=1)).ravel() == 0
        est = self._nmf() if self.method == "nmf" else self._lda()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Maximum number of iterations")
            W = est.transform(self._tfidf.transform(X) if self.method == "nmf" else X)
        shares = _row_normalize(W, empty=empty)
        other = TopicModel(**self.get_params())
        other.n_topics = self.n_topics
        other.units_, other.dtm_, other.unit_topic_ = units, X, shares
        doc = other._aggregate()
        n_docs = len(units.doc_ids)
        return pd.DataFrame(
            {
                "doc_id": np.repeat(np.asarray(units.doc_ids, dtype=object), self.n_topics),
                "topic": np.tile(np.arange(self.n_topics), n_docs),
                "weight": doc.ravel(),
            }
        )

    def _nmf(self) -> NMF:
        est = getattr(self, "_estimator", None)
        if est is None:
            est = self._make_estimator()
            est.components_ = self.components_.copy()
            est.n_components_ = self.n_topics
            est._n_components = self.n_topics
            est.n_features_in_ = self.components_.shape[1]
            est.n_iter_ = self.n_iter_
            est.reconstruction_err_ = float("nan")
            self._estimator = est
        return est

    # -- persistence ------------------------------------------------------------------
    def save(self, path: str | Path, include_texts: bool = True, *, overwrite: bool = False) -> Path:
        """Write the fitted model to one ``.npz`` file (numpy arrays + one JSON entry; no pickle).

        The file is a zip of ``.npy`` arrays: ``components``, ``unit_topic``, ``unit_doc``,
        ``unit_start``, ``unit_end``, ``train_mask``, ``vocabulary`` (unicode),
        ``dtm_data``/``dtm_indices``/``dtm_indptr``/``dtm_shape`` (CSR counts), ``idf``
        (NMF), and ``model_json`` (UTF-8 bytes of a JSON object: format, version,
        params, doc_ids, doc_meta, labels, unit kind, options, and the document
        texts unless ``include_texts=False``). Open it with :meth:`load`. An existing file is refused unless
        ``overwrite=True``.
        """
        from .._util.output import output_target

        self._check()
        path = Path(path)
        if path.suffix != ".npz":
            path = path.with_name(path.name + ".npz")
        target = output_target(path, overwrite=overwrite)  # checked before the arrays are built
        params = {k: v for k, v in self.get_params().items() if k != "segmenter"}
        params["pos"] = list(params["pos"]) if params["pos"] is not None else None
        params["exclude_pos"] = list(params["exclude_pos"])
        params["stop_terms"] = sorted(params["stop_terms"])
        seg = self._segmenter()
        info = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "params": params,
            "segmenter": {
                "lexicon": seg.lexicon,
                "hmm": seg.hmm,
                "backend": seg.backend,
                "fingerprint": seg.fingerprint,
            },
            "unit": self.units_.unit,
            "unit_options": self.units_.options,
            "doc_ids": self.doc_ids_,
            "doc_meta": [_jsonable_meta(m) for m in self.units_.doc_meta],
            "doc_texts": self.units_.doc_texts if include_texts else None,
            "labels": self.labels_,
            "n_iter": self.n_iter_,
            "fit_seconds": self.fit_seconds_,
        }
        X = sp.csr_matrix(self.dtm_)
        arrays = {
            "components": self.components_,
            "unit_topic": self.unit_topic_,
            "unit_doc": self.units_.unit_doc,
            "unit_start": self.units_.unit_start,
            "unit_end": self.units_.unit_end,
            "train_mask": self.train_mask_.astype(np.bool_),
            "vocabulary": np.asarray(self.vocabulary_, dtype=str),
            "dtm_data": X.data,
            "dtm_indices": X.indices,
            "dtm_indptr": X.indptr,
            "dtm_shape": np.asarray(X.shape, dtype=np.int64),
            "model_json": np.frombuffer(json.dumps(info, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        }
        if self.method == "nmf":
            arrays["idf"] = self._tfidf.idf_
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        from .._util.output import write_output

        write_output(target, buf.getvalue())
        return path

    @classmethod
    def load(cls, path: str | Path, segmenter: Segmenter | None = None) -> TopicModel:
        """Open a model written by :meth:`save` (never unpickles anything)."""
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (zipfile.BadZipFile, ValueError, OSError) as e:
            raise InputError(f"{path}: not a saved TopicModel ({e})") from None
        if "model_json" not in arrays:
            raise InputError(f"{path}: not a saved TopicModel (no model_json entry)")
        info = json.loads(arrays["model_json"].tobytes().decode("utf-8"))
        if info.get("format") != FORMAT_NAME:
            raise InputError(f"{path}: not a saved TopicModel (format {info.get('format')!r})")
        if info.get("version", 0) > FORMAT_VERSION:
            raise InputError(f"{path}: saved with a newer format version {info['version']}; upgrade policytext")
        params = dict(info["params"])
        params["exclude_pos"] = tuple(params.get("exclude_pos") or ())
        params["stop_terms"] = tuple(params.get("stop_terms") or ())
        params.setdefault("fold_traditional", False)  # files from before the option were fitted without it
        model = cls(**params, segmenter=segmenter)
        saved = (info.get("segmenter") or {}).get("fingerprint")
        if saved and saved != model._segmenter().fingerprint:
            warnings.warn(
                f"{path} was fitted with another segmenter (lexicon {info['segmenter'].get('lexicon')!r}) "
                "than the one given or the default; transform() of new texts will segment them "
                "differently: pass segmenter= as it was",
                UserWarning,
                stacklevel=2,
            )
        n_docs = len(info["doc_ids"])
        texts = info.get("doc_texts") or [""] * n_docs
        model.units_ = Units(
            doc_ids=list(info["doc_ids"]),
            doc_meta=[_restore_meta(m) for m in info["doc_meta"]],
            doc_texts=texts,
            unit_doc=arrays["unit_doc"],
            unit_start=arrays["unit_start"],
            unit_end=arrays["unit_end"],
            unit_terms=[],
            unit=info["unit"],
            options=info.get("unit_options", {}),
        )
        model.components_ = arrays["components"]
        model.unit_topic_ = arrays["unit_topic"]
        model.train_mask_ = arrays["train_mask"].astype(bool)
        model.vocabulary_ = arrays["vocabulary"].astype(object)
        model.dtm_ = sp.csr_matrix(
            (arrays["dtm_data"], arrays["dtm_indices"], arrays["dtm_indptr"]),
            shape=tuple(int(x) for x in arrays["dtm_shape"]),
        )
        model.n_iter_ = int(info.get("n_iter", 0))
        model.fit_seconds_ = float(info.get("fit_seconds", float("nan")))
        if model.method == "nmf":
            tfidf = TfidfTransformer(sublinear_tf=True)
            tfidf.idf_ = arrays["idf"]
            model._tfidf = tfidf
        model._estimator = None
        model._finish()
        return model


def _row_normalize(M: np.ndarray, empty: np.ndarray | None = None) -> np.ndarray:
    M = np.asarray(M, dtype=np.float64)
    s = M.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = M / s
    bad = s.ravel() == 0
    if empty is not None:
        bad |= empty
    out[bad] = np.nan
    return out


def _jsonable_meta(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in meta.items():
        if isinstance(v, _dt.date):
            out[k] = {"__date__": v.isoformat()}
        elif isinstance(v, (np.integer, np.floating)):
            out[k] = v.item()
        elif v is None or isinstance(v, (str, int, float, bool, list, dict)):
            out[k] = v
        else:
            out[k] = str(v)
    return out


def _restore_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (_dt.date.fromisoformat(v["__date__"]) if isinstance(v, dict) and "__date__" in v else v)
        for k, v in meta.items()
    }


@deprecated_positional("random_state", "top", allowed=3)
def select_k(
    source: Any,
    ks: Iterable[int] = range(5, 41, 5),
    method: str = "nmf",
    *,
    random_state: int | None = 0,
    top: int = 10,
    **params: Any,
) -> pd.DataFrame:
    """Fit one model per k on the same units; a table ``k, npmi, umass, perplexity, seconds``.

    The corpus is split and segmented once. ``perplexity`` is NaN for NMF. Draw it
    with :func:`plot_select_k`. Higher NPMI means topics whose top terms share paragraphs.
    """
    ks = [int(k) for k in ks]
    if not ks:
        raise InputError("ks is empty: give the numbers of topics to compare, e.g. range(5, 41, 5)")
    base = TopicModel(max(ks), method=method, random_state=random_state, **params)
    units = base.prepare(source)
    rows = []
    for k in ks:
        m = TopicModel(k, method=method, random_state=random_state, **params).fit(units)
        rows.append(
            {
                "k": k,
                "npmi": m.mean_coherence("npmi", top),
                "umass": m.mean_coherence("umass", top),
                "perplexity": m.perplexity() if method == "lda" else np.nan,
                "seconds": m.fit_seconds_,
            }
        )
    return pd.DataFrame(rows, columns=["k", "npmi", "umass", "perplexity", "seconds"])


def plot_select_k(table: pd.DataFrame) -> Any:
    """Coherence (and perplexity, when present) against k (needs the ``plot`` extra)."""
    from .._util.figures import plot_lines, small_multiples

    cols = ["npmi", "umass"] + (["perplexity"] if table["perplexity"].notna().any() else [])
    fig, axes = small_multiples(len(cols), ncols=len(cols), sharex=True, sharey=False)
    titles = {"npmi": "NPMI 一致性 (越高越好)", "umass": "UMass 一致性 (越高越好)", "perplexity": "困惑度 (越低越好)"}
    for ax, c in zip(axes, cols):
        plot_lines(ax, table["k"].tolist(), {c: table[c].tolist()}, title=titles[c], xlabel="k", legend=False)
    fig.tight_layout()
    return fig
