"""``policytext code CORPUS`` (rule-based content coding) and ``policytext agreement FILE...`` (reliability).

    $ policytext code ../shared/corpus/policy_docs_shandong --unit clause -o coded.parquet
    $ policytext code docs/ --codebook my_codebook.yaml --unit article --export to_code.xlsx --coders a b
    $ policytext agreement to_code.xlsx
    $ policytext agreement coder_a.csv coder_b.csv -o agreement.csv

``code`` prints the number of units per primary category; ``-o`` writes one row per (unit, category) with
offsets into each document; ``--export`` writes a coding sheet for human coders. ``agreement`` reads coding
files (written by ``--export`` and filled in, or one CSV per coder with ``unit_id,category[,second,note]``) and
prints Krippendorff's α, Cohen's κ, Fleiss' κ and percent agreement, overall and per category.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from ..errors import InputError
from ._common import add_input_arguments, add_output_arguments, load_inputs, output_options, write_frame

__all__ = ["register"]

UNITS = ("clause", "sentence", "article", "section", "paragraph")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "code",
        help="code clauses (sentences, articles, sections) with a codebook's rules (default: policy instruments)",
        description="Code every unit of the documents with the rules of a codebook (default: the bundled "
        "policy-instrument codebook after Rothwell & Zegveld 1981). Prints units per primary category; -o writes "
        "one row per (unit, category).",
    )
    add_input_arguments(p)
    p.add_argument("--codebook", metavar="FILE", help="a YAML codebook (default: the bundled policy instruments)")
    p.add_argument("--unit", choices=UNITS, default="clause", help="the unit coded (default: clause)")
    p.add_argument(
        "--export", metavar="FILE", help="also write a coding sheet for human coders (.csv, or .xlsx with openpyxl)"
    )
    p.add_argument("--coders", nargs="+", default=["coder_1", "coder_2"], metavar="NAME", help="coders of --export")
    add_output_arguments(p)
    p.set_defaults(func=run_code)

    a = sub.add_parser(
        "agreement",
        help="inter-coder reliability of coding files: Krippendorff's alpha, Cohen's/Fleiss' kappa, %% agreement",
        description="Read coding files (export sheets filled in by coders, or one CSV per coder with columns "
        "unit_id,category[,second,note]) and report reliability overall and per category.",
    )
    a.add_argument("files", nargs="+", metavar="FILE", help="coding files (.csv or .xlsx)")
    a.add_argument("--codebook", metavar="FILE", help="the codebook whose codes are allowed (default: bundled)")
    a.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples for the intervals (default 1000)")
    a.add_argument("--random-state", type=int, default=0, help="seed of the bootstrap (default 0)")
    add_output_arguments(a)
    a.set_defaults(func=run_agreement)


def run_code(args: argparse.Namespace) -> int:
    from ..coding import code_units, export_for_coding, primary_codes, resolve_codebook

    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    codebook = resolve_codebook(args.codebook)
    coded = code_units(corpus, codebook, unit=args.unit)
    options = output_options(args)
    if args.export:
        export_for_coding(coded, args.export, coders=args.coders, codebook=codebook, overwrite=options["force"])
        print(f"policytext: wrote the coding sheet {args.export}", file=sys.stderr)
    if args.out:
        write_frame(coded, args.out, args.format, **options)
        return 0
    prim = primary_codes(coded, codebook)
    counts = prim["category"].value_counts()
    order = [c for c in [*codebook.codes, "none"] if c in counts.index]
    table = pd.DataFrame({"category": order, "units": [int(counts[c]) for c in order]})
    table["share"] = (table["units"] / max(1, len(prim))).round(3)
    write_frame(table, None, args.format)
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from ..coding import agreement, read_coding, resolve_codebook

    codebook = resolve_codebook(args.codebook)
    frames = [read_coding(f, codebook) for f in args.files]
    codings = pd.concat(frames, ignore_index=True)
    dup = codings.duplicated(["unit_id", "coder"])
    if dup.any():
        coder = codings[dup]["coder"].iloc[0]
        raise InputError(f"coder {coder!r} appears in more than one file; name each coder once")
    if codings["coder"].nunique() < 2:
        raise InputError(
            f"agreement needs two or more coders; {', '.join(args.files)} hold {codings['coder'].unique()}"
        )
    table = agreement(codings, n_boot=args.n_boot, random_state=args.random_state)
    write_frame(table.round(4), args.out, args.format, **output_options(args))
    return 0
