"""Batch throughput, memory and correctness over a large corpus made by repeating ../shared/corpus.

The corpus is repeated under distinct ids (``copy0000/…``, ``copy0001/…``) with its
curated metadata sidecar, by symlink, up to ``--size-mb``. For each run (``batch.run``
with n_jobs=1 and 2, Dask on a 2-worker LocalCluster, with and without its worker profiler) it prints MB/s, the ratio to
plain ``jieba.lcut`` over the same text in the same run, the batch overhead, and the
peak memory of the run's whole process tree (each run is a fresh interpreter, its
workers included, sampled from /proc).
Then it checks that every copy's rows equal the in-memory API's rows on the
original corpus, step by step.

overhead = batch time / expected - 1, where "expected" is the time of the same step
functions applied to already-read documents (segmentation and extraction themselves)
at the same parallelism: one process over one copy, times the copies; for two
workers, two processes side by side over one copy each, times half the copies
(two busy cores do not give twice one core's speed on a shared VM, and that is not
the batch's doing). The batch time also includes reading and cleaning every file,
which the in-memory baseline leaves out.

    python benchmarks/batch.py --size-mb 1000                    # the 1 GB run (about an hour on 2 cores)
    python benchmarks/batch.py --size-mb 1000 --runs 2           # only n_jobs=2
    python benchmarks/batch.py --size-mb 50                      # a quick look
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jieba
import pandas as pd

from policytext._util.files import iter_json_lines
from policytext.batch.runner import _resolve, read_results
from policytext.corpus.corpus import Corpus


def make_corpus(src: Path, dst: Path, size_mb: float) -> tuple[int, float]:
    """Symlink *src* into *dst* as enough copies to reach *size_mb*, with a metadata sidecar."""
    files = sorted(src.glob("**/*.txt"))
    per_copy = sum(f.stat().st_size for f in files) / 1e6
    copies = max(1, round(size_mb / per_copy))
    manifest_file = src / "manifest.jsonl"
    manifest = (
        [rec for _, rec in iter_json_lines(manifest_file.read_text(encoding="utf-8"), str(manifest_file))]
        if manifest_file.exists()
        else []
    )
    sidecar = []
    for c in range(copies):
        for f in files:
            target = dst / f"copy{c:04d}" / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(f.resolve())
        sidecar += [{**m, "path": f"copy{c:04d}/{m['path']}"} for m in manifest]
    if sidecar:
        (dst / "manifest.jsonl").write_text(
            "\n".join(json.dumps(m, ensure_ascii=False) for m in sidecar), encoding="utf-8"
        )
    return copies, copies * per_copy


def _descendants(root: int) -> list[int]:
    """*root* and every process below it, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    parent = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss_mb(pid: int) -> float:
    """Proportional set size: resident memory with pages shared between processes split among them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


RUNNER = """
import json, sys, time
from policytext import batch
source, steps, out, how = sys.argv[1], sys.argv[2].split(","), sys.argv[3], sys.argv[4]
t0 = time.perf_counter()
if how.startswith("dask"):
    import dask
    import distributed
    from policytext.batch.dask_runner import run
    if how == "dask-noprofile":  # Dask's worker profiler samples every 10 ms, taking the GIL from the steps
        dask.config.set({"distributed.worker.profile.enabled": False})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \\
            distributed.Client(cluster) as client:
        t0 = time.perf_counter()  # the cluster's start-up is not counted
        r = run(source, steps, out, client=client)
else:
    r = batch.run(source, steps, out, n_jobs=int(how))
import resource
cpu = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - t0, "documents": r.documents, "errors": r.errors,
                  "parent_cpu": cpu.ru_utime + cpu.ru_stime}))
"""


def run_measured(source: Path, steps: list[str], out: Path, how: str) -> dict[str, float]:
    """Run one batch job in a fresh interpreter, as a user would; sample its process tree's memory."""
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(source), ",".join(steps), str(out), how],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_mb(p) for p in _descendants(proc.pid)))
        time.sleep(1.0)  # reading smaps_rollup walks page tables: sampling often would slow the run it measures
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise RuntimeError(f"batch run {how} failed with exit code {proc.returncode}")
    return {**json.loads(stdout.strip().splitlines()[-1]), "peak_mb": peak}


PARALLEL_STEPS = """
import json, sys, time
from policytext.batch import _resolve
from policytext.corpus import Corpus
fns = [_resolve(s)[1] for s in sys.argv[2].split(",")]
print("ready", flush=True)
sys.stdin.readline()  # start together
t0 = time.perf_counter()
corpus = Corpus.from_dir(sys.argv[1])
t_read = time.perf_counter() - t0
for fn in fns:
    fn(corpus[0])  # one-time set-up, as in the single-process baseline
t0 = time.perf_counter()
for d in corpus:
    for fn in fns:
        fn(d)
print(json.dumps({"seconds": time.perf_counter() - t0, "read": t_read}), flush=True)
"""


def steps_in_parallel(src: Path, steps: list[str], n: int) -> tuple[float, float]:
    """Seconds for *n* processes that each read one copy and apply the steps to it in memory, started
    together: ``(steps, read + steps)``, each the slowest process's."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PARALLEL_STEPS, str(src), ",".join(steps)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(n)
    ]
    for p in procs:
        while p.stdout and p.stdout.readline().strip() != "ready":
            pass
    for p in procs:
        if p.stdin:
            p.stdin.write("go\n")
            p.stdin.flush()
    times = []
    for p in procs:
        out, _ = p.communicate()
        times.append(json.loads(out.strip().splitlines()[-1]))
    return max(t["seconds"] for t in times), max(t["seconds"] + t["read"] for t in times)


def check_equal(out: Path, steps: list[str], copies: int, expected: dict[str, pd.DataFrame]) -> str:
    """Compare every copy's rows with the in-memory rows of the original corpus."""
    for step in steps:
        got = read_results(out, step)
        want = expected[step].reset_index(drop=True)
        copy = got["doc_id"].str.slice(0, 8)
        got = got.assign(doc_id=got["doc_id"].str.slice(9))
        n = 0
        for _, part in got.groupby(copy, sort=True):
            pd.testing.assert_frame_equal(part.reset_index(drop=True), want, check_dtype=False)
            n += 1
        if n != copies:
            raise AssertionError(f"{step}: {n} copies in the output, {copies} expected")
    return "equal"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--size-mb", type=float, default=1000.0)
    ap.add_argument("--steps", default="formulas,keywords")
    ap.add_argument(
        "--runs",
        default="1,2,dask,dask-noprofile",
        help="which runs: 1 (n_jobs=1), 2 (n_jobs=2), dask, dask-noprofile (worker profiler off)",
    )
    ap.add_argument("--no-dask", action="store_true", help="same as leaving dask out of --runs")
    args = ap.parse_args()
    steps = args.steps.split(",")
    runs = [r for r in args.runs.split(",") if not (args.no_dask and r.startswith("dask"))]
    src = Path(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="policytext-batch-bench-"))
    try:
        copies, mb = make_corpus(src, work / "in", args.size_mb)
        print(f"input: {copies} copies of {src} = {mb:.0f} MB on disk; steps: {', '.join(steps)}")

        t0 = time.perf_counter()
        base = Corpus.from_dir(src)
        t_read = time.perf_counter() - t0
        texts = base.texts
        t0 = time.perf_counter()
        tk = jieba.Tokenizer()
        tk.initialize()
        for t in texts:
            tk.lcut(t)
        t_jieba = time.perf_counter() - t0
        base_mb = sum(len(t.encode()) for t in texts) / 1e6
        print(f"plain jieba.lcut over one copy: {base_mb / t_jieba:.2f} MB/s")

        resolved = [_resolve(s) for s in steps]
        frames: dict[str, list[pd.DataFrame]] = {name: [] for name, _ in resolved}
        for _, fn in resolved:  # one-time set-up (lexicons, segmenter) is not part of the per-document cost
            fn(base[0])
        t0 = time.perf_counter()
        for d in base:
            for name, fn in resolved:
                frames[name].append(fn(d))
        t_steps = time.perf_counter() - t0
        expected = {name: pd.concat(f, ignore_index=True) for name, f in frames.items()}
        print(
            f"steps in memory over one copy (read excluded): {base_mb / t_steps:.2f} MB/s; reading the copy "
            f"with Corpus.from_dir: {t_read:.1f} s ({t_read / t_steps:.1%} of the steps' time)",
            flush=True,
        )
        t_steps2, t_api2 = (
            steps_in_parallel(src, steps, 2) if any(r != "1" for r in runs) else (float("nan"), float("nan"))
        )
        print(
            f"the same in 2 processes at once, one copy each: {2 * base_mb / t_steps2:.2f} MB/s together "
            f"({t_steps * 2 / t_steps2:.2f}x one process: what 2 cores give here)",
            flush=True,
        )

        rows = []
        for run in runs:
            label = {"dask": "dask 2 workers", "dask-noprofile": "dask, no profiler"}.get(run, f"batch n_jobs={run}")
            if run.startswith("dask") and importlib.util.find_spec("distributed") is None:
                print("dask: not installed (pip install 'policytext[dask]'), skipped")
                continue
            out = work / label.replace(" ", "_")
            r = run_measured(work / "in", steps, out, run)
            verdict = check_equal(out, steps, copies, expected)
            print(
                f"{label}: {r['seconds']:.1f} s, {r['documents']:,} documents, {r['errors']} errors, "
                f"peak {r['peak_mb']:.0f} MB, CPU of the coordinating process {r['parent_cpu']:.1f} s, "
                f"output vs in-memory: {verdict}",
                flush=True,
            )
            rows.append((label, r["seconds"], 1 if run == "1" else 2, r["peak_mb"]))
            shutil.rmtree(out, ignore_errors=True)

        print(f"\n{'run':<18}{'seconds':>9}{'MB/s':>8}{'x jieba':>9}{'overhead':>10}{'vs API':>8}{'peak MB':>9}")
        for label, dt, workers, peak in rows:
            # the same steps in memory at the same parallelism: one process, or two processes side by side
            expected = t_steps * copies if workers == 1 else t_steps2 * copies / 2
            with_read = (t_read + t_steps) * copies if workers == 1 else t_api2 * copies / 2
            print(
                f"{label:<18}{dt:>9.1f}{mb / dt:>8.2f}{(mb / dt) / (base_mb / t_jieba):>9.2f}"
                f"{dt / expected - 1:>+10.1%}{dt / with_read - 1:>+8.1%}{peak:>9.0f}"
            )
        print(
            "\npeak MB: proportional set size of the run's process and all its workers together "
            "(shared pages split among them), sampled every second"
        )
        print(
            "overhead = batch time / (time of the same steps in memory at the same parallelism) - 1 (aim: under 10%);"
            " the batch also reads and cleans every file, which this baseline leaves out"
        )
        print(
            "vs API = batch time / (Corpus.from_dir + the same steps in memory, at the same parallelism) - 1: "
            "what the batch costs beyond the in-memory API's own path"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
