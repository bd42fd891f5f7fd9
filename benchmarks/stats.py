"""Keyword statistics: cached tokens make the second statistic cheap; seed keywords vs jieba.analyse.

Run:  PYTHONPATH=src python benchmarks/stats.py [--quick]

1. On the bundled sample corpus (seed + Government Work Reports 1954-2025) with a fresh
   Segmenter, time the first statistic (which segments the corpus) and then other
   statistics over the same Corpus object (which reuse the cached terms). The
   second call must take at most 0.1x the first. Plain ``jieba.lcut`` over the same
   texts is timed as the baseline of the segmentation cost.
2. Print the seed's top-10 TF-IDF keywords (IDF from the reports plus the seed) next to
   ``jieba.analyse.extract_tags`` (jieba's global IDF table from general web text) and
   jieba's TextRank, and our TextRank.

``--quick`` uses only the reports from 2000 on.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from policytext import Corpus, Segmenter
from policytext.corpus.datasets import SEED_ID, load_sample
from policytext.stats.dfm import dfm
from policytext.stats.keyness import keyness
from policytext.stats.keywords import keywords
from policytext.stats.trends import term_trends


def timed(label: str, fn):
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    print(f"  {label:<58s} {dt:8.3f} s")
    return out, dt


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="reports from 2000 on only")
    args = ap.parse_args()

    sample = load_sample()
    corpus = Corpus(
        [d for d in sample if args.quick is False or d.doc_id == SEED_ID or (d.meta.get("year") or 0) >= 2000]
    )
    print(f"corpus: {len(corpus)} documents, {corpus.n_chars:,} characters")

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    seg = Segmenter()
    seg.cut("预热")  # build the tokenizer outside the timings

    print("\n1. first vs second statistic over the same Corpus object")
    _, t_jieba = timed("baseline: plain jieba.lcut over every text", lambda: [jieba.lcut(t) for t in corpus.texts])
    _, t_first = timed(
        "first:  keywords(corpus, by='year')  [segments]", lambda: keywords(corpus, by="year", segmenter=seg)
    )
    _, t_second = timed(
        "second: dfm(corpus).group('year')  [cached terms]", lambda: dfm(corpus, segmenter=seg).group("year")
    )
    _, t_third = timed(
        "third:  keywords(corpus, method='textrank', by='year')",
        lambda: keywords(corpus, method="textrank", by="year", segmenter=seg),
    )
    timed(
        "fourth: keyness(2023 vs 2013 reports) on fresh corpora",
        lambda: keyness(
            corpus.filter(year=2023, collection="gov_work_reports_national"),
            corpus.filter(year=2013, collection="gov_work_reports_national"),
            segmenter=seg,
        ),
    )
    timed(
        "term_trends(corpus, 5 terms)  [substring scan]",
        lambda: term_trends(corpus, ["改革", "高质量发展", "新质生产力", "小康", "脱贫"]),
    )
    print(f"  second / first = {t_second / t_first:.4f}  (must be <= 0.1)")
    print(f"  textrank (cached) / first = {t_third / t_first:.4f}")
    print(f"  first / plain jieba.lcut = {t_first / t_jieba:.2f}")

    print("\n2. seed keywords")
    seed = corpus[SEED_ID]
    ours, _ = timed(
        "ours: TF-IDF, IDF from the reports + seed", lambda: keywords(seed, top=10, idf=corpus, segmenter=seg)
    )
    ours_raw = keywords(seed, top=10, idf=corpus, segmenter=seg, sublinear_tf=False)
    tr = keywords(seed, method="textrank", top=10, segmenter=seg)
    import jieba.analyse

    jieba_tfidf = jieba.analyse.extract_tags(seed.text, topK=10)
    jieba_tr = jieba.analyse.textrank(seed.text, topK=10)
    rows = [
        ("ours TF-IDF (1+ln tf, default)", ours.term.tolist()),
        ("ours TF-IDF (raw tf)", ours_raw.term.tolist()),
        ("ours TextRank", tr.term.tolist()),
        ("jieba.analyse.extract_tags", jieba_tfidf),
        ("jieba.analyse.textrank", jieba_tr),
    ]
    for name, terms in rows:
        print(f"  {name:<32s} {' '.join(terms)}")
    ok = t_second <= 0.1 * t_first
    print("\nPASS" if ok else "\nFAIL: second call not <= 0.1x the first")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
