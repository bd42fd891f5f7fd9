"""Character shingles of a text as stable 32-bit hashes, and the overlapping windows candidate search reads.

The hashes are CRC-32 of the UTF-8 shingle: the same on every machine and in every process (Python's own
``hash`` of a string is salted per process).

>>> shingle_hashes("推动高质量发展", 5).size
3
>>> windows(250, 100)
[(0, 100), (50, 150), (100, 200), (150, 250)]
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["shingle_hashes", "windows"]


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The distinct hashes of the *size*-character shingles of *text* that hold no whitespace (``uint64``)."""
    hashes = {
        zlib.crc32(text[i : i + size].encode("utf-8"))
        for i in range(len(text) - size + 1)
        if not any(c.isspace() for c in text[i : i + size])
    }
    return np.fromiter(sorted(hashes), dtype=np.uint64, count=len(hashes))


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
