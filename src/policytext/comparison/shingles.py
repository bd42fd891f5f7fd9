"""Character shingles of a text as stable 32-bit hashes, and the overlapping windows candidate search reads.

The hashes are CRC-32 of the UTF-8 shingle: the same on every machine and in every process (Python's own
``hash`` of a string is salted per process).

>>> shingle_hashes("推动高质量发展", 5).size
3
>>> windows(250, 100)
[(0, 100), (50, 150), (100, 200), (150, 250)]
"""

from __future__ import annotations

import re
import zlib

import numpy as np

__all__ = ["NO_SHINGLE", "position_hashes", "shingle_hashes", "window_hashes", "windows"]

#: the value of :func:`position_hashes` where no shingle counts (it holds whitespace); CRC-32 never reaches it
NO_SHINGLE = np.uint64(2**63)

_SPACE = re.compile(r"\s")


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The distinct hashes of the *size*-character shingles of *text* that hold no whitespace (``uint64``)."""
    hashes = {
        zlib.crc32(text[i : i + size].encode("utf-8"))
        for i in range(len(text) - size + 1)
        if not any(c.isspace() for c in text[i : i + size])
    }
    return np.fromiter(sorted(hashes), dtype=np.uint64, count=len(hashes))


def position_hashes(text: str, size: int) -> np.ndarray:
    """The hash of the shingle starting at each position of *text* (``uint64``), or 2**63 where the shingle
    holds whitespace; one pass over the text, so that overlapping windows hash nothing twice.

    >>> bool(position_hashes("推动 发展", 2)[1] == NO_SHINGLE)
    True
    """
    n = max(len(text) - size + 1, 0)
    out = np.fromiter((zlib.crc32(text[i : i + size].encode("utf-8")) for i in range(n)), dtype=np.uint64, count=n)
    for m in _SPACE.finditer(text):
        out[max(0, m.start() - size + 1) : min(n, m.end())] = NO_SHINGLE
    return out


def window_hashes(positions: np.ndarray, start: int, end: int, size: int) -> np.ndarray:
    """The distinct shingle hashes of the window ``[start, end)`` from :func:`position_hashes`.

    >>> window_hashes(position_hashes("推动高质量发展", 5), 0, 7, 5).size
    3
    """
    h = positions[start : max(start, end - size + 1)]
    return np.unique(h[h != NO_SHINGLE])


def windows(length: int, width: int) -> list[tuple[int, int]]:
    """Windows of *width* characters every ``width // 2`` over a text of *length*; one window if it is shorter.

    Any passage of ``width // 2`` characters or fewer lies wholly inside one window.
    """
    if length <= width:
        return [(0, length)]
    step = max(1, width // 2)
    starts = list(range(0, length - width + 1, step))
    if starts[-1] + width < length:
        starts.append(length - width)
    return [(s, s + width) for s in starts]
