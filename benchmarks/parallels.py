"""Speed of find_parallels over the Government Work Reports of the bundled sample.

Times, in one run and on the same texts:
  1. plain ``jieba.lcut`` over every report (the baseline; jieba's global tokenizer is fine here);
  2. the Segmenter's ``tokenize(text, pos=True)`` (what find_parallels needs; reported beside);
  3. ``find_parallels`` on a Corpus whose tagged tokens are already cached (segmentation excluded,
     as design.md's clarification asks).

Run: ``PYTHONPATH=src python benchmarks/parallels.py [--repeat N]``. Prints characters per second
and the ratio of (3) to (1); the aim is at most 1x.
"""

from __future__ import annotations

import argparse
import time

import jieba

from policytext.corpus.corpus import Corpus
from policytext.corpus.datasets import load_sample
from policytext.extract.parallels.finder import find_parallels
from policytext.segment.segmenter import Segmenter


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2, help="best of N timings (default 2)")
    args = ap.parse_args()

    sample = load_sample()
    docs = [d for d in sample if d.meta.get("genre") == "government_work_report"]
    corpus = Corpus(docs)
    texts = [d.text for d in docs]
    n_chars = sum(map(len, texts))
    print(f"{len(docs)} Government Work Reports, {n_chars:,} characters")

    jieba.initialize()
    t_jieba = best_of(lambda: [jieba.lcut(t) for t in texts], args.repeat)

    seg = Segmenter()
    seg.tokenize("预热", pos=True)
    t = time.perf_counter()
    find_parallels(corpus, segmenter=seg)  # fills the corpus cache of tagged tokens
    t_first = time.perf_counter() - t
    t_pos = best_of(lambda: [seg.tokenize(x, pos=True) for x in texts], 1)
    t_par = best_of(lambda: find_parallels(corpus, segmenter=seg), args.repeat)
    n_groups = len(find_parallels(corpus, segmenter=seg))

    def rate(sec: float) -> str:
        return f"{sec:7.2f} s  {n_chars / sec / 1e3:8.0f} k chars/s"

    print(f"jieba.lcut (baseline)                 {rate(t_jieba)}")
    print(f"Segmenter.tokenize(pos=True)          {rate(t_pos)}   ratio {t_pos / t_jieba:.2f}x")
    print(f"find_parallels, tokens cached         {rate(t_par)}   ratio {t_par / t_jieba:.2f}x  ({n_groups} groups)")
    print(f"find_parallels, first call (tags too) {rate(t_first)}   ratio {t_first / t_jieba:.2f}x")


if __name__ == "__main__":
    main()
