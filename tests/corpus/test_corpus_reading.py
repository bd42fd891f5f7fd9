"""Every file of ../shared/corpus loads, its chrome is gone and its body survives."""

from __future__ import annotations

import re
import unicodedata

import pytest

import policytext as pt
from policytext.corpus.text import is_han

CHROME_MARKERS = [
    "![",  # markdown image
    "](http",  # markdown link target
    "<center>",
    "本作品是中华人民共和国",  # Wikisource licence footer
    "Public domain",
    "当前位置",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "扫一扫",
    "点击数",
    "\u200b",
    "\ufeff",
]


@pytest.fixture(scope="module")
def shared_corpus(corpus_dir):
    return pt.Corpus.from_dir(corpus_dir)


def test_all_files_load(shared_corpus, manifest):
    # the default pattern reads the plain-text files; .html/.docx entries need their readers
    texts = [m for m in manifest if m["path"].endswith(".txt")]
    assert len(shared_corpus) == len(texts) >= 502
    assert shared_corpus.problems.empty
    for doc in shared_corpus:
        assert doc.text.strip(), doc.doc_id
        assert doc.meta["encoding"] == "utf-8"


@pytest.mark.parametrize(
    "collection",
    [
        "gov_work_reports_national",
        "npc_resolutions_on_gwr",
        "cpc_congress_reports",
        "five_year_plans",
        "central_documents",
        "policy_docs_central",
        "policy_docs_shandong",
        "party_building_articles",
        "xi_speeches_2013_2016",
        "xi_speeches_2020_jhsjk",
    ],
)
def test_no_chrome_left(shared_corpus, collection):
    docs = [d for d in shared_corpus if d.doc_id.startswith(collection + "/")]
    assert docs
    for doc in docs:
        for marker in CHROME_MARKERS:
            assert marker not in doc.text, (doc.doc_id, marker)
        assert not re.search(r"</?[a-zA-Z]+[^<>]*>", doc.text), doc.doc_id
        assert not re.search(r"^\s*---\s*$", doc.text, re.M), doc.doc_id
        # no line is a pure separator or a bare URL
        for line in doc.text.split("\n"):
            assert not re.fullmatch(r"[=\-_*~·—]{3,}", line), (doc.doc_id, line)
            assert not re.fullmatch(r"https?://\S+", line), (doc.doc_id, line)


def test_party_building_credit_lines_and_titles(shared_corpus):
    docs = [d for d in shared_corpus if d.doc_id.startswith("party_building_articles/")]
    titled = 0
    for d in docs:
        alias = re.search(r"^aliases:\n\s+- (?!\|)(\S.*)$", d.raw, re.M)
        heading = re.match(r"\s*# (.+)$", d.raw, re.M)
        if alias or heading:
            assert d.meta.get("title"), d.doc_id
            assert not d.text.startswith(d.meta["title"]), d.doc_id
            titled += 1
    assert titled >= 5
    for d in docs:
        last = d.text.split("\n")[-1]
        assert not re.match(r"^(?:[\u4e00-\u9fff]{0,3}编辑|审核|责编|图片|文字|供稿)\s*[:：]", last), (d.doc_id, last)


def test_speech_datelines_and_newspaper_citations_go(shared_corpus):
    for d in shared_corpus:
        if not d.doc_id.startswith("xi_speeches"):
            continue
        assert not re.search(r"《\s*人民日报\s*》\s*[（(]\s*\d{4}年", d.text), d.doc_id
        first_lines = d.text.split("\n")[:3]
        assert not any(re.fullmatch(r"新华社\S{0,8}\d{1,2}月\d{1,2}日电", line) for line in first_lines), d.doc_id


def _han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))


def test_report_bodies_survive(shared_corpus, manifest, corpus_dir):
    """Where the manifest notes give the body's end, >= 99% of its Han characters remain."""
    checked = 0
    for entry in manifest:
        m = re.search(r"body = text\[:(\d+)\]", entry.get("notes") or "")
        if not m:
            continue
        raw = (corpus_dir / entry["path"]).read_text(encoding="utf-8")
        body = raw[: int(m.group(1))]
        doc = shared_corpus[entry["path"].rsplit(".", 1)[0]]
        expected = _han_count(unicodedata.normalize("NFC", body))
        got = _han_count(doc.text)
        assert got >= 0.99 * expected, (entry["path"], got, expected)
        assert got <= expected, (entry["path"], "footer text leaked into the body")
        checked += 1
    assert checked >= 40


def test_every_prose_paragraph_survives(shared_corpus, manifest, corpus_dir):
    """Cleaning removes chrome, not prose: every raw paragraph of >= 30 Han characters that ends
    like a sentence keeps all its Han characters, in order, in the cleaned text."""
    ends = {}
    for entry in manifest:
        m = re.search(r"body = text\[:(\d+)\]", entry.get("notes") or "")
        if m:
            ends[entry["path"].rsplit(".", 1)[0]] = int(m.group(1))
    checked = 0
    for doc in shared_corpus:
        raw = (corpus_dir / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        raw = raw[: ends.get(doc.doc_id, len(raw))]
        footer = re.search(r"^(?:本|这部)作品", raw, re.M)  # Wikisource footers without a note
        raw = raw[: footer.start()] if footer else raw
        han_text = "".join(ch for ch in doc.text if is_han(ch))
        for line in raw.splitlines():
            line = line.strip()
            if not line or line[-1] not in "。！？；”" or line.startswith(("![", "<")):
                continue
            han_line = "".join(ch for ch in line if is_han(ch))
            if len(han_line) < 30:
                continue
            assert han_line in han_text, (doc.doc_id, line[:60])
            checked += 1
    assert checked > 10_000


def test_years_from_file_names_and_dates(shared_corpus, manifest):
    by_id = {e["path"].rsplit(".", 1)[0]: e for e in manifest}
    for doc_id in ("gov_work_reports_national/gwr_1978", "gov_work_reports_national/gwr_2023"):
        assert shared_corpus[doc_id].meta["year"] == by_id[doc_id]["year"]
