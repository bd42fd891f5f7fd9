"""Build the bundled sample corpus ``src/policytext/data/sample.jsonl.gz``.

Reads ``../shared/corpus`` (national Government Work Reports 1954-2025, state documents
that may be redistributed, see the corpus README) and the seed speech, and stores each
file's text *as found* (raw, before cleaning) with its provenance from the manifest.
``policytext.corpus.datasets.load_sample()`` cleans them at load time, so the bundled corpus
always reflects the current cleaner.

Run from the repository root:  python scripts/build_sample.py [SHARED_DIR]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "policytext" / "data" / "sample.jsonl.gz"


def main(shared: Path) -> None:
    corpus = shared / "corpus"
    manifest = [
        json.loads(line) for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    records = []
    seed = shared / "seed" / "liu_yaran_2022_organization_work.txt"
    records.append(
        {
            "doc_id": "liu_yaran_2022_organization_work",
            "raw": seed.read_text(encoding="utf-8"),
            "meta": {
                "collection": "seed",
                "genre": "article",
                "provenance": "policytext seed document: a scraped web page (中国法治) with the article inside; "
                "shipped as the package's example document",
            },
        }
    )
    for m in sorted(manifest, key=lambda m: (m["year"] or 0, m["path"])):
        if not m["path"].startswith("gov_work_reports_national/") or not (1954 <= (m["year"] or 0) <= 2025):
            continue
        raw = (corpus / m["path"]).read_bytes().decode("utf-8")
        records.append(
            {
                "doc_id": Path(m["path"]).stem,
                "raw": raw,
                "meta": {
                    "title": m["title"],
                    "year": m["year"],
                    "issuer": m["issuer"],
                    "collection": "gov_work_reports_national",
                    "genre": "government_work_report",
                    "provenance": f"{m['source_repo']}@{m['commit'][:12]}:{m['source_path']}",
                    "notes": m["notes"],
                },
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        for r in records:
            fh.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"wrote {OUT} with {len(records)} documents")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
