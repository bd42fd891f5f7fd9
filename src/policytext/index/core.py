"""A persistent keyword index: exact search, concordance (KWIC) and counts by metadata.

:class:`Index` keeps a corpus in one SQLite file (WAL mode, a stored schema
version) together with character uni/bigram postings, so that *any* string of any
length — Chinese, Latin or digits, across word boundaries — is found exactly,
fast, and without reading the corpus again.

>>> from policytext.corpus.document import Corpus
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

import datetime as _dt
import html
import json
import math
import os
import re
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.frames import is_missing
from ..corpus.document import Corpus, Document
from ..errors import IndexFormatError, IndexLockedError, InputError
from .postings import bigram_key, build_segment, char_key, lookup_block
from .query import And, Filter, Gap, Node, Not, Or, Term, parse, positive_terms

__all__ = ["Index", "IndexFormatError", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1
FORMAT_NAME = "policytext-index"
DEFAULT_SEGMENT_CHARS = 4_000_000
MERGE_FACTOR = 8
_TIER_BASE = 65_536
TEXT_CHUNK = 4096
TERM_CACHE_SIZE = 16
_CHUNK_BITS = 24
# characters that end a sentence for the purpose of a gap (see policytext.corpus.text.split_sentences)
_SENTENCE_END = "。！？；!?;…\n\r"
_GAP_CLASS = "[^" + re.escape(_SENTENCE_END) + "]"

_SCHEMA = [
    "CREATE TABLE policytext_index (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE segments (seg INTEGER PRIMARY KEY, n_docs INTEGER NOT NULL, n_chars INTEGER NOT NULL,
                              bases BLOB NOT NULL, lengths BLOB NOT NULL)""",
    """CREATE TABLE postings (seg INTEGER NOT NULL, last_key INTEGER NOT NULL, data BLOB NOT NULL,
                              PRIMARY KEY (seg, last_key))""",
    """CREATE TABLE documents (doc_key INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL,
                               seg INTEGER NOT NULL, local INTEGER NOT NULL, n_chars INTEGER NOT NULL,
                               title TEXT, date TEXT, year INTEGER, meta TEXT NOT NULL)""",
    "CREATE INDEX documents_seg ON documents (seg, local)",
    # the text in chunks of TEXT_CHUNK characters (UTF-8); id = doc_key * 2**24 + chunk number
    "CREATE TABLE texts (id INTEGER PRIMARY KEY, text BLOB NOT NULL)",
    "CREATE TABLE meta (doc_key INTEGER NOT NULL, key TEXT NOT NULL, value)",
    "CREATE INDEX meta_key_value ON meta (key, value)",
    "CREATE INDEX meta_doc ON meta (doc_key)",
]


# --- small helpers -------------------------------------------------------------


def _encode_text(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _decode_text(blob: bytes) -> str:
    return bytes(blob).decode("utf-8", "surrogatepass")


def _jsonable(v: Any) -> Any:
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, (set, frozenset)):
        return sorted(map(_jsonable, v), key=str)
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, np.generic):
        return v.item()
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _meta_values(v: Any) -> list[Any]:
    """SQLite values stored in the ``meta`` table for one metadata value (lists give one row each)."""
    if is_missing(v):
        return []
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bool):
        return [int(v)]
    if isinstance(v, (int, float, str)):
        return [v]
    if isinstance(v, (_dt.date, _dt.datetime)):
        return [v.isoformat()]
    if isinstance(v, (list, tuple, set, frozenset)):
        out: list[Any] = []
        for x in v:
            if not isinstance(x, (list, tuple, set, frozenset, dict)):
                out.extend(_meta_values(x))
        return out
    return [json.dumps(_jsonable(v), ensure_ascii=False)]


def _number(text: str) -> int | float | None:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        f = float(text)
    except ValueError:
        return None
    return f if math.isfinite(f) else None


@dataclass
class _SegView:
    """What a query needs to know about one segment (cached until the file changes)."""

    seg: int
    bases: np.ndarray  # int64
    lengths: np.ndarray  # int64
    bases32: np.ndarray  # uint32 (the postings' type: no conversion in searchsorted)
    doc_keys: np.ndarray  # int64 per local document; -1 where removed


@dataclass
class _Hits:
    """Occurrences of one term: per document counts, and spans where the index knows them."""

    doc_keys: np.ndarray  # sorted unique doc_keys with at least one occurrence
    counts: np.ndarray  # occurrences per doc (aligned with doc_keys)
    # for strings found through the postings: per segment, the sorted start positions
    # (in the segment's position space) of every occurrence, and the string's length
    raw: dict[int, np.ndarray] | None = None
    length: int = 0

    @staticmethod
    def empty(length: int = 0) -> _Hits:
        z = np.zeros(0, dtype=np.int64)
        return _Hits(z, z, {}, length)


@dataclass
class _Docs:
    """Document table arrays, sorted by doc_key."""

    keys: np.ndarray
    ords: np.ndarray
    n_chars: np.ndarray
    doc_ids: np.ndarray
    titles: np.ndarray
    dates: np.ndarray
    years: np.ndarray
    segs: np.ndarray
    locals: np.ndarray

    def rows(self, doc_keys: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.keys, doc_keys)


@dataclass
class _QueryState:
    """Caches that live for the evaluation of one query."""

    hits: dict[Any, _Hits] = field(default_factory=dict)
    spans: dict[tuple[Any, int], list[tuple[int, int]]] = field(default_factory=dict)
    scanned: dict[Any, np.ndarray] = field(default_factory=dict)


# --- the index -------------------------------------------------------------------


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

    def __init__(self, path: str | os.PathLike[str] = ":memory:", *, create: bool = True,
                 segment_chars: int = DEFAULT_SEGMENT_CHARS, timeout: float = 60.0):
        self.path = str(path)
        self.segment_chars = int(segment_chars)
        if self.segment_chars < 1:
            raise InputError(f"segment_chars must be positive, not {segment_chars!r}")
        memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        if not memory:
            p = Path(self.path)
            if p.is_dir():
                raise IndexFormatError(f"{p}: is a directory, not an index file")
            if not p.exists():
                if not create:
                    raise InputError(f"{p}: no such index (build one with `policytext index build`)")
                if not p.parent.exists():
                    raise InputError(f"{p}: directory {p.parent} does not exist")
        try:
            self._con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise IndexFormatError(f"{self.path}: cannot open as an index: {e}") from None
        self._closed = False
        self._version: int | None = None
        self._segs: dict[int, _SegView] | None = None
        self._docs: _Docs | None = None
        self._meta_cache: dict[str, pd.Series] = {}
        # the hits of recently queried strings, so that count → kwic → count(by=…) of one
        # string looks it up once; cleared whenever the file changes
        self._term_cache: OrderedDict[Term, _Hits] = OrderedDict()
        try:
            self._open(memory)
        except BaseException:
            self._con.close()
            self._closed = True
            raise

    # -- opening ---------------------------------------------------------------
    def _open(self, memory: bool) -> None:
        con = self._con
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            raise IndexFormatError(f"{self.path}: not a policytext index (not an SQLite database: {e})") from None
        if "policytext_index" not in tables:
            if tables:
                raise IndexFormatError(
                    f"{self.path}: an SQLite database but not a policytext index "
                    f"(it has tables {', '.join(sorted(tables))}); refusing to modify it"
                )
            self._create(memory)
            return
        info = dict(con.execute("SELECT key, value FROM policytext_index"))
        if info.get("format") != FORMAT_NAME:
            raise IndexFormatError(f"{self.path}: not a policytext index (format {info.get('format')!r})")
        try:
            version = int(info.get("schema_version", ""))
        except ValueError:
            raise IndexFormatError(f"{self.path}: unreadable schema version {info.get('schema_version')!r}") from None
        if version > SCHEMA_VERSION:
            raise IndexFormatError(
                f"{self.path}: index schema version {version} was written by a newer policytext; "
                f"this version reads schema {SCHEMA_VERSION} and older. Upgrade policytext to read it."
            )
        if version < 1:
            raise IndexFormatError(f"{self.path}: unknown index schema version {version}")
        if not memory:
            self._pragmas()

    def _pragmas(self) -> None:
        mode = self._con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a read-only directory
            pass
        self._con.execute("PRAGMA synchronous=NORMAL")
        self._con.execute("PRAGMA cache_size=-32768")

    def _create(self, memory: bool) -> None:
        from .._util.version import package_version

        if not memory:
            self._pragmas()
        con = self._con
        con.execute("BEGIN IMMEDIATE")
        try:
            # another process may have created it meanwhile
            exists = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='policytext_index'").fetchone()
            if not exists:
                for stmt in _SCHEMA:
                    con.execute(stmt)
                con.executemany("INSERT INTO policytext_index VALUES (?, ?)", [
                    ("format", FORMAT_NAME),
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("created_with", f"policytext {package_version()}"),
                ])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # -- life cycle --------------------------------------------------------------
    def close(self) -> None:
        """Close the file (queries afterwards raise)."""
        if not self._closed:
            self._con.close()
            self._closed = True

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        if self._closed:
            return f"Index({self.path!r}, closed)"
        with self._read():
            n, chars = self._con.execute("SELECT COUNT(*), COALESCE(SUM(n_chars), 0) FROM documents").fetchone()
        return f"Index({self.path!r}, {n:,} documents, {chars:,} characters)"

    def _repr_html_(self) -> str:
        if self._closed:
            return f"<b>Index</b> {html.escape(self.path)} (closed)"
        info = self.info()
        size = f", {info['file_bytes'] / 1e6:,.1f} MB on disk" if info["file_bytes"] else ""
        return (f"<div><b>Index</b> {html.escape(self.path)}: {info['documents']:,} documents, "
                f"{info['characters']:,} characters, {info['segments']} segments{size}. "
                f"Query with <code>.count()</code>, <code>.kwic()</code>, <code>.search()</code>.</div>")

    def _check_open(self) -> None:
        if self._closed:
            raise InputError(f"{self.path}: the index is closed")

    # -- transactions and caches -------------------------------------------------------
    def _invalidate(self) -> None:
        self._segs = None
        self._docs = None
        self._meta_cache.clear()
        self._term_cache.clear()

    @contextmanager
    def _read(self) -> Iterator[None]:
        """A consistent snapshot for the duration of one query."""
        self._check_open()
        con = self._con
        if con.in_transaction:
            yield
            return
        con.execute("BEGIN")
        try:
            con.execute("SELECT value FROM policytext_index WHERE key='format'").fetchone()
            version = con.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._invalidate()
                self._version = version
            yield
        finally:
            if con.in_transaction:
                con.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[None]:
        self._check_open()
        con = self._con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise IndexLockedError(f"{self.path}: another process is writing to the index ({e})") from None
            raise
        self._invalidate()
        try:
            yield
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            self._invalidate()
            self._version = None

    def _segments(self) -> dict[int, _SegView]:
        if self._segs is None:
            segs: dict[int, _SegView] = {}
            for seg, bases, lengths, n_docs in self._con.execute(
                    "SELECT seg, bases, lengths, n_docs FROM segments ORDER BY seg"):
                keys = np.full(n_docs, -1, dtype=np.int64)
                b32 = np.frombuffer(bases, "<u4").astype(np.uint32)
                segs[seg] = _SegView(seg, b32.astype(np.int64), np.frombuffer(lengths, "<u4").astype(np.int64),
                                     b32, keys)
            for seg, local, doc_key in self._con.execute("SELECT seg, local, doc_key FROM documents"):
                segs[seg].doc_keys[local] = doc_key
            self._segs = segs
        return self._segs

    def _doc_table(self) -> _Docs:
        if self._docs is None:
            rows = self._con.execute(
                "SELECT doc_key, ord, n_chars, doc_id, title, date, year, seg, local FROM documents "
                "ORDER BY doc_key").fetchall()
            cols = list(zip(*rows)) if rows else [()] * 9
            self._docs = _Docs(
                keys=np.array(cols[0], dtype=np.int64), ords=np.array(cols[1], dtype=np.int64),
                n_chars=np.array(cols[2], dtype=np.int64), doc_ids=np.array(cols[3], dtype=object),
                titles=np.array(cols[4], dtype=object), dates=np.array(cols[5], dtype=object),
                years=np.array(cols[6], dtype=object), segs=np.array(cols[7], dtype=np.int64),
                locals=np.array(cols[8], dtype=np.int64))
        return self._docs

    # -- adding and removing ------------------------------------------------------------
    def add(self, documents: Corpus | Document | Iterable[Document | str] | pd.DataFrame, *,
            progress: Callable[[int, int], None] | None = None) -> int:
        """Add documents (a Corpus, a Document, or any iterable of them); returns how many.

        A document whose ``doc_id`` is already in the index replaces it (keeping its
        place in corpus order). Documents are read one at a time and indexed in
        segments of about ``segment_chars`` characters, so a generator over a
        corpus larger than memory works. The whole call is one transaction.
        *progress*, if given, is called as ``progress(documents_done, chars_done)``
        after each segment is written.
        Plain strings get ``doc_id`` = their position in *documents*.
        """
        if isinstance(documents, pd.DataFrame):
            documents = Corpus.from_dataframe(documents)
        if isinstance(documents, (str, bytes)):
            raise InputError("add() expects documents (a Corpus or Documents); "
                             "for one string use Corpus.from_texts([text])")
        if isinstance(documents, Document):
            documents = [documents]
        if not isinstance(documents, Iterable):
            raise InputError(f"add() expects a Corpus or an iterable of Documents, not {type(documents).__name__}")
        n_done = 0
        chars_done = 0
        with self._write():
            con = self._con
            next_ord = con.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM documents").fetchone()[0]
            batch: list[Document] = []
            batch_chars = 0
            for i, item in enumerate(documents):
                if isinstance(item, str):
                    item = Document(str(i), item, {})
                if not isinstance(item, Document):
                    raise InputError(f"documents[{i}] is {type(item).__name__}; expected a Document or str")
                if not isinstance(item.text, str):
                    raise InputError(f"document {item.doc_id!r}: text is {type(item.text).__name__}, not str")
                batch.append(item)
                batch_chars += len(item.text)
                if batch_chars >= self.segment_chars:
                    next_ord = self._write_new_segment(batch, next_ord)
                    n_done += len(batch)
                    chars_done += batch_chars
                    batch, batch_chars = [], 0
                    if progress is not None:
                        progress(n_done, chars_done)
            if batch:
                next_ord = self._write_new_segment(batch, next_ord)
                n_done += len(batch)
                chars_done += batch_chars
                if progress is not None:
                    progress(n_done, chars_done)
            self._maybe_merge()
        return n_done

    def _new_seg_id(self) -> int:
        return int(self._con.execute("SELECT COALESCE(MAX(seg) + 1, 0) FROM segments").fetchone()[0])

    def _store_segment(self, texts: Sequence[str]) -> int:
        seg = build_segment(texts)
        seg_id = self._new_seg_id()
        self._con.execute("INSERT INTO segments VALUES (?, ?, ?, ?, ?)",
                          (seg_id, len(texts), seg.n_chars, seg.bases.astype("<u4").tobytes(),
                           seg.lengths.astype("<u4").tobytes()))
        self._con.executemany("INSERT INTO postings VALUES (?, ?, ?)",
                              ((seg_id, last, blob) for last, blob in seg.blocks))
        return seg_id

    def _write_new_segment(self, batch: list[Document], next_ord: int) -> int:
        con = self._con
        # a doc_id repeated inside the batch: the last one wins
        last: dict[str, int] = {}
        for i, d in enumerate(batch):
            last[d.doc_id] = i
        docs = [d for i, d in enumerate(batch) if last[d.doc_id] == i]
        seg_id = self._store_segment([d.text for d in docs])
        for local, d in enumerate(docs):
            old = con.execute("SELECT doc_key, ord FROM documents WHERE doc_id = ?", (d.doc_id,)).fetchone()
            if old is not None:
                self._delete_doc(old[0])
                ord_ = old[1]
            else:
                ord_ = next_ord
                next_ord += 1
            meta = dict(d.meta)
            date = meta.get("date")
            date_s = date.isoformat() if isinstance(date, (_dt.date, _dt.datetime)) else (
                str(date) if not is_missing(date) else None)
            year = meta.get("year")
            year_v = int(year) if isinstance(year, (int, np.integer)) and not isinstance(year, bool) else None
            title = meta.get("title")
            cur = con.execute(
                "INSERT INTO documents (doc_id, ord, seg, local, n_chars, title, date, year, meta) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (d.doc_id, ord_, seg_id, local, len(d.text), None if is_missing(title) else str(title),
                 date_s, year_v, json.dumps(_jsonable(meta), ensure_ascii=False)))
            doc_key = cur.lastrowid
            con.executemany("INSERT INTO texts VALUES (?, ?)",
                            ((((doc_key << _CHUNK_BITS) + i), _encode_text(d.text[a:a + TEXT_CHUNK]))
                             for i, a in enumerate(range(0, max(len(d.text), 1), TEXT_CHUNK))))
            rows = [(doc_key, str(k), v) for k, val in meta.items() for v in _meta_values(val)]
            if rows:
                con.executemany("INSERT INTO meta VALUES (?, ?, ?)", rows)
        return next_ord

    def _delete_doc(self, doc_key: int) -> None:
        con = self._con
        con.execute("DELETE FROM documents WHERE doc_key = ?", (doc_key,))
        con.execute("DELETE FROM texts WHERE id BETWEEN ? AND ?",
                    (doc_key << _CHUNK_BITS, ((doc_key + 1) << _CHUNK_BITS) - 1))
        con.execute("DELETE FROM meta WHERE doc_key = ?", (doc_key,))

    def remove(self, doc_ids: str | Iterable[str], *, missing_ok: bool = False) -> int:
        """Remove documents by ``doc_id``; returns how many were removed.

        An unknown ``doc_id`` raises :class:`InputError` unless ``missing_ok=True``.
        """
        ids = [doc_ids] if isinstance(doc_ids, str) else [str(x) for x in doc_ids]
        removed = 0
        with self._write():
            for doc_id in ids:
                row = self._con.execute("SELECT doc_key FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                if row is None:
                    if missing_ok:
                        continue
                    raise InputError(f"{self.path}: no document with doc_id {doc_id!r}")
                self._delete_doc(row[0])
                removed += 1
            self._maybe_merge()
        return removed

    # -- segment maintenance ------------------------------------------------------------
    def _segment_stats(self) -> list[tuple[int, int, int, int]]:
        return [tuple(r) for r in self._con.execute(
            "SELECT s.seg, s.n_chars, COALESCE(SUM(d.n_chars), 0), COUNT(d.doc_key) FROM segments s "
            "LEFT JOIN documents d ON d.seg = s.seg GROUP BY s.seg ORDER BY s.seg")]

    def _maybe_merge(self, force: bool = False) -> None:
        """Tiered merging: rebuild segments that are mostly removed documents, and
        merge ``MERGE_FACTOR`` small segments of similar size into one."""
        con = self._con
        while True:
            stats = self._segment_stats()
            empty = [s for s, n, live, docs in stats if docs == 0]
            for s in empty:
                con.execute("DELETE FROM postings WHERE seg = ?", (s,))
                con.execute("DELETE FROM segments WHERE seg = ?", (s,))
            stats = [t for t in stats if t[3] > 0]
            sparse = [s for s, n, live, _ in stats if live < n / 2]
            if sparse:
                self._rebuild(sparse)
                continue
            small = [(s, live) for s, n, live, _ in stats if live < self.segment_chars / 2]
            if force and len(small) > 1:
                self._rebuild([s for s, _ in small])
                force = False
                continue
            tiers: dict[int, list[int]] = {}
            for s, live in small:
                tier = 0 if live < _TIER_BASE else int(math.log(live / _TIER_BASE, MERGE_FACTOR)) + 1
                tiers.setdefault(tier, []).append(s)
            full = [segs for _, segs in sorted(tiers.items()) if len(segs) >= MERGE_FACTOR]
            if not full:
                return
            self._rebuild(full[0])

    def _rebuild(self, seg_ids: list[int]) -> None:
        """Re-index the live documents of *seg_ids* into new segments, then drop the old ones."""
        con = self._con
        marks = ",".join("?" * len(seg_ids))
        docs = con.execute(f"SELECT doc_key, n_chars FROM documents WHERE seg IN ({marks}) ORDER BY ord",
                           seg_ids).fetchall()
        chunks: list[list[int]] = []
        cur: list[int] = []
        size = 0
        for doc_key, n in docs:
            cur.append(doc_key)
            size += n
            if size >= self.segment_chars:
                chunks.append(cur)
                cur, size = [], 0
        if cur:
            chunks.append(cur)
        for s in seg_ids:  # drop first so ids can be reused and the new segments come after
            con.execute("DELETE FROM postings WHERE seg = ?", (s,))
            con.execute("DELETE FROM segments WHERE seg = ?", (s,))
        for chunk in chunks:
            texts = [self._text(k) for k in chunk]
            seg_id = self._store_segment(texts)
            con.executemany("UPDATE documents SET seg = ?, local = ? WHERE doc_key = ?",
                            [(seg_id, i, k) for i, k in enumerate(chunk)])

    def optimize(self, vacuum: bool = False) -> None:
        """Merge all small segments and drop removed documents' postings; ``vacuum=True``
        also compacts the file."""
        with self._write():
            self._maybe_merge(force=True)
        if vacuum and self.path != ":memory:":
            self._con.execute("VACUUM")

    # -- document access -----------------------------------------------------------------
    def __len__(self) -> int:
        with self._read():
            return int(self._con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        with self._read():
            return self._con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (str(doc_id),)).fetchone() is not None

    @property
    def doc_ids(self) -> list[str]:
        """The indexed ``doc_id`` values in corpus order."""
        with self._read():
            return [r[0] for r in self._con.execute("SELECT doc_id FROM documents ORDER BY ord")]

    def get(self, doc_id: str) -> Document:
        """The stored document (text and metadata) with this ``doc_id``."""
        with self._read():
            row = self._con.execute("SELECT meta, doc_key FROM documents WHERE doc_id = ?",
                                    (str(doc_id),)).fetchone()
            if row is None:
                raise KeyError(f"{self.path}: no document with doc_id {doc_id!r}")
            text = self._text(row[1])
        meta = json.loads(row[0])
        if isinstance(meta.get("date"), str):
            try:
                meta["date"] = _dt.date.fromisoformat(meta["date"][:10])
            except ValueError:
                pass
        return Document(str(doc_id), text, meta)

    def documents(self) -> pd.DataFrame:
        """One row per document in corpus order: ``doc_id``, ``n_chars`` and the metadata."""
        with self._read():
            rows = self._con.execute("SELECT doc_id, n_chars, meta FROM documents ORDER BY ord").fetchall()
        recs = [{"doc_id": d, "n_chars": n, **json.loads(m)} for d, n, m in rows]
        cols: dict[str, None] = {"doc_id": None, "n_chars": None}
        for r in recs:
            for k in r:
                cols.setdefault(k, None)
        return pd.DataFrame(recs, columns=list(cols))

    def info(self) -> dict[str, Any]:
        """Counts and sizes: documents, characters, segments, posting blocks, file bytes, schema."""
        with self._read():
            con = self._con
            n_docs, n_chars = con.execute("SELECT COUNT(*), COALESCE(SUM(n_chars), 0) FROM documents").fetchone()
            n_segs = con.execute("SELECT COUNT(*) FROM segments").fetchone()[0]
            n_blocks, p_bytes = con.execute("SELECT COUNT(*), COALESCE(SUM(length(data)), 0) FROM postings").fetchone()
            t_bytes = con.execute("SELECT COALESCE(SUM(length(text)), 0) FROM texts").fetchone()[0]
        size = None
        if self.path != ":memory:" and os.path.exists(self.path):
            size = os.path.getsize(self.path)
            wal = self.path + "-wal"
            if os.path.exists(wal):
                size += os.path.getsize(wal)
        return {"path": self.path, "schema_version": SCHEMA_VERSION, "documents": n_docs, "characters": n_chars,
                "segments": n_segs, "posting_blocks": n_blocks, "posting_bytes": p_bytes, "text_bytes": t_bytes,
                "file_bytes": size}

    def _text(self, doc_key: int) -> str:
        """The whole stored text of one document."""
        lo = int(doc_key) << _CHUNK_BITS
        return "".join(_decode_text(r[0]) for r in self._con.execute(
            "SELECT text FROM texts WHERE id BETWEEN ? AND ? ORDER BY id", (lo, lo + (1 << _CHUNK_BITS) - 1)))

    def _texts(self, doc_keys: Iterable[int]) -> Iterator[tuple[int, str]]:
        for k in doc_keys:
            yield int(k), self._text(k)

    def _slice(self, doc_key: int, start: int, end: int, cache: dict[int, str]) -> str:
        """``text[start:end]`` of one document, reading only the chunks it needs."""
        start = max(start, 0)
        if end <= start:
            return ""
        first, last = start // TEXT_CHUNK, (end - 1) // TEXT_CHUNK
        missing = [c for c in range(first, last + 1) if c not in cache]
        if missing:
            lo = (int(doc_key) << _CHUNK_BITS)
            for rid, blob in self._con.execute("SELECT id, text FROM texts WHERE id BETWEEN ? AND ?",
                                               (lo + missing[0], lo + missing[-1])):
                cache[rid - lo] = _decode_text(blob)
        joined = "".join(cache.get(c, "") for c in range(first, last + 1))
        return joined[start - first * TEXT_CHUNK:end - first * TEXT_CHUNK]

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of every document in corpus order, one document in memory at a time."""
        with self._read():
            rows = self._con.execute("SELECT doc_id, doc_key FROM documents ORDER BY ord").fetchall()
        for doc_id, k in rows:
            with self._read():
                yield doc_id, self._text(k)

    # -- term look-up ----------------------------------------------------------------------
    def _blocks(self, key: int) -> dict[int, bytes]:
        """For each segment, the posting block that would hold *key*."""
        out: dict[int, bytes] = {}
        for seg, data in self._con.execute(
                "SELECT s.seg, (SELECT p.data FROM postings p WHERE p.seg = s.seg AND p.last_key >= ?1 "
                "ORDER BY p.last_key LIMIT 1) FROM segments s", (key,)):
            if data is not None:
                out[seg] = data
        return out

    def _char_hits(self, ch: str) -> _Hits:
        segs = self._segments()
        keys_l, counts_l = [], []
        for seg, blob in self._blocks(char_key(ch)).items():
            arr = lookup_block(blob, char_key(ch))
            if arr is None or seg not in segs:
                continue
            half = len(arr) // 2
            dk = segs[seg].doc_keys[arr[:half].astype(np.int64)]
            live = dk >= 0
            keys_l.append(dk[live])
            counts_l.append(arr[half:].astype(np.int64)[live])
        if not keys_l:
            return _Hits.empty()
        keys = np.concatenate(keys_l)
        counts = np.concatenate(counts_l)
        order = np.argsort(keys, kind="stable")
        return _Hits(keys[order], counts[order])

    def _string_hits(self, text: str) -> _Hits:
        """Exact occurrences of a string of two or more characters, by bigram offset arithmetic."""
        n = len(text)
        offsets = list(range(0, n - 1, 2))
        if offsets[-1] != n - 2:
            offsets.append(n - 2)
        keys = [(k, bigram_key(text[k:k + 2])) for k in offsets]
        segs = self._segments()
        per_key = {}
        for k, key in keys:
            if key not in per_key:
                per_key[key] = self._blocks(key)
        keys_l, counts_l = [], []
        raw: dict[int, np.ndarray] = {}
        for seg_id, view in segs.items():
            arrays = []
            for k, key in keys:
                blob = per_key[key].get(seg_id)
                arr = lookup_block(blob, key) if blob is not None else None
                if arr is None or len(arr) == 0:
                    arrays = None
                    break
                arrays.append((k, arr))
            if arrays is None:
                continue
            arrays.sort(key=lambda t: len(t[1]))
            k0, a0 = arrays[0]
            cand = a0[a0 >= k0] - np.uint32(k0) if k0 else a0
            for k, arr in arrays[1:]:
                if len(cand) == 0:
                    break
                want = cand + np.uint32(k)
                idx = np.searchsorted(arr, want)
                ok = idx < len(arr)
                ok[ok] = arr[idx[ok]] == want[ok]
                cand = cand[ok]
            if len(cand) == 0:
                continue
            # occurrences per document: positions between consecutive document starts
            # (a chain of bigrams never crosses the empty slot between two documents)
            cut = cand.searchsorted(view.bases32)
            per_doc = np.empty(len(cut), dtype=np.int64)
            np.subtract(cut[1:], cut[:-1], out=per_doc[:-1])
            per_doc[-1] = len(cand) - cut[-1]
            live = (view.doc_keys >= 0) & (per_doc > 0)
            keys_l.append(view.doc_keys[live])
            counts_l.append(per_doc[live].astype(np.int64))
            raw[seg_id] = cand
        if not keys_l:
            return _Hits.empty(n)
        dk = np.concatenate(keys_l)
        counts = np.concatenate(counts_l)
        order = np.argsort(dk, kind="stable")
        return _Hits(dk[order], counts[order], raw, n)

    def _hits(self, term: Term | Gap, state: _QueryState, within: np.ndarray) -> _Hits:
        if isinstance(term, Term):
            if term not in state.hits:
                hits = self._term_cache.get(term)
                if hits is None:
                    hits = self._char_hits(term.text) if len(term.text) == 1 else self._string_hits(term.text)
                    self._term_cache[term] = hits
                    while len(self._term_cache) > TERM_CACHE_SIZE:
                        self._term_cache.popitem(last=False)
                else:
                    self._term_cache.move_to_end(term)
                state.hits[term] = hits
            return state.hits[term]
        # a gap: candidate documents hold every literal part; scan those not scanned yet
        cand = within
        for part in term.parts:
            cand = np.intersect1d(cand, self._hits(Term(part), state, within).doc_keys, assume_unique=True)
        done = state.scanned.get(term)
        todo = cand if done is None else np.setdiff1d(cand, done, assume_unique=True)
        if done is not None and len(todo) == 0:
            return state.hits[term]
        keys, counts = [], []
        for k, text in self._texts(todo.tolist()):
            spans = self._spans(term, k, state, text)
            if spans:
                keys.append(k)
                counts.append(len(spans))
        new = _Hits(np.array(keys, dtype=np.int64), np.array(counts, dtype=np.int64))
        if done is not None:
            old = state.hits[term]
            allk = np.concatenate((old.doc_keys, new.doc_keys))
            allc = np.concatenate((old.counts, new.counts))
            order = np.argsort(allk, kind="stable")
            new = _Hits(allk[order], allc[order])
            todo = np.union1d(done, todo)
        state.hits[term] = new
        state.scanned[term] = todo
        return new

    def _spans(self, term: Term | Gap, doc_key: int, state: _QueryState,
               text: str | None = None) -> list[tuple[int, int]]:
        """(start, end) of *term* in one document, found by scanning its stored text."""
        ck = (term, doc_key)
        if ck not in state.spans:
            if text is None:
                text = self._text(doc_key)
            if isinstance(term, Gap):
                state.spans[ck] = [m.span() for m in _gap_regex(term).finditer(text)]
            else:
                out = []
                s = text.find(term.text)
                while s >= 0:
                    out.append((s, s + len(term.text)))
                    s = text.find(term.text, s + 1)
                state.spans[ck] = out
        return state.spans[ck]

    # -- filters -------------------------------------------------------------------------
    def _all_docs(self) -> np.ndarray:
        return self._doc_table().keys

    def _filter_docs(self, f: Filter) -> np.ndarray:
        con = self._con
        if f.key == "doc_id":
            col, table, extra = "doc_id", "documents", ""
            params: list[Any] = []
        else:
            if con.execute("SELECT 1 FROM meta WHERE key = ? LIMIT 1", (f.key,)).fetchone() is None:
                known = sorted({r[0] for r in con.execute("SELECT DISTINCT key FROM meta")} | {"doc_id"})
                raise InputError(
                    f"unknown metadata field {f.key!r} in filter {f.key}:…; the index knows: {', '.join(known)} "
                    f"(to search the text {f.key}:… literally, quote it)")
            col, table, extra = "value", "meta", "key = ? AND "
            params = [f.key]
        if f.op == "range":
            lo, hi = f.value  # type: ignore[misc]
            nlo = _number(lo) if lo is not None else None
            nhi = _number(hi) if hi is not None else None
            if (lo is None or nlo is not None) and (hi is None or nhi is not None):
                cond, low, high = f"typeof({col}) IN ('integer', 'real')", nlo, nhi
            else:  # text bounds; the upper one takes in every value it is a prefix of
                cond, low, high = f"typeof({col}) = 'text'", lo, None if hi is None else hi + "\U0010ffff"
            if lo is not None:
                cond += f" AND {col} >= ?"
                params.append(low)
            if hi is not None:
                cond += f" AND {col} <= ?"
                params.append(high)
        elif f.op == "eq":
            cond = f"({col} = ? OR {col} = ?)"
            num = _number(str(f.value))
            params += [f.value, num]
        else:
            num = _number(str(f.value))
            cond = (f"((typeof({col}) = 'text' AND instr({col}, ?) > 0) OR "
                    f"(typeof({col}) IN ('integer', 'real') AND {col} = ?))")
            params += [f.value, num]
        sql = f"SELECT DISTINCT doc_key FROM {table} WHERE {extra}{cond}"
        keys = np.array([r[0] for r in con.execute(sql, params)], dtype=np.int64)
        keys.sort()
        return keys

    def _kw_filter_docs(self, filters: dict[str, Any]) -> np.ndarray:
        keys = self._all_docs()
        for key, want in filters.items():
            if isinstance(want, (list, tuple, set, frozenset, range)):
                wants = list(want)
            else:
                wants = [want]
            vals = []
            for w in wants:
                vals.extend(_meta_values(w) or [None])
            if key == "doc_id":
                sql, params = "SELECT doc_key FROM documents WHERE doc_id = ?", None
            else:
                if self._con.execute("SELECT 1 FROM meta WHERE key = ? LIMIT 1", (key,)).fetchone() is None:
                    known = sorted({r[0] for r in self._con.execute("SELECT DISTINCT key FROM meta")} | {"doc_id"})
                    raise InputError(f"unknown metadata field {key!r}; the index knows: {', '.join(known)}")
                sql = "SELECT doc_key FROM meta WHERE key = ? AND value = ?"
            found: set[int] = set()
            for v in vals:
                if v is None:
                    continue
                params = (str(v),) if key == "doc_id" else (key, v)
                found.update(r[0] for r in self._con.execute(sql, params))
            keys = np.intersect1d(keys, np.fromiter(found, dtype=np.int64, count=len(found)), assume_unique=True)
        return keys

    # -- boolean evaluation ----------------------------------------------------------------
    def _eval(self, node: Node, within: np.ndarray, state: _QueryState) -> np.ndarray:
        """Sorted doc_keys (a subset of *within*) of the documents that satisfy *node*."""
        if isinstance(node, (Term, Gap)):
            return np.intersect1d(within, self._hits(node, state, within).doc_keys, assume_unique=True)
        if isinstance(node, Filter):
            return np.intersect1d(within, self._filter_docs(node), assume_unique=True)
        if isinstance(node, Not):
            return np.setdiff1d(within, self._eval(node.item, within, state), assume_unique=True)
        if isinstance(node, And):
            # cheap, narrowing conditions first; gaps (which scan text) and negations last
            def cost(n: Node) -> int:
                return 2 if isinstance(n, Gap) else 3 if isinstance(n, Not) else 1 if isinstance(n, (Or, And)) else 0
            cur = within
            for item in sorted(node.items, key=cost):
                cur = self._eval(item, cur, state)
                if len(cur) == 0:
                    break
            return cur
        if isinstance(node, Or):
            out = np.zeros(0, dtype=np.int64)
            for item in node.items:
                out = np.union1d(out, self._eval(item, within, state))
            return out
        raise TypeError(node)  # pragma: no cover

    def _prepare(self, query: str, filters: dict[str, Any]) -> tuple[Node, list[Term | Gap], np.ndarray,
                                                                     np.ndarray, _QueryState]:
        node = parse(query)
        state = _QueryState()
        universe = self._kw_filter_docs(filters) if filters else self._all_docs()
        docs = self._eval(node, universe, state)
        return node, positive_terms(node), universe, docs, state

    def _per_doc_counts(self, terms: list[Term | Gap], docs: np.ndarray, state: _QueryState,
                        ) -> tuple[np.ndarray, np.ndarray]:
        """Occurrences of *terms* per document of *docs* (distinct spans when terms may coincide)."""
        overlap_possible = sum(isinstance(t, Gap) for t in terms) and len(terms) > 1
        if overlap_possible:
            counts = np.zeros(len(docs), dtype=np.int64)
            for i, (k, text) in enumerate(self._texts(docs.tolist())):
                spans: set[tuple[int, int]] = set()
                for t in terms:
                    spans.update(self._doc_spans(t, k, state, text))
                counts[i] = len(spans)
            return docs, counts
        total = np.zeros(len(docs), dtype=np.int64)
        for t in terms:
            h = self._hits(t, state, docs)
            idx = np.searchsorted(h.doc_keys, docs)
            idx[idx >= len(h.doc_keys)] = 0
            found = (len(h.doc_keys) > 0) & (h.doc_keys[idx] == docs) if len(h.doc_keys) else np.zeros(len(docs), bool)
            total += np.where(found, h.counts[idx] if len(h.counts) else 0, 0)
        return docs, total

    def _doc_spans(self, term: Term | Gap, doc_key: int, state: _QueryState,
                   text: str | None = None) -> list[tuple[int, int]]:
        h = self._hits(term, state, np.array([doc_key], dtype=np.int64)) if isinstance(term, Term) else None
        if h is not None and h.raw is not None:
            t = self._doc_table()
            r = int(t.rows(np.array([doc_key]))[0])
            seg, local = int(t.segs[r]), int(t.locals[r])
            cand = h.raw.get(seg)
            if cand is None:
                return []
            view = self._segments()[seg]
            base = int(view.bases[local])
            a = int(np.searchsorted(cand, np.uint32(base)))
            b = int(np.searchsorted(cand, np.uint32(base + view.lengths[local])))
            starts = (cand[a:b].astype(np.int64) - base).tolist()
            return [(s, s + h.length) for s in starts]
        return self._spans(term, doc_key, state, text)

    # -- public queries --------------------------------------------------------------------------
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
        with self._read():
            node, terms, universe, docs, state = self._prepare(query, filters)
            if not terms:
                raise InputError(f"query {query!r} has no term to count (only filters or negations)")
            docs, counts = self._per_doc_counts(terms, docs, state)
            if by is None:
                return int(counts.sum())
            return self._group(by, universe, docs, counts)

    def _meta_series(self, key: str) -> pd.Series:
        """doc_key -> first value of metadata *key* (cached per snapshot)."""
        if key not in self._meta_cache:
            if key == "doc_id":
                t = self._doc_table()
                s = pd.Series(t.doc_ids, index=t.keys)
            else:
                if self._con.execute("SELECT 1 FROM meta WHERE key = ? LIMIT 1", (key,)).fetchone() is None:
                    known = sorted({r[0] for r in self._con.execute("SELECT DISTINCT key FROM meta")} | {"doc_id"})
                    raise InputError(f"cannot count by {key!r}: no such metadata field (known: {', '.join(known)})")
                rows = self._con.execute("SELECT doc_key, value FROM meta WHERE key = ? ORDER BY rowid",
                                         (key,)).fetchall()
                s = pd.Series(dict(reversed(rows)), dtype=object) if rows else pd.Series(dtype=object)
                s = s.sort_index()
            self._meta_cache[key] = s
        return self._meta_cache[key]

    def _group(self, by: str | Sequence[str], universe: np.ndarray, docs: np.ndarray,
               counts: np.ndarray) -> pd.DataFrame:
        keys = [by] if isinstance(by, str) else list(by)
        t = self._doc_table()
        frame = pd.DataFrame({"doc_key": universe, "n_chars": t.n_chars[t.rows(universe)]})
        for k in keys:
            s = self._meta_series(k)
            frame[k] = s.reindex(universe).to_numpy()
        occ = pd.Series(counts, index=docs)
        frame["occurrences"] = occ.reindex(universe).fillna(0).astype(np.int64).to_numpy()
        frame["documents"] = (frame["occurrences"] > 0).astype(np.int64)
        frame["n_documents"] = 1
        g = frame.groupby(keys, dropna=False, sort=False).agg(
            occurrences=("occurrences", "sum"), documents=("documents", "sum"),
            n_documents=("n_documents", "sum"), n_chars=("n_chars", "sum")).reset_index()
        g["per_10k"] = np.where(g["n_chars"] > 0, g["occurrences"] / g["n_chars"].where(g["n_chars"] > 0, 1) * 1e4, 0.0)
        try:
            g = g.sort_values(keys, kind="stable", na_position="last")
        except TypeError:
            g = g.sort_values(keys, key=lambda c: c.astype(str), kind="stable")
        for k in keys:
            col = g[k]
            if col.notna().all() and all(isinstance(v, (int, np.integer)) for v in col):
                g[k] = col.astype(np.int64)
        return g.reset_index(drop=True)

    def kwic(self, query: str, window: int = 20, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Every occurrence in context: ``doc_id, start, end, left, match, right`` in corpus order.

        ``start``/``end`` are offsets into the document's text (``Document.text`` as
        added), so ``text[start:end] == match``; ``left``/``right`` hold up to *window*
        characters (line breaks included). *limit* stops after that many rows.
        """
        if window < 0:
            raise InputError(f"window must be >= 0, not {window}")
        if limit is not None and limit < 0:
            raise InputError(f"limit must be >= 0, not {limit}")
        cols = ["doc_id", "start", "end", "left", "match", "right"]
        rows: list[tuple[Any, ...]] = []
        with self._read():
            node, terms, universe, docs, state = self._prepare(query, filters)
            if not terms:
                raise InputError(f"query {query!r} has no term to show in context (only filters or negations)")
            t = self._doc_table()
            rowsel = t.rows(docs)
            order = np.argsort(t.ords[rowsel], kind="stable")
            # documents that hold an occurrence, in corpus order
            cand = docs[order]
            if all(isinstance(x, Term) and len(x.text) > 1 for x in terms):
                has = np.zeros(len(cand), dtype=bool)
                for x in terms:
                    has |= np.isin(cand, self._hits(x, state, cand).doc_keys)
                cand = cand[has]
            for k in cand.tolist():
                if limit is not None and len(rows) >= limit:
                    break
                text = None
                spans: set[tuple[int, int]] = set()
                for x in terms:
                    if isinstance(x, Gap) or len(x.text) == 1:
                        if text is None:
                            text = self._text(k)
                        spans.update(self._spans(x, k, state, text))
                    else:
                        spans.update(self._doc_spans(x, k, state))
                if not spans:
                    continue
                doc_id = t.doc_ids[t.rows(np.array([k]))[0]]
                cache: dict[int, str] = {}
                for s, e in sorted(spans):
                    if text is not None:
                        left, match, right = text[max(0, s - window):s], text[s:e], text[e:e + window]
                    else:  # read only the chunks around the match
                        around = self._slice(k, s - window, e + window, cache)
                        cut = s - max(0, s - window)
                        left, match, right = around[:cut], around[cut:cut + e - s], around[cut + e - s:]
                    rows.append((doc_id, s, e, left, match, right))
                    if limit is not None and len(rows) >= limit:
                        break
        df = pd.DataFrame(rows, columns=cols)
        df["start"] = df["start"].astype(np.int64)
        df["end"] = df["end"].astype(np.int64)
        return df

    def search(self, query: str, limit: int | None = 20, **filters: Any) -> pd.DataFrame:
        """Documents that satisfy *query*, best first (BM25 over the positive terms).

        Returns ``doc_id, score, hits, title, date, snippet, year``: ``hits`` is the
        number of occurrences (as in :meth:`count`), ``snippet`` the first
        occurrence with 30 characters each side, the match in 【】. A query of
        filters alone lists the matching documents in corpus order with score 0.
        """
        cols = ["doc_id", "score", "hits", "title", "date", "snippet", "year"]
        if limit is not None and limit < 0:
            raise InputError(f"limit must be >= 0, not {limit}")
        with self._read():
            node, terms, universe, docs, state = self._prepare(query, filters)
            t = self._doc_table()
            rowsel = t.rows(docs)
            dl = t.n_chars[rowsel].astype(float)
            all_dl = t.n_chars[t.rows(universe)].astype(float)
            avgdl = float(all_dl.mean()) if len(all_dl) else 1.0
            n_univ = len(universe)
            score = np.zeros(len(docs))
            hits = np.zeros(len(docs), dtype=np.int64)
            k1, b = 1.2, 0.75
            for x in terms:
                h = self._hits(x, state, docs)
                in_univ = np.intersect1d(h.doc_keys, universe, assume_unique=True)
                df_ = len(in_univ)
                idf = math.log(1 + (n_univ - df_ + 0.5) / (df_ + 0.5))
                idx = np.searchsorted(h.doc_keys, docs)
                valid = idx < len(h.doc_keys)
                tf = np.zeros(len(docs))
                if len(h.doc_keys):
                    idx2 = np.where(valid, idx, 0)
                    match = valid & (h.doc_keys[idx2] == docs)
                    tf = np.where(match, h.counts[idx2], 0).astype(float)
                score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / max(avgdl, 1.0)))
                hits += tf.astype(np.int64)
            if terms and any(isinstance(x, Gap) for x in terms) and len(terms) > 1:
                _, hits = self._per_doc_counts(terms, docs, state)
            ords = t.ords[rowsel]
            order = np.lexsort((ords, -score))
            if limit is not None:
                order = order[:limit]
            out = []
            for i in order.tolist():
                k = int(docs[i])
                r = rowsel[i]
                # read the whole text only when a term has to be found by scanning it
                scanned = [x for x in terms if isinstance(x, Gap) or len(x.text) == 1]
                text = self._text(k) if scanned else None
                cache: dict[int, str] = {}
                n_chars = int(t.n_chars[r])

                def piece(a: int, b: int, k: int = k, text: str | None = text, cache: dict = cache) -> str:
                    return text[max(a, 0):b] if text is not None else self._slice(k, a, b, cache)

                spans = []
                for x in terms:
                    sp = self._spans(x, k, state, text) if x in scanned else self._doc_spans(x, k, state)
                    if sp:
                        spans.append(min(sp))
                if spans:
                    s, e = min(spans)
                    snippet = (("…" if s > 30 else "") + piece(s - 30, s) + "【" + piece(s, e) + "】"
                               + piece(e, e + 30) + ("…" if e + 30 < n_chars else ""))
                else:
                    snippet = piece(0, 60) + ("…" if n_chars > 60 else "")
                snippet = snippet.replace("\r", " ").replace("\n", " ")
                date = t.dates[r]
                if isinstance(date, str):
                    try:
                        date = _dt.date.fromisoformat(date[:10])
                    except ValueError:
                        pass
                out.append((t.doc_ids[r], float(score[i]), int(hits[i]), t.titles[r], date, snippet, t.years[r]))
        return pd.DataFrame(out, columns=cols)


def _gap_regex(g: Gap) -> re.Pattern[str]:
    """``a[^。…]{0,n}?b``: leftmost, shortest, non-overlapping matches within a sentence."""
    pat = re.escape(g.parts[0])
    for bound, part in zip(g.bounds, g.parts[1:]):
        pat += f"{_GAP_CLASS}{{0,{bound}}}?" + re.escape(part)
    return re.compile(pat)
