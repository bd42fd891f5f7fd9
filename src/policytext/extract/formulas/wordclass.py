"""Word classes from jieba's bundled dictionary (read as a data file, not through its tokenizer).

Used to tell a formula head (两个 *维护*, 四个 *全面*) from a counted noun (两个 *国家*) and to
keep numeral idioms (四面八方, 一穷二白) out of the paired-formula pattern.

>>> wc = word_classes()
>>> wc.tag("维护"), wc.is_idiom("四面八方")
('v', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["WordClasses", "word_classes"]

# numeral idioms that jieba does not tag as idioms ('i') but that are not formulas
_EXTRA_IDIOMS = frozenset(
    "三番五次 三三两两 一五一十 五湖四海 一家一户 一年一度 一点一滴 一砖一瓦 一朝一夕 一草一木 "
    "一举一动 一言一行 一心一意 一生一世 一丝一毫 一针一线 一时一事 十有八九 三年五载 三天两头 "
    "七八十 一二三 两三年 十全十美 三山五岳 独一无二 一式两份 一式三份 一式四份".split()
)


@dataclass(frozen=True)
class WordClasses:
    """Part-of-speech tags of short dictionary words (≤ 5 characters)."""

    tags: dict[str, str]

    def tag(self, word: str) -> str | None:
        """jieba's tag of *word*, or ``None`` when it is not a dictionary word."""
        return self.tags.get(word)

    def is_idiom(self, word: str) -> bool:
        """True for a 成语/习用语 (tag ``i``) or a known numeral idiom."""
        return word in _EXTRA_IDIOMS or self.tags.get(word) == "i"

    def first_word(self, text: str, max_len: int = 5) -> str:
        """The longest dictionary word at the start of *text* (one character if none)."""
        for n in range(min(max_len, len(text)), 1, -1):
            if text[:n] in self.tags:
                return text[:n]
        return text[:1]


@lru_cache(maxsize=1)
def word_classes() -> WordClasses:
    """Load (once) the tags of words of up to five characters from jieba's ``dict.txt``."""
    tags: dict[str, str] = {}
    ref = resources.files("jieba") / "dict.txt"
    with ref.open("r", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and len(parts[0]) <= 5:
                tags[parts[0]] = parts[2]
    return WordClasses(tags)
