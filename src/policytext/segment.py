"""Policy-aware word segmentation on jieba, with exact offsets.

Each :class:`Segmenter` owns its own ``jieba.Tokenizer``; the global ``jieba.dt`` is
never touched, so two segmenters with different lexicons never disturb each other.

>>> from policytext import Segmenter
>>> seg = Segmenter()
>>> "守正创新" in seg.cut("推动组织工作守正创新")
True
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jieba
import jieba.posseg

from .errors import InputError
from .lexicons import lexicon_path, load_wordlist, read_lexicon_lines

__all__ = ["Segmenter", "Token"]

# jieba logs "Building prefix dict..." at DEBUG on its own logger; keep stderr quiet.
jieba.default_logger.setLevel(logging.WARNING)

_PUNCT_RE = re.compile(r"^[\W_]+$", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """A token with character offsets into the segmented text and an optional POS tag."""

    word: str
    start: int
    end: int
    pos: str | None = None


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = Path(base) / "policytext" / "jieba"
    d.mkdir(parents=True, exist_ok=True)
    return d


UserDict = str | os.PathLike[str] | dict[str, int] | Sequence[Any]


class Segmenter:
    """Segment Chinese text with jieba plus the bundled policy lexicon.

    Parameters
    ----------
    lexicon:
        ``"policy"`` (default) loads the bundled ``policy_terms.txt``; ``None`` uses
        jieba's dictionary alone.
    user_dicts:
        Extra lexicons: paths of jieba dictionary files (``word [freq] [pos]`` per
        line), lists of words, ``{word: freq}`` dicts or ``(word, freq, pos)`` tuples.
    stopwords:
        ``None`` for the bundled list, a path, or an iterable of words. Stopwords
        only affect :meth:`terms`; :meth:`cut` and :meth:`tokenize` never drop tokens.
    hmm:
        Use jieba's HMM for unknown words.
    backend:
        ``"jieba"``.

    >>> Segmenter(lexicon=None, user_dicts=[["稳中求进"]]).cut("坚持稳中求进")
    ['坚持', '稳中求进']
    """

    def __init__(
        self,
        lexicon: str | None = "policy",
        user_dicts: Iterable[UserDict] = (),
        stopwords: str | os.PathLike[str] | Iterable[str] | None = None,
        hmm: bool = True,
        backend: str = "jieba",
    ) -> None:
        if backend != "jieba":
            raise InputError(f"unknown backend {backend!r}; choose 'jieba'")
        if lexicon not in (None, "policy"):
            raise InputError(f"unknown lexicon {lexicon!r}; choose 'policy' or None")
        self.lexicon = lexicon
        self.user_dicts = tuple(user_dicts)
        self.stopwords = stopwords
        self.hmm = hmm
        self.backend = backend
        self._lock = threading.Lock()
        self._tk: jieba.Tokenizer | None = None
        self._pos_tk: jieba.posseg.POSTokenizer | None = None
        self._stop: frozenset[str] | None = None
        self._entries = self._collect_entries()
        self.fingerprint = self._make_fingerprint()

    # -- configuration --------------------------------------------------------
    def _collect_entries(self) -> list[tuple[str, int | None, str | None]]:
        entries: list[tuple[str, int | None, str | None]] = []
        if self.lexicon == "policy":
            try:
                entries += _read_jieba_dict(lexicon_path("policy_terms.txt"))
            except InputError:
                pass
        for ud in self.user_dicts:
            entries += _user_entries(ud)
        return entries

    def _make_fingerprint(self) -> str:
        h = hashlib.sha1()
        h.update(repr((self.lexicon, self.hmm, self.backend, self.stopwords if isinstance(self.stopwords, (str, os.PathLike)) else None)).encode())
        for w, f, p in self._entries:
            h.update(f"{w}\t{f}\t{p}\n".encode())
        return h.hexdigest()[:16]

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """This segmenter's own ``jieba.Tokenizer`` (built on first use)."""
        if self._tk is None:
            with self._lock:
                if self._tk is None:
                    tk = jieba.Tokenizer()
                    tk.tmp_dir = str(_cache_dir())
                    tk.initialize()
                    for word, freq, tag in self._entries:
                        tk.add_word(word, freq, tag)
                    self._tk = tk
        return self._tk

    @property
    def stopword_set(self) -> frozenset[str]:
        """The stopwords :meth:`terms` removes."""
        if self._stop is None:
            sw = self.stopwords
            if sw is None:
                self._stop = load_wordlist(lexicon_path("stopwords.txt"))
            elif isinstance(sw, (str, os.PathLike)):
                self._stop = load_wordlist(sw)
            else:
                self._stop = frozenset(sw)
        return self._stop

    # -- segmentation -----------------------------------------------------------
    def cut(self, text: str) -> list[str]:
        """Every non-whitespace token of *text*, punctuation included, in order."""
        return [w for w in self.tokenizer.cut(text, HMM=self.hmm) if not w.isspace()]

    def tokenize(self, text: str, pos: bool = False) -> list[Token]:
        """Tokens with character offsets (and POS tags with ``pos=True``).

        >>> [(t.word, t.start, t.end) for t in Segmenter().tokenize("守正创新")]
        [('守正创新', 0, 4)]
        """
        if pos:
            if self._pos_tk is None:
                self._pos_tk = jieba.posseg.POSTokenizer(self.tokenizer)
            pairs = ((p.word, p.flag) for p in self._pos_tk.cut(text, HMM=self.hmm))
        else:
            pairs = ((w, None) for w in self.tokenizer.cut(text, HMM=self.hmm))
        out: list[Token] = []
        i = 0
        for word, flag in pairs:
            j = i + len(word)
            if not word.isspace():
                out.append(Token(word, i, j, flag))
            i = j
        return out

    def terms(self, text: str) -> list[str]:
        """Content terms: tokens without punctuation, numbers-only tokens or stopwords."""
        stop = self.stopword_set
        return [w for w in self.cut(text) if w not in stop and not _PUNCT_RE.match(w)]

    def cut_many(self, texts: Iterable[str], n_jobs: int = 1, progress: bool = False) -> list[list[str]]:
        """:meth:`cut` over many texts."""
        return [self.cut(t) for t in texts]

    # -- pickling ---------------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_tk"] = None
        state["_pos_tk"] = None
        state["_lock"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Segmenter(lexicon={self.lexicon!r}, user_dicts={len(self.user_dicts)}, hmm={self.hmm}, backend={self.backend!r})"


def _read_jieba_dict(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    entries = []
    for lineno, line in read_lexicon_lines(path):
        parts = line.split()
        word, freq, tag = parts[0], None, None
        if len(parts) > 3:
            raise InputError(f"{path}, line {lineno}: expected 'word [freq] [pos]', got {line!r}")
        if len(parts) >= 2:
            if parts[1].isdigit():
                freq = int(parts[1])
                if len(parts) == 3:
                    tag = parts[2]
            elif len(parts) == 2 and parts[1].isalpha():
                tag = parts[1]
            else:
                raise InputError(f"{path}, line {lineno}: frequency must be a whole number, got {parts[1]!r}")
        entries.append((word, freq, tag))
    return entries


def _user_entries(ud: UserDict) -> list[tuple[str, int | None, str | None]]:
    if isinstance(ud, (str, os.PathLike)):
        return _read_jieba_dict(ud)
    if isinstance(ud, dict):
        return [(str(w), int(f) if f is not None else None, None) for w, f in ud.items()]
    out = []
    for i, item in enumerate(ud):
        if isinstance(item, str):
            out.append((item, None, None))
        elif isinstance(item, (tuple, list)) and 1 <= len(item) <= 3:
            w = item[0]
            f = item[1] if len(item) > 1 else None
            p = item[2] if len(item) > 2 else None
            out.append((str(w), int(f) if f is not None else None, p))
        else:
            raise InputError(f"user_dicts entry {i}: expected a word or (word, freq, pos), got {item!r}")
    return out
