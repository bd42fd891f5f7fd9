"""Scoring of find_templates on the local-genre development set (issue #21).

``tests/data/local_genres_dev/templates.json`` holds, per passage, the instances a reader
finds of the ``given_frames`` (layer ``given``) and of the ``library_frames`` (layer
``library``). An annotated instance is found when a row of the same template overlaps its
span; its slots are exact when every filler equals the annotated one.

>>> score_rows([], [])["recall"]
0.0
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DEV = Path(__file__).resolve().parents[2] / "data" / "local_genres_dev" / "templates.json"


def load_dev() -> dict[str, Any]:
    return json.loads(DEV.read_text(encoding="utf-8"))


def passage_text(corpus: Path, p: dict[str, Any]) -> str:
    return (corpus / p["path"]).read_bytes().decode("utf-8")


def score_rows(gold: list[dict[str, Any]], rows: list[dict[str, Any]], text: str = "") -> dict[str, Any]:
    """Match predicted *rows* (file offsets, ``slots`` as strings) against *gold* items."""
    used: set[int] = set()
    found = exact = 0
    misses: list[dict[str, Any]] = []
    wrong: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for g in gold:
        best = None
        for k, r in enumerate(rows):
            if k in used or r["template"] != g["template"]:
                continue
            if r["start"] < g["end"] and g["start"] < r["end"]:
                best = k
                break
        if best is None:
            misses.append(g)
            continue
        used.add(best)
        found += 1
        r = rows[best]
        want = {name: text[s:e] for name, (s, e) in g["slot_spans"].items()}
        if all(r["slots"].get(name) == v for name, v in want.items()):
            exact += 1
        else:
            wrong.append((g, r))
    n_pred = len(rows)
    return {
        "gold": len(gold),
        "found": found,
        "exact": exact,
        "pred": n_pred,
        "recall": found / len(gold) if gold else 0.0,
        "precision": len(used) / n_pred if n_pred else 1.0,
        "slot_exactness": exact / found if found else 1.0,
        "misses": misses,
        "wrong": wrong,
        "spurious": [r for k, r in enumerate(rows) if k not in used],
    }


def predict(find: Any, text: str, p: dict[str, Any], templates: Any) -> list[dict[str, Any]]:
    """Rows of ``find(passage, templates)`` with file offsets."""
    a = p.get("start", 0)
    seg = text[a : p.get("end", len(text))]
    df = find(seg, templates)
    return [
        {"template": r.template, "start": r.start + a, "end": r.end + a, "slots": dict(r.slots), "match": r.match}
        for r in df.itertuples(index=False)
    ]


def evaluate(
    find: Any, corpus: Path, passages: Any, spans: dict[str, dict[str, Any]], splits: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """Scores per split and genre: given frames (with them given) and the bundled library."""
    dev = load_dev()
    splits = set(splits)
    out: dict[str, dict[str, Any]] = {}
    for pid, p in dev["passages"].items():
        if p["split"] not in splits:
            continue
        loc = dict(spans[pid])
        text = passage_text(corpus, p)
        given = predict(find, text, loc, dev["given_frames"])
        sg = score_rows(p["given"], given, text)
        bundled = predict(find, text, loc, None)
        frames = set(dev["given_frames"]) | set(dev["library_frames"])
        sb = score_rows(p["given"] + p["library"], [r for r in bundled if r["template"] in frames], text)
        for key in (p["split"], f"{p['split']}:{p['genre']}"):
            acc = out.setdefault(key, {"given": [0, 0, 0, 0], "bundled": [0, 0, 0, 0]})
            for name, s in (("given", sg), ("bundled", sb)):
                a = acc[name]
                a[0] += s["gold"]
                a[1] += s["found"]
                a[2] += s["exact"]
                a[3] += s["pred"]
            acc.setdefault("details", []).append((pid, sg, sb))
    return out


def summary(acc: list[int]) -> dict[str, float]:
    gold, found, exact, pred = acc
    return {
        "recall": found / gold if gold else 0.0,
        "precision": found / pred if pred else 1.0,
        "slot_exactness": exact / found if found else 1.0,
    }
