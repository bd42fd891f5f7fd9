"""Choose the fresh provincial Government Work Report passages of the parallels development set (issue #21).

Run once: ``python scripts/choose_gwr_passages.py ../shared/corpus tests/data/local_genres_dev/passages_gwr.json``.

Rule (fixed, seeded): the 2026 reports of ``local_gov_work_reports_2026`` whose province is not already in
``passages.json`` (Henan, Guangdong, Sichuan, Guizhou are), sorted by file name; ``random.Random(SEED)``
samples ``N`` of them and, for each, a position drawn uniformly in [0.15, 0.85] of the file. The passage
starts after the first line break at that position and ends at the first line break at least ``TARGET``
characters later (a paragraph is never cut); a passage that would exceed ``MAX`` characters ends at the
last line break before it instead. Every third passage in the sampled order is held out (``split: heldout``):
annotate it with the others by reading, and score it only once, when the code is final.
Offsets index the file decoded as UTF-8 with newlines kept.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

SEED = 20261206
N = 9
TARGET = 2500
MAX = 3500
FOLDER = "local_gov_work_reports_2026"
USED = ("henan", "guangdong", "sichuan", "guizhou")


def province(name: str) -> str:
    """The province of a report's file name.

    >>> province("2026_anhui_gov_work_report.txt"), province("jiangxi_2026_gwr.txt")
    ('anhui', 'jiangxi')
    """
    words = {"gov", "work", "report", "gwr"}
    return next(p for p in name.removesuffix(".txt").split("_") if p.isalpha() and p not in words)


def cut(text: str, where: float) -> tuple[int, int]:
    """Start and end offsets of the passage at fraction *where* of *text* (see the module rule)."""
    start = text.index("\n", int(len(text) * where)) + 1
    end = text.find("\n", start + TARGET)
    end = len(text) if end < 0 else end
    if end - start > MAX:
        end = text.rindex("\n", start, start + MAX)
    return start, end


def main(corpus: Path, out: Path) -> None:
    files = sorted(p for p in (corpus / FOLDER).glob("*.txt") if province(p.name) not in USED)
    rng = random.Random(SEED)
    chosen = rng.sample(files, N)
    rows: list[dict[str, object]] = []
    for i, path in enumerate(chosen):
        text = path.read_bytes().decode("utf-8")
        start, end = cut(text, rng.uniform(0.15, 0.85))
        rows.append(
            {
                "id": f"gwr_{province(path.name)}",
                "path": f"{FOLDER}/{path.name}",
                "start": start,
                "end": end,
                "chars": end - start,
                "sha1": hashlib.sha1(text[start:end].encode("utf-8")).hexdigest(),
                "genre": "provincial_gwr",
                "split": "heldout" if i % 3 == 2 else "tune",
            }
        )
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n_chars = sum(int(str(r["chars"])) for r in rows)
    print(n_chars, "chars;", sum(r["split"] == "heldout" for r in rows), "held out")
    for r in rows:
        print(r["id"], r["split"], r["chars"])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
