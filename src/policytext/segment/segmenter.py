"""Policy-aware word segmentation on jieba, with exact offsets, POS and fast paths.

Each :class:`Segmenter` owns its own dictionary and engine; jieba's global
tokenizer is never touched, so two segmenters with different lexicons never disturb
each other. The bundled policy lexicon (``lexicons/policy_terms.txt``) keeps official
formulations whole.

>>> from policytext.segment import Segmenter
>>> seg = Segmenter()
>>> seg.cut("推动组织工作守正创新")
['推动', '组织', '工作', '守正创新']
>>> seg.terms("推动组织工作守正创新")
['组织', '守正创新']
>>> [(t.word, t.start, t.end) for t in seg.tokenize("坚持稳中求进。")]
[('坚持', 0, 2), ('稳中求进', 2, 6), ('。', 6, 7)]
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress, filterfalse
from pathlib import Path
from typing import Any, NamedTuple

from .._util.convention import check_not_one_string, deprecated_positional
from .._util.lexicon_files import lexicon_path, load_wordlist
from ..errors import InputError
from .backends import BACKENDS
from .compounds import EndMemo, HeadRules, default_rules
from .coordination import SEPARATORS, coordinated_spans
from .dictionary import Entry, UserDict, policy_entries, read_dict_file, user_entries
from .programmes import FRAME_TOKENS, HEADING_MARKS, closes_heading_number, programme_spans
from .quoted import QUOTE_PAIRS, quoted_spans

__all__ = ["GRANULARITIES", "Segmenter", "Token", "fastest_backend"]

GRANULARITIES = ("coarse", "fine", "word")

# bumped when the rules that turn engine output into tokens change (part of the fingerprint,
# so token caches made by an older version are not reused)
_LAYER_VERSION = "words-heads-quoted-programmes-coordinated-2"

# a content term has at least one letter or Han character (not only digits/punctuation)
_CONTENT = re.compile(r"[^\W\d_]")


def fastest_backend() -> str:
    """``"rjieba"`` when the extra ``fast`` is installed, else ``"jieba"``.

    Both give the same tokens and tags (tested over the shared corpus), so code that
    only wants speed may pick whichever is present.

    >>> fastest_backend() in ("jieba", "rjieba")
    True
    """
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


class _TokenFields(NamedTuple):
    word: str
    start: int
    end: int
    pos: str | None = None


class Token(_TokenFields):
    """A token: ``text[start:end] == word``; ``pos`` is a jieba POS tag or ``None``.

    ``parts`` are the word-granularity tokens a coarse token is made of (a formulation or
    a head compound merges several; any other token is its own single part). It is an
    attribute, not a tuple field: ``Token(word, start, end, pos)``, unpacking into four
    names, ``tuple(t)`` and equality are as before (equality ignores ``parts``).

    >>> t = Segmenter().tokenize("建好乡镇综合文化站")[-1]
    >>> t.word, [p.word for p in t.parts]
    ('乡镇综合文化站', ['乡镇', '综合', '文化站'])
    >>> Token("发展", 0, 2).parts
    (Token(word='发展', start=0, end=2, pos=None),)
    """

    __slots__ = ()

    @property
    def parts(self) -> tuple[Token, ...]:
        """The word tokens this token merges (``(self,)`` when it merges none)."""
        return (self,)


class _MergedToken(Token):
    """A Token that merges several word tokens (it alone carries a ``__dict__``, so that the
    many plain tokens stay as small and as fast to make as a plain tuple)."""

    @property
    def parts(self) -> tuple[Token, ...]:
        d = self.__dict__
        parts = d.get("_parts")
        if parts is None:  # a lexicon unit: its word tokens are made on first use
            split, pos = d.pop("_lazy")
            out, o = [], self.start
            for w, t in split:
                out.append(tuple.__new__(Token, (w, o, o + len(w), t if pos else None)))
                o += len(w)
            parts = d["_parts"] = tuple(out)
        return parts

    def __repr__(self) -> str:
        return f"Token(word={self.word!r}, start={self.start!r}, end={self.end!r}, pos={self.pos!r})"


def _joined(words: list[str], spans: Iterable[tuple[int, int]], drop: Iterable[int]) -> list[str]:
    """*words* with each span ``(i, j)`` (in order, non-overlapping) joined into one word, without the
    tokens at the indices *drop* (in order) that no span holds and without a joined word that is all
    whitespace: built in one forward pass.

    >>> _joined(["a", " ", "b", "c", " ", "d"], [(2, 4)], [1, 4])
    ['a', 'bc', 'd']
    """
    out: list[str] = []
    start = 0  # the first token not yet copied or joined
    dropped = iter(drop)
    d = next(dropped, None)
    for i, j in (*spans, (len(words), len(words))):  # the last "span" copies the tail
        while d is not None and d < i:
            if d >= start:  # (a dropped index below start lies in the span just joined)
                out += words[start:d]
                start = d + 1
            d = next(dropped, None)
        out += words[start:i]
        if i < j:
            word = "".join(words[i:j])
            if word.strip():
                out.append(word)
        start = j
    return out


def _merged(fields: tuple[str, int, int, str | None], parts: Sequence[Token]) -> Token:
    """A token with *parts* (a plain Token when there is only one part)."""
    if len(parts) < 2:
        return tuple.__new__(Token, fields)
    tok = tuple.__new__(_MergedToken, fields)
    tok.__dict__["_parts"] = tuple(parts)
    return tok


class Segmenter:
    """Segment Chinese text with jieba plus the bundled policy lexicon.

    Parameters
    ----------
    lexicon:
        ``"policy"`` (default) loads the bundled ``policy_terms.txt``; ``None`` uses
        jieba's dictionary alone; a path uses that jieba-format file instead.
    user_dicts:
        Extra lexicons, applied after *lexicon* (later entries win): paths of jieba
        dictionary files (``word [freq] [pos]`` per line), lists of words or
        ``(word, freq, pos)`` tuples, or ``{word: freq}`` dicts. A word without a
        frequency gets jieba's suggested one (just enough to keep it whole).
    stopwords:
        What :meth:`terms` removes. ``None``: the bundled general list plus the policy
        function words (工作, 推动, 加强 …); ``"general"``: the general list only; a path
        (one word per line) or an iterable of words. ``cut``/``tokenize`` never drop tokens.
    hmm:
        Let jieba's HMM join unknown character runs into words.
    backend:
        ``"jieba"`` (pure Python) or ``"rjieba"`` (the Rust port, extra ``fast``,
        10-30x faster, same tokens).
    granularity:
        ``"coarse"`` (default): one token per formulation (lexicon entries) and per head
        compound (乡镇综合文化站, see :mod:`policytext.segment.compounds`), built by merging
        word tokens: every coarse token is an exact union of consecutive word tokens, listed
        in ``Token.parts``. ``"word"``: non-overlapping general-dictionary words (PKU style;
        a lexicon unit is cut by jieba's own dictionary), for linguistic work. ``"fine"``:
        the coarse tokens plus the sub-words of every token longer than two characters (its
        best split into dictionary words other than itself, recursively), before it, as
        jieba's ``cut_for_search`` does; for indexing and recall-oriented counting. The
        extra tokens overlap the token that holds them.
    heads:
        The head-compound rules of the coarse and fine granularities: ``"default"`` (the
        bundled ``lexicons/heads.txt``), a path to such a file, a
        :class:`~policytext.segment.compounds.HeadRules`, or ``None`` (no head compounds).
    quoted:
        In the coarse and fine granularities, keep a short formulation cited in quotation
        marks whole (锚定“三高四新”美好蓝图, 统筹“硬投资”与“软建设”; each item of a quoted list
        “个转企、企升规”); at most 10 characters, no sentence punctuation inside. See
        :mod:`policytext.segment.quoted`. ``False`` turns the rule off.
    programmes:
        In the coarse and fine granularities, keep a programme's name whole where a governing verb
        launches it (实施 | 农村饮水安全巩固提升工程, 开展 | 规范涉企执法专项行动), verbs inside the name
        included. See :mod:`policytext.segment.programmes`. ``False`` turns the rule off.
    coordinated:
        In the coarse and fine granularities, keep an item of two tokens whole when the item next to it
        in a coordination shares its first or last word (乱检查、乱查封, 制度治党、依规治党,
        自主开放和单边开放). See :mod:`policytext.segment.coordination`. ``False`` turns the rule off.

    >>> Segmenter(lexicon=None, user_dicts=[["稳中求进"]]).cut("坚持稳中求进")
    ['坚持', '稳中求进']
    >>> Segmenter(granularity="fine").cut("高质量发展")
    ['质量', '高质量', '发展', '高质量发展']
    """

    def __init__(
        self,
        lexicon: str | os.PathLike[str] | None = "policy",
        user_dicts: Iterable[UserDict] = (),
        stopwords: str | os.PathLike[str] | Iterable[str] | None = None,
        hmm: bool = True,
        backend: str = "jieba",
        granularity: str = "coarse",
        heads: str | os.PathLike[str] | HeadRules | None = "default",
        quoted: bool = True,
        programmes: bool = True,
        coordinated: bool = True,
    ) -> None:
        if backend not in BACKENDS:
            raise InputError(
                f"unknown backend {backend!r}; choose one of {sorted(BACKENDS)} "
                "('rjieba' needs the extra: pip install 'policytext[fast]')"
            )
        if granularity not in GRANULARITIES:
            raise InputError(f"unknown granularity {granularity!r}; choose one of {GRANULARITIES}")
        if backend == "rjieba":
            try:
                import rjieba  # noqa: F401
            except ImportError:
                from ..errors import MissingExtraError

                raise MissingExtraError("the fast segmentation backend (backend='rjieba')", "fast", "rjieba") from None
        self.lexicon = lexicon
        self.user_dicts = tuple(user_dicts) if not isinstance(user_dicts, (str, os.PathLike, dict)) else (user_dicts,)
        self.stopwords = stopwords
        if isinstance(hmm, str) or hmm is None:  # 'no' would be true
            raise InputError(f"hmm: expected True or False, not {hmm!r}")
        self.hmm = bool(hmm)
        self.backend = backend
        self.granularity = granularity
        if heads is None or isinstance(heads, HeadRules):
            self.heads: HeadRules | None = heads
        elif isinstance(heads, str) and heads == "default":
            self.heads = default_rules()
        elif isinstance(heads, (str, os.PathLike)):
            self.heads = HeadRules.load(heads)
        else:
            raise InputError(f"heads must be 'default', a path, a HeadRules or None, got {heads!r}")
        if not isinstance(quoted, bool):
            raise InputError(f"quoted must be True or False, got {quoted!r}")
        self.quoted = quoted
        if not isinstance(programmes, bool):
            raise InputError(f"programmes must be True or False, got {programmes!r}")
        self.programmes = programmes
        if not isinstance(coordinated, bool):
            raise InputError(f"coordinated must be True or False, got {coordinated!r}")
        self.coordinated = coordinated
        self._entries = self._collect_entries()
        # lexicon units the word layer cuts with jieba's general dictionary
        self._units = frozenset(w for w, _f, _p in self._entries if len(w) > 1)
        self._stop = self._load_stopwords()
        self.fingerprint = self._make_fingerprint()
        self._lock = threading.Lock()
        self._engine: Any = None
        self._pool: Any = None
        self._sub_memo: dict[str, list[tuple[str, int]]] = {}
        self._word_engine: Any = None
        self._split_memo: dict[str, list[tuple[str, str]]] = {}
        self._tag_memo: dict[str, str] = {}
        self._end_memo = EndMemo()
        self._learned: Any = None  # the frame of terms adapt() learned (pandas is imported only then)

    # -- configuration --------------------------------------------------------
    def _collect_entries(self) -> list[Entry]:
        entries: list[Entry] = []
        if self.lexicon == "policy":
            entries += policy_entries()
        elif self.lexicon is not None:
            if (
                isinstance(self.lexicon, str)
                and not os.path.exists(self.lexicon)
                and os.sep not in self.lexicon
                and not self.lexicon.endswith(".txt")
            ):
                raise InputError(
                    f"unknown lexicon {self.lexicon!r}; use 'policy', None or a path to a jieba dictionary"
                )
            entries += read_dict_file(self.lexicon)
        for i, ud in enumerate(self.user_dicts):
            entries += user_entries(ud, i)
        # later entries win; keep the order of first appearance for determinism
        merged: dict[str, Entry] = {}
        for w, f, p in entries:
            if w in merged:
                _, f0, p0 = merged[w]
                merged[w] = (w, f if f is not None else f0, p or p0)
            else:
                merged[w] = (w, f, p)
        return list(merged.values())

    def _load_stopwords(self) -> frozenset[str]:
        sw = self.stopwords
        if sw is None:
            return load_wordlist(lexicon_path("stopwords.txt")) | load_wordlist(lexicon_path("stopwords_policy.txt"))
        if isinstance(sw, str) and sw == "general":
            return load_wordlist(lexicon_path("stopwords.txt"))
        if isinstance(sw, (str, os.PathLike)):
            return load_wordlist(sw)
        try:
            words = frozenset(sw)
        except TypeError:
            raise InputError(f"stopwords must be None, 'general', a path or an iterable of words, got {sw!r}") from None
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            raise InputError(f"stopwords must be strings, got {bad[0]!r}")
        return words

    def _make_fingerprint(self) -> str:
        h = hashlib.sha1()
        heads = self.heads.fingerprint if self.heads is not None else None
        settings = (
            self.hmm, self.backend, self.granularity, heads, self.quoted, self.programmes, self.coordinated,
            _LAYER_VERSION,
        )  # fmt: skip
        h.update(repr(settings).encode())
        for w, f, p in self._entries:
            h.update(f"{w}\t{f}\t{p}\n".encode())
        h.update("\n".join(sorted(self._stop)).encode())
        return h.hexdigest()[:16]

    @property
    def entries(self) -> list[Entry]:
        """The lexicon entries ``(word, freq, pos)`` this segmenter adds to jieba's dictionary."""
        return list(self._entries)

    # -- corpus-adaptive terms ----------------------------------------------------
    def adapt(self, source: Any, *, n_jobs: int | None = 1, **thresholds: Any) -> Segmenter:
        """A new Segmenter that also keeps the recurring compounds of *source* (a corpus) whole.

        The terms are found with the statistics of :func:`policytext.stats.discover_terms`
        (*thresholds*: ``min_count``, ``max_n``, ``min_chars``, ``max_chars``, ``min_pmi``,
        ``min_entropy``, ``top``) on this segmenter's tokens; this segmenter is unchanged.
        The new one lists them in :attr:`learned_terms` and logs how many it learned.
        See :mod:`policytext.segment.adapt`.

        >>> from policytext import Corpus
        >>> county = Corpus.from_texts(["县里建成乡村振兴学堂，乡村振兴学堂每月开课。"] * 3)
        >>> Segmenter().cut("乡村振兴学堂开课")
        ['乡村振兴', '学堂', '开课']
        >>> Segmenter().adapt(county, min_count=3).cut("乡村振兴学堂开课")
        ['乡村振兴学堂', '开课']
        """
        from .adapt import adapt

        return adapt(self, source, n_jobs=n_jobs, **thresholds)

    @property
    def learned_terms(self) -> Any:
        """The terms :meth:`adapt` learned, with their statistics (a DataFrame; empty if none).

        >>> Segmenter().learned_terms.empty
        True
        """
        from .adapt import empty_learned

        return empty_learned() if self._learned is None else self._learned.copy()

    def save_lexicon(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write :attr:`learned_terms` as a jieba dictionary that ``Segmenter(user_dicts=[path])`` loads.

        An existing file is an error unless ``overwrite=True``; so is a Segmenter that :meth:`adapt` did not return.

        >>> import tempfile, pathlib
        >>> from policytext import Corpus
        >>> county = Corpus.from_texts(["县里建成乡村振兴学堂，乡村振兴学堂每月开课。"] * 3)
        >>> path = Segmenter().adapt(county, min_count=3).save_lexicon(pathlib.Path(tempfile.mkdtemp()) / "county.txt")
        >>> Segmenter(user_dicts=[path]).cut("乡村振兴学堂开课")
        ['乡村振兴学堂', '开课']
        """
        from .adapt import save_lexicon

        if self._learned is None:
            raise InputError(
                f"save_lexicon({str(path)!r}): this Segmenter learned no terms; call adapt(corpus) first and save "
                "the Segmenter it returns"
            )
        return save_lexicon(self, path, overwrite=overwrite)

    def _copy_with(self, extra: Sequence[Entry]) -> Segmenter:
        """A new Segmenter with this one's settings and *extra* entries as one more user dictionary."""
        return Segmenter(
            lexicon=self.lexicon,
            user_dicts=(*self.user_dicts, list(extra)),
            stopwords=self.stopwords,
            hmm=self.hmm,
            backend=self.backend,
            granularity=self.granularity,
            heads=self.heads,
            quoted=self.quoted,
            programmes=self.programmes,
            coordinated=self.coordinated,
        )

    @property
    def stopword_set(self) -> frozenset[str]:
        """The stopwords :meth:`terms` removes."""
        return self._stop

    def _ensure_backend(self) -> Any:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = BACKENDS[self.backend](self._entries, hmm=self.hmm)
        return self._engine

    @property
    def tokenizer(self) -> Any:
        """The engine's own tokenizer (a ``jieba.Tokenizer`` or an ``rjieba.Jieba``)."""
        eng = self._ensure_backend()
        return getattr(eng, "tk", None) or eng.rj

    def has_word(self, word: str) -> bool:
        """Whether *word* is in this segmenter's dictionary (jieba's plus the lexicons)."""
        return self._ensure_backend().has_word(word)

    # -- segmentation -----------------------------------------------------------
    @staticmethod
    def _check(text: Any) -> str:
        if not isinstance(text, str):
            raise InputError(f"text must be a str, got {type(text).__name__}")
        return text

    def _subwords(self, word: str) -> list[tuple[str, int]]:
        """Sub-words of *word* with their offsets: its best split into dictionary words
        (the word itself excluded), recursively, inner pieces before the piece that holds them."""
        memo = self._sub_memo
        hit = memo.get(word)
        if hit is not None:
            return hit
        has = self._ensure_backend().has_word
        n = len(word)

        def fmm() -> list[tuple[int, int]]:
            out, i = [], 0
            while i < n:
                j = next((j for j in range(n, i + 1, -1) if (i, j) != (0, n) and has(word[i:j])), i + 1)
                out.append((i, j))
                i = j
            return out

        def bmm() -> list[tuple[int, int]]:
            out, j = [], n
            while j > 0:
                i = next((i for i in range(0, j - 1) if (i, j) != (0, n) and has(word[i:j])), j - 1)
                out.append((i, j))
                j = i
            return out[::-1]

        def cost(sp: list[tuple[int, int]]) -> tuple[int, int]:
            return (sum(1 for i, j in sp if j - i == 1), len(sp))

        f, b = fmm(), bmm()
        split = f if cost(f) < cost(b) else b
        out: list[tuple[str, int]] = []
        for i, j in split:
            if j - i >= 2:
                piece = word[i:j]
                if j - i > 2:
                    out.extend((q, i + o) for q, o in self._subwords(piece))
                out.append((piece, i))
        if len(memo) < 100_000:
            memo[word] = out
        return out

    def _fine(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for w in words:
            if len(w) > 2:
                out.extend(q for q, _ in self._subwords(w))
            out.append(w)
        return out

    # -- the word layer and head compounds ---------------------------------------
    def _ensure_word_engine(self) -> Any:
        if self._word_engine is None:
            with self._lock:
                if self._word_engine is None:
                    self._word_engine = BACKENDS[self.backend]((), hmm=self.hmm)
        return self._word_engine

    def _split(self, unit: str) -> list[tuple[str, str]]:
        """Word tokens ``(word, POS)`` of a lexicon unit: jieba's general dictionary on the unit alone."""
        hit = self._split_memo.get(unit)
        if hit is None:
            # tags out of context from the lexicon engine's table and the shared HMM tagger: the
            # backends' own taggers can differ on words the HMM made (空天: nr or n)
            wt = self._word_tag
            hit = [(w, wt(w)) for w in self._ensure_word_engine().cut(unit)]
            if len(self._split_memo) < 200_000:
                self._split_memo[unit] = hit
        return hit

    def _word_tag(self, word: str) -> str:
        """POS of *word* out of context (dictionary tag, else the HMM's); what head compounds test."""
        t = self._tag_memo.get(word)
        if t is None:
            t = self._ensure_backend().word_tag(word)
            if len(self._tag_memo) < 200_000:
                self._tag_memo[word] = t
        return t

    def _spans(self, words: list[str]) -> list[tuple[int, int]]:
        """Token spans the coarse granularity merges: quoted formulations, programme names outside them, then
        head compounds outside both."""
        return self._layout(words)[0]

    def _layout(self, words: list[str]) -> tuple[list[tuple[int, int]], list[int]]:
        """The spans :meth:`_spans` gives and the indices of the whitespace tokens, in order.

        One scan of the tokens finds the kinds of token the coarse layer starts from: those that can end a
        head, the opening quotation marks, the governing verbs of programme names, the separators of
        coordinations and the whitespace tokens (:meth:`cut` drops them).
        """
        heads = self.heads
        known = self._ensure_backend().has_word
        distinct = set(words)
        ends = set() if heads is None else heads.end_words(distinct, self._word_tag, self._end_memo, known=known)
        openers = distinct.intersection(QUOTE_PAIRS) if self.quoted else set()
        blanks = set(filterfalse(str.strip, distinct))
        verbs = distinct.intersection(FRAME_TOKENS) if self.programmes else set()
        seps = distinct.intersection(SEPARATORS) if self.coordinated else set()
        at_end: list[int] = []
        at_open: list[int] = []
        at_blank: list[int] = []
        at_verb: list[int] = []
        at_sep: list[int] = []
        marked = ends | openers | blanks | verbs | seps
        for i in compress(range(len(words)), map(marked.__contains__, words)):
            w = words[i]
            if w in seps:
                at_sep.append(i)
                if w not in ends and w not in verbs:  # the most frequent mark (、 also closes a heading's number)
                    continue
            if w in ends:
                at_end.append(i)
            if w in openers:
                at_open.append(i)
            if w in blanks:
                at_blank.append(i)
            if w in verbs and (w not in HEADING_MARKS or closes_heading_number(words, i)):
                at_verb.append(i)
        compounds = (
            heads.merge_spans(words, self._word_tag, self._end_memo, known=known, lead=self._lead_tag, at=at_end)
            if heads is not None and at_end
            else []
        )
        quoted = quoted_spans(words, at=at_open) if at_open else []
        stops = heads.stops if heads is not None else default_rules().stops
        programmes = programme_spans(words, at=at_verb, stops=stops) if at_verb else []
        coordinated = coordinated_spans(words, self._word_tag, stops, at=at_sep) if at_sep else []
        if not quoted and not programmes and not coordinated:
            return compounds, at_blank
        # a quoted formulation wins over a programme name that meets it, both over a head compound, and all
        # three over a coordinated item
        taken = {k for i, j in quoted for k in range(i, j)}
        programmes = [(i, j) for i, j in programmes if not taken.intersection(range(i, j))]
        taken.update(k for i, j in programmes for k in range(i, j))
        compounds = [(i, j) for i, j in compounds if not taken.intersection(range(i, j))]
        taken.update(k for i, j in compounds for k in range(i, j))
        coordinated = [(i, j) for i, j in coordinated if not taken.intersection(range(i, j))]
        return sorted(quoted + programmes + compounds + coordinated), at_blank

    def _lead_tag(self, word: str) -> str:
        """POS of the first word of *word* (its word-layer split for a lexicon unit)."""
        if word in self._units:
            split = self._split(word)
            if len(split) > 1:
                return split[0][1]
        return self._word_tag(word)

    def cut(self, text: str) -> list[str]:
        """Every non-whitespace token of *text*, punctuation and stopwords included, in order.

        >>> Segmenter().cut("中国式现代化，2035 年")
        ['中国式现代化', '，', '2035', '年']
        >>> Segmenter(granularity="word").cut("中国式现代化")
        ['中国式', '现代化']
        """
        words = self._ensure_backend().cut(self._check(text))
        g = self.granularity
        if g == "word":
            units = self._units
            out: list[str] = []
            for w in words:
                if w in units:
                    out.extend(x for x, _ in self._split(w))
                elif w.strip():
                    out.append(w)
            return out
        spans, blanks = self._layout(words)
        words = _joined(words, spans, blanks)
        return self._fine(words) if g == "fine" else words

    def __call__(self, text: str) -> list[str]:
        """Same as :meth:`cut` (so a Segmenter is itself a tokenizer callable)."""
        return self.cut(text)

    def tokenize(self, text: str, pos: bool = False) -> list[Token]:
        """Tokens with character offsets (and jieba POS tags with ``pos=True``).

        ``text[t.start:t.end] == t.word`` for every token; whitespace is skipped.
        With ``granularity="fine"`` the sub-word tokens come before the token that
        contains them and overlap it. ``t.parts`` are the word tokens of a coarse token.

        >>> [tuple(t) for t in Segmenter().tokenize("守正创新 发展", pos=True)]
        [('守正创新', 0, 4, 'i'), ('发展', 5, 7, 'vn')]
        """
        eng = self._ensure_backend()
        self._check(text)
        if pos:
            pairs = eng.tag(text)
            words = [w for w, _ in pairs]
            tags: Sequence[str | None] = [t for _, t in pairs]
        else:
            words = eng.cut(text)
            tags = [None] * len(words)
        ends = list(accumulate(map(len, words)))
        starts = [0]
        starts += ends[:-1]
        new = tuple.__new__  # Token(...) without the Python-level __new__: tokenize is hot
        units = self._units
        if self.granularity == "word":
            out: list[Token] = []
            for x in zip(words, starts, ends, tags):
                if x[0] in units:
                    out.extend(self._unit_parts(x[0], x[1], pos) or (new(Token, x),))
                elif x[0].strip():
                    out.append(new(Token, x))
            return out
        toks = [new(Token, x) for x in zip(words, starts, ends, tags)]
        split = self._split
        for i in [i for i, w in enumerate(words) if w in units]:
            sp = split(words[i])
            if len(sp) > 1:
                tok = toks[i] = new(_MergedToken, toks[i])
                tok.__dict__["_lazy"] = (sp, pos)
        for i, j in reversed(self._spans(words)):
            parts = [p for t in toks[i:j] for p in t.parts]
            toks[i:j] = [_merged(("".join(words[i:j]), starts[i], ends[j - 1], tags[j - 1]), parts)]
        out = [t for t in toks if t[0].strip()]
        if self.granularity == "fine":
            out = self._fine_tokens(out)
        return out

    def _unit_parts(self, unit: str, start: int, pos: bool) -> list[Token]:
        """The word tokens of a lexicon unit at *start* (empty when it is one word)."""
        split = self._split(unit)
        if len(split) < 2:
            return []
        out, o = [], start
        for w, t in split:
            out.append(tuple.__new__(Token, (w, o, o + len(w), t if pos else None)))
            o += len(w)
        return out

    def _fine_tokens(self, tokens: list[Token]) -> list[Token]:
        out: list[Token] = []
        for t in tokens:
            if len(t.word) > 2:
                out.extend(Token(q, t.start + o, t.start + o + len(q), None) for q, o in self._subwords(t.word))
            out.append(t)
        return out

    def tokenize_pos(self, text: str) -> list[Token]:
        """``tokenize(text, pos=True)`` (a method name for :meth:`cut_many`)."""
        return self.tokenize(text, pos=True)

    def terms(self, text: str) -> list[str]:
        """Content terms: :meth:`cut` without punctuation, digit-only tokens or stopwords.

        >>> Segmenter().terms("各级党组织要加强基层党组织建设。")
        ['党组织', '基层党组织', '建设']
        """
        return self.terms_of_tokens(self.cut(text))

    def terms_of_tokens(self, tokens: Iterable[str]) -> list[str]:
        """The content terms among already segmented *tokens* (what :meth:`terms` keeps)."""
        stop = self._stop
        return [w for w in tokens if w not in stop and _CONTENT.search(w)]

    @deprecated_positional("n_jobs", "progress", "method", allowed=2)
    def cut_many(
        self, texts: Iterable[str], *, n_jobs: int | None = 1, progress: bool = False, method: str = "cut"
    ) -> list[Any]:
        """``[self.cut(t) for t in texts]``, over *n_jobs* worker processes.

        ``n_jobs=-1`` uses every core. The workers stay alive between calls (call
        :meth:`close` or use the Segmenter as a context manager to stop them).
        *method* may be ``"cut"``, ``"terms"``, ``"tokenize"`` or ``"tokenize_pos"``
        (``tokenize(text, pos=True)``).
        """
        check_not_one_string(texts=texts)
        from .._util.jobs import resolve_jobs
        from .pool import WorkerPool

        if method not in ("cut", "terms", "tokenize", "tokenize_pos"):
            raise InputError(f"method must be 'cut', 'terms', 'tokenize' or 'tokenize_pos', got {method!r}")
        texts = [self._check(t) for t in texts]
        jobs = resolve_jobs(n_jobs)
        if jobs <= 1 or len(texts) < 2:
            fn = getattr(self, method)
            it: Iterable[str] = texts
            if progress:
                from .._util.progress import progress as _progress

                it = _progress(texts, total=len(texts), desc="segment")
            return [fn(t) for t in it]
        with self._lock:
            if self._pool is None or self._pool.n_workers != jobs:
                if self._pool is not None:
                    self._pool.close()
                self._pool = WorkerPool(self, jobs)
            pool = self._pool
        return pool.map(method, texts, progress=progress)

    def close(self) -> None:
        """Stop the worker processes of :meth:`cut_many` (they restart on demand)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def __enter__(self) -> Segmenter:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- pickling ---------------------------------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_engine"] = None
        state["_sub_memo"] = {}
        state["_pool"] = None
        state["_lock"] = None
        state["_word_engine"] = None
        state["_split_memo"] = {}
        state["_tag_memo"] = {}
        state["_end_memo"] = EndMemo()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        lex = self.lexicon if not isinstance(self.lexicon, Path) else str(self.lexicon)
        return (
            f"Segmenter(lexicon={lex!r}, user_dicts={len(self.user_dicts)}, hmm={self.hmm}, "
            f"backend={self.backend!r}, granularity={self.granularity!r}, "
            f"heads={'default' if self.heads is default_rules() else self.heads and 'custom'!r}"
            f"{'' if self.quoted else ', quoted=False'}{'' if self.programmes else ', programmes=False'}"
            f"{'' if self.coordinated else ', coordinated=False'})"
        )
