"""Shared plumbing of the statistics: sources as corpora, cached term lists.

Every statistic turns its ``source`` into a :class:`~policytext.Corpus` and reads
terms through :meth:`Corpus.terms`, which caches them per segmenter; derived views
(POS-filtered terms, terms grouped by sentence) are cached next to them in the
corpus, keyed by the segmenter's fingerprint, so a second statistic over the same
corpus never segments again.

>>> from policytext import Corpus
>>> c = as_corpus(["推动高质量发展。", "坚持稳中求进。"])
>>> c.doc_ids
['0', '1']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .._util.convention import warn_user
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.source import iter_source
from ..corpus.text import split_sentences
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = [
    "STAT_UNITS",
    "as_corpus",
    "as_unit_corpus",
    "doc_terms",
    "get_segmenter",
    "pos_matcher",
    "sentence_terms",
    "token_offsets",
]


#: The units a statistic can count by: whole documents, or their sections or paragraphs.
STAT_UNITS = ("document", "section", "paragraph")


def as_unit_corpus(source: Any, unit: str = "document") -> Corpus:
    """*source* as a Corpus of the units to count: the documents themselves, or their sections or
    paragraphs (:meth:`Corpus.split <policytext.corpus.Corpus.split>`, every heading cuts).

    >>> [d.doc_id for d in as_unit_corpus(["一、目标\\n稳中求进。\\n二、任务\\n发展。"], "section")]
    ['0§0', '0§1']
    """
    if unit not in STAT_UNITS:
        raise InputError(f"unit must be one of {', '.join(repr(u) for u in STAT_UNITS)}, not {unit!r}")
    corpus = as_corpus(source)
    return corpus if unit == "document" else corpus.split(unit)


def as_corpus(source: Any) -> Corpus:
    """*source* (str, Document, Corpus or list of them) as a Corpus; a Corpus is returned as is.

    Returning the caller's Corpus object itself is what lets its token cache serve
    the next statistic.
    """
    if isinstance(source, Corpus):
        return source
    if isinstance(source, Document):
        return Corpus([source])
    docs = []
    if not isinstance(source, str) and isinstance(source, Sequence) and all(isinstance(d, Document) for d in source):
        docs = list(source)
    else:
        for doc_id, text, meta in iter_source(source):
            docs.append(Document(str(doc_id), text, dict(meta)))
    try:
        return Corpus(docs)
    except InputError as e:
        raise InputError(f"source: {e}") from None


def get_segmenter(segmenter: Segmenter | None) -> Segmenter:
    """The given segmenter, or a default :class:`~policytext.Segmenter`."""
    if segmenter is None:
        from ..segment.segmenter import Segmenter

        return Segmenter()
    return segmenter


#: the POS tags of jieba's dictionary (and of the policy lexicon), plus ``eng`` and ``x`` that jieba gives to Latin
#: words and punctuation; ``pos=`` filters name one of them or the start of several (``n`` for n, nr, ns …)
POS_TAGS = (
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq",
    "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
    "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
)  # fmt: skip


def pos_matcher(pos: str | Sequence[str] | None) -> Callable[[str | None], bool] | None:
    """A predicate on POS tags: a tag matches a wanted tag it starts with.

    ``pos="n"`` keeps ``n, nr, ns, nt, nz, ng``; ``pos=("n", "vn")`` keeps nouns and
    verbal nouns. ``None`` means no filter.

    >>> keep = pos_matcher(["n", "vn"])
    >>> keep("ns"), keep("vn"), keep("v"), keep(None)
    (True, True, False, False)
    """
    if pos is None:
        return None
    wanted = (pos,) if isinstance(pos, str) else tuple(pos)
    wanted = tuple(p.strip() for w in wanted for p in str(w).split(",") if p.strip())
    if not wanted:
        raise InputError("pos: give at least one POS tag (e.g. 'n' or ['n', 'vn'])")
    bad = [w for w in wanted if not (w.isascii() and w.isalpha())]
    if bad:
        raise InputError(f"pos: {bad[0]!r} is no POS tag (ASCII letters: {' '.join(POS_TAGS)})")
    unknown = [w for w in wanted if not any(t.startswith(w) for t in POS_TAGS)]
    if unknown:
        # only words that a user dictionary tags so can match (Segmenter(user_dicts=[("稳中求进", 100, "policy")]))
        warn_user(
            f"pos: {unknown[0]!r} is no jieba POS tag nor the start of one ({' '.join(POS_TAGS)}); only words your "
            "own dictionaries tag so will match"
        )

    def keep(tag: str | None) -> bool:
        return tag is not None and tag.startswith(wanted)

    return keep


def _term_filter(seg: Segmenter) -> Callable[[str], bool]:
    """Whether a single token is a content term for *seg* (what ``seg.terms`` keeps)."""
    memo: dict[str, bool] = {}

    def is_term(word: str) -> bool:
        r = memo.get(word)
        if r is None:
            kept = seg.terms(word)
            r = memo[word] = "".join(kept) == word and bool(kept)
        return r

    return is_term


def doc_terms(
    corpus: Corpus, seg: Segmenter, pos: str | Sequence[str] | None = None, min_chars: int = 1
) -> list[list[str]]:
    """Content terms of each document (cached), optionally kept by POS tag and length.

    Without *pos* these are ``corpus.terms(seg)``. With *pos* the documents are
    tagged once with ``seg.tokenize(text, pos=True)`` and the tagged content terms
    are cached, so further POS filters reuse the tagging.
    """
    keep = pos_matcher(pos)
    if keep is None:
        lists = corpus.terms(seg)
        if min_chars <= 1:
            return lists
        return [[w for w in ws if len(w) >= min_chars] for ws in lists]
    tagged = _tagged_terms(corpus, seg)
    return [[w for w, t in ws if keep(t) and len(w) >= min_chars] for ws in tagged]


def _tagged_terms(corpus: Corpus, seg: Segmenter) -> list[list[tuple[str, str | None]]]:
    is_term = _term_filter(seg)
    return corpus.memo(
        ("policytext.stats:tagged_terms", seg.fingerprint),
        lambda: [[(t.word, t.pos) for t in seg.tokenize(d.text, pos=True) if is_term(t.word)] for d in corpus],
    )


def token_offsets(text: str, tokens: Sequence[str]) -> list[int]:
    """Start offset of each token in *text*, tokens being in text order (``cut`` or ``terms``).

    >>> token_offsets("坚持 稳中求进。", ["坚持", "稳中求进", "。"])
    [0, 3, 7]
    """
    out: list[int] = []
    pos = 0
    for tok in tokens:
        i = text.find(tok, pos)
        if i < 0:  # pragma: no cover - a segmenter that rewrites text
            i = pos
        out.append(i)
        pos = i + len(tok)
    return out


def sentence_terms(corpus: Corpus, seg: Segmenter) -> list[list[list[str]]]:
    """Content terms grouped by sentence (:func:`~policytext.split_sentences`), per document.

    Built from the cached ``corpus.terms(seg)``: terms come in text order, so each is
    found in the text after the previous one, and falls in the sentence holding its
    start. Cached itself; no segmentation beyond ``corpus.terms``.
    """
    return corpus.memo(("policytext.stats:sentence_terms", seg.fingerprint), lambda: _sentence_terms(corpus, seg))


def _sentence_terms(corpus: Corpus, seg: Segmenter) -> list[list[list[str]]]:
    out: list[list[list[str]]] = []
    for doc, terms in zip(corpus, corpus.terms(seg)):
        spans = split_sentences(doc.text)
        if not spans:
            out.append([])
            continue
        starts = [s.start for s in spans]
        sents: list[list[str]] = [[] for _ in spans]
        for term, off in zip(terms, token_offsets(doc.text, terms)):
            k = max(bisect.bisect_right(starts, off) - 1, 0)
            sents[k].append(term)
        out.append([s for s in sents if s])
    return out
