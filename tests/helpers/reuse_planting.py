"""Planted text reuse for testing and benchmarking ``find_reuse``: passages copied from source texts into
receiver texts at known offsets, with character edits, reordered list items and inserted local names.

Scoring is by character overlap: recall is the share of planted characters (in the receiver) that a found
passage covers, precision the share of found characters (in the receiver) that lie in a planted passage or in
reuse that the two texts already shared before planting (found by the same call on the unplanted texts,
reported separately as ``precision_strict`` without that allowance).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

LOCAL_NAMES = (
    "济南市",
    "青岛市",
    "淄博市",
    "枣庄市",
    "东营市",
    "烟台市",
    "潍坊市",
    "济宁市",
    "泰安市",
    "威海市",
    "日照市",
    "临沂市",
    "德州市",
    "聊城市",
    "滨州市",
    "菏泽市",
    "历城区",
    "章丘区",
    "平度市",
    "莱西市",
)
# characters used for substitutions and insertions: common in policy text, so edits look like real rewording
EDIT_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"  # noqa: E501


@dataclass(frozen=True)
class Plant:
    """A planted passage: ``sources[source][s_start:s_end]``, edited, is ``receivers[receiver][r_start:r_end]``."""

    source: int
    s_start: int
    s_end: int
    receiver: int
    r_start: int
    r_end: int
    edit_rate: float
    reordered: bool
    named: bool

    @property
    def length(self) -> int:
        return self.s_end - self.s_start


def edit_chars(text: str, rate: float, rng: random.Random) -> str:
    """*text* with about ``rate * len(text)`` single-character substitutions, insertions and deletions."""
    out: list[str] = []
    for c in text:
        if rng.random() >= rate:
            out.append(c)
            continue
        op = rng.choice("sid")
        if op == "s":
            out.append(rng.choice([x for x in EDIT_CHARS[:40] if x != c]))
        elif op == "i":
            out.extend((c, rng.choice(EDIT_CHARS)))
        # "d": drop the character
    return "".join(out)


def reorder_items(text: str, rng: random.Random) -> tuple[str, bool]:
    """Swap two of the 、/；-separated items of the longest clause with at least three items, if any."""
    for sep in ("；", "、", "，"):
        parts = text.split(sep)
        if len(parts) >= 4:
            inner = parts[1:-1]  # the first and last item are cut by the passage's edges; reorder inner ones
            i, j = rng.sample(range(len(inner)), 2)
            inner[i], inner[j] = inner[j], inner[i]
            return sep.join([parts[0], *inner, parts[-1]]), True
    return text, False


def insert_name(text: str, rng: random.Random) -> tuple[str, bool]:
    """Insert a local place name (济南市 …) after a comma, or at a random point."""
    name = rng.choice(LOCAL_NAMES)
    commas = [m.end() for m in re.finditer("[，；]", text[:-1])]
    pos = rng.choice(commas) if commas else rng.randrange(1, max(2, len(text)))
    return text[:pos] + name + text[pos:], True


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"[。！？；\n]+", text)]


def plant(
    sources: Sequence[str],
    receivers: Sequence[str],
    *,
    per_receiver: int,
    lengths: Sequence[int],
    rates: Sequence[float],
    seed: int = 0,
    reorder_share: float = 0.3,
    name_share: float = 0.3,
) -> tuple[list[str], list[Plant], list[list[tuple[int, int]]]]:
    """Plant *per_receiver* passages into each receiver.

    Returns the new receiver texts, the plants, and per receiver the insertions ``(old position, inserted
    length)`` so that an offset of the unplanted text can be mapped with :func:`shift`.
    """
    rng = random.Random(seed)
    new_receivers: list[str] = []
    plants: list[Plant] = []
    insertions: list[list[tuple[int, int]]] = []
    for r, host in enumerate(receivers):
        points = sorted(rng.sample(_sentence_starts(host), min(per_receiver, len(_sentence_starts(host)))))
        pieces: list[str] = []
        inserted: list[tuple[int, int]] = []
        prev = pos = 0
        for point in points:
            pieces.append(host[prev:point])
            pos += point - prev
            prev = point
            while True:
                s = rng.randrange(len(sources))
                length = rng.choice(lengths)
                starts = [x for x in _sentence_starts(sources[s]) if x + length <= len(sources[s])]
                if starts:
                    break
            s_start = rng.choice(starts)
            original = sources[s][s_start : s_start + length]
            rate = rng.choice(rates)
            copy = edit_chars(original, rate, rng)
            reordered = named = False
            if rng.random() < reorder_share:
                copy, reordered = reorder_items(copy, rng)
            if rng.random() < name_share:
                copy, named = insert_name(copy, rng)
            pieces.append(copy)
            plants.append(Plant(s, s_start, s_start + length, r, pos, pos + len(copy), rate, reordered, named))
            inserted.append((point, len(copy)))
            pos += len(copy)
        pieces.append(host[prev:])
        new_receivers.append("".join(pieces))
        insertions.append(inserted)
    return new_receivers, plants, insertions


def shift(offset: int, inserted: Sequence[tuple[int, int]], end: bool = False) -> int:
    """Where *offset* of an unplanted receiver lies after the insertions."""
    return offset + sum(n for at, n in inserted if at < offset or (at == offset and not end))


def _covered(spans: Sequence[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return out


def score(
    found: Sequence[tuple[int, int, int]], plants: Sequence[Plant], natural: Sequence[tuple[int, int, int]] = ()
) -> dict[str, float]:
    """Recall and precision by character overlap on the receiver side.

    *found* and *natural* are ``(receiver, start, end)`` spans; *natural* ones are already mapped to the planted
    texts with :func:`shift`.
    """
    truth: dict[int, set[int]] = {}
    for p in plants:
        truth.setdefault(p.receiver, set()).update(range(p.r_start, p.r_end))
    nat: dict[int, set[int]] = {}
    for r, s, e in natural:
        nat.setdefault(r, set()).update(range(s, e))
    got: dict[int, set[int]] = {}
    for r, s, e in found:
        got.setdefault(r, set()).update(range(s, e))
    hit = sum(len(truth[r] & got.get(r, set())) for r in truth)
    n_truth = sum(len(v) for v in truth.values())
    n_got = sum(len(v) for v in got.values())
    ok = sum(len(got[r] & (truth.get(r, set()) | nat.get(r, set()))) for r in got)
    strict = sum(len(got[r] & truth.get(r, set())) for r in got)
    return {
        "recall": hit / n_truth if n_truth else 1.0,
        "precision": ok / n_got if n_got else 1.0,
        "precision_strict": strict / n_got if n_got else 1.0,
    }


def plant_recall(found: Sequence[tuple[int, int, int]], p: Plant) -> float:
    """Share of one plant's receiver characters covered by *found* spans."""
    got = _covered([(s, e) for r, s, e in found if r == p.receiver])
    return len(got & set(range(p.r_start, p.r_end))) / max(1, p.r_end - p.r_start)
