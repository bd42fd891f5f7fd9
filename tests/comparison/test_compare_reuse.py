"""find_reuse(): near-verbatim copies with local edits, offsets, merged sections, boilerplate, bad input."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext import Document
from policytext.comparison import find_reuse
from policytext.comparison.reuse import REUSE_COLUMNS
from policytext.errors import InputError, MissingExtraError

CENTRAL = (
    "为做好当前和今后一个时期稳就业工作，各地区各部门要深入贯彻落实党中央、国务院决策部署，把稳就业摆在更加突出位置，"
    "落实落细就业优先政策，加大对重点群体就业的支持力度，确保就业形势总体稳定。"
)
FILLER_A = "今年以来，我国经济运行总体平稳，发展质量稳步提升。"
FILLER_B = "本市将结合实际，认真组织实施，确保各项任务落到实处。"


def _check_offsets(df, texts_a, texts_b):
    for r in df.itertuples():
        assert texts_a[r.doc_a][r.a_start : r.a_end] == r.a_text
        assert texts_b[r.doc_b][r.b_start : r.b_end] == r.b_text


def test_columns_and_offsets_of_a_substituted_copy():
    local = CENTRAL.replace("各地区各部门", "各市各有关部门")
    a, b = FILLER_A + CENTRAL, FILLER_B + local
    df = find_reuse([a, b], min_chars=30)
    assert list(df.columns[: len(REUSE_COLUMNS)]) == list(REUSE_COLUMNS)
    assert len(df) == 1
    row = df.iloc[0]
    assert row.similarity >= 0.9 and 0 < row.n_edits <= 6
    assert row.a_text.endswith("确保就业形势总体稳定。") and row.b_text.endswith("确保就业形势总体稳定。")
    assert "各地区各部门" in row.a_text and "各市各有关部门" in row.b_text
    assert row.a_start <= len(FILLER_A) + 2
    _check_offsets(df, [a, b], [a, b])


def test_an_inserted_local_name_keeps_one_passage():
    local = CENTRAL.replace("落实落细就业优先政策", "济南市、青岛市要落实落细就业优先政策")
    df = find_reuse([CENTRAL], [local], min_chars=40)
    assert len(df) == 1
    assert "济南市、青岛市" in df.iloc[0].b_text
    _check_offsets(df, [CENTRAL], [local])


def test_reordered_list_items_are_one_row():
    items = [
        "加强组织领导，压实各级责任",
        "强化政策支持，加大资金投入",
        "注重宣传引导，营造良好氛围",
        "严格督促检查，确保取得实效",
    ]
    a = "为做好这项工作，提出以下要求：" + "；".join(items) + "。"
    b = "结合本地实际，提出以下要求：" + "；".join([items[2], items[0], items[3], items[1]]) + "。"
    df = find_reuse([a], [b], min_chars=30)
    assert len(df) == 1
    row = df.iloc[0]
    for item in items:
        assert item in row.a_text and item in row.b_text
    _check_offsets(df, [a], [b])


def test_unrelated_texts_share_nothing():
    df = find_reuse([CENTRAL * 2, "今天天气很好，我们去公园散步，看到了很多美丽的花朵和高大的树木。" * 3], min_chars=20)
    assert df.empty and list(df.columns) == list(REUSE_COLUMNS)


def test_documents_keep_their_ids_and_doc_a_is_the_earlier():
    docs = [Document("国办发", FILLER_A + CENTRAL), Document("鲁政发", FILLER_B + CENTRAL)]
    df = find_reuse(docs, min_chars=30)
    assert (df.iloc[0].doc_a, df.iloc[0].doc_b) == ("国办发", "鲁政发")


def test_lsh_and_all_pairs_find_the_same_copy():
    texts = [
        FILLER_A * 3 + CENTRAL,
        FILLER_B * 3,
        "完全无关的文字内容。" * 10,
        FILLER_B + CENTRAL.replace("各地区", "各县区"),
    ]
    lsh = find_reuse(texts, min_chars=40, candidates="lsh")
    every = find_reuse(texts, min_chars=40, candidates="all")
    key = ["doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end"]
    assert lsh[key].values.tolist() == every[key].values.tolist()
    assert set(zip(every.doc_a, every.doc_b)) == {(0, 3)}


@pytest.mark.parametrize("candidates", ["lsh", "all"])
def test_two_worker_processes_give_the_same_rows(sample_corpus, candidates):
    # real reports cut into pieces that share passages (consecutive reports repeat each other)
    texts = [d.text[i : i + 1500] for d in list(sample_corpus)[-8:] for i in range(0, min(len(d.text), 9000), 1500)]
    one = find_reuse(texts, candidates=candidates)
    two = find_reuse(texts, candidates=candidates, n_jobs=2)
    assert len(one) > 10
    pd.testing.assert_frame_equal(one, two)


def test_boilerplate_shared_by_many_documents_is_flagged():
    tail = "现将《实施方案》印发给你们，请结合实际认真贯彻执行，执行中遇到的问题请及时报告。"
    bodies = [
        "关于加快发展数字经济的通知，要推进数字产业化和产业数字化，建设数字中国。",
        "关于做好春季农业生产工作的通知，要抓好粮食生产，稳定播种面积，提高单产水平。",
        "关于加强安全生产工作的通知，要压实企业主体责任，深入排查整治各类隐患。",
        "关于推进城市更新行动的通知，要改造老旧小区，完善基础设施和公共服务设施。",
        "关于促进消费持续恢复的通知，要稳定大宗消费，培育新型消费，改善消费环境。",
    ]
    texts = [b + tail for b in bodies]
    texts[4] = texts[4] + CENTRAL
    texts[0] = texts[0] + CENTRAL.replace("各地区各部门", "各市各有关部门")
    df = find_reuse(texts, min_chars=30, boilerplate_share=0.5)
    tails = df[df.a_text.str.contains("印发给你们") & ~df.a_text.str.contains("就业")]
    assert len(tails) == 9 and tails.boilerplate.all() and (tails.shared_by == 5).all()
    # documents 0 and 4 share the tail and the copied passage after it: one passage, judged by the median of
    # its shingles, most of which only these two documents hold
    copied = df[df.a_text.str.contains("就业优先")]
    assert len(copied) == 1 and not copied.boilerplate.any() and copied.iloc[0].shared_by == 2


@pytest.mark.parametrize(
    "kwargs,word",
    [
        ({"min_chars": 0}, "min_chars"),
        ({"min_similarity": 1.5}, "min_similarity"),
        ({"k": 1}, "k"),
        ({"candidates": "some"}, "candidates"),
        ({"threshold": 0}, "threshold"),
        ({"num_perm": 1}, "num_perm"),
        ({"boilerplate_share": 0}, "boilerplate_share"),
        ({"n_jobs": 0}, "n_jobs"),
        ({"n_jobs": 1.5}, "n_jobs"),
    ],
)
def test_bad_arguments_name_the_argument(kwargs, word):
    with pytest.raises(InputError, match=word):
        find_reuse([CENTRAL, CENTRAL], **kwargs)


def test_a_single_document_empty_documents_and_empty_lists_give_empty_frames():
    for source, other in [([CENTRAL], None), (["", ""], None), ([], None), ([CENTRAL], []), (["", CENTRAL], [""])]:
        df = find_reuse(source, other, min_chars=10)
        assert df.empty and list(df.columns) == list(REUSE_COLUMNS)


def test_a_bad_source_names_the_argument():
    with pytest.raises(InputError, match="other"):
        find_reuse([CENTRAL], 7)


def test_missing_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "datasketch", None)
    with pytest.raises(MissingExtraError, match=r"policytext\[compare\]"):
        find_reuse([CENTRAL] * 60, min_chars=20, candidates="lsh")


def test_same_input_same_output():
    texts = [FILLER_A + CENTRAL, FILLER_B + CENTRAL[::-1], FILLER_B + CENTRAL.replace("就业", "就业创业")]
    assert find_reuse(texts, min_chars=20, candidates="lsh").equals(find_reuse(texts, min_chars=20, candidates="lsh"))


PIECES = st.sampled_from(
    [
        CENTRAL,
        CENTRAL[:40],
        CENTRAL[30:],
        FILLER_A,
        FILLER_B,
        "各市各有关部门",
        "济南市",
        "\n",
        "；",
        "，",
        "  ",
        "一二三",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=6).map("".join), min_size=1, max_size=4), st.integers(2, 60))
def test_offsets_always_slice_to_the_texts(texts, min_chars):
    df = find_reuse(texts, min_chars=min_chars, min_similarity=0.5)
    for r in df.itertuples():
        assert texts[r.doc_a][r.a_start : r.a_end] == r.a_text
        assert texts[r.doc_b][r.b_start : r.b_end] == r.b_text
        assert min(len(r.a_text), len(r.b_text)) >= min_chars
        assert 0.5 <= r.similarity <= 1 and r.n_edits >= 0
