"""Helpers shared by the subcommands: reading inputs, writing tables, progress."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from .._util.jobs import resolve_jobs
from .._util.output import output_target, write_output
from .._util.tables import write_table
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.readers import read_document
from ..errors import DecodeError, InputError

T = TypeVar("T")

SAMPLE = "sample"


def _int_argument(value: str) -> int:
    """*value* as an integer, or argparse's error for the argument."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None


def jobs_argument(value: str) -> int:
    """``--jobs N``: the one ``n_jobs`` rule (``_util.jobs``), checked while the arguments are parsed."""
    n = _int_argument(value)
    try:
        resolve_jobs(n, argument="--jobs")
    except InputError as e:  # argparse names the argument itself
        raise argparse.ArgumentTypeError(str(e).removeprefix("--jobs: ")) from None
    return n


def positive_int(value: str) -> int:
    """An integer of at least 1 (a count or a length)."""
    n = _int_argument(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, not {n}")
    return n


def non_negative_int(value: str) -> int:
    """An integer of at least 0 (a number of rows to show, where 0 shows none)."""
    n = _int_argument(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, not {n}")
    return n


SKIP_ERRORS_HELP = "leave out files that cannot be read (each is named on stderr) instead of stopping at the first"


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``FILES...``: files, directories (every file of a type policytext reads under them) or the word ``sample``."""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILES",
        help="files (text, HTML, PDF, Word), directories (every such file below), or 'sample' for the bundled corpus",
    )
    parser.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    parser.add_argument("--skip-errors", action="store_true", help=SKIP_ERRORS_HELP)


def add_output_arguments(
    parser: argparse.ArgumentParser, formats: Sequence[str] = ("table", "csv", "tsv", "jsonl", "parquet", "xlsx")
) -> None:
    """``-o/--out``, ``--format`` and ``--force``."""
    parser.add_argument(
        "-o", "--out", help="write to this file (.csv .tsv .jsonl .parquet .xlsx .txt; '-' standard output)"
    )
    parser.add_argument("--force", action="store_true", help="replace the --out file if it exists")
    parser.add_argument(
        "--format",
        choices=list(formats),
        default=None,
        help="output format (default: from the --out suffix, else table)",
    )


def load_inputs(inputs: Sequence[str], clean: bool = True, skip_errors: bool = False) -> Corpus:
    """Read files, directories and ``sample`` into one corpus (ids stay unique). A file that cannot be read
    stops the command, naming it; with *skip_errors* it is left out and named on stderr instead."""
    docs: list[Document] = []
    skipped: list[str] = []
    for item in inputs:
        if item == SAMPLE and not Path(item).exists():
            from ..corpus.datasets import load_sample

            docs.extend(load_sample())
            continue
        p = Path(item)
        try:
            if p.is_dir():
                # every type policytext reads
                corpus = Corpus.from_dir(p, pattern="**/*", clean=clean, errors="skip" if skip_errors else "raise")
                docs.extend(corpus)
                unreadable = corpus.problems[corpus.problems["kind"] == "unreadable"]
                skipped += [str(reason) for reason in unreadable["reason"]]
            elif p.is_file():
                docs.append(read_document(p, doc_id=p.stem, clean=clean))
            else:
                raise InputError(f"{item}: no such file or directory")
        except (DecodeError, InputError) as e:
            if not p.exists():  # a mistake in the command, never skipped
                raise
            if skip_errors:
                skipped.append(str(e))
                continue
            if len(inputs) > 1 or p.is_dir():
                print(
                    "policytext: hint: --skip-errors reads the other files and names those it cannot read",
                    file=sys.stderr,
                )
            raise
    for reason in skipped:
        print(f"policytext: warning: skipped: {reason}", file=sys.stderr)
    if not docs:
        raise InputError(f"no documents read from {', '.join(inputs)}")
    seen: set[str] = set()
    for d in docs:
        d.doc_id = unique_id(d.doc_id, seen, where=str(d.meta.get("path") or d.doc_id))
    return Corpus(docs)


def unique_id(doc_id: str, seen: set[str], where: str) -> str:
    """*doc_id*, or ``doc_id#2``, ``#3``… when an earlier input already used it, with a warning on stderr.

    The same rule for every command that reads several inputs, so two files called ``x.txt`` in two
    folders are two documents, never one replacing the other.
    """
    new, k = doc_id, 1
    while new in seen:
        k += 1
        new = f"{doc_id}#{k}"
    if new != doc_id:
        print(
            f"policytext: warning: {where}: doc_id {doc_id!r} is taken by an earlier input; using {new!r}",
            file=sys.stderr,
        )
    seen.add(new)
    return new


# the arguments that name outputs (-o/--out, compare --html, lexicon mine --write, code --export): an existing one
# is replaced with --force, never protected as an input
OUTPUT_ARGUMENTS = frozenset(("out", "html", "write", "export"))


def output_options(args: argparse.Namespace) -> dict[str, Any]:
    """``force`` and the paths an output must never replace (every existing path among the arguments that are
    not outputs: the inputs)."""
    protect: list[str] = []
    for key, value in vars(args).items():
        if key in OUTPUT_ARGUMENTS or key == "func":
            continue
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, str) and v not in ("", "-", SAMPLE) and Path(v).exists():
                protect.append(v)
    return {"force": bool(getattr(args, "force", False)), "protect": protect}


def add_force_argument(parser: argparse.ArgumentParser) -> None:
    """``--force``: replace an existing output instead of refusing."""
    parser.add_argument("--force", action="store_true", help="replace the output if it exists")


def write_text_file(path: str | None, text: str, args: argparse.Namespace) -> None:
    """Write *text* to *path* (standard output for ``None`` or ``-``) under the same rules as tables."""
    options = output_options(args)
    write_output(output_target(path, overwrite=options["force"], protect=options["protect"]), text)


def write_frame(
    df: pd.DataFrame, out: str | None, fmt: str | None, *, force: bool = False, protect: Sequence[str] = ()
) -> None:
    """Write *df* to *out* (or standard output) in *fmt*, or in the format of *out*'s suffix.

    One writer for every command (:mod:`policytext._util.tables`): an existing *out* is refused
    unless *force*; an *out* among *protect* (the inputs) always.
    """
    write_table(df, out, format=fmt, overwrite=force, protect=protect)
