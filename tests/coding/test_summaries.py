"""Shares by year or issuer, the two-dimensional matrix, and the figures."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("yaml", reason="PyYAML (extra code) reads codebooks")

from policytext.coding import Codebook, code_matrix, code_shares, code_units, plot_code_matrix, plot_code_shares
from policytext.corpus.document import Document
from policytext.errors import InputError

# verbatim clauses of ../shared/corpus/policy_docs_* (not development units)
TAX = "支持企业加大基础研究支出，符合条件的按规定享受税收优惠。"
FUNDS = "鼓励各市统筹专项资金加大对智能制造支持力度。"
SUBSIDY = "实施企业上市培育计划，省财政给予相应奖励补助。"
TARGET = "到2025年，新培育技术经纪人1000人。"

TWO_D = Codebook.from_dict(
    {
        "dimensions": ["instrument", "target"],
        "categories": [
            {"id": "资金投入", "rules": [{"terms": ["专项资金", "财政"]}]},
            {"id": "税收优惠", "rules": [{"terms": ["税收优惠"]}]},
            {"id": "企业", "dimension": "target", "rules": [{"terms": ["企业"]}]},
            {"id": "人才", "dimension": "target", "rules": [{"terms": ["经纪人", "人才"]}]},
        ],
    }
)


@pytest.fixture()
def coded() -> pd.DataFrame:
    docs = [
        Document("c1", TAX + FUNDS, {"year": 2020, "issuer": "国务院"}),
        Document("s1", SUBSIDY + TARGET, {"year": 2021, "issuer": "山东省人民政府"}),
    ]
    return code_units(docs, TWO_D)


def test_matrix_crosses_the_two_dimensions(coded):
    m = code_matrix(coded)
    # 资金投入 × 企业: SUBSIDY (企业, 财政); 税收优惠 × 企业: TAX; FUNDS has 专项资金 but no target word
    assert m.loc["资金投入", "企业"] == 1 and m.loc["税收优惠", "企业"] == 1
    assert m.values.sum() == 2
    assert code_matrix(coded, normalize=True).values.sum() == pytest.approx(1.0)


def test_matrix_with_a_metadata_column(coded):
    m = code_matrix(coded, "instrument", "year")
    assert m.loc["资金投入", 2020] == 1 and m.loc["资金投入", 2021] == 1 and m.loc["税收优惠", 2020] == 1
    with pytest.raises(InputError, match="neither a dimension"):
        code_matrix(coded, "instrument", "province")


def test_shares_by_year_and_issuer(coded):
    shares = code_shares(coded, by="year", dimension="instrument")
    assert set(shares.columns) >= {"year", "category", "units", "share", "share_of_units"}
    for _, g in shares.groupby("year"):
        assert g["share"].sum() == pytest.approx(1.0)
    y2021 = shares[shares["year"] == 2021].set_index("category")
    assert y2021.loc["资金投入", "units"] == 1 and y2021.loc["税收优惠", "units"] == 0
    assert y2021.loc["资金投入", "share_of_units"] == pytest.approx(0.5)  # 2 clauses, one coded
    by_issuer = code_shares(coded, by="issuer", dimension="instrument")
    assert set(by_issuer["issuer"]) == {"国务院", "山东省人民政府"}
    with pytest.raises(InputError, match="missing column"):
        code_shares(coded, by="province")


def test_shares_of_groups():
    df = code_units([Document("d", TAX + FUNDS, {"year": 2020})])  # the bundled codebook
    groups = code_shares(df, by="year", level="group", dimension="instrument")
    assert set(groups["category"]) <= {"供给型", "环境型", "需求型"} and groups["share"].sum() == pytest.approx(1.0)


def test_figures(coded):
    pytest.importorskip("matplotlib", reason="matplotlib (extra plot) draws the figures")
    from policytext._util.figures import cjk_font_path

    if cjk_font_path() is None:
        pytest.skip("no CJK font installed")
    fig = plot_code_shares(code_shares(coded, by="year", dimension="instrument"), by="year", title="政策工具")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["税收优惠", "资金投入"]
    assert len(ax.patches) == 4  # 2 years x 2 categories, stacked
    fig2 = plot_code_matrix(code_matrix(coded))
    texts = [t.get_text() for t in fig2.axes[0].texts]
    assert texts == ["1", "1"]  # 资金投入 × 企业, 税收优惠 × 企业
    import matplotlib.pyplot as plt

    plt.close(fig)
    plt.close(fig2)


def test_bundled_codebook_gives_an_instrument_by_stage_matrix():
    research = "推动科技成果转化，设立专项资金。"  # handmade: 资金投入 × 成果转化
    m = code_matrix(code_units([Document("d", TAX + research)]))
    assert m.index.name == "instrument" and m.columns.name == "stage"
    assert m.loc["资金投入", "成果转化"] == 1
    assert m.loc["税收优惠", "基础研究"] == 1  # TAX: 基础研究支出 … 税收优惠
    from policytext.coding import bundled_codebook

    codes = bundled_codebook().codes
    ordered = code_matrix(code_units([Document("d", TAX + research)]), order=codes)
    assert list(ordered.index) == sorted(ordered.index, key=codes.index)
    assert list(ordered.columns) == sorted(ordered.columns, key=codes.index)
