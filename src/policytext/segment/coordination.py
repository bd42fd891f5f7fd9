"""Items of a coordination that share a word: 乱检查、乱查封, 制度治党、依规治党, 自主开放和单边开放.

Policy texts coin formulations in series: the items of a list repeat one word and vary the other
(乱收费、乱罚款、乱检查、乱查封; 稳就业、稳企业; 目标导向和问题导向; 法治湖南、法治政府、法治社会).
The shared word shows that each item is one unit, so the coarse granularity keeps an item of two
tokens whole when the item next to it across a separator (``、``, 和, 与, 及, 或) shares its first or
its last token (as a string prefix or suffix of the same length: 乱罚款 is one token, 乱 | 检查 two).

Limits (precision first):

* an item is exactly two tokens, three to six characters, Han characters only, no function word
  (prepositions, particles, conjunctions, pronouns, numerals, measure words, localizers);
* neither token is a stop word of the head rules (加强, 推进, 支持, 全省 …); the shared one is not a modal or
  aspect word (有, 是, 开始, 继续 …), not an adverb of two characters or more (更加, 进一步: 更加公平、更加
  可持续 is a phrase, not two names) and, when it comes first, not a verb of two characters or more
  (加大 | 基础研究, 提供 | 诊断: a verb and its object), nor, when it comes last, a noun or a verbal noun
  after a verb (加大 | 基础研究 beside 应用基础研究; this also loses 增强现实 beside 虚拟现实); the token that
  varies has two characters or more (阜 | 黄 | 高铁 gives no 黄高铁);
* the item does not go on past the two tokens on its other side: a nominal token or a conjunction there
  (图纸 | 审查信息, 附件智能 | 审查, 市工业 | 和 | 信息化局) stops the merge, unless the item pairs across that
  side too.

What it cannot do: a verb and its object where the tagger calls the verb a noun (筹集调剂资金、引导资金流向
gives 调剂资金); an item that shares nothing with its neighbour (深化改革、扩大开放), an item of three
tokens or more (质的有效提升和量的合理增长), and an item whose neighbour continues past the window. A
coordination of ordinary phrases that happen to share a word is merged as well (住宅问题和安全问题); the
over-merge sample of ``docs/segmentation.md`` counts them.

>>> tags = {"乱": "d", "收费": "vn", "检查": "vn", "查封": "v", "、": "x", "，": "x"}.__getitem__
>>> coordinated_spans(["乱", "收费", "、", "乱", "检查", "、", "乱", "查封", "，"], tags)
[(0, 2), (3, 5), (6, 8)]
>>> tags = {"更加": "d", "公平": "a", "可持续": "v", "、": "x"}.__getitem__
>>> coordinated_spans(["更加", "公平", "、", "更加", "可持续"], tags)
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

# the tags of tokens that may modify a head: an item next to one goes on past the window
from .compounds import NOMINAL_TAGS

__all__ = ["SEPARATORS", "coordinated_spans"]

#: the tokens that join the items of a coordination
SEPARATORS = frozenset(("、", "和", "与", "及", "或"))
_CONJUNCTIONS = frozenset(("和", "与", "及", "或"))
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# tags of function words (jieba's tag set): never inside an item
_FUNCTION_TAGS = ("p", "u", "c", "r", "m", "q", "f", "x", "w", "y", "e", "o", "z", "t", "s", "k", "h")
# one-character adverbs that share nothing a name could be built on (更高、更好)
_WEAK_ADVERBS = frozenset("不更最很再又也都就才还越较已未正将均共同仍")
# modal, copular and aspect words: 有理想、有道德 is a slogan, 有决心、有能力 is not a name
_NEVER_SHARED = frozenset(
    ("有", "是", "无", "为", "要", "能", "会", "可", "没有", "只有", "开始", "继续", "进行", "加以", "予以", "给予")
)
MIN_CHARS, MAX_CHARS = 3, 6


def coordinated_spans(
    words: Sequence[str],
    tag: Callable[[str], str],
    stops: Collection[str] = (),
    *,
    at: Iterable[int] | None = None,
) -> list[tuple[int, int]]:
    """Half-open token spans ``(i, j)`` (two tokens each, non-overlapping, in order) of coordinated items
    that share a token with the item across a separator.

    *tag* gives a token's POS (jieba's tag set); *stops* are words that never count as shared (the head
    rules' stop words: governing verbs and scope words); *at*, when given, are the indices of the
    :data:`SEPARATORS` among *words*, in order (a caller that scans the tokens anyway finds them there).
    """
    n = len(words)

    def content(w: str) -> bool:
        return bool(_HAN.match(w)) and not tag(w).startswith(_FUNCTION_TAGS)

    def may_share(w: str, first: bool) -> bool:
        if w in stops or w in _NEVER_SHARED:
            return False
        t = tag(w)
        if t.startswith("d"):
            return len(w) == 1 and w not in _WEAK_ADVERBS
        return not (first and len(w) > 1 and t in ("v", "vn", "vd"))

    def shares(i: int, other: str) -> bool:
        """Whether the item ``words[i:i+2]`` shares its first or last token with the string *other*."""
        a, b = words[i], words[i + 1]
        if len(other) != len(a) + len(b) or other == a + b or a in stops or b in stops:
            return False
        if other.startswith(a) and len(b) > 1 and may_share(a, True):
            return True
        # a verb before a shared noun governs it (支持 | 基础研究 beside 应用基础研究)
        verb_object = tag(a) == "v" and tag(b) in NOMINAL_TAGS  # 加大 | 基础研究 (vn) too
        return other.endswith(b) and len(a) > 1 and may_share(b, False) and not verb_object

    def item(i: int) -> bool:
        return i >= 0 and i + 2 <= n and content(words[i]) and content(words[i + 1])

    paired: dict[int, set[str]] = {}  # start of a two-token item -> the sides across which it pairs
    seps = [k for k in (range(n) if at is None else at) if 0 < k < n - 1 and words[k] in SEPARATORS]
    # a cheap look first, in one pass (most separators join items that share nothing): two strings that share a
    # first or a last token share their first or last character
    for s in [
        k
        for k in seps
        if words[k - 1][-1:] == words[k + 1][-1:]
        or words[k - 1][:1] == words[k + 1][:1]
        or (k >= 2 and words[k - 2][:1] == words[k + 1][:1])
        or (k + 2 < n and words[k - 1][-1:] == words[k + 2][-1:])
    ]:
        before, after = words[s - 1], words[s + 1]
        first_left = words[s - 2] if s >= 2 else ""
        last_right = words[s + 2] if s + 2 < n else ""
        n_left, n_right = len(first_left) + len(before), len(after) + len(last_right)
        if not (
            (first_left and (n_left == n_right or n_left == len(after)))
            or (last_right and (n_right == n_left or n_right == len(before)))
        ):
            continue  # an item and what it pairs with have the same length
        # what stands across the separator: a two-token item or a single token; the strings are compared first,
        # the tags looked up only for a pair that shares a token
        if first_left:
            across = ((after + last_right, s + 1), (after, -1)) if last_right else ((after, -1),)
            if any(shares(s - 2, o) and item(s - 2) and (item(j) if j >= 0 else content(o)) for o, j in across):
                paired.setdefault(s - 2, set()).add("right")
        if last_right:
            across = ((first_left + before, s - 2), (before, -1)) if first_left else ((before, -1),)
            if any(shares(s + 1, o) and item(s + 1) and (item(j) if j >= 0 else content(o)) for o, j in across):
                paired.setdefault(s + 1, set()).add("left")
    out: list[tuple[int, int]] = []
    floor = 0
    for i in sorted(paired):
        sides = paired[i]
        if i < floor or not MIN_CHARS <= len(words[i]) + len(words[i + 1]) <= MAX_CHARS:
            continue
        before = words[i - 1] if i > 0 else ""
        after = words[i + 2] if i + 2 < n else ""
        if "left" not in sides and before and (before in _CONJUNCTIONS or tag(before) in NOMINAL_TAGS):
            continue  # the item may begin before the window (图纸 | 审查信息)
        if "right" not in sides and after and (after in _CONJUNCTIONS or tag(after) in NOMINAL_TAGS):
            continue  # the item may go on after it (附件智能 | 审查, 市工业 | 和 | 信息化局)
        out.append((i, i + 2))
        floor = i + 2
    return out
