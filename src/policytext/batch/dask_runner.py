"""Batch runs on Dask: the same steps and the same output as :func:`policytext.batch.run`.

Needs the ``dask`` extra (``pip install 'policytext[dask]'``). The corpus is planned
into the same chunks as a single-machine run; each chunk becomes one element of a
Dask Bag, and the workers write the same part files into the output folder, so the
result is identical to a local run and a killed run resumes the same way.

Pointing it at a real cluster: start a scheduler and workers (``dask scheduler``,
``dask worker tcp://HOST:8786``, or any Dask deployment: Kubernetes, SLURM via
dask-jobqueue, …), make sure every worker has policytext installed and sees the
input and output folders at the same path (a shared filesystem such as NFS), and
pass ``client=distributed.Client("tcp://HOST:8786")``. Object stores (S3, GCS) are
not supported for input or output.

>>> from policytext.batch.dask_runner import run  # doctest: +SKIP
>>> run("corpus/", steps=["formulas"], out="results/", client=client)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Sequence
from typing import Any

from ..errors import InputError, MissingExtraError
from .runner import BatchResult, Step, chunk_steps, finish_reuse_step, jobs_to_do, process_chunk, start_run

__all__ = ["run"]


def run(
    source: Any,
    steps: Sequence[Step],
    out: str | os.PathLike[str],
    *,
    client: Any = None,
    format: str = "parquet",
    chunk_size: int = 200,
    max_chars: int = 5_000_000,
    reuse_options: dict[str, Any] | None = None,
) -> BatchResult:
    """Run *steps* over *source* on Dask and write the same output as :func:`policytext.batch.run`.

    *client* is a ``distributed.Client``; without one, Dask's default scheduler runs
    the chunks in local processes. A ``reuse`` step runs its candidate stage on the cluster too (with a
    client) and aligns in this process, as :func:`policytext.batch.run` does.
    """
    try:
        import dask.bag as db
    except ImportError:
        raise MissingExtraError("Dask batch runs", "dask", "dask[distributed]") from None
    steps, wants_reuse = chunk_steps(steps)
    if reuse_options is not None and not wants_reuse:
        raise InputError("reuse_options are given but steps has no 'reuse' step")
    names, out_path = start_run(
        steps, out, format, chunk_size, max_chars, True, (reuse_options or {}) if wants_reuse else None, source=source
    )

    result = BatchResult(out=out_path, findings={n: 0 for n in names})
    t0 = time.perf_counter()
    jobs = list(jobs_to_do(source, steps, names, out_path, format, chunk_size, max_chars, result))
    if jobs:
        bag = db.from_sequence(jobs, npartitions=len(jobs))
        mapped = bag.map(process_chunk)
        markers = client.compute(mapped).result() if client is not None else mapped.compute(scheduler="processes")
        for marker in markers:
            result.add(marker)
    if wants_reuse:
        finish_reuse_step(result, out_path, format, reuse_options, client=client)
    result.seconds = time.perf_counter() - t0
    if result.documents == 0:
        warnings.warn(f"dask run: no documents in {source!r}; nothing was processed", stacklevel=2)
    return result
