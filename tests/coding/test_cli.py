"""``policytext code`` and ``policytext agreement``."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("yaml", reason="PyYAML (extra code) reads codebooks")
pytest.importorskip("krippendorff", reason="krippendorff (extra code) computes alpha")

from policytext.cli import main

# verbatim clauses of ../shared/corpus/policy_docs_* (not development units)
TEXT = "支持企业加大基础研究支出，符合条件的按规定享受税收优惠。\n实施企业上市培育计划，省财政给予相应奖励补助。\n"


def test_code_prints_counts_and_writes_rows(tmp_path, capsys):
    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["code", str(src), "--format", "csv"]) == 0
    table = capsys.readouterr().out
    assert "category,units,share" in table and "税收优惠,1," in table and "资金投入,1," in table
    out = tmp_path / "coded.csv"
    assert main(["code", str(src), "--unit", "sentence", "-o", str(out)]) == 0
    df = pd.read_csv(out)
    assert {"doc_id", "unit_id", "start", "end", "text", "category", "rule", "matched"} <= set(df.columns)
    assert set(df["doc_id"]) == {"doc"}
    assert main(["code", str(src), "-o", str(out)]) != 0
    assert "already exists" in capsys.readouterr().err
    assert main(["code", str(src), "-o", str(out), "--force"]) == 0


def test_code_with_a_codebook_and_an_export(tmp_path, capsys):
    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    book = tmp_path / "cb.yaml"
    book.write_text("categories:\n  - id: 上市\n    rules:\n      - terms: [上市]\n", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    assert main(["code", str(src), "--codebook", str(book), "--export", str(sheet), "--coders", "a", "b"]) == 0
    out = capsys.readouterr().out
    assert "上市" in out and "税收优惠" not in out
    sheet_rows = pd.read_csv(sheet, encoding="utf-8-sig")
    assert list(sheet_rows["precode"]) == ["none", "上市"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  - id: x\n    rules:\n      - regex: '('\n", encoding="utf-8")
    assert main(["code", str(src), "--codebook", str(bad)]) != 0
    assert "bad.yaml:4: category 'x', rule 1: regex" in capsys.readouterr().err


def test_agreement_of_one_coder_files(tmp_path, capsys):
    a, b = tmp_path / "coder_a.csv", tmp_path / "coder_b.csv"
    a.write_text("unit_id,category\nu1,资金投入\nu2,税收优惠\nu3,none\nu4,技术支持\n", encoding="utf-8")
    b.write_text("unit_id,category\nu1,资金投入\nu2,税收优惠\nu3,技术支持\nu4,技术支持\n", encoding="utf-8")
    assert main(["agreement", str(a), str(b), "--n-boot", "50", "--format", "csv"]) == 0
    table = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    overall = table[table["category"] == "(all)"].iloc[0]
    assert overall["percent_agreement"] == 0.75 and overall["coders"] == 2
    assert "资金投入" in set(table["category"])
    assert main(["agreement", str(a)]) != 0
    assert "two or more coders" in capsys.readouterr().err
    b.write_text("unit_id,category\nu1,资金\n", encoding="utf-8")
    assert main(["agreement", str(a), str(b)]) != 0
    assert "row 2 (unit u1)" in capsys.readouterr().err
