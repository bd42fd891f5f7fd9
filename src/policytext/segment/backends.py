"""The two segmentation engines behind :class:`~policytext.segment.Segmenter`.

``JiebaBackend`` is jieba's own ``Tokenizer`` (pure Python) with a private prefix
dictionary; ``RjiebaBackend`` is the Rust port (``rjieba``, extra ``fast``) given the
same dictionary and frequencies, plus a small correction layer that makes its output
equal to jieba's:

* **HMM and non-Han stretches.** When jieba's HMM sees a buffer of unknown single
  characters, ``jieba.finalseg`` splits its non-Han parts with
  ``[a-zA-Z0-9]+(?:\\.\\d+)?%?`` (``LTE-V2X`` → ``LTE`` ``-`` ``V2X``); jieba-rs keeps
  such a stretch whole (``LTE-V2X``, ``0532-88999976``, ``www.cnki.net``). Tokens of
  that shape are re-split with jieba's rule.
* **Block characters.** jieba cuts blocks of ``[\\u4E00-\\u9FD5a-zA-Z0-9+#&._%-]``;
  jieba-rs also counts CJK extension A, ``\\u9FD6-\\u9FFF``, compatibility ideographs
  and the supplementary planes as block characters. jieba yields those characters
  one by one; so do we.

Both corrections run only on the few blocks that can differ (found with one regular
expression over the text), so the fast path stays fast.

>>> b = JiebaBackend([], hmm=True)
>>> b.cut("采用LTE-V2X技术")
['采用', 'LTE', '-', 'V2X', '技术']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..errors import MissingExtraError
from .dictionary import Entry, load_prefix_dict, load_tag_table
from .posseg_hmm import PossegHmm

__all__ = ["BACKENDS", "MAX_BLOCK", "JiebaBackend", "RjiebaBackend", "bounded_pieces", "unknown_tag"]

_PY_HAN = "\u4e00-\u9fd5"
_EXTRA_CJK = (
    "\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002b73f"
    "\U0002b740-\U0002b81f\U0002b820-\U0002ceaf\U0002ceb0-\U0002ebef\U0002f800-\U0002fa1f"
)
_ASCII_BLOCK = "a-zA-Z0-9+#&._%\\-"
_SYM = "+#&._%\\-"
_SUSPECT = re.compile(f"[a-zA-Z0-9{_SYM}][{_SYM}]|[{_SYM}][a-zA-Z0-9]|[{_EXTRA_CJK}]")
_RS_BLOCK_CHAR = re.compile(f"[{_PY_HAN}{_EXTRA_CJK}{_ASCII_BLOCK}]")
_RS_BLOCK_RUN = re.compile(f"[{_PY_HAN}{_EXTRA_CJK}{_ASCII_BLOCK}]*")
_EXTRA_SPLIT = re.compile(f"([{_EXTRA_CJK}])")
_PY_HAN_CHAR = re.compile(f"[{_PY_HAN}]")
_HAS_SYM = re.compile(f"[{_SYM}]")
# one scan of a text finds all the fast path turns on: the characters a suspect stretch turns on (the symbols,
# the extra CJK characters of the Basic Multilingual Plane), lone surrogates and any character of the
# supplementary planes; a text with one of the last two takes a slower path (cut and tag split it at its
# surrogates; _suspects falls back on the slower _SUSPECT). This one class scans a report in about 1.3 times
# the time of a class of the first kind alone, where three scans took three times as long.
_SCAN = re.compile(f"[{_SYM}\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\ud800-\udfff\U00010000-\U0010ffff]")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ALNUM_SYM = _ALNUM | frozenset("+#&._%-")
_FALLBACK_TAGS = frozenset(("", "x", "m", "eng"))  # what jieba-rs gives unknown words
_FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip


def _scan(text: str) -> list[int]:
    """Indices of the characters of *text* that ``_SCAN`` matches, in order.

    >>> _scan("增长5%，㐀")
    [3, 5]
    """
    return [m.start() for m in _SCAN.finditer(text)]


def _is_surrogate(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"


def _suspects(text: str, hits: list[int] | None = None) -> Iterator[int]:
    """Where the stretches jieba and jieba-rs may cut differently begin (``_SUSPECT`` matches), in order:
    a symbol of ``+#&._%-`` after a letter, digit or symbol or before a letter or digit, or a character
    jieba-rs alone counts as Han. A match of ``_SUSPECT`` that starts one character earlier (``5%``)
    names the same block. *hits*: ``_scan(text)``, when the caller has it.

    >>> list(_suspects("增长5%，LTE-V2X和㐀"))
    [3, 8, 13]
    """
    if hits is None:
        hits = _scan(text)
    if any(text[i] > "\uffff" for i in hits):  # a character of the supplementary planes
        yield from (m.start() for m in _SUSPECT.finditer(text))
        return
    n = len(text)
    for i in hits:
        ch = text[i]
        if _is_surrogate(ch):
            continue  # a lone surrogate is no block character (cut and tag keep it apart)
        # an extra CJK character, or a symbol after a letter, digit or symbol, or before a letter or digit
        if ch not in _ALNUM_SYM or (i > 0 and text[i - 1] in _ALNUM_SYM) or (i + 1 < n and text[i + 1] in _ALNUM):
            yield i


def unknown_tag(word: str) -> str:
    """POS of a word the dictionary has no tag for, if it has no Han character:
    ``m`` (digits), ``eng`` (Latin letters and digits), ``x`` (anything else).

    >>> unknown_tag("2022"), unknown_tag("5G"), unknown_tag("，")
    ('m', 'eng', 'x')
    """
    eng = m = 0
    for ch in word:
        if ch.isascii() and ch.isalnum():
            eng += 1
            if ch.isdigit():
                m += 1
    if eng == 0:
        return "x"
    return "m" if eng == m else "eng"


class _HmmTagger:
    """POS for out-of-dictionary Han words from jieba's posseg joint HMM (:class:`PossegHmm`), memoized."""

    def __init__(self) -> None:
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        tag = self._memo.get(word)
        if tag is None:
            tag = PossegHmm.load().tag(word)
            if len(self._memo) < 200_000:
                self._memo[word] = tag
        return tag


#: The longest block (a run of Han characters, letters, digits and ``+#&._%-``) that jieba's pure-Python
#: tokenizer is given whole. Its HMM (``jieba.finalseg.viterbi``) copies its best path at every character of
#: a run of unknown single characters, so such a run of n characters costs n² (32,000 characters: 4.5 s).
#: A longer block is cut every ``MAX_BLOCK`` characters first: a word that straddles a cut is split there.
#: Real clauses are far shorter; the jieba-rs backend needs no cap (its HMM is linear).
MAX_BLOCK = 2000
_LONG_BLOCK = re.compile(f"[{_PY_HAN}{_ASCII_BLOCK}]{{{MAX_BLOCK + 1},}}")


def bounded_pieces(text: str, limit: int = MAX_BLOCK) -> list[str]:
    """*text* cut so that no block of more than *limit* block characters is left whole (the pieces join to *text*).

    >>> [len(p) for p in bounded_pieces("，" + "党" * 4500 + "。", limit=2000)]
    [2001, 2000, 501]
    """
    if len(text) <= limit:
        return [text]
    long_block = _LONG_BLOCK if limit == MAX_BLOCK else re.compile(f"[{_PY_HAN}{_ASCII_BLOCK}]{{{limit + 1},}}")
    cuts = [0]
    for m in long_block.finditer(text):
        cuts.extend(range(m.start() + limit, m.end(), limit))
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:]) if a < b]


class JiebaBackend:
    """jieba's pure-Python ``Tokenizer`` over a private, cached prefix dictionary.

    A block longer than :data:`MAX_BLOCK` characters is cut before segmentation (bounded work).
    """

    name = "jieba"

    def __init__(self, entries: Sequence[Entry], hmm: bool = True) -> None:
        import jieba

        self.hmm = hmm
        self._entries = list(entries)
        freq, total = load_prefix_dict(self._entries)
        tk = jieba.Tokenizer()
        tk.FREQ, tk.total = freq, total
        tk.initialized = True
        self.tk = tk
        self._tags: dict[str, str] | None = None
        self._hmm_tag = _HmmTagger()

    def cut(self, text: str) -> list[str]:
        """Every token, whitespace included (the tokens tile *text*)."""
        if len(text) > MAX_BLOCK and _LONG_BLOCK.search(text):
            return [w for piece in bounded_pieces(text) for w in self.tk.cut(piece, HMM=self.hmm)]
        return list(self.tk.cut(text, HMM=self.hmm))

    def has_word(self, word: str) -> bool:
        return bool(self.tk.FREQ.get(word))

    def word_tag(self, word: str) -> str:
        """POS of *word* on its own: its dictionary tag, else the HMM's (Han) or :func:`unknown_tag`."""
        if self._tags is None:
            self._tags = load_tag_table(self._entries)
        t = self._tags.get(word)
        if not t:
            t = self._hmm_tag(word) if _PY_HAN_CHAR.search(word) else unknown_tag(word)
        return t

    def tag(self, text: str) -> list[tuple[str, str]]:
        if self._tags is None:
            self._tags = load_tag_table(self._entries)
        tags = self._tags
        out = []
        for w in self.cut(text):
            t = tags.get(w)
            if not t:
                t = self._hmm_tag(w) if _PY_HAN_CHAR.search(w) else unknown_tag(w)
            out.append((w, t))
        return out


# lone surrogates (U+D800-U+DFFF) cannot be encoded as UTF-8 for jieba-rs
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_SPLIT = re.compile("([\ud800-\udfff])")


def _around_surrogates(text: str) -> Iterator[tuple[str, bool]]:
    """``(part, is_a_lone_surrogate)`` for the non-empty parts of *text* split at each lone surrogate."""
    for i, part in enumerate(_SURROGATE_SPLIT.split(text)):
        if part:
            yield part, i % 2 == 1  # re.split puts the captured separators at odd positions


class RjiebaBackend:
    """jieba-rs (``rjieba``) with jieba's dictionary, the same frequencies, and jieba's
    handling of non-Han stretches (see the module docstring)."""

    name = "rjieba"

    def __init__(self, entries: Sequence[Entry], hmm: bool = True) -> None:
        try:
            import rjieba
        except ImportError:
            raise MissingExtraError("the fast segmentation backend (backend='rjieba')", "fast", "rjieba") from None
        self.hmm = hmm
        rj = rjieba.Jieba()
        for w, f, p in entries:
            rj.add_word(w, f, p)
        self.rj = rj
        self._hmm_tag = _HmmTagger()

    # -- pieces ------------------------------------------------------------------
    def _pieces(self, text: str, hits: list[int] | None = None) -> list[tuple[str, bool]]:
        """Split *text* at block boundaries into ``(piece, needs_correction)`` (*hits*: ``_scan(text)``, if known)."""
        out: list[tuple[str, bool]] = []
        last = 0
        is_block = _RS_BLOCK_CHAR.match
        for m in _suspects(text, hits):
            if m < last:
                continue  # inside the block just taken
            s = m
            while s > last and is_block(text, s - 1):
                s -= 1
            run = _RS_BLOCK_RUN.match(text, m)
            assert run is not None  # a starred pattern always matches
            e = run.end()
            if s > last:
                out.append((text[last:s], False))
            out.append((text[s:e], True))
            last = e
        if last < len(text):
            out.append((text[last:], False))
        return out or [(text, False)]

    def _fix(self, block: str) -> list[str]:
        """jieba's tokens for one block that may differ."""
        out: list[str] = []
        rj = self.rj
        for sub in _EXTRA_SPLIT.split(block):
            if not sub:
                continue
            if len(sub) == 1 and _EXTRA_SPLIT.match(sub):
                out.append(sub)
                continue
            for w in rj.cut(sub, self.hmm):
                if self.hmm and len(w) > 1 and _HAS_SYM.search(w) and not _PY_HAN_CHAR.search(w) and not rj.has_word(w):
                    out.extend(x for x in _FINALSEG_SKIP.split(w) if x)
                else:
                    out.append(w)
        return out

    # -- API -----------------------------------------------------------------------
    def cut(self, text: str) -> list[str]:
        """Every token, whitespace included (the tokens tile *text*).

        A lone surrogate (some decoders leave them) cannot cross into Rust: it is a token
        of its own, as jieba makes it, and the text around it is cut as usual.
        """
        hits = _scan(text)
        if any(_is_surrogate(text[i]) for i in hits):
            return [w for part, lone in _around_surrogates(text) for w in ([part] if lone else self._cut(part))]
        return self._cut(text, hits)

    def _cut(self, text: str, hits: list[int] | None = None) -> list[str]:
        pieces = self._pieces(text, hits)
        if len(pieces) == 1 and not pieces[0][1]:
            return self.rj.cut(text, self.hmm)
        out: list[str] = []
        for piece, fix in pieces:
            out.extend(self._fix(piece) if fix else self.rj.cut(piece, self.hmm))
        return out

    def has_word(self, word: str) -> bool:
        if _SURROGATE.search(word):
            return False  # a lone surrogate cannot cross into Rust and is in no dictionary
        return self.rj.has_word(word)

    def tag(self, text: str) -> list[tuple[str, str]]:
        """``(token, POS)`` pairs; a lone surrogate is a token of its own tagged ``x``, as in :meth:`cut`."""
        hits = _scan(text)
        if any(_is_surrogate(text[i]) for i in hits):
            return [
                pair for part, lone in _around_surrogates(text) for pair in ([(part, "x")] if lone else self._tag(part))
            ]
        return self._tag(text, hits)

    def _tag(self, text: str, hits: list[int] | None = None) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        rj = self.rj
        for piece, fix in self._pieces(text, hits):
            if fix:
                pairs = [(w, "") for w in self._fix(piece)]
                pairs = [(w, self._dict_tag(w)) for w, _ in pairs]
            else:
                pairs = rj.tag(piece, self.hmm)
            for w, t in pairs:
                if t in _FALLBACK_TAGS and _PY_HAN_CHAR.search(w) and (t == "" or not rj.has_word(w)):
                    t = self._hmm_tag(w)  # out-of-dictionary Han word (or a dictionary word without tag)
                elif t == "":
                    t = unknown_tag(w)
                out.append((w, t))
        return out

    def word_tag(self, word: str) -> str:
        """POS of *word* on its own: its dictionary tag, else the HMM's (Han) or :func:`unknown_tag`."""
        t = self._dict_tag(word) if self.has_word(word) else ""  # has_word: a lone surrogate cannot cross into Rust
        if t in _FALLBACK_TAGS and _PY_HAN_CHAR.search(word):
            return self._hmm_tag(word) if (t == "" or not self.has_word(word)) else t
        return t or unknown_tag(word)

    def _dict_tag(self, word: str) -> str:
        if self.rj.has_word(word):
            t = self.rj.tag(word, False)
            if len(t) == 1:
                return t[0][1]
        return unknown_tag(word) if not _PY_HAN_CHAR.search(word) else ""


BACKENDS = {"jieba": JiebaBackend, "rjieba": RjiebaBackend}
