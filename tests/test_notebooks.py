"""The notebooks in notebooks/ execute cleanly (they use only the bundled sample corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat (dev extra) is needed to run the notebooks")
nbclient = pytest.importorskip("nbclient", reason="nbclient (dev extra) is needed to run the notebooks")
pytest.importorskip("ipykernel", reason="ipykernel (dev extra) is needed to run the notebooks")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_the_notebooks_are_the_tutorials_and_the_coding_walkthrough():
    assert [p.stem for p in NOTEBOOKS][:3] == sorted(p.stem for p in NOTEBOOKS if p.stem[:2].isdigit())
    assert [p.stem[:2] for p in NOTEBOOKS if p.stem[:2].isdigit()] == ["01", "02", "03"]
    assert "coding_instruments" in [p.stem for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path):
    work = tmp_path / path.name
    shutil.copy(path, work)
    nb = nbformat.read(work, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    # every code cell ran and the notebook showed something
    assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_with_its_outputs(path):
    """On a code host a notebook reads as results: every code cell ran, none failed, most show something."""
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "run `make notebooks` to store the outputs"
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum(1 for c in code if c.get("outputs")) >= len(code) // 2
