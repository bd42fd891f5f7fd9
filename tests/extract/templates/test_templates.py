"""find_templates: the template language, slot extents, ellipsis, the seed, the bundled library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.spec_locate import locate_items
from policytext.corpus.text import normalize
from policytext.errors import InputError
from policytext.extract.templates.language import TemplateSyntaxError, parse_template
from policytext.extract.templates.matching import (
    bundled_templates,
    find_templates,
    load_templates,
)
from policytext.segment.defaults import extractor_segmenter
from policytext.segment.segmenter import Segmenter, Token

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    # the extractors' default: general dictionary, formulations not kept whole
    return extractor_segmenter()


def rows(text, template, seg):
    df = find_templates(text, template, segmenter=seg)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match
    return [(r.match, r.slots) for r in df.itertuples()]


# --- the template language -------------------------------------------------------------


def test_parse_elements():
    t = parse_template("[以|用]{X}促{Y:2-8}")
    assert t.slot_names == ("X", "Y")
    assert t.elements[0].options == ("以", "用")
    assert (t.elements[3].min_len, t.elements[3].max_len) == (2, 8)
    assert parse_template("以{}为{}").slot_names == ("X", "Y")
    assert parse_template("{X|稳|进}中求{Y:word}").elements[0].choices == ("稳", "进")
    assert parse_template("抓{X:n,vn}").elements[1].pos == ("n", "vn")
    assert parse_template(r"\{{X}\}").elements[0].options == ("{",)


@pytest.mark.parametrize(
    "template, position, words",
    [
        ("抓{X党建", 1, "unclosed '{'"),
        ("抓X}党建", 2, "unmatched '}'"),
        ("[以|用{X}", 0, "unclosed '['"),
        ("[以|]{X}", 3, "empty alternative"),
        ("抓{X:foo}", 4, "unknown slot option"),
        ("抓{X:6-2}", 4, "bad length"),
        ("抓{X}{Y}", 4, "two free slots"),
        ("{X}", 0, "literal text"),
        ("", 0, "empty template"),
        ("抓{X|甲|}促", 6, "empty choice"),
        ("{X:2}{Y}抓", 5, "at most one slot"),
        ("抓{1X}", 2, "bad slot name"),
    ],
)
def test_broken_templates_point_at_the_position(template, position, words):
    with pytest.raises(TemplateSyntaxError) as e:
        parse_template(template)
    assert e.value.position == position
    msg = str(e.value)
    assert words in msg
    assert template in msg and msg.rstrip().endswith("^")
    assert isinstance(e.value, InputError)


def test_broken_template_in_find_templates_raises():
    with pytest.raises(TemplateSyntaxError):
        find_templates("抓基层党建", "抓{X党建")
    with pytest.raises(InputError):
        find_templates("抓基层党建", [42])


# --- slot extents (design.md "Template slots") -------------------------------------------


@pytest.mark.parametrize(
    "text, template, slots",
    [
        # inner slots: between literals, may hold 、
        ("为各地区、各部门提供指导。", "为{X}提供{Y}", {"X": "各地区、各部门", "Y": "指导"}),
        # trailing: a 的 that turns the frame into a modifier ends the filler
        ("以农民为主体的乡村治理", "以{X}为{Y}", {"X": "农民", "Y": "主体"}),
        ("坚持以人民为中心的发展思想。", "以{X}为{Y}", {"X": "人民", "Y": "中心"}),
        # trailing: a second predicate ends the filler
        ("以改革为动力推动发展。", "以{X}为{Y}", {"X": "改革", "Y": "动力"}),
        ("加快建设制造强国、推动产业升级。", "加快{X}", {"X": "建设制造强国"}),
        # an object noun phrase keeps its own 的 and 、
        ("为群众提供更加便捷、高效的服务。", "为{X}提供{Y}", {"X": "群众", "Y": "更加便捷、高效的服务"}),
        ("把稳增长作为重要的政治任务。", "把{X}作为{Y}", {"X": "稳增长", "Y": "重要的政治任务"}),
        ("把抓党建作为推动工作的重要抓手。", "把{X}作为{Y}", {"X": "抓党建", "Y": "推动工作的重要抓手"}),
        ("让军人成为全社会尊崇的职业。", "让{X}成为{Y}", {"X": "军人", "Y": "全社会尊崇的职业"}),
        ("把群众利益作为工作出发点和落脚点，", "把{X}作为{Y}", {"X": "群众利益", "Y": "工作出发点和落脚点"}),
        ("推进国家治理体系和治理能力现代化。", "推进{X}", {"X": "国家治理体系和治理能力现代化"}),
        # a trailing slot ends at the clause end
        ("学出理想信念。深入实施", "学出{X}", {"X": "理想信念"}),
        ("坚持党的基本路线不动摇", "坚持{X}不动摇", {"X": "党的基本路线"}),
        # fillers are named without an aspect particle or a dangling 的
        ("取得了显著的成效", "取得{X}成效", {"X": "显著"}),
    ],
)
def test_slot_extents(seg, text, template, slots):
    found = rows(text, template, seg)
    assert found, f"{template} not found in {text}"
    assert found[0][1] == slots


@pytest.mark.parametrize(
    "text, template",
    [
        ("这可以为群众带来方便", "以{X}为{Y}"),  # 以 inside 可以
        ("着力点放在实体经济上", "着力{X}"),  # 着力 inside 着力点
        ("以改革，为发展", "以{X}为{Y}"),  # a slot never crosses ，
        ("以改革,为发展", "以{X}为{Y}"),  # ... nor its ASCII form
        ("以改革\n为发展", "以{X}为{Y}"),  # ... nor a line break
        ("推动公立医院综合改革和高质量发展", "推动{X}高质量发展"),  # a filler never ends in 和
        ("在各个战线上取得的伟大胜利", "在{X}上取得{Y}"),  # a filler never starts with 的
        ("坚持“两个毫不动摇”", "坚持{X}不动摇"),  # unbalanced quotes
    ],
)
def test_non_matches(seg, text, template):
    assert rows(text, template, seg) == []


def test_inner_slot_is_at_most_40_characters(seg):
    assert rows("以" + "改革" * 20 + "为动力", "以{X}为{Y}", seg)[0][1]["X"] == "改革" * 20
    assert not rows("以新" + "改革" * 20 + "为动力", "以{X}为{Y}", seg)


def test_trailing_slot_is_at_most_40_characters(seg):
    [(_, slots)] = rows("学出" + "理想信念" * 15 + "。", "学出{X}", seg)
    assert 0 < len(slots["X"]) <= 40


def test_inner_slot_restarts_at_a_repeated_literal(seg):
    text = "维护以联合国为核心的国际体系和以国际法为基础的国际秩序"
    assert rows(text, "以{X}为基础", seg) == [("以国际法为基础", {"X": "国际法"})]


# --- slot options --------------------------------------------------------------------------


def test_length_option(seg):
    assert rows("以改革促发展", "以{X:2}促{Y}", seg)[0][1]["X"] == "改革"
    assert rows("以改革促发展", "以{X:3-6}促{Y}", seg) == []


def test_word_option(seg):
    assert rows("用改革促发展", "[以|用]{X:word}促{Y:word}", seg) == [("用改革促发展", {"X": "改革", "Y": "发展"})]
    assert rows("以改革和开放促发展", "以{X:word}促{Y}", seg) == []


def test_pos_option(seg):
    assert rows("坚持以人民为中心", "以{X:n}为{Y}", seg)[0][1]["X"] == "人民"
    assert rows("坚持以改革开放为动力", "以{X:a}为{Y}", seg) == []


def test_choice_slot_and_literal_alternatives(seg):
    t = "坚持{X|稳中求进|守正创新}工作总基调"
    assert rows("坚持稳中求进工作总基调。", t, seg) == [("坚持稳中求进工作总基调", {"X": "稳中求进"})]
    assert rows("坚持高质量发展工作总基调。", t, seg) == []
    assert [m for m, _ in rows("以改革促发展，用开放促创新", "[以|用]{X}促{Y}", seg)] == [
        "以改革促发展",
        "用开放促创新",
    ]


def test_repeated_slot_must_repeat(seg):
    found = rows("干就干成先进、做就做到最好、争就争当第一", "{A:word}就{A}{B}", seg)
    assert [s["A"] for _, s in found] == ["干", "做", "争"]
    assert rows("干就做到最好", "{A:word}就{A}{B}", seg) == []


# --- several templates, ellipsis ---------------------------------------------------------------


def test_overlapping_templates_each_report(seg):
    df = find_templates("抓机关党建促作风转变。", ["抓{X}促{Y}", "抓{X}党建促{Y}"], segmenter=seg)
    got = {r.template: r.slots for r in df.itertuples()}
    assert got == {"抓{X}促{Y}": {"X": "机关党建", "Y": "作风转变"}, "抓{X}党建促{Y}": {"X": "机关", "Y": "作风转变"}}


def test_elided_continuations(seg):
    text = "真正实现抓基层党建促乡村振兴、促基层社会治理、促民族团结进步，切实做到"
    df = find_templates(text, "抓{X}党建促{Y}", segmenter=seg)
    assert df[["match", "elided"]].values.tolist() == [
        ["抓基层党建促乡村振兴", False],
        ["促基层社会治理", True],
        ["促民族团结进步", True],
    ]
    assert df.slots.tolist()[1:] == [{"X": "基层", "Y": "基层社会治理"}, {"X": "基层", "Y": "民族团结进步"}]
    # 、 followed by a full instance is not an ellipsis
    df = find_templates("抓学校党建促立德树人、抓机关党建促作风转变", "抓{X}党建促{Y}", segmenter=seg)
    assert df.elided.tolist() == [False, False]
    # a continuation without a comma
    df = find_templates("以开放促改革促发展", "以{X}促{Y}", segmenter=seg)
    assert df[["match", "elided"]].values.tolist() == [["以开放促改革", False], ["促发展", True]]
    # a single-slot template has nothing to share
    assert find_templates("学出理想信念、对党忠诚", "学出{X}", segmenter=seg).elided.tolist() == [False]


def test_source_kinds_and_columns(seg):
    df = find_templates(["学出理想信念。", "没有", "学出使命担当。"], "学出{X}", segmenter=seg)
    assert df.doc_id.tolist() == [0, 2]
    assert list(df.columns[:8]) == ["doc_id", "template", "match", "start", "end", "slots", "sentence", "elided"]
    assert df.sentence.tolist() == ["学出理想信念。", "学出使命担当。"]
    empty = find_templates("", "学出{X}", segmenter=seg)
    assert empty.empty and "slots" in empty.columns


# --- the seed ------------------------------------------------------------------------------------


def test_seed_templates(seed_doc, seed_expected, seg):
    text = seed_doc.text
    df = find_templates(seed_doc, segmenter=seg)  # the bundled library
    got = {(r.template, r.start, r.end): (r.slots, bool(r.elided)) for r in df.itertuples()}
    for item in seed_expected["templates"]:
        ((s, e),) = locate_items(text, [item["match"]], item.get("context"))
        key = (item["template"], s, e)
        assert key in got, f"missing {item}"
        slots, elided = got[key]
        assert slots == {k: normalize(v) for k, v in item["slots"].items()}, item
        assert elided == bool(item.get("elided", False)), item
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match


# --- the bundled library -------------------------------------------------------------------------


def test_bundled_library_format():
    lib = bundled_templates()
    assert len(lib) >= 40
    assert lib.template.is_unique
    assert (lib.gloss.str.len() > 0).all() and (lib.example.str.len() > 0).all()
    from policytext._util.lexicon_files import lexicon_path

    head = lexicon_path("templates.txt").read_text(encoding="utf-8").splitlines()[:12]
    assert any("Format" in h for h in head) and any("Provenance" in h for h in head)


def test_every_bundled_template_matches_its_example(seg):
    for e in load_templates(Path(__file__).parents[3] / "lexicons" / "templates.txt"):
        df = find_templates(e.example, e.template, segmenter=seg)
        assert not df.empty, f"{e.template} does not match its example {e.example}"


def test_bundled_examples_are_real(shared_dir):
    """Every example is copied verbatim from the state document (or the seed) it names."""
    from policytext.corpus.readers import read_document

    allowed = (
        "gov_work_reports_national",
        "cpc_congress_reports",
        "central_documents",
        "npc_resolutions_on_gwr",
        "five_year_plans",
        "policy_docs_central",
        "policy_docs_shandong",
    )
    # the newer folders: the manifest's state_document says which files are state documents
    manifest = [json.loads(line) for line in (shared_dir / "corpus" / "manifest.jsonl").open(encoding="utf-8")]
    state = {m["path"] for m in manifest if m.get("state_document") is True}
    cache: dict[str, str] = {}
    for e in bundled_templates().itertuples():
        if e.source.startswith("seed/"):
            path = shared_dir / e.source
        else:
            assert e.source.split("/")[0] in allowed or e.source in state, f"{e.source} is not a state document"
            path = shared_dir / "corpus" / e.source
        if e.source not in cache:
            cache[e.source] = read_document(path).text
        assert e.example in cache[e.source], f"{e.template}: example not in {e.source}"


# --- a development set of other documents -----------------------------------------------------------


def test_dev_annotation(seg):
    dev = json.loads((DATA / "templates_dev.json").read_text(encoding="utf-8"))
    n_gold = n_found = n_rows = n_false = 0
    for p in dev["passages"]:
        text = p["text"]
        df = find_templates(text, segmenter=seg)
        got = {(r.template, r.start, r.end): r.slots for r in df.itertuples()}
        for item in p["templates"]:
            n_gold += 1
            ((s, e),) = locate_items(text, [item["match"]])
            if got.get((item["template"], s, e)) == item["slots"]:
                n_found += 1
        bad = {(i["template"], i["match"]) for i in p["not_templates"]}
        n_rows += len(df)
        n_false += sum((r.template, r.match) in bad for r in df.itertuples())
    assert n_gold >= 20
    assert n_found == n_gold
    assert n_false / n_rows <= 0.15


# --- invariants and linear work ------------------------------------------------------------------


class CharSegmenter(Segmenter):
    """One token per character; counts the characters it is asked to read."""

    def __init__(self):
        super().__init__(lexicon=None)
        self.chars = 0

    def tokenize(self, text, pos=False):
        self.chars += len(text)
        return [Token(c, i, i + 1, "n" if pos else None) for i, c in enumerate(text) if not c.isspace()]


@pytest.mark.parametrize(
    "unit, template, size",
    [
        # an anchor at every character, the rest of the frame never comes: 1 MB
        ("抓", "抓{X}党建促{Y}", 1_000_000),
        ("在上", "在{X}上下功夫", 1_000_000),
        ("以" * 30 + "为", "以{X}为不动摇", 1_000_000),
        # an instance (or a near miss read by the Segmenter) at every few characters: 100 kB
        ("以为", "以{X}为{Y}", 100_000),
        ("以甲为", "以{X}为{Y}", 100_000),
        ("就", "{A:word}就{A}{B}", 100_000),
    ],
)
def test_adversarial_input_does_bounded_work(unit, template, size):
    text = unit * (size // len(unit))
    seg = CharSegmenter()
    df = find_templates(text, template, segmenter=seg)
    for r in df.head(100).itertuples():
        assert text[r.start : r.end] == r.match
    # every character is read by the Segmenter a bounded number of times
    assert seg.chars <= 6 * len(text)


_PIECES = [
    "抓",
    "党建",
    "促",
    "以",
    "为",
    "、",
    "，",
    "。",
    "基层",
    "乡村振兴",
    "的",
    "改革",
    "发展",
    "推动",
    "\n",
    " ",
    "“",
    "”",
    "学出",
    "理想",
    "可以",
    "和",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_offsets_slice_back(pieces):
    text = "".join(pieces)
    df = find_templates(text, ["抓{X}党建促{Y}", "以{X}为{Y}", "学出{X}", "{X}发展"], segmenter=_SEG)
    for r in df.itertuples():
        assert text[r.start : r.end] == r.match
        assert 0 <= r.start < r.end <= len(text)
        for v in r.slots.values():
            assert v and len(v) <= 40
            if not r.elided:
                assert v in r.match
    # one template's rows never overlap
    for _, g in df.groupby("template"):
        ends = g.sort_values("start")
        assert (ends.start.values[1:] >= ends.end.values[:-1]).all()


_SEG = extractor_segmenter()


def test_long_text_without_punctuation_shares_its_sentence_windows():
    """A 100,000-character text with no sentence end: each row shows a window (at most 600 characters) holding its
    match, and windows sit on a grid, so there are at most one per 200 characters of text, not one per row
    (0.1 cut a window around every row: 1.2 GB for 350,000 characters)."""
    import random

    rng = random.Random(0)
    words = ["党建", "发展", "改革", "振兴", "治理", "服务", "创新", "稳定", "民生", "开放"]
    text = "".join(f"抓{rng.choice(words)}促{rng.choice(words)}以{rng.choice(words)}为" for _ in range(12_000))[
        :100_000
    ]
    df = find_templates(text, ["抓{X}促{Y}"])
    assert len(df) > 5000
    assert all(r.match in r.sentence and len(r.sentence) <= 600 for r in df.itertuples())
    assert df["sentence"].nunique() <= len(text) // 200 + 2
