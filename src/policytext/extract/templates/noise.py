"""What template mining must not take for a frame: names, places and address chains.

News reports repeat the names of people, institutions and places (邱勇, 清华大学, 仙林校区)
and address chains (山东省济南市历下区泉城路街道); mined naively they come out as frames
(清华大学{}, 在仙林校区{}) or as the fillers of one. :class:`NameFilter` tells them apart by
the Segmenter's POS tags (``nr*`` person, ``ns`` place, ``nt`` institution) and by a list of
the mainland's administrative divisions (``lexicons/templates_places.txt``, from the MIT
licensed package cpca; short forms such as 山东 are derived from 山东省 here).

>>> f = NameFilter(None)
>>> f.is_place("济南"), f.is_place("发展")
(True, False)
>>> f.is_address_chain("山东省济南市历下区泉城路街道"), f.is_address_chain("乡村振兴")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..._util.lexicon_files import lexicon_path, read_lexicon_lines
from ...segment.segmenter import Segmenter

__all__ = ["NameFilter", "place_names"]

#: Suffixes of administrative divisions and of the parts of an address.
_ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "州", "盟", "县", "区", "旗")
_ADDRESS_UNIT = (
    r"(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗|镇|乡|街道|村|社区|路|街|巷|大道|号|栋|楼|室|校区)"
)
_UNIT_ENDS = frozenset("区州县市省盟旗镇乡道村路街巷号栋楼室")
#: Two last characters of address units, anywhere in a text (the cheap test before :data:`_ADDRESS_RE`).
_TWO_UNIT_ENDS = re.compile("[{0}].*[{0}]".format("".join(sorted(_UNIT_ENDS))), re.DOTALL)
#: Two or more address units in a row (山东省济南市, 历下区泉城路街道, 仙林校区…号).
_ADDRESS_RE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?" + _ADDRESS_UNIT + r"){2,}")
#: Longest filler whose POS tags are read to tell a name (longer names are caught by the list and the chain rule).
_MAX_NAME_CHARS = 4
#: POS tags of names: persons (nr, nrfg, nrt), places (ns), institutions (nt).
NAME_TAGS = ("nr", "ns", "nt")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of the bundled division list, with their short forms (山东省 → 山东, 济南市 → 济南)."""
    names: set[str] = set()
    for _, line in read_lexicon_lines(lexicon_path("templates_places.txt")):
        name = line.strip()
        names.add(name)
        for suf in _ADMIN_SUFFIXES:
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                names.add(name[: -len(suf)])
                break
    return frozenset(names)


class NameFilter:
    """Tests for names, places and address chains, with the POS tags of *segmenter* (optional).

    *tags*, when given, is where the tags of the texts read are kept (a store that outlives the
    filter, e.g. one kept with a Corpus for *segmenter*); by default they live as long as the filter.
    """

    def __init__(self, segmenter: Segmenter | None, tags: dict[str, tuple[str, ...]] | None = None):
        self.seg = segmenter
        self.places = place_names()
        self._tags: dict[str, tuple[str, ...]] = tags if tags is not None else {}

    def tags(self, text: str) -> tuple[str, ...]:
        """POS tags of the words of *text* (empty without a segmenter), cached."""
        if self.seg is None:
            return ()
        t = self._tags.get(text)
        if t is None:
            t = self._tags[text] = tuple(tok.pos or "" for tok in self.seg.tokenize(text, pos=True))
        return t

    def is_place(self, word: str) -> bool:
        return word in self.places

    @staticmethod
    def is_address_chain(text: str) -> bool:
        # two address units are needed: look for two of their last characters before running the regex
        if _TWO_UNIT_ENDS.search(text) is None:
            return False
        return _ADDRESS_RE.search(text) is not None

    def is_name_word(self, word: str) -> bool:
        """A literal word that is a person, place or institution name (邱勇, 仙林, 清华大学, 济南)."""
        if self.is_place(word):
            return True
        tags = self.tags(word)
        return len(tags) == 1 and tags[0].startswith(NAME_TAGS)

    def is_name_filler(self, filler: str) -> bool:
        """A filler that is only a name, a place or an address chain (not a policy phrase)."""
        if self.is_place(filler) or self.is_address_chain(filler):
            return True
        if len(filler) > _MAX_NAME_CHARS:  # POS tags are read only for name-sized fillers (speed)
            return False
        tags = self.tags(filler)
        return bool(tags) and all(t.startswith(NAME_TAGS) for t in tags)
