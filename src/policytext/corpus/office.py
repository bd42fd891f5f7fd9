"""Reading PDF (pdfplumber, extra ``pdf``) and Word ``.docx`` (python-docx, extra ``docx``) files as text.

A PDF loses its running headers, footers and page numbers (``— 3 —``, ``第3页``), and lines that a
wrap or a page break split inside a paragraph are joined again (Chinese has no spaces, so a wrap
leaves no newline inside a word), while paragraph and heading breaks stay. A ``.docx`` gives one
line per paragraph and one line per table row (cells separated by a space).

>>> join_wrapped([("一、总体要求", 0.3, False), ("坚持稳中求进，推动", 1.0, False), ("高质量发展。", 0.4, False)])
['一、总体要求', '坚持稳中求进，推动高质量发展。']
"""

from __future__ import annotations

import contextlib
import importlib
import io
import logging
import re
import threading
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..errors import DecodeError, MissingExtraError
from .docx_chunks import AltChunks
from .docx_numbering import ListNumbering
from .officialdoc import CN_ORDINAL, is_date_line
from .text import RADICAL_TABLE

__all__ = ["join_wrapped", "read_docx_text", "read_pdf_text", "read_pdf_text_and_notes"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[—\-–－_~·\s]*\d{1,4}[—\-–－_~·\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
_HEADING_RE = re.compile(
    rf"^(?:{CN_ORDINAL}、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条篇部分]|附件\s*\d*\s*[:：]?$)"
)
_END = "。！？；：:!?;…”’」』）)》"
# marks after which a sentence goes on: the next line continues it even when it looks like a heading (…按照本细则第二、
# / 三、四、五条执行。)
_GOES_ON = "、，,（(《“‘—"
_NEVER_FIRST = "，。、；：？！,.;:?!”’」』）)》〕】"


def _module(name: str, feature: str, extra: str, package: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError(feature, extra, package) from None


def join_wrapped(lines: list[tuple[str, float, bool]]) -> list[str]:
    """Paragraphs from ``(line, fill, indented)`` triples: *fill* is how far the line reaches
    toward the right margin (1.0 = full width), *indented* whether it starts indented.

    A line joins the one before it when that one ran to the margin (``fill >= 0.9``) without
    ending a sentence, and the line itself is neither indented nor a heading (一、 （一） 1. 第一条)
    unless that one ended in a mark after which the sentence goes on (、，《“: 第二、 / 三、四、五条执行。);
    lines of a table (cells separated by spaces, no sentence punctuation) are never joined, and nothing joins a
    line that is a date alone (a 成文日期).

    >>> join_wrapped([("按照本细则第二、", 1.0, False), ("三、四、五条执行。", 0.4, False), ("三、附则", 0.2, False)])
    ['按照本细则第二、三、四、五条执行。', '三、附则']
    """
    out: list[str] = []
    prev_fill = 0.0
    prev_row = False
    for text, fill, indented in lines:
        row = _is_table_row(text)
        # (a line never starts with a comma or closing mark; a 成文日期 under its signature ends the text, so the
        # 版记 under it (抄送) is no wrap; a list's label opens a line of its own, 出席：…, 分送：…, and 附件： after a
        # sentence's or a clause's end)
        if (out and text[:1] in _NEVER_FIRST) or (
            out
            and prev_fill >= 0.9
            and not indented
            and not prev_row
            and not row
            and not (_HEADING_RE.match(text) and out[-1][-1:] not in _GOES_ON)
            and not (out[-1][-1:] in _END and prev_fill < 0.97)
            and not is_date_line(out[-1])
            and not _LIST_LABEL_RE.match(text)
            and not (out[-1][-1:] in _END and _ATTACHMENT_LABEL_RE.match(text))
        ):
            out[-1] += text
        else:
            out.append(text)
        prev_fill = fill
        prev_row = row
    return out


# a line opened by a label: a 纪要's lists (出席：…) and a 版记's (抄送：…, 分送：…), and an 附件 list's
_LIST_LABEL_RE = re.compile(
    r"^\s*(?:抄\s*送|分\s*送|报\s*送|出\s*席|列\s*席|请\s*假|缺\s*席|记\s*录|参加人员|参会人员|出席人员|列席人员)\s*[:：]"
)
_ATTACHMENT_LABEL_RE = re.compile(r"^\s*附\s*件\s*\d{0,2}\s*[:：]")
_CELL_GAP_RE = re.compile(r"[\u4e00-\u9fff）)] [\u4e00-\u9fff]")


def _is_table_row(text: str) -> bool:
    """A line of a table (职位代码 部门名称 职位名称 …): two or more gaps between Chinese words and no
    sentence punctuation (a gap beside a digit, 按 2 0 0 0年, is a PDF's letter-spacing, not a cell's
    edge). It is never joined to the line before or after it."""
    return len(_CELL_GAP_RE.findall(text)) >= 2 and not re.search(r"[，。；！？,;!?]", text)


def _running_key(line: str) -> str:
    """A line as a running header or footer repeats it from page to page: its digits and spaces ignored (第 3 页,
    — 3 —; a header whose two parts a page sets further apart)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that repeat at the top or bottom of at least half of the pages (of every page when there
    are fewer than four), digits ignored; in three pages or more, also a line that holds the document's 发文字号 and
    is the same, digits and all, at the top or bottom of every page but the first, which the 版头 takes (某安办〔2025〕
    21号 over pages 2 and 3; not 附件1 and 附件2, nor 单位：万元)."""
    if len(pages) < 2:
        return set()
    edges: Counter[str] = Counter()
    later: Counter[str] = Counter()
    for n, lines in enumerate(pages):
        for line in set(lines[:2] + lines[-2:]):
            edges[_running_key(line)] += 1
            if n and _DOC_NUMBER_IN_LINE_RE.search(line):
                later[re.sub(r"\s+", "", line)] += 1
    need = len(pages) if len(pages) < 4 else max(2, len(pages) // 2)  # on every page of a short PDF
    found = {k for k, n in edges.items() if n >= need}
    if len(pages) >= 3:
        found |= {_running_key(line) for line, n in later.items() if n == len(pages) - 1}
    return found


# a 发文字号 inside a line: 某安办〔2025〕21号, 国办发[2023]12号
_DOC_NUMBER_IN_LINE_RE = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*号")


class _QuietWhileReading(logging.Filter):
    """Drops pdfminer's records below ERROR in a thread that is inside :func:`_quiet_pdfminer`."""

    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR or not getattr(self.local, "depth", 0)


_PDFMINER_FILTER = _QuietWhileReading()


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs a warning per glyph of a font without a bounding box (common in Chinese government
    PDFs: "Could not get FontBBox"); they say nothing about the text, so they are dropped while a PDF is read
    in this thread. A filter on pdfminer's loggers, never their levels: another thread reading at the same
    time, or the user's own logging of pdfminer, is left as it was."""
    names = {"pdfminer", "pdfminer.pdffont", "pdfminer.pdfpage", "pdfminer.pdfinterp", "pdfminer.pdfdocument"}
    names |= {n for n in logging.root.manager.loggerDict if n.startswith("pdfminer.")}
    for n in sorted(names):
        lg = logging.getLogger(n)
        if _PDFMINER_FILTER not in lg.filters:
            lg.addFilter(_PDFMINER_FILTER)
    local = _PDFMINER_FILTER.local
    local.depth = getattr(local, "depth", 0) + 1
    try:
        yield
    finally:
        local.depth -= 1


_STARTXREF_RE = re.compile(rb"startxref\s+(\d+)")


def _repair_tail(raw: bytes) -> bytes | None:
    """A PDF whose end a download or a converter garbled (``startxref 667766`` on one line, bytes after
    ``%%EOF``: seen in CNKI reprints) with its last ``startxref`` rewritten as the standard requires;
    None when there is none."""
    tail_at = max(len(raw) - 2048, 0)
    found = list(_STARTXREF_RE.finditer(raw, tail_at))
    if not found:
        return None
    m = found[-1]
    return raw[: m.start()] + b"startxref\n" + m.group(1) + b"\n%%EOF\n"


def read_pdf_text(raw: bytes, name: str = "<bytes>") -> str:
    """The text of a PDF, one paragraph per line; a PDF without a text layer is a :class:`DecodeError`.

    Footnotes set at a page's foot are left out (:func:`read_pdf_text_and_notes` returns them too).
    """
    return read_pdf_text_and_notes(raw, name)[0]


def read_pdf_text_and_notes(raw: bytes, name: str = "<bytes>") -> tuple[str, list[str]]:
    """The text of a PDF, one paragraph per line, and its footnotes, one per item.

    A footnote is the block of lines at the foot of a page, after the text and above the page number, set in a
    smaller type than the text (under 0.8 of its characters' width), opened by a note mark (①, ⑴, [1], *) or a
    注释： heading, one of whose marks the text above refers to (小微企业①): it is taken out of the text, so that a
    sentence running over the page break joins up again. Small type without a note mark (a table, a caption), or
    with marks the text never refers to (a 专栏's items ①…④ set small, a table's 注：), stays where it is.
    """
    pdfplumber = _module("pdfplumber", f"reading PDF ({name})", "pdf", "pdfplumber")
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except Exception as e:  # pdfminer raises many types on broken files
        repaired = _repair_tail(raw)
        try:
            if repaired is None:
                raise
            pdf = pdfplumber.open(io.BytesIO(repaired))
        except Exception:
            if "PasswordIncorrect" in f"{type(e).__name__}: {e}":
                raise DecodeError(
                    f"{name}: a password-protected PDF; open it with its password and save a copy without one",
                    source=name,
                ) from None
            raise DecodeError(f"{name}: not a readable PDF ({type(e).__name__}: {e})", source=name) from None
    pages: list[list[tuple[str, float, float]]] = []  # per page: (text, x0, x1)
    widths: list[tuple[float, float]] = []
    gutter: float | None = None  # of the last page found set in two columns
    with pdf, _quiet_pdfminer(), _PdfiumPages(raw) as pdfium_pages:
        for index, page in enumerate(pdf.pages):
            lines = page.extract_text_lines(layout=False, strip=True, return_chars=True)
            columns = _column_rows(lines, float(page.width), gutter)
            rows = columns[0] if columns else None
            if columns:
                gutter = columns[1]
            if rows is None:
                rows = []
                for line in lines:
                    text = re.sub(r"\s+", " ", line["text"]).strip()
                    if text:
                        rows.append((text, float(line["x0"]), float(line["x1"])))
            share = _glyph_code_share(rows)
            if share > 0:
                # pdfminer found no character for the glyphs of a font ((cid:1841)(cid:4287)…: a font without a
                # Unicode map it can read, or an encrypted file it half decrypts); pdfium often reads them
                better = pdfium_pages.rows(index)
                if better and _glyph_code_share(better) < share:
                    rows = better
            pages.append(rows)
            widths.append((float(page.width), float(page.height)))
    if not any(pages):
        raise DecodeError(
            f"{name}: this PDF has no text layer (a scan or images only); run OCR on it first", source=name
        )
    pages = _unmapped_glyphs_checked(pages, name)
    running = _running_lines([[t for t, _, _ in rows] for rows in pages])
    # a line that repeats as the running header is still the title where it is set in display type (政府工作报告 in
    # 二号 over the text, and again in 五号 at the top of every page): wider than the header's own copies
    # each row with its running-line key and its width per full-width character (its type's size), computed once
    measured = [[(t, x0, x1, _running_key(t), (x1 - x0) / _em_width(t)) for t, x0, x1 in rows] for rows in pages]
    header_w: dict[str, float] = {}
    for rows_m in measured:
        for _, _, _, key, w in rows_m:
            if key in running:
                header_w[key] = min(header_w.get(key, float("inf")), w)
    kept_pages = [
        [
            row
            for row in rows_m
            if not _PAGE_NUMBER_RE.match(row[0]) and (row[3] not in running or row[4] > 1.4 * header_w[row[3]])
        ]
        for rows_m in measured
    ]
    for p in range(1, len(kept_pages)):
        rows_p = kept_pages[p]
        header = next((r[0] for r in kept_pages[p - 1] if _is_table_row(r[0])), None)
        if (
            rows_p
            and header
            and _is_table_row(rows_p[0][0])
            and re.sub(r"\s+", "", rows_p[0][0]) == re.sub(r"\s+", "", header)
        ):
            # a table's header row (the first row of the table on the page before) repeated at the top of the page
            # the table runs on to: read once
            kept_pages[p] = rows_p[1:]
    # a character's width: the median width per full-width character of the longer lines (digits,
    # Latin letters and spaces count half)
    char_w = _median([row[4] for rows_m in kept_pages for row in rows_m if len(row[0]) >= 10], 12.0)
    notes: list[str] = []
    text_above: list[str] = []  # the text of the pages before, to find a note's reference in
    for p, rows_m in enumerate(kept_pages):
        at = _footnotes_at(rows_m, char_w)
        if at < len(rows_m):
            # a note is referred to in the text above it (小微企业①, 生产总值[2]); a list set small at a page's foot
            # (专栏 items ① …, an attachment list) or a table's 注： is the text's own
            above = "".join(text_above) + "".join(row[0] for row in rows_m[:at])
            marks = {m.group(1) for row in rows_m[at:] if (m := _NOTE_REF_RE.match(row[0]))}
            if any(mark in above for mark in marks):
                notes.extend(_note_items([row[0] for row in rows_m[at:]]))
                kept_pages[p] = rows_m[:at]
        text_above.extend(row[0] for row in kept_pages[p])
    kept_m = [row for rows_m in kept_pages for row in rows_m]
    if not kept_m:
        return "", notes
    kept = [(t, x0, x1) for t, x0, x1, _, _ in kept_m]
    type_w = [w for *_, w in kept_m]
    left = _left_margin(kept)
    right = _right_margin(kept)
    span = max(right - left, 1.0)
    triples = []
    for i, (t, x0, x1) in enumerate(kept):
        fill = (x1 - left) / span
        if right - x1 < 2.5 * char_w:
            fill = max(fill, 0.95)
        elif x0 - left > 2 * char_w and abs((x0 - left) - (right - x1)) < 1.5 * char_w:
            fill = min(fill, 0.5)  # a centred line (a title's) is set on its own: it never runs on into the next
        if (
            i + 1 < len(kept)
            and _em_width(t) >= 4
            and _em_width(kept[i + 1][0]) >= 2
            and type_w[i] > 1.2 * type_w[i + 1]
        ):
            # a line in a larger type than the next one (a title across the page over the recipients) ends there
            fill = min(fill, 0.5)
        triples.append((t, fill, x0 - left > 1.2 * char_w))
    # a font that maps its glyphs to radicals (⼈⼯智能, 意⻅) prints ideographs: read them as such here, so that the
    # title and the fields read from this text are right without normalization too
    text = "\n".join(_unspace(ln) for ln in join_wrapped(triples)).translate(RADICAL_TABLE)
    return text, [n.translate(RADICAL_TABLE) for n in notes]


# what opens a footnote: a circled or bracketed number, 注：/注①, [1], an asterisk
_NOTE_MARK_RE = re.compile(
    r"^\s*(?:[①-⑳⑴-⒇]|注\s*(?:[:：①-⑳]|\d{1,2}\s*[:：.．])|[\[［]\d{1,2}[\]］]|[*＊※]|注释\s*[:：]?\s*$)"
)
# a note's mark that the text refers to it by (①, ⑴, [2], ［2］, *, ※), also after 注 (注①)
_NOTE_REF_RE = re.compile(r"^\s*(?:注\s*)?([①-⑳⑴-⒇]|[\[［]\d{1,2}[\]］]|[*＊※])")
# the notes' own heading on a line of its own (注释：, 注：), not a note
_NOTE_LABEL_RE = re.compile(r"^\s*注(?:释)?\s*[:：]?\s*$")


def _footnotes_at(rows: list[tuple[str, float, float, str, float]], char_w: float) -> int:
    """Index of the first row of the footnotes at the foot of a page's *rows* (``len(rows)`` when it has none).

    (The caller also asks that the text above refer to one of the notes by its mark.) The footnotes are the page's
    last rows, each in a type under 0.8 of the text's *char_w*, the first of them
    opened by a note mark or by the notes' heading (注释：); text in the text's type must stand above them.

    >>> rows = [("第五条 正文的一行。", 0, 160, "", 16.0), ("① 注释。", 0, 40, "", 10.0)]
    >>> _footnotes_at(rows, 16.0)
    1
    """
    at = len(rows)
    while at > 0 and rows[at - 1][4] < 0.8 * char_w:
        at -= 1
    # the small rows must open with a mark; a later mark (a second note) is fine, an unmarked first row is not
    while at < len(rows) and not _NOTE_MARK_RE.match(rows[at][0]):
        at += 1
    if at == len(rows) or not any(row[4] >= 0.8 * char_w for row in rows[:at]):
        return len(rows)
    return at


def _note_items(lines: list[str]) -> list[str]:
    """The footnotes of a page's foot, a note's wrapped lines joined (a new note starts at a note mark, or after a
    note that ends its sentence)."""
    items: list[str] = []
    for line in lines:
        if _NOTE_LABEL_RE.match(line):
            continue
        if items and not _NOTE_MARK_RE.match(line) and not items[-1].endswith(("。", "！", "？", "）", ")")):
            items[-1] = _unspace(items[-1] + line)  # a note's wrapped line (a line after a finished note is its own)
        else:
            items.append(_unspace(line))
    return items


# what a running head or foot of a gazette's page holds: its name (…公报), its issue (2025年第5期, 总第213期), a date,
# a page number (·17·, — 17 —)
_RUNNING_HEAD_RE = re.compile(
    r"公报|第\s*\d{1,4}\s*期|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|[·—\-－]\s*\d{1,4}\s*[·—\-－]"
)


def _segments(chars: list[dict[str, Any]]) -> list[tuple[float, float, list[dict[str, Any]]]]:
    """A text line's characters in runs set apart by a gap of more than one character's size: ``(x0, x1, chars)``."""
    out: list[tuple[float, float, list[dict[str, Any]]]] = []
    for c in sorted(chars, key=lambda c: float(c["x0"])):
        x0, x1 = float(c["x0"]), float(c["x1"])
        if out and x0 - out[-1][1] <= max(float(c.get("size") or 0.0), x1 - x0):
            out[-1] = (out[-1][0], max(out[-1][1], x1), [*out[-1][2], c])
        else:
            out.append((x0, x1, [c]))
    return out


def _gutter(
    lines: list[list[tuple[float, float, list[dict[str, Any]]]]], width: float, known: float | None = None
) -> float | None:
    """The x of the gutter of a page set in two columns, or None: an x in the middle of the page that no run of
    text crosses on most lines, with eight lines or more of text on each side that fill their column (prose, not
    a table's ragged cells) and start aligned. The *known* gutter of an earlier page holds on a page that almost
    nothing crosses and that has a column of prose left of it, and on its right one too or next to nothing (a last
    page with its second column short or empty)."""
    if known is not None and lines:
        crossing = sum(1 for segs in lines if any(a < known < b for a, b, _ in segs))
        left, right = _sides(lines, known)
        # (its second column may be empty or short: a last page; but what stands on each side is a column of prose)
        if (
            crossing <= 0.1 * len(lines)
            and len(left) >= 3
            and _prose_side(left)
            and (len(right) <= 1 or (len(right) >= 3 and _prose_side(right)))
        ):
            return known
    best: tuple[int, float] | None = None
    for step in range(int(width * 0.3), int(width * 0.7), 2):
        x = float(step)
        crossing = sum(1 for segs in lines if any(a < x < b for a, b, _ in segs))
        if (
            best is None
            or crossing < best[0]
            or (crossing == best[0] and abs(x - width / 2) < abs(best[1] - width / 2))
        ):
            best = (crossing, x)
    if best is None or best[0] > 0.3 * len(lines):
        return None
    x = best[1]
    left_ends = [max(b for a, b, _ in segs if b <= x) for segs in lines if any(b <= x for a, b, _ in segs)]
    right_starts = [min(a for a, b, _ in segs if a >= x) for segs in lines if any(a >= x for a, b, _ in segs)]
    if len(left_ends) < 8 or len(right_starts) < 8:
        return None
    size = _median([float(c.get("size") or 10.0) for segs in lines for *_, cs in segs for c in cs], 10.0)
    edge, start = max(left_ends), min(right_starts)
    if start - edge < size:
        return None  # no blank band between the columns
    filled = sum(1 for e in left_ends if edge - e <= 2.5 * size) / len(left_ends)
    aligned = sum(1 for a in right_starts if a - start <= 2.5 * size) / len(right_starts)
    if filled < 0.5 or aligned < 0.5:
        return None
    # each side prose, not a table's columns
    return x if all(_prose_side(part) for part in _sides(lines, x)) else None


def _sides(lines: list[list[tuple[float, float, list[dict[str, Any]]]]], x: float) -> tuple[list[Any], list[Any]]:
    """The runs of each line left of *x* and right of it (lines with none on a side left out of that side)."""
    left = [p for p in ([s for s in segs if s[1] <= x] for segs in lines) if p]
    right = [p for p in ([s for s in segs if s[0] >= x] for segs in lines) if p]
    return left, right


def _prose_side(parts: list[list[tuple[float, float, list[dict[str, Any]]]]]) -> bool:
    """Whether one side of a gutter holds a column of prose, not a table's cells: one run of Chinese text a line,
    of twelve characters or more as a rule."""
    texts = ["".join(c["text"] for *_, cs in p for c in cs) for p in parts]
    han = [sum("\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts]
    return (
        sum(len(p) == 1 for p in parts) >= 0.8 * len(parts)
        and _median([float(h) for h in han], 0.0) >= 12
        and sum(h >= 0.7 * len(t) for h, t in zip(han, texts)) >= 0.7 * len(texts)
    )


def _runs_text(segs: list[tuple[float, float, list[dict[str, Any]]]]) -> str:
    """The text of a line's runs (:func:`_segments`), a space between two runs."""
    return re.sub(r"\s+", " ", " ".join("".join(c["text"] for c in cs) for *_, cs in segs)).strip()


def _column_rows(
    lines: list[dict[str, Any]], width: float, known: float | None = None
) -> tuple[list[tuple[str, float, float]], float] | None:
    """The rows of a page set in two columns (a 政府公报's), read column by column, and the gutter's x (*known*: an
    earlier page's, see :func:`_gutter`), or None for a page in one column. A line that runs across the gutter (a
    title over both columns) is read in its place, after the two columns' lines above it; each column's rows are
    placed on the page's width (their x0 and x1 stretched from the column's to the page's text width), so that a
    line that fills its column reads as one that runs on.
    """
    runs = [_segments(line.get("chars") or []) for line in lines]
    x = _gutter([r for r in runs if r], width, known)
    if x is None:
        return None
    spans = [(a, b) for segs in runs for a, b, _ in segs]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    left_hi = max((b for a, b in spans if b <= x), default=x)
    right_lo = min((a for a, b in spans if a >= x), default=x)

    def placed(part: list[tuple[float, float, list[dict[str, Any]]]], c0: float, c1: float) -> tuple[str, float, float]:
        scale = (hi - lo) / max(c1 - c0, 1.0)
        return _runs_text(part), lo + (part[0][0] - c0) * scale, lo + (part[-1][1] - c0) * scale

    def flat(segs: list[tuple[float, float, list[dict[str, Any]]]]) -> str:
        return "".join(c["text"] for *_, cs in segs for c in cs)

    out: list[tuple[str, float, float]] = []
    left: list[tuple[str, float, float]] = []
    right: list[tuple[str, float, float]] = []
    filled = [k for k, segs in enumerate(runs) if segs]
    edges = {filled[0], filled[-1]} if filled else set()
    for k, segs in enumerate(runs):
        if not segs:
            continue
        both = any(b <= x for _, b, _ in segs) and any(a >= x for a, _, _ in segs)
        if k in edges and both and sum(len(cs) for *_, cs in segs) <= 30 and _RUNNING_HEAD_RE.search(flat(segs)):
            # the page's first or last line set on both sides in a few characters: a running head or foot (某某市
            # 人民政府公报 … 2025年第5期, 2025年第5期 … 市政府办公室文件), which changes from page to page
            continue
        if any(a < x < b for a, b, _ in segs):
            # a line across the gutter (a title over both columns): read whole in its place
            out += left + right
            left, right = [], []
            out.append((_runs_text(segs), segs[0][0], segs[-1][1]))
            continue
        lpart = [seg for seg in segs if seg[1] <= x]
        rpart = [seg for seg in segs if seg[0] >= x]
        if lpart:
            left.append(placed(lpart, lo, left_hi))
        if rpart:
            right.append(placed(rpart, right_lo, hi))
    return [row for row in out + left + right if row[0]], x


# a glyph that pdfminer could not map to a character
_GLYPH_CODE_RE = re.compile(r"\(cid:\d+\)")


def _glyph_code_share(rows: list[tuple[str, float, float]]) -> float:
    """The share of the characters of *rows* that stand for glyphs without a character (``(cid:1841)`` counts 1).

    >>> _glyph_code_share([("(cid:12)(cid:7)通知", 0.0, 1.0)])
    0.5
    """
    codes = sum(len(_GLYPH_CODE_RE.findall(t)) for t, _, _ in rows)
    if not codes:
        return 0.0
    chars = sum(len(_GLYPH_CODE_RE.sub("#", t)) for t, _, _ in rows)
    return codes / max(chars, 1)


def _unmapped_glyphs_checked(
    pages: list[list[tuple[str, float, float]]], name: str
) -> list[list[tuple[str, float, float]]]:
    """*pages* with each glyph code still left written as U+FFFD (a character that is there but unknown) and a
    warning naming how many; a :class:`DecodeError` when they are most of the text (nothing readable is left)."""
    rows = [r for page in pages for r in page]
    share = _glyph_code_share(rows)
    if not share:
        return pages
    codes = sum(len(_GLYPH_CODE_RE.findall(t)) for t, _, _ in rows)
    if share > 0.5:
        raise DecodeError(
            f"{name}: the text layer of this PDF gives no characters for its fonts ({codes} glyph codes such as "
            "(cid:1841) in place of characters, neither pdfminer nor pdfium reads them); run OCR on it",
            source=name,
        )
    warnings.warn(
        f"{name}: {codes} character(s) of the PDF's text layer have no Unicode mapping; each is read as U+FFFD",
        UserWarning,
        stacklevel=4,
    )
    return [[(_GLYPH_CODE_RE.sub("\ufffd", t), x0, x1) for t, x0, x1 in page] for page in pages]


class _PdfiumPages:
    """The pages of a PDF as pdfium (``pypdfium2``, which pdfplumber installs) reads them, opened only when a page
    is asked for; :meth:`rows` gives a page's lines as ``(text, x0, x1)``, or None when pdfium cannot read it."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._pdf: Any = None
        self._failed = False

    def __enter__(self) -> _PdfiumPages:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def rows(self, index: int) -> list[tuple[str, float, float]] | None:
        if self._failed:
            return None
        try:
            if self._pdf is None:
                import pypdfium2

                self._pdf = pypdfium2.PdfDocument(self._raw)
            textpage = self._pdf[index].get_textpage()
            segments = []
            for j in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(j)
                text = re.sub(r"\s+", " ", textpage.get_text_bounded(left, bottom, right, top)).strip()
                if text:
                    segments.append((text, float(left), float(right), float(bottom), float(top)))
        except Exception:  # pdfium missing or refusing the file: pdfminer's reading stands
            self._failed = True
            return None
        # top to bottom and left to right, as pdfplumber gives its lines (pdfium keeps the content stream's order,
        # in which a page may draw its last line first); the segments of one line (the same baseline within half a
        # line's height) are one row
        segments.sort(key=lambda seg: (-round(seg[3]), seg[1]))
        lines: list[tuple[str, float, float, float, float]] = []
        for text, x0, x1, y0, y1 in segments:
            if lines and abs(lines[-1][3] - y0) < 0.5 * max(y1 - y0, 1.0) and x0 >= lines[-1][2] - 1:
                t, lx0, _, ly0, ly1 = lines[-1]
                lines[-1] = (t + " " + text, lx0, x1, ly0, ly1)
            else:
                lines.append((text, x0, x1, y0, y1))
        return [(t, x0, x1) for t, x0, x1, _, _ in lines]


def _median(values: list[float], default: float) -> float:
    """The median of *values* (the upper one of an even count), or *default* when there are none."""
    return sorted(values)[len(values) // 2] if values else default


def _em_width(text: str) -> float:
    """The width of *text* in full-width characters: CJK characters and full-width marks count 1,
    digits, Latin letters, half-width marks and spaces count half."""
    wide = sum(1 for c in text if c >= "\u2e80")
    return max(wide + 0.5 * (len(text) - wide), 1.0)


def _left_margin(rows: list[tuple[str, float, float]]) -> float:
    """Where the text column starts: the left edge most lines share (within 3 points), so that a table
    reaching further left does not make every line of prose look indented; the leftmost edge when no
    edge is shared by at least three lines and a fifth of them."""
    bins = Counter(round(x0 / 3) for _, x0, _ in rows)
    common, n = bins.most_common(1)[0]
    if n >= 3 and n * 5 >= len(rows):
        return min(x0 for _, x0, _ in rows if round(x0 / 3) == common)
    return min(x0 for _, x0, _ in rows)


def _right_margin(rows: list[tuple[str, float, float]]) -> float:
    """Where the text column ends: the right edge most of the longer lines reach (within 3 points),
    so that a table or a figure running wider than the column does not move the margin;
    the rightmost edge when no edge is shared by at least three lines and a fifth of them."""
    long = [x1 for t, _, x1 in rows if len(t) >= 10]
    bins = Counter(round(x1 / 3) for x1 in long)
    if bins:
        common, n = bins.most_common(1)[0]
        if n >= 3 and n * 5 >= len(long):
            return max(x1 for x1 in long if round(x1 / 3) == common)
    return max(x1 for _, _, x1 in rows)


_CJK_SPACE_RE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


# a gap a PDF leaves around a number in Chinese text: 第 41号, 2019 年 6 月 15 日, 〔2018〕22 号
_NUMBER_UNIT_GAP_RE = re.compile(r"(?<=第) (?=\d)|(?<=\d) (?=[号年月日条章节款项])|(?<=[年月]) (?=\d)")
# in prose, any gap between a Han character and a digit (需 2/3 以上, 共 3 个)
_HAN_DIGIT_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=\d)|(?<=\d) (?=[\u4e00-\u9fff])")


def _unspace(line: str) -> str:
    """Chinese has no spaces between words: when a line is letter-spaced (three or more spaces between CJK
    characters, one every five characters or more often), those spaces go; a single gap (第一条 内容) stays.
    A gap around a number goes where the number counts a unit (第 41号, 2019 年 6 月 15 日, 22 号) and, in a
    line of prose (one with a comma or a sentence end), wherever it touches a Han character; a table's row keeps
    its gaps.

    >>> _unspace("根据《规定》（教育部令第 41号），需 2/3 以上委员同意。"), _unspace("2019 年 6 月 15 日")
    ('根据《规定》（教育部令第41号），需2/3以上委员同意。', '2019年6月15日')
    """
    n = len(_CJK_SPACE_RE.findall(line))
    if n >= 3 and n * 5 > len(line):
        line = _CJK_SPACE_RE.sub("", line)
    if " " not in line or _is_table_row(line):
        return line
    line = _NUMBER_UNIT_GAP_RE.sub("", line)
    return _HAN_DIGIT_GAP_RE.sub("", line) if re.search(r"[，。；！？]", line) else line


def read_docx_text(raw: bytes, name: str = "<bytes>") -> str:
    """The text of a ``.docx``: paragraphs and table rows in document order, one per line."""
    docx = _module("docx", f"reading Word files ({name})", "docx", "python-docx")
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception:  # python-docx raises several types on broken files (a dangling image link, …)
        return _docx_xml_text(raw, name)
    return _package_text(document.element.body, _Package(raw, name), name)


def _package_text(body: Any, package: _Package, name: str) -> str:
    """The lines of *body*, joined; a body whose only content is an imported chunk policytext cannot read (RTF,
    plain text) is a :class:`DecodeError` naming that part, never an empty text."""
    text = "\n".join(ln.strip() for ln in _body_lines(body, package))
    unread = package.chunks.unread
    if unread and not text.strip():
        raise DecodeError(
            f"{name}: its body is an imported chunk that policytext does not read "
            f"({', '.join(unread)}); open it in Word and save it as .docx again",
            source=name,
        )
    if unread:
        warnings.warn(
            f"{name}: {len(unread)} imported chunk(s) not read ({', '.join(unread)})", UserWarning, stacklevel=4
        )
    if not text.strip() and _text_boxes_only(body):
        raise DecodeError(
            f"{name}: this Word file's text is all in text boxes, which policytext does not read; move it into the "
            "body (or save the file as PDF) and read it again",
            source=name,
        )
    if not text.strip() and _holds_pictures(body):
        raise DecodeError(
            f"{name}: this Word file holds pictures but no text (a scan pasted into Word?); run OCR on it first",
            source=name,
        )
    return text


def _is_text_box(el: Any) -> bool:
    """Whether *el* is a text box's content (``w:txbxContent``, VML ``v:textbox``)."""
    return str(el.tag).endswith(("}txbxContent", "}textbox"))


def _text_boxes_only(body: Any) -> bool:
    """Whether *body* holds text boxes with text in them."""
    return any(_is_text_box(el) and "".join(el.itertext()).strip() for el in body.iter())


def _holds_pictures(body: Any) -> bool:
    """Whether *body* (a ``w:body``) draws a picture (``w:drawing``, or VML's ``w:pict`` of older files) that is not
    a text box (whose text policytext does not read: that is no scan)."""
    return any(el.tag in (_W + "drawing", _W + "pict") and not any(map(_is_text_box, el.iter())) for el in body.iter())


class _Package:
    """What a ``.docx``'s body refers to outside ``document.xml``: its list numbering and its imported chunks."""

    def __init__(self, raw: bytes, name: str) -> None:
        self.numbering = ListNumbering(raw)
        self.chunks = AltChunks(raw, name, read_docx=read_docx_text)


def _body_lines(container: Any, package: _Package) -> list[str]:
    """The lines of a ``w:body`` (ElementTree or lxml): one per paragraph and one per table row, in document order,
    also inside content controls (``w:sdt``) and custom XML blocks, whose paragraphs python-docx does not list.
    Tables are read from their XML directly: python-docx's ``row.cells`` is slow on large tables (it resolves
    every merge), and a vertically merged cell is printed once, as the document shows it. A paragraph of one of
    Word's numbered lists gets the label Word shows (一、 （一） 1.: :mod:`~policytext.corpus.docx_numbering`); an
    imported chunk (``w:altChunk``, a web page inside the package) gives its text
    (:mod:`~policytext.corpus.docx_chunks`)."""
    lines: list[str] = []
    for child in container:
        if child.tag == _W + "p":
            lines.append(package.numbering.label(child) + _para_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child, package))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None and not _skipped_control(child):
                lines.extend(_body_lines(content, package))
        elif child.tag == _W + "customXml":
            lines.extend(_body_lines(child, package))
        elif child.tag == _W + "altChunk":
            lines.extend(package.chunks.lines(child.get(_R_ID) or ""))
    return lines


def _skipped_control(sdt: Any) -> bool:
    """A content control whose content is no text of the document: a placeholder still showing (单击或点击此处输入
    文字。) or Word's generated table of contents (its headings again, with page numbers)."""
    props = sdt.find(_W + "sdtPr")
    if props is None:
        return False
    if props.find(_W + "showingPlcHdr") is not None:
        return True
    gallery = props.find(f"{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and "Table of Contents" in (gallery.get(_W + "val") or "")


# what a paragraph's text leaves out: deleted and moved-away runs of tracked changes, text boxes (a 版头 or a
# sidebar drawn over the page; Word writes each twice, for new and old readers), field codes, and formatting
_NOT_TEXT = frozenset(
    _W + tag
    for tag in ("del", "moveFrom", "txbxContent", "instrText", "delText", "pPr", "rPr", "sdtPr", "footnoteReference")
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_CHAR_OF = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _para_text(p: Any) -> str:
    """A ``w:p`` element's text (ElementTree or lxml): its runs wherever they sit (hyperlinks, inserted runs of
    tracked changes, content controls, fields), tabs and line breaks; not deleted runs, text boxes or field codes.

    >>> import xml.etree.ElementTree as ET
    >>> w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    >>> _para_text(ET.fromstring(f'<w:p {w}><w:r><w:t>加强</w:t></w:r><w:del><w:r><w:delText>全面</w:delText></w:r>'
    ...                          f'</w:del><w:ins><w:r><w:t>基层党建</w:t></w:r></w:ins></w:p>'))
    '加强基层党建'
    """
    out: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag in _CHAR_OF:
                out.append(_CHAR_OF[tag])
            elif tag == _W + "sdt" and _skipped_control(child):
                continue
            elif tag not in _NOT_TEXT and isinstance(tag, str):
                walk(child)

    walk(p)
    return "".join(out)


def _children(element: Any, tag: str) -> list[Any]:
    """The *tag* children of *element*, also those a content control (``w:sdt``/``w:sdtContent``) or a custom XML
    block wraps, but not those of nested elements of other kinds (a row's cells, not a nested table's)."""
    out = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            out.extend(_children(child, tag))
    return out


def _table_lines(table: Any, package: _Package) -> list[str]:
    """One line per row of a ``w:tbl`` element: its cells' texts separated by a space (a cell spanning
    several columns once, an empty cell left out). A table nested in a cell is part of that cell's text, once."""
    lines = []
    for row in _children(table, _W + "tr"):
        cells: list[str] = []
        for cell in _children(row, _W + "tc"):
            text = " ".join(" ".join(_body_lines(cell, package)).split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        lines.append(" ".join(cells))
    return lines


def _docx_xml_text(raw: bytes, name: str) -> str:
    """The same lines read from ``word/document.xml`` directly, for files python-docx refuses
    (a relationship that points nowhere): paragraphs, and table rows with cells separated by a space."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            root = ET.fromstring(z.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as e:
        raise DecodeError(f"{name}: not a readable .docx ({type(e).__name__}: {e})", source=name) from None

    body = root.find(_W + "body")
    return _package_text(body if body is not None else [], _Package(raw, name), name)
