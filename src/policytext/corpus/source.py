"""What every verb accepts as ``source``: one text, a Document, a Corpus, or a list of them.

``source`` is a ``str`` (offsets index that string, ``doc_id`` 0), a
:class:`~policytext.Document`, a :class:`~policytext.Corpus`, or a list of strings
and/or Documents (``doc_id`` = position for strings, the Document's id otherwise).

>>> [(d, t) for d, t, _ in iter_source(["甲", "乙"])]
[(0, '甲'), (1, '乙')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Union

from ..errors import InputError
from .corpus import Corpus
from .document import Document

__all__ = ["Source", "check_text_not_path", "iter_source", "reject_path"]

Source = Union[str, Document, Corpus, Sequence[Union[str, Document]]]


_PATH_SUFFIXES = (
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".shtml",
    ".mht",
    ".mhtml",
    ".pdf",
    ".docx",
    ".doc",
    ".csv",
    ".jsonl",
    ".md",
)


def check_text_not_path(text: str, argument: str = "source") -> str:
    """*text*, unless it is the path of a file rather than a text: a short line without Chinese characters or
    spaces that names an existing file or ends in a document's suffix (a placeholder such as ``/`` or ``.`` is a
    text). A verb given ``"reports/gwr_2023.txt"`` would analyse
    those 23 characters; it is told to read the file first.

    >>> check_text_not_path("抓党建促发展。")
    '抓党建促发展。'
    >>> check_text_not_path("reports/gwr_2023.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    policytext.errors.InputError: source: 'reports/gwr_2023.txt' is a file path, not a text; read it first ...
    """
    if len(text) > 1024 or "\n" in text or any("\u4e00" <= c <= "\u9fff" for c in text):
        return text
    name = text.strip()
    suffixed = name.lower().endswith(_PATH_SUFFIXES) and ("/" in name or "\\" in name or " " not in name)
    if len(name) > 4 and (suffixed or os.path.isfile(name)) and not any(c.isspace() for c in name):
        raise InputError(
            f"{argument}: {text!r} is a file path, not a text; read it first with policytext.read_document(path) "
            "(or Corpus.from_dir for a folder)"
        )
    return text


def reject_path(value: Any, argument: str = "source") -> None:
    """An :class:`InputError` when *value* is a path object (a verb analyses texts; it does not open files).

    >>> from pathlib import Path
    >>> reject_path(Path("a.txt"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    policytext.errors.InputError: source is the path 'a.txt'; read it first ...
    """
    if isinstance(value, os.PathLike):
        raise InputError(
            f"{argument} is the path {os.fspath(value)!r}; read it first with policytext.read_document(path) "
            "(or Corpus.from_dir for a folder)"
        )


def iter_source(source: Source) -> Iterator[tuple[Any, str, dict[str, Any]]]:
    """Yield ``(doc_id, text, meta)`` for every text in *source*; a path given as a text is an error
    (:func:`check_text_not_path`, :func:`reject_path`)."""
    reject_path(source)
    if isinstance(source, str):
        yield 0, check_text_not_path(source), {}
    elif isinstance(source, Document):
        yield source.doc_id, source.text, source.meta
    elif isinstance(source, Corpus):
        for d in source:
            yield d.doc_id, d.text, d.meta
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
        for i, item in enumerate(source):
            if isinstance(item, str):
                yield i, check_text_not_path(item, f"source[{i}]"), {}
            elif isinstance(item, Document):
                yield item.doc_id, item.text, item.meta
            else:
                reject_path(item, f"source[{i}]")
                raise InputError(f"source[{i}] is {type(item).__name__}; expected str or Document")
    else:
        raise InputError(f"source is {type(source).__name__}; expected str, Document, Corpus or a list of them")
