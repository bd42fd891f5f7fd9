"""normalize, split_sentences and split_clauses: handmade cases and invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policytext._util.lexicon_files import lexicon_path, read_lexicon_lines
from policytext.corpus.text import (
    normalize,
    sentences_around,
    split_clauses,
    split_sentences,
    to_simplified,
)

# Text made of the characters that matter: Han, punctuation of both widths, quotes,
# brackets, digits, Latin letters, spaces of every kind and line breaks.
ALPHABET = (
    "党建促乡村振兴学出理想信念一二三是第"
    "。！？；…，、：“”《》（）()「」,.;:!?\"' "
    "\u00a0\u3000\t\n\r"
    "0123456789ＡＢＣ１２３abcXYZ%"
)
texts = st.text(alphabet=ALPHABET, max_size=300)


def _check_spans(text, spans):
    last_end = 0
    covered = set()
    for sp in spans:
        assert sp.start >= last_end, "spans overlap or are out of order"
        assert sp.start < sp.end
        assert text[sp.start : sp.end] == sp.text
        assert sp.text == sp.text.strip(), "spans are trimmed"
        covered.update(range(sp.start, sp.end))
        last_end = sp.end
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered, f"character {ch!r} at {i} not covered"


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentence_spans_invariants(text):
    _check_spans(text, split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=0, max_value=300))
def test_sentences_around_are_the_lines_sentences_of_split_sentences(text, pos):
    pos = min(pos, len(text))
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    expected = [(s.text, s.start, s.end) for s in split_sentences(text) if a <= s.start and s.end <= b]
    assert [(s.text, s.start, s.end) for s in sentences_around(text, pos)] == expected


def test_sentences_around_rejects_an_offset_outside_the_text():
    import pytest

    with pytest.raises(ValueError, match="outside the text"):
        sentences_around("一句话。", 9)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_clause_spans_invariants(text):
    clauses = split_clauses(text)
    _check_spans(text, clauses)
    # every clause lies inside one sentence
    sentences = split_sentences(text)
    for c in clauses:
        assert any(s.start <= c.start and c.end <= s.end for s in sentences)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_normalize_preserves_length(text):
    assert len(normalize(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


def test_normalize_cases():
    assert normalize("所思所想所需,优化组织工作") == "所思所想所需，优化组织工作"
    assert normalize("党委(党组)第一议题") == "党委（党组）第一议题"
    assert normalize("ＧＤＰ增长５．２%") == "GDP增长5．2%"
    assert normalize("成功?未来") == "成功？未来"
    assert normalize("a, b; c: d") == "a, b; c: d"  # Latin text keeps its punctuation
    assert normalize("1,000,000") == "1,000,000"
    assert normalize("\u00a0\u00a0以史为鉴\u3000") == "  以史为鉴 "


def test_sentences_keep_closing_quotes():
    text = "深刻回答了“我们为什么能够成功？”。要坚持。”他说。"
    assert [s.text for s in split_sentences(text)] == ["深刻回答了“我们为什么能够成功？”。", "要坚持。”", "他说。"]


def test_sentences_line_breaks_and_no_stop():
    # Five-Year Plans in the corpus have one sentence per line and no 。
    text = "加快发展现代农业\n  推进新农村建设\n\n提高农民收入"
    assert [s.text for s in split_sentences(text)] == ["加快发展现代农业", "推进新农村建设", "提高农民收入"]


def test_sentences_ellipsis_and_ascii():
    text = "学出理想信念……学出对党忠诚! Then English. 完"
    got = [s.text for s in split_sentences(text)]
    assert got[0] == "学出理想信念……"
    assert got[1] == "学出对党忠诚!"


def test_sentences_enumeration_markers():
    text = "主要任务是：一是加强党的建设，二是推动高质量发展；三是保障民生"
    got = [s.text for s in split_sentences(text)]
    assert got == ["主要任务是：", "一是加强党的建设，", "二是推动高质量发展；", "三是保障民生"]
    text2 = "重点工作：（一）稳增长（二）促改革"
    assert [s.text for s in split_sentences(text2)][:2] == ["重点工作：", "（一）稳增长（二）促改革"]
    # 统一是 is not an enumeration marker
    assert len(split_sentences("思想统一是前提，行动一致是关键")) == 1


def test_clauses_respect_quotes_and_brackets():
    text = "深化“党建引领、服务贴心”行动，完善党委（党组）第一议题、中心组学习等制度；建立《条例，细则》机制。"
    got = [c.text for c in split_clauses(text)]
    assert got == [
        "深化“党建引领、服务贴心”行动，",
        "完善党委（党组）第一议题、",
        "中心组学习等制度；",
        "建立《条例，细则》机制。",
    ]


def test_clauses_of_the_seed_sentence(seed_doc):
    sentence = next(s for s in split_sentences(seed_doc.text) if s.text.startswith("学出理想信念"))
    assert sentence.text == "学出理想信念。"
    clauses = split_clauses(seed_doc.text)
    assert any(c.text == "跑起来、" for c in clauses)


# --- to_simplified -------------------------------------------------------------


def test_to_simplified_on_the_1950s_script():
    assert to_simplified("我們的國家正在發展，經濟建設的計劃") == "我们的国家正在发展，经济建设的计划"
    # characters that are also standard simplified ones are left alone
    assert to_simplified("乾隆年间，於姓人家") == "乾隆年间，於姓人家"


def test_to_simplified_table_is_one_character_for_one():
    path = lexicon_path("traditional_to_simplified.tsv")
    header = path.read_text(encoding="utf-8").splitlines()[:5]
    assert any("OpenCC" in line and "Apache-2.0" in line for line in header), "provenance and licence are stated"
    rows = read_lexicon_lines(path)
    assert len(rows) > 3000
    for n, line in rows:
        trad, simp = line.split("\t")
        assert len(trad) == 1 and len(simp) == 1 and trad != simp, (n, line)
    # applying it twice changes nothing more: no simplified result is itself a key
    keys = {line.split("\t")[0] for _, line in rows}
    assert not {line.split("\t")[1] for _, line in rows} & keys


@settings(max_examples=200)
@given(st.text(alphabet=ALPHABET + "們國發經這個會與為後髮乾於", max_size=200))
def test_to_simplified_keeps_length_and_is_idempotent(text):
    out = to_simplified(text)
    assert len(out) == len(text)
    assert to_simplified(out) == out
    assert all(a == b for a, b in zip(text, out) if a in ALPHABET)


def test_simplified_corpus_text_passes_unchanged(sample_corpus):
    for d in sample_corpus:
        if d.meta.get("year") not in (1954, 1957):
            changed = sum(a != b for a, b in zip(d.text, to_simplified(d.text)))
            # only the odd traditional heading or character of a simplified report (gwr_1955: 第一個五年計劃)
            assert changed <= len(d.text) / 2000, (d.doc_id, changed)
