"""``policytext keywords``, ``policytext keyness A B`` and ``policytext trends TERMS... --corpus DIR``.

    $ policytext keywords sample --by year --top 5
    $ policytext keywords seed.txt --idf sample --top 10
    $ policytext keyness sample:gwr_2023 sample:gwr_2013 --top 15
    $ policytext trends 高质量发展 新质生产力 --corpus sample --unit count
    $ policytext trends 科学发展观 中国式现代化 --corpus sample --first-seen

An input is a file, a directory (every *.txt below it), ``sample`` (the bundled
sample corpus) or ``sample:ID,ID`` (those documents of it).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import pandas as pd

from ..corpus.corpus import Corpus
from ..errors import InputError
from ._common import SKIP_ERRORS_HELP, add_output_arguments, load_inputs, output_options, positive_int, write_frame

__all__ = ["register"]

INPUT_HELP = "a file, a directory (all *.txt below), 'sample' (bundled corpus) or 'sample:ID,ID'"


def _load(items: Sequence[str], clean: bool = True, skip_errors: bool = False) -> Corpus:
    docs = []
    plain: list[str] = []
    for item in items:
        if item.startswith("sample:"):
            from ..corpus.datasets import load_sample

            sample = load_sample()
            for doc_id in item.split(":", 1)[1].split(","):
                doc_id = doc_id.strip()
                if doc_id not in sample:
                    ids = ", ".join(sample.doc_ids[:3])
                    raise InputError(f"{item}: the sample corpus has no document {doc_id!r} (ids like {ids}, …)")
                docs.append(sample[doc_id])
        else:
            plain.append(item)
    if plain:
        docs.extend(load_inputs(plain, clean=clean, skip_errors=skip_errors))
    try:
        return Corpus(docs)
    except InputError as e:
        raise InputError(f"inputs: {e}") from None


def _segmenter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user-dict",
        action="append",
        default=[],
        metavar="FILE",
        help="extra jieba-format lexicon (word [freq] [pos] per line); repeatable",
    )
    p.add_argument("--min-chars", type=positive_int, default=2, help="shortest term counted, in characters (default 2)")


def _segmenter(args: argparse.Namespace):
    from ..segment.segmenter import Segmenter

    return Segmenter(user_dicts=tuple(args.user_dict)) if args.user_dict else Segmenter()


def _pos(value: str | None) -> list[str] | None:
    return [p for p in value.split(",") if p.strip()] if value else None


def register(sub: argparse._SubParsersAction) -> None:
    k = sub.add_parser(
        "keywords",
        help="keywords by TF-IDF, TextRank or frequency",
        description="Rank the keywords of the inputs, of each document (--by doc_id) or of each "
        "metadata group (--by year).",
    )
    k.add_argument("inputs", nargs="+", metavar="FILES", help=INPUT_HELP)
    k.add_argument("--method", choices=["tfidf", "textrank", "frequency"], default="tfidf")
    k.add_argument("--top", type=int, default=20, help="keywords per unit (default 20)")
    k.add_argument("--by", help="rank per document (doc_id) or per metadata value (year, issuer, …)")
    k.add_argument(
        "--idf",
        nargs="+",
        metavar="REF",
        help="compute IDF over these reference inputs (plus the inputs) instead of the inputs alone",
    )
    k.add_argument("--pos", help="keep only these POS tags (prefixes), comma-separated, e.g. n,vn")
    k.add_argument("--raw-tf", action="store_true", help="TF-IDF with raw counts instead of 1 + ln(count)")
    k.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    k.add_argument("--skip-errors", action="store_true", help=SKIP_ERRORS_HELP)
    _segmenter_arguments(k)
    add_output_arguments(k)
    k.set_defaults(func=run_keywords)

    y = sub.add_parser(
        "keyness",
        help="terms over- and under-used in A against B",
        description="Keyness of every term of target A against reference B (as quanteda's "
        "textstat_keyness): counts, expected count, statistic, p-value, log ratio.",
    )
    y.add_argument("target", metavar="A", help=INPUT_HELP)
    y.add_argument("reference", metavar="B", help=INPUT_HELP)
    y.add_argument("--measure", choices=["loglik", "chi2", "pmi"], default="loglik")
    y.add_argument("--correction", choices=["default", "yates", "williams", "none"], default="default")
    y.add_argument(
        "--top", type=int, default=None, help="show the N most typical terms of each side (default: all terms)"
    )
    y.add_argument("--min-count", type=int, default=1, help="minimum combined count of a term")
    y.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    y.add_argument("--skip-errors", action="store_true", help=SKIP_ERRORS_HELP)
    _segmenter_arguments(y)
    add_output_arguments(y)
    y.set_defaults(func=run_keyness)

    t = sub.add_parser(
        "trends",
        help="counts of terms or formulas per year (提法 tracking)",
        description="Count exact terms per year (or another metadata key), raw or per 10,000 "
        "characters; --first-seen lists the first document each term appears in.",
    )
    t.add_argument("terms", nargs="+", metavar="TERMS")
    t.add_argument("--corpus", action="append", required=True, metavar="DIR", help=INPUT_HELP + "; repeatable")
    t.add_argument("--by", default="year", help="metadata key to group by (default: year)")
    t.add_argument("--unit", choices=["per_10k", "count"], default="per_10k")
    t.add_argument("--match", choices=["substring", "token"], default="substring")
    t.add_argument("--first-seen", action="store_true", help="list each term's first document instead")
    t.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    t.add_argument("--skip-errors", action="store_true", help=SKIP_ERRORS_HELP)
    add_output_arguments(t)
    t.set_defaults(func=run_trends)


def run_keywords(args: argparse.Namespace) -> int:
    from ..stats.keywords import keywords

    if args.top < 1:
        raise InputError(f"--top must be at least 1, not {args.top}")
    corpus = _load(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    idf = _load(args.idf, clean=not args.no_clean, skip_errors=args.skip_errors) if args.idf else None
    df = keywords(
        corpus,
        method=args.method,
        top=args.top,
        by=args.by,
        idf=idf,
        pos=_pos(args.pos),
        segmenter=_segmenter(args),
        min_chars=args.min_chars,
        sublinear_tf=not args.raw_tf,
    )
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_keyness(args: argparse.Namespace) -> int:
    from ..stats.keyness import keyness

    seg = _segmenter(args)
    target = _load([args.target], clean=not args.no_clean, skip_errors=args.skip_errors)
    reference = _load([args.reference], clean=not args.no_clean, skip_errors=args.skip_errors)
    df = keyness(
        target,
        reference,
        measure=args.measure,
        correction=args.correction,
        segmenter=seg,
        min_count=args.min_count,
        min_chars=args.min_chars,
    )
    if args.top:
        df = pd.concat([df.head(args.top), df.tail(args.top).iloc[::-1]]).drop_duplicates("term")
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_trends(args: argparse.Namespace) -> int:
    from ..stats.trends import first_seen, term_trends

    corpus = _load(args.corpus, clean=not args.no_clean, skip_errors=args.skip_errors)
    if args.first_seen:
        df = first_seen(corpus, args.terms, match=args.match)
    else:
        df = term_trends(corpus, args.terms, by=args.by, unit=args.unit, match=args.match).reset_index()
    write_frame(df, args.out, args.format, **output_options(args))
    return 0
