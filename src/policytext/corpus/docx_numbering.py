"""Word's automatic list numbering, rendered: the 一、 （一） 1. that a ``.docx`` paragraph shows but does not hold.

A heading numbered by Word's lists (``w:numPr`` on the paragraph or on its style) keeps its number in
``word/numbering.xml``, not in its text; without it 一、总体要求 reads as 总体要求, and neither the heading
hierarchy nor the section reader can see it. :class:`ListNumbering` keeps Word's counters (one set per abstract
list, a level restarting the levels below it, ``startOverride``) and formats each label from the level's
``lvlText`` (``%1、``, ``（%2）``) and ``numFmt``. Bullets give no label.

>>> format_number(3, "chineseCounting"), format_number(12, "chineseCountingThousand")
('三', '十二')
>>> format_number(2, "decimalEnclosedCircle"), format_number(4, "upperRoman"), format_number(2, "ideographTraditional")
('②', 'IV', '乙')
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

__all__ = ["ListNumbering", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
_LEVEL_REF_RE = re.compile(r"%([1-9])")


def _chinese(n: int) -> str:
    """一 … 九十九 as documents write them (十一, 二十, 一百零五); other numbers as digits."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_DIGITS[ones] if ones else "")


def format_number(n: int, fmt: str) -> str:
    """*n* written in Word's number format *fmt* (``decimal``, ``chineseCounting``, ``ideographTraditional`` …);
    an unknown format as decimal, ``bullet`` and ``none`` as nothing."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographLegalTraditional"):  # fmt: skip
        return _chinese(n)
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= 12:
        return _EARTHLY_BRANCHES[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 780:  # AA…, up to 30 letters; beyond, digits
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, numeral in _ROMAN:
            count, rest = divmod(rest, value)
            out += numeral * count
        return out if fmt == "upperRoman" else out.lower()
    return str(n)


def _int(text: str | None, default: int) -> int:
    """*text* as an integer; *default* when it is missing or not a number (a damaged numbering part)."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


#: Word's largest list number; a damaged part's larger start values are held to it
_MAX_NUMBER = 32767


def _clamp(n: int) -> int:
    return max(0, min(n, _MAX_NUMBER))


def _level(lvl: Any) -> tuple[int, str, str]:
    """A ``w:lvl``'s ``(start, numFmt, lvlText)``."""
    return (
        _clamp(_int(_val(lvl, _W + "start"), 1)),
        _val(lvl, _W + "numFmt") or "decimal",
        _val(lvl, _W + "lvlText") or "",
    )


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(_W + "val") if found is not None else None


class ListNumbering:
    """The list labels of a ``.docx``'s paragraphs, in document order (call :meth:`label` once per paragraph).

    Built from the package's ``word/numbering.xml`` and ``word/styles.xml``; a package without numbering gives
    every paragraph an empty label.
    """

    def __init__(self, raw: bytes) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract id -> level -> (start, fmt, text)
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> (abstract id, level -> start override)
        self._style_num: dict[str, tuple[str | None, int | None]] = {}  # style id -> (num id, level)
        self._based_on: dict[str, str] = {}
        self._style_links: dict[str, str] = {}  # abstract id -> numbering style (numStyleLink)
        self._own_levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # num id -> levels of lvlOverride/lvl
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()  # num ids whose overrides were applied
        self._raw: bytes | None = raw  # read on the first paragraph that may be numbered (most files have none)

    def _load(self) -> None:
        raw, self._raw = self._raw, None
        if raw is None:
            return
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
                numbering = ET.fromstring(z.read("word/numbering.xml")) if "word/numbering.xml" in names else None
                styles = ET.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in names else None
        except (zipfile.BadZipFile, ET.ParseError, KeyError, OSError):
            return  # the text is still read; only the labels are lost
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: ET.Element) -> None:
        for abstract in root.iter(_W + "abstractNum"):
            aid = abstract.get(_W + "abstractNumId", "")
            self._levels[aid] = {_int(lvl.get(_W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(_W + "lvl")}
            link = _val(abstract, _W + "numStyleLink")
            if link:
                self._style_links[aid] = link  # the levels are those of the list the numbering style names
        for num in root.iter(_W + "num"):
            overrides = {}
            own: dict[int, tuple[int, str, str]] = {}
            for override in num.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                first = _val(override, _W + "startOverride")
                if first is not None:
                    overrides[ilvl] = _clamp(_int(first, 1))
                lvl = override.find(_W + "lvl")
                if lvl is not None:  # a whole level redefined for this list
                    own[ilvl] = _level(lvl)
                    overrides.setdefault(ilvl, own[ilvl][0])
            nid = num.get(_W + "numId", "")
            self._nums[nid] = (_val(num, _W + "abstractNumId") or "", overrides)
            if own:
                self._own_levels[nid] = own

    def _read_styles(self, root: ET.Element) -> None:
        for style in root.iter(_W + "style"):
            sid = style.get(_W + "styleId", "")
            based = _val(style, _W + "basedOn")
            if based:
                self._based_on[sid] = based
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                ilvl = _val(num_pr, _W + "ilvl")
                self._style_num[sid] = (_val(num_pr, _W + "numId"), _int(ilvl, 0) if ilvl is not None else None)

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style and style not in seen:
            seen.add(style)
            if style in self._style_num:
                return self._style_num[style]
            style = self._based_on.get(style)
        return None, None

    def _linked(self, abstract: str) -> str:
        """The abstract list whose levels *abstract* uses: itself, or, for a list that only names a numbering style
        (``numStyleLink``), the list that style's numbering points to."""
        seen: set[str] = set()
        while abstract in self._style_links and abstract not in seen:
            seen.add(abstract)
            num_id, _ = self._style_numbering(self._style_links[abstract])
            if not num_id or num_id not in self._nums:
                break
            abstract = self._nums[num_id][0]
        return abstract

    def label(self, paragraph: Any) -> str:
        """The label Word shows before *paragraph* (a ``w:p`` element, ElementTree or lxml), or ``""``; advances
        the counters, so call it for every paragraph in document order."""
        p_pr = paragraph.find(_W + "pPr") if paragraph is not None else None
        if p_pr is None or (p_pr.find(_W + "numPr") is None and p_pr.find(_W + "pStyle") is None):
            return ""
        if self._raw is not None:
            self._load()
        if not self._nums:
            return ""
        num_pr = p_pr.find(_W + "numPr")
        num_id = _val(num_pr, _W + "numId") if num_pr is not None else None
        ilvl_text = _val(num_pr, _W + "ilvl") if num_pr is not None else None
        style_num, style_ilvl = self._style_numbering(_val(p_pr, _W + "pStyle"))
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        ilvl = _int(ilvl_text, 0) if ilvl_text is not None else (style_ilvl or 0)
        abstract, overrides = self._nums[num_id]
        abstract = self._linked(abstract)
        levels = {**self._levels.get(abstract, {}), **self._own_levels.get(num_id, {})}
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for level, first in overrides.items():
                counters[level] = first - 1  # the next paragraph of that level gets *first*
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a level restarts the levels below it

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            start, fmt, _ = levels.get(level, (1, "decimal", ""))
            return format_number(counters.get(level, start), fmt)

        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return ""
        return _LEVEL_REF_RE.sub(number, text)
