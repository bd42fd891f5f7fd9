"""The development set of pages and files found in public repositories (tests/data/reading_dev).

Only records are stored here (repository, path, commit, sha1, the body's first and last line, title,
date, issuer, 文号); the pages and files are read from a local mirror of those repositories, so these
tests skip, saying why, where it is absent. Scores are character-level precision and recall of the
body's Han characters (tests/helpers/html_scoring.py).
"""

from __future__ import annotations

import difflib
import logging
import re
import warnings

import pytest

import policytext as pt
from helpers.html_scoring import (
    MIRROR_REASON,
    dev_pages,
    dev_records,
    han,
    html_pages,
    mirror_available,
    policytext_extract,
    record_bytes,
    score,
)
from policytext.corpus.officialdoc import official_title
from policytext.corpus.readers import suspicious_body

PAGES = dev_records("pages")
FILES = dev_records("files")
needs_mirror_pages = pytest.mark.skipif(not mirror_available(PAGES), reason=MIRROR_REASON)
needs_mirror_files = pytest.mark.skipif(not mirror_available(FILES), reason=MIRROR_REASON)


def test_records_are_complete_and_split():
    for rec in PAGES + FILES:
        for key in ("id", "repo", "path", "commit", "sha1", "licence", "split"):
            assert rec.get(key), (rec.get("id"), key)
        # every page prints a title; a file may print none (the Beijing report opens with 各位代表：): null, said
        assert rec.get("title") or (rec in FILES and "title" in rec and "no title" in rec["note"]), rec["id"]
        assert re.fullmatch(r"[0-9a-f]{40}", rec["commit"]) and re.fullmatch(r"[0-9a-f]{40}", rec["sha1"])
    assert len({r["id"] for r in PAGES + FILES}) == len(PAGES) + len(FILES)
    held = [r for r in PAGES if r["split"] == "heldout"]
    # every third new page of each round is held out (rounds of 43, 15, 22, 11, 10, 12, 12, 12 and 9 pages: 14 + 5
    # + 7 + 3 + 3 + 4 + 4 + 4 + 3); round ten's three UTF-16 copies were read by policytext before they were
    # annotated (they showed the UTF-16 bug), so none of them could be held out, and they are marked so
    unseen_rounds = [r for r in PAGES if not r["id"].startswith("r10_")]
    assert len(held) * 3 >= len(unseen_rounds) - 5
    assert all(
        r["split"] == "tuned" and "before they were annotated" in r["split_note"]
        for r in PAGES
        if r["id"].startswith("r10_")
    )


@needs_mirror_pages
def test_tuned_pages_read_whole_with_title_and_date(corpus_dir):
    pages = html_pages(corpus_dir) + dev_pages("tuned")
    result = score(policytext_extract, pages)
    assert result["precision"] >= 0.97 and result["recall"] >= 0.98, result["worst"]
    assert min(min(w["precision"], w["recall"]) for w in result["worst"]) >= 0.9, result["worst"]
    assert result["title"] >= 0.95 and result["date"] >= 0.95


@needs_mirror_pages
def test_heldout_pages_scored_the_same_way():
    # scored once per round, when the code was final (docs/reading.md). Round one, 14 pages: precision
    # 0.999, recall 1.000, titles 14/14, dates 13/14 (the Jiangxi bulletin's visible 发文日期 2023-03-31
    # loses to its PubDate meta). Round two added 5 pages of new sites (19 in all): precision 0.988,
    # recall 0.998, titles 18/19, dates 17/19. Round three added 7 pages of 7 more sites (26 in all),
    # scored once: 0.857 / 0.858 on them, titles 7/7, dates 7/7 (a toolbar taken for the article, the
    # profile block a page copy appended); after the fixes that run prompted, 26 pages: 0.979, 0.999,
    # titles 26/26, dates 25/26 (the Jiangxi bulletin; the corpus's page of that CMS takes PubDate).
    # Round four added 3 pages of 3 more sites (29 in all), scored once after the round's tuned pages
    # were fixed: 0.826 / 1.000 on them, titles 2/3, dates 3/3 (a 吉林 notice whose CMS prints its
    # metadata table and heading inside the article element; a 松花江网 page whose <h1> is the site's logo,
    # with a byline block above the article and a 反侵权公告 after it). After the fixes that run prompted,
    # 29 pages: 0.981 / 0.999, titles 29/29, dates 28/29. Round five added 3 pages of 3 more sites (32 in
    # all), scored once before any fix of the round: 0.984 / 1.000 on them, titles 1/3, dates 3/3; after
    # the tuned pages' fixes: 0.986 / 1.000, titles 1/3 (a meta title with a chain of column names, a
    # <title> naming the site and a keyword bar above the heading). After the fixes those prompted, 32
    # pages: 0.982 / 0.999, titles 32/32, dates 31/32. Round six added 4 pages of 4 sites (36 in all), scored
    # once with the round's tuned pages before any fix: 0.864 / 0.949 on them, titles 3/4, dates 4/4 (a list of
    # dated headlines above the article, a button glued to the last sentence, traditional-character chrome, a
    # meta title whose spaces differ from the printed heading's). After the fixes that run prompted, 36 pages:
    # see docs/reading.md
    result = score(policytext_extract, dev_pages("heldout"))
    assert result["precision"] >= 0.97 and result["recall"] >= 0.98, result["worst"]
    assert result["title"] >= 0.95 and result["date"] >= 0.95


def test_the_set_has_the_size_the_brief_asks():
    # issue #19: at least 40 pages from at least 12 sites, at least 10 PDF or Word files
    assert len(PAGES) >= 40 and len({r["site"] for r in PAGES}) >= 12
    assert len(FILES) >= 10 and {r["kind"] for r in FILES} == {"pdf", "docx"}


@needs_mirror_pages
def test_news_and_portal_pages_without_a_known_container_read_whole():
    """The second round's pages (GeneralNewsExtractor's and GerapyAutoExtractor's saved pages of news
    sites, portals, a university and a hospital): trafilatura's text, then the related-articles block
    (its heading dropped by trafilatura but printed on the page), the heading and dateline, credit
    lines and disclaimers cut; each page whole, with its title and date."""
    pages = [
        p for p in dev_pages("tuned") if p["repo"] != "ZhouYNF/platform-1" and p["id"].startswith(("gne_", "gerapy_"))
    ]
    assert len(pages) >= 10
    result = score(policytext_extract, pages)
    assert min(min(r["precision"], r["recall"]) for r in result["rows"]) >= 0.97, result["worst"]
    assert result["title"] == 1.0 and result["date"] == 1.0


@needs_mirror_pages
def test_county_department_and_university_pages_read_whole():
    """The third round's tuned pages (county and district portals, departments' 政务公开 pages and
    notices, a ministry notice, university and 文明网 news): each page whole, with its title and the
    publication date it prints; the metadata table above a notice, trailing credits and source notes,
    navigation lines and header fields set without spaces are not body."""
    pages = [p for p in dev_pages("tuned") if "third round" in p.get("split_note", "")]
    assert len(pages) >= 15
    result = score(policytext_extract, pages)
    assert min(min(r["precision"], r["recall"]) for r in result["rows"]) >= 0.98, result["worst"]
    assert result["precision"] >= 0.995 and result["recall"] >= 0.995
    assert result["title"] == 1.0 and result["date"] == 1.0


@needs_mirror_pages
@pytest.mark.parametrize(
    ("prefix", "worst", "mean"),
    [
        # a school's Party pages and a forwarded 意见, a research institute, an open-government page with a
        # colon-less metadata table, Taiwanese news in traditional characters: lists of other articles above the
        # article, glued buttons, the 版记 and traditional chrome are not body. Left: two leading photo captions
        # that the gold counts and trafilatura drops (經濟日報) or keeps against the gold (中央社)
        ("r6_", 0.9, 0.98),
        # county, district, city and provincial portals, provincial departments, a 机关党建 column, a 文明网
        # station, a provincial Party paper: a footer's list of government sites after the article, lists of
        # headlines dated on the line under each, a portal's exit dialog, the writer's unit and name closing the
        # last paragraph and a bare 信息来源: label are not body
        ("r7_", 0.99, 0.99),
        # provincial and city portals, ministries, provincial departments (three print a date that differs from
        # their PubDate meta): credits run into the last paragraph, a compiled article's sources and an empty
        # attachment label are not body
        ("r8_", 0.97, 0.99),
        # provincial and city portals, a city department, a district portal, an old news portal's page, an event
        # page: the heading with its date and 来源 on one line above a byline, a column's name above the dateline,
        # an event's labelled fields, QR-code captions, back-to-top buttons and a player's notice are not body
        ("r9_", 0.99, 0.99),
        # real pages of four Shanghai school sites, 深圳中学 and the 中央纪委 site (a later helper's round, scored once
        # at first sight: P 0.997, R 0.989, titles 13/16): a column's <title>, a kicker in the meta title's markup, a
        # source's byline, a name and date under the heading, paragraphs two attachments print alike (which trafilatura
        # drops as repeats) and a list the text announces with a colon. Left: 附件4's headings without punctuation
        ("r11_", 0.95, 0.99),
    ],
    ids=["round six", "round seven", "round eight", "round nine", "round eleven"],
)
def test_a_rounds_pages_read_whole(prefix, worst, mean):
    """Each page of a later round of the development set (12 each, 9 in round nine, 16 in round eleven) read whole,
    with its title and date."""
    pages = [p for p in dev_pages(None) if p["id"].startswith(prefix)]
    assert len(pages) == {"r9_": 9, "r11_": 16}.get(prefix, 12)
    result = score(policytext_extract, pages)
    assert min(min(r["precision"], r["recall"]) for r in result["rows"]) >= worst, result["worst"]
    assert result["precision"] >= mean and result["recall"] >= mean
    assert result["title"] == 1.0 and result["date"] == 1.0


@needs_mirror_pages
def test_official_fields_of_the_dev_pages_match_the_printed_values():
    pages = dev_pages("tuned")
    with_number = [p for p in pages if p.get("doc_number")]
    assert with_number
    for p in with_number:
        meta = pt.read_document(p["page"].encode("utf-8")).meta
        assert meta.get("doc_number") == p["doc_number"], p["id"]
        assert meta.get("issuer") == p["issuer"], p["id"]
        if p.get("written_date"):
            assert meta["written_date"].isoformat() == p["written_date"], p["id"]


@needs_mirror_files
@pytest.mark.parametrize("rec", FILES, ids=[r["id"] for r in FILES])
def test_real_pdf_and_word_files(rec, caplog):
    with caplog.at_level(logging.WARNING):
        doc = pt.read_document(record_bytes(rec))
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]  # no FontBBox noise
    assert doc.meta["format"] == rec["kind"]
    if rec.get("title_in_text_layer", True):
        assert doc.meta.get("title") == rec["title"]
    else:  # the title is printed as an image: none is read, and the byline is not taken for it
        assert doc.meta.get("title") is None and doc.meta.get("issuer") == rec["issuer"]
    lines = doc.text.split("\n")
    assert rec["first_line"] in lines and rec["last_line"] in lines
    assert lines.index(rec["first_line"]) < len(lines) - 1 - lines[::-1].index(rec["last_line"])


@needs_mirror_files
def test_a_real_report_pdf_has_no_newline_inside_its_sentences():
    rec = next(r for r in FILES if r["id"] == "shenzhen_2021_gender_statistics")
    text = pt.read_document(record_bytes(rec)).text
    # the notes at the end wrap inside words (住院分娩 / 活产数): each note is one line
    notes = [ln for ln in text.split("\n") if re.match(r"^\d\.[^\d]", ln)]
    assert len(notes) >= 9
    assert all(ln.endswith("）") for ln in notes[-5:]), notes[-5:]
    # no line of prose breaks right after a character that continues the sentence
    for a, b in zip(text.split("\n"), text.split("\n")[1:]):
        if a.endswith("，") or a.endswith("、"):
            assert not re.match(r"^[\u4e00-\u9fff]", b), (a[-30:], b[:30])


def test_a_table_of_numbers_is_not_navigation():
    rows = "\n".join(f"{i}\n{14829.0 + i:.3f}\n{103655.0 - i:.3f}" for i in range(60))
    page = (
        "<html><body><div id='zoom'><p>广东省人民政府：</p><p>现就有关事项批复如下：口岸区范围见附件。</p>"
        f"<p>附件</p><p>{rows.replace(chr(10), '</p><p>')}</p></div></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = pt.read_document(page.encode("utf-8"))
    assert suspicious_body(doc) is None


def test_an_attachment_label_is_not_the_title():
    assert official_title("附件1：\n2016年某市市直机关遴选公务员职位表\n序号 部门名称 职位") == (
        "2016年某市市直机关遴选公务员职位表"
    )
    assert official_title("附件2\n2022年通过某项认证的专业名单\n\n第三级认证") == "2022年通过某项认证的专业名单"


@needs_mirror_files
def test_a_published_pdf_reads_to_the_same_body_as_its_text_version():
    """云南省国民经济和社会发展第十个五年计划纲要: the PDF (28 pages, a garbled end) and the text version
    published beside it give the same Han characters, and no wrapped line leaves a newline in a sentence."""
    rec = next(r for r in FILES if r["id"] == "yunnan_10th_fyp_2001_pdf")
    doc = pt.read_document(record_bytes(rec))
    pdf_text = doc.text
    published = record_bytes({**rec, "path": rec["text_path"], "sha1": rec["text_sha1"]}).decode("utf-8")
    pdf_han, text_han = han(pdf_text), han(published)
    assert len(text_han) > 25000
    assert pdf_han == text_han, _diff_summary(pdf_han, text_han)
    lines = pdf_text.split("\n")
    wrapped = [
        (a[-20:], b[:20])
        for a, b in zip(lines, lines[1:])
        if len(a) > 30 and "/" not in a and not a.rstrip().endswith(tuple("。！？；：:）)”"))
    ]
    assert wrapped == []
    # the chapters of the plan are sections, in order
    chapters = doc.sections
    assert (chapters["number"].str.endswith("章")).sum() >= 26


def _diff_summary(a: str, b: str) -> str:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops = [(op, a[i1:i2][:20], b[j1:j2][:20]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
    return f"{len(ops)} differences, first: {ops[:5]}"
