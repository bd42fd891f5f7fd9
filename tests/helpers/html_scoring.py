"""Scoring body extraction on the 23 HTML pages of ../shared/corpus/html_pages against what the pages print.

The gold body of a page is the text from the manifest's first sentence to its last sentence, found in
the page's own text; scores are character-level precision and recall of the body's Han characters
(the longest common subsequence of the two Han strings, by difflib's matching blocks), plus title and
date accuracy. ``python tests/helpers/html_scoring.py`` prints the comparison of extractors that
``docs/reading.md`` reports.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN_RE.findall(text))


def _anchors(entry: dict[str, Any]) -> tuple[str, str]:
    if entry.get("first_sentence"):
        return entry["first_sentence"], entry["last_sentence"]
    notes = entry["notes"]
    first = re.search(r"First sentence: “(.*?)”", notes).group(1)  # type: ignore[union-attr]
    last = re.search(r"Last sentence: “(.*?)”", notes).group(1)  # type: ignore[union-attr]
    return first.split("……")[0], last.split("……")[-1]


DOCUMENT_BOUNDS = Path(__file__).resolve().parents[1] / "data" / "reading_dev" / "corpus_pages.jsonl"


def document_bounds() -> dict[str, dict[str, str]]:
    """For the corpus pages that carry an official document: where its body starts and ends.

    The manifest's first and last sentence are the prose of a page; the body of an official document
    (GB/T 9704's 主体) also holds the 主送机关 line above the first sentence and, after the last one,
    the signature, the 成文日期, the 附注 （此件公开发布） and the 附件. ``body_start`` is the start of the
    first line of the body and ``body_end`` the end of its last line, as printed on the page."""
    if not DOCUMENT_BOUNDS.is_file():
        return {}
    rows = [json.loads(x) for x in DOCUMENT_BOUNDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["path"]: r for r in rows}


def html_pages(corpus_dir: Path, gold: str = "document") -> list[dict[str, Any]]:
    """The manifest entries of the HTML pages, each with ``file``, ``gold`` (Han characters of the body),
    ``title`` and ``date`` (the publication date the page prints, or None).

    *gold* ``"document"`` takes an official document's body whole (:func:`document_bounds`: from
    the 主送 line to the signature, date and attachments); ``"sentences"`` takes the page's text from
    the manifest's first sentence to its last, as the first version of this scoring did."""
    from policytext.corpus.html import html_to_text

    bounds = document_bounds() if gold == "document" else {}
    out = []
    for line in (corpus_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line) if line else {}
        if not entry.get("path", "").startswith("html_pages/"):
            continue
        file = corpus_dir / entry["path"]
        page = file.read_bytes().decode("utf-8")
        text = han(html_to_text(page))
        first, last = (han(s) for s in _anchors(entry))
        i = text.find(first)
        j = text.find(last, i)
        assert i >= 0 and j >= 0, entry["path"]
        j += len(last)
        b = bounds.get(entry["path"])
        if b is not None:
            start, end = han(b["body_start"]), han(b["body_end"])
            i = text.rfind(start, 0, i + len(start))
            j = text.find(end, j - len(end)) + len(end)
            assert i >= 0 and j >= len(end), entry["path"]
        date = None
        if entry.get("published_date"):
            date = dt.date(*map(int, re.findall(r"\d+", entry["published_date"])))
        else:
            m = re.search(r"PubDate (\d{4})-(\d{2})-(\d{2})", entry["notes"])
            if m:
                date = dt.date(*map(int, m.groups()))
        out.append({**entry, "file": file, "gold": text[i:j], "page": page, "date": date})
    return out


# --- the development set of pages and files found in public repositories -------------------------

DEV_DIR = Path(__file__).resolve().parents[1] / "data" / "reading_dev"
MIRROR = Path(os.environ.get("POLICYTEXT_MIRROR", "/work/.mirror"))
MIRROR_REASON = (
    f"the pages and files of tests/data/reading_dev are read from a local mirror of their public repositories "
    f"({MIRROR}); only their records may be stored here. Bring the repositories there (or set POLICYTEXT_MIRROR) "
    "to run these tests"
)


def dev_records(kind: str = "pages") -> list[dict[str, Any]]:
    """The records of ``tests/data/reading_dev/{kind}.jsonl`` (``pages`` or ``files``)."""
    text = (DEV_DIR / f"{kind}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def mirror_available(records: list[dict[str, Any]]) -> bool:
    return all(_git_dir(r["repo"]).is_dir() for r in records)


@functools.lru_cache(maxsize=8)
def _git_show(repo: str, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(_git_dir(repo)), "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout


def _sql_values(sql: str) -> list[list[str]]:
    """The value tuples of the ``insert … values (…)`` statements of a MySQL dump, as strings."""
    rows: list[list[str]] = []
    pos = 0
    while (k := sql.find("values (", pos)) >= 0:
        j, values = k + len("values ("), []
        while sql[j] != ")":
            if sql[j] == "'":
                j, buf = j + 1, []
                while True:
                    c = sql[j]
                    if c == "\\":
                        buf.append(sql[j + 1])
                        j += 2
                    elif c == "'" and sql[j + 1] == "'":
                        buf.append("'")
                        j += 2
                    elif c == "'":
                        j += 1
                        break
                    else:
                        buf.append(c)
                        j += 1
                values.append("".join(buf))
            elif sql[j] in " ,\n\r\t":
                j += 1
            else:
                m = re.match(r"[^,)]+", sql[j:])
                assert m is not None
                values.append(m.group().strip())
                j += m.end()
        rows.append(values)
        pos = j + 1
    return rows


@functools.lru_cache(maxsize=4)
def _sql_rows(repo: str, commit: str, path: str) -> dict[int, list[str]]:
    return {int(v[0]): v for v in _sql_values(_git_show(repo, commit, path).decode("utf-8"))}


_SQL_COLUMNS = ["id", "crawl_url", "crawl_time", "index_number", "title", "release_office", "release_number",
                "policy_basis", "wiritten_time", "release_time", "effect_time", "content", "image_url", "status",
                "html", "remark"]  # fmt: skip


def record_bytes(rec: dict[str, Any]) -> bytes:
    """The bytes of a record's page or file, from the mirror, checked against the recorded sha1."""
    if "sql_row" in rec:
        row = _sql_rows(rec["repo"], rec["commit"], rec["path"])[rec["sql_row"]]
        data = row[_SQL_COLUMNS.index(rec["sql_column"])].encode("utf-8")
    else:
        data = _git_show(rec["repo"], rec["commit"], rec["path"])
    digest = hashlib.sha1(data).hexdigest()
    if digest != rec["sha1"]:
        raise ValueError(f"{rec['id']}: sha1 {digest} is not the recorded {rec['sha1']}")
    return data


def dev_pages(split: str | None = None) -> list[dict[str, Any]]:
    """The development pages (``split`` ``"tuned"``, ``"heldout"`` or None for both), shaped like
    :func:`html_pages`: ``gold`` is the Han characters from ``body_start`` to ``body_end``."""
    from policytext.corpus.html import body_text

    out = []
    for rec in dev_records("pages"):
        if split is not None and rec["split"] != split:
            continue
        # a record names its encoding where the page is not UTF-8 (a GB2312 page is read as GB18030, its superset;
        # a UTF-16 page is scored on its text, which the extractors get as UTF-8: tests/corpus/test_html_utf16.py
        # checks that policytext reads its bytes to the same document)
        declared = rec.get("encoding", "utf-8").lower()
        encoding = "gb18030" if declared.startswith("gb") else "utf-16" if declared == "utf-16" else "utf-8"
        page = record_bytes(rec).decode(encoding)
        # the gold is looked for in the page's <body>: a malformed <meta> can leak the first paragraph
        # into the text of the <head> (culture.people.com.cn), where it is no body
        text = han(body_text(page))
        start, end = han(rec["body_start"]), han(rec["body_end"])
        i = text.find(start)
        # the body ends at the last line before the page's chrome: the last occurrence of body_end there
        # (a short end such as a table's last cell, 全国, also occurs earlier in the body)
        chrome = text.find(han("扫一扫在手机打开当前页"), i)
        j = text.rfind(end, i, chrome if chrome >= 0 else len(text))
        assert i >= 0 and j >= 0, rec["id"]
        date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
        out.append({**rec, "path": rec["id"], "gold": text[i : j + len(end)], "page": page, "date": date})
    return out


def precision_recall(extracted: str, gold: str) -> tuple[float, float]:
    a, b = han(extracted), gold
    if not a or not b:
        return 0.0, 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    return common / len(a), common / len(b)


Extractor = Callable[[str], tuple[str, str | None, dt.date | None]]


def score(extract: Extractor, pages: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for p in pages:
        body, title, date = extract(p["page"])
        prec, rec = precision_recall(body, p["gold"])
        rows.append(
            {
                "page": p["path"].split("/")[-1],
                "precision": prec,
                "recall": rec,
                "title_ok": title is not None and han(title) == han(p["title"]),
                "date_ok": None if p["date"] is None else date == p["date"],
            }
        )
    dated = [r for r in rows if r["date_ok"] is not None]
    return {
        "rows": rows,
        "precision": sum(r["precision"] for r in rows) / len(rows),
        "recall": sum(r["recall"] for r in rows) / len(rows),
        "title": sum(r["title_ok"] for r in rows) / len(rows),
        "date": sum(bool(r["date_ok"]) for r in dated) / len(dated),
        "worst": sorted(rows, key=lambda r: min(r["precision"], r["recall"]))[:5],
    }


# --- an external gold: the CWCE dataset -------------------------------------------------

#: immortal-autumn/Chinese-Web-Content-Extraction-Dataset: 69 saved Chinese pages (news portals, blogs, forums,
#: 2003-2022, 47 of them GBK) with their content, author and date copied out by hand by the dataset's author
#: (``cleaned/``, ``date/``), an annotation made without policytext. Read from the mirror, never copied here.
CWCE_REPO = "immortal-autumn/Chinese-Web-Content-Extraction-Dataset"
CWCE_COMMIT = "99d0ef08419109b5489b12e38f771f25b952d774"


def _git_ls(repo: str, commit: str, folder: str) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(_git_dir(repo)), "ls-tree", "--name-only", f"{commit}:{folder}"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return sorted(x for x in out.splitlines() if x)


def cwce_available() -> bool:
    return _git_dir(CWCE_REPO).is_dir()


def cwce_pages() -> list[dict[str, Any]]:
    """The CWCE pages as ``{"path", "raw" (bytes), "gold" (Han characters of the hand-copied content),
    "date" (or None), "in_dev_set"}``; ``in_dev_set`` marks the 11 pages that round four of
    ``reading_dev/pages.jsonl`` also annotated (and that were tuned on)."""
    ours = {r["path"] for r in dev_records("pages") if r["repo"] == CWCE_REPO}
    out = []
    for name in _git_ls(CWCE_REPO, CWCE_COMMIT, "original"):
        stem = name.rsplit(".", 1)[0]
        gold = _git_show(CWCE_REPO, CWCE_COMMIT, f"cleaned/{stem}.txt").decode("utf-8", errors="replace")
        date = _git_show(CWCE_REPO, CWCE_COMMIT, f"date/{stem}.txt").decode("utf-8", errors="replace").strip()
        out.append(
            {
                "path": f"original/{name}",
                "raw": _git_show(CWCE_REPO, CWCE_COMMIT, f"original/{name}"),
                "gold": han(gold),
                "date": _iso_day(date),
                # a year or a month only (2018, 1998-3): no day to check, and no sign that none is printed
                "undated": not re.search(r"\d", date),
                "in_dev_set": f"original/{name}" in ours,
            }
        )
    return out


def _iso_day(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _decoded(raw: bytes) -> str:
    """*raw* as policytext decodes a web page, else as GB18030 with replacements (trafilatura alone gets the page
    however it decodes)."""
    import warnings

    from policytext.corpus.clean import decode_markup_bytes

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return decode_markup_bytes(raw)[0]
        except Exception:
            return raw.decode("gb18030", errors="replace")


def score_cwce(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Body precision/recall and date accuracy of policytext and of trafilatura alone (on the same decoded
    text) against the CWCE gold; a page policytext refuses scores 0 and is listed under ``errors``."""
    import warnings

    from policytext.corpus import read_document

    rows, errors = [], []
    for p in pages:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                doc = read_document(p["raw"])
                body, date = doc.text, doc.meta.get("date")
            except Exception as e:  # a refusal is scored, and named
                body, date = "", None
                errors.append((p["path"], f"{type(e).__name__}: {e}"))
            t_body, _, t_date = trafilatura_extract(_decoded(p["raw"]))
        prec, rec = precision_recall(body, p["gold"])
        t_prec, t_rec = precision_recall(t_body, p["gold"])
        rows.append(
            {
                "page": p["path"],
                "in_dev_set": p["in_dev_set"],
                "undated": p["undated"],
                "precision": prec,
                "recall": rec,
                "t_precision": t_prec,
                "t_recall": t_rec,
                "date": date,
                "date_ok": None if p["date"] is None else date == p["date"],
                "t_date_ok": None if p["date"] is None else t_date == p["date"],
                "date_invented": p["undated"] and date is not None,
                "t_date_invented": p["undated"] and t_date is not None,
            }
        )
    return {"rows": rows, "errors": errors}


#: opendatalab/magic-html's article benchmark: saved pages (``benchmark/data/article/htmls/<sha256>.html``) with the
#: benchmark authors' content answers (``base.json``: url, content), an annotation made without policytext. Only the
#: Chinese pages are scored (200 Han characters of content or more, no kana). Read from the mirror, never copied.
MAGIC_REPO = "opendatalab/magic-html"
MAGIC_COMMIT = "47d4a7fed12030e906a093b074637f178cb46ef2"
_KANA_RE = re.compile("[\u3040-\u30ff]")


def magic_available() -> bool:
    return _git_dir(MAGIC_REPO).is_dir()


def magic_pages() -> list[dict[str, Any]]:
    """The Chinese pages of magic-html's article benchmark, shaped like :func:`cwce_pages` (no gold dates);
    ``in_dev_set`` marks the pages round five of ``reading_dev/pages.jsonl`` annotated (and tuned on)."""
    ours = {r["path"] for r in dev_records("pages") if r["repo"] == MAGIC_REPO}
    answers = json.loads(_git_show(MAGIC_REPO, MAGIC_COMMIT, "benchmark/data/article/base.json").decode("utf-8"))
    out = []
    for key, answer in sorted(answers.items()):
        gold = han(answer.get("content", ""))
        if len(gold) < 200 or _KANA_RE.search(answer.get("content", "")):
            continue
        path = f"benchmark/data/article/htmls/{key}.html"
        out.append(
            {
                "path": path,
                "url": answer.get("url", ""),
                "raw": _git_show(MAGIC_REPO, MAGIC_COMMIT, path),
                "gold": gold,
                "date": None,
                "undated": False,
                "in_dev_set": path in ours,
            }
        )
    return out


def print_magic() -> None:
    result = score_cwce(magic_pages())
    for label, keep in (("all Chinese pages", lambda r: True), ("not in the dev set", lambda r: not r["in_dev_set"])):
        rows = [r for r in result["rows"] if keep(r)]
        n = len(rows)
        print(f"{label} ({n} pages):")
        for who, pre in (("policytext ", ""), ("trafilatura", "t_")):
            prec = sum(r[pre + "precision"] for r in rows) / n
            rec = sum(r[pre + "recall"] for r in rows) / n
            print(f"  {who} precision {prec:.3f} recall {rec:.3f}")
    worst = sorted(result["rows"], key=lambda r: min(r["precision"], r["recall"]))[:8]
    print("worst eight, policytext:")
    for r in worst:
        print(
            f"  {r['page'].rsplit('/', 1)[-1][:16]}: {r['precision']:.3f} / {r['recall']:.3f}  (trafilatura "
            f"{r['t_precision']:.3f} / {r['t_recall']:.3f}){'  [dev set]' if r['in_dev_set'] else ''}"
        )
    for path, err in result["errors"]:
        print(f"  refused: {path}: {err}")


def print_cwce() -> None:
    result = score_cwce(cwce_pages())
    for label, keep in (("all 69", lambda r: True), ("not in the dev set", lambda r: not r["in_dev_set"])):
        rows = [r for r in result["rows"] if keep(r)]
        dated = [r for r in rows if r["date_ok"] is not None]
        undated = sum(p["undated"] for p in rows)

        def mean(key: str, rows: list[dict[str, Any]] = rows) -> float:
            return sum(r[key] for r in rows) / len(rows)

        print(f"{label} ({len(rows)} pages, {len(dated)} with a gold date):")
        print(
            f"  policytext  precision {mean('precision'):.3f} recall {mean('recall'):.3f} "
            f"dates {sum(bool(r['date_ok']) for r in dated)}/{len(dated)} "
            f"(a date on {sum(r['date_invented'] for r in rows)} of {undated} undated pages)"
        )
        print(
            f"  trafilatura precision {mean('t_precision'):.3f} recall {mean('t_recall'):.3f} "
            f"dates {sum(bool(r['t_date_ok']) for r in dated)}/{len(dated)} "
            f"(a date on {sum(r['t_date_invented'] for r in rows)} of {undated} undated pages)"
        )
    for path, err in result["errors"]:
        print(f"  refused: {path}: {err}")


# --- external gold: the Chinese test pages of other extractors -----------------------------

#: Chinese pages that other extraction libraries keep as test fixtures with the article text they expect, each
#: ``(name, repo, commit, page path, gold path, gold kind)``: newspaper4k (MIT; 新华网, 中国日报网, BBC 中文网),
#: readability (Apache-2.0; 光明网, 中国青年网, 腾讯网, a Taiwanese blog), fundus (MIT; 人民网) and a hand-copied
#: benchmark page (leogao2/htmltotext-benchmark, no licence stated: read locally, never copied; 央视网). The gold
#: of the first three is the library's own output checked by its maintainers; leogao2's was copied out by hand.
FIXTURE_PAGES = (
    ("newspaper4k/xinhua", "AndyTheFactory/newspaper4k", "540bff3e8344cb8291c4829fafd98860f30d9692",
     "tests/data/html/chinese_article_002.html", "tests/data/txt/chinese_article_002.txt", "text"),
    ("newspaper4k/chinadaily", "AndyTheFactory/newspaper4k", "540bff3e8344cb8291c4829fafd98860f30d9692",
     "tests/data/html/chinese_article_001.html", "tests/data/txt/chinese_article_001.txt", "text"),
    ("newspaper4k/bbc", "AndyTheFactory/newspaper4k", "540bff3e8344cb8291c4829fafd98860f30d9692",
     "tests/data/html/chinese_article.html", "tests/data/txt/chinese_article.txt", "text"),
    ("readability/gmw", "mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba",
     "test/test-pages/gmw/source.html", "test/test-pages/gmw/expected.html", "html"),
    ("readability/youth", "mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba",
     "test/test-pages/youth/source.html", "test/test-pages/youth/expected.html", "html"),
    ("readability/qq", "mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba",
     "test/test-pages/qq/source.html", "test/test-pages/qq/expected.html", "html"),
    ("readability/pixnet", "mozilla/readability", "ab4027a8b37669745016869a37a504727992b2ba",
     "test/test-pages/pixnet/source.html", "test/test-pages/pixnet/expected.html", "html"),
    ("fundus/people", "flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8",
     "tests/resources/parser/test_data/cn/People_2024_04_24.html.gz",
     "tests/resources/parser/test_data/cn/People.json", "fundus"),
    ("leogao2/cctv", "leogao2/htmltotext-benchmark", "feab59949ee4f9789af8e0c2412720895278d3cf",
     "benchmarkdata/zh/html/news-cctv-ARTI6wNyfAmZU6pd8NQHtmf6200803.html",
     "benchmarkdata/zh/text/news-cctv-ARTI6wNyfAmZU6pd8NQHtmf6200803.txt", "text"),
)  # fmt: skip


def fixture_pages_available() -> bool:
    return all(_git_dir(repo).is_dir() for _, repo, *_ in FIXTURE_PAGES)


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return [obj] if isinstance(obj, str) else []


def fixture_pages() -> list[dict[str, Any]]:
    """The pages of :data:`FIXTURE_PAGES` as ``{"path", "raw", "gold"}`` (gold: the Han characters of the
    article text the library expects)."""
    import gzip

    from policytext.corpus.html import html_to_text

    out = []
    for name, repo, commit, page, gold_path, kind in FIXTURE_PAGES:
        raw = _git_show(repo, commit, page)
        if page.endswith(".gz"):
            raw = gzip.decompress(raw)
        gold_raw = _git_show(repo, commit, gold_path).decode("utf-8")
        if kind == "html":
            gold = html_to_text(gold_raw)
        elif kind == "fundus":
            record = json.loads(gold_raw)
            body = next(v["body"] for v in record.values() if isinstance(v, dict) and "body" in v)
            gold = "\n".join(_strings(body))
        else:
            gold = gold_raw
        out.append({"path": name, "raw": raw, "gold": han(gold)})
    return out


def print_fixture_pages() -> None:
    from policytext.corpus import read_document

    rows = []
    for p in fixture_pages():
        doc = read_document(p["raw"])
        t_body = trafilatura_extract(_decoded(p["raw"]))[0]
        name, prec, rec, t_prec, t_rec = (
            p["path"],
            *precision_recall(doc.text, p["gold"]),
            *precision_recall(t_body, p["gold"]),
        )
        rows.append((name, prec, rec, t_prec, t_rec))
        print(f"{name:24s} policytext {prec:.3f} / {rec:.3f}   trafilatura {t_prec:.3f} / {t_rec:.3f}")
    n = len(rows)
    print(
        f"mean ({n} pages)          policytext {sum(r[1] for r in rows) / n:.3f} / {sum(r[2] for r in rows) / n:.3f}"
        f"   trafilatura {sum(r[3] for r in rows) / n:.3f} / {sum(r[4] for r in rows) / n:.3f}"
    )


# --- the extractors compared -------------------------------------------------------


def policytext_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from policytext.corpus import read_document

    doc = read_document(page.encode("utf-8"))
    return doc.text, doc.meta.get("title"), doc.meta.get("date")


def trafilatura_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    import trafilatura

    body = trafilatura.extract(
        page, output_format="txt", include_comments=False, include_tables=True, favor_recall=True
    )
    meta = trafilatura.extract_metadata(page)
    date = dt.date.fromisoformat(meta.date[:10]) if meta is not None and meta.date else None
    return body or "", (meta.title if meta is not None else None), date


def justext_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    import justext

    # jusText has no Chinese stoplist: an empty one, and the length/link-density rules only
    paragraphs = justext.justext(page.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), None, None


def readability_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from readability import Document

    from policytext.corpus.html import html_to_text

    doc = Document(page)
    return html_to_text(doc.summary()), doc.short_title(), None


def tagstrip_extract(page: str) -> tuple[str, str | None, dt.date | None]:
    from policytext.corpus.html import html_to_text

    return html_to_text(page), None, None


EXTRACTORS: dict[str, Extractor] = {
    "policytext (container or trafilatura, then cleaning)": policytext_extract,
    "trafilatura 2.3 alone": trafilatura_extract,
    "readability-lxml": readability_extract,
    "jusText (no Chinese stoplist)": justext_extract,
    "tag stripping (baseline)": tagstrip_extract,
}


def main(corpus_dir: Path, which: str = "corpus") -> None:
    """Print the comparison table. *which*: ``corpus`` (the 23 pages of the shared corpus, official
    documents scored whole), ``sentences`` (the same pages, gold = first to last sentence),
    ``tuned`` (corpus pages and the tuned development pages), ``heldout`` (the held-out pages)."""
    if which == "heldout":
        pages = dev_pages("heldout")
    elif which == "tuned":
        pages = html_pages(corpus_dir) + dev_pages("tuned")
    else:
        pages = html_pages(corpus_dir, gold="sentences" if which == "sentences" else "document")
    print(f"{len(pages)} pages ({which})\n")
    print("| extractor | precision | recall | title | date |")
    print("|---|---|---|---|---|")
    results = {}
    for name, fn in EXTRACTORS.items():
        try:
            r = results[name] = score(fn, pages)
        except ImportError as e:
            print(f"| {name} | not installed ({e}) | | | |")
            continue
        print(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['title']:.2f} | {r['date']:.2f} |")
    for name, r in results.items():
        print(f"\nworst five, {name}:")
        for w in r["worst"]:
            print(f"  {w['page']}: precision {w['precision']:.3f}, recall {w['recall']:.3f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    which = (
        args.pop(0)
        if args and args[0] in ("corpus", "sentences", "tuned", "heldout", "cwce", "fixtures", "magic")
        else "corpus"
    )
    if which in ("cwce", "fixtures", "magic"):
        {"cwce": print_cwce, "fixtures": print_fixture_pages, "magic": print_magic}[which]()
        sys.exit(0)
    main(Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "corpus", which)
