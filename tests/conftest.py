"""Shared fixtures. Tests that need ``../shared`` skip with a reason when it is absent."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", REPO.parent / "shared"))
SKIP_REASON = (
    f"the shared corpus ({SHARED}) is not present: these tests read texts the package may not ship; "
    "set POLICYTEXT_SHARED to its location to run them"
)


def shared_available() -> bool:
    return (SHARED / "corpus" / "manifest.jsonl").is_file()


needs_shared = pytest.mark.skipif(not shared_available(), reason=SKIP_REASON)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not shared_available():
        pytest.skip(SKIP_REASON)
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def manifest(corpus_dir: Path) -> list[dict]:
    return [
        json.loads(line) for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]


@pytest.fixture(scope="session")
def seed_expected(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "spec" / "seed_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seed" / "liu_yaran_2022_organization_work.txt"


@pytest.fixture(scope="session")
def seed_doc():
    """The seed as shipped inside the package (no ../shared needed)."""
    from policytext.corpus.datasets import load_seed

    return load_seed()


@pytest.fixture(scope="session")
def sample_corpus():
    from policytext.corpus.datasets import load_sample

    return load_sample()


@pytest.fixture(scope="session")
def segmenter():
    from policytext import Segmenter

    return Segmenter()
