"""How each extractor's cost grows with the length of one clause and with the number of clauses.

Run: ``PYTHONPATH=src python benchmarks/scaling.py [--sizes 2000 8000 32000] [--tracemalloc]``

The complexity audit of issue #24 ("bounded work"): every extractor of the registry, and template
mining, runs on pathological inputs of growing size, and the script prints the time of each size and
the fitted growth exponent (the slope of log time over log size between the smallest and the largest
size: 1.0 is linear, about 1.1 is n·log n, 2.0 quadratic). Two families of input:

- ``clause:*`` one clause (no sentence punctuation) of n characters, built of one character, of a
  repeated slogan, of enumeration commas, of nested quotes and brackets, of digits;
- ``clauses`` the same real sentence repeated until n characters: cost should grow linearly.

A baseline is measured in the same run: plain ``jieba.lcut`` on the same texts (its exponent is about
1.0), so a ratio says how far an extractor departs from segmentation's own growth. Nothing here is
asserted; ``tests/test_bounded_work.py`` guards the same inputs with a generous timeout.
"""

from __future__ import annotations

import argparse
import inspect
import math
import time
import tracemalloc
from collections.abc import Callable

import jieba

from policytext import Document
from policytext.segment import Segmenter

SENTENCE = "坚持抓党建促发展，建强一个班子、带好一支队伍、办好一批实事，学出理想信念、学出对党忠诚。"


def shapes(n: int) -> dict[str, str]:
    """The pathological texts of about *n* characters, by name."""
    return {
        "clause:one_char": "党" * n,
        "clause:slogan": ("抓党建促发展" * (n // 6 + 1))[:n],
        "clause:commas": ("党建、" * (n // 3 + 1))[:n],
        "clause:quotes": "“" * (n // 2) + "”" * (n // 2),
        "clause:brackets": "（《“" * (n // 6) + "”》）" * (n // 6),
        "clause:digits": ("1+N" * (n // 3 + 1))[:n],
        "clauses": (SENTENCE * (n // len(SENTENCE) + 1))[:n],
    }


def candidates() -> list[tuple[str, Callable[..., object]]]:
    from policytext.extract.registry import extractors
    from policytext.extract.templates import mine_templates

    found: list[tuple[str, Callable[..., object]]] = [(e.name, e.function) for e in extractors()]
    return found + [("mine_templates", mine_templates)]


def call(fn: Callable[..., object], doc: Document, seg: Segmenter) -> object:
    """Run *fn* on *doc*, with the shared segmenter where the extractor takes one."""
    if "segmenter" in inspect.signature(fn).parameters:
        return fn(doc, segmenter=seg)
    return fn(doc)


def _time(fn: Callable[..., object], *args: object) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Slope of log(seconds) over log(size) between the first and the last size."""
    a, b = max(seconds[0], 1e-6), max(seconds[-1], 1e-6)
    return math.log(b / a) / math.log(sizes[-1] / sizes[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000, 32000], help="characters per input")
    ap.add_argument("--tracemalloc", action="store_true", help="also report peak memory of the largest size")
    args = ap.parse_args(argv)
    sizes = sorted(args.sizes)
    seg = Segmenter()
    jieba_tok = jieba.Tokenizer()
    jieba_tok.initialize()
    names = list(shapes(sizes[0]))
    print(f"sizes: {sizes} characters; exponent 1.0 = linear, ~1.1 = n log n, 2.0 = quadratic\n")
    header = f"{'extractor':16} {'input':17} " + " ".join(f"{s:>9}" for s in sizes) + "  exponent"
    print(header)
    print("-" * len(header))
    for shape in names:
        times = [_time(jieba_tok.lcut, shapes(s)[shape]) for s in sizes]
        print(
            f"{'jieba.lcut':16} {shape:17} " + " ".join(f"{t:9.3f}" for t in times) + f"  {exponent(sizes, times):8.2f}"
        )
    for name, fn in candidates():
        call(fn, Document("warm-up", SENTENCE), seg)  # lexicons loaded, regexes compiled: not timed
        for shape in names:
            times = []
            for s in sizes:
                doc = Document(f"{shape}-{s}", shapes(s)[shape])
                times.append(_time(call, fn, doc, seg))
            line = f"{name:16} {shape:17} " + " ".join(f"{t:9.3f}" for t in times) + f"  {exponent(sizes, times):8.2f}"
            if args.tracemalloc:
                tracemalloc.start()
                call(fn, Document("peak", shapes(sizes[-1])[shape]), seg)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                line += f"  peak {peak / 1e6:7.1f} MB"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
