"""Batch throughput over a large corpus made by repeating ../shared/corpus under distinct ids.

Prints MB/s for ``batch.run`` with n_jobs=1 and 2 and for Dask on a 2-worker
LocalCluster, against plain ``jieba.lcut`` over the same text in the same run, and the
batch overhead: batch time over the time of the same steps applied in memory to the
same documents (segmentation and extraction themselves), minus one.

    python benchmarks/batch.py --size-mb 1000 --steps formulas,keywords   # the 1 GB run
    python benchmarks/batch.py --size-mb 50                                # a quick look
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import jieba

from policytext import batch
from policytext.batch import _resolve
from policytext.document import Corpus


def make_corpus(src: Path, dst: Path, size_mb: float) -> tuple[int, float]:
    files = sorted(src.glob("**/*.txt"))
    per_copy = sum(f.stat().st_size for f in files) / 1e6
    copies = max(1, round(size_mb / per_copy))
    for c in range(copies):
        for f in files:
            target = dst / f"copy{c:04d}" / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(f.resolve())
    return copies, copies * per_copy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--size-mb", type=float, default=1000.0)
    ap.add_argument("--steps", default="formulas,keywords")
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    steps = args.steps.split(",")
    src = Path(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="policytext-batch-bench-"))
    try:
        copies, mb = make_corpus(src, work / "in", args.size_mb)
        print(f"input: {copies} copies of {src} = {mb:.0f} MB on disk; steps: {', '.join(steps)}")

        base = Corpus.from_dir(src)
        texts = base.texts
        t0 = time.perf_counter()
        tk = jieba.Tokenizer()
        tk.initialize()
        for t in texts:
            tk.lcut(t)
        t_jieba = time.perf_counter() - t0
        base_mb = sum(len(t.encode()) for t in texts) / 1e6
        print(f"plain jieba.lcut over one copy: {base_mb / t_jieba:.2f} MB/s")

        fns = [_resolve(s)[1] for s in steps]
        t0 = time.perf_counter()
        for d in base:
            for fn in fns:
                fn(d)
        t_steps = time.perf_counter() - t0
        print(f"steps in memory over one copy (read excluded): {base_mb / t_steps:.2f} MB/s")

        rows = []
        for label, kwargs in (("batch n_jobs=1", {"n_jobs": 1}), ("batch n_jobs=2", {"n_jobs": 2})):
            out = work / label.replace(" ", "_")
            t0 = time.perf_counter()
            r = batch.run(work / "in", steps, out, **kwargs)
            dt = time.perf_counter() - t0
            rows.append((label, dt, r))
        if not args.no_dask:
            try:
                import distributed

                from policytext.dask import run as dask_run

                with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cl:
                    with distributed.Client(cl) as client:
                        t0 = time.perf_counter()
                        r = dask_run(work / "in", steps, work / "dask", client=client)
                        rows.append(("dask 2 workers", time.perf_counter() - t0, r))
            except ImportError:
                print("dask: not installed (pip install 'policytext[dask]'), skipped")
        expected_single = t_steps * copies
        print(f"\n{'run':<18}{'seconds':>9}{'MB/s':>8}{'x jieba':>9}{'overhead':>10}")
        for label, dt, r in rows:
            workers = 1 if label.endswith("=1") else 2
            overhead = dt * workers / expected_single - 1
            print(f"{label:<18}{dt:>9.1f}{mb / dt:>8.2f}{(mb / dt) / (base_mb / t_jieba):>9.2f}{overhead:>+10.1%}")
        print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
              f"(workers: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB max)")
        print("overhead = batch time x workers / (steps in memory x copies) - 1 (aim: under 10%)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
