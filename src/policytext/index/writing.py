"""Adding and removing documents: batches of posting segments, replacement by ``doc_id``, tiered merging.

Documents are read one at a time and written in posting segments of about
``segment_chars`` characters (:data:`DEFAULT_SEGMENT_CHARS` unless the index says
otherwise), so that a generator over a corpus larger than memory can be indexed.
A removed or replaced document leaves its postings behind until its segment is
rebuilt; after every change :func:`merge_segments` rebuilds segments that are mostly
removed documents and merges :data:`MERGE_FACTOR` small segments of similar size
into one, so that a query reads few segments. Each function here is one write
transaction of the :class:`~policytext.index.storage.Store`.

>>> store = Store(":memory:")
>>> add_documents(store, ["抓党建促发展。", "党建"], segment_chars=DEFAULT_SEGMENT_CHARS)
2
>>> remove_documents(store, ["1"], segment_chars=DEFAULT_SEGMENT_CHARS), store.doc_ids()
(1, ['0'])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from ..corpus.document import Document
from ..errors import InputError
from .postings import build_segment
from .storage import Store

__all__ = [
    "DEFAULT_SEGMENT_CHARS",
    "MERGE_FACTOR",
    "TIER_BASE",
    "add_documents",
    "merge_segments",
    "optimize_segments",
    "remove_documents",
]

DEFAULT_SEGMENT_CHARS = 4_000_000
MERGE_FACTOR = 8
TIER_BASE = 65_536


def add_documents(
    store: Store,
    documents: Iterable[Document | str],
    *,
    segment_chars: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add *documents* in one transaction, in posting segments of about *segment_chars* characters.

    A document whose ``doc_id`` is already stored replaces it (keeping its place in
    corpus order); a plain string gets ``doc_id`` = its position in *documents*.
    *progress*, if given, is called as ``progress(documents_done, chars_done)`` after
    each segment is written. Returns the number of documents read.
    """
    n_done = 0
    chars_done = 0
    with store.write():
        next_ord = store.next_ord()
        batch: list[Document] = []
        batch_chars = 0
        for i, item in enumerate(documents):
            if isinstance(item, str):
                item = Document(str(i), item, {})
            if not isinstance(item, Document):
                raise InputError(f"documents[{i}] is {type(item).__name__}; expected a Document or str")
            if not isinstance(item.text, str):
                raise InputError(f"document {item.doc_id!r}: text is {type(item.text).__name__}, not str")
            if not item.text.strip():
                # nothing to find in it; an empty document in the index only skews counts per document
                raise InputError(f"documents[{i}] ({item.doc_id!r}): empty document (no text); leave it out")
            batch.append(item)
            batch_chars += len(item.text)
            if batch_chars >= segment_chars:
                next_ord = _write_segment(store, batch, next_ord)
                n_done += len(batch)
                chars_done += batch_chars
                batch, batch_chars = [], 0
                if progress is not None:
                    progress(n_done, chars_done)
        if batch:
            next_ord = _write_segment(store, batch, next_ord)
            n_done += len(batch)
            chars_done += batch_chars
            if progress is not None:
                progress(n_done, chars_done)
        merge_segments(store, segment_chars=segment_chars)
    return n_done


def _write_segment(store: Store, batch: list[Document], next_ord: int) -> int:
    """Store *batch* as one new posting segment; returns the next free corpus-order number."""
    # a doc_id repeated inside the batch: the last one wins
    last: dict[str, int] = {}
    for i, d in enumerate(batch):
        last[d.doc_id] = i
    docs = [d for i, d in enumerate(batch) if last[d.doc_id] == i]
    seg_id = store.insert_segment(build_segment([d.text for d in docs]))
    for local, d in enumerate(docs):
        old = store.find(d.doc_id)
        if old is not None:
            store.delete_document(old[0])
            ord_ = old[1]
        else:
            ord_ = next_ord
            next_ord += 1
        store.insert_document(d, seg=seg_id, local=local, ord_=ord_)
    return next_ord


def remove_documents(store: Store, doc_ids: Sequence[str], *, segment_chars: int, missing_ok: bool = False) -> int:
    """Remove documents by ``doc_id`` in one transaction; returns how many were removed.

    An unknown ``doc_id`` raises :class:`InputError` unless ``missing_ok=True``.
    """
    removed = 0
    with store.write():
        for doc_id in doc_ids:
            row = store.find(doc_id)
            if row is None:
                if missing_ok:
                    continue
                raise InputError(f"{store.path}: no document with doc_id {doc_id!r}")
            store.delete_document(row[0])
            removed += 1
        merge_segments(store, segment_chars=segment_chars)
    return removed


def merge_segments(store: Store, *, segment_chars: int, force: bool = False) -> None:
    """Tiered merging: rebuild segments that are mostly removed documents, and
    merge ``MERGE_FACTOR`` small segments of similar size into one (inside a write).

    ``force=True`` also merges all segments under half of *segment_chars* once and rebuilds every segment that
    still holds removed documents' postings.
    """
    while True:
        stats = store.segment_stats()
        empty = [s for s, n, live, docs in stats if docs == 0]
        for s in empty:
            store.drop_segment(s)
        stats = [t for t in stats if t[3] > 0]
        sparse = [s for s, n, live, _ in stats if live < n / 2]
        if sparse:
            _rebuild(store, sparse, segment_chars)
            continue
        small = [(s, live) for s, n, live, _ in stats if live < segment_chars / 2]
        holding_removed = [s for s, n, live, _ in stats if live < n]
        if force and (len(small) > 1 or holding_removed):
            # all small segments merged, and every segment that holds removed documents' postings rebuilt
            targets = sorted({s for s, _ in small} if len(small) > 1 else set()) + holding_removed
            _rebuild(store, sorted(set(targets)), segment_chars)
            force = False
            continue
        tiers: dict[int, list[int]] = {}
        for s, live in small:
            tier = 0 if live < TIER_BASE else int(math.log(live / TIER_BASE, MERGE_FACTOR)) + 1
            tiers.setdefault(tier, []).append(s)
        full = [segs for _, segs in sorted(tiers.items()) if len(segs) >= MERGE_FACTOR]
        if not full:
            return
        _rebuild(store, full[0], segment_chars)


def _rebuild(store: Store, seg_ids: list[int], segment_chars: int) -> None:
    """Re-index the live documents of *seg_ids* into new segments, then drop the old ones."""
    docs = store.segment_documents(seg_ids)
    chunks: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for doc_key, n in docs:
        cur.append(doc_key)
        size += n
        if size >= segment_chars:
            chunks.append(cur)
            cur, size = [], 0
    if cur:
        chunks.append(cur)
    for s in seg_ids:  # drop first so ids can be reused and the new segments come after
        store.drop_segment(s)
    for chunk in chunks:
        texts = [store.text(k) for k in chunk]
        seg_id = store.insert_segment(build_segment(texts))
        store.move_documents(seg_id, chunk)


def optimize_segments(store: Store, *, segment_chars: int, vacuum: bool = False) -> None:
    """Merge all small segments and drop removed documents' postings; ``vacuum=True``
    also compacts the file."""
    with store.write():
        merge_segments(store, segment_chars=segment_chars, force=True)
    if vacuum:
        store.vacuum()
