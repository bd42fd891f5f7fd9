"""One table writer and reader: formats by suffix, values that keep their meaning, round trips."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

import policytext as pt
from policytext._util.tables import read_table, table_format, write_table
from policytext.errors import InputError


def _findings() -> pd.DataFrame:
    """A frame as the extractors make them: nested slots and spans, ints with gaps, dates, text."""
    doc = pt.Document("d1", "抓农村牧区党建促乡村振兴，抓党建促发展。", {"year": 2022})
    df = pt.find_templates(doc, ["抓{X}党建促{Y}", "抓{X}促{Y}"])
    df["year"] = [2022, None] + [2021] * (len(df) - 2)
    df["date"] = [pd.Timestamp("2022-02-09").date()] * len(df)
    return df


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", ".xlsx"])
def test_round_trip_keeps_values_and_types(tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs the 'batch' extra (pyarrow)")
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl", reason="Excel needs the 'xlsx' extra (openpyxl)")
    df = _findings()
    path = tmp_path / f"t{suffix}"
    write_table(df, path)
    back = read_table(path)
    assert list(back.columns) == list(df.columns)
    for col in ("match", "start", "end", "slots", "year"):
        for a, b in zip(df[col], back[col]):
            if a is None or (isinstance(a, float) and math.isnan(a)):
                assert b is None, (col, b)
            else:
                assert a == b, (col, a, b)
                if isinstance(a, (int, np.integer)):
                    assert isinstance(b, (int, np.integer)), (col, b)  # an integer stays an integer
    assert all(isinstance(v, dict) for v in back["slots"])
    assert back["date"].tolist() == ["2022-02-09"] * len(df)


def test_csv_holds_json_for_nested_values_and_integers_for_years(tmp_path):
    path = tmp_path / "t.csv"
    write_table(_findings(), path)
    text = path.read_text(encoding="utf-8")
    assert '"{""X"": ""农村牧区"", ""Y"": ""乡村振兴""}"' in text  # JSON, not a Python repr
    assert "{'X'" not in text and "2022.0" not in text


def test_jsonl_has_null_never_nan(tmp_path):
    path = tmp_path / "t.jsonl"
    write_table(_findings(), path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows[1]["year"] is None and rows[0]["year"] == 2022
    assert "NaN" not in path.read_text(encoding="utf-8")


def test_parquet_is_parquet(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet needs the 'batch' extra (pyarrow)")
    path = tmp_path / "t.parquet"
    write_table(_findings(), path)
    assert path.read_bytes()[:4] == b"PAR1"
    assert "农村牧区" in [s["X"] for s in pd.read_parquet(path)["slots"]]  # a struct column, not text


def test_tsv_is_tab_separated(tmp_path):
    path = tmp_path / "t.tsv"
    write_table(pd.DataFrame({"a": [1], "b": ["x"]}), path)
    assert path.read_text(encoding="utf-8").splitlines() == ["a\tb", "1\tx"]


def test_an_unknown_suffix_is_refused_with_the_formats_named(tmp_path):
    with pytest.raises(InputError, match=r"out\.docx: unknown output format '\.docx'.*\.csv"):
        table_format(tmp_path / "out.docx")
    with pytest.raises(InputError, match="format: expected one of"):
        table_format("x.csv", "yaml")


def test_an_existing_file_is_kept_unless_overwrite(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(InputError, match="already exists; pass --force"):
        write_table(pd.DataFrame({"a": [1]}), path)
    assert path.read_text(encoding="utf-8") == "mine\n"
    write_table(pd.DataFrame({"a": [1]}), path, overwrite=True)
    assert path.read_text(encoding="utf-8") == "a\n1\n"


def test_an_input_is_never_an_output_even_with_overwrite(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("text\n抓党建\n", encoding="utf-8")
    with pytest.raises(InputError, match="is one of the inputs"):
        write_table(pd.DataFrame({"a": [1]}), path, overwrite=True, protect=[path])
    assert path.read_text(encoding="utf-8") == "text\n抓党建\n"


def test_binary_formats_need_a_file():
    with pytest.raises(InputError, match="needs a file"):
        write_table(pd.DataFrame({"a": [1]}), "-", format="parquet")
