"""``find_reuse``: the passages one document reuses from another, with their offsets, edits and boilerplate.

Candidate pairs come from MinHash LSH over character-shingle windows (:mod:`.candidates`); each candidate pair
is aligned by seed and extend (:mod:`.align`); passages shared by many documents are flagged as boilerplate.

>>> a = "为深入贯彻落实党中央决策部署，各地区各部门要切实做好稳就业保民生各项工作，确保取得实效。"
>>> b = "会议强调，为深入贯彻落实党中央决策部署，各市各有关部门要切实做好稳就业保民生各项工作，确保取得实效。"
>>> find_reuse([a, b], min_chars=20)[["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end", "n_edits"]]
   doc_a  a_start  a_end  doc_b  b_start  b_end  n_edits
0      0        0     44      1        5     50        4
"""

from __future__ import annotations

import inspect
import numbers
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from statistics import median
from typing import Any

import pandas as pd

from .._util.convention import check_at_least, check_choice
from .._util.frames import to_frame
from .._util.jobs import resolve_jobs
from .._util.progress import progress as with_progress
from ..corpus.source import Source
from ..errors import InputError
from .align import align
from .candidates import candidate_pairs
from .documents import Doc, collect
from .seeds import gram_index
from .workers import blocks_by_weight, run_blocks

__all__ = ["REUSE_COLUMNS", "align_pairs", "check_reuse_options", "find_reuse", "reuse_candidates"]

#: how many characters of documents one call keeps k-gram indexes for (about 200 bytes a character): a document
#: meets many partners, so its index is built once while it fits
_KEEP_INDEX_CHARS = 4_000_000

#: ``candidates="auto"`` aligns every pair up to this many pairs (measured: faster than LSH there)
_ALL_PAIRS_UP_TO = 2000

REUSE_COLUMNS = (
    "doc_a",
    "a_start",
    "a_end",
    "doc_b",
    "b_start",
    "b_end",
    "a_text",
    "b_text",
    "similarity",
    "n_edits",
    "boilerplate",
    "shared_by",
)


def _check(
    min_chars: int,
    min_similarity: float,
    k: int,
    shingle: int,
    num_perm: int,
    threshold: float,
    boilerplate_share: float,
) -> None:
    if not isinstance(min_chars, numbers.Integral) or min_chars < 1:
        raise InputError(f"min_chars must be a positive number of characters, got {min_chars!r}")
    if not 0 <= min_similarity <= 1:
        raise InputError(f"min_similarity must lie between 0 and 1, got {min_similarity!r}")
    if not isinstance(k, numbers.Integral) or k < 2:
        raise InputError(f"k (the seed length) must be at least 2 characters, got {k!r}")
    if not isinstance(shingle, numbers.Integral) or shingle < 1:
        raise InputError(f"shingle must be a positive number of characters, got {shingle!r}")
    if not isinstance(num_perm, numbers.Integral) or num_perm < 2:
        raise InputError(f"num_perm must be at least 2, got {num_perm!r}")
    if not 0 < threshold <= 1:
        raise InputError(f"threshold must lie in (0, 1], got {threshold!r}")
    if not 0 < boilerplate_share <= 1:
        raise InputError(f"boilerplate_share must lie in (0, 1], got {boilerplate_share!r}")


def check_reuse_options(options: dict[str, Any]) -> None:
    """Check the values of :func:`find_reuse` keyword *options* without running it (an :class:`InputError`
    naming the option), so that a long run can refuse them before it starts.

    >>> check_reuse_options({"min_chars": 30, "window": 100})
    >>> check_reuse_options({"min_chars": 0})
    Traceback (most recent call last):
    policytext.errors.InputError: min_chars must be a positive number of characters, got 0
    """
    o = {**_REUSE_DEFAULTS, **options}
    _check(
        o["min_chars"], o["min_similarity"], o["k"], o["shingle"], o["num_perm"], o["threshold"], o["boilerplate_share"]
    )
    check_choice("candidates", o["candidates"], ("auto", "lsh", "all"))
    resolve_jobs(o["n_jobs"])
    window = o["window"]
    if window is not None and (
        isinstance(window, bool) or not isinstance(window, numbers.Integral) or window < o["shingle"]
    ):
        raise InputError(f"window must be a number of characters of at least shingle ({o['shingle']}), got {window!r}")


def _shingle_set(text: str, size: int) -> set[int]:
    return {zlib.crc32(text[i : i + size].encode("utf-8")) for i in range(len(text) - size + 1)}


def _align_block(
    texts: dict[int, str],
    todo: Sequence[tuple[int, int]],
    k: int,
    max_gap: int,
    min_chars: int,
    min_similarity: float,
    progress: bool = False,
) -> list[tuple[int, int, tuple[int, int, int, int, float, int]]]:
    """``(i, j, (a_start, a_end, b_start, b_end, similarity, n_edits))`` of every passage of the pairs *todo*
    (in their order), over ``texts[i]``/``texts[j]``; the k-gram index of a document is kept while it fits."""
    indexes: OrderedDict[int, dict[str, list[int]]] = OrderedDict()  # the k-gram index of recent documents
    kept = 0  # characters of the documents in indexes

    def index_of(i: int) -> dict[str, list[int]]:
        nonlocal kept
        if i in indexes:
            indexes.move_to_end(i)
        else:
            indexes[i] = gram_index(texts[i], k)
            kept += len(texts[i])
            while kept > _KEEP_INDEX_CHARS and len(indexes) > 2:
                old, _ = indexes.popitem(last=False)
                kept -= len(texts[old])
        return indexes[i]

    out: list[tuple[int, int, tuple[int, int, int, int, float, int]]] = []
    for i, j in with_progress(todo, total=len(todo), desc="aligning", enabled=progress):
        for p in align(
            texts[i],
            texts[j],
            k=k,
            max_gap=max_gap,
            merge_gap=max_gap,
            min_chars=min_chars,
            min_similarity=min_similarity,
            index_a=index_of(i),
            index_b=index_of(j),
        ):
            out.append((i, j, (p.a_start, p.a_end, p.b_start, p.b_end, p.similarity, p.n_edits)))
    return out


def _shared_by(rows: list[dict[str, Any]], docs: Sequence[Doc], size: int) -> list[int]:
    """For each row, the median number of documents that hold its passage's shingles."""
    wanted = [_shingle_set(r["a_text"], size) for r in rows]
    needed = set().union(*wanted) if wanted else set()
    df: dict[int, int] = dict.fromkeys(needed, 0)
    for d in docs:
        for h in _shingle_set(d.text, size) & needed:
            df[h] += 1
    return [int(median(df[h] for h in w)) if w else 0 for w in wanted]


def find_reuse(
    source: Source,
    other: Source | None = None,
    *,
    min_chars: int = 20,
    min_similarity: float = 0.75,
    k: int = 4,
    max_gap: int = 30,
    candidates: str = "auto",
    window: int | None = None,
    shingle: int = 5,
    num_perm: int = 128,
    threshold: float = 0.1,
    boilerplate_share: float = 0.3,
    progress: bool = False,
    random_state: int = 0,
    client: Any = None,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Passages reused between documents: one row per passage (a copied section with its local edits).

    Pairs are every two documents of *source* (``doc_a`` the earlier in *source*), or each document of *source*
    (``doc_a``) with each of *other* (``doc_b``). Offsets point into each ``Document.text``:
    ``text_a[a_start:a_end] == a_text`` and ``text_b[b_start:b_end] == b_text``.

    Parameters
    ----------
    min_chars : the shortest passage reported, in characters on both sides.
    min_similarity : the lowest similarity reported: ``2 * matched / (len(a_text) + len(b_text))`` over the
        passage's aligned pieces (1.0 for an exact copy, about ``1 - rate`` for a rate of substituted characters).
    k : the seed length of the alignment (shared exact k-grams); *max_gap* the longest edit it bridges.
    candidates : ``"lsh"`` (MinHash LSH over windows), ``"all"`` (align every pair: no candidate is missed,
        quadratic time) or ``"auto"`` (the default: ``"all"`` up to 2,000 pairs, where it is also the faster,
        ``"lsh"`` above).
    window, shingle, num_perm, threshold : the LSH windows (default ``2 * min_chars``, at least 100 characters),
        their character shingles, the number of MinHash permutations and the LSH Jaccard threshold.
    boilerplate_share : a passage is ``boilerplate`` when the median of its shingles occurs in more than this
        share of all documents (and in at least 3); ``shared_by`` is that median number of documents.
    random_state : the seed of the MinHash permutations.
    client : a ``distributed.Client``: the candidate stage (MinHash signatures and LSH buckets) runs on its Dask
        cluster (extra ``dask``) and gives the same pairs as the local run; with a client, ``candidates="auto"``
        means ``"lsh"``. The alignment stays on this machine.
    n_jobs : worker processes for the MinHash signatures and for the alignment (``1``: this process; ``-1``:
        every core; the rule of :func:`policytext._util.jobs.resolve_jobs`). The rows are the same for any value.

    Columns: ``doc_a, a_start, a_end, doc_b, b_start, b_end, a_text, b_text, similarity, n_edits,
    boilerplate, shared_by``, sorted by the pair's order and ``a_start``.
    """
    _check(min_chars, min_similarity, k, shingle, num_perm, threshold, boilerplate_share)
    check_at_least(1, window=window)
    check_at_least(0, random_state=random_state)
    candidates = check_choice("candidates", candidates, ("auto", "lsh", "all"))
    n_jobs = resolve_jobs(n_jobs)
    docs_a = collect(source, "source")
    docs_b = collect(other, "other") if other is not None else []
    docs = docs_a + docs_b
    texts = [d.text for d in docs]
    n_first = len(docs_a) if other is not None else None
    pairs = reuse_candidates(
        texts,
        n_first,
        candidates=candidates,
        min_chars=min_chars,
        window=window,
        shingle=shingle,
        num_perm=num_perm,
        threshold=threshold,
        random_state=random_state,
        client=client,
        n_jobs=n_jobs,
    )
    return align_pairs(
        docs,
        pairs,
        min_chars=min_chars,
        min_similarity=min_similarity,
        k=k,
        max_gap=max_gap,
        shingle=shingle,
        boilerplate_share=boilerplate_share,
        progress=progress,
        n_jobs=n_jobs,
    )


def reuse_candidates(
    texts: Sequence[str],
    n_first: int | None = None,
    *,
    candidates: str = "auto",
    min_chars: int = 20,
    window: int | None = None,
    shingle: int = 5,
    num_perm: int = 128,
    threshold: float = 0.1,
    random_state: int = 0,
    client: Any = None,
    n_jobs: int = 1,
) -> set[tuple[int, int]]:
    """The candidate stage of :func:`find_reuse`: the pairs ``(i, j)``, ``i < j``, of positions in *texts* to
    align (across ``texts[:n_first]`` and ``texts[n_first:]`` when *n_first* is given), by the rules of its
    ``candidates``, ``window``, ``shingle``, ``num_perm``, ``threshold``, ``random_state``, ``client`` and ``n_jobs``.

    >>> sorted(reuse_candidates(["甲", "乙", "丙"]))
    [(0, 1), (0, 2), (1, 2)]
    """
    candidates = check_choice("candidates", candidates, ("auto", "lsh", "all"))
    n = len(texts)
    n_pairs = n_first * (n - n_first) if n_first is not None else n * (n - 1) // 2
    if candidates == "all" or (candidates == "auto" and client is None and n_pairs <= _ALL_PAIRS_UP_TO):
        if n_first is None:
            return {(i, j) for i in range(n) for j in range(i + 1, n)}
        return {(i, j) for i in range(n_first) for j in range(n_first, n)}
    width = window if window is not None else max(2 * min_chars, 100)
    if width < shingle:
        raise InputError(f"window ({width}) must be at least shingle ({shingle}) characters")
    if client is not None:
        from .dask_candidates import dask_candidate_pairs

        return dask_candidate_pairs(
            texts,
            n_first,
            client=client,
            window=width,
            shingle=shingle,
            num_perm=num_perm,
            threshold=threshold,
            random_state=random_state,
        )
    return candidate_pairs(
        texts,
        n_first,
        window=width,
        shingle=shingle,
        num_perm=num_perm,
        threshold=threshold,
        random_state=random_state,
        n_jobs=n_jobs,  # candidate_pairs reads it with the n_jobs rule
    )


def align_pairs(
    docs: Sequence[Doc],
    pairs: Iterable[tuple[int, int]],
    *,
    min_chars: int = 20,
    min_similarity: float = 0.75,
    k: int = 4,
    max_gap: int = 30,
    shingle: int = 5,
    boilerplate_share: float = 0.3,
    progress: bool = False,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """The alignment stage of :func:`find_reuse`: the passages of the pairs ``(i, j)`` of positions in *docs*
    (``i`` is ``doc_a``), with ``boilerplate`` and ``shared_by`` counted over all of *docs*; the columns of
    :data:`REUSE_COLUMNS`, rows in the order of the sorted pairs.

    The batch runner's ``reuse`` step aligns its candidate pairs block by block with it, so that the rows of
    the blocks put together are those of one :func:`find_reuse` call.

    >>> docs = collect(["稳就业保民生促发展，推动高质量发展。", "要稳就业保民生促发展，推动高质量发展！"], "source")
    >>> align_pairs(docs, [(0, 1)], min_chars=10)[["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end"]]
       doc_a  a_start  a_end  doc_b  b_start  b_end
    0      0        0     17      1        1     18
    """
    _check(min_chars, min_similarity, k, shingle, 2, 0.5, boilerplate_share)
    n_jobs = resolve_jobs(n_jobs)
    texts = [d.text for d in docs]
    todo = sorted(pairs)
    options = (k, max_gap, min_chars, min_similarity)
    if n_jobs <= 1:
        found = _align_block(dict(enumerate(texts)), todo, *options, progress=progress)
    else:  # contiguous runs of the sorted pairs: a document's k-gram index serves its run's pairs
        blocks = []
        for a, b in blocks_by_weight([len(texts[i]) + len(texts[j]) for i, j in todo], 4 * n_jobs):
            block = todo[a:b]
            needed = {x for pair in block for x in pair}
            blocks.append(({x: texts[x] for x in needed}, block, *options))
        found = [hit for part in run_blocks(_align_block, blocks, n_jobs) for hit in part]
    rows: list[dict[str, Any]] = []
    for i, j, (a_start, a_end, b_start, b_end, similarity, n_edits) in found:
        rows.append(
            {
                "doc_a": docs[i].doc_id,
                "a_start": a_start,
                "a_end": a_end,
                "doc_b": docs[j].doc_id,
                "b_start": b_start,
                "b_end": b_end,
                "a_text": texts[i][a_start:a_end],
                "b_text": texts[j][b_start:b_end],
                "similarity": similarity,
                "n_edits": n_edits,
            }
        )
    shared = _shared_by(rows, docs, shingle)
    bar = max(3, boilerplate_share * len(docs))
    for r, n in zip(rows, shared):
        r["shared_by"] = n
        r["boilerplate"] = n > bar
    return to_frame(rows, REUSE_COLUMNS)


#: the keyword defaults of find_reuse (for :func:`check_reuse_options`)
_REUSE_DEFAULTS = {
    k: p.default for k, p in inspect.signature(find_reuse).parameters.items() if p.default is not p.empty
}
