"""The fast backend gives the same tokens (and tags) as the jieba backend."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.segment.segmenter import Segmenter

rjieba = pytest.importorskip(
    "rjieba", reason="the optional extra 'fast' (rjieba) is not installed: pip install 'policytext[fast]'"
)

CASES = [
    "采用LTE-V2X技术，电话0532-88999976，网址www.cnki.net。",
    "增长7.5%，3.5%的12-34ab，C++和C#，a&b，A+B。",
    "㐀中文鿰字，𠀀扩展，豈兼容。",
    "2022年GDP增长5.5％左右。\r\n  NB-IoT、5G-V2X",
    "坚持习近平新时代中国特色社会主义思想，推动高质量发展。",
]


@pytest.fixture(scope="module")
def pairs():
    return {hmm: (Segmenter(hmm=hmm), Segmenter(hmm=hmm, backend="rjieba")) for hmm in (True, False)}


@pytest.mark.parametrize("hmm", [True, False])
def test_handmade_parity(pairs, hmm):
    a, b = pairs[hmm]
    for text in CASES:
        assert b.cut(text) == a.cut(text), text
        assert b.tokenize(text, pos=True) == a.tokenize(text, pos=True), text
        assert b.tokenize(text) == a.tokenize(text), text


def test_corrections_are_needed(pairs):
    """The raw rjieba output differs where the docs say; the backend corrects it."""
    a, b = pairs[True]
    raw = b.tokenizer.cut("采用LTE-V2X技术", True)
    assert "LTE-V2X" in raw
    assert b.cut("采用LTE-V2X技术") == a.cut("采用LTE-V2X技术") == ["采用", "LTE", "-", "V2X", "技术"]
    assert b.cut("㐀中") == a.cut("㐀中")


def test_user_words_parity():
    ud = [[("新型专有名词", 50, "nz"), "未给频率的词"]]
    a = Segmenter(user_dicts=ud)
    b = Segmenter(user_dicts=ud, backend="rjieba")
    text = "这是新型专有名词和未给频率的词。"
    assert a.cut(text) == b.cut(text)
    assert "新型专有名词" in b.cut(text) and "未给频率的词" in b.cut(text)


@pytest.mark.slow
def test_parity_over_whole_shared_corpus(corpus_dir):
    """Every file of ../shared/corpus (5.7 M characters, both backends: minutes): identical tokens."""
    a = Segmenter()
    b = Segmenter(backend="rjieba")
    total = same = 0
    bad = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec["path"].endswith(".txt"):  # HTML and Word files are read through their readers, not as text
            continue
        text = (corpus_dir / rec["path"]).read_text(encoding="utf-8")
        ta, tb = a.cut(text), b.cut(text)
        total += len(ta)
        if ta == tb:
            same += len(ta)
        else:
            import difflib

            sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
            same += sum(bl.size for bl in sm.get_matching_blocks())
            ops = [(ta[i1:i2], tb[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]
            bad.append((rec["path"], ops[:3]))
    assert not bad, f"{len(bad)} files differ, agreement {same / total:.5f}: {bad[:5]}"


def _pieces_by_pattern(text: str) -> list[tuple[str, bool]]:
    """The blocks to correct, found with the one regular expression ``_SUSPECT`` (the slow, plain way)."""
    from policytext.segment import backends as b

    out: list[tuple[str, bool]] = []
    last = 0
    m = b._SUSPECT.search(text)
    while m is not None:
        s = m.start()
        while s > last and b._RS_BLOCK_CHAR.match(text, s - 1):
            s -= 1
        e = b._RS_BLOCK_RUN.match(text, m.start()).end()  # type: ignore[union-attr]
        if s > last:
            out.append((text[last:s], False))
        out.append((text[s:e], True))
        last = e
        m = b._SUSPECT.search(text, e)
    if last < len(text):
        out.append((text[last:], False))
    return out or [(text, False)]


SUSPECT_ALPHABET = list("ab1Z9+#&._%-，。 中国㐀龥") + ["\U00020000", "\ufa11", "\ud800"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(SUSPECT_ALPHABET), max_size=14))
def test_fast_suspect_scan_finds_the_same_blocks(text):
    """``_suspects`` (one character class, then a check of the neighbours) splits like ``_SUSPECT``."""
    backend = Segmenter(backend="rjieba")._ensure_backend()
    assert backend._pieces(text) == _pieces_by_pattern(text)


def test_fast_suspect_scan_on_a_report(corpus_dir):
    backend = Segmenter(backend="rjieba")._ensure_backend()
    text = (corpus_dir / "gov_work_reports_national" / "gwr_2024.txt").read_text(encoding="utf-8")
    pieces = backend._pieces(text)
    assert sum(fix for _, fix in pieces) > 20  # percentages and decimals: blocks jieba-rs cuts differently
    assert pieces == _pieces_by_pattern(text)


def test_a_lone_surrogate_before_a_head_is_a_token_of_its_own():
    # word_tag asked jieba-rs about the surrogate and raised UnicodeEncodeError
    for text in ("\ud800室", "服务\ud800中心"):
        fast = Segmenter(backend="rjieba").cut(text)
        assert fast == Segmenter().cut(text) and "\ud800" in fast
