"""``policytext compare A B``: what changed between two versions, sentence by sentence and 提法 by 提法.

    $ policytext compare gwr_2023.txt gwr_2024.txt
    $ policytext compare gwr_2023.txt gwr_2024.txt -o alignment.csv --html diff.html
    $ policytext compare sample:gwr_2023 sample:gwr_2024 --show 10

Prints the formulations (提法) added and dropped and a summary of the sentence alignment (kept, changed,
added, dropped); ``-o`` writes the alignment (one row per sentence, offsets into each text) as CSV, ``--html``
the side-by-side view.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus.document import Document
from ..corpus.readers import read_document
from ..errors import InputError
from ._common import add_force_argument, non_negative_int, output_options, write_frame, write_text_file

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare two versions of a text: 提法 added and dropped, sentences kept/changed/added/dropped",
        description="Compare two versions of a text (A the earlier, B the later): the formulations (提法) "
        "that appear in only one of them, and an alignment of their sentences.",
    )
    p.add_argument("a", metavar="A", help="the earlier version: a text file or sample:ID")
    p.add_argument("b", metavar="B", help="the later version: a text file or sample:ID")
    p.add_argument("-o", "--out", help="write the sentence alignment to this file (.csv .tsv .jsonl .parquet .xlsx)")
    p.add_argument("--html", metavar="FILE", help="write the side-by-side HTML view to this file")
    add_force_argument(p)
    p.add_argument(
        "--show",
        type=non_negative_int,
        default=0,
        metavar="N",
        help="also print the first N changed, added or dropped sentences",
    )
    p.add_argument(
        "--min-similarity",
        type=float,
        default=0.5,
        help="lowest similarity at which two sentences are one changed sentence (default 0.5)",
    )
    p.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    p.set_defaults(func=run)


def _read(item: str, clean: bool) -> Document:
    if item.startswith("sample:") and not Path(item).exists():
        from ..corpus.datasets import load_sample

        sample = load_sample()
        doc_id = item.split(":", 1)[1]
        if doc_id not in sample:
            raise InputError(f"{item}: the sample corpus has no document {doc_id!r} (ids like {sample.doc_ids[0]})")
        return sample[doc_id]
    p = Path(item)
    if not p.is_file():
        raise InputError(f"{item}: no such file")
    return read_document(p, doc_id=p.stem, clean=clean)


def run(args: argparse.Namespace) -> int:
    from ..comparison.diff import compare

    result = compare(
        _read(args.a, not args.no_clean), _read(args.b, not args.no_clean), min_similarity=args.min_similarity
    )
    s = result.summary()
    out = sys.stdout
    out.write(f"{result.name_a} → {result.name_b}\n")
    out.write(f"sentences: {s['kept']} kept, {s['changed']} changed, {s['added']} added, {s['dropped']} dropped\n")
    for status in ("added", "dropped"):
        rows = result.formulations[result.formulations["status"] == status]
        count = "count_b" if status == "added" else "count_a"
        items = "、".join(f"{name}({n})" for name, n in zip(rows["formulation"].astype(str), rows[count].astype(int)))
        out.write(f"提法 {status} ({len(rows)}): {items or '-'}\n")
    if args.show > 0:
        changes = result.alignment[result.alignment["status"] != "kept"].head(args.show)
        for status, a, b in zip(changes["status"], changes["a_text"], changes["b_text"]):
            out.write(f"[{status!s}] {a or ''!s} → {b or ''!s}\n")
    if args.out:
        write_frame(result.alignment, args.out, None, **output_options(args))
    if args.html:
        write_text_file(args.html, "<!doctype html><meta charset='utf-8'>\n" + result.to_html(), args)
    return 0
