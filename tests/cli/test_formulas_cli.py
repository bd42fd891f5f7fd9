"""``policytext extract formulas|meetings|quotes|references`` on files, directories and ``sample``."""

from __future__ import annotations

import pandas as pd
import pytest

from policytext.cli import main


@pytest.mark.parametrize(
    "kind, column, expected",
    [
        ("formulas", "formula", ["两个维护", "四梁八柱", "两新"]),
        ("meetings", "match", ["党的十九届六中全会", "党的十八大"]),
        ("references", "title", ["中国共产党组织工作条例"]),
    ],
)
def test_extract_to_csv(tmp_path, seed_path, kind, column, expected):
    out = tmp_path / f"{kind}.csv"
    assert main(["extract", kind, str(seed_path), "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert df[column].tolist() == expected


def test_quotes_table_on_a_directory(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("深入实施“思想铸魂”工程，落实党的二十大部署。", encoding="utf-8")
    assert main(["extract", "quotes", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "思想铸魂" in out and "工程" in out


def test_formulas_on_sample_jsonl(tmp_path):
    out = tmp_path / "f.jsonl"
    assert main(["extract", "formulas", "sample", "-o", str(out)]) == 0
    df = pd.read_json(out, lines=True)
    assert len(df) > 500 and {"doc_id", "formula", "start", "end", "canonical", "year"} <= set(df.columns)
