"""The whole pipeline on the bundled sample corpus: what ``policytext demo`` runs.

Reads and cleans the seed article and the Government Work Reports 1954-2025,
segments them once, extracts templates, parallels, formulas and meetings, computes
keywords, keyness and a topic model, builds an index on disk, and writes an HTML
report, the tables as CSV and the figures as PNG into one folder.

>>> from policytext.reporting.demo import run_demo
>>> written = run_demo("policytext-demo")  # doctest: +SKIP
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.files import atomic_write_text
from ..corpus.datasets import SEED_ID, load_sample

__all__ = ["EXAMPLE_QUERIES", "run_demo"]

EXAMPLE_QUERIES = [
    ("kwic", "高质量发展", "every occurrence of 高质量发展 in context"),
    ("count", "抓*促", "how often the frame 抓…促 occurs, by year"),
    ("search", "乡村振兴 -脱贫", "reports about rural revitalization that do not mention poverty relief"),
]


class _Steps:
    """Runs named steps, printing one progress line per step; a missing optional part is skipped."""

    def __init__(self, total: int, verbose: bool) -> None:
        self.total, self.done, self.verbose = total, 0, verbose
        self.skipped: list[str] = []

    def run(self, label: str, fn: Callable[[], Any]) -> Any:
        self.done += 1
        t0 = time.perf_counter()
        if self.verbose:
            print(f"[{self.done}/{self.total}] {label} …", end="", flush=True, file=sys.stderr)
        try:
            value = fn()
        except ImportError as e:
            self.skipped.append(f"{label}: {e}")
            if self.verbose:
                print(f" skipped ({e})", file=sys.stderr)
            return None
        if self.verbose:
            print(f" {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        return value


def _csv(df: pd.DataFrame, path: Path, written: list[Path]) -> None:
    atomic_write_text(path, df.to_csv(index=False))
    written.append(path)


def run_demo(out: str | Path = "policytext-demo", *, verbose: bool = True, n_topics: int = 12) -> list[Path]:
    """Run the pipeline and return the files written under *out*."""
    from ..segment.segmenter import Segmenter

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    figures: list[tuple[str, Any]] = []
    tables: list[tuple[str, pd.DataFrame]] = []
    steps = _Steps(total=9, verbose=verbose)

    corpus = steps.run("read and clean the sample corpus", load_sample)
    seed = corpus[SEED_ID]
    reports = corpus.filter(collection="gov_work_reports_national")
    _csv(corpus.meta_frame(), out / "documents.csv", written)

    seg = Segmenter()
    steps.run("segment (policy lexicon, cached for every later step)", lambda: corpus.tokens(seg, n_jobs=2))

    def extract_seed() -> None:
        from ..extract.formulas.finder import find_formulas, find_meetings

        for name, fn in (("formulas", find_formulas), ("meetings", find_meetings)):
            df = fn(seed)
            _csv(df, out / f"seed_{name}.csv", written)
        try:
            from ..extract.templates.matching import find_templates

            df = find_templates(seed)
            _csv(df, out / "seed_templates.csv", written)
            tables.append(("Slot templates in the seed", df[["template", "match", "slots"]]))
        except ImportError as e:
            steps.skipped.append(f"templates: {e}")
        try:
            from ..extract.parallels.finder import find_parallels

            df = find_parallels(seed)
            _csv(df, out / "seed_parallels.csv", written)
        except ImportError as e:
            steps.skipped.append(f"parallels: {e}")

    steps.run("extract templates, parallels, formulas and meetings from the seed", extract_seed)

    def formula_trends() -> None:
        from ..extract.formulas.finder import find_formulas

        found = find_formulas(reports)
        years = {d.doc_id: d.meta.get("year") for d in reports}
        found["year"] = found["doc_id"].map(years)
        _csv(found, out / "formulas_reports.csv", written)
        top = found["canonical"].value_counts().head(8).index
        table = found[found["canonical"].isin(top)].groupby(["year", "canonical"]).size().unstack(fill_value=0)
        table = table.reindex(sorted({d.meta["year"] for d in reports}), fill_value=0)
        _csv(table.reset_index(), out / "formula_trends.csv", written)
        tables.append(
            (
                "Most frequent numbered formulas in the Government Work Reports, by year",
                table.loc[table.sum(axis=1) > 0].reset_index(),
            )
        )
        from .plots import plot_term_trends

        figures.append(("formula_trends", plot_term_trends(table, title="Numbered formulas by year")))

    steps.run("numbered formulas in every report, by year", formula_trends)

    def keyword_stats() -> None:
        from ..stats.keyness import keyness
        from ..stats.keywords import keywords

        kw = keywords(seed, method="tfidf", top=20, idf=corpus, segmenter=seg)
        _csv(kw, out / "seed_keywords.csv", written)
        tables.append(("Keywords of the seed (TF-IDF, IDF from the reports and the seed)", kw))
        kn = keyness(corpus["gwr_2023"], corpus["gwr_2013"], segmenter=seg)
        _csv(kn, out / "keyness_2023_vs_2013.csv", written)
        tables.append(
            (
                "Keyness: the 2023 report against the 2013 report (top and bottom 10)",
                pd.concat([kn.head(10), kn.tail(10)]),
            )
        )
        from .plots import plot_keyness

        figures.append(("keyness_2023_vs_2013", plot_keyness(kn, top=15, title="2023 vs 2013 report")))

    steps.run("keywords and keyness", keyword_stats)

    def topics() -> None:
        from ..topics.model import TopicModel

        # the default topic segmenter (no policy lexicon): measured to give more coherent topics
        model = TopicModel(n_topics=n_topics, method="nmf", random_state=0).fit(reports, unit="paragraph")
        tt = model.topics(top=10)
        _csv(tt, out / "topics.csv", written)
        trends = model.trends(by="year")
        _csv(trends.reset_index(), out / "topic_trends.csv", written)
        labels = pd.DataFrame({"topic": range(len(model.labels_)), "label": model.labels_})
        tables.append(("Topics of the Government Work Reports (NMF, by paragraph)", labels))
        figures.append(("topic_trends", model.plot_trends()))

    steps.run(f"topic model ({n_topics} topics) of the reports by paragraph", topics)

    def index() -> None:
        from ..index import Index

        db = out / "index.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with Index(db) as idx:
            idx.add(corpus)
        written.append(db)

    steps.run("keyword index on disk", index)

    def save_figures() -> None:
        for name, fig in figures:
            path = out / f"{name}.png"
            fig.savefig(path, dpi=120, bbox_inches="tight")
            written.append(path)

    steps.run("figures", save_figures)

    def html() -> None:
        from .html import report

        page = report(seed, figures=[(name.replace("_", " "), fig) for name, fig in figures], tables=tables)
        atomic_write_text(out / "report.html", page)
        written.append(out / "report.html")

    steps.run("HTML report", html)
    if verbose:
        for s in steps.skipped:
            print(f"note: skipped {s}", file=sys.stderr)
    return written
