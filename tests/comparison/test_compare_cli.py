"""policytext compare A B: the 提法 diff and alignment summary on standard output, -o CSV, --html."""

from __future__ import annotations

import pandas as pd

from policytext.cli import main


def test_compare_prints_the_diff_and_writes_the_alignment(tmp_path, capsys):
    a, b = tmp_path / "gwr_2017.txt", tmp_path / "gwr_2024.txt"
    a.write_text("坚持稳中求进。推进三去一降一补。各地区各部门要狠抓落实。\n", encoding="utf-8")
    b.write_text("坚持稳中求进。各地区各部门要狠抓落实！加快发展新质生产力。\n", encoding="utf-8")
    out, html = tmp_path / "alignment.csv", tmp_path / "diff.html"
    assert main(["compare", str(a), str(b), "-o", str(out), "--html", str(html), "--show", "5"]) == 0
    printed = capsys.readouterr().out
    assert "gwr_2017 → gwr_2024" in printed
    assert "1 kept, 1 changed, 1 added, 1 dropped" in printed
    # which longer lexicon entries (发展新质生产力) also count depends on the bundled lexicon of the day
    added = next(line for line in printed.splitlines() if line.startswith("提法 added"))
    assert "新质生产力(1)" in added and "三去一降一补" not in added
    assert "提法 dropped (1): 三去一降一补(1)" in printed
    assert "[dropped] 推进三去一降一补。" in printed
    df = pd.read_csv(out)
    assert df["status"].tolist() == ["kept", "dropped", "changed", "added"]
    text_a = a.read_text(encoding="utf-8")
    row = df[df.status == "dropped"].iloc[0]
    assert text_a[int(row.a_start) : int(row.a_end)] == row.a_text
    assert "<table>" in html.read_text(encoding="utf-8")


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")]) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err
