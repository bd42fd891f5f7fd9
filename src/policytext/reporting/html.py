"""A self-contained HTML reading report: the text with its formulaic language highlighted.

Every highlighted stretch is an element with ``data-kind`` (``template``,
``parallel``, ``formula``, ``meeting``); parallel items also carry ``data-group``
(one colour per group, its frame shown on hover). Where annotations overlap or nest,
an element is split at the boundaries of the others, so each piece carries
``data-id`` (the annotation it belongs to) and the page stays valid HTML.

>>> from policytext.reporting.html import highlight_html
>>> html = highlight_html("抓基层党建促乡村振兴", [
...     {"start": 0, "end": 10, "kind": "template", "label": "抓{X}党建促{Y}"}])
>>> 'data-kind="template"' in html
True
"""

from __future__ import annotations

import base64
import html as _html
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._util.frames import is_missing
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.source import check_text_not_path, reject_path
from ..corpus.text import is_han
from ..errors import InputError, MissingExtraError, MissingFontError
from ..extract.registry import extractor_for_kind, extractors

__all__ = [
    "Annotation",
    "Highlighted",
    "annotations_from",
    "default_kinds",
    "document_html",
    "highlight",
    "highlight_html",
    "outline_html",
    "report",
]


@dataclass(frozen=True)
class Annotation:
    """One highlighted stretch ``[start, end)`` of a text."""

    start: int
    end: int
    kind: str
    label: str = ""
    group: int | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())


def _color(group: int) -> str:
    hue = (group * 137.508) % 360  # golden angle: neighbouring groups get distant hues
    return f"hsl({hue:.0f}, 75%, 82%)"


def _open_tag(a: Annotation, aid: int) -> str:
    attrs = [f'class="pt-{a.kind}"', f'data-kind="{a.kind}"', f'data-id="{aid}"']
    if a.group is not None:
        attrs.append(f'data-group="{a.group}"')
        attrs.append(f'style="background:{_color(a.group)}"')
    if a.label:
        attrs.append(f'title="{_html.escape(a.label, quote=True)}"')
    for k, v in a.attrs:
        attrs.append(f'data-{k}="{_html.escape(v, quote=True)}"')
    return f"<span {' '.join(attrs)}>"


def highlight_html(text: str, annotations: Iterable[Annotation | dict[str, Any]]) -> str:
    """The text as HTML with every annotation wrapped in a ``<span data-kind=…>``.

    Line breaks become ``<br>``. Overlapping annotations are split so tags nest.
    """
    anns = [a if isinstance(a, Annotation) else Annotation(**a) for a in annotations]
    anns = [a for a in anns if 0 <= a.start < a.end <= len(text)]
    order = sorted(range(len(anns)), key=lambda i: (anns[i].start, -anns[i].end, i))
    ids = {i: n for n, i in enumerate(order)}
    bounds = sorted({0, len(text), *(a.start for a in anns), *(a.end for a in anns)})
    out: list[str] = []
    stack: list[int] = []  # indices into anns, outermost first
    for left, right in zip(bounds, bounds[1:]):
        active = [i for i in order if anns[i].start <= left and anns[i].end >= right]
        # keep the common prefix of the open stack, close the rest, open what is missing
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        for _ in range(len(stack) - keep):
            out.append("</span>")
        stack = stack[:keep]
        for i in active[keep:]:
            out.append(_open_tag(anns[i], ids[i]))
            stack.append(i)
        out.append(_html.escape(text[left:right]).replace("\n", "<br>\n"))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def default_kinds() -> tuple[str, ...]:
    """The kinds a report highlights by default: every extractor declared ``in_report``.

    >>> default_kinds()
    ('template', 'parallel', 'formula', 'meeting')
    """
    return tuple(e.kind for e in extractors() if e.in_report)


def _run_extractor(kind: str, doc: Document) -> pd.DataFrame:
    return extractor_for_kind(kind).function(doc)


def _label_part(value: Any) -> str:
    if isinstance(value, dict):
        return "  ".join(f"{k}={v}" for k, v in value.items())
    return "" if is_missing(value) else str(value)


def annotations_from(kind: str, frame: pd.DataFrame | None, group_offset: int = 0) -> list[Annotation]:
    """Annotations from an extractor's tidy frame.

    One per row; one per item (``item_spans``) for an extractor whose highlight style
    is ``groups``, each group in its own colour. The tooltip joins the extractor's
    declared ``label_columns``.
    """
    anns: list[Annotation] = []
    if frame is None or frame.empty:
        return anns
    e = extractor_for_kind(kind)
    for g, row in enumerate(frame.to_dict(orient="records"), start=group_offset):
        parts = [_label_part(row.get(c)) for c in e.label_columns]
        parts = [p for p in parts if p]
        if e.style == "groups":
            label = ": ".join(parts)
            for s, end in row["item_spans"]:
                anns.append(Annotation(int(s), int(end), kind, label, g))
        else:
            label = "  ".join(parts) or str(row.get("match") or "")
            anns.append(Annotation(int(row["start"]), int(row["end"]), kind, label))
    return anns


_CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 2.1; color: #222; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; line-height: 1.4; }
.pt-text { font-size: 1.15em; }
[data-kind]:hover { outline: 1px dashed #555; cursor: help; }
.legend span { margin-right: 1.5em; }
table { border-collapse: collapse; font-size: 0.85em; line-height: 1.4; margin: 1em 0; display: block;
        overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
.meta { color: #555; font-size: 0.9em; }
figure img { max-width: 100%; }
.pt-outline { font-size: 0.9em; line-height: 1.6; }
.pt-outline ol { list-style: none; padding-left: 1.5em; margin: 0.2em 0; }
"""


def _css() -> str:
    """The page's styles: the fixed layout and one rule per declared extractor."""
    return _CSS + "\n".join(e.css() for e in extractors()) + "\n"


def _legend(kinds: Sequence[str], lang: str = "en") -> str:
    spans = []
    for kind in kinds:
        e = extractor_for_kind(kind)
        style = f' style="background:{e.colour}"' if e.style == "groups" else ""
        spans.append(f'<span class="pt-{e.kind}"{style}>{_html.escape(e.legend_label(lang))}</span>')
    return f'<p class="legend">{"".join(spans)}</p>'


def _figure_html(fig: Any, caption: str) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (
        f'<figure><img alt="{_html.escape(caption)}" src="data:image/png;base64,{data}"><figcaption>'
        f"{_html.escape(caption)}</figcaption></figure>"
    )


#: the page's own words in each language (``lang=``); the registry gives the extractors' labels
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "none": "none found",
        "more": "more rows",
        "documents": "Documents",
        "found": "found",
        "report": "policytext report: {n} documents",
    },
    "zh": {
        "none": "未发现",
        "more": "行未显示",
        "documents": "文件一览",
        "found": "处",
        "report": "policytext 报告：{n} 篇文件",
    },
}
LANGS = tuple(WORDS)


def document_language(docs: Sequence[Document]) -> str:
    """``"zh"`` when the texts are mostly Han characters (the first 2,000 of each), else ``"en"``.

    >>> document_language([Document("a", "坚持稳中求进。")]), document_language([Document("b", "Steady growth.")])
    ('zh', 'en')
    """
    sample = "".join(d.text[:2000] for d in docs)
    letters = [c for c in sample if c.isalpha()]
    han = sum(1 for c in letters if is_han(c))
    return "zh" if letters and han / len(letters) >= 0.3 else "en"


def _check_lang(lang: str | None, docs: Sequence[Document]) -> str:
    if lang is None:
        return document_language(docs)
    if lang not in LANGS:
        raise InputError(f"lang: expected one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def _table(df: pd.DataFrame | None, max_rows: int = 200, lang: str = "en") -> str:
    if df is None or df.empty:
        return f"<p><i>{WORDS[lang]['none']}</i></p>"
    shown = df.head(max_rows).copy()
    for col in shown.columns:
        shown[col] = shown[col].map(lambda v: v if isinstance(v, (int, float, str)) or v is None else str(v))
    more = f"<p>… {len(df) - max_rows} {WORDS[lang]['more']}</p>" if len(df) > max_rows else ""
    return shown.to_html(index=False, escape=True, border=0) + more


def _document_section(
    doc: Document, kinds: Sequence[str], full_text: bool, heading: bool = True, lang: str = "en"
) -> tuple[str, dict[str, pd.DataFrame]]:
    frames = {k: _run_extractor(k, doc) for k in kinds}
    anns: list[Annotation] = []
    for k, f in frames.items():
        if f is not None:
            anns += annotations_from(k, f)
    meta = " · ".join(
        f"{k}: {_html.escape(str(v))}"
        for k, v in doc.meta.items()
        if k in ("author", "date", "year", "source", "issuer", "organization") and v not in (None, "")
    )
    parts = [f'<section data-doc="{_html.escape(doc.doc_id, quote=True)}">']
    if heading:
        parts.append(f"<h2>{_html.escape(str(doc.meta.get('title') or doc.doc_id))}</h2>")
    parts.append(f'<p class="meta">{meta}</p>')
    sep = "，" if lang == "zh" else ", "
    counts = sep.join(
        f"{extractor_for_kind(k).legend_label(lang)} {len(f)} {WORDS[lang]['found']}"
        if lang == "zh"
        else f"{len(f)} {k}s"
        for k, f in frames.items()
    )
    parts.append(f"<p>{counts}</p>")
    if full_text:  # the outline goes with the text it outlines
        parts.append(outline_html(doc, lang))
        parts.append(f'<div class="pt-text">{highlight_html(doc.text, anns)}</div>')
    parts.append("</section>")
    return "\n".join(parts), {k: f for k, f in frames.items() if f is not None}


def outline_html(doc: Document, lang: str = "en") -> str:
    """The document's headings (:attr:`Document.sections`) as a nested list, or ``""`` without any.

    >>> from policytext.corpus import Document
    >>> text = "一、总体要求\\n坚持。\\n（一）指导思想\\n以人民为中心。\\n二、重点任务\\n改革。"
    >>> html = outline_html(Document("d", text))
    >>> html.count("<li"), html.count("<ol>")
    (3, 2)
    """
    frame = doc.sections
    if frame.empty:
        return ""
    children: dict[int, list[int]] = {}
    roots: list[int] = []
    for i, parent in enumerate(frame["parent"]):
        (roots if pd.isna(parent) else children.setdefault(int(parent), [])).append(i)

    def items(rows: list[int]) -> str:
        out = []
        for i in rows:
            row = frame.iloc[i]
            number = str(row["number"])
            if number.endswith(("）", ")")):
                sep = ""
            elif number.isdigit():
                sep = "."
            elif number.startswith("第"):
                sep = " "
            else:
                sep = "、"
            label = _html.escape(f"{number}{sep}{row['heading']}")
            sub = items(children[i]) if i in children else ""
            out.append(f'<li data-start="{int(row["start"])}" data-end="{int(row["end"])}">{label}{sub}</li>')
        return f"<ol>{''.join(out)}</ol>"

    caption = "目录" if lang == "zh" else "Outline"
    return f'<nav class="pt-outline"><p class="meta">{caption}</p>{items(roots)}</nav>'


def _check_kinds(kinds: Sequence[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return default_kinds()
    if isinstance(kinds, str):
        kinds = (kinds,)
    known = [e.kind for e in extractors()]
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise InputError(f"kinds: unknown {unknown}; choose from {', '.join(known)}")
    return tuple(kinds)


def document_html(doc: Document, kinds: Sequence[str] | None = None, lang: str | None = None) -> str:
    """The highlighted text of one document with the report's styles, for notebooks.

    *kinds* defaults to :func:`default_kinds`; any declared kind may be asked for. *lang*
    (``"zh"`` or ``"en"``) defaults to the document's language.
    """
    kinds = _check_kinds(kinds)
    lang = _check_lang(lang, [doc])
    section, _ = _document_section(doc, kinds, full_text=True, lang=lang)
    css = _css().replace("body {", ".pt-doc {")
    return f"<div><style>{css}</style><div class='pt-doc'>{_legend(kinds, lang)}{section}</div></div>"


@dataclass(frozen=True)
class Highlighted:
    """HTML that Jupyter shows as a page: what :func:`highlight` returns (``.html`` is the markup)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def highlight(source: Document | str, kinds: Sequence[str] | None = None, lang: str | None = None) -> Highlighted:
    """One document with its formulaic language highlighted, to show in a notebook.

    This is the explicit call that runs the extractors (a Document displayed on its own
    shows only its metadata and the start of its text). Any error of an extractor is
    raised, never hidden.

    >>> h = highlight("抓党建促发展。", kinds=["template"])
    >>> 'class="pt-template"' in h.html
    True
    """
    doc = Document("0", check_text_not_path(source)) if isinstance(source, str) else source
    if not isinstance(doc, Document):
        raise InputError(
            f"highlight: source is {type(source).__name__}; expected a Document or a str (use report() for a corpus)"
        )
    return Highlighted(document_html(doc, kinds, lang))


def report(
    source: Document | Corpus | str,
    *,
    kinds: Sequence[str] | None = None,
    title: str | None = None,
    full_text: bool | None = None,
    figures: bool | Sequence[tuple[str, Any]] = True,
    tables: Sequence[tuple[str, pd.DataFrame]] = (),
    lang: str | None = None,
) -> str:
    """A self-contained HTML page (inline CSS and images) reading *source*.

    For one document: the highlighted text, then one table per kind. For a corpus:
    a summary row per document, the highlighted text of each document when the
    corpus is small (``full_text=None`` means up to 5 documents), and, with the
    ``plot`` extra, formula trends by year.

    *figures* may also be a list of ``(caption, matplotlib figure)`` and *tables* a list
    of ``(heading, DataFrame)``; both are added after the extractor tables. The page's
    own words are Chinese for Chinese texts and English otherwise; ``lang="zh"`` or
    ``"en"`` chooses.
    """
    reject_path(source)
    if isinstance(source, str):
        from ..corpus.corpus import Corpus as _C

        first: Document = _C.from_texts([check_text_not_path(source)])[0]
        source = first
    kinds = _check_kinds(kinds)
    if not isinstance(source, (Document, Corpus, list, tuple)):
        raise InputError(f"report: source is {type(source).__name__}; expected a str, a Document or a Corpus")
    docs: list[Document] = [source] if isinstance(source, Document) else list(source)
    if not docs:
        raise InputError("report: the corpus is empty")
    if full_text is None:
        full_text = len(docs) <= 5
    lang = _check_lang(lang, docs)
    words = WORDS[lang]
    page_title = title or (
        str(docs[0].meta.get("title") or docs[0].doc_id) if len(docs) == 1 else words["report"].format(n=len(docs))
    )
    sections: list[str] = []
    all_frames: dict[str, list[pd.DataFrame]] = {k: [] for k in kinds}
    summary: list[dict[str, Any]] = []
    for doc in docs:
        html_part, frames = _document_section(doc, kinds, full_text, heading=len(docs) > 1, lang=lang)
        sections.append(html_part)
        row = {
            "doc_id": doc.doc_id,
            "title": doc.meta.get("title"),
            "year": doc.meta.get("year"),
            "chars": len(doc.text),
        }
        for k, f in frames.items():
            all_frames[k].append(f)
            row[f"{k}s"] = len(f)
        summary.append(row)
    body = [f"<h1>{_html.escape(page_title)}</h1>", _legend(kinds, lang)]
    if len(docs) > 1:
        body += [f"<h2>{words['documents']}</h2>", _table(pd.DataFrame(summary), max_rows=1000, lang=lang)]
        if figures is True:
            body.append(_trend_figure(docs, all_frames.get("formula"), lang))
    body += sections
    for k in kinds:
        found = [f for f in all_frames[k] if f is not None and len(f)]
        heading_text = extractor_for_kind(k).legend_label(lang) if lang == "zh" else f"{k.capitalize()}s"
        table = _table(pd.concat(found, ignore_index=True) if found else None, lang=lang)
        body += [f"<h2>{_html.escape(heading_text)}</h2>", table]
    for heading, df in tables:
        body += [f"<h2>{_html.escape(heading)}</h2>", _table(df, lang=lang)]
    if not isinstance(figures, bool):
        body += [_figure_html(fig, caption) for caption, fig in figures]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_html.escape(page_title)}</title><style>{_css()}</style></head><body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body></html>\n"
    )


def _trend_figure(docs: list[Document], formula_frames: list[pd.DataFrame] | None, lang: str = "en") -> str:
    if not formula_frames:
        return ""
    try:
        from .plots import plot_term_trends
    except ImportError:
        return ""
    frames = [f for f in formula_frames if f is not None and len(f)]
    if not frames:
        return ""
    df = pd.concat(frames, ignore_index=True)
    years = {d.doc_id: d.meta.get("year") for d in docs}
    df["year"] = df["doc_id"].map(years)
    df = df.dropna(subset=["year"])
    if df.empty:
        return ""
    top = df["canonical"].value_counts().head(6).index
    table = df[df["canonical"].isin(top)].groupby(["year", "canonical"]).size().unstack(fill_value=0)
    caption = "数字概括语（按年份计数）" if lang == "zh" else "Numbered formulas by year (counts)"
    try:
        fig = plot_term_trends(table, title=caption)
    except (MissingExtraError, MissingFontError):  # no matplotlib or no CJK font: the page goes without it
        return ""
    return _figure_html(fig, caption)
