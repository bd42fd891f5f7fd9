"""The ``reuse`` step of a batch run: passages reused between the documents of the corpus, resumably.

Reuse is a relation between documents, so it cannot be found one chunk at a time as the other steps are. It
runs in two stages:

1. **with the chunks**: every chunk writes its documents' ids and cleaned texts to ``out/_reuse_input/`` (the
   chunk's part, marked done with the chunk), so the run reads the source once and a resumed run does not read
   finished chunks again;
2. **after the chunks**: the candidate pairs of the whole corpus (:func:`~policytext.comparison.reuse.
   reuse_candidates`, on Dask when the run has a client) are saved to ``out/_reuse/candidates.json``, then
   aligned in blocks of ``block`` pairs; each block writes ``out/reuse/part-N`` and its marker
   ``out/_done/reuse-N.json``. A resumed run keeps the candidates and the finished blocks as long as the
   chunks they came from are unchanged (a fingerprint of the chunks' content hashes and the options).

The rows put together are those of one ``find_reuse(corpus, **options)`` call (``doc_a`` and ``doc_b`` are
document ids). The second stage holds every text in memory, as ``find_reuse`` does.

>>> import tempfile
>>> from policytext import Corpus
>>> from policytext.batch import read_results, run
>>> text = "为深入贯彻落实党中央决策部署，各地区各部门要切实做好稳就业保民生各项工作，确保取得实效。"
>>> corpus = Corpus.from_texts([text, "今天天气很好。", "会议要求，" + text], ids=["a", "b", "c"])
>>> out = tempfile.mkdtemp()
>>> run(corpus, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 20}).findings["reuse"]
1
>>> read_results(out, "reuse")[["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end"]]
  doc_a  a_start  a_end doc_b  b_start  b_end
0     a        0     44     c        5     49
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.files import atomic_write_text
from ..corpus.document import Document
from ..errors import InputError

__all__ = ["REUSE_INPUT", "REUSE_OPTIONS", "finish_reuse", "reuse_input"]

#: the name (and folder) of the first stage's per-document output
REUSE_INPUT = "_reuse_input"

#: the options of ``find_reuse`` the step takes (``reuse_options=`` of ``batch.run``)
REUSE_OPTIONS = (
    "min_chars",
    "min_similarity",
    "k",
    "max_gap",
    "candidates",
    "window",
    "shingle",
    "num_perm",
    "threshold",
    "boilerplate_share",
    "random_state",
)

#: candidate pairs aligned per block (one part file and one marker each)
BLOCK = 2000


def reuse_input(doc: Document) -> pd.DataFrame:
    """The first stage: the document's id and cleaned text, one row.

    >>> reuse_input(Document("d1", "甲乙")).to_dict("records")
    [{'doc_id': 'd1', 'text': '甲乙'}]
    """
    return pd.DataFrame([{"doc_id": doc.doc_id, "text": doc.text}], columns=["doc_id", "text"])


reuse_input.__name__ = REUSE_INPUT


def check_options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """*options* as a plain dict, checked against :data:`REUSE_OPTIONS` (an :class:`InputError` otherwise)."""
    opts = dict(options or {})
    unknown = sorted(set(opts) - set(REUSE_OPTIONS))
    if unknown:
        raise InputError(f"reuse_options: unknown option(s) {unknown}; choose from {', '.join(REUSE_OPTIONS)}")
    # the values too, before any chunk is read
    from ..comparison.reuse import check_reuse_options

    try:
        check_reuse_options(opts)
    except InputError as e:
        raise InputError(f"reuse_options: {e}") from None
    return opts


def _fingerprint(out: Path, options: Mapping[str, Any]) -> str:
    h = hashlib.sha1(json.dumps(options, sort_keys=True, default=str).encode())
    for marker_file in sorted((out / "_done").glob("chunk-*.json")):
        marker = json.loads(marker_file.read_text(encoding="utf-8"))
        h.update(f"{marker_file.name}\0{marker.get('doc_ids')}\0{marker.get('content')}\0".encode())
    return h.hexdigest()


def _read_inputs(out: Path, fmt: str) -> list[tuple[str, str]]:
    parts = sorted((out / REUSE_INPUT).glob(f"part-*.{fmt}"))
    if fmt == "parquet":
        frames = [pd.read_parquet(p) for p in parts]
    else:
        frames = [pd.read_csv(p, keep_default_na=False, dtype=str) for p in parts]
    rows: list[tuple[str, str]] = []
    for f in frames:
        rows.extend(zip(f["doc_id"].tolist(), f["text"].tolist()))
    return rows


def _clear(out: Path) -> None:
    for stale in (out / "reuse").glob("part-*"):
        stale.unlink()
    for stale in (out / "_done").glob("reuse-*.json"):
        stale.unlink()


def finish_reuse(
    out: Path,
    fmt: str,
    options: Mapping[str, Any] | None = None,
    *,
    client: Any = None,
    block: int | None = None,
) -> tuple[int, int]:
    """The second stage: candidates, then alignment block by block, skipping finished blocks.

    Returns ``(rows, blocks done now)``. *client* (a ``distributed.Client``) runs the candidate stage on Dask.
    """
    from ..comparison.documents import Doc
    from ..comparison.reuse import align_pairs, reuse_candidates
    from .parts import prepare_part, write_part

    opts = check_options(options)
    block = block or BLOCK
    fingerprint = _fingerprint(out, opts)
    inputs = _read_inputs(out, fmt)
    docs = [Doc(doc_id, text) for doc_id, text in inputs]
    cand_file = out / "_reuse" / "candidates.json"
    pairs: list[tuple[int, int]] | None = None
    if cand_file.exists():
        saved = json.loads(cand_file.read_text(encoding="utf-8"))
        if saved.get("fingerprint") == fingerprint:
            pairs = [(int(i), int(j)) for i, j in saved["pairs"]]
    if pairs is None:
        _clear(out)
        cand_opts = {
            k: opts[k]
            for k in ("candidates", "min_chars", "window", "shingle", "num_perm", "threshold", "random_state")
            if k in opts
        }
        pairs = sorted(reuse_candidates([d.text for d in docs], None, client=client, **cand_opts))
        atomic_write_text(cand_file, json.dumps({"fingerprint": fingerprint, "pairs": pairs}))
    align_opts = {
        k: opts[k] for k in ("min_chars", "min_similarity", "k", "max_gap", "shingle", "boilerplate_share") if k in opts
    }
    rows = done_now = 0
    n_blocks = max(1, -(-len(pairs) // block))
    for b in range(n_blocks):
        marker_file = out / "_done" / f"reuse-{b:06d}.json"
        if marker_file.exists():
            marker = json.loads(marker_file.read_text(encoding="utf-8"))
            if marker.get("fingerprint") == fingerprint:
                rows += marker["counts"]["reuse"]
                continue
        df = align_pairs(docs, pairs[b * block : (b + 1) * block], **align_opts)
        df, kinds = prepare_part(df)
        if df.empty:  # no column kinds from an empty block: they would contradict the others' in read_results
            kinds = {}
        write_part(df, out / "reuse" / f"part-{b:06d}.{fmt}", fmt)
        marker = {"block": b, "fingerprint": fingerprint, "counts": {"reuse": len(df)}, "columns": {"reuse": kinds}}
        atomic_write_text(marker_file, json.dumps(marker))
        rows += len(df)
        done_now += 1
    return rows, done_now
