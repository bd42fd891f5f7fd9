"""Codebooks: the YAML format, its validation (file, line and rule named), globs, and the bundled codebook."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("yaml", reason="PyYAML (extra code) reads codebooks")

from policytext.coding import Codebook, bundled_codebook, bundled_codebook_path, compile_glob
from policytext.errors import InputError

GOOD = """\
codebook: test
dimensions: [instrument, stage]
categories:
  - id: 供给型
    categories:
      - id: 资金投入
        definition: {zh: 财政资金, en: money}
        rules:
          - terms: [专项资金]
          - glob: "*补贴"
      - id: 研发
        dimension: stage
        rules:
          - regex: "研发|攻关"
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "cb.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_reads_groups_dimensions_and_definitions(tmp_path):
    cb = Codebook.from_yaml(write(tmp_path, GOOD))
    assert cb.codes == ["资金投入", "研发"]
    assert cb.dimensions == ("instrument", "stage")
    assert cb.category("资金投入").group == "供给型"
    assert cb.category("资金投入").dimension == "instrument"  # inherited from the first dimension
    assert cb.category("研发").dimension == "stage"
    assert cb.category("资金投入").definition == {"zh": "财政资金", "en": "money"}
    assert "供给型" in cb.groups and "供给型" not in cb.codes
    assert [r.line for r in cb.category("资金投入").rules] == [9, 10]


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as e:
        Codebook.from_yaml(write(tmp_path, text))
    return str(e.value)


@pytest.mark.parametrize(
    ("replace", "by", "line", "words"),
    [
        (
            'regex: "研发|攻关"',
            'regex: "研发(攻关"',
            14,
            ["regex", "研发(攻关", "does not compile", "'研发'", "rule 1"],
        ),
        ('glob: "*补贴"', 'glob: "[补贴"', 10, ["glob", "[补贴", "does not compile", "rule 2"]),
        ('glob: "*补贴"', 'glob: "**"', 10, ["no literal text", "rule 2"]),
        ("- terms: [专项资金]", "- terms: []", 9, ["empty rule", "rule 1", "'资金投入'"]),
        ("- terms: [专项资金]", "- terms: ['']", 9, ["empty rule", "rule 1"]),
        ("- terms: [专项资金]", "- term: [专项资金]", 9, ["unknown key 'term'", "rule 1"]),
        ('regex: "研发|攻关"', 'regex: "研发|"', 14, ["matches the empty string"]),
        ('glob: "*补贴"', 'template: "加大{X支持力度"', 10, ["template", "does not parse", "rule 2"]),
        ("id: 研发", "id: 资金投入", 11, ["duplicate category '资金投入'", "line 6"]),
        ("dimension: stage", "dimension: target", 12, ["unknown dimension 'target'"]),
        ("definition: {zh: 财政资金, en: money}", "definiton: {zh: 财政资金}", 7, ["unknown key 'definiton'"]),
    ],
)
def test_errors_name_file_line_and_rule(tmp_path, replace, by, line, words):
    assert replace in GOOD
    message = _error(tmp_path, GOOD.replace(replace, by))
    assert message.startswith(f"{tmp_path / 'cb.yaml'}:{line}:"), message
    for w in words:
        assert w in message, (w, message)


def test_invalid_yaml_and_missing_file_name_the_file(tmp_path):
    message = _error(tmp_path, "categories:\n  - id: [unclosed\n")
    assert re.match(rf"{re.escape(str(tmp_path / 'cb.yaml'))}:\d+: not valid YAML", message)
    with pytest.raises(InputError, match="no such codebook file"):
        Codebook.from_yaml(tmp_path / "missing.yaml")


def test_a_rule_needs_exactly_one_kind_of_pattern(tmp_path):
    message = _error(tmp_path, GOOD.replace("- terms: [专项资金]", "- {terms: [专项资金], regex: 资金}"))
    assert ":9:" in message and "exactly one of" in message
    message = _error(tmp_path, GOOD.replace("- terms: [专项资金]", "- {any_of: [专项资金]}"))
    assert "exactly one of" in message and "none" in message


def test_none_is_reserved(tmp_path):
    assert "reserved" in _error(tmp_path, GOOD.replace("id: 研发", "id: none"))


def test_from_dict_names_the_rule():
    with pytest.raises(InputError, match=r"<dict>: category 'x', rule 1: regex '\(' does not compile"):
        Codebook.from_dict({"categories": [{"id": "x", "rules": [{"regex": "("}]}]})


def test_globs_match_one_whole_word():
    star_end = compile_glob("示范*")
    assert star_end.fullmatch("示范区") and star_end.fullmatch("示范")
    assert not star_end.fullmatch("典型示范") and not star_end.fullmatch("示范，区")
    star_start = compile_glob("*补贴")
    assert star_start.fullmatch("财政补贴") and not star_start.fullmatch("补贴款")
    assert compile_glob("试?").fullmatch("试点") and not compile_glob("试?").fullmatch("试点区")
    assert compile_glob("[财税]政").fullmatch("税政") and not compile_glob("[!财]政").fullmatch("财政")


def test_bundled_codebook_has_the_instruments_and_their_sources():
    cb = bundled_codebook()
    expected = {
        "供给型": ["人才培养", "资金投入", "技术支持", "公共服务"],
        "环境型": ["目标规划", "金融支持", "税收优惠", "法规管制", "策略性措施"],
        "需求型": ["政府采购", "服务外包", "贸易管制", "示范工程"],
    }
    for group, codes in expected.items():
        assert [c.id for c in cb.categories if c.group == group] == codes
    for c in cb.categories:
        assert c.definition.get("zh") and c.definition.get("en"), c.id
        assert c.rules, c.id
    assert "Rothwell" in cb.source and "苏竣" in cb.source
    assert bundled_codebook_path().parent.name == "codebooks"
    frame = cb.to_frame()
    assert list(frame["category"]) == cb.codes and (frame["rules"] > 0).all()


def test_conditions_and_exclusions_are_validated_with_their_line(tmp_path):
    text = GOOD.replace(
        "          - terms: [专项资金]", "          - terms: [专项资金]\n            any_of: ['re:(财政']"
    )
    message = _error(tmp_path, text)
    assert ":10:" in message and "rule 1 any_of" in message and "does not compile" in message
    text = GOOD.replace('          - regex: "研发|攻关"', "          - regex: \"研发|攻关\"\n        exclusions: ['*']")
    message = _error(tmp_path, text)
    assert ":15:" in message and "exclusions" in message and "no literal text" in message
