"""Sentence alignment of two versions of a text: which sentences were kept, changed, added or dropped.

Identical sentences in the same order are matched first (difflib's longest matching blocks over the lists of
sentences), then identical sentences that moved; in each stretch between matched sentences, the others are paired
greedily by similarity (rapidfuzz's Indel ratio, at least ``min_similarity``); sentences still unpaired are then
paired across the whole text, so a sentence that moved is kept or changed rather than dropped in one place and
added in another.

>>> rows = align_sentences("坚持稳中求进。推动高质量发展。减少库存。", "坚持稳中求进。推动经济高质量发展。新质生产力。")
>>> [(r["status"], r["b_text"]) for r in rows]
[('kept', '坚持稳中求进。'), ('changed', '推动经济高质量发展。'), ('dropped', None), ('added', '新质生产力。')]
"""

from __future__ import annotations

import difflib
from typing import Any

import numpy as np

from ..corpus.text import Span, split_sentences
from .extras import levenshtein_module

__all__ = ["ALIGNMENT_COLUMNS", "align_sentences"]

ALIGNMENT_COLUMNS = ("status", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text", "similarity")


def _similarities(a: list[str], b: list[str]) -> np.ndarray:
    if not a or not b:
        return np.zeros((len(a), len(b)))
    from rapidfuzz import fuzz, process  # the extra is checked by levenshtein_module() before any call

    return np.asarray(process.cdist(a, b, scorer=fuzz.ratio), dtype=float) / 100.0


def _pair_greedily(
    ia: list[int],
    ib: list[int],
    sa: list[Span],
    sb: list[Span],
    min_similarity: float,
) -> list[tuple[int, int, float]]:
    """Pairs of sentence indexes with the highest similarities first, each sentence used once."""
    sims = _similarities([sa[i].text for i in ia], [sb[j].text for j in ib])
    if sims.size == 0:
        return []
    order = np.argsort(-sims, axis=None, kind="stable")
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for flat in order:
        r, c = divmod(int(flat), sims.shape[1])
        if sims[r, c] < min_similarity:
            break
        if r in used_a or c in used_b:
            continue
        used_a.add(r)
        used_b.add(c)
        out.append((ia[r], ib[c], float(sims[r, c])))
    return out


def _row(status: str, a: Span | None, b: Span | None, sim: float | None) -> dict[str, Any]:
    return {
        "status": status,
        "a_start": a.start if a else None,
        "a_end": a.end if a else None,
        "b_start": b.start if b else None,
        "b_end": b.end if b else None,
        "a_text": a.text if a else None,
        "b_text": b.text if b else None,
        "similarity": round(sim, 4) if sim is not None else None,
    }


def align_sentences(text_a: str, text_b: str, *, min_similarity: float = 0.5) -> list[dict[str, Any]]:
    """One row per sentence of either text (see the module's description), in the order of *text_a* with the
    sentences added in *text_b* where they stand; ``status`` is ``kept`` (identical), ``changed`` (paired,
    not identical), ``added`` (only in *text_b*) or ``dropped`` (only in *text_a*)."""
    levenshtein_module()
    sa, sb = split_sentences(text_a), split_sentences(text_b)
    matcher = difflib.SequenceMatcher(None, [s.text for s in sa], [s.text for s in sb], autojunk=False)
    pairs: dict[int, tuple[int, float]] = {}
    blocks: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update({i1 + d: (j1 + d, 1.0) for d in range(i2 - i1)})
        else:
            blocks.append((list(range(i1, i2)), list(range(j1, j2))))
    # a sentence that moved unchanged is kept, wherever it went
    free_b: dict[str, list[int]] = {}
    for _, ib in blocks:
        for j in ib:
            free_b.setdefault(sb[j].text, []).append(j)
    for ia, _ in blocks:
        for i in ia:
            if free_b.get(sa[i].text):
                pairs[i] = (free_b[sa[i].text].pop(0), 1.0)
    used_b = {j for j, _ in pairs.values()}
    loose_a: list[int] = []
    loose_b: list[int] = []
    for ia, ib in blocks:
        ia = [i for i in ia if i not in pairs]
        ib = [j for j in ib if j not in used_b]
        for i, j, s in _pair_greedily(ia, ib, sa, sb, min_similarity):
            pairs[i] = (j, s)
            used_b.add(j)
        loose_a += [i for i in ia if i not in pairs]
        loose_b += [j for j in ib if j not in used_b]
    for i, j, s in _pair_greedily(loose_a, loose_b, sa, sb, min_similarity):  # sentences that moved and changed
        pairs[i] = (j, s)
    partner_of_b = {j: i for i, (j, _) in pairs.items()}
    keyed: list[tuple[tuple[float, int], dict[str, Any]]] = []
    for i, span in enumerate(sa):
        if i in pairs:
            j, s = pairs[i]
            status = "kept" if span.text == sb[j].text else "changed"
            keyed.append(((i, 0), _row(status, span, sb[j], s)))
        else:
            keyed.append(((i, 0), _row("dropped", span, None, None)))
    next_a: float = len(sa)  # an added sentence stands just before the next sentence that has a partner
    for j in range(len(sb) - 1, -1, -1):
        if j in partner_of_b:
            next_a = partner_of_b[j]
        else:
            keyed.append(((next_a - 0.5, j), _row("added", None, sb[j], None)))
    keyed.sort(key=lambda kv: kv[0])
    return [row for _, row in keyed]
