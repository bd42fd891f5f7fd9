"""The batch step ``reuse``: the rows of find_reuse over the corpus, written resumably block by block."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import policytext as pt
from policytext.batch import reuse_step
from policytext.batch import runner as batch
from policytext.batch.runner import read_results
from policytext.comparison import find_reuse
from policytext.errors import InputError

pytest.importorskip("datasketch", reason="the compare extra (datasketch) is not installed")

COLUMNS = ["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end", "a_text", "b_text", "n_edits", "boilerplate"]


@pytest.fixture(scope="module")
def source_dir(corpus_dir, tmp_path_factory):
    """Central and Shandong digital-economy documents: Shandong ones copy central wording."""
    root = tmp_path_factory.mktemp("reuse_src")
    for sub in ("policy_docs_central", "policy_docs_shandong"):
        (root / sub).mkdir()
        for f in sorted((corpus_dir / sub).glob("*.txt"))[:8]:
            (root / sub / f.name).symlink_to(f)
    return root


@pytest.fixture(scope="module")
def expected(source_dir):
    corpus = pt.Corpus.from_dir(source_dir)
    return find_reuse(corpus, min_chars=30)


def _rows(df):
    return df[COLUMNS].sort_values(COLUMNS[:6]).reset_index(drop=True)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_reuse_step_writes_the_rows_of_find_reuse(source_dir, expected, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the batch extra (pyarrow) is needed for Parquet output")
    result = batch.run(
        source_dir, steps=["stats", "reuse"], out=tmp_path / "out", format=fmt, reuse_options={"min_chars": 30}
    )
    got = read_results(tmp_path / "out", "reuse")
    assert len(expected) > 0
    assert result.findings["reuse"] == len(got) == len(expected)
    assert "_reuse_input" not in result.findings
    pd.testing.assert_frame_equal(_rows(got), _rows(expected), check_dtype=False)
    # the other steps are untouched by it
    assert read_results(tmp_path / "out", "stats")["doc_id"].tolist() == [
        d.doc_id for d in pt.Corpus.from_dir(source_dir)
    ]


def test_an_interrupted_reuse_step_resumes_to_the_same_rows(source_dir, expected, tmp_path, monkeypatch):
    from policytext.comparison import reuse as reuse_module

    monkeypatch.setattr(reuse_step, "BLOCK", 10)
    real = reuse_module.align_pairs
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # killed in the middle of the third block
        return real(*args, **kwargs)

    monkeypatch.setattr(reuse_module, "align_pairs", failing)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        batch.run(source_dir, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 30})
    assert len(list((out / "_done").glob("reuse-*.json"))) == 2
    candidates = (out / "_reuse" / "candidates.json").read_text(encoding="utf-8")

    monkeypatch.setattr(reuse_module, "align_pairs", real)
    n_pairs = len(json.loads(candidates)["pairs"])
    result = batch.run(source_dir, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 30})
    assert result.chunks_skipped == result.chunks  # the chunks were done before the interruption
    assert (out / "_reuse" / "candidates.json").read_text(encoding="utf-8") == candidates
    assert len(list((out / "_done").glob("reuse-*.json"))) == -(-n_pairs // 10)
    pd.testing.assert_frame_equal(_rows(read_results(out, "reuse")), _rows(expected), check_dtype=False)


def test_changed_options_need_another_folder(source_dir, tmp_path):
    out = tmp_path / "out"
    batch.run(source_dir, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 30})
    with pytest.raises(InputError, match="other settings"):
        batch.run(source_dir, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 60})


def test_an_edited_document_redoes_the_candidates(tmp_path):
    text = "为深入贯彻落实党中央决策部署，各地区各部门要切实做好稳就业保民生各项工作，确保取得实效。"
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "b.txt").write_text("会议要求，" + text, encoding="utf-8")
    (src / "c.txt").write_text("今天天气很好，我们去公园散步。", encoding="utf-8")
    out = tmp_path / "out"
    first = batch.run(src, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 20})
    assert first.findings["reuse"] == 1
    (src / "c.txt").write_text("本市要求，" + text, encoding="utf-8")
    with pytest.warns(UserWarning, match="changed"):
        second = batch.run(src, steps=["reuse"], out=out, format="csv", reuse_options={"min_chars": 20})
    got = read_results(out, "reuse")
    assert second.findings["reuse"] == len(got) == 3
    assert sorted(zip(got["doc_a"], got["doc_b"])) == [("a", "b"), ("a", "c"), ("b", "c")]


def test_bad_reuse_options_are_refused(tmp_path):
    corpus = pt.Corpus.from_texts(["甲乙丙丁", "甲乙丙丁"])
    with pytest.raises(InputError, match="no 'reuse' step"):
        batch.run(corpus, steps=["stats"], out=tmp_path / "a", format="csv", reuse_options={"min_chars": 20})
    with pytest.raises(InputError, match="min_char"):
        batch.run(corpus, steps=["reuse"], out=tmp_path / "b", format="csv", reuse_options={"min_char": 20})
    # a bad value is refused before any chunk is read, and nothing is written
    for bad, word in (
        ({"min_chars": -5}, "min_chars"),
        ({"candidates": "some"}, "candidates"),
        ({"window": 2}, "window"),
    ):
        out = tmp_path / f"c{word}"
        with pytest.raises(InputError, match=f"reuse_options: .*{word}"):
            batch.run(corpus, steps=["stats", "reuse"], out=out, format="csv", reuse_options=bad)
        assert not out.exists() or not any(out.rglob("part-*"))


def test_a_corpus_without_reuse_gives_an_empty_table(tmp_path):
    corpus = pt.Corpus.from_texts(["今天天气很好。", "我们去公园散步。"])
    result = batch.run(corpus, steps=["reuse"], out=tmp_path / "out", format="csv")
    assert result.findings["reuse"] == 0
    assert read_results(tmp_path / "out", "reuse").empty


def test_cli_batch_reuse(source_dir, expected, tmp_path, capsys):
    from policytext.cli import main

    out = tmp_path / "cli"
    code = main(
        ["batch", str(source_dir), "--steps", "reuse", "--out", str(out), "--format", "csv", "--reuse-min-chars", "30"]
    )
    assert code == 0
    assert f"reuse: {len(expected):,} rows" in capsys.readouterr().out
    pd.testing.assert_frame_equal(_rows(read_results(out, "reuse")), _rows(expected), check_dtype=False)


@pytest.mark.slow
def test_dask_runner_reuse_step_equals_the_local_run(source_dir, expected, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")
    from policytext.batch.dask_runner import run as dask_run

    options = {"min_chars": 30, "candidates": "lsh"}
    batch.run(source_dir, steps=["reuse"], out=tmp_path / "local", format="csv", reuse_options=options)
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c,
        distributed.Client(c) as client,
    ):
        result = dask_run(
            source_dir, steps=["reuse"], out=tmp_path / "dask", client=client, format="csv", reuse_options=options
        )
    local = read_results(tmp_path / "local", "reuse")
    assert result.findings["reuse"] == len(local) > 0
    pd.testing.assert_frame_equal(read_results(tmp_path / "dask", "reuse"), local)
