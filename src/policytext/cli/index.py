"""The index commands: ``policytext index build|info|remove|optimize``, ``search``, ``kwic``, ``count``.

$ policytext index build texts/ --db corpus.db
$ policytext search corpus.db "党建 year:2015..2023"
$ policytext kwic corpus.db "抓*促" --window 15
$ policytext count corpus.db "乡村振兴" --by year
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .._util.progress import progress
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.readers import read_document, select_files
from ..errors import DecodeError, InputError
from ..index import DEFAULT_SEGMENT_CHARS, Index
from ._common import SAMPLE, add_output_arguments, output_options, unique_id, write_frame

QUERY_HELP = (
    'query: 党建 (exact substring) · 党建 乡村 (AND) · 党建 OR 党的建设 · -扶贫 (NOT) · "a b" (literal) · '
    "抓*促 (gap ≤10 chars in a sentence; 抓*20促) · year:2023 · year:2010..2020 · issuer:国务院"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "index",
        help="build and manage a persistent keyword index (SQLite)",
        description="Build and manage a persistent exact-substring index. Query it with "
        "`policytext search`, `policytext kwic` and `policytext count`.",
    )
    cmds = p.add_subparsers(dest="index_command", metavar="ACTION")
    b = cmds.add_parser(
        "build",
        help="add files, directories or 'sample' to an index (created if needed)",
        description="Index text files (directories: every file matching --pattern below them), "
        "CSV/JSONL files with one document per row, or 'sample'. A doc_id already in "
        "the index is replaced. The whole build is one transaction.",
    )
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, or 'sample'")
    b.add_argument("--db", required=True, help="the index file (created if it does not exist)")
    b.add_argument("--pattern", default="**/*.txt", help="files to read below a directory (default: **/*.txt)")
    b.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")
    b.add_argument("--skip-errors", action="store_true", help="skip unreadable files with a warning")
    b.add_argument(
        "--segment-chars",
        type=int,
        default=DEFAULT_SEGMENT_CHARS,
        help=f"characters per index segment (memory while building; default {DEFAULT_SEGMENT_CHARS:,})",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=run_build)
    i = cmds.add_parser("info", help="documents, characters, segments and sizes of an index")
    i.add_argument("db")
    i.add_argument("--documents", action="store_true", help="list the documents with their metadata")
    add_output_arguments(i)
    i.set_defaults(func=run_info)
    r = cmds.add_parser("remove", help="remove documents by doc_id")
    r.add_argument("db")
    r.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    r.add_argument("--missing-ok", action="store_true", help="ignore doc_ids that are not in the index")
    r.set_defaults(func=run_remove)
    o = cmds.add_parser("optimize", help="merge small segments and compact the file")
    o.add_argument("db")
    o.set_defaults(func=run_optimize)
    ck = cmds.add_parser(
        "check",
        help="verify an index file (read-only): its pages, then its postings and metadata against the stored texts; "
        "exit 0 when it is whole, 1 when damaged",
    )
    ck.add_argument("db")
    ck.add_argument("--quick", action="store_true", help="only SQLite's check of the file's pages (fast)")
    ck.set_defaults(func=run_check)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    s = sub.add_parser(
        "search",
        help="rank the documents of an index for a query",
        description="Documents matching QUERY, best first (BM25). " + QUERY_HELP,
    )
    s.add_argument("db")
    s.add_argument("query")
    s.add_argument("-n", "--limit", type=int, default=20, help="number of documents (default 20; 0 = all)")
    add_output_arguments(s)
    s.set_defaults(func=run_search)

    k = sub.add_parser(
        "kwic",
        help="every occurrence of a query in context (concordance)",
        description="Keyword in context, in corpus order. " + QUERY_HELP,
    )
    k.add_argument("db")
    k.add_argument("query")
    k.add_argument("-w", "--window", type=int, default=20, help="characters of context each side (default 20)")
    k.add_argument("-n", "--limit", type=int, default=None, help="at most this many lines")
    add_output_arguments(k)
    k.set_defaults(func=run_kwic)

    c = sub.add_parser(
        "count",
        help="count the occurrences of a query, optionally by metadata",
        description="Occurrences of QUERY; with --by, one row per metadata value. " + QUERY_HELP,
    )
    c.add_argument("db")
    c.add_argument("query")
    c.add_argument(
        "--by",
        action="append",
        metavar="FIELD",
        help="group by this metadata field (year, issuer, doc_id, …); repeat for several",
    )
    add_output_arguments(c)
    c.set_defaults(func=run_count)


# --- reading inputs one document at a time ---------------------------------------------


def _plan(inputs: list[str], pattern: str) -> list[tuple[str, Path | None, Path | None]]:
    """(kind, root, file) items; directories are listed but nothing is read yet."""
    plan: list[tuple[str, Path | None, Path | None]] = []
    for item in inputs:
        p = Path(item)
        if item == SAMPLE and not p.exists():
            plan.append(("sample", None, None))
        elif p.is_dir():
            files, _skipped = select_files(p, pattern)  # never the metadata file; only types policytext reads
            if not files:
                raise InputError(f"{p}: no files matching {pattern!r}")
            plan.extend(("file", p, f) for f in files)
        elif p.is_file():
            kind = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}.get(p.suffix.lower(), "file")
            plan.append((kind, None, p))
        else:
            raise InputError(f"{item}: no such file or directory")
    return plan


def _documents(plan: list[tuple[str, Path | None, Path | None]], clean: bool, skip_errors: bool) -> Iterator[Document]:
    seen: set[str] = set()  # ids of this build: a later input never replaces an earlier one
    for doc in _read_plan(plan, clean, skip_errors):
        doc.doc_id = unique_id(doc.doc_id, seen, where=str(doc.meta.get("path") or doc.doc_id))
        yield doc


def _read_plan(plan: list[tuple[str, Path | None, Path | None]], clean: bool, skip_errors: bool) -> Iterator[Document]:
    for kind, root, f in plan:
        if kind == "sample":
            from ..corpus.datasets import load_sample

            yield from load_sample()
        elif kind == "csv":
            yield from Corpus.from_csv(f, clean=clean)  # type: ignore[arg-type]
        elif kind == "jsonl":
            yield from Corpus.from_jsonl(f, clean=clean)  # type: ignore[arg-type]
        else:
            assert f is not None
            doc_id = f.relative_to(root).with_suffix("").as_posix() if root is not None else f.stem
            try:
                yield read_document(f, doc_id=doc_id, clean=clean)
            except (DecodeError, InputError) as e:
                if not skip_errors:
                    raise
                print(f"policytext: warning: skipped {e}", file=sys.stderr)


def run_build(args: argparse.Namespace) -> int:
    plan = _plan(args.inputs, args.pattern)
    docs = _documents(plan, clean=not args.no_clean, skip_errors=args.skip_errors)
    db = Path(args.db)
    new_file = not db.exists()
    try:
        with Index(args.db, segment_chars=args.segment_chars) as idx:
            n = idx.add(
                progress(
                    docs,
                    total=len(plan) if all(k == "file" for k, _, _ in plan) else None,
                    desc="indexing",
                    enabled=not args.quiet and sys.stderr.isatty(),
                )
            )
            info = idx.info()
    except BaseException:
        if new_file:  # a build that failed leaves no empty index behind (an existing one is as it was: one transaction)
            for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    print(
        f"indexed {n:,} documents into {args.db}: {info['documents']:,} documents, "
        f"{info['characters']:,} characters, {info['segments']} segments",
        file=sys.stderr,
    )
    return 0


def run_info(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        if args.documents:
            write_frame(idx.documents(), args.out, args.format, **output_options(args))
        else:
            write_frame(
                pd.DataFrame([idx.info()]).T.reset_index().set_axis(["field", "value"], axis=1), args.out, args.format
            )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        n = idx.remove(args.doc_ids, missing_ok=args.missing_ok)
    print(f"removed {n} documents from {args.db}", file=sys.stderr)
    return 0


def run_optimize(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        idx.optimize(vacuum=True)
    return 0


def _for_terminal(df: pd.DataFrame, fmt: str | None, out: str | None) -> pd.DataFrame:
    if out or fmt not in (None, "table"):
        return df
    df = df.copy()
    for col in ("left", "match", "right", "snippet", "title"):
        if col in df.columns:
            df[col] = df[col].astype(str).str.replace(r"[\r\n]", " ", regex=True)
    return df


def run_search(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        df = idx.search(args.query, top=args.limit or None)
    write_frame(_for_terminal(df, args.format, args.out), args.out, args.format, **output_options(args))
    return 0


def run_kwic(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        df = idx.kwic(args.query, window=args.window, top=args.limit)
    if not args.out and args.format in (None, "table"):
        # a concordance: right-aligned left context, the match, the right context
        if df.empty:
            print("(no occurrences)")
            return 0
        left = df["left"].str.replace(r"[\r\n]", " ", regex=True)
        right = df["right"].str.replace(r"[\r\n]", " ", regex=True)
        width = args.window
        id_w = max(len(str(x)) for x in df["doc_id"])
        for d, s, lf, m, rt in zip(df["doc_id"], df["start"], left, df["match"], right):
            pad = "\u3000" * max(0, width - len(lf))
            sys.stdout.write(f"{d!s:<{id_w}} {s:>7}  {pad}{lf}【{m}】{rt}\n")
        return 0
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_count(args: argparse.Namespace) -> int:
    with Index(args.db, create=False) as idx:
        if not args.by:
            n = idx.count(args.query)
            if args.out:
                write_frame(
                    pd.DataFrame({"query": [args.query], "occurrences": [n]}),
                    args.out,
                    args.format,
                    **output_options(args),
                )
            else:
                print(n)
            return 0
        df = idx.count(args.query, by=args.by if len(args.by) > 1 else args.by[0])
    write_frame(df, args.out, args.format, **output_options(args))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """``policytext index check DB``: SQLite's integrity check, then the postings and metadata against the stored
    texts (``--quick``: the pages only), read-only."""
    from ..index.verification import verify_index

    unverified: list[int] = []
    problems = verify_index(args.db, content=not args.quick, unverified=unverified)
    if not problems:
        note = " (pages only: --quick)" if args.quick else ""
        if unverified:
            note = (
                f" ({len(unverified)} segments hold removed documents and were not verified; "
                "`policytext index optimize` rebuilds them)"
            )
        print(f"{args.db}: ok{note}")
        return 0
    print(f"{args.db}: damaged; rebuild it from the documents with `policytext index build` to repair it")
    lines = [line for problem in problems for line in problem.splitlines() if line.strip()]
    for line in lines[:20]:
        print(f"  {line}")
    if len(lines) > 20:
        print(f"  … {len(lines) - 20} more lines")
    return 1
