"""``compare_series``: when each formulation (提法) first and last appears over a series of documents.

>>> import policytext as pt
>>> texts = ["推进三去一降一补。", "推进三去一降一补，推动高质量发展。", "推动高质量发展，发展新质生产力。"]
>>> corpus = pt.Corpus.from_texts(texts, meta=[{"year": y} for y in (2017, 2018, 2024)])
>>> s = compare_series(corpus).set_index("formulation")
>>> s.loc["高质量发展", ["first", "last", "added", "dropped"]].tolist()
[2018, 2024, [2018], []]
>>> s.loc["三去一降一补", ["first", "last", "dropped"]].tolist()
[2017, 2018, [2024]]
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._util.frames import object_columns, to_frame
from .._util.jobs import resolve_jobs
from .._util.progress import progress as with_progress
from ..corpus.corpus import Corpus
from ..corpus.source import Source
from ..errors import InputError
from ..segment.defaults import resolve_segmenter
from .documents import collect
from .formulations import formulation_counts

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["SERIES_COLUMNS", "compare_series"]

SERIES_COLUMNS = ("formulation", "kind", "first", "last", "added", "dropped", "n_periods", "total")


def compare_series(
    source: Source, by: str = "year", *, segmenter: Segmenter | None = None, n_jobs: int = 1, progress: bool = False
) -> pd.DataFrame:
    """One row per formulation of the series: when it first and last appears, when it came and went.

    Documents are grouped by ``meta[by]`` (several documents of one period count together) and the periods
    ordered by that value. Columns:

    - ``formulation``, ``kind`` (``lexicon``, ``formula``, ``meeting``; see :mod:`.formulations`);
    - ``first``, ``last``: the periods where it first and last appears;
    - ``added``: the periods where it appears after being absent in the period before (its first period
      counts unless it is the first period of the series, where nothing can be said);
    - ``dropped``: the periods where it is absent after being present in the period before;
    - ``n_periods``: in how many periods it appears; ``total``: how often, over all documents.

    Sorted by ``first``, then by ``total`` (most frequent first). A document without ``meta[by]`` is an
    :class:`InputError`. *n_jobs* segments a Corpus over worker processes (its terms are cached).
    """
    resolve_jobs(n_jobs)
    docs = collect(source, "source")
    missing = [d.doc_id for d in docs if d.meta.get(by) is None]
    if missing:
        raise InputError(f"by={by!r}: {len(missing)} document(s) have no {by!r} in their metadata, e.g. {missing[0]!r}")
    seg = resolve_segmenter(segmenter)
    terms = source.terms(seg, n_jobs=n_jobs) if isinstance(source, Corpus) else [None] * len(docs)
    per_period: dict[Any, Counter[str]] = {}
    kinds: dict[str, str] = {}
    for d, t in with_progress(zip(docs, terms), total=len(docs), desc="formulations", enabled=progress):
        counts = per_period.setdefault(d.meta[by], Counter())
        for name, f in formulation_counts(d.text, segmenter=seg, terms=t).items():
            counts[name] += f.n
            kinds.setdefault(name, f.kind)
    try:
        periods = sorted(per_period)
    except TypeError:
        raise InputError(f"by={by!r}: the values cannot be ordered ({sorted(map(repr, per_period))[:3]})") from None
    rows: list[dict[str, Any]] = []
    for name in sorted(kinds):
        present = [per_period[p][name] > 0 for p in periods]
        seen = [p for p, x in zip(periods, present) if x]
        added = [periods[i] for i in range(1, len(periods)) if present[i] and not present[i - 1]]
        dropped = [periods[i] for i in range(1, len(periods)) if present[i - 1] and not present[i]]
        rows.append(
            {
                "formulation": name,
                "kind": kinds[name],
                "first": seen[0],
                "last": seen[-1],
                "added": added,
                "dropped": dropped,
                "n_periods": len(seen),
                "total": sum(per_period[p][name] for p in periods),
            }
        )
    order = {p: i for i, p in enumerate(periods)}
    rows.sort(key=lambda r: (order[r["first"]], -r["total"], r["formulation"]))
    # periods keep their own type (int years, dates, str), not numpy's
    return object_columns(to_frame(rows, SERIES_COLUMNS), others=("first", "last"))
