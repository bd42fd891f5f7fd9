"""Locating and loading the bundled lexicons and user lexicons.

The bundled files live in ``policytext/lexicons`` inside the wheel (``lexicons/``
in a source checkout). Each starts with ``#`` header lines that state its format
and provenance.

>>> from policytext._util.lexicon_files import lexicon_path
>>> lexicon_path("stopwords.txt").name
'stopwords.txt'
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

__all__ = ["lexicon_dir", "lexicon_path", "load_wordlist", "read_lexicon_lines", "read_lexicon_text"]


@lru_cache(maxsize=1)
def lexicon_dir() -> Path:
    """The directory holding the bundled lexicons (wheel or source checkout)."""
    here = Path(__file__).resolve().parent.parent  # the policytext package
    for candidate in (here / "lexicons", here.parent.parent / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise InputError(f"bundled lexicons not found next to {here}; the installation is incomplete")


def lexicon_path(name: str) -> Path:
    """Path of the bundled lexicon file *name* (e.g. ``"policy_terms.txt"``)."""
    p = lexicon_dir() / name
    if not p.is_file():
        raise InputError(f"no bundled lexicon {name!r} in {lexicon_dir()}")
    return p


def read_lexicon_text(path: str | os.PathLike[str], what: str = "lexicon file") -> str:
    """The text of a UTF-8 lexicon file; a missing or undecodable file is an :class:`InputError`."""
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 (byte offset {e.start})") from None


def read_lexicon_lines(path: str | os.PathLike[str]) -> list[tuple[int, str]]:
    """Non-empty, non-comment lines of a UTF-8 lexicon file as ``(line_number, line)``."""
    text = read_lexicon_text(path)
    out = []
    for i, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if s and not s.startswith("#"):
            out.append((i, s))
    return out


def load_wordlist(path: str | os.PathLike[str]) -> frozenset[str]:
    """A set of words, one per line (first whitespace-separated field), comments skipped."""
    return frozenset(line.split()[0] for _, line in read_lexicon_lines(path))
