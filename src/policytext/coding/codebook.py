"""A codebook: categories (in up to two dimensions, nested in groups) with definitions, notes and rules.

A codebook is written in YAML and read by :meth:`Codebook.from_yaml`, which validates it and names the file,
the line and the rule of any error (a pattern that cannot compile, a duplicate category, an empty rule, an
unknown key). The format::

    codebook: 政策工具 (policy instruments)
    source: Rothwell & Zegveld 1981 …
    dimensions: [instrument]          # one or two; the first is the default of every category
    categories:
      - id: supply                    # a group: it has categories of its own, no rules
        label: 供给型
        categories:
          - id: 资金投入               # a code
            label_en: funding
            priority: 0                 # ties between codes of one unit go to the higher priority
            definition: {zh: 政府直接投入资金…, en: government money …}
            include: [财政专项资金]      # notes for human coders
            exclude: [银行贷款 → 金融支持]
            rules:
              - terms: [财政资金, 专项资金]          # literal text
              - glob: ["*补贴", "奖补*"]            # one word of the Segmenter (* any run, ? one character)
              - regex: "安排.{0,6}资金"
              - template: "加大{X}支持力度"          # a policytext slot template
                any_of: [财政, 资金]                 # …and one of these in the same unit
              - terms: [税收]
                all_of: [[优惠, 减免]]               # every group must occur in the unit
                unless: [贷款]                      # …and none of these
            exclusions: ["re:^（.）"]               # any of these in the unit vetoes the category

Condition strings (``all_of``, ``any_of``, ``unless``, ``exclusions``) are literal text, a glob when they hold
``*`` or ``?``, or a regular expression after ``re:``.

>>> cb = Codebook.from_dict({"categories": [{"id": "资金投入", "rules": [{"terms": ["专项资金"]}]}]})
>>> cb.codes
['资金投入']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._util.lexicon_files import lexicon_dir
from ..errors import InputError
from ..extract.templates import TemplateSyntaxError, parse_template
from .extras import yaml_module

__all__ = ["Category", "Codebook", "Pattern", "Rule", "bundled_codebook", "bundled_codebook_path"]

PATTERN_KINDS = ("terms", "glob", "regex", "template")
RULE_KEYS = frozenset(PATTERN_KINDS) | {"all_of", "any_of", "unless", "name", "note"}
CATEGORY_KEYS = frozenset(
    {
        "id",
        "label",
        "label_en",
        "dimension",
        "definition",
        "include",
        "exclude",
        "rules",
        "exclusions",
        "categories",
        "priority",
    }
)
TOP_KEYS = frozenset({"codebook", "version", "source", "description", "dimensions", "categories", "language"})
#: What a glob's ``*`` and ``?`` stand for: word characters (Han, letters, digits), never punctuation.
_GLOB_CHAR = r"[\w\u4e00-\u9fff]"


@dataclass(frozen=True)
class Pattern:
    """One thing to look for: ``kind`` is ``term``, ``glob``, ``regex`` or ``template``; ``text`` as written."""

    kind: str
    text: str
    regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.kind}:{self.text}"


@dataclass(frozen=True)
class Rule:
    """A rule of a category: any of ``patterns`` fires it, if the unit also meets the conditions.

    ``all_of`` is a tuple of groups (each group a tuple of patterns, one of which must occur), ``any_of``
    patterns of which one must occur, ``unless`` patterns none of which may occur. ``line`` is the rule's
    line in the codebook file (1-based; 0 for codebooks built in Python).
    """

    category: str
    patterns: tuple[Pattern, ...]
    all_of: tuple[tuple[Pattern, ...], ...] = ()
    any_of: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()
    name: str = ""
    line: int = 0

    @property
    def label(self) -> str:
        """How the rule is named in results: its ``name``, else its first pattern (``glob:示范*``)."""
        if self.name:
            return self.name
        first = str(self.patterns[0])
        return first + (f" (+{len(self.patterns) - 1})" if len(self.patterns) > 1 else "")


@dataclass(frozen=True)
class Category:
    """A code of the codebook: ``id``, its ``dimension`` and ``group`` (the enclosing group's id, if any)."""

    id: str
    dimension: str
    group: str | None = None
    label: str = ""
    label_en: str = ""
    definition: dict[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    exclusions: tuple[Pattern, ...] = ()
    priority: int = 0
    line: int = 0


@dataclass(frozen=True)
class Codebook:
    """A validated codebook: its categories (codes) in order, their groups and dimensions.

    >>> cb = bundled_codebook()
    >>> cb.dimensions[0], len(cb.codes) >= 13, cb.category("资金投入").group
    ('instrument', True, '供给型')
    """

    name: str
    categories: tuple[Category, ...]
    dimensions: tuple[str, ...] = ("category",)
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = ""
    description: str = ""
    path: str | None = None

    @property
    def codes(self) -> list[str]:
        """The ids of every code, in codebook order."""
        return [c.id for c in self.categories]

    def category(self, code: str) -> Category:
        """The category *code*; an unknown code is an :class:`InputError` listing the known ones."""
        for c in self.categories:
            if c.id == code:
                return c
        raise InputError(f"codebook {self.name!r} has no category {code!r}; it has {', '.join(self.codes)}")

    def rules(self) -> Iterator[Rule]:
        """Every rule of every category, in codebook order."""
        for c in self.categories:
            yield from c.rules

    def patterns(self) -> list[Pattern]:
        """Every distinct pattern the codebook looks for (rules, conditions, exclusions), in first-use order."""
        seen: dict[tuple[str, str], Pattern] = {}
        for c in self.categories:
            for r in c.rules:
                for p in (*r.patterns, *(p for g in r.all_of for p in g), *r.any_of, *r.unless):
                    seen.setdefault((p.kind, p.text), p)
            for p in c.exclusions:
                seen.setdefault((p.kind, p.text), p)
        return list(seen.values())

    def to_frame(self) -> Any:
        """One row per code: ``category, dimension, group, label, label_en, definition_zh, definition_en, rules``."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "category": c.id,
                    "dimension": c.dimension,
                    "group": c.group,
                    "label": c.label,
                    "label_en": c.label_en,
                    "definition_zh": c.definition.get("zh", ""),
                    "definition_en": c.definition.get("en", ""),
                    "rules": len(c.rules),
                }
                for c in self.categories
            ]
        )

    # -- readers -----------------------------------------------------------------------------------------
    @classmethod
    def from_yaml(cls, path: str | os.PathLike[str]) -> Codebook:
        """Read and validate the YAML codebook at *path* (needs PyYAML, extra ``code``).

        Every error is an :class:`InputError` that starts ``file:line:`` and names the category and rule.
        """
        yaml = yaml_module()
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(f"{p}: no such codebook file") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{p}: not UTF-8 (byte offset {e.start})") from None
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            raise InputError(f"{p}:{line}: not valid YAML ({getattr(e, 'problem', e)})") from None
        if node is None:
            raise InputError(f"{p}:1: the codebook is empty")
        return _Reader(str(p)).codebook(node)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, name: str = "<dict>") -> Codebook:
        """Build a codebook from the same structure as the YAML file (errors name *name* and the rule)."""
        return _Reader(name).codebook(_to_node(data))


def bundled_codebook_path(name: str = "policy_instruments") -> Path:
    """Path of a bundled codebook (``lexicons/codebooks/<name>.yaml``)."""
    p = lexicon_dir() / "codebooks" / f"{name}.yaml"
    if not p.is_file():
        raise InputError(f"no bundled codebook {name!r} in {p.parent}")
    return p


def bundled_codebook(name: str = "policy_instruments") -> Codebook:
    """The bundled codebook *name* (default: policy instruments after Rothwell & Zegveld 1981)."""
    return Codebook.from_yaml(bundled_codebook_path(name))


# -- reading YAML nodes with their line numbers ------------------------------------------------------------


class _Node:
    """A minimal stand-in for PyYAML nodes (for :meth:`Codebook.from_dict`)."""

    def __init__(self, value: Any, tag: str):
        self.value = value
        self.tag = tag
        self.start_mark = None


def _to_node(data: Any) -> Any:
    if isinstance(data, dict):
        return _Node([(_to_node(k), _to_node(v)) for k, v in data.items()], "map")
    if isinstance(data, (list, tuple)):
        return _Node([_to_node(v) for v in data], "seq")
    return _Node("" if data is None else str(data), "str")


def _kind(node: Any) -> str:
    if isinstance(node, _Node):
        return node.tag
    name = type(node).__name__
    return {"MappingNode": "map", "SequenceNode": "seq"}.get(name, "str")


def _line(node: Any) -> int:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else 0


class _Reader:
    def __init__(self, where: str):
        self.where = where

    def fail(self, node: Any, message: str) -> InputError:
        line = _line(node)
        return InputError(f"{self.where}:{line}: {message}" if line else f"{self.where}: {message}")

    def mapping(self, node: Any, allowed: frozenset[str], what: str) -> dict[str, Any]:
        if _kind(node) != "map":
            raise self.fail(node, f"{what} must be a mapping (key: value)")
        out: dict[str, Any] = {}
        for k, v in node.value:
            key = str(k.value)
            if key not in allowed:
                raise self.fail(k, f"{what}: unknown key {key!r} (known: {', '.join(sorted(allowed))})")
            if key in out:
                raise self.fail(k, f"{what}: key {key!r} given twice")
            out[key] = v
        return out

    def scalar(self, node: Any, what: str) -> str:
        if _kind(node) != "str":
            raise self.fail(node, f"{what} must be a single value")
        return str(node.value).strip()

    def strings(self, node: Any, what: str) -> list[tuple[str, Any]]:
        """A string or a list of strings, each with its node (for line numbers)."""
        items = node.value if _kind(node) == "seq" else [node]
        out = []
        for item in items:
            out.append((self.scalar(item, what), item))
        return out

    def codebook(self, node: Any) -> Codebook:
        top = self.mapping(node, TOP_KEYS, "codebook")
        if "categories" not in top:
            raise self.fail(node, "codebook: no 'categories'")
        dims = [s for s, _ in self.strings(top["dimensions"], "dimensions")] if "dimensions" in top else ["category"]
        if not 1 <= len(dims) <= 2 or len(set(dims)) != len(dims) or not all(dims):
            raise self.fail(top.get("dimensions", node), f"dimensions: one or two distinct names, not {dims}")
        cats: list[Category] = []
        groups: dict[str, dict[str, Any]] = {}
        seen: dict[str, int] = {}
        if _kind(top["categories"]) != "seq":
            raise self.fail(top["categories"], "categories must be a list")
        for cnode in top["categories"].value:
            self.category(cnode, None, dims[0], dims, cats, groups, seen)
        if not cats:
            raise self.fail(top["categories"], "the codebook has no categories with rules or a definition")
        return Codebook(
            name=self.scalar(top["codebook"], "codebook") if "codebook" in top else Path(self.where).stem,
            categories=tuple(cats),
            dimensions=tuple(dims),
            groups=groups,
            source=self.scalar(top["source"], "source") if "source" in top else "",
            description=self.scalar(top["description"], "description") if "description" in top else "",
            path=self.where,
        )

    def category(
        self,
        node: Any,
        group: str | None,
        dimension: str,
        dims: Sequence[str],
        out: list[Category],
        groups: dict[str, dict[str, Any]],
        seen: dict[str, int],
    ) -> None:
        m = self.mapping(node, CATEGORY_KEYS, "category")
        if "id" not in m:
            raise self.fail(node, "category: no 'id'")
        cid = self.scalar(m["id"], "id")
        if not cid:
            raise self.fail(m["id"], "category: empty 'id'")
        if cid == "none":
            raise self.fail(m["id"], "category: 'none' is reserved for units that use no category")
        if cid in seen:
            raise self.fail(m["id"], f"duplicate category {cid!r} (first defined on line {seen[cid]})")
        seen[cid] = _line(m["id"])
        if "dimension" in m:
            dimension = self.scalar(m["dimension"], "dimension")
            if dimension not in dims:
                raise self.fail(m["dimension"], f"category {cid!r}: unknown dimension {dimension!r} (known: {dims})")
        label = self.scalar(m["label"], "label") if "label" in m else ""
        label_en = self.scalar(m["label_en"], "label_en") if "label_en" in m else ""
        definition = self.definition(m.get("definition"), cid)
        if "categories" in m:
            if "rules" in m or "exclusions" in m:
                raise self.fail(m["rules" if "rules" in m else "exclusions"], f"group {cid!r}: a group has no rules")
            if _kind(m["categories"]) != "seq":
                raise self.fail(m["categories"], f"group {cid!r}: categories must be a list")
            groups[cid] = {"label": label, "label_en": label_en, "definition": definition, "parent": group}
            for child in m["categories"].value:
                self.category(child, cid, dimension, dims, out, groups, seen)
            return
        rules = []
        if "rules" in m:
            if _kind(m["rules"]) != "seq":
                raise self.fail(m["rules"], f"category {cid!r}: rules must be a list")
            for i, rnode in enumerate(m["rules"].value, start=1):
                rules.append(self.rule(rnode, cid, i))
        exclusions = (
            tuple(self.condition(s, n, cid, "exclusions") for s, n in self.strings(m["exclusions"], "exclusions"))
            if "exclusions" in m
            else ()
        )
        out.append(
            Category(
                id=cid,
                dimension=dimension,
                group=group,
                label=label,
                label_en=label_en,
                definition=definition,
                include=tuple(s for s, _ in self.strings(m["include"], "include")) if "include" in m else (),
                exclude=tuple(s for s, _ in self.strings(m["exclude"], "exclude")) if "exclude" in m else (),
                rules=tuple(rules),
                exclusions=exclusions,
                priority=self.integer(m["priority"], f"category {cid!r}: priority") if "priority" in m else 0,
                line=_line(m["id"]),
            )
        )

    def integer(self, node: Any, what: str) -> int:
        value = self.scalar(node, what)
        try:
            return int(value)
        except ValueError:
            raise self.fail(node, f"{what} must be an integer, not {value!r}") from None

    def definition(self, node: Any, cid: str) -> dict[str, str]:
        if node is None:
            return {}
        if _kind(node) == "str":
            return {"zh": self.scalar(node, "definition")}
        m = self.mapping(node, frozenset({"zh", "en"}), f"category {cid!r}: definition")
        return {k: self.scalar(v, f"definition.{k}") for k, v in m.items()}

    def rule(self, node: Any, cid: str, index: int) -> Rule:
        where = f"category {cid!r}, rule {index}"
        m = self.mapping(node, RULE_KEYS, where)
        kinds = [k for k in PATTERN_KINDS if k in m]
        if len(kinds) != 1:
            raise self.fail(node, f"{where}: give exactly one of {', '.join(PATTERN_KINDS)} (found {kinds or 'none'})")
        kind = kinds[0]
        items = self.strings(m[kind], kind)
        if not items or any(not s for s, _ in items):
            raise self.fail(m[kind], f"{where}: empty rule ({kind} with no text)")
        patterns = tuple(self.pattern("term" if kind == "terms" else kind, s, n, where) for s, n in items)
        all_of: list[tuple[Pattern, ...]] = []
        if "all_of" in m:
            gnode = m["all_of"]
            groups = gnode.value if _kind(gnode) == "seq" else [gnode]
            for g in groups:
                all_of.append(
                    tuple(self.condition(s, n, cid, f"rule {index} all_of") for s, n in self.strings(g, "all_of"))
                )
        any_of = (
            tuple(self.condition(s, n, cid, f"rule {index} any_of") for s, n in self.strings(m["any_of"], "any_of"))
            if "any_of" in m
            else ()
        )
        unless = (
            tuple(self.condition(s, n, cid, f"rule {index} unless") for s, n in self.strings(m["unless"], "unless"))
            if "unless" in m
            else ()
        )
        if any(not g for g in all_of) or ("any_of" in m and not any_of):
            raise self.fail(node, f"{where}: an empty condition")
        return Rule(
            category=cid,
            patterns=patterns,
            all_of=tuple(all_of),
            any_of=any_of,
            unless=unless,
            name=self.scalar(m["name"], "name") if "name" in m else "",
            line=_line(node),
        )

    def condition(self, text: str, node: Any, cid: str, where: str) -> Pattern:
        if not text:
            raise self.fail(node, f"category {cid!r}, {where}: empty condition")
        if text.startswith("re:"):
            return self.pattern("regex", text[3:], node, f"category {cid!r}, {where}")
        if "*" in text or "?" in text:
            return self.pattern("glob", text, node, f"category {cid!r}, {where}")
        return self.pattern("term", text, node, f"category {cid!r}, {where}")

    def pattern(self, kind: str, text: str, node: Any, where: str) -> Pattern:
        if not text:
            raise self.fail(node, f"{where}: empty {kind}")
        if kind == "term":
            return Pattern("term", text, re.compile(re.escape(text)))
        if kind == "regex":
            try:
                rx = re.compile(text)
            except re.error as e:
                raise self.fail(node, f"{where}: regex {text!r} does not compile ({e})") from None
            if rx.search("") is not None:
                raise self.fail(node, f"{where}: regex {text!r} matches the empty string")
            return Pattern("regex", text, rx)
        if kind == "glob":
            return Pattern("glob", text, compile_glob(text, lambda msg: self.fail(node, f"{where}: {msg}")))
        try:
            parse_template(text)
        except TemplateSyntaxError as e:
            first = str(e).splitlines()[0]
            raise self.fail(node, f"{where}: template {text!r} does not parse ({first})") from None
        return Pattern("template", text)


def compile_glob(text: str, fail: Any = None) -> re.Pattern[str]:
    """The regular expression of a one-word glob: ``*`` any run of word characters, ``?`` one, ``[..]`` a set.

    The glob must match a whole word of the Segmenter, so ``示范*`` matches 示范区 and 示范, and ``*补贴``
    matches 财政补贴.

    >>> bool(compile_glob("*补贴").fullmatch("财政补贴")), bool(compile_glob("示范*").fullmatch("典型示范"))
    (True, False)
    """
    stripped = text.replace("*", "").replace("?", "")
    if not stripped.strip():
        message = f"glob {text!r} has no literal text (it would match every word)"
        raise fail(message) if fail else InputError(message)
    parts: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "*":
            parts.append(_GLOB_CHAR + "*")
        elif ch == "?":
            parts.append(_GLOB_CHAR)
        elif ch == "[":
            close = text.find("]", i + 1)
            if close < 0:
                message = f"glob {text!r} does not compile (unclosed '[' at position {i})"
                raise fail(message) if fail else InputError(message)
            inner = text[i + 1 : close]
            parts.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = close
        else:
            parts.append(re.escape(ch))
        i += 1
    try:
        return re.compile("".join(parts))
    except re.error as e:
        message = f"glob {text!r} does not compile ({e})"
        raise (fail(message) if fail else InputError(message)) from None
