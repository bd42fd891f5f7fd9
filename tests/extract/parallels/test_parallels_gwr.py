"""find_parallels on 2026 provincial Government Work Reports (issue #21, the fresh set of
``tests/data/local_genres_dev/passages_gwr.json``): one test per bug class on a real sentence or
stretch of a report in ``../shared/corpus`` (state documents, read from there), and the tuned part of
the set. The held-out part is scored by ``benchmarks/parallels.py --dev tune,heldout`` only."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.parallel_scoring import Score, score_groups
from policytext.extract.parallels.finder import find_parallels

GWR = "local_gov_work_reports_2026/"


@pytest.fixture(scope="module")
def seg():
    from policytext.segment.defaults import extractor_segmenter

    return extractor_segmenter()


def stretch(corpus_dir: Path, path: str, first: str, last: str) -> str:
    """The lines of a corpus file from the one holding *first* to the one holding *last*."""
    text = (corpus_dir / (GWR + path)).read_bytes().decode("utf-8")
    i, j = text.index(first), text.index(last)
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", j)
    return text[s : e if e >= 0 else len(text)]


def groups(df: pd.DataFrame) -> list[list[str]]:
    return [list(r.items) for r in df.itertuples() if r.kind != "list"]


def has_group(df: pd.DataFrame, items: list[str]) -> bool:
    return any(all(any(x in y for y in g) for x in items) for g in groups(df))


def test_numbered_headings_of_two_clauses_that_open_alike(corpus_dir, seg):
    # Fujian 2026: （七）着力促进…，… （八）着力加强…，… （九）着力践行…，… with paragraphs between
    text = stretch(
        corpus_dir, "2026_fujian_gov_work_report.txt", "（七）着力促进文化繁荣兴盛", "（九）着力践行安全发展理念"
    )
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["着力促进文化繁荣兴盛", "着力加强生态文明建设", "着力践行安全发展理念"]), groups(df)


def test_section_headings_without_a_shared_opening_are_not_a_series(corpus_dir, seg):
    # Liaoning 2026: （三）提升科技创新效能，… （四）以优化营商环境为基础，… (五) … (六) …
    text = stretch(corpus_dir, "2026_liaoning_gov_work_report.txt", "（三）提升科技创新效能", "（六）强化统筹协调")
    df = find_parallels(text, segmenter=seg)
    assert not any(sum(("效能" in x or "全面深化改革" in x or "拓展合作" in x) for x in g) >= 2 for g in groups(df))


def test_headline_sentences_of_successive_paragraphs(corpus_dir, seg):
    # Fujian 2026: 安全形势总体平稳。… / 风险防范有力有效。… / 社会治理全面加强。…
    text = stretch(corpus_dir, "2026_fujian_gov_work_report.txt", "安全形势总体平稳", "社会治理全面加强")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["安全形势总体平稳", "风险防范有力有效", "社会治理全面加强"]), groups(df)


def test_verb_object_leads_of_successive_sentences(corpus_dir, seg):
    # Hunan 2026: 做大总量，…。做优服务，…。做好招引，…
    text = stretch(corpus_dir, "2026_hunan_gov_work_report.txt", "推动外贸外资稳量提质", "推动外贸外资稳量提质")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["做大总量", "做优服务", "做好招引"]), groups(df)


def test_task_verb_opening_far_apart_long_sentences_is_not_anaphora(corpus_dir, seg):
    # Liaoning 2026: 支持沈阳、大连…。支持沈阳打造…。深入实施…。推动…。支持辽西先导区…
    text = stretch(corpus_dir, "2026_liaoning_gov_work_report.txt", "提升“一圈一带两区”发展效能", "支持辽西先导区")
    df = find_parallels(text, segmenter=seg)
    assert not any(any(x.startswith("支持辽西") for x in g) for g in groups(df)), groups(df)


def test_a_marker_inside_a_longer_word_is_kept(seg):
    # found by the property test: 一是一|屏障 (jieba's token 一是一) is not the marker 一是 and a word
    df = find_parallels("一是，一是一屏障", segmenter=seg, min_items=2)
    for r in df.itertuples():
        assert "一屏障" not in r.items, r.items


def test_fresh_gwr_set_tuned_part(corpus_dir, seg):
    from helpers.parallels_dev import load_gwr_dev

    total = Score()
    for p in load_gwr_dev(corpus_dir):
        if p.split != "tune":
            continue
        df = find_parallels(p.text, segmenter=seg)
        total = total + score_groups([(r.kind, r.item_spans) for r in df.itertuples()], p.parallels, p.lists + p.pairs)
    assert total.f1 >= 0.85, str(total)


def line_of(corpus_dir: Path, path: str, anchor: str) -> str:
    """The line of a corpus file holding *anchor*."""
    return stretch(corpus_dir, path, anchor, anchor)


def test_two_character_verb_object_items(corpus_dir, seg):
    # Jiangsu 2026: 因地制宜推动兴业、强县、富民一体发展 (all three tagged as nouns by jieba)
    text = line_of(corpus_dir, "2026_jiangsu_gov_work_report.txt", "兴业、强县、富民")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["兴业", "强县", "富民"]), groups(df)


def test_two_character_common_words_and_places_stay_lists(corpus_dir, seg):
    # 2020 national report: 消费、投资、出口 (common words); Anhui 2026: 黄山、池州、安庆 (places)
    text = (corpus_dir / "gov_work_reports_national/gwr_2020.txt").read_bytes().decode("utf-8")
    i = text.index("消费、投资、出口")
    df = find_parallels(text[text.rfind("\n", 0, i) + 1 : text.find("\n", i)], segmenter=seg)
    assert not has_group(df, ["消费", "投资", "出口"]), groups(df)
    text = line_of(corpus_dir, "2026_anhui_gov_work_report.txt", "黄山、池州、安庆")
    df = find_parallels(text, segmenter=seg)
    assert not has_group(df, ["黄山", "池州", "安庆"]), groups(df)


def test_series_after_an_enumeration_closed_by_deng(corpus_dir, seg):
    # Shanghai 2026: 推动就业安居、教育卫生、养老托幼等公共服务更普惠、更优质、更多样
    text = line_of(corpus_dir, "2026_shanghai_gov_work_report.txt", "更普惠、更优质、更多样")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["更普惠", "更优质", "更多样"]), groups(df)


def test_items_opening_alike_of_different_lengths(corpus_dir, seg):
    # Liaoning 2026: 投早投小投长期投硬科技; Henan 2026: 全域全时全行业
    text = line_of(corpus_dir, "2026_liaoning_gov_work_report.txt", "投早投小投长期投硬科技")
    df = find_parallels(text, segmenter=seg)
    assert any(g[:4] == ["投早", "投小", "投长期", "投硬科技"] for g in groups(df)), groups(df)
    text = line_of(corpus_dir, "2026_henan_gov_work_report.txt", "全域全时全行业")
    df = find_parallels(text, segmenter=seg)
    assert any(g == ["全域", "全时", "全行业"] for g in groups(df)), groups(df)


def test_clauses_sharing_a_verb_and_a_head_of_one_character(corpus_dir, seg):
    # Henan 2026: 做强先进农机装备制造业，做大农产品加工业，做活城乡商贸流通服务业，做优乡村文化旅游业
    text = line_of(corpus_dir, "2026_henan_gov_work_report.txt", "做大农产品加工业")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["做强先进农机装备制造业", "做大农产品加工业", "做活城乡商贸流通服务业"]), groups(df)


def test_counted_items_with_digits_and_different_measure_words(corpus_dir, seg):
    # Guizhou 2026: 新打造省级特色酒庄5个、美酒美食街区5条、五星级白酒体验酒店5家
    text = line_of(corpus_dir, "guizhou_2026_gwr.txt", "美酒美食街区5条")
    df = find_parallels(text, segmenter=seg)
    assert has_group(df, ["酒庄5个", "美酒美食街区5条", "五星级白酒体验酒店5家"]), groups(df)


def test_no_prefix_series_read_late_or_through_glue(corpus_dir, seg):
    # Guizhou 2026: 延链补链强链项目 (a suffix series, not 链补|链强|链项目);
    # Jilin 2026: 把该政府管的事管好管到位 (管的事 holds 的: a clause, not a slogan)
    for path, anchor in (
        ("guizhou_2026_gwr.txt", "延链补链强链"),
        ("2026_jilin_gov_work_report.txt", "管的事管好管到位"),
    ):
        df = find_parallels(line_of(corpus_dir, path, anchor), segmenter=seg)
        assert not any(g[0] in ("链补", "管的事") for g in groups(df)), groups(df)
