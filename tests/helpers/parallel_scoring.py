"""The matching rule of issue 5, reusable by tests and benchmarks.

- a gold item is matched by a predicted item when their spans overlap by at least half
  of the shorter one;
- a gold group is *found* when at least two thirds of its items are matched by items of
  ONE predicted group (rows of kind ``list`` are never credited);
- a predicted group with 3+ items (not of kind ``list``) is *correct* when at least two
  thirds of its items match items of one gold parallel, *neutral* when they match one gold
  ``lists`` entry (by the same rule), and *wrong* otherwise.

Spans are ``(start, end)`` pairs in one text. Groups are lists of spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Span = tuple[int, int]
Group = Sequence[Span]


def items_match(a: Span, b: Span) -> bool:
    """Overlap of at least half of the shorter span.

    >>> items_match((0, 4), (2, 10)), items_match((0, 4), (3, 10))
    (True, False)
    """
    ov = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and ov * 2 >= shorter


def covered(group: Group, by: Group) -> bool:
    """True when >= 2/3 of *group*'s items are matched by items of *by*."""
    hit = sum(1 for g in group if any(items_match(g, p) for p in by))
    return 3 * hit >= 2 * len(group)


@dataclass
class Score:
    n_gold: int = 0
    found: int = 0
    n_pred: int = 0  # predicted non-list groups with 3+ items
    correct: int = 0
    neutral: int = 0
    wrong: int = 0
    missed: list[int] = field(default_factory=list)  # indices of gold groups not found
    wrong_groups: list[int] = field(default_factory=list)  # indices of wrong predictions

    @property
    def recall(self) -> float:
        return self.found / self.n_gold if self.n_gold else 1.0

    @property
    def precision(self) -> float:
        d = self.correct + self.wrong
        return self.correct / d if d else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, o: Score) -> Score:
        return Score(
            self.n_gold + o.n_gold,
            self.found + o.found,
            self.n_pred + o.n_pred,
            self.correct + o.correct,
            self.neutral + o.neutral,
            self.wrong + o.wrong,
        )

    def __str__(self) -> str:
        return (
            f"found {self.found}/{self.n_gold} (recall {self.recall:.2f}); predicted {self.n_pred}: "
            f"correct {self.correct}, neutral {self.neutral}, wrong {self.wrong} "
            f"(precision {self.precision:.2f}); F1 {self.f1:.2f}"
        )


def score_groups(
    predicted: Iterable[tuple[str, Group]],
    gold_parallels: Sequence[Group],
    gold_lists: Sequence[Group] = (),
) -> Score:
    """Score ``(kind, spans)`` predictions against gold parallels and lists.

    >>> s = score_groups([("frame", [(0, 2), (3, 5), (6, 8)])], [[(0, 2), (3, 5), (6, 8)]])
    >>> (s.found, s.correct, s.wrong)
    (1, 1, 0)
    """
    preds = [(k, list(g)) for k, g in predicted]
    credited = [g for k, g in preds if k != "list"]
    s = Score(n_gold=len(gold_parallels))
    for i, gold in enumerate(gold_parallels):
        if any(covered(gold, p) for p in credited):
            s.found += 1
        else:
            s.missed.append(i)
    for j, (kind, g) in enumerate(preds):
        if kind == "list" or len(g) < 3:
            continue
        s.n_pred += 1
        if any(covered(g, gold) for gold in gold_parallels):
            s.correct += 1
        elif any(covered(g, lst) for lst in gold_lists):
            s.neutral += 1
        else:
            s.wrong += 1
            s.wrong_groups.append(j)
    return s
