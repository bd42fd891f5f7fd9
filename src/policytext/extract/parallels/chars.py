"""What a single character is on its own, by jieba's dictionary: the part of speech of one-character
entries, for shapes that hinge on one character (a verb–object item of two characters: 兴业, 强县, 富民).

>>> char_tag("扩"), char_tag("价"), char_tag("𠀀")
('v', 'n', None)
>>> verb_object_pairs(["兴业", "强县", "富民"]), verb_object_pairs(["汽车", "数码", "家电"])
(True, False)
>>> verb_object_pairs(["消费", "投资", "出口"])
False
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["char_tag", "verb_object_pairs", "word_freq"]

#: tags of a character that can stand as the verb of a two-character verb–object item (稳岗, 强县)
VERBISH = frozenset({"v", "vn", "vg", "vd", "vi", "a", "ad", "ag", "an"})


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, str], dict[str, int]]:
    """jieba's main dictionary, the part it is asked about: the tags of one-character entries and the
    frequencies of two-character ones (read once, about 0.3 s)."""
    import jieba

    tags: dict[str, str] = {}
    freq: dict[str, int] = {}
    with jieba.get_dict_file() as fh:
        for raw in fh:
            parts = raw.decode("utf-8").split()
            if len(parts) != 3:
                continue
            if len(parts[0]) == 1:
                tags[parts[0]] = parts[2]
            elif len(parts[0]) == 2:
                freq[parts[0]] = int(parts[1])
    return tags, freq


#: a two-character word this frequent in jieba's dictionary is a common word (消费, 投资, 统计), not a
#: slogan's abbreviation (兴业 70, 强县 8, 稳岗 absent)
COMMON_WORD = 300


def char_tag(ch: str) -> str | None:
    """jieba's tag of the one-character word *ch*, or None when the dictionary lacks it."""
    return _dictionary()[0].get(ch)


def word_freq(word: str) -> int:
    """The frequency of the two-character word *word* in jieba's dictionary (0 when absent)."""
    return _dictionary()[1].get(word, 0)


def verb_object_pairs(items: list[str]) -> bool:
    """Two or more distinct two-character items each a verb and its object: opening with a character that
    is a verb or an adjective on its own and closing with a nominal one (兴业、强县、富民; not 健康、养老、托育,
    whose second characters are adjectives and verbs; 上云 and 用数 are missed: jieba tags 上 and 用 as a
    locative and a preposition). One item may open with a character jieba tags as a surname (富, 惠): the
    tag of such characters says nothing about their use in a slogan; of three or more items, one may close
    with a non-nominal character and one may be a common word of the dictionary (治国 in 修身、齐家、治国;
    消费、投资、出口 are common words, a list).
    """
    if len(items) < 2 or len(set(items)) < len(items) or any(len(t) != 2 for t in items):
        return False
    tags = [char_tag(t[0]) for t in items]
    surnames = sum(t == "nr" for t in tags)
    if surnames > 1 or not all(t in VERBISH or t == "nr" for t in tags):
        return False
    # the second character is the object: a noun or a bound morpheme (业, 县, 民, 岗, 质), in all but one
    objects = sum(_nominal(t[1]) for t in items)
    if objects < len(items) - 1 or (objects < len(items) and len(items) < 3):
        return False
    # common words of the dictionary side by side are a list (消费、投资、出口), not a slogan
    return sum(word_freq(t) >= COMMON_WORD for t in items) <= (1 if len(items) >= 3 else 0)


def _nominal(ch: str) -> bool:
    tag = char_tag(ch)
    return tag is None or tag[:1] in ("n", "z", "q")  # zg: a bound morpheme (县); q: 家 in 齐家
