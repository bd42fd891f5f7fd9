"""Segmentation benchmark over the Government Work Reports, against plain jieba.lcut.

    PYTHONPATH=src python benchmarks/segment.py [--shared ../shared] [--chars N] [--repeat R]

Prints throughput (characters/second) and ratios measured in the same run:
jieba backend with the policy lexicon vs plain ``jieba.lcut``; ``cut_many(n_jobs=2)``
on a warm pool vs one process (and its cold start); the rjieba backend for ``cut``
and separately ``tokenize`` and ``tokenize(pos=True)`` (vs ``jieba.posseg``);
Segmenter construction time and RSS (fresh processes, warm dictionary cache);
SIGHAN 2005 PKU word F1 for plain jieba, with the policy lexicon, and of ``granularity="word"``.

First, in one run: the coarse and word granularities (and coarse without head compounds)
on both backends against plain ``jieba.lcut`` and plain ``rjieba.cut`` (no policy lexicon).
``--granularities-only`` stops after that table.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def load_gwr(shared: Path, limit: int | None) -> list[str]:
    root = shared / "corpus"
    texts = []
    for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].startswith("gov_work_reports_national/"):
            texts.append((root / rec["path"]).read_text(encoding="utf-8"))
    if limit:
        out, n = [], 0
        for t in texts:
            if n >= limit:
                break
            out.append(t)
            n += len(t)
        texts = out
    return texts


def timeit(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


_CONSTRUCT = """
import resource, sys, time
sys.path.insert(0, {src!r})
t0 = time.perf_counter()
from policytext.segment import Segmenter
s = Segmenter(backend={backend!r})
s.cut("推动高质量发展")
dt = time.perf_counter() - t0
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(dt, int(hwm) / 1024)
"""


def construct(backend: str) -> tuple[float, float]:
    """(seconds from import to first cut, max RSS in MB) in a fresh process."""
    code = _CONSTRUCT.format(src=str(HERE.parent / "src"), backend=backend)
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # warm the cache
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def _busy(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


def parallel_capacity(n: int = 5_000_000) -> float:
    """Speed-up of two processes over one on a pure-Python busy loop: what the machine allows now."""
    from concurrent.futures import ProcessPoolExecutor

    t0 = time.perf_counter()
    _busy(n)
    one = time.perf_counter() - t0
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(_busy, [10, 10]))
        t0 = time.perf_counter()
        list(ex.map(_busy, [n, n]))
        two = time.perf_counter() - t0
    return 2 * one / two


_JIEBA_INIT = """
import logging, sys, time
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.Tokenizer().initialize()  # make sure jieba's own cache exists
t0 = time.perf_counter()
jieba.Tokenizer().initialize()
print(time.perf_counter() - t0)
"""


def granularities(texts: list[str], t_base: float, row, repeat: int) -> None:
    """Coarse and word granularities on both backends against jieba.lcut and rjieba.cut, one run."""
    from policytext.segment.segmenter import Segmenter

    try:
        import rjieba
    except ImportError:
        rjieba = None
    t_rj = None
    if rjieba is not None:
        rjieba.cut("预热")
        t_rj = timeit(lambda: [rjieba.cut(t) for t in texts], repeat)
        row("plain rjieba.cut (no lexicon)", t_rj, t_base)
    for backend in ("rjieba", "jieba") if rjieba is not None else ("jieba",):
        for gran, kw in (("coarse", {}), ("word", {}), ("coarse", {"heads": None})):
            seg = Segmenter(backend=backend, granularity=gran, **kw)
            seg.cut("预热")
            label = f"{backend} {gran}{' (no head compounds)' if kw else ''}"
            secs = timeit(lambda seg=seg: [seg.cut(t) for t in texts], repeat)
            row(f"{label}: cut", secs, t_base)
            if t_rj is not None:
                print(f"{'':44s} {'':8s} {'':11s} {t_rj / secs:6.2f}x vs rjieba.cut")
            if backend == "rjieba" and not kw:
                secs = timeit(lambda seg=seg: [seg.tokenize(t) for t in texts], repeat)
                row(f"{label}: tokenize (with parts)", secs, t_base)


def report_construction(backends: tuple[str, ...]) -> None:
    for backend in backends:
        try:
            secs, rss = construct(backend)
        except subprocess.CalledProcessError as e:
            print(f"construction, backend={backend!r}: failed ({e.stderr.strip().splitlines()[-1:]})")
            continue
        print(f"construction + first cut, backend={backend!r}: {secs:.2f} s, max RSS {rss:.0f} MB (fresh process)")
    out = subprocess.run([sys.executable, "-c", _JIEBA_INIT], check=True, capture_output=True, text=True).stdout
    print(f"  for comparison, jieba.Tokenizer().initialize() from jieba's own cache: {float(out):.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--chars", type=int, default=None, help="use only the first reports up to N characters")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--skip-sighan", action="store_true")
    ap.add_argument("--construction-only", action="store_true", help="only construction time and RSS")
    ap.add_argument("--granularities-only", action="store_true", help="only the coarse/word table")
    args = ap.parse_args()
    shared = Path(args.shared)

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    from policytext.segment.evaluation import score_files
    from policytext.segment.segmenter import Segmenter

    if args.construction_only:
        report_construction(("jieba", "rjieba"))
        return 0
    texts = load_gwr(shared, args.chars)
    n = sum(map(len, texts))
    print(f"Government Work Reports: {len(texts)} documents, {n:,} characters; {os.cpu_count()} cores")
    print(f"{'what':44s} {'seconds':>8s} {'chars/s':>11s} {'ratio':>7s}")

    def row(name: str, secs: float, base: float | None = None, ref: str = "jieba.lcut") -> None:
        r = f"{base / secs:6.2f}x" if base else ""
        print(f"{name:44s} {secs:8.2f} {n / secs:11,.0f} {r:>7s} {('vs ' + ref) if base else ''}")

    t_base = timeit(lambda: [jieba.lcut(t) for t in texts], args.repeat)
    row("plain jieba.lcut (baseline)", t_base)
    granularities(texts, t_base, row, args.repeat)
    if args.granularities_only:
        return 0
    seg = Segmenter()
    seg.cut("预热")
    t_seg = timeit(lambda: [seg.cut(t) for t in texts], args.repeat)
    row("Segmenter(backend='jieba').cut", t_seg, t_base)

    t0 = time.perf_counter()
    seg.cut_many(texts[:2], n_jobs=2)
    cold = time.perf_counter() - t0
    t_many = timeit(lambda: seg.cut_many(texts, n_jobs=2), args.repeat)
    row("cut_many(n_jobs=2), warm pool", t_many, t_seg, "one process")
    print(f"{'  cold start of the 2-worker pool':44s} {cold:8.2f}")
    print(
        f"{'  machine: 2 busy-loop processes vs 1':44s} {'':8s} {'':11s} {parallel_capacity():6.2f}x "
        f"(the ceiling for any 2-process speed-up right now; load {os.getloadavg()[0]:.1f})"
    )
    seg.close()

    try:
        fast = Segmenter(backend="rjieba")
        fast.cut("预热")
    except ImportError as e:
        print(f"rjieba backend: skipped ({e})")
        fast = None
    if fast is not None:
        t_fast = timeit(lambda: [fast.cut(t) for t in texts], args.repeat)
        row("Segmenter(backend='rjieba').cut", t_fast, t_base)
        t_tok = timeit(lambda: [fast.tokenize(t) for t in texts], args.repeat)
        row("Segmenter(backend='rjieba').tokenize", t_tok, t_base)
        list(jieba.posseg.cut("预热"))  # posseg loads its own tag table and model on first use: not timed
        sub = texts[-max(1, len(texts) // 10) :]  # posseg is slow: time it on the last tenth, compare rates
        n_sub = sum(map(len, sub))
        t_ppos = timeit(lambda: [list(jieba.posseg.cut(t)) for t in sub], 1)
        print(f"{'plain jieba.posseg.cut (POS baseline, 1/10)':44s} {t_ppos:8.2f} {n_sub / t_ppos:11,.0f}")
        t_pos = timeit(lambda: [fast.tokenize(t, pos=True) for t in texts], args.repeat)
        row("rjieba tokenize(pos=True)", t_pos, t_base)
        print(f"{'':44s} {'':8s} {'':11s} {(n / t_pos) / (n_sub / t_ppos):6.2f}x vs jieba.posseg.cut")
        same = sum(fast.cut(t) == seg.cut(t) for t in texts)
        print(f"rjieba tokens identical to jieba backend in {same}/{len(texts)} reports")
    t_jpos = timeit(lambda: [seg.tokenize(t, pos=True) for t in texts], 1)
    row("jieba backend tokenize(pos=True)", t_jpos, t_base)

    report_construction(("jieba", "rjieba") if fast is not None else ("jieba",))

    if not args.skip_sighan:
        d = shared / "corpus" / "sighan2005_icwb2"
        test, gold = d / "pku_test.txt", d / "pku_test_gold.txt"
        plain = jieba.Tokenizer()
        plain.initialize()
        f_plain = score_files(lambda s: plain.lcut(s), test, gold)
        f_lex = score_files(seg.cut, test, gold)
        f_word = score_files(Segmenter(granularity="word").cut, test, gold)
        print(
            f"SIGHAN 2005 PKU test word F1: plain jieba {100 * f_plain['f1']:.2f}, "
            f"with policy lexicon {100 * f_lex['f1']:.2f} "
            f"(difference {100 * (f_lex['f1'] - f_plain['f1']):+.2f} points; "
            f"P {100 * f_lex['precision']:.2f} R {100 * f_lex['recall']:.2f}); "
            f"granularity='word' {100 * f_word['f1']:.2f} ({100 * (f_word['f1'] - f_plain['f1']):+.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
