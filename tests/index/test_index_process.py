"""Index durability and concurrency across processes: a killed build, readers during a write.

The child process reports its progress on stdout and waits for the parent on stdin,
so these tests depend on the order of events, never on timing.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from policytext.corpus.document import Document
from policytext.index import Index, IndexLockedError

SRC = str(Path(__file__).resolve().parents[2] / "src")

CHILD = textwrap.dedent("""
    import sys
    from policytext.corpus.document import Document
    from policytext.index import Index

    path, n_docs = sys.argv[1], int(sys.argv[2])
    idx = Index(path, segment_chars=2_000)

    def docs():
        for i in range(n_docs):
            yield Document(f"new{i}", "抓党建促发展，稳中求进。" * 40 + str(i), {"year": 2030})

    def progress(done, chars):
        print(f"SEGMENT {done}", flush=True)
        if sys.stdin.readline().strip() != "go":
            raise SystemExit(3)

    idx.add(docs(), progress=progress)
    print("DONE", flush=True)
""")


def start_child(path: Path, n_docs: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(n_docs)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def expect(proc: subprocess.Popen, prefix: str) -> str:
    line = proc.stdout.readline()
    assert line.startswith(prefix), (line, proc.stderr.read() if proc.poll() is not None else "")
    return line


@pytest.fixture
def base_index(tmp_path):
    path = tmp_path / "corpus.db"
    with Index(path) as idx:
        idx.add([Document("old", "抓党建促发展。" * 3, {"year": 2020})])
    return path


def test_killed_build_leaves_the_index_as_before(base_index):
    proc = start_child(base_index, n_docs=40)
    try:
        expect(proc, "SEGMENT")
        proc.stdin.write("go\n")
        proc.stdin.flush()
        expect(proc, "SEGMENT")  # two segments written inside the open transaction
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with Index(base_index, create=False) as idx:
        assert idx.doc_ids == ["old"]
        assert idx.count("党建") == 3
        assert idx.count("稳中求进") == 0
        assert idx._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # and the index still takes new documents
        idx.add([Document("after", "稳中求进", {})])
        assert idx.count("稳中求进") == 1


def test_readers_query_while_a_writer_adds(base_index):
    reader = Index(base_index, create=False)
    assert reader.count("党建") == 3
    proc = start_child(base_index, n_docs=10)
    try:
        expect(proc, "SEGMENT")  # the writer holds its transaction open, waiting for us
        # a reader is not blocked and sees the index as of the last completed add
        assert reader.count("党建") == 3
        with Index(base_index, create=False) as fresh:
            assert fresh.count("党建") == 3
            assert fresh.doc_ids == ["old"]
        # a second writer cannot start meanwhile; it fails clearly instead of corrupting
        with Index(base_index, create=False, timeout=0.1) as other, pytest.raises(IndexLockedError):
            other.add([Document("x", "甲", {})])
        for _ in range(10):
            proc.stdin.write("go\n")
        proc.stdin.flush()
        proc.stdout.readline()  # remaining progress lines
        out = proc.communicate(timeout=120)[0]
        assert "DONE" in out
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
    # the same reader object now sees the new documents (its caches were refreshed)
    assert reader.count("党建") == 3 + 10 * 40
    assert len(reader) == 11
    assert reader.count("党建", by="year")["occurrences"].tolist() == [3, 400]
    reader.close()


def test_two_connections_in_one_process(tmp_path):
    path = tmp_path / "c.db"
    a = Index(path)
    b = Index(path)
    a.add([Document("1", "改革开放", {})])
    assert b.count("改革") == 1
    b.add([Document("2", "改革", {})])
    assert a.count("改革") == 2
    a.close()
    b.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
