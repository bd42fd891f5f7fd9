"""Score the bundled policy-instrument rules against the two human coders of the coding development set.

    python scripts/evaluate_coding.py                  # prints the tables of both splits
    python scripts/evaluate_coding.py --split tune     # only the tuning split (while the rules change)
    python scripts/evaluate_coding.py --write-readme   # also writes them into tests/data/coding_dev/README.md

The development set (``tests/data/coding_dev/``): 320 clauses (``units.csv``) coded independently by two coders
(``coder_a.csv``, ``coder_b.csv``: ``unit_id,category,second,note``). Every third unit (u003, u006, …) is held
out: the rules were tuned looking at the other two thirds only, and the held-out scores were computed once the
rules were final. The machine codes each clause as one unit (``code_units(..., unit="paragraph")`` on the clause
text, the text the coders saw) and its primary code is :func:`policytext.coding.primary_codes`'.

Reported: per-category precision and recall of the machine's primary code against each coder (and of its set of
codes against each coder's primary and second codes), Krippendorff's α (nominal) and Cohen's κ of coder a vs
coder b (human vs human) beside machine vs each coder, with 95 % bootstrap intervals.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from policytext.coding import (  # noqa: E402
    agreement,
    bundled_codebook,
    code_units,
    machine_vs_human,
    primary_codes,
    read_coding,
)
from policytext.corpus.document import Document  # noqa: E402

DEV = REPO / "tests" / "data" / "coding_dev"
BEGIN, END = "<!-- results: written by scripts/evaluate_coding.py -->", "<!-- end of results -->"


def split_of(unit_id: str) -> str:
    """``heldout`` for every third unit (u003, u006, …), ``tune`` for the others."""
    return "heldout" if int(unit_id.lstrip("u")) % 3 == 0 else "tune"


def load(dev: Path = DEV) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """units, the coders' codes (checked against the bundled codebook), the machine's primary codes and rows."""
    units = pd.read_csv(dev / "units.csv", dtype=str)
    units["split"] = units["unit_id"].map(split_of)
    codebook = bundled_codebook()
    humans = pd.concat(
        [read_coding(dev / f"coder_{c}.csv", codebook).assign(coder=c) for c in ("a", "b")], ignore_index=True
    )
    docs = [Document(u, t) for u, t in zip(units["unit_id"], units["text"])]
    coded = code_units(docs, codebook, unit="paragraph")
    coded["unit_id"] = coded["doc_id"]
    machine = primary_codes(coded, codebook)[["unit_id", "category", "second"]]
    return units, humans, machine.assign(coder="machine"), coded


def tables(units: pd.DataFrame, humans: pd.DataFrame, machine: pd.DataFrame, coded: pd.DataFrame, split: str):
    ids = set(units.loc[units["split"] == split, "unit_id"]) if split != "all" else set(units["unit_id"])
    h = humans[humans["unit_id"].isin(ids)]
    m = machine[machine["unit_id"].isin(ids)]
    c = coded[coded["unit_id"].isin(ids)]
    pr = machine_vs_human(m, h, level="primary")
    pr_any = machine_vs_human(c, h, level="any")
    rel = []
    for name, frame in (
        ("coder a vs coder b", h),
        ("machine vs coder a", pd.concat([m, h[h["coder"] == "a"]])),
        ("machine vs coder b", pd.concat([m, h[h["coder"] == "b"]])),
        ("machine, coder a, coder b", pd.concat([m, h])),
    ):
        row = agreement(frame[["unit_id", "coder", "category"]], categories=False, n_boot=1000).iloc[0]
        rel.append({"pair": name, **row.drop("category").to_dict()})
    return len(ids), pr, pr_any, pd.DataFrame(rel)


def fmt(v: float) -> str:
    return "–" if pd.isna(v) else f"{v:.2f}"


def markdown(n: int, pr: pd.DataFrame, pr_any: pd.DataFrame, rel: pd.DataFrame, split: str) -> str:
    out = [f"### {split} ({n} units)", ""]
    out += ["| comparison | α [95 % CI] | Cohen's κ [95 % CI] | % agreement |", "|---|---|---|---|"]
    for r in rel.to_dict("records"):
        kappa = f"{fmt(r['kappa'])} [{fmt(r['kappa_low'])}, {fmt(r['kappa_high'])}]" if r["coders"] == 2 else "–"
        out.append(
            f"| {r['pair']} | {fmt(r['alpha'])} [{fmt(r['alpha_low'])}, {fmt(r['alpha_high'])}] | {kappa} | "
            f"{fmt(r['percent_agreement'])} |"
        )
    out += [
        "",
        "Machine primary code against each coder's primary code (P precision, R recall, n the coder's units):",
        "",
    ]
    cats = [c for c in bundled_codebook().codes if c in set(pr["category"])] + ["(micro)"]
    out += ["| category | P vs a | R vs a | n a | P vs b | R vs b | n b | R any vs a | R any vs b |"]
    out += ["|---|---|---|---|---|---|---|---|---|"]
    for cat in cats:
        cells = []
        for coder in ("a", "b"):
            r = pr[(pr["coder"] == coder) & (pr["category"] == cat)]
            cells += (
                [fmt(r["precision"].iloc[0]), fmt(r["recall"].iloc[0]), str(int(r["human"].iloc[0]))]
                if len(r)
                else ["–", "–", "0"]
            )
        for coder in ("a", "b"):
            r = pr_any[(pr_any["coder"] == coder) & (pr_any["category"] == cat)]
            cells.append(fmt(r["recall"].iloc[0]) if len(r) else "–")
        out.append(f"| {cat} | " + " | ".join(cells) + " |")
    out.append("")
    out.append(
        "R any: share of the coder's units of the category (primary or second code) where the category is among "
        "the categories any rule fired on — the recall of the pre-codes a coder would see."
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["tune", "heldout", "both"], default="both")
    ap.add_argument("--write-readme", action="store_true")
    args = ap.parse_args(argv)
    for f in ("coder_a.csv", "coder_b.csv"):
        if not (DEV / f).is_file():
            print(f"{DEV / f}: not there yet; nothing to evaluate", file=sys.stderr)
            return 1
    units, humans, machine, coded = load()
    parts = []
    for split in ("tune", "heldout") if args.split == "both" else (args.split,):
        parts.append(markdown(*tables(units, humans, machine, coded, split), split))
    text = "\n\n".join(parts)
    print(text)
    if args.write_readme:
        readme = DEV / "README.md"
        old = readme.read_text(encoding="utf-8")
        if BEGIN not in old or END not in old:
            print(f"{readme}: no results markers", file=sys.stderr)
            return 1
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        readme.write_text(f"{head}{BEGIN}\n\n{text}\n\n{END}{tail}", encoding="utf-8")
        print(f"wrote {readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
