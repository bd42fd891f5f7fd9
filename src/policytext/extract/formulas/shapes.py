"""Unquoted shapes of numbered formulas that nobody listed: counted sets, ordinal goals, plan periods, digits.

Each finder returns ``(start, end, kind, number)`` spans; :mod:`.finder` turns them into candidates.

* **counted sets** – N大 + a head that names a set of policies (三大攻坚战, 四大板块, 八大行动, 九大林区):
  the head must end in one of :data:`SET_HEADS` within six characters, so 三大钢厂 or 四大流域 (a count of
  concrete things) stay out; N ≤ 10 and never right after a numeral or 第.
* **ordinal goals** – 第N个 + (百年)(奋斗)目标: 第二个百年奋斗目标 (kind ``ordinal``, number = N).
* **plan periods** – 十四五, 十五五 before 时期/规划/期间/开局/末/以来… (kind ``plan_period``, number = the
  plan's ordinal); quoted “十五五” is found by :func:`~.finder.shape_of`.
* **digit slogans** – numbers joined by + with digits or N/X (“1+N”政策体系, 3+X模式, 5+2工作法, 1+3+N+X):
  counted when quoted or followed by a Han head; arithmetic between numbers with units (3+2年) is not.
  Quoted digits alone (“6997”现代化工业体系) count when a system word follows (体系, 工程, 战略, …). A count
  with digits before a noun (100个示范村, 6大特色产业集群) is a quantity or a target, never a formula.
* **双 + numeral** – 双千兆, 双一流, 双百 (kind ``abbreviation``, number 2).

>>> [t[:3] for t in counted_sets("坚决打好三大攻坚战，推动四大板块协调发展")]
[(4, 9, 'counted'), (12, 16, 'counted')]
>>> [t[:3] for t in digit_slogans("构建“1+N”政策体系和5+2工作法，3+2年")]
[(3, 6, 'digits'), (12, 15, 'digits')]
>>> plan_periods("“十四五”时期和十五五规划")
[(8, 11, 'plan_period', 15)]
"""

from __future__ import annotations

import re

from .numerals import parse_number

__all__ = [
    "SET_HEADS",
    "SYSTEM_WORDS",
    "counted_sets",
    "digit_slogans",
    "double_numerals",
    "ordinal_goals",
    "plan_periods",
]

_CN = "〇零一二两三四五六七八九十百千万"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"

#: how the head of a counted policy set ends (三大 *攻坚战*, 四大 *板块*, 八大 *行动*, 九大 *林区*)
SET_HEADS = (
    "攻坚战",
    "战役",
    "行动",
    "工程",
    "板块",
    "战略",
    "任务",
    "产业",
    "集群",
    "林区",
    "体系",
    "举措",
    "专项",
    "转型",
    "倡议",
    "片区",
    "经济区",
    "经济带",
    "计划",
    "平台",
    "目标",
    "理念",
    "机制",
    "攻坚",
    "硬仗",
    "要素",
    "功能区",
)
#: words after quoted digits (“6997”) that show the name of a system, not a number
SYSTEM_WORDS = (
    "体系",
    "工程",
    "战略",
    "模式",
    "格局",
    "布局",
    "计划",
    "行动",
    "现代化",
    "工作法",
    "机制",
    "政策",
    "发展",
)

_SET_RE = re.compile(f"(?<![{_CN}第0-9])([二两三四五六七八九十])大([{_HAN}]{{1,10}})")
_ORDINAL_RE = re.compile(f"(?<![{_CN}])第([一二两三四五六七八九十]{{1,3}})个((?:百年)?(?:奋斗)?目标)")
_PERIOD_RE = re.compile(
    f"(?<![{_CN}第0-9“‘「『\"'])(十[一二三四五六七八九]?五)(?=时期|规划|期间|开局|末|初|以来|中期|目标|发展|前|后)"
)
_DIGITS_RE = re.compile(r"(?<![0-9A-Za-z.%+])([0-9]{1,3}|[NXnx])(?:\+(?:[0-9]{1,3}|[NXnx]))+(?![0-9A-Za-z.%+])")
_QUOTED_DIGITS_RE = re.compile(r"[“‘「『\"']([0-9]{2,6})[”’」』\"']")
_DOUBLE_RE = re.compile(f"(?<![{_CN}])双([一百千万])(兆|流|创)?")
_UNITS_AFTER_DIGITS = set("年月日天岁号时分秒倍成度届次位名元亩吨斤米里人户家辆架台期份个项条种%")
_MEETING_TAIL = ("以来", "以后", "之后", "精神", "报告", "代表", "召开", "通过", "党章", "路线", "上", "前", "后")


_HEADS_LONGEST = tuple(sorted(SET_HEADS, key=len, reverse=True))
# what may continue a set head into a longer one (产业 + 集群, 产业 + 基地)
_HEAD_CONTINUATIONS = ("基地", "项目", "链群", "链", "集群", "带", "聚集区", "体系")


def _head_end(tail: str) -> int | None:
    """End of the first set head in *tail* (longest at the earliest position, then continued: 产业集群)."""
    for i in range(min(len(tail), 5)):  # the set noun starts within five characters (三大 先导 产业)
        h = next((h for h in _HEADS_LONGEST if tail.startswith(h, i)), None)
        if h is None:
            continue
        end = i + len(h)
        while True:
            nxt = next((c for c in (*_HEADS_LONGEST, *_HEAD_CONTINUATIONS) if tail.startswith(c, end)), None)
            if nxt is None:
                return end
            end += len(nxt)
    return None


def counted_sets(text: str) -> list[tuple[int, int, str, int]]:
    """N大 + a set head (三大攻坚战): ``(start, end, "counted", N)`` for each."""
    out = []
    for m in _SET_RE.finditer(text):
        n = parse_number(m.group(1))
        tail = m.group(2)
        if n is None or n < 2 or tail.startswith(_MEETING_TAIL):
            continue
        best = _head_end(tail)
        if best is None:
            continue
        # the head may not run over a clause break or a function word before its set noun
        head = tail[:best]
        if any(ch in "的和与及、" for ch in head[:-2]):
            continue
        out.append((m.start(), m.start(2) + best, "counted", n))
    return out


def ordinal_goals(text: str) -> list[tuple[int, int, str, int]]:
    """第N个(百年)(奋斗)目标: ``(start, end, "ordinal", N)``."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        n = parse_number(m.group(1))
        if n and "百年" in m.group(2):
            out.append((m.start(), m.end(), "ordinal", n))
    return out


def plan_periods(text: str) -> list[tuple[int, int, str, int]]:
    """Unquoted Five-Year Plan periods before a period word (十四五时期): ``(start, end, "plan_period", N)``."""
    out = []
    for m in _PERIOD_RE.finditer(text):
        n = parse_number(m.group(1)[:-1])
        if n and 1 <= n <= 19:
            out.append((m.start(1), m.end(1), "plan_period", n))
    return out


def digit_slogans(text: str) -> list[tuple[int, int, str, None]]:
    """Digit slogans (“1+N”, 5+2工作法, “6997”体系): ``(start, end, "digits", None)``."""
    out: list[tuple[int, int, str, None]] = []
    for m in _DIGITS_RE.finditer(text):
        s, e = m.span()
        if not any(ch.isdigit() for ch in m.group()):
            continue
        quoted = s > 0 and e < len(text) and text[s - 1] in "“‘「『\"'" and text[e] in "”’」』\"'"
        nxt = text[e : e + 1]
        han_head = bool(nxt) and "\u4e00" <= nxt <= "\u9fff" and nxt not in _UNITS_AFTER_DIGITS
        if quoted or han_head:
            out.append((s, e, "digits", None))
    for m in _QUOTED_DIGITS_RE.finditer(text):
        digits = m.group(1)
        if len(digits) == 4 and digits.startswith(("19", "20")):
            continue  # a year
        if text.startswith(SYSTEM_WORDS, m.end()):
            out.append((m.start(1), m.end(1), "digits", None))
    return out


def double_numerals(text: str) -> list[tuple[int, int, str, int]]:
    """双 + a numeral (双千兆, 双一流, 双百): ``(start, end, "abbreviation", 2)``."""
    out = []
    for m in _DOUBLE_RE.finditer(text):
        if m.group(1) == "一" and not m.group(2):
            continue  # 双一 alone is no name
        if m.group(1) in "千万" and not m.group(2):
            continue  # 双千/双万 + unit is a quantity
        out.append((m.start(), m.end(), "abbreviation", 2))
    return out
