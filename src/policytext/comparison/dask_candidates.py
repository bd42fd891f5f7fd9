"""The candidate stage of ``find_reuse`` on a Dask cluster: the same pairs as :func:`.candidates.candidate_pairs`.

Workers compute the windows' MinHash signatures (the costly part) for their share of the documents and cut each
into the bands datasketch's LSH index would use (:func:`.candidates.band_ranges`); a fold by band value gathers
the documents of each bucket, and every two documents of a bucket are a candidate pair. Two windows share a
bucket exactly when datasketch's ``MinHashLSH.query`` would return one for the other, so the pairs are the local
run's. Needs the ``dask`` extra (``dask[distributed]``) and, on every worker, policytext with the ``compare`` extra.

>>> import distributed  # doctest: +SKIP
>>> with distributed.Client(processes=False) as client:  # doctest: +SKIP
...     dask_candidate_pairs(["稳就业保民生促发展。" * 3, "要稳就业保民生促发展。" * 2], client=client, window=20)
{(0, 1)}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from ..errors import InputError, MissingExtraError
from .candidates import band_ranges, keep_pair, window_signatures

__all__ = ["dask_candidate_pairs"]

_Bucket = tuple[int, bytes]


def _bucket_entries(
    part: Iterable[tuple[int, str]],
    window: int,
    shingle: int,
    num_perm: int,
    random_state: int,
    ranges: Sequence[tuple[int, int]],
) -> list[tuple[_Bucket, int]]:
    """``((band, band value), doc)`` for every band of every window of the documents of one partition."""
    seen: set[tuple[_Bucket, int]] = set()
    for (i, _), m in window_signatures(
        list(part), window=window, shingle=shingle, num_perm=num_perm, random_state=random_state
    ):
        hv = m.hashvalues
        for b, (s, e) in enumerate(ranges):
            seen.add(((b, hv[s:e].tobytes()), i))
    return sorted(seen)


def _add(acc: frozenset[int], entry: tuple[_Bucket, int]) -> frozenset[int]:
    return acc | {entry[1]}


def _union(x: frozenset[int], y: frozenset[int]) -> frozenset[int]:
    return x | y


def _bucket_pairs(bucket: tuple[_Bucket, frozenset[int]], n_first: int | None) -> list[tuple[int, int]]:
    out = []
    for i, j in combinations(sorted(bucket[1]), 2):
        pair = keep_pair(i, j, n_first)
        if pair is not None:
            out.append(pair)
    return out


def dask_candidate_pairs(
    texts: Sequence[str],
    n_first: int | None = None,
    *,
    client: Any,
    window: int = 100,
    shingle: int = 5,
    num_perm: int = 128,
    threshold: float = 0.1,
    random_state: int = 0,
    npartitions: int | None = None,
) -> set[tuple[int, int]]:
    """:func:`~policytext.comparison.candidates.candidate_pairs` computed on the Dask cluster of *client*
    (a ``distributed.Client``): the same pairs, the signatures and buckets computed by its workers.

    *npartitions* is how many pieces the documents are cut into (default: about 50 documents each, at least
    one per worker thread).
    """
    try:
        import dask.bag as db
    except ImportError:
        raise MissingExtraError("the Dask candidate stage of find_reuse", "dask", "dask[distributed]") from None
    if client is None or not hasattr(client, "compute"):
        raise InputError(f"client must be a distributed.Client, got {type(client).__name__}")
    if not texts:
        return set()
    ranges = band_ranges(num_perm, threshold)
    if npartitions is None:
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # a client without workers' information: one partition per 50 documents
            threads = 1
        npartitions = max(threads, len(texts) // 50 + 1)
    npartitions = max(1, min(npartitions, len(texts)))
    entries = db.from_sequence(list(enumerate(texts)), npartitions=npartitions).map_partitions(
        _bucket_entries, window, shingle, num_perm, random_state, ranges
    )
    buckets = entries.foldby(lambda entry: entry[0], _add, frozenset(), _union, frozenset(), split_every=8)
    pairs = buckets.filter(lambda kv: len(kv[1]) > 1).map(_bucket_pairs, n_first).flatten().distinct()
    return {tuple(p) for p in client.compute(pairs).result()}
