"""The index commands: build, search, kwic, count, info, remove."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

from policytext.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def texts_dir(tmp_path):
    d = tmp_path / "texts"
    (d / "sub").mkdir(parents=True)
    (d / "a_2021.txt").write_text("抓党建促发展。推动高质量发展。", encoding="utf-8")
    (d / "sub" / "b_2022.txt").write_text("抓基层党建促乡村振兴，党建引领。", encoding="utf-8")
    (d / "c_2022.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    return d


def test_build_then_query(tmp_path, texts_dir):
    db = str(tmp_path / "corpus.db")
    code, out, err = run("index", "build", str(texts_dir), "--db", db, "-q")
    assert code == 0 and "indexed 3 documents" in err

    code, out, _ = run("count", db, "党建")
    assert code == 0 and out.strip() == "3"

    code, out, _ = run("count", db, "党建", "--by", "year", "--format", "csv")
    df = pd.read_csv(io.StringIO(out))
    assert df.set_index("year")["occurrences"].to_dict() == {2021: 1, 2022: 2}

    code, out, _ = run("kwic", db, "抓*促", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc_id"], r["match"]) for r in rows] == [("a_2021", "抓党建促"), ("sub/b_2022", "抓基层党建促")]

    code, out, _ = run("kwic", db, "党建", "-w", "3")
    assert code == 0 and out.count("【党建】") == 3

    code, out, _ = run("search", db, "党建 -乡村", "--format", "csv")
    df = pd.read_csv(io.StringIO(out))
    assert df["doc_id"].tolist() == ["a_2021"] and df["hits"].tolist() == [1]

    code, out, _ = run("index", "info", db, "--format", "csv")
    info = pd.read_csv(io.StringIO(out)).set_index("field")["value"]
    assert int(info["documents"]) == 3

    code, out, err = run("index", "remove", db, "a_2021")
    assert code == 0
    assert run("count", db, "党建")[1].strip() == "2"


def test_rebuild_replaces_documents(tmp_path, texts_dir):
    db = str(tmp_path / "corpus.db")
    run("index", "build", str(texts_dir), "--db", db, "-q")
    (texts_dir / "c_2022.txt").write_text("加强党建工作，党建引领发展。", encoding="utf-8")
    run("index", "build", str(texts_dir), "--db", db, "-q")
    assert run("count", db, "党建")[1].strip() == "5"
    assert run("count", db, "稳中求进")[1].strip() == "0"


def test_errors_are_clear(tmp_path):
    code, _, err = run("search", str(tmp_path / "none.db"), "党建")
    assert code == 1 and "none.db" in err and "no such index" in err
    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all" * 100)
    code, _, err = run("count", str(bad), "党建")
    assert code == 1 and "bad.db" in err and "not a policytext index" in err
    db = str(tmp_path / "ok.db")
    run("index", "build", "sample", "--db", db, "-q")
    code, _, err = run("count", db, '"unclosed')
    assert code == 1 and "unclosed quote" in err


def test_help_mentions_the_query_language():
    with pytest.raises(SystemExit):
        run("kwic", "--help")
