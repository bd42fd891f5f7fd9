"""Draw the clauses of the coding development set (issue #23) from the shared corpus.

Run once: ``python scripts/sample_coding_units.py ../shared/corpus tests/data/coding_dev/units.csv``.
Clauses are sentences of the digital-economy policy documents (central and Shandong) and of the 2026
provincial Government Work Reports (all state documents, which may be copied), split at 。！？； and line
breaks, 12–160 characters, drawn with a fixed seed so the draw can be repeated. Each row records the file
and the character offsets of the clause in the file as read (UTF-8, newline translation off).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from pathlib import Path

FOLDERS = {"policy_docs_central": 150, "policy_docs_shandong": 90, "local_gov_work_reports_2026": 80}
SPLIT = re.compile(r"[^。！？；\n]+[。！？；]?")


def main(corpus: Path, out: Path) -> None:
    rng = random.Random(20261206)
    rows = []
    for folder, n in FOLDERS.items():
        pool = []
        for path in sorted((corpus / folder).glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            for m in SPLIT.finditer(text):
                clause = m.group().strip()
                han = sum("\u4e00" <= c <= "\u9fff" for c in clause)
                if 12 <= len(clause) <= 160 and han >= 0.7 * len(clause):
                    start = text.index(clause, m.start())
                    pool.append((f"{folder}/{path.name}", start, start + len(clause), clause))
        rows += rng.sample(pool, n)
    rng.shuffle(rows)
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_id", "file", "start", "end", "sha1", "text"])
        for i, (file, s, e, t) in enumerate(rows, 1):
            w.writerow([f"u{i:03d}", file, s, e, hashlib.sha1(t.encode()).hexdigest()[:12], t])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
