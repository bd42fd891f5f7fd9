"""Postings of one index segment: character bigram positions and character counts.

A *segment* is a batch of documents laid end to end in one position space, each
document starting at ``bases[i]`` with one empty slot between documents, so that a
chain of bigrams can never run from one document into the next. For every
character bigram the segment stores the sorted start positions of all its
occurrences; for every single character it stores the documents that contain it
with their counts. Postings are packed into *blocks* of consecutive keys (about
8 KB each; a frequent bigram gets a block of its own) that SQLite stores as BLOBs
keyed by ``(segment, last key in block)``, so a look-up is one B-tree probe and one
small read, and the number of rows stays tiny.

Keys: a character ``c`` has key ``ord(c)``; a bigram ``ab`` has key
``((ord(a) + 1) << 21) | ord(b)``, always above every character key.

>>> seg = build_segment(["抓党建促发展", "党建"])
>>> seg.bases.tolist(), seg.lengths.tolist()
([0, 7], [6, 2])
>>> seg.lookup(bigram_key("党建")).tolist()
[1, 7]
>>> seg.lookup(char_key("党")).tolist()  # documents 0 and 1, one occurrence each
[0, 1, 1, 1]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import struct

import numpy as np

__all__ = ["Segment", "build_segment", "bigram_key", "char_key", "lookup_block", "BLOCK_BYTES"]

BLOCK_BYTES = 8192
_MAX_CP = 0x110000
_U32 = struct.Struct("<I")
_U32x2 = struct.Struct("<II")


def char_key(ch: str) -> int:
    """The key of one character."""
    return ord(ch)


def bigram_key(pair: str) -> int:
    """The key of a two-character string."""
    return ((ord(pair[0]) + 1) << 21) | ord(pair[1])


@dataclass
class Segment:
    """Everything stored for one segment: document layout and posting blocks ``(last_key, blob)``."""

    bases: np.ndarray  # uint32 start of each document in the segment's position space
    lengths: np.ndarray  # uint32 length of each document
    blocks: list[tuple[int, bytes]]

    @property
    def n_chars(self) -> int:
        return int(self.lengths.sum())

    def lookup(self, key: int) -> np.ndarray | None:
        """The payload of *key* (as the index finds it: first block whose last key >= *key*)."""
        for last, blob in sorted(self.blocks):
            if last >= key:
                return lookup_block(blob, key)
        return None


def _codepoints(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    bases = np.zeros(len(texts), dtype=np.int64)
    if len(texts) > 1:
        bases[1:] = np.cumsum(lengths[:-1] + 1)
    joined = "\x00".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return cp, bases, lengths


def build_segment(texts: Sequence[str], block_bytes: int = BLOCK_BYTES) -> Segment:
    """Compute the posting blocks of *texts* (one segment)."""
    cp, bases, lengths = _codepoints(texts)
    total = len(cp)
    if total and int(bases[-1] + lengths[-1]) >= 2**32:
        raise ValueError("a segment cannot hold 2**32 characters or more")
    blocks: list[tuple[int, bytes]] = []
    if total == 0:
        return Segment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
    # dense character ids keep the sort keys small
    present = np.zeros(_MAX_CP, dtype=np.bool_)
    present[cp] = True
    chars = np.flatnonzero(present)
    nc = len(chars)
    lut = np.zeros(_MAX_CP, dtype=np.uint32)
    lut[chars] = np.arange(nc, dtype=np.uint32)
    dense = lut[cp]
    del lut, present
    gaps = bases[1:] - 1  # slots between documents

    # -- single characters: (char, doc) -> count
    in_doc = np.ones(total, dtype=np.bool_)
    in_doc[gaps] = False
    if not in_doc.any():
        return Segment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
    docno = np.repeat(np.arange(len(texts), dtype=np.uint32), lengths)
    ukeys = dense[in_doc].astype(np.uint64)
    del in_doc
    ukeys <<= np.uint64(32)
    ukeys |= docno
    del docno
    ukeys.sort()
    brk = np.flatnonzero(ukeys[1:] != ukeys[:-1]) + 1
    first = np.concatenate(([0], brk))
    counts = np.diff(np.concatenate((first, [len(ukeys)]))).astype(np.uint32)
    pairs = ukeys[first]
    del ukeys
    pchar = (pairs >> np.uint64(32)).astype(np.int64)
    pdoc = (pairs & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    # payload per character: its documents, then their counts
    cbrk = np.flatnonzero(pchar[1:] != pchar[:-1]) + 1
    cstart = np.concatenate(([0], cbrk))
    cend = np.concatenate((cbrk, [len(pchar)]))
    ckeys = chars[pchar[cstart]].astype(np.int64)
    n_per = cend - cstart
    payload = np.empty(2 * len(pchar), dtype=np.uint32)
    # interleave per character: docs[a:b] then counts[a:b]
    out_start = 2 * cstart
    idx = np.arange(len(pchar))
    grp = np.repeat(np.arange(len(cstart)), n_per)
    within = idx - cstart[grp]
    payload[out_start[grp] + within] = pdoc
    payload[out_start[grp] + n_per[grp] + within] = counts
    blocks.extend(_pack(ckeys, 2 * cstart, 2 * cend, payload, block_bytes))
    del payload, pdoc, counts, pchar, pairs

    # -- bigrams: key -> sorted positions
    valid = np.ones(total, dtype=np.bool_)
    if len(gaps):
        valid[gaps] = False
        valid[gaps - 1] = False
    valid = valid[:-1]
    comb = dense[:-1].astype(np.uint64)
    comb *= np.uint64(nc)
    comb += dense[1:]
    comb <<= np.uint64(32)
    comb |= np.arange(total - 1, dtype=np.uint64)
    comb = comb[valid]
    del valid, dense
    if len(comb) == 0:
        return Segment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
    comb.sort()
    positions = comb.astype(np.uint32)  # the low 32 bits
    comb >>= np.uint64(32)
    bid = comb
    del comb
    brk = np.flatnonzero(bid[1:] != bid[:-1]) + 1
    gstart = np.concatenate(([0], brk))
    gend = np.concatenate((brk, [len(bid)]))
    ub = bid[gstart]
    del bid
    c1 = chars[(ub // np.uint64(nc)).astype(np.int64)].astype(np.int64)
    c2 = chars[(ub % np.uint64(nc)).astype(np.int64)].astype(np.int64)
    gkeys = ((c1 + 1) << 21) | c2
    blocks.extend(_pack(gkeys, gstart, gend, positions, block_bytes))
    return Segment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)


def _pack(keys: np.ndarray, starts: np.ndarray, ends: np.ndarray, payload: np.ndarray,
          block_bytes: int) -> Iterator[tuple[int, bytes]]:
    """Group consecutive keys into blocks of about *block_bytes* bytes.

    Block layout (little-endian): ``n`` (uint32), ``0`` (uint32), ``keys`` (int64 × n),
    ``offsets`` (uint32 × n+1, in payload items), ``payload`` (uint32).
    """
    if len(keys) == 0:
        return
    sizes = (ends - starts) * 4
    cost = sizes + 12
    cum = np.cumsum(cost)
    window = (cum - cost) // block_bytes
    big = sizes >= block_bytes // 2
    new = np.ones(len(keys), dtype=np.bool_)
    new[1:] = (window[1:] != window[:-1]) | big[1:] | big[:-1]
    bstarts = np.flatnonzero(new)
    bends = np.concatenate((bstarts[1:], [len(keys)]))
    pbytes = payload.astype("<u4", copy=False).tobytes()
    keys = keys.astype("<i8", copy=False)
    for g0, g1 in zip(bstarts.tolist(), bends.tolist()):
        p0, p1 = int(starts[g0]), int(ends[g1 - 1])
        offs = (starts[g0:g1] - p0).astype("<u4")
        head = np.array([g1 - g0, 0], dtype="<u4").tobytes()
        blob = b"".join((head, keys[g0:g1].tobytes(), offs.tobytes(), np.array([p1 - p0], "<u4").tobytes(),
                         pbytes[4 * p0:4 * p1]))
        yield int(keys[g1 - 1]), blob


def lookup_block(blob: bytes | None, key: int) -> np.ndarray | None:
    """The uint32 payload stored for *key* in *blob*, or None."""
    if blob is None:
        return None
    n = _U32.unpack_from(blob, 0)[0]
    keys = np.frombuffer(blob, dtype="<i8", count=n, offset=8)
    i = int(keys.searchsorted(key))
    if i >= n or int(keys[i]) != key:
        return None
    off_at = 8 + 8 * n
    a, b = _U32x2.unpack_from(blob, off_at + 4 * i)
    return np.frombuffer(blob, dtype="<u4", count=b - a, offset=off_at + 4 * (n + 1) + 4 * a)
