"""Wrong arguments are errors that name them, never a silently shorter, empty or garbled result (found by an audit:
``top=-1`` dropped one row, ``cut_many("抓党建")`` cut three one-character texts, ``coders="alice"`` made five
coders, ``max_df`` below ``min_df`` gave an empty matrix)."""

from __future__ import annotations

import numpy as np
import pytest

import policytext as pt
from policytext.errors import InputError

TEXT = "抓农村牧区党建促乡村振兴，抓城市基层党建促社区治理，抓机关党建促作风建设。" * 3


def _corpus():
    return pt.Corpus.from_texts([TEXT, "推进乡村振兴，抓党建促发展。" * 3, "坚持稳中求进工作总基调。" * 3])


CASES = {
    "mine_templates top=-1": (lambda: pt.mine_templates(TEXT, top=-1), "top"),
    "mine_templates min_support=0": (lambda: pt.mine_templates(TEXT, min_support=0), "min_support"),
    "collocations top=-1": (lambda: pt.collocations(TEXT, top=-1), "top"),
    "collocations min_count='a'": (lambda: pt.collocations(TEXT, min_count="a"), "min_count"),
    "discover_terms top=0": (lambda: pt.discover_terms([TEXT], top=0), "top"),
    "discover_terms min_chars > max_chars": (lambda: pt.discover_terms([TEXT], min_chars=10, max_chars=2), "max_chars"),
    "find_formulas min_support=-1": (lambda: pt.find_formulas(TEXT, min_support=-1), "min_support"),
    "keyness min_count=-1": (lambda: pt.keyness(TEXT, "坚持稳中求进。", min_count=-1), "min_count"),
    "cooccurrence min_count=-1": (lambda: pt.cooccurrence(TEXT, min_count=-1), "min_count"),
    "cooccurrence terms='党建'": (lambda: pt.cooccurrence(TEXT, terms="党建"), "terms"),
    "cut_many one string": (lambda: pt.Segmenter().cut_many("抓党建"), "texts"),
    "adapt min_count=-1": (lambda: pt.Segmenter().adapt(_corpus(), min_count=-1), "min_count"),
    "save_lexicon without adapt": (lambda: pt.Segmenter().save_lexicon("/tmp/never_written.txt"), "adapt"),
    "dfm max_df < min_df": (lambda: pt.dfm(_corpus(), min_df=3, max_df=2), "max_df"),
    "find_reuse window=-1": (lambda: pt.find_reuse(_corpus(), window=-1), "window"),
    "similarity num_perm=-1": (lambda: pt.similarity(_corpus(), method="minhash", num_perm=-1), "num_perm"),
    "similarity random_state='a'": (
        lambda: pt.similarity(_corpus(), method="minhash", random_state="a"),
        "random_state",
    ),
    "compare_series n_jobs=-99": (lambda: pt.compare_series(_corpus(), by="year", n_jobs=-99), "n_jobs"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_wrong_argument_is_an_error_naming_it(name):
    call, argument = CASES[name]
    with pytest.raises(InputError, match=argument):
        call()


def test_numpy_integers_are_integers():
    assert len(pt.collocations(TEXT, min_count=np.int64(2), top=np.int64(3))) <= 3


def test_export_for_coding_coders_must_be_a_list(tmp_path):
    from policytext.coding import code_units, export_for_coding, resolve_codebook

    coded = code_units(_corpus(), resolve_codebook(None), unit="sentence")
    with pytest.raises(InputError, match="coders"):
        export_for_coding(coded, tmp_path / "s.csv", coders="alice")
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.parametrize(
    "call",
    [
        lambda p: pt.find_formulas(p),
        lambda p: pt.find_templates(p),
        lambda p: pt.keywords(p),
        lambda p: pt.dfm(p),
        lambda p: pt.compare(p, "坚持稳中求进。"),
        lambda p: pt.report(p),
        lambda p: pt.find_formulas([p]),
    ],
)
def test_a_file_path_given_as_the_text_is_an_error(call, tmp_path):
    # the path's characters were analysed as a text (0 formulas, the path's tokens as keywords)
    path = tmp_path / "gwr_2023.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="is a file path, not a text"):
        call(str(path))
    with pytest.raises(InputError, match="read_document"):
        call(path)


def test_short_texts_without_chinese_are_still_texts():
    assert pt.keywords("economic policy and reform", top=3) is not None
    assert pt.find_formulas("坚决做到“两个维护”。").shape[0] == 1


def test_a_csv_file_given_as_a_dictionary_template_or_formula_lexicon_is_refused(tmp_path):
    # each was read without complaint: the CSV header became a template or a formula, a row a word with a comma
    from policytext.extract.formulas.lexicon import parse_formula_lexicon
    from policytext.extract.templates.matching import load_templates

    words = tmp_path / "words.csv"
    words.write_text("word,freq\n抓党建促乡,10\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"words\.csv, line 1: .*separator"):
        pt.Segmenter(user_dicts=[words]).cut("抓党建促乡村振兴")
    templates = tmp_path / "templates.csv"
    templates.write_text("template,gloss\n抓{X}党建促{Y},slogan\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"templates\.csv, line 1: .*no Chinese character"):
        load_templates(templates)
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no template"):
        load_templates(empty)
    formulas = tmp_path / "formulas.csv"
    formulas.write_text("canonical,variants,number\n两个维护,,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"formulas\.csv:1: .*no Chinese character"):
        parse_formula_lexicon(formulas)
    with pytest.warns(UserWarning, match="holds no entries"):
        pt.Segmenter(user_dicts=[empty]).cut("抓党建")


def test_empty_ids_and_empty_documents_are_refused(tmp_path):
    table = tmp_path / "docs.csv"
    table.write_text("doc_id,text\n,坚持稳中求进。\nb,推进改革。\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"docs\.csv, record 1: the id column 'doc_id' is empty"):
        pt.Corpus.from_csv(table)
    with pt.Index(":memory:") as idx:
        with pytest.raises(InputError, match=r"documents\[1\].*empty document"):
            idx.add(["坚持稳中求进。", "  "])
        assert idx.doc_ids == []  # one transaction: nothing was added


def test_unreadable_inputs_name_their_file_and_leave_nothing_behind(tmp_path, capsys):
    from policytext.cli import main
    from policytext.coding import read_coding

    sheet = tmp_path / "coded.xlsx"
    sheet.write_bytes(b"not a zip at all")
    pytest.importorskip("openpyxl")
    with pytest.raises(InputError, match=r"coded\.xlsx: not a readable \.xlsx workbook"):
        read_coding(sheet)
    words = tmp_path / "words.json"
    words.write_bytes('{"党建": ["党建"]}'.encode("gb18030") + b"\xff\xfe")
    with pytest.raises(InputError, match=r"words\.json: not UTF-8"):
        pt.dictionary_counts(TEXT, words)
    # a batch run of a missing source makes no output folder; a failed index build leaves no empty index
    assert main(["batch", str(tmp_path / "nope.jsonl"), "--steps", "stats", "--out", str(tmp_path / "out")]) == 1
    assert "no such file or folder" in capsys.readouterr().err and not (tmp_path / "out").exists()
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xff\xfe\x00\xd8bad")
    assert main(["index", "build", str(folder), "--db", str(tmp_path / "i.db"), "-q"]) == 1
    assert "a.txt" in capsys.readouterr().err and not list(tmp_path.glob("i.db*"))


def test_batch_max_chars_must_be_positive(tmp_path):
    from policytext import batch

    with pytest.raises(InputError, match="max_chars"):
        batch.run(["坚持稳中求进。"], steps=["stats"], out=tmp_path / "out", format="csv", max_chars=-1)
    assert not (tmp_path / "out").exists()


def test_more_arguments_that_gave_empty_results_or_bare_errors(tmp_path, capsys):
    from policytext.cli import main

    with pytest.warns(UserWarning, match="pos: 'zz' is no jieba POS tag"):  # a user dictionary's own tag may be
        assert len(pt.keywords(TEXT, pos="zz")) == 0
    assert len(pt.keywords(TEXT, pos="n")) > 0  # a prefix of several tags still works
    with pytest.raises(InputError, match="hmm"):
        pt.Segmenter(hmm="no")
    with pt.Index(":memory:") as idx:
        idx.add([TEXT])
        for call, argument in (
            (lambda: idx.search("党建", top="a"), "top"),
            (lambda: idx.kwic("党建", window=-1), "window"),
            (lambda: idx.count("党建", by=5), "by"),
        ):
            with pytest.raises(InputError, match=argument):
                call()
    # a batch run in which every document fails exits non-zero
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["batch", str(folder), "--steps", "stats", "--out", str(tmp_path / "out"), "--format", "csv"]) == 1
    assert "every document" in capsys.readouterr().err


def test_a_filter_that_keeps_nothing_because_of_a_type_says_so():
    corpus = pt.Corpus.from_texts(["坚持稳中求进。", "推进改革。"], meta=[{"year": 2020}, {"year": 2021}])
    with pytest.warns(UserWarning, match="year values are int, not str"):
        assert corpus.filter(year="2020").doc_ids == []
    assert corpus.filter(year=2020).doc_ids == ["0"]


@pytest.mark.parametrize(
    "call, argument",
    [
        (lambda: pt.report(5), "source"),
        (lambda: pt.read_document("坚持稳中求进。".encode(), meta=[1]), "meta"),
        (lambda: pt.Corpus.from_texts(["甲。"]) and pt.Corpus.from_dir(".", metadata=5), "metadata"),
        (lambda: pt.split_sentences(None), "text"),
    ],
)
def test_a_wrong_type_is_named(call, argument):
    # these reached library code and came back as bare TypeError or AttributeError
    with pytest.raises(InputError, match=argument):
        call()


def test_an_index_filter_that_matches_nothing_because_of_a_type_says_so():
    import warnings

    with pt.Index(":memory:") as idx:
        idx.add(pt.Corpus.from_texts(["改革开放。", "改革。"], meta=[{"year": 2020}, {"year": 2021}]))
        with pytest.warns(UserWarning, match="stores year as integer, not text") as caught:
            assert idx.count("改革", year="2020") == 0
        assert caught[0].filename == __file__  # the warning points at the caller's line
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert idx.count("改革", year=2020) == 1 and idx.count("改革", year=1999) == 0


def test_agreement_and_topic_transform_name_their_bad_input():
    import pandas as pd

    from policytext.coding import agreement

    codings = pd.DataFrame({"unit_id": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "category": ["x", "x", "y", "y"]})
    for kwargs, argument in (({"n_boot": "a"}, "n_boot"), ({"random_state": "a"}, "random_state")):
        with pytest.raises(InputError, match=argument):
            agreement(codings, **kwargs)
    texts = ["坚持稳中求进，推进乡村振兴，发展新质生产力。" * 8, "加强党的建设，全面从严治党，推进乡村振兴。" * 8]
    model = pt.TopicModel(2, random_state=0, min_df=1, max_df=1.0).fit(pt.Corpus.from_texts(texts * 2))
    with pytest.raises(InputError, match="transform: source has no paragraph"):
        model.transform("")


def test_index_timeout_and_compare_show_are_checked(tmp_path, capsys):
    from policytext.cli import main

    with pytest.raises(InputError, match="timeout"):
        pt.Index(":memory:", timeout=-1)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("坚持稳中求进。", encoding="utf-8")
    b.write_text("坚持稳中求进，推动高质量发展。", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["compare", str(a), str(b), "--show", "-1"])
    assert "--show" in capsys.readouterr().err
