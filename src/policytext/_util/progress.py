"""Progress bars for long work, shared by every layer: tqdm's, so a notebook shows a widget and a terminal a bar.

``progress=True`` in the API always shows one (``tqdm.auto`` picks the notebook widget inside Jupyter, a
text bar elsewhere); the command line asks for one only when standard error is a terminal, so logs and
pipes stay clean.

>>> list(progress([1, 2, 3], total=3, enabled=False))
[1, 2, 3]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

__all__ = ["progress", "progress_bar"]

T = TypeVar("T")


def progress_bar(total: int | None = None, desc: str = "", unit: str = "it", enabled: bool = True) -> Any:
    """A tqdm bar to ``update(n)`` by hand (``None`` when not *enabled*): for work counted as it finishes."""
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True)


def progress(items: Iterable[T], total: int | None = None, desc: str = "", enabled: bool = True) -> Iterator[T]:
    """*items*, with a progress bar on standard error (or a notebook widget) when *enabled*."""
    if not enabled:
        yield from items
        return
    bar = progress_bar(total=total, desc=desc, enabled=True)
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()
