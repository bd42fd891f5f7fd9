"""Quoted formulations kept whole in the coarse granularity (issue #20; policytext.segment.quoted)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.errors import InputError
from policytext.segment import Segmenter
from policytext.segment.quoted import QUOTE_PAIRS, quoted_spans

COARSE = Segmenter()
PLAIN = Segmenter(quoted=False)
WORD = Segmenter(granularity="word")
LOCAL = ("local_documents", "policy_docs_shandong", "local_gov_work_reports_2026", "party_building_articles")
QUOTED = re.compile(r"“([\u4e00-\u9fffA-Za-z0-9]{2,10})”")


def _texts(corpus: Path, limit: int) -> list[str]:
    out = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].split("/")[0] in LOCAL and rec["path"].endswith(".txt"):
            out.append((corpus / rec["path"]).read_text(encoding="utf-8"))
    return out[:limit]


# -- handmade sentences ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("锚定“三高四新”美好蓝图", "三高四新"),
        ("统筹“硬投资”与“软建设”", "软建设"),
        ("深化“放心消费在安徽”行动", "放心消费在安徽"),
        ("构建“个转企、企升规、规改股、股上市”梯度培育机制", "股上市"),
        ("打造“徽动消费”系列活动", "徽动消费"),
        ("他说：“要促进‘科产城人’融合发展”", "科产城人"),  # a name quoted inside a quotation
    ],
)
def test_quoted_formulation_is_one_token(sentence, kept):
    assert kept in COARSE.cut(sentence)
    assert kept not in PLAIN.cut(sentence)  # the rule, not the lexicon, keeps it whole


def test_quoted_sentences_and_long_quotations_are_left_alone():
    cut = COARSE.cut("他说“百年接力，强国有我！”")
    assert "百年接力，强国有我！" not in cut and "百年" in cut
    long = "提出“有事可以坐下来共同商量”的要求"  # 11 characters: a quotation, not a name
    assert COARSE.cut(long) == PLAIN.cut(long)


def test_unclosed_or_mismatched_quotes_merge_nothing():
    assert quoted_spans(["“", "三高", "四新"]) == []
    assert quoted_spans(["“", "三高", "四新", "’"]) == []
    assert quoted_spans(["”", "三高", "四新", "“"]) == []


def test_quoted_rule_is_part_of_the_fingerprint_and_validated():
    assert COARSE.fingerprint != PLAIN.fingerprint
    assert "quoted=False" in repr(PLAIN) and "quoted" not in repr(COARSE)
    with pytest.raises(InputError, match="quoted"):
        Segmenter(quoted="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_chars"):
        quoted_spans(["“", "a", "”"], max_chars=1)


def test_word_granularity_is_unchanged_and_layers_agree():
    s = "统筹“硬投资”与“软建设”，构建“个转企、企升规”机制"
    assert WORD.cut(s) == Segmenter(granularity="word", quoted=False).cut(s)
    assert [p for t in COARSE.tokenize(s) for p in t.parts] == WORD.tokenize(s)


# -- invariants --------------------------------------------------------------------------
_TOKENS = st.lists(
    st.sampled_from(["“", "”", "‘", "’", "、", "，", "三高", "四新", "硬", "投资", "美好生活需要", "+", "的"]),
    max_size=30,
)


@given(_TOKENS)
def test_spans_are_ordered_disjoint_quoted_and_short(words):
    spans = quoted_spans(words)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for i, j in spans:
        assert j - i >= 2 and sum(map(len, words[i:j])) <= 10
        assert all(w not in QUOTE_PAIRS and w not in QUOTE_PAIRS.values() and w not in "，、" for w in words[i:j])
        # an opening mark (or a list separator) before, a closing mark (or a separator) after
        assert words[i - 1] in QUOTE_PAIRS or words[i - 1] == "、"
        assert words[j] in QUOTE_PAIRS.values() or words[j] == "、"


@settings(deadline=None)  # the first example may build the segmenter's engine (about a second)
@given(st.text(alphabet="“”‘’、，三高四新硬投资与软建设的+ ", max_size=40))
def test_coarse_tokens_slice_the_text_and_lose_nothing(text):
    toks = COARSE.tokenize(text)
    assert all(text[t.start : t.end] == t.word for t in toks)
    assert "".join(t.word for t in toks) == "".join(text.split())


# -- real text ------------------------------------------------------------------------------
def test_quoted_names_of_local_documents_are_kept_whole(corpus_dir):
    """Every short quoted name (no punctuation inside) of 40 local documents is one coarse token,
    including the ones the word layer splits; and nothing else the rule merges lies outside quotes."""
    split_by_words = whole = 0
    for text in _texts(corpus_dir, 40):
        spans = {(t.start, t.end) for t in COARSE.tokenize(text)}
        for m in QUOTED.finditer(text):
            word_tokens = [t for t in WORD.tokenize(m.group(1))]
            if len(word_tokens) > 1:
                split_by_words += 1
                whole += (m.start(1), m.end(1)) in spans
        plain = {(t.start, t.end) for t in PLAIN.tokenize(text)}
        for t in COARSE.tokenize(text):
            if (t.start, t.end) not in plain and len(t.parts) > 1:
                assert text[t.start - 1] in "“‘「『、" and text[t.end] in "”’」』、", (t, text[t.start - 5 : t.end + 5])
    assert split_by_words > 50
    assert whole == split_by_words
