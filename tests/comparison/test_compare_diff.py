"""compare(): sentence alignment with offsets, the 提法 diff, the HTML view; two real reports."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.comparison import Comparison, compare
from policytext.errors import InputError

A = "坚持稳中求进工作总基调。推进三去一降一补。各地区各部门要狠抓落实。今年主要预期目标是：国内生产总值增长6.5%左右。"
B = "坚持稳中求进工作总基调。各地区各部门要狠抓落实。今年主要预期目标是：国内生产总值增长5%左右。加快发展新质生产力。"
SEG = pt.Segmenter()  # one segmenter for the many small comparisons below (building one loads its dictionary)


def test_statuses_and_offsets():
    c = compare(A, B)
    assert isinstance(c, Comparison)
    al = c.alignment
    assert list(al.columns) == ["status", "a_start", "a_end", "b_start", "b_end", "a_text", "b_text", "similarity"]
    assert al["status"].tolist() == ["kept", "dropped", "kept", "changed", "added"]
    changed = al[al.status == "changed"].iloc[0]
    assert "6.5%" in changed.a_text and "5%" in changed.b_text and 0.5 <= changed.similarity < 1
    for r in al.itertuples():
        if r.a_text is not None:
            assert A[r.a_start : r.a_end] == r.a_text
        else:
            assert r.a_start is None and r.status == "added"
        if r.b_text is not None:
            assert B[r.b_start : r.b_end] == r.b_text
        else:
            assert r.b_start is None and r.status == "dropped"


def test_a_moved_sentence_is_kept_not_dropped_and_added():
    a = "第一句话在这里。第二句话讲发展。第三句话讲改革。第四句话讲开放。"
    b = "第四句话讲开放。第二句话讲发展。第三句话讲改革。第一句话在这里。"
    statuses = compare(a, b, segmenter=SEG).alignment["status"].tolist()
    assert statuses.count("kept") == 4 and len(statuses) == 4


def test_formulations_present_in_one_and_not_the_other():
    f = compare(A, B).formulations
    assert list(f.columns) == ["formulation", "kind", "count_a", "count_b", "status"]
    got = {(r.formulation, r.status) for r in f.itertuples()}
    assert ("新质生产力", "added") in got and ("三去一降一补", "dropped") in got
    assert not any(name == "稳中求进工作总基调" for name, _ in got)  # in both: not a change
    row = f.set_index("formulation").loc["三去一降一补"]
    assert (row.count_a, row.count_b, row.kind) == (1, 0, "formula")
    assert set(f.status) <= {"added", "dropped"}


def test_documents_keep_their_names_and_html_escapes_everything():
    a = pt.Document("gwr_2023", "坚持<稳中求进>。推动高质量发展。")
    b = pt.Document("gwr_2024", "坚持<稳中求进>。推动经济高质量发展。<script>alert(1)</script>。")
    c = compare(a, b)
    html = c.to_html()
    assert "gwr_2023" in html and "gwr_2024" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;稳中求进&gt;" in html
    assert "<ins>经济</ins>" in html  # the characters a changed sentence gained
    assert c._repr_html_().startswith("\n<style>") or "<table>" in c._repr_html_()
    assert "gwr_2023" in repr(c) and c.summary()["changed"] == 1


def test_empty_versions():
    c = compare("", "推动高质量发展。")
    assert c.alignment["status"].tolist() == ["added"]
    assert compare("", "").alignment.empty


def test_bad_input_names_the_argument():
    with pytest.raises(InputError, match="doc_b"):
        compare("甲。", 3)
    with pytest.raises(InputError, match="min_similarity"):
        compare("甲。", "乙。", min_similarity=2)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["坚持稳中求进。", "推动高质量发展！", "扩大内需；", "深化改革\n", "开放", "。", "  "]),
        max_size=8,
    ),
    st.lists(st.sampled_from(["坚持稳中求进。", "推动经济高质量发展！", "扩大内需；", "开放。", "\n"]), max_size=8),
)
def test_offsets_always_slice_to_the_texts(pa, pb):
    a, b = "".join(pa), "".join(pb)
    for r in compare(a, b, segmenter=SEG).alignment.itertuples():
        if r.a_text is not None:
            assert a[r.a_start : r.a_end] == r.a_text
        if r.b_text is not None:
            assert b[r.b_start : r.b_end] == r.b_text


def test_two_government_work_reports(corpus_dir):
    d = corpus_dir / "gov_work_reports_national"
    c = compare(pt.read_document(d / "gwr_2023.txt", doc_id="gwr_2023"), pt.read_document(d / "gwr_2024.txt"))
    f = c.formulations.set_index("formulation")
    # what the texts show: 新质生产力 appears first in the 2024 report; 疫情防控 is gone from it
    assert f.loc["新质生产力", "status"] == "added" and f.loc["新质生产力", "count_a"] == 0
    assert f.loc["疫情防控", "status"] == "dropped"
    s = c.summary()
    assert s["kept"] + s["changed"] > 100 and s["added"] > 100 and s["dropped"] > 100
