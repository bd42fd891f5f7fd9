"""The one registry of extractors: each extractor declares itself once, where it is defined.

An extractor is a function ``find_x(source, ...) -> DataFrame`` with ``doc_id, start,
end`` columns (see :mod:`policytext.extract`). Decorating it with :func:`extractor`
records its name, the kind of its rows, a label, a colour, a highlight style and a
help line on the function itself; :func:`extractors` finds every decorated function
in the modules of :mod:`policytext.extract`. The CLI (``policytext extract NAME``),
the batch steps, the HTML report (annotations, legend, CSS, default kinds), the
benchmarks and the top-level API (``policytext.find_x``) all read this registry, so
adding an extractor is one module, one test file and one doc page
(see ``CONTRIBUTING.md``).

>>> [e.name for e in extractors()][:3]
['templates', 'parallels', 'formulas']
>>> get_extractor("meetings").kind
'meeting'
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, TypeVar

import pandas as pd

from ..errors import InputError

__all__ = [
    "STYLES",
    "Extractor",
    "add_sections",
    "extractor",
    "extractor_for_kind",
    "extractors",
    "get_extractor",
]

#: how the report highlights a finding: a line under it, a marker behind it (bold or not),
#: or one background colour per group of items (``item_spans``)
STYLES = ("underline", "marker", "bold-marker", "groups")

_ATTRIBUTE = "__policytext_extractor__"

F = TypeVar("F", bound=Callable[..., pd.DataFrame])


@dataclass(frozen=True)
class Extractor:
    """What the rest of policytext needs to know about one extractor.

    ``name`` is the CLI subcommand and batch step (plural: ``templates``); ``kind`` names
    one row (``template``) in the report's legend, CSS class and ``kinds=``;
    ``label_zh`` is the legend's label in Chinese (the report's default for Chinese texts);
    ``label_columns`` are joined into the tooltip of a highlight; ``order`` sorts
    the registry (CLI help, legend); ``in_report`` puts the kind among the report's
    default kinds; ``formatter`` names a function ``DataFrame -> str`` that prints
    findings readably on a terminal: a name in the extractor's own module, or
    ``"module:function"``; ``speed_budget`` is the most time the extractor may take, as
    a multiple of plain ``jieba.lcut`` on the same texts with tokens cached, that
    ``benchmarks/extract.py`` holds it to (design.md: formulaic 0.5, parallels 1).
    """

    name: str
    kind: str
    function: Callable[..., pd.DataFrame]
    label: str
    colour: str
    help: str
    label_zh: str = ""
    style: str = "marker"
    label_columns: tuple[str, ...] = ("match",)
    in_report: bool = False
    order: int = 100
    formatter: str | None = None
    speed_budget: float = 0.5

    @property
    def target(self) -> str:
        """``"module:function"``, the spelling batch steps and worker processes use."""
        return f"{self.function.__module__}:{self.function.__name__}"

    def format_for_terminal(self, frame: pd.DataFrame) -> str | None:
        """The findings as the declared formatter prints them, or ``None`` without one."""
        if self.formatter is None:
            return None
        module_name, _, attr = self.formatter.rpartition(":")
        module = importlib.import_module(module_name or self.function.__module__)
        formatted: str = getattr(module, attr)(frame)
        return formatted

    def legend_label(self, lang: str) -> str:
        """The legend's label in *lang* (``"zh"`` or ``"en"``); English where no Chinese one was declared."""
        return self.label_zh if lang == "zh" and self.label_zh else self.label

    def css(self) -> str:
        """The report's CSS rule for this kind's highlights."""
        cls = f".pt-{self.kind}"
        if self.style == "underline":
            return f"{cls} {{ border-bottom: 2px solid {self.colour}; }}"
        if self.style == "groups":
            return f"{cls} {{ border-radius: 3px; padding: 0 1px; }}"
        weight = " font-weight: 600;" if self.style == "bold-marker" else ""
        return f"{cls} {{ box-shadow: inset 0 -0.45em 0 {self.colour};{weight} }}"


def extractor(
    *,
    name: str,
    kind: str,
    label: str,
    colour: str,
    help: str,
    label_zh: str = "",
    style: str = "marker",
    label_columns: tuple[str, ...] = ("match",),
    in_report: bool = False,
    order: int = 100,
    formatter: str | None = None,
    speed_budget: float = 0.5,
) -> Callable[[F], F]:
    """Declare the decorated function an extractor (it is returned unchanged).

    >>> @extractor(name="demo", kind="demo", label="demo", colour="#000", help="a demo")
    ... def find_demo(source): ...
    >>> find_demo.__policytext_extractor__["kind"]
    'demo'
    """
    if style not in STYLES:
        raise InputError(f"extractor {name!r}: style must be one of {', '.join(STYLES)}, not {style!r}")
    declared = dict(
        label_zh=label_zh,
        name=name,
        kind=kind,
        label=label,
        colour=colour,
        help=help,
        style=style,
        label_columns=tuple(label_columns),
        in_report=in_report,
        order=order,
        formatter=formatter,
        speed_budget=speed_budget,
    )

    def mark(fn: F) -> F:
        setattr(fn, _ATTRIBUTE, declared)
        return fn

    return mark


def _declared_in(module: Any) -> list[Extractor]:
    found = []
    for value in vars(module).values():
        declared = getattr(value, _ATTRIBUTE, None)
        if declared is not None and getattr(value, "__module__", None) == module.__name__:
            found.append(Extractor(function=value, **declared))
    return found


@lru_cache(maxsize=1)
def _registry() -> MappingProxyType[str, Extractor]:
    package = importlib.import_module(__package__ or "policytext.extract")
    found: list[Extractor] = []
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        found += _declared_in(importlib.import_module(info.name))
    found.sort(key=lambda e: (e.order, e.name))
    by_name: dict[str, Extractor] = {}
    kinds: dict[str, str] = {}
    for e in found:
        if e.name in by_name or e.kind in kinds:
            other = by_name.get(e.name) or by_name[kinds[e.kind]]
            raise InputError(
                f"two extractors declare name {e.name!r} or kind {e.kind!r}: {other.target} and {e.target}"
            )
        by_name[e.name] = e
        kinds[e.kind] = e.name
    return MappingProxyType(by_name)


def extractors() -> tuple[Extractor, ...]:
    """Every declared extractor, in their declared order."""
    return tuple(_registry().values())


def get_extractor(name: str) -> Extractor:
    """The extractor called *name* (``"templates"``); an unknown name is an error naming the choices."""
    try:
        return _registry()[name]
    except KeyError:
        raise InputError(f"unknown extractor {name!r}; choose from {', '.join(_registry())}") from None


def extractor_for_kind(kind: str) -> Extractor:
    """The extractor whose rows are of *kind* (``"template"``)."""
    for e in _registry().values():
        if e.kind == kind:
            return e
    raise InputError(f"unknown kind {kind!r}; choose from {', '.join(e.kind for e in _registry().values())}")


def add_sections(frame: pd.DataFrame, source: Any) -> pd.DataFrame:
    """*frame* (an extractor's rows: ``doc_id, start, ...``) with the section each row falls in.

    ``section`` is the row of :attr:`Document.sections <policytext.corpus.Document.sections>` of the
    innermost heading whose span holds the row's ``start`` (``<NA>`` before the first heading or in
    the closing block), ``section_number`` its marker (一 / （一） / 第三条) and ``section_heading``
    its words. *source* is what the extractor read (a :class:`~policytext.corpus.Corpus`, documents or
    texts), so the documents' sections are computed once each. A copy is returned.

    >>> import pandas as pd
    >>> text = "一、总体要求\\n坚持稳中求进。\\n（一）指导思想\\n以人民为中心。"
    >>> rows = pd.DataFrame({"doc_id": ["0", "0"], "start": [10, 24], "end": [12, 26]})
    >>> add_sections(rows, [text])[["section", "section_number", "section_heading"]].values.tolist()
    [[0, '一', '总体要求'], [1, '（一）', '指导思想']]
    """
    from ..corpus.officialdoc import sections
    from ..corpus.source import iter_source

    missing = {"doc_id", "start"} - set(frame.columns)
    if missing:
        raise InputError(
            f"add_sections needs the columns doc_id and start; the frame lacks {', '.join(sorted(missing))}"
        )
    out = frame.copy()
    wanted = set(out["doc_id"].astype(str))
    by_doc: dict[str, pd.DataFrame] = {}
    for doc_id, text, _meta in iter_source(source):
        if str(doc_id) in wanted and str(doc_id) not in by_doc:
            by_doc[str(doc_id)] = sections(text)
    numbers: list[Any] = []
    rows_at: list[Any] = []
    headings: list[Any] = []
    for doc_id, start in zip(out["doc_id"].astype(str), out["start"]):
        secs = by_doc.get(doc_id)
        if secs is None:
            raise InputError(f"add_sections: document {doc_id!r} of the frame is not in the source")
        hit = secs[(secs["start"] <= int(start)) & (int(start) < secs["end"])]
        if len(hit):
            row = int(hit.index[int(hit["start"].to_numpy().argmax())])  # the innermost: the latest heading
            rows_at.append(row)
            numbers.append(secs.at[row, "number"])
            headings.append(secs.at[row, "heading"])
        else:
            rows_at.append(pd.NA)
            numbers.append(pd.NA)
            headings.append(pd.NA)
    out["section"] = pd.array(rows_at, dtype="Int64")
    out["section_number"] = pd.array(numbers, dtype="string")
    out["section_heading"] = pd.array(headings, dtype="string")
    return out
