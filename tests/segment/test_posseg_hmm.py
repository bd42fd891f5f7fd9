"""The vectorised posseg HMM gives jieba's own answer (policytext.segment.posseg_hmm)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.segment import Segmenter
from policytext.segment.posseg_hmm import PossegHmm, _reference_tag

HMM = PossegHmm.load()
HAN = re.compile("[\u4e00-\u9fd5]")
# common characters, rare ones, characters jieba's model has never seen, and non-Han ones
ALPHABET = st.sampled_from(list("的了是在和中国发展改革数智化县乡镇党建促振兴站室圳㐀龥ab1，。") + ["\U00020000"])


def test_known_words_and_edges() -> None:
    for word in ("数智化", "党建", "一", "圳", "㐀", "龥", "ab", "，"):
        assert HMM.tag(word) == _reference_tag(word), word
    assert HMM.tag("") == "x"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=9))
def test_same_tag_as_jieba_viterbi(word: str) -> None:
    assert HMM.tag(word) == _reference_tag(word)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), min_size=1, max_size=12))
def test_same_tag_on_any_han_string(word: str) -> None:
    assert HMM.tag(word) == _reference_tag(word)


def test_every_unknown_word_of_a_report(corpus_dir: Path) -> None:
    """The words a coarse cut asks the HMM about: the out-of-dictionary Han tokens of real text."""
    seg = Segmenter(granularity="word")
    text = (corpus_dir / "gov_work_reports_national" / "gwr_2024.txt").read_text(encoding="utf-8")
    eng = seg._ensure_backend()
    unknown = sorted({w for w in seg.cut(text) if HAN.search(w) and not eng.has_word(w)})
    assert len(unknown) > 50
    assert [HMM.tag(w) for w in unknown] == [_reference_tag(w) for w in unknown]
