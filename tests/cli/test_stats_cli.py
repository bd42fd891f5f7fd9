"""The keywords, keyness and trends subcommands."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from policytext.cli import main


@pytest.fixture()
def reports_dir(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    (d / "gwr_2012.txt").write_text("坚持稳中求进。推动科学发展，推动改革开放。\n", encoding="utf-8")
    (d / "gwr_2018.txt").write_text("推动高质量发展。高质量发展是根本要求，稳中求进。\n", encoding="utf-8")
    return d


def test_trends_counts_per_year(reports_dir, capsys):
    assert (
        main(["trends", "高质量发展", "稳中求进", "--corpus", str(reports_dir), "--unit", "count", "--format", "csv"])
        == 0
    )
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert df.to_dict(orient="list") == {"year": [2012, 2018], "高质量发展": [0, 2], "稳中求进": [1, 1]}


def test_trends_first_seen(reports_dir, capsys):
    assert main(["trends", "高质量发展", "--corpus", str(reports_dir), "--first-seen", "--format", "csv"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert df.loc[0, "doc_id"] == "gwr_2018" and df.loc[0, "count"] == 2


def test_keyness_between_two_files(reports_dir, capsys):
    a, b = reports_dir / "gwr_2018.txt", reports_dir / "gwr_2012.txt"
    assert main(["keyness", str(a), str(b), "--format", "csv"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(df.columns) == ["term", "n_target", "n_reference", "expected", "statistic", "p", "log_ratio"]
    assert df.statistic.iloc[0] >= df.statistic.iloc[-1]


def test_keywords_by_year_to_file(reports_dir, tmp_path, capsys):
    out = tmp_path / "kw.csv"
    assert (
        main(["keywords", str(reports_dir), "--by", "year", "--top", "3", "--method", "frequency", "-o", str(out)]) == 0
    )
    df = pd.read_csv(out)
    assert list(df.columns) == ["year", "term", "score"]
    assert set(df.year) == {2012, 2018}


def test_clear_errors(reports_dir, capsys):
    assert main(["trends", "甲", "--corpus", str(reports_dir / "missing")]) == 1
    assert "missing: no such file or directory" in capsys.readouterr().err
    assert main(["trends", "甲", "--corpus", str(reports_dir), "--by", "province"]) == 1
    assert "province" in capsys.readouterr().err
    assert main(["keyness", "sample:no_such_doc", str(reports_dir)]) == 1
    assert "no_such_doc" in capsys.readouterr().err
