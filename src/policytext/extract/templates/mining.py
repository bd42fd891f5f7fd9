"""Discover slot templates nobody named: recurring literal skeletons with varying fillers.

:func:`mine_templates` reads clauses (text between ，。；：！？、 and line breaks) as
Segmenter tokens and looks for three shapes of frame:

- ``A{}B`` / ``A{}B{}`` — two literals a few words apart inside a clause, with
  different words between them (抓{}党建促{}, 以{}为{}, 加大{}力度);
- ``P{}`` — a literal that opens clauses, followed by different words (学出{});
- ``{}S`` — a literal that closes clauses (…{}取得新进展).

Candidates are counted for single tokens with numpy, then grown into maximal
literals (a token shared by every instance joins the literal: 抓{}促 whose fillers
all end in 党建 becomes 抓{}党建促), and ranked by

    score = sqrt(n_fillers) × frameness × informativeness × length bonus

where *frameness* is the share of the literals' occurrences that stand in the
frame (a literal used almost only in this frame is a frame marker), and
*informativeness* is low for literals made only of function words, punctuation
or numbers, and for frames whose fillers are mostly numbers.

>>> df = mine_templates(["抓学校党建促立德树人，加强学习。", "抓机关党建促作风转变，推进改革。",
...                      "抓国企党建促高质量发展，完善制度。", "深化改革，扩大开放。"])
>>> df.frame.iloc[0]
'抓{}党建促{}'
>>> df.fillers.iloc[0]
['学校 / 立德树人', '机关 / 作风转变', '国企 / 高质量发展']
"""

from __future__ import annotations

import math
import numbers
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from ..._util.convention import check_at_least, deprecated_positional
from ..._util.frames import to_frame
from ...corpus.corpus import Corpus
from ...corpus.source import Source, iter_source
from ...errors import InputError
from ...segment.defaults import extractor_segmenter
from ...segment.segmenter import Segmenter
from .matching import clean_filler
from .noise import NameFilter

__all__ = ["COLUMNS", "mine_templates"]

COLUMNS = ("frame", "support", "n_fillers", "n_docs", "score", "kind", "fillers", "examples")

_UNIT_BREAKS = frozenset("，。；：！？、,;:!?\n\r")
_MAX_GAP_CHARS = 24
_MAX_TRAIL_CHARS = 40
#: the longest trailing text shown after a pair frame's second literal (longer: cut, with …)
_MAX_SHOWN_TRAIL = 200
#: A frame's literals hold at most this many characters (longer ones are repeated sentences).
_MAX_LITERAL_CHARS = 10
#: A literal is Chinese words only (no 》, *, …, URL pieces: page chrome and markup are not frames).
_CJK_ONLY = re.compile("[\u4e00-\u9fff]+")


@dataclass
class _Tokens:
    """All tokens of the source as flat arrays, with clause ('unit') ids."""

    words: list[str]
    vocab: dict[str, int]
    ids: np.ndarray
    unit: np.ndarray
    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    texts: list[str]
    doc_ids: list[Any]


def _doc_words(source: Source, seg: Segmenter) -> list[tuple[Any, str, list[str]]]:
    if isinstance(source, Corpus):
        toks = source.tokens(seg)
        return [(d.doc_id, d.text, t) for d, t in zip(source, toks)]
    return [(doc_id, text, seg.cut(text)) for doc_id, text, _ in iter_source(source)]


def _flat_tokens(source: Source, seg: Segmenter) -> _Tokens:
    """:func:`_flatten` of the source's words; for a Corpus, kept with the corpus like its tokens
    (:meth:`Corpus.memo`), so a second call reads the arrays instead of building them again."""
    if isinstance(source, Corpus):
        key = ("policytext.extract.templates:flat_tokens", seg.fingerprint)
        return cast(_Tokens, source.memo(key, lambda: _flatten(_doc_words(source, seg)), per_document=False))
    return _flatten(_doc_words(source, seg))


def _name_tags(source: Source, seg: Segmenter) -> dict[str, tuple[str, ...]] | None:
    """The store of :meth:`NameFilter.tags` for a Corpus, kept with the corpus (None for other sources)."""
    if not isinstance(source, Corpus):
        return None
    key = ("policytext.extract.templates:name_tags", seg.fingerprint)
    return cast("dict[str, tuple[str, ...]]", source.memo(key, dict, per_document=False))


def _offsets(text: str, words: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """Character offsets of *words* in *text* (the words are the text minus whitespace)."""
    if not text:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    codes = _codes(text)
    space = _IS_SPACE[np.minimum(codes, len(_IS_SPACE) - 1)]
    nonws = np.flatnonzero(~space)
    lens = np.fromiter(map(len, words), np.int64, len(words))
    if lens.sum() != len(nonws):
        return None
    ends_s = np.cumsum(lens)
    starts_s = ends_s - lens
    if len(words) and lens.min() <= 0:
        return None
    start = nonws[starts_s]
    end = nonws[ends_s - 1] + 1
    return start, end


_SPACE_CODES = np.array(sorted({i for i in range(0x3001) if chr(i).isspace()} | {0x3000, 0x200B, 0xFEFF}), np.uint32)
#: Whitespace by code point, for every code up to the largest of :data:`_SPACE_CODES` (the last entry, False,
#: stands for every code beyond).
_IS_SPACE = np.zeros(int(_SPACE_CODES.max()) + 2, bool)
_IS_SPACE[_SPACE_CODES] = True


def _codes(text: str) -> np.ndarray:
    """The code points of *text* (a lone surrogate kept as its own code)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _word_ids(words: list[str], vocab: dict[str, int]) -> np.ndarray:
    """Vocabulary ids of *words*; a new word gets the next id, in order of first occurrence."""
    new = [w for w in dict.fromkeys(words) if w not in vocab]
    vocab.update(zip(new, range(len(vocab), len(vocab) + len(new))))
    return np.fromiter(map(vocab.__getitem__, words), np.int64, len(words))


def _flatten(docs: list[tuple[Any, str, list[str]]]) -> _Tokens:
    vocab: dict[str, int] = {}
    ids_l, unit_l, start_l, end_l, doc_l = [], [], [], [], []
    next_unit = 0
    for d, (_, text, words) in enumerate(docs):
        words = list(filter(str.strip, words))  # neither empty nor whitespace
        off = _offsets(text, words)
        if off is None:  # the segmenter changed the text: locate words one by one
            st, en, pos = [], [], 0
            found = []
            for w in words:
                i = text.find(w, pos)
                if i < 0:
                    continue
                found.append(w)
                st.append(i)
                en.append(i + len(w))
                pos = i + len(w)
            words = found
            off = (np.asarray(st, np.int64), np.asarray(en, np.int64))
        start, end = off
        if not words:
            continue
        is_break = np.fromiter(map(_UNIT_BREAKS.__contains__, words), bool, len(words))
        nl = np.r_[0, np.cumsum(_codes(text) == 10)]
        gap_nl = np.r_[0, nl[start[1:]] - nl[end[:-1]]] > 0
        unit = next_unit + np.cumsum(is_break | gap_nl)
        next_unit = int(unit[-1]) + 2
        keep = ~is_break
        ids = _word_ids(words, vocab)[keep]
        ids_l.append(ids)
        unit_l.append(unit[keep])
        start_l.append(start[keep])
        end_l.append(end[keep])
        doc_l.append(np.full(len(ids), d, np.int64))
    words_v = [""] * len(vocab)
    for w, k in vocab.items():
        words_v[k] = w

    def cat(parts: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    return _Tokens(
        words=words_v,
        vocab=vocab,
        ids=cat(ids_l),
        unit=cat(unit_l),
        start=cat(start_l),
        end=cat(end_l),
        doc=cat(doc_l),
        texts=[t for _, t, _ in docs],
        doc_ids=[i for i, _, _ in docs],
    )


def _is_content(w: str, stop: frozenset[str]) -> bool:
    return w not in stop and any(c.isalpha() for c in w) and not w.isdigit()


_NUMERIC_RE = re.compile(r"\d|百分之|[零一二三四五六七八九十两][十百千万亿]|[十百千万亿][一二三四五六七八九]")


def _is_numeric(s: str) -> bool:
    """A filler that holds a figure (100亿元, 5.5%, 百分之三)."""
    return _NUMERIC_RE.search(s) is not None


def _unnested(fillers: Counter[str], enough: int | None = None) -> int:
    """Distinct fillers, counting one that ends or starts with another as the same.

    A sentence printed twice (a caption and its body) gives 'fillers' such as 关心最直接 and
    直接, or 《百年百问》等 and 等: one instance seen from two starts, not two fillers.

    >>> _unnested(Counter(["关心最直接", "直接", "党建"]))
    2
    >>> _unnested(Counter(["甲乙", "丙丁", "戊己"]), enough=2)
    2
    """
    fs = sorted(fillers, key=len)
    kept: list[str] = []
    for f in fs:
        if not any(f.endswith(k) or f.startswith(k) for k in kept):
            kept.append(f)
            if enough is not None and len(kept) >= enough:  # the caller only asks whether there are enough
                break
    return len(kept)


def _norm_filler(s: str) -> str:
    """A filler as a reader names it: no leading aspect particle (了重要 → 重要), no trailing 的."""
    while len(s) > 1 and s[0] in "了着过":
        s = s[1:]
    if len(s) > 1 and s[-1] == "的":
        s = s[:-1]
    return s


@dataclass
class _Cand:
    kind: str  # "pair", "prefix", "suffix"
    inst: np.ndarray  # token index of literal A's first token (pair/prefix) or S's last token (suffix)
    gap: np.ndarray  # pair: index of B's first token; else unused


@deprecated_positional("segmenter", "max_gap", "top", allowed=2)
def mine_templates(
    source: Source,
    min_support: int = 3,
    *,
    segmenter: Segmenter | None = None,
    max_gap: int = 6,
    top: int | None = 100,
) -> pd.DataFrame:
    """Find recurring frames with slots in *source*, most informative first.

    Parameters
    ----------
    source:
        A string, Document, Corpus or list of them. A Corpus reuses its cached tokens.
    min_support:
        A frame needs at least this many distinct fillers.
    segmenter:
        The Segmenter that provides the words (default: the extractors' general-dictionary segmenter,
        :func:`~policytext.corpus.source.extractor_segmenter`).
    max_gap:
        Most words an inner slot spans while candidates are counted.
    top:
        Keep this many frames (``None``: all).

    Returns
    -------
    DataFrame ``frame, support, n_fillers, n_docs, score, kind, fillers, examples``:
    ``frame`` is written in the template language with anonymous slots (``抓{}党建促{}``,
    usable in :func:`~policytext.extract.templates.find_templates`); ``support`` counts
    instances, ``n_fillers`` distinct fillers (of the inner slot, or of the only slot);
    ``fillers`` lists them, most frequent first (``X / Y`` for two slots); ``examples``
    gives up to three instances as they stand in the text.
    """
    check_at_least(1, top=top, max_gap=max_gap)
    if not isinstance(min_support, numbers.Integral) or min_support < 2:
        raise InputError(f"min_support must be an integer >= 2, got {min_support!r}")
    seg = segmenter if segmenter is not None else extractor_segmenter(hmm=True)
    tk = _flat_tokens(source, seg)
    if len(tk.ids) < 3:
        return to_frame([], COLUMNS)
    stop = seg.stopword_set
    miner = _Miner(tk, stop, min_support, max_gap, NameFilter(seg, tags=_name_tags(source, seg)))
    rows = miner.run()
    rows.sort(key=lambda r: (-r["score"], r["frame"]))
    if top is not None:
        rows = rows[:top]
    return to_frame(rows, COLUMNS)


class _Miner:
    def __init__(
        self, tk: _Tokens, stop: frozenset[str], min_support: int, max_gap: int, names: NameFilter | None = None
    ):
        self.tk = tk
        self.stop = stop
        self.names = names if names is not None else NameFilter(None)
        self._lit_ok: dict[tuple[str, ...], bool] = {}
        self.min_support = min_support
        self.max_gap = max_gap
        ids = tk.ids
        self.N = len(ids)
        self.V = len(tk.words)
        self.freq = np.bincount(ids, minlength=self.V)
        rng = np.random.default_rng(12345)
        self.rand = rng.integers(1, 2**63 - 1, size=self.V, dtype=np.int64).astype(np.uint64)
        h = np.zeros(self.N + 1, np.uint64)
        np.cumsum(self.rand[ids], out=h[1:])
        self.H = h  # filler hash of tokens [i, j) = H[j] - H[i]
        self.content = np.array([_is_content(w, stop) for w in tk.words], bool)
        u = tk.unit
        self.first_of_unit = np.r_[True, u[1:] != u[:-1]]
        self.last_of_unit = np.r_[u[1:] != u[:-1], True]
        # unit start/end token index for every token
        starts = np.flatnonzero(self.first_of_unit)
        ends = np.flatnonzero(self.last_of_unit) + 1
        counts = ends - starts
        self.n_units = len(starts)
        self.u0 = np.repeat(starts, counts)
        self.u1 = np.repeat(ends, counts)
        # positions of every vocabulary id, for literal counts
        order = np.argsort(ids, kind="stable")
        self.pos_sorted = order
        self.pos_bounds = np.searchsorted(ids[order], np.arange(self.V + 1))
        self._lit_count: dict[tuple[int, ...], int] = {}
        self._valid: dict[str, bool] = {}
        # the same per-token columns as Python lists: fillers and examples read them one offset at a time
        self.start_at: list[int] = tk.start.tolist()
        self.end_at: list[int] = tk.end.tolist()
        self.doc_at: list[int] = tk.doc.tolist()

    # -- counting ---------------------------------------------------------------
    def _group(self, keys: np.ndarray, fh: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Unique keys with their instance counts and distinct-filler counts, and each key's index among them."""
        if len(keys) == 0:
            e = np.zeros(0, np.int64)
            return e, e, e, e
        uk, inv, cnt = np.unique(keys, return_inverse=True, return_counts=True)
        inv = inv.ravel()
        # one 64-bit value per (key, filler); collisions are negligible for counting
        combo = fh ^ (inv.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        _, first = np.unique(combo, return_index=True)
        distinct = np.bincount(inv[first], minlength=len(uk))
        return uk, cnt, distinct, inv

    def pair_candidates(self, limit: int) -> list[_Cand]:
        tk, N = self.tk, self.N
        ids, unit = tk.ids, tk.unit
        keys_l, fh_l, i_l, j_l = [], [], [], []
        for g in range(1, self.max_gap + 1):
            i = np.arange(0, N - g - 1)
            j = i + g + 1
            ok = (unit[i] == unit[j]) & ((tk.start[j] - tk.end[i]) <= _MAX_GAP_CHARS)
            ok &= self.content[ids[i]] | self.content[ids[j]]
            i, j = i[ok], j[ok]
            keys_l.append(ids[i] * self.V + ids[j])
            fh_l.append(self.H[j] - self.H[i + 1])
            i_l.append(i)
            j_l.append(j)
        keys = np.concatenate(keys_l)
        fh = np.concatenate(fh_l)
        ii = np.concatenate(i_l)
        jj = np.concatenate(j_l)
        uk, cnt, distinct, inv = self._group(keys, fh)
        good = distinct >= self.min_support
        a = uk // self.V
        b = uk % self.V
        fa, fb = self.freq[a], self.freq[b]
        pre = np.sqrt(distinct) * cnt / np.sqrt(fa * fb) * (0.2 + 0.8 * (self.content[a] & self.content[b]))
        pre = np.where(good, pre, -1)
        chosen = np.argsort(-pre, kind="stable")[:limit]
        chosen = chosen[pre[chosen] > 0]
        # instances of the chosen keys
        is_chosen = np.zeros(len(uk), bool)
        is_chosen[chosen] = True
        sel = is_chosen[inv]  # keys == uk[inv]: np.isin(keys, uk[chosen]) without a search
        k2, i2, j2 = keys[sel], ii[sel], jj[sel]
        order = np.argsort(k2, kind="stable")
        k2, i2, j2 = k2[order], i2[order], j2[order]
        if len(k2) == 0:
            return []
        cuts = np.flatnonzero(np.r_[True, k2[1:] != k2[:-1], True])
        out = []
        for s, e in zip(cuts[:-1], cuts[1:]):
            out.append(_Cand("pair", i2[s:e], j2[s:e]))
        return out

    def edge_candidates(self, limit: int) -> list[_Cand]:
        tk = self.tk
        ids = tk.ids
        out = []
        for kind in ("prefix", "suffix"):
            if kind == "prefix":
                idx = np.flatnonzero(self.first_of_unit & ~self.last_of_unit)
                fh = self.H[self.u1[idx]] - self.H[idx + 1]
            else:
                idx = np.flatnonzero(self.last_of_unit & ~self.first_of_unit)
                fh = self.H[idx] - self.H[self.u0[idx]]
            keys = ids[idx]
            uk, cnt, distinct, _ = self._group(keys, fh)
            good = distinct >= self.min_support
            pre = np.sqrt(distinct) * cnt / self.freq[uk] * (0.2 + 0.8 * self.content[uk])
            pre = np.where(good, pre, -1)
            chosen = np.argsort(-pre, kind="stable")[:limit]
            chosen = chosen[pre[chosen] > 0]
            want = set(uk[chosen].tolist())
            by: dict[int, list[int]] = defaultdict(list)
            for p, k in zip(idx.tolist(), keys.tolist()):
                if k in want:
                    by[k].append(p)
            for k in sorted(by):
                arr = np.asarray(by[k], np.int64)
                out.append(_Cand(kind, arr, arr))
        return out

    # -- growing literals -------------------------------------------------------------
    def literal_count(self, lit: tuple[int, ...]) -> int:
        c = self._lit_count.get(lit)
        if c is None:
            ids = self.tk.ids
            first = self.pos_sorted[self.pos_bounds[lit[0]] : self.pos_bounds[lit[0] + 1]]
            ok = np.ones(len(first), bool)
            for k in range(1, len(lit)):
                p = first + k
                valid = p < self.N
                ok &= valid
                ok[valid] &= (ids[p[valid]] == lit[k]) & (self.tk.unit[p[valid]] == self.tk.unit[first[valid]])
            c = int(ok.sum())
            self._lit_count[lit] = c
        return c

    def grow(self, c: _Cand) -> dict[str, Any] | None:
        tk, ids = self.tk, self.tk.ids
        text = tk.texts
        if len(c.inst) == 0:
            return None
        if c.kind == "pair":
            a0 = c.inst.copy()
            a1 = a0 + 1
            b0 = c.gap.copy()
            b1 = b0 + 1
            # a literal may occur twice in one clause: keep one instance per (a0)
            _, first = np.unique(a0, return_index=True)
            a0, a1, b0, b1 = a0[first], a1[first], b0[first], b1[first]
            # grow A to the right and B to the left (the filler keeps at least one token)
            while np.all(b0 - a1 >= 2) and len(set(ids[a1].tolist())) == 1:
                a1 = a1 + 1
            while np.all(b0 - a1 >= 2) and len(set(ids[b0 - 1].tolist())) == 1:
                b0 = b0 - 1
            u0, u1 = self.u0[a0], self.u1[a0]
            while np.all(b1 < u1) and len(set(ids[b1].tolist())) == 1:
                b1 = b1 + 1
            while np.all(a0 > u0) and len(set(ids[a0 - 1].tolist())) == 1:
                a0 = a0 - 1
            trail_len = u1 - b1
            trailing = np.mean(trail_len > 0) >= 0.5
            lit_a = tuple(ids[a0[0] : a1[0]].tolist())
            lit_b = tuple(ids[b0[0] : b1[0]].tolist())
            frame = self._lit(lit_a) + "{}" + self._lit(lit_b) + ("{}" if trailing else "")
            lits = [lit_a, lit_b]
            starts, ends = a0, np.where(trailing & (trail_len > 0), u1, b1)
            fillers = self._fillers(a1, b0)
            if trailing:
                trail = [
                    self._span(b, u, limit=_MAX_SHOWN_TRAIL) if u > b else "" for b, u in zip(b1.tolist(), u1.tolist())
                ]
                shown = [f"{f} / {t}" if t else f for f, t in zip(fillers, trail)]
            else:
                shown = fillers
        elif c.kind == "prefix":
            a0 = c.inst.copy()
            a1 = a0 + 1
            u1 = self.u1[a0]
            while np.all(u1 - a1 >= 2) and len(set(ids[a1].tolist())) == 1:
                a1 = a1 + 1
            lit = tuple(ids[a0[0] : a1[0]].tolist())
            frame = self._lit(lit) + "{}"
            lits = [lit]
            fillers = self._fillers(a1, u1)
            shown = fillers
            starts, ends = a0, u1
        else:
            s1 = c.inst.copy() + 1
            s0 = s1 - 1
            u0 = self.u0[s0]
            while np.all(s0 - u0 >= 2) and len(set(ids[s0 - 1].tolist())) == 1:
                s0 = s0 - 1
            lit = tuple(ids[s0[0] : s1[0]].tolist())
            frame = "{}" + self._lit(lit)
            lits = [lit]
            fillers = self._fillers(u0, s0)
            shown = fillers
            starts, ends = u0, s1
        # a frame's literal is a phrase of the register: not a name, a place, punctuation or a whole sentence
        lit_words = [tk.words[t] for part in lits for t in part]
        if not self._literal_ok(lit_words):
            return None
        # fillers must be fillers (the rules of find_templates), short enough, and not names or addresses
        valid = self._valid
        keep = []
        for i, f in enumerate(fillers):
            ok = valid.get(f)
            if ok is None:
                ok = valid[f] = (
                    0 < len(f) <= _MAX_TRAIL_CHARS and clean_filler(f) is not None and not self.names.is_name_filler(f)
                )
            if ok:
                keep.append(i)
        if not keep:
            return None
        distinct = Counter(fillers[i] for i in keep)
        if len(distinct) < self.min_support or _unnested(distinct, self.min_support) < self.min_support:
            return None
        shown_counts = Counter(shown[i] for i in keep)
        support = len(keep)
        first_tok, last_tok = starts.tolist(), (ends - 1).tolist()
        doc_at, start_at, end_at = self.doc_at, self.start_at, self.end_at
        docs = {doc_at[first_tok[i]] for i in keep}
        frameness = self._association(c.kind, lits, support)
        content = sum(self.content[t] for part in lits for t in part) / max(1, len(lit_words))
        informative = 0.15 + 0.85 * content
        numeric = sum(map(_is_numeric, shown_counts)) / len(shown_counts)
        if numeric >= 0.5:
            informative *= 0.25
        lit_chars = sum(len(w) for w in lit_words)
        length_bonus = 1 + 0.15 * min(lit_chars - 1, 4)
        diversity = len(distinct) / support
        # parallel fillers have similar lengths (学出理想信念 / 对党忠诚 / 使命担当)
        lens = np.array([len(f) for f in distinct], float)
        cv = float(lens.std() / lens.mean()) if lens.mean() > 0 else 0.0
        shape = 1 / (1 + cv)
        if c.kind == "suffix":  # a clause start is an arbitrary left edge: weaker evidence
            shape *= 0.6
        # a formula of the genre recurs across documents
        n_all = len(tk.texts)
        spread = 1.0 if n_all < 5 else 0.5 + 0.5 * min(1.0, (len(docs) - 1) / 2)
        score = (
            math.log2(1 + len(distinct))
            * frameness
            * spread
            * informative
            * length_bonus
            * (0.5 + 0.5 * diversity)
            * shape
        )
        examples = []
        for i in keep:
            ex = text[doc_at[first_tok[i]]][start_at[first_tok[i]] : end_at[last_tok[i]]]
            if ex not in examples:
                examples.append(ex)
            if len(examples) == 3:
                break
        kept_first = [first_tok[i] for i in keep]
        anchors = set(zip(map(doc_at.__getitem__, kept_first), map(start_at.__getitem__, kept_first)))
        return dict(
            _anchors=anchors,
            _lit="".join(lit_words),
            frame=frame,
            support=support,
            n_fillers=len(distinct),
            n_docs=len(docs),
            score=round(float(score), 4),
            kind=c.kind,
            fillers=sorted(shown_counts, key=shown_counts.__getitem__, reverse=True),  # most_common(), stable
            examples=examples,
        )

    def _literal_ok(self, words: list[str]) -> bool:
        """Is this a literal a frame can have (not a name, a place, bare punctuation, a sentence)?

        News reports repeat names (清华大学{}, 在仙林校区{}) and whole sentences (a caption
        printed twice gives a 'frame' whose literal is the sentence): neither is a frame.
        """
        key = tuple(words)
        ok = self._lit_ok.get(key)
        if ok is None:
            text = "".join(words)
            ok = (
                _CJK_ONLY.fullmatch(text) is not None
                and len(text) <= _MAX_LITERAL_CHARS
                and not any(self.names.is_name_word(w) for w in words)
                and not self.names.is_address_chain(text)
            )
            self._lit_ok[key] = ok
        return ok

    def _association(self, kind: str, lits: list[tuple[int, ...]], support: int) -> float:
        """Normalized PMI (0..1) of the frame's parts: how much more often they stand together
        than chance predicts. For a pair A{}B: A and B a few words apart; for P{} / {}S: the
        literal at a clause edge."""
        N = max(self.N, 2)
        o = max(support, 1)
        p_joint = o / N
        if kind == "pair":
            fa, fb = (max(1, self.literal_count(part)) for part in lits)
            expected = fa * fb * self.max_gap / N
        else:
            f = max(1, self.literal_count(lits[0]))
            expected = f * self.n_units / N
        if o <= expected:
            return 0.0
        return min(1.0, math.log(o / expected) / -math.log(min(p_joint, 0.5)))

    def _lit(self, lit: tuple[int, ...]) -> str:
        s = "".join(self.tk.words[t] for t in lit)
        return "".join("\\" + ch if ch in "{}[]|\\" else ch for ch in s)

    def _span(self, s: int, e: int, limit: int | None = None) -> str:
        """Text of tokens [s, e) as it stands in the document; with *limit*, at most that many characters and
        ``…`` (a unit of pathological length must not make every instance copy the rest of it)."""
        if e <= s:
            return ""
        text = self.tk.texts[self.doc_at[s]]
        a, b = self.start_at[s], self.end_at[e - 1]
        if limit is not None and b - a > limit:
            return text[a : a + limit] + "…"
        return text[a:b]

    def _fillers(self, s: np.ndarray, e: np.ndarray) -> list[str]:
        """The filler of tokens [s[k], e[k]) for every k (:func:`_norm_filler`), or ``""`` when it is certainly
        longer than any filler kept (so that a filler running to the end of a very long unit is never copied out).
        """
        tk, texts = self.tk, self.tk.texts
        some = e > s
        a = tk.start[s]
        b = np.where(some, tk.end[np.where(some, e - 1, s)], a)
        out = []
        for d, i, j in zip(tk.doc[s].tolist(), a.tolist(), b.tolist()):
            if j - i > _MAX_TRAIL_CHARS + 1 and texts[d][i] not in "了着过":
                out.append("")  # _norm_filler takes off at most a trailing 的 here: still too long
            else:
                out.append(_norm_filler(texts[d][i:j]))
        return out

    def run(self) -> list[dict[str, Any]]:
        cands = self.pair_candidates(limit=1000) + self.edge_candidates(limit=300)
        best: dict[str, dict[str, Any]] = {}
        for c in cands:
            r = self.grow(c)
            if r is None:
                continue
            old = best.get(r["frame"])
            if old is None or r["score"] > old["score"]:
                best[r["frame"]] = r
        # a frame whose instances mostly belong to a frame with a longer literal that contains
        # its own (抓{} inside 抓{}党建促{}) is the same finding, less precisely put: keep the
        # precise frame, with the better of the two scores
        ranked = sorted(best.values(), key=lambda r: (-len(r["_lit"]), -r["score"], r["frame"]))
        kept: list[dict[str, Any]] = []
        owner: dict[tuple[int, int], list[int]] = defaultdict(list)
        for r in ranked:
            overlap: Counter[int] = Counter()
            for a in r["_anchors"]:
                for k in owner.get(a, ()):
                    overlap[k] += 1
            need = 0.8 * len(r["_anchors"])
            hit = next((k for k, n in overlap.items() if n >= need and r["_lit"] in kept[k]["_lit"]), None)
            if hit is not None:
                kept[hit]["score"] = max(kept[hit]["score"], r["score"])
                continue
            for a in r["_anchors"]:
                owner[a].append(len(kept))
            kept.append(r)
        for r in kept:
            del r["_anchors"], r["_lit"]
        return kept


def format_for_terminal(df: pd.DataFrame, n: int = 30) -> str:
    """The top *n* frames, one line each, with a few fillers."""
    if df.empty:
        return "no recurring frames found\n"
    lines = []
    for k, r in enumerate(df.head(n).itertuples(index=False), 1):
        # pandas-stubs types every itertuples field as a scalar; this column holds lists
        fill = "、".join(cast("list[str]", r.fillers)[:5])
        lines.append(
            f"{k:>3}. {r.frame}\tsupport={r.support} fillers={r.n_fillers} docs={r.n_docs} score={r.score:.3f}\t{fill}"
        )
    return "\n".join(lines) + "\n"
