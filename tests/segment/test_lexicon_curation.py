"""The curated policy lexicon (issue #20): the noun-phrase rule, its exceptions, provenance, and counts.

No entry may start with a leading verb (发展X, 加强X …) unless ``policy_terms_exceptions.txt`` lists it with a
reason; every entry has a provenance row; counting a term by tokens finds it after a verb in real sentences.
"""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext._util.lexicon_files import lexicon_path, read_lexicon_lines
from policytext.errors import InputError
from policytext.segment.dictionary import read_dict_file
from policytext.stats.lexicon_mining import (
    LEADING_VERBS,
    leading_verb,
    read_exceptions,
    read_review,
    rules_reject,
)


@pytest.fixture(scope="module")
def words() -> list[str]:
    return [w for w, _, _ in read_dict_file(lexicon_path("policy_terms.txt"))]


@pytest.fixture(scope="module")
def exceptions() -> dict[str, str]:
    return read_exceptions()


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    path = lexicon_path("policy_terms_sources.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    out = {r["term"]: r for r in rows}
    assert len(out) == len(rows), "a term has two provenance rows"
    return out


def test_lexicon_loads_and_states_the_rule(words):
    head = "\n".join(
        line
        for line in lexicon_path("policy_terms.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert "Noun-phrase rule" in head and "policy_terms_exceptions.txt" in head and "policy_terms_sources.tsv" in head
    assert len(words) >= 3000 and len(words) == len(set(words))
    from policytext.segment.segmenter import Segmenter

    assert Segmenter().cut("全过程人民民主") == ["全过程人民民主"]


def test_no_entry_starts_with_a_leading_verb_unless_an_exception(words, exceptions):
    bad = [w for w in words if leading_verb(w, exceptions) is not None]
    assert not bad, f"entries starting with a leading verb, not listed as exceptions: {bad[:20]}"


def test_every_exception_has_a_reason_and_needs_to_be_one(exceptions):
    assert exceptions
    for term, reason in exceptions.items():
        assert len(reason) >= 10, (term, reason)
        assert leading_verb(term) is not None, f"{term} does not start with a leading verb: not an exception"


def test_exception_file_without_reason_names_the_line(tmp_path):
    p = tmp_path / "exc.txt"
    p.write_text("# header\n全面深化改革  # fixed formulation\n发展规划\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        read_exceptions(p)


def test_every_entry_has_provenance(words, sources):
    missing = [w for w in words if w not in sources]
    assert not missing, f"entries without a provenance row: {missing[:20]}"
    stale = [t for t in sources if t not in set(words)]
    assert not stale, f"provenance rows for words not in the lexicon: {stale[:20]}"
    for w in words:
        r = sources[w]
        assert r["status"] in {"mined", "curated", "glossary"}, r
        if r["status"] == "mined":  # mined from at least two state documents, with a first year
            assert int(r["n_docs"]) >= 2 and int(r["n_issuers"]) >= 1 and r["first_year"], r
            assert r["documents"], r
        elif r["status"] == "curated":
            assert len(r["source"]) > len("curated: "), r
        else:
            assert "名词解释" in r["source"] and int(r["n_docs"]) >= 1, r


def test_review_rejects_have_reasons_and_stay_out(words):
    rejected, curated = read_review()
    assert not (rejected & set(words))
    path = lexicon_path("policy_terms_review.txt")
    for lineno, line in read_lexicon_lines(path):
        if line.startswith("-"):
            assert "#" in line and line.split("#", 1)[1].strip(), f"{path}, line {lineno}: a reject without a reason"
    assert all(note for _, _, note in curated)


@given(verb=st.sampled_from(LEADING_VERBS), rest=st.text(alphabet="学前教育新质生产力体系", min_size=1, max_size=6))
def test_leading_verb_rule_catches_every_verb_phrase(verb, rest):
    term = verb + rest
    assert leading_verb(term) is not None
    assert leading_verb(term, exceptions={term}) is None
    assert rules_reject([verb, rest], ["v", "n"]) is not None


@pytest.mark.parametrize(
    "term,verb",
    [
        ("发展学前教育", "发展"),
        ("加强监督检查", "加强"),
        ("发展债券市场", "发展"),
        ("全面深化改革", "全面深化"),
        ("学前教育", None),
    ],
)
def test_leading_verb_examples(term, verb):
    assert leading_verb(term) == verb


def test_glued_verb_object_entries_of_the_old_lexicon_are_gone(words):
    for w in ("发展学前教育", "加强监督检查", "发展债券市场", "发展小城镇", "发展新质生产力"):
        assert w not in words


def test_handmade_count_after_verb():
    from policytext.corpus.corpus import Corpus
    from policytext.segment.segmenter import Segmenter
    from policytext.stats import term_trends

    texts = ["要积极发展学前教育，办好学前教育。", "因地制宜发展新质生产力。"]
    c = Corpus.from_texts(texts, meta=[{"year": 2020}, {"year": 2024}])
    df = term_trends(c, ["学前教育", "新质生产力"], unit="count", match="token", segmenter=Segmenter())
    assert df.loc[2020, "学前教育"] == 2
    assert df.loc[2024, "新质生产力"] == 1


def _sentences_with(corpus_dir, manifest, phrase: str, limit: int = 8) -> list[tuple[str, int]]:
    out = []
    for rec in manifest:
        p = corpus_dir / rec["path"]
        if p.suffix != ".txt" or rec["path"].startswith(("sighan", "html_pages")):
            continue
        text = p.read_text(encoding="utf-8")
        for s in re.split(r"[。；！？\n]", text):
            if phrase in s:
                out.append((s.strip(), rec.get("year") or 0))
                if len(out) >= limit:
                    return out
    return out


@pytest.mark.parametrize("term", ["学前教育", "新质生产力"])
def test_term_trends_finds_term_after_发展_in_corpus_sentences(corpus_dir, manifest, term):
    from policytext.corpus.corpus import Corpus
    from policytext.segment.segmenter import Segmenter
    from policytext.stats import term_trends

    found = _sentences_with(corpus_dir, manifest, "发展" + term)
    assert len(found) >= 3, f"expected real sentences with 发展{term} in the corpus"
    texts = [s for s, _ in found]
    c = Corpus.from_texts(texts, meta=[{"year": y} for _, y in found])
    df = term_trends(c, [term], by="doc_id", unit="count", match="token", segmenter=Segmenter())
    expected = [t.count(term) for t in texts]
    assert df[term].astype(int).tolist() == expected


def test_the_lexicon_and_its_sources_rebuild_from_the_corpus(corpus_dir, tmp_path):
    """``scripts/build_policy_terms.py`` on the shared corpus writes the bundled lexicon and provenance byte for byte.

    It fails when a change of the segmenter moves the miner's cut (the quoted, programme and coordination layers
    came after the lexicon and are not part of the miner's cut), when the review file and the lexicon disagree, or
    when the corpus changes under the lexicon.
    """
    import importlib.util
    import shutil
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_policy_terms.py"
    spec = importlib.util.spec_from_file_location("build_policy_terms", script)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    for name in ("policy_terms_review.txt", "policy_terms_exceptions.txt"):
        shutil.copy(lexicon_path(name), tmp_path / name)
    assert mod.main(["--corpus", str(corpus_dir), "--out", str(tmp_path)]) == 0
    for name in ("policy_terms.txt", "policy_terms_sources.tsv"):
        built = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        bundled = lexicon_path(name).read_text(encoding="utf-8").splitlines()
        only_built, only_bundled = sorted(set(built) - set(bundled)), sorted(set(bundled) - set(built))
        assert built == bundled, f"{name}: {len(only_built)} lines only in the rebuild ({only_built[:5]}), " + (
            f"{len(only_bundled)} only in the bundled file ({only_bundled[:5]})"
        )
