"""Category dictionaries counted per document, the way scholars code policy instruments or themes.

A dictionary maps a category to its terms, e.g. Rothwell & Zegveld's policy
instruments (供给型 / 需求型 / 环境型). It may be a dict, or a ``.json`` / ``.yaml`` /
``.yml`` file holding one (YAML needs the optional PyYAML). Nested categories are
flattened to ``parent/child``. A term containing ``{`` is a slot template
(``抓{X}促{Y}``) counted with :func:`policytext.extract.templates.find_templates` when
that module is installed.

Terms are matched as exact substrings, longest first and without overlap, so with
both 党组织 and 基层党组织 in the dictionary, 基层党组织 counts once, as itself. Two more kinds
of term, as in quanteda's dictionaries:

- a **glob**: ``*`` stands for a run of up to :data:`GLOB_CHARS` word characters (Han,
  letters, digits; never punctuation or a space), as few as will do: ``示范*`` counts every
  示范 that begins a word or phrase (示范区, 示范工程), ``*补贴`` every 补贴 (购置补贴),
  ``加大*力度`` every 加大…力度 within six characters. Chinese has no spaces, so a glob cannot
  know where a word ends: it counts occurrences of its fixed parts in that arrangement, and
  its reported extent is not a word. A literal ``*`` cannot be matched;
- a **regular expression** between slashes: ``/加大.{0,6}支持力度/``.

A glob or regular expression that cannot be compiled is an error naming the category and
the term, never a silent zero.

>>> d = {"供给型": ["人才培养", "资金投入"], "环境型": ["税收优惠", "法规"]}
>>> dictionary_counts(["加大资金投入，完善税收优惠和法规。"], d)[["category", "count"]].values.tolist()
[['供给型', 1], ['环境型', 2]]
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.convention import deprecated_positional
from ..errors import InputError, MissingExtraError
from ._tokens import as_unit_corpus

__all__ = ["GLOB_CHARS", "dictionary_counts", "load_dictionary", "term_pattern"]

#: the most characters a ``*`` of a glob stands for
GLOB_CHARS = 6


def _is_regex(term: str) -> bool:
    """A term written between slashes (``/加大.{0,6}支持力度/``) is a regular expression."""
    return len(term) > 2 and term.startswith("/") and term.endswith("/")


def term_pattern(term: str) -> str:
    """The regular expression a dictionary term stands for: literal, glob (``*``) or ``/regex/``.

    >>> [bool(re.fullmatch(term_pattern("示范*"), w)) for w in ("示范区", "示范", "示范，")]
    [True, True, False]
    >>> bool(re.fullmatch(term_pattern("*补贴"), "购置补贴")), term_pattern("/加大.{0,6}支持力度/")
    (True, '加大.{0,6}支持力度')
    """
    if _is_regex(term):
        return term[1:-1]
    if "*" in term:
        return f"\\w{{0,{GLOB_CHARS}}}?".join(re.escape(part) for part in term.split("*"))
    return re.escape(term)


def _literal_length(term: str) -> int:
    """How much fixed text a term holds, to try longer terms first."""
    if _is_regex(term):
        return len(re.sub(r"[^\w]", "", term))
    return len(term.replace("*", ""))


def load_dictionary(dictionary: Mapping[str, Any] | str | os.PathLike[str]) -> dict[str, list[str]]:
    """A dictionary as ``{category: [terms]}`` from a dict or a JSON/YAML file.

    >>> load_dictionary({"主题": {"党建": ["党建", "党组织"], "经济": "增长"}})
    {'主题/党建': ['党建', '党组织'], '主题/经济': ['增长']}
    """
    name = "dictionary"
    if isinstance(dictionary, (str, os.PathLike)):
        path = Path(dictionary)
        name = str(path)
        if not path.is_file():
            raise InputError(f"{path}: no such dictionary file")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: not UTF-8 (byte offset {e.start}); save the dictionary as UTF-8") from None
        suffix = path.suffix.lower()
        if suffix == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}, line {e.lineno}: invalid JSON: {e.msg}") from None
        elif suffix in (".yaml", ".yml"):
            try:
                import yaml
            except ImportError:
                raise MissingExtraError("reading a YAML dictionary", "yaml", "PyYAML") from None
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                where = f", line {mark.line + 1}" if mark is not None else ""
                raise InputError(f"{path}{where}: invalid YAML: {e}") from None
        else:
            raise InputError(f"{path}: a dictionary file must end in .json, .yaml or .yml")
    else:
        data = dictionary
    if not isinstance(data, Mapping) or not data:
        raise InputError(f"{name}: expected a non-empty mapping of category -> terms")
    out: dict[str, list[str]] = {}
    _flatten(data, "", out, name)
    return out


def _flatten(data: Mapping[str, Any], prefix: str, out: dict[str, list[str]], name: str) -> None:
    for key, value in data.items():
        cat = f"{prefix}{key}"
        if isinstance(value, Mapping):
            _flatten(value, f"{cat}/", out, name)
            continue
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, Sequence) or isinstance(value, (bytes, bytearray)):
            raise InputError(f"{name}: category {cat!r}: expected a list of terms, got {type(value).__name__}")
        terms = []
        for i, t in enumerate(value):
            if not isinstance(t, str) or not t.strip():
                raise InputError(f"{name}: category {cat!r}, term {i}: expected a non-empty string, got {t!r}")
            terms.append(t.strip())
        out[cat] = list(dict.fromkeys(terms))


def _template_hits(source: Any, patterns: list[str]) -> pd.DataFrame:
    try:
        from ..extract.templates.matching import find_templates
    except ImportError:
        raise InputError(
            f"the dictionary holds template patterns ({patterns[0]!r}…) but policytext.extract.templates "
            "is not available in this installation"
        ) from None
    return find_templates(source, templates=patterns)


@deprecated_positional("detail", allowed=2)
def dictionary_counts(
    source: Any,
    dictionary: Mapping[str, Any] | str | os.PathLike[str],
    *,
    detail: bool = False,
    unit: str = "document",
) -> pd.DataFrame:
    """Occurrences of each dictionary category in each document (or each section or paragraph).

    Returns one row per document and category: ``doc_id, category, count, per_10k``
    (``per_10k`` = count per 10,000 characters of the document), zeros included so
    the rows pivot cleanly. ``detail=True`` gives one row per term instead, with a
    ``term`` column after ``category``. A term listed under several categories counts
    in each. ``unit="section"`` or ``"paragraph"`` counts per unit of each document
    (:meth:`Corpus.split <policytext.corpus.Corpus.split>`, cut at every heading): the rows gain
    ``unit_id``, ``start``, ``end`` (the unit's offsets in the document's text) and, for sections,
    ``section_number`` and ``section_heading``, after ``doc_id``.
    """
    cats = load_dictionary(dictionary)
    corpus = as_unit_corpus(source, unit)
    term_cats: dict[str, list[str]] = {}
    templates: dict[str, list[str]] = {}
    for cat, terms in cats.items():
        for t in terms:
            (templates if "{" in t and not _is_regex(t) else term_cats).setdefault(t, []).append(cat)
    plain = sorted(term_cats, key=lambda t: (-_literal_length(t), t))
    for t in plain:
        try:
            compiled = re.compile(term_pattern(t))
        except re.error as e:
            raise InputError(
                f"dictionary: category {term_cats[t][0]!r}, term {t!r}: not a valid pattern ({e})"
            ) from None
        if compiled.fullmatch(""):
            raise InputError(f"dictionary: category {term_cats[t][0]!r}, term {t!r}: matches the empty string")
    regex = re.compile("|".join(f"(?P<t{k}>{term_pattern(t)})" for k, t in enumerate(plain))) if plain else None

    # counts[(doc_index, term)]
    counts: dict[tuple[int, str], int] = {}
    if regex is not None:
        for i, doc in enumerate(corpus):
            for m in regex.finditer(doc.text):
                if m.end() == m.start():
                    continue
                key = (i, plain[int(str(m.lastgroup)[1:])])
                counts[key] = counts.get(key, 0) + 1
    if templates:
        hits = _template_hits(corpus, list(templates))
        if len(hits):
            pos = {d: i for i, d in enumerate(corpus.doc_ids)}
            for doc_id, tpl in zip(hits["doc_id"], hits["template"]):
                at = pos.get(str(doc_id))
                if at is not None and tpl in templates:
                    counts[(at, tpl)] = counts.get((at, tpl), 0) + 1

    rows: list[tuple[Any, ...]] = []  # with or without the term column
    for i, doc in enumerate(corpus):
        n = len(doc.text)
        for cat, terms in cats.items():
            if detail:
                for t in terms:
                    k = counts.get((i, t), 0)
                    rows.append((doc.doc_id, cat, t, k, k * 10_000 / n if n else 0.0))
            else:
                k = sum(counts.get((i, t), 0) for t in terms)
                rows.append((doc.doc_id, cat, k, k * 10_000 / n if n else 0.0))
    cols = ["doc_id", "category"] + (["term"] if detail else []) + ["count", "per_10k"]
    out = pd.DataFrame(rows, columns=cols)
    out["count"] = out["count"].astype("int64")
    out["per_10k"] = out["per_10k"].astype(float)
    return out if unit == "document" else _with_unit_columns(out, corpus, unit)


def _with_unit_columns(out: pd.DataFrame, units: Any, unit: str) -> pd.DataFrame:
    """Rows keyed by unit ids become ``doc_id, unit_id, start, end[, section_number, section_heading]``."""
    info = {
        u.doc_id: (u.meta["parent_id"], u.doc_id, u.meta["offset"], u.meta["offset"] + len(u.text), u.meta)
        for u in units
    }
    keys = out["doc_id"].map(info)
    extra = {
        "doc_id": keys.map(lambda k: k[0]),
        "unit_id": keys.map(lambda k: k[1]),
        "start": keys.map(lambda k: k[2]).astype("int64"),
        "end": keys.map(lambda k: k[3]).astype("int64"),
    }
    if unit == "section":
        extra["section_number"] = keys.map(lambda k: k[4].get("section_number"))
        extra["section_heading"] = keys.map(lambda k: k[4].get("section_heading"))
    rest = out.drop(columns=["doc_id"])
    return pd.concat([pd.DataFrame(extra, index=out.index), rest], axis=1)
