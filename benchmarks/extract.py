"""Time every extractor in ``policytext.extract`` over the Government Work Reports 1954–2025,
as a ratio to segmenting the same texts with plain ``jieba.lcut`` measured in the same run.

Run: ``PYTHONPATH=src python benchmarks/extract.py [--repeat 3]``

What is timed (design.md, "What a speed ratio times"): the extractors run on a corpus whose
tokens are already cached (``Corpus.tokens(seg)`` is called first), so segmentation is
excluded from their times; the segmentation itself is reported beside them. Each extractor
is run once cold (first call: bundled lexicons loaded, regexes compiled) and then
``--repeat`` times warm; the ratio uses the best warm time. The extractors are those of the
registry (:mod:`policytext.extract.registry`), each held to its declared speed budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import jieba

from policytext.corpus.datasets import load_sample


# every extractor of the registry, held to its declared speed budget (design.md: formulaic <= 0.5x
# jieba, parallels <= 1x), and template mining, which is not a span extractor, at the formulaic budget
def candidates() -> list[tuple[str, Callable[..., object], float]]:
    from policytext.extract.registry import extractors
    from policytext.extract.templates import mine_templates

    found: list[tuple[str, Callable[..., object], float]] = [(e.name, e.function, e.speed_budget) for e in extractors()]
    return found + [("mine_templates", mine_templates, 0.5)]


def _time(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="warm runs per extractor (best is used)")
    args = ap.parse_args(argv)

    corpus = load_sample(include_seed=False)
    texts = [d.text for d in corpus]
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} Government Work Reports, {chars:,} characters")

    jieba.initialize()  # load the dictionary outside the timing
    baseline = min(_time(lambda: [jieba.lcut(t) for t in texts]) for _ in range(2))
    print(f"baseline  jieba.lcut (plain, warm): {baseline:7.2f} s  {chars / baseline / 1e3:8.0f} k chars/s")

    seg = None
    try:
        from policytext.segment.segmenter import Segmenter

        seg = Segmenter()
        t_seg = _time(lambda: corpus.tokens(seg))
        print(
            f"policytext Segmenter, corpus.tokens (cached for the extractors): {t_seg:7.2f} s  "
            f"= {t_seg / baseline:5.2f}x jieba"
        )
    except Exception as e:  # pragma: no cover - reported, not fatal
        print(f"segmentation skipped: {e!r}")

    print(f"\n{'extractor':<34}{'rows':>8}{'cold s':>9}{'warm s':>9}{'ratio':>8}  target")
    ok = True
    total: dict[float, float] = {}
    for label, func, target in candidates():
        result: list[object] = []
        cold = _time(lambda func=func, result=result: result.append(func(corpus)))
        warm = [_time(lambda func=func: func(corpus)) for _ in range(max(1, args.repeat))]
        best = min(warm)
        ratio = best / baseline
        verdict = "ok" if ratio <= target else "SLOW"
        ok &= ratio <= target
        total[target] = total.get(target, 0.0) + best
        rows = len(result[0]) if hasattr(result[0], "__len__") else 0
        print(
            f"{label:<34}{rows:>8}{cold:>9.3f}{best:>9.3f}{ratio:>7.3f}x  <= {target}x {verdict}"
            f"  (warm median {statistics.median(warm):.3f} s)"
        )
    for target, t in sorted(total.items()):
        if t:
            print(
                f"{f'all extractors of budget {target}x':<34}{'':>8}{'':>9}{t:>9.3f}{t / baseline:>7.3f}x  "
                f"(sum of warm times)"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
