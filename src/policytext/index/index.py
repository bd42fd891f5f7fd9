"""The :class:`Index` façade: a persistent keyword index with exact search, concordance (KWIC) and counts.

Its one job is the public surface; the work is done by the modules of this package:
:mod:`~policytext.index.storage` (the SQLite file), :mod:`~policytext.index.writing`
(adding, removing, merging), :mod:`~policytext.index.postings` (building posting
segments), :mod:`~policytext.index.lookup` (strings in the postings),
:mod:`~policytext.index.query` (the query language), :mod:`~policytext.index.filters`
(metadata filters), :mod:`~policytext.index.evaluation` (evaluating a query),
:mod:`~policytext.index.kwic`, :mod:`~policytext.index.ranking` (search) and
:mod:`~policytext.index.grouping` (counts by metadata).

:class:`Index` keeps a corpus in one SQLite file (WAL mode, a stored schema
version) together with character uni/bigram postings, so that *any* string of any
length — Chinese, Latin or digits, across word boundaries — is found exactly,
fast, and without reading the corpus again.

>>> from policytext.corpus import Corpus
>>> idx = Index(":memory:")
>>> idx.add(Corpus.from_texts(["抓党建促发展，抓党建促振兴。", "加强党的建设。"],
...                           ids=["a", "b"], meta=[{"year": 2021}, {"year": 2022}]))
2
>>> idx.count("党建")
2
>>> idx.count("党建 OR 党的建设", by="year")[["year", "occurrences", "documents"]]
   year  occurrences  documents
0  2021            2          1
1  2022            1          1
>>> idx.kwic("抓*促", window=2)[["doc_id", "start", "end", "left", "match", "right"]]
  doc_id  start  end left match right
0      a      0    4       抓党建促    发展
1      a      7   11   展，  抓党建促    振兴

Query language (see :mod:`policytext.index.query` and ``docs/index.md``):

- ``党建`` an exact substring (any length from one character; case-sensitive);
- ``党建 乡村振兴`` both (AND); ``党建 OR 党的建设`` either; ``-扶贫`` or ``NOT 扶贫``
  documents without it; parentheses group; OR binds more loosely than AND;
- ``"a b"`` quotes keep spaces and operator words (``OR``, ``AND``, ``NOT``, ``-``,
  ``*``, ``:``, parentheses) literal; a backslash escapes the next character;
- ``抓*促`` a gap of at most 10 characters within one sentence, ``抓*20促`` at most 20;
- ``year:2023``, ``year:2010..2020`` (inclusive), ``issuer:国务院`` (text metadata
  containing 国务院), ``issuer:=国务院`` (exactly equal), ``doc_id:gwr_``.

``count(query)`` is the number of occurrences of the query's positive terms (those
not under NOT) inside the documents that satisfy the query; it always equals
``len(kwic(query))``.
"""

from __future__ import annotations

import contextlib
import html
import os
import sqlite3
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from typing import Any, overload

import pandas as pd

from .._util.convention import REMOVED_IN, check_at_least, renamed_arguments
from .._util.progress import progress as show_progress
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..errors import InputError
from .evaluation import Evaluation, TermCache
from .grouping import count_by
from .kwic import concordance
from .ranking import rank
from .storage import Store
from .writing import DEFAULT_SEGMENT_CHARS, add_documents, optimize_segments, remove_documents

__all__ = ["Index"]


class Index:
    """A persistent exact-substring index over a corpus, in one SQLite file.

    ``Index(path)`` opens the index at *path*, creating it when it does not exist
    (``create=False`` refuses to); ``Index(":memory:")`` keeps it in memory. A file
    that is not a policytext index, or an index written by a newer schema, raises
    :class:`IndexFormatError` naming the file.

    Documents go in with :meth:`add` (re-adding a ``doc_id`` replaces it; one call is
    one transaction: if the process dies midway the index stays as it was before
    the call) and out with :meth:`remove`. Other processes can query while one
    process adds: they see the index as of the last completed :meth:`add`.

    Query with :meth:`count`, :meth:`kwic` and :meth:`search`; the query language is
    described in the module docstring and in ``docs/index.md``. Every method also
    takes metadata filters as keyword arguments (``year=2023``,
    ``year=range(2010, 2021)``, ``issuer=["国务院"]``: exact values, like
    :meth:`Corpus.filter`).

    >>> idx = Index(":memory:")
    >>> _ = idx.add(Corpus.from_texts(["坚持稳中求进工作总基调。"], ids=["d"]))
    >>> idx.count("稳中求进"), idx.count("中"), idx.count("总基调。"), idx.count("不存在")
    (1, 1, 1, 0)
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = ":memory:",
        *,
        create: bool = True,
        segment_chars: int = DEFAULT_SEGMENT_CHARS,
        timeout: float = 60.0,
    ):
        self.path = str(path)
        self.segment_chars = int(segment_chars)
        if self.segment_chars < 1:
            raise InputError(f"segment_chars must be positive, not {segment_chars!r}")
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout >= 0:
            raise InputError(f"timeout: expected a number of seconds of 0 or more, not {timeout!r}")
        self._store = Store(self.path, create=create, timeout=timeout)
        # the hits of recently queried strings, so that count → kwic → count(by=…) of one
        # string looks it up once; dropped whenever the file changes
        self._terms = TermCache()

    @property
    def _con(self) -> sqlite3.Connection:
        """The SQLite connection (for tests and debugging)."""
        return self._store.con

    # -- life cycle --------------------------------------------------------------
    def close(self) -> None:
        """Close the file (queries afterwards raise)."""
        self._store.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:  # pragma: no cover - best effort
        with contextlib.suppress(Exception):
            self.close()

    def __repr__(self) -> str:
        if self._store.closed:
            return f"Index({self.path!r}, closed)"
        n, chars = self._store.totals()
        return f"Index({self.path!r}, {n:,} documents, {chars:,} characters)"

    def _repr_html_(self) -> str:
        if self._store.closed:
            return f"<b>Index</b> {html.escape(self.path)} (closed)"
        info = self.info()
        size = f", {info['file_bytes'] / 1e6:,.1f} MB on disk" if info["file_bytes"] else ""
        return (
            f"<div><b>Index</b> {html.escape(self.path)}: {info['documents']:,} documents, "
            f"{info['characters']:,} characters, {info['segments']} segments{size}. "
            f"Query with <code>.count()</code>, <code>.kwic()</code>, <code>.search()</code>.</div>"
        )

    # -- adding and removing ------------------------------------------------------------
    def add(
        self, documents: Corpus | Document | Iterable[Document | str] | pd.DataFrame, *, progress: bool = False
    ) -> int:
        """Add documents (a Corpus, a Document, or any iterable of them); returns how many.

        A document whose ``doc_id`` is already in the index replaces it (keeping its
        place in corpus order). Documents are read one at a time and indexed in
        segments of about ``segment_chars`` characters, so a generator over a
        corpus larger than memory works. The whole call is one transaction.
        ``progress=True`` shows a progress bar on standard error. (0.1 took a callback
        ``progress(documents_done, chars_done)`` here; that still works, with a
        DeprecationWarning.) Plain strings get ``doc_id`` = their position in *documents*.
        """
        callback: Callable[[int, int], None] | None = None
        if callable(progress):
            warnings.warn(
                "Index.add(): progress is a bool now (a progress bar); passing a callback stops working "
                f"in {REMOVED_IN}",
                DeprecationWarning,
                stacklevel=2,
            )
            callback, progress = progress, False
        if isinstance(documents, pd.DataFrame):
            documents = Corpus.from_dataframe(documents)
        if isinstance(documents, (str, bytes)):
            raise InputError(
                "add() expects documents (a Corpus or Documents); for one string use Corpus.from_texts([text])"
            )
        if isinstance(documents, Document):
            documents = [documents]
        if not isinstance(documents, Iterable):
            raise InputError(f"add() expects a Corpus or an iterable of Documents, not {type(documents).__name__}")
        if progress:
            documents = show_progress(
                documents, total=len(documents) if isinstance(documents, Sized) else None, desc="indexing"
            )
        return add_documents(self._store, documents, segment_chars=self.segment_chars, progress=callback)

    def remove(self, doc_ids: str | Iterable[str], *, missing_ok: bool = False) -> int:
        """Remove documents by ``doc_id``; returns how many were removed.

        An unknown ``doc_id`` raises :class:`InputError` unless ``missing_ok=True``.
        """
        ids = [doc_ids] if isinstance(doc_ids, str) else [str(x) for x in doc_ids]
        return remove_documents(self._store, ids, segment_chars=self.segment_chars, missing_ok=missing_ok)

    def optimize(self, vacuum: bool = False) -> None:
        """Merge all small segments and drop removed documents' postings; ``vacuum=True``
        also compacts the file."""
        optimize_segments(self._store, segment_chars=self.segment_chars, vacuum=vacuum)

    # -- document access -----------------------------------------------------------------
    def __len__(self) -> int:
        return self._store.n_documents()

    def __contains__(self, doc_id: object) -> bool:
        return self._store.contains(str(doc_id))

    @property
    def doc_ids(self) -> list[str]:
        """The indexed ``doc_id`` values in corpus order."""
        return self._store.doc_ids()

    def get(self, doc_id: str) -> Document:
        """The stored document (text and metadata) with this ``doc_id``."""
        doc = self._store.document(str(doc_id))
        if doc is None:
            raise KeyError(f"{self.path}: no document with doc_id {doc_id!r}")
        return doc

    def documents(self) -> pd.DataFrame:
        """One row per document in corpus order: ``doc_id``, ``n_chars`` and the metadata."""
        return self._store.documents_frame()

    def info(self) -> dict[str, Any]:
        """Counts and sizes: documents, characters, segments, posting blocks, file bytes, schema."""
        return self._store.info()

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of every document in corpus order, one document in memory at a time."""
        return self._store.iter_texts()

    # -- queries ------------------------------------------------------------------------------
    def _evaluate(self, query: str, filters: dict[str, Any]) -> Evaluation:
        """*query* evaluated in the current read snapshot."""
        return Evaluation(self._store, query, filters, self._terms)

    @overload
    def count(self, query: str, by: None = None, **filters: Any) -> int: ...
    @overload
    def count(self, query: str, by: str | Sequence[str], **filters: Any) -> pd.DataFrame: ...
    def count(self, query: str, by: str | Sequence[str] | None = None, **filters: Any) -> int | pd.DataFrame:
        """Occurrences of *query* (an ``int``), or a DataFrame of counts per metadata value.

        With ``by="year"`` (any metadata key, or ``"doc_id"``, or a list of keys) the
        frame has one row per value among the indexed documents (after *filters*),
        zeros included: the value(s), ``occurrences``, ``documents`` (documents with
        at least one occurrence), ``n_documents`` and ``n_chars`` (all documents with
        that value) and ``per_10k`` (occurrences per 10,000 characters).

        >>> idx = Index(":memory:")
        >>> _ = idx.add(Corpus.from_texts(["改革开放", "改革"], meta=[{"year": 1978}, {"year": 1979}]))
        >>> idx.count("改革"), idx.count("改革 -开放"), idx.count("改革", year=1979)
        (2, 1, 1)
        """
        if by is not None and not (
            isinstance(by, str) or (isinstance(by, (list, tuple)) and all(isinstance(b, str) for b in by))
        ):
            raise InputError(f"by: expected a metadata key or a list of keys, not {by!r}")
        with self._store.read():
            ev = self._evaluate(query, filters)
            if not ev.terms:
                raise InputError(f"query {query!r} has no term to count (only filters or negations)")
            docs, counts = ev.per_doc_counts()
            if by is None:
                return int(counts.sum())
            return count_by(self._store, by, ev.universe, docs, counts)

    @renamed_arguments(limit="top")
    def kwic(self, query: str, window: int = 20, top: int | None = None, **filters: Any) -> pd.DataFrame:
        """Every occurrence in context: ``doc_id, start, end, left, match, right`` in corpus order.

        ``start``/``end`` are offsets into the document's text (``Document.text`` as
        added), so ``text[start:end] == match``; ``left``/``right`` hold up to *window*
        characters (line breaks included). *top* stops after that many rows.
        """
        check_at_least(0, window=window, top=top)
        with self._store.read():
            ev = self._evaluate(query, filters)
            if not ev.terms:
                raise InputError(f"query {query!r} has no term to show in context (only filters or negations)")
            return concordance(ev, window, top)

    @renamed_arguments(limit="top")
    def search(self, query: str, top: int | None = 20, **filters: Any) -> pd.DataFrame:
        """Documents that satisfy *query*, best first (BM25 over the positive terms).

        Returns ``doc_id, score, hits, title, date, snippet, year``: ``hits`` is the
        number of occurrences (as in :meth:`count`), ``snippet`` the first
        occurrence with 30 characters each side, the match in 【】. A query of
        filters alone lists the matching documents in corpus order with score 0.
        """
        check_at_least(0, top=top)
        with self._store.read():
            return rank(self._evaluate(query, filters), top)
