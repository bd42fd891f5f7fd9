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

>>> from policytext.dask import run  # doctest: +SKIP
>>> run("corpus/", steps=["formulas"], out="results/", client=client)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .batch import (
    RUN_FORMAT_VERSION,
    BatchResult,
    Step,
    _check_run_file,
    _ChunkJob,
    _finished_marker,
    _plan,
    _process_chunk,
    _resolve,
)
from .errors import InputError, MissingExtraError

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
) -> BatchResult:
    """Run *steps* over *source* on Dask and write the same output as :func:`policytext.batch.run`.

    *client* is a ``distributed.Client``; without one, Dask's default scheduler runs
    the chunks in local processes.
    """
    try:
        import dask.bag as db
    except ImportError:
        raise MissingExtraError("Dask batch runs", "dask", "dask[distributed]") from None
    if format not in ("parquet", "csv"):
        raise InputError(f"format must be 'parquet' or 'csv', not {format!r}")
    names = [_resolve(s)[0] for s in steps]
    if not names:
        raise InputError("steps is empty; name at least one step")
    out_path = Path(out)
    out_path.mkdir(parents=True, exist_ok=True)
    settings = {"version": RUN_FORMAT_VERSION, "steps": names, "format": format, "chunk_size": chunk_size,
                "max_chars": max_chars}
    _check_run_file(out_path, settings, resume=True)

    result = BatchResult(out=out_path, findings={n: 0 for n in names})
    t0 = time.perf_counter()
    jobs = []
    for index, (doc_ids, payload) in enumerate(_plan(source, chunk_size)):
        result.chunks += 1
        done = _finished_marker(out_path, names, index, doc_ids)
        if done is not None:
            result.add(done, processed=False)
            continue
        jobs.append(_ChunkJob(index=index, out=str(out_path), fmt=format, steps=list(steps), max_chars=max_chars,
                              **payload))
    if jobs:
        bag = db.from_sequence(jobs, npartitions=len(jobs))
        mapped = bag.map(_process_chunk)
        markers = client.compute(mapped).result() if client is not None else mapped.compute(scheduler="processes")
        for marker in markers:
            result.add(marker)
    result.seconds = time.perf_counter() - t0
    return result
