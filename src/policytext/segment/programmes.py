"""Programme names in their frame: 实施 | 农村饮水安全巩固提升工程, 开展 | 规范涉企执法专项行动.

Documents launch their programmes with a governing verb (实施, 开展, 启动实施 …, and 打好/打赢 for a
攻坚战) followed by the programme's full name, which ends in a programme head (…行动, …专项行动,
…行动计划, …工程, …计划, …战略, …攻坚战). Such names hold verbs of their own (巩固提升, 提质惠民,
规范, 降低), so the head compounds of :mod:`~policytext.segment.compounds`, which stop at a verb, leave
them in pieces. In the frame the verb marks where the name begins, so the coarse granularity keeps the
tokens between the governing verb and the head together as one token.

A numbered heading that is a programme's name is its own frame: ``（五）学生人工智能素养培育工程`` on a line of
its own (after 一、, （一）, 1. or 1、 at the start of a line) is the name of the part of a plan that launches
it, so the whole heading becomes one token when it ends in a programme head and its first token is not a
verb that governs it (*stops*: ``（三）推进 | 新型城镇化建设工程``).

Limits (precision first): the name follows the governing verb (or the heading's number) directly; it is two
to nine tokens and five to sixteen characters long; it holds no punctuation, space or quotation mark, no
function word or quantifier (的, 和, 一批, 一系列 …), no second governing verb and no number other than a span of years
(三年行动); scope and level words at its start (省级, 全省, 省 of 省卓越工程师…行动) are left out of it; a
head followed by a word that continues it (行动 | 方案, 工程 | 建设) is not the end. Without
the frame (the name as a subject, 某某行动取得成效) nothing is merged.

>>> words = ["深入", "实施", "农村", "饮水", "安全", "巩固", "提升", "工程", "，"]
>>> programme_spans(words)
[(2, 8)]
>>> programme_spans(["实施", "一批", "重大", "工程"])
[]
>>> programme_spans(["（", "五", "）", "学生", "人工智能", "素养", "培育", "工程", "\\n", "1"])
[(3, 8)]
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

__all__ = [
    "FRAME_TOKENS",
    "GOVERNING_VERBS",
    "HEADING_MARKS",
    "PROGRAMME_HEADS",
    "closes_heading_number",
    "programme_spans",
]

#: verbs that launch a programme by its name (read from their contexts in the shared corpus)
GOVERNING_VERBS = frozenset(
    (
        "实施", "开展", "启动", "组织实施", "深入实施", "深入开展", "启动实施", "全面实施", "扎实开展", "持续开展",
        "部署开展", "谋划实施", "推进实施", "组织开展", "大力实施", "加快实施", "积极开展", "广泛开展", "集中开展",
        "继续实施", "持续实施", "深入推进", "推进", "打好", "打赢", "坚决打好", "坚决打赢",
    )
)  # fmt: skip
# jieba cuts 打好 and 打赢 in two (打 | 好): the second half after 打 governs too
_SECOND_HALVES = {"好": "打", "赢": "打"}
#: the marks that close a heading's number (一、 （一） 1. 1、)
HEADING_MARKS = frozenset(("、", "）", ")", ".", "．"))
#: the tokens at which a frame can start (what a caller's scan looks for)
FRAME_TOKENS = GOVERNING_VERBS | frozenset(_SECOND_HALVES) | HEADING_MARKS
#: how a programme's name ends
PROGRAMME_HEADS = ("专项行动", "攻坚行动", "行动计划", "行动", "工程", "计划", "攻坚战", "战略")
# function words, quantifiers and scope words that never stand inside a programme's name
_STOPS = frozenset(
    (
        "的", "了", "和", "与", "及", "等", "好", "并", "或", "以", "在", "对", "为", "将", "把", "被", "从", "向",
        "中", "上", "下", "里", "后", "前", "时", "关于", "对于", "一批", "一系列", "系列", "多项", "若干", "各类",
        "一大批", "这", "该", "此", "本", "新一轮", "一轮", "一项", "两项", "三项", "一些", "有关", "相关", "重大",
        "重点",
    )
)  # fmt: skip
# scope and level words that open no programme's name (counted, 新建10家省级概念验证中心 gives 概念验证中心)
_LEAD_SCOPE = frozenset(
    (
        "国家级", "省级", "市级", "县级", "区级", "乡镇级", "省部级", "全省", "全市", "全县", "全区", "全州", "全盟",
        "全国", "各级", "本省", "本市", "我省", "我市", "我县", "我区", "省", "市", "县",
    )
)  # fmt: skip
_NOT_NAME_CHAR = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
_NUMBER = re.compile(r"^[一二三四五六七八九十百千万\d]+[个项批年轮]?$")
_YEARS = re.compile(r"^[一二三四五六七八九十\d]+年$")
_HEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2})$")
# a word after the head that continues the name (行动 | 方案): the head is not final
_CONTINUES = re.compile(r"^(?:方案|实施方案|计划|规划|办法|细则|意见|通知|项目|建设|资金|合作|伙伴|联盟|关系)")
# words that open a heading naming a task or a time, not a programme (确保完成年度计划, 今后五年工作计划,
# 全面推行河长制工作计划)
_TASK_OPENERS = frozenset(
    (
        "确保", "完成", "做好", "抓好", "全面", "全面推行", "推行", "进一步", "切实", "认真", "今后", "明年", "今年",
        "全年", "年度", "下一步", "下步", "近期", "当前", "继续", "持续", "不断", "着力", "大力", "积极",
    )
)  # fmt: skip
# a deictic or distributive first word: 推进各中心围绕…战略 is not a name
_DEICTIC = ("各", "我", "这", "该")
MAX_TOKENS = 9
MIN_CHARS, MAX_CHARS = 5, 16


def programme_spans(
    words: Sequence[str], *, at: Iterable[int] | None = None, stops: Collection[str] = frozenset()
) -> list[tuple[int, int]]:
    """Half-open token spans ``(i, j)`` of programme names that directly follow a governing verb, or that
    make up a numbered heading (non-overlapping, in order; two tokens or more each). Scope and level words at
    the start (省级, 全省) are not part of a name after a verb (实施省级 | 科技计划 merges nothing: 科技计划 is
    one token). *at*, when given, are the indices of the tokens of :data:`FRAME_TOKENS` among *words*, in
    order (a caller that scans the tokens anyway finds them there). *stops*: tokens that never open a
    heading's name (the governing verbs of :class:`~policytext.segment.compounds.HeadRules`)."""
    out: list[tuple[int, int]] = []
    n = len(words)
    for g in range(n) if at is None else at:
        if out and g < out[-1][1]:
            continue
        w = words[g]
        if w in HEADING_MARKS:
            span = _heading_name(words, g, stops)
            if span is not None:
                out.append(span)
            continue
        governs = w in GOVERNING_VERBS or (g > 0 and _SECOND_HALVES.get(w) == words[g - 1])
        if not governs:
            continue
        first = g + 1
        while first < n and words[first] in _LEAD_SCOPE:
            first += 1
        if first < n and (words[first].startswith(_DEICTIC) or (w == "推进" and words[first] in stops)):
            continue  # 推进各中心…; 推进 | 落实 | 乡村振兴战略 (推进 also governs a verb; 开展规范涉企…行动 is a name)
        chars = 0
        for h in range(first, min(n, first + MAX_TOKENS)):
            w = words[h]
            if not _in_name(w):
                break
            chars += len(w)
            if chars > MAX_CHARS:
                break
            if h > first and w.endswith(PROGRAMME_HEADS):
                if h + 1 < n and _CONTINUES.match(words[h + 1]):
                    break
                if chars >= MIN_CHARS:
                    out.append((first, h + 1))
                break
    return out


def closes_heading_number(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` (a mark of :data:`HEADING_MARKS`) closes a heading's number (三、 （一） 1.), so that a
    heading's name may follow; a scan calls it to leave out the many 、 of a list.

    >>> closes_heading_number(["三", "、"], 1), closes_heading_number(["乱收费", "、"], 1)
    (True, False)
    """
    return i > 0 and bool(_HEADING_NUMBER.match(words[i - 1]))


def _in_name(word: str) -> bool:
    """Whether *word* may stand inside a programme's name."""
    if not word.strip() or _NOT_NAME_CHAR.search(word) or word in _STOPS or word in GOVERNING_VERBS:
        return False
    return not (_NUMBER.match(word) and not _YEARS.match(word))


def _blank_to_line_break(words: Sequence[str], indices: Iterable[int]) -> bool:
    """Whether the tokens at *indices*, in order, are whitespace up to one that holds a line break (or up to the
    text's edge): with ``range(i - 1, -1, -1)``, ``words[i]`` starts a line; with ``range(i, len(words))``,
    ``words[i - 1]`` ends one."""
    for j in indices:
        if words[j].strip():
            return False
        if "\n" in words[j] or "\r" in words[j]:
            return True
    return True


def _heading_name(words: Sequence[str], mark: int, stops: Collection[str]) -> tuple[int, int] | None:
    """The span of the name after the heading number closed by ``words[mark]``, when the rest of the line
    is a programme's name; else ``None``."""
    if not closes_heading_number(words, mark):
        return None
    start = mark - 1
    if words[mark] in "）)":
        if mark < 2 or words[mark - 2] not in ("（", "("):
            return None
        start = mark - 2
    if not _blank_to_line_break(words, range(start - 1, -1, -1)):
        return None
    first, n = mark + 1, len(words)
    if first < n and words[first] in (" ", "\u3000", "  "):  # 1. 科技创新…行动: a space after the number
        first += 1
    if first >= n or words[first] in stops or words[first] in _LEAD_SCOPE or words[first].startswith(_DEICTIC):
        return None
    if words[first] in _TASK_OPENERS:
        return None  # a task or a time, not a name: （二）确保完成年度计划, （八）今后五年工作计划
    end, chars = first, 0
    while end < n and words[end].strip():
        if not _in_name(words[end]) or end - first >= MAX_TOKENS:
            return None
        chars += len(words[end])
        end += 1
    if not _blank_to_line_break(words, range(end, n)):
        return None  # a space inside the line: not a heading of one name
    if end - first < 2 or not MIN_CHARS <= chars <= MAX_CHARS or not words[end - 1].endswith(PROGRAMME_HEADS):
        return None
    return first, end
