"""The calling convention of CONTRIBUTING.md, checked over the public API (``policytext.__all__``).

``verb(source, <at most two essential positionals>, *, segmenter=None, top=…, n_jobs=1,
progress=False, random_state=…)``; one name per idea; the 0.1 spellings still work for one
release, with a DeprecationWarning that says what to write instead.
"""

from __future__ import annotations

import inspect
import warnings

import pytest

import policytext as pt
from policytext.errors import InputError

P = inspect.Parameter

#: verbs whose first argument is not a source of documents, with the reason
NOT_SOURCE_VERBS = {
    "normalize": "a function of one string (text)",
    "split_sentences": "a function of one string (text)",
    "split_clauses": "a function of one string (text)",
    "read_document": "reads one file or byte string (source is a path)",
    "load_sample": "takes no source",
    "load_seed": "takes no source",
    "keyness": "compares two sources: target and reference",
    "compare": "compares two versions: doc_a and doc_b",
    "diffusion": "compares two sources: central and local",
    "template_groups": "takes no source (describes the bundled library)",
    "add_sections": "annotates an extractor's frame: the frame, then the source it was read from",
    "export_for_coding": "writes a table of units (already read) to a coding sheet",
    "read_coding": "reads coders' sheets (a path), not documents",
    "agreement": "compares coders' codes (a table of codings), not documents",
}
#: names 0.1 used for an idea that now has one name
OLD_NAMES = {
    "limit": "top",
    "n": "top",
    "max_terms": "top",
    "topn": "top",
    "min_docfreq": "min_df",
    "max_docfreq": "max_df",
    "corpus": "source",
    "n_workers": "n_jobs",
    "jobs": "n_jobs",
}


def _public_verbs() -> list[tuple[str, object]]:
    return [(n, getattr(pt, n)) for n in pt.__all__ if inspect.isfunction(getattr(pt, n))]


def _public_methods() -> list[tuple[str, object]]:
    out = []
    for n in pt.__all__:
        obj = getattr(pt, n)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for m, f in inspect.getmembers(obj, inspect.isfunction):
                if not m.startswith("_"):
                    out.append((f"{n}.{m}", f))
    return out


def test_the_public_api_has_verbs_and_methods_to_check():
    assert len(_public_verbs()) >= 20 and len(_public_methods()) >= 30


@pytest.mark.parametrize("name,fn", _public_verbs(), ids=lambda x: x if isinstance(x, str) else "")
def test_verbs_follow_the_convention(name, fn):
    params = list(inspect.signature(fn).parameters.values())
    positional = [p for p in params if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)]
    if name not in NOT_SOURCE_VERBS:
        assert positional and positional[0].name == "source", f"{name}: the first argument is called source"
    assert len(positional) <= 3, f"{name}: at most source and two essential positionals, got {positional}"
    _check_vocabulary(name, params)


@pytest.mark.parametrize("name,fn", _public_methods(), ids=lambda x: x if isinstance(x, str) else "")
def test_methods_use_the_same_vocabulary(name, fn):
    _check_vocabulary(name, list(inspect.signature(fn).parameters.values()))


def _check_vocabulary(name: str, params: list[inspect.Parameter]) -> None:
    for p in params:
        assert p.name not in OLD_NAMES, f"{name}: {p.name} is spelled {OLD_NAMES[p.name]} in policytext"
        if p.name == "segmenter":
            assert p.default is None, f"{name}: segmenter defaults to None (segment/defaults.py picks one)"
            if not name.startswith(("Corpus.", "TopicModel.load")):
                assert p.kind == P.KEYWORD_ONLY, f"{name}: segmenter is keyword-only"
        if p.name == "n_jobs":
            assert p.kind == P.KEYWORD_ONLY and p.default == 1, f"{name}: n_jobs is keyword-only, default 1"
        if p.name == "progress":
            assert p.default is False, f"{name}: progress is a bool, default False"
        if p.name == "errors":
            assert p.default == "raise", f"{name}: errors defaults to 'raise'"
        if p.name == "random_state":
            assert p.default == 0, f"{name}: random_state defaults to 0 (results are deterministic)"


# -- the 0.1 spellings, one release more ------------------------------------------------------


def _warns(fn, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert messages, "expected a DeprecationWarning"
    return result, messages


def test_old_positional_segmenter_still_works_with_a_warning():
    seg = pt.Segmenter(lexicon=None)
    new = pt.find_templates("抓党建促发展。", ["抓{X}促{Y}"], segmenter=seg)
    old, messages = _warns(pt.find_templates, "抓党建促发展。", ["抓{X}促{Y}"], seg)
    assert old.equals(new)
    assert "segmenter=..." in messages[0] and "0.3.0" in messages[0]


def test_old_argument_names_still_work_with_a_warning():
    corpus = pt.Corpus.from_texts(
        ["发展改革。", "发展稳定。", "改革。"], meta=[{"year": y} for y in (2001, 2002, 2003)]
    )
    seg = pt.Segmenter(lexicon=None)
    m = pt.dfm(corpus, segmenter=seg)
    old, messages = _warns(m.trim, min_docfreq=2)
    assert old.features == m.trim(min_df=2).features == ["发展", "改革"]
    assert "min_docfreq is now called min_df" in messages[0]
    trends_old, _ = _warns(pt.term_trends, corpus=corpus, terms=["发展"])
    assert trends_old.equals(pt.term_trends(corpus, ["发展"]))
    top_old, _ = _warns(m.topfeatures, n=1)
    assert top_old.equals(m.topfeatures(top=1))


def test_an_old_and_a_new_name_together_is_an_error():
    m = pt.dfm(pt.Corpus.from_texts(["发展。"]), segmenter=pt.Segmenter(lexicon=None))
    with pytest.raises(TypeError, match="min_docfreq"):
        m.trim(min_docfreq=1, min_df=1)


def test_one_errors_vocabulary():
    from policytext.corpus.stream import iter_jsonl

    with pytest.raises(InputError, match="errors: expected one of 'raise', 'skip'"):
        pt.Corpus.from_dir(".", errors="ignore")
    with pytest.raises(InputError, match="errors: expected one of"):
        list(iter_jsonl("missing.jsonl", errors="ignore"))


def test_one_n_jobs_rule():
    from policytext._util.jobs import resolve_jobs

    assert resolve_jobs(None) == resolve_jobs(1) == 1
    assert resolve_jobs(-1) >= 1
    for bad in (0, 1.5, "2", True):
        with pytest.raises(InputError, match="n_jobs"):
            resolve_jobs(bad)
    with pytest.raises(InputError, match="n_jobs"):
        pt.Segmenter(lexicon=None).cut_many(["发展"], n_jobs=0)


def test_no_subpackage_shadows_a_public_name():
    """Importing policytext.X sets the attribute X on the package, so a subpackage named like a public
    function (report) would replace it once imported: the HTML report's package is therefore `reporting`."""
    import importlib
    import pkgutil

    subpackages = {m.name for m in pkgutil.iter_modules(pt.__path__)}
    assert not subpackages & set(pt.__all__)
    for name in subpackages - {"__main__"}:
        importlib.import_module(f"policytext.{name}")
    assert callable(pt.report) and callable(pt.highlight)
