"""The bodies of the corpus's plain-text files are exactly what the text readers gave before files
were typed by content and HTML, PDF and Word readers were added (hashes in data/txt_body_sha256.json), apart
from the files listed under ``improved``: their earlier body lost only the page-chrome lines listed there
(a web copy's publication stamp and source line, a WeChat follow prompt), which the test checks by putting the
lines back and comparing with the earlier hash."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import policytext as pt

RECORDED = json.loads((Path(__file__).parent / "data" / "txt_body_sha256.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_txt_body_is_unchanged(corpus_dir, manifest):
    txt = sorted(m["path"] for m in manifest if m["path"].endswith(".txt"))
    assert len(txt) >= 502
    recorded = RECORDED["bodies"]
    assert set(txt) <= set(recorded)
    changed = []
    for rel in txt:
        doc = pt.read_document(corpus_dir / rel)
        if hashlib.sha256(doc.text.encode("utf-8")).hexdigest() != recorded[rel]:
            changed.append(rel)
    assert changed == []


@pytest.mark.slow
def test_improved_bodies_lost_only_their_listed_chrome_lines(corpus_dir):
    improved = RECORDED["improved"]["files"]
    assert improved  # the record names each body that changed, and how
    for rel, change in improved.items():
        lines = pt.read_document(corpus_dir / rel).text.split("\n")
        for index, line in change["removed_lines"]:
            assert line not in lines, (rel, line)
            lines.insert(index, line)
        earlier = "\n".join(lines)
        assert hashlib.sha256(earlier.encode("utf-8")).hexdigest() == change["was_sha256"], rel


@pytest.mark.slow
def test_txt_files_are_typed_as_text_and_never_flagged(corpus_dir, manifest):
    from policytext.corpus.readers import suspicious_body
    from policytext.corpus.sniff import sniff_format

    for m in manifest:
        if m["path"].endswith(".txt"):
            raw = (corpus_dir / m["path"]).read_bytes()
            assert sniff_format(raw) == "text", m["path"]
    corpus = pt.Corpus.from_dir(corpus_dir)
    assert all(suspicious_body(d) is None for d in corpus)
