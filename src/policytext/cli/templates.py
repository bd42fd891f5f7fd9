"""``policytext templates find|mine|list`` and the top-level alias ``policytext mine``.

$ policytext templates find seed.txt --template '抓{X}党建促{Y}'
$ policytext templates mine sample --top 30
$ policytext mine reports/ -o frames.csv
"""

from __future__ import annotations

import argparse
import sys

from ..errors import InputError
from ._common import add_input_arguments, add_output_arguments, load_inputs, output_options, write_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "templates",
        help="find slot templates (抓{X}促{Y}) or mine new ones",
        description="Find instances of slot templates, or discover recurring frames.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    f = actions.add_parser(
        "find",
        help="find instances of templates (default: the bundled library)",
        description="Find instances of slot templates. Without --template the bundled "
        "library lexicons/templates.txt is used.",
    )
    add_input_arguments(f)
    f.add_argument(
        "-t",
        "--template",
        action="append",
        dest="templates",
        metavar="T",
        help="a template such as '抓{X}党建促{Y}' (repeatable)",
    )
    f.add_argument(
        "--template-file",
        metavar="PATH",
        help="a file of templates, one per line (TAB-separated gloss/example/source allowed)",
    )
    add_output_arguments(f)
    f.set_defaults(func=run_find)

    m = actions.add_parser(
        "mine",
        help="discover recurring frames with slots",
        description="Discover recurring literal skeletons with slots (抓{}党建促{}).",
    )
    _mine_arguments(m)

    lst = actions.add_parser("list", help="show the bundled template library")
    add_output_arguments(lst)
    lst.set_defaults(func=run_list)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    alias = sub.add_parser(
        "mine",
        help="discover recurring frames (same as 'templates mine')",
        description="Discover recurring literal skeletons with slots (抓{}党建促{}).",
    )
    _mine_arguments(alias)


def _mine_arguments(m: argparse.ArgumentParser) -> None:
    add_input_arguments(m)
    m.add_argument(
        "--min-support", type=int, default=3, metavar="N", help="a frame needs at least N distinct fillers (default 3)"
    )
    m.add_argument("--top", type=int, default=30, metavar="N", help="show the N best frames (default 30)")
    add_output_arguments(m)
    m.set_defaults(func=run_mine)


def run_find(args: argparse.Namespace) -> int:
    from ..extract.templates.matching import (
        find_templates,
        format_for_terminal,
        load_templates,
    )

    templates: list[str] | None = None
    if args.templates:
        templates = list(args.templates)
    if args.template_file:
        templates = (templates or []) + [e.template for e in load_templates(args.template_file)]
    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    try:
        df = find_templates(corpus, templates)
    except InputError as e:
        raise InputError(f"--template: {e}") from None
    if not args.out and args.format in (None, "table"):
        sys.stdout.write(format_for_terminal(df))
        return 0
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_mine(args: argparse.Namespace) -> int:
    from ..extract.templates.mining import format_for_terminal, mine_templates

    if args.min_support < 2:
        raise InputError(f"--min-support must be at least 2, got {args.min_support}")
    if args.top < 1:
        raise InputError(f"--top must be at least 1, got {args.top}")
    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    df = mine_templates(corpus, min_support=args.min_support, top=args.top)
    if not args.out and args.format in (None, "table"):
        sys.stdout.write(format_for_terminal(df, n=args.top))
        return 0
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..extract.templates.matching import bundled_templates

    write_frame(bundled_templates(), args.out, args.format, **output_options(args))
    return 0
