"""Building one posting segment: character bigram positions and character counts.

A *posting segment* is a batch of documents laid end to end in one position space, each
document starting at ``bases[i]`` with one empty slot between documents, so that a
chain of bigrams can never run from one document into the next. For every
character bigram the posting segment stores the sorted start positions of all its
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

import struct
import sys
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["BLOCK_BYTES", "BlockDamage", "PostingSegment", "bigram_key", "build_segment", "char_key", "lookup_block"]

BLOCK_BYTES = 8192
if sys.byteorder != "little":  # pragma: no cover - blocks are little-endian; memoryview casts are native
    raise ImportError("policytext.index.postings needs a little-endian machine")
_MAX_CP = 0x110000
_U32 = struct.Struct("<I")
_U32x2 = struct.Struct("<II")
_HEAD = struct.Struct("<IIq")


def char_key(ch: str) -> int:
    """The key of one character."""
    return ord(ch)


def bigram_key(pair: str) -> int:
    """The key of a two-character string."""
    return ((ord(pair[0]) + 1) << 21) | ord(pair[1])


@dataclass
class PostingSegment:
    """Everything stored for one posting segment: document layout and posting blocks ``(last_key, blob)``."""

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


def build_segment(texts: Sequence[str], block_bytes: int = BLOCK_BYTES) -> PostingSegment:
    """Compute the posting blocks of *texts* (one posting segment)."""
    cp, bases, lengths = _codepoints(texts)
    total = len(cp)
    if total and int(bases[-1] + lengths[-1]) >= 2**32:
        raise ValueError("a segment cannot hold 2**32 characters or more")
    blocks: list[tuple[int, bytes]] = []
    if total == 0:
        return PostingSegment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
    # dense character ids keep the sort keys small
    present = np.zeros(_MAX_CP, dtype=np.bool_)
    present[cp] = True
    chars = np.flatnonzero(present)
    nc = len(chars)
    lut = np.zeros(_MAX_CP, dtype=np.uint32)
    lut[chars] = np.arange(nc, dtype=np.uint32)
    dense = lut[cp]
    del lut, present, cp  # the code points (and the joined text) are no longer needed
    gaps = bases[1:] - 1  # slots between documents

    # -- single characters: (char, doc) -> count
    in_doc = np.ones(total, dtype=np.bool_)
    in_doc[gaps] = False
    if not in_doc.any():
        return PostingSegment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
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
    zero = np.zeros(len(ckeys) + 1, dtype=np.int64)
    blocks.extend(
        _pack(ckeys, np.concatenate((2 * cstart, [2 * len(pchar)])), payload, zero, np.zeros(0, np.uint16), block_bytes)
    )
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
    del dense
    comb <<= np.uint64(32)
    for a in range(0, total - 1, 1 << 22):  # add the positions without a full-size temporary
        b = min(a + (1 << 22), total - 1)
        comb[a:b] |= np.arange(a, b, dtype=np.uint64)
    comb = comb[valid]
    del valid
    if len(comb) == 0:
        return PostingSegment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)
    comb.sort()
    positions = comb.astype(np.uint32)  # the low 32 bits
    comb >>= np.uint64(32)
    bid = comb
    del comb
    brk = np.flatnonzero(bid[1:] != bid[:-1]) + 1
    gstart = np.concatenate(([0], brk))
    gend = np.concatenate((brk, [len(bid)]))
    ub = bid[gstart]
    del bid, brk
    c1 = chars[(ub // np.uint64(nc)).astype(np.int64)].astype(np.int64)
    c2 = chars[(ub % np.uint64(nc)).astype(np.int64)].astype(np.int64)
    gkeys = ((c1 + 1) << 21) | c2
    del c1, c2, ub
    # positions as differences: the first position of each bigram and every difference of
    # 65535 or more in region A (uint32), all differences in region B (uint16, 65535 = "see A")
    counts = gend - gstart
    delta = np.empty(len(positions), dtype=np.uint32)  # wraps at a bigram's first position: unused there
    delta[0] = 0
    np.subtract(positions[1:], positions[:-1], out=delta[1:])
    is_first = np.zeros(len(positions), dtype=np.bool_)
    is_first[gstart] = True
    exc = delta >= 65535
    exc &= ~is_first
    in_a = is_first | exc
    n_a = 1 + np.add.reduceat(exc, gstart, dtype=np.int64)
    del exc
    np.copyto(delta, positions, where=is_first)
    del positions
    region_a = delta[in_a]
    del in_a
    np.minimum(delta, 65535, out=delta)
    region_b = delta.astype(np.uint16)[~is_first]
    del delta, is_first
    a_off = np.zeros(len(gkeys) + 1, dtype=np.int64)
    np.cumsum(n_a, out=a_off[1:])
    b_off = np.zeros(len(gkeys) + 1, dtype=np.int64)
    np.cumsum(counts - 1, out=b_off[1:])
    blocks.extend(_pack(gkeys, a_off, region_a, b_off, region_b, block_bytes))
    return PostingSegment(bases.astype(np.uint32), lengths.astype(np.uint32), blocks)


def _pack(
    keys: np.ndarray, a_off: np.ndarray, region_a: np.ndarray, b_off: np.ndarray, region_b: np.ndarray, block_bytes: int
) -> Iterator[tuple[int, bytes]]:
    """Group consecutive keys into blocks of about *block_bytes* bytes.

    Key ``i`` owns ``region_a[a_off[i]:a_off[i+1]]`` (uint32) and
    ``region_b[b_off[i]:b_off[i+1]]`` (uint16). Without B, A holds the values; with B,
    A holds the first value and then each difference that did not fit in 16 bits,
    and B every difference (65535 meaning "the next one from A"). Block layout (little-endian): ``n``, ``flags`` (uint32
    each); ``base_key`` (int64); keys as uint32 differences from ``base_key``
    (flags bit 0 clear) or as int64 (bit 0 set); ``a_off`` and ``b_off`` relative to
    the block (uint32 × n+1 each); region A (uint32); region B (uint16).
    """
    if len(keys) == 0:
        return
    sizes = np.diff(a_off) * 4 + np.diff(b_off) * 2
    cost = sizes + 12
    cum = np.cumsum(cost)
    window = (cum - cost) // block_bytes
    big = sizes >= block_bytes // 2
    new = np.ones(len(keys), dtype=np.bool_)
    new[1:] = (window[1:] != window[:-1]) | big[1:] | big[:-1]
    bstarts = np.flatnonzero(new)
    bends = np.concatenate((bstarts[1:], [len(keys)]))
    abytes = region_a.astype("<u4", copy=False).tobytes()
    bbytes = region_b.astype("<u2", copy=False).tobytes()
    keys = keys.astype("<i8", copy=False)
    for g0, g1 in zip(bstarts.tolist(), bends.tolist(), strict=False):
        base = int(keys[g0])
        span = int(keys[g1 - 1]) - base
        if span < 2**32:
            flags, kbytes = 0, (keys[g0:g1] - base).astype("<u4").tobytes()
        else:
            flags, kbytes = 1, keys[g0:g1].tobytes()
        a0, a1 = int(a_off[g0]), int(a_off[g1])
        b0, b1 = int(b_off[g0]), int(b_off[g1])
        head = _HEAD.pack(g1 - g0, flags, base)
        blob = b"".join(
            (
                head,
                kbytes,
                (a_off[g0 : g1 + 1] - a0).astype("<u4").tobytes(),
                (b_off[g0 : g1 + 1] - b0).astype("<u4").tobytes(),
                abytes[4 * a0 : 4 * a1],
                bbytes[2 * b0 : 2 * b1],
            )
        )
        yield int(keys[g1 - 1]), blob


class BlockDamage(ValueError):
    """A posting block that cannot be read as one (its bytes were changed); the store names the file."""


def lookup_block(blob: bytes | None, key: int) -> np.ndarray | None:
    """The uint32 values stored for *key* in *blob* (positions or a character's payload), or None.

    Raises :class:`BlockDamage` when the block's own sizes do not fit its bytes."""
    if blob is None:
        return None
    try:
        return _lookup_block(blob, key)
    except (struct.error, ValueError, IndexError, TypeError) as e:
        raise BlockDamage(f"a posting block cannot be read ({e})") from None


def _lookup_block(blob: bytes, key: int) -> np.ndarray | None:
    n, flags, base = _HEAD.unpack_from(blob, 0)
    at = _HEAD.size
    if flags & 1:
        keys = memoryview(blob)[at : at + 8 * n].cast("q")
        i = bisect_left(keys, key)
        if i >= n or keys[i] != key:
            return None
        at += 8 * n
    else:
        rel = key - base
        if rel < 0 or rel >= 2**32:
            return None
        keys = memoryview(blob)[at : at + 4 * n].cast("I")
        i = bisect_left(keys, rel)
        if i >= n or keys[i] != rel:
            return None
        at += 4 * n
    a0, a1 = _U32x2.unpack_from(blob, at + 4 * i)
    a_total = _U32.unpack_from(blob, at + 4 * n)[0]
    at_b = at + 4 * (n + 1)
    b0, b1 = _U32x2.unpack_from(blob, at_b + 4 * i)
    region_a = at_b + 4 * (n + 1)
    a = np.frombuffer(blob, dtype="<u4", count=a1 - a0, offset=region_a + 4 * a0)
    if b1 == b0:
        return a
    region_b = region_a + 4 * a_total
    deltas = np.frombuffer(blob, dtype="<u2", count=b1 - b0, offset=region_b + 2 * b0).astype(np.uint32)
    if a1 - a0 > 1:
        deltas[deltas == 65535] = a[1:]
    out = np.empty(1 + b1 - b0, dtype=np.uint32)
    out[0] = a[0]
    np.cumsum(deltas, dtype=np.uint32, out=out[1:])
    out[1:] += a[0]
    return out
