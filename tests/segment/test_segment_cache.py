"""The per-user dictionary cache stays bounded: least recently used files go, used ones stay."""

from __future__ import annotations

import os
import time

from policytext.segment.dictionary import CACHE_KEEP, load_prefix_dict, prune_cache


def _file(path, age_s):
    path.write_bytes(b"x")
    t = time.time() - age_s
    os.utime(path, (t, t))
    return path


def test_prune_keeps_the_most_recently_used(tmp_path):
    files = [_file(tmp_path / f"pfdict-{i:02d}.marshal", age_s=100 * i) for i in range(12)]
    other = [_file(tmp_path / "tags-old.marshal", age_s=10_000), _file(tmp_path / "notes.txt", age_s=10_000)]
    stale_tmp = _file(tmp_path / "pfdict-99.marshalabc.tmp", age_s=7200)
    fresh_tmp = _file(tmp_path / "pfdict-98.marshaldef.tmp", age_s=5)  # a writer may be busy with it
    removed = prune_cache(tmp_path, "pfdict", keep=5)
    assert sorted(removed) == sorted(files[5:] + [stale_tmp])
    assert all(f.exists() for f in files[:5] + other + [fresh_tmp])


def test_building_prunes_and_loading_marks_use(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path))
    old = [_file(tmp_path / f"pfdict-old{i}.marshal", age_s=1000 + i) for i in range(CACHE_KEEP)]
    entries = [("一个不在词典里的词语", 5, None)]
    freq, total = load_prefix_dict(entries)
    assert freq["一个不在词典里的词语"] == 5
    kept = sorted(tmp_path.glob("pfdict-*.marshal"))
    assert len(kept) == CACHE_KEEP, "building a new dictionary removed the least recently used one"
    assert not old[-1].exists() and all(f.exists() for f in old[:-1])
    (built,) = set(kept) - set(old)
    os.utime(built, (1, 1))  # as if unused for decades
    assert load_prefix_dict(entries) == (freq, total)
    assert time.time() - built.stat().st_mtime < 600, "loading marks the file as recently used"
