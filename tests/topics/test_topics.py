"""TopicModel on small handmade corpora: API, tidy frames, errors, save/load, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.topic_corpus import THEMES, make_corpus
from policytext.corpus.corpus import Corpus
from policytext.errors import InputError
from policytext.segment.segmenter import Segmenter
from policytext.topics.model import TopicModel, select_k
from policytext.topics.units import Units, build_units

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    # every theme word is one token
    return Segmenter(user_dicts=[[w for ws in THEMES.values() for w in ws]])


@pytest.fixture(scope="module")
def small() -> Corpus:
    return make_corpus()


def small_model(seg, small, **kw) -> TopicModel:
    n_topics = kw.pop("n_topics", 3)
    params = dict(segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3, stop_terms=())
    params.update(kw)
    return TopicModel(n_topics, **params).fit(small)


@pytest.fixture(scope="module")
def model(seg, small) -> TopicModel:
    return small_model(seg, small)


def theme_of(term: str) -> str:
    return next(k for k, ws in THEMES.items() if term in ws)


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_recovers_the_three_themes(seg, small, method):
    m = small_model(seg, small, method=method)
    table = m.topics(top=6)
    assert list(table.columns) == ["topic", "rank", "term", "weight"]
    assert len(table) == 18 and table.groupby("topic")["rank"].apply(list).map(lambda r: r == [1, 2, 3, 4, 5, 6]).all()
    themes = [set(theme_of(t) for t in sub.term) for _, sub in table.groupby("topic")]
    assert all(len(s) == 1 for s in themes), themes  # each topic is pure
    assert {next(iter(s)) for s in themes} == set(THEMES)  # and all three are found
    assert (table.weight > 0).all() and (table.weight <= 1).all()
    assert np.allclose(m.topic_term_.sum(axis=1), 1.0)


def test_labels_are_short_and_distinct(model):
    assert len(model.labels_) == 3
    assert len(set(model.labels_)) == 3
    for t, label in enumerate(model.labels_):
        parts = label.split("·")
        assert 1 <= len(parts) <= 3
        top = set(model.topics(top=20).query(f"topic == {t}").term)
        assert set(parts) <= top


def test_doc_topics_carry_metadata_and_sum_to_one(model, small):
    dt = model.doc_topics()
    assert list(dt.columns[:3]) == ["doc_id", "topic", "weight"]
    assert {"year", "issuer"} <= set(dt.columns)
    assert len(dt) == len(small) * 3
    sums = dt.groupby("doc_id")["weight"].sum()
    assert np.allclose(sums.values, 1.0)
    assert dt.loc[dt.doc_id == "d05", "year"].unique().tolist() == [2005]
    wide = model.doc_topics(wide=True)
    assert wide.shape[0] == len(small) and {0, 1, 2} <= set(wide.columns)


def test_paragraph_shares_aggregate_to_documents(model, small):
    # a document's share is the term-weighted mean of its paragraphs' shares
    u = model.units_
    w = np.asarray(model.dtm_.sum(axis=1)).ravel()
    d = u.doc_ids.index("d03")
    rows = np.flatnonzero(u.unit_doc == d)
    expect = (model.unit_topic_[rows] * w[rows, None]).sum(axis=0) / w[rows].sum()
    assert np.allclose(model.doc_topic_[d], expect)


def test_representative_paragraphs_point_back_into_the_text(model, small):
    for t in range(3):
        rep = model.representative(t, n=3)
        assert len(rep) == 3 and list(rep["rank"]) == [1, 2, 3]
        assert rep.weight.is_monotonic_decreasing
        for row in rep.itertuples():
            assert small[row.doc_id].text[row.start : row.end] == row.text
        # the top paragraph is made of the topic's words
        words = set(model.topics(top=12).query("topic == @t").term)
        assert sum(w in rep.text.iloc[0] for w in words) >= 4
    with pytest.raises(InputError, match="topic must be between 0 and 2"):
        model.representative(3)


def test_coherence_tables(model):
    npmi = model.coherence("npmi")
    assert list(npmi.columns) == ["topic", "label", "coherence"]
    assert ((npmi.coherence >= -1) & (npmi.coherence <= 1)).all()
    assert npmi.attrs["mean"] == pytest.approx(npmi.coherence.mean())
    assert npmi.attrs["mean"] > 0.0  # pure themes co-occur in their paragraphs
    umass = model.coherence("umass")
    assert (umass.coherence <= 0.7).all()
    with pytest.raises(InputError, match="measure"):
        model.coherence("cv")


def test_perplexity_lda_only(seg, small, model):
    lda = small_model(seg, small, method="lda")
    p = lda.perplexity()
    assert np.isfinite(p) and p > 1
    with pytest.raises(InputError, match="method='lda' only"):
        model.perplexity()


def test_trends_by_year_and_decade(model):
    tr = model.trends("year")
    assert list(tr.index) == list(range(2000, 2012))
    assert list(tr.columns) == [0, 1, 2]
    assert np.allclose(tr.sum(axis=1), 1.0)
    dec = model.trends("decade")
    assert list(dec.index) == [2000, 2010]
    assert dec.attrs["n_docs"] == {2000: 10, 2010: 2}
    by_issuer = model.trends("issuer")
    assert set(by_issuer.index) == {"甲", "乙"}
    with pytest.raises(InputError, match="no document has metadata 'province'"):
        model.trends("province")


def test_unit_document(seg, small):
    m = TopicModel(3, segmenter=seg, unit="document", min_df=2, max_df=1.0, min_unit_terms=3, stop_terms=())
    m.fit(small)
    assert len(m.units_) == len(small)
    assert m.unit_topic_.shape == (len(small), 3)
    assert np.allclose(m.doc_topic_, m.unit_topic_)


def test_same_topics_twice_in_one_process(seg, small):
    a = small_model(seg, small, n_topics=3)
    b = small_model(seg, small, n_topics=3)
    pd.testing.assert_frame_equal(a.topics(8), b.topics(8))
    assert np.array_equal(a.doc_topic_, b.doc_topic_)


_SUBPROCESS = r"""
import json, sys
sys.path.insert(0, {src!r})
sys.path.insert(0, {tests!r})
from helpers.topic_corpus import make_corpus, THEMES
from policytext.segment import Segmenter
from policytext.topics import TopicModel
seg = Segmenter(user_dicts=[[w for ws in THEMES.values() for w in ws]])
m = TopicModel(3, method={method!r}, segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3).fit(make_corpus())
t = m.topics(8)
print(json.dumps({{"terms": t.term.tolist(), "weights": t.weight.round(12).tolist(),
                  "doc": m.doc_topic_.round(12).tolist()}}, ensure_ascii=False))
"""


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_same_topics_across_processes(method):
    code = _SUBPROCESS.format(src=str(SRC), tests=str(Path(__file__).resolve().parents[1]), method=method)
    outs = []
    for hashseed in ("1", "2"):  # different string hashing: set iteration order differs
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hashseed, "PATH": "/usr/bin:/bin"},
            timeout=300,
        )
        outs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert outs[0] == outs[1]
    assert len(outs[0]["terms"]) == 24


def test_save_load_round_trip(tmp_path, model, small, seg):
    path = model.save(tmp_path / "m")
    assert path.name == "m.npz"
    # an existing file is kept unless overwrite=True
    before = path.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        model.save(path)
    assert path.read_bytes() == before
    assert model.save(path, overwrite=True) == path
    # a plain zip of .npy arrays and a JSON entry: no pickle anywhere
    with np.load(path, allow_pickle=False) as z:
        assert {"components", "vocabulary", "unit_topic", "model_json"} <= set(z.files)
        info = json.loads(z["model_json"].tobytes().decode("utf-8"))
    assert info["format"] == "policytext.TopicModel" and info["version"] == 1
    assert info["params"]["n_topics"] == 3 and info["doc_ids"][0] == "d00"
    with zipfile.ZipFile(path) as zf:
        assert all(n.endswith(".npy") for n in zf.namelist())
    # opened without the segmenter it was fitted with, it says so (new texts would be cut differently)
    with pytest.warns(UserWarning, match="another segmenter"):
        TopicModel.load(path)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back = TopicModel.load(path, segmenter=seg)
    pd.testing.assert_frame_equal(back.topics(10), model.topics(10))
    pd.testing.assert_frame_equal(back.doc_topics(), model.doc_topics())
    pd.testing.assert_frame_equal(back.trends("year"), model.trends("year"))
    assert back.labels_ == model.labels_
    assert back.coherence().attrs["mean"] == pytest.approx(model.coherence().attrs["mean"])
    pd.testing.assert_frame_equal(back.representative(1), model.representative(1))
    # the reopened model still scores new text
    new = back.transform(["粮食种植农民灌溉化肥播种收割耕地种子农机。"])
    farm = int(new.sort_values("weight").iloc[-1]["topic"])
    assert theme_of(back.topics(1).query(f"topic == {farm}").term.iloc[0]) == "farm"


def test_save_without_texts(tmp_path, model, seg):
    back = TopicModel.load(model.save(tmp_path / "lean.npz", include_texts=False), segmenter=seg)
    assert back.representative(0).text.isna().all()
    pd.testing.assert_frame_equal(back.topics(5), model.topics(5))


def test_lda_round_trip_keeps_perplexity(tmp_path, seg, small):
    lda = small_model(seg, small, method="lda")
    back = TopicModel.load(lda.save(tmp_path / "lda.npz"), segmenter=seg)
    assert back.perplexity() == pytest.approx(lda.perplexity(), rel=1e-9)


def test_load_rejects_other_files(tmp_path):
    bad = tmp_path / "x.npz"
    np.savez(bad, a=np.arange(3))
    with pytest.raises(InputError, match="not a saved TopicModel"):
        TopicModel.load(bad)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a saved TopicModel"):
        TopicModel.load(tmp_path / "junk.npz")
    with pytest.raises(InputError, match="no such file"):
        TopicModel.load(tmp_path / "missing.npz")


# -- bad input --------------------------------------------------------------------------------------
def test_empty_corpus(seg):
    with pytest.raises(InputError, match="empty corpus"):
        TopicModel(3, segmenter=seg).fit(Corpus([]))
    with pytest.raises(InputError, match="empty corpus"):
        TopicModel(3, segmenter=seg).fit([])


def test_corpus_smaller_than_n_topics(seg, small):
    tiny = Corpus(list(small)[:1])
    with pytest.raises(InputError, match=r"6 paragraphs .* fewer than n_topics=10"):
        TopicModel(10, segmenter=seg, min_df=1, min_unit_terms=3).fit(tiny)


def test_all_stopword_documents(seg):
    docs = Corpus.from_texts(["我们的，这个和那个。", "是的，我们也是。\n但是，那些……"])
    with pytest.raises(InputError, match="no content terms in any of the 2 documents"):
        TopicModel(2, segmenter=seg).fit(docs)


def test_df_filters_leaving_nothing(seg, small):
    with pytest.raises(InputError, match="min_df"):
        TopicModel(3, segmenter=seg, min_df=1000, min_unit_terms=3).fit(small)


def test_one_empty_document_is_named(seg, small):
    docs = list(small) + list(Corpus.from_texts(["我们的。"], ids=["empty"]))
    with pytest.warns(UserWarning, match="empty"):
        m = TopicModel(3, segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3).fit(Corpus(docs))
    assert np.isnan(m.doc_topics().query("doc_id == 'empty'").weight).all()


@pytest.mark.parametrize(
    "kw, msg",
    [
        ({"n_topics": 1}, "n_topics must be"),
        ({"method": "plsa"}, "method must be 'lda' or 'nmf'"),
        ({"unit": "sentence"}, "unit must be"),
        ({"relevance": 1.5}, "relevance"),
    ],
)
def test_bad_parameters(seg, small, kw, msg):
    n = kw.pop("n_topics", 3)
    with pytest.raises(InputError, match=msg):
        TopicModel(n, segmenter=seg, **kw).fit(small)


def test_not_fitted():
    with pytest.raises(InputError, match="not fitted"):
        TopicModel(3).topics()


def test_sklearn_style_params(model):
    params = model.get_params()
    assert params["n_topics"] == 3 and params["method"] == "nmf" and params["random_state"] == 0
    clone = TopicModel(**params)
    assert clone.get_params() == params
    assert repr(clone) == "TopicModel(n_topics=3, method='nmf', random_state=0)"
    with pytest.raises(InputError, match="unknown TopicModel parameter"):
        clone.set_params(k=4)


def test_select_k_table(seg, small):
    table = select_k(small, ks=[2, 3, 4], segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3, stop_terms=())
    assert list(table.columns) == ["k", "npmi", "umass", "perplexity", "seconds"]
    assert table.k.tolist() == [2, 3, 4]
    assert table.perplexity.isna().all()
    assert table.npmi.between(-1, 1).all() and (table.umass <= 0.7).all()
    lda = select_k(small, ks=[3], method="lda", segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3)
    assert np.isfinite(lda.perplexity).all()
    with pytest.raises(InputError, match="ks is empty"):
        select_k(small, ks=[])


def test_prepared_units_are_reused(seg, small):
    m = TopicModel(3, segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3)
    units = m.prepare(small)
    assert isinstance(units, Units)
    assert m.prepare(small) is units  # cached on the corpus for this segmenter and options
    a = TopicModel(3, segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3).fit(units)
    b = TopicModel(3, segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3).fit(small)
    pd.testing.assert_frame_equal(a.topics(), b.topics())


def test_stop_terms_are_left_out(seg, small):
    m = small_model(seg, small, stop_terms=("粮食", "财政"))
    assert "粮食" not in set(m.vocabulary_) and "财政" not in set(m.vocabulary_)
    assert "农田" in set(m.vocabulary_)


def test_units_split_run_on_lines(seg):
    text = "推进乡村振兴。" * 100  # 700 characters on one line, lost line breaks
    u = build_units([text], seg, max_chars=100)
    spans = list(zip(u.unit_start.tolist(), u.unit_end.tolist()))
    assert len(spans) == 8  # 14 sentences (98 characters) per piece
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(e - s <= 100 for s, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # nothing lost or duplicated


def test_traditional_script_counts_with_simplified(small):
    """Half the documents printed in traditional script: the same terms, the same topics, text as written."""
    from policytext.corpus.text import to_simplified

    trad = {
        "粮食": "糧食",
        "农田": "農田",
        "农民": "農民",
        "灌溉": "灌溉",
        "化肥": "化肥",
        "农机": "農機",
        "财政": "財政",
        "预算": "預算",
        "税收": "稅收",
        "国债": "國債",
        "银行": "銀行",
        "货币": "貨幣",
        "军队": "軍隊",
        "国防": "國防",
        "武器": "武器",
        "装备": "裝備",
        "训练": "訓練",
        "边防": "邊防",
        "海军": "海軍",
        "空军": "空軍",
        "军事": "軍事",
        "审计": "審計",
        "赤字": "赤字",
    }
    seg = Segmenter(user_dicts=[[w for ws in THEMES.values() for w in ws]])
    docs = list(small)
    texts = []
    for i, d in enumerate(docs):
        text = d.text
        if i % 2:
            for simp, tr in trad.items():
                text = text.replace(simp, tr)
        texts.append(text)
    mixed = Corpus.from_texts(texts, ids=[d.doc_id for d in docs], meta=[d.meta for d in docs])
    assert any(to_simplified(t) != t for t in texts)
    params = dict(segmenter=seg, min_df=2, max_df=0.9, min_unit_terms=3, stop_terms=())
    folded = TopicModel(3, **params).fit(mixed)
    assert not any(to_simplified(w) != w for w in folded.vocabulary_), "a traditional form stayed a term"
    # folded, the model sees what the all-simplified corpus gives (the same units and terms)
    plain = TopicModel(3, **params).fit(small)
    assert list(folded.vocabulary_) == list(plain.vocabulary_)
    np.testing.assert_allclose(folded.doc_topic_, plain.doc_topic_, atol=1e-9)
    # representative paragraphs still show the text as written
    for row in folded.representative(0, n=5).itertuples():
        assert mixed[row.doc_id].text[row.start : row.end] == row.text
    unfolded = TopicModel(3, **params, fold_traditional=False).fit(mixed)
    assert any(to_simplified(w) != w for w in unfolded.vocabulary_)
