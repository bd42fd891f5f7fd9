"""Progress bars for long work, shared by every layer.

>>> list(progress([1, 2, 3], total=3, enabled=False))
[1, 2, 3]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress"]

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None = None, desc: str = "", enabled: bool = True) -> Iterator[T]:
    """A small progress bar on standard error (only when it is a terminal and enabled)."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    for n, item in enumerate(items, 1):
        yield item
        if total:
            width = 30
            done = int(width * n / total)
            sys.stderr.write(f"\r{desc} [{'#' * done}{'.' * (width - done)}] {n}/{total}")
        else:
            sys.stderr.write(f"\r{desc} {n}")
        sys.stderr.flush()
    sys.stderr.write("\n")
