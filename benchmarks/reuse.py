"""Text reuse at scale: MinHash LSH candidates + seed-and-extend alignment against all-pairs alignment.

Run:  PYTHONPATH=src python benchmarks/reuse.py [--docs 400] [--subset 60] [--min-chars 50]
      PYTHONPATH=src python benchmarks/reuse.py --docs 10000          # the size of the issue

1. Build N documents from the shared corpus (../shared/corpus): chunks of real text (reports, policy documents,
   speeches, plans), about 2,000 characters each (fewer when N is large, so the corpus suffices). The first
   half are sources, the second half receivers; each receiver gets ``--plants`` passages of 50-400 characters
   copied from a random source with 0-15% character edits, reordered items and inserted place names, at known
   offsets (tests/helpers/reuse_planting.py).
2. ``find_reuse(sources, receivers, candidates="lsh")``: time of candidate generation (MinHash LSH over
   windows, timed on its own) and of the whole call (alignment = whole - candidates), peak memory (RSS), the
   share of planted pairs among the candidates, and recall / precision by character overlap on the receiver
   side (precision also counts reuse the unplanted texts already shared, found by the same call; ``strict``
   does not).
3. The baseline, in the same run: on ``--subset`` receivers and as many sources (those planted into them first),
   all-pairs alignment (``candidates="all"``) against LSH: time and recall.
4. Scoring the found passages: rapidfuzz (LCSseq, Levenshtein) against difflib's matching blocks.
5. The alignment of the candidate pairs with and without the gapped extension of passage ends (and the earlier
   ``min_similarity=0.8``): CPU time and recall by edit rate, both in the same run.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))

from helpers.reuse_planting import plant, score, shift  # noqa: E402
from policytext import Corpus  # noqa: E402
from policytext.comparison import find_reuse  # noqa: E402
from policytext.comparison.align import align  # noqa: E402
from policytext.comparison.candidates import candidate_pairs  # noqa: E402

SHARED = Path(os.environ.get("POLICYTEXT_SHARED", HERE.parent.parent / "shared")) / "corpus"
FOLDERS = (
    "gov_work_reports_national",
    "policy_docs_central",
    "policy_docs_shandong",
    "xi_speeches_2013_2016",
    "xi_speeches_2020_jhsjk",
    "cpc_congress_reports",
    "five_year_plans",
    "local_gov_work_reports_2026",
    "party_building_articles",
    "npc_resolutions_on_gwr",
    "central_documents",
)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n: int) -> list[str]:
    texts = [d.text for f in FOLDERS if (SHARED / f).is_dir() for d in Corpus.from_dir(SHARED / f)]
    total = sum(len(t) for t in texts)
    size = max(200, min(2000, int(total / (1.5 * n))))  # remainders of the texts are lost
    chunks = [t[i : i + size] for t in texts for i in range(0, len(t) - size + 1, size)]
    if len(chunks) < n:
        sys.exit(f"the corpus gives {len(chunks)} chunks of {size} characters, fewer than --docs {n}")
    step = len(chunks) / n  # spread the chunks over all folders
    return [chunks[int(i * step)] for i in range(n)]


def evaluate(df, plants, insertions, natural_df=None):
    found = [(r.doc_b, r.b_start, r.b_end) for r in df.itertuples()]
    natural = []
    if natural_df is not None:
        natural = [
            (r.doc_b, shift(r.b_start, insertions[r.doc_b]), shift(r.b_end, insertions[r.doc_b], end=True))
            for r in natural_df.itertuples()
        ]
    return score(found, plants, natural)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400, help="documents in all (half sources, half receivers)")
    ap.add_argument("--plants", type=int, default=2, help="passages planted in each receiver")
    ap.add_argument("--subset", type=int, default=60, help="sources and receivers for the all-pairs baseline")
    ap.add_argument("--min-chars", type=int, default=20, help="find_reuse's default: 20")
    ap.add_argument("--threshold", type=float, default=0.1, help="the LSH threshold (find_reuse's default: 0.1)")
    ap.add_argument(
        "--window", type=int, help="the LSH window in characters (find_reuse's default: max(2 * min_chars, 100))"
    )
    ap.add_argument("--no-natural", action="store_true", help="skip the run over the unplanted texts")
    ap.add_argument("--jobs", type=int, default=2, help="also run on this many worker processes (1: skip)")
    ap.add_argument("--json", help="write the numbers to this file")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not present")

    t = time.perf_counter()
    docs = build(args.docs)
    half = len(docs) // 2
    sources, hosts = docs[:half], docs[half:]
    receivers, plants, insertions = plant(
        sources, hosts, per_receiver=args.plants, lengths=(50, 100, 200, 400), rates=(0.0, 0.05, 0.10, 0.15), seed=11
    )
    n_chars = sum(map(len, sources)) + sum(map(len, receivers))
    print(
        f"{len(sources)} sources + {len(receivers)} receivers, {n_chars:,} characters, {len(plants)} planted "
        f"passages; built in {time.perf_counter() - t:.1f} s"
    )
    out: dict[str, object] = {
        "threshold": args.threshold,
        "docs": args.docs,
        "chars": n_chars,
        "plants": len(plants),
        "min_chars": args.min_chars,
        "window": args.window,
    }

    width = args.window or max(2 * args.min_chars, 100)
    t = time.perf_counter()
    cands = candidate_pairs(sources + receivers, len(sources), window=width, threshold=args.threshold)
    t_cand = time.perf_counter() - t
    planted_pairs = {(p.source, half + p.receiver) for p in plants}
    cand_recall = len(planted_pairs & cands) / len(planted_pairs)
    print(
        f"candidates (MinHash LSH, window {width}): {t_cand:8.2f} s   {len(cands):,} pairs of "
        f"{half * half:,} ({len(cands) / (half * half):.2%}); planted pairs among them: {cand_recall:.3f}; "
        f"peak RSS {rss_mb():.0f} MB"
    )

    t = time.perf_counter()
    df = find_reuse(
        sources, receivers, min_chars=args.min_chars, candidates="lsh", threshold=args.threshold, window=width
    )
    t_all = time.perf_counter() - t
    natural_df = None
    if not args.no_natural:
        natural_df = find_reuse(
            sources, hosts, min_chars=args.min_chars, candidates="lsh", threshold=args.threshold, window=width
        )
    s = evaluate(df, [p for p in plants], insertions, natural_df)
    print(
        f"find_reuse (LSH):        {t_all:8.2f} s   (alignment ~{t_all - t_cand:.2f} s) {len(df):,} passages; "
        f"recall {s['recall']:.3f} precision {s['precision']:.3f} (strict {s['precision_strict']:.3f}); "
        f"peak RSS {rss_mb():.0f} MB"
    )
    by_len = {}
    for n in (50, 100, 200, 400):
        by_len[n] = round(
            score([(r.doc_b, r.b_start, r.b_end) for r in df.itertuples()], [p for p in plants if p.length == n])[
                "recall"
            ],
            3,
        )
    by_rate = {}
    for rate in (0.0, 0.05, 0.10, 0.15):
        by_rate[rate] = round(
            score([(r.doc_b, r.b_start, r.b_end) for r in df.itertuples()], [p for p in plants if p.edit_rate == rate])[
                "recall"
            ],
            3,
        )
    print(f"  recall by length {by_len}; by edit rate {by_rate}")

    # the alignment with and without the gapped extension (and min_similarity 0.8, the earlier default), on the
    # same candidate pairs, in CPU seconds of this process (other jobs on the machine change wall time, not this)
    texts = sources + receivers
    timed: dict[str, float] = {}
    for label, extend, min_sim in (("no gapped extension, min_similarity 0.8", 0, 0.8), ("now", 24, 0.75)):
        t = time.process_time()
        spans = []
        for i, j in sorted(cands):
            for q in align(texts[i], texts[j], min_chars=args.min_chars, min_similarity=min_sim, extend=extend):
                spans.append((j - half, q.b_start, q.b_end))
        timed[label] = time.process_time() - t
        rates = {
            rate: round(score(spans, [p for p in plants if p.edit_rate == rate])["recall"], 3)
            for rate in (0.0, 0.05, 0.10, 0.15)
        }
        print(
            f"  alignment, {label:<40} {timed[label]:7.2f} s CPU ({timed[label] / timed[next(iter(timed))]:.2f}x); "
            f"recall {score(spans, plants)['recall']:.3f}, by edit rate {rates}"
        )
    out.update(align_cpu_s=timed)
    out.update(
        candidates_s=t_cand,
        n_candidates=len(cands),
        candidate_recall=cand_recall,
        lsh_s=t_all,
        recall=s["recall"],
        precision=s["precision"],
        precision_strict=s["precision_strict"],
        recall_by_length=by_len,
        recall_by_rate=by_rate,
        peak_rss_mb=rss_mb(),
    )

    # the same call on 2 worker processes (n_jobs=2): same rows, wall time of each stage, memory of the workers
    if args.jobs > 1:
        t = time.perf_counter()
        cands_n = candidate_pairs(
            sources + receivers, len(sources), window=width, threshold=args.threshold, n_jobs=args.jobs
        )
        t_cand_n = time.perf_counter() - t
        t = time.perf_counter()
        df_n = find_reuse(
            sources,
            receivers,
            min_chars=args.min_chars,
            candidates="lsh",
            threshold=args.threshold,
            window=width,
            n_jobs=args.jobs,
        )
        t_all_n = time.perf_counter() - t
        same = cands_n == cands and df_n.equals(df)
        workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"n_jobs={args.jobs}: candidates {t_cand_n:8.2f} s ({t_cand / t_cand_n:.2f}x faster than 1 process); "
            f"whole find_reuse {t_all_n:8.2f} s ({t_all / t_all_n:.2f}x; alignment ~{t_all_n - t_cand_n:.2f} s); "
            f"same pairs and rows: {same}; peak RSS of this process {rss_mb():.0f} MB, of a worker {workers_mb:.0f} MB"
        )
        out.update(jobs=args.jobs, candidates_jobs_s=t_cand_n, lsh_jobs_s=t_all_n, jobs_same=same)

    # the baseline's subset: the first receivers and the sources of what was planted in them, filled up with
    # other sources, so that the subset holds planted pairs to find
    k = min(args.subset, half)
    rec_ids = list(range(k))
    src_ids = sorted({p.source for p in plants if p.receiver < k})[:k]
    src_ids += [i for i in range(half) if i not in set(src_ids)][: k - len(src_ids)]
    src_pos = {s: n for n, s in enumerate(src_ids)}
    sub_plants = [replace(p, source=src_pos[p.source]) for p in plants if p.receiver < k and p.source in src_pos]
    sub_sources = [sources[i] for i in src_ids]
    for mode in ("lsh", "all"):
        t = time.perf_counter()
        d = find_reuse(
            sub_sources,
            [receivers[i] for i in rec_ids],
            min_chars=args.min_chars,
            candidates=mode,
            threshold=args.threshold,
            window=width,
        )
        dt = time.perf_counter() - t
        r = evaluate(d, sub_plants, insertions[:k])
        print(
            f"subset {k} x {k} ({k * k:,} pairs), {mode:>3}: {dt:8.2f} s   recall {r['recall']:.3f} "
            f"precision (strict) {r['precision_strict']:.3f} ({len(sub_plants)} planted)"
        )
        out[f"subset_{mode}_s"] = dt
        out[f"subset_{mode}_recall"] = r["recall"]

    pairs = list(zip(df["a_text"], df["b_text"]))
    from rapidfuzz.distance import Indel, Levenshtein

    t = time.perf_counter()
    rf = [Indel.normalized_similarity(a, b) for a, b in pairs]
    _ = [Levenshtein.distance(a, b) for a, b in pairs]
    t_rf = time.perf_counter() - t
    t = time.perf_counter()
    dl = [difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in pairs]
    t_dl = time.perf_counter() - t
    diff = max((abs(x - y) for x, y in zip(rf, dl)), default=0.0)
    print(
        f"scoring {len(pairs):,} passages: rapidfuzz {t_rf:.3f} s, difflib matching blocks {t_dl:.3f} s "
        f"({t_dl / max(t_rf, 1e-9):.0f}x); largest difference of the two ratios {diff:.3f}"
    )
    out.update(rapidfuzz_s=t_rf, difflib_s=t_dl)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
