"""Helpers shared by the formula, meeting, quotation and reference tests: the development
annotation in ``tests/data/formulas_dev.json`` and gold-versus-found comparison."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.spec_locate import locate_items
from policytext.corpus.text import normalize

DEV_PATH = Path(__file__).resolve().parents[1] / "data" / "formulas_dev.json"


def dev_passages() -> list[dict]:
    """Passages of state documents with their gold annotation; ``text`` is normalized."""
    doc = json.loads(DEV_PATH.read_text(encoding="utf-8"))
    out = []
    for p in doc["passages"]:
        p = dict(p)
        p["text"] = normalize(p["text"])
        out.append(p)
    return out


def gold_spans(text: str, items: list, key: str | None = None) -> list[tuple[str, int, int]]:
    """``(string, start, end)`` of gold items located in order (items are strings or dicts)."""
    strings = [it[key] if key else it for it in items]
    return [(text[s:e], s, e) for s, e in locate_items(text, strings)]


def found_spans(df, column: str = "match") -> list[tuple[str, int, int]]:
    return sorted(zip(df[column], df["start"], df["end"]), key=lambda t: (t[1], t[2]))


# ---------------------------------------------------------------- the local-genre development set (issue #21)

LOCAL_DIR = Path(__file__).resolve().parents[1] / "data" / "local_genres_dev"


def local_passages(shared: Path) -> list[dict]:
    """The passages of ``tests/data/local_genres_dev/passages.json`` with their text (read from the shared corpus,
    sha1-checked) and the gold formulas and meetings (file offsets, made relative to the passage here)."""
    import hashlib

    passages = json.loads((LOCAL_DIR / "passages.json").read_text(encoding="utf-8"))
    formulas = json.loads((LOCAL_DIR / "formulas.json").read_text(encoding="utf-8"))["passages"]
    meetings = json.loads((LOCAL_DIR / "meetings.json").read_text(encoding="utf-8"))["passages"]
    years = {}
    for line in (shared / "corpus" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            years[d["path"]] = d.get("year")
    out = []
    for p in passages:
        raw = (shared / "corpus" / p["path"]).read_bytes().decode("utf-8")
        text = raw[p["start"] : p["end"]]
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != p["sha1"]:
            raise AssertionError(f"{p['path']}: passage {p['id']} does not match its sha1")
        q = dict(p, text=text, year=years.get(p["path"]))
        for key, table in (("formulas", formulas), ("meetings", meetings)):
            q[key] = [dict(g, start=g["start"] - p["start"], end=g["end"] - p["start"]) for g in table[p["id"]][key]]
        out.append(q)
    return out


def score_spans(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> tuple[int, int, int]:
    """``(true positives, gold, found)`` by exact span."""
    g, f = set(gold), set(found)
    return len(g & f), len(g), len(f)


def score_table(rows: list[tuple[str, str, int, int, int]]) -> str:
    """A table of recall/precision/F1 by (split, genre) from ``(split, genre, tp, gold, found)`` rows."""
    agg: dict[tuple[str, str], list[int]] = {}
    for split, genre, tp, ng, nf in rows:
        for key in ((split, genre), (split, "ALL")):
            a = agg.setdefault(key, [0, 0, 0])
            a[0] += tp
            a[1] += ng
            a[2] += nf
    lines = [f"{'split':<8}{'genre':<28}{'tp':>4}{'gold':>6}{'found':>6}{'recall':>8}{'prec':>7}{'F1':>7}"]
    for (split, genre), (tp, ng, nf) in sorted(agg.items()):
        r = tp / ng if ng else 1.0
        p = tp / nf if nf else 1.0
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        lines.append(f"{split:<8}{genre:<28}{tp:>4}{ng:>6}{nf:>6}{r:>8.2f}{p:>7.2f}{f1:>7.2f}")
    return "\n".join(lines)


def local_scores(shared: Path, splits: tuple[str, ...] = ("tune",)) -> tuple[str, str, list[str]]:
    """Formula and meeting score tables over the local passages of *splits*, and the differences (for tuning)."""
    from policytext.corpus.document import Document
    from policytext.extract.formulas import find_formulas, find_meetings

    frows, mrows, diffs = [], [], []
    for p in local_passages(shared):
        if p["split"] not in splits:
            continue
        doc = Document(p["id"], p["text"], {"year": p["year"]})
        for key, fn, rows in (("formulas", find_formulas, frows), ("meetings", find_meetings, mrows)):
            df = fn(doc)
            gold = [(g["start"], g["end"]) for g in p[key]]
            found = list(zip(df["start"], df["end"]))
            rows.append((p["split"], p["genre"], *score_spans(gold, found)))
            col = "formula" if key == "formulas" else "match"
            if key == "meetings":  # the numbering and kind must be right too
                for g in p[key]:
                    hit = df[(df.start == g["start"]) & (df.end == g["end"])]
                    for field in ("kind", "congress", "plenum", "session", "level"):
                        if len(hit) and field in g and hit.iloc[0][field] != g[field]:
                            diffs.append(
                                f"{p['id']} meetings FIELD {field} {hit.iloc[0]['match']}: "
                                f"{hit.iloc[0][field]!r} != {g[field]!r}"
                            )
            for s, e in sorted(set(gold) - set(found)):
                diffs.append(f"{p['id']} {key} MISSED {p['text'][s:e]}")
            for s, e in sorted(set(found) - set(gold)):
                row = df[(df.start == s) & (df.end == e)].iloc[0]
                diffs.append(f"{p['id']} {key} EXTRA {row[col]} ({row.get('kind', '')})")
    return score_table(frows), score_table(mrows), diffs


if __name__ == "__main__":  # PYTHONPATH=src:tests python -m helpers.formula_dev [tune|heldout|all]
    import sys

    which = sys.argv[1] if len(sys.argv) > 1 else "tune"
    splits = ("tune", "heldout") if which == "all" else (which,)
    shared = Path(__file__).resolve().parents[2].parent / "shared"
    f, m, d = local_scores(shared, splits)
    print("FORMULAS\n" + f + "\n\nMEETINGS\n" + m)
    if "-v" in sys.argv:
        print("\n".join(d))
