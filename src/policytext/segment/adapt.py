"""Corpus-adaptive terms: a Segmenter that learns a corpus's own recurring compounds.

:func:`adapt` segments the corpus with a Segmenter, finds the word n-grams that recur as
units (:func:`policytext.segment.ngrams.term_candidates`: count, weakest-split PMI, left and
right boundary entropy; the statistics of :func:`policytext.stats.discover_terms`) and
returns a *new* Segmenter with those terms added as a user dictionary. The original is not
changed. The learned terms are a frame (``seg.learned_terms``), can be saved as a jieba
dictionary (``seg.save_lexicon(path)``) and loaded again with ``user_dicts=[path]``; how
many were learned is logged (logger ``policytext.segment``, level WARNING).

Only candidates whose first word is nominal (a noun, verbal noun, distinguishing word,
abbreviation or fixed expression) and not a stop word of the head rules are kept: a
learned term names something; 扎实推进, 比上年增长, 各位代表 or 加强… are phrases.

>>> from policytext.segment import Segmenter
>>> docs = ["要加强银发服务驿站建设。", "银发服务驿站要开放。", "建好银发服务驿站，", "依托银发服务驿站。"] * 3
>>> seg = Segmenter(lexicon=None, heads=None).adapt(docs, min_count=3, min_entropy=0.5)
>>> seg.learned_terms["term"].tolist()
['银发服务驿站']
>>> seg.cut("依托银发服务驿站")
['依托', '银发服务驿站']
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._util.convention import check_at_least
from .._util.lexicon_files import lexicon_path, load_wordlist
from .._util.output import output_target, write_output
from ..errors import InputError
from .compounds import NOMINAL_TAGS
from .ngrams import TERM_COLUMNS, term_candidates

if TYPE_CHECKING:
    from .segmenter import Segmenter

__all__ = ["LEARNED_COLUMNS", "adapt", "empty_learned", "save_lexicon"]

logger = logging.getLogger("policytext.segment")

LEARNED_COLUMNS = [*TERM_COLUMNS, "pos"]
_THRESHOLDS = ("min_count", "max_n", "min_chars", "max_chars", "min_pmi", "min_entropy", "top")


def empty_learned() -> pd.DataFrame:
    """The learned-terms frame of a Segmenter that has learned nothing."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in LEARNED_COLUMNS})


def _token_lists(seg: Segmenter, source: Any, n_jobs: int | None) -> list[list[str]]:
    """One token list per document; a gap of whitespace between two tokens (a line break in
    the middle of a phrase, a space) is kept as a ``" "`` token, so no n-gram crosses it."""
    from ..corpus.source import iter_source

    texts = [text for _id, text, _meta in iter_source(source)]
    out = []
    for toks in seg.cut_many(texts, n_jobs=n_jobs, method="tokenize"):
        words: list[str] = []
        end = 0
        for t in toks:
            if t.start < end:
                continue  # the overlapping sub-words of granularity="fine"
            if t.start > end and words:
                words.append(" ")
            words.append(t.word)
            end = t.end
        out.append(words)
    return out


def adapt(seg: Segmenter, source: Any, *, n_jobs: int | None = 1, **thresholds: Any) -> Segmenter:
    """A copy of *seg* that also keeps the recurring compounds of *source* whole.

    *source*: a Corpus, a text, or an iterable of texts / documents. *thresholds* are
    those of :func:`policytext.stats.discover_terms` (``min_count=5, max_n=4, min_chars=3,
    max_chars=16, min_pmi=1.0, min_entropy=1.0, top=None``).
    """
    bad = sorted(set(thresholds) - set(_THRESHOLDS))
    if bad:
        raise InputError(f"adapt: unknown threshold {bad[0]!r}; choose among {list(_THRESHOLDS)}")
    check_at_least(1, **{k: thresholds[k] for k in ("min_count", "min_chars", "max_chars", "top") if k in thresholds})
    check_at_least(2, max_n=thresholds.get("max_n"))
    toks = _token_lists(seg, source, n_jobs)
    if not toks:
        raise InputError("adapt: the corpus has no documents")
    edge = load_wordlist(lexicon_path("stopwords.txt"))
    table = term_candidates(toks, known=seg.has_word, edge_stopwords=edge, **thresholds)
    stops = seg.heads.stops if seg.heads is not None else frozenset()
    tag = seg._word_tag
    keep, pos = [], []
    for words in table["words"]:
        first, last = words[0], words[-1]
        ok = tag(first) in NOMINAL_TAGS and first not in stops
        keep.append(ok)
        pos.append("nz" if tag(last)[:1] == "n" or tag(last) in ("vn", "j") else "l")
    # a boolean mask, not a list: an empty list would select no columns instead of no rows
    table = table.assign(pos=pos).loc[pd.Series(keep, index=table.index, dtype=bool)].reset_index(drop=True)
    table = table[LEARNED_COLUMNS]
    entries = [(t, None, p) for t, p in zip(table["term"], table["pos"])]
    new = seg._copy_with(extra=entries)
    prev = seg.learned_terms
    new._learned = pd.concat([prev, table], ignore_index=True) if len(prev) else table
    n_docs = len(toks)
    logger.warning(
        "Segmenter.adapt learned %d terms from %d documents (%s); see .learned_terms, save with .save_lexicon(path)",
        len(table),
        n_docs,
        ", ".join(f"{k}={v}" for k, v in sorted(thresholds.items())) or "default thresholds",
    )
    return new


def save_lexicon(seg: Segmenter, path: str | os.PathLike[str], overwrite: bool = False) -> Path:
    """Write *seg*'s learned terms as a jieba dictionary (``word pos`` per line, ``#`` header)."""
    p = Path(path)
    target = output_target(p, overwrite=overwrite)  # refusals name the path (exists, no folder, a directory)
    learned = seg.learned_terms
    lines = [
        "# Terms learned by policytext Segmenter.adapt (jieba dictionary format: word pos).",
        f"# {len(learned)} terms; load with Segmenter(user_dicts=[path]).",
        "# term count docs pmi left_entropy right_entropy (statistics on the adapted corpus) in the comment above each",
    ]
    for r in learned.itertuples(index=False):
        lines.append(f"# {r.term} {r.count} {r.docs} {r.pmi:.2f} {r.left_entropy:.2f} {r.right_entropy:.2f}")
        lines.append(f"{r.term} {r.pos}")
    write_output(target, "\n".join(lines) + "\n")  # atomic: a failed write leaves no half file
    return p
