"""Code the units of policy texts with a codebook's rules: one row per (unit, category).

:func:`code_units` splits every document into units (:mod:`policytext.coding.units`), looks for every
pattern of the codebook once per document (literal terms and regular expressions over the text, globs over
the Segmenter's words, slot templates with :func:`~policytext.extract.templates.find_templates`) and fires a
category in a unit when one of its rules matches inside the unit, the rule's conditions hold in the same
unit, and none of the category's exclusions occurs there.

>>> from policytext.coding.codebook import Codebook
>>> cb = Codebook.from_dict({"categories": [
...     {"id": "资金投入", "rules": [{"terms": ["专项资金"]}]},
...     {"id": "人才培养", "rules": [{"glob": ["人才*"]}]}]})
>>> df = code_units("设立专项资金。加强人才队伍建设。", cb)
>>> df[["unit_id", "category", "rule", "matched"]].values.tolist()
[['0:1', '资金投入', 'term:专项资金', '专项资金'], ['0:2', '人才培养', 'glob:人才*', '人才队伍']]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
from collections.abc import Sequence
from typing import Any

import pandas as pd

from .._util.frames import is_missing, object_columns, to_frame
from .._util.progress import progress as _progress
from ..corpus.source import Source, iter_source
from ..errors import InputError
from ..segment.defaults import extractor_segmenter
from ..segment.segmenter import Segmenter
from .codebook import Codebook, Pattern, Rule, bundled_codebook
from .units import check_unit, unit_spans

__all__ = ["CODED_COLUMNS", "code_units", "primary_codes", "resolve_codebook"]

CODED_COLUMNS = (
    "doc_id",
    "unit_id",
    "start",
    "end",
    "text",
    "category",
    "dimension",
    "rule",
    "matched",
    "group",
    "hits",
)
_META_TYPES = (str, int, float, bool, _dt.date)

Hit = tuple[int, int, str]


def resolve_codebook(codebook: Codebook | str | os.PathLike[str] | None) -> Codebook:
    """A :class:`Codebook`, a path to a YAML codebook, or ``None`` for the bundled policy-instrument codebook."""
    if codebook is None:
        return bundled_codebook()
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, os.PathLike)):
        return Codebook.from_yaml(codebook)
    raise InputError(f"codebook: expected a Codebook, a path or None, not {type(codebook).__name__}")


def _unit_hits(rx: Any, text: str, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[Hit]:
    """Matches of *rx* that lie inside one unit each, in text order.

    One scan of the whole text; a match that crosses a unit's end (or starts between units) is not kept,
    and the unit it starts in is searched again on its own, so that it cannot hide a match inside that unit
    or the next (做好安排。|安排专项资金。 with 安排.{0,6}资金).
    """
    out: list[Hit] = []
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            break
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= spans[k][1]:
            out.append((m.start(), m.end(), m.group()))
            pos = m.end() if m.end() > m.start() else m.end() + 1
            continue
        if k >= 0 and m.start() < spans[k][1]:
            out.extend((q.start(), q.end(), q.group()) for q in rx.finditer(text, m.start(), spans[k][1]))
        pos = spans[k + 1][0] if k + 1 < len(spans) else n + 1
    return out


class _DocHits:
    """Every hit of every pattern in one document, filed under the unit it lies in."""

    def __init__(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        patterns: Sequence[Pattern],
        segmenter: Segmenter | None,
        templates: Any,
    ):
        self.text = text
        self.spans = spans
        self.anchored: set[tuple[str, str]] = set()
        self.regex: dict[tuple[str, str], Any] = {}
        #: per unit: pattern key -> its first hit inside the unit
        self.units: list[dict[tuple[str, str], Hit]] = [{} for _ in spans]
        starts = [sp[0] for sp in spans]
        globs = [p for p in patterns if p.kind == "glob"]
        tokens = segmenter.tokenize(text) if globs and segmenter is not None else []
        words = {t.word for t in tokens}
        hits: dict[tuple[str, str], list[Hit]] = {}
        for p in patterns:
            key = (p.kind, p.text)
            if p.kind in ("term", "regex"):
                assert p.regex is not None
                if p.kind == "regex" and any(a in p.text for a in ("^", "$", "\\A", "\\Z", "\\b", "\\B")):
                    self.anchored.add(key)  # matched unit by unit
                    self.regex[key] = p.regex
                    continue
                hits[key] = _unit_hits(p.regex, text, spans, starts)
            elif p.kind == "glob":
                assert p.regex is not None
                rx = p.regex
                matching = {w for w in words if rx.fullmatch(w)}
                hits[key] = [(t.start, t.end, t.word) for t in tokens if t.word in matching]
        if templates is not None:
            for tpl, s, e, m in templates:
                hits.setdefault(("template", tpl), []).append((s, e, m))
        for key, found in hits.items():
            for h in sorted(found):
                k = bisect.bisect_right(starts, h[0]) - 1
                if k >= 0 and h[1] <= spans[k][1]:
                    self.units[k].setdefault(key, h)

    def first(self, p: Pattern, k: int) -> Hit | None:
        """The first hit of *p* inside unit *k*."""
        key = (p.kind, p.text)
        if key in self.anchored:
            s, e = self.spans[k]
            m = self.regex[key].search(self.text[s:e])
            return (s + m.start(), s + m.end(), m.group()) if m else None
        return self.units[k].get(key)

    def any(self, patterns: Sequence[Pattern], k: int) -> bool:
        return any(self.first(p, k) is not None for p in patterns)

    def candidates(self, k: int, keys: dict[str, frozenset[tuple[str, str]]]) -> set[str]:
        """Categories (of *keys*: category -> the keys of its rules' patterns) that may fire in unit *k*."""
        present = self.units[k].keys() | self.anchored
        return {c for c, ks in keys.items() if not ks.isdisjoint(present)}

    def fire(self, rule: Rule, k: int) -> Hit | None:
        """The hit that fires *rule* in unit *k*, or None."""
        present = self.units[k]
        if not any((p.kind, p.text) in present or (p.kind, p.text) in self.anchored for p in rule.patterns):
            return None
        hits = [h for h in (self.first(p, k) for p in rule.patterns) if h is not None]
        if not hits:
            return None
        if rule.unless and self.any(rule.unless, k):
            return None
        if rule.any_of and not self.any(rule.any_of, k):
            return None
        if any(not self.any(group, k) for group in rule.all_of):
            return None
        return min(hits)


def _meta_columns(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if isinstance(v, _META_TYPES) and k not in CODED_COLUMNS}


def code_units(
    source: Source,
    codebook: Codebook | str | os.PathLike[str] | None = None,
    *,
    unit: str = "clause",
    uncoded: bool = True,
    segmenter: Segmenter | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Code every *unit* of *source* with the rules of *codebook*.

    Parameters
    ----------
    source:
        A string, Document, Corpus or list of them.
    codebook:
        A :class:`Codebook`, the path of a YAML codebook, or ``None`` for the bundled policy-instrument codebook.
    unit:
        ``"clause"`` (default: ends at 。！？； or a line break), ``"sentence"``, ``"paragraph"``,
        ``"article"`` (第…条) or ``"section"`` (see :mod:`policytext.coding.units`).
    uncoded:
        Keep one row with ``category`` None for every unit no rule fired in (default), so shares can be
        computed over all units; ``False`` keeps coded units only.
    segmenter:
        The Segmenter whose words globs are matched against (default: the extractors' segmenter).

    Returns
    -------
    DataFrame with ``doc_id, unit_id, start, end, text, category, dimension, rule, matched, group, hits``
    and the document's metadata: one row per (unit, category); ``text == doc.text[start:end]``; ``rule``
    names the first rule that fired (in codebook order), ``matched`` the text it matched, ``hits`` how many of
    the category's rules fired.

    >>> coded = code_units("设立专项资金，支持企业上市。对符合条件的企业给予税收优惠。")
    >>> coded[["unit_id", "category"]].values.tolist()
    [['0:1', '资金投入'], ['0:1', '金融支持'], ['0:2', '税收优惠']]
    """
    cb = resolve_codebook(codebook)
    check_unit(unit)
    if not any(c.rules for c in cb.categories):
        raise InputError(
            f"codebook {cb.name!r}: no category has a rule, so no unit could be coded (add rules, or code by hand "
            "with export_for_coding)"
        )
    patterns = cb.patterns()
    templates = sorted({p.text for p in patterns if p.kind == "template"})
    seg = segmenter
    if seg is None and any(p.kind == "glob" for p in patterns):
        seg = extractor_segmenter()
    rule_keys = {c.id: frozenset((p.kind, p.text) for r in c.rules for p in r.patterns) for c in cb.categories}
    rows: list[dict[str, Any]] = []
    meta_keys: dict[str, None] = {}
    for doc_id, text, meta in _progress(iter_source(source), desc="coding", enabled=progress):
        found_templates = None
        if templates:
            from ..extract.templates import find_templates

            tf = find_templates(text, templates, segmenter=segmenter)
            found_templates = list(zip(tf["template"], tf["start"], tf["end"], tf["match"]))
        spans = unit_spans(text, unit, doc_id=doc_id)
        doc = _DocHits(text, spans, patterns, seg, found_templates)
        extra = _meta_columns(meta)
        meta_keys.update(dict.fromkeys(extra))
        for k, (s, e) in enumerate(spans):
            base = {"doc_id": doc_id, "unit_id": f"{doc_id}:{k + 1}", "start": s, "end": e, "text": text[s:e]}
            coded = False
            maybe = doc.candidates(k, rule_keys)
            for cat in cb.categories:
                if cat.id not in maybe:
                    continue
                if cat.exclusions and doc.any(cat.exclusions, k):
                    continue
                first: tuple[Rule, Hit] | None = None
                n = 0
                for rule in cat.rules:
                    hit = doc.fire(rule, k)
                    if hit is not None:
                        n += 1
                        if first is None:
                            first = (rule, hit)
                if first is None:
                    continue
                coded = True
                rule, hit = first
                rows.append(
                    {
                        **base,
                        "category": cat.id,
                        "dimension": cat.dimension,
                        "rule": rule.label,
                        "matched": hit[2],
                        "group": cat.group,
                        "hits": n,
                        **extra,
                    }
                )
            if not coded and uncoded:
                rows.append(
                    {
                        **base,
                        "category": None,
                        "dimension": None,
                        "rule": None,
                        "matched": None,
                        "group": None,
                        "hits": 0,
                        **extra,
                    }
                )
    return to_frame(rows, [*CODED_COLUMNS, *meta_keys])


def primary_codes(
    coded: pd.DataFrame, codebook: Codebook | str | os.PathLike[str] | None = None, *, dimension: str | None = None
) -> pd.DataFrame:
    """One row per unit: its ``category`` (primary code) and ``second``, decided from :func:`code_units`' rows.

    The primary code is the category with the most rules fired (``hits``), ties going to the higher
    ``priority`` and then to the category named first in the codebook; ``second`` is the next one, if any;
    a unit with no code gets ``"none"``.
    Only categories of *dimension* (default: the codebook's first) count.

    >>> coded = pd.DataFrame({"unit_id": ["a", "a", "b"], "category": ["x", "y", None], "hits": [1, 2, 0],
    ...                       "dimension": ["d", "d", None]})
    >>> from policytext.coding.codebook import Codebook
    >>> cb = Codebook.from_dict({"dimensions": ["d"], "categories": [{"id": "x"}, {"id": "y"}]})
    >>> primary_codes(coded, cb)[["unit_id", "category", "second"]].values.tolist()
    [['a', 'y', 'x'], ['b', 'none', None]]
    """
    cb = resolve_codebook(codebook)
    dim = dimension or cb.dimensions[0]
    if dim not in cb.dimensions:
        raise InputError(f"dimension: {dim!r} is not a dimension of the codebook ({', '.join(cb.dimensions)})")
    if "category" in coded.columns:
        unknown = sorted({str(c) for c in coded["category"] if not is_missing(c)} - set(cb.codes))
        if unknown:
            raise InputError(
                f"codebook: the units hold categories it does not have ({', '.join(unknown[:5])}); pass the "
                "codebook they were coded with (codebook=...)"
            )
    order = {c.id: (-c.priority, i) for i, c in enumerate(cb.categories)}
    keep = [c for c in coded.columns if c not in ("category", "dimension", "rule", "matched", "group", "hits")]
    units: dict[Any, dict[str, Any]] = {}
    cands: dict[Any, list[tuple[int, int, int, str]]] = {}
    for rec in coded.to_dict("records"):
        uid = rec["unit_id"]
        if uid not in units:
            units[uid] = {k: rec[k] for k in keep}
            cands[uid] = []
        cat = rec["category"]
        if not is_missing(cat) and rec.get("dimension") == dim:
            prio, pos = order.get(cat, (0, len(order)))
            cands[uid].append((-int(rec.get("hits") or 1), prio, pos, cat))
    out: list[dict[str, Any]] = []
    for uid, row in units.items():
        ranked = sorted(cands[uid])
        row["category"] = ranked[0][3] if ranked else "none"
        row["second"] = ranked[1][3] if len(ranked) > 1 else None
        out.append(row)
    return object_columns(to_frame(out, [*keep, "category", "second"]), others=("second",))
