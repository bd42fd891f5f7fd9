"""Series typical of local reporting that the clause and phrase runs of :mod:`.finder` miss.

Each detector takes the token view of a document (:class:`~.doc.TokenView`) and its paragraph tree
(:func:`.units.paragraphs`) and returns groups (:class:`~.doc.Group`):

- :func:`quoted_series`: quoted slogans side by side (“江城赴会”“问路前方”“星火燎原”,
  “讲准”“讲深”迈向“讲透”“讲活”);
- :func:`enumerations`: headings of one numbered enumeration (1.村民小组提名。2.…核实。 /
  第四条 加强政策引领。 / 一是…。二是…。 / 一重保障—…), procedure steps included;
- :func:`bold_headings`: markdown headings of one shape (**传承信仰力量，绘就青春底色**);
- :func:`copula_series`: clauses of one sentence opening with 是 (…是…，是…，更是…);
- :func:`semicolon_frames`: ；-separated clause groups sharing a frame (以榜样为镜，…；以行动为笔，…);
- :func:`sentence_closings`: short sentence openings of a paragraph that end alike
  (巩固传统消费，…。拓展新型消费，…。壮大服务消费，…);
- :func:`sentence_leads`: successive sentences of a paragraph whose short opening clauses are
  verb-object phrases of one length (做大总量，…。做优服务，…。做好招引，…);
- :func:`headline_paragraphs`: successive paragraphs that open with a short headline sentence of one
  length and shape (文化精品不断涌现。… / 文化遗产焕发生机。… / 文化资源直达基层。…).

>>> from policytext.extract.parallels import find_parallels
>>> df = find_parallels("围绕“铭记光辉历程”“感悟初心宗旨”“学习重要讲话”三个专题开展学习。")
>>> df.loc[0, "items"]
['“铭记光辉历程”', '“感悟初心宗旨”', '“学习重要讲话”']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .doc import Group, TokenView
from .frames import FUNCTION_CHARS, common_frame, han_len
from .units import MAX_SHIELD, Clause, Paragraph

__all__ = [
    "bold_headings",
    "copula_series",
    "enumerations",
    "headline_paragraphs",
    "marker_kind",
    "quoted_series",
    "semicolon_frames",
    "sentence_closings",
    "sentence_leads",
]

Relate = Callable[[TokenView, list[tuple[int, int]], str], object]

_QUOTE_RE = re.compile(rf"“[^“”\n]{{1,{MAX_SHIELD}}}”|\"[^\"\n]{{1,{MAX_SHIELD}}}\"|「[^「」\n]{{1,{MAX_SHIELD}}}」")
_STOP = set("。！？!?；;\n")


def _has_literal(chunks: list[str]) -> bool:
    """A shared chunk that is more than grammatical glue (2+ Han, or one content character)."""
    return any(han_len(c) >= 2 or (han_len(c) == 1 and not set(c) & FUNCTION_CHARS) for c in chunks)


def _score(spans: list[tuple[int, int]]) -> float:
    return round(min(1.0, 0.5 + 0.05 * len(spans)), 3)


def _kind_frame(texts: list[str]) -> tuple[str, str, object]:
    f = common_frame(texts)
    if f.chunks and _has_literal(f.chunks):
        return "frame", f.text, f
    return "matched", "{}", None


def quoted_series(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Quotations side by side (at most two characters apart, no sentence end between).

    They are a series when their contents have one length or share a literal frame, and the
    longest is at most twice the shortest.
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    for para in paras:
        quotes = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text, para.start, para.end)]
        runs: list[list[tuple[int, int]]] = []
        for q in quotes:
            gap = text[runs[-1][-1][1] : q[0]] if runs else None
            if gap is not None and len(gap) <= 2 and not set(gap) & _STOP:
                runs[-1].append(q)
            else:
                runs.append([q])
        for run in runs:
            if len(run) < need:
                continue
            inner = [text[s + 1 : e - 1] for s, e in run]
            lens = [len(t) for t in inner]
            if len(set(inner)) < len(inner) or min(han_len(t) for t in inner) < 2 or max(lens) > 2 * min(lens):
                continue
            kind, frame, _ = _kind_frame(inner)
            if kind == "matched" and len(set(lens)) != 1:
                continue
            score = _score(run)
            out.append(Group(kind, frame, run, score, "phrase"))
    return out


_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS["两"] = 2


def _cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十一 → 21 (up to 99); None when *s* is not such a numeral."""
    if not s:
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGITS.get(a, -1) if a else 1
        ones = _CN_DIGITS.get(b, -1) if b else 0
        return tens * 10 + ones if tens > 0 and ones >= 0 and len(a) <= 1 and len(b) <= 1 else None
    return _CN_DIGITS.get(s) if len(s) == 1 else None


_NUM = "[一二三四五六七八九十两]{1,3}"
_ENUM_RE = re.compile(
    rf"(?:[（(](?P<pc>{_NUM})[）)]|(?P<cd>{_NUM})[、．.]|(?P<ad>\d{{1,2}})[.．、](?!\d)|[（(](?P<pa>\d{{1,2}})[）)]"
    rf"|第(?P<art>{_NUM})[条章节]|(?P<shi>{_NUM})是|(?P<cnt>{_NUM})(?P<word>[^\W\d一二三四五六七八九十两是、．.]{{2,3}})[—：:])"
    r"[ \t\u3000]*"
)


def marker_kind(text: str, s: int, e: int) -> str | None:
    """The kind of enumeration marker opening text[s:e] (``pc`` for （一）, ``ad`` for 1. …), or None.

    >>> marker_kind("（二）行业级大模型", 0, 9), marker_kind("3.培强企业创新载体", 0, 10), marker_kind("坚持", 0, 2)
    ('pc', 'ad', None)
    """
    m = _ENUM_RE.match(text, s, e)
    if not m:
        return None
    return next(k for k in ("pc", "cd", "ad", "pa", "art", "shi", "cnt") if m.group(k))


#: longest heading of an enumeration (characters after the marker)
MAX_HEADING = 20


def enumerations(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Headings of one enumeration: sentences that open with the same kind of marker and
    successive numbers (1. 2. 3. / （一）（二） / 第四条 第五条 / 一是 二是 / 一重保障— 二重保障—),
    each a single short clause. Other sentences may stand between them.

    The item is the heading after its marker (for a counted word such as 一重保障—, the whole
    heading). Procedure steps (村民小组提名、村“两委”…核实、…核准) are such headings.
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    state: dict[str, list[tuple[int, tuple[int, int, bool] | None]]] = {}
    began: dict[str, int] = {}

    def judge(sub: list[tuple[int, int]]) -> None:
        if len(sub) < need:
            return
        lens = [e - s for s, e in sub]
        texts = [text[s:e] for s, e in sub]
        kind, frame, _ = _kind_frame(texts)
        # section titles (总体要求、重点任务、保障措施) are not a series: without a shared
        # frame, more than half the headings must hold a predicate
        predicative = sum(doc.has_predicate(s, e) for s, e in sub) * 2 > len(sub)
        if max(lens) <= 3.2 * min(lens) and len(set(texts)) == len(texts) and (kind == "frame" or predicative):
            out.append(Group(kind, frame, list(sub), _score(sub), "paragraph"))

    def close(key: str) -> None:
        run = state.pop(key, [])
        sub: list[tuple[int, int, bool]] = []
        for _, span in [*run, (0, None)]:
            if span is not None:
                sub.append(span)
                continue
            if any(w for _, _, w in sub):
                g = _two_clause_headings(doc, [(a, b) for a, b, _ in sub], need)
                if g is not None:
                    out.append(g)
                else:  # the one-clause headings between the two-clause ones, on their own
                    part: list[tuple[int, int]] = []
                    for a, b, w in [*sub, (0, 0, True)]:
                        if w:
                            judge(part)
                            part = []
                        else:
                            part.append((a, b))
            else:
                judge([(a, b) for a, b, _ in sub])
            sub = []

    for para in paras:
        for sent in para.sentences:
            m = _ENUM_RE.match(text, sent.start, sent.end)
            if not m:
                continue
            kind = next(k for k in ("pc", "cd", "ad", "pa", "art", "shi", "cnt") if m.group(k))
            raw = m.group(kind)
            n = int(raw) if raw.isdigit() else _cn_number(raw)
            if n is None:
                continue
            key = kind + (m.group("word") or "")
            start = sent.start if kind == "cnt" else m.end()
            end = sent.clauses[0].end
            ok = len(sent.clauses) == 1 and 2 <= end - m.end() <= MAX_HEADING and han_len(text[start:end]) >= 2
            span: tuple[int, int, bool] | None = (start, end, False) if ok else None
            if (
                span is None
                and len(sent.clauses) == 2
                and kind != "cnt"
                and all(4 <= c.end - c.start <= MAX_HEADING for c in sent.clauses)
            ):
                span = (start, sent.clauses[1].end, True)  # （七）着力促进…，八闽气韵…
            # a heading of an outer enumeration ends the inner ones opened under it
            for other in [k for k in state if k != key and key in state and began[k] > began[key]]:
                close(other)
            run = state.get(key)
            if run and n == run[-1][0] + 1:
                run.append((n, span))
            else:
                close(key)
                state[key] = [(n, span)]
                began[key] = sent.start
    for key in list(state):
        close(key)
    return out


def _two_clause_headings(doc: TokenView, spans: list[tuple[int, int]], need: int) -> Group | None:
    r"""Numbered headings of two clauses each (（七）着力促进文化繁荣兴盛，八闽气韵风采生动展现 /
    （八）着力加强…，…): a series only when they open with one word of two or more characters
    that holds a predicate or stands before one in each (坚持, 着力|促进); section titles of a report
    without such an opening are not.

    >>> from policytext.extract.parallels import find_parallels
    >>> t = "（一）坚持协调发展，促进乡村振兴\n（二）坚持绿色引领，推进美丽建设\n（三）坚持民生为大，增进群众福祉\n"
    >>> find_parallels(t).loc[0, "frame"]
    '坚持{}'
    """
    if len(spans) < need:
        return None
    text = doc.text
    texts = [text[s:e] for s, e in spans]
    if len(set(texts)) < len(texts):
        return None
    lcp = 0
    while all(len(t) > lcp for t in texts) and len({t[lcp] for t in texts}) == 1:
        lcp += 1
    while lcp > 0 and not all(doc.boundary[s + lcp] for s, _ in spans):
        lcp -= 1
    s0 = spans[0][0]
    if han_len(text[s0 : s0 + lcp]) < 2:
        return None
    # the opening is a predicate, or an adverbial word before one in every heading (着力|促进, 着力|加强)
    if not doc.has_predicate(s0, s0 + lcp) and not all(doc.pos_at.get(s + lcp, "x")[:1] == "v" for s, _ in spans):
        return None
    return Group("anaphora", text[s0 : s0 + lcp] + "{}", list(spans), _score(spans), "paragraph")


def _shape_ok(a: list[int], b: list[int]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= max(1, round(0.25 * max(x, y))) for x, y in zip(a, b))


def bold_headings(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Markdown headings (a paragraph wholly in ``**…**``) of one shape, in document order.

    Headings agree in shape when they have as many clauses and their clauses about the same
    length (within a quarter); non-heading paragraphs between them do not break the series.
    """
    text = doc.text
    heads = [
        p
        for p in paras
        if text[max(0, p.start - 2) : p.start] == "**" and text[p.end : p.end + 2] == "**" and p.end - p.start <= 30
    ]
    out: list[Group] = []
    need = max(3, min_items)
    i = 0
    while i < len(heads):
        shape = [c.end - c.start for s in heads[i].sentences for c in s.clauses]
        j = i + 1
        while j < len(heads) and _shape_ok(shape, [c.end - c.start for s in heads[j].sentences for c in s.clauses]):
            j += 1
        if j - i >= need:
            spans = [(h.start, h.end) for h in heads[i:j]]
            texts = [text[s:e] for s, e in spans]
            if len(set(texts)) == len(texts) and all(han_len(t) >= 3 for t in texts):
                kind, frame, _ = _kind_frame(texts)
                out.append(Group(kind, frame, spans, _score(spans), "paragraph"))
                i = j
                continue
        i += 1
    return out


_COPULA_RE = re.compile(r"(?:更|也|还|又|既|而且|并且|同时)?是(?!否)")


def _copular(text: str, s: int, e: int) -> bool:
    return e - s >= 5 and _COPULA_RE.match(text, s, e) is not None


def copula_series(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Successive clauses of one sentence that open with 是 (更是, 也是, 既是…):
    ``革命博物馆是红色记忆的重要载体，是传承…的“立体教科书”，更是…精神桥梁``.

    The clause before the first such clause joins the series from its own 是 on.
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    for para in paras:
        for sent in para.sentences:
            cls = sent.clauses
            if len(cls) < 2 or "是" not in sent.text:
                continue
            k = 0
            while k < len(cls):
                j = k
                while j < len(cls) and _copular(text, cls[j].start, cls[j].end):
                    j += 1
                if j - k >= 2:
                    spans = [(c.start, c.end) for c in cls[k:j]]
                    if k > 0:
                        prev = cls[k - 1]
                        p = text.find("是", prev.start + 1, prev.end - 4)
                        if p > prev.start and doc.is_start[p] and doc.boundary[p + 1] and text[p : p + 2] != "是否":
                            spans.insert(0, (p, prev.end))
                    if len(spans) >= need:
                        out.append(Group("anaphora", "是{}", spans, _score(spans), "clause"))
                k = max(j, k + 1)
    return out


def semicolon_frames(doc: TokenView, paras: list[Paragraph], min_items: int, relate: Relate) -> list[Group]:
    """Clause groups between ； whose opening clauses are parallel (以榜样为镜，…；以行动为笔，…；…)
    or which share a frame of 3+ characters (…中，我们能领略到…；…里，我们能体悟到…) or a content
    character at one place near their start (“两提高”即…；“两降低”即…；“一减免”即…).
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    for para in paras:
        for sent in para.sentences:
            if sent.text.count("；") + sent.text.count(";") < need - 1:
                continue
            groups: list[list[Clause]] = [[]]
            for c in sent.clauses:
                groups[-1].append(c)
                if text[c.end : c.end + 1] in "；;":
                    groups.append([])
            groups = [g for g in groups if g]
            if len(groups) < need:
                continue
            if len(groups[0]) > len(groups[1]) >= 1:
                groups[0] = groups[0][-len(groups[1]) :]  # a lead clause before the series
            spans = [(g[0].start, g[-1].end) for g in groups]
            lens = [e - s for s, e in spans]
            if max(lens) > 2.5 * min(lens) or max(lens) > 90:
                continue
            texts = [text[s:e] for s, e in spans]
            if len(set(texts)) < len(texts):
                continue
            ok = False
            if len({len(g) for g in groups}) == 1 and len(groups[0]) >= 2:
                # the first opening may carry a lead (希望同学们|以榜样为镜): try it at the others' length
                first, width = groups[0][0], groups[1][0].end - groups[1][0].start
                rest = [(g[0].start, g[0].end) for g in groups[1:]]
                for st in (first.start, first.end - width, first.end - width - 1, first.end - width + 1):
                    if (
                        first.start <= st < first.end
                        and doc.boundary[st]
                        and relate(doc, [(st, first.end), *rest], "clause")
                    ):
                        ok = True
                        spans[0] = (st, spans[0][1])
                        break
            f = common_frame(texts)
            if not ok and f.chunks:
                if any(han_len(chunk) >= 3 for chunk in f.chunks):
                    ok = True
                else:
                    for k, chunk in enumerate(f.chunks):
                        offs = {p[k][0] for p in f.positions}
                        if len(offs) == 1 and 0 < offs.pop() <= 6 and _has_literal([chunk]):
                            ok = True
                            break
            if ok:
                f = common_frame([text[a:b] for a, b in spans])
                frame = f.text if f.chunks else "{}；{}"
                out.append(Group("frame", frame, spans, _score(spans), "clause"))
    return out


def sentence_closings(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Short opening clauses of a paragraph's sentences that end in the same word and have one
    length, each opening with a verb: 巩固传统消费，…。拓展新型消费，…。壮大服务消费，….
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    for para in paras:
        if len(para.sentences) < need:
            continue
        by_end: dict[str, list[tuple[int, int]]] = {}
        for s in para.sentences:
            c = s.clauses[0]
            L = c.end - c.start
            if 4 <= L <= 10 and han_len(text[c.start : c.end]) == L and len(s.clauses) >= 2:
                by_end.setdefault(text[c.end - 2 : c.end], []).append((c.start, c.end))
        for tail, spans in by_end.items():
            lens = {e - s for s, e in spans}
            if len(spans) < need or len(lens) != 1:
                continue
            if not all(doc.boundary[e - 2] and doc.pos_at.get(s, "x")[:1] in ("v", "a") for s, e in spans):
                continue
            if len({text[s:e] for s, e in spans}) < len(spans):
                continue
            out.append(Group("epistrophe", "{}" + tail, spans, _score(spans), "sentence"))
    return out


#: length bounds of a paragraph's headline sentence (文化精品不断涌现)
HEADLINE_MIN, HEADLINE_MAX = 6, 10


def _breaks(doc: TokenView, s: int, e: int) -> set[int]:
    """Offsets inside text[s:e] (relative to *s*) where a word ends."""
    return {i - s for i in range(s + 1, e) if doc.boundary[i]}


def headline_paragraphs(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    r"""Successive paragraphs that open with a headline: a one-clause sentence of 6-10 Han characters
    followed by the paragraph's body, all of one length, breaking into words at one common place with a
    predicate after it (文化精品|不断涌现。… / 文化遗产|焕发生机。… / 体育事业|欣欣向荣。…).

    A paragraph that is not such a one (a section heading, a paragraph of one sentence) ends the run.

    >>> from policytext.extract.parallels import find_parallels
    >>> t = "安全形势总体平稳。事故下降。\n风险防范有力有效。债务可控。\n社会治理全面加强。信访化解。\n"
    >>> find_parallels(t).loc[0, "items"]
    ['安全形势总体平稳', '风险防范有力有效', '社会治理全面加强']
    """
    text = doc.text
    need = max(3, min_items)
    out: list[Group] = []
    run: list[tuple[int, int]] = []

    def judge() -> None:
        if len(run) < need:
            return
        texts = [text[a:b] for a, b in run]
        if len(set(texts)) < len(texts):
            return
        common = set.intersection(*(_breaks(doc, a, b) for a, b in run))
        if not any(all(doc.has_predicate(a + k, b) for a, b in run) for k in common):
            return
        kind, frame, _ = _kind_frame(texts)
        out.append(Group(kind, frame, list(run), _score(run), "paragraph"))

    for para in [*paras, None]:
        head: tuple[int, int] | None = None
        if para is not None and len(para.sentences) >= 2 and len(para.sentences[0].clauses) == 1:
            c = para.sentences[0].clauses[0]
            if HEADLINE_MIN <= c.end - c.start <= HEADLINE_MAX and han_len(text[c.start : c.end]) == c.end - c.start:
                head = (c.start, c.end)
        if head is not None and run and head[1] - head[0] == run[0][1] - run[0][0]:
            run.append(head)
            continue
        judge()
        run = [head] if head is not None else []
    return out


def sentence_leads(doc: TokenView, paras: list[Paragraph], min_items: int) -> list[Group]:
    """Successive sentences of a paragraph (none between them) whose opening clauses are verb-object
    phrases of one length, 4-8 Han characters, each followed by the sentence's other clauses, with the
    verb of one length (突出|企业主体地位，…。推动|科技成果转化，…。优化|科技服务供给，…).

    >>> from policytext.extract.parallels import find_parallels
    >>> t = "做大总量，打造外贸集群。做优服务，完善服务体系。做好招引，办好全球大会。"
    >>> find_parallels(t).loc[0, "items"]
    ['做大总量', '做优服务', '做好招引']
    """
    text = doc.text
    out: list[Group] = []
    need = max(3, min_items)
    for para in paras:
        if len(para.sentences) < need:
            continue
        run: list[tuple[int, int]] = []
        for sent in [*para.sentences, None]:
            lead: tuple[int, int] | None = None
            if sent is not None and len(sent.clauses) >= 2:
                c = sent.clauses[0]
                L = c.end - c.start
                if 4 <= L <= 8 and han_len(text[c.start : c.end]) == L and doc.pos_at.get(c.start, "x")[:1] == "v":
                    lead = (c.start, c.end)
            if lead is not None and run and lead[1] - lead[0] == run[0][1] - run[0][0]:
                run.append(lead)
                continue
            # the verb ends at one place in every lead (1 or 2 characters) and leaves an object of 2+
            if (
                len(run) >= need
                and len({text[a:b] for a, b in run}) == len(run)
                and any(all(doc.boundary[a + k] for a, _ in run) for k in (1, 2))
            ):
                kind, frame, _ = _kind_frame([text[a:b] for a, b in run])
                out.append(Group(kind, frame, list(run), _score(run), "sentence"))
            run = [lead] if lead is not None else []
    return out
