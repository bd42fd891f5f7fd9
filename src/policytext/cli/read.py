"""``policytext read FILES...``: cleaned documents with their metadata."""

from __future__ import annotations

import argparse

from ._common import add_input_arguments, add_output_arguments, load_inputs, output_options, write_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "read",
        help="read and clean documents; print them with metadata",
        description="Read files or directories, clean them, and write one row per document.",
    )
    add_input_arguments(p)
    add_output_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    write_frame(corpus.to_frame(), args.out, args.format or ("jsonl" if not args.out else None), **output_options(args))
    return 0
