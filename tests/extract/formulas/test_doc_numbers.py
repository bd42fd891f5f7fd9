"""Document numbers (发文字号) cited in policy texts: real sentences, bracket variants, offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.extract.formulas.doc_numbers import find_doc_numbers
from policytext.extract.registry import get_extractor

# verbatim sentences of ../shared/corpus (Shandong and central documents on the digital economy)
REAL = [
    ("建设任务参见鲁教高函〔2023〕36 号中有关要求", ["鲁教高函〔2023〕36号"]),
    ("根据《技术创新示范企业认定管理办法（试行）》（工信部联科〔2010〕540号）、《青岛", ["工信部联科〔2010〕540号"]),
    ('振兴实体经济推动“四新经济"集聚区建设的奖励办法》(崂招促字〔2022〕5号)执行。', ["崂招促字〔2022〕5号"]),
    ("第一条 根据《专业技术人才知识更新工程实施方案》(人社部发〔2021)73号)、《专业", ["人社部发〔2021〕73号"]),
    ("术人才知识更新工程数字技术工程师培育项目实施办法》(人社厅发(2021〕71号)，为推动", ["人社厅发〔2021〕71号"]),
    ("＜国家新型城镇化规划（2014-2020年）＞的通知》（中发[2014]4号）和《国务", ["中发〔2014〕4号"]),
    ("加快落实《国务院关于印发新一代人工智能发展规划的通知》（国发〔2017〕35号）的部署要", ["国发〔2017〕35号"]),
]


def test_real_citations_are_found_with_their_standard_spelling():
    for text, expected in REAL:
        df = find_doc_numbers(text)
        assert df["doc_number"].tolist() == expected, text
        for row in df.itertuples():
            assert text[row.start : row.end] == row.match


def test_the_code_stops_at_words_that_cannot_be_part_of_it():
    df = find_doc_numbers("依照国办发〔2018〕7号和转发国发〔2019〕1号的要求，参照财税〔2019〕13号执行")
    assert df["issuer_code"].tolist() == ["国办发", "国发", "财税"]
    assert df[["year", "serial"]].values.tolist() == [[2018, 7], [2019, 1], [2019, 13]]
    assert all(isinstance(v, int) for v in df["year"])


def test_no_year_or_no_number_sign_is_not_a_document_number():
    assert find_doc_numbers("国发12号；2023年12号台风；第〔2023〕期").empty
    assert list(find_doc_numbers("").columns)[:4] == ["doc_id", "match", "start", "end"]


def test_registered_once_and_reachable_everywhere_without_a_table():
    e = get_extractor("doc_numbers")
    assert e.function is find_doc_numbers is pt.find_doc_numbers
    assert "find_doc_numbers" in pt.__all__
    from policytext.batch import STEPS

    assert STEPS["doc_numbers"] == "policytext.extract.formulas.doc_numbers:find_doc_numbers"
    html = pt.report(pt.Document("d", "根据国发〔2021〕29号文件。"), kinds=["doc_number"])
    assert 'class="pt-doc_number"' in html and ".pt-doc_number {" in html


def test_the_cli_runs_it(capsys, tmp_path):
    from policytext.cli import main

    p = tmp_path / "a.txt"
    p.write_text("根据《通知》（国发〔2021〕29号），制定本办法。", encoding="utf-8")
    assert main(["extract", "doc_numbers", str(p), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "国发〔2021〕29号" in out and "doc_number" in out.splitlines()[0]


def test_shared_corpus_documents_cite_numbers(corpus_dir):
    corpus = pt.Corpus.from_dir(corpus_dir / "policy_docs_shandong")
    df = find_doc_numbers(corpus)
    assert len(df) >= 20
    assert df["issuer_code"].str.len().between(2, 8).all()
    assert (df["doc_number"].str.match(r"^[\u4e00-\u9fffA-Za-z]+〔(19|20)\d\d〕\d+号$")).all()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "国发",
                "〔",
                "〕",
                "(",
                ")",
                "2021",
                "12",
                "号",
                " ",
                "的",
                "根据",
                "，",
                "鲁政办字",
                "[",
                "]",
                "x",
                "1999",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_offsets_always_slice_to_the_match(text):
    df = find_doc_numbers(text)
    for row in df.itertuples():
        assert text[row.start : row.end] == row.match
        assert row.match.rstrip().endswith("号") and row.issuer_code and row.match.startswith(row.issuer_code)
    assert df["start"].is_monotonic_increasing
