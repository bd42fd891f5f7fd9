"""An ordered collection of documents: building it from folders, tables and texts; filtering; memos.

>>> from policytext import Corpus
>>> corpus = Corpus.from_texts(["坚持稳中求进。", "推动高质量发展。"])
>>> len(corpus), corpus[1].text
(2, '推动高质量发展。')
"""

from __future__ import annotations

import csv
import io
import numbers
import os
import warnings
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._util.convention import ERRORS_CHOICES, check_choice, deprecated_positional, warn_user
from .._util.files import iter_json_lines
from .._util.frames import is_missing
from ..errors import DecodeError, InputError
from .clean import decode_bytes
from .document import Document
from .readers import (
    load_sidecar,
    make_document,
    read_document,
    read_file_bytes,
    saved_page_of,
    select_files,
    suspicious_body,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["PROBLEM_COLUMNS", "Corpus"]

#: Columns of ``Corpus.problems``: ``kind`` (unreadable, unsupported, resource: a file in the resource folder of a
#: page saved "complete", suspicious, or repaired: a web page read with a few undecodable bytes replaced), ``file``,
#: ``reason``;
#: ``path``, ``error`` and ``offset`` are the 0.1 names, kept (``path`` = ``file``, ``error`` = ``reason``).
PROBLEM_COLUMNS = ["kind", "file", "reason", "path", "error", "offset"]


def _problem(kind: str, file: str, reason: str, offset: int | None = None) -> dict[str, Any]:
    return {"kind": kind, "file": file, "reason": reason, "path": file, "error": reason, "offset": offset}


def _skipped_problem(file: Path, root: Path) -> dict[str, Any]:
    """The ``problems`` row of a file :func:`~policytext.corpus.readers.select_files` skipped."""
    page = saved_page_of(file, root)
    if page is not None:
        return _problem("resource", str(file), f"{file}: a part of the saved page {page.name} (its resource folder)")
    return _problem("unsupported", str(file), f"{file}: not a supported file type ({file.suffix or 'no suffix'})")


class Corpus:
    """An ordered collection of :class:`Document` objects.

    Build one with :meth:`from_dir`, :meth:`from_csv`, :meth:`from_jsonl`,
    :meth:`from_dataframe` or :meth:`from_texts`; index it by position or by
    ``doc_id``; filter it by metadata; turn it into a DataFrame with :meth:`to_frame`.

    >>> c = Corpus.from_texts(["甲。", "乙。"], meta=[{"year": 2012}, {"year": 2022}])
    >>> [d.doc_id for d in c.filter(year=2022)]
    ['1']
    """

    def __init__(self, documents: Iterable[Document] = (), problems: pd.DataFrame | None = None):
        self._docs: list[Document] = list(documents)
        self._by_id: dict[str, int] = {}
        for i, d in enumerate(self._docs):
            if d.doc_id in self._by_id:
                raise InputError(f"duplicate doc_id {d.doc_id!r} (positions {self._by_id[d.doc_id]} and {i})")
            self._by_id[d.doc_id] = i
        self.problems: pd.DataFrame = problems if problems is not None else pd.DataFrame(columns=PROBLEM_COLUMNS)
        self._cache: dict[Any, list[Any]] = {}  # per-document values (see memo), carried into subsets
        self._corpus_cache: dict[Any, Any] = {}  # values about this corpus as a whole

    # -- container protocol ---------------------------------------------------
    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, slice):
            return self._subset(range(len(self._docs))[key])
        if isinstance(key, str):
            try:
                return self._docs[self._by_id[key]]
            except KeyError:
                raise KeyError(f"no document with doc_id {key!r}") from None
        return self._docs[key]

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents, {self.n_chars:,} characters)"

    @property
    def doc_ids(self) -> list[str]:
        """The documents' ids in order."""
        return [d.doc_id for d in self._docs]

    @property
    def texts(self) -> list[str]:
        """The documents' texts in order."""
        return [d.text for d in self._docs]

    @property
    def n_chars(self) -> int:
        """Total number of characters of all texts."""
        return sum(len(d.text) for d in self._docs)

    # -- readers --------------------------------------------------------------
    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str],
        pattern: str = "**/*.txt",
        *,
        errors: str = "raise",
        clean: bool = True,
        normalize: bool = True,
        metadata: str | os.PathLike[str] | pd.DataFrame | None = "auto",
    ) -> Corpus:
        """Read every file under *path* matching *pattern* (sorted by path).

        Each file is typed by its content: plain text, HTML (extra ``html``; also a page saved as one file,
        MHTML), PDF (extra ``pdf``) and ``.docx`` (extra ``docx``). The default pattern reads ``.txt`` files;
        ``pattern="**/*"`` reads every supported type (``.txt .text .html .htm .shtml .xhtml .mht .mhtml .pdf
        .docx``), skips the metadata
        file and lists other files in ``problems`` (kind ``unsupported``). When the pattern matches
        nothing but the folder holds supported files, a warning names them and the pattern to use; when it
        leaves files of other supported types unread in the folders it covers, a warning names those.

        ``doc_id`` is the path relative to *path* without its suffix. With
        ``errors="skip"`` unreadable files are left out and listed in ``corpus.problems``
        (``kind, file, reason``; the older ``path, error, offset`` too) instead of raising.
        A body that looks like the wrong part of its page (far too short, mostly navigation
        links) is kept, warned about and listed with kind ``suspicious``.

        *metadata* adds curated metadata to the documents: a ``.jsonl`` or ``.csv``
        file or a DataFrame with a ``path`` column (relative to *path*, e.g.
        ``reports/gwr_2023.txt``) or a ``doc_id`` column, and any other columns
        (``title``, ``year``, ``issuer`` …). Its values win over what the page
        headers say. ``"auto"`` (the default) uses ``manifest.jsonl`` or
        ``metadata.csv`` in *path* when one exists; ``None`` uses none.

        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("稳中求进。")
        >>> Corpus.from_dir(d).doc_ids
        ['a']
        """
        errors = check_choice("errors", errors, ERRORS_CHOICES)
        root = Path(path)
        if not root.is_dir():
            raise InputError(f"{root}: not a directory")
        sidecar = load_sidecar(root, metadata)
        docs: list[Document] = []
        files, skipped = select_files(root, pattern, metadata)
        problems = [_skipped_problem(f, root) for f in skipped]
        for file in files:
            rel = file.relative_to(root)
            doc_id = rel.with_suffix("").as_posix()
            extra = sidecar.get(rel.as_posix()) or sidecar.get(doc_id)
            try:
                doc = read_document(file, doc_id=doc_id, clean=clean, normalize=normalize, meta=extra)
            except (DecodeError, InputError) as e:
                if errors == "raise":
                    raise
                problems.append(_problem("unreadable", str(file), str(e), getattr(e, "offset", None)))
                continue
            reason = suspicious_body(doc)
            if reason:
                problems.append(_problem("suspicious", str(file), f"{file}: {reason}"))
            if doc.meta.get("decoding_repair"):
                problems.append(_problem("repaired", str(file), doc.meta["decoding_repair"]))
            docs.append(doc)
        for kind, what in (("unsupported", "of unsupported types"), ("resource", "of saved pages' resource folders")):
            names = [f.name for f, pr in zip(skipped, problems) if pr["kind"] == kind]
            if names:
                warnings.warn(
                    f"{root}: {len(names)} file(s) {what} skipped ({', '.join(names[:5])}"
                    f"{' …' if len(names) > 5 else ''}); see corpus.problems",
                    UserWarning,
                    stacklevel=2,
                )
        return cls(docs, problems=pd.DataFrame(problems, columns=PROBLEM_COLUMNS))

    @classmethod
    def from_texts(
        cls,
        texts: Sequence[str],
        ids: Sequence[str] | None = None,
        meta: Sequence[dict[str, Any]] | None = None,
        *,
        clean: bool = False,
        normalize: bool = True,
    ) -> Corpus:
        """Build a corpus from strings (``doc_id`` = position unless *ids* are given).

        Texts are normalized but not cleaned by default (``clean=True`` cleans them).
        """
        if isinstance(texts, str):
            raise InputError("from_texts expects a list of strings, not one string")
        if ids is not None and len(ids) != len(texts):
            raise InputError(f"ids has {len(ids)} entries but texts has {len(texts)}")
        if meta is not None and len(meta) != len(texts):
            raise InputError(f"meta has {len(meta)} entries but texts has {len(texts)}")
        docs = []
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"texts[{i}] is {type(t).__name__}, not str")
            did = str(ids[i]) if ids is not None else str(i)
            docs.append(
                make_document(
                    t,
                    name=f"texts[{i}]",
                    path=None,
                    doc_id=did,
                    clean=clean,
                    normalize=normalize,
                    meta=dict(meta[i]) if meta is not None else None,
                )
            )
        return cls(docs)

    @classmethod
    def from_dataframe(
        cls,
        df: pd.DataFrame,
        text: str = "text",
        id: str | None = "doc_id",
        *,
        clean: bool = False,
        normalize: bool = True,
    ) -> Corpus:
        """Build a corpus from a DataFrame; every other column becomes metadata.

        >>> import pandas as pd
        >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["推动高质量发展。"], "year": [2023]})
        >>> Corpus.from_dataframe(df)["a"].meta["year"]
        2023
        """
        return cls._from_records(
            df, text=text, id=id, clean=clean, normalize=normalize, name="DataFrame", line_of=lambda i: f"row {i}"
        )

    @classmethod
    def _from_records(
        cls,
        df: pd.DataFrame,
        *,
        text: str,
        id: str | None,
        clean: bool,
        normalize: bool,
        name: str,
        line_of: Callable[[int], str],
    ) -> Corpus:
        if text not in df.columns:
            raise InputError(f"{name}: no text column {text!r} (columns: {', '.join(map(str, df.columns))})")
        use_id = id is not None and id in df.columns
        if id is not None and id != "doc_id" and not use_id:
            raise InputError(f"{name}: no id column {id!r} (columns: {', '.join(map(str, df.columns))})")
        meta_cols = [c for c in df.columns if c != text and (not use_id or c != id)]
        docs = []
        for pos, row in enumerate(df.itertuples(index=False, name=None)):
            rec: dict[Hashable, Any] = dict(zip(df.columns, row))
            body = rec[text]
            if not isinstance(body, str):
                raise InputError(f"{name}, {line_of(pos)}: text is {type(body).__name__}, not str")
            if use_id and (is_missing(rec[id]) or not str(rec[id]).strip()):
                raise InputError(f"{name}, {line_of(pos)}: the id column {id!r} is empty; every document needs an id")
            did = str(rec[id]) if use_id else str(pos)
            meta = {c: rec[c] for c in meta_cols}
            docs.append(
                make_document(
                    body,
                    name=f"{name}, {line_of(pos)}",
                    path=None,
                    doc_id=did,
                    clean=clean,
                    normalize=normalize,
                    meta=meta,
                )
            )
        try:
            return cls(docs)
        except InputError as e:
            raise InputError(f"{name}: {e}") from None

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        text: str = "text",
        id: str | None = "doc_id",
        *,
        clean: bool = False,
        normalize: bool = True,
        **read_csv_kwargs: Any,
    ) -> Corpus:
        """Read a CSV file (any supported encoding) with one document per row.

        A malformed file raises :class:`InputError` naming the file and line.
        """
        p = Path(path)
        raw, _ = decode_bytes(read_file_bytes(p), source=str(p))
        try:
            df = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False, **read_csv_kwargs)
        except (pd.errors.ParserError, csv.Error, ValueError) as e:
            raise InputError(f"{p}: malformed CSV: {e}") from None
        if df.empty:
            raise InputError(f"{p}: no rows")
        # CSV line numbers: header is line 1, first record line 2 (no embedded newlines assumed)
        return cls._from_records(
            df, text=text, id=id, clean=clean, normalize=normalize, name=str(p), line_of=lambda i: f"record {i + 1}"
        )

    @classmethod
    def from_jsonl(
        cls,
        path: str | os.PathLike[str],
        text: str = "text",
        id: str | None = "doc_id",
        *,
        clean: bool = False,
        normalize: bool = True,
    ) -> Corpus:
        """Read a JSON-lines file, one object per line.

        A line that is not a JSON object raises :class:`InputError` naming file and line.
        """
        p = Path(path)
        raw, _ = decode_bytes(read_file_bytes(p), source=str(p))
        records = []
        for lineno, obj in iter_json_lines(raw, str(p)):
            if not isinstance(obj, dict):
                raise InputError(f"{p}, line {lineno}: expected a JSON object, got {type(obj).__name__}")
            if text not in obj:
                raise InputError(f"{p}, line {lineno}: no {text!r} field")
            obj["__line__"] = lineno
            records.append(obj)
        if not records:
            raise InputError(f"{p}: no records")
        df = pd.DataFrame.from_records(records)
        lines = df.pop("__line__").tolist()
        return cls._from_records(
            df, text=text, id=id, clean=clean, normalize=normalize, name=str(p), line_of=lambda i: f"line {lines[i]}"
        )

    # -- views ----------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """A DataFrame with ``doc_id``, ``text`` and one column per metadata key."""
        rows = [{"doc_id": d.doc_id, "text": d.text, **d.meta} for d in self._docs]
        return pd.DataFrame(rows, columns=_ordered_columns(rows))

    def meta_frame(self) -> pd.DataFrame:
        """Like :meth:`to_frame` without the texts, plus ``n_chars``."""
        rows = [{"doc_id": d.doc_id, "n_chars": len(d.text), **d.meta} for d in self._docs]
        return pd.DataFrame(rows, columns=_ordered_columns(rows))

    def filter(self, predicate: Callable[[Document], bool] | None = None, **meta: Any) -> Corpus:
        """Documents that satisfy *predicate* and whose metadata match *meta*.

        A metadata value may be a single value or a collection (list, set, range).

        >>> c = Corpus.from_texts(["甲。", "乙。", "丙。"], meta=[{"year": y} for y in (2001, 2011, 2021)])
        >>> c.filter(year=range(2010, 2030)).doc_ids
        ['1', '2']
        """

        if meta and self._docs:
            known = {k for d in self._docs for k in d.meta}
            unknown = sorted(set(meta) - known)
            if unknown:
                raise InputError(
                    f"filter: no document has the metadata key {', '.join(map(repr, unknown))} "
                    f"(keys: {', '.join(sorted(known)) or 'none'})"
                )

        def keep(d: Document) -> bool:
            for k, want in meta.items():
                have = d.meta.get(k)
                if isinstance(want, (list, tuple, set, frozenset, range)):
                    if have not in want:
                        return False
                elif have != want:
                    return False
            return predicate(d) if predicate is not None else True

        kept = [i for i, d in enumerate(self._docs) if keep(d)]
        if meta and not kept:
            _warn_type_mismatch(self._docs, meta)
        return self._subset(kept)

    def _subset(self, indices: Sequence[int]) -> Corpus:
        """A corpus of the documents at *indices*, keeping their cached tokens and terms.

        Every cache entry holds one item per document, so the subset takes the same
        positions: filtering after segmenting never segments again.
        """
        sub = Corpus([self._docs[i] for i in indices])
        n = len(self._docs)
        for key, value in self._cache.items():
            if isinstance(value, list) and len(value) == n:
                sub._cache[key] = [value[i] for i in indices]
        return sub

    def split(self, unit: str = "section", *, level: int | None = None) -> Corpus:
        """A corpus of the units of every document: sections (``unit="section"``) or paragraphs.

        Each unit is a :class:`Document` whose id is the document's with ``§`` and the unit's index
        and whose meta adds ``parent_id``, ``unit_index``, ``offset`` (its start in the document's
        text) and, for sections, ``section_level``, ``section_number``, ``section_heading``.
        ``level=1`` keeps every top-level section whole; ``None`` cuts at every heading. Any function
        that reads a corpus then counts per unit (see :mod:`policytext.corpus.units`).

        >>> c = Corpus.from_texts(["一、目标\\n稳中求进。\\n二、任务\\n高质量发展。"], ids=["d"])
        >>> [(u.doc_id, u.meta["section_heading"]) for u in c.split("section")]
        [('d§0', '目标'), ('d§1', '任务')]
        """
        from .units import iter_units

        return Corpus(iter_units(self._docs, unit, level=level))

    def memo(self, key: Hashable, compute: Callable[[], Any], *, per_document: bool = True) -> Any:
        """A value kept with the corpus: computed by *compute* once, then reused.

        With ``per_document=True`` (the default) the value is a list with one item per
        document, in corpus order (tokens, tags, sentence terms); slicing and
        :meth:`filter` hand the matching items to the sub-corpus, so work done once is
        never done again. With ``per_document=False`` it is any value about the whole
        corpus (a topic model's units), kept for this corpus only. *key* names the
        layer and the settings the value depends on, e.g.
        ``("policytext.stats:tagged_terms", seg.fingerprint)``.

        >>> c = Corpus.from_texts(["甲。", "乙。"])
        >>> c.memo(("lengths",), lambda: [len(d.text) for d in c])
        [2, 2]
        >>> c.filter(lambda d: d.doc_id == "1").memo(("lengths",), lambda: ["not recomputed"])
        [2]
        """
        store = self._cache if per_document else self._corpus_cache
        if key not in store:
            value = compute()
            if per_document and (not isinstance(value, list) or len(value) != len(self._docs)):
                raise InputError(
                    f"memo {key!r}: compute() must return a list with one item per document "
                    f"({len(self._docs)}), got {type(value).__name__}"
                )
            store[key] = value
        return store[key]

    @deprecated_positional("n_jobs", "progress", allowed=2)
    def tokens(
        self, segmenter: Segmenter | None = None, *, n_jobs: int | None = 1, progress: bool = False
    ) -> list[list[str]]:
        """Tokens of every document (``segmenter.cut``), computed once and cached.

        The cache is keyed by ``segmenter.fingerprint``; ``n_jobs`` segments over
        worker processes (:meth:`Segmenter.cut_many`) the first time.
        """
        return self._cached(segmenter, "cut", n_jobs, progress)

    @deprecated_positional("n_jobs", "progress", allowed=2)
    def terms(
        self, segmenter: Segmenter | None = None, *, n_jobs: int | None = 1, progress: bool = False
    ) -> list[list[str]]:
        """Content terms of every document (``segmenter.terms``), cached like :meth:`tokens`.

        Derived from the cached tokens when those exist (no second segmentation).
        """
        return self._cached(segmenter, "terms", n_jobs, progress)

    def _cached(
        self, segmenter: Segmenter | None, kind: str, n_jobs: int | None = 1, progress: bool = False
    ) -> list[list[str]]:
        # the one upward import of this layer, declared in pyproject.toml's import-linter contract:
        # Corpus.tokens()/terms() without a segmenter build the default one (a convenience of 0.1)
        from ..segment.defaults import resolve_segmenter

        seg = resolve_segmenter(segmenter)
        key = (kind, seg.fingerprint)
        tokens = self._cache.get(("cut", seg.fingerprint)) if kind == "terms" else None
        if tokens is not None and seg.granularity == "coarse":
            return self.memo(key, lambda: [seg.terms_of_tokens(t) for t in tokens])
        return self.memo(key, lambda: seg.cut_many(self.texts, n_jobs=n_jobs, progress=progress, method=kind))

    def _repr_html_(self) -> str:
        frame = self.meta_frame()
        cols = [c for c in ("doc_id", "title", "year", "issuer", "n_chars") if c in frame.columns]
        head = frame[cols].head(20).to_html(index=False)
        more = f"<p>… and {len(self) - 20} more</p>" if len(self) > 20 else ""
        return f"<div><b>Corpus</b>: {len(self):,} documents, {self.n_chars:,} characters{head}{more}</div>"


def _ordered_columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    return list(cols) if cols else ["doc_id", "text"]


def _warn_type_mismatch(docs: Sequence[Document], meta: dict[str, Any]) -> None:
    """Warn when a filter kept nothing because its value has another type than the metadata (``year="2020"``
    against ``year`` 2020)."""

    def kind(value: Any) -> type:
        return type(value.item()) if hasattr(value, "item") and hasattr(value, "dtype") else type(value)  # numpy

    for key, want in meta.items():
        given: set[type]
        if isinstance(want, range):
            given = {int}  # (never listed: a range may be huge)
        else:
            wanted = list(want) if isinstance(want, (list, tuple, set, frozenset)) else [want]
            given = {kind(w) for w in wanted if w is not None}
        types = {kind(d.meta[key]) for d in docs if d.meta.get(key) is not None}
        if types and given and not (types & given) and not all(issubclass(t, numbers.Number) for t in types | given):
            warn_user(
                f"filter: {key}={want!r} kept no document; the documents' {key} values are "
                f"{', '.join(sorted(t.__name__ for t in types))}, not {', '.join(sorted(t.__name__ for t in given))}"
            )
