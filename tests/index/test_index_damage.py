"""A damaged index file: named in the error with a way to check and repair it; `index check` verifies."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.cli import main
from policytext.errors import IndexDamagedError, IndexFormatError


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "corpus.db"
    with pt.Index(path) as idx:
        idx.add(pt.Corpus.from_texts([("抓党建促发展，推进乡村振兴。" * 400) + str(i) for i in range(40)]))
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):  # overwrite part of every page after the first two
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    return path


def test_queries_on_a_damaged_file_name_it_and_say_what_to_do(damaged):
    with pytest.raises(IndexDamagedError) as err:
        with pt.Index(damaged, create=False) as idx:
            idx.kwic("乡村振兴")
    message = str(err.value)
    assert str(damaged) in message and "policytext index check" in message and "rebuild" in message
    assert isinstance(err.value, IndexFormatError)


@pytest.mark.parametrize("offset", [4096, 8192])
def test_damage_right_after_the_table_list_is_named_on_opening(tmp_path, capsys, offset):
    # pages damaged under the small table of index settings: opening (index info) failed with sqlite3's bare error
    path = tmp_path / "small.db"
    with pt.Index(path) as idx:
        idx.add(pt.Corpus.from_texts(["坚持稳中求进工作总基调。", "以人民为中心。"]))
    data = bytearray(path.read_bytes())
    data[offset : offset + 8192] = b"\xff" * len(data[offset : offset + 8192])
    path.write_bytes(bytes(data))
    try:
        with pt.Index(path, create=False) as idx:
            idx.search("稳中求进")
    except IndexFormatError as e:  # damaged (a subclass) or no longer recognisable as an index
        assert str(path) in str(e)
    assert main(["index", "info", str(path)]) != 0
    assert str(path) in capsys.readouterr().err


def test_index_check_says_ok_or_damaged(damaged, tmp_path, capsys):
    whole = tmp_path / "whole.db"
    with pt.Index(whole) as idx:
        idx.add(pt.Corpus.from_texts(["抓党建促发展。"]))
    assert main(["index", "check", str(whole)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    before = damaged.read_bytes()
    assert main(["index", "check", str(damaged)]) == 1
    assert "damaged" in capsys.readouterr().out
    assert damaged.read_bytes() == before  # read-only


def test_index_check_refuses_a_file_that_is_no_index(tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("抓党建", encoding="utf-8")
    assert main(["index", "check", str(other)]) == 1
    assert "not a policytext index" in capsys.readouterr().err


def _whole_index(path):
    texts = [f"第{i}份报告：抓党建促发展，推进乡村振兴，坚持稳中求进工作总基调。" * 30 for i in range(12)]
    with pt.Index(path) as idx:
        idx.add(pt.Corpus.from_texts(texts, meta=[{"year": 2010 + i, "issuer": "国务院"} for i in range(12)]))
    return path


def _edit(path, sql, params=()):
    import sqlite3

    con = sqlite3.connect(path)
    con.execute(sql, params)
    con.commit()
    con.close()


@pytest.mark.parametrize(
    "damage, found",
    [
        ("posting", "do not agree"),
        ("posting deleted", "do not agree"),
        ("text", "do not agree"),  # a text changed into another valid text of the same length
        ("text bytes", "stored text is damaged"),
        ("metadata row", "metadata rows"),
        ("title", "cannot be read"),
    ],
)
def test_index_check_finds_damage_that_leaves_the_pages_whole(tmp_path, capsys, damage, found):
    # a byte changed inside a posting block, a text chunk or a metadata value: SQLite's check of the pages says ok,
    # the answers would be wrong; the content check rebuilds the postings from the stored texts and compares
    import sqlite3

    path = _whole_index(tmp_path / "c.db")
    con = sqlite3.connect(path)
    seg, last, data = con.execute(
        "SELECT seg, last_key, data FROM postings ORDER BY last_key LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM postings)"
    ).fetchone()
    text_id, text = con.execute("SELECT id, text FROM texts LIMIT 1 OFFSET 3").fetchone()
    con.close()
    if damage == "posting":
        blob = bytearray(data)
        blob[-2] ^= 1  # a position inside the block's last region: the block still reads
        _edit(path, "UPDATE postings SET data = ? WHERE seg = ? AND last_key = ?", (bytes(blob), seg, last))
    elif damage == "posting deleted":
        _edit(path, "DELETE FROM postings WHERE seg = ? AND last_key = ?", (seg, last))
    elif damage == "text":
        _edit(
            path,
            "UPDATE texts SET text = ? WHERE id = ?",
            (bytes(text).replace("党建".encode(), "党见".encode()), text_id),
        )
    elif damage == "text bytes":
        _edit(path, "UPDATE texts SET text = ? WHERE id = ?", (b"\xff" + bytes(text)[1:], text_id))
    elif damage == "metadata row":
        _edit(path, "UPDATE meta SET value = 1999 WHERE rowid = (SELECT rowid FROM meta WHERE key = 'year' LIMIT 1)")
    else:
        _edit(path, "UPDATE documents SET title = CAST(x'e4ff' AS TEXT) WHERE doc_key = 2")
    capsys.readouterr()
    assert main(["index", "check", str(path), "--quick"]) == 0  # the pages are whole
    capsys.readouterr()
    assert main(["index", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "damaged" in out and found in out, out


def test_index_check_of_a_whole_index_with_removed_documents(tmp_path, capsys):
    path = _whole_index(tmp_path / "c.db")
    assert main(["index", "check", str(path)]) == 0
    with pt.Index(path, create=False) as idx:
        idx.remove([idx.doc_ids[3]])
    capsys.readouterr()
    assert main(["index", "check", str(path)]) == 0
    assert "not verified" in capsys.readouterr().out  # the segment still holds the removed document's postings
    assert main(["index", "optimize", str(path)]) == 0
    capsys.readouterr()
    assert main(["index", "check", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")


def test_a_title_that_no_longer_decodes_is_named_damage_at_query_time(tmp_path):
    path = _whole_index(tmp_path / "c.db")
    _edit(path, "UPDATE documents SET title = CAST(x'e4ff' AS TEXT) WHERE doc_key = 2")
    with pytest.raises(IndexDamagedError, match=r"c\.db"):
        with pt.Index(path, create=False) as idx:
            idx.search("乡村振兴")
