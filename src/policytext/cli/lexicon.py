"""``policytext lexicon mine CORPUS``: mine policy terms (the bundled lexicon's recipe)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ._common import SKIP_ERRORS_HELP


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lexicon", help="build and inspect policy lexicons", description="Build and inspect policy lexicons."
    )
    lsub = p.add_subparsers(dest="lexicon_command", required=True)
    m = lsub.add_parser(
        "mine",
        help="mine candidate policy terms from a corpus",
        description="Mine multiword policy terms: frequent, cohesive (PMI) and free-standing (boundary entropy) "
        "word n-grams that jieba splits, filtered by rules and the hand review. CORPUS is the shared "
        "corpus folder (its manifest.jsonl selects the state documents) or any files/directories.",
    )
    m.add_argument("corpus", nargs="+", help="shared corpus folder with manifest.jsonl, or files/directories")
    m.add_argument("--skip-errors", action="store_true", help=SKIP_ERRORS_HELP)
    m.add_argument("--min-count", type=int, default=3, help="minimum n-gram frequency (default 3)")
    m.add_argument("--max-n", type=int, default=8, help="longest n-gram in jieba tokens (default 8)")
    m.add_argument("--min-pmi", type=float, default=2.0, help="minimum weakest-split PMI (default 2)")
    m.add_argument("--min-entropy", type=float, default=1.0, help="minimum boundary entropy in bits (default 1)")
    m.add_argument("--min-docs", type=int, default=2, help="minimum number of documents (default 2)")
    m.add_argument("--margin", type=float, default=3.0, help="frequency = jieba suggest_freq x margin (default 3)")
    m.add_argument("--max-terms", type=int, default=4000, help="keep the best N mined terms by score (default 4000)")
    m.add_argument(
        "--rare-freq",
        type=int,
        default=200,
        help="a mined term must contain a single character or a word rarer than this in jieba (default 200)",
    )
    m.add_argument("--review", default=None, help="review file ('-'/'+' lines); default: the bundled one")
    m.add_argument("--backend", default="rjieba", choices=("jieba", "rjieba"), help="segmentation backend")
    m.add_argument("--write", default=None, metavar="LEXICON", help="write the kept terms as a jieba dictionary")
    m.add_argument("-o", "--out", default=None, help="write every candidate with its figures (csv/jsonl)")
    m.add_argument("--format", default=None, choices=("csv", "tsv", "jsonl", "parquet", "xlsx", "table"))
    m.add_argument("--force", action="store_true", help="replace --out / --write files that exist")
    m.set_defaults(func=run_mine)


def run_mine(args: argparse.Namespace) -> int:
    from .._util.output import output_target
    from ..stats.lexicon_mining import load_state_texts, mine_lexicon, write_lexicon
    from ._common import load_inputs, output_options, write_frame

    t0 = time.time()
    options = output_options(args)
    # the outputs are checked before the corpus is mined (a refusal after minutes of work helps no one)
    for out in (args.write, args.out):
        if out:
            output_target(out, overwrite=options["force"], protect=options["protect"])
    if len(args.corpus) == 1 and (Path(args.corpus[0]) / "manifest.jsonl").is_file():
        pairs = load_state_texts(args.corpus[0])
        texts = [t for _, t in pairs]
        sources = (
            f"{len(texts)} state documents of {args.corpus[0]} (manifest folders: reports, resolutions, "
            f"congress reports, plans, central and provincial policy documents), {sum(map(len, texts)):,} characters"
        )
    else:
        corpus = load_inputs(args.corpus, skip_errors=args.skip_errors)
        texts = [d.text for d in corpus]
        sources = f"{len(texts)} documents ({', '.join(args.corpus)})"
    params = {
        k: getattr(args, k)
        for k in ("min_count", "max_n", "min_pmi", "min_entropy", "min_docs", "margin", "max_terms", "rare_freq")
    }
    backend = args.backend
    if backend == "rjieba":
        try:
            import rjieba  # noqa: F401
        except ImportError:
            backend = "jieba"
    frame = mine_lexicon(texts, review=args.review, backend=backend, **params)
    if args.write:
        n = write_lexicon(frame, args.write, sources, params, overwrite=options["force"], protect=options["protect"])
        print(f"wrote {n} entries to {args.write}", file=sys.stderr)
    if args.out or not args.write:
        write_frame(frame, args.out, args.format, **output_options(args))
    print(f"mined {len(frame)} candidates in {time.time() - t0:.0f} s", file=sys.stderr)
    return 0
