"""How often policytext reads 文号, 发文机关 and 成文日期 from the official documents of ``../shared/corpus``.

For each folder (``policy_docs_central``, ``policy_docs_shandong``, ``html_pages/gov_cn``,
``local_documents``) every file is read with :func:`policytext.read_document` alone (the folder's
manifest is *not* merged, so nothing printed in the manifest leaks into the counts) and the script
counts the documents with ``doc_number``, ``issuer`` and ``written_date`` in ``Document.meta``. Beside
each count it prints how many texts *show* such a value, found by a plain pattern independent of the
reader: a line that is a 文号 (``X〔2023〕12号``, with []/() too, or in brackets) among the first 15 lines
(a 文号 cited inside a sentence is another document's), and a date line (2023年2月13日 or
二〇二三年二月十三日 alone on a line) among the last 15 lines, the place of a 成文日期. For the gov.cn pages, whose
manifest lines hold the values printed on the page, it also counts how many read values equal the
printed ones.

    python scripts/officialdoc_coverage.py [CORPUS_DIR]

``docs/reading.md`` reports the numbers; ``tests/corpus/test_officialdoc_coverage.py`` checks the gov.cn
agreement.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

FOLDERS = ("policy_docs_central", "policy_docs_shandong", "html_pages/gov_cn", "local_documents")
FIELDS = ("doc_number", "issuer", "written_date")

_DOC_NUMBER_RE = re.compile(
    r"^[（(]?[\u4e00-\u9fff]{1,14}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,5}\s*号[）)]?(?:\s+签发人.*)?$"
)
_DATE_LINE_RE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*$"
)


def _han(value: str) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", value))


def shows(text: str) -> dict[str, bool]:
    """Whether *text* visibly carries a 文号 near its head and a date line near its end."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return {
        "doc_number": any(_DOC_NUMBER_RE.match(ln.strip(" \t\u3000")) for ln in lines[:15]),
        "written_date": any(_DATE_LINE_RE.match(ln) for ln in lines[-15:]),
    }


def source_text(path: Path) -> str:
    """The file's whole text before any cleaning: a page's text with its tags removed, a text file as it is."""
    from policytext.corpus.html import html_to_text

    raw = path.read_bytes().decode("utf-8", errors="replace")
    return html_to_text(raw) if path.suffix == ".html" else raw


def read_folder(corpus_dir: Path, folder: str) -> list[tuple[Path, Any]]:
    """Every supported file of *folder*, read on its own (no manifest), sorted by name."""
    from policytext.corpus import read_document

    files = sorted(p for p in (corpus_dir / folder).iterdir() if p.suffix in (".txt", ".html"))
    return [(p, read_document(p)) for p in files]


def coverage(corpus_dir: Path) -> list[dict[str, Any]]:
    """One row per folder: ``files``, and per field the documents with a value read and, for 文号 and
    成文日期, the texts that show one."""
    rows = []
    for folder in FOLDERS:
        docs = read_folder(corpus_dir, folder)
        row: dict[str, Any] = {"folder": folder, "files": len(docs)}
        for field in FIELDS:
            row[field] = sum(1 for _, d in docs if d.meta.get(field))
        shown = [shows(source_text(p)) for p, _ in docs]
        for field in ("doc_number", "written_date"):
            row[f"{field}_shown"] = sum(1 for s in shown if s[field])
        rows.append(row)
    return rows


def _printed_date(value: str) -> dt.date:
    return dt.date(*map(int, re.findall(r"\d+", value)))


def govcn_agreement(corpus_dir: Path) -> list[dict[str, Any]]:
    """For each gov.cn page: the values policytext reads next to the values the manifest says it prints."""
    manifest = {}
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            manifest[entry["path"]] = entry
    out = []
    for path, doc in read_folder(corpus_dir, "html_pages/gov_cn"):
        entry = manifest[f"html_pages/gov_cn/{path.name}"]
        out.append(
            {
                "page": path.name,
                "doc_number": doc.meta.get("doc_number"),
                "doc_number_printed": entry.get("doc_number") or None,
                "issuer": doc.meta.get("issuer"),
                "issuer_printed": entry.get("issuing_body") or None,
                "written_date": doc.meta.get("written_date"),
                "written_date_printed": _printed_date(entry["written_date"]) if entry.get("written_date") else None,
            }
        )
    return out


def agreement_counts(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per field, (pages whose read value equals the printed one, pages that print one); 文号 and
    发文机关 are compared on their Han characters and digits, so 国发〔2018〕43号 = 国发[2018]43号."""

    def norm(v: Any) -> Any:
        return re.sub(r"[^\u4e00-\u9fff0-9]", "", v) if isinstance(v, str) else v

    counts = {}
    for field in FIELDS:
        printed = [r for r in rows if r[f"{field}_printed"] is not None]
        same = sum(1 for r in printed if norm(r[field]) == norm(r[f"{field}_printed"]))
        counts[field] = (same, len(printed))
    return counts


def main(corpus_dir: Path) -> None:
    print("| folder | files | 文号 read | 文号 shown | 发文机关 read | 成文日期 read | date line shown |")
    print("|---|---|---|---|---|---|---|")
    for r in coverage(corpus_dir):
        print(
            f"| {r['folder']} | {r['files']} | {r['doc_number']} | {r['doc_number_shown']} | {r['issuer']} "
            f"| {r['written_date']} | {r['written_date_shown']} |"
        )
    rows = govcn_agreement(corpus_dir)
    print("\ngov.cn pages, read value = value printed on the page (manifest):")
    for field, (same, n) in agreement_counts(rows).items():
        print(f"  {field}: {same}/{n}")
    for r in rows:
        for field in FIELDS:
            printed = r[f"{field}_printed"]
            if printed is not None and r[field] != printed:
                print(f"  {r['page']}: {field} read {r[field]!r}, printed {printed!r}")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
