"""The human coding round trip: units out to a spreadsheet for coders, their codes back in, checked.

:func:`export_for_coding` writes one row per unit: its id, a hash, the text, its neighbours (context), the rule
pre-codes, and empty columns for every coder (``<coder>``, ``<coder>_second``, ``<coder>_note``), as CSV
(UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese) or ``.xlsx`` (extra ``xlsx``).
:func:`read_coding` reads it back as a tidy frame ``unit_id, coder, category, second, note``, refusing a file
whose units were edited or reordered (the hash covers the row's position, id and text) or that holds a code the
codebook does not have, naming the row. It also reads a one-coder file with columns
``unit_id, category[, second, note]`` (the coder is the file's stem).

>>> import tempfile, pathlib, pandas as pd
>>> units = pd.DataFrame({"unit_id": ["d:1", "d:2"], "text": ["设立专项资金。", "加强人才培养。"]})
>>> p = pathlib.Path(tempfile.mkdtemp()) / "to_code.csv"
>>> export_for_coding(units, p, coders=["a", "b"])
>>> read_coding(p)[["unit_id", "coder", "category"]].values.tolist()
[['d:1', 'a', None], ['d:1', 'b', None], ['d:2', 'a', None], ['d:2', 'b', None]]
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.convention import check_not_one_string
from .._util.frames import is_missing, object_columns, to_frame
from .._util.output import output_target, write_output
from ..errors import InputError, MissingExtraError
from .codebook import Codebook
from .coding import primary_codes, resolve_codebook

__all__ = ["CODING_COLUMNS", "export_for_coding", "read_coding", "unit_hash"]

FIXED = ("row", "unit_id", "hash", "doc_id", "start", "end", "text", "context_before", "context_after")
PRECODES = ("precode", "precode_second", "precodes")
CODING_COLUMNS = ("unit_id", "coder", "category", "second", "note")


def unit_hash(row: int, unit_id: object, text: str, last: bool = False) -> str:
    """The 12-hex-digit hash of a unit at spreadsheet data row *row* (1-based): position, id and text, and
    whether it is the file's *last* unit (so that rows deleted at the end are noticed too).

    >>> unit_hash(1, "d:1", "设立专项资金。")
    'b62685552936'
    >>> unit_hash(1, "d:1", "设立专项资金。", last=True) != unit_hash(1, "d:1", "设立专项资金。")
    True
    """
    return hashlib.sha1(f"{row}\x1f{unit_id}\x1f{text}{chr(31) + 'last' if last else ''}".encode()).hexdigest()[:12]


def _one_row_per_unit(units: pd.DataFrame, codebook: Codebook | None) -> pd.DataFrame:
    """Units with their pre-codes: rows of :func:`code_units` (several per unit) become one row per unit."""
    if "unit_id" not in units.columns or "text" not in units.columns:
        raise InputError(f"units: needs the columns unit_id and text (has {', '.join(map(str, units.columns))})")
    if "category" in units.columns and "hits" in units.columns:  # code_units' rows
        prim = primary_codes(units, codebook)
        allcodes = (
            units[units["category"].notna()].groupby("unit_id", sort=False)["category"].agg(lambda s: "; ".join(s))
        )
        prim["precode"] = prim.pop("category")
        prim["precode_second"] = prim.pop("second")
        prim["precodes"] = prim["unit_id"].map(allcodes).where(lambda s: s.notna(), None)
        return prim
    out = units.drop_duplicates("unit_id").copy()
    if "category" in out.columns:
        out["precode"] = out.pop("category")
        if "second" in out.columns:
            out["precode_second"] = out.pop("second")
    return out


def _context(frame: pd.DataFrame, width: int) -> tuple[list[str], list[str]]:
    before: list[str] = []
    after: list[str] = []
    texts = frame["text"].astype(str).tolist()
    docs = frame["doc_id"].tolist() if "doc_id" in frame.columns else [0] * len(frame)
    for i in range(len(frame)):
        b = [texts[j] for j in range(max(0, i - width), i) if docs[j] == docs[i]]
        a = [texts[j] for j in range(i + 1, min(len(frame), i + 1 + width)) if docs[j] == docs[i]]
        before.append("".join(b))
        after.append("".join(a))
    return before, after


def export_for_coding(
    units: pd.DataFrame,
    path: str | os.PathLike[str],
    coders: Sequence[str] = ("coder_1", "coder_2"),
    *,
    codebook: Codebook | str | os.PathLike[str] | None = None,
    context: int = 1,
    precodes: bool = True,
    overwrite: bool = False,
) -> None:
    """Write *units* to *path* (``.csv``, or ``.xlsx`` with openpyxl) for coding by *coders*.

    *units* is :func:`~policytext.coding.code_units`' result (one row per unit and category; its rule
    pre-codes become ``precode``, ``precode_second`` and ``precodes``) or any frame with ``unit_id`` and
    ``text`` (and ``doc_id``, ``start``, ``end`` when known). ``context`` neighbouring units of the same document
    on each side go to ``context_before``/``context_after``; ``precodes=False`` leaves the pre-codes out (for a
    blind round). An existing *path* is refused unless ``overwrite=True``.

    >>> import tempfile, pathlib, pandas as pd
    >>> units = pd.DataFrame({"unit_id": ["d:1", "d:2"], "text": ["设立专项资金。", "加强人才培养。"]})
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "to_code.csv"
    >>> export_for_coding(units, p, coders=["wang", "li"])
    >>> pd.read_csv(p, encoding="utf-8-sig").columns.tolist()[:7]
    ['row', 'unit_id', 'hash', 'text', 'context_before', 'context_after', 'wang']
    """
    check_not_one_string(coders=coders)
    coders = [str(c) for c in coders]
    if not coders or len(set(coders)) != len(coders) or any(not c.strip() for c in coders):
        raise InputError(f"coders: give one or more distinct names, not {coders}")
    reserved = {*FIXED, *PRECODES, "category", "second", "note"}
    clash = [c for c in coders if c in reserved or c.endswith(("_second", "_note"))]
    if clash:
        raise InputError(f"coders: {clash} cannot name a coder (a column of the file has that name)")
    if context < 0:
        raise InputError(f"context: expected 0 or more units, not {context}")
    cb = resolve_codebook(codebook) if (precodes and "hits" in units.columns) else None
    frame = _one_row_per_unit(units, cb).reset_index(drop=True)
    if frame["unit_id"].duplicated().any():  # pragma: no cover - drop_duplicates/groupby above
        raise InputError("units: unit_id is not unique")
    before, after = _context(frame, context)
    out = pd.DataFrame({"row": range(1, len(frame) + 1)})
    out["unit_id"] = frame["unit_id"].astype(str)
    n = len(out)
    out["hash"] = [unit_hash(r, u, str(t), last=r == n) for r, u, t in zip(out["row"], out["unit_id"], frame["text"])]
    for col in ("doc_id", "start", "end"):
        if col in frame.columns:
            out[col] = frame[col].values
    out["text"] = frame["text"].astype(str).values
    if context:
        out["context_before"] = before
        out["context_after"] = after
    if precodes:
        for col in PRECODES:
            if col in frame.columns:
                out[col] = [None if is_missing(v) else v for v in frame[col]]
    for c in coders:
        out[c] = ""
        out[f"{c}_second"] = ""
        out[f"{c}_note"] = ""
    p = Path(path)
    target = output_target(p, overwrite=overwrite)
    if p.suffix.lower() == ".xlsx":
        write_output(target, _xlsx_bytes(out))
    elif p.suffix.lower() in (".csv", ".txt", ""):
        buf = io.StringIO()
        out.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
        write_output(target, "\ufeff" + buf.getvalue())
    else:
        raise InputError(f"{p}: write .csv or .xlsx, not {p.suffix}")


def _xlsx_bytes(frame: pd.DataFrame) -> bytes:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError("writing a coding sheet as .xlsx", "xlsx", "openpyxl") from None
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "coding"
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append([None if is_missing(v) else v for v in row])
    ws.freeze_panes = "C2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _read_table(p: Path) -> pd.DataFrame:
    if not p.is_file():
        raise InputError(f"{p}: no such coding file")
    if p.suffix.lower() == ".xlsx":
        try:
            import openpyxl
        except ImportError:
            raise MissingExtraError("reading a coding sheet (.xlsx)", "xlsx", "openpyxl") from None
        import zipfile

        try:
            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
            rows = list(wb.worksheets[0].iter_rows(values_only=True))
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
            raise InputError(f"{p}: not a readable .xlsx workbook ({type(e).__name__}: {e})") from None
        if not rows:
            raise InputError(f"{p}: the sheet is empty")
        header = [str(h) if h is not None else "" for h in rows[0]]
        return pd.DataFrame([list(r) for r in rows[1:]], columns=header, dtype=object)
    try:
        return pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 (byte offset {e.start})") from None
    except pd.errors.EmptyDataError:
        raise InputError(f"{p}: the file is empty (no header line)") from None
    except pd.errors.ParserError as e:
        raise InputError(f"{p}: not a readable CSV ({e})") from None


def _cell(v: Any) -> str | None:
    if is_missing(v):
        return None
    s = str(v).strip()
    return s or None


def _known_codes(codebook: Codebook | Iterable[str] | str | os.PathLike[str] | None) -> set[str]:
    if codebook is not None and not isinstance(codebook, (Codebook, str, os.PathLike)):
        return {str(c) for c in codebook} | {"none"}
    return set(resolve_codebook(codebook).codes) | {"none"}


def read_coding(
    path: str | os.PathLike[str],
    codebook: Codebook | Iterable[str] | str | os.PathLike[str] | None = None,
    *,
    coders: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Read a coded file back as ``unit_id, coder, category, second, note`` (one row per unit and coder).

    *path* is a file written by :func:`export_for_coding` (CSV or ``.xlsx``) or a one-coder CSV with columns
    ``unit_id, category[, second, note]``. Every code must be a category of *codebook* (default: the bundled
    policy-instrument codebook; a list of codes also works) or ``none``; an empty cell is a missing code
    (``None``). A row whose hash does not match its position, id and text (edited, reordered, inserted or
    deleted units) or that holds an unknown code is an :class:`InputError` naming the file, the row (as a
    spreadsheet numbers it: the header is row 1) and the unit. *coders* picks some coders (default: all).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "wang.csv"  # a one-coder file: the coder is its stem
    >>> _ = p.write_text("unit_id,category\\nd:1,none\\nd:2,\\n", encoding="utf-8")
    >>> read_coding(p)[["unit_id", "coder", "category"]].values.tolist()
    [['d:1', 'wang', 'none'], ['d:2', 'wang', None]]
    """
    p = Path(path)
    frame = _read_table(p)
    known = _known_codes(codebook)
    cols = [str(c) for c in frame.columns]
    if "unit_id" not in cols:
        raise InputError(f"{p}: no unit_id column (has {', '.join(cols)})")
    if "hash" in cols and "text" in cols:
        # a coder is a column with its two companions; other columns a user added (comment …) are left alone
        found = [
            c
            for c in cols
            if c not in (*FIXED, *PRECODES)
            and not c.endswith(("_second", "_note"))
            and f"{c}_second" in cols
            and f"{c}_note" in cols
        ]
        _check_hashes(p, frame)
        layout = {c: (c, f"{c}_second", f"{c}_note") for c in found}
    elif "category" in cols:
        layout = {p.stem: ("category", "second", "note")}
    else:
        raise InputError(f"{p}: neither a file of export_for_coding (hash, text) nor a one-coder file (category)")
    if coders is not None:
        missing = [c for c in coders if c not in layout]
        if missing:
            raise InputError(f"{p}: no coder {missing} (the file has {', '.join(layout)})")
        layout = {c: layout[c] for c in coders}
    if not layout:
        raise InputError(f"{p}: no coder columns")
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, rec in enumerate(frame.to_dict("records"), start=2):
        uid = _cell(rec["unit_id"])
        if uid is None:
            raise InputError(f"{p}: row {i}: empty unit_id")
        if uid in seen:
            raise InputError(f"{p}: row {i}: unit {uid!r} already on row {seen[uid]}")
        seen[uid] = i
        for coder, (ccol, scol, ncol) in layout.items():
            cat = _cell(rec.get(ccol))
            second = _cell(rec.get(scol))
            for value, col in ((cat, ccol), (second, scol)):
                if value is not None and value not in known:
                    raise InputError(
                        f"{p}: row {i} (unit {uid}): column {col!r} has the code {value!r}, which is not in the "
                        f"codebook (known: {', '.join(sorted(known))})"
                    )
            if second is not None and second == cat:
                second = None
            rows.append(
                {"unit_id": uid, "coder": coder, "category": cat, "second": second, "note": _cell(rec.get(ncol))}
            )
    return object_columns(to_frame(rows, CODING_COLUMNS), others=("category", "second", "note"))


def _check_hashes(p: Path, frame: pd.DataFrame) -> None:
    n = len(frame)
    for i, rec in enumerate(frame.to_dict("records"), start=1):
        uid = _cell(rec["unit_id"]) or ""
        text = "" if is_missing(rec["text"]) else str(rec["text"])
        if _cell(rec["hash"]) != unit_hash(i, uid, text, last=i == n):
            if i == n and _cell(rec["hash"]) == unit_hash(i, uid, text):
                raise InputError(
                    f"{p}: the file ends at row {i + 1} (unit {uid}), but the exported file went on: rows were "
                    "deleted at the end since export; code every exported unit (leave it empty for no code)"
                )
            what = "edited, moved or inserted"
            for j in range(1, len(frame) + 1):  # reordered rows keep their own hash: say where it came from
                if _cell(rec["hash"]) in (unit_hash(j, uid, text), unit_hash(j, uid, text, last=True)):
                    what = f"moved from row {j + 1}"
                    break
            raise InputError(
                f"{p}: row {i + 1} (unit {uid}): the unit was {what} since export (its hash does not match); "
                "code in the exported order and leave unit_id, hash and text as they are"
            )
