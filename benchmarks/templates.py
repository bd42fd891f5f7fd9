"""Speed of find_templates and mine_templates on the Government Work Reports.

Prints throughput and ratios against segmenting the same text with plain ``jieba.lcut``
measured in the same run (the baseline of every policytext benchmark).

    PYTHONPATH=src python benchmarks/templates.py [--limit N]
"""

from __future__ import annotations

import argparse
import time

import jieba

from policytext.corpus.corpus import Corpus
from policytext.corpus.datasets import load_sample
from policytext.extract.templates.matching import bundled_templates, find_templates
from policytext.extract.templates.mining import mine_templates
from policytext.segment.segmenter import Segmenter


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the N most recent reports (0: all)")
    args = ap.parse_args()
    docs = [d for d in load_sample() if d.doc_id.startswith("gwr")]
    if args.limit:
        docs = docs[-args.limit :]
    corpus = Corpus(docs)
    n = sum(len(d.text) for d in docs)
    print(f"{len(docs)} reports, {n:,} characters")

    jieba.initialize()
    _, t_jieba = timed(lambda: [jieba.lcut(d.text) for d in docs])
    print(f"baseline jieba.lcut            {t_jieba:8.2f} s  {n / t_jieba / 1e3:8.1f} k chars/s")

    seg = Segmenter()
    seg.cut("预热")
    _, t_tok = timed(lambda: corpus.tokens(seg))
    print(f"Segmenter tokens (cached)      {t_tok:8.2f} s  {t_tok / t_jieba:6.2f}x jieba")

    lib = bundled_templates().template.tolist()
    df, t_find = timed(lambda: find_templates(corpus, lib, segmenter=seg))
    print(
        f"find_templates, {len(lib)} templates  {t_find:8.2f} s  {t_find / t_jieba:6.2f}x jieba  "
        f"{len(df):,} rows  {n / t_find / 1e3:.1f} k chars/s"
    )

    one, t_one = timed(lambda: find_templates(corpus, "以{X}为{Y}", segmenter=seg))
    brute, _ = timed(lambda: sum(d.text.count("以") for d in docs))
    print(
        f"find_templates, 以{{X}}为{{Y}}      {t_one:8.2f} s  {t_one / t_jieba:6.2f}x jieba  {len(one):,} rows "
        f"({brute:,} anchors 以)"
    )

    mined, t_mine = timed(lambda: mine_templates(corpus, segmenter=seg))
    print(f"mine_templates (tokens cached) {t_mine:8.2f} s  {t_mine / t_jieba:6.2f}x jieba  {len(mined)} frames")


if __name__ == "__main__":
    main()
