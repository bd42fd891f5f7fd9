"""提法 tracking: how often terms and formulas occur over time, and when each first appears.

``match="substring"`` (default) counts non-overlapping occurrences of the exact
string in each document's text (``text.count(term)``), so a formula is found whatever
the segmenter does with it; ``match="token"`` counts only occurrences that are whole
tokens (or whole runs of tokens for a multi-token term) of the segmenter, so 改革
is not counted inside 改革开放.

>>> from policytext import Corpus
>>> c = Corpus.from_texts(["稳中求进。稳中求进。", "稳中求进，高质量发展。"], meta=[{"year": 2016}, {"year": 2018}])
>>> term_trends(c, ["稳中求进", "高质量发展"], unit="count").to_dict(orient="index")
{2016: {'稳中求进': 2, '高质量发展': 0}, 2018: {'稳中求进': 1, '高质量发展': 1}}
>>> first_seen(c, ["高质量发展"])[["term", "doc_id", "year", "count"]].values.tolist()
[['高质量发展', '1', 2018, 1]]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import pandas as pd

from .._util.convention import deprecated_positional, renamed_arguments
from ..errors import InputError
from ._tokens import as_corpus, get_segmenter

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus.corpus import Corpus
    from ..segment.segmenter import Segmenter

__all__ = ["first_seen", "term_counts", "term_trends"]

UNITS = ("per_10k", "count")
MATCHES = ("substring", "token")


Terms = Union[str, Sequence[str], Mapping[str, Union[str, Sequence[str]]]]


def _check_terms(terms: Terms) -> dict[str, list[str]]:
    """``{label: [variants]}``: a list of terms labels each by itself; a mapping groups variants."""
    if isinstance(terms, str):
        terms = [terms]
    items = list(terms.items()) if isinstance(terms, Mapping) else [(t, [t]) for t in terms]
    out: dict[str, list[str]] = {}
    for i, (label, variants) in enumerate(items):
        if isinstance(variants, str):
            variants = [variants]
        vs = list(variants)
        for t in [label, *vs]:
            if not isinstance(t, str) or not t.strip():
                raise InputError(f"terms[{i}] must be a non-empty string, got {t!r}")
        if not vs:
            raise InputError(f"terms[{label!r}]: give at least one variant")
        out.setdefault(label, [])
        out[label] = list(dict.fromkeys(out[label] + vs))
    if not out:
        raise InputError("terms: give at least one term")
    return out


def _substring_counter(variants: list[str]) -> Any:
    if len(variants) == 1:
        v = variants[0]
        return lambda text: text.count(v)
    rx = re.compile("|".join(map(re.escape, sorted(variants, key=lambda t: (-len(t), t)))))
    return lambda text: sum(1 for _ in rx.finditer(text))


def _token_count(tokens: Sequence[str], pattern: Sequence[str]) -> int:
    """Non-overlapping occurrences of the token run *pattern* in *tokens*."""
    k = len(pattern)
    if k == 0:
        return 0
    if k == 1:
        p = pattern[0]
        return sum(1 for t in tokens if t == p)
    n, i, hits = len(tokens), 0, 0
    first = pattern[0]
    while i <= n - k:
        if tokens[i] == first and list(tokens[i : i + k]) == list(pattern):
            hits += 1
            i += k
        else:
            i += 1
    return hits


def _token_count_any(tokens: Sequence[str], patterns: Sequence[Sequence[str]]) -> int:
    """Non-overlapping occurrences of any of the token runs, longest pattern first at each position."""
    if len(patterns) == 1:
        return _token_count(tokens, patterns[0])
    n, i, hits = len(tokens), 0, 0
    while i < n:
        for p in patterns:
            k = len(p)
            if k and tokens[i] == p[0] and list(tokens[i : i + k]) == list(p):
                hits += 1
                i += k
                break
        else:
            i += 1
    return hits


def term_counts(
    corpus: Any, terms: Terms, match: str = "substring", segmenter: Segmenter | None = None
) -> pd.DataFrame:
    """Documents × terms counts (index ``doc_id``).

    *terms* is a term, a list of terms, or a mapping ``{label: [variants]}`` whose
    variants are counted together under the label (longest variant first, without
    overlap, so a variant inside a longer one is not counted twice).

    >>> term_counts(["改革开放，改革。"], ["改革", "开放"]).values.tolist()
    [[2, 1]]
    >>> term_counts(["一带一路，丝绸之路经济带。"], {"一带一路": ["一带一路", "丝绸之路经济带"]}).values.tolist()
    [[2]]
    """
    if match not in MATCHES:
        raise InputError(f"match must be 'substring' or 'token', not {match!r}")
    groups = _check_terms(terms)
    labels = list(groups)
    c = as_corpus(corpus)
    if match == "substring":
        counters = [_substring_counter(groups[k]) for k in labels]
        data = [[f(d.text) for f in counters] for d in c]
    else:
        seg = get_segmenter(segmenter)
        patterns = [[seg.cut(v) for v in sorted(groups[k], key=lambda t: (-len(t), t))] for k in labels]
        data = [[_token_count_any(toks, ps) for ps in patterns] for toks in c.tokens(seg)]
    return pd.DataFrame(
        np.asarray(data, dtype=np.int64).reshape(len(c), len(labels)),
        index=pd.Index(c.doc_ids, name="doc_id"),
        columns=labels,
    )


@renamed_arguments(corpus="source")
@deprecated_positional("unit", "match", allowed=3)
def term_trends(
    source: Any,
    terms: Terms,
    by: str = "year",
    *,
    unit: str = "per_10k",
    match: str = "substring",
    segmenter: Segmenter | None = None,
) -> pd.DataFrame:
    """Counts of *terms* per value of the metadata key *by*, one column per term.

    *terms* may map a label to variants counted together (``{"一带一路": ["一带一路",
    "丝绸之路经济带"]}``); see :func:`term_counts`.

    ``unit="per_10k"`` divides by the group's total characters (``len(text)``,
    punctuation included) × 10,000; ``unit="count"`` gives raw counts. The index is
    named after *by* and sorted; groups with no occurrence are kept (zeros), so the
    frame plots directly (``.plot()``). ``by="doc_id"`` gives one row per document.
    Documents with no value for *by* are left out.
    """
    if unit not in UNITS:
        raise InputError(f"unit must be 'per_10k' or 'count', not {unit!r}")
    c = as_corpus(source)
    counts = term_counts(c, terms, match=match, segmenter=segmenter)
    labels = _labels(c, by)
    keep = labels.notna().to_numpy()
    counts = counts[keep]
    grouped = counts.groupby(labels[keep].to_numpy(), sort=True).sum()
    if unit == "per_10k":
        chars = pd.Series([len(d.text) for d in c], dtype=float)[keep]
        n_chars = chars.groupby(labels[keep].to_numpy(), sort=True).sum()
        grouped = grouped.div(n_chars.replace(0, np.nan), axis=0).fillna(0.0) * 10_000
    grouped.index.name = by
    grouped.columns.name = None
    return grouped


def _labels(c: Corpus, by: str) -> pd.Series:
    if by == "doc_id":
        return pd.Series(c.doc_ids, dtype=object)
    values = [d.meta.get(by) for d in c]
    if all(v is None or (isinstance(v, float) and np.isnan(v)) for v in values):
        keys = sorted({k for d in c for k in d.meta})
        raise InputError(f"by={by!r}: no document has this metadata key (have: {', '.join(keys) or 'none'})")
    return pd.Series(values, dtype=object)


def _chronology(c: Corpus) -> list[int]:
    """Document positions in time order: by date, else by year, undated documents last."""

    def key(i: int) -> tuple[int, _dt.date, int]:
        meta = c[i].meta
        date = meta.get("date")
        year = meta.get("year")
        if isinstance(date, _dt.datetime):
            date = date.date()
        if isinstance(date, _dt.date):
            return (0, date, i)
        if isinstance(year, (int, np.integer)) and 1 <= int(year) <= 9999:
            # a year alone sorts before the dated documents of that year
            return (0, _dt.date(int(year), 1, 1), i)
        return (1, _dt.date.max, i)

    return sorted(range(len(c)), key=key)


@renamed_arguments(corpus="source")
@deprecated_positional("match", allowed=2)
def first_seen(
    source: Any,
    terms: Terms,
    *,
    match: str = "substring",
    segmenter: Segmenter | None = None,
) -> pd.DataFrame:
    """When each term first appears in *source*: its first document in time order.

    Returns one row per term, in the order given: ``term, doc_id, date, year``
    (of the first document containing it), ``first_count`` (occurrences there),
    ``count`` (occurrences in the whole corpus), ``n_docs`` (documents containing
    it), and ``last_year``. Documents are ordered by ``meta["date"]``, else
    ``meta["year"]``, else come last; a term found nowhere has a missing (NA) ``doc_id`` and
    ``count`` 0.
    """
    c = as_corpus(source)
    counts = term_counts(c, terms, match=match, segmenter=segmenter)
    order = _chronology(c)
    mat = counts.to_numpy()[order]
    rows = []
    for j, term in enumerate(counts.columns):
        hits = np.flatnonzero(mat[:, j] > 0)
        row: dict[str, Any] = {
            "term": term,
            "doc_id": None,
            "date": None,
            "year": None,
            "first_count": 0,
            "count": int(mat[:, j].sum()),
            "n_docs": int(hits.size),
            "last_year": None,
        }
        if hits.size:
            doc = c[order[hits[0]]]
            last = c[order[hits[-1]]]
            row.update(
                doc_id=doc.doc_id,
                date=doc.meta.get("date"),
                year=doc.meta.get("year"),
                first_count=int(mat[hits[0], j]),
                last_year=last.meta.get("year"),
            )
        rows.append(row)
    out = pd.DataFrame(rows, columns=["term", "doc_id", "date", "year", "first_count", "count", "n_docs", "last_year"])
    for col in ("year", "last_year"):
        if out[col].notna().all():
            out[col] = out[col].astype(int)
        else:
            out[col] = out[col].astype("Int64")
    return out
