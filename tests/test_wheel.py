"""Build the wheel, install it into a fresh venv and use it there.

A missing package-data entry (lexicons, the sample corpus) fails here. The fresh venv
gets the wheel without dependencies; the dependencies come from the test's own
environment through a path file, so no network is needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="the 'build' package (dev extra) is needed to build the wheel")
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    wheels = list(out.glob("policytext-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "policytext/py.typed" in names
    assert "policytext/data/sample.jsonl.gz" in names
    for lex in ("stopwords.txt",):
        assert f"policytext/lexicons/{lex}" in names
    shipped = [src for src in (REPO / "lexicons").rglob("*") if src.is_file()]
    assert any(src.suffix == ".yaml" for src in shipped)  # the bundled codebook, in a subfolder
    for src in shipped:
        rel = src.relative_to(REPO / "lexicons").as_posix()
        assert f"policytext/lexicons/{rel}" in names, rel


def test_wheel_installs_and_works_in_fresh_venv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    r = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    # dependencies (jieba, numpy, pandas, ...) from this environment, after the venv's own site-packages
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    ).stdout.strip()
    Path(site, "_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    code = (
        "import policytext, pathlib, sys\n"
        "assert policytext.__file__.startswith(sys.argv[1]), policytext.__file__\n"
        "from policytext._util.lexicon_files import lexicon_dir\n"
        "assert lexicon_dir().parent == pathlib.Path(policytext.__file__).parent, lexicon_dir()\n"
        "from policytext.corpus.datasets import load_sample\n"
        "c = load_sample(); assert len(c) == 54, len(c)\n"
        "print(policytext.Segmenter().cut('推动高质量发展'))\n"
    )
    r = subprocess.run(
        [str(py), "-c", code, site],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    r = subprocess.run(
        [str(env_dir / "bin" / "policytext"), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert r.returncode == 0 and "policytext" in r.stdout
