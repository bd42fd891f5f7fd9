"""Local alignment of two texts by seed and extend: the reused passages they share, with local edits.

1. **Seeds**: exact shared k-grams, merged into exact runs on one diagonal (:mod:`.seeds`).
2. **Chains**: runs taken in the order of text *a* and linked when the next run starts at most
   ``max_gap`` characters after the last one in both texts (a substitution such as 各地区各部门 →
   各市各有关部门, an inserted place name). A run at either end of a chain that is shorter than the gap
   that links it is dropped: a lone shared phrase just past a copied passage is not part of it.
3. **Sections**: chains whose spans lie within ``max_gap`` of each other in *both* texts merge into one
   passage, so a copied section whose list items were reordered is one row, not one per item.
4. **Extension and scoring**: each passage grows over exactly matching characters at its ends; its
   similarity is the Indel similarity (rapidfuzz's ``LCSseq``) summed over its chains,
   ``2 * matched / (len(a_text) + len(b_text))``, and ``n_edits`` the Levenshtein distance of its chains plus
   the characters outside them.

>>> a = "要认真贯彻落实党中央决策部署，各地区各部门要切实做好稳就业保民生各项工作，确保取得实效。"
>>> b = "要认真贯彻落实党中央决策部署，各市各有关部门要切实做好稳就业保民生各项工作，确保取得实效。"
>>> [(p.a_start, p.a_end, p.b_start, p.b_end, p.n_edits) for p in align(a, b, min_chars=20)]
[(0, 44, 0, 45, 4)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .extras import levenshtein_module
from .seeds import Run, find_runs

__all__ = ["Passage", "align", "chain_runs", "merge_chains"]


class Passage(NamedTuple):
    """A reused passage: ``a[a_start:a_end]`` is reused as ``b[b_start:b_end]``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    n_edits: int


@dataclass
class _Chain:
    runs: list[Run] = field(default_factory=list)

    @property
    def a_start(self) -> int:
        return self.runs[0].a_start

    @property
    def a_end(self) -> int:
        return max(r.a_end for r in self.runs)

    @property
    def b_start(self) -> int:
        return min(r.b_start for r in self.runs)

    @property
    def b_end(self) -> int:
        return max(r.b_end for r in self.runs)


def _gap(prev: Run, nxt: Run) -> int:
    return max(nxt.a_start - prev.a_end, nxt.b_start - prev.b_end, 0)


def _trim(runs: list[Run]) -> list[Run]:
    """Drop end runs shorter than the gap that links them to the rest."""
    while len(runs) > 1 and runs[-1].length < _gap(runs[-2], runs[-1]):
        runs = runs[:-1]
    while len(runs) > 1 and runs[0].length < _gap(runs[0], runs[1]):
        runs = runs[1:]
    return runs


def chain_runs(runs: list[Run], max_gap: int, k: int) -> list[list[Run]]:
    """Link runs (sorted by ``a_start``) into monotone chains: next run within *max_gap* in both texts.

    >>> from policytext.comparison.seeds import Run
    >>> [len(c) for c in chain_runs([Run(0, 10, 0, 10), Run(13, 30, 15, 32), Run(200, 210, 5, 15)], 20, 5)]
    [2, 1]
    """
    open_chains: list[list[Run]] = []
    done: list[list[Run]] = []
    for r in runs:
        still_open: list[list[Run]] = []
        for c in open_chains:
            (done if c[-1].a_end < r.a_start - max_gap else still_open).append(c)
        open_chains = still_open
        best: list[Run] | None = None
        best_cost = 0
        for c in open_chains:
            last = c[-1]
            ga, gb = r.a_start - last.a_end, r.b_start - last.b_end
            if -k < ga <= max_gap and -k < gb <= max_gap and r.a_end > last.a_end and r.b_end > last.b_end:
                cost = max(ga, 0) + max(gb, 0)
                if best is None or cost < best_cost:
                    best, best_cost = c, cost
        if best is None:
            open_chains.append([r])
        else:
            best.append(r)
    done.extend(open_chains)
    out = [_trim(c) for c in done]
    out.sort(key=lambda c: (c[0].a_start, c[0].b_start))
    return out


def _near(s1: int, e1: int, s2: int, e2: int, gap: int) -> bool:
    return s2 - e1 <= gap and s1 - e2 <= gap


def _matched_share_new(mine: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> float:
    """Share of the characters in the intervals *mine* that no interval of *theirs* covers."""
    total = sum(e - s for s, e in mine)
    if total <= 0:
        return 0.0
    seen = sum(max(0, min(e, te) - max(s, ts)) for s, e in mine for ts, te in theirs)
    return max(0.0, 1 - seen / total)


def _brings_new(chains: list[_Chain], section: list[_Chain]) -> bool:
    """Whether most matched characters of *chains* (their runs, not their spans) are new to *section* in both
    texts: a reordered item is; the same phrase met again elsewhere in one text is not."""
    runs = [r for c in chains for r in c.runs]
    theirs = [r for c in section for r in c.runs]
    a_new = _matched_share_new([(r.a_start, r.a_end) for r in runs], [(r.a_start, r.a_end) for r in theirs])
    b_new = _matched_share_new([(r.b_start, r.b_end) for r in runs], [(r.b_start, r.b_end) for r in theirs])
    return a_new >= 0.5 and b_new >= 0.5


def merge_chains(chains: list[list[Run]], max_gap: int) -> list[list[list[Run]]]:
    """Group chains that lie within *max_gap* of each other in both texts into sections (one copied section
    whose items were reordered is one section).

    Chains are taken longest first. A chain joins a section it is near only when most of its span is new in
    both texts; a chain whose span a section already covers in one text (a phrase the text repeats, or a
    second copy of the same passage) starts a section of its own, so it cannot stretch that section.

    >>> from policytext.comparison.seeds import Run
    >>> item1, item2 = [Run(0, 20, 25, 45)], [Run(21, 45, 0, 24)]
    >>> len(merge_chains([item1, item2], 30))
    1
    """
    ranked = sorted(chains, key=lambda c: (-sum(r.length for r in c), c[0].a_start, c[0].b_start))
    sections: list[list[_Chain]] = []
    for runs in ranked:
        c = _Chain(runs)
        for sec in sections:
            a_s, a_e = min(x.a_start for x in sec), max(x.a_end for x in sec)
            b_s, b_e = min(x.b_start for x in sec), max(x.b_end for x in sec)
            if not (_near(a_s, a_e, c.a_start, c.a_end, max_gap) and _near(b_s, b_e, c.b_start, c.b_end, max_gap)):
                continue
            if _brings_new([c], sec):
                sec.append(c)
                break
        else:
            sections.append([c])
    sections = _join_sections(sections, max_gap)
    return [[x.runs for x in sorted(sec, key=lambda x: (x.a_start, x.b_start))] for sec in sections]


def _box(sec: list[_Chain]) -> tuple[int, int, int, int]:
    return (
        min(x.a_start for x in sec),
        max(x.a_end for x in sec),
        min(x.b_start for x in sec),
        max(x.b_end for x in sec),
    )


def _join_sections(sections: list[list[_Chain]], max_gap: int) -> list[list[_Chain]]:
    """Join sections that grew next to each other in both texts (the parts of one section whose items were
    reordered) as long as each brings mostly new characters in both texts."""
    changed = True
    while changed:
        changed = False
        for x in range(len(sections)):
            for y in range(x + 1, len(sections)):
                ax, ay = _box(sections[x]), _box(sections[y])
                if not (_near(ax[0], ax[1], ay[0], ay[1], max_gap) and _near(ax[2], ax[3], ay[2], ay[3], max_gap)):
                    continue
                if not _brings_new(sections[y], sections[x]):
                    continue
                sections[x] = sections[x] + sections[y]
                del sections[y]
                changed = True
                break
            if changed:
                break
    return sections


def _extend(a: str, b: str, a_s: int, a_e: int, b_s: int, b_e: int, most: int) -> tuple[int, int, int, int]:
    """Grow the span over at most *most* equal characters at each end, then give back whitespace at its edges.

    The bound keeps a section from growing over a neighbouring section of the same copy (reordered items
    keep both texts' characters equal on the diagonal far beyond the section)."""
    n = 0
    while n < most and a_s > 0 and b_s > 0 and a[a_s - 1] == b[b_s - 1]:
        a_s, b_s, n = a_s - 1, b_s - 1, n + 1
    n = 0
    while n < most and a_e < len(a) and b_e < len(b) and a[a_e] == b[b_e]:
        a_e, b_e, n = a_e + 1, b_e + 1, n + 1
    return _trim_blanks(a, b, a_s, a_e, b_s, b_e)


def _trim_blanks(a: str, b: str, a_s: int, a_e: int, b_s: int, b_e: int) -> tuple[int, int, int, int]:
    """The spans ``a[a_s:a_e]`` and ``b[b_s:b_e]`` without whitespace at their edges."""
    while a_s < a_e and a[a_s].isspace():
        a_s += 1
    while b_s < b_e and b[b_s].isspace():
        b_s += 1
    while a_e > a_s and a[a_e - 1].isspace():
        a_e -= 1
    while b_e > b_s and b[b_e - 1].isspace():
        b_e -= 1
    return a_s, a_e, b_s, b_e


#: the scores of gapped extension: a matched character gains 1, a substituted, inserted or deleted one costs 2
_MATCH, _EDIT = 1, 2
#: the widest run of insertions or deletions the gapped extension crosses (an inserted place name: 3-4)
_BAND = 8


def _gapped_reach(x: str, y: str) -> tuple[int, int]:
    """How far an alignment anchored at the start of *x* and *y* profitably reaches: ``(i, j)`` maximising the
    score of aligning ``x[:i]`` with ``y[:j]`` (+1 a match, -2 an edit), ``(0, 0)`` when nothing scores above 0.

    The extension of BLAST-style seed-and-extend: it crosses an edit only when at least three matching
    characters follow it, so it stops where the copy ends and unrelated text begins.

    >>> _gapped_reach("推动高质量发展。今天", "推进高质量发展。明天")
    (8, 8)
    """
    n, m = len(x), len(y)
    best, reach = 0, (0, 0)
    low = -(10**9)  # cells outside the band: an indel run of more than _BAND characters is never crossed
    prev = [-_EDIT * j if j <= _BAND else low for j in range(m + 1)]
    for i in range(1, n + 1):
        row = [low] * (m + 1)
        if i <= _BAND:
            row[0] = -_EDIT * i
        xi = x[i - 1]
        top = low
        for j in range(max(1, i - _BAND), min(m, i + _BAND) + 1):
            v = max(prev[j - 1] + (_MATCH if xi == y[j - 1] else -_EDIT), prev[j] - _EDIT, row[j - 1] - _EDIT)
            row[j] = v
            if v > top:
                top = v
                if v > best:
                    best, reach = v, (i, j)
        if top < best - 3 * _EDIT:  # dropped too far below the best: no way back within the window
            break
        prev = row
    return reach


def _gapped_extend(a: str, b: str, span: tuple[int, int, int, int], width: int) -> tuple[int, int, int, int]:
    """Grow *span* at both ends over edits followed by matching text (:func:`_gapped_reach`), looking at most
    *width* characters past each end; whitespace at the new edges is given back."""
    a_s, a_e, b_s, b_e = span
    i, j = _gapped_reach(a[a_e : a_e + width], b[b_e : b_e + width])
    a_e, b_e = a_e + i, b_e + j
    i, j = _gapped_reach(a[max(0, a_s - width) : a_s][::-1], b[max(0, b_s - width) : b_s][::-1])
    a_s, b_s = a_s - i, b_s - j
    return _trim_blanks(a, b, a_s, a_e, b_s, b_e)


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def _drop_shadowed(passages: list[Passage]) -> list[Passage]:
    """Where two passages cover mostly the same characters of *b* (text *a* repeats a passage, so one stretch
    of *b* matches it twice), keep the longer and more similar one. Two stretches of *b* that copy one
    passage of *a* are both kept: each is a reuse."""
    ranked = sorted(passages, key=lambda p: (-(p.a_end - p.a_start + p.b_end - p.b_start) * p.similarity, p))
    kept: list[Passage] = []
    for p in ranked:
        if not any(_overlap(p.b_start, p.b_end, q.b_start, q.b_end) > 0.5 * (p.b_end - p.b_start) for q in kept):
            kept.append(p)
    return sorted(kept)


def _score(a: str, b: str, chains: list[_Chain], span: tuple[int, int, int, int]) -> tuple[float, int]:
    distance = levenshtein_module()
    a_s, a_e, b_s, b_e = span
    matched = edits = covered_a = covered_b = 0
    first_a = min(range(len(chains)), key=lambda i: chains[i].a_start)
    last_a = max(range(len(chains)), key=lambda i: chains[i].a_end)
    first_b = min(range(len(chains)), key=lambda i: chains[i].b_start)
    last_b = max(range(len(chains)), key=lambda i: chains[i].b_end)
    for i, c in enumerate(chains):
        # the chains at the ends of the passage (in each text) reach its extended ends
        ca_s, ca_e = (a_s if i == first_a else c.a_start), (a_e if i == last_a else c.a_end)
        cb_s, cb_e = (b_s if i == first_b else c.b_start), (b_e if i == last_b else c.b_end)
        ta, tb = a[ca_s:ca_e], b[cb_s:cb_e]
        matched += distance.LCSseq.similarity(ta, tb)
        edits += distance.Levenshtein.distance(ta, tb)
        covered_a += len(ta)
        covered_b += len(tb)
    la, lb = a_e - a_s, b_e - b_s
    edits += max(la - covered_a, 0) + max(lb - covered_b, 0)
    return min(1.0, 2 * matched / (la + lb)) if la + lb else 0.0, edits


def align(
    a: str,
    b: str,
    *,
    k: int = 4,
    max_gap: int = 30,
    merge_gap: int = 30,
    min_chars: int = 50,
    min_similarity: float = 0.75,
    max_pairs: int = 64,
    extend: int = 24,
    index_a: dict[str, list[int]] | None = None,
    index_b: dict[str, list[int]] | None = None,
) -> list[Passage]:
    """The passages of *a* reused in *b*, sorted by ``a_start``: at least *min_chars* characters on both sides
    and a similarity of at least *min_similarity* (see the module's description of how).

    *k* is the seed length, *max_gap* the longest edit a chain bridges, *merge_gap* the distance within which
    chains join one section (reordered items), *max_pairs* the most seed pairs one k-gram may give;
    *index_a* and *index_b* the texts' :func:`~policytext.comparison.seeds.gram_index` when the caller keeps them.

    >>> align("稳就业保民生", "促发展惠民生", min_chars=3)
    []
    """
    runs = find_runs(a, b, k, max_pairs, index_a, index_b)
    if not runs:
        return []
    # a chain of one short run is a shared phrase, not a passage; dropping it keeps it from joining a section
    chains = [c for c in chain_runs(runs, max_gap, k) if sum(r.length for r in c) >= 2 * k]
    out: list[Passage] = []
    for section in merge_chains(chains, merge_gap):
        cs = sorted((_Chain(r) for r in section), key=lambda c: (c.a_start, c.b_start))
        box = _box(cs)
        span = _gapped_extend(a, b, _extend(a, b, box[0], box[1], box[2], box[3], k), extend)
        if min(span[1] - span[0], span[3] - span[2]) < min_chars:
            continue
        sim, edits = _score(a, b, cs, span)
        if sim >= min_similarity:
            out.append(Passage(span[0], span[1], span[2], span[3], round(sim, 4), edits))
    return _drop_shadowed(out)
