"""Numbered formulas (两个维护, 四梁八柱, 两新), meetings, quoted terms and cited documents.

:func:`find_formulas` finds numbered formulas by lexicon (``lexicons/formulas.tsv``) and by
pattern, so that a formula nobody listed is still found (``known=False``):

* a quoted term shaped like a formula: a numeral and a short head (“四早”, “三个1亿人”),
  interleaved numerals (“五缓四减三补贴”), 双 + head (“双一流”), 新/老/国 + numeral (“新三样”);
* unquoted interleaved numerals N A N B (三严三实, 两学一做) that are not idioms (四面八方);
* unquoted N个 + one verbal or adjectival word closed by punctuation (两个坚决) and N大 + a
  short head (三大障碍), when the form recurs in the source (``min_support``) or stands in a
  list with another formula; N个 + a noun (两个国家, 三个月) is ordinary counting;
* recurrence: a form found by shape anywhere in the source counts wherever it recurs.

Overlapping candidates resolve to the longest (两新一重 is not also a 两新). Forms with several
meanings (两新) get the lexicon row whose years fit the document's year and whose context
words occur near the match; the row is reported in ``sense`` and ``expansion``.

>>> df = find_formulas("坚决做到“两个维护”，抓“两新”组织党建，落实三严三实要求。")
>>> df[["formula", "start", "end", "number", "known"]].values.tolist()
[['两个维护', 5, 9, 2, True], ['两新', 13, 15, 2, True], ['三严三实', 23, 27, None, True]]
>>> find_formulas("持续做好“四早”工作")[["formula", "number", "known"]].values.tolist()
[['四早', 4, False]]
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..._util.convention import check_at_least
from ..._util.frames import object_columns, to_frame
from ...corpus.source import Source, iter_source
from ..registry import extractor
from .lexicon import (
    FormulaEntry,
    FormulaLexicon,
    load_formula_lexicon,
    parse_formula_lexicon,
)
from .meetings import find_meetings
from .numerals import parse_number
from .quotes import HEAD_NOUNS, find_quoted_terms, find_references, quoted_spans
from .senses import choose_sense
from .shapes import counted_sets, digit_slogans, double_numerals, ordinal_goals, plan_periods
from .wordclass import word_classes

__all__ = [
    "FORMULA_COLUMNS",
    "find_formulas",
    "find_meetings",
    "find_quoted_terms",
    "find_references",
    "format_for_terminal",
    "load_formula_lexicon",
    "shape_of",
]

FORMULA_COLUMNS = (
    "doc_id",
    "formula",
    "start",
    "end",
    "number",
    "canonical",
    "expansion",
    "known",
    "kind",
    "first_year",
    "sense",
    "sense_certain",
    "quoted",
    "method",
    "year",
    "first_seen",
    "match",
)

_CN = "〇零一二两三四五六七八九十百千万"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPENERS = "“‘「『\"'"
_CLOSERS = "”’」』\"'"
# characters after a numeral that make it a quantity, a date or an ordinal rather than a formula
_UNIT_CHARS = set("年月日天岁号时分秒倍成度届次位名元亩吨斤米里人户家辆架台期份")
# what may follow a formula: punctuation, quotes, function words
_CLOSING_CHARS = set("，。、；：！？,.;:!?）)」』”’\"' \n\t") | set("的和与及等是为在中")
_HEAD_TAGS = {"v", "vd", "d", "a", "ad", "l", "i"}
# words after N大 that show a Party congress (党的十大以来), not a "ten major X"
_MEETING_TAIL = (
    "以来",
    "以后",
    "之后",
    "精神",
    "报告",
    "代表",
    "召开",
    "通过",
    "党章",
    "路线",
    "上",
    "前",
    "后",
    "决议",
    "提出",
    "确定",
    "作出",
    "部署",
    "闭幕",
    "开幕",
    "强调",
)
_SHAPE_PREFIX = set("新老国省市")
_CN_RUN = re.compile(f"[{_CN}]+")
_WINDOW = 60

_PAIRED_RE = re.compile(
    f"(?<![{_CN}第0-9.])[二两三四五六七八九十一双][{_HAN}](?:[一二两三四五六七八九十][{_HAN}]){{1,2}}"
)
# heads that grade rather than name (两个最大, 两个重要环节)
_DEGREE = ("最", "较", "很", "更", "特别", "重要", "主要", "基本", "根本", "十分", "非常", "一般")
# heads that end in a concrete place or plant (十大钢铁基地, 三大化纤厂)
_CONCRETE_END = set("厂矿田港站城市省区县河湖泊山海洲岛地库场馆院校所局")
_COUNTED_RE = re.compile(f"(?<![{_CN}第0-9])([二两三四五六七八九十]{{1,3}})([个大])([{_HAN}]{{1,6}})")


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    form: str
    method: str  # lexicon | quoted | pattern | recurrence
    entries: tuple[FormulaEntry, ...] = ()
    kind: str = "counted"
    number: int | None = None


_TIER = {"lexicon": 0, "quoted": 0, "recurrence-quoted": 0, "pattern": 1, "recurrence": 1}


def _resolve(cands: Iterable[_Cand]) -> list[_Cand]:
    """Keep the longest of overlapping candidates (ties: the earlier).

    Listed forms and quoted terms come first; forms found by an unquoted pattern only fill
    what is left, so a pattern can never cut a listed formula (三大改造又 ≠ 三大改造).
    """
    taken: list[_Cand] = []
    occupied: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (_TIER[c.method], -(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    return sorted(taken, key=lambda c: c.start)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex that matches any of *words*, factored as a trie so that each position costs one
    walk, and greedy so that the longest word at a position wins.

    >>> re.fullmatch(_trie_pattern(["两新", "两新一重"]), "两新一重") is not None
    True
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str | None:
        alts, singles = [], []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            if sub is None:
                singles.append(re.escape(ch))
            else:
                alts.append(re.escape(ch) + sub)
        if singles:
            alts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not alts:
            return None
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


@lru_cache(maxsize=16)
def _alternation(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Find the longest of *forms* at each position, never right after a numeral (十四个坚持 is
    not 四个坚持) or 第."""
    return re.compile(f"(?<![{_CN}第0-9])(?:{_trie_pattern(forms)})")


def _is_quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in _OPENERS and text[end] in _CLOSERS


def _near(text: str, start: int, end: int, words: Iterable[str]) -> bool:
    window = text[max(0, start - _WINDOW) : end + _WINDOW]
    return any(w in window for w in words)


def _lead_number(run: str) -> int | None:
    """The value of a leading numeral run; a bare 百/千/万 counts (百县千镇万村, 万人助万企)."""
    return parse_number(run) if run not in _ROUND else _ROUND[run]


_ROUND = {"百": 100, "千": 1000, "万": 10000}
_PART_SEP = re.compile("[、，]")


def shape_of(term: str, *, periods: bool = True) -> tuple[str, int | None] | None:
    """``(kind, number)`` when *term* is shaped like a numbered formula, else ``None``.

    >>> shape_of("四早"), shape_of("两不愁三保障"), shape_of("双一流"), shape_of("新三样")
    (('abbreviation', 4), ('paired', None), ('abbreviation', 2), ('counted', 3))
    >>> shape_of("三个月"), shape_of("一刀切"), shape_of("十年磨一剑"), shape_of("四两拨千斤")
    (None, None, None, None)
    >>> shape_of("十五五"), shape_of("十五五", periods=False), shape_of("四化同步、城乡融合、五区共兴")
    (('plan_period', 15), None, ('paired', None))
    """
    t = term.strip()
    if not 2 <= len(t) <= 16 or "第" in t or t.endswith("号"):
        return None
    if _PART_SEP.search(t):
        # a slogan of several parts (四化同步、城乡融合、五区共兴) when two or more parts are formula-shaped
        parts = [x for x in _PART_SEP.split(t) if x]
        if len(parts) >= 2 and sum(shape_of(x, periods=False) is not None for x in parts) >= 2:
            return ("paired", None)
    if len(t) > 12:  # a long name only with interleaved numerals (百县千镇万村高质量发展工程)
        shape = shape_of(t[:12], periods=False)
        return shape if shape is not None and shape[0] == "paired" else None
    if any(not (ch in _CN or "\u3400" <= ch <= "\u9fff" or ch.isdigit() or ch in "、，·") for ch in t):
        return None
    wc = word_classes()
    if wc.is_idiom(t):
        return None
    if t[0] in _SHAPE_PREFIX and len(t) <= 5:
        m = _CN_RUN.match(t, 1)
        if m and m.end() < len(t):
            n = parse_number(m.group())
            if n and n > 1 and t[m.end()] not in _UNIT_CHARS:
                return ("counted", n)
        return None
    if t[0] == "双":
        rest = t[1:]
        if not rest or rest[0] == "双" or len(wc.first_word(t)) >= 2:
            return None  # 双语, 双打, 双重承认: ordinary words, not 双 + a pair
        runs = [m for m in _CN_RUN.finditer(rest) if m.start() > 0 and rest[m.start() - 1] in "、，"]
        return ("paired", None) if runs else ("abbreviation", 2)
    m = _CN_RUN.match(t)
    if not m:
        return None
    run = m.group()
    if m.end() == len(t):  # numerals only: a Five-Year Plan period (十四五) or a date (七一)
        plan = parse_number(run[:-1]) or 0 if run.endswith("五") else 0
        if periods and 1 <= plan <= 19:
            return ("plan_period", plan)
        return None
    n = _lead_number(run)
    if n is None or n == 0:
        return None
    if len(t) == 2 and t[1] == "户" and n > 1:
        return ("abbreviation", n)  # 两户, 五户: categories of households, not a count of them
    if t[m.end()] in _UNIT_CHARS:
        return None
    later = [
        r for r in _CN_RUN.finditer(t, m.end()) if _lead_number(r.group()) not in (None, 0) and r.start() - m.end() <= 4
    ]
    if later:
        return ("paired", None)
    if n == 1:
        return None  # 一刀切, 一窗受理: a single 一 is an article, not a count
    nxt = t[m.end()]
    if nxt in "个项条种" and (m.end() + 1 >= len(t) or t[m.end() + 1] in _UNIT_CHARS):
        return None  # 三个月, 两个人
    return ("counted" if nxt in "个大项条种类点步" else "abbreviation", n)


def _lexicon_candidates(text: str, lex: FormulaLexicon) -> list[_Cand]:
    out = []
    wc = word_classes()
    rx = _alternation(tuple(lex.by_form))
    for m in rx.finditer(text):
        form = m.group()
        s, e = m.span()
        entries = lex.by_form[form]
        quoted = _is_quoted(text, s, e)
        cut = e < len(text) and wc.tag(text[e - 1 : e + 1]) is not None  # 两委|员, 三公|斤, 再三|反复
        usable = tuple(
            x for x in entries if x.guard_words is None or quoted or (not cut and _near(text, s, e, x.guard_words))
        )
        if usable:
            first = usable[0]
            out.append(_Cand(s, e, form, "lexicon", usable, first.kind, first.number))
    return out


def _head_end(text: str, i: int, limit: int) -> int | None:
    """End of a head of Han characters starting at *i* that a closing character ends within
    *limit* characters, or ``None``."""
    j = i
    n = len(text)
    while j < n and j - i < limit and text[j] not in _CLOSING_CHARS and "\u3400" <= text[j] <= "\u9fff":
        j += 1
    if j == i or (j < n and text[j] not in _CLOSING_CHARS):
        return None
    return j


def _quoted_candidates(text: str, lex: FormulaLexicon, periods: bool) -> tuple[list[_Cand], list[_Cand]]:
    """Quoted terms shaped like numbered formulas (“四早”, “五缓四减三补贴”), and the numbered parts of
    quoted slogans (两提高、两降低、一减免 → 一减免), which count where they recur in quotes."""
    out, parts = [], []
    for s, e in quoted_spans(text):
        term = text[s:e]
        if term in lex.by_form:
            continue
        shape = shape_of(term, periods=periods)
        if shape is None:
            continue
        out.append(_Cand(s, e, term, "quoted", (), shape[0], shape[1]))
        if shape[0] == "paired" and _PART_SEP.search(term):
            k = s
            for part in _PART_SEP.split(term):
                m = _CN_RUN.match(part)
                n = _lead_number(m.group()) if m else None
                if n and 2 <= len(part) <= 6 and part not in lex.by_form:
                    parts.append(_Cand(k, k + len(part), part, "quoted", (), "abbreviation", n))
                k += len(part) + 1
    return out, parts


def _shape_candidates(text: str, periods: bool) -> list[_Cand]:
    """Unquoted shapes specific enough to count once (:mod:`.shapes`): counted policy sets (三大攻坚战),
    ordinal goals (第二个百年奋斗目标), 双 + numeral (双千兆), digit slogans (1+N), plan periods (十四五时期)."""
    found = counted_sets(text) + ordinal_goals(text) + double_numerals(text) + digit_slogans(text)
    if periods:
        found += plan_periods(text)
    return [_Cand(s, e, text[s:e], "pattern", (), kind, n) for s, e, kind, n in found]


def _paired_candidates(text: str) -> list[_Cand]:
    """Unquoted interleaved numerals N A N B (三严三实, 两学一做, 三去一降一补), idioms excluded."""
    out = []
    wc = word_classes()
    for m in _PAIRED_RE.finditer(text):
        form = m.group()
        s, e = m.span()
        if form[0] == "一" and form[2] == "一":
            continue  # 一X一Y (一点一滴, 一家一户) is too often ordinary language
        letters = form[1::2]
        if any(ch in _UNIT_CHARS or ch in _CN or ch == "点" for ch in letters):
            continue
        if any(wc.is_idiom(text[max(0, s - k) : s - k + 4]) for k in range(4)) or wc.is_idiom(form):
            continue  # inside or over an idiom: 独一无二, 四面八方
        if wc.tag(form[:2]) not in (None, "m"):
            continue  # 二者一柔一刚, 三山五岳: the numeral starts an ordinary word
        if e < len(text) and text[e] not in _CLOSING_CHARS and not text.startswith(HEAD_NOUNS, e):
            continue
        out.append(_Cand(s, e, form, "pattern", (), "paired", None))
    return out


def _counted_candidates(text: str) -> list[_Cand]:
    """Unquoted N个 + one verbal/adjectival word (两个维护) and N大 + a short abstract head
    (三大攻坚战), each closed by punctuation or a function word."""
    out = []
    wc = word_classes()
    for m in _COUNTED_RE.finditer(text):
        n = parse_number(m.group(1))
        if n is None or n < 2:
            continue
        cls = m.group(2)
        i = m.start(3)
        end = _head_end(text, i, 5 if cls == "个" else 4)
        if end is None or end - i < 2:
            continue
        head = text[i:end]
        if cls == "个":
            if n > 20 or wc.first_word(head) != head or wc.tag(head) not in _HEAD_TAGS or head.startswith(_DEGREE):
                continue
        elif (
            n > 10
            or head.startswith(_MEETING_TAIL)
            or head[0] in _UNIT_CHARS
            or head[-1] in _CONCRETE_END
            or head.startswith(_DEGREE)
        ):
            continue
        out.append(_Cand(m.start(), end, text[m.start() : end], "pattern", (), "counted", n))
    return out


@extractor(
    name="formulas",
    kind="formula",
    label="numbered formula",
    label_zh="数字概括语",
    colour="#ffe082",
    help="numbered formulas such as 两个维护",
    style="bold-marker",
    label_columns=("canonical", "expansion"),
    in_report=True,
    order=30,
    formatter="format_for_terminal",
)
def find_formulas(
    source: Source,
    lexicon: str | Path | FormulaLexicon | None = None,
    *,
    unknown: bool = True,
    periods: bool = True,
    min_support: int = 2,
) -> pd.DataFrame:
    """Numbered formulas in *source*, one row per occurrence.

    Parameters
    ----------
    source : str, Document, Corpus or list of them (see :mod:`policytext.corpus.source`).
    lexicon : ``None`` for the bundled ``lexicons/formulas.tsv``, a path to a TSV in the same
        format, or a loaded :class:`~policytext.extract.formulas.lexicon.FormulaLexicon`.
    unknown : also find formulas the lexicon does not list (``known=False``).
    periods : report Five-Year Plan periods (“十四五”, 十五五时期) as kind ``plan_period`` with the plan's
        ordinal as ``number`` (on by default: a scholar counting 提法 counts them).
    min_support : an unlisted, unquoted N个/N大 form (两个维护-like) counts only when it occurs
        at least this often in the whole source; quoted and interleaved (两学一做) forms need one.

    Returns
    -------
    DataFrame with ``doc_id, formula, start, end, number, canonical, expansion, known, kind,
    first_year, sense, quoted, method, year, first_seen, match``; ``text[start:end] == formula ==
    match``. ``first_year`` is the lexicon's year of first official use; ``first_seen`` the
    earliest document year of the same canonical form in *source* (``None`` without years)
    (quotation marks are never part of the span; ``quoted`` says whether they surround it).
    ``method`` says how the row was found: ``lexicon``, ``quoted`` (an unlisted quoted term
    shaped like a formula), ``pattern`` (an unlisted unquoted shape) or ``recurrence`` (an
    unlisted form found by shape elsewhere in the source).
    """
    check_at_least(1, min_support=min_support)
    lex = _get_lexicon(lexicon)
    docs = list(iter_source(source))
    per_doc: list[list[_Cand]] = []
    weak: dict[int, list[_Cand]] = {}  # unlisted N个/N大 shapes below min_support, per document
    discovered: dict[str, _Cand] = {}
    for _, text, _ in docs:
        cands = _lexicon_candidates(text, lex)
        if unknown:
            in_quotes, parts = _quoted_candidates(text, lex, periods)
            found = in_quotes + _paired_candidates(text) + _counted_candidates(text)
            for c in found + parts:
                prev = discovered.get(c.form)
                if prev is None or (prev.method == "pattern" and c.method == "quoted"):
                    discovered[c.form] = c
            cands += [c for c in found if c.method == "quoted"] + _shape_candidates(text, periods)
        per_doc.append(cands)
    if discovered:
        # recurrence: an unlisted form found anywhere counts wherever it recurs (quoted or not);
        # two-character forms (“四早”) only in quotation marks, they are too often parts of words
        rx = _alternation(tuple(f for f in discovered if len(f) >= 3 and f not in lex.by_form))
        hits: list[list[_Cand]] = []
        support: dict[str, int] = {}
        for _, text, _ in docs:
            extra = []
            for m in rx.finditer(text):
                d = discovered[m.group()]
                method = "recurrence-quoted" if d.method == "quoted" else "recurrence"
                extra.append(_Cand(m.start(), m.end(), m.group(), method, (), d.kind, d.number))
                support[m.group()] = support.get(m.group(), 0) + 1
            hits.append(extra)
        for k, extra in enumerate(hits):
            strong = [
                c
                for c in extra
                if c.method == "recurrence-quoted" or c.kind == "paired" or support.get(c.form, 0) >= min_support
            ]
            per_doc[k] += strong
            weak[k] = [c for c in extra if c not in strong]
    rows: list[dict[str, Any]] = []
    for k, ((doc_id, text, meta), cands) in enumerate(zip(docs, per_doc)):
        year = _year(meta)
        for c in _with_coordinated(_resolve(cands), weak.get(k, []), text):
            quoted = _is_quoted(text, c.start, c.end)
            row: dict[str, Any] = {
                "doc_id": doc_id,
                "formula": c.form,
                "match": c.form,
                "start": c.start,
                "end": c.end,
                "quoted": quoted,
                "year": year,
            }
            if c.entries:
                e, certain = choose_sense(c.entries, text, c.start, c.end, year)
                shown = e or c.entries[0]  # without a sense, what all meanings share: form, number, kind
                row.update(
                    number=shown.number,
                    canonical=shown.canonical,
                    expansion=e.expansion if e else None,
                    known=True,
                    kind=shown.kind,
                    first_year=(e.first_year or None) if e else None,
                    sense=e.sense if e else None,
                    sense_certain=certain,
                    method="lexicon",
                )
            else:
                method = {"recurrence-quoted": "recurrence"}.get(c.method, c.method)
                if method == "recurrence":
                    method = (
                        "quoted"
                        if quoted
                        else (
                            "pattern" if discovered[c.form].method == "pattern" and c.kind != "paired" else "recurrence"
                        )
                    )
                row.update(
                    number=c.number,
                    canonical=lex.form_to_canonical.get(c.form, c.form),
                    expansion=None,
                    known=False,
                    kind=c.kind,
                    first_year=None,
                    sense=None,
                    sense_certain=None,
                    method=method,
                )
            rows.append(row)
    first_seen: dict[str, int] = {}
    for r in rows:
        if r["year"] is not None:
            c = r["canonical"]
            first_seen[c] = min(first_seen.get(c, r["year"]), r["year"])
    for r in rows:
        r["first_seen"] = first_seen.get(r["canonical"])
    df = to_frame(rows, FORMULA_COLUMNS)
    return object_columns(
        df, ints=("number", "sense", "year", "first_seen"), others=("expansion", "first_year", "sense_certain")
    )


# what may stand between two formulas of one list: a separator and perhaps a short verb
# (增强“四个意识”、坚定“四个自信”、做到两个维护)
_COORDINATION = re.compile(f"[”’」]?(?:、|，|和|与|及|以及)[“‘「]?(?:[{_HAN}]{{1,2}}[“‘「]?)?")


def _with_coordinated(taken: list[_Cand], weak: list[_Cand], text: str) -> list[_Cand]:
    """Add weak shapes coordinated with a formula already taken: in 增强四个意识、做到两个坚决
    the unlisted 两个坚决 stands in a list of formulas, which is evidence enough."""
    if not weak or not taken:
        return taken
    added = True
    while added:
        added = False
        ends = {c.end for c in taken}
        starts = {c.start for c in taken}
        for w in weak:
            if any(w.start < c.end and c.start < w.end for c in taken):
                continue
            before = any(_COORDINATION.fullmatch(text, e, w.start) for e in ends if w.start - 6 <= e <= w.start)
            after = any(_COORDINATION.fullmatch(text, w.end, s) for s in starts if w.end <= s <= w.end + 6)
            if before or after:
                taken = sorted([*taken, w], key=lambda c: c.start)
                added = True
                break
    return taken


def _year(meta: dict[str, Any]) -> int | None:
    """The document's year from ``meta["year"]`` (int, numpy int or digit string) or ``meta["date"]``."""
    y = meta.get("year")
    if isinstance(y, numbers.Integral) and not isinstance(y, bool):
        return int(y)
    if isinstance(y, str) and y.strip().isdigit():
        return int(y.strip())
    d = meta.get("date")
    return getattr(d, "year", None)


def _get_lexicon(lexicon: str | Path | FormulaLexicon | None) -> FormulaLexicon:
    if lexicon is None:
        return load_formula_lexicon()
    if isinstance(lexicon, FormulaLexicon):
        return lexicon
    return parse_formula_lexicon(lexicon)


def format_for_terminal(df: pd.DataFrame) -> str:
    """A readable listing for ``policytext extract formulas|meetings|quotes|references`` without ``-o``."""
    if df.empty:
        return "no findings\n"
    if "formula" in df.columns:
        cols = ["doc_id", "formula", "start", "end", "canonical", "number", "known", "kind", "year"]
    elif "body" in df.columns:
        cols = ["doc_id", "match", "start", "end", "kind", "level", "congress", "plenum", "session"]
    elif "title" in df.columns:
        cols = ["doc_id", "title", "start", "end", "kind"]
    else:
        cols = [c for c in ("doc_id", "match", "start", "end", "head_noun") if c in df.columns]
    return df[[c for c in cols if c in df.columns]].to_string(index=False) + "\n"
