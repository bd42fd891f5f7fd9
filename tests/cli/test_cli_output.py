"""Every command that writes: existing outputs kept without --force, inputs never replaced, real formats."""

from __future__ import annotations

import pandas as pd
import pytest

from policytext.cli import main


@pytest.fixture
def text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("抓农村牧区党建促乡村振兴，坚决做到“两个维护”。", encoding="utf-8")
    return p


def test_segment_never_replaces_its_own_input(text_file, capsys):
    before = text_file.read_text(encoding="utf-8")
    assert main(["segment", str(text_file), "-o", str(text_file), "--force"]) == 1
    assert "is one of the inputs" in capsys.readouterr().err
    assert text_file.read_text(encoding="utf-8") == before


# every command that writes a file with -o: argv with {text} for the input file and {dir} for its folder
WRITERS = {
    "extract": (["extract", "formulas", "{text}"], "out.csv"),
    "read": (["read", "{text}"], "out.csv"),
    "keywords": (["keywords", "{text}"], "out.csv"),
    "keyness": (["keyness", "{text}", "{text2}"], "out.csv"),
    "trends": (["trends", "党建", "--corpus", "{dir}", "--by", "path"], "out.csv"),
    "segment": (["segment", "{text}"], "out.txt"),
    "templates find": (["templates", "find", "{text}"], "out.csv"),
    "templates list": (["templates", "list"], "out.csv"),
    "report": (["report", "{text}"], "out.html"),
    "compare": (["compare", "{text}", "{text2}"], "out.csv"),
    "index search": (["search", "{db}", "党建"], "out.csv"),
    "index kwic": (["kwic", "{db}", "党建"], "out.csv"),
    "index count": (["count", "{db}", "党建", "--by", "doc_id"], "out.csv"),
    "index info": (["index", "info", "{db}", "--documents"], "out.csv"),
    "templates mine": (["templates", "mine", "{text}", "{text2}", "--min-support", "2"], "out.csv"),
    "lexicon mine": (["lexicon", "mine", "{text}", "{text2}", "--min-docs", "1", "--backend", "jieba"], "out.csv"),
    # outputs named by other options than -o
    "lexicon mine --write": (
        ["lexicon", "mine", "{text}", "{text2}", "--min-docs", "1", "--backend", "jieba"],
        "lexicon.txt",
        "--write",
    ),
    "compare --html": (["compare", "{text}", "{text2}"], "view.html", "--html"),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_an_existing_output_needs_force(name, text_file, tmp_path, capsys):
    argv, out_name, *flag = WRITERS[name]
    option = flag[0] if flag else "-o"
    second = text_file.with_name("b.txt")
    second.write_text("推进乡村振兴，抓党建促发展。", encoding="utf-8")
    db = tmp_path / "i.db"
    if "{db}" in argv:
        assert main(["index", "build", str(text_file.parent), "--db", str(db), "-q"]) == 0
    fill = {"{text}": str(text_file), "{text2}": str(second), "{dir}": str(text_file.parent), "{db}": str(db)}
    argv = [fill.get(a, a) for a in argv]
    out = tmp_path / "outs" / out_name
    out.parent.mkdir()
    out.write_text("keep me\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*argv, option, str(out)]) == 1, name
    assert "already exists; pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert main([*argv, option, str(out), "--force"]) == 0, name
    assert out.read_text(encoding="utf-8") != "keep me\n"
    # an input is never an output, with --force too
    before = text_file.read_text(encoding="utf-8")
    if "{text}" in WRITERS[name][0]:
        assert main([*argv, option, str(text_file), "--force"]) == 1, name
        assert "is one of the inputs" in capsys.readouterr().err
        assert text_file.read_text(encoding="utf-8") == before


def test_parquet_output_is_parquet(text_file, tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet needs the 'batch' extra (pyarrow)")
    out = tmp_path / "out.parquet"
    assert main(["extract", "formulas", str(text_file), "-o", str(out)]) == 0
    df = pd.read_parquet(out)
    assert "两个维护" in df["formula"].tolist()


def test_an_unknown_suffix_is_an_error_not_csv(text_file, tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert main(["extract", "formulas", str(text_file), "-o", str(out)]) == 1
    assert "unknown output format '.docx'" in capsys.readouterr().err
    assert not out.exists()


def test_report_keeps_an_existing_page(text_file, tmp_path, capsys):
    out = tmp_path / "report.html"
    out.write_text("<p>mine</p>", encoding="utf-8")
    assert main(["report", str(text_file), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "<p>mine</p>"


@pytest.mark.parametrize(
    "argv,message",
    [
        (["segment", "sample", "--jobs", "0"], "argument --jobs: 0 workers is not a count"),
        (["segment", "sample", "--jobs", "-64"], "would leave no worker"),
        (["keywords", "sample", "--min-chars", "-1"], "argument --min-chars: expected at least 1"),
    ],
)
def test_argument_ranges_are_checked_once_while_parsing(argv, message, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2 and message in capsys.readouterr().err


def test_two_inputs_with_the_same_file_name_stay_two_documents(tmp_path, capsys):
    """0.1: `index build da db` indexed one of two x.txt and said 'indexed 2 documents'."""
    for folder, text in (("da", "抓党建促发展。"), ("db", "推进乡村振兴。")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "i.db"
    assert main(["index", "build", str(tmp_path / "da"), str(tmp_path / "db"), "--db", str(db), "-q"]) == 0
    assert "doc_id 'x' is taken by an earlier input; using 'x#2'" in capsys.readouterr().err
    import policytext as pt

    with pt.Index(db) as idx:
        assert sorted(idx.doc_ids) == ["x", "x#2"]
        assert idx.count("党建") == 1 and idx.count("乡村振兴") == 1


def test_an_empty_folder_is_an_error_not_silence(tmp_path, capsys):
    """0.1: read, batch and friends on an empty folder exited 0 with no output."""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["read", str(empty)]) == 1
    assert "no documents read from" in capsys.readouterr().err
    assert main(["extract", "formulas", str(empty)]) == 1
    with pytest.warns(UserWarning, match="no documents"):
        assert main(["batch", str(empty), "--steps", "formulas", "--out", str(tmp_path / "out")]) == 1
    assert "no documents in" in capsys.readouterr().err


def test_batch_out_an_existing_file_is_a_clear_error(tmp_path, capsys):
    """0.1: a raw FileExistsError traceback."""
    target = tmp_path / "results.txt"
    target.write_text("mine\n", encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("坚决做到“两个维护”。", encoding="utf-8")
    assert main(["batch", str(src), "--steps", "formulas", "--out", str(target)]) == 1
    assert "is a file; a batch run writes into a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_topics_keeps_the_tables_of_an_earlier_run(tmp_path, capsys):
    """``topics -o DIR`` writes tables into a folder: an earlier run's tables are kept unless --force."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    lines = ["推进乡村振兴，抓党建促发展。", "加强基层党组织建设，发挥先锋模范作用。", "发展数字经济，建设数字政府。"]
    for i in range(12):
        (corpus / f"d{i:02d}.txt").write_text("\n\n".join(lines[(i + k) % 3] * 3 for k in range(3)), encoding="utf-8")
    out = tmp_path / "topics"
    argv = ["topics", str(corpus), "-k", "2", "--min-df", "1", "--max-df", "1.0", "--no-plots", "-o", str(out)]
    assert main(argv) == 0
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    assert written
    first = sorted(written)[0]
    (out / first).write_text("keep me\n", encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 1
    assert "--force" in capsys.readouterr().err
    assert (out / first).read_text(encoding="utf-8") == "keep me\n"
    assert main([*argv, "--force"]) == 0
    assert (out / first).read_bytes() == written[first]


def test_skip_errors_reads_the_other_files_and_names_the_unreadable_ones(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("坚决做到“两个维护”。", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"garbage" * 20)
    assert main(["read", str(folder), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "broken.pdf" in err and "--skip-errors" in err
    assert main(["read", str(folder), "--format", "csv", "--skip-errors"]) == 0
    out, err = capsys.readouterr()
    assert "两个维护" in out and "broken.pdf" not in out
    assert "skipped:" in err and "broken.pdf" in err
    # a missing input is never skipped: it is a mistake in the command, not a bad file
    assert main(["read", str(folder / "missing.txt"), "--skip-errors"]) == 1
    assert "no such file" in capsys.readouterr().err
    # nothing readable at all is still an error
    (folder / "a.txt").unlink()
    assert main(["read", str(folder), "--skip-errors"]) == 1
    assert "no documents read" in capsys.readouterr().err


def test_skip_errors_is_on_the_commands_with_their_own_readers(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a_2023.txt").write_text("坚决做到“两个维护”。全面从严治党永远在路上。", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"garbage" * 20)
    assert main(["keywords", str(folder), "--skip-errors", "--top", "3"]) == 0
    err = capsys.readouterr().err
    assert "skipped:" in err and "broken.pdf" in err and "hint" not in err
    assert main(["trends", "两个维护", "--corpus", str(folder), "--skip-errors"]) == 0
    capsys.readouterr()
    # with the flag given, a missing input is an error without the hint to give the flag
    assert main(["read", str(folder), str(tmp_path / "nope.txt"), "--skip-errors"]) == 1
    assert "hint" not in capsys.readouterr().err
