"""Speed of find_parallels over the Government Work Reports of the bundled sample.

Times, in one run and on the same texts:
  1. plain ``jieba.lcut`` over every report (the baseline; jieba's global tokenizer is fine here);
  2. the Segmenter's ``tokenize(text, pos=True)`` (what find_parallels needs; reported beside);
  3. ``find_parallels`` on a Corpus whose tagged tokens are already cached (segmentation excluded,
     as design.md's clarification asks).

Run: ``PYTHONPATH=src python benchmarks/parallels.py [--repeat N]``. Prints characters per second
and the ratio of (3) to (1); the aim is at most 1x.

``--dev [SPLITS]`` scores the development sets instead (needs ``../shared/corpus``): the national
passages of ``tests/data/parallels_dev`` and the local-genre passages of issue #21
(``tests/data/local_genres_dev``: ``passages.json``, and the fresh provincial reports of
``passages_gwr.json`` as the set ``gwr-new``), recall, precision and F1 per genre and split, with the matching rule
of ``tests/helpers/parallel_scoring.py``. SPLITS is ``tune`` (default) or ``tune,heldout``: the
held-out passages are scored only when asked, once the code is final.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

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


def dev_scores(splits: list[str], corpus_dir: Path) -> None:
    """Print the scores of the development sets, per genre and split."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from helpers.parallel_scoring import Score, score_groups
    from helpers.parallels_dev import load_dev, load_gwr_dev, load_local_dev
    from policytext.segment.defaults import extractor_segmenter

    seg = extractor_segmenter()  # find_parallels' default
    rows: dict[tuple[str, str, str], Score] = {}
    passages = [("national", "tune", p) for p in load_dev(corpus_dir)]
    passages += [("local", p.split, p) for p in load_local_dev(corpus_dir) if p.split in splits]
    passages += [("gwr-new", p.split, p) for p in load_gwr_dev(corpus_dir) if p.split in splits]
    for dev_set, split, p in passages:
        df = find_parallels(p.text, segmenter=seg)
        s = score_groups(list(zip(df["kind"], df["item_spans"])), p.parallels, p.lists + p.pairs)
        key = (dev_set, p.genre, split)
        rows[key] = rows.get(key, Score()) + s
    print(f"{'set':<9}{'genre':<28}{'split':<9}{'gold':>5}{'found':>6}{'recall':>7}{'wrong':>6}{'prec':>6}{'F1':>6}")
    for (dev_set, genre, split), s in sorted(rows.items()):
        print(
            f"{dev_set:<9}{genre:<28}{split:<9}{s.n_gold:>5}{s.found:>6}{s.recall:>7.2f}{s.wrong:>6}"
            f"{s.precision:>6.2f}{s.f1:>6.2f}"
        )
    for dev_set in ("national", "local", "gwr-new"):
        for split in ("tune", "heldout"):
            parts = [s for (d, _, sp), s in rows.items() if d == dev_set and sp == split]
            if parts:
                total = sum(parts, Score())
                print(f"{dev_set} {split}: {total}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2, help="best of N timings (default 2)")
    ap.add_argument("--dev", nargs="?", const="tune", default=None, help="score the development sets (tune[,heldout])")
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    args = ap.parse_args()
    if args.dev is not None:
        dev_scores(args.dev.split(","), args.corpus)
        return

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
