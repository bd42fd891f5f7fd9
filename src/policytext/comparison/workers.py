"""Worker processes for :func:`~policytext.comparison.find_reuse` (``n_jobs``): blocks of work, results in order.

Both stages of text reuse split into independent blocks: the MinHash signatures of a run of documents, and the
alignment of a run of candidate pairs. :func:`run_blocks` computes ``fn(*args)`` for every block, in this process
when ``n_jobs == 1`` and in ``n_jobs`` worker processes otherwise, and returns the results in the order of the
blocks, so the output never depends on the number of processes.

>>> run_blocks(sum, [([1, 2],), ([3],)], n_jobs=1)
[3, 3]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from ..segment.pool import chunk_indices, process_context

__all__ = ["blocks_by_weight", "run_blocks"]

T = TypeVar("T")


def blocks_by_weight(weights: Sequence[int], n_blocks: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` ranges of ``range(len(weights))`` of about equal total weight.

    >>> blocks_by_weight([5, 1, 1, 1, 1, 1], 2)
    [(0, 1), (1, 6)]
    """
    return [(idx[0], idx[-1] + 1) for idx in chunk_indices(list(weights), n_blocks) if idx]


def run_blocks(fn: Callable[..., T], blocks: Sequence[tuple[Any, ...]], n_jobs: int) -> list[T]:
    """``[fn(*args) for args in blocks]``, in *n_jobs* worker processes when it is above 1 (order kept).

    *fn* must be a module-level function (it is sent to the workers by name). The start method is the
    platform's default, or ``POLICYTEXT_START_METHOD`` (as for the segmentation pool).
    """
    if n_jobs <= 1 or len(blocks) <= 1:
        return [fn(*args) for args in blocks]
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(blocks)), mp_context=process_context()) as ex:
        futures = [ex.submit(fn, *args) for args in blocks]
        return [f.result() for f in futures]
