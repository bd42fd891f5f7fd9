"""``policytext demo``: the main job on the bundled sample corpus."""

from __future__ import annotations

import argparse

import pandas as pd


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the main job on the bundled sample corpus",
                       description="Load the bundled sample corpus (the seed speech and the national Government "
                                   "Work Reports 1954-2025) and print a summary.")
    p.add_argument("--out", default="policytext-demo", help="output folder (default: policytext-demo/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..datasets import load_sample

    corpus = load_sample()
    frame = corpus.meta_frame()
    print(f"policytext demo: bundled sample corpus, {len(corpus)} documents, {corpus.n_chars:,} characters\n")
    frame["decade"] = (frame["year"] // 10 * 10).astype("Int64")
    by_decade = frame.groupby("decade").agg(documents=("doc_id", "size"), characters=("n_chars", "sum"))
    with pd.option_context("display.unicode.east_asian_width", True, "display.width", 120):
        print(by_decade.to_string())
        print()
        cols = ["doc_id", "title", "year", "n_chars"]
        print(frame[cols].head(3).to_string(index=False))
        print("…")
        print(frame[cols].tail(3).to_string(index=False))
    return 0
