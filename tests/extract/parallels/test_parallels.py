"""find_parallels: handmade cases per kind, the seed, the development set, offsets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.parallel_scoring import covered, items_match, score_groups
from helpers.spec_locate import locate_items
from policytext.corpus.corpus import Corpus
from policytext.corpus.document import Document
from policytext.errors import InputError
from policytext.extract.parallels.finder import (
    COLUMNS,
    find_parallels,
    format_for_terminal,
)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def seg():
    from policytext.segment.defaults import extractor_segmenter

    return extractor_segmenter()


def groups(df: pd.DataFrame, kind: str | None = None) -> list[list[str]]:
    return [list(r.items) for r in df.itertuples() if kind is None or r.kind == kind]


def assert_slices(text: str, df: pd.DataFrame) -> None:
    for r in df.itertuples():
        assert r.n_items == len(r.items) == len(r.item_spans)
        assert r.start == min(s for s, _ in r.item_spans) and r.end == max(e for _, e in r.item_spans)
        for (s, e), item in zip(r.item_spans, r.items):
            assert text[s:e] == item and e > s
        spans = sorted(r.item_spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "items of one group overlap"


# ---------------------------------------------------------------- handmade, one per kind
# (texts written for these tests; none is a sentence of the seed)


def test_shared_prefix_and_suffix_frames(seg):
    text = "要着力提升科技创新力、产业竞争力、文化软实力，不断满足人民日益增长的需要。"
    df = find_parallels(text, segmenter=seg)
    assert_slices(text, df)
    row = df[df.kind == "frame"].iloc[0]
    assert row["items"] == ["科技创新力", "产业竞争力", "文化软实力"]
    assert row["frame"].endswith("力")


def test_infix_frame_first_item_trimmed(seg):
    text = "切实解决基础不牢、底数不清、责任不明的问题。"
    df = find_parallels(text, segmenter=seg)
    assert groups(df, "frame") == [["基础不牢", "底数不清", "责任不明"]]
    assert df.iloc[0]["frame"] == "{}不{}"


def test_matched_without_literal_and_aa_type(seg):
    text = "推动各项工作齐抓共管、统筹推进、协同发力，做到人人参与、处处受益、时时见效。"
    df = find_parallels(text, segmenter=seg)
    got = groups(df, "matched")
    assert ["人人参与", "处处受益", "时时见效"] in got
    assert any(g[1:] == ["统筹推进", "协同发力"] for g in got)


def test_no_separator_repetition(seg):
    text = "把群众的急事难事烦心事办好，让服务真正快起来好起来暖起来。"
    df = find_parallels(text, segmenter=seg)
    assert ["快起来", "好起来", "暖起来"] in groups(df)
    assert df[df["items"].apply(lambda x: x == ["快起来", "好起来", "暖起来"])].iloc[0]["level"] == "word"


def test_clause_anaphora(seg):
    text = "我们要坚持依法行政，坚持科学决策，坚持政务公开，坚持接受监督，努力建设人民满意的政府。"
    df = find_parallels(text, segmenter=seg)
    row = df[df.kind == "anaphora"].iloc[0]
    assert row["items"] == ["坚持依法行政", "坚持科学决策", "坚持政务公开", "坚持接受监督"]
    assert row["frame"] == "坚持{}"


def test_far_apart_sentence_openings(seg):
    text = (
        "守住耕地红线。各地要把责任落实到田块，严格执法监督。守住生态红线。"
        "加快修复受损的河湖湿地，开展专项整治。守住安全底线。排查风险，消除隐患。"
    )
    df = find_parallels(text, segmenter=seg)
    row = df[df.kind == "anaphora"].iloc[0]
    assert row["items"] == ["守住耕地红线", "守住生态红线", "守住安全底线"]
    assert row["level"] == "sentence"


def test_paragraph_headings(seg):
    text = (
        "——坚持以质量为先。提高产品和服务标准。\n——坚持以创新为要。加大研发投入。\n——坚持以开放促改革。扩大市场准入。\n"
    )
    df = find_parallels(text, segmenter=seg)
    row = df[df.level == "paragraph"].iloc[0]
    assert [i[:5] for i in row["items"]] == ["坚持以质量", "坚持以创新", "坚持以开放"]


def test_nesting(seg):
    text = (
        "以更扎实的作风和更有力的措施稳就业保民生，以更开阔的视野和更务实的态度引项目育产业，"
        "以更严格的标准和更细致的服务优环境聚人心。"
    )
    df = find_parallels(text, segmenter=seg)
    outer = [g for g in groups(df) if len(g) == 3 and g[0].startswith("以更")]
    assert outer and outer[0][0].endswith("稳就业保民生")
    assert ["稳就业保民生", "引项目育产业", "优环境聚人心"] in groups(df)


def test_couplets_only_with_min_items_2(seg):
    text = "要做到心中有数、手中有策。"
    assert len(find_parallels(text, segmenter=seg)) == 0
    df = find_parallels(text, min_items=2, segmenter=seg)
    assert ["心中有数", "手中有策"] in groups(df)


def test_plain_noun_list_is_list_or_absent(seg):
    text = "加强学校、医院、图书馆建设。"
    df = find_parallels(text, segmenter=seg)
    assert all(k == "list" for k in df.kind)


def test_unrelated_clauses_are_not_parallel(seg):
    text = "今年经济运行总体平稳，物价水平基本稳定，但是部分企业经营仍然困难，我们必须高度重视。"
    df = find_parallels(text, segmenter=seg)
    assert (df.kind != "list").sum() == 0


def test_empty_and_bad_input(seg):
    df = find_parallels("", segmenter=seg)
    assert list(df.columns) == COLUMNS and len(df) == 0
    with pytest.raises(InputError, match="min_items"):
        find_parallels("文本", min_items=1, segmenter=seg)
    with pytest.raises(InputError):
        find_parallels(42, segmenter=seg)  # type: ignore[arg-type]


def test_sources_and_doc_ids(seg):
    a = "提升获得感、幸福感、安全感。"
    docs = [Document(doc_id="x", text=a), Document(doc_id="y", text="无关的一句话。")]
    corpus = Corpus(docs)
    df = find_parallels(corpus, segmenter=seg)
    assert df.doc_id.tolist() == ["x"]
    # the tagged tokens are cached on the corpus and give the same answer
    again = find_parallels(corpus, segmenter=seg)
    pd.testing.assert_frame_equal(df, again)
    assert find_parallels([a, a], segmenter=seg).doc_id.tolist() == [0, 1]


def test_deterministic(seg):
    text = "做到条条落实、件件落地、事事见效，推动思想上破冰、行动上突破、成效上提升。"
    pd.testing.assert_frame_equal(find_parallels(text, segmenter=seg), find_parallels(text, segmenter=seg))


def test_format_for_terminal(seg):
    df = find_parallels("推动服务项目、服务方式、服务水平全面提升。", segmenter=seg)
    out = format_for_terminal(df)
    lines = out.splitlines()
    assert "服务{}" in lines[1]
    assert [line.strip() for line in lines[2:5]] == ["服务项目", "服务方式", "服务水平"]
    assert format_for_terminal(df.iloc[0:0]).startswith("no parallel")


# ---------------------------------------------------------------- invariants

_FRAGMENTS = [
    "获得感",
    "、",
    "，",
    "。",
    "坚持",
    "推进",
    "改革",
    "发展",
    "起来",
    "\n",
    "——",
    "一是",
    "政治",
    "力",
    "“",
    "”",
    "（",
    "）",
    " ",
    "更高",
    "质量",
    "的",
    "和",
    "不",
    "事事",
    "见效",
    "2024年",
    "A",
    ";",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=0, max_size=40))
def test_offsets_slice_back_on_random_text(seg, parts):
    text = "".join(parts)
    for m in (2, 3):
        df = find_parallels(text, min_items=m, segmenter=seg)
        assert_slices(text, df)
        assert (df.n_items >= m).all()
        # one row per distinct group
        assert len({tuple(map(tuple, s)) for s in df.item_spans}) == len(df)


def test_offsets_slice_back_on_corpus(sample_corpus, seg):
    docs = [d for d in sample_corpus if d.meta.get("year") in (1980, 2005, 2024)] or list(sample_corpus)[:3]
    df = find_parallels(Corpus(docs), segmenter=seg)
    assert len(df) > 50
    texts = {d.doc_id: d.text for d in docs}
    for doc_id, sub in df.groupby("doc_id"):
        assert_slices(texts[doc_id], sub)


# ---------------------------------------------------------------- the seed


def test_seed(seed_doc, seed_expected, seg):
    text = seed_doc.text
    gold = [locate_items(text, g["items"], g.get("context")) for g in seed_expected["parallels"]]
    lists = [locate_items(text, g["items"], g.get("context")) for g in seed_expected["lists"]]
    df = find_parallels(seed_doc, segmenter=seg)
    assert_slices(text, df)
    s = score_groups([(r.kind, r.item_spans) for r in df.itertuples()], gold, lists)
    missed = [seed_expected["parallels"][i]["items"] for i in s.missed]
    assert s.found >= 24, (str(s), missed)
    assert s.wrong <= 3, str(s)


def test_seed_couplets(seed_doc, seed_expected, seg):
    text = seed_doc.text
    pairs = [locate_items(text, p) for p in seed_expected["pairs"]]
    df = find_parallels(seed_doc, min_items=2, segmenter=seg)
    credited = [r.item_spans for r in df.itertuples() if r.kind != "list"]
    found = sum(any(covered(p, g) for g in credited) for p in pairs)
    # couplets are harder than triples (two items share less); two thirds must be found
    assert found * 3 >= 2 * len(pairs), f"{found}/{len(pairs)} couplets"


# ---------------------------------------------------------------- the development set


def test_dev_set_f1(corpus_dir, seg):
    from helpers.parallels_dev import load_dev

    total = None
    genres = set()
    for p in load_dev(corpus_dir):
        genres.add(p.genre)
        df = find_parallels(p.text, segmenter=seg)
        assert_slices(p.text, df)
        s = score_groups([(r.kind, r.item_spans) for r in df.itertuples()], p.parallels, p.lists)
        total = s if total is None else total + s
    assert {"government_work_report", "congress_report", "speech", "party_building"} <= genres
    assert total is not None and total.f1 >= 0.8, str(total)


# ---------------------------------------------------------------- scorer and generality


def test_scorer_rule():
    assert items_match((0, 6), (3, 10)) and not items_match((0, 6), (4, 10))
    gold = [[(0, 2), (3, 5), (6, 8)]]
    s = score_groups([("frame", [(0, 2), (3, 5)]), ("list", [(0, 2), (3, 5), (6, 8)])], gold)
    assert s.found == 1 and s.n_pred == 0  # two of three items is two thirds; lists are not counted
    s = score_groups([("matched", [(20, 22), (23, 25), (26, 28)])], gold, [[(20, 22), (23, 25), (26, 28)]])
    assert (s.found, s.neutral, s.wrong) == (0, 1, 0)


def test_code_does_not_key_on_seed_words(seed_expected):
    src = "".join(p.read_text(encoding="utf-8") for p in (REPO / "src/policytext/extract").glob("parallels*.py"))
    code = re.sub(r'""".*?"""', "", src, flags=re.S)  # docstrings may quote examples
    code = re.sub(r"#.*", "", code)
    words = {w for g in seed_expected["parallels"] for w in g["items"]}
    frames = {g["frame"].replace("{}", "") for g in seed_expected["parallels"]}
    leaked = sorted(w for w in words | frames if len(w) >= 2 and w in code)
    assert not leaked, leaked


def test_cli_table_and_csv(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("全面提升服务项目、服务方式、服务水平。\n", encoding="utf-8")
    env_py = sys.executable

    def run(*a):
        return subprocess.run(
            [env_py, "-m", "policytext", "extract", "parallels", *a],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        )

    r = run(str(f))
    assert r.returncode == 0, r.stderr
    assert "服务{}" in r.stdout and "服务水平" in r.stdout
    out = tmp_path / "p.csv"
    r = run(str(f), "-o", str(out))
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(out)
    assert df.loc[0, "frame"] == "服务{}"


def test_a_long_run_of_one_character_is_linear_work():
    """0.1 took 1.9 s for 250 repeated characters, 11.8 s for 500 and over 60 s for 1,000 (cubic in the run).

    A guard, not a speed test: the bound is generous, the old code misses it by far.
    """
    code = "import policytext as pt; print(len(pt.find_parallels('抓' + '党' * 4000 + '促发展。')))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) == 0  # one repeated character is no series
