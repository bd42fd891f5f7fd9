"""``policytext extract KIND FILES...``: run one extractor, write its tidy table.

Each kind names a function ``policytext.extract.<module>.<function>``; a module may
define ``format_for_terminal(df) -> str`` to print its findings readably.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ._common import add_input_arguments, add_output_arguments, load_inputs, write_frame

# kind -> (module under policytext.extract, function name, help)
EXTRACTORS: dict[str, tuple[str, str, str]] = {
    "templates": ("templates", "find_templates", "slot templates such as 抓{X}党建促{Y}"),
    "parallels": ("parallels", "find_parallels", "parallel structures (排比, 对仗)"),
    "formulas": ("formulas", "find_formulas", "numbered formulas such as 两个维护"),
    "meetings": ("formulas", "find_meetings", "meetings such as 党的十九届六中全会"),
    "quotes": ("formulas", "find_quoted_terms", "quoted terms such as “思想铸魂”工程"),
    "references": ("formulas", "find_references", "titles in 《》"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="extract formulaic language into a table",
                       description="Run one extractor over files, directories or the sample corpus.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    for kind, (_, _, help_text) in EXTRACTORS.items():
        k = kinds.add_parser(kind, help=help_text, description=f"Find {help_text}.")
        add_input_arguments(k)
        add_output_arguments(k)
        k.set_defaults(func=run, kind=kind)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run(args: argparse.Namespace) -> int:
    module_name, func_name, _ = EXTRACTORS[args.kind]
    module = importlib.import_module(f"policytext.extract.{module_name}")
    corpus = load_inputs(args.inputs, clean=not args.no_clean)
    df = getattr(module, func_name)(corpus)
    fmt = args.format
    formatter = getattr(module, "format_for_terminal", None)
    if formatter is not None and not args.out and fmt in (None, "table"):
        sys.stdout.write(formatter(df))
        return 0
    write_frame(df, args.out, fmt)
    return 0
