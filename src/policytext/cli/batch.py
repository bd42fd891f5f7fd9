"""``policytext batch DIR --steps ... --out results/``: resumable runs over large corpora."""

from __future__ import annotations

import argparse
import contextlib
import sys

from ..batch.runner import STEPS
from ..errors import MissingExtraError
from ._common import jobs_argument


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="run steps over a large corpus, resumably, writing Parquet/CSV parts",
        description="Apply extractors and statistics document by document in bounded memory. Rerun the same "
        "command after an interruption to resume; finished chunks are skipped.",
    )
    p.add_argument("source", help="a directory of .txt files, or a .jsonl/.csv/.parquet file")
    p.add_argument("--steps", required=True, help=f"comma-separated steps: {', '.join(STEPS)} (or module:function)")
    p.add_argument("--out", required=True, help="output folder (new, or a previous run's to resume it)")
    p.add_argument("--jobs", type=jobs_argument, default=1, help="worker processes (default 1; -1: all cores)")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.add_argument("--chunk-size", type=int, default=200, help="documents per chunk (default 200)")
    p.add_argument(
        "--reuse-min-chars",
        type=int,
        metavar="N",
        help="with the step reuse: the shortest reused passage reported, in characters (default 20)",
    )
    p.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on Dask: a scheduler address, or 'local' for a LocalCluster with --jobs workers",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    reuse_options = {"min_chars": args.reuse_min_chars} if args.reuse_min_chars is not None else None
    if args.dask:
        from ..batch.dask_runner import run as dask_run

        try:
            import dask
            import distributed
        except ImportError:
            raise MissingExtraError("Dask batch runs", "dask", "dask[distributed]") from None

        with contextlib.ExitStack() as stack:
            if args.dask == "local":
                # Our own cluster, so our own setting: Dask's worker profiler samples every 10 ms and takes the GIL
                # from the steps (4-9% of the run time in benchmarks/batch.py, docs/batch.md).
                stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
                cluster = stack.enter_context(
                    distributed.LocalCluster(n_workers=args.jobs, threads_per_worker=1, dashboard_address=None)
                )
                client = stack.enter_context(distributed.Client(cluster))
            else:
                client = stack.enter_context(distributed.Client(args.dask))
            result = dask_run(
                args.source,
                steps,
                args.out,
                client=client,
                format=args.format,
                chunk_size=args.chunk_size,
                reuse_options=reuse_options,
            )
    else:
        from ..batch.runner import run as batch_run

        result = batch_run(
            args.source,
            steps,
            args.out,
            n_jobs=args.jobs,
            format=args.format,
            chunk_size=args.chunk_size,
            progress=sys.stderr.isatty(),
            reuse_options=reuse_options,
        )
    print(result.summary())
    if result.documents == 0:
        print(f"policytext: error: no documents in {args.source}", file=sys.stderr)
        return 1
    if result.errors:
        from ..batch.runner import read_results

        # errors count one row per document and step: compare the documents that failed, not the rows
        failed = read_results(args.out, "_errors")["doc_id"].nunique()
        if failed >= result.documents:
            print(
                f"policytext: error: every document of {args.source} failed ({failed}); see {args.out}/_errors",
                file=sys.stderr,
            )
            return 1
    return 0
