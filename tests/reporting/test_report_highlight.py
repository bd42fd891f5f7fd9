"""HTML highlighting: valid nesting, text preserved, every annotation's pieces cover its span."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.reporting.html import Annotation, highlight_html, report


class _Walker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.text: list[str] = []
        self.cover: dict[str, set[int]] = {}
        self.kinds: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            return
        assert tag == "span"
        self.stack.append(dict(attrs))

    def handle_endtag(self, tag):
        assert tag == "span" and self.stack, "unbalanced tags"
        self.stack.pop()

    def handle_data(self, data):
        start = sum(map(len, self.text))
        self.text.append(data)
        for a in self.stack:
            self.cover.setdefault(a["data-id"], set()).update(range(start, start + len(data)))
            self.kinds[a["data-id"]] = a["data-kind"]


def _walk(markup: str) -> _Walker:
    w = _Walker()
    w.feed(markup.replace("<br>\n", "\n"))
    w.close()
    assert not w.stack
    return w


TEXT = "抓基层党建促乡村振兴、促基层社会治理，提高政治判断力、政治领悟力、政治执行力。\n学出理想信念。<&>"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(TEXT)),
            st.integers(0, len(TEXT)),
            st.sampled_from(["template", "parallel", "formula", "meeting"]),
        ),
        max_size=8,
    )
)
def test_random_overlaps_nest_and_cover(spans):
    anns = [Annotation(min(a, b), max(a, b), k, label="x") for a, b, k in spans if a != b]
    w = _walk(highlight_html(TEXT, anns))
    assert "".join(w.text) == TEXT
    order = sorted(range(len(anns)), key=lambda i: (anns[i].start, -anns[i].end, i))
    for n, i in enumerate(order):
        a = anns[i]
        assert w.cover.get(str(n), set()) == set(range(a.start, a.end))
        assert w.kinds[str(n)] == a.kind


def test_parallel_groups_carry_group_and_frame():
    anns = [Annotation(s, e, "parallel", "frame: 政治{}力", group=3) for s, e in ((22, 27), (28, 33), (34, 39))]
    markup = highlight_html(TEXT, anns)
    assert markup.count('data-group="3"') == 3
    assert html.escape("frame: 政治{}力", quote=True) in markup
    assert "&lt;&amp;&gt;" in markup  # text is escaped


def test_report_of_plain_string_is_self_contained():
    page = report("学出理想信念。学出对党忠诚。学出使命担当。", figures=False)
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "http://" not in page and "https://" not in page and "<script src" not in page
