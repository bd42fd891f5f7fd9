"""文号, 发文机关 and 成文日期 over the shared corpus's official documents (scripts/officialdoc_coverage.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from policytext.corpus.officialdoc import official_fields

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "officialdoc_coverage.py"


@pytest.fixture(scope="module")
def cov():
    spec = importlib.util.spec_from_file_location("officialdoc_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["officialdoc_coverage"] = module
    spec.loader.exec_module(module)
    return module


def test_govcn_values_match_what_the_pages_print(cov, corpus_dir):
    rows = cov.govcn_agreement(corpus_dir)
    assert len(rows) == 20
    for field, (same, printed) in cov.agreement_counts(rows).items():
        assert printed == 20, field
        assert same == printed, [r for r in rows if r[field] != r[f"{field}_printed"]]


def test_every_visible_doc_number_and_date_line_is_read(cov, corpus_dir):
    for row in cov.coverage(corpus_dir):
        assert row["doc_number"] >= row["doc_number_shown"], row
        assert row["written_date"] >= row["written_date_shown"], row


def test_cited_doc_numbers_are_not_the_documents_own(cov, corpus_dir):
    # central_032 cites 国发〔2021〕24号 in its first sentence: that is another document's number
    _, doc = next(x for x in cov.read_folder(corpus_dir, "policy_docs_central") if x[0].name == "central_032.txt")
    assert "国发〔2021〕24号" in doc.text and "doc_number" not in doc.meta


def test_bracketed_doc_number_under_the_title():
    text = (
        "教育部办公厅关于开展试点工作的通知\n（教师函〔2021〕13号）\n"
        "各省、自治区、直辖市教育厅（教委）：\n现将有关事项通知如下。"
    )
    assert official_fields(text)["doc_number"] == "教师函〔2021〕13号"
    cited = "（根据国发〔2017〕35号文件精神，现通知如下。）\n各单位："
    assert "doc_number" not in official_fields(cited)


def test_every_dated_signature_gives_an_issuer(cov, corpus_dir):
    for row in cov.coverage(corpus_dir):
        if row["folder"].startswith("policy_docs"):
            assert row["issuer"] >= row["written_date"], row


@pytest.mark.parametrize(
    ("signature", "issuer"),
    [("工业和信息化部科技司", "工业和信息化部科技司"), ("（国家粮食局办公室代章）", "国家粮食局办公室")],
)
def test_signatures_of_a_ministry_department_and_under_another_seal(signature, issuer):
    text = f"各单位：\n现将有关事项通知如下。\n{signature}\n2018年5月2日"
    assert official_fields(text)["issuer"] == issuer
