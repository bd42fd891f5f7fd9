"""Find slot templates such as ``抓{X}党建促{Y}`` in policy texts.

:func:`find_templates` matches templates written in the small language of
:mod:`policytext.extract.templates.language` and returns one row per instance,
with the slot fillers a reader would name:

- an **inner slot** (literal text on both sides) takes what lies between the
  literals, at most 40 characters, never crossing ，。；：！？ or a line break
  (ASCII forms too), but it may hold an enumeration comma 、;
- a **trailing slot** runs to the end of the clause (at most 40 characters) and
  ends earlier where the words say the filler is over: before a 的 that turns a
  relational frame into a modifier (以农民为主体的乡村治理 → 主体), before a
  second predicate (以改革为动力推动发展 → 动力; 加快建设制造强国、推动产业升级 →
  建设制造强国), before a 、 or conjunction that opens a second instance of the
  frame; an object noun phrase keeps its own 的 and 、;
- a **leading slot** (nothing before it) runs back to the start of the clause.

Single-character literals (以, 为, 把, 在 …) must stand on word boundaries of the
Segmenter, so 可以为 does not open 以{X}为{Y}. Elided continuations
(抓基层党建促乡村振兴、促基层社会治理) give rows of their own with ``elided=True``.

Matching is linear in the text: every slot is bounded, and at every anchor the
matcher looks at most a fixed window ahead; it never backtracks across slots
(each inner slot takes the shortest filler that satisfies its options).

>>> df = find_templates("抓基层党建促乡村振兴、促基层社会治理。", ["抓{X}党建促{Y}"])
>>> df[["match", "start", "end", "elided"]].values.tolist()
[['抓基层党建促乡村振兴', 0, 10, False], ['促基层社会治理', 11, 18, True]]
>>> df.slots[1]
{'X': '基层', 'Y': '基层社会治理'}
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Union, cast

import pandas as pd

from ..._util.convention import deprecated_positional
from ..._util.frames import to_frame
from ..._util.lexicon_files import lexicon_path, read_lexicon_lines
from ...corpus.corpus import Corpus
from ...corpus.source import Source, iter_source
from ...corpus.text import Span, sentences_around, split_sentences
from ...errors import InputError
from ...segment.defaults import extractor_segmenter, keyword_segmenter
from ...segment.segmenter import Segmenter, Token
from ..registry import extractor
from .language import (
    DEFAULT_MAX_SLOT,
    HARD_MAX_SLOT,
    Literal,
    Slot,
    Template,
    TemplateSyntaxError,
    parse_template,
)

__all__ = [
    "COLUMNS",
    "GROUPS",
    "Template",
    "TemplateEntry",
    "TemplateSyntaxError",
    "bundled_templates",
    "find_templates",
    "iter_templates",
    "load_templates",
    "parse_template",
    "template_groups",
]

COLUMNS = ("doc_id", "template", "match", "start", "end", "slots", "sentence", "elided")

#: Characters a slot never crosses (clause punctuation and line breaks, Chinese and ASCII).
BREAKS = frozenset("，。；：！？,;:!?\n\r")
#: Literal text right before a trailing slot that makes the frame relational (以X为Y, 把X作为Y).
_COPULAS = ("作为", "成为", "视为", "看作", "当作", "当成", "列为", "是", "为", "作")
#: Conjunctions that join whole predicates: a trailing filler always ends before them.
_CLAUSE_CONJ = frozenset({"并", "并且", "而且", "从而", "进而", "以便", "同时", "以此", "借此"})
#: Conjunctions that may join noun phrases (和, 与 …): a filler ends there only before a new predicate.
_NP_CONJ = frozenset({"和", "与", "及", "以及", "同", "、"})
#: How far on each side of an offset the policy lexicon is read to tell whether a term holds it.
_TERM_REACH = 16
#: Window around an anchor that the Segmenter reads (characters each side).
_WINDOW_BEFORE = 48
_WINDOW_AFTER = 4 * DEFAULT_MAX_SLOT + 96
_GRID = 128
#: The ``sentence`` column shows at most this many characters around the match.
_MAX_SENTENCE = 600
_BREAK_RE = re.compile("[" + re.escape("".join(sorted(BREAKS))) + "]")

TemplateLike = Union[str, Template, "TemplateEntry"]


@dataclass(frozen=True)
class TemplateEntry:
    """A bundled (or user) template with its gloss, example, source and function group."""

    template: str
    gloss: str = ""
    example: str = ""
    source: str = ""
    group: str = ""


#: Function groups of the bundled library, in the order they are listed:
#: goals (what is aimed at: 推动{X}高质量发展, 以{X}为目标), means (how: 以{X}促{Y}, 加大{X}力度,
#: 健全{X}机制), emphasis (how strongly: 坚持{X}不动摇, 着力{X}, 扎实推进{X}), slogans (fixed
#: catchphrases with a slot: 抓{X}党建促{Y}, 学出{X}, 一手抓{X}、一手抓{Y}), procedures (steps of
#: administration: 以{X}为单位, 报{X}备案, 经{X}审核).
GROUPS = ("goals", "means", "emphasis", "slogans", "procedures")


# --------------------------------------------------------------------------------------
# the bundled library


def load_templates(path: str | Path) -> list[TemplateEntry]:
    """Read a template file: ``template<TAB>gloss<TAB>example<TAB>source[<TAB>group]`` per line.

    Lines starting with ``#`` are comments. Every template is parsed, so a broken one
    is reported with its file and line; so is a group that is not one of :data:`GROUPS`.
    """
    entries = []
    for lineno, line in read_lexicon_lines(path):
        parts = [p.strip() for p in line.split("\t")]
        if not any("\u4e00" <= c <= "\u9fff" for c in parts[0]):
            # a CSV header or row (template,gloss): a template of Chinese policy text holds Chinese characters
            raise InputError(
                f"{path}, line {lineno}: {parts[0]!r} holds no Chinese character; the format is "
                "template<TAB>gloss<TAB>example<TAB>source[<TAB>group], one template a line"
            )
        try:
            parse_template(parts[0])
        except TemplateSyntaxError as e:
            raise InputError(f"{path}, line {lineno}: {e}") from None
        parts += [""] * (5 - len(parts))
        if parts[4] and parts[4] not in GROUPS:
            raise InputError(f"{path}, line {lineno}: unknown group {parts[4]!r}; use one of {', '.join(GROUPS)}")
        entries.append(TemplateEntry(*parts[:5]))
    if not entries:
        raise InputError(f"{path}: holds no template (only comments or blank lines)")
    return entries


@lru_cache(maxsize=1)
def _bundled() -> tuple[TemplateEntry, ...]:
    return tuple(load_templates(lexicon_path("templates.txt")))


def bundled_templates(group: str | Sequence[str] | None = None) -> pd.DataFrame:
    """The bundled library ``lexicons/templates.txt``: ``template, gloss, example, source, group``.

    *group* picks one function group (or several) of :func:`template_groups`.

    >>> set(bundled_templates("means").group)
    {'means'}
    """
    entries = _select_groups(group) if group is not None else list(_bundled())
    return pd.DataFrame([e.__dict__ for e in entries], columns=["template", "gloss", "example", "source", "group"])


def template_groups() -> pd.DataFrame:
    """The function groups of the bundled library with their number of frames: ``group, n_templates``.

    >>> list(template_groups().group)
    ['goals', 'means', 'emphasis', 'slogans', 'procedures']
    """
    counts = {g: 0 for g in GROUPS}
    for e in _bundled():
        if e.group in counts:
            counts[e.group] += 1
    return pd.DataFrame({"group": list(counts), "n_templates": list(counts.values())})


def _select_groups(group: str | Sequence[str]) -> list[TemplateEntry]:
    names = [group] if isinstance(group, str) else list(group)
    bad = [g for g in names if g not in GROUPS]
    if bad:
        raise InputError(f"unknown template group {bad[0]!r}; the groups are {', '.join(GROUPS)}")
    return [e for e in _bundled() if e.group in names]


@lru_cache(maxsize=4)
def _term_set(seg: Segmenter) -> tuple[frozenset[str], tuple[int, ...]]:
    """The lexicon entries of *seg* (terms of three characters or more) and their lengths."""
    terms = frozenset(w for w, *_ in seg.entries if len(w) >= 3)
    return terms, tuple(sorted({len(w) for w in terms if len(w) <= _TERM_REACH}))


def _default_segmenter() -> Segmenter:
    return extractor_segmenter()


# --------------------------------------------------------------------------------------
# compiled templates


@dataclass(frozen=True)
class _Fixed:
    """A fixed element: literal options (longest first), captured under ``name`` if a choice slot."""

    options: tuple[str, ...]
    name: str | None = None


class _Compiled:
    def __init__(self, template: Template):
        self.template = template
        self.source = template.source
        elems: list[_Fixed | Slot] = []
        for e in template.elements:
            if isinstance(e, Literal):
                elems.append(_Fixed(tuple(sorted(e.options, key=len, reverse=True))))
            elif e.choices:
                elems.append(_Fixed(tuple(sorted(e.choices, key=len, reverse=True)), e.name))
            else:
                elems.append(e)
        self.elems = elems
        self.anchor = next(i for i, e in enumerate(elems) if isinstance(e, _Fixed))
        anchor = elems[self.anchor]
        assert isinstance(anchor, _Fixed)
        self.anchor_options = anchor.options
        self._anchor_rx: re.Pattern[str] | None = None
        last = elems[-1]
        self.trailing = last if isinstance(last, Slot) else None
        # the fixed element before a trailing slot, and whether the frame is relational
        self.pre_trailing: _Fixed | None = None
        self.relational = False
        self.modifier_de = False
        if self.trailing is not None and len(elems) >= 2 and isinstance(elems[-2], _Fixed):
            self.pre_trailing = elems[-2]
            has_slot_before = any(isinstance(e, Slot) or (isinstance(e, _Fixed) and e.name) for e in elems[:-2])
            self.relational = has_slot_before and any(
                o.endswith(c) for o in self.pre_trailing.options for c in _COPULAS
            )
            # 以X为Y的Z: the frame modifies Z. (成为/作为 take an object that keeps its 的.)
            self.modifier_de = self.relational and any(o == "为" for o in self.pre_trailing.options)
        # 围绕{X}: the filler is a coverb's object, before the clause's main predicate
        self.coverb_object = (
            self.pre_trailing is not None and len(elems) == 2 and all(o in _COVERBS for o in self.pre_trailing.options)
        )
        self.shared_before_trailing = self.pre_trailing is not None and any(
            isinstance(e, Slot) or (isinstance(e, _Fixed) and e.name) for e in elems[:-2]
        )
        # every literal string of the template (a 、 followed by one of them opens a new instance)
        self.literals = tuple(
            sorted(
                {o for e in elems if isinstance(e, _Fixed) and e.name is None for o in e.options}, key=len, reverse=True
            )
        )

    def anchor_regex(self) -> re.Pattern[str]:
        """:func:`_anchor_regex` of this template, built once (every document's scan uses it)."""
        if self._anchor_rx is None:
            self._anchor_rx = _anchor_regex(self)
        return self._anchor_rx


def _compile(templates: Any) -> list[_Compiled]:
    if templates is None:
        items: list[Any] = [e.template for e in _bundled()]
    elif (isinstance(templates, str) and templates in GROUPS) or (
        isinstance(templates, (list, tuple))
        and templates
        and all(isinstance(t, str) and t in GROUPS for t in templates)
    ):
        items = [e.template for e in _select_groups(templates)]
    elif isinstance(templates, (str, Template, TemplateEntry)):
        items = [templates]
    elif isinstance(templates, pd.DataFrame):
        col = "template" if "template" in templates.columns else "frame"
        if col not in templates.columns:
            raise InputError("a templates DataFrame needs a 'template' (or mined 'frame') column")
        items = list(templates[col])
    elif isinstance(templates, Iterable):
        items = list(templates)
    else:
        raise InputError(f"templates is {type(templates).__name__}; expected a string, a list of strings or None")
    # group names may stand among templates (["goals", "加快{X}"]); a Latin word that names no group is a
    # mistyped group, not a template without slots that would silently match nothing
    expanded: list[Any] = []
    for t in items:
        if isinstance(t, str) and t in GROUPS:
            expanded.extend(e.template for e in _select_groups(t))
        elif isinstance(t, str) and re.fullmatch(r"[A-Za-z_]+", t.strip()):
            raise InputError(f"templates: {t!r} is no template group; the groups are {', '.join(GROUPS)}")
        else:
            expanded.append(t)
    items = list(dict.fromkeys(expanded)) if all(isinstance(t, str) for t in expanded) else expanded
    out = []
    for i, t in enumerate(items):
        if isinstance(t, TemplateEntry):
            t = t.template
        if isinstance(t, str):
            t = parse_template(t)
        if not isinstance(t, Template):
            raise InputError(f"templates[{i}] is {type(t).__name__}; expected a template string")
        out.append(_Compiled(t))
    return out


# --------------------------------------------------------------------------------------
# per-document context: clause limits and a cache of segmented windows


_VERB_TAGS = ("v", "vd", "vi", "vg", "vq", "vf", "vx", "vl")
_NOMINAL_PREFIXES = ("n", "r", "m", "q", "j", "f", "s", "t", "eng", "b", "h", "k", "g")


def _is_verb(t: Token) -> bool:
    return bool(t.pos) and t.pos in _VERB_TAGS


#: Verbs of the register that jieba's dictionary tags as nouns or adjectives (落实/a, 汇总/n):
#: they still open a second predicate after a nominal filler.
_PREDICATE_WORDS = frozenset(
    "落实 汇总 推动 推进 开展 实施 加强 促进 带动 引领 助力 赋能 深化 完善 健全 提升 提高 打造 "
    "展开 进行 优化 取得 解决 形成 构建 培育 壮大 做强 做优 激发 释放 汲取 传承 弘扬".split()
)
#: Localizers that close a 在…上/中 phrase around a filler.
_LOCALIZERS = frozenset({"上", "中", "下", "里"})


def _is_predicate(t: Token) -> bool:
    """A verb, by its tag or because the register uses it as one (:data:`_PREDICATE_WORDS`)."""
    return _is_verb(t) or t.word in _PREDICATE_WORDS


def _opens_object(t: Token) -> bool:
    """Can *t* begin the object of a verb (a noun, numeral, adjective …, not a verb or particle)?"""
    p = t.pos or ""
    if t.word in _PREDICATE_WORDS or p in _VERB_TAGS:
        return False
    return p.startswith(("n", "m", "a", "b", "r", "f", "q", "s", "t", "j", "eng")) or p == "vn" or t.word[0] in _OPENERS


#: One-character suffixes that make a verb before them part of a noun (引领性, 现代化, 创新型).
_NOUN_SUFFIXES = frozenset("性化型式者家员类")
#: Light verbs whose object is itself verbal (进行补充, 展开汇报): they always open a predicate.
_LIGHT_VERBS = frozenset({"进行", "展开", "开展", "加以", "予以", "作出", "做出"})
#: Coverbs: their object is followed by the clause's main predicate (围绕“三大要素”深入实施…, 聚焦…等领域实施…),
#: so a verb after a closed object (a closing quote, or 等 + noun) ends the filler.
_COVERBS = frozenset("围绕 聚焦 依托 立足 针对 瞄准 紧扣 紧盯 面向 对标 对照 按照 结合 根据 借助".split())
_CLOSING_QUOTES = frozenset("”’》」』")


def _compound_at_end(toks: list[Token], i: int, long: bool = True) -> bool:
    """Does verb *i* sit inside a compound noun that closes the clause, not open a predicate?

    Verb plus one word (创新高地), or (*long*) verb plus nouns ending in a verbal noun of the whole
    compound (应用中试基地建设, 创新基地高质量发展: the object of 加快 is the 建设/发展 of it). A coverb's
    object asks for the short form only: 围绕产业链|加大工业投资 is object and predicate.
    """
    rest = []  # the tokens after the verb up to the clause's end (four are enough to decide)
    for t in toks[i + 1 : i + 5]:
        if _is_punct(t):
            break
        rest.append(t)
    if len(rest) == 1:
        return True
    return (
        long
        and 2 <= len(rest) <= 3
        and rest[-1].pos == "vn"
        and all(_is_nominal(t) and not _is_predicate(t) for t in rest[:-1])
    )


def _de_ahead(toks: list[Token], i: int) -> bool:
    """Does a 的 follow token *i* in the clause before the next 、 (a modifier of the object)?"""
    for t in toks[i + 1 :]:
        if t.word == "、":
            return False
        if t.word == "的":
            return True
        if _is_punct(t) and t.word[0] not in _OPENERS and not any(t.word == c for _, c in _BRACKETS):
            return False
    return False


def _is_nominal(t: Token) -> bool:
    p = t.pos or ""
    return p == "vn" or p.startswith(_NOMINAL_PREFIXES) or p == "an"


def _is_punct(t: Token) -> bool:
    return not any(c.isalnum() for c in t.word)


class _Doc:
    """One text, its segmented windows (cached) and sentence starts.

    *windows*, when given, is a store of segmented windows that outlives the scan (kept with
    a Corpus, :func:`_corpus_windows`): it is filled but never pruned, so a second scan of the
    same text reads its windows instead of segmenting them again.
    """

    def __init__(
        self,
        text: str,
        seg: Segmenter,
        term_seg: Segmenter | None = None,
        windows: dict[tuple[int, int], _Toks] | None = None,
    ):
        self.text = text
        self.n = len(text)
        self.seg = seg
        self.term_seg = term_seg
        self._kept = windows is not None
        self._windows: dict[tuple[int, int], _Toks] = windows if windows is not None else {}
        self._term_starts: dict[int, int | None] = {}
        self._sent: list[Any] | None = None
        self._line_sentences: dict[int, tuple[list[Span], list[int]]] = {}  # line start -> sentences, their starts
        self._sent_starts: list[int] = []
        self._sentence_windows: dict[int, str] = {}  # start -> window of a sentence too long to show whole
        # offsets of every clause break, found once: clause limits are then a bisect away
        self._breaks = [m.start() for m in _BREAK_RE.finditer(text) if not self._decimal_point(m.start())]
        self.tokenized_chars = 0

    def clause_end(self, pos: int, limit: int) -> int:
        """First break at or after *pos*, looking at most *limit* characters ahead."""
        k = bisect.bisect_left(self._breaks, pos)
        b = self._breaks[k] if k < len(self._breaks) else self.n
        return min(b, pos + limit, self.n)

    def clause_start(self, pos: int, limit: int) -> int:
        """Start of the clause holding *pos*, looking at most *limit* characters back."""
        k = bisect.bisect_left(self._breaks, pos) - 1
        b = self._breaks[k] + 1 if k >= 0 else 0
        return max(b, pos - limit, 0)

    def _decimal_point(self, i: int) -> bool:
        # ASCII ':' / ',' inside numbers (10:30, 1,000) is not a clause break
        t = self.text
        return t[i] in ",:" and 0 < i < self.n - 1 and t[i - 1].isdigit() and t[i + 1].isdigit()

    def tokens(self, pos: int) -> _Toks:
        """POS-tagged tokens of the clause window around *pos* (absolute offsets), cached.

        The window is the clause, clipped to a grid cell of a long clause, so every
        anchor of one clause (or one cell) shares one segmentation: the Segmenter reads
        each character a bounded number of times however many anchors there are.
        """
        cell = pos - pos % _GRID
        ws = max(self.clause_start(pos, _WINDOW_BEFORE + _GRID), cell - _WINDOW_BEFORE)
        we = min(self.clause_end(pos, _WINDOW_AFTER + _GRID), cell + _GRID + _WINDOW_AFTER)
        key = (ws, we)
        tv = self._windows.get(key)
        if tv is None:
            toks = [
                Token(t.word, t.start + ws, t.end + ws, t.pos) for t in self.seg.tokenize(self.text[ws:we], pos=True)
            ]
            self.tokenized_chars += we - ws
            if len(self._windows) > 4096 and not self._kept:
                self._windows.clear()
            tv = _Toks(toks)
            self._windows[key] = tv
        return tv

    def forget_before(self, pos: int) -> None:
        """Drop the cached windows that end before *pos* (the scan has passed them), unless they are kept."""
        if not self._kept:
            for key in [k for k in self._windows if k[1] < pos]:
                del self._windows[key]
        for i in [i for i in self._term_starts if i < pos]:
            del self._term_starts[i]
        for a in [a for a in self._sentence_windows if a + _MAX_SENTENCE < pos]:
            del self._sentence_windows[a]
        for a in [a for a, (line, _) in self._line_sentences.items() if not line or line[-1].end < pos]:
            del self._line_sentences[a]

    def inside_term(self, i: int) -> bool:
        """Does offset *i* fall inside a term of the term Segmenter (the policy lexicon)?

        Formulations the policy lexicon keeps whole (党史学习教育, 集体经营性建设用地入市) are
        words a slot edge must not split and that hold no second predicate. Segmented
        lazily, only around candidate matches, on the same windows as :meth:`tokens`.
        """
        return self.term_start(i) is not None

    def term_start(self, i: int) -> int | None:
        """Start of a policy-lexicon term that holds offset *i* strictly inside (the latest), or None.

        The terms are the entries of the term Segmenter's lexicon, looked up by length in
        the clause around *i* (a set lookup per possible start: no segmentation).
        """
        if self.term_seg is None or i <= 0 or i >= self.n:
            return None
        if i in self._term_starts:  # many templates ask about the same offsets
            return self._term_starts[i]
        terms, lengths = _term_set(self.term_seg)
        text = self.text
        a0 = self.clause_start(i, _TERM_REACH)
        b0 = self.clause_end(i, _TERM_REACH)
        best = None
        for L in lengths:
            for a in range(max(a0, i - L + 1), i):
                if a + L <= b0 and text[a : a + L] in terms and (best is None or a > best):
                    best = a
        self._term_starts[i] = best
        return best

    def _sentence_span(self, start: int) -> Span | None:
        """The sentence of :func:`split_sentences` that holds (or last starts before) *start*.

        Read from the line around *start* (cached by line), so a document with few matches is never split
        whole; an offset before its line's first sentence falls back to the whole document's sentences.
        """
        a = self.text.rfind("\n", 0, start) + 1
        cached = self._line_sentences.get(a)
        if cached is None:
            if len(self._line_sentences) > 4096:
                self._line_sentences.clear()
            spans = sentences_around(self.text, start)
            cached = self._line_sentences[a] = (spans, [s.start for s in spans])
        line, starts = cached
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0:
            return line[k]
        if self._sent is None:
            self._sent = split_sentences(self.text)
            self._sent_starts = [s.start for s in self._sent]
        k = bisect.bisect_right(self._sent_starts, start) - 1
        return self._sent[k] if k >= 0 else None

    def sentence(self, start: int) -> str:
        s = self._sentence_span(start)
        if s is None:
            return ""
        if s.end - s.start > _MAX_SENTENCE:  # text without punctuation: a window, not a whole book
            # windows start on a grid of a third of their length, so matches close together share one
            # string: the memory of the sentence column stays bounded by the text, not by the rows
            step = _MAX_SENTENCE // 3
            a = max(s.start, (start - _MAX_SENTENCE // 2) // step * step)
            window = self._sentence_windows.get(a)
            if window is None:
                window = self._sentence_windows[a] = self.text[a : min(s.end, a + _MAX_SENTENCE)]
            return window
        return s.text


class _Toks:
    """Token view for one match attempt: boundary tests and token slices."""

    def __init__(self, toks: list[Token]):
        self.toks = toks
        self.starts = [t.start for t in toks]
        self.bounds = {t.start for t in toks} | {t.end for t in toks}
        self.lo = toks[0].start if toks else 0
        self.hi = toks[-1].end if toks else 0

    def boundary(self, i: int) -> bool:
        return i in self.bounds or i <= self.lo or i >= self.hi

    def between(self, a: int, b: int) -> list[Token]:
        k = bisect.bisect_left(self.starts, a)
        out = []
        while k < len(self.toks) and self.toks[k].end <= b:
            out.append(self.toks[k])
            k += 1
        return out

    def from_(self, a: int, b: int | None = None) -> list[Token]:
        """Tokens starting at or after *a* (and ending by *b*)."""
        k = bisect.bisect_left(self.starts, a)
        if b is None:
            return self.toks[k:]
        j = bisect.bisect_left(self.starts, b, lo=k)
        out = self.toks[k:j]
        while out and out[-1].end > b:
            out.pop()
        return out


# --------------------------------------------------------------------------------------
# matching


_LEADING_PARTICLES = ("了", "着", "过", "地")
_OPENERS = "“《（(「‘『【"
_BRACKETS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("‘", "’"), ("「", "」"))
_BRACKET_RE = re.compile("[" + re.escape("".join(o + c for o, c in _BRACKETS)) + "]")


def clean_filler(value: str) -> str | None:
    """The filler a reader names, decided on the string alone (template mining uses it).

    A leading aspect particle (了, 着, 过) and a trailing 的 are dropped; 地 is never
    stripped here, because on a string alone the adverbial particle cannot be told from
    the final 地 of a noun (阵地, 湿地, 基地): :func:`clean_span` decides it by the word.
    None when the text cannot be a filler (starts with 的 or punctuation, ends in a
    conjunction, unbalanced quotes).

    >>> clean_filler("了乡村振兴的"), clean_filler("红色阵地")
    ('乡村振兴', '红色阵地')
    """
    v = value.strip()
    while v and v[0] in _LEADING_PARTICLES[:3] and len(v) > 1:
        v = v[1:]
    if v.endswith("的") and len(v) > 1:
        v = v[:-1]
    return v if _valid_filler(v) else None


def _valid_filler(v: str) -> bool:
    if (
        not v
        or v[0] in "的、，。；：,;:)）》”和与及或"
        or v.startswith("以及")
        or v.endswith(("和", "与", "及", "或", "、", "以及"))
    ):
        return False
    if _BRACKET_RE.search(v):
        for o, c in _BRACKETS:
            if v.count(o) != v.count(c):
                return False
    return True


def clean_span(text: str, s: int, e: int, tv: _Toks) -> tuple[int, int] | None:
    """The filler ``text[s:e]`` a reader names, decided by the Segmenter's words.

    A particle is dropped only where it is a word of its own: a leading 了/着/过/地 and a
    trailing 的/地 (扎实地推进 → 扎实; but 红色阵地, 湿地, 基地 keep their 地, and 地方
    keeps its first character). None when what is left cannot be a filler.
    """
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > 1 and text[s] in _LEADING_PARTICLES and tv.boundary(s + 1) and tv.boundary(s):
        s += 1
    if e - s > 1 and text[e - 1] in "的地" and tv.boundary(e - 1) and tv.boundary(e):
        e -= 1
    return (s, e) if _valid_filler(text[s:e]) else None


def _closes(text: str, pos: int, tok: Token) -> bool:
    """Is *tok* a closing bracket or quote whose opener lies in ``text[pos:tok.start]``?

    A filler that ends on a quoted name keeps its closing quote (打造“六大产业集群”).
    """
    w = tok.word
    for o, c in _BRACKETS:
        if w == c:
            inner = text[pos : tok.start]
            return inner.count(o) > inner.count(c)
    return False


def _pos_ok(tokens: list[Token], tags: tuple[str, ...]) -> bool:
    return bool(tokens) and all((t.pos or "").startswith(tags) for t in tokens)


class _Matcher:
    def __init__(self, ct: _Compiled, doc: _Doc):
        self.ct = ct
        self.doc = doc
        self.text = doc.text

    # a match attempt; ``tv`` None means a cheap string-only pass (no token checks)
    def attempt(
        self, anchor: int, opt: str, tv: _Toks | None
    ) -> tuple[int, int, dict[str, str], list[tuple[int, int]]] | None:
        ct, text = self.ct, self.text
        elems = ct.elems
        slots: dict[str, str] = {}
        spans: list[tuple[int, int]] = []  # span of each element
        where: dict[str, tuple[int, int]] = {}  # span of each free slot's filler
        a_el = elems[ct.anchor]
        assert isinstance(a_el, _Fixed)
        if tv is not None and not self._aligned(anchor, anchor + len(opt), opt, tv, ct.anchor):
            return None
        if a_el.name:
            slots[a_el.name] = opt
        start = anchor
        pos = anchor + len(opt)
        # leading slot
        if ct.anchor == 1:
            lead = elems[0]
            assert isinstance(lead, Slot)
            s = self._leading(anchor, lead, tv)
            if s is None:
                return None
            slots[lead.name] = text[s:anchor]
            where[lead.name] = (s, anchor)
            spans.append((s, anchor))
            start = s
        spans.append((anchor, pos))
        k = ct.anchor + 1
        while k < len(elems):
            el = elems[k]
            if isinstance(el, _Fixed):
                o = next((o for o in el.options if text.startswith(o, pos)), None)
                if o is None or (tv is not None and not self._aligned(pos, pos + len(o), o, tv, k)):
                    return None
                if el.name:
                    if el.name in slots and slots[el.name] != o:
                        return None
                    slots[el.name] = o
                spans.append((pos, pos + len(o)))
                pos += len(o)
                k += 1
                continue
            # a free slot
            if el.name in slots:  # a repeat: must equal the earlier filler
                prev = slots[el.name]
                if not text.startswith(prev, pos):
                    return None
                spans.append((pos, pos + len(prev)))
                pos += len(prev)
                k += 1
                continue
            nxt = elems[k + 1] if k + 1 < len(elems) else None
            if nxt is None or isinstance(nxt, Slot):  # a trailing slot, or a bounded slot before another slot
                e = (self._trailing if nxt is None else self._bounded)(pos, el, tv)
                if e is None:
                    return None
                slots[el.name] = text[pos:e]
                where[el.name] = (pos, e)
                spans.append((pos, e))
                pos = e
                k += 1
                continue
            found = self._inner(pos, el, nxt, tv, k + 1)
            if found is None:
                return None
            e, o = found
            slots[el.name] = text[pos:e]
            where[el.name] = (pos, e)
            spans.append((pos, e))
            if nxt.name:
                slots[nxt.name] = o
            spans.append((e, e + len(o)))
            pos = e + len(o)
            k += 2
        if tv is not None:
            # the match's end never splits a term of the policy lexicon that starts inside it
            # (推进[农村集体经营性建设]用地入市); a match inside a formulation is fine (以人民为中心的发展思想),
            # and so is a term around its start (充分发挥, 紧紧围绕 hold the literal)
            t0 = self.doc.term_start(pos)
            if t0 is not None and t0 > start:  # a term that starts inside the match and runs on past it
                return None
            self._coordinated_verb(where, tv)
            for name, (fs, fe) in where.items():
                span = clean_span(text, fs, fe, tv)
                if span is None:
                    return None
                slots[name] = text[span[0] : span[1]]
        return start, pos, slots, spans

    def _coordinated_verb(self, where: dict[str, tuple[int, int]], tv: _Toks) -> None:
        """统筹推进{X}和{Y}: a verb that governs both coordinated items belongs to the frame.

        When the first item of a coordination (a slot followed by 和/与/及 and another
        slot) opens with a verb and the second does not, the verb takes both items as its
        object (统筹推进疫情防控和经济社会发展 → X = 疫情防控); when both open with a verb,
        the items are verb phrases and keep them (统筹扩大内需和深化供给侧结构性改革).
        """
        elems = self.ct.elems
        for k in range(1, len(elems) - 2):
            x, conj, y = elems[k], elems[k + 1], elems[k + 2]
            if not (
                isinstance(x, Slot)
                and isinstance(conj, _Fixed)
                and not conj.name
                and all(o in _NP_CONJ for o in conj.options)
                and isinstance(y, Slot)
                and x.name in where
                and y.name in where
                and isinstance(elems[k - 1], _Fixed)
            ):
                continue
            xs, xe = where[x.name]
            ys, ye = where[y.name]
            xt, yt = tv.between(xs, xe), tv.between(ys, ye)
            x_verb = len(xt) >= 2 and xt[0].start == xs and _is_predicate(xt[0]) and len(xt[0].word) >= 2
            if x_verb and yt and not (_is_predicate(yt[0]) and len(yt[0].word) >= 2):
                where[x.name] = (xt[1].start, xe)

    def _aligned(self, s: int, e: int, lit: str, tv: _Toks, k: int) -> bool:
        """Literals stand on word boundaries.

        A single character must start a word (可以为 does not hold 以) and end one,
        unless the Segmenter glued it to what follows into a noun (促发展/nz still
        holds 促). A longer literal must not cut a word on the side of a slot
        (着力点 does not hold 着力{X}); a compound ending in the literal
        is fine after a slot (长效管理机制 holds 健全{X}机制).
        """
        if len(lit) > 1:
            elems = self.ct.elems
            if k < 0:  # a continuation marker: a word of its own
                return tv.boundary(s) and tv.boundary(e)
            # before a slot, the literal must end on a word boundary
            return k + 1 >= len(elems) or not isinstance(elems[k + 1], Slot) or tv.boundary(e)
        if not tv.boundary(s):
            return False
        if tv.boundary(e):
            return True
        toks = tv.from_(s)
        return bool(toks) and toks[0].start == s and (toks[0].pos or "").startswith("n")

    def _slot_ok(self, s: int, e: int, slot: Slot, tv: _Toks | None) -> bool:
        n = e - s
        if n < slot.min_len or n > slot.limit:
            return False
        if tv is None:
            return True
        if slot.word or slot.pos:
            if not (tv.boundary(s) and tv.boundary(e)):
                return False
            toks = tv.between(s, e)
            if slot.word and len(toks) != 1:
                return False
            if slot.pos and not _pos_ok(toks, slot.pos):
                return False
        return True

    def _inner(self, pos: int, slot: Slot, nxt: _Fixed, tv: _Toks | None, k: int) -> tuple[int, str] | None:
        text = self.text
        limit = slot.limit
        ce = self.doc.clause_end(pos, limit + 1)
        # candidates: each occurrence of the next literal within reach, leftmost first
        cands: list[tuple[int, str]] = []
        for o in nxt.options:
            i = text.find(o, pos + slot.min_len, ce + len(o))
            while i >= 0 and i <= ce:
                cands.append((i, o))
                i = text.find(o, i + 1, ce + len(o))
        cands.sort(key=lambda c: (c[0], -len(c[1])))
        prev = self.ct.elems[k - 2] if k >= 2 else None
        for e, o in cands:
            if tv is not None and isinstance(prev, _Fixed) and not prev.name and self._restarts(pos, e, prev, tv):
                return None  # 以A为核心的B和以C为基础: the instance starts at the second 以
            if not self._slot_ok(pos, e, slot, tv):
                continue
            if text[pos] in "、" or text[e - 1] in "、":
                continue
            if tv is not None and not nxt.name and not self._aligned(e, e + len(o), o, tv, k):
                continue
            if tv is not None and self._enumerates_predicates(pos, e, tv):
                return None  # 完善A体制、健全B体系: two frames side by side, not one with a long X
            return e, o
        return None

    def _enumerates_predicates(self, s: int, e: int, tv: _Toks) -> bool:
        """Does an inner filler that opens with a noun hold 、 followed by a new predicate?

        An inner slot may hold an enumeration of noun phrases (为各地区、各部门提供指导) or of
        verb phrases (为评估成效、改进工作提供依据); a 、 that opens a verb phrase after a
        noun phrase ends one clause of a series and starts the next (完善A体制、健全B体系).
        """
        first = tv.from_(s, e)
        if first and first[0].start == s and (_is_predicate(first[0]) or first[0].pos == "vn"):
            return False  # a series of verb phrases from the start (为评估成效、改进工作提供依据)
        i = self.text.find("、", s, e)
        while i >= 0:
            before = self.text[s:i]
            if any(before.count(o) > before.count(c) for o, c in _BRACKETS):  # 在“巩固、增强…”八个字上
                i = self.text.find("、", i + 1, e)
                continue
            nxt = tv.from_(i + 1)
            verb = (
                len(nxt) >= 2
                and nxt[0].start == i + 1
                and _is_predicate(nxt[0])
                and len(nxt[0].word) >= 2
                # a noun object of its own (健全生态环境治理体系); 规划、建设、治理融合 are items
                and (((nxt[1].pos or "").startswith("n") and nxt[1].pos != "vn") or nxt[1].word[0] in _OPENERS)
            )
            if verb and not _de_ahead(tv.from_(i + 1), 0):
                return True
            i = self.text.find("、", i + 1, e)
        return False

    def _restarts(self, s: int, e: int, prev: _Fixed, tv: _Toks) -> bool:
        """Does the literal before this slot occur again, as a word, inside ``text[s:e]``?"""
        text = self.text
        for o in prev.options:
            i = text.find(o, s, e)
            while i >= 0:
                if tv.boundary(i) and tv.boundary(i + len(o)):
                    return True
                i = text.find(o, i + 1, e)
        return False

    def _bounded(self, pos: int, slot: Slot, tv: _Toks | None) -> int | None:
        """Extent of a word- or length-bounded slot followed by another slot."""
        if slot.word and tv is not None:
            toks = tv.from_(pos)
            if not toks or toks[0].start != pos:
                return None
            e = toks[0].end
            return e if self._slot_ok(pos, e, slot, tv) else None
        ce = self.doc.clause_end(pos, slot.limit)
        for e in range(min(ce, pos + slot.limit), pos + slot.min_len - 1, -1):
            if self._slot_ok(pos, e, slot, tv) and (tv is None or tv.boundary(e)):
                return e
        return None

    def _leading(self, anchor: int, slot: Slot, tv: _Toks | None) -> int | None:
        doc = self.doc
        cs = doc.clause_start(anchor, slot.limit)
        enum = self.text.rfind("、", cs, anchor)
        if enum >= 0:  # an enumeration before a leading slot is a separate item
            cs = enum + 1
        while cs < anchor and self.text[cs].isspace():
            cs += 1
        if cs >= anchor:
            return None
        if tv is None:
            return cs if anchor - cs >= slot.min_len else None
        toks = tv.between(cs, anchor)
        if not toks or toks[-1].end != anchor:
            return None
        if slot.word:
            s = toks[-1].start
            return s if self._slot_ok(s, anchor, slot, tv) else None
        if slot.pos:
            k = len(toks)
            while k > 0 and (toks[k - 1].pos or "").startswith(slot.pos):
                k -= 1
            if k == len(toks):
                return None
            s = toks[k].start
        else:
            s = toks[0].start
        while s < anchor and anchor - s > slot.limit:
            s = next((t.start for t in toks if t.start > s), anchor)
        if s >= anchor:
            return None
        return s if self._slot_ok(s, anchor, slot, tv) else None

    # -- the trailing slot ----------------------------------------------------------
    def _trailing(self, pos: int, slot: Slot, tv: _Toks | None) -> int | None:
        doc = self.doc
        limit = slot.limit
        ce = doc.clause_end(pos, limit + 16)
        if ce <= pos:
            return None
        if tv is None:
            return pos + 1 if ce - pos >= slot.min_len else None
        toks = tv.from_(pos, ce)
        k = bisect.bisect_right(tv.starts, pos) - 1
        if k >= 0 and tv.toks[k].start < pos < tv.toks[k].end:  # pos inside a word: keep its rest
            t = tv.toks[k]
            toks = [Token(t.word[pos - t.start :], pos, t.end, t.pos)] + toks
        if (
            not toks
            or toks[0].start != pos
            or toks[0].word == "的"
            or (_is_punct(toks[0]) and toks[0].word[0] not in _OPENERS)
        ):
            return None
        if slot.word:
            e = toks[0].end
            ok = slot.min_len <= e - pos <= slot.limit and (not slot.pos or _pos_ok(toks[:1], slot.pos))
            return e if ok else None
        if slot.max_len is not None and not slot.pos:
            for t in reversed(toks):
                if t.end - pos <= slot.max_len and t.end - pos >= slot.min_len:
                    return t.end
            return None
        if slot.pos:
            run = []
            for t in toks:
                if not (t.pos or "").startswith(slot.pos):
                    break
                run.append(t)
            if not run:
                return None
            e = run[-1].end
            while e - pos > limit and len(run) > 1:
                run.pop()
                e = run[-1].end
            return e if self._slot_ok(pos, e, slot, tv) else None
        e = self._default_trailing_end(pos, toks)
        # at most `limit` characters, on a token boundary
        if e - pos > limit:
            e = max((t.end for t in toks if t.end - pos <= limit), default=pos)
        # never end on a function word or an enumeration comma
        kept = [t for t in toks if t.end <= e]
        while kept and (
            kept[-1].word in ("的", "、", "和", "与", "及", "以及")
            or (_is_punct(kept[-1]) and not _closes(self.text, pos, kept[-1]))
        ):
            kept.pop()
        if not kept:
            return None
        e = kept[-1].end
        return e if e - pos >= slot.min_len else None

    def _default_trailing_end(self, pos: int, toks: list[Token]) -> int:
        """Where a trailing filler ends, decided on the tokens (see the module docstring).

        A second predicate ends the filler: a verb (two characters or more) that follows
        a nominal filler and takes an object of its own (围绕文物精神展开深度研讨 →
        文物精神; 以文物为载体落实… → 载体), or a verb after 、 (加快建设制造强国、推动
        产业升级 → 建设制造强国). A verb is not a new predicate when a 的 follows it
        in the clause before the next 、: it sits inside a modifier of the object noun
        (打造联通欧亚、辐射全球的…支点; 成为清华大学党史学习教育的重要内容). A
        localizer right before the second predicate stays out of the filler
        (在筑牢安全基石上取得新突破 → 安全基石).
        """
        ct = self.ct
        # a filler that opens with a verb (加快[建设制造强国]) is a verb phrase: no second-predicate cut inside it
        nominal = bool(toks) and not (_is_predicate(toks[0]) or toks[0].pos == "vn")
        for i, t in enumerate(toks):
            if i > 0:
                w = t.word
                if ct.coverb_object and self._closed_object_then_predicate(toks, i):
                    return t.start
                if w == "的" and ct.modifier_de and nominal:
                    return t.start
                if w in _CLAUSE_CONJ:
                    return t.start
                if ct.shared_before_trailing and any(
                    w == m or (len(m) == 1 and w.startswith(m) and (t.pos or "").startswith("n"))
                    for m in self._markers()
                ):
                    return t.start  # 以开放促改革促发展: a continuation without a comma
                if w in _NP_CONJ:
                    after = t.end
                    if self._opens_instance(after):
                        return t.start
                    nxt = toks[i + 1] if i + 1 < len(toks) else None
                    if w == "、" and nxt is not None and _is_predicate(nxt) and len(nxt.word) >= 2:
                        nn = toks[i + 2] if i + 2 < len(toks) else None
                        if (
                            nn is not None
                            and not _is_punct(nn)
                            and nn.word not in _NOUN_SUFFIXES
                            and not _de_ahead(toks, i + 1)
                        ):
                            return t.start
                elif (
                    nominal
                    and _is_predicate(t)
                    and len(t.word) >= 2
                    and i >= 1
                    and toks[i - 1].word not in _NP_CONJ
                    and not self.doc.inside_term(t.start)
                ):
                    nn = toks[i + 1] if i + 1 < len(toks) else None
                    takes_object = (
                        nn is not None and not _is_punct(nn) and nn.word != "的" and nn.word not in _NOUN_SUFFIXES
                    )
                    de = _de_ahead(toks, i)
                    if ct.relational:
                        cut = takes_object and (ct.modifier_de or not de)
                    else:
                        cut = (
                            takes_object
                            and not de
                            and nn is not None
                            and (_opens_object(nn) or t.word in _LIGHT_VERBS)
                            and (t.word in _LIGHT_VERBS or not _compound_at_end(toks, i, long=not ct.coverb_object))
                        )
                    if cut:
                        prev = toks[i - 1]
                        if i >= 2 and prev.word in _LOCALIZERS:
                            return prev.start
                        return t.start
            breaks = not (_is_nominal(t) or _is_punct(t) or t.pos in ("a", "d", "ad", "c", "uj", "p")) or _is_verb(t)
            if (
                breaks
                and nominal
                and not (
                    i > 0
                    and (
                        toks[i - 1].word in _NP_CONJ
                        or (i + 1 < len(toks) and toks[i + 1].word in _NOUN_SUFFIXES)
                        or self.doc.inside_term(t.start)
                    )
                )
            ):
                nominal = False
            if t.pos in ("a", "d", "ad", "p") and not (t.pos == "a" and ct.relational):
                nominal = False
        return toks[-1].end if toks else pos

    def _closed_object_then_predicate(self, toks: list[Token], i: int) -> bool:
        """Does verb *i* open the main predicate after a coverb's object that is visibly closed?

        Closed: by a closing quote (围绕“三大要素”|深入实施“四大行动”) or by 等 and one noun
        (围绕…新材料等领域|实施重大科技项目). The verb takes an object of its own.
        """
        t = toks[i]
        if not (_is_predicate(t) and len(t.word) >= 2) or self.doc.inside_term(t.start):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or (_is_punct(nxt) and nxt.word[0] not in _OPENERS) or nxt.word in ("的", "了", "着", "过"):
            return False
        if _de_ahead(toks, i):  # 围绕被“四人帮”搞乱了的…问题: the verb sits in a modifier of the object
            return False
        prev = toks[i - 1]
        if prev.word in _CLOSING_QUOTES:
            return True
        return i >= 2 and toks[i - 2].word == "等" and _is_nominal(prev) and not _is_predicate(prev)

    def _markers(self) -> tuple[str, ...]:
        """Suffixes of the literal before the trailing slot that may open a continuation."""
        pre = self.ct.pre_trailing
        if pre is None:
            return ()
        return tuple(o[k:] for o in pre.options for k in range(len(o)))

    def _opens_instance(self, at: int) -> bool:
        """Does the text at *at* start a new instance (or an elided continuation) of the frame?"""
        text = self.text
        if any(text.startswith(o, at) for o in self.ct.literals):
            return True
        if self.ct.anchor == 1:  # a frame that opens with a slot: its anchor comes a little later
            window = text[at : self.doc.clause_end(at, 8)].split("、", 1)[0]
            if any(o in window for o in self.ct.anchor_options):
                return True
        return self._continuation_marker(at, None) is not None

    def _continuation_marker(self, at: int, tv: _Toks | None) -> str | None:
        """A suffix of the literal before the trailing slot, standing at *at* (e.g. 促 of 党建促)."""
        pre = self.ct.pre_trailing
        if pre is None or not self.ct.shared_before_trailing:
            return None
        text = self.text
        for o in pre.options:
            for k in range(len(o)):
                suf = o[k:]
                if text.startswith(suf, at):
                    if tv is None:
                        return suf
                    if self._aligned(at, at + len(suf), suf, tv, -1):
                        return suf
        return None

    # -- elided continuations ---------------------------------------------------------
    def continuations(self, end: int, slots: dict[str, str]) -> list[tuple[int, int, dict[str, str]]]:
        ct, text, doc = self.ct, self.text, self.doc
        out: list[tuple[int, int, dict[str, str]]] = []
        if ct.trailing is None or not ct.shared_before_trailing:
            return out
        pos = end
        while pos < doc.n:
            sep = None
            for c in ("、", "以及", "和", "及", "与", ""):
                if text.startswith(c, pos):
                    sep = c
                    break
            if sep is None:
                break
            at = pos + len(sep)
            if at >= doc.n:
                break
            tv = doc.tokens(at)
            suf = self._continuation_marker(at, tv)
            if suf is None:
                break
            # a full new instance is the main loop's business
            if any(text.startswith(o, at) for o in ct.anchor_options) and ct.anchor != 0:
                break
            s2 = at + len(suf)
            e2 = self._trailing(s2, ct.trailing, tv)
            if e2 is None:
                break
            new = dict(slots)
            new[ct.trailing.name] = text[s2:e2]
            out.append((at, e2, new))
            pos = e2
        return out


#: Documents are scanned in blocks of this many characters: every template scans a block before
#: the next one starts, so the segmented windows kept in memory cover a block or two, not the text.
_BLOCK = 4096
#: A row found later never starts more than this many characters before the current block's end
#: (a leading slot reaches back at most HARD_MAX_SLOT characters from its anchor).
_CARRY = HARD_MAX_SLOT + 64


#: Clause breaks for the anchor prefilter: ASCII , and : are left out (between digits they are no break).
_PREFILTER_BREAKS = "，。；：！？;!?\n\r"


def _anchor_regex(ct: _Compiled) -> re.Pattern[str]:
    """The anchor's options, with a lookahead for the next literal when a free slot lies between.

    以{X}为重点 looks for 以 only where 为重点 follows within the slot's reach in the clause, so the
    regex engine, not Python, skips the many 以 that open no instance. The lookahead is a superset
    of what :meth:`_Matcher._inner` accepts (it never drops a match).
    """
    anchor = "|".join(re.escape(o) for o in ct.anchor_options)
    k = ct.anchor
    elems = ct.elems
    if k + 2 < len(elems):
        slot, nxt = elems[k + 1], elems[k + 2]
        if isinstance(slot, Slot) and isinstance(nxt, _Fixed) and not slot.choices:
            lits = "|".join(re.escape(o) for o in nxt.options)
            gap = f"[^{re.escape(_PREFILTER_BREAKS)}]{{{slot.min_len},{slot.limit + 1}}}?"
            return re.compile(f"(?:{anchor})(?={gap}(?:{lits}))")
    return re.compile(anchor)


class _Scan:
    """One template's scan through one document, resumable block by block."""

    def __init__(self, ct: _Compiled, doc: _Doc):
        self.ct = ct
        self.doc = doc
        self.rx = ct.anchor_regex()
        self.matcher = _Matcher(ct, doc)
        self.pos = 0
        self.last_end = 0
        self.next_anchor: int | None = None  # an anchor found at or beyond the last block's end
        self.done = False

    def run(self, hi: int) -> list[dict[str, Any]]:
        """Rows of every instance whose anchor lies before *hi* (and after the last call's)."""
        ct, doc, matcher, text = self.ct, self.doc, self.matcher, self.doc.text
        rows: list[dict[str, Any]] = []
        while not self.done:
            if self.next_anchor is not None and self.next_anchor >= self.pos:
                i = self.next_anchor
            else:
                m = self.rx.search(text, self.pos)
                if m is None:
                    self.done = True
                    break
                i = m.start()
            if i >= hi:
                self.next_anchor = i
                break
            self.next_anchor = None
            hit = None
            for o in ct.anchor_options:
                if not text.startswith(o, i):
                    continue
                if matcher.attempt(i, o, None) is None:  # cheap string-level pass first
                    continue
                tv = doc.tokens(i)
                hit = matcher.attempt(i, o, tv)
                if hit is not None:
                    break
            if hit is None or hit[0] < self.last_end:
                self.pos = i + 1
                continue
            s, e, slots, _ = hit
            rows.append(_row(ct, doc, s, e, slots, False))
            self.last_end = e
            for cs, ce, cslots in matcher.continuations(e, slots):
                rows.append(_row(ct, doc, cs, ce, cslots, True))
                self.last_end = ce
            self.pos = max(self.last_end, i + 1)
        return rows


def _row(ct: _Compiled, doc: _Doc, s: int, e: int, slots: dict[str, str], elided: bool) -> dict[str, Any]:
    return dict(
        template=ct.source, match=doc.text[s:e], start=s, end=e, slots=slots, sentence=doc.sentence(s), elided=elided
    )


def _iter_doc(compiled: list[_Compiled], doc: _Doc) -> Iterator[dict[str, Any]]:
    """Rows of every template in one document, in the order (start, end, template), streamed.

    The document is read block by block (:data:`_BLOCK`): all templates scan a block, the
    rows that no later block can precede are yielded, and the segmented windows behind the
    block are dropped. Memory is bounded by a block's windows and rows, not by the text.
    """
    scans = [_Scan(ct, doc) for ct in compiled]
    pending: list[tuple[int, int, str, int, dict[str, Any]]] = []
    seq = 0
    lo = 0
    while lo < doc.n:
        hi = min(lo + _BLOCK, doc.n)
        for sc in scans:
            for r in sc.run(hi):
                heapq.heappush(pending, (r["start"], r["end"], r["template"], seq, r))
                seq += 1
        safe = hi - _CARRY if hi < doc.n else doc.n + 1
        while pending and pending[0][0] < safe:
            yield heapq.heappop(pending)[-1]
        doc.forget_before(lo - _BLOCK)
        lo = hi
    while pending:
        yield heapq.heappop(pending)[-1]


def _find_in_doc(ct: _Compiled, doc: _Doc) -> list[dict[str, Any]]:
    """Every instance of one template in one document (and its elided continuations)."""
    return list(_iter_doc([ct], doc))


def _corpus_windows(source: Source, seg: Segmenter) -> list[dict[tuple[int, int], _Toks]] | None:
    """The segmented windows of a Corpus's documents, kept with the corpus (:meth:`Corpus.memo`).

    Like the corpus's tokens, the windows the matcher segments are computed once per corpus and
    Segmenter and reused by every later scan (another call, other templates). A window's tokens
    depend only on the text, the window's offsets and the Segmenter, so they are the same on reuse.
    None for any other source (its windows live as long as one document's scan).
    """
    if not isinstance(source, Corpus):
        return None
    return cast(
        "list[dict[tuple[int, int], _Toks]]",
        source.memo(("policytext.extract.templates:windows", seg.fingerprint), lambda: [{} for _ in source]),
    )


def iter_templates(
    source: Source,
    templates: TemplateLike | Sequence[TemplateLike] | pd.DataFrame | None = None,
    *,
    segmenter: Segmenter | None = None,
) -> Iterator[dict[str, Any]]:
    """The rows of :func:`find_templates`, one dict at a time (a generator).

    Rows come document by document, in the order of the frame (start, end, template);
    nothing is held for a whole document but a block's segmented windows and the rows
    that a later block could still precede, so a scan of a long text (or a corpus) that
    writes rows out as they come runs in bounded memory.

    >>> next(iter_templates("抓党建促发展。", "抓{X}促{Y}"))["slots"]
    {'X': '党建', 'Y': '发展'}
    """
    compiled = _compile(templates)
    seg = segmenter if segmenter is not None else _default_segmenter()
    term_seg = keyword_segmenter() if segmenter is None else None
    kept = _corpus_windows(source, seg)
    for k, (doc_id, text, _meta) in enumerate(iter_source(source)):
        doc = _Doc(text, seg, term_seg, kept[k] if kept is not None else None)
        for r in _iter_doc(compiled, doc):
            r["doc_id"] = doc_id
            yield r


@extractor(
    name="templates",
    kind="template",
    label="template instance",
    label_zh="套语模板",
    colour="#1565c0",
    help="slot templates such as 抓{X}党建促{Y}",
    style="underline",
    label_columns=("template", "slots"),
    in_report=True,
    order=10,
    formatter="format_for_terminal",
)
@deprecated_positional("segmenter", allowed=2)
def find_templates(
    source: Source,
    templates: TemplateLike | Sequence[TemplateLike] | pd.DataFrame | None = None,
    *,
    segmenter: Segmenter | None = None,
) -> pd.DataFrame:
    """Find instances of slot templates in *source*.

    Parameters
    ----------
    source:
        A string, Document, Corpus or list of them (see :mod:`policytext.extract`).
    templates:
        One template string, a list of them, a DataFrame with a ``template`` column
        (the bundled library) or a ``frame`` column (the output of
        :func:`~policytext.extract.templates.mining.mine_templates`), ``None`` for the
        bundled library ``lexicons/templates.txt``, or the name of one of its function
        groups (``"goals"``, ``"means"``, ``"emphasis"``, ``"slogans"``, ``"procedures"``;
        see :func:`template_groups`) or a list of group names.
    segmenter:
        The :class:`~policytext.Segmenter` whose words and POS tags decide word
        boundaries and where trailing fillers end (default: :func:`~policytext.corpus.source.extractor_segmenter`,
        jieba's general dictionary without the policy lexicon, so that formulations such as 以人民为中心 still show
        their literals).

    Returns
    -------
    DataFrame with ``doc_id, template, match, start, end, slots, sentence, elided``:
    one row per instance and per template (overlapping templates each report their
    own rows), ordered by document, position and template. ``text[start:end] == match``.

    >>> find_templates("坚持以人民为中心的发展思想。", "以{X}为{Y}")[["match", "slots"]].values.tolist()
    [['以人民为中心', {'X': '人民', 'Y': '中心'}]]
    """
    columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for r in iter_templates(source, templates, segmenter=segmenter):
        for c in COLUMNS:
            columns[c].append(r[c])
    if not columns["doc_id"]:
        return to_frame([], COLUMNS)
    try:
        return pd.DataFrame(columns, columns=list(COLUMNS))
    except UnicodeEncodeError:  # a lone surrogate in a text: pandas' Arrow-backed strings cannot hold it
        return pd.DataFrame(columns, columns=list(COLUMNS), dtype=object)


def format_for_terminal(df: pd.DataFrame) -> str:
    """A readable listing of :func:`find_templates` rows (used by the CLI)."""
    if df.empty:
        return "no template instances found\n"
    lines = []
    for r in df.itertuples(index=False):
        # pandas-stubs types every itertuples field as a scalar; this column holds dicts
        slots = " ".join(f"{k}={v}" for k, v in cast("dict[str, str]", r.slots).items())
        mark = " (elided)" if r.elided else ""
        lines.append(f"{r.doc_id}\t{r.start}-{r.end}\t{r.template}\t{r.match}{mark}\t{slots}")
    return "\n".join(lines) + "\n"
