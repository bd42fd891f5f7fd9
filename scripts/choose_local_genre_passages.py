"""Choose the passages of the local-genre development set (issue #21) and record them.

Run once: ``python scripts/choose_local_genre_passages.py ../shared/corpus tests/data/local_genres_dev/passages.json``.
Passages: ten party-building news clippings (none of which a rule was written from; pb_01 and pb_19 were),
the four local documents, four 3,000-character stretches of 2026 provincial Government Work Reports and two of
Shandong policy documents, each cut at a line break. Offsets index the file decoded as UTF-8 with newlines kept.
Every third passage in this order is held out (``split: heldout``): score it only at the end.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

WHOLE = [
    "party_building_articles/pb_02.txt",
    "party_building_articles/pb_03.txt",
    "party_building_articles/pb_06.txt",
    "party_building_articles/pb_08.txt",
    "party_building_articles/pb_11.txt",
    "party_building_articles/pb_16.txt",
    "party_building_articles/pb_18.txt",
    "party_building_articles/pb_21.txt",
    "party_building_articles/pb_27.txt",
    "party_building_articles/pb_30.txt",
    "local_documents/zhongtiao_forestry_gaige_chuangxin_taolun_2019.txt",
    "local_documents/guizhou_shendu_pinkun_requirements.txt",
    "local_documents/changshun_tuopin_tuichu_procedure.txt",
    "local_documents/changshun_yiliao_jiuzhu_fupin_policy.txt",
]
STRETCHES = [
    ("local_gov_work_reports_2026/2026_henan_gov_work_report.txt", 0.45),
    ("local_gov_work_reports_2026/guangdong_2026_gwr.txt", 0.6),
    ("local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt", 0.35),
    ("local_gov_work_reports_2026/guizhou_2026_gwr.txt", 0.5),
    ("policy_docs_shandong/shandong_030.txt", 0.3),
    ("policy_docs_shandong/shandong_012.txt", 0.3),
]
GENRE = {
    "party_building_articles": "party_building_news",
    "local_documents": "local_document",
    "local_gov_work_reports_2026": "provincial_gwr",
    "policy_docs_shandong": "provincial_policy_document",
}


def main(corpus: Path, out: Path) -> None:
    passages = []
    for rel in WHOLE:
        text = (corpus / rel).read_bytes().decode("utf-8")
        passages.append((rel, 0, len(text), text))
    for rel, where in STRETCHES:
        text = (corpus / rel).read_bytes().decode("utf-8")
        if len(text) < 3500:
            start, end = 0, len(text)
        else:
            start = text.index("\n", int(len(text) * where)) + 1
            end = text.index("\n", min(start + 3000, len(text) - 1)) if "\n" in text[start + 3000 :] else len(text)
        passages.append((rel, start, end, text[start:end]))
    rows = []
    for i, (rel, start, end, text) in enumerate(passages):
        rows.append(
            {
                "id": Path(rel).stem,
                "path": rel,
                "start": start,
                "end": end,
                "chars": end - start,
                "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
                "genre": GENRE[rel.split("/")[0]],
                "split": "heldout" if i % 3 == 2 else "tune",
            }
        )
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(sum(r["chars"] for r in rows), "chars;", sum(r["split"] == "heldout" for r in rows), "held out")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
