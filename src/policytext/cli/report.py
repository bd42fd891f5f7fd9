"""``policytext report FILES -o report.html``: the HTML reading report."""

from __future__ import annotations

import argparse

from ._common import add_force_argument, add_input_arguments, load_inputs, write_text_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write a self-contained HTML report with the formulaic language highlighted",
        description="Highlight template instances, parallel groups, numbered formulas and meetings in "
        "the texts and add tables (and, for several documents, formula trends).",
    )
    add_input_arguments(p)
    p.add_argument("-o", "--out", default="report.html", help="output file (default: report.html)")
    add_force_argument(p)
    p.add_argument("--full-text", action="store_true", help="show full texts even for more than five documents")
    p.add_argument("--title", help="page title")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..reporting.html import report

    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    source = corpus[0] if len(corpus) == 1 else corpus
    page = report(source, title=args.title, full_text=True if args.full_text else None)
    write_text_file(args.out, page, args)
    print(f"wrote {args.out} ({len(page) / 1024:.0f} KB, {len(corpus)} document{'s' if len(corpus) != 1 else ''})")
    return 0
