"""The bundled library (issue #21): several hundred reviewed frames in function groups."""

from __future__ import annotations

import pytest

from policytext.errors import InputError
from policytext.extract.templates import GROUPS, bundled_templates, find_templates, load_templates, template_groups
from policytext.extract.templates.matching import lexicon_path


def test_library_size_and_groups():
    lib = bundled_templates()
    assert len(lib) >= 250
    assert set(lib.group) == set(GROUPS)  # every frame has a group
    assert lib.template.is_unique
    assert all(lib.gloss.str.len() > 0) and all(lib.example.str.len() > 0)
    groups = template_groups()
    assert list(groups.group) == list(GROUPS)
    assert groups.n_templates.sum() == len(lib) and (groups.n_templates > 0).all()


def test_find_templates_by_group():
    text = "以科技创新推动产业创新，加大宏观调控力度，坚持就业优先政策导向，报国家发展改革委备案。"
    means = find_templates(text, "means")
    assert set(means.template) <= set(bundled_templates("means").template)
    assert "加大{X}力度" in set(means.template) and "坚持{X}导向" not in set(means.template)
    both = find_templates(text, ["emphasis", "procedures"])
    assert {"坚持{X}导向", "报{X}备案"} <= set(both.template)
    assert "加大{X}力度" not in set(both.template)


def test_unknown_group_is_refused():
    with pytest.raises(InputError, match="unknown template group"):
        bundled_templates("tactics")


def test_a_group_in_a_file_is_checked(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("加大{X}力度\tstep up X\t加大支持力度\tx.txt\tmeans\n抓{X}促{Y}\tg\te\ts\ttactics\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: unknown group 'tactics'"):
        load_templates(f)


def test_review_file_lists_every_bundled_frame():
    review = lexicon_path("templates_review.tsv").read_text(encoding="utf-8").splitlines()
    rows = [r.split("\t") for r in review if r and not r.startswith("#")]
    accepted = {r[0] for r in rows if r[2] == "accepted"}
    assert set(bundled_templates().template) <= accepted
    assert all(r[3].strip() for r in rows)  # every decision has a reason


def test_group_names_mix_with_templates_and_a_mistyped_group_is_named():
    from policytext.errors import InputError

    text = "以提升农业质量效益和竞争力为目标，加快发展新质生产力。"
    goals = find_templates(text, "goals")
    mixed = find_templates(text, ["goals", "加快{X}"])
    assert "以{X}为目标" in set(goals.template)
    assert set(mixed.template) == set(goals.template) | {"加快{X}"}
    with pytest.raises(InputError, match="'goal' is no template group"):
        find_templates(text, "goal")
    with pytest.raises(InputError, match="'mean' is no template group"):
        find_templates(text, ["mean", "加快{X}"])
