"""Batch runs: equality with the in-memory API, resumability after a kill, errors, bounded memory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

import policytext as pt
from policytext.batch import runner as batch
from policytext.batch.runner import doc_keywords, doc_stats, read_results

pytest.importorskip("pyarrow", reason="the batch extra (pyarrow) is needed for Parquet output")


def _in_memory(corpus, fn) -> pd.DataFrame:
    return pd.concat([fn(d) for d in corpus], ignore_index=True)


@pytest.fixture(scope="module")
def small_dir(corpus_dir, tmp_path_factory):
    """Reports and speeches from the shared corpus plus one binary file, by symlink."""
    root = tmp_path_factory.mktemp("small")
    for sub in ("npc_resolutions_on_gwr", "xi_speeches_2020_jhsjk"):
        (root / sub).mkdir()
        for f in sorted((corpus_dir / sub).glob("*.txt"))[:25]:
            (root / sub / f.name).symlink_to(f)
    (root / "zz_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return root


def test_batch_equals_in_memory(small_dir, tmp_path):
    result = batch.run(small_dir, steps=["stats", "keywords"], out=tmp_path / "out", chunk_size=7)
    corpus = pt.Corpus.from_dir(small_dir, errors="skip")
    assert result.documents == len(corpus) + 1
    assert result.errors == 1
    for step, fn in (("stats", doc_stats), ("keywords", doc_keywords)):
        got = read_results(tmp_path / "out", step)
        want = _in_memory(corpus, fn)
        pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)
    errors = read_results(tmp_path / "out", "_errors")
    assert errors["doc_id"].tolist() == ["zz_binary"]
    assert "binary" in errors["error"].iloc[0] and "zz_binary.txt" in errors["error"].iloc[0]


def test_two_workers_give_the_same_output(small_dir, tmp_path):
    batch.run(small_dir, steps=["stats", "keywords"], out=tmp_path / "one", chunk_size=5)
    batch.run(small_dir, steps=["stats", "keywords"], out=tmp_path / "two", chunk_size=5, n_jobs=2)
    for step in ("stats", "keywords", "_errors"):
        pd.testing.assert_frame_equal(read_results(tmp_path / "one", step), read_results(tmp_path / "two", step))


def test_csv_format_and_nested_columns(tmp_path):
    def spans(doc):
        return pd.DataFrame(
            [
                {
                    "doc_id": doc.doc_id,
                    "items": ["甲", "乙"],
                    "slots": {"X": doc.text[:2]},
                    "item_spans": [(0, 1), (1, 2)],
                }
            ]
        )

    corpus = pt.Corpus.from_texts(["学出理想信念。", "学出对党忠诚。"])
    for fmt in ("csv", "parquet"):
        batch.run(corpus, steps=[spans], out=tmp_path / fmt, format=fmt)
        df = read_results(tmp_path / fmt, "spans")
        assert df["items"].tolist() == [["甲", "乙"]] * 2
        assert df["slots"].tolist() == [{"X": "学出"}] * 2
        assert df["item_spans"].tolist() == [[[0, 1], [1, 2]]] * 2


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_results_read_back_as_the_step_returned_them(fmt, tmp_path):
    """Integer columns with gaps stay Python int/None (not 3.0/NaN), missing strings stay None, ids stay text."""
    texts = {
        "0001": "坚持“两个确立”，做到“两个维护”。",
        "0002": "持续做好“四早”工作，落实三农政策。",
        "0003": "没有公式。",
    }
    corpus = pt.Corpus.from_texts(list(texts.values()), ids=list(texts))
    batch.run(corpus, steps=["formulas"], out=tmp_path / "out", format=fmt, chunk_size=2)
    got = read_results(tmp_path / "out", "formulas")
    want = _in_memory(corpus, pt.find_formulas)
    assert len(want) >= 3 and want["number"].isna().sum() < len(want)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert all(v is None or type(v) is int for v in got["number"])
    assert got["doc_id"].tolist()[:1] == ["0001"]
    for col in ("canonical", "expansion"):
        assert not any(isinstance(v, float) for v in got[col]), col


def test_failing_step_is_recorded_and_run_goes_on(tmp_path):
    def fragile(doc):
        if "坏" in doc.text:
            raise ValueError("cannot handle this one")
        return doc_stats(doc)

    corpus = pt.Corpus.from_texts(["好文本。", "坏文本。", "又一个好文本。"])
    result = batch.run(corpus, steps=[fragile], out=tmp_path / "o", chunk_size=2)
    assert result.findings["fragile"] == 2 and result.errors == 1
    err = read_results(tmp_path / "o", "_errors")
    assert err.iloc[0]["doc_id"] == "1" and "ValueError: cannot handle this one" in err.iloc[0]["error"]


def test_jsonl_source_with_bad_lines(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(
        '{"doc_id": "a", "text": "推动高质量发展。"}\n{broken\n{"doc_id": "c", "text": "守正创新。"}\n',
        encoding="utf-8",
    )
    result = batch.run(src, steps=["stats"], out=tmp_path / "o")
    assert result.documents == 3 and result.errors == 1
    assert read_results(tmp_path / "o", "stats")["doc_id"].tolist() == ["a", "c"]
    assert "line 2" in read_results(tmp_path / "o", "_errors")["source"].iloc[0]


def test_refuses_to_mix_runs_or_overwrite(tmp_path):
    corpus = pt.Corpus.from_texts(["甲。"])
    batch.run(corpus, steps=["stats"], out=tmp_path / "o")
    with pytest.raises(pt.InputError, match="other settings"):
        batch.run(corpus, steps=["stats", "keywords"], out=tmp_path / "o")
    with pytest.raises(pt.InputError, match="already holds a run"):
        batch.run(corpus, steps=["stats"], out=tmp_path / "o", resume=False)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my notes")
    with pytest.raises(pt.InputError, match="not empty"):
        batch.run(corpus, steps=["stats"], out=tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "my notes"
    with pytest.raises(pt.InputError, match="unknown step"):
        batch.run(corpus, steps=["nonsense"], out=tmp_path / "x")


def test_resume_skips_finished_chunks(small_dir, tmp_path):
    out = tmp_path / "o"
    first = batch.run(small_dir, steps=["stats"], out=out, chunk_size=10)
    again = batch.run(small_dir, steps=["stats"], out=out, chunk_size=10)
    assert again.chunks_skipped == again.chunks == first.chunks
    assert again.documents == first.documents
    assert len(read_results(out, "stats")) == first.findings["stats"]


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from policytext import batch
    from policytext.batch import doc_keywords

    def slow_keywords(doc):
        time.sleep(0.05)
        return doc_keywords(doc)

    batch.run(sys.argv[1], steps=["stats", slow_keywords], out=sys.argv[2], chunk_size=3)
    """
)


def test_killed_run_resumes_to_identical_output(small_dir, tmp_path):
    script = tmp_path / "job.py"
    script.write_text(KILL_SCRIPT.replace("slow_keywords", "keywords_slow"), encoding="utf-8")
    out_killed, out_clean = tmp_path / "killed", tmp_path / "clean"
    env = {**os.environ, "PYTHONPATH": str(tmp_path) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, str(script), str(small_dir), str(out_killed)], env=env)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out_killed / "_done").glob("*.json"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(list((out_killed / "_done").glob("*.json")))
    assert 3 <= done_before < 17, "the kill should land midway"
    for out in (out_killed, out_clean):
        r = subprocess.run([sys.executable, str(script), str(small_dir), str(out)], env=env, timeout=600)
        assert r.returncode == 0
    for step in ("stats", "keywords_slow", "_errors"):
        killed, clean = read_results(out_killed, step), read_results(out_clean, step)
        pd.testing.assert_frame_equal(killed, clean)
        key = ["doc_id", "rank"] if step == "keywords_slow" else ["doc_id"]
        assert not killed.duplicated(subset=key).any()
    assert not list(out_killed.rglob("*.tmp")), "no temporary files left behind"


MEMORY_SCRIPT = textwrap.dedent(
    r"""
    import json, re, resource, sys
    from pathlib import Path
    from policytext import batch
    r = batch.run(sys.argv[1], steps=sys.argv[3].split(","), out=sys.argv[2], chunk_size=100, n_jobs=1)
    # peak RSS of this process's own memory: on Linux ru_maxrss keeps the high-water mark of the process
    # that forked it (the pytest worker, about 1 GB late in the suite), so read VmHWM where there is one
    status = Path("/proc/self/status")
    hwm = re.search(r"VmHWM:\s+(\d+) kB", status.read_text()) if status.exists() else None
    kb = int(hwm.group(1)) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"docs": r.documents, "errors": r.errors, "rss_mb": kb / 1024}))
    """
)


@pytest.mark.slow
def test_fifty_megabytes_in_bounded_memory(corpus_dir, manifest, tmp_path):
    """About 50 MB of text (the shared corpus repeated under distinct ids) in well under 1 GB."""
    root = tmp_path / "big"
    copies = 0
    size = 0
    total = sum(f.stat().st_size for f in corpus_dir.glob("**/*.txt"))
    sidecar = []
    while size < 50e6:
        for f in corpus_dir.glob("**/*.txt"):
            target = root / f"copy{copies:02d}" / f.relative_to(corpus_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(f)
        sidecar += [{**m, "path": f"copy{copies:02d}/{m['path']}"} for m in manifest]
        copies += 1
        size += total
    # the copies carry the same curated metadata as the original (a sidecar, as Corpus.from_dir reads it)
    (root / "manifest.jsonl").write_text(
        "\n".join(json.dumps(m, ensure_ascii=False) for m in sidecar), encoding="utf-8"
    )
    script = tmp_path / "mem.py"
    script.write_text(MEMORY_SCRIPT, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, str(script), str(root), str(tmp_path / "out"), "stats"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    info = json.loads(r.stdout.strip().splitlines()[-1])
    n_texts = sum(1 for m in manifest if m["path"].endswith(".txt"))
    assert info["docs"] == n_texts * copies and info["errors"] == 0
    assert info["rss_mb"] < 1024, info
    stats = read_results(tmp_path / "out", "stats")
    original = _in_memory(pt.Corpus.from_dir(corpus_dir), doc_stats).set_index("doc_id")
    first_copy = stats[stats.doc_id.str.startswith("copy00/")].copy()
    first_copy["doc_id"] = first_copy["doc_id"].str.removeprefix("copy00/")
    pd.testing.assert_frame_equal(first_copy.set_index("doc_id"), original, check_dtype=False)


def test_mixed_object_columns_keep_one_schema(tmp_path):
    """numpy integers, NaN gaps and mixed scalars in object columns write and read back cleanly."""
    import numpy as np

    def odd(doc):
        n = len(doc.text)
        return pd.DataFrame(
            {
                "doc_id": [doc.doc_id] * 3,
                "count": pd.Series([np.int64(n), float("nan"), 2], dtype=object),
                "mixed": pd.Series([1, "甲", None], dtype=object),
            }
        )

    corpus = pt.Corpus.from_texts(["学出理想信念。", "学出对党忠诚。"], ids=["007", "008"])
    for fmt in ("parquet", "csv"):
        batch.run(corpus, steps=[odd], out=tmp_path / fmt, format=fmt, chunk_size=1)
        df = read_results(tmp_path / fmt, "odd")
        assert df["doc_id"].tolist() == ["007"] * 3 + ["008"] * 3
        assert df["count"].tolist() == [7, None, 2] * 2
        assert df["mixed"].tolist() == ["1", "甲", None] * 2


def test_a_rerun_processes_again_a_chunk_whose_input_changed(tmp_path):
    """0.1 kept the old results of an edited input file (the done-marker knew only the doc_ids)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("坚决做到“两个维护”。", encoding="utf-8")
    (src / "b.txt").write_text("推进乡村振兴。", encoding="utf-8")
    out = tmp_path / "out"
    first = batch.run(src, ["formulas"], out, chunk_size=1, format="csv")
    assert first.chunks == 2 and first.chunks_skipped == 0
    (src / "b.txt").write_text("增强“四个意识”，坚定“四个自信”。", encoding="utf-8")
    with pytest.warns(UserWarning, match="chunk 1 changed since it was processed"):
        second = batch.run(src, ["formulas"], out, chunk_size=1, format="csv")
    assert second.chunks_skipped == 1
    formulas = read_results(out, "formulas")
    assert sorted(formulas["formula"]) == ["两个维护", "四个意识", "四个自信"]
    third = batch.run(src, ["formulas"], out, chunk_size=1, format="csv")  # nothing changed: nothing redone
    assert third.chunks_skipped == 2


def test_a_run_without_errors_has_an_empty_errors_table_with_its_columns(tmp_path):
    root = tmp_path / "ok"
    root.mkdir()
    (root / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    batch.run(root, steps=["stats"], out=tmp_path / "out")
    errors = read_results(tmp_path / "out", "_errors")
    assert errors.empty and list(errors.columns) == ["doc_id", "step", "source", "error"]
    assert errors["doc_id"].tolist() == []
