"""What every extractor accepts as ``source``, and how its rows become a tidy frame.

``source`` is a ``str`` (offsets index that string, ``doc_id`` 0), a
:class:`~policytext.Document`, a :class:`~policytext.Corpus`, or a list of strings
and/or Documents (``doc_id`` = position for strings, the Document's id otherwise).

>>> [(d, t) for d, t, _ in iter_source(["甲", "乙"])]
[(0, '甲'), (1, '乙')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Union

import pandas as pd

from ..document import Corpus, Document
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from ..segment import Segmenter

__all__ = ["Source", "iter_source", "to_frame", "extractor_segmenter"]

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
        raise InputError(
            f"source is {type(source).__name__}; expected str, Document, Corpus or a list of them"
        )


def to_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A DataFrame with at least *columns*, in that order, even when there are no rows."""
    df = pd.DataFrame(rows)
    for c in columns:
        if c not in df.columns:
            df[c] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in columns]
    return df[list(columns) + extra].reset_index(drop=True)


@lru_cache(maxsize=2)
def extractor_segmenter(hmm: bool = False) -> Segmenter:
    """The Segmenter extractors use by default: jieba's general dictionary, no policy lexicon.

    Extractors look for frames *inside* formulations: 以人民为中心 is an instance of
    以{X}为{Y}, 稳就业保民生 an item of a parallel group. The policy lexicon keeps such
    formulations whole (right for counting terms), which would hide the literals and
    item edges the extractors need, so they decide boundaries on general-dictionary
    words. Without the HMM (the default) unknown character runs stay single characters,
    so a literal such as 向 in 向{X}要{Y} is never glued to its neighbour (向促); template
    mining asks for ``hmm=True`` because it needs new words such as 学出 to form frames.
    Its stopwords (``lexicons/stopwords_frames.txt``) are grammatical words and the
    light verbs and adverbs of the register; content verbs such as 发挥 or 完善 are
    frame literals here, not noise.
    The fast backend (extra ``fast``) is used when installed.
    Pass ``segmenter=`` to an extractor to use another one.
    """
    from ..lexicons import lexicon_path
    from ..segment import Segmenter, fastest_backend

    return Segmenter(lexicon=None, hmm=hmm, stopwords=lexicon_path("stopwords_frames.txt"), backend=fastest_backend())
