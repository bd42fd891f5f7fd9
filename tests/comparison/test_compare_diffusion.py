"""diffusion(): receivers of each central document, shares reused and copied, lag in days or years."""

from __future__ import annotations

import datetime as dt

import pytest

from policytext import Document
from policytext.comparison import diffusion
from policytext.errors import InputError

BODY = (
    "为做好当前和今后一个时期稳就业工作，各地区各部门要深入贯彻落实党中央、国务院决策部署，把稳就业摆在更加突出位置，"
    "落实落细就业优先政策，加大对重点群体就业的支持力度，确保就业形势总体稳定。"
)
OTHER = "加快建设现代化产业体系，推动传统产业转型升级，培育壮大战略性新兴产业，前瞻布局未来产业。" * 2


def _central():
    return [
        Document("国办发1", "国务院办公厅通知。" + BODY, {"date": dt.date(2024, 3, 1)}),
        Document("国办发2", OTHER, {"year": 2023}),
    ]


def test_receivers_shares_and_lag():
    local = [
        Document(
            "鲁",
            "山东省贯彻意见。" + BODY.replace("各地区各部门", "各市各有关部门") + "全省要结合实际抓好落实。",
            {"date": dt.date(2024, 4, 15)},
        ),
        Document("豫", "河南省贯彻意见。" + BODY, {"date": dt.date(2024, 3, 20)}),
        Document("晋", "山西省关于其他工作的通知，与上述内容无关，讲的是文旅融合发展。", {"year": 2024}),
        Document("苏", "江苏省贯彻意见。" + OTHER[:60], {"year": 2025}),
    ]
    df = diffusion(_central(), local, min_chars=30)
    assert df[["doc_central", "doc_local"]].values.tolist() == [["国办发1", "豫"], ["国办发1", "鲁"], ["国办发2", "苏"]]
    by = df.set_index("doc_local")
    assert by.loc["豫", "lag_days"] == 19 and by.loc["鲁", "lag_days"] == 45
    assert by.loc["苏", "lag_days"] is None and by.loc["苏", "lag_years"] == 2
    assert by.loc["豫", "share_central"] > 0.9 and by.loc["豫", "share_local"] > 0.85
    assert by.loc["鲁", "share_local"] < by.loc["豫", "share_local"]  # 鲁 adds its own text
    assert ((df.share_central > 0) & (df.share_central <= 1) & (df.share_local <= 1)).all()


def test_by_year_orders_by_years():
    local = [
        Document("a", BODY, {"year": 2026}),
        Document("b", BODY, {"year": 2025}),
    ]
    df = diffusion(_central()[:1], local, by="year", min_chars=30)
    assert df["doc_local"].tolist() == ["b", "a"] and df["lag_years"].tolist() == [1, 2]


def test_no_reuse_gives_an_empty_frame_and_bad_by_is_an_error():
    df = diffusion(_central(), ["完全无关的一句话。"], min_chars=30)
    assert df.empty and "share_central" in df.columns
    with pytest.raises(InputError, match="by"):
        diffusion(_central(), [BODY], by="month")
