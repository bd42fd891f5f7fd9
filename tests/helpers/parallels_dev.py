"""Load the development annotations in ``tests/data/parallels_dev`` (see its README)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from policytext.corpus.text import normalize

DEV_DIR = Path(__file__).resolve().parents[1] / "data" / "parallels_dev"


@dataclass
class DevPassage:
    name: str
    genre: str
    text: str
    parallels: list[list[tuple[int, int]]]
    lists: list[list[tuple[int, int]]]
    pairs: list[list[tuple[int, int]]]


def load_dev(corpus_dir: Path) -> list[DevPassage]:
    """Every annotated passage, its text read from *corpus_dir* and spans made passage-relative."""
    out = []
    for p in sorted(DEV_DIR.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        with open(corpus_dir / d["path"], encoding="utf-8", newline="") as fh:
            raw = normalize(fh.read())
        text = raw[d["start"] : d["end"]]
        if hashlib.sha1(text.encode()).hexdigest() != d["sha1"]:
            raise AssertionError(f"{p.name}: the passage of {d['path']} changed (sha1 mismatch)")
        b = d["start"]
        out.append(
            DevPassage(
                d["name"],
                d["genre"],
                text,
                _relative(d["parallels"], b),
                _relative(d["lists"], b),
                _relative(d["pairs"], b),
            )
        )
    return out


def _relative(groups: list[dict], offset: int) -> list[list[tuple[int, int]]]:
    """The item spans of each annotated group, made relative to the passage starting at *offset*."""
    return [[(s - offset, e - offset) for s, e in g["item_spans"]] for g in groups]


LOCAL_DIR = Path(__file__).resolve().parents[1] / "data" / "local_genres_dev"


@dataclass
class LocalPassage(DevPassage):
    split: str = "tune"


def load_local_dev(corpus_dir: Path) -> list[LocalPassage]:
    """The local-genre passages of issue #21 (``local_genres_dev/passages.json``) with their
    parallels annotations (``parallels.json``), text read from *corpus_dir*, spans passage-relative.

    Offsets in those files index the corpus file decoded as UTF-8 with newlines kept.
    """
    return _load_passages(corpus_dir, "passages.json", "parallels.json")


def load_gwr_dev(corpus_dir: Path) -> list[LocalPassage]:
    """The fresh provincial Government Work Report passages of issue #21 (``passages_gwr.json``, chosen by
    ``scripts/choose_gwr_passages.py``) with their annotations (``parallels_gwr.json``); spans passage-relative.

    Kept apart from :func:`load_local_dev`: the held-out part of that set has been seen, this one's has not.
    """
    return _load_passages(corpus_dir, "passages_gwr.json", "parallels_gwr.json")


def _load_passages(corpus_dir: Path, manifest_name: str, annotations_name: str) -> list[LocalPassage]:
    """Passages of ``LOCAL_DIR / manifest_name`` (sha1-checked) with the annotations of *annotations_name*."""
    manifest = json.loads((LOCAL_DIR / manifest_name).read_text(encoding="utf-8"))
    ann = json.loads((LOCAL_DIR / annotations_name).read_text(encoding="utf-8"))["passages"]
    out = []
    for p in manifest:
        raw = (corpus_dir / p["path"]).read_bytes().decode("utf-8")
        text = raw[p["start"] : p["end"]]
        if hashlib.sha1(text.encode()).hexdigest() != p["sha1"]:
            raise AssertionError(f"local_genres_dev/{manifest_name}: the passage {p['id']} of {p['path']} changed")
        a = ann[p["id"]]
        b = p["start"]
        out.append(
            LocalPassage(
                p["id"],
                p["genre"],
                text,
                _relative(a["parallels"], b),
                _relative(a["lists"], b),
                _relative(a["pairs"], b),
                p["split"],
            )
        )
    return out
