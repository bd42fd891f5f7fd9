"""Candidate pairs for text reuse: documents that share a window of similar character shingles.

Every document is cut into overlapping windows (:func:`~policytext.comparison.shingles.windows`); each window's
character shingles get a MinHash signature (datasketch, ``num_perm`` permutations from a fixed seed), and
datasketch's LSH index (``threshold``, the Jaccard similarity at which two windows are likely to share a band)
gives the pairs of windows, hence of documents, worth aligning. A copied passage shorter than a window shares
only part of it, so windows should be about twice the shortest passage sought (``find_reuse`` does that).
The same stage runs on a Dask cluster in :mod:`.dask_candidates`, with the same signatures and bands.

>>> sorted(candidate_pairs(["稳就业保民生促发展。" * 3, "今天天气很好。", "要稳就业保民生促发展。" * 2], window=20))
[(0, 2)]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .._util.jobs import resolve_jobs
from .extras import minhash_module
from .shingles import position_hashes, window_hashes, windows
from .workers import blocks_by_weight, run_blocks

__all__ = ["band_ranges", "candidate_pairs", "keep_pair", "window_signatures"]


def _identity(x: Any) -> Any:
    return x


def window_signatures(
    texts: Sequence[tuple[int, str]],
    *,
    window: int,
    shingle: int,
    num_perm: int,
    random_state: int,
) -> Iterator[tuple[tuple[int, int], Any]]:
    """``((doc, window number), MinHash)`` for every window of every ``(doc, text)`` in *texts* that holds a
    shingle; the same signatures wherever they are computed (fixed permutations, CRC-32 shingle hashes).

    >>> [key for key, _ in window_signatures([(5, "推动高质量发展" * 8)], window=40, shingle=5, num_perm=16,
    ...                                       random_state=0)]
    [(5, 0), (5, 1)]
    """
    ds = minhash_module()
    template = ds.MinHash(num_perm=num_perm, seed=random_state)
    for i, text in texts:
        positions = position_hashes(text, shingle)
        for w, (s, e) in enumerate(windows(len(text), window)):
            hashes = window_hashes(positions, s, e, shingle)
            if hashes.size == 0:
                continue
            m = ds.MinHash(
                num_perm=num_perm,
                seed=random_state,
                hashfunc=_identity,
                permutations=template.permutations,
                scheme=template.scheme,
            )
            m.update_batch(hashes)
            yield (i, w), m


def _signature_values(
    texts: Sequence[tuple[int, str]], window: int, shingle: int, num_perm: int, random_state: int
) -> list[tuple[tuple[int, int], Any]]:
    """``(key, hash values)`` of :func:`window_signatures` (a worker's block: arrays, not MinHash objects)."""
    return [
        (key, m.hashvalues)
        for key, m in window_signatures(
            texts, window=window, shingle=shingle, num_perm=num_perm, random_state=random_state
        )
    ]


def band_ranges(num_perm: int, threshold: float) -> list[tuple[int, int]]:
    """The bands datasketch's ``MinHashLSH(threshold, num_perm)`` cuts a signature into: ``(start, end)``.

    >>> len(band_ranges(128, 0.1))
    64
    """
    lsh = minhash_module().MinHashLSH(threshold=threshold, num_perm=num_perm)
    return [(int(s), int(e)) for s, e in lsh.hashranges]


def keep_pair(i: int, j: int, n_first: int | None) -> tuple[int, int] | None:
    """``(lo, hi)`` of two documents if the pair is sought (two documents; across the split when *n_first*)."""
    if i == j:
        return None
    lo, hi = min(i, j), max(i, j)
    if n_first is None or lo < n_first <= hi:
        return lo, hi
    return None


def candidate_pairs(
    texts: Sequence[str],
    n_first: int | None = None,
    *,
    window: int = 100,
    shingle: int = 5,
    num_perm: int = 128,
    threshold: float = 0.1,
    random_state: int = 0,
    n_jobs: int = 1,
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` of positions in *texts*, ``i < j``, that share at least one LSH band of a window.

    With *n_first* given, only pairs between ``texts[:n_first]`` and ``texts[n_first:]`` are returned
    (``source`` against ``other``); otherwise every pair within *texts*. With ``n_jobs > 1`` the signatures
    (the costly part) are computed in that many worker processes, runs of documents each; the pairs are the same.
    """
    n_jobs = resolve_jobs(n_jobs)
    ds = minhash_module()
    lsh = ds.MinHashLSH(threshold=threshold, num_perm=num_perm)
    items = list(enumerate(texts))
    if n_jobs <= 1:
        signatures = list(
            window_signatures(items, window=window, shingle=shingle, num_perm=num_perm, random_state=random_state)
        )
    else:
        options = (window, shingle, num_perm, random_state)
        blocks = [(items[a:b], *options) for a, b in blocks_by_weight([len(t) for t in texts], 4 * n_jobs)]
        scheme = ds.MinHash(num_perm=num_perm, seed=random_state).scheme
        signatures = [
            (key, ds.LeanMinHash(seed=random_state, hashvalues=values, scheme=scheme))
            for block in run_blocks(_signature_values, blocks, n_jobs)
            for key, values in block
        ]
    for key, m in signatures:
        lsh.insert(key, m)
    pairs: set[tuple[int, int]] = set()
    for (i, _), m in signatures:
        for j, _ in lsh.query(m):
            pair = keep_pair(i, j, n_first)
            if pair is not None:
                pairs.add(pair)
    return pairs
