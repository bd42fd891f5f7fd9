"""Modelling units for topic models: paragraphs, sections or whole documents, with their content terms.

Long reports are modelled by paragraph: a paragraph is a line of the document's
text; a line longer than ``max_chars`` (texts whose line breaks were lost) is cut
at sentence ends into pieces of about ``max_chars``. ``unit="section"`` cuts the text at
its headings instead (:func:`section_spans`: 一、 （一） 1. （1）, 第一章 第一节 第一条), so an
official document's parts are modelled whole; sections are not cut by ``max_chars``. Each
unit keeps its character offsets into ``Document.text`` so that ``text[start:end]`` is the unit.

Terms come from :meth:`Segmenter.terms` (no punctuation, no stopwords), then the
topic-specific filters: minimum length in characters, numbers, an optional POS
filter (through :meth:`Segmenter.tokenize` with ``pos=True``) and extra stop terms.

>>> from policytext import Segmenter
>>> seg = Segmenter(lexicon=None, stopwords=["推进"])
>>> u = build_units(["深化农村改革。\\n推进乡村振兴，建设农业强国。"], seg)
>>> [(int(u.unit_doc[i]), int(u.unit_start[i]), int(u.unit_end[i])) for i in range(len(u))]
[(0, 0, 7), (0, 8, 22)]
>>> u.unit_terms[1]
['乡村', '振兴', '建设', '农业', '强国']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.source import iter_source
from ..corpus.text import split_sentences, to_simplified
from ..errors import InputError
from ..segment.segmenter import Segmenter

__all__ = ["DISCOURSE_TERMS", "UNITS", "Units", "build_units", "section_spans"]

# Words of official prose that frame what is said rather than say it: demonstratives,
# modals, degree and manner adverbs, deictic time words, vague quantities, ordinal
# list markers, dummy verbs. They spread over every topic of a report, so topic models
# leave them out by default (TopicModel(stop_terms=DISCOURSE_TERMS)); the segmenter's
# stopwords already hold the shortest function words. Provenance: written by the
# policytext developers from general knowledge of Chinese grammar and official style,
# not taken from or tuned to any corpus text. Pass stop_terms=() to keep them.
DISCOURSE_TERMS: frozenset[str] = frozenset(
    """
这种 这类 这是 这就是 那种 如此 此外 其他 其它 有关 相关 一切 一些 有些 许多 大量 多数 少数 一批 一定 各种 各项 各类
各级 各地 各方面 大家 人们 本身 之间 之中 以上 以下 以来 以后 以前 之后 之前 期间 当中 左右 上年 今年 去年 明年 当年
当前 目前 现在 过去 今后 近年来 最近 同时 首先 其次 然后 最后 总之 因而 从而 而且 如果 虽然 尽管 不但 不仅 而是 就是
也是 还是 只是 都是 只有 只要 能够 不能 不会 可能 必须 需要 应当 必要 要求 不要 不得 不再 仍然 依然 始终 一直 还要
更加 更好 十分 非常 比较 特别 尤其 逐步 逐渐 及时 普遍 基本上 一般 起来 下去 出来 进行 加以 存在 成为 作为 实行 采取
给予 得到 受到 看到 认为 表明 说明 提出 指出 六是 七是 八是 九是 十是 第一 第二 第三 第四 第五 我国 我们 全国 方面
工作 问题 情况 方式 办法 措施 任务 意见 所有 一起 共同
""".split()
)

UNITS = ("paragraph", "section", "document")

# Tokens made of digits, Chinese numerals, percent signs and measure-like affixes:
# "2023年", "百分之五", "三十", "5%" carry no topic.
_NUMBER_RE = re.compile(r"^[\d０-９.．,，%％‰零〇一二三四五六七八九十百千万亿两几第余多点半年月日号个项次倍]+$")
_HAS_DIGIT_RE = re.compile(r"[0-9０-９]")


@dataclass
class Units:
    """Documents split into modelling units, each with its content terms."""

    doc_ids: list[str]
    doc_meta: list[dict[str, Any]]
    doc_texts: list[str]
    unit_doc: np.ndarray
    unit_start: np.ndarray
    unit_end: np.ndarray
    unit_terms: list[list[str]]
    unit: str = "paragraph"
    options: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.unit_terms)

    def unit_text(self, i: int) -> str:
        """The text of unit *i* (a slice of its document's text)."""
        return self.doc_texts[int(self.unit_doc[i])][int(self.unit_start[i]) : int(self.unit_end[i])]


def section_spans(text: str) -> list[tuple[int, int]]:
    """The text of a document cut at every heading of :func:`~policytext.corpus.officialdoc.sections`
    (一、 （一） 1. （1）, 第一章 第一节 第一条): the part before the first heading (title, 主送, preamble),
    then each heading with the words up to the next heading of any level. The spans do not overlap
    and cover every non-blank character; a text without headings is one span.

    >>> t = "各单位：\\n一、总体要求\\n坚持稳中求进。\\n（一）指导思想\\n以人民为中心。"
    >>> [t[a:b] for a, b in section_spans(t)]
    ['各单位：', '一、总体要求\\n坚持稳中求进。', '（一）指导思想\\n以人民为中心。']
    """
    from ..corpus.officialdoc import sections

    cuts = sorted({0, *(int(s) for s in sections(text)["start"]), len(text)})
    spans = [_strip(text, a, b) for a, b in zip(cuts, cuts[1:])]
    return [(a, b) for a, b in spans if a < b]


def _spans(text: str, unit: str, max_chars: int) -> list[tuple[int, int]]:
    if unit == "document":
        return [(0, len(text))]
    if unit == "section":
        return section_spans(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        # trim surrounding whitespace, keep offsets exact
        s = start + (len(line) - len(line.lstrip()))
        e = end - (len(line) - len(line.rstrip()))
        if s >= e:
            continue
        if e - s <= max_chars:
            spans.append((s, e))
            continue
        # a run-on line: cut at sentence ends into pieces of about max_chars
        piece_start = s
        last_end = s
        for sent in split_sentences(text[s:e]):
            sent_end = s + sent.end
            if sent_end - piece_start > max_chars and last_end > piece_start:
                spans.append((piece_start, last_end))
                piece_start = last_end
            last_end = sent_end
        if e > piece_start:
            spans.append((piece_start, e))
    return [t for t in (_strip(text, a, b) for a, b in spans) if t[0] < t[1]] if unit == "paragraph" else spans


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _filter_terms(
    terms: list[str],
    min_chars: int,
    drop_numbers: bool,
    stop_terms: frozenset[str],
) -> list[str]:
    out = []
    for t in terms:
        if len(t) < min_chars or t in stop_terms:
            continue
        if drop_numbers and (_NUMBER_RE.match(t) or _HAS_DIGIT_RE.search(t)):
            continue
        out.append(t)
    return out


def _pos_ok(tag: str | None, include: tuple[str, ...] | None, exclude: tuple[str, ...]) -> bool:
    tag = tag or "x"
    if include is not None and not any(tag.startswith(p) for p in include):
        return False
    return not any(tag == p or (len(p) == 1 and tag.startswith(p)) for p in exclude)


def build_units(
    source: Any,
    segmenter: Segmenter,
    unit: str = "paragraph",
    *,
    min_chars: int = 2,
    drop_numbers: bool = True,
    pos: Sequence[str] | None = None,
    exclude_pos: Sequence[str] = (),
    stop_terms: Iterable[str] = (),
    max_chars: int = 1500,
    fold_traditional: bool = False,
) -> Units:
    """Split *source* into units and extract their content terms.

    *pos* keeps only tokens whose jieba POS tag starts with one of its prefixes;
    *exclude_pos* drops tags equal to an entry (or, for one-letter entries,
    starting with it). Either needs ``Segmenter.tokenize(..., pos=True)``.
    *fold_traditional* segments each unit after :func:`~policytext.corpus.text.to_simplified`
    (same length, so the units' offsets still index the original text).
    """
    if unit not in UNITS:
        raise InputError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    if max_chars < 50:
        raise InputError(f"max_chars must be at least 50, not {max_chars}")
    docs = list(iter_source(source))
    if not docs:
        raise InputError("empty corpus: no documents to model")
    stop = frozenset(stop_terms)
    use_pos = pos is not None or bool(exclude_pos)
    include = tuple(pos) if pos is not None else None
    exclude = tuple(exclude_pos)
    doc_ids, metas, texts = [], [], []
    unit_doc: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    terms: list[list[str]] = []
    for d, (doc_id, text, meta) in enumerate(docs):
        doc_ids.append(str(doc_id))
        metas.append(dict(meta))
        texts.append(text)
        for s, e in _spans(text, unit, max_chars):
            chunk = to_simplified(text[s:e]) if fold_traditional else text[s:e]
            t = segmenter.terms(chunk)
            if use_pos:
                content = set(t)
                t = [
                    tok.word
                    for tok in segmenter.tokenize(chunk, pos=True)
                    if tok.word in content and _pos_ok(tok.pos, include, exclude)
                ]
            unit_doc.append(d)
            starts.append(s)
            ends.append(e)
            terms.append(_filter_terms(t, min_chars, drop_numbers, stop))
    if len(set(doc_ids)) != len(doc_ids):
        dup = sorted({i for i in doc_ids if doc_ids.count(i) > 1})[:5]
        raise InputError(f"duplicate doc_id values in source: {', '.join(dup)}")
    options = {
        "min_chars": min_chars,
        "drop_numbers": drop_numbers,
        "pos": list(pos) if pos is not None else None,
        "exclude_pos": list(exclude),
        "stop_terms": sorted(stop),
        "max_chars": max_chars,
        "fold_traditional": fold_traditional,
    }
    return Units(
        doc_ids,
        metas,
        texts,
        np.asarray(unit_doc, dtype=np.int64),
        np.asarray(starts, dtype=np.int64),
        np.asarray(ends, dtype=np.int64),
        terms,
        unit=unit,
        options=options,
    )


def source_is_corpus_like(source: Any) -> bool:
    """True for what :func:`build_units` accepts as documents (not a prebuilt :class:`Units`)."""
    return isinstance(source, (str, Document, Corpus)) or (
        isinstance(source, Iterable) and not isinstance(source, Units)
    )
