"""The query language of :class:`policytext.index.Index`, parsed into a small tree.

A query is text a scholar types; it is parsed here by hand and never reaches
SQL or any full-text engine as syntax, so quotes, parentheses, ``*``, ``:``,
``NEAR`` or ``AND`` inside a term can only ever mean what this grammar says.

=====================  ===================================================
``党建``               exact substring, any length from one character
``党建 乡村振兴``      both (AND); ``AND`` may also be written
``党建 OR 党的建设``   either (OR binds more loosely than AND)
``-扶贫``, ``NOT 扶贫``  documents without 扶贫
``(党建 OR 党的建设) 乡村``  parentheses group
``"a b"``              quotes keep spaces and operator words literal;
                       ``\\`` escapes the next character anywhere
``抓*促``              a gap of at most 10 characters inside one sentence;
                       ``抓*20促`` at most 20
``year:2023``          metadata filter; ``year:2010..2020`` an inclusive
                       range (``2010..`` / ``..2020`` open-ended);
                       ``issuer:国务院`` text metadata containing 国务院;
                       ``issuer:=国务院`` exactly equal
=====================  ===================================================

>>> parse('党建 OR "抓*促" -year:2020..2021')  # doctest: +NORMALIZE_WHITESPACE
Or(items=(Term(text='党建'),
          And(items=(Term(text='抓*促'), Not(item=Filter(key='year', op='range', value=('2020', '2021')))))))
>>> parse("抓*促")
Gap(parts=('抓', '促'), bounds=(10,))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

from ..errors import InputError

__all__ = [
    "DEFAULT_GAP",
    "MAX_GAP",
    "And",
    "Filter",
    "Gap",
    "Node",
    "Not",
    "Or",
    "Term",
    "normalize_term",
    "parse",
    "positive_terms",
]

DEFAULT_GAP = 10
MAX_GAP = 1000

# Character-level normalization applied to query strings. It is the one-for-one
# part of policytext.corpus.text.normalize (typographic spaces, full-width letters and
# digits), which never changes a substring of an already normalized text.
_QUERY_TABLE = {
    o: " " for o in map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
}
_QUERY_TABLE.update({o: o - 0xFEE0 for o in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]})


def normalize_term(text: str) -> str:
    """Map full-width letters/digits and typographic spaces as documents are normalized.

    >>> normalize_term("２０２３年")
    '2023年'
    """
    return text.translate(_QUERY_TABLE)


@dataclass(frozen=True)
class Term:
    """An exact substring."""

    text: str


@dataclass(frozen=True)
class Gap:
    """Literal parts separated by gaps of at most ``bounds[i]`` characters within one sentence."""

    parts: tuple[str, ...]
    bounds: tuple[int, ...]

    @property
    def text(self) -> str:
        out = self.parts[0]
        for b, p in zip(self.bounds, self.parts[1:], strict=False):
            out += ("*" if b == DEFAULT_GAP else f"*{b}") + p
        return out


@dataclass(frozen=True)
class Filter:
    """A metadata condition: ``op`` is ``"contains"``, ``"eq"`` or ``"range"``."""

    key: str
    op: str
    value: str | tuple[str | None, str | None]


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Node: TypeAlias = Term | Gap | Filter | Not | And | Or

# --- lexer -------------------------------------------------------------------

_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass
class _Tok:
    kind: str  # WORD, LPAREN, RPAREN, OR, AND, NOT
    pos: int
    # for WORD: list of (char, literal) pairs; literal = quoted or escaped
    chars: list[tuple[str, bool]] | None = None
    quoted: bool = False


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "(":
            toks.append(_Tok("LPAREN", i))
            i += 1
            continue
        if ch == ")":
            toks.append(_Tok("RPAREN", i))
            i += 1
            continue
        if ch == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] != ")":
            toks.append(_Tok("NOT", i))
            i += 1
            continue
        start = i
        chars: list[tuple[str, bool]] = []
        quoted = False
        while i < n:
            ch = query[i]
            if ch == "\\":
                if i + 1 >= n:
                    raise InputError(f"query {query!r}: a trailing backslash escapes nothing (position {i})")
                chars.append((query[i + 1], True))
                i += 2
            elif ch == '"':
                quoted = True
                j = i + 1
                closed = False
                while j < n:
                    if query[j] == "\\" and j + 1 < n:
                        chars.append((query[j + 1], True))
                        j += 2
                    elif query[j] == '"':
                        closed = True
                        break
                    else:
                        chars.append((query[j], True))
                        j += 1
                if not closed:
                    raise InputError(f"query {query!r}: unclosed quote opened at position {i}")
                i = j + 1
            elif ch.isspace() or ch in "()":
                break
            else:
                chars.append((ch, False))
                i += 1
        plain = "".join(c for c, _ in chars)
        if not quoted and all(not lit for _, lit in chars) and plain in ("OR", "AND", "NOT"):
            toks.append(_Tok(plain, start))
        else:
            toks.append(_Tok("WORD", start, chars, quoted))
    return toks


# --- parser --------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.toks = _lex(query)
        self.i = 0

    def error(self, msg: str, pos: int | None = None) -> InputError:
        where = f" at position {pos}" if pos is not None else ""
        return InputError(f"query {self.query!r}: {msg}{where}")

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node:
        if not self.toks:
            raise InputError("empty query: give a string to search for (see help(Index) for the syntax)")
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:
            raise self.error("unmatched ')'", tok.pos)
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.i += 1
            if self.peek() is None or self.peek().kind in ("OR", "RPAREN"):  # type: ignore[union-attr]
                raise self.error("OR needs a term on both sides", tok.pos)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind not in ("OR", "RPAREN"):
            if tok.kind == "AND":
                self.i += 1
                if not items or self.peek() is None or self.peek().kind in ("OR", "RPAREN", "AND"):  # type: ignore[union-attr]
                    raise self.error("AND needs a term on both sides", tok.pos)
                continue
            items.append(self.parse_unary())
        if not items:
            tok = self.peek()
            raise self.error("expected a term", tok.pos if tok else len(self.query))
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        tok = self.peek()
        assert tok is not None
        if tok.kind == "NOT":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("OR", "AND", "RPAREN"):
                raise self.error("NOT/- needs a term after it", tok.pos)
            return Not(self.parse_unary())
        if tok.kind == "LPAREN":
            self.i += 1
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != "RPAREN":
                raise self.error("unclosed '('", tok.pos)
            self.i += 1
            return node
        if tok.kind == "WORD":
            self.i += 1
            return self.word(tok)
        raise self.error(f"unexpected {tok.kind}", tok.pos)

    def word(self, tok: _Tok) -> Node:
        chars = tok.chars or []
        # metadata filter: an unquoted ASCII identifier followed by an unquoted ':'
        for k, (c, lit) in enumerate(chars):
            if c == ":" and not lit:
                key = "".join(ch for ch, _ in chars[:k])
                if k and all(not literal for _, literal in chars[:k]) and _KEY_RE.match(key):
                    return self.filter(key, chars[k + 1 :], tok)
                break
        if tok.quoted or all(c != "*" or lit for c, lit in chars):
            text = normalize_term("".join(c for c, _ in chars))
            if not text:
                raise self.error("empty quoted term", tok.pos)
            return Term(text)
        return self.gap(chars, tok)

    def gap(self, chars: list[tuple[str, bool]], tok: _Tok) -> Gap:
        parts: list[str] = []
        bounds: list[int] = []
        cur: list[str] = []
        k = 0
        while k < len(chars):
            c, lit = chars[k]
            if c == "*" and not lit:
                parts.append("".join(cur))
                cur = []
                k += 1
                digits = ""
                while k < len(chars) and chars[k][0].isascii() and chars[k][0].isdigit() and not chars[k][1]:
                    digits += chars[k][0]
                    k += 1
                bound = int(digits) if digits else DEFAULT_GAP
                if bound > MAX_GAP:
                    raise self.error(f"a gap of {bound} characters is longer than the maximum {MAX_GAP}", tok.pos)
                bounds.append(bound)
            else:
                cur.append(c)
                k += 1
        parts.append("".join(cur))
        if any(not p for p in parts):
            raise self.error(
                "a gap '*' needs text on both sides (抓*促); quote or escape a literal * ('\"a*b\"' or 'a\\*b')",
                tok.pos,
            )
        return Gap(tuple(normalize_term(p) for p in parts), tuple(bounds))

    def filter(self, key: str, rest: list[tuple[str, bool]], tok: _Tok) -> Filter:
        op = "contains"
        if rest and rest[0] == ("=", False):
            op = "eq"
            rest = rest[1:]
        value = "".join(c for c, _ in rest)
        if not value:
            raise self.error(f"filter {key}: has no value", tok.pos)
        # an unquoted '..' makes a range
        raw = "".join(c if not lit else "\0" for c, lit in rest)
        if op == "contains" and ".." in raw:
            at = raw.index("..")
            lo, hi = value[:at].strip(), value[at + 2 :].strip()
            if not lo and not hi:
                raise self.error(f"filter {key}: a range needs at least one end (2010..2020)", tok.pos)
            return Filter(key, "range", (lo or None, hi or None))
        return Filter(key, op, value)


def parse(query: str) -> Node:
    """Parse *query* into a tree of :class:`Term`, :class:`Gap`, :class:`Filter`, :class:`Not`, :class:`And`,
    :class:`Or`.

    Raises :class:`~policytext.InputError` naming the query and the position of a syntax error.

    >>> parse("党建 乡村振兴")
    And(items=(Term(text='党建'), Term(text='乡村振兴')))
    >>> parse('"NEAR(a" AND b:c')
    And(items=(Term(text='NEAR(a'), Filter(key='b', op='contains', value='c')))
    """
    if not isinstance(query, str):
        raise InputError(f"query must be a str, not {type(query).__name__}")
    return _Parser(query).parse()


def positive_terms(node: Node, negated: bool = False) -> list[Term | Gap]:
    """Terms and gaps not under an odd number of NOTs, in query order, without repeats.

    >>> [t.text for t in positive_terms(parse("a -b (c OR -d) a"))]
    ['a', 'c']
    """
    out: list[Term | Gap] = []

    def walk(n: Node, neg: bool) -> None:
        if isinstance(n, (Term, Gap)):
            if not neg and n not in out:
                out.append(n)
        elif isinstance(n, Not):
            walk(n.item, not neg)
        elif isinstance(n, (And, Or)):
            for it in n.items:
                walk(it, neg)

    walk(node, negated)
    return out
