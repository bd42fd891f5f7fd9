"""The ``policytext`` command.

Each module in this package that defines ``register(subparsers)`` adds its own
subcommands; :func:`main` discovers them, so capabilities stay in their own files.

    $ policytext --help
    $ policytext read seed.txt --format jsonl
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from ..errors import PolicytextError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every discovered subcommand."""
    from .._util.version import package_version

    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Analyse Chinese policy and political texts.",
    )
    parser.add_argument("--version", action="version", version=f"policytext {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policytext`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PolicytextError as e:
        print(f"policytext: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piping into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
