"""Segmenter: lexicon, offsets, stopwords, isolation, pickling, errors, fine granularity, pool."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.errors import InputError, MissingExtraError
from policytext.segment.segmenter import Segmenter, Token

SEG = Segmenter()


def test_official_terms_stay_whole():
    # the issue's own examples of fragments plain jieba produces
    text = "深入学习贯彻习近平新时代中国特色社会主义思想，落实十九届六中全会精神，坚持守正创新，弘扬伟大建党精神。"
    words = SEG.cut(text)
    for term in ("习近平新时代中国特色社会主义思想", "十九届六中全会", "守正创新", "伟大建党精神"):
        assert term in words, (term, words)
    plain = Segmenter(lexicon=None).cut(text)
    assert "守正创新" not in plain and "十九届六中全会" not in plain


def test_seed_terms_kept_whole(seed_expected, seed_doc):
    words = set(SEG.cut(seed_doc.text))
    missing = [t for t in seed_expected["terms_kept_whole"] if t not in words]
    assert not missing


def test_lexicon_is_general_and_large():
    from policytext.segment.dictionary import policy_entries

    entries = policy_entries()
    assert len(entries) >= 3000
    assert all(f is not None and f > 0 and p for _, f, p in entries)
    # a term the seed does not contain, from other official texts
    for term in ("全过程人民民主", "供给侧结构性改革", "中国式现代化", "二十届三中全会"):
        assert SEG.cut(f"推进{term}。")[1] == term


def test_cut_keeps_punctuation_and_stopwords():
    words = SEG.cut("我们要加强党的建设，推动工作。")
    assert "，" in words and "。" in words and "我们" in words and "工作" in words


def test_terms_drop_stopwords_punctuation_digits():
    terms = SEG.terms("我们要加强基层党组织建设，2022年推动工作。")
    assert "基层党组织" in terms and "建设" in terms
    for w in ("我们", "要", "，", "2022", "工作", "推动", "加强", "。"):
        assert w not in terms
    general = Segmenter(stopwords="general").terms("推动工作")
    assert general == ["推动", "工作"]
    assert Segmenter(stopwords=[]).terms("的") == ["的"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("党的建设高质量发展守正创新，。 \n\tA1-.%２０２２年ab_#㐀鿰")), max_size=60)
)
def test_offsets_slice_back_and_cover(text):
    toks = SEG.tokenize(text)
    covered = []
    for t in toks:
        assert text[t.start : t.end] == t.word
        assert t.word.strip() == t.word and t.word
        covered.extend(range(t.start, t.end))
    assert covered == [i for i, c in enumerate(text) if not c.isspace()]
    assert [t.word for t in toks] == SEG.cut(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_offsets_any_unicode(text):
    toks = SEG.tokenize(text, pos=True)
    assert all(text[t.start : t.end] == t.word and t.pos for t in toks)
    assert "".join(t.word for t in toks) == "".join(text.split())


def test_pos_same_tokens_as_cut(seed_doc):
    toks = SEG.tokenize(seed_doc.text, pos=True)
    assert [t.word for t in toks] == SEG.cut(seed_doc.text)
    tags = {t.word: t.pos for t in toks}
    assert tags["，"] == "x"
    assert tags.get("基层党组织") == "n"


def test_two_segmenters_do_not_interfere():
    a = Segmenter(lexicon=None, user_dicts=[[("稳中求进工作总基调", 100000, "n")]])
    b = Segmenter(lexicon=None)
    text = "坚持稳中求进工作总基调"
    wa1 = a.cut(text)
    wb = b.cut(text)
    wa2 = a.cut(text)
    assert "稳中求进工作总基调" in wa1 and wa1 == wa2
    assert "稳中求进工作总基调" not in wb
    assert a.fingerprint != b.fingerprint


def test_global_jieba_untouched():
    import jieba

    before = (jieba.dt.initialized, len(jieba.dt.FREQ))
    Segmenter(user_dicts=[["全新专有名词甲"]]).cut("全新专有名词甲")
    assert (jieba.dt.initialized, len(jieba.dt.FREQ)) == before


def test_user_dict_forms(tmp_path):
    p = tmp_path / "u.txt"
    p.write_text("# comment\n甲乙丙丁 10 n\n丙丁戊\n", encoding="utf-8")
    for ud in (p, str(p), ["甲乙丙丁"], {"甲乙丙丁": 10}, [("甲乙丙丁", 10, "n")]):
        assert "甲乙丙丁" in Segmenter(lexicon=None, user_dicts=[ud]).cut("甲乙丙丁")


@pytest.mark.parametrize(
    "line,needle",
    [
        ("词 abc n extra", "line 2"),
        ("词 -5 n", "line 2"),
        ("词 12x", "line 2"),
        ("词 5 名词", "line 2"),
    ],
)
def test_malformed_user_dict_names_file_and_line(tmp_path, line, needle):
    p = tmp_path / "bad.txt"
    p.write_text("好词 5 n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        Segmenter(user_dicts=[p])
    assert str(p) in str(e.value) and needle in str(e.value)


def test_bad_arguments():
    with pytest.raises(InputError, match="backend"):
        Segmenter(backend="thulac")
    with pytest.raises(InputError, match="granularity"):
        Segmenter(granularity="medium")
    with pytest.raises(InputError, match="user_dicts"):
        Segmenter(user_dicts=[[("词", "many")]])
    with pytest.raises(InputError, match="str"):
        SEG.cut(None)  # type: ignore[arg-type]


def test_missing_extra_names_it():
    code = (
        "import sys; sys.modules['rjieba'] = None\n"
        "from policytext.segment import Segmenter\n"
        "try:\n    Segmenter(backend='rjieba')\n"
        "except ImportError as e:\n    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "MissingExtraError" in out and "policytext[fast]" in out
    assert issubclass(MissingExtraError, ImportError)


def test_pickle_round_trip_and_vectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    s2 = pickle.loads(pickle.dumps(SEG))
    text = "推动高质量发展，坚持守正创新。"
    assert s2.cut(text) == SEG.cut(text) and s2.fingerprint == SEG.fingerprint
    v = CountVectorizer(tokenizer=SEG.cut, lowercase=False, token_pattern=None)
    v.fit([text])
    assert "高质量发展" in v.vocabulary_


def test_no_stderr_output():
    code = "from policytext.segment import Segmenter\nSegmenter(user_dicts=[['测试词语甲乙']]).cut('测试词语甲乙')\n"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stderr == ""


def test_cache_in_user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path / "c"))
    Segmenter(lexicon=None, user_dicts=[["缓存测试词"]]).cut("缓存测试词")
    files = list((tmp_path / "c").iterdir())
    # the prefix dictionary, and the tag table that head compounds read
    assert files and all(f.name.startswith(("pfdict-", "tags-")) for f in files)
    assert any(f.name.startswith("pfdict-") for f in files)


def test_fine_granularity():
    fine = Segmenter(granularity="fine")
    words = fine.cut("坚持习近平新时代中国特色社会主义思想")
    for w in ("习近平", "新时代", "中国特色社会主义", "社会主义", "思想", "习近平新时代中国特色社会主义思想"):
        assert w in words
    toks = fine.tokenize("坚持习近平新时代中国特色社会主义思想")
    text = "坚持习近平新时代中国特色社会主义思想"
    assert all(text[t.start : t.end] == t.word for t in toks)
    assert toks[-1].word == "习近平新时代中国特色社会主义思想"


def test_token_fields():
    t = SEG.tokenize("发展")[0]
    assert isinstance(t, Token) and (t.word, t.start, t.end, t.pos) == ("发展", 0, 2, None)


def test_cut_many_matches_cut_and_keeps_pool(seed_doc):
    texts = [seed_doc.text[i : i + 800] for i in range(0, 8000, 800)] + ["", "守正创新"]
    with Segmenter() as seg:
        one = seg.cut_many(texts, n_jobs=1)
        two = seg.cut_many(texts, n_jobs=2)
        pool = seg._pool
        again = seg.cut_many(texts, n_jobs=2, method="terms")
        assert seg._pool is pool  # warm workers kept between calls
    assert one == two == [seg.cut(t) for t in texts]
    assert again == [seg.terms(t) for t in texts]


def test_cut_many_spawn_safe(seed_doc):
    code = (
        "import sys\n"
        "from policytext.segment import Segmenter\n"
        "from policytext.segment.pool import WorkerPool\n"
        "if __name__ == '__main__':\n"
        "    s = Segmenter()\n"
        "    p = WorkerPool(s, 2, start_method='spawn')\n"
        "    r = p.map('cut', ['守正创新', '高质量发展', '乡村振兴'])\n"
        "    p.close()\n"
        "    print(r == [s.cut('守正创新'), s.cut('高质量发展'), s.cut('乡村振兴')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "True"


def test_corpus_tokens_cached():
    from policytext.corpus.corpus import Corpus

    c = Corpus.from_texts(["坚持守正创新。", "推动高质量发展。"])
    t1 = c.tokens(SEG)
    assert t1 == [SEG.cut(d.text) for d in c]
    assert c.tokens(SEG) is t1
    assert c.terms(SEG) == [SEG.terms(d.text) for d in c]
