"""Rules from the sixteenth blind round (``data/probes_blind_16``): a PDF's running header set with other spacing; a
list's label never joined to the line above; a 题注 on a page; a speech's subtitle; a bulletin's byline; a
photographer's credit closing a caption."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import policytext as pt
from policytext.corpus.clean import speech_byline_cut
from policytext.corpus.office import _running_lines, join_wrapped
from policytext.corpus.officialdoc import bulletin_byline_cut, official_title


def test_a_running_header_from_page_two_is_found_whatever_its_spacing():
    header = "临川市人民政府办公室{}临政办发〔2025〕8号"
    pages = [
        ["临政办发〔2025〕8号", "关于推进某某建设的实施意见", "各区、县人民政府：", "— 1 —"],
        [header.format("            "), "（一）科学编制建设规划。", "— 2 —"],
        [header.format(" "), "（二）强化资金保障。", "— 3 —"],
    ]
    assert "临川市人民政府办公室临政办发〔#〕#号" in _running_lines(pages)


def test_a_lists_label_opens_its_own_line():
    lines = [
        ("会议同意调整城乡低保标准，自2025年7月1日起统一调整为每人每月1050元。", 1.0, False),
        ("出席：李卫东、张晓峰、陈慧", 0.5, False),
        ("列席：周建华（区政府办）、吴燕（区发展改革局）、郑浩（区财政局）、钱立新", 1.0, False),
        ("分送：区委常委，各街道，区政府各部门。", 0.6, False),
    ]
    assert join_wrapped(lines) == [text for text, _, _ in lines]
    # a wrap inside a sentence still joins
    assert join_wrapped(
        [("各区、县要全面摸清辖区社区服务设施底数，于2025年6月底前", 1.0, False), ("编制完成。", 0.2, False)]
    ) == ["各区、县要全面摸清辖区社区服务设施底数，于2025年6月底前编制完成。"]


def test_a_decisions_adoption_note_on_a_page_is_no_body(tmp_path: Path):
    title = "松阳县人民代表大会常务委员会关于加强县级预算审查监督的决定"
    note = "（2025年4月24日松阳县第十八届人民代表大会常务委员会第二十三次会议通过）"
    paras = ["为深入贯彻落实党中央关于加强人大预算审查监督职能的决策部署，作如下决定：", "一、本决定自公布之日起施行。"]
    page = f"""<html><head><meta charset="utf-8"><title>决定决议_松阳人大</title></head><body>
<div class="crumb">当前位置：首页 &gt; 决定决议</div><h1>{title}</h1><div class="info">发布日期：2025年04月28日</div>
<div class="content"><p>{note}</p>{"".join(f"<p>{p}</p>" for p in paras)}</div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = pt.read_document(path)
    assert doc.text.split("\n") == paras
    assert doc.meta["adoption_note"] == note
    assert doc.meta["date"] == dt.date(2025, 4, 28)


def test_a_speechs_subtitle_is_no_part_of_its_title():
    title = "持续优化营商环境　全力推动高质量发展"
    subtitle = "——在全市优化营商环境工作会议上的讲话"
    assert official_title(f"{title}\n{subtitle}\n市委书记 张某某\n（2025年2月26日）\n同志们：") == title
    kept, found = speech_byline_cut([subtitle, "市委书记 张某某", "（2025年2月26日）", "同志们：", "今天召开会议。"])
    assert kept == ["同志们：", "今天召开会议。"]
    assert found == {"speaker": "市委书记 张某某", "written_date": dt.date(2025, 2, 26), "subtitle": subtitle}
    # without a byline under it, nothing is cut
    assert speech_byline_cut([subtitle, "同志们：", "今天召开会议。"])[1] == {}


def test_a_bulletins_byline_gives_its_issuer_and_date():
    kept, found = bulletin_byline_cut(
        ["松阳县统计局 国家统计局松阳调查队", "（2025年3月20日）", "2024年，全县经济平稳。"]
    )
    assert kept == ["2024年，全县经济平稳。"]
    assert found == {"issuer": "松阳县统计局、国家统计局松阳调查队", "written_date": dt.date(2025, 3, 20)}
    assert bulletin_byline_cut(["2024年，全县经济平稳。", "（2025年3月20日）"]) == (
        ["2024年，全县经济平稳。", "（2025年3月20日）"],
        {},
    )


def test_a_photographers_credit_closing_a_caption_stays(tmp_path: Path):
    paras = [
        "5月20日下午，全县防汛防台工作部署会召开，会议分析今年汛期形势，部署防汛防台重点任务。",
        "▲林志远在县城防洪堤施工现场检查防汛备汛工作。（通讯员　徐丽萍　摄）",
    ]
    page = f"""<html><head><meta charset="utf-8"><title>我县召开防汛防台工作部署会_松阳新闻网</title></head><body>
<h1>我县召开防汛防台工作部署会</h1><div class="info">发布时间：2025-05-20</div>
<div class="content">{"".join(f"<p>{p}</p>" for p in paras)}</div></body></html>"""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert (
        pt.read_document(path).text.split("\n")[-1]
        == "▲林志远在县城防洪堤施工现场检查防汛备汛工作。（通讯员 徐丽萍 摄）"
    )
