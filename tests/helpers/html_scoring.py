"""Scoring body extraction on the 23 HTML pages of ../shared/corpus/html_pages against what the pages print.

The gold body of a page is the text from the manifest's first sentence to its last sentence, found in
the page's own text; scores are character-level precision and recall of the body's Han characters
(the longest common subsequence of the two Han strings, by difflib's matching blocks), plus title and
date accuracy. ``python tests/helpers/html_scoring.py`` prints the comparison of extractors that
``docs/reading.md`` reports.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN_RE.findall(text))


def _anchors(entry: dict[str, Any]) -> tuple[str, str]:
    if entry.get("first_sentence"):
        return entry["first_sentence"], entry["last_sentence"]
    notes = entry["notes"]
    first = re.search(r"First sentence: “(.*?)”", notes).group(1)  # type: ignore[union-attr]
    last = re.search(r"Last sentence: “(.*?)”", notes).group(1)  # type: ignore[union-attr]
    return first.split("……")[0], last.split("……")[-1]


def html_pages(corpus_dir: Path) -> list[dict[str, Any]]:
    """The manifest entries of the HTML pages, each with ``file``, ``gold`` (Han characters of the body),
    ``title`` and ``date`` (the publication date the page prints, or None)."""
    from policytext.corpus.html import html_to_text

    out = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line) if line else {}
        if not entry.get("path", "").startswith("html_pages/"):
            continue
        file = corpus_dir / entry["path"]
        page = file.read_bytes().decode("utf-8")
        text = han(html_to_text(page))
        first, last = (han(s) for s in _anchors(entry))
        i = text.find(first)
        j = text.find(last, i)
        assert i >= 0 and j >= 0, entry["path"]
        date = None
        if entry.get("published_date"):
            date = dt.date(*map(int, re.findall(r"\d+", entry["published_date"])))
        else:
            m = re.search(r"PubDate (\d{4})-(\d{2})-(\d{2})", entry["notes"])
            if m:
                date = dt.date(*map(int, m.groups()))
        out.append({**entry, "file": file, "gold": text[i : j + len(last)], "page": page, "date": date})
    return out


def precision_recall(extracted: str, gold: str) -> tuple[float, float]:
    a, b = han(extracted), gold
    if not a or not b:
        return 0.0, 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    return common / len(a), common / len(b)


Extractor = Callable[[str], tuple[str, str | None, dt.date | None]]


def score(extract: Extractor, pages: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for p in pages:
        body, title, date = extract(p["page"])
        prec, rec = precision_recall(body, p["gold"])
        rows.append(
            {
                "page": p["path"].split("/")[-1],
                "precision": prec,
                "recall": rec,
                "title_ok": title is not None and han(title) == han(p["title"]),
                "date_ok": None if p["date"] is None else date == p["date"],
            }
        )
    dated = [r for r in rows if r["date_ok"] is not None]
    return {
        "rows": rows,
        "precision": sum(r["precision"] for r in rows) / len(rows),
        "recall": sum(r["recall"] for r in rows) / len(rows),
        "title": sum(r["title_ok"] for r in rows) / len(rows),
        "date": sum(bool(r["date_ok"]) for r in dated) / len(dated),
        "worst": sorted(rows, key=lambda r: min(r["precision"], r["recall"]))[:5],
    }


# --- the extractors compared -------------------------------------------------------


def policytext_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from policytext.corpus import read_document

    doc = read_document(page.encode("utf-8"))
    return doc.text, doc.meta.get("title"), doc.meta.get("date")


def trafilatura_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    import trafilatura

    body = trafilatura.extract(
        page, output_format="txt", include_comments=False, include_tables=True, favor_recall=True
    )
    meta = trafilatura.extract_metadata(page)
    date = dt.date.fromisoformat(meta.date[:10]) if meta is not None and meta.date else None
    return body or "", (meta.title if meta is not None else None), date


def justext_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    import justext

    # jusText has no Chinese stoplist: an empty one, and the length/link-density rules only
    paragraphs = justext.justext(page.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), None, None


def readability_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from readability import Document

    from policytext.corpus.html import html_to_text

    doc = Document(page)
    return html_to_text(doc.summary()), doc.short_title(), None


def tagstrip_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from policytext.corpus.html import html_to_text

    return html_to_text(page), None, None


EXTRACTORS: dict[str, Extractor] = {
    "policytext (container or trafilatura, then cleaning)": policytext_extract,
    "trafilatura 2.3 alone": trafilatura_extract,
    "readability-lxml": readability_extract,
    "jusText (no Chinese stoplist)": justext_extract,
    "tag stripping (baseline)": tagstrip_extract,
}


def main(corpus_dir: Path) -> None:
    pages = html_pages(corpus_dir)
    print(f"{len(pages)} pages\n")
    print("| extractor | precision | recall | title | date |")
    print("|---|---|---|---|---|")
    results = {}
    for name, fn in EXTRACTORS.items():
        try:
            r = results[name] = score(fn, pages)
        except ImportError as e:
            print(f"| {name} | not installed ({e}) | | | |")
            continue
        print(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['title']:.2f} | {r['date']:.2f} |")
    for name, r in results.items():
        print(f"\nworst five, {name}:")
        for w in r["worst"]:
            print(f"  {w['page']}: precision {w['precision']:.3f}, recall {w['recall']:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "corpus")
