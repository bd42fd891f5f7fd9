"""The Dask runner on a LocalCluster with 2 workers writes what the single-process run writes."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt
from policytext.batch import runner as batch
from policytext.batch.runner import read_results

distributed = pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")
pytest.importorskip("pyarrow", reason="the batch extra (pyarrow) is needed for Parquet output")


@pytest.fixture(scope="module")
def source_dir(corpus_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("dask_src")
    for sub in ("npc_resolutions_on_gwr", "policy_docs_shandong"):
        (root / sub).mkdir()
        for f in sorted((corpus_dir / sub).glob("*.txt"))[:15]:
            (root / sub / f.name).symlink_to(f)
    (root / "broken.txt").write_bytes(b"\x00\x01binary")
    return root


def test_local_cluster_equals_single_process(source_dir, tmp_path):
    from policytext.batch.dask_runner import run as dask_run

    steps = ["stats", "keywords"]
    batch.run(source_dir, steps=steps, out=tmp_path / "local", chunk_size=6)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            result = dask_run(source_dir, steps=steps, out=tmp_path / "dask", client=client, chunk_size=6)
    assert result.documents == 31 and result.errors == 1
    for step in steps + ["_errors"]:
        pd.testing.assert_frame_equal(read_results(tmp_path / "dask", step), read_results(tmp_path / "local", step))
    # a second call finds every chunk done
    again = dask_run(source_dir, steps=steps, out=tmp_path / "dask", chunk_size=6)
    assert again.chunks_skipped == again.chunks == result.chunks


def test_cli_local_cluster_writes_the_single_process_output(source_dir, tmp_path, capsys):
    from policytext.cli import main

    steps = ["stats", "formulas"]
    batch.run(source_dir, steps=steps, out=tmp_path / "local", chunk_size=6)
    assert (
        main(
            [
                "batch",
                str(source_dir),
                "--steps",
                ",".join(steps),
                "--out",
                str(tmp_path / "cli"),
                "--jobs",
                "2",
                "--chunk-size",
                "6",
                "--dask",
                "local",
            ]
        )
        == 0
    )
    assert "documents: 31" in capsys.readouterr().out
    for step in steps + ["_errors"]:
        pd.testing.assert_frame_equal(read_results(tmp_path / "cli", step), read_results(tmp_path / "local", step))


def test_dask_run_checks_its_arguments_like_the_local_run(tmp_path):
    from policytext.batch.dask_runner import run as dask_run

    corpus = pt.Corpus.from_texts(["甲。"])
    for kwargs, message in [
        ({"steps": ["stats"], "chunk_size": 0}, "chunk_size must be at least 1"),
        ({"steps": ["stats", "stats"]}, "repeat a name"),
        ({"steps": []}, "steps is empty"),
        ({"steps": ["stats"], "format": "xlsx"}, "format must be"),
    ]:
        with pytest.raises(pt.InputError, match=message):
            dask_run(corpus, out=tmp_path / "o", **kwargs)
        with pytest.raises(pt.InputError, match=message):
            batch.run(corpus, out=tmp_path / "o", **kwargs)
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir()), "nothing claimed the folder"
