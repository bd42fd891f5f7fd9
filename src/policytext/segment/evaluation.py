"""Word-segmentation scoring: standard span-based precision, recall and F1.

A segmentation of a line is the set of its word spans ``(start, end)`` over the
line's non-space characters; a predicted word counts as correct when its span is a
gold span (the SIGHAN bakeoff's scoring). Whitespace in the input is ignored on both
sides, so gold files with two-space separators and raw test lines align.

>>> score_spans([["共同", "创造", "美好"]], [["共同", "创", "造", "美好"]])
{'precision': 0.5, 'recall': 0.6666666666666666, 'f1': 0.5714285714285715, 'gold_words': 3, 'pred_words': 4}
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import InputError

__all__ = ["score_files", "score_spans", "spans"]


def spans(words: Iterable[str]) -> set[tuple[int, int]]:
    """Spans of *words* over their concatenation, whitespace removed."""
    out = set()
    i = 0
    for w in words:
        w = "".join(w.split())
        if not w:
            continue
        out.add((i, i + len(w)))
        i += len(w)
    return out


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, float]:
    """Precision, recall, F1 over lines of gold and predicted words (same characters per line)."""
    if len(gold) != len(pred):
        raise InputError(f"gold has {len(gold)} lines, prediction {len(pred)}")
    tp = ng = npred = 0
    for i, (g, p) in enumerate(zip(gold, pred)):
        if "".join("".join(g).split()) != "".join("".join(p).split()):
            raise InputError(f"line {i + 1}: gold and predicted words do not cover the same characters")
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        ng += len(gs)
        npred += len(ps)
    prec = tp / npred if npred else 0.0
    rec = tp / ng if ng else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "gold_words": ng, "pred_words": npred}


def score_files(cut: Callable[[str], Sequence[str]], test: str | Path, gold: str | Path) -> dict[str, float]:
    """Score ``cut`` on a SIGHAN test file against its gold file (UTF-8, one sentence per line)."""
    t_lines = Path(test).read_text(encoding="utf-8").splitlines()
    g_lines = Path(gold).read_text(encoding="utf-8").splitlines()
    if len(t_lines) != len(g_lines):
        raise InputError(f"{test} has {len(t_lines)} lines but {gold} has {len(g_lines)}")
    gold_words = [g.split() for g in g_lines]
    pred = [list(cut(t.strip())) if t.strip() else [] for t in t_lines]
    return score_spans(gold_words, pred)
