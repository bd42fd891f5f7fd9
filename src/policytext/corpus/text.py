"""Length-preserving normalization and sentence / clause splitting.

Everything here keeps character offsets: :func:`normalize` maps one character to
one character, and the splitters return :class:`Span` objects whose ``start`` and
``end`` index the string you passed, so ``text[span.start:span.end] == span.text``.

>>> from policytext.corpus.text import normalize, split_sentences
>>> normalize("稳中求进,守正创新")
'稳中求进，守正创新'
>>> [s.text for s in split_sentences("学出理想信念。学出对党忠诚！")]
['学出理想信念。', '学出对党忠诚！']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError

__all__ = [
    "Span",
    "is_han",
    "normalize",
    "sentences_around",
    "split_clauses",
    "split_paragraphs",
    "split_sentences",
    "to_simplified",
]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text with its character offsets (``text == source[start:end]``)."""

    text: str
    start: int
    end: int

    def __len__(self) -> int:  # pragma: no cover - trivial
        return self.end - self.start


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block, extension A/B+, compatibility)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F or 0xF900 <= o <= 0xFAFF


_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACE_TABLE = {ord(c): " " for c in _SPACES}
_FULLWIDTH_TABLE = {
    o: o - 0xFEE0 for o in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))
}
# Kangxi radicals (U+2F00-U+2FD5) and CJK radical-supplement forms that a PDF's font maps its glyphs to (⼈ for 人,
# ⻅ for 见): in running text they stand for the ideograph they print. The Kangxi block by its compatibility
# mapping (NFKC), the supplement's forms that are simplified characters or whole characters by hand.
_KANGXI_TABLE = {o: ord(unicodedata.normalize("NFKC", chr(o))) for o in range(0x2F00, 0x2FD6)}
_RADICAL_FORMS = (
    "⺟母⺠民⺩王⺧牛⺮竹⺶羊⺼月⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻐金⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻡首⻢马⻣骨⻤鬼⻥鱼"
    "⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟"
)
_RADICAL_FORM_TABLE = {ord(_RADICAL_FORMS[i]): ord(_RADICAL_FORMS[i + 1]) for i in range(0, len(_RADICAL_FORMS), 2)}
#: ``str.translate`` table from radical code points to the ideographs they print (⼈ → 人, ⻅ → 见)
RADICAL_TABLE: dict[int, int] = {**_KANGXI_TABLE, **_RADICAL_FORM_TABLE}
_TABLE: dict[int, int | str] = {**_SPACE_TABLE, **_FULLWIDTH_TABLE, **RADICAL_TABLE}
_CHAR_MAP = {chr(k): (chr(v) if isinstance(v, int) else v) for k, v in _TABLE.items()}
_MAP_RE = re.compile("[" + "".join(_CHAR_MAP) + "]")
_ASCII_PUNCT_RE = re.compile(r"[,;:?!()]")


def _map_char(m: re.Match[str]) -> str:
    return _CHAR_MAP[m.group(0)]


_ASCII_TO_CJK = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Chinese punctuation that may stand next to converted ASCII punctuation.
_CJK_OPEN = "“‘《（「『【〔"
_CJK_CLOSE = "”’》）」』】〕。！？；：，、…"


def _hanish_left(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_CLOSE


def _hanish_right(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_OPEN


def normalize(text: str) -> str:
    """Normalize *text* one character for one, so offsets stay valid.

    - no-break, ideographic and other typographic spaces become ``" "``;
    - full-width ASCII letters and digits become half-width (ＡＢ１２ → AB12);
    - Kangxi radicals and radical forms that a PDF's font maps its glyphs to become the ideographs they
      print (⼈⼯智能 → 人工智能, 意⻅ → 意见);
    - ASCII ``, ; : ? ! ( )`` standing between Han characters become their
      Chinese forms (``所想,所需`` → ``所想，所需``; ``党委(党组)第一`` → ``党委（党组）第一``);
      a comma or colon after a number before Han text too (``5%,稳`` → ``5%，稳``).

    Line breaks, Chinese punctuation and everything else are left as they are.

    >>> normalize("ＧＤＰ增长５%,稳中有进")
    'GDP增长5%，稳中有进'
    >>> len(normalize("a\\u3000b")) == 3
    True
    """
    if not isinstance(text, str):
        raise InputError(f"normalize: text is {type(text).__name__}, not str")
    if not text:
        return text
    if _MAP_RE.search(text):
        text = _MAP_RE.sub(_map_char, text)
    pieces: list[str] = []
    last = 0
    n = len(text)
    for m in _ASCII_PUNCT_RE.finditer(text):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < n else "\n"
        if ch == "(":
            ok = is_han(nxt) and (_hanish_left(prev) or prev in "\n ")
        elif ch == ")":
            ok = is_han(prev) and (_hanish_right(nxt) or _hanish_left(nxt) or nxt in "\n ")
        elif ch in "?!;":
            ok = _hanish_left(prev) and (_hanish_right(nxt) or nxt in "\n" or _hanish_left(nxt))
        else:  # , :  (a number or percentage before Han text counts too: 增长5%,稳中有进)
            ok = (_hanish_left(prev) or ((prev.isdigit() or prev == "%") and is_han(nxt))) and _hanish_right(nxt)
        if ok:
            pieces.append(text[last:i])
            pieces.append(_ASCII_TO_CJK[ch])
            last = i + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# --- splitting ---------------------------------------------------------------

_TERMINATORS = "。！？；!?;…"
_CLOSERS = "”’」』》）)】〕\"'"
_OPEN_TO_CLOSE = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "‘": "’"}
_CLAUSE_SEPARATORS = "，、；：,;:"
# separators an enumeration marker may follow to open a sentence (：一是…, ，二是…)
_ENUM_AFTER = "：:，,"
# every character at which _sentence_breaks may act: a terminator, '.', or a separator an enumeration may follow
_BREAK_CANDIDATE = re.compile("[" + re.escape(_TERMINATORS + "." + _ENUM_AFTER) + "]")

# Enumeration markers that open a new sentence when they follow a colon or comma:
# 一是 / 二是, （一） / (1), 1. / 1、 and 第一，.
_ENUM_RE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}是(?=[\u4e00-\u9fff])"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|第[一二三四五六七八九十]{1,3}[，,、])"
)


@lru_cache(maxsize=1)
def _simplified_table() -> tuple[dict[str, str], re.Pattern[str]]:
    """The character table and a pattern matching any of its traditional characters.

    ``pattern.sub`` touches only the characters it converts: six times faster than
    ``str.translate`` on simplified text (which visits every character), as fast on
    a text printed in traditional script.
    """
    from .._util.lexicon_files import lexicon_path, read_lexicon_lines

    table = {}
    for _, line in read_lexicon_lines(lexicon_path("traditional_to_simplified.tsv")):
        trad, simp = line.split("\t")
        table[trad] = simp
    return table, re.compile("[" + re.escape("".join(sorted(table))) + "]")


def to_simplified(text: str) -> str:
    """Traditional characters turned into simplified ones, character by character (same length).

    For texts printed in traditional script, such as the 1954 and 1957 Government
    Work Reports, so that their words count with the rest of a corpus. The table
    (``lexicons/traditional_to_simplified.tsv``, from OpenCC's ``t2s``) works on
    single characters: it cannot choose by context where one traditional character
    has two simplified readings, and it leaves 乾, 於, 徵, 昇, 拚 and 夥 alone because
    they are also standard simplified characters. Simplified text passes unchanged.

    >>> to_simplified("我們的國家正在發展")
    '我们的国家正在发展'
    >>> to_simplified("乾隆年间")
    '乾隆年间'
    """
    table, pattern = _simplified_table()
    return pattern.sub(lambda m: table[m.group()], text)


def split_paragraphs(text: str) -> list[Span]:
    """Split *text* at line breaks; blank lines are skipped, surrounding spaces trimmed."""
    spans: list[Span] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append(Span(text[s:e], s, e))
    return spans


def _trimmed(text: str, s: int, e: int) -> Span | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(text[s:e], s, e) if s < e else None


def _sentence_breaks(text: str, s: int, e: int) -> list[int]:
    """Offsets (exclusive ends) where sentences end inside paragraph ``text[s:e]``."""
    breaks: list[int] = []
    i = s
    search = _BREAK_CANDIDATE.search
    while i < e:
        m = search(text, i, e)  # the regex skips the characters that can be no break
        if m is None:
            break
        i = m.start()
        ch = text[i]
        is_end = ch in _TERMINATORS
        if ch == "." and i > s and is_han(text[i - 1]):
            is_end = True
        if is_end:
            j = i + 1
            # absorb repeated terminators (……, ?!) and closing quotes/brackets
            while j < e and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            breaks.append(j)
            i = j
            continue
        if ch in _ENUM_AFTER and i + 1 < e:
            enum = _ENUM_RE.match(text, i + 1)
            if enum and (ch in "：:" or enum.group(0).endswith("是")):
                breaks.append(i + 1)
        i += 1
    return breaks


def split_sentences(text: str) -> list[Span]:
    """Split *text* into sentences.

    Sentences end at 。！？；… (and ``! ? ;``, and ``.`` after a Han character);
    closing quotes and brackets stay with their sentence (``。”``); a line break
    always ends a sentence, so text without any 。 (one sentence per line) still
    splits; an enumeration marker (一是, （一）, 1.) after a colon opens a new
    sentence. Spans are trimmed of surrounding whitespace and never overlap.

    >>> [s.text for s in split_sentences("他说：“好。”我们走吧\\n下一行")]
    ['他说：“好。”', '我们走吧', '下一行']
    """
    if not isinstance(text, str):
        raise InputError(f"split_sentences: text is {type(text).__name__}, not str")
    spans: list[Span] = []
    for para in split_paragraphs(text):
        spans.extend(_paragraph_sentences(text, para.start, para.end))
    return spans


def _paragraph_sentences(text: str, s: int, e: int) -> list[Span]:
    """The sentences of the paragraph ``text[s:e]`` (offsets into *text*)."""
    spans: list[Span] = []
    start = s
    for b in _sentence_breaks(text, s, e):
        sp = _trimmed(text, start, b)
        if sp:
            spans.append(sp)
        start = b
    sp = _trimmed(text, start, e)
    if sp:
        spans.append(sp)
    return spans


def sentences_around(text: str, pos: int) -> list[Span]:
    """The sentences of the paragraph (line) holding offset *pos*, as :func:`split_sentences` cuts them.

    For a caller that needs the sentence of a few offsets in a long text: it reads one line, not the text.

    >>> [s.text for s in sentences_around("第一行。\\n他说：好。我们走吧\\n下一行", 8)]
    ['他说：好。', '我们走吧']
    """
    if not 0 <= pos <= len(text):
        raise ValueError(f"pos {pos} is outside the text (0..{len(text)})")
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if b < 0:
        b = len(text)
    para = _trimmed(text, a, b)
    return _paragraph_sentences(text, para.start, para.end) if para else []


def split_clauses(text: str) -> list[Span]:
    """Split *text* into clauses: sentences further split at ，、；： (and ASCII forms).

    A separator inside “”, 《》 or （） does not split. Each clause keeps its
    trailing punctuation, so the spans together cover every non-space character.

    >>> [c.text for c in split_clauses("深化“党建引领、服务贴心”行动，建立机制。")]
    ['深化“党建引领、服务贴心”行动，', '建立机制。']
    """
    spans: list[Span] = []
    for sent in split_sentences(text):
        stack: list[str] = []
        start = sent.start
        for i in range(sent.start, sent.end):
            ch = text[i]
            if ch in _OPEN_TO_CLOSE:
                stack.append(_OPEN_TO_CLOSE[ch])
            elif stack and ch == stack[-1]:
                stack.pop()
            elif ch in ")）”》" and stack and ch in stack:
                while stack and stack.pop() != ch:
                    pass
            elif not stack and ch in _CLAUSE_SEPARATORS:
                sp = _trimmed(text, start, i + 1)
                if sp:
                    spans.append(sp)
                start = i + 1
        sp = _trimmed(text, start, sent.end)
        if sp:
            spans.append(sp)
    return spans
