"""``policytext topics FILES... -k 20 [--by year] [-o out/]``: fit a topic model, write its tables and plots.

Writes into the output directory ``topics.csv`` (topic, rank, term, weight),
``labels.csv`` (topic, label, coherence), ``doc_topics.csv`` (doc_id, topic,
weight, metadata), ``trends.csv`` (with ``--by``), ``model.npz`` (reopen with
``TopicModel.load``), and with matplotlib and a CJK font ``topics.png`` and
``trends.png``. Without ``-o`` it prints the topics.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import MissingExtraError, PolicytextError
from ._common import add_input_arguments, load_inputs, output_options, write_frame


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "topics",
        help="fit a topic model (NMF or LDA) and write topics, document shares and trends",
        description="Fit a topic model over paragraphs (or documents) and write the topic table, the "
        "document-topic table, trends over a metadata field and plots.",
    )
    add_input_arguments(p)
    p.add_argument("-k", "--topics", dest="k", type=int, default=20, help="number of topics (default 20)")
    p.add_argument("--method", choices=["nmf", "lda"], default="nmf", help="model (default nmf)")
    p.add_argument(
        "--unit",
        choices=["paragraph", "document"],
        default="paragraph",
        help="modelling unit (default paragraph; shares are aggregated to documents)",
    )
    p.add_argument("--by", help="metadata field for trends, e.g. year, decade, issuer")
    p.add_argument("--top", type=int, default=10, help="terms per topic (default 10)")
    p.add_argument("--seed", type=int, default=0, help="random_state (default 0)")
    p.add_argument(
        "--min-df",
        type=document_frequency,
        default=5,
        help="minimum paragraphs a term occurs in: a count (5, the default) or a share (0.01)",
    )
    p.add_argument(
        "--max-df",
        type=document_frequency,
        default=0.1,
        help="maximum paragraphs a term occurs in: a share (0.1, the default; 1.0 = all) or a count (500)",
    )
    p.add_argument("-o", "--out", help="output directory (created); without it the topics are printed")
    p.add_argument("--no-plots", action="store_true", help="do not draw topics.png / trends.png")
    p.add_argument("--force", action="store_true", help="replace the tables of an earlier run in --out")
    p.set_defaults(func=run)


def document_frequency(value: str) -> int | float:
    """``--min-df``/``--max-df`` as scikit-learn reads them: ``5`` paragraphs, ``0.1`` or ``1.0`` a share.

    Written with a decimal point it is a share (``1.0`` is all paragraphs, not one), without one a count.

    >>> document_frequency("5"), document_frequency("1.0")
    (5, 1.0)
    """
    try:
        number: int | float = float(value) if any(c in value for c in ".eE") else int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a count (5) or a share (0.1), got {value!r}") from None
    if number < 0 or (isinstance(number, float) and number > 1.0):
        raise argparse.ArgumentTypeError(f"expected a count >= 0 or a share between 0 and 1, got {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    from ..topics.model import TopicModel

    if args.k < 2:
        raise PolicytextError(f"-k must be at least 2, not {args.k}")
    corpus = load_inputs(args.inputs, clean=not args.no_clean, skip_errors=args.skip_errors)
    model = TopicModel(
        args.k,
        method=args.method,
        random_state=args.seed,
        unit=args.unit,
        min_df=args.min_df,
        max_df=args.max_df,
    )
    model.fit(corpus)
    topics = model.topics(args.top)
    coh = model.coherence()
    if not args.out:
        wide = topics.groupby("topic")["term"].apply(lambda s: " ".join(s)).reset_index(name="terms")
        wide.insert(1, "npmi", coh["coherence"].round(3))
        write_frame(wide, None, "table")
        print(f"mean NPMI {coh.attrs['mean']:.3f} over {len(model.units_):,} {args.unit}s", file=sys.stderr)
        if args.by:
            write_frame(model.trends(args.by).round(4).reset_index(), None, "table")
        return 0
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise PolicytextError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    write_frame(topics, str(out / "topics.csv"), "csv", **output_options(args))
    write_frame(coh, str(out / "labels.csv"), "csv", **output_options(args))
    write_frame(model.doc_topics(), str(out / "doc_topics.csv"), "csv", **output_options(args))
    written = ["topics.csv", "labels.csv", "doc_topics.csv"]
    trends = None
    if args.by:
        trends = model.trends(args.by)
        write_frame(trends.reset_index(), str(out / "trends.csv"), "csv", **output_options(args))
        written.append("trends.csv")
    model.save(out / "model.npz", overwrite=bool(args.force))
    written.append("model.npz")
    if not args.no_plots:
        written += _plots(model, out, args.by, args.top)
    print(f"mean NPMI {coh.attrs['mean']:.3f}; wrote {', '.join(written)} to {out}", file=sys.stderr)
    return 0


def _plots(model, out: Path, by: str | None, top: int) -> list[str]:
    from ..errors import MissingFontError

    try:
        fig = model.plot_topics(top=top)
        fig.savefig(out / "topics.png", dpi=110)
        done = ["topics.png"]
        figs = [fig]
        if by:
            fig2 = model.plot_trends(by)
            fig2.savefig(out / "trends.png", dpi=110)
            done.append("trends.png")
            figs.append(fig2)
        import matplotlib.pyplot as plt

        for f in figs:
            plt.close(f)
        return done
    except (MissingExtraError, MissingFontError, ImportError) as e:
        # said once, instead of drawing boxes; the tables are written all the same
        print(f"policytext: plots skipped: {e}", file=sys.stderr)
        return []
