"""The policytext command: --version, read, demo, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

import policytext as pt
from policytext.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as e:
        assert e.code == 0
    assert pt.__version__ in capsys.readouterr().out


def test_read_jsonl_and_csv(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("来源:新华社\n坚持稳中求进,推动高质量发展。\n", encoding="utf-8")
    assert main(["read", str(f), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["doc_id"] == "a" and rows[0]["text"] == "坚持稳中求进，推动高质量发展。"
    assert rows[0]["source"] == "新华社"
    out = tmp_path / "out.csv"
    assert main(["read", str(tmp_path), "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert df.loc[0, "text"] == "坚持稳中求进，推动高质量发展。"


def test_read_bad_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["read", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "error" in err
    assert main(["read", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_demo_writes_report_tables_figures_and_index(capsys, tmp_path):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "report.html" in printed and "policytext kwic" in printed
    for name in (
        "report.html",
        "documents.csv",
        "seed_formulas.csv",
        "seed_templates.csv",
        "seed_parallels.csv",
        "formulas_reports.csv",
        "seed_keywords.csv",
        "keyness_2023_vs_2013.csv",
        "topics.csv",
        "index.db",
    ):
        assert (out / name).is_file(), name
        assert name in printed
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'data-kind="template"' in page and 'data-kind="parallel"' in page and 'data-kind="formula"' in page
    docs = pd.read_csv(out / "documents.csv")
    assert len(docs) == 54
    from policytext.index import Index

    with Index(out / "index.db") as idx:
        assert idx.count("高质量发展") == sum(d.text.count("高质量发展") for d in pt.load_sample())


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "policytext", "--help"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "read" in r.stdout and "demo" in r.stdout
    # a bare % in a help string makes argparse print the parser's settings instead of the text
    assert "option_strings" not in r.stdout and "% agreement" in r.stdout


def test_atomic_write_permissions(tmp_path):
    from policytext._util.files import atomic_write_text

    p = tmp_path / "out.csv"
    atomic_write_text(p, "a\n")
    assert p.stat().st_mode & 0o777 == 0o644
    p.chmod(0o600)
    atomic_write_text(p, "b\n")
    assert p.stat().st_mode & 0o777 == 0o600 and p.read_text() == "b\n"
