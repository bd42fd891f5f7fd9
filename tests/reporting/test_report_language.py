"""The report speaks the documents' language: Chinese words for Chinese texts, English on request."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.errors import InputError

SEED_LIKE = "抓农村牧区党建促乡村振兴，坚决做到“两个维护”。"


def test_a_chinese_text_gets_chinese_labels_and_an_english_one_english():
    zh = pt.report(pt.Document("d", SEED_LIKE))
    assert '<html lang="zh">' in zh and "套语模板" in zh and "数字概括语" in zh and "template instance" not in zh
    en = pt.report(pt.Document("d", SEED_LIKE), lang="en")
    assert '<html lang="en">' in en and "template instance" in en and "套语模板" not in en


def test_a_corpus_page_and_the_notebook_view_follow_the_same_rule():
    corpus = pt.Corpus.from_texts([SEED_LIKE, "推进乡村振兴。"], meta=[{"year": 2021}, {"year": 2022}])
    page = pt.report(corpus, figures=False)
    assert "文件一览" in page and "policytext 报告：2 篇文件" in page
    assert "会议" in pt.highlight(SEED_LIKE).html


def test_an_unknown_language_is_an_error():
    with pytest.raises(InputError, match="lang: expected one of"):
        pt.report(SEED_LIKE, lang="fr")
