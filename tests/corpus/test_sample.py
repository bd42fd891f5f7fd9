"""The bundled sample corpus, tested from inside the repository (no ../shared needed)."""

from __future__ import annotations

from policytext.corpus.datasets import SEED_ID


def test_sample_has_seed_and_reports(sample_corpus):
    ids = sample_corpus.doc_ids
    assert SEED_ID in ids
    reports = sample_corpus.filter(collection="gov_work_reports_national")
    years = sorted(d.meta["year"] for d in reports)
    assert years[0] == 1954 and years[-1] == 2025
    assert len(years) == len(set(years)) == 53
    for d in reports:
        assert d.meta["title"] and d.meta["issuer"] and d.meta["provenance"]
        assert "本作品" not in d.text and "Public domain" not in d.text
        assert len(d.text) > 3000


def test_sample_frame(sample_corpus):
    frame = sample_corpus.to_frame()
    assert list(frame.columns[:2]) == ["doc_id", "text"]
    assert {"title", "year", "issuer", "provenance"} <= set(frame.columns)
    assert len(frame) == len(sample_corpus)
