"""``policytext segment FILES...``: tokens of each document (txt or jsonl)."""

from __future__ import annotations

import argparse
import json
import sys

from ._common import add_force_argument, add_input_arguments, jobs_argument, load_inputs, write_text_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "segment",
        help="segment documents into words (policy lexicon, offsets, POS)",
        description="Segment documents with the policy lexicon. txt: one line per document, tokens separated by "
        "spaces (word/POS with --pos). jsonl: one object per document with doc_id and tokens "
        "[word, start, end(, pos)] (character offsets into the cleaned text).",
    )
    add_input_arguments(p)
    p.add_argument("--pos", action="store_true", help="add part-of-speech tags (jieba tag set)")
    p.add_argument("--format", choices=("txt", "jsonl"), default="txt", help="output format (default txt)")
    p.add_argument("--jobs", type=jobs_argument, default=1, metavar="N", help="worker processes (-1: all cores)")
    p.add_argument(
        "--user-dict",
        action="append",
        default=[],
        metavar="F",
        help="extra jieba dictionary file ('word [freq] [pos]' lines); repeatable",
    )
    p.add_argument("--no-lexicon", action="store_true", help="plain jieba dictionary, without the policy lexicon")
    p.add_argument("--no-hmm", action="store_true", help="do not join unknown character runs with the HMM")
    p.add_argument(
        "--backend",
        choices=("jieba", "rjieba"),
        default=None,
        help="segmentation engine (default: rjieba when installed, else jieba; same tokens)",
    )
    p.add_argument("--fine", action="store_true", help="also emit the sub-words of long formulations")
    p.add_argument("--terms", action="store_true", help="content terms only (no punctuation or stopwords; txt)")
    p.add_argument("-o", "--out", help="write to this file instead of standard output")
    add_force_argument(p)
    p.set_defaults(func=run)


def _default_backend() -> str:
    try:
        import rjieba  # noqa: F401

        return "rjieba"
    except ImportError:
        return "jieba"


def run(args: argparse.Namespace) -> int:
    from ..segment.segmenter import Segmenter

    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    seg = Segmenter(
        lexicon=None if args.no_lexicon else "policy",
        user_dicts=args.user_dict,
        hmm=not args.no_hmm,
        backend=args.backend or _default_backend(),
        granularity="fine" if args.fine else "coarse",
    )
    texts = [d.text for d in corpus]
    try:
        if args.terms:
            rows = seg.cut_many(texts, n_jobs=args.jobs, method="terms")
        else:
            if args.pos:
                rows = seg.cut_many(texts, n_jobs=args.jobs, method="tokenize_pos")
            else:
                rows = seg.cut_many(texts, n_jobs=args.jobs, method="tokenize")
    finally:
        seg.close()
    out = []
    for d, toks in zip(corpus, rows):
        if args.format == "jsonl":
            if args.terms:
                rec = {"doc_id": d.doc_id, "terms": toks}
            else:
                rec = {"doc_id": d.doc_id, "tokens": [list(t) if args.pos else list(t[:3]) for t in toks]}
            out.append(json.dumps(rec, ensure_ascii=False))
        elif args.terms:
            out.append(" ".join(toks))
        else:
            out.append(" ".join(f"{t.word}/{t.pos}" if args.pos else t.word for t in toks))
    text = "\n".join(out) + ("\n" if out else "")
    if args.out:
        write_text_file(args.out, text, args)
    else:
        sys.stdout.write(text)
    return 0
