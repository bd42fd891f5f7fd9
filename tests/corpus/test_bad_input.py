"""Bad input to the corpus layer: clear errors naming what is wrong, and no real text deleted by cleaning."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt
from policytext.corpus.clean import clean_text
from policytext.errors import InputError

LONG = "我们要" + "推进改革发展稳定各项工作，" * 20 + "。"


def test_read_document_of_none_names_the_argument():
    """0.1: pathlib's TypeError."""
    with pytest.raises(InputError, match="read_document: source is NoneType; expected a path or bytes"):
        pt.read_document(None)  # type: ignore[arg-type]


def test_a_missing_id_is_refused_not_called_nan():
    """0.1: a doc_id of NaN became the string 'nan'."""
    df = pd.DataFrame({"doc_id": ["a", float("nan")], "text": ["抓党建。", "促发展。"]})
    with pytest.raises(InputError, match=r"DataFrame, row 1: the id column 'doc_id' is empty"):
        pt.Corpus.from_dataframe(df)


def test_filter_on_a_key_no_document_has_is_an_error():
    """0.1: Corpus.filter(colection=...) (a typo) returned an empty corpus without a word."""
    c = pt.Corpus.from_texts(["甲。", "乙。"], meta=[{"collection": "a"}, {"collection": "b"}])
    with pytest.raises(InputError, match="no document has the metadata key 'colection'"):
        c.filter(colection="a")
    assert c.filter(collection="a").doc_ids == ["0"]


def test_escaped_markup_in_the_text_is_kept():
    """0.1 deleted a line holding &lt;b&gt;坚持以人民为中心&lt;/b&gt; (it looked like a breadcrumb once unescaped)."""
    body, _ = clean_text(LONG + "\n&lt;b&gt;坚持以人民为中心&lt;/b&gt;\n" + LONG)
    assert "<b>坚持以人民为中心</b>" in body


def test_prose_with_angle_brackets_is_not_markup():
    """0.1 turned a<b 且 c>d into ad."""
    body, _ = clean_text(LONG + "\n若a<b 且 c>d，则结论成立。")
    assert "若a<b 且 c>d，则结论成立。" in body
    body, _ = clean_text(LONG + '\n<p class="x">坚持<b>党的领导</b>。</p>')
    assert "坚持党的领导。" in body


def test_an_empty_folder_warns(tmp_path):
    """0.1: Corpus.from_dir on an empty folder returned an empty corpus without a word."""
    with pytest.warns(UserWarning, match="matched no file, and the folder holds no file of a type policytext reads"):
        c = pt.Corpus.from_dir(tmp_path)
    assert len(c) == 0
