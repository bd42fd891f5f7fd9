"""The coding development set: both coders' files are complete and valid, and reliability is computed on them.

The scores themselves are in tests/data/coding_dev/README.md (scripts/evaluate_coding.py); these tests check
the files and what the evaluation rests on, not a score.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("yaml", reason="PyYAML (extra code) reads the bundled codebook")
pytest.importorskip("krippendorff", reason="krippendorff (extra code) computes alpha")

from policytext.coding import agreement, bundled_codebook, disagreements, read_coding

DEV = Path(__file__).resolve().parents[1] / "data" / "coding_dev"
CODERS = [DEV / "coder_a.csv", DEV / "coder_b.csv"]


@pytest.fixture(scope="module")
def codings() -> pd.DataFrame:
    missing = [p.name for p in CODERS if not p.is_file()]
    if missing:
        pytest.skip(f"the coders' files {missing} are not there yet (two coders write them independently)")
    return pd.concat([read_coding(p, bundled_codebook()) for p in CODERS], ignore_index=True)


def test_every_unit_is_coded_once_by_each_coder(codings):
    units = pd.read_csv(DEV / "units.csv", dtype=str)
    for coder, g in codings.groupby("coder"):
        assert sorted(g["unit_id"]) == sorted(units["unit_id"]), coder
        assert g["category"].notna().all(), coder  # every unit has a code (none included)


def test_units_point_into_the_shared_corpus(corpus_dir):
    units = pd.read_csv(DEV / "units.csv", dtype={"start": int, "end": int})
    for r in units.itertuples():
        text = (corpus_dir / r.file).read_bytes().decode("utf-8")
        assert text[r.start : r.end] == r.text, r.unit_id


def test_human_reliability_is_computed(codings):
    table = agreement(codings, n_boot=100).set_index("category")
    overall = table.loc["(all)"]
    assert overall["units"] == 320 and overall["coders"] == 2
    assert -1 <= overall["alpha"] <= 1 and overall["alpha_low"] <= overall["alpha"] <= overall["alpha_high"]
    assert overall["kappa"] == pytest.approx(overall["alpha"], abs=0.02)  # two coders, complete data, many units
    confusion = disagreements(codings)
    assert confusion.values.sum() == 320
    assert confusion.values.trace() == round(overall["percent_agreement"] * 320)
