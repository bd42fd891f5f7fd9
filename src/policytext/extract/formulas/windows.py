"""Windows of a text around the matches of an anchor pattern, where the full (slower) patterns run.

A pattern that starts with optional prefixes cannot be skipped quickly by the regex engine; an
anchor that every match must hold (届, 全会, 会议 …) can. The full patterns then run only in the
windows around the anchors, merged where they overlap.

>>> import re
>>> anchor_windows("甲乙会议丙丁戊己会议", re.compile("会议"), before=2, after=1)
[(0, 5), (6, 10)]
"""

from __future__ import annotations

import re

__all__ = ["anchor_windows"]


def anchor_windows(text: str, anchor: re.Pattern[str], *, before: int, after: int) -> list[tuple[int, int]]:
    """``(lo, hi)`` spans from *before* characters ahead of each anchor to *after* characters past it, merged."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out
