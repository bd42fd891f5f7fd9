"""The cases a review helper wrote with what it expected a careful reader to find (``expected.jsonl`` beside the
pages and files: title, date, source, the body's first and last line), as the review tests read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import policytext as pt


def review_cases(folder: Path, left: dict[str, str]) -> list[Any]:
    """The records of *folder*'s ``expected.jsonl`` as test parameters, those named in *left* (file: reason) as
    strict expected failures, each with its file's name as id."""
    cases = [json.loads(x) for x in (folder / "expected.jsonl").read_text(encoding="utf-8").splitlines() if x]
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=left[c["file"]]), id=c["file"])
        if c["file"] in left
        else pytest.param(c, id=c["file"])
        for c in cases
    ]


def _spaced(line: str | None) -> str | None:
    return " ".join(line.split()) if line is not None else None


def assert_reads_as_expected(folder: Path, case: dict[str, Any]) -> None:
    """Read the case's file and compare title, date, source and the body's first and last line with the record;
    where policytext's convention differs from the reviewer's call, the record's ``policytext_convention`` says so and
    why, and its values are the ones expected."""
    case = {**case, **{k: v for k, v in case.get("policytext_convention", {}).items() if k != "why"}}
    if case["file"].endswith(".docx"):
        pytest.importorskip("docx")
    if case["file"].endswith(".pdf"):
        pytest.importorskip("pdfplumber")
    doc = pt.read_document(folder / case["file"])
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    date = doc.meta.get("date")
    got = {
        "title": doc.meta.get("title"),
        "date": date.isoformat() if date else None,
        "source": doc.meta.get("source"),
        "first": _spaced(lines[0]),
        "last": _spaced(lines[-1]),
    }
    assert got == {k: _spaced(case[k]) if k in ("first", "last") else case[k] for k in got}
