"""Batch runs over large corpora: streaming, chunked, resumable, in bounded memory.

:func:`run` reads documents lazily, groups them into chunks of ``chunk_size``
documents, applies each step to every document, and writes one part file per step
and chunk (Parquet with the ``batch`` extra, else CSV). A chunk is marked finished
only after all its parts are written (each atomically), so a run that is killed and
started again skips finished chunks, redoes the rest, and ends with exactly the
output of an uninterrupted run. Documents that cannot be read or processed go to
the ``_errors`` table with the reason; the run goes on.

Output layout::

    out/_run.json                 the run's settings (a rerun must use the same ones)
    out/_done/chunk-000000.json   one marker per finished chunk, with its counts
    out/STEP/part-000000.parquet  the findings of STEP for that chunk
    out/_errors/part-000000.parquet

Columns holding lists or dicts (``slots``, ``items``, ``item_spans``) are stored as
JSON text so that every part has the same schema; :func:`read_results` decodes them.

>>> import tempfile
>>> from policytext import Corpus
>>> out = tempfile.mkdtemp()
>>> result = run(Corpus.from_texts(["学出理想信念。", "学出对党忠诚。"]), steps=["stats"], out=out, format="csv")
>>> result.documents, result.findings["stats"]
(2, 2)
>>> read_results(out, "stats")["n_chars"].tolist()
[7, 7]
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._util.convention import check_at_least
from .._util.files import atomic_write_text
from .._util.frames import object_columns
from .._util.jobs import resolve_jobs
from .._util.progress import progress_bar
from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.readers import read_document
from ..corpus.stream import ReadError, iter_source_items, list_dir
from ..errors import DecodeError, InputError, MissingExtraError
from ..extract.registry import extractors
from ..segment.defaults import keyword_segmenter
from .parts import prepare_part, write_part

if TYPE_CHECKING:
    pass

__all__ = ["STEPS", "BatchResult", "doc_stats", "read_results", "run"]

RUN_FORMAT_VERSION = 2

# Built-in steps: name -> "module:function" taking a Document and returning a tidy DataFrame:
# the batch's own two, and every extractor of the registry under its declared name.
STEPS: dict[str, str] = {
    "stats": "policytext.batch.runner:doc_stats",
    **{e.name: e.target for e in extractors()},
    "keywords": "policytext.batch.runner:doc_keywords",
    # a corpus step: the chunks store its input, the passages are aligned after them (batch/reuse_step.py)
    "reuse": "policytext.batch.reuse_step:reuse_input",
}

Step = str | Callable[[Document], pd.DataFrame]


#: the columns of the ``_errors`` table of a batch output
ERROR_COLUMNS = ("doc_id", "step", "source", "error")


def doc_stats(doc: Document) -> pd.DataFrame:
    """One row per document: ``doc_id, n_chars, n_paragraphs, n_sentences`` and its year."""
    from ..corpus.text import split_paragraphs, split_sentences

    return pd.DataFrame(
        [
            {
                "doc_id": doc.doc_id,
                "n_chars": len(doc.text),
                "n_paragraphs": len(split_paragraphs(doc.text)),
                "n_sentences": len(split_sentences(doc.text)),
            }
        ]
    ).assign(year=pd.array([doc.meta.get("year")], dtype="Int64"))


def doc_keywords(doc: Document, top: int = 20) -> pd.DataFrame:
    """The *top* content terms of one document by frequency: ``doc_id, rank, term, count``.

    Frequency needs no corpus-wide statistic, so a batch run gives the same answer
    as running it document by document in memory. Segments with the policy lexicon on
    the fast backend when it is installed (the same tokens, ~10x faster).
    """
    from collections import Counter

    counts = Counter(keyword_segmenter().terms(doc.text))
    rows = [
        {"doc_id": doc.doc_id, "rank": r, "term": t, "count": c}
        for r, (t, c) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top], start=1)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "count"])


def _resolve(step: Step) -> tuple[str, Callable[[Document], pd.DataFrame]]:
    if callable(step):
        return getattr(step, "__name__", "step"), step
    target = STEPS.get(step, step)
    if ":" not in target:
        raise InputError(f"unknown step {step!r}; choose from {', '.join(STEPS)} or give 'module:function'")
    module_name, func_name = target.split(":", 1)
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise InputError(f"step {step!r} is not available in this installation ({e})") from None
    try:
        return step, getattr(module, func_name)
    except AttributeError:
        raise InputError(f"step {step!r}: {module_name} has no function {func_name!r}") from None


@dataclass
class BatchResult:
    """What a batch run did."""

    out: Path
    documents: int = 0
    chunks: int = 0
    chunks_skipped: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0
    input_mb: float = 0.0

    @property
    def mb_per_s(self) -> float:
        return self.input_mb / self.seconds if self.seconds else 0.0

    def add(self, marker: dict[str, Any], processed: bool = True) -> None:
        """Count a chunk's done-marker; *processed* chunks (not skipped) add to the input size."""
        self.documents += marker["n_docs"]
        self.errors += marker["errors"]
        for k, v in marker["counts"].items():
            self.findings[k] = self.findings.get(k, 0) + v
        if processed:
            self.input_mb += marker["n_bytes"] / 1e6
        else:
            self.chunks_skipped += 1

    def summary(self) -> str:
        lines = [
            f"documents: {self.documents:,} in {self.chunks:,} chunks ({self.chunks_skipped:,} already done)",
            *[f"  {step}: {n:,} rows" for step, n in self.findings.items()],
            f"errors: {self.errors:,}",
            f"time: {self.seconds:.1f} s, {self.input_mb:.1f} MB processed now, {self.mb_per_s:.2f} MB/s",
            f"output: {self.out}",
        ]
        return "\n".join(lines)


def _chunk_hash(doc_ids: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(doc_ids).encode("utf-8")).hexdigest()


def _content_hash(payload: dict[str, Any]) -> str:
    """A digest of what a chunk's documents hold: the files' bytes, or the documents' texts and metadata.

    A rerun compares it with the finished chunk's, so an input edited since then is processed again.
    """
    h = hashlib.sha1()
    for doc_id, file, extra in payload.get("paths") or []:
        h.update(f"{doc_id}\0{json.dumps(extra, sort_keys=True, default=str)}\0".encode("utf-8", "surrogatepass"))
        try:
            with open(file, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
        except OSError as e:  # unreadable now: the chunk records it as a read error
            h.update(f"unreadable: {e}".encode())
    for item in payload.get("docs") or []:
        if isinstance(item, ReadError):
            h.update(f"{item.doc_id}\0error\0{item.error}".encode("utf-8", "surrogatepass"))
        else:
            meta = json.dumps(item.meta, sort_keys=True, default=str)
            h.update(f"{item.doc_id}\0{meta}\0{item.text}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class _ChunkJob:
    index: int
    out: str
    fmt: str
    steps: list[Any]  # names or picklable callables
    max_chars: int
    docs: list[Document | ReadError] | None = None
    paths: list[tuple[str, str, dict[str, Any] | None]] | None = None  # (doc_id, file, metadata) of a directory


def process_chunk(job: _ChunkJob) -> dict[str, Any]:
    """Process one chunk and write its parts; runs in a worker process or in the caller."""
    out = Path(job.out)
    resolved = [_resolve(s) for s in job.steps]
    items: list[Document | ReadError]
    if job.paths is not None:
        items = []
        for doc_id, file, extra in job.paths:
            try:
                if os.path.getsize(file) > job.max_chars * 4:
                    raise InputError(f"{file}: larger than max_chars={job.max_chars:,} allows")
                items.append(read_document(file, doc_id=doc_id, meta=extra))
            except (DecodeError, InputError, OSError) as e:
                items.append(ReadError(doc_id, file, str(e)))
    else:
        items = job.docs or []
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name, _ in resolved}
    errors: list[dict[str, Any]] = []
    n_chars = n_bytes = 0
    doc_ids = []
    for item in items:
        doc_ids.append(item.doc_id)
        if isinstance(item, ReadError):
            errors.append({"doc_id": item.doc_id, "step": "read", "source": item.source, "error": item.error})
            continue
        if len(item.text) > job.max_chars:
            errors.append(
                {
                    "doc_id": item.doc_id,
                    "step": "read",
                    "source": item.meta.get("path", ""),
                    "error": f"{len(item.text):,} characters, more than max_chars={job.max_chars:,}",
                }
            )
            continue
        n_chars += len(item.text)
        n_bytes += len(item.text.encode("utf-8"))
        for name, fn in resolved:
            try:
                df = fn(item)
            except Exception as e:  # a failing document must not stop the run
                errors.append(
                    {
                        "doc_id": item.doc_id,
                        "step": name,
                        "source": item.meta.get("path", ""),
                        "error": f"{type(e).__name__}: {e}",
                    }
                )
                continue
            if df is not None and len(df):
                frames[name].append(df)
    counts = {}
    kinds: dict[str, dict[str, list[str]]] = {}
    part = f"part-{job.index:06d}.{job.fmt}"
    for name, parts in frames.items():
        counts[name] = sum(len(p) for p in parts)
        if parts:
            df, kinds[name] = prepare_part(pd.concat(parts, ignore_index=True))
            write_part(df, out / name / part, job.fmt)
    if errors:
        write_part(pd.DataFrame(errors, columns=list(ERROR_COLUMNS)), out / "_errors" / part, job.fmt)
    marker = {
        "chunk": job.index,
        "doc_ids": _chunk_hash(doc_ids),
        "content": _content_hash({"paths": job.paths, "docs": job.docs}),  # hashed by the worker, in parallel
        "n_docs": len(items),
        "n_chars": n_chars,
        "n_bytes": n_bytes,
        "counts": counts,
        "errors": len(errors),
        "columns": kinds,
    }
    atomic_write_text(out / "_done" / f"chunk-{job.index:06d}.json", json.dumps(marker))
    return marker


# --- planning ------------------------------------------------------------------


def _plan(source: Any, chunk_size: int) -> Iterator[tuple[list[str], dict[str, Any]]]:
    """Yield ``(doc_ids, payload)`` per chunk; payload has ``paths`` or ``docs``."""
    if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
        files = list_dir(source)
        for i in range(0, len(files), chunk_size):
            chunk = files[i : i + chunk_size]
            yield [b[0] for b in chunk], {"paths": [(d, str(f), m) for d, f, m in chunk]}
        return
    items: Iterable[Any] = iter(source) if isinstance(source, Corpus) else iter_source_items(source)
    it = iter(items)
    while True:
        batch = list(islice(it, chunk_size))
        if not batch:
            return
        yield [b.doc_id for b in batch], {"docs": batch}


def _finished_marker(
    out: Path,
    names: Sequence[str],
    index: int,
    doc_ids: Sequence[str],
    content: Callable[[], str] | None = None,
) -> dict[str, Any] | None:
    """The done-marker of chunk *index* if it was finished from these documents, as they are now.

    Otherwise the chunk must be (re)done: stale parts a killed run left are removed
    first. A marker made from other documents means the source changed: an error. A
    marker made from the same documents with other contents (*content* computes their hash,
    only when there is a marker to compare with; markers of 0.1 runs have none and are
    trusted) means inputs were edited since: the chunk is done again, with a warning.
    """
    marker_file = out / "_done" / f"chunk-{index:06d}.json"
    if marker_file.exists():
        try:
            marker = json.loads(marker_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            marker = None
        if marker and marker.get("doc_ids") == _chunk_hash(doc_ids):
            if content is None or marker.get("content") is None or marker["content"] == content():
                return marker
            warnings.warn(
                f"{out}: the documents of chunk {index} changed since it was processed; processing it again",
                stacklevel=3,
            )
            marker = None
        if marker:
            raise InputError(
                f"{out}: chunk {index} was made from other documents; "
                "the source changed since the run started; use another output folder"
            )
    for d in [out / n for n in names] + [out / "_errors"]:
        for stale in d.glob(f"part-{index:06d}.*"):
            stale.unlink()
    return None


def _check_run_file(out: Path, settings: dict[str, Any], resume: bool) -> None:
    run_file = out / "_run.json"
    if run_file.exists():
        try:
            previous = json.loads(run_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise InputError(f"{run_file}: unreadable run settings ({e}); use another --out") from None
        if previous != settings:
            raise InputError(
                f"{out} holds a run with other settings ({previous}); use another output folder or remove it"
            )
        if not resume:
            raise InputError(f"{out} already holds a run; pass resume=True to continue it, or use another folder")
    else:
        existing = [p for p in out.iterdir()] if out.exists() else []
        if existing:
            raise InputError(f"{out} is not empty and holds no policytext run; refusing to write into it")
        atomic_write_text(run_file, json.dumps(settings, sort_keys=True))


def chunk_steps(steps: Sequence[Step]) -> tuple[list[Step], bool]:
    """The steps the chunks run, and whether the corpus step ``reuse`` is asked for: its first stage
    (:func:`~policytext.batch.reuse_step.reuse_input`) takes its place among the chunks' steps."""
    from .reuse_step import reuse_input

    out: list[Step] = []
    wants_reuse = False
    for s in steps:
        if isinstance(s, str) and s == "reuse":
            wants_reuse = True
            out.append(reuse_input)
        else:
            out.append(s)
    return out, wants_reuse


def start_run(
    steps: Sequence[Step],
    out: str | os.PathLike[str],
    format: str,
    chunk_size: int,
    max_chars: int,
    resume: bool,
    reuse_options: dict[str, Any] | None = None,
    *,
    source: Any = None,
) -> tuple[list[str], Path]:
    """Check a run's arguments and claim its output folder; return the step names and the folder.

    A *source* named by a path that does not exist is an error before the folder is made.

    Shared by :func:`run` and :func:`policytext.batch.dask_runner.run`, whose output folders are interchangeable.
    *steps* are the chunks' steps (:func:`chunk_steps`); *reuse_options*, when the run has a ``reuse`` step,
    are kept with the run's settings.
    """
    if format not in ("parquet", "csv"):
        raise InputError(f"format must be 'parquet' or 'csv', not {format!r}")
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingExtraError("Parquet output", "batch", "pyarrow") from None
    if not steps:
        raise InputError("steps is empty; name at least one step")
    if chunk_size < 1:
        raise InputError(f"chunk_size must be at least 1, not {chunk_size!r}")
    check_at_least(1, max_chars=max_chars)
    names = [_resolve(s)[0] for s in steps]  # fail early on unknown steps
    if len(set(names)) != len(names):
        raise InputError(f"steps repeat a name: {names}")
    if isinstance(source, (str, os.PathLike)) and not Path(source).exists():
        raise InputError(f"{source}: no such file or folder to read documents from")
    out_path = Path(out)
    if out_path.exists() and not out_path.is_dir():
        raise InputError(f"{out_path}: is a file; a batch run writes into a folder (name a new or empty one)")
    settings = {
        "version": RUN_FORMAT_VERSION,
        "steps": names,
        "format": format,
        "chunk_size": chunk_size,
        "max_chars": max_chars,
    }
    if reuse_options is not None:
        from .reuse_step import check_options

        settings["reuse"] = check_options(reuse_options)
    out_path.mkdir(parents=True, exist_ok=True)
    _check_run_file(out_path, settings, resume)
    return names, out_path


def jobs_to_do(
    source: Any,
    steps: Sequence[Step],
    names: Sequence[str],
    out: Path,
    format: str,
    chunk_size: int,
    max_chars: int,
    result: BatchResult,
) -> Iterator[_ChunkJob]:
    """The chunks of *source* still to process, in order; finished ones are counted in *result* and skipped."""
    for index, (doc_ids, payload) in enumerate(_plan(source, chunk_size)):
        result.chunks += 1
        # a finished chunk is hashed here to see whether its inputs changed; a new one by its worker
        done = _finished_marker(out, names, index, doc_ids, partial(_content_hash, payload))
        if done is not None:
            result.add(done, processed=False)
            continue
        yield _ChunkJob(index=index, out=str(out), fmt=format, steps=list(steps), max_chars=max_chars, **payload)


def run(
    source: Any,
    steps: Sequence[Step],
    out: str | os.PathLike[str],
    *,
    n_jobs: int | None = 1,
    format: str = "parquet",
    chunk_size: int = 200,
    max_chars: int = 5_000_000,
    resume: bool = True,
    progress: bool = False,
    executor_factory: Callable[[int], Any] | None = None,
    reuse_options: dict[str, Any] | None = None,
) -> BatchResult:
    """Apply *steps* to every document of *source* and write tidy results under *out*.

    *source*: a directory (every ``*.txt`` below it), a ``.jsonl``, ``.csv`` or
    ``.parquet`` file, a :class:`Corpus`, or any iterable of Documents. *steps*:
    names from :data:`STEPS` or picklable functions ``Document -> DataFrame``.
    ``n_jobs`` worker processes each take whole chunks. Rerunning with the same
    arguments resumes: finished chunks are skipped.

    The step ``reuse`` finds the passages the corpus's documents reuse from each other (``find_reuse`` over the
    whole corpus, with *reuse_options*: ``min_chars``, ``min_similarity``, …) after the chunks, resumably too
    (:mod:`policytext.batch.reuse_step`).
    """
    n_jobs = resolve_jobs(n_jobs)
    steps, wants_reuse = chunk_steps(steps)
    if reuse_options is not None and not wants_reuse:
        raise InputError("reuse_options are given but steps has no 'reuse' step")
    names, out_path = start_run(
        steps, out, format, chunk_size, max_chars, resume, (reuse_options or {}) if wants_reuse else None, source=source
    )

    result = BatchResult(out=out_path, findings={n: 0 for n in names})
    t0 = time.perf_counter()
    pending: dict[Any, int] = {}
    executor = None
    if n_jobs > 1:
        executor = executor_factory(n_jobs) if executor_factory else ProcessPoolExecutor(max_workers=n_jobs)

    bar = progress_bar(desc="batch", unit="doc", enabled=progress)

    def collect(marker: dict[str, Any]) -> None:
        before = result.documents
        result.add(marker)
        if bar is not None:
            bar.update(result.documents - before)
            bar.set_postfix(errors=result.errors, refresh=False)

    try:
        for job in jobs_to_do(source, steps, names, out_path, format, chunk_size, max_chars, result):
            if executor is None:
                collect(process_chunk(job))
            else:
                pending[executor.submit(process_chunk, job)] = job.index
                while len(pending) >= 2 * n_jobs:  # bounded in-flight work keeps memory bounded
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in done:
                        pending.pop(fut)
                        collect(fut.result())
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                pending.pop(fut)
                collect(fut.result())
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()
    if wants_reuse:
        finish_reuse_step(result, out_path, format, reuse_options)
    result.seconds = time.perf_counter() - t0
    if result.documents == 0:
        warnings.warn(f"batch.run: no documents in {source!r}; nothing was processed", stacklevel=2)
    return result


def finish_reuse_step(
    result: BatchResult, out: Path, format: str, options: dict[str, Any] | None, client: Any = None
) -> None:
    """Run the second stage of the ``reuse`` step and count its rows in *result* in place of its input's."""
    from .reuse_step import REUSE_INPUT, finish_reuse

    result.findings.pop(REUSE_INPUT, None)
    rows, _ = finish_reuse(out, format, options, client=client)
    result.findings["reuse"] = rows


def read_results(out: str | os.PathLike[str], step: str) -> pd.DataFrame:
    """All rows of *step* from a batch output folder, in document order, nested columns decoded."""
    out_path = Path(out)
    run_file = out_path / "_run.json"
    if not run_file.exists():
        raise InputError(f"{out_path}: not a policytext batch output (no _run.json)")
    settings = json.loads(run_file.read_text(encoding="utf-8"))
    fmt = settings["format"]
    kinds: dict[str, set[str]] = {"nested": set(), "ints": set(), "strings": set(), "objects": set(), "text": set()}
    markers = "reuse-*.json" if step == "reuse" else "chunk-*.json"
    for marker_file in (out_path / "_done").glob(markers):
        marker = json.loads(marker_file.read_text(encoding="utf-8"))
        for kind, cols in marker.get("columns", {}).get(step, {}).items():
            kinds.setdefault(kind, set()).update(cols)
    parts = sorted((out_path / step).glob(f"part-*.{fmt}"))
    if not parts:
        if step not in settings["steps"] and step != "_errors" and not (step == "reuse" and "reuse" in settings):
            raise InputError(f"{out_path}: no step {step!r} (steps: {', '.join(settings['steps'])})")
        # a run without errors has an empty _errors table that still has its columns
        return pd.DataFrame(columns=list(ERROR_COLUMNS)) if step == "_errors" else pd.DataFrame()
    text_columns = kinds["nested"] | kinds["strings"]
    if fmt == "parquet":
        frames = [pd.read_parquet(p) for p in parts]
    else:
        frames = [
            pd.read_csv(p, keep_default_na=False, na_values=[""], dtype={c: str for c in text_columns | kinds["text"]})
            for p in parts
        ]
    df = pd.concat(frames, ignore_index=True)
    for col in kinds["nested"] & set(df.columns):
        df[col] = df[col].map(lambda v: json.loads(v) if isinstance(v, str) else v)
    present = set(df.columns)
    return object_columns(
        df, ints=sorted(kinds["ints"] & present), others=sorted((text_columns | kinds["objects"]) & present)
    )


def remove_run(out: str | os.PathLike[str]) -> None:
    """Delete a batch output folder (only if it is one)."""
    out_path = Path(out)
    if not (out_path / "_run.json").exists():
        raise InputError(f"{out_path}: not a policytext batch output; not removing it")
    shutil.rmtree(out_path)
