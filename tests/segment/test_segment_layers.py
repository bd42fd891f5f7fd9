"""The word layer, coarse tokens built from it (Token.parts), and head compounds (issue #20).

Real sentences come from ``../shared/corpus`` (skipped when absent); handmade cases test
one rule each.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext.errors import InputError
from policytext.segment.compounds import NOMINAL_TAGS, HeadRules, count_heads, default_rules
from policytext.segment.segmenter import Segmenter, Token

BACKEND = "rjieba"
try:
    import rjieba  # noqa: F401
except ImportError:  # the same tokens either way (tests/segment/test_segment_rjieba.py)
    BACKEND = "jieba"

COARSE = Segmenter(backend=BACKEND)
# what the head rules alone merge
HEADS_ONLY = Segmenter(backend=BACKEND, quoted=False, programmes=False, coordinated=False)
WORD = Segmenter(backend=BACKEND, granularity="word")
FINE = Segmenter(backend=BACKEND, granularity="fine")
LOCAL = ("local_documents", "policy_docs_shandong", "local_gov_work_reports_2026")
NATIONAL = ("gov_work_reports_national", "central_documents", "policy_docs_central")


def _texts(corpus: Path, folders: tuple[str, ...], limit: int | None = None) -> list[str]:
    out = []
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["path"].split("/")[0] in folders and rec["path"].endswith(".txt"):
            out.append((corpus / rec["path"]).read_text(encoding="utf-8"))
    return out[:limit] if limit else out


def _sentences_with(corpus: Path, pattern: str, folders: tuple[str, ...] = LOCAL + NATIONAL) -> list[str]:
    rx = re.compile(f"[^。！？；\n]*(?:{pattern})[^。！？；\n]*")
    return [m.group(0) for t in _texts(corpus, folders) for m in rx.finditer(t)]


def _check_layers(text: str, pos: bool = False) -> None:
    """Every coarse token is the exact union of consecutive word tokens, in order."""
    coarse = COARSE.tokenize(text, pos=pos)
    words = WORD.tokenize(text, pos=pos)
    assert [p for t in coarse for p in t.parts] == words
    for t in coarse:
        assert text[t.start : t.end] == t.word
        assert "".join(p.word for p in t.parts) == t.word
        assert t.parts[0].start == t.start and t.parts[-1].end == t.end
        assert all(a.end == b.start for a, b in zip(t.parts, t.parts[1:]))
    assert [(t.pos if pos else None) is None for t in words] == [not pos] * len(words)


# -- Token -------------------------------------------------------------------------
def test_token_stays_a_four_field_tuple():
    t = Token("发展", 0, 2, "vn")
    w, s, e, p = t
    assert (w, s, e, p) == ("发展", 0, 2, "vn") and len(t) == 4 and list(t) == ["发展", 0, 2, "vn"]
    assert t.parts == (t,) and Token("发展", 0, 2) == ("发展", 0, 2, None)
    merged = next(x for x in COARSE.tokenize("设立党员活动室") if x.word == "党员活动室")
    assert len(merged) == 4 and [p.word for p in merged.parts] == ["党员", "活动室"]
    assert merged == Token("党员活动室", 2, 7, None)  # equality ignores parts


def test_parts_survive_pickling():
    import pickle

    t = next(x for x in COARSE.tokenize("设立党员活动室") if x.word == "党员活动室")
    back = pickle.loads(pickle.dumps(t))
    assert back == t and [p.word for p in back.parts] == ["党员", "活动室"]


@pytest.mark.parametrize("fill", [0, 8, 9, 100])
def test_head_compounds_do_not_depend_on_what_the_segmenter_met_before(fill):
    # the memo of head endings clears itself when full: a call that fills it must not lose its own words
    text = "建好乡镇综合文化站和县级融媒体中心"
    fresh = Segmenter().cut(text)
    seg = Segmenter()
    seg._end_memo.seen = {f"词{i}" for i in range(seg._end_memo.LIMIT - fill)}
    assert seg.cut(text) == fresh
    assert "乡镇综合文化站" in fresh


def test_unknown_granularity_and_heads_are_errors():
    with pytest.raises(InputError, match="granularity"):
        Segmenter(granularity="words")
    with pytest.raises(InputError, match="heads"):
        Segmenter(heads=3)  # type: ignore[arg-type]


# -- the word layer ------------------------------------------------------------------
def test_word_layer_cuts_formulations_into_general_words():
    text = "坚持习近平新时代中国特色社会主义思想，发展学前教育"
    words = WORD.cut(text)
    assert "习近平新时代中国特色社会主义思想" not in words and "习近平" in words
    assert "".join(words) == text.replace(" ", "")
    coarse = COARSE.cut(text)
    assert "习近平新时代中国特色社会主义思想" in coarse
    assert len(words) > len(coarse)


def test_word_layer_is_non_overlapping_and_tiles_the_text():
    text = "乡镇综合文化站、退役军人服务站 和 党员活动室。"
    toks = WORD.tokenize(text)
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:]))
    assert "".join(t.word for t in toks) == "".join(text.split())


def test_word_layer_sighan_pku_f1_at_least_plain_jieba(corpus_dir):
    import jieba

    from policytext.segment.evaluation import score_files

    d = corpus_dir / "sighan2005_icwb2"
    if not (d / "pku_test.txt").is_file():
        pytest.skip("SIGHAN 2005 PKU files are absent")
    plain = jieba.Tokenizer()
    base = score_files(plain.lcut, d / "pku_test.txt", d / "pku_test_gold.txt")["f1"]
    ours = score_files(WORD.cut, d / "pku_test.txt", d / "pku_test_gold.txt")["f1"]
    assert ours >= base, (ours, base)


@pytest.mark.parametrize("pos", [False, True])
def test_coarse_is_a_union_of_word_tokens_on_real_text(corpus_dir, pos):
    for text in _texts(corpus_dir, LOCAL, limit=6) + _texts(corpus_dir, NATIONAL, limit=6):
        _check_layers(text[:20000], pos=pos)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("乡镇综合文化站服务中心党员活动室建设加强平台机制的和、。 A1-") + ["\u3000"]))
)
def test_coarse_is_a_union_of_word_tokens_on_random_text(text):
    _check_layers(text)
    _check_layers(text, pos=True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_coarse_is_a_union_of_word_tokens_on_any_text(text):
    _check_layers(text)


def test_fine_is_coarse_plus_subwords():
    text = "建好乡镇综合文化站，坚持稳中求进工作总基调"
    fine = FINE.tokenize(text)
    coarse = COARSE.tokenize(text)
    assert [t for t in fine if t in coarse] == coarse
    assert all(any(c.start <= f.start and f.end <= c.end for c in coarse) for f in fine)


def test_backends_agree_on_words_and_parts():
    pytest.importorskip("rjieba")
    a, b = Segmenter(), Segmenter(backend="rjieba")
    text = "建立矛盾纠纷调解中心，加强基层党建示范点建设。坚持稳中求进工作总基调。"
    ta, tb = a.tokenize(text, pos=True), b.tokenize(text, pos=True)
    assert ta == tb and [t.parts for t in ta] == [t.parts for t in tb]
    assert Segmenter(granularity="word").cut(text) == Segmenter(granularity="word", backend="rjieba").cut(text)


# -- head compounds ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("建好乡镇综合文化站", "乡镇综合文化站"),
        ("设立退役军人服务站", "退役军人服务站"),
        ("建设党员活动室", "党员活动室"),
        ("建立矛盾纠纷调解中心", "矛盾纠纷调解中心"),
        ("加强基层党建示范点建设", "基层党建示范点"),
    ],
)
def test_head_compounds_of_the_issue(text, compound):
    assert compound in COARSE.cut(text)
    assert compound not in Segmenter(backend=BACKEND, heads=None).cut(text)


def test_never_a_leading_verb():
    assert COARSE.cut("加强基层党建示范点建设") == ["加强", "基层党建示范点", "建设"]
    assert COARSE.cut("我代表国务院") == ["我", "代表", "国务院"]


def test_verbal_head_followed_by_a_verb_is_left_alone():
    assert "企业计划" not in COARSE.cut("企业计划投资")


def test_head_that_is_not_final_is_left_alone():
    assert "数字平台" not in COARSE.cut("发展数字平台经济")


# second pass of issue #20: each rule on a sentence of a state document outside the development passages
@pytest.mark.parametrize(
    ("text", "compound", "rule"),
    [
        # an attribute noun after the head leaves it final (gwr Shanghai 2026)
        ("步提升跨国公司地区总部和外资研发中心能级，更好保障外资企", "外资研发中心", "after"),
        # a verb directly before the head names its function, after a noun (gwr 2023, gwr 2021)
        ("载人航天飞行和首次月球探测工程圆满成功", "月球探测工程", "verb before head"),
        ("搭建更多共性技术研发平台，提升中小微企业", "共性技术研发平台", "verb before head"),
        # a long head word of verb + head takes modifiers (gwr 2021)
        ("健全公共卫生应急处置和物资保障体系，建立稳定的公共", "物资保障体系", "verbal long head"),
    ],
)
def test_second_pass_rules_on_real_sentences(text, compound, rule):
    assert compound in COARSE.cut(text), (rule, COARSE.cut(text))
    _check_layers(text)


def test_level_qualifier_is_not_part_of_the_compound():
    # 省级, 国家级 rank an institution in a count (新建10家省级概念验证中心 counts 概念验证中心);
    # Liaoning and Guangdong Government Work Reports 2026
    assert COARSE.cut("新建省级区域医疗中心14个、") == ["新建", "省级", "区域医疗中心", "14", "个", "、"]
    assert "制造业创新中心" in COARSE.cut("累计创建6家国家级制造业创新中心、3家")


def test_governing_verb_before_a_head_is_not_its_function():
    assert "国有企业履行战略" not in "".join(t + "|" for t in COARSE.cut("引导国有企业履行战略使命")).split("|")


def test_rules_from_a_file(tmp_path):
    f = tmp_path / "heads.txt"
    f.write_text("# test\nhead\t驿站\nmodifier\t银发\nstop\t加强\n", encoding="utf-8")
    seg = Segmenter(lexicon=None, backend=BACKEND, heads=f)
    assert "银发服务驿站" in seg.cut("加强银发服务驿站建设")
    bad = tmp_path / "bad.txt"
    bad.write_text("heads\t驿站\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        HeadRules.load(bad)


def test_bundled_heads_have_counts_and_provenance():
    from policytext._util.lexicon_files import lexicon_path

    rows = [line.split("\t") for line in lexicon_path("heads.txt").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r[0] and not r[0].startswith("#")]
    heads = [r for r in rows if r[0] in ("head", "vhead")]
    assert len(heads) >= 30 and all(len(r) == 5 and r[2].isdigit() and r[3].isdigit() and r[4] for r in heads)
    for issue_head in ("中心", "站", "室", "平台", "机制", "体系", "工程", "委员会", "示范区"):
        assert issue_head in default_rules().heads


def test_count_heads_counts_final_nouns_of_nominal_runs():
    tagged = [[("加强", "v"), ("乡镇", "n"), ("文化站", "n"), ("建设", "vn"), ("。", "x"), ("中心", "n")]]
    assert count_heads(tagged)["文化站"] == 0  # a verbal noun follows: not the end of the run
    assert count_heads([[("乡镇", "n"), ("文化站", "n"), ("。", "x")]])["文化站"] == 1


def _head_merges(corpus: Path, folders: tuple[str, ...]):
    for text in _texts(corpus, folders, limit=12):
        for t in HEADS_ONLY.tokenize(text):
            if len(t.parts) > 1 and t.word not in HEADS_ONLY._units:
                yield text, t


@pytest.mark.parametrize("folders", [LOCAL, NATIONAL], ids=["local", "national"])
def test_head_compounds_keep_their_limits_on_real_text(corpus_dir, folders):
    rules = default_rules()
    seen = 0
    for _text, t in _head_merges(corpus_dir, folders):
        seen += 1
        assert len(t.word) <= rules.max_chars and len(t.parts) <= rules.max_words + 2, t
        assert not re.search(r"[，。、；：“”‘’（）《》！？\s]", t.word), t
        assert t.parts[0].word not in rules.stops, t
        first = t.parts[0]
        if t.word not in rules.heads:  # a head spelled by several tokens (示范 + 基地) opens itself
            opens = any(t.word.startswith(m) for m in rules.modifiers)
            assert opens or HEADS_ONLY._lead_tag(first.word) in NOMINAL_TAGS - {"vn"}, t
    assert seen > 20


def test_head_compounds_on_real_sentences(corpus_dir):
    sents = _sentences_with(corpus_dir, "乡镇综合文化站")
    assert sents, "the corpus has sentences with 乡镇综合文化站"
    for s in sents:
        assert "乡镇综合文化站" in COARSE.cut(s), s
        _check_layers(s)
    # a leading verb stays a token of its own wherever a head compound follows it
    for s in _sentences_with(corpus_dir, "(?:加强|推进|建设|建立|完善)[^，。、]{2,8}(?:中心|平台|机制)建设")[:40]:
        for t in HEADS_ONLY.tokenize(s, pos=True):
            if len(t.parts) > 1 and t.word not in HEADS_ONLY._units:
                assert t.parts[0].word not in default_rules().stops, (s, t.word)


# -- term trends (needs the rebuilt lexicon as well) ---------------------------------------
@pytest.mark.parametrize(("glued", "term"), [("发展学前教育", "学前教育"), ("发展新质生产力", "新质生产力")])
def test_term_trends_finds_terms_after_a_verb(corpus_dir, glued, term):
    from policytext.corpus.corpus import Corpus
    from policytext.stats import term_trends

    sents = _sentences_with(corpus_dir, glued)
    if not sents:
        pytest.skip(f"no sentence with {glued} in the corpus")
    if COARSE.has_word(glued) and glued in COARSE._units:
        pytest.xfail(f"lexicon entry {glued!r} in lexicons/policy_terms.txt glues the verb to {term}")
    corpus = Corpus.from_texts(sents, meta=[{"year": 2024}] * len(sents))
    df = term_trends(corpus, [term], match="token", unit="count", segmenter=COARSE)
    assert int(df[term].sum()) >= sum(s.count(glued) for s in sents)
