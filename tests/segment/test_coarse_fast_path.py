"""The coarse ``cut`` path (one scan of the tokens, memos of per-token rules, one forward join) gives
what the plain composition of its rules gives: head compounds found with a fresh memo, quoted
formulations found by their marks, spans joined by slice assignment, whitespace tokens filtered last.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext.segment.compounds import EndMemo
from policytext.segment.coordination import coordinated_spans
from policytext.segment.programmes import programme_spans
from policytext.segment.quoted import quoted_spans
from policytext.segment.segmenter import Segmenter, _joined

BACKEND = "rjieba"
try:
    import rjieba  # noqa: F401
except ImportError:  # the same tokens either way (tests/segment/test_segment_rjieba.py)
    BACKEND = "jieba"

COARSE = Segmenter(backend=BACKEND)
FINE = Segmenter(backend=BACKEND, granularity="fine")
# heads, tails spelled by two tokens (先行 + 区), modifiers, verbs, quotes, whitespace, symbols and characters
# jieba-rs alone counts as Han; no lone surrogate: the head rules may ask its tag, and the rjieba backend's
# word_tag raises UnicodeEncodeError on one (a separate, older problem)
ALPHABET = [
    *"乡镇综合文化站服务中心党员活动室建设加强平台机制示范区点国家级的和、。“”‘’「」 \n\t+-.%5aZ",
    "\u3000",
    "\r\n",
    "\U00020000",
    "\u3400",
    "示范",
    "先行",
    "创新",
    "乱",
    "检查",
    "查封",
    "与",
]


def _reference_cut(seg: Segmenter, text: str) -> list[str]:
    """The coarse cut as the rules compose: a fresh memo per call, quotes, programme
    names and coordinated items from a scan of every token."""
    words = seg._ensure_backend().cut(text)
    assert seg.heads is not None
    heads = seg.heads.merge_spans(
        words, seg._word_tag, EndMemo(), known=seg._ensure_backend().has_word, lead=seg._lead_tag
    )
    quoted = quoted_spans(words)
    taken = {k for i, j in quoted for k in range(i, j)}
    named = programme_spans(words, stops=seg.heads.stops)
    programmes = [(i, j) for i, j in named if not taken.intersection(range(i, j))]
    taken.update(k for i, j in programmes for k in range(i, j))
    heads = [(i, j) for i, j in heads if not taken.intersection(range(i, j))]
    taken.update(k for i, j in heads for k in range(i, j))
    items = coordinated_spans(words, seg._word_tag, seg.heads.stops)
    spans = sorted(quoted + programmes + heads + [(i, j) for i, j in items if not taken.intersection(range(i, j))])
    for i, j in reversed(spans):
        words[i:j] = ["".join(words[i:j])]
    return list(filter(str.strip, words))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_coarse_cut_equals_the_rules_composed(text):
    # COARSE is long-lived: its memos were filled by earlier examples, the reference starts empty each time
    assert COARSE.cut(text) == _reference_cut(COARSE, text)
    assert COARSE.cut(text) == [t.word for t in COARSE.tokenize(text)]
    assert FINE.cut(text) == [t.word for t in FINE.tokenize(text)]


def test_coarse_cut_equals_the_rules_composed_on_real_text(corpus_dir: Path):
    texts = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].endswith(".txt"):
            texts.append((corpus_dir / rec["path"]).read_text(encoding="utf-8"))
    for text in random.Random(20).sample(texts, 12):
        assert COARSE.cut(text) == _reference_cut(COARSE, text)


def test_a_head_spelled_by_two_tokens_does_not_leak_into_the_memo():
    # 先行 + 区 is a head (先行区), 区 alone is none: the memo remembers only what depends on the token alone
    texts = ["创建省级示范区和先行区", "各区县、先行区", "本区和先行", "区"]
    for order in (texts, texts[::-1]):
        seg = Segmenter(backend=BACKEND)
        assert [seg.cut(t) for t in order] == [_reference_cut(seg, t) for t in order]
    assert "先行区" in COARSE.cut(texts[0])


def test_joined_is_slice_assignment_then_a_whitespace_filter():
    rnd = random.Random(7)
    for _ in range(3000):
        n = rnd.randrange(12)
        words = [rnd.choice(["a", " ", "b", "", "\n", "c ", "\u3000"]) for _ in range(n)]
        spans, k = [], 0
        while k < n:
            if rnd.random() < 0.3 and n - k >= 2:
                width = rnd.randrange(2, min(4, n - k) + 1)
                spans.append((k, k + width))
                k += width
            else:
                k += 1
        blanks = [i for i, w in enumerate(words) if not w.strip()]
        expected = list(words)
        for i, j in reversed(spans):
            expected[i:j] = ["".join(expected[i:j])]
        assert _joined(words, spans, blanks) == list(filter(str.strip, expected)), (words, spans)


def test_memo_is_reset_when_pickled():
    import pickle

    seg = Segmenter(backend=BACKEND)
    text = "建好乡镇综合文化站和县级融媒体中心"
    before = seg.cut(text)
    assert seg._end_memo.alone and seg._end_memo.modifier
    back = pickle.loads(pickle.dumps(seg))
    assert not back._end_memo.seen and not back._end_memo.alone and not back._end_memo.modifier
    assert back.cut(text) == before
