"""The human coding round trip: export, fill in, read back; edited, reordered and unknown codes are refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("yaml", reason="PyYAML (extra code) reads the bundled codebook")

from policytext.coding import code_units, export_for_coding, read_coding
from policytext.corpus.document import Document
from policytext.errors import InputError

# verbatim clauses of ../shared/corpus/policy_docs_shandong and policy_docs_central (not development units)
TEXT = (
    "支持企业加大基础研究支出，符合条件的按规定享受税收优惠。"
    "实施企业上市培育计划，省财政给予相应奖励补助。"
    "推动测试示范区评价能力和体系建设。\n"
    "鼓励各市统筹专项资金加大对智能制造支持力度。"
)


@pytest.fixture()
def coded() -> pd.DataFrame:
    return code_units(Document("sd", TEXT, {"year": 2020}))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, data: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(data[0]))
        w.writeheader()
        w.writerows(data)


def test_export_has_text_context_precodes_and_a_column_per_coder(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["王", "李"])
    data = rows(p)
    assert len(data) == coded["unit_id"].nunique() == 4
    first = data[0]
    for col in ("unit_id", "hash", "text", "context_before", "context_after", "precode", "王", "王_second", "李_note"):
        assert col in first, col
    assert first["context_after"] == data[1]["text"] and first["context_before"] == ""
    assert data[3]["context_after"] == ""
    assert first["precode"] == "税收优惠"
    assert all(r["王"] == "" and r["李"] == "" for r in data)
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheet programs read the Chinese


def test_round_trip_reads_every_coder(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a", "b"])
    data = rows(p)
    data[0]["a"], data[0]["b"], data[0]["b_second"] = "税收优惠", "税收优惠", "技术支持"
    data[1]["a"], data[1]["b"] = "资金投入", "金融支持"
    data[2]["a"], data[2]["a_note"] = "none", "只是建设评价能力"
    write_rows(p, data)
    back = read_coding(p)
    assert list(back.columns) == ["unit_id", "coder", "category", "second", "note"]
    assert len(back) == 8
    a = back[back["coder"] == "a"].set_index("unit_id")
    b = back[back["coder"] == "b"].set_index("unit_id")
    uid = [r["unit_id"] for r in data]
    assert a.loc[uid[0], "category"] == "税收优惠" and b.loc[uid[0], "second"] == "技术支持"
    assert a.loc[uid[2], "category"] == "none" and a.loc[uid[2], "note"] == "只是建设评价能力"
    assert b.loc[uid[3], "category"] is None  # not coded yet: a missing code
    assert read_coding(p, coders=["b"])["coder"].unique().tolist() == ["b"]


def test_edited_unit_is_refused_with_its_row(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    data = rows(p)
    data[2]["text"] = data[2]["text"].replace("示范区", "试验区")
    write_rows(p, data)
    with pytest.raises(InputError, match=r"sheet.csv: row 4 \(unit sd:3\): the unit was edited"):
        read_coding(p)


def test_reordered_units_are_refused_with_the_row(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    data = rows(p)
    data[0], data[1] = data[1], data[0]  # a coder sorted the sheet
    write_rows(p, data)
    with pytest.raises(InputError, match=r"row 2 \(unit sd:2\): the unit was moved from row 3"):
        read_coding(p)


def test_unknown_code_is_refused_with_the_row(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    data = rows(p)
    data[1]["a"] = "资金"  # not a code of the codebook
    write_rows(p, data)
    with pytest.raises(InputError, match=r"row 3 \(unit sd:2\): column 'a' has the code '资金'"):
        read_coding(p)
    assert len(read_coding(p, ["资金"])) == 4  # with a codebook that has it


def test_never_overwrites_unless_asked(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    before = p.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        export_for_coding(coded, p, coders=["b"])
    assert p.read_bytes() == before
    export_for_coding(coded, p, coders=["b"], overwrite=True)
    assert "b" in rows(p)[0]


def test_xlsx_round_trip(coded, tmp_path):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (extra xlsx) writes .xlsx")
    p = tmp_path / "sheet.xlsx"
    export_for_coding(coded, p, coders=["a", "b"], precodes=False)
    wb = openpyxl.load_workbook(p)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert "precode" not in header  # a blind round
    ws.cell(row=3, column=header.index("a") + 1, value="资金投入")
    ws.cell(row=3, column=header.index("b") + 1, value="资金投入")
    wb.save(p)
    back = read_coding(p)
    assert back[back["category"].notna()]["unit_id"].tolist() == ["sd:2", "sd:2"]
    ws.cell(row=4, column=header.index("text") + 1, value="改过的文字")
    wb.save(p)
    with pytest.raises(InputError, match=r"row 4 \(unit sd:3\)"):
        read_coding(p)


def test_one_coder_files(tmp_path):
    p = tmp_path / "coder_x.csv"
    p.write_text("unit_id,category,second,note\nu1,资金投入,,\nu2,none,,标题\nu3,,,\n", encoding="utf-8")
    back = read_coding(p)
    assert back["coder"].unique().tolist() == ["coder_x"]
    assert back["category"].tolist() == ["资金投入", "none", None]
    p.write_text("unit_id,category\nu1,资金投入\nu1,人才培养\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3: unit 'u1' already on row 2"):
        read_coding(p)


def test_bad_arguments(coded, tmp_path):
    with pytest.raises(InputError, match="coders"):
        export_for_coding(coded, tmp_path / "a.csv", coders=["a", "a"])
    with pytest.raises(InputError, match="coders"):
        export_for_coding(coded, tmp_path / "a.csv", coders=["text"])
    with pytest.raises(InputError, match="unit_id and text"):
        export_for_coding(pd.DataFrame({"x": [1]}), tmp_path / "a.csv")
    with pytest.raises(InputError, match="no such coding file"):
        read_coding(tmp_path / "missing.csv")


# -- found in review -------------------------------------------------------------------------------------------


def test_rows_deleted_at_the_end_are_refused(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    write_rows(p, rows(p)[:2])
    with pytest.raises(InputError, match=r"sheet.csv: the file ends at row 3 .*deleted at the end"):
        read_coding(p)


def test_a_column_the_user_added_is_no_coder(coded, tmp_path):
    p = tmp_path / "sheet.csv"
    export_for_coding(coded, p, coders=["a"])
    data = rows(p)
    for r in data:
        r["comment"] = "看过"
    write_rows(p, data)
    assert read_coding(p)["coder"].unique().tolist() == ["a"]


def test_an_empty_file_is_named(tmp_path):
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty.csv: the file is empty"):
        read_coding(p)


def test_units_of_another_codebook_need_it_for_their_precodes(tmp_path):
    from policytext.coding import Codebook

    cb = Codebook.from_dict({"dimensions": ["d"], "categories": [{"id": "资金", "rules": [{"terms": ["专项资金"]}]}]})
    coded = code_units(Document("sd", TEXT), cb)
    with pytest.raises(InputError, match="codebook="):
        export_for_coding(coded, tmp_path / "a.csv", coders=["a"])
    export_for_coding(coded, tmp_path / "b.csv", coders=["a"], codebook=cb)
    assert [r["precode"] for r in rows(tmp_path / "b.csv")] == ["none", "none", "none", "资金"]
