"""``policytext extract NAME FILES...``: run one extractor, write its tidy table.

The subcommands come from the extractor registry (:mod:`policytext.extract.registry`):
every declared extractor is one, with its declared help; one with a declared
formatter prints its findings readably on a terminal.
"""

from __future__ import annotations

import argparse
import sys

from ..extract.registry import extractors, get_extractor
from ._common import add_input_arguments, add_output_arguments, load_inputs, output_options, write_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract formulaic language into a table",
        description="Run one extractor over files, directories or the sample corpus.",
    )
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    for e in extractors():
        k = kinds.add_parser(e.name, help=e.help, description=f"Find {e.help}.")
        add_input_arguments(k)
        add_output_arguments(k)
        k.set_defaults(func=run, kind=e.name)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run(args: argparse.Namespace) -> int:
    e = get_extractor(args.kind)
    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    df = e.function(corpus)
    fmt = args.format
    if not args.out and fmt in (None, "table"):
        text = e.format_for_terminal(df)
        if text is not None:
            sys.stdout.write(text)
            return 0
    write_frame(df, args.out, fmt, **output_options(args))
    return 0
