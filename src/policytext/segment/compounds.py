"""Compounds recognised by their heads: 乡镇综合文化站, 退役军人服务站, 矛盾纠纷调解中心.

Most formulations a lexicon has never seen are noun compounds of known words ending
in a *head* that names an institution, programme or mechanism (…中心, …站, …平台,
…机制, …工程, …示范区 …). The coarse granularity merges such runs of word tokens
by rule (:class:`HeadRules`, lists in ``lexicons/heads.txt``):

* **head**: the last token is a head (``中心``), a noun ending in one (``文化站``,
  ``服务中心``), or the last two or three tokens spell a head (``示范`` + ``点``);
  a head directly followed by another noun is not final (``平台经济``) and is left alone;
* **modifiers**, walking left from the head: nouns (``n*``), distinguishing words
  (``b``: 县级), abbreviations (``j``), fixed expressions (``l``), verbal nouns
  (``vn``: 服务, 综合) and the listed modifiers (新时代, 智慧 …); a plain verb (``v``:
  调解, 实践) only directly before the head;
* **limits**: at most ``max_chars`` characters and ``max_words`` tokens; never across
  punctuation, quotes, spaces, numbers or function words (their tags are not
  nominal); never a *stop* token inside (governing verbs such as 加强, 推进, scope
  words such as 全省, 各级); never a leading verb (verbal tokens at the left edge are
  dropped: 加强基层党建示范点建设 → 加强 | 基层党建示范点 | 建设).

>>> rules = HeadRules.load()
>>> tags = {"加强": "v", "基层党建": "n", "示范": "vn", "点": "n", "建设": "vn"}
>>> rules.merge_spans(["加强", "基层党建", "示范", "点", "建设"], tags.__getitem__)
[(1, 4)]
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from .._util.lexicon_files import lexicon_path, read_lexicon_lines
from ..errors import InputError

__all__ = ["NOMINAL_TAGS", "EndMemo", "HeadRules", "count_heads", "default_rules"]

# tags of tokens that may modify a head (jieba's tag set; nr/nrt because jieba tags some
# common nouns as names: 智慧, 文明)
NOMINAL_TAGS = frozenset(("n", "nz", "nt", "ns", "nl", "ng", "nr", "nrt", "j", "b", "l", "an", "vn"))
_HEAD_TAGS = frozenset(("n", "nz", "nl", "ng", "vn", "l", "j"))  # not nt: 国务院 is a name, not …院
_KINDS = ("head", "vhead", "modifier", "stop", "after")
_VERBAL = frozenset(("v", "vn"))
# heads of systems and programmes: a long head word of verb + such a head (建设工程, 保障体系, 调整机制) takes
# modifiers; one of an institution (服务平台, 服务中心, 工作室) is a name's head and does not
_SYSTEM_HEADS = frozenset(("体系", "机制", "制度", "工程", "计划", "行动", "清单", "体制"))
_LEAD_TAGS = NOMINAL_TAGS - {"vn", "nr", "nrt"}  # jieba tags some verb phrases nr (严格执行)
_BLOCK_NEXT = frozenset(("n", "nz", "nt", "ng", "nl", "ns"))


class EndMemo:
    """What :meth:`HeadRules.merge_spans` learned about tokens, for one :class:`HeadRules` and one set of
    *tag*, *lead* and *known* functions (the caller keeps it between calls; every table is bounded).

    ``seen``/``ends``: which tokens can end a head. ``alone``, ``modifier``, ``leading``: whether a token is
    a head by itself, may modify a head, may open a compound. Each is a function of the token alone (and of
    the rules and functions the memo is kept for), so what is remembered never depends on the context.
    """

    LIMIT = 500_000  # of seen
    TABLE_LIMIT = 200_000  # of each of the other tables

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.ends: set[str] = set()
        self.alone: dict[str, bool] = {}
        self.modifier: dict[str, bool] = {}
        self.leading: dict[str, bool] = {}

    def learn(self, table: dict[str, bool], word: str, value: bool) -> bool:
        """Remember *value* for *word* in *table* (``alone``, ``modifier`` or ``leading``) unless that table
        is full (what it holds is a function of the word, so a full table only stops learning); return *value*."""
        if len(table) < self.TABLE_LIMIT:
            table[word] = value
        return value

    def ends_among(self, words: set[str], can_end: Callable[[str], bool]) -> set[str]:
        """The members of *words* that can end a head, learning the unseen ones with *can_end*.

        A memo that would overflow is cleared *before* the words of this call are recorded, so one call
        never loses what it needs, and the answer never depends on the order in which words were met.

        >>> memo = EndMemo()
        >>> sorted(memo.ends_among({"中心", "发展"}, lambda w: w == "中心"))
        ['中心']
        """
        unseen = words - self.seen
        if len(self.seen) + len(unseen) > self.LIMIT:
            self.seen.clear()
            self.ends.clear()
            unseen = set(words)
        for w in unseen:
            self.seen.add(w)
            if can_end(w):
                self.ends.add(w)
        return words & self.ends


@dataclass(frozen=True)
class HeadRules:
    """Head list, modifiers and stop tokens, with the length limits of a compound.

    ``HeadRules.load()`` reads ``lexicons/heads.txt``: ``kind<TAB>word<TAB>count<TAB>note``
    per line, *kind* one of ``head``, ``vhead`` (a head that is also a verb: it ends a compound
    only when no verb follows), ``modifier``, ``stop``.
    """

    heads: frozenset[str]
    verbal_heads: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    stops: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    max_chars: int = 12
    max_words: int = 6
    max_head_chars: int = 3
    _by_last: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_chars < 2 or self.max_words < 2:
            raise InputError(f"max_chars and max_words must be at least 2, got {self.max_chars}, {self.max_words}")
        by_last: dict[str, list[str]] = {}
        for h in sorted(self.heads, key=lambda h: (-len(h), h)):
            by_last.setdefault(h[-1], []).append(h)
        self._by_last.update({k: tuple(v) for k, v in by_last.items()})
        # the last token of a head spelled by several tokens is one of its proper suffixes
        object.__setattr__(self, "_stop_prefixes", tuple(sorted(p for p in self.stops if len(p) > 1)))
        object.__setattr__(self, "_tails", frozenset(h[i:] for h in self.heads for i in range(1, len(h))))

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, **limits: int) -> HeadRules:
        """Rules from a heads file (default: the bundled ``lexicons/heads.txt``)."""
        p = lexicon_path("heads.txt") if path is None else path
        sets: dict[str, set[str]] = {k: set() for k in _KINDS}
        for lineno, line in read_lexicon_lines(p):
            parts = line.split("\t")
            if len(parts) < 2 or parts[0] not in sets or not parts[1] or any(c.isspace() for c in parts[1]):
                raise InputError(f"{p}, line {lineno}: expected 'head|modifier|stop<TAB>word[<TAB>…]', got {line!r}")
            sets[parts[0]].add(parts[1])
        return cls(
            frozenset(sets["head"] | sets["vhead"]),
            frozenset(sets["vhead"]),
            frozenset(sets["modifier"]),
            frozenset(sets["stop"]),
            frozenset(sets["after"]),
            **limits,
        )

    @property
    def fingerprint(self) -> str:
        """A short hash of the lists and limits (part of a Segmenter's cache key)."""
        h = hashlib.sha1(repr((self.max_chars, self.max_words, self.max_head_chars)).encode())
        for name in ("heads", "verbal_heads", "modifiers", "stops", "after"):
            h.update(("\n".join(sorted(getattr(self, name))) + "\x00").encode())
        return h.hexdigest()[:12]

    def could_end(self, word: str, tag: Callable[[str], str], known: Callable[[str], bool] | None = None) -> bool:
        """Whether a head can end with the token *word* (alone or after the tokens before it)."""
        if word in self._tails or word in self.heads:  # type: ignore[attr-defined]
            return True
        return (known is None or known(word)) and self._head_alone(word, tag)

    def _head_start(self, words: Sequence[str], j: int, tag: Callable[[str], str], memo: EndMemo) -> int:
        """Index of the first token of the head ending at token *j*, or -1 (*memo* remembers :meth:`_head_alone`)."""
        w = words[j]
        if w in self._tails:  # type: ignore[attr-defined]
            for k in (j - 2, j - 1):
                # a head spelled by the tokens before (示范 + 区 = 示范区): its last token is a head's tail
                if k >= 0 and "".join(words[k : j + 1]) in self.heads:
                    return k
        # no head spelled by several tokens: what is left depends on the token alone, so it is remembered
        alone = memo.alone.get(w)
        if alone is None:
            alone = memo.learn(memo.alone, w, self._head_alone(w, tag))
        return j if alone else -1

    def _head_alone(self, w: str, tag: Callable[[str], str]) -> bool:
        """Whether the token *w* is a head by itself: a head word, or a word that ends in one."""
        if w in self.heads:
            # a one-character token is a head only as a noun (所 is mostly a particle, 站 a verb)
            return len(w) > 1 or tag(w) in _HEAD_TAGS
        if len(w) < 2:
            return False
        # a one-character head only ends words of three or more (文化站, not 网站 or 格局); the word's
        # tag is looked up only when a head ends it (most words end in none: no tag needed)
        ending = [
            h for h in self._by_last.get(w[-1], ()) if len(h) < len(w) and w.endswith(h) and (len(h) > 1 or len(w) >= 3)
        ]
        if ending and tag(w) in _HEAD_TAGS:
            for h in ending:
                if self._head_prefix(w[: -len(h)], tag):  # 文化|站, 服务|中心, 住房保障|体系; not 按|计划
                    return True
        return False

    def _head_prefix(self, pre: str, tag: Callable[[str], str]) -> bool:
        """Whether *pre* may stand before a head inside one word: a nominal word, or a verb of two or
        more characters that is not a governing verb (住房保障|体系, 调整|机制; not 按|计划, 建立|机制)."""
        t = tag(pre)
        if t in NOMINAL_TAGS:
            return True
        return t == "v" and len(pre) > 1 and pre not in self.stops and not pre.startswith(self._stop_prefixes)  # type: ignore[attr-defined]

    def _verbal_head_word(self, w: str, tag: Callable[[str], str]) -> bool:
        """Whether a long head word is a verb plus the head of a system or programme (建设工程, 服务体系,
        调整机制): such a word is not a name by itself and takes modifiers (人工智能教师队伍 | 建设工程)."""
        for h in self._by_last.get(w[-1], ()):
            if len(h) < len(w) and w.endswith(h) and h in _SYSTEM_HEADS:
                pre = w[: -len(h)]
                return pre not in self.stops and tag(pre) in _VERBAL and not pre.startswith(self._stop_prefixes)  # type: ignore[attr-defined]
        return False

    def _modifier(self, w: str, tag: Callable[[str], str], memo: EndMemo) -> bool:
        """Whether *w* may modify a head: a listed modifier, or a nominal token that is not a stop token."""
        m = memo.modifier.get(w)
        if m is None:
            m = memo.learn(memo.modifier, w, w in self.modifiers or (w not in self.stops and tag(w) in NOMINAL_TAGS))
        return m

    def _leading(self, w: str, lead: Callable[[str], str], memo: EndMemo) -> bool:
        """Whether *w* may open a compound: a listed modifier, or a noun of two or more
        characters whose first word is nominal (not 发展…, 严格执行…) and that does not
        start with a stop word of two or more characters (全面推广, 超额完成)."""
        m = memo.leading.get(w)
        if m is None:
            m = memo.learn(memo.leading, w, self._opens(w, lead))
        return m

    def _opens(self, w: str, lead: Callable[[str], str]) -> bool:
        """:meth:`_leading` without the memo."""
        if w in self.modifiers:
            return True
        if w.startswith(self._stop_prefixes):  # type: ignore[attr-defined]
            return False  # 全面推广, 超额完成: an adverb or verb opens it
        return len(w) > 1 and lead(w) in _LEAD_TAGS

    def end_words(
        self,
        words: set[str],
        tag: Callable[[str], str],
        memo: EndMemo,
        *,
        known: Callable[[str], bool] | None = None,
    ) -> set[str]:
        """The members of *words* (a set of tokens) that can end a head, learned into *memo*.

        >>> tags = {"文化站": "n", "文化": "n", "建好": "v"}
        >>> sorted(HeadRules.load().end_words({"文化站", "建好"}, tags.__getitem__, EndMemo()))
        ['文化站']
        """
        return memo.ends_among(words, lambda w: self.could_end(w, tag, known))

    def merge_spans(
        self,
        words: Sequence[str],
        tag: Callable[[str], str],
        memo: EndMemo | None = None,
        *,
        known: Callable[[str], bool] | None = None,
        lead: Callable[[str], str] | None = None,
        at: Iterable[int] | None = None,
    ) -> list[tuple[int, int]]:
        """Half-open token spans ``(i, j)`` (two or more tokens each, non-overlapping,
        in order) that form head compounds.

        *tag* gives a token's POS; *lead* the POS of a token's first word (default *tag*),
        which decides whether it may open a compound; *known* whether a token is a
        dictionary word (a word the HMM guessed never serves as a head by its ending);
        *memo* (kept by the caller for the same functions) remembers which tokens can end a head.
        *at*: the indices, in order, of the tokens of *words* that can end a head, when the caller
        has found them (the members of :meth:`end_words` of ``set(words)`` with this *memo*; a caller
        that scans the tokens for other marks too finds them in the same scan); by default they are
        found here."""
        lead = lead or tag
        spans: list[tuple[int, int]] = []
        n = len(words)
        floor = 0  # no span reaches left of the previous one's end
        if memo is None:
            memo = EndMemo()
        if at is None:
            found = self.end_words(set(words), tag, memo, known=known)
            if not found:
                return spans
            at = compress(range(n), map(found.__contains__, words))
        # after end_words, a token of *words* is in memo.ends exactly when it can end a head
        ends = memo.ends
        for j in at:
            w = words[j]
            k = self._head_start(words, j, tag, memo)
            if k < floor:
                continue
            if k == j and (j == floor or not self._modifier(words[j - 1], tag, memo)):
                continue  # a one-token head with no modifier before it: nothing to merge (most of them)
            if j + 1 < n and words[j + 1].strip():
                t_next = tag(words[j + 1])
                if (t_next in _BLOCK_NEXT and words[j + 1] not in ends and words[j + 1] not in self.after) or (
                    t_next[:1] == "v" and (tag(w)[:1] == "v" or "".join(words[k : j + 1]) in self.verbal_heads)
                ):
                    # the head is not final (平台 | 经济, 中心 | 村; but 文化站 | 工程 ends one compound
                    # before the next), or a verbal head is a verb here (计划 | 投资)
                    continue
            chars = sum(map(len, words[k : j + 1]))
            if k == j and len(w) > self.max_head_chars and not self._verbal_head_word(w, tag):
                continue  # a long head word is a name already (名师工作室, 长效机制): it takes no modifiers
            i = k
            while i - 1 >= floor and j + 1 - (i - 1) <= self.max_words:
                prev = words[i - 1]
                if chars + len(prev) > self.max_chars:
                    break
                if prev in ends and prev not in self.modifiers:
                    break  # a complete compound of its own (负面清单 | 制度)
                if not self._modifier(prev, tag, memo):
                    break
                if prev not in self.modifiers and tag(prev)[:1] == "v" and i < k:
                    # a verbal noun inside modifies what follows only if that is verbal too
                    # (监测预警平台); before a noun it governs it (龙头企业 | 建设 | 产业集群)
                    nxt = words[i]
                    if nxt not in self.modifiers and tag(nxt)[:1] != "v":
                        break
                i -= 1
                chars += len(prev)
            while i < k and not self._leading(words[i], lead, memo):
                i += 1  # never a leading verb, function word or stray character
            if (i < k or k < j) and j + 1 - i >= 2:
                # a compound with modifiers, or a head spelled by several tokens
                spans.append((i, j + 1))
                floor = j + 1
        return spans


@lru_cache(maxsize=1)
def default_rules() -> HeadRules:
    """The bundled rules (``lexicons/heads.txt``), loaded once."""
    return HeadRules.load()


def count_heads(tagged: Iterable[Sequence[tuple[str, str]]], min_modifiers: int = 1) -> Counter:
    """How often each noun ends a run of nominal tokens (the candidates for the head list).

    *tagged* is ``(word, tag)`` sequences (``Segmenter(granularity="word").tokenize(t, pos=True)``);
    a run's last noun counts once per run with at least *min_modifiers* nominal tokens before it.
    This is how ``lexicons/heads.txt`` was curated: counts over the local and national
    documents, then read by hand (institutions, programmes, mechanisms kept).

    >>> count_heads([[("乡镇", "n"), ("文化站", "n"), ("。", "x")]])
    Counter({'文化站': 1})
    """
    out: Counter = Counter()
    for seq in tagged:
        run = 0
        for idx, (w, t) in enumerate(seq):
            nxt = seq[idx + 1][1] if idx + 1 < len(seq) else "x"
            if t in NOMINAL_TAGS:
                if t[:1] == "n" and nxt not in NOMINAL_TAGS and run >= min_modifiers:
                    out[w] += 1
                run += 1
            else:
                run = 0
    return out
