"""``policytext demo``: the whole pipeline on the bundled sample corpus."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="run the whole pipeline on the bundled sample corpus",
        description="Read the bundled sample corpus (the seed article and the national Government Work Reports "
        "1954-2025), segment it, extract templates, parallels, formulas and meetings, compute keywords, "
        "keyness and topics, build an index, and write report.html, CSV tables, PNG figures and "
        "index.db to an output folder.",
    )
    p.add_argument("--out", default="policytext-demo", help="output folder (default: policytext-demo/)")
    p.add_argument("--topics", type=int, default=12, help="number of topics (default 12)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..reporting.demo import EXAMPLE_QUERIES, run_demo

    written = run_demo(args.out, n_topics=args.topics)
    out = Path(args.out)
    print(f"policytext demo wrote {len(written)} files to {out}/:")
    for path in written:
        size = path.stat().st_size
        print(f"  {path.name:<32} {size / 1024:>8.1f} KB")
    print(f"\nOpen {out / 'report.html'} in a browser. Three queries to try on the index:")
    db = out / "index.db"
    for verb, query, what in EXAMPLE_QUERIES:
        extra = " --by year" if verb == "count" else ""
        print(f"  policytext {verb} {db} '{query}'{extra}    # {what}")
    return 0
