"""Speed of rule-based coding (code_units with the bundled policy-instrument codebook) on the state documents.

Prints coding throughput (MB/s of UTF-8 text) over the state-document part of ``../shared/corpus`` and the ratio
to segmenting the same text with plain ``jieba.lcut``, measured in the same run (the baseline of every policytext
benchmark).

    PYTHONPATH=src python benchmarks/code.py [--corpus ../shared/corpus] [--limit N] [--unit clause]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import jieba

from policytext.coding import bundled_codebook, code_units, primary_codes
from policytext.corpus.document import Document

REPO = Path(__file__).resolve().parents[1]
#: folders whose files are all state documents (../shared/corpus/README.md); newer folders say it per file
STATE_FOLDERS = {
    "gov_work_reports_national",
    "npc_resolutions_on_gwr",
    "cpc_congress_reports",
    "five_year_plans",
    "central_documents",
    "policy_docs_central",
    "policy_docs_shandong",
    "local_gov_work_reports_2026",
    "local_documents",
}


def state_documents(corpus: Path) -> list[Document]:
    docs = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        path = rec["path"]
        state = rec.get("state_document", path.split("/")[0] in STATE_FOLDERS)
        if state and path.endswith(".txt") and path.split("/")[0] in STATE_FOLDERS:
            text = (corpus / path).read_bytes().decode("utf-8")
            docs.append(Document(path, text, {"year": rec.get("year")}))
    return docs


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--unit", default="clause", choices=["clause", "sentence", "paragraph", "article", "section"])
    args = ap.parse_args()
    if not (args.corpus / "manifest.jsonl").is_file():
        raise SystemExit(f"{args.corpus}: the shared corpus is not there (pass --corpus)")
    docs = state_documents(args.corpus)
    if args.limit:
        docs = docs[: args.limit]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} state documents, {chars:,} characters, {mb:.2f} MB")

    jieba.initialize()
    _, t_jieba = timed(lambda: [jieba.lcut(d.text) for d in docs])
    print(f"baseline jieba.lcut                 {t_jieba:8.2f} s  {mb / t_jieba:6.3f} MB/s")

    codebook = bundled_codebook()
    code_units("预热。", codebook)  # load the segmenter's dictionary outside the timing
    coded, t_code = timed(lambda: code_units(docs, codebook, unit=args.unit))
    units = coded["unit_id"].nunique()
    print(
        f"code_units ({args.unit}, {len(codebook.codes)} categories)  {t_code:8.2f} s  {mb / t_code:6.3f} MB/s  "
        f"{t_code / t_jieba:6.2f}x jieba  {units:,} units, {int(coded['category'].notna().sum()):,} codes"
    )
    _, t_prim = timed(lambda: primary_codes(coded, codebook))
    print(f"primary_codes                       {t_prim:8.2f} s  {t_prim / t_jieba:6.2f}x jieba")


if __name__ == "__main__":
    main()
