"""What every verb accepts as ``source``: one text, a Document, a Corpus, or a list of them.

``source`` is a ``str`` (offsets index that string, ``doc_id`` 0), a
:class:`~policytext.Document`, a :class:`~policytext.Corpus`, or a list of strings
and/or Documents (``doc_id`` = position for strings, the Document's id otherwise).

>>> [(d, t) for d, t, _ in iter_source(["甲", "乙"])]
[(0, '甲'), (1, '乙')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Union

from ..errors import InputError
from .corpus import Corpus
from .document import Document

__all__ = ["Source", "iter_source"]

Source = Union[str, Document, Corpus, Sequence[Union[str, Document]]]


def iter_source(source: Source) -> Iterator[tuple[Any, str, dict[str, Any]]]:
    """Yield ``(doc_id, text, meta)`` for every text in *source*."""
    if isinstance(source, str):
        yield 0, source, {}
    elif isinstance(source, Document):
        yield source.doc_id, source.text, source.meta
    elif isinstance(source, Corpus):
        for d in source:
            yield d.doc_id, d.text, d.meta
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
        for i, item in enumerate(source):
            if isinstance(item, str):
                yield i, item, {}
            elif isinstance(item, Document):
                yield item.doc_id, item.text, item.meta
            else:
                raise InputError(f"source[{i}] is {type(item).__name__}; expected str or Document")
    else:
        raise InputError(f"source is {type(source).__name__}; expected str, Document, Corpus or a list of them")
