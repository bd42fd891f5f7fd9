"""Reading one document from a file or bytes: typing by content, decoding, cleaning, metadata, normalization.

Plain text, HTML (extra ``html``; also a page saved as one file, MHTML), PDF (extra ``pdf``) and ``.docx``
(extra ``docx``) are told apart by their bytes, never by the file's suffix alone.

>>> doc = read_document("来源:新华社\\n坚持稳中求进。".encode("gb18030"))
>>> doc.meta["source"], doc.meta["encoding"]
('新华社', 'gb18030')
"""

from __future__ import annotations

import io
import os
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.files import iter_json_lines
from ..errors import DecodeError, InputError
from .clean import clean_text, cut_into, decode_bytes, decode_markup_repairs, parse_date, speech_byline_cut
from .document import Document
from .html import extract_html
from .mhtml import mhtml_page
from .office import read_docx_text, read_pdf_text_and_notes
from .officialdoc import (
    adoption_note_cut,
    bulletin_byline_cut,
    byline_issuer,
    chinese_date,
    colophon_cut,
    is_attachment_label,
    leading_apparatus,
    next_document_cut,
    official_fields,
    official_title,
    proclamation_head,
    signer_cut,
)
from .sniff import READ_FORMATS, UNREAD_FORMATS, sniff_format
from .text import normalize as _normalize

__all__ = [
    "SUPPORTED_SUFFIXES",
    "load_sidecar",
    "make_document",
    "read_document",
    "read_file_bytes",
    "saved_page_of",
    "select_files",
    "suspicious_body",
]

#: File suffixes that ``Corpus.from_dir(path, pattern="**/*")`` reads (the content decides the format).
SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".pdf", ".docx"}
)

_YEAR_IN_NAME_RE = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")


def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    doc_id: str | None = None,
    clean: bool = True,
    normalize: bool = True,
    meta: dict[str, Any] | None = None,
) -> Document:
    """Read one document from a path or from bytes.

    Decodes UTF-8 (with or without BOM), GB18030/GBK/GB2312 and UTF-16 with BOM
    (the encoding goes to ``meta["encoding"]``), reads web pages (also a page saved as one file, MHTML:
    ``meta["container"]`` is ``"mhtml"`` and ``meta["url"]`` the address it was saved from), cleans
    scraped-page chrome and header lines into metadata (``clean=False`` keeps the text as it is), and
    applies the length-preserving :func:`~policytext.corpus.text.normalize`. The decoded
    text before cleaning stays in ``Document.raw``.

    Raises :class:`~policytext.DecodeError` for binary or undecodable input and
    :class:`~policytext.InputError` for an empty document, naming the file.

    >>> doc = read_document("来源:新华社\\n坚持稳中求进,推动高质量发展。".encode("gb18030"))
    >>> doc.text, doc.meta["source"], doc.meta["encoding"]
    ('坚持稳中求进，推动高质量发展。', '新华社', 'gb18030')
    """
    if meta is not None and not isinstance(meta, dict):
        raise InputError(f"read_document: meta is {type(meta).__name__}; expected a dict of metadata")
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw_bytes = bytes(source)
        name = "<bytes>"
        path: Path | None = None
    elif not isinstance(source, (str, os.PathLike)):
        raise InputError(f"read_document: source is {type(source).__name__}; expected a path or bytes")
    else:
        path = Path(source)
        name = str(path)
        raw_bytes = read_file_bytes(path)
    fmt = sniff_format(raw_bytes)
    found: dict[str, Any] = {}
    raw: str | None = None
    encoding: str | None = None
    if fmt == "pdf":
        text, notes = read_pdf_text_and_notes(raw_bytes, name)
        found["format"] = "pdf"
        if notes:
            found["footnotes"] = notes
    elif fmt == "docx":
        text = read_docx_text(raw_bytes, name)
        found["format"] = "docx"
    if fmt in ("pdf", "docx"):
        # (with clean=False the file's text is kept as the reader gives it; it is never decoded as bytes of text)
        title = official_title(text) if clean else None  # the title from the layout, not the first line (版头)
        if title:
            found["title"] = title
        elif clean and (issuer := byline_issuer(text)):
            # an issuer's name over a date opens the text: a byline under a title the text layer lacks
            # (printed as an image), not a title
            found["issuer"] = issuer
            found["title"] = None
    elif fmt in UNREAD_FORMATS:
        raise DecodeError(f"{name}: {UNREAD_FORMATS[fmt]}. Read formats: {READ_FORMATS}", source=name, offset=0)
    elif fmt in ("html", "mhtml"):
        url = None
        if fmt == "mhtml":  # a page saved as one file: its HTML part, then read as a page
            page = mhtml_page(raw_bytes, name)
            raw, encoding, repair, url = page.html, page.encoding, page.repair, page.url
        else:
            raw, encoding, repair = decode_markup_repairs(raw_bytes, source=name)
        if repair:
            warnings.warn(repair, UserWarning, stacklevel=2)
        text, found = extract_html(raw, name)
        found["format"] = "html"
        if fmt == "mhtml":
            found["container"] = "mhtml"
            if url and "url" not in found:
                found["url"] = url
        if repair:
            found["decoding_repair"] = repair
    else:
        text, encoding = decode_bytes(raw_bytes, source=name)
    doc = make_document(
        text,
        name=name,
        path=path,
        doc_id=doc_id,
        clean=clean,
        normalize=normalize,
        meta=meta,
        encoding=encoding,
        found=found,
        raw=raw,
    )
    reason = suspicious_body(doc)
    if reason:
        warnings.warn(f"{name}: {reason}", UserWarning, stacklevel=2)
    return doc


_SHORT_LINE = 14
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")


def _han_count(text: str) -> int:
    """The number of Chinese characters in *text* (counted by runs: fast on long texts)."""
    return sum(map(len, _HAN_RUN_RE.findall(text)))


def suspicious_body(doc: Document) -> str | None:
    """Why *doc*'s body looks like the wrong part of its file, or None: far shorter than the text
    read (under 5% of its Han characters, or under 30 of 300 or more), or mostly short link/navigation
    lines. Only for documents read from HTML, PDF or Word files (``meta["format"]``)."""
    if doc.meta.get("format") not in ("html", "pdf", "docx"):
        return None
    body = _han_count(doc.text)
    raw = doc.raw or ""
    if doc.meta.get("format") == "html":
        raw = re.sub(r"<[^<>]*>", "", raw)
    source = _han_count(raw)
    if doc.meta.get("format") == "html" and body < 30 and _NEEDS_SCRIPT_RE.search(doc.text):
        return f"the page's article is written in by JavaScript (the body says to turn it on): {_SAVE_LOADED_PAGE}"
    if body < 30 and source >= 300:
        return f"suspiciously short body: {body} Chinese characters (of {source} in the file)"
    if source > 2000 and body < 0.05 * source:
        return f"suspiciously short body: {body} of the file's {source} Chinese characters"
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    # a menu's lines are short words; a line without Chinese (a table's numbers, coordinates) is not one
    short = [
        ln
        for ln in lines
        if len(ln) <= _SHORT_LINE and _HAN_RE.search(ln) and not ln.rstrip().endswith(tuple("。！？；"))
    ]
    if len(lines) >= 10 and sum(map(len, short)) > 0.5 * sum(map(len, lines)):
        return (
            f"the body is mostly short link or navigation lines ({len(short)} of {len(lines)} lines): "
            "probably a menu, not the article"
        )
    if doc.meta.get("format") == "html" and 10 <= body < 200:  # (a page in English is not judged by this)
        if _ERROR_PAGE_RE.search(doc.text):
            return "the page says it is an error page (页面不存在, 404 …), not an article"
        if not any(c in doc.text for c in "。！？"):
            return f"no sentence in the body ({body} Chinese characters): probably a menu or a list, not an article"
    return None


_SCRIPT_RE = re.compile(r"<script\b[^>]*>(.*?)</script>", re.I | re.S)
_SAVE_LOADED_PAGE = (
    "its text is not in the saved HTML; save the page after it has loaded in a browser (as a complete page or MHTML)"
)
# what a page whose article a script writes in shows without it: 请开启JavaScript, enable JavaScript
_NEEDS_SCRIPT_RE = re.compile(
    r"(?:开启|启用|打开|允许|支持)\s*(?:浏览器的?)?\s*(?:JavaScript|JS|脚本)|(?:enable|turn on)\s+JavaScript"
    r"|JavaScript\s*(?:is\s*)?(?:disabled|required)|不支持\s*(?:JavaScript|JS|脚本)",
    re.I,
)
# what a web server's error page says instead of an article
_ERROR_PAGE_RE = re.compile(
    r"(?:页面|网页|文章|信息|内容)(?:不存在|已删除|已被删除|找不到|无法访问|已过期)|找不到(?:该|此|您要的)?页面"
    r"|(?<![\d-])404(?![\d-])\s*(?:Not Found|错误|页面)|^\s*404\s*$|\bNot Found\b|您访问的页面",
    re.I | re.M,
)


def make_document(
    text: str,
    *,
    name: str,
    path: Path | None,
    doc_id: str | None,
    clean: bool,
    normalize: bool,
    meta: dict[str, Any] | None,
    encoding: str | None = None,
    found: dict[str, Any] | None = None,
    raw: str | None = None,
) -> Document:
    """A :class:`Document` from decoded *text*: cleaned (metadata from its header lines and its
    official-document structure), then *found* (what a page or file printed about itself) and
    *meta* (curated metadata, which wins) laid over it."""
    info: dict[str, Any] = {}
    if clean:
        title = found.get("title") if found else None
        masthead: list[str] = []
        if title:
            text, masthead = _drop_title_lines(text, title)
        is_file = found is not None and found.get("format") in ("pdf", "docx")
        if is_file:
            # a speech's byline under its title (县委书记 王某某 / （2024年2月20日）), as on a page
            text = cut_into(cut_into(text, speech_byline_cut, info), signer_cut, info)
        if found is not None:
            # a law's or a 决定's 题注 under its title (（…会议通过）), in a file or on a page
            text = cut_into(text, adoption_note_cut, info)
        if title and found is not None:
            # a bulletin's byline under its title (某县统计局 国家统计局某调查队 / （2025年3月20日）), in a file or on a
            # page
            text = cut_into(text, bulletin_byline_cut, info)
        # a title known to be absent (None in *found*) is not looked for among the first lines
        body, cleaned = clean_text(text, title=title, find_title=not (found and "title" in found and title is None))
        info.update(cleaned)
        if is_file:
            # a gazette's page prints the next document after the first one's 成文日期: its title goes to the
            # metadata, before the official fields are read (its 成文日期 is not the first one's)
            body = cut_into(body, next_document_cut, info)
        # (the 版头's marks above the body, so that its 发文机关标志 names the issuer)
        for key, value in official_fields("\n".join([*masthead, body])).items():
            info.setdefault(key, value)
        if is_file:
            # a file's 版记 under the 成文日期 (抄送, 印发) is not the document's 主体, as on a page
            body = cut_into(body, colophon_cut, info)
    else:
        body = text
    if found:
        info.update({k: v for k, v in found.items() if v is not None})
    if meta:
        info.update({k: v for k, v in meta.items() if v is not None and not (isinstance(v, float) and v != v)})
    if isinstance(info.get("date"), str):
        info["date"] = parse_date(info["date"])
    if isinstance(info.get("written_date"), str):  # curated metadata: 2018-12-21, 2018年12月21日, 二〇一八年…
        info["written_date"] = parse_date(info["written_date"]) or chinese_date(info["written_date"])
    if info.get("date") is None and info.get("written_date") and info.get("format") in ("pdf", "docx", "html"):
        # a file prints no publication date of its own, nor does a page that prints none above or under its
        # article: the date it prints is its 成文日期 (a 答复 signed and dated over its contact line)
        info["date"] = info["written_date"]
    if path is not None:
        info.setdefault("path", str(path))
        if "date" not in info and "year" not in info:
            m = _YEAR_IN_NAME_RE.search(path.stem)
            if m:
                info["year"] = int(m.group(1))
    if encoding:
        info["encoding"] = encoding
    info.setdefault("date", None)
    if not body.strip():
        scripted = _han_count(" ".join(_SCRIPT_RE.findall(raw))) if raw and info.get("format") == "html" else 0
        hint = (
            f"; the page's scripts hold {scripted} Chinese characters: its article is probably written in by "
            f"JavaScript: {_SAVE_LOADED_PAGE}"
            if scripted >= 30
            else ""
        )
        raise InputError(f"{name}: empty document (no text{' after cleaning' if clean else ''}){hint}")
    if normalize:
        body = _normalize(body)
    if doc_id is None:
        doc_id = path.stem if path is not None else "0"
    return Document(doc_id=doc_id, text=body, meta=info, raw=text if raw is None else raw)


def _drop_title_lines(text: str, title: str) -> tuple[str, list[str]]:
    """*text* without its first lines when, joined, they are the title (a heading set over several
    lines, compared on Han characters) or a 发文字号 between them; and when the 版头 of an official document
    stands over the title (某某县委组织部文件, its 发文字号), without its marks too, which are returned (the
    发文字号 lines stay, for the header reading to take).

    >>> _drop_title_lines("某某局文件\\n某发〔2024〕3号\\n关于某事的\\n通知\\n各单位：", "关于某事的通知")
    ('某发〔2024〕3号\\n各单位：', ['某某局文件'])
    """
    key = _han(title)
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    end = _title_end(lines, first, key)
    if end is None and is_attachment_label(lines[first]):
        # a bundle's label over the title (附件1 / 某某方案): a label, not the document
        after = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), len(lines))
        end = _title_end(lines, after, key)
    if end is not None:
        return "\n".join(lines[end + 1 :]), []
    proclamation = proclamation_head(lines)
    if proclamation:
        # a proclamation's head over the 公告 that publishes a law (a 人大常委会's page: 公告 / （第二十一号） / text)
        return "\n".join(ln for i, ln in enumerate(lines) if i not in proclamation), [lines[i] for i in proclamation]
    marks, numbers = leading_apparatus(lines)
    if not marks and not numbers:
        return text, []
    after = max(marks + numbers) + 1
    start = next((i for i in range(after, len(lines)) if lines[i].strip()), len(lines))
    end = _title_end(lines, start, key)
    if end is None:
        return text, []
    return "\n".join([lines[i] for i in numbers] + lines[end + 1 :]), [lines[i] for i in marks]


def _title_end(lines: list[str], first: int, key: str) -> int | None:
    """The index of the line where the title *key* (its Han characters), starting at line *first*, ends."""
    joined = ""
    for i in range(first, min(len(lines), first + 8)):
        joined += _han(lines[i])
        if joined == key:
            return i
        if not key.startswith(joined):
            break
    return None


def _han(s: str) -> str:
    return "".join(ch for ch in s if "\u4e00" <= ch <= "\u9fff")


def select_files(root: Path, pattern: str, metadata: Any = "auto") -> tuple[list[Path], list[Path]]:
    """``(files to read, files skipped)`` under *root* matching *pattern*, sorted.

    The metadata file (``manifest.jsonl``/``metadata.csv`` or the *metadata* path) is never a
    document. When the pattern names no suffix (``"**/*"``), files of unsupported types are
    skipped (the second list), except a ``.doc``/``.wps``/``.xls`` file that holds a web page (it is read);
    so are, whatever the pattern, the files in the resource folder of a page saved "complete"
    (:func:`saved_page_of`). When the pattern matches nothing while *root* holds files
    policytext reads, a :class:`UserWarning` names them and the pattern to use.
    """
    sidecar_files = {root / "manifest.jsonl", root / "metadata.csv"}
    if isinstance(metadata, (str, os.PathLike)) and str(metadata) != "auto":
        sidecar_files.add(Path(metadata))
    explicit_suffix = "." in pattern.rsplit("/", 1)[-1].lstrip("*")
    # a broken link is kept: reading it fails with its name (an error, or a problems row with errors="skip")
    matched = sorted(
        p for p in root.glob(pattern) if (p.is_file() or (p.is_symlink() and not p.exists())) and p not in sidecar_files
    )
    if not matched:
        _warn_nothing_matched(root, pattern)
    # the images, scripts and frames a browser saved beside a page ("Webpage, Complete": 页面.html + 页面_files/)
    resources = [p for p in matched if saved_page_of(p, root) is not None]
    if resources:
        parts = set(resources)
        matched = [p for p in matched if p not in parts]
    if explicit_suffix:
        if matched:
            _warn_others_left(root, pattern, set(matched) | set(resources) | sidecar_files)
        return matched, resources
    keep = [p for p in matched if p.suffix.lower() in SUPPORTED_SUFFIXES or _page_in_disguise(p)]
    kept = set(keep)
    return keep, sorted([p for p in matched if p not in kept] + resources)


#: Suffixes of legacy office files that sites also give to a web page (a "Word version" served as HTML or MHTML).
_DISGUISE_SUFFIXES = frozenset({".doc", ".wps", ".xls"})


def _page_in_disguise(path: Path) -> bool:
    """*path* has a legacy office suffix (``.doc``, ``.wps``, ``.xls``) but holds a web page or a page saved as one
    file, as many government sites' "Word version" downloads do: it is read like any page."""
    if path.suffix.lower() not in _DISGUISE_SUFFIXES or not path.is_file():
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    return sniff_format(head) in ("html", "mhtml")


_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")
_DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".docx", ".mht", ".mhtml", ".md"})


def saved_page_of(path: Path, root: Path) -> Path | None:
    """The saved page whose resource folder holds *path* (below *root*), or None.

    A browser saving a page "complete" (and Word saving a web page) writes ``页面.html`` and, beside it, the folder
    ``页面_files`` (or ``页面.files``) with the page's images, scripts, style sheets and the frames it embeds, some
    of them ``.html`` files: they are parts of that page, not documents. Only files directly in that folder count,
    and never texts, PDFs or Word files (a folder of documents that happens to be named like a page stays read).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "通知_files").mkdir(); _ = (root / "通知.html").write_text("<p>x</p>")
    >>> saved_page_of(root / "通知_files" / "saved_resource.html", root) == root / "通知.html"
    True
    >>> saved_page_of(root / "通知.html", root) is None
    True
    """
    if path.suffix.lower() in _DOCUMENT_SUFFIXES:
        return None  # a browser puts no texts, PDFs or Word files there: a folder of documents named like a page
    folder = path.parent  # browsers write the folder flat
    if folder == root or root not in folder.parents:
        return None
    for mark in ("_files", ".files"):
        stem = folder.name[: -len(mark)]
        if folder.name.endswith(mark) and stem:
            for suffix in _PAGE_SUFFIXES:
                page = folder.parent / (stem + suffix)
                if page.is_file():
                    return page
    return None


def _kinds_and_names(root: Path, files: list[Path]) -> tuple[list[str], str]:
    """The suffixes of *files* and the first five of them, relative to *root*, for a warning."""
    names = ", ".join(p.relative_to(root).as_posix() for p in files[:5]) + (" …" if len(files) > 5 else "")
    return sorted({p.suffix.lower() for p in files}), names


def _warn_others_left(root: Path, pattern: str, taken: set[Path]) -> None:
    """Warn when a pattern with a suffix (the default ``**/*.txt``) leaves files of other types policytext reads
    in the folders it covers (web pages, PDFs, Word files beside the texts): they are not read, and say so."""
    head, _, last = pattern.rpartition("/")
    any_type = (head + "/" if head else "") + re.sub(r"\.[^*/]*$", "", last).rstrip(".") + ("" if "*" in last else "*")
    others = sorted(
        p
        for p in root.glob(any_type)
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p not in taken and saved_page_of(p, root) is None
    )
    if not others:
        return
    kinds, names = _kinds_and_names(root, others)
    warnings.warn(
        f"{root}: pattern {pattern!r} leaves {len(others)} file(s) of other types policytext reads unread "
        f'({" ".join(kinds)}): {names}. Use pattern="**/*" to read every supported type.',
        UserWarning,
        stacklevel=4,
    )


def _warn_nothing_matched(root: Path, pattern: str) -> None:
    """Warn when *pattern* matched no file: naming the files policytext reads there, or saying there are none."""
    others = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and saved_page_of(p, root) is None
    )
    if not others:
        warnings.warn(
            f"{root}: pattern {pattern!r} matched no file, and the folder holds no file of a type policytext reads "
            f"({' '.join(sorted(SUPPORTED_SUFFIXES))}): the corpus is empty",
            UserWarning,
            stacklevel=4,
        )
        return
    kinds, names = _kinds_and_names(root, others)
    warnings.warn(
        f"{root}: pattern {pattern!r} matched no file, but the folder holds {len(others)} file(s) of types "
        f'policytext reads ({" ".join(kinds)}): {names}. Use pattern="**/*" to read every supported type '
        f'(or e.g. pattern="**/*{kinds[0]}").',
        UserWarning,
        stacklevel=4,
    )


def load_sidecar(root: Path, metadata: Any) -> dict[str, dict[str, Any]]:
    """Curated metadata keyed by relative path and by doc_id."""
    if metadata is None:
        return {}
    if isinstance(metadata, str) and metadata == "auto":
        found = [p for p in (root / "manifest.jsonl", root / "metadata.csv") if p.is_file()]
        if not found:
            return {}
        metadata = found[0]
    if isinstance(metadata, pd.DataFrame):
        df, name = metadata, "metadata DataFrame"
    elif not isinstance(metadata, (str, os.PathLike)):
        raise InputError(f"metadata is {type(metadata).__name__}; expected a path, a DataFrame, 'auto' or None")
    else:
        p = Path(metadata)
        name = str(p)
        raw, _ = decode_bytes(read_file_bytes(p), source=name)
        if p.suffix == ".jsonl":
            rows = []
            for lineno, row in iter_json_lines(raw, name):
                if not isinstance(row, dict):
                    raise InputError(
                        f"{name}, line {lineno}: expected a JSON object of one file's metadata, got {row!r}"
                    )
                rows.append(row)
            df = pd.DataFrame(rows)
        else:
            try:
                df = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False)
            except (pd.errors.ParserError, ValueError) as e:
                raise InputError(f"{p}: malformed CSV: {e}") from None
    key = "path" if "path" in df.columns else "doc_id" if "doc_id" in df.columns else None
    if key is None:
        raise InputError(f"{name}: needs a 'path' or 'doc_id' column to match files")
    out: dict[str, dict[str, Any]] = {}
    for row, rec in enumerate(df.to_dict(orient="records"), start=1):
        k = str(rec.pop(key))
        if k in out:
            raise InputError(f"{name}: {key} {k!r} has two rows (the second is row {row}); keep one")
        rec.pop("doc_id", None)
        out[k] = {str(f): v for f, v in rec.items() if v is not None and v != ""}
    if key == "path":
        # a path given without its suffix matches by doc_id (reports/gwr_2023 for reports/gwr_2023.txt)
        missing = [k for k in out if not (root / k).is_file() and not any((root / k).parent.glob(Path(k).name + ".*"))]
        if missing:
            shown = ", ".join(repr(k) for k in missing[:5]) + (" …" if len(missing) > 5 else "")
            warnings.warn(
                f"{name}: {len(missing)} row(s) name no file under {root}: {shown}; their metadata is not used",
                UserWarning,
                stacklevel=3,
            )
    return out


def read_file_bytes(p: Path) -> bytes:
    """The bytes of file *p*; a missing file or a directory is an :class:`InputError` naming it."""
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; use Corpus.from_dir") from None
    except OSError as e:  # a link loop, a permission, a device error
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
