"""Streaming, resumable runs over corpora larger than memory, on a local pool or on Dask.

:func:`run` applies steps to chunks of documents over worker processes and writes tidy
parts; :func:`run_dask` does the same on a Dask cluster (extra ``dask``).

>>> from policytext.batch import STEPS
>>> "formulas" in STEPS
True
"""

from __future__ import annotations

from .dask_runner import run as run_dask
from .runner import (
    STEPS,
    BatchResult,
    doc_keywords,
    doc_stats,
    read_results,
    remove_run,
    run,
)

__all__ = ["STEPS", "BatchResult", "doc_keywords", "doc_stats", "read_results", "remove_run", "run", "run_dask"]
