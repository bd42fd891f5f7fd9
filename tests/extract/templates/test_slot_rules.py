"""Slot-edge rules (issue #21), each on a real sentence of ../shared/corpus that failed before.

The sentences come from state documents (public domain, Art. 5 of the Copyright Law of the
PRC), so they are quoted here; ``test_sentences_are_real`` checks each against its file.
The party-building article (not a state document) is read from the corpus by offset.
"""

from __future__ import annotations

import pytest

from policytext.extract.templates import find_templates

# (file, sentence, template, expected match, expected slots)
CASES = [
    # 地 decided by the word: the final 地 of a noun is never stripped
    (
        "local_gov_work_reports_2026/guangdong_2026_gwr.txt",
        "大力发展抗风浪重力式深水网箱，推进深远海养殖基地建设，发展远洋捕捞。",
        "推进{X}建设",
        "推进深远海养殖基地建设",
        {"X": "深远海养殖基地"},
    ),
    (
        "policy_docs_shandong/shandong_030.txt",
        "探索打造数据训练基地，持续扩展多模态数据来源",
        "打造{X}",
        "打造数据训练基地",
        {"X": "数据训练基地"},
    ),
    (
        "local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt",
        "深化教育科技人才一体发展，打造西部地区创新高地。",
        "打造{X}",
        "打造西部地区创新高地",
        {"X": "西部地区创新高地"},
    ),
    # a trailing slot stops at a second predicate …
    (
        "local_documents/changshun_tuopin_tuichu_procedure.txt",
        "以州级扶贫开发领导小组为单位汇总后报省级扶贫开发领导小组备案",
        "以{X}为{Y}",
        "以州级扶贫开发领导小组为单位",
        {"X": "州级扶贫开发领导小组", "Y": "单位"},
    ),
    (
        "policy_docs_shandong/shandong_002.txt",
        "围绕产业共性关键技术开展攻关",
        "围绕{X}",
        "围绕产业共性关键技术",
        {"X": "产业共性关键技术"},
    ),
    (
        "local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt",
        "聚力在筑牢安全基石上取得新突破。",
        "筑牢{X}",
        "筑牢安全基石",
        {"X": "安全基石"},
    ),
    # … but not at a verb inside a modifier of the object noun (a 的 follows before the next 、)
    (
        "local_gov_work_reports_2026/2026_sichuan_gov_work_report.txt",
        "打造40个吸引力强、带动面广的消费场景。",
        "打造{X}",
        "打造40个吸引力强、带动面广的消费场景",
        {"X": "40个吸引力强、带动面广的消费场景"},
    ),
    (
        "local_gov_work_reports_2026/2026_henan_gov_work_report.txt",
        "打造一批带动面广、显示度高的消费新场景。",
        "打造{X}",
        "打造一批带动面广、显示度高的消费新场景",
        {"X": "一批带动面广、显示度高的消费新场景"},
    ),
    # a quoted name keeps its closing quote
    (
        "policy_docs_shandong/shandong_012.txt",
        "紧紧围绕全省“八大发展战略”，结合数字山东建设重点任务",
        "围绕{X}",
        "围绕全省“八大发展战略”",
        {"X": "全省“八大发展战略”"},
    ),
    # a coordinated frame: the verb that governs both items is not part of X
    (
        "gov_work_reports_national/gwr_2021.txt",
        "统筹推进疫情防控和经济社会发展",
        "统筹{X}和{Y}",
        "统筹推进疫情防控和经济社会发展",
        {"X": "疫情防控", "Y": "经济社会发展"},
    ),
    # a coverb's object closed by a quote ends before the clause's main predicate …
    (
        "local_gov_work_reports_2026/2026_shaanxi_gov_work_report.txt",
        "聚焦“硬设施”和“软平台”实施“人工智能+”行动，推动人工智能与产业发展、教育医疗、社会治理等深度融合",
        "聚焦{X}",
        "聚焦“硬设施”和“软平台”",
        {"X": "“硬设施”和“软平台”"},
    ),
    (
        "local_gov_work_reports_2026/2026_beijing_gov_work_report.txt",
        "紧紧围绕“建设一个什么样的首都、怎样建设首都”进行谋划",
        "围绕{X}",
        "围绕“建设一个什么样的首都、怎样建设首都”",
        {"X": "“建设一个什么样的首都、怎样建设首都”"},
    ),
    # a verb inside a compound object that closes the clause with its verbal noun opens no predicate …
    (
        "gov_work_reports_national/gwr_1993.txt",
        "加快城镇土地使用制度改革，在各级政府统一管理下，建立规范化的房地产市场",
        "加快{X}",
        "加快城镇土地使用制度改革",
        {"X": "城镇土地使用制度改革"},
    ),
    (
        "gov_work_reports_national/gwr_2016.txt",
        "加快海外利益保护能力建设，切实保护我国公民和法人安全",
        "加快{X}",
        "加快海外利益保护能力建设",
        {"X": "海外利益保护能力建设"},
    ),
    # … but after a coverb's object it does (围绕产业链|加大工业投资)
    (
        "local_gov_work_reports_2026/2026_shaanxi_gov_work_report.txt",
        "围绕产业链加大工业投资，法士特新能源汽车传动系统等项目开工建设",
        "围绕{X}",
        "围绕产业链",
        {"X": "产业链"},
    ),
    # … but not when the verb sits in a modifier of the object (…搞乱了的一些理论问题)
    (
        "gov_work_reports_national/gwr_1978.txt",
        "最近，学术界围绕被“四人帮”搞乱了的一些理论问题，展开了热烈的讨论",
        "围绕{X}",
        "围绕被“四人帮”搞乱了的一些理论问题",
        {"X": "被“四人帮”搞乱了的一些理论问题"},
    ),
]


def _rows(text: str, template: str) -> list[tuple[str, dict[str, str]]]:
    df = find_templates(text, [template])
    return [(r.match, dict(r.slots)) for r in df.itertuples(index=False)]


@pytest.mark.parametrize("path, sentence, template, match, slots", CASES)
def test_slot_rule_on_real_sentence(path, sentence, template, match, slots):
    assert (match, slots) in _rows(sentence, template)


def test_both_items_verb_phrases_keep_their_verbs():
    # the contrast of the coordination rule: both items open with a verb (gwr_2024)
    rows = _rows("统筹扩大内需和深化供给侧结构性改革，", "统筹{X}和{Y}")
    assert rows == [("统筹扩大内需和深化供给侧结构性改革", {"X": "扩大内需", "Y": "深化供给侧结构性改革"})]


def test_a_slot_edge_never_splits_a_term():
    # guangdong_2026_gwr: 集体经营性建设用地入市 is one term; 推进{X}建设 would end inside it
    sentence = "有序推进农村集体经营性建设用地入市改革。"
    assert _rows(sentence, "推进{X}建设") == []
    # the term is left whole when it is the filler
    assert _rows(sentence, "推进{X}改革") == [
        ("推进农村集体经营性建设用地入市改革", {"X": "农村集体经营性建设用地入市"})
    ]


def test_adverbial_di_is_still_stripped():
    # 地 as a word of its own (the adverbial particle) is not part of the filler
    rows = _rows("要持续加强基层建设，扎实地推进乡村振兴。", "加强{X}建设")
    assert rows == [("加强基层建设", {"X": "基层"})]
    rows = _rows("把红色阵地作为教育基地。", "把{X}作为{Y}")
    assert rows == [("把红色阵地作为教育基地", {"X": "红色阵地", "Y": "教育基地"})]


def test_party_building_sentence_read_by_offset(corpus_dir):
    # pb_08 (not a state document: read from the corpus, never stored): 围绕文物精神展开深度研讨
    text = (corpus_dir / "party_building_articles/pb_08.txt").read_bytes().decode("utf-8")
    i = text.find("围绕")
    clause_end = min(j for j in (text.find("。", i), text.find("，", i)) if j > 0)
    clause = text[i:clause_end]
    rows = _rows(clause, "围绕{X}")
    assert rows and rows[0][1]["X"] == text[i + 2 : i + 6]  # 文物精神: four characters, no verb


@pytest.mark.parametrize("path, sentence", sorted({(c[0], c[1]) for c in CASES}))
def test_sentences_are_real(corpus_dir, path, sentence):
    text = (corpus_dir / path).read_bytes().decode("utf-8")
    assert sentence in text, f"{sentence!r} is not in {path}"
