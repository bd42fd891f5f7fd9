"""Candidate pairs for text reuse: documents that share a window of similar character shingles.

Every document is cut into overlapping windows (:func:`~policytext.comparison.shingles.windows`); each window's
character shingles get a MinHash signature (datasketch, ``num_perm`` permutations from a fixed seed), and
datasketch's LSH index (``threshold``, the Jaccard similarity at which two windows are likely to share a band)
gives the pairs of windows, hence of documents, worth aligning. A copied passage shorter than a window shares
only part of it, so windows should be about twice the shortest passage sought (``find_reuse`` does that).

>>> sorted(candidate_pairs(["稳就业保民生促发展。" * 3, "今天天气很好。", "要稳就业保民生促发展。" * 2], window=20))
[(0, 2)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .extras import minhash_module
from .shingles import position_hashes, window_hashes, windows

__all__ = ["candidate_pairs"]


def _identity(x: Any) -> Any:
    return x


def candidate_pairs(
    texts: Sequence[str],
    n_first: int | None = None,
    *,
    window: int = 100,
    shingle: int = 5,
    num_perm: int = 128,
    threshold: float = 0.1,
    random_state: int = 0,
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)`` of positions in *texts*, ``i < j``, that share at least one LSH band of a window.

    With *n_first* given, only pairs between ``texts[:n_first]`` and ``texts[n_first:]`` are returned
    (``source`` against ``other``); otherwise every pair within *texts*.
    """
    ds = minhash_module()
    template = ds.MinHash(num_perm=num_perm, seed=random_state)
    lsh = ds.MinHashLSH(threshold=threshold, num_perm=num_perm)
    signatures: list[tuple[tuple[int, int], Any]] = []
    for i, text in enumerate(texts):
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
            lsh.insert((i, w), m)
            signatures.append(((i, w), m))
    pairs: set[tuple[int, int]] = set()
    for (i, _), m in signatures:
        for j, _ in lsh.query(m):
            if i == j:
                continue
            lo, hi = min(i, j), max(i, j)
            if n_first is None or (lo < n_first <= hi):
                pairs.add((lo, hi))
    return pairs
