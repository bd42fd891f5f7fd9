"""Corpus.from_dir never comes back silently empty: it warns when the pattern matches nothing, reads
every supported type with pattern="**/*", and lists suspicious bodies and skipped files in problems."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import policytext as pt
from policytext.corpus.corpus import PROBLEM_COLUMNS

MENU_PAGE = (
    "<!DOCTYPE html><html><head><title>某某县人民政府</title></head><body><div class='nav'>"
    + "".join(f"<p><a href='/c{i}'>栏目{i}政务公开</a></p>" for i in range(40))
    + "</div><div>"
    + "".join(
        f"<p>某某县第{i}次会议召开，与会人员认真学习了有关文件精神，并就下一步工作作出部署。</p>" for i in range(60)
    )
    + "</div><div class='side'>"
    + "".join(f"<p><a href='/n{i}'>新闻标题第{i}条</a></p>" for i in range(60))
    + "</div></body></html>"
)


@pytest.fixture
def html_folder(tmp_path, corpus_dir):
    for name in ("govcn_000014349_2018-00222.html", "govcn_000014349_2018-00221.html"):
        shutil.copy(corpus_dir / "html_pages/gov_cn" / name, tmp_path / name)
    return tmp_path


def test_default_pattern_on_html_folder_warns_naming_files_and_pattern(html_folder):
    with pytest.warns(UserWarning, match=r"matched no file.*\.html.*govcn_000014349_2018-00221\.html.*\*\*/\*"):
        corpus = pt.Corpus.from_dir(html_folder)
    assert len(corpus) == 0


def test_default_pattern_in_a_mixed_folder_says_what_it_leaves_unread(tmp_path):
    # texts beside a web page and a Word file: the default pattern reads the texts and names the files it leaves
    sub = tmp_path / "news"
    sub.mkdir()
    (tmp_path / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    (sub / "b.html").write_text(MENU_PAGE, encoding="utf-8")
    (sub / "c.docx").write_bytes(b"PK")
    with pytest.warns(UserWarning, match=r"leaves 2 file\(s\).*\.docx \.html.*news/b\.html.*\*\*/\*"):
        corpus = pt.Corpus.from_dir(tmp_path)
    assert corpus.doc_ids == ["a"]
    # a pattern for one folder speaks only of that folder
    import warnings

    (sub / "d.txt").write_text("抓党建促发展。", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pt.Corpus.from_dir(tmp_path, pattern="*.txt").doc_ids == ["a"]


def test_pattern_all_reads_every_supported_type(html_folder, corpus_dir, tmp_path):
    shutil.copy(corpus_dir / "word_files/jiangxi_waiban_2022_exam_outline.docx", html_folder / "outline.docx")
    (html_folder / "note.txt").write_text("坚持稳中求进。推动高质量发展。", encoding="utf-8")
    (html_folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (html_folder / "metadata.csv").write_text("path,issuer\nnote.txt,某某县\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"unsupported types skipped \(picture\.png\)"):
        corpus = pt.Corpus.from_dir(html_folder, pattern="**/*")
    assert corpus.doc_ids == ["govcn_000014349_2018-00221", "govcn_000014349_2018-00222", "note", "outline"]
    assert {d.meta.get("format") for d in corpus} == {"html", "docx", None}
    assert corpus["note"].meta["issuer"] == "某某县"  # the sidecar is metadata, not a document
    assert corpus["govcn_000014349_2018-00222"].meta["doc_number"] == "国发〔2018〕43号"
    assert list(corpus.problems.columns) == PROBLEM_COLUMNS
    row = corpus.problems.iloc[0]
    assert row["kind"] == "unsupported" and row["file"].endswith("picture.png") and row["path"] == row["file"]


NAV_ONLY_PAGE = (
    "<html><body><div class=nav>"
    + "".join(f"<p><a href=/c{i}>栏目{i}政务公开</a></p>" for i in range(40))
    + "</div><div><p>正文很短。</p></div>"
    + "".join(f"<p><a href=/n{i}>新闻标题第{i}条</a></p>" for i in range(60))
    + "</body></html>"
)


def test_menu_page_is_flagged_and_article_page_is_not(tmp_path):
    (tmp_path / "article.html").write_text(MENU_PAGE, encoding="utf-8")
    (tmp_path / "menu.html").write_text(NAV_ONLY_PAGE, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"menu\.html: the body is mostly short link or navigation lines"):
        corpus = pt.Corpus.from_dir(tmp_path, pattern="*.html")
    assert len(corpus) == 2
    assert corpus["article"].text.startswith("某某县第0次会议召开")
    assert corpus.problems[["kind"]].values.ravel().tolist() == ["suspicious"]
    assert corpus.problems.iloc[0]["file"].endswith("menu.html")


def test_navigation_only_body_is_suspicious():
    from policytext.corpus import Document
    from policytext.corpus.readers import suspicious_body

    nav = "\n".join(f"栏目{i}" for i in range(30))
    doc = Document("d", nav, {"format": "html"}, raw=nav + "正文" * 10)
    assert "navigation" in suspicious_body(doc)
    short = Document("d", "首页 政务公开", {"format": "html"}, raw="<p>" + "正文很长的一段。" * 500 + "</p>")
    assert "short" in suspicious_body(short)
    assert suspicious_body(Document("d", nav, {})) is None  # plain text is never judged


def test_skip_records_kind_file_reason_and_old_columns(tmp_path):
    (tmp_path / "ok.txt").write_text("稳中求进。", encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    corpus = pt.Corpus.from_dir(tmp_path, errors="skip")
    assert corpus.doc_ids == ["ok"]
    row = corpus.problems.iloc[0]
    assert row["kind"] == "unreadable" and row["file"].endswith("legacy.txt")
    assert "legacy.txt" in row["reason"] and row["error"] == row["reason"]


@pytest.mark.slow
def test_whole_shared_corpus_with_every_type(corpus_dir, manifest):
    with pytest.warns(UserWarning, match=r"unsupported types skipped \(README\.md\)"):
        corpus = pt.Corpus.from_dir(corpus_dir, pattern="**/*")
    assert len(corpus) == len(manifest)
    assert corpus.problems["kind"].tolist() == ["unsupported"]
    for d in corpus:
        for key in ("date", "written_date"):
            assert d.meta.get(key) is None or isinstance(d.meta[key], dt.date), (d.doc_id, key)
        assert d.meta.get("year") is None or isinstance(d.meta["year"], int), d.doc_id
    page = corpus["html_pages/gov_cn/govcn_000014349_2018-00222"]
    # the manifest's written_date string (a curated value) is read as a date too
    assert page.meta["written_date"] == dt.date(2018, 12, 21) and page.meta["doc_number"] == "国发〔2018〕43号"


def test_streaming_reader_selects_the_same_files(html_folder):
    from policytext.corpus.stream import iter_dir, list_dir

    (html_folder / "manifest.jsonl").write_text('{"path": "x.txt", "title": "t"}\n', encoding="utf-8")
    (html_folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert [doc_id for doc_id, _, _ in list_dir(html_folder, "**/*")] == [
        "govcn_000014349_2018-00221",
        "govcn_000014349_2018-00222",
    ]
    with pytest.warns(UserWarning, match="matched no file"):
        assert list(iter_dir(html_folder)) == []


def test_manifest_rows_that_name_no_file_are_said_and_duplicates_refused(tmp_path):
    import json

    (tmp_path / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    rows = [{"path": "a.txt", "year": 2023}, {"path": "A.txt ", "year": 2024}, {"path": "c.txt", "year": 2025}]
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"2 row\(s\) name no file.*'A\.txt '.*'c\.txt'"):
        corpus = pt.Corpus.from_dir(tmp_path)
    assert corpus[0].meta["year"] == 2023
    manifest.write_text("\n".join(json.dumps(r) for r in [rows[0], rows[0]]) + "\n", encoding="utf-8")
    with pytest.raises(pt.InputError, match=r"'a\.txt' has two rows"):
        pt.Corpus.from_dir(tmp_path)
    manifest.write_text('{"path": "a.txt"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(pt.InputError, match=r"manifest\.jsonl, line 2: expected a JSON object"):
        pt.Corpus.from_dir(tmp_path)


@pytest.mark.parametrize(
    "body, reason",
    [
        ("".join(f"<p><a href='/c{i}'>栏目{i}</a></p>" for i in range(7)), "no sentence in the body"),
        ("<h1>404</h1><p>对不起，您访问的页面不存在或已被删除。</p>", "error page"),
    ],
)
def test_a_page_without_an_article_is_warned_about(body, reason):
    page = f"<html><head><title>某某县人民政府</title></head><body>{body}</body></html>".encode()
    with pytest.warns(UserWarning, match=reason):
        pt.read_document(page)


def test_a_short_article_page_is_not_warned_about():
    import warnings

    body = "<h1>关于放假的通知</h1><p>国庆节放假三天，请各单位做好值班安排。</p>"
    page = f"<html><head><title>通知</title></head><body>{body}</body></html>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "放假三天" in pt.read_document(page.encode()).text


def test_a_broken_link_is_named_not_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone" / "b.txt")
    corpus = pt.Corpus.from_dir(tmp_path, errors="skip")
    assert corpus.doc_ids == ["a"]
    assert corpus.problems[["kind", "reason"]].values.tolist() == [
        ["unreadable", f"{tmp_path / 'b.txt'}: no such file"]
    ]
    with pytest.raises(pt.InputError, match=r"b\.txt: no such file"):
        pt.Corpus.from_dir(tmp_path)


def _saved_complete(folder, stem: str = "关于开展工作的通知", mark: str = "_files") -> None:
    """A page saved "Webpage, Complete": the page, and beside it its resources, two of them frames (.html)."""
    paras = "".join(f"<p>第{i}段，各单位要认真贯彻落实会议精神，推动各项工作取得新进展。</p>" for i in range(6))
    (folder / f"{stem}.html").write_text(
        f"<html><head><title>{stem}</title></head><body><h1>{stem}</h1>{paras}</body></html>"
    )
    res = folder / f"{stem}{mark}"
    res.mkdir()
    (res / "saved_resource.html").write_text("<html><body><script>var a=1;</script><a href='x'>广告</a></body></html>")
    (res / "saved_resource(1).html").write_text("<html><body><iframe src='x'></iframe></body></html>")
    (res / "style.css").write_text("body{color:red}")
    (res / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)


@pytest.mark.parametrize("mark", ["_files", ".files"])
def test_the_resource_folder_of_a_page_saved_complete_is_no_document(tmp_path, mark):
    # its frames are .html files of their own: read, they were empty documents, and the whole from_dir failed
    _saved_complete(tmp_path, mark=mark)
    with pytest.warns(UserWarning, match=r"4 file\(s\) of saved pages' resource folders skipped"):
        corpus = pt.Corpus.from_dir(tmp_path, pattern="**/*")
    assert [d.doc_id for d in corpus] == ["关于开展工作的通知"]
    rows = corpus.problems
    assert list(rows["kind"]) == ["resource"] * 4
    assert all("a part of the saved page 关于开展工作的通知.html" in r for r in rows["reason"])
    # a pattern that names the suffix skips them too
    corpus = pt.Corpus.from_dir(tmp_path, pattern="**/*.html")
    assert len(corpus) == 1 and set(corpus.problems["kind"]) == {"resource"}


def test_a_folder_named_files_without_its_page_is_read(tmp_path):
    (tmp_path / "archive_files").mkdir()
    (tmp_path / "archive_files" / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    (tmp_path / "other.html").write_text("<p>x</p>")  # a page of another name: not archive_files' page
    corpus = pt.Corpus.from_dir(tmp_path)
    assert [d.doc_id for d in corpus] == ["archive_files/a"]


def test_documents_in_a_folder_named_like_a_page_are_read(tmp_path):
    # data.html (a hand-written index) beside data_files/ holding the documents it lists: not a browser's folder
    (tmp_path / "data.html").write_text("<html><body><p>索引页，列出下列公报文件。</p></body></html>")
    (tmp_path / "data_files" / "sub").mkdir(parents=True)
    (tmp_path / "data_files" / "2023公报.txt").write_text("2023年全市经济运行总体平稳。", encoding="utf-8")
    (tmp_path / "data_files" / "sub" / "2024.txt").write_text("2024年全市经济运行稳中向好。", encoding="utf-8")
    corpus = pt.Corpus.from_dir(tmp_path, pattern="**/*")
    assert {d.doc_id for d in corpus} == {"data", "data_files/2023公报", "data_files/sub/2024"}


def test_the_default_pattern_does_not_point_at_a_saved_pages_resources(tmp_path):
    _saved_complete(tmp_path)
    (tmp_path / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    with pytest.warns(UserWarning) as record:
        pt.Corpus.from_dir(tmp_path)
    messages = " ".join(str(w.message) for w in record)
    assert "关于开展工作的通知.html" in messages and "saved_resource" not in messages


def test_a_word_version_that_is_a_web_page_is_read_and_a_real_doc_is_listed(tmp_path):
    # government sites' "Word version" downloads are often HTML (or MHTML) with a .doc suffix
    paras = "".join(f"<p>第{i}段，各单位要认真贯彻落实会议精神，推动各项工作取得新进展。</p>" for i in range(4))
    html = f"<html><head><meta charset='gb2312'><title>通知</title></head><body><h1>通知</h1>{paras}</body></html>"
    (tmp_path / "通知.doc").write_bytes(html.encode("gb18030"))
    (tmp_path / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.warns(UserWarning, match=r"1 file\(s\) of unsupported types skipped \(旧文件\.doc\)"):
        corpus = pt.Corpus.from_dir(tmp_path, pattern="**/*")
    assert [d.doc_id for d in corpus] == ["通知"] and corpus[0].text.startswith("第0段")
    assert list(corpus.problems["kind"]) == ["unsupported"]
