"""Benchmark the keyword index against a scan of the same stored texts.

Builds an index over at least ``--mb`` MB (UTF-8) of text — the shared corpus
(``../shared/corpus``) repeated under distinct doc_ids — in a temporary directory,
then prints:

- build throughput (MB of UTF-8 text per second) and peak memory while building;
- index size over text size (after a WAL checkpoint);
- p50 / p95 latency of ``count`` and ``kwic(top=100)`` for 200 random queries
  (50 each of 2, 3, 4 and 6 characters drawn from the stored texts) and peak
  memory while querying;
- the same for a scan of the stored texts: read from the index file (the honest
  baseline: what you do without postings) on a subset of the queries, and over the
  texts already decoded in memory (the fastest possible scan);
- a check that index counts equal brute-force counts on that subset.

Each phase runs in its own process so that peak memory (``ru_maxrss``) belongs to
that phase alone. The database is deleted at the end.

    nice python benchmarks/index.py            # 100 MB
    nice python benchmarks/index.py --mb 20    # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

LENGTHS = (2, 3, 4, 6)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_files(shared: Path) -> list[Path]:
    return sorted((shared / "corpus").rglob("*.txt"))


def phase_build(db: str, shared: Path, mb: float, segment_chars: int) -> dict:
    from policytext.corpus.document import Document
    from policytext.index import Index

    base = peak_mb()
    files = corpus_files(shared)
    base_bytes = sum(len(f.read_text(encoding="utf-8").encode("utf-8")) for f in files)
    reps = max(1, int(np.ceil(mb * 1e6 / base_bytes)))
    stats = {"docs": 0, "chars": 0, "bytes": 0}

    def documents():
        for r in range(reps):
            for f in files:  # read from disk each time: the corpus is never held in memory
                text = f.read_text(encoding="utf-8")
                stats["docs"] += 1
                stats["chars"] += len(text)
                stats["bytes"] += len(text.encode("utf-8"))
                rel = f.relative_to(shared / "corpus").with_suffix("").as_posix()
                yield Document(f"r{r}/{rel}", text, {"year": 1950 + (hash(rel) % 75), "folder": rel.split("/")[0]})

    t0, c0 = time.perf_counter(), time.process_time()
    with Index(db, segment_chars=segment_chars) as idx:
        idx.add(documents())
        t_add = time.perf_counter() - t0
        c_add = time.process_time() - c0
        info = idx.info()
    # closing the last connection checkpoints the WAL into the file and deletes it
    elapsed = time.perf_counter() - t0
    size = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
    return {
        "reps": reps,
        "docs": stats["docs"],
        "chars": stats["chars"],
        "text_mb": stats["bytes"] / 1e6,
        "seconds_add": t_add,
        "cpu_seconds_add": c_add,
        "cpu_mb_per_s": stats["bytes"] / 1e6 / c_add,
        "seconds": elapsed,
        "mb_per_s": stats["bytes"] / 1e6 / t_add,
        "db_mb": size / 1e6,
        "size_ratio": size / stats["bytes"],
        "segments": info["segments"],
        "posting_mb": info["posting_bytes"] / 1e6,
        "peak_mb": peak_mb(),
        "import_mb": base,
    }


def draw_queries(db: str, n_per_length: int, seed: int) -> list[str]:
    from policytext.index import Index

    rng = random.Random(seed)
    out: list[str] = []
    with Index(db, create=False) as idx:
        ids = idx.doc_ids
        for n in LENGTHS:
            got = 0
            while got < n_per_length:
                text = idx.get(rng.choice(ids)).text
                if len(text) <= n:
                    continue
                s = rng.randrange(len(text) - n)
                q = text[s : s + n]
                if any(c.isspace() for c in q):
                    continue
                out.append(q)
                got += 1
    return out


def quoted(q: str) -> str:
    return '"' + q.replace("\\", "\\\\").replace('"', '\\"') + '"'


def percentiles(xs: list[tuple[float, float]]) -> dict:
    """p50/p95 of wall-clock and of CPU time (the machine may be shared: CPU time is the steadier one)."""
    wall = np.array([w for w, _ in xs]) * 1000
    cpu = np.array([c for _, c in xs]) * 1000
    return {
        "p50_ms": float(np.percentile(wall, 50)),
        "p95_ms": float(np.percentile(wall, 95)),
        "cpu_p50_ms": float(np.percentile(cpu, 50)),
        "cpu_p95_ms": float(np.percentile(cpu, 95)),
        "n": len(xs),
    }


class Timer:
    def __enter__(self):
        self.w, self.c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.result = (time.perf_counter() - self.w, time.process_time() - self.c)


def phase_query(db: str, queries: list[str]) -> dict:
    from policytext.index import Index

    base = peak_mb()
    idx = Index(db, create=False)
    t0 = time.perf_counter()
    idx.count('"的"')  # opens caches (segment and document tables)
    warm = time.perf_counter() - t0
    counts, t_count, t_kwic = [], [], []
    by_len: dict[int, list[tuple[float, float]]] = {n: [] for n in LENGTHS}
    for q in queries:
        with Timer() as t:
            c = idx.count(quoted(q))
        t_count.append(t.result)
        by_len[len(q)].append(t.result)
        counts.append(c)
    # kwic in a second pass: the index's cache of recent strings (16) no longer holds them
    for q, c in zip(queries, counts):
        with Timer() as t:
            k = idx.kwic(quoted(q), top=100)
        t_kwic.append(t.result)
        assert len(k) == min(100, c), (q, len(k), c)
    idx.close()
    return {
        "first_query_s": warm,
        "count": percentiles(t_count),
        "kwic100": percentiles(t_kwic),
        "count_by_length": {n: percentiles(v) for n, v in by_len.items()},
        "counts": counts,
        "peak_mb": peak_mb(),
        "import_mb": base,
    }


def _overlapping(text: str, q: str) -> int:
    n, s = 0, text.find(q)
    while s >= 0:
        n += 1
        s = text.find(q, s + 1)
    return n


def _kwic_scan(texts, q: str, limit: int = 100) -> int:
    rows = 0
    for text in texts:
        s = text.find(q)
        while s >= 0 and rows < limit:
            rows += 1
            _ = (text[max(0, s - 20) : s], text[s + len(q) : s + len(q) + 20])
            s = text.find(q, s + 1)
        if rows >= limit:
            break
    return rows


def phase_scan(db: str, queries: list[str], mode: str) -> dict:
    from policytext.index import Index

    base = peak_mb()
    idx = Index(db, create=False)

    def stored_texts():  # read from the index file, one document at a time
        return (text for _, text in idx.iter_texts())

    t_count, t_kwic, counts = [], [], []
    if mode == "disk":
        for q in queries:
            with Timer() as t:
                counts.append(sum(_overlapping(text, q) for text in stored_texts()))
            t_count.append(t.result)
            with Timer() as t:
                _kwic_scan(stored_texts(), q)
            t_kwic.append(t.result)
    else:
        texts = list(stored_texts())
        for q in queries:
            with Timer() as t:
                sum(text.count(q) for text in texts)  # non-overlapping: the fastest scan there is
            t_count.append(t.result)
            counts.append(sum(_overlapping(text, q) for text in texts))
            with Timer() as t:
                _kwic_scan(texts, q)
            t_kwic.append(t.result)
    idx.close()
    return {
        "count": percentiles(t_count),
        "kwic100": percentiles(t_kwic),
        "counts": counts,
        "peak_mb": peak_mb(),
        "import_mb": base,
    }


def child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100.0, help="MB of UTF-8 text to index (default 100)")
    ap.add_argument("--queries", type=int, default=50, help="queries per length (default 50 → 200)")
    ap.add_argument("--scan-queries", type=int, default=5, help="queries per length for the disk scan (default 5)")
    ap.add_argument("--segment-chars", type=int, default=None)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--keep", help="keep the database at this path instead of deleting it")
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        kind, db, rest = a.child[0], a.child[1], a.child[2:]
        if kind == "build":
            res = phase_build(db, Path(rest[0]), float(rest[1]), int(rest[2]))
        elif kind == "query":
            res = phase_query(db, json.loads(Path(rest[0]).read_text(encoding="utf-8")))
        else:
            res = phase_scan(db, json.loads(Path(rest[0]).read_text(encoding="utf-8")), kind)
        print(json.dumps(res))
        return

    from policytext.index import DEFAULT_SEGMENT_CHARS

    shared = Path(a.shared)
    if not (shared / "corpus").is_dir():
        raise SystemExit(f"{shared}/corpus not found; pass --shared")
    seg_chars = a.segment_chars or DEFAULT_SEGMENT_CHARS
    tmp = Path(tempfile.mkdtemp(prefix="policytext-bench-"))
    db = str(tmp / "bench.db")
    try:
        print(
            f"building an index over >= {a.mb:g} MB of text (shared corpus repeated), segments of "
            f"{seg_chars:,} characters …",
            flush=True,
        )
        b = child(["build", db, str(shared), str(a.mb), str(seg_chars)])
        print(
            f"  {b['docs']:,} documents, {b['chars']:,} characters, {b['text_mb']:.1f} MB UTF-8 "
            f"({b['reps']} copies), {b['segments']} segments"
        )
        print(
            f"  build: {b['seconds_add']:.1f} s → {b['mb_per_s']:.2f} MB/s wall-clock, {b['cpu_mb_per_s']:.2f} MB/s "
            f"of CPU time (aim >= 5); peak memory {b['peak_mb']:.0f} MB"
        )
        print(
            f"  size: {b['db_mb']:.1f} MB file ({b['posting_mb']:.1f} MB postings) = {b['size_ratio']:.2f}x the "
            f"text (aim <= 4x)"
        )
        queries = draw_queries(db, a.queries, seed=0)
        qfile = tmp / "queries.json"
        qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        sub = [q for i, q in enumerate(queries) if i % a.queries < a.scan_queries]
        sfile = tmp / "scan.json"
        sfile.write_text(json.dumps(sub, ensure_ascii=False), encoding="utf-8")
        q = child(["query", db, str(qfile)])
        mem = child(["memory", db, str(qfile)])
        disk = child(["disk", db, str(sfile)])
        print(
            f"\n{len(queries)} random queries ({a.queries} each of {', '.join(map(str, LENGTHS))} characters); "
            f"first query (opening caches) {q['first_query_s'] * 1000:.0f} ms"
        )
        print(f"{'':28} {'p50 ms':>9} {'p95 ms':>9} {'CPU p50':>9} {'CPU p95':>9}")

        def line(name: str, v: dict, extra: str = "") -> None:
            print(
                f"{name:28} {v['p50_ms']:9.2f} {v['p95_ms']:9.2f} {v['cpu_p50_ms']:9.2f} {v['cpu_p95_ms']:9.2f}{extra}"
            )

        line("index count", q["count"])
        for n, v in q["count_by_length"].items():
            line(f"  {n} characters", v)
        line("index kwic(top=100)", q["kwic100"])
        line("scan in memory: count", mem["count"])
        line("scan in memory: kwic 100", mem["kwic100"])
        line("scan of stored texts: count", disk["count"], f"   ({len(sub)} queries)")
        line("scan of stored texts: kwic", disk["kwic100"])

        def ratio(a: dict, b: dict, key: str) -> str:
            return f"{a[key] / b[key]:.0f}x"

        print(
            f"\ncount speed-up at p50 (wall / CPU): {ratio(mem['count'], q['count'], 'p50_ms')} / "
            f"{ratio(mem['count'], q['count'], 'cpu_p50_ms')} vs the in-memory scan, "
            f"{ratio(disk['count'], q['count'], 'p50_ms')} / {ratio(disk['count'], q['count'], 'cpu_p50_ms')} vs "
            f"scanning the stored texts (aim >= 20x)"
        )
        print(
            f"kwic(top=100) speed-up at p50 (wall / CPU): {ratio(mem['kwic100'], q['kwic100'], 'p50_ms')} / "
            f"{ratio(mem['kwic100'], q['kwic100'], 'cpu_p50_ms')} vs the in-memory scan, "
            f"{ratio(disk['kwic100'], q['kwic100'], 'p50_ms')} / {ratio(disk['kwic100'], q['kwic100'], 'cpu_p50_ms')}"
            f" vs the stored texts"
        )
        exact = q["counts"] == mem["counts"]
        pos = {qq: i for i, qq in enumerate(queries)}
        exact_disk = all(q["counts"][pos[s]] == c for s, c in zip(sub, disk["counts"]))
        print(f"index counts equal brute-force counts: {exact} (all {len(queries)}), {exact_disk} (disk subset)")
        print(
            f"peak memory (process RSS; after importing policytext: {b['import_mb']:.0f} MB): build "
            f"{b['peak_mb']:.0f} MB, index queries {q['peak_mb']:.0f} MB, in-memory scan {mem['peak_mb']:.0f} MB "
            f"(holds all texts), scan of stored texts {disk['peak_mb']:.0f} MB"
        )
        if a.keep:
            shutil.copy(db, a.keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
