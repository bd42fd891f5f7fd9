"""Helpers shared by the subcommands: reading inputs, writing tables, progress."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from ..corpus.corpus import Corpus
from ..corpus.document import Document
from ..corpus.readers import read_document
from ..errors import InputError

T = TypeVar("T")

SAMPLE = "sample"


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """``FILES...``: files, directories (every *.txt under them) or the word ``sample``."""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="FILES",
        help="text files, directories (all *.txt below), or 'sample' for the bundled sample corpus",
    )
    parser.add_argument("--no-clean", action="store_true", help="keep page chrome and header lines")


def add_output_arguments(parser: argparse.ArgumentParser, formats: Sequence[str] = ("table", "csv", "jsonl")) -> None:
    """``-o/--out`` and ``--format``."""
    parser.add_argument("-o", "--out", help="write to this file instead of standard output")
    parser.add_argument(
        "--format",
        choices=list(formats),
        default=None,
        help="output format (default: from the --out suffix, else table)",
    )


def load_inputs(inputs: Sequence[str], clean: bool = True) -> Corpus:
    """Read files, directories and ``sample`` into one corpus (ids stay unique)."""
    docs: list[Document] = []
    for item in inputs:
        if item == SAMPLE and not Path(item).exists():
            from ..corpus.datasets import load_sample

            docs.extend(load_sample())
            continue
        p = Path(item)
        if p.is_dir():
            docs.extend(Corpus.from_dir(p, clean=clean))
        elif p.is_file():
            docs.append(read_document(p, doc_id=p.stem, clean=clean))
        else:
            raise InputError(f"{item}: no such file or directory")
    seen: dict[str, int] = {}
    for d in docs:
        if d.doc_id in seen:
            seen[d.doc_id] += 1
            d.doc_id = f"{d.doc_id}#{seen[d.doc_id]}"
        else:
            seen[d.doc_id] = 0
    return Corpus(docs)


def _jsonable(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, (set, frozenset)):
        return sorted(v)
    if hasattr(v, "item"):
        return v.item()
    return v


def write_frame(df: pd.DataFrame, out: str | None, fmt: str | None) -> None:
    """Write *df* as a table, CSV or JSONL to *out* (or standard output)."""
    if fmt is None:
        suffix = Path(out).suffix.lower() if out else ""
        fmt = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}.get(suffix, "table" if not out else "csv")
    if fmt == "csv":
        text = df.to_csv(index=False)
    elif fmt == "jsonl":
        text = "".join(
            json.dumps({k: _jsonable(v) for k, v in row.items()}, ensure_ascii=False, default=str) + "\n"
            for row in df.to_dict(orient="records")
        )
    else:
        with pd.option_context(
            "display.max_rows",
            200,
            "display.max_columns",
            20,
            "display.width",
            200,
            "display.max_colwidth",
            40,
            "display.unicode.east_asian_width",
            True,
        ):
            text = df.to_string(index=False) + "\n"
    if out:
        from .._util.files import atomic_write_text

        atomic_write_text(out, text)
    else:
        sys.stdout.write(text)
