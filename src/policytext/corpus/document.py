"""One document: its id, its clean text (every offset refers to it), its metadata and the raw text.

>>> from policytext.corpus import Document
>>> Document("d1", "学出理想信念。", {"year": 2022}).meta["year"]
2022
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Document"]


@dataclass
class Document:
    """One text with its metadata.

    ``text`` is the clean, normalized body that every offset refers to; ``raw`` is
    the text as read (decoded, before cleaning); ``meta`` holds ``title``, ``author``,
    ``source``, ``issuer``, ``date`` (:class:`datetime.date` or None), ``year``,
    ``organization``, ``url``, ``path``, ``encoding`` (and for web pages ``subtitle``, for official documents
    ``doc_number``, ``written_date``, ``recipients``, ``cc``, ``attachments``) where known.

    >>> Document("d1", "学出理想信念。", {"year": 2022}).meta["year"]
    2022
    """

    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    raw: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.doc_id = str(self.doc_id)
        _fill_year(self.meta)

    @property
    def sections(self) -> pd.DataFrame:
        """The heading hierarchy of :attr:`text` (一、 （一） 1. （1）, 第一章 第一节 第一条), computed on demand:
        ``level, number, heading, start, end, parent``, where ``text[start:end]`` is the section with its
        heading and ``parent`` the row of the enclosing section (see :func:`policytext.corpus.officialdoc.sections`).

        >>> Document("d", "一、总体要求\\n坚持稳中求进。").sections[["level", "number", "heading"]].values.tolist()
        [[1, '一', '总体要求']]
        """
        from .officialdoc import sections

        return sections(self.text)

    def __repr__(self) -> str:
        title = self.meta.get("title")
        head = self.text[:20].replace("\n", " ")
        return f"Document({self.doc_id!r}, title={title!r}, chars={len(self.text)}, text={head!r}…)"

    def _repr_html_(self) -> str:
        """In Jupyter: the id, the metadata and the first 2,000 characters; nothing is computed.

        The highlighted view is an explicit call: ``policytext.highlight(doc)``.
        """
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in self.meta.items()
            if v is not None
        )
        body = html.escape(self.text[:2000]) + ("…" if len(self.text) > 2000 else "")
        return (
            f"<div><b>{html.escape(self.doc_id)}</b> · {len(self.text):,} characters"
            f"<table>{rows}</table><div style='white-space:pre-wrap'>{body}</div></div>"
        )


def _fill_year(meta: dict[str, Any]) -> None:
    date = meta.get("date")
    if isinstance(date, _dt.datetime):
        date = meta["date"] = date.date()
    if isinstance(date, _dt.date):
        meta["year"] = date.year
    elif meta.get("year") not in (None, ""):
        with contextlib.suppress(TypeError, ValueError):
            meta["year"] = int(meta["year"])
