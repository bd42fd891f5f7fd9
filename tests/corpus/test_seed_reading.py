"""The seed article read closely: metadata, body start and end, no chrome."""

from __future__ import annotations

import datetime as dt

import policytext as pt


def test_seed_metadata_from_shared_file(seed_path, seed_expected):
    doc = pt.read_document(seed_path)
    exp = seed_expected["metadata"]
    assert doc.meta["title"] == exp["title"]
    assert doc.meta["author"] == exp["author"]
    assert doc.meta["source"] == exp["source"]
    assert doc.meta["date"] == dt.date.fromisoformat(exp["date"])
    assert doc.meta["year"] == 2022
    assert doc.meta["organization"] == exp["organization"]
    assert doc.meta["encoding"] == "utf-8"


def test_seed_body(seed_path, seed_expected):
    doc = pt.read_document(seed_path)
    assert doc.text.startswith(pt.normalize(seed_expected["body_starts_with"]))
    assert doc.text.endswith(pt.normalize(seed_expected["body_ends_with"]))
    for junk in seed_expected["not_in_body"]:
        assert junk not in doc.text, junk
    assert exp_org_not_in_body(doc, seed_expected)
    assert doc.raw is not None and "当前位置" in doc.raw


def exp_org_not_in_body(doc, seed_expected) -> bool:
    return seed_expected["metadata"]["organization"] not in doc.text


def test_bundled_seed_equals_shared_seed(seed_path, seed_doc):
    doc = pt.read_document(seed_path)
    assert seed_doc.text == doc.text
    for key in ("title", "author", "source", "date", "organization"):
        assert seed_doc.meta[key] == doc.meta[key]


def test_seed_normalization_ascii_commas(seed_doc):
    # the page uses ASCII commas between Han characters; the body uses Chinese ones
    assert "," not in seed_doc.text
    assert "\u00a0" not in seed_doc.text


def test_clean_false_keeps_text(seed_path):
    doc = pt.read_document(seed_path, clean=False, normalize=False)
    assert doc.text == seed_path.read_text(encoding="utf-8")
