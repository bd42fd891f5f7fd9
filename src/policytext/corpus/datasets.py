"""The bundled sample corpus.

``load_sample()`` returns the seed article (a county organization department's
2022 article, scraped with its page chrome) and the national Government Work
Reports 1954-2025 (state documents; Copyright Law of the PRC, Art. 5), cleaned at
load time. Every document's ``meta["provenance"]`` names the repository, commit
and file it came from; ``meta["notes"]`` keeps the corpus curator's notes.

>>> from policytext.corpus.datasets import load_sample
>>> corpus = load_sample()
>>> corpus["gwr_2023"].meta["year"]
2023
"""

from __future__ import annotations

import gzip
import json
from importlib import resources

from .corpus import Corpus
from .document import Document
from .readers import make_document

__all__ = ["SEED_ID", "load_sample", "load_seed"]

SEED_ID = "liu_yaran_2022_organization_work"


def _records() -> list[dict]:
    ref = resources.files("policytext") / "data" / "sample.jsonl.gz"
    with ref.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _to_document(rec: dict) -> Document:
    return make_document(
        rec["raw"],
        name=f"sample:{rec['doc_id']}",
        path=None,
        doc_id=rec["doc_id"],
        clean=True,
        normalize=True,
        meta=rec["meta"],
        encoding="utf-8",
    )


def load_sample(include_seed: bool = True) -> Corpus:
    """The bundled sample corpus: the seed article and the Government Work Reports 1954-2025."""
    return Corpus(_to_document(r) for r in _records() if include_seed or r["doc_id"] != SEED_ID)


def load_seed() -> Document:
    """The seed article alone (刘亚然, 推动组织工作守正创新, 2022), cleaned."""
    for r in _records():
        if r["doc_id"] == SEED_ID:
            return _to_document(r)
    raise LookupError("the seed document is missing from the bundled sample")  # pragma: no cover
