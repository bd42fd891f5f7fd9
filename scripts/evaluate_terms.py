"""Score how many annotated official formulations a segmenter keeps whole (issue #20).

Usage::

    python scripts/evaluate_terms.py [--split tune|heldout|all] [--granularity coarse] [--backend jieba]
                                     [--lexicon policy|none|PATH] [--data tests/data/terms_dev/passages.json]
                                     [--corpus ../shared/corpus] [--misses]

Each passage of the development set (``tests/data/terms_dev/passages.json``) is read from the shared corpus
(its sha1 is checked) and segmented with ``policytext.Segmenter(...)``. An occurrence of an annotated term is
*kept whole* when one token spans it exactly. Occurrences that lie inside an occurrence of a longer annotated
term of the same passage are not scored (the longer formulation governs them). Two rates are printed per
passage and overall, beside plain ``jieba.lcut`` (a private ``jieba.Tokenizer`` with jieba's own dictionary):

- by type: share of the passage's terms whose every scored occurrence is one token;
- by occurrence: share of scored occurrences that are one token.

Held-out passages are for the end: score them once the lexicon and the code are final.

>>> occurrences("稳中求进，稳中求进工作总基调", ["稳中求进", "稳中求进工作总基调"])["稳中求进"]
[(0, 4)]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "tests" / "data" / "terms_dev" / "passages.json"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

Spans = set[tuple[int, int]]


def occurrences(text: str, terms: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Scored occurrences ``(start, end)`` of each term in *text*.

    Overlapping occurrences are all found; an occurrence strictly inside an occurrence of a
    longer term of *terms* is dropped.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for t in terms:
        spans, i = [], text.find(t)
        while i >= 0:
            spans.append((i, i + len(t)))
            i = text.find(t, i + 1)
        found[t] = spans
    longer = sorted({s for spans in found.values() for s in spans}, key=lambda s: s[0] - s[1])
    out: dict[str, list[tuple[int, int]]] = {}
    for t, spans in found.items():
        out[t] = [
            (a, b)
            for a, b in spans
            if not any(c <= a and b <= d and (d - c) > (b - a) for c, d in longer if d - c > b - a)
        ]
    return out


def score_passage(occ: dict[str, list[tuple[int, int]]], token_spans: Spans) -> dict[str, object]:
    """Types and occurrences kept whole, given the spans of the segmenter's tokens."""
    types = whole_types = n_occ = whole_occ = 0
    missed: list[str] = []
    for term, spans in occ.items():
        if not spans:
            continue
        types += 1
        ok = [s in token_spans for s in spans]
        n_occ += len(ok)
        whole_occ += sum(ok)
        if all(ok):
            whole_types += 1
        else:
            missed.append(term)
    return {"types": types, "whole_types": whole_types, "occ": n_occ, "whole_occ": whole_occ, "missed": missed}


def spans_of_words(words: Iterable[str]) -> Spans:
    """Spans of consecutive *words* that concatenate to the text."""
    out, i = set(), 0
    for w in words:
        out.add((i, i + len(w)))
        i += len(w)
    return out


def load_passages(data: Path, corpus: Path, split: str) -> list[dict]:
    """The passages of *split* with their text, read from *corpus* and checked against the stored sha1."""
    records = json.loads(data.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if split != "all" and r["split"] != split:
            continue
        path = corpus / r["path"]
        if not path.is_file():
            raise SystemExit(f"{path}: not found (is ../shared/corpus present? pass --corpus)")
        text = path.read_bytes().decode("utf-8")[r["start"] : r["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
            raise SystemExit(f"{r['path']} [{r['start']}:{r['end']}]: sha1 differs from {data}; the corpus changed")
        out.append({**r, "text": text})
    return out


def evaluate(passages: list[dict], cutters: dict[str, Callable[[str], Spans]]) -> list[dict]:
    """One row per passage and cutter: counts of types and occurrences kept whole."""
    rows = []
    for p in passages:
        occ = occurrences(p["text"], p["terms"])
        for name, spans_of in cutters.items():
            s = score_passage(occ, spans_of(p["text"]))
            rows.append(
                {"passage": f"{p['path']}:{p['start']}", "split": p["split"], "scope": p["scope"], "cutter": name, **s}
            )
    return rows


def _rate(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(rows: list[dict], names: list[str], misses: bool = False) -> str:
    """A plain-text table: per passage, then per scope and overall (micro-averaged)."""
    lines = []
    head = f"{'passage':<72} {'split':<7} " + " ".join(f"{n + ' type':>14} {n + ' occ':>12}" for n in names)
    lines.append(head)
    by_passage: dict[str, dict[str, dict]] = {}
    for r in rows:
        by_passage.setdefault(r["passage"], {})[r["cutter"]] = r
    for key, per in by_passage.items():
        first = per[names[0]]
        cells = " ".join(
            f"{_rate(per[n]['whole_types'], per[n]['types']):>14} {_rate(per[n]['whole_occ'], per[n]['occ']):>12}"
            for n in names
        )
        lines.append(f"{key:<72} {first['split']:<7} {cells}")
        if misses:
            lines.append("    missed: " + " ".join(first["missed"]))
    for label, keep in (
        ("local", lambda r: r["scope"] == "local"),
        ("national", lambda r: r["scope"] == "national"),
        ("ALL", lambda r: True),
    ):
        cells = []
        for n in names:
            sel = [r for r in rows if r["cutter"] == n and keep(r)]
            t = sum(r["types"] for r in sel)
            cells.append(
                f"{_rate(sum(r['whole_types'] for r in sel), t):>14} "
                f"{_rate(sum(r['whole_occ'] for r in sel), sum(r['occ'] for r in sel)):>12}"
            )
        n_types = sum(r["types"] for r in rows if r["cutter"] == names[0] and keep(r))
        lines.append(f"{label + f' ({n_types} term types)':<72} {'':<7} " + " ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="tune")
    ap.add_argument("--granularity", default="coarse")
    ap.add_argument("--backend", default="jieba")
    ap.add_argument("--lexicon", default="policy", help="'policy' (bundled), 'none', or a jieba-format file")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--misses", action="store_true", help="list the terms the segmenter splits or glues")
    args = ap.parse_args(argv)

    import jieba

    from policytext import Segmenter

    lexicon = None if args.lexicon == "none" else args.lexicon
    seg = Segmenter(lexicon=lexicon, granularity=args.granularity, backend=args.backend)
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)
    plain = jieba.Tokenizer()

    cutters: dict[str, Callable[[str], Spans]] = {
        "policytext": lambda text: {(t.start, t.end) for t in seg.tokenize(text)},
        "jieba": lambda text: spans_of_words(plain.lcut(text)),
    }
    passages = load_passages(args.data, args.corpus, args.split)
    rows = evaluate(passages, cutters)
    print(f"segmenter: {seg!r}; split={args.split}; {len(passages)} passages")
    print(report(rows, list(cutters), misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
