"""A warm pool of worker processes for :meth:`Segmenter.cut_many`.

Each worker receives the pickled Segmenter once (in its initializer) and keeps it,
with its built dictionary, for the life of the pool; the Segmenter keeps the pool
between calls, so only the first call pays the start-up. Works with the ``fork``,
``forkserver`` and ``spawn`` start methods: everything a worker needs is a
module-level function and a picklable Segmenter.

>>> from policytext.segment.pool import chunk_indices
>>> chunk_indices([5, 1, 1, 5], 2)
[[0, 1], [2, 3]]
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

__all__ = ["WorkerPool", "chunk_indices", "process_context"]

_WORKER_SEG: Any = None


def _init_worker(seg: Any) -> None:
    global _WORKER_SEG  # one per worker process, set once: the worker's own state
    _WORKER_SEG = seg
    seg._ensure_backend()


def _run_chunk(method: str, texts: list[str]) -> list[Any]:
    fn = getattr(_WORKER_SEG, method)
    return [fn(t) for t in texts]


def chunk_indices(sizes: Sequence[int], n_chunks: int) -> list[list[int]]:
    """Split positions ``0..len(sizes)-1`` into at most *n_chunks* consecutive runs of
    roughly equal total size."""
    n = len(sizes)
    if n == 0:
        return []
    n_chunks = max(1, min(n_chunks, n))
    total = float(sum(sizes)) or 1.0
    target = total / n_chunks
    chunks: list[list[int]] = [[]]
    acc = 0.0
    for i, s in enumerate(sizes):
        if chunks[-1] and acc >= target * len(chunks) and len(chunks) < n_chunks:
            chunks.append([])
        chunks[-1].append(i)
        acc += s
    return chunks


def process_context(start_method: str | None = None) -> Any:
    """The multiprocessing context of policytext's worker processes: *start_method*, else the environment's
    ``POLICYTEXT_START_METHOD``, else the platform's default.

    >>> process_context("spawn").get_start_method()
    'spawn'
    """
    method = start_method or os.environ.get("POLICYTEXT_START_METHOD") or None
    return mp.get_context(method) if method else mp.get_context()


class WorkerPool:
    """A process pool whose workers each hold one Segmenter."""

    def __init__(self, seg: Any, n_workers: int, start_method: str | None = None) -> None:
        ctx = process_context(start_method)
        self.n_workers = n_workers
        self.start_method = ctx.get_start_method()
        self._ex = ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_init_worker, initargs=(seg,))

    def map(self, method: str, texts: Sequence[str], progress: bool = False) -> list[Any]:
        """``[getattr(seg, method)(t) for t in texts]``, computed by the workers, in order."""
        sizes = [len(t) for t in texts]
        # several chunks per worker balance uneven documents and let progress advance
        n_chunks = min(len(texts), self.n_workers * 4)
        chunks = chunk_indices(sizes, n_chunks)
        futures = [self._ex.submit(_run_chunk, method, [texts[i] for i in idx]) for idx in chunks]
        out: list[Any] = [None] * len(texts)
        it: Iterable[Future[list[Any]]] = futures
        if progress:
            from .._util.progress import progress as _progress

            it = _progress(futures, total=len(futures), desc="segment")
        for idx, fut in zip(chunks, it):
            for i, r in zip(idx, fut.result()):
                out[i] = r
        return out

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)
