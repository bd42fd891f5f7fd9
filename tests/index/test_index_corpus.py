"""Exactness on real texts: reports and speeches from ../shared/corpus against a brute-force scan.

These texts may not ship with the package, so the tests read them through the
``corpus_dir`` fixture and skip (with the reason) when ../shared is absent.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.index_reference import kwic_spans, occurrences, quoted
from policytext.corpus.corpus import Corpus
from policytext.corpus.document import Document
from policytext.index import Index

FOLDERS = ["gov_work_reports_national", "cpc_congress_reports", "xi_speeches_2013_2016", "xi_speeches_2020_jhsjk"]


@pytest.fixture(scope="module")
def real_docs(corpus_dir, manifest) -> list[Document]:
    info = {m["path"]: m for m in manifest}
    docs: list[Document] = []
    for folder in FOLDERS:
        for d in Corpus.from_dir(corpus_dir / folder, errors="skip"):
            d.doc_id = f"{folder}/{d.doc_id}"
            m = info.get(d.doc_id + ".txt", {})
            for key in ("year", "issuer", "title"):
                if m.get(key) is not None and d.meta.get(key) is None:
                    d.meta[key] = m[key]
            docs.append(d)
    assert len(docs) > 150
    return docs


@pytest.fixture(scope="module")
def real_index(real_docs, tmp_path_factory):
    # a file-backed index with several segments, built in two add() calls
    idx = Index(tmp_path_factory.mktemp("idx") / "real.db", segment_chars=700_000)
    half = len(real_docs) // 2
    idx.add(real_docs[:half])
    idx.add(real_docs[half:])
    yield idx
    idx.close()


def check(idx: Index, docs: list[Document], q: str, kwic: bool = True) -> int:
    ref = occurrences(docs, q)
    assert idx.count(quoted(q)) == len(ref), q
    if kwic:
        k = idx.kwic(quoted(q), window=5)
        assert kwic_spans(k) == ref, q
        assert (k["match"] == q).all()
    return len(ref)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_random_substrings_agree_with_a_scan(real_index, real_docs, data):
    d = data.draw(st.sampled_from(real_docs))
    n = data.draw(st.integers(1, 10))
    s = data.draw(st.integers(0, max(0, len(d.text) - n)))
    q = d.text[s : s + n]
    assert check(real_index, real_docs, q, kwic=n > 1 or data.draw(st.booleans())) >= 1


def test_strings_across_jieba_token_boundaries(real_index, real_docs, segmenter):
    rng = random.Random(2024)
    found = 0
    for d in rng.sample(real_docs, 40):
        start = rng.randrange(0, max(1, len(d.text) - 200))
        tokens = segmenter.tokenize(d.text[start : start + 200])
        words = [t for t in tokens if len(t.word) >= 2]
        for a, b in zip(words, words[1:]):
            if b.start != a.end:
                continue
            # from inside token a to inside token b: no word index holds this string
            q = d.text[start + a.end - 1 : start + b.start + 1]
            assert len(q) == 2
            check(real_index, real_docs, q)
            q3 = d.text[start + a.start + 1 : start + b.end]
            found += check(real_index, real_docs, q3) > 0
            break
    assert found >= 30


def test_strings_that_do_not_occur(real_index, real_docs):
    rng = random.Random(7)
    absent = 0
    for _ in range(80):
        d = rng.choice(real_docs)
        n = rng.randint(2, 8)
        s = rng.randrange(len(d.text) - n)
        q = d.text[s : s + n]
        q = q[::-1] + rng.choice("甲乙丙丁鑫淼")  # reversed and extended: usually absent
        absent += check(real_index, real_docs, q) == 0
    for q in ["习近平新时代中国特色社会主义思想不存在", "zzzz", "\u0001", "𠀀𠀁"]:
        assert check(real_index, real_docs, q) == 0
    assert absent >= 60


def test_common_and_long_strings(real_index, real_docs):
    for q in [
        "的",
        "。",
        "\n",
        "发展",
        "中国特色社会主义",
        "全面建成小康社会",
        "2020年",
        "GDP",
        "同志们",
        "一是",
        "坚持和发展中国特色社会主义",
    ]:
        check(real_index, real_docs, q, kwic=len(q) > 1)


def test_count_by_year_on_real_texts(real_index, real_docs):
    by = real_index.count("脱贫攻坚", by="year")
    for row in by.itertuples():
        docs = [
            d
            for d in real_docs
            if d.meta.get("year") == row.year or (row.year != row.year and d.meta.get("year") is None)
        ]
        assert row.occurrences == len(occurrences(docs, "脱贫攻坚"))
    assert by["occurrences"].sum() == len(occurrences(real_docs, "脱贫攻坚"))
