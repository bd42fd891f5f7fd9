"""Looking a string up in the stored posting blocks: which documents hold it, how often, and where.

A single character is one key: its block lists the documents that contain it and
their counts. A longer string is found by bigram offset arithmetic: the start
positions of its bigrams at offsets 0, 2, 4, … (and ``len - 2``) are intersected
after shifting each by its offset, which leaves exactly the start positions of the
string, without reading any text. Positions that belong to removed documents are
dropped.

>>> from .storage import Store
>>> from .writing import add_documents
>>> store = Store(":memory:")
>>> add_documents(store, ["抓党建促发展，抓党建促振兴。", "党建"], segment_chars=1000)
2
>>> with store.read():
...     hits = term_hits(store, "抓党建")
...     hits.doc_keys.tolist(), hits.counts.tolist(), document_spans(store, hits, 1)
([1], [2], [(0, 3), (7, 10)])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .postings import BlockDamage, bigram_key, char_key, lookup_block
from .storage import Store

__all__ = ["Hits", "char_hits", "document_spans", "string_hits", "term_hits"]


@dataclass
class Hits:
    """Occurrences of one term: per document counts, and spans where the index knows them."""

    doc_keys: np.ndarray  # sorted unique doc_keys with at least one occurrence
    counts: np.ndarray  # occurrences per doc (aligned with doc_keys)
    # for strings found through the postings: per segment, the sorted start positions
    # (in the segment's position space) of every occurrence, and the string's length
    raw: dict[int, np.ndarray] | None = None
    length: int = 0

    @staticmethod
    def empty(length: int = 0) -> Hits:
        """No occurrence of a string of *length* characters."""
        z = np.zeros(0, dtype=np.int64)
        return Hits(z, z, {}, length)


def char_hits(store: Store, ch: str) -> Hits:
    """Documents that contain the character *ch*, with counts (no positions: ``raw`` is None)."""
    segs = store.segments()
    keys_l, counts_l = [], []
    for seg, blob in store.blocks(char_key(ch)).items():
        arr = lookup_block(blob, char_key(ch))
        if arr is None or seg not in segs:
            continue
        half = len(arr) // 2
        local = arr[:half].astype(np.int64)
        if half and int(local.max()) >= len(segs[seg].doc_keys):
            raise BlockDamage(f"segment {seg}: a posting names a document the segment does not hold")
        dk = segs[seg].doc_keys[local]
        live = dk >= 0
        keys_l.append(dk[live])
        counts_l.append(arr[half:].astype(np.int64)[live])
    if not keys_l:
        return Hits.empty()
    keys = np.concatenate(keys_l)
    counts = np.concatenate(counts_l)
    order = np.argsort(keys, kind="stable")
    return Hits(keys[order], counts[order])


def string_hits(store: Store, text: str) -> Hits:
    """Exact occurrences of a string of two or more characters, by bigram offset arithmetic."""
    n = len(text)
    offsets = list(range(0, n - 1, 2))
    if offsets[-1] != n - 2:
        offsets.append(n - 2)
    keys = [(k, bigram_key(text[k : k + 2])) for k in offsets]
    segs = store.segments()
    per_key: dict[int, dict[int, bytes]] = {}
    for _, key in keys:
        if key not in per_key:
            per_key[key] = store.blocks(key)
    keys_l, counts_l = [], []
    raw: dict[int, np.ndarray] = {}
    for seg_id, view in segs.items():
        arrays: list[tuple[int, np.ndarray]] = []
        for k, key in keys:
            blob = per_key[key].get(seg_id)
            arr = lookup_block(blob, key) if blob is not None else None
            if arr is None or len(arr) == 0:
                break
            arrays.append((k, arr))
        if len(arrays) < len(keys):  # a bigram missing from this segment
            continue
        cand = _starts(arrays)
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
        return Hits.empty(n)
    dk = np.concatenate(keys_l)
    counts = np.concatenate(counts_l)
    order = np.argsort(dk, kind="stable")
    return Hits(dk[order], counts[order], raw, n)


def _starts(arrays: list[tuple[int, np.ndarray]]) -> np.ndarray:
    """Positions ``p`` with ``p + k`` in ``arr`` for every ``(k, arr)`` of *arrays* (bigram positions at offset k)."""
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
    return cand


def term_hits(store: Store, text: str) -> Hits:
    """The hits of an exact string of any length from one character."""
    return char_hits(store, text) if len(text) == 1 else string_hits(store, text)


def document_spans(store: Store, hits: Hits, doc_key: int) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence in one document, from the positions in *hits* (``raw`` not None)."""
    assert hits.raw is not None, "a single character's hits have no positions"
    t = store.doc_table()
    r = int(t.rows(np.array([doc_key]))[0])
    seg, local = int(t.segs[r]), int(t.locals[r])
    cand = hits.raw.get(seg)
    if cand is None:
        return []
    view = store.segments()[seg]
    base = int(view.bases[local])
    a = int(np.searchsorted(cand, np.uint32(base)))
    b = int(np.searchsorted(cand, np.uint32(base + view.lengths[local])))
    starts = (cand[a:b].astype(np.int64) - base).tolist()
    return [(s, s + hits.length) for s in starts]
