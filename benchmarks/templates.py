"""Speed of find_templates and mine_templates on the Government Work Reports, and peak memory.

Prints throughput and ratios against segmenting the same text with plain ``jieba.lcut``
measured in the same run (the baseline of every policytext benchmark): find_templates with
the first 66 frames of the library, with the whole bundled library, and with one group.
``--memory`` also measures the peak memory (``tracemalloc``) of find_templates with the
bundled library on 350,000 characters of the reports with the punctuation removed — one
clause-less text, the case that needed streaming (issue #24).

    PYTHONPATH=src python benchmarks/templates.py [--limit N] [--memory]
"""

from __future__ import annotations

import argparse
import re
import time
import tracemalloc

import jieba

from policytext._util.lexicon_files import lexicon_path
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
    ap.add_argument("--memory", action="store_true", help="also measure peak memory on 350k unpunctuated characters")
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
    # the 66 frames of the first library (marked so in the review file), to compare with earlier runs
    review = lexicon_path("templates_review.tsv").read_text(encoding="utf-8").splitlines()
    first = [r.split("\t")[0] for r in review if "in the library before issue #21" in r]
    for label, frames in (("first library", first), ("bundled library", None), ("group 'means'", "means")):
        find_templates(docs[:1], frames)  # warm: lexicons, compiled templates
        df, t_find = timed(lambda frames=frames: find_templates(corpus, frames))
        k = (
            len(lib)
            if frames is None
            else (len(frames) if isinstance(frames, list) else len(bundled_templates(frames)))
        )
        print(
            f"find_templates, {label} ({k}) {t_find:8.2f} s  {t_find / t_jieba:6.2f}x jieba  "
            f"{len(df):,} rows  {n / t_find / 1e3:.1f} k chars/s"
        )
    df, t_find = timed(lambda: find_templates(corpus, lib, segmenter=seg))
    print(
        f"find_templates, {len(lib)} templates, policy Segmenter  {t_find:8.2f} s  {t_find / t_jieba:6.2f}x jieba  "
        f"{len(df):,} rows"
    )

    one, t_one = timed(lambda: find_templates(corpus, "以{X}为{Y}", segmenter=seg))
    brute, _ = timed(lambda: sum(d.text.count("以") for d in docs))
    print(
        f"find_templates, 以{{X}}为{{Y}}      {t_one:8.2f} s  {t_one / t_jieba:6.2f}x jieba  {len(one):,} rows "
        f"({brute:,} anchors 以)"
    )

    mined, t_mine = timed(lambda: mine_templates(corpus, segmenter=seg))
    print(f"mine_templates (tokens cached) {t_mine:8.2f} s  {t_mine / t_jieba:6.2f}x jieba  {len(mined)} frames")

    if args.memory:
        text = re.sub(r"[，。；：！？、,.;:!?\s“”《》（）()]", "", "".join(d.text for d in docs))[:350_000]
        find_templates("预热。")
        tracemalloc.start()
        rows, t_mem = timed(lambda: find_templates(text))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"find_templates on {len(text):,} unpunctuated characters: {len(rows):,} rows, "
            f"peak traced memory {peak / 1e6:.1f} MB ({t_mem:.1f} s under tracemalloc)"
        )


if __name__ == "__main__":
    main()
