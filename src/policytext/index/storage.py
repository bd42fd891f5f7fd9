"""The SQLite file of an index: schema, opening, transactions and locking, and the rows it holds.

A :class:`Store` is one open index file (or ``":memory:"``). It creates the schema in
an empty file, refuses a file that is not a policytext index or was written by a
newer schema, sets the pragmas (WAL), and hands out read snapshots
(:meth:`Store.read`) and write transactions (:meth:`Store.write`, which raises
:class:`~policytext.errors.IndexLockedError` when another process keeps writing past
the timeout). Every row goes through it: document texts in UTF-8 chunks of
:data:`TEXT_CHUNK` characters, the document and metadata tables, posting segments
and their blocks. What a query needs of the current snapshot (segment layout,
document table, metadata values) is read once and cached until the file changes;
:attr:`Store.generation` tells other caches when that happened.

>>> from policytext.corpus.document import Document
>>> store = Store(":memory:")
>>> with store.write():
...     doc_key = store.insert_document(Document("a", "抓党建促发展。", {"year": 2021}), seg=0, local=0, ord_=0)
>>> store.text(doc_key), store.document("a").meta, store.doc_ids()
('抓党建促发展。', {'year': 2021}, ['a'])
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._util.frames import is_missing
from ..corpus.document import Document
from ..errors import IndexDamagedError, IndexFormatError, IndexLockedError, InputError
from .postings import BlockDamage, PostingSegment

__all__ = [
    "CHUNK_BITS",
    "FORMAT_NAME",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TEXT_CHUNK",
    "DocTable",
    "SegmentView",
    "Store",
    "check_index",
    "decode_text",
    "is_damage",
    "jsonable",
    "meta_values",
    "stored_text",
]

SCHEMA_VERSION = 1
FORMAT_NAME = "policytext-index"
TEXT_CHUNK = 4096
CHUNK_BITS = 24

SCHEMA = (
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
)


# --- values as stored ------------------------------------------------------------


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file itself is damaged (not locked, not busy, not a query error)."""
    text = str(error)
    return (
        "malformed" in text
        or "not a database" in text
        or "disk I/O error" in text
        or "Could not decode to UTF-8" in text  # a text column whose bytes were changed
    )


def check_index(path: str | os.PathLike[str]) -> list[str]:
    """SQLite's integrity check of an index file, read-only: ``[]`` when it is whole, else the problems.

    A file that is not a policytext index is an :class:`IndexFormatError`; the file is never modified.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such index file")
    try:
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise IndexFormatError(f"{p}: cannot open as an index: {e}") from None
    try:
        try:
            fmt = con.execute("SELECT value FROM policytext_index WHERE key='format'").fetchone()
        except sqlite3.DatabaseError as e:
            if "malformed" not in str(e):
                raise IndexFormatError(f"{p}: not a policytext index ({e})") from None
            fmt = (FORMAT_NAME,)
        if not fmt or fmt[0] != FORMAT_NAME:
            raise IndexFormatError(f"{p}: not a policytext index")
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check(100)")]
        except sqlite3.DatabaseError as e:
            return [str(e)]
        return [] if rows == ["ok"] else rows
    finally:
        con.close()


def _encode_text(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def decode_text(blob: bytes) -> str:
    """A stored text chunk as a string (UTF-8 with surrogates kept; a damaged chunk raises UnicodeDecodeError)."""
    return bytes(blob).decode("utf-8", "surrogatepass")


def stored_text(con: sqlite3.Connection, doc_key: int) -> str:
    """The whole stored text of document *doc_key* on an open index connection (its chunks, in order)."""
    lo = int(doc_key) << CHUNK_BITS
    rows = con.execute("SELECT text FROM texts WHERE id BETWEEN ? AND ? ORDER BY id", (lo, lo + (1 << CHUNK_BITS) - 1))
    return "".join(decode_text(r[0]) for r in rows)


def jsonable(v: Any) -> Any:
    """*v* as JSON can hold it (the ``meta`` column of the document table).

    >>> jsonable({"date": _dt.date(2023, 3, 5), "tags": {"b", "a"}})
    {'date': '2023-03-05', 'tags': ['a', 'b']}
    """
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, (set, frozenset)):
        return sorted(map(jsonable, v), key=str)
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, np.generic):
        return v.item()
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if is_missing(v):
        return None  # pd.NA, NaT: a gap, not the text "<NA>"
    return str(v)


def meta_values(v: Any) -> list[Any]:
    """SQLite values stored in the ``meta`` table for one metadata value (lists give one row each).

    >>> meta_values(["国务院", None, True]), meta_values(_dt.date(2023, 3, 5)), meta_values(None)
    (['国务院', 1], ['2023-03-05'], [])
    """
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
                out.extend(meta_values(x))
        return out
    return [json.dumps(jsonable(v), ensure_ascii=False)]


def _as_date(value: Any) -> Any:
    """A stored ISO date string back as a :class:`datetime.date` (anything else unchanged)."""
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return value


# --- what a query reads of one snapshot ------------------------------------------------


@dataclass
class SegmentView:
    """What a query needs to know about one posting segment (cached until the file changes)."""

    seg: int
    bases: np.ndarray  # int64
    lengths: np.ndarray  # int64
    bases32: np.ndarray  # uint32 (the postings' type: no conversion in searchsorted)
    doc_keys: np.ndarray  # int64 per local document; -1 where removed


@dataclass
class DocTable:
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
        """Row numbers of *doc_keys* in these arrays."""
        return np.searchsorted(self.keys, doc_keys)

    def date(self, row: int) -> Any:
        """The ``date`` of one row, as a :class:`datetime.date` when it reads as one."""
        return _as_date(self.dates[row])


# --- the file ----------------------------------------------------------------------


class Store:
    """One index file (or ``":memory:"``), opened or created, with its transactions and rows.

    Opening checks the file: a directory, a missing file with ``create=False``, a
    missing directory, a file that is not an SQLite database, an SQLite database that
    is not a policytext index (never modified) and an index of a newer schema raise
    :class:`IndexFormatError` or :class:`InputError` naming the file.
    """

    def __init__(self, path: str, *, create: bool = True, timeout: float = 60.0) -> None:
        self.path = path
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
            self.con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise IndexFormatError(f"{self.path}: cannot open as an index: {e}") from None
        self.closed = False
        #: changes whenever the file may have changed, so that caches built on a snapshot know to drop it
        self.generation = 0
        self._version: int | None = None
        self._segs: dict[int, SegmentView] | None = None
        self._docs: DocTable | None = None
        self._meta_cache: dict[str, pd.Series] = {}
        try:
            self._open(memory)
        except BaseException:
            self.con.close()
            self.closed = True
            raise

    # -- opening ---------------------------------------------------------------
    def _open(self, memory: bool) -> None:
        con = self.con
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            if "malformed" in str(e):
                raise IndexDamagedError(self.path, str(e)) from None
            raise IndexFormatError(f"{self.path}: not a policytext index (not an SQLite database: {e})") from None
        if "policytext_index" not in tables:
            if tables:
                raise IndexFormatError(
                    f"{self.path}: an SQLite database but not a policytext index "
                    f"(it has tables {', '.join(sorted(tables))}); refusing to modify it"
                )
            self._create(memory)
            return
        try:
            info = dict(con.execute("SELECT key, value FROM policytext_index"))
        except sqlite3.DatabaseError as e:  # damaged pages under the table list (the list itself was readable)
            if is_damage(e):
                raise IndexDamagedError(self.path, str(e)) from None
            raise
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
        mode = self.con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # pragma: no cover - e.g. a read-only directory
            pass
        self.con.execute("PRAGMA synchronous=NORMAL")
        self.con.execute("PRAGMA cache_size=-32768")

    def _create(self, memory: bool) -> None:
        from .._util.version import package_version

        if not memory:
            self._pragmas()
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            # another process may have created it meanwhile
            exists = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='policytext_index'"
            ).fetchone()
            if not exists:
                for stmt in SCHEMA:
                    con.execute(stmt)
                con.executemany(
                    "INSERT INTO policytext_index VALUES (?, ?)",
                    [
                        ("format", FORMAT_NAME),
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("created_with", f"policytext {package_version()}"),
                    ],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the file (reads and writes afterwards raise)."""
        if not self.closed:
            self.con.close()
            self.closed = True

    def check_open(self) -> None:
        """Raise :class:`InputError` if the file is closed."""
        if self.closed:
            raise InputError(f"{self.path}: the index is closed")

    # -- transactions and caches -------------------------------------------------------
    def _invalidate(self) -> None:
        self._segs = None
        self._docs = None
        self._meta_cache.clear()
        self.generation += 1

    @contextmanager
    def read(self) -> Iterator[None]:
        """A consistent snapshot for the duration of one query (nested calls share it).

        SQLite's word for damaged pages becomes :class:`IndexDamagedError`, naming the file.
        """
        self.check_open()
        con = self.con
        if con.in_transaction:
            yield
            return
        with self.damage_named():
            con.execute("BEGIN")
            with self._snapshot():
                yield

    @contextmanager
    def damage_named(self) -> Iterator[None]:
        """SQLite's "malformed"/"not a database" errors, or stored text that no longer decodes, inside the block
        become :class:`IndexDamagedError`."""
        try:
            yield
        except sqlite3.DatabaseError as e:
            if is_damage(e):
                raise IndexDamagedError(self.path, str(e)) from None
            raise
        except UnicodeDecodeError as e:  # stored text whose bytes were damaged
            raise IndexDamagedError(self.path, f"unreadable stored text: {e}") from None
        except BlockDamage as e:
            raise IndexDamagedError(self.path, str(e)) from None
        except json.JSONDecodeError as e:  # a document's stored metadata
            raise IndexDamagedError(self.path, f"unreadable stored metadata: {e}") from None

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        con = self.con
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
    def write(self) -> Iterator[None]:
        """One write transaction: committed at the end, rolled back on any exception."""
        self.check_open()
        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise IndexLockedError(f"{self.path}: another process is writing to the index ({e})") from None
            raise
        self._invalidate()
        try:
            with self.damage_named():
                yield
                con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            self._invalidate()
            self._version = None

    def vacuum(self) -> None:
        """Compact the file (nothing for an index in memory)."""
        if self.path != ":memory:":
            self.con.execute("VACUUM")

    def segments(self) -> dict[int, SegmentView]:
        """Layout of every posting segment, by segment id (inside :meth:`read` or :meth:`write`)."""
        if self._segs is None:
            segs: dict[int, SegmentView] = {}
            for seg, bases, lengths, n_docs in self.con.execute(
                "SELECT seg, bases, lengths, n_docs FROM segments ORDER BY seg"
            ):
                keys = np.full(n_docs, -1, dtype=np.int64)
                b32 = np.frombuffer(bases, "<u4").astype(np.uint32)
                segs[seg] = SegmentView(
                    seg, b32.astype(np.int64), np.frombuffer(lengths, "<u4").astype(np.int64), b32, keys
                )
            for seg, local, doc_key in self.con.execute("SELECT seg, local, doc_key FROM documents"):
                segs[seg].doc_keys[local] = doc_key
            self._segs = segs
        return self._segs

    def doc_table(self) -> DocTable:
        """The document table as arrays (inside :meth:`read` or :meth:`write`)."""
        if self._docs is None:
            rows = self.con.execute(
                "SELECT doc_key, ord, n_chars, doc_id, title, date, year, seg, local FROM documents ORDER BY doc_key"
            ).fetchall()
            cols = list(zip(*rows, strict=False)) if rows else [()] * 9
            self._docs = DocTable(
                keys=np.array(cols[0], dtype=np.int64),
                ords=np.array(cols[1], dtype=np.int64),
                n_chars=np.array(cols[2], dtype=np.int64),
                doc_ids=np.array(cols[3], dtype=object),
                titles=np.array(cols[4], dtype=object),
                dates=np.array(cols[5], dtype=object),
                years=np.array(cols[6], dtype=object),
                segs=np.array(cols[7], dtype=np.int64),
                locals=np.array(cols[8], dtype=np.int64),
            )
        return self._docs

    # -- metadata ----------------------------------------------------------------------------
    def has_meta_key(self, key: str) -> bool:
        """Whether some document has metadata *key*."""
        return self.con.execute("SELECT 1 FROM meta WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def known_fields(self) -> list[str]:
        """Every field a filter can name: the metadata keys and ``doc_id``, sorted."""
        return sorted({r[0] for r in self.con.execute("SELECT DISTINCT key FROM meta")} | {"doc_id"})

    def meta_series(self, key: str) -> pd.Series | None:
        """doc_key -> first value of metadata *key* (cached per snapshot), or None for an unknown key."""
        if key not in self._meta_cache:
            if key == "doc_id":
                t = self.doc_table()
                s = pd.Series(t.doc_ids, index=t.keys)
            else:
                if not self.has_meta_key(key):
                    return None
                rows = self.con.execute(
                    "SELECT doc_key, value FROM meta WHERE key = ? ORDER BY rowid", (key,)
                ).fetchall()
                s = pd.Series(dict(reversed(rows)), dtype=object) if rows else pd.Series(dtype=object)
                s = s.sort_index()
            self._meta_cache[key] = s
        return self._meta_cache[key]

    # -- postings -------------------------------------------------------------------------------
    def blocks(self, key: int) -> dict[int, bytes]:
        """For each posting segment, the posting block that would hold *key*."""
        out: dict[int, bytes] = {}
        for seg, data in self.con.execute(
            "SELECT s.seg, (SELECT p.data FROM postings p WHERE p.seg = s.seg AND p.last_key >= ?1 "
            "ORDER BY p.last_key LIMIT 1) FROM segments s",
            (key,),
        ):
            if data is not None:
                out[seg] = data
        return out

    def new_segment_id(self) -> int:
        """The id the next posting segment gets."""
        return int(self.con.execute("SELECT COALESCE(MAX(seg) + 1, 0) FROM segments").fetchone()[0])

    def insert_segment(self, seg: PostingSegment) -> int:
        """Store one posting segment (its layout and blocks); returns its id."""
        seg_id = self.new_segment_id()
        self.con.execute(
            "INSERT INTO segments VALUES (?, ?, ?, ?, ?)",
            (
                seg_id,
                len(seg.lengths),
                seg.n_chars,
                seg.bases.astype("<u4").tobytes(),
                seg.lengths.astype("<u4").tobytes(),
            ),
        )
        self.con.executemany(
            "INSERT INTO postings VALUES (?, ?, ?)", ((seg_id, last, blob) for last, blob in seg.blocks)
        )
        return seg_id

    def drop_segment(self, seg_id: int) -> None:
        """Delete one posting segment's row and blocks (not its documents)."""
        self.con.execute("DELETE FROM postings WHERE seg = ?", (seg_id,))
        self.con.execute("DELETE FROM segments WHERE seg = ?", (seg_id,))

    def segment_stats(self) -> list[tuple[int, int, int, int]]:
        """``(seg, n_chars, live chars, live documents)`` of every posting segment, by id."""
        return [
            (int(s), int(n), int(live), int(docs))
            for s, n, live, docs in self.con.execute(
                "SELECT s.seg, s.n_chars, COALESCE(SUM(d.n_chars), 0), COUNT(d.doc_key) FROM segments s "
                "LEFT JOIN documents d ON d.seg = s.seg GROUP BY s.seg ORDER BY s.seg"
            )
        ]

    def segment_documents(self, seg_ids: list[int]) -> list[tuple[int, int]]:
        """``(doc_key, n_chars)`` of the documents in *seg_ids*, in corpus order."""
        marks = ",".join("?" * len(seg_ids))
        return [
            (int(k), int(n))
            for k, n in self.con.execute(
                f"SELECT doc_key, n_chars FROM documents WHERE seg IN ({marks}) ORDER BY ord", seg_ids
            )
        ]

    def move_documents(self, seg_id: int, doc_keys: list[int]) -> None:
        """Point *doc_keys* at posting segment *seg_id*, as its documents 0, 1, …"""
        self.con.executemany(
            "UPDATE documents SET seg = ?, local = ? WHERE doc_key = ?",
            [(seg_id, i, k) for i, k in enumerate(doc_keys)],
        )

    # -- documents -------------------------------------------------------------------------------
    def next_ord(self) -> int:
        """The corpus-order number of a document added now."""
        return int(self.con.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM documents").fetchone()[0])

    def find(self, doc_id: str) -> tuple[int, int] | None:
        """``(doc_key, ord)`` of the document with this ``doc_id``, or None."""
        row = self.con.execute("SELECT doc_key, ord FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def insert_document(self, doc: Document, *, seg: int, local: int, ord_: int) -> int:
        """Store one document (row, text chunks, metadata rows) as document *local* of *seg*; returns its key."""
        con = self.con
        meta = dict(doc.meta)
        date = meta.get("date")
        date_s = (
            date.isoformat()
            if isinstance(date, (_dt.date, _dt.datetime))
            else (str(date) if not is_missing(date) else None)
        )
        year = meta.get("year")
        year_v = int(year) if isinstance(year, (int, np.integer)) and not isinstance(year, bool) else None
        title = meta.get("title")
        cur = con.execute(
            "INSERT INTO documents (doc_id, ord, seg, local, n_chars, title, date, year, meta) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.doc_id,
                ord_,
                seg,
                local,
                len(doc.text),
                None if is_missing(title) else str(title),
                date_s,
                year_v,
                json.dumps(jsonable(meta), ensure_ascii=False),
            ),
        )
        doc_key = cur.lastrowid
        assert doc_key is not None  # an INSERT into a rowid table always sets it
        con.executemany(
            "INSERT INTO texts VALUES (?, ?)",
            (
                (((doc_key << CHUNK_BITS) + i), _encode_text(doc.text[a : a + TEXT_CHUNK]))
                for i, a in enumerate(range(0, max(len(doc.text), 1), TEXT_CHUNK))
            ),
        )
        rows = [(doc_key, str(k), v) for k, val in meta.items() for v in meta_values(val)]
        if rows:
            con.executemany("INSERT INTO meta VALUES (?, ?, ?)", rows)
        return doc_key

    def delete_document(self, doc_key: int) -> None:
        """Delete one document's row, text and metadata (its postings stay until its segment is rebuilt)."""
        con = self.con
        con.execute("DELETE FROM documents WHERE doc_key = ?", (doc_key,))
        con.execute(
            "DELETE FROM texts WHERE id BETWEEN ? AND ?", (doc_key << CHUNK_BITS, ((doc_key + 1) << CHUNK_BITS) - 1)
        )
        con.execute("DELETE FROM meta WHERE doc_key = ?", (doc_key,))

    def text(self, doc_key: int) -> str:
        """The whole stored text of one document."""
        return stored_text(self.con, doc_key)

    def texts(self, doc_keys: Iterable[int]) -> Iterator[tuple[int, str]]:
        """``(doc_key, text)`` of each of *doc_keys*, one at a time."""
        for k in doc_keys:
            yield int(k), self.text(k)

    def slice(self, doc_key: int, start: int, end: int, cache: dict[int, str]) -> str:
        """``text[start:end]`` of one document, reading only the chunks it needs (kept in *cache*)."""
        start = max(start, 0)
        if end <= start:
            return ""
        first, last = start // TEXT_CHUNK, (end - 1) // TEXT_CHUNK
        missing = [c for c in range(first, last + 1) if c not in cache]
        if missing:
            lo = int(doc_key) << CHUNK_BITS
            for rid, blob in self.con.execute(
                "SELECT id, text FROM texts WHERE id BETWEEN ? AND ?", (lo + missing[0], lo + missing[-1])
            ):
                cache[rid - lo] = decode_text(blob)
        joined = "".join(cache.get(c, "") for c in range(first, last + 1))
        return joined[start - first * TEXT_CHUNK : end - first * TEXT_CHUNK]

    # -- reading documents (each in a snapshot of its own) ------------------------------------
    def totals(self) -> tuple[int, int]:
        """Number of documents and of characters."""
        with self.read():
            n, chars = self.con.execute("SELECT COUNT(*), COALESCE(SUM(n_chars), 0) FROM documents").fetchone()
        return int(n), int(chars)

    def n_documents(self) -> int:
        """Number of documents."""
        with self.read():
            return int(self.con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def contains(self, doc_id: str) -> bool:
        """Whether a document has this ``doc_id``."""
        with self.read():
            return self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def doc_ids(self) -> list[str]:
        """The ``doc_id`` values in corpus order."""
        with self.read():
            return [r[0] for r in self.con.execute("SELECT doc_id FROM documents ORDER BY ord")]

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this ``doc_id`` (its ``date`` back as a date), or None."""
        with self.read():
            row = self.con.execute("SELECT meta, doc_key FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                return None
            text = self.text(row[1])
        with self.damage_named():
            meta = json.loads(row[0])
        if "date" in meta:
            meta["date"] = _as_date(meta["date"])
        return Document(doc_id, text, meta)

    def documents_frame(self) -> pd.DataFrame:
        """One row per document in corpus order: ``doc_id``, ``n_chars`` and the metadata."""
        with self.read():
            rows = self.con.execute("SELECT doc_id, n_chars, meta FROM documents ORDER BY ord").fetchall()
        with self.damage_named():
            recs = [{"doc_id": d, "n_chars": n, **json.loads(m)} for d, n, m in rows]
        cols: dict[str, None] = {"doc_id": None, "n_chars": None}
        for r in recs:
            for k in r:
                cols.setdefault(k, None)
        return pd.DataFrame(recs, columns=list(cols))

    def info(self) -> dict[str, Any]:
        """Counts and sizes: documents, characters, segments, posting blocks, file bytes, schema."""
        with self.read():
            con = self.con
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
        return {
            "path": self.path,
            "schema_version": SCHEMA_VERSION,
            "documents": n_docs,
            "characters": n_chars,
            "segments": n_segs,
            "posting_blocks": n_blocks,
            "posting_bytes": p_bytes,
            "text_bytes": t_bytes,
            "file_bytes": size,
        }

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of every document in corpus order, one document in memory at a time."""
        with self.read():
            rows = self.con.execute("SELECT doc_id, doc_key FROM documents ORDER BY ord").fetchall()
        for doc_id, k in rows:
            with self.read():
                yield doc_id, self.text(k)
