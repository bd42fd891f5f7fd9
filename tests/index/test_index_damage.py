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
