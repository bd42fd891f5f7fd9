"""Whether an index file's content still matches the texts it stores (``policytext index check``).

SQLite's integrity check (:func:`~policytext.index.storage.check_index`) finds damaged pages; a byte changed
inside a posting block, a text chunk or a metadata value leaves the pages valid and the answers wrong. This check
reads every stored document (its row, metadata and text), rebuilds each posting segment from the texts of its
documents exactly as ``index build`` made it, and compares layouts and posting blocks byte for byte; it also
recomputes the metadata rows that filters read. It is read-only and costs about as much as building the index.

What it cannot verify: a segment that still holds the postings of removed documents (their texts are gone) is
listed as not verified (``policytext index optimize`` rebuilds it, after which it can be checked); a change that
makes a stored text another valid text of the same length, in a segment whose postings are damaged the same way,
would go unseen (no checksum is stored).

>>> from policytext import Index
>>> idx = Index(":memory:")
>>> idx.add(["坚持稳中求进工作总基调。", "抓党建促乡村振兴。"])
2
>>> verify_content(idx._store.con)
[]
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from .postings import build_segment
from .storage import check_index, meta_values, stored_text

__all__ = ["verify_content", "verify_index"]


# what an older policytext wrote into the stored JSON for a missing value of another kind (pd.NA, NaT)
_GAP_TEXTS = frozenset(("<NA>", "NaT", "nan", "None"))


def _meta_rows(meta: dict[str, Any]) -> Counter:
    """The metadata rows the stored JSON gives (``(key, repr(value))``), a gap written as text left out."""
    return Counter(
        (str(k), repr(v))
        for k, val in meta.items()
        if not (isinstance(val, str) and val in _GAP_TEXTS)
        for v in meta_values(val)
    )


def _row_value(value: Any) -> str:
    """A stored row's value as :func:`_meta_rows` writes it: a value that was no JSON type (a path, a Decimal, a
    time) was stored as its JSON text with quotes, which the stored JSON holds without them."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return repr(json.loads(value))
        except ValueError:
            pass
    return repr(value)


def verify_content(con: sqlite3.Connection, limit: int = 100, unverified: list[int] | None = None) -> list[str]:
    """The problems found in the content of the index open on *con* (at most *limit*), ``[]`` when it matches.

    A segment that holds the postings of removed documents is no problem, but it is not verified: its id is
    appended to *unverified* when that list is given.
    """
    problems: list[str] = []
    skipped: list[int] = unverified if unverified is not None else []

    def problem(text: str) -> bool:
        problems.append(text)
        return len(problems) >= limit

    try:
        # every column, the title and date too: a damaged one does not decode (Could not decode to UTF-8)
        docs = con.execute("SELECT doc_key, doc_id, seg, local, n_chars, title, date, meta FROM documents").fetchall()
    except sqlite3.DatabaseError as e:
        return [f"the document table cannot be read ({e})"]
    meta_rows: dict[int, Counter] = {}
    try:
        for key, mkey, value in con.execute("SELECT doc_key, key, value FROM meta"):
            if not (isinstance(value, str) and value in _GAP_TEXTS):
                meta_rows.setdefault(int(key), Counter())[(str(mkey), _row_value(value))] += 1
    except sqlite3.DatabaseError as e:
        return [f"the metadata table cannot be read ({e})"]
    by_seg: dict[int, list[tuple[int, int, str, int]]] = {}
    for doc_key, doc_id, seg, local, n_chars, _title, _date, meta_json in docs:
        try:
            meta = json.loads(meta_json)
        except (TypeError, ValueError):
            if problem(f"document {doc_id!r}: its metadata is damaged"):
                return problems
            continue
        if _meta_rows(meta) != meta_rows.get(int(doc_key), Counter()) and problem(
            f"document {doc_id!r}: its metadata rows (the values filters read) do not match its metadata"
        ):
            return problems
        by_seg.setdefault(int(seg), []).append((int(local), int(doc_key), str(doc_id), int(n_chars)))
    for seg, n_docs, n_chars, bases, lengths in con.execute(
        "SELECT seg, n_docs, n_chars, bases, lengths FROM segments ORDER BY seg"
    ).fetchall():
        members = sorted(by_seg.pop(int(seg), []))
        lengths_a = np.frombuffer(lengths, "<u4") if len(lengths) % 4 == 0 else None
        if lengths_a is None or len(lengths_a) != n_docs or int(lengths_a.sum()) != n_chars:
            if problem(f"segment {seg}: its layout is damaged"):
                return problems
            continue
        texts: list[str] = []
        for local, doc_key, doc_id, doc_chars in members:
            try:
                text = stored_text(con, doc_key)
            except UnicodeDecodeError:
                text = None
            if text is None or len(text) != doc_chars or not 0 <= local < n_docs or lengths_a[local] != doc_chars:
                if problem(f"document {doc_id!r}: its stored text is damaged"):
                    return problems
                texts = []
                break
            texts.append(text)
        if len(members) < n_docs:
            skipped.append(int(seg))
            continue
        if len(texts) != len(members):
            continue  # a damaged text was named above
        rebuilt = build_segment(texts)
        stored = dict(con.execute("SELECT last_key, data FROM postings WHERE seg = ?", (seg,)).fetchall())
        wanted = dict(rebuilt.blocks)
        keys = wanted.keys() | stored.keys()
        differ = sum(bytes(stored.get(k, b"")) != wanted.get(k) for k in keys)
        same_layout = bytes(bases) == rebuilt.bases.astype("<u4").tobytes() and bytes(lengths) == (
            rebuilt.lengths.astype("<u4").tobytes()
        )
        if differ or not same_layout:
            # which of the two was changed cannot be told: the postings, or a text changed into another valid one
            what = f"{differ} of {len(keys)} posting blocks differ" if differ else "its layout differs"
            if problem(
                f"segment {seg}: its postings and the stored texts of its {len(members)} documents do not agree "
                f"({what} from the postings the texts give)"
            ):
                return problems
    for seg, members in by_seg.items():
        names = ", ".join(repr(m[2]) for m in members[:3])
        if problem(f"documents {names} point at segment {seg}, which does not exist"):
            return problems
    return problems


def verify_index(
    path: str | os.PathLike[str], *, content: bool = True, unverified: list[int] | None = None
) -> list[str]:
    """Check an index file read-only: SQLite's integrity check of its pages, then (unless ``content=False``)
    :func:`verify_content`. ``[]`` when it is whole; a file that is not a policytext index is an
    :class:`~policytext.errors.IndexFormatError`."""
    problems = check_index(path)
    if problems or not content:
        return problems
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return verify_content(con, unverified=unverified)
    finally:
        con.close()
