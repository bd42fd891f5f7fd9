"""The slot-template language: parsing ``抓{X}党建促{Y}`` into literals and slots.

Syntax
------
``text``
    Literal text, matched exactly.
``[以|用]``
    Literal alternatives: any one of the listed strings.
``{X}`` / ``{}``
    A slot named ``X`` (``{}`` gets the next free name: X, Y, Z, W, V, U …).
``{X:2-6}`` / ``{X:4}``
    Slot options after ``:``, several may be chained (``{X:2-6:n}``):
    a length range in characters, ``word`` (exactly one token of the Segmenter),
    or POS tags separated by ``,`` (``n``, ``n,vn`` — every token of the filler
    must carry a tag starting with one of them).
``{X|甲|乙}``
    The filler must be one of the listed strings.
``\\{ \\} \\[ \\] \\| \\\\``
    Escaped characters stand for themselves.

A slot that occurs twice (``{A}就{A}``) must have the same filler both times.
Every template needs some literal text; two free slots may stand side by side
only when the first one is bounded by ``word``, a length, or is a repeat.

A broken template raises :class:`TemplateSyntaxError`, whose message shows the
template and a caret under the offending position.

>>> t = parse_template("[以|用]{X}促{Y:2-8}")
>>> [type(e).__name__ for e in t.elements]
['Literal', 'Slot', 'Literal', 'Slot']
>>> t.slot_names
('X', 'Y')
>>> parse_template("抓{X党建")
Traceback (most recent call last):
...
policytext.errors.TemplateSyntaxError: unclosed '{' at position 1 in template
  抓{X党建
    ^
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...errors import InputError, TemplateSyntaxError

__all__ = [
    "DEFAULT_MAX_SLOT",
    "Literal",
    "Slot",
    "Template",
    "TemplateSyntaxError",
    "parse_template",
]

#: Longest filler a slot takes when no length is given (characters).
DEFAULT_MAX_SLOT = 40
#: Hard upper bound for explicit lengths, so matching stays linear in the text.
HARD_MAX_SLOT = 200

_AUTO_NAMES = ("X", "Y", "Z", "W", "V", "U", "T", "S")
_NAME_RE = re.compile(r"^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$")
_POS_RE = re.compile(r"^[a-z]{1,4}(,[a-z]{1,4})*$")
#: POS tags a ``{X:tag}`` option may name (jieba's tag set; a tag matches itself and its subtags).
KNOWN_POS = frozenset(
    "a ad ag an b c d df dg e f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz "
    "s t tg u ud ug uj ul uv uz v vd vg vi vn vq x y z zg eng".split()
)
_LEN_RE = re.compile(r"^(\d+)(?:-(\d+))?$")


@dataclass(frozen=True)
class Literal:
    """Literal text: one of ``options`` (a plain literal has a single option)."""

    options: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.options[0] if len(self.options) == 1 else "[" + "|".join(self.options) + "]"


@dataclass(frozen=True)
class Slot:
    """A slot: ``name`` and its options (all optional)."""

    name: str
    min_len: int = 1
    max_len: int | None = None  # None: the default extent rules apply
    word: bool = False
    pos: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()

    @property
    def bounded(self) -> bool:
        """True when the slot's own options fix its extent (word, length or choices)."""
        return self.word or self.max_len is not None or bool(self.choices)

    @property
    def limit(self) -> int:
        """The longest filler this slot may take."""
        if self.choices:
            return max(len(c) for c in self.choices)
        return self.max_len if self.max_len is not None else DEFAULT_MAX_SLOT


@dataclass(frozen=True)
class Template:
    """A parsed template: its source string and its elements in order."""

    source: str
    elements: tuple[Literal | Slot, ...] = field(default_factory=tuple)

    @property
    def slot_names(self) -> tuple[str, ...]:
        """Slot names in order of first appearance."""
        seen: list[str] = []
        for e in self.elements:
            if isinstance(e, Slot) and e.name not in seen:
                seen.append(e.name)
        return tuple(seen)

    def __str__(self) -> str:
        return self.source


def parse_template(source: str) -> Template:
    """Parse *source* into a :class:`Template`; raise :class:`TemplateSyntaxError` if broken.

    >>> parse_template("{X|稳|进}中求{Y:word}").elements[0].choices
    ('稳', '进')
    """
    if not isinstance(source, str):
        raise InputError(f"a template must be a string, got {type(source).__name__}")
    if not source.strip():
        raise TemplateSyntaxError("empty template", source, 0)
    elements: list[Literal | Slot] = []
    starts: list[int] = []  # source offset of each element
    buf: list[str] = []
    buf_start = [0]
    used_names: set[str] = set()
    auto = iter(_AUTO_NAMES)
    pending_auto: list[int] = []  # element indexes of {} slots, named after the pass
    i, n = 0, len(source)

    def flush() -> None:
        if buf:
            elements.append(Literal(("".join(buf),)))
            starts.append(buf_start[0])
            buf.clear()

    while i < n:
        ch = source[i]
        if ch == "\\":
            if i + 1 >= n:
                raise TemplateSyntaxError("a backslash must be followed by a character", source, i)
            if not buf:
                buf_start[0] = i
            buf.append(source[i + 1])
            i += 2
        elif ch == "[":
            j, options = _read_alternatives(source, i)
            flush()
            elements.append(Literal(options))
            starts.append(i)
            i = j
        elif ch == "{":
            close = _find_unescaped(source, "}", i + 1)
            if close < 0:
                raise TemplateSyntaxError("unclosed '{'", source, i)
            inner = source[i + 1 : close]
            if "{" in inner:
                raise TemplateSyntaxError("'{' inside a slot", source, i + 1 + inner.index("{"))
            flush()
            slot = _parse_slot(source, i, inner)
            if slot.name:
                used_names.add(slot.name)
            else:
                pending_auto.append(len(elements))
            elements.append(slot)
            starts.append(i)
            i = close + 1
        elif ch in "}]":
            raise TemplateSyntaxError(f"unmatched {ch!r}", source, i)
        elif ch == "|":
            raise TemplateSyntaxError("'|' outside [...] or {...}", source, i)
        else:
            if not buf:
                buf_start[0] = i
            buf.append(ch)
            i += 1
    flush()

    for idx in pending_auto:
        name = next((a for a in auto if a not in used_names), None)
        if name is None:  # pragma: no cover - more than 8 anonymous slots
            raise TemplateSyntaxError("too many anonymous slots", source, 0)
        used_names.add(name)
        old = elements[idx]
        assert isinstance(old, Slot)
        elements[idx] = Slot(name, old.min_len, old.max_len, old.word, old.pos, old.choices)

    _check_structure(source, elements, starts)
    return Template(source, tuple(elements))


def _find_unescaped(s: str, ch: str, start: int) -> int:
    i = start
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == ch:
            return i
        i += 1
    return -1


def _read_alternatives(source: str, i: int) -> tuple[int, tuple[str, ...]]:
    close = _find_unescaped(source, "]", i + 1)
    if close < 0:
        raise TemplateSyntaxError("unclosed '['", source, i)
    options: list[str] = []
    cur: list[str] = []
    j = i + 1
    while j < close:
        c = source[j]
        if c == "\\":
            cur.append(source[j + 1])
            j += 2
            continue
        if c in "{[":
            raise TemplateSyntaxError(f"{c!r} inside [...] (alternatives are plain text)", source, j)
        if c == "|":
            if not cur:
                raise TemplateSyntaxError("empty alternative", source, j)
            options.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        j += 1
    if not cur:
        raise TemplateSyntaxError("empty alternative", source, close)
    options.append("".join(cur))
    return close + 1, tuple(dict.fromkeys(options))


def _parse_slot(source: str, brace: int, inner: str) -> Slot:
    base = brace + 1  # offset of inner in source
    if "|" in inner:
        name, *choices = inner.split("|")
        for k, c in enumerate(choices):
            if not c:
                at = base + len(name) + 1 + sum(len(x) + 1 for x in choices[:k])
                raise TemplateSyntaxError("empty choice in slot", source, at)
        name = name.strip()
        if name and not _NAME_RE.match(name):
            raise TemplateSyntaxError(f"bad slot name {name!r}", source, base)
        return Slot(name, choices=tuple(dict.fromkeys(choices)))
    parts = inner.split(":")
    name = parts[0].strip()
    if name and not _NAME_RE.match(name):
        raise TemplateSyntaxError(f"bad slot name {name!r}", source, base)
    min_len: int = 1
    max_len: int | None = None
    word = False
    pos: tuple[str, ...] = ()
    offset = base + len(parts[0]) + 1
    for opt in parts[1:]:
        o = opt.strip()
        m = _LEN_RE.match(o)
        if m:
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            if lo < 1 or hi < lo:
                raise TemplateSyntaxError(f"bad length {o!r} (need 1 <= min <= max)", source, offset)
            if hi > HARD_MAX_SLOT:
                raise TemplateSyntaxError(f"length {hi} exceeds the limit of {HARD_MAX_SLOT}", source, offset)
            min_len, max_len = lo, hi
        elif o == "word":
            word = True
        elif _POS_RE.match(o) and all(t in KNOWN_POS for t in o.split(",")):
            pos = tuple(o.split(","))
        else:
            raise TemplateSyntaxError(
                f"unknown slot option {o!r} (use a length like 2-6, 'word', or POS tags like n,vn)", source, offset
            )
        offset += len(opt) + 1
    return Slot(name, min_len, max_len, word, pos)


def _check_structure(source: str, elements: list[Literal | Slot], starts: list[int]) -> None:
    fixed = [i for i, e in enumerate(elements) if isinstance(e, Literal) or e.choices]
    if not fixed:
        raise TemplateSyntaxError("a template needs some literal text besides its slots", source, 0)
    seen: set[str] = set()
    for k in range(1, len(elements)):
        a, b = elements[k - 1], elements[k]
        if isinstance(a, Slot):
            backref = a.name in seen
            seen.add(a.name)
        else:
            backref = False
        # a free slot (no choices, no 'word', no length, no back-reference) before another slot
        if (
            isinstance(a, Slot)
            and isinstance(b, Slot)
            and not a.choices
            and not b.choices
            and not (a.word or a.max_len is not None or backref)
        ):
            raise TemplateSyntaxError(
                "two free slots side by side: bound the first with 'word' or a length", source, starts[k]
            )
    if fixed[0] > 1:
        raise TemplateSyntaxError("at most one slot may come before the first literal", source, starts[1])
