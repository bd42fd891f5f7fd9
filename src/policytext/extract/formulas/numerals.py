"""Chinese numerals as they occur in policy language: 十九 → 19, 二十 → 20, 两 → 2.

>>> parse_number("十九"), parse_number("二十"), parse_number("两"), parse_number("一百五十六")
(19, 20, 2, 156)
>>> parse_number("一九五四"), parse_number("14"), parse_number("四两") is None
(1954, 14, True)
"""

from __future__ import annotations

import re

__all__ = ["DIGITS", "NUMERAL_CHARS", "NUMERAL_RE", "parse_number"]

#: the value of each Chinese digit (two spellings of 2: 二 and 两; 双 counts a pair)
DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10000}

#: every character that can be part of a Chinese numeral
NUMERAL_CHARS = "".join(DIGITS) + "".join(_UNITS)

#: a run of Chinese numeral characters or ASCII digits (full-width digits are normalized away upstream)
NUMERAL_RE = re.compile(f"[{NUMERAL_CHARS}]+|[0-9]+")


def parse_number(s: str) -> int | None:
    """The integer a numeral spells, or ``None`` when *s* is not a well-formed numeral.

    Accepts ASCII digits, positional Chinese numerals (十九, 二十一, 一百零五, 三万), and
    digit-by-digit years (一九五四). 两 counts as 2 only where Chinese allows it (两, 两百,
    两万; not 十两).
    """
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if any(ch not in DIGITS and ch not in _UNITS for ch in s):
        return None
    if all(ch in DIGITS for ch in s):
        if len(s) == 1:
            return DIGITS[s]
        if "两" in s:  # 两 never appears in digit-by-digit spellings
            return None
        # digit-by-digit spelling (years, codes): 一九五四
        if len(s) >= 3:
            return int("".join(str(DIGITS[ch]) for ch in s))
        return None
    return _parse_positional(s)


def _parse_positional(s: str) -> int | None:
    total = 0
    section = 0  # the part below 万
    digit: int | None = None
    last_unit = 10**9
    zero_pending = False
    for i, ch in enumerate(s):
        if ch in DIGITS:
            v = DIGITS[ch]
            if digit is not None:  # two digits in a row (四两, 三五) are not positional
                return None
            if v == 0:
                zero_pending = True
                continue
            if ch == "两" and i > 0 and s[i - 1] == "十":
                return None
            digit = v
            continue
        unit = _UNITS[ch]
        if unit == 10000:
            section += digit or 0
            digit = None
            if section == 0:
                return None
            total += section * 10000
            section, last_unit = 0, 10**9
            continue
        if unit >= last_unit:
            return None
        if digit is None:
            if unit == 10 and ((section == 0 and total == 0) or zero_pending):
                digit = 1  # 十九, 一百零十
            else:
                return None
        section += digit * unit
        digit, last_unit, zero_pending = None, unit, False
    return total + section + (digit or 0)
