"""Corpus readers (texts, DataFrame, CSV, JSONL), metadata, filtering and views."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

import policytext as pt


def test_from_texts_ids_and_meta():
    c = pt.Corpus.from_texts(
        ["稳中求进,守正创新。", "推动高质量发展。"], ids=["a", "b"], meta=[{"year": 2021}, {"year": "2022"}]
    )
    assert c.doc_ids == ["a", "b"]
    assert c["a"].text == "稳中求进，守正创新。"  # normalized
    assert c["b"].meta["year"] == 2022  # year coerced to int
    assert c[0] is c["a"] and len(c[0:1]) == 1
    with pytest.raises(KeyError, match="'zz'"):
        c["zz"]
    with pytest.raises(pt.InputError, match="ids has 1"):
        pt.Corpus.from_texts(["甲", "乙"], ids=["x"])
    with pytest.raises(pt.InputError, match="one string"):
        pt.Corpus.from_texts("甲乙")
    with pytest.raises(pt.InputError, match=r"texts\[1\]"):
        pt.Corpus.from_texts(["甲", None])


def test_from_dataframe_carries_metadata_and_dates():
    df = pd.DataFrame(
        {
            "id": ["r2013", "r2023"],
            "body": ["加快转变经济发展方式。", "推进中国式现代化。"],
            "date": ["2013-03-05", "2023年3月5日"],
            "issuer": ["国务院", "国务院"],
        }
    )
    c = pt.Corpus.from_dataframe(df, text="body", id="id")
    assert c.doc_ids == ["r2013", "r2023"]
    assert c["r2023"].meta["date"] == dt.date(2023, 3, 5)
    assert c["r2023"].meta["year"] == 2023
    frame = c.to_frame()
    assert list(frame.columns[:2]) == ["doc_id", "text"]
    assert {"date", "issuer", "year"} <= set(frame.columns)
    assert frame.loc[frame.doc_id == "r2013", "year"].item() == 2013
    with pytest.raises(pt.InputError, match="no text column 'text'"):
        pt.Corpus.from_dataframe(df)
    with pytest.raises(pt.InputError, match="no id column 'doc'"):
        pt.Corpus.from_dataframe(df, text="body", id="doc")


def test_duplicate_ids_are_an_error():
    df = pd.DataFrame({"doc_id": ["a", "a"], "text": ["甲。", "乙。"]})
    with pytest.raises(pt.InputError, match="duplicate doc_id 'a'"):
        pt.Corpus.from_dataframe(df)


def test_from_csv_roundtrip_and_encodings(tmp_path):
    df = pd.DataFrame({"doc_id": ["x", "y"], "text": ["第一,第二。\n第二段。", "“两个维护”。"], "year": [2020, 2021]})
    for enc in ("utf-8", "utf-8-sig", "gb18030"):
        p = tmp_path / f"docs-{enc}.csv"
        p.write_bytes(df.to_csv(index=False).encode(enc))
        c = pt.Corpus.from_csv(p)
        assert c.doc_ids == ["x", "y"]
        assert c["x"].text == "第一，第二。\n第二段。"
        assert c["y"].meta["year"] == 2021


def test_malformed_csv_names_file_and_line(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("doc_id,text\na,甲\nb,乙,多余\n", encoding="utf-8")
    with pytest.raises(pt.InputError) as info:
        pt.Corpus.from_csv(p)
    assert "bad.csv" in str(info.value) and "line 3" in str(info.value)
    missing = tmp_path / "nocol.csv"
    missing.write_text("id,body\na,甲\n", encoding="utf-8")
    with pytest.raises(pt.InputError, match="no text column"):
        pt.Corpus.from_csv(missing)
    with pytest.raises(pt.InputError, match="no such file"):
        pt.Corpus.from_csv(tmp_path / "absent.csv")


def test_from_jsonl_and_malformed_lines(tmp_path):
    p = tmp_path / "docs.jsonl"
    rows = [{"doc_id": "a", "text": "推动高质量发展。", "issuer": "国务院"}, {"doc_id": "b", "text": "坚持稳中求进。"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    c = pt.Corpus.from_jsonl(p)
    assert c.doc_ids == ["a", "b"] and c["a"].meta["issuer"] == "国务院"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "text": "甲"}\n{"doc_id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(pt.InputError, match=r"bad.jsonl, line 2: invalid JSON"):
        pt.Corpus.from_jsonl(bad)
    notobj = tmp_path / "list.jsonl"
    notobj.write_text('["甲"]\n', encoding="utf-8")
    with pytest.raises(pt.InputError, match="line 1: expected a JSON object"):
        pt.Corpus.from_jsonl(notobj)
    empty_text = tmp_path / "empty.jsonl"
    empty_text.write_text('{"doc_id": "a", "text": "  "}\n', encoding="utf-8")
    with pytest.raises(pt.InputError, match="line 1: empty document"):
        pt.Corpus.from_jsonl(empty_text)


def test_filter_by_meta_and_predicate(sample_corpus):
    reports = sample_corpus.filter(collection="gov_work_reports_national")
    recent = reports.filter(year=range(2013, 2026))
    assert sorted(d.meta["year"] for d in recent) == list(range(2013, 2026))
    long_ones = reports.filter(lambda d: len(d.text) > 30000)
    assert all(len(d.text) > 30000 for d in long_ones) and len(long_ones) > 0
    assert len(reports.filter(year=[1954, 2025])) == 2


def test_repr_html(sample_corpus, seed_doc):
    html = sample_corpus._repr_html_()
    assert "54 documents" in html.replace(",", "") and "<table" in html
    assert "推动组织工作守正创新" in seed_doc._repr_html_()


def test_from_dir_ids_are_relative_paths(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("甲。", encoding="utf-8")
    (tmp_path / "two.txt").write_text("乙。", encoding="utf-8")
    (tmp_path / "skip.md").write_text("丙。", encoding="utf-8")
    assert pt.Corpus.from_dir(tmp_path).doc_ids == ["a/one", "two"]
    assert pt.Corpus.from_dir(tmp_path, pattern="*.md").doc_ids == ["skip"]
    with pytest.raises(pt.InputError, match="not a directory"):
        pt.Corpus.from_dir(tmp_path / "nope")


def test_filter_and_slices_keep_cached_tokens():
    from policytext import Segmenter

    class CountingSegmenter(Segmenter):
        calls = 0

        def cut_many(self, texts, *args, **kwargs):
            CountingSegmenter.calls += 1
            return super().cut_many(texts, *args, **kwargs)

    seg = CountingSegmenter()
    c = pt.Corpus.from_texts(
        ["坚持稳中求进。", "推动高质量发展。", "守正创新。"], meta=[{"year": y} for y in (1, 2, 3)]
    )
    full = c.tokens(seg)
    calls = CountingSegmenter.calls
    sub = c.filter(year=[1, 3])
    assert sub.tokens(seg) == [full[0], full[2]]
    assert c[1:].tokens(seg) == full[1:]
    assert CountingSegmenter.calls == calls
