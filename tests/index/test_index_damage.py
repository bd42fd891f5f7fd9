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
