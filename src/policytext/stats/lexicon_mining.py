"""The reproducible miner behind ``lexicons/policy_terms.txt``.

Pipeline (``policytext lexicon mine CORPUS`` runs it):

1. segment the state documents with jieba's words and the head rules, without the policy lexicon and the
   in-context layers (``Segmenter(lexicon=None, quoted=False, programmes=False, coordinated=False)``);
2. :func:`policytext.stats.association.discover_terms`: word n-grams (2–8 tokens)
   within punctuation, frequent enough, cohesive (weakest-split PMI) and free-standing
   (left and right boundary entropy), not already jieba words;
3. :func:`filter_candidates` and :func:`mine_lexicon`: rules a reader of official prose applies — no digits or
   Latin letters, not spread over fewer than ``min_docs`` documents, does not start
   with an adverb, conjunction, preposition, pronoun, particle or one of the
   policy-function verbs (加强, 推动, 深入 …: those make verb phrases, not terms), does
   not end with a particle, a localizer or a frame noun (工作, 问题 …), no 的 except
   in 党的…, not a verb phrase (a first word that is a verb of two or more
   characters), and it must fix a fragment: one of its jieba pieces is a single
   character or a rare word (jieba frequency < ``rare_freq``). Phrases made only
   of ordinary words (经济/发展) are compositional and stay split;
4. the hand review in ``lexicons/policy_terms_review.txt``: ``-`` lines reject mined
   candidates, ``+`` lines add curated entries with their provenance;
5. :func:`assign_frequencies`: the smallest jieba frequency that keeps the word whole
   without HMM (jieba's ``suggest_freq``), times a margin, so that a term wins
   against its own parts but not against a better reading of its context.

>>> rules_reject(["深入", "推进"], ["ad", "v"])
'starts with a function word'
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.convention import check_at_least
from .._util.files import iter_json_lines
from .._util.lexicon_files import lexicon_path, load_wordlist, read_lexicon_lines
from ..errors import InputError

__all__ = [
    "ADJECTIVAL_STARTS",
    "LEADING_VERBS",
    "LIGHT_HEADS",
    "OPENING_WORDS",
    "STATE_FOLDERS",
    "VERBAL_NOUNS",
    "assign_frequencies",
    "filter_candidates",
    "leading_verb",
    "load_state_texts",
    "mine_lexicon",
    "provenance_table",
    "read_exceptions",
    "read_review",
    "rules_reject",
    "write_lexicon",
]

#: folders of ``../shared/corpus`` that hold state documents (may ship; see its README)
STATE_FOLDERS = (
    "gov_work_reports_national",
    "npc_resolutions_on_gwr",
    "cpc_congress_reports",
    "five_year_plans",
    "central_documents",
    "policy_docs_central",
    "policy_docs_shandong",
)

_BAD_FIRST_POS = frozenset("d c p u uj ul uz ug uv ud r rr rz m q y e f mq ad df dg o k h zg x".split())
_BAD_LAST_POS = frozenset("d c p u uj ul uz ug uv ud r rr rz m y e f df dg o h zg k ad x".split())
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]")
#: characters that begin phrases, not terms (使人民…, 让群众…, 占全国…, 以大数据…, 这是…)
_FUNCTION_CHARS = frozenset(
    "使让占到对比这那等和地年家经居请拟来较更作是在把被为给向从由于与及并而即又也就都还再才且其该此各每以将"
)
#: verbs that jieba's dictionary tags as something else (弘扬 nr, 深化 j, 健全 a …)
_EXTRA_VERBS = frozenset(
    {
        "弘扬",
        "深化",
        "健全",
        "坚定",
        "优化",
        "强化",
        "规范",
        "丰富",
        "繁荣",
        "巩固",
        "拓展",
        "拓宽",
        "激发",
        "释放",
        "夯实",
        "筑牢",
        "树立",
        "牢固树立",
        "贯彻",
        "落实",
        "践行",
    }
)
#: adverbs that jieba fuses with the following verb (大力发展, 充分发挥, 积极参与, 切实加强)
_FINAL_FUNCTION_CHARS = frozenset("于使将把的了地得着过向从在对为和与及并")
_ADVERB_PREFIXES = (
    "严格",
    "严肃",
    "全力",
    "多渠道",
    "大力",
    "充分",
    "积极",
    "切实",
    "全面",
    "不断",
    "努力",
    "深入",
    "进一步",
    "继续",
    "坚决",
    "加快",
    "着力",
    "扎实",
    "认真",
    "更加",
    "持续",
    "有效",
    "逐步",
    "稳步",
)
_FOOTER_AT = re.compile(r"appended from char (\d+)")
#: jieba tags a term's head (last word) may have: terms are nominal (or idioms/abbreviations)
NOMINAL_HEADS = frozenset({"n", "vn", "nz", "nt", "ns", "nr", "l", "i", "j", "an", "ng", "nrt", "nrfg", "b"})

#: verbs that open verb phrases in official prose (发展X, 加强X …): a lexicon entry must not start with one,
#: or it glues the verb to its object and hides the object from counts (学前教育 in 发展学前教育), unless the
#: whole string is a fixed formulation documents cite as a unit (listed in policy_terms_exceptions.txt)
LEADING_VERBS = (
    # the verbs of the issue (发展X, 加强X, 推进X, 加快X, 坚持X, 实施X, 建设X, 深化X) and those found opening
    # glued entries of the old lexicon; nouns that double as verbs (改革, 创新, 治理, 保障 …) are left out because
    # they head noun compounds (改革开放, 创新驱动发展战略, 治理体系, 保障性住房)
    "发展",
    "加强",
    "推进",
    "加快",
    "坚持",
    "实施",
    "建设",
    "深化",
    "推动",
    "促进",
    "完善",
    "健全",
    "提高",
    "提升",
    "优化",
    "强化",
    "扩大",
    "构建",
    "打造",
    "培育",
    "落实",
    "贯彻",
    "开展",
    "增强",
    "维护",
    "建立",
    "加大",
    "做好",
    "抓好",
    "巩固",
    "拓展",
    "激发",
    "深入",
    "全面推进",
    "全面加强",
    "全面深化",
    "全面建设",
    "全面贯彻",
    "全面落实",
    "大力",
    "着力",
    "切实",
    "扎实",
    "不断",
    "进一步",
    "坚决",
    "弘扬",
    "树立",
    "践行",
    "牢固树立",
    "筑牢",
    "夯实",
    "壮大",
    "统筹",
    # verbs found opening verb phrases among the mined candidates of the 2026 rebuild
    "普及",
    "开发",
    "利用",
    "运用",
    "处理",
    "正确处理",
    "降低",
    "调动",
    "调整",
    "严守",
    "营造",
    "清理",
    "打击",
    "赋能",
    "关心",
    "广泛开展",
    "坚定不移",
    "优先发展",
    "力戒",
    "厉行",
    "危害",
    "尊重",
    "依靠",
    "投向",
)


def load_state_texts(corpus_dir: str | Path, folders: Sequence[str] = STATE_FOLDERS) -> list[tuple[str, str]]:
    """``(path, text)`` of the state documents listed in ``corpus_dir/manifest.jsonl``."""
    root = Path(corpus_dir)
    man = root / "manifest.jsonl"
    if not man.is_file():
        raise InputError(f"{root}: no manifest.jsonl; pass the shared corpus folder")
    out = []
    for _, rec in iter_json_lines(man.read_text(encoding="utf-8"), str(man)):
        if rec["path"].split("/")[0] in folders:
            text = (root / rec["path"]).read_text(encoding="utf-8")
            m = _FOOTER_AT.search(rec.get("notes") or "")
            if m:  # drop the Wikisource licence footer the manifest points at
                text = text[: int(m.group(1))]
            out.append((rec["path"], text))
    return out


def read_review(path: str | Path | None = None) -> tuple[set[str], list[tuple[str, str | None, str]]]:
    """``(rejected, curated)`` from a review file.

    Lines: ``- word  [reason]`` rejects a mined candidate; ``+ word [pos]  # provenance``
    adds a curated entry.
    """
    p = Path(path) if path is not None else lexicon_path("policy_terms_review.txt")
    rejected: set[str] = set()
    curated: list[tuple[str, str | None, str]] = []
    for lineno, line in read_lexicon_lines(p):
        body, _, note = line.partition("#")
        parts = body.split()
        if len(parts) < 2 or parts[0] not in "+-":
            raise InputError(
                f"{p}, line {lineno}: expected '- word [reason]' or '+ word [pos] # provenance', got {line!r}"
            )
        if parts[0] == "-":
            rejected.add(parts[1])
        else:
            pos = parts[2] if len(parts) > 2 else None
            curated.append((parts[1], pos, note.strip()))
    return rejected, curated


#: words that open adverbial or prepositional phrases (面向中小企业, 围绕中心): never the start of a term
OPENING_WORDS = frozenset({"面向", "围绕", "聚焦", "依托", "通过", "按照", "根据", "立足", "针对", "结合", "锲而不舍"})
#: heads that turn a formulation into "its construction / its work" (中国式现代化建设, 基础设施建设, 中央经济工作会议
#: 精神): with a prefix of three or more characters the prefix is the term and the head is counted on its own
LIGHT_HEADS = frozenset(
    {
        "建设",
        "发展",
        "工作",
        "管理",
        "精神",
        "部署",
        "决策部署",
        "政策",
        "水平",
        "能力",
        "成果",
        "合作",
        "力度",
        "领域",
        "方面",
    }
)


#: verbs that jieba tags ``v`` but that name activities as nouns at the edge of a term (科技创新, 城市治理,
#: 创新平台, 揭榜挂帅): a term may start or end with one
VERBAL_NOUNS = frozenset(
    "创新 治理 研究 投资 改革 服务 监督 消费 揭榜 融资 养老 巡视 执法 惩戒 革命 开放 转型 融合 救助 帮扶 "
    "评价 监管 振兴 保护 合作 协作 攻关 整治 防控 就业 创业 挂帅 治党 研发 孵化 管护 保障 脱贫 扶贫 搬迁 "
    "培训 教育 试点 示范 复兴 整改 配置 修复 分割 重组 减排 支付 调控 流通 审批 认证 监测 预警 检测 "
    "评估 协同 联动 运营 升级 共建 共治 兜底 失信 兼并 节能 转移 并购 原始 组织".split()
)
#: policy stopwords that are adjectives opening terms (基础研究, 重大项目, 重点实验室, 有效投资, 全面从严治党)
ADJECTIVAL_STARTS = frozenset({"基础", "有效", "重大", "重点", "全面", "主要", "积极"})


def leading_verb(term: str, exceptions: Iterable[str] = ()) -> str | None:
    """The leading verb *term* starts with (longest of :data:`LEADING_VERBS`), or ``None``.

    A term listed in *exceptions* (a fixed formulation cited as a unit) has none.

    >>> leading_verb("发展学前教育"), leading_verb("学前教育"), leading_verb("全面从严治党")
    ('发展', None, None)
    >>> leading_verb("全面深化改革"), leading_verb("全面深化改革", exceptions={"全面深化改革"})
    ('全面深化', None)
    """
    if term in set(exceptions):
        return None
    hits = [v for v in LEADING_VERBS if term.startswith(v) and len(term) > len(v)]
    return max(hits, key=len) if hits else None


def read_exceptions(path: str | Path | None = None) -> dict[str, str]:
    """``{term: reason}`` from an exceptions file (``term<TAB or spaces># reason`` per line).

    Every line must give a reason after ``#``; a line without one is an :class:`InputError`.
    """
    p = Path(path) if path is not None else lexicon_path("policy_terms_exceptions.txt")
    out: dict[str, str] = {}
    for lineno, line in read_lexicon_lines(p):
        body, _, reason = line.partition("#")
        parts = body.split()
        if len(parts) != 1 or not reason.strip():
            raise InputError(f"{p}, line {lineno}: expected 'term  # reason', got {line!r}")
        out[parts[0]] = reason.strip()
    return out


def provenance_table(terms: Iterable[str], docs: Sequence[dict[str, Any]], max_listed: int = 3) -> pd.DataFrame:
    """Where each term occurs: ``term, count, n_docs, n_issuers, first_year, documents``.

    *docs* are dicts with ``path``, ``text``, ``issuer`` and ``year``; ``documents`` lists up to
    *max_listed* paths (earliest year first) separated by ``;``.

    >>> d = [{"path": "a.txt", "text": "学前教育，学前教育", "issuer": "甲", "year": 2020},
    ...      {"path": "b.txt", "text": "发展学前教育", "issuer": "乙", "year": 2018}]
    >>> row = provenance_table(["学前教育"], d).iloc[0]
    >>> [int(row[k]) for k in ("count", "n_docs", "n_issuers", "first_year")], row["documents"]
    ([3, 2, 2, 2018], 'b.txt;a.txt')
    """
    ordered = sorted(docs, key=lambda d: (d.get("year") or 9999, d["path"]))
    rows = []
    for t in terms:
        hits = [(d, d["text"].count(t)) for d in ordered if t in d["text"]]
        years = [int(d["year"]) for d, _ in hits if d.get("year")]
        rows.append(
            {
                "term": t,
                "count": sum(n for _, n in hits),
                "n_docs": len(hits),
                "n_issuers": len({d.get("issuer") or d["path"] for d, _ in hits}),
                "first_year": min(years) if years else None,
                "documents": ";".join(d["path"] for d, _ in hits[:max_listed]),
            }
        )
    return pd.DataFrame(rows, columns=["term", "count", "n_docs", "n_issuers", "first_year", "documents"])


def rules_reject(
    words: Sequence[str], tags: Sequence[str], function_words: Iterable[str] = (), exceptions: Iterable[str] = ()
) -> str | None:
    """Why a candidate made of *words* (with jieba *tags*) is not a term, or ``None``.

    *exceptions* are fixed formulations allowed to start with a leading verb (全面深化改革).
    """
    fw = set(function_words)
    term = "".join(words)
    if _NON_HAN.search(term):
        return "non-Han characters"
    if words[0] in OPENING_WORDS:
        return "starts with a prepositional verb (面向X, 围绕X)"
    if len(words) > 1 and words[-1] in LIGHT_HEADS and len(term) - len(words[-1]) >= 3:
        return f"ends with a light head ({words[-1]}): the part before it is the term"
    if any(t == "v" and len(w) > 1 for w, t in zip(words[1:-1], tags[1:-1])):
        return "a verb inside: a clause, not a term"
    for i in range(1, len(words) - 1):
        if words[i] in LEADING_VERBS and len("".join(words[i + 1 :])) >= 3:
            return f"a leading verb inside ({words[i]}X): X is the term"
    if tags[0] in _BAD_FIRST_POS or (words[0] in fw and words[0] not in ADJECTIVAL_STARTS):
        return "starts with a function word"
    if tags[-1] in _BAD_LAST_POS or words[-1] in fw:
        return "ends with a function word"
    if term[-1] in _FINAL_FUNCTION_CHARS and (len(words[-1]) == 1 or term[-1] != "地"):
        return "ends with a function character"
    if term[0] in _FUNCTION_CHARS and len(words[0]) == 1:
        return "starts with a function character"
    if any(words[0].startswith(a) and len(words[0]) > len(a) for a in _ADVERB_PREFIXES):
        return "starts with an adverb (大力发展…, 充分发挥…)"
    verb = leading_verb(term, exceptions)
    if verb is not None:
        return f"starts with a leading verb ({verb}X): the verb would hide its object from counts"
    if (tags[0] == "v" or words[0] in _EXTRA_VERBS) and len(words[0]) > 1 and words[0] not in VERBAL_NOUNS:
        return "verb phrase"
    if "的" in words[1:-1] and words[words.index("的") - 1] != "党":
        return "contains 的"
    if any(w in ("和", "与", "及", "或", "并", "等", "了", "是", "在", "对", "把", "被", "为") for w in words):
        return "contains a conjunction or preposition"
    return None


def filter_candidates(
    cands: pd.DataFrame,
    tag_of: Any,
    function_words: Iterable[str] = (),
    min_docs: int = 2,
    exceptions: Iterable[str] = (),
) -> pd.DataFrame:
    """Apply :func:`rules_reject` and *min_docs*; adds a ``reason`` column ('' = kept)."""
    fw = frozenset(function_words)
    exc = frozenset(exceptions)
    reasons = []
    for words, docs in zip(cands["words"], cands["docs"]):
        tags = [tag_of(w) for w in words]
        r = rules_reject(list(words), tags, fw, exc)
        if r is None and docs < min_docs:
            r = f"in fewer than {min_docs} documents"
        reasons.append(r or "")
    return cands.assign(reason=reasons)


def assign_frequencies(words: Sequence[str], base: Any, margin: float = 3.0) -> list[int]:
    """jieba frequency for each word: ``suggest_freq(word) × margin`` (at least 3).

    *base* is a jieba ``Tokenizer`` over jieba's own dictionary.
    """
    out = []
    for w in words:
        f = base.suggest_freq(w, False)
        out.append(max(3, math.ceil(f * margin)))
    return out


def mine_lexicon(
    texts: Sequence[str],
    min_count: int = 3,
    max_n: int = 8,
    min_pmi: float = 2.0,
    min_entropy: float = 1.0,
    min_docs: int = 2,
    review: str | Path | None = None,
    margin: float = 3.0,
    backend: str = "jieba",
    max_terms: int = 4000,
    rare_freq: int = 200,
    compositional_min_docs: int | None = None,
    exceptions: Iterable[str] = (),
) -> pd.DataFrame:
    """Mine and review policy terms in *texts*; one row per candidate.

    Columns: ``term, pos, freq, status`` (``mined``, ``curated``, ``rejected``,
    ``reviewed-out``, ``compositional``, ``below-cutoff``, ``known``), ``reason``, ``count, docs, pmi, left_entropy,
    right_entropy, score`` (association figures are empty for curated entries).

    ``compositional_min_docs``: keep phrases of ordinary words too (科技/创新, 营商/环境) when they occur in at
    least that many documents (``None``: they stay split, status ``compositional``). ``exceptions``: fixed
    formulations allowed to start with a leading verb; curated entries that start with one and are not
    exceptions are refused (status ``rejected``).
    """
    check_at_least(1, min_count=min_count, min_docs=min_docs, max_terms=max_terms)
    check_at_least(2, max_n=max_n)
    from ..segment.dictionary import load_prefix_dict, load_tag_table
    from ..segment.segmenter import Segmenter
    from .association import discover_terms

    # the miner cuts with jieba's words and the head rules only: the quoted, programme and coordination layers
    # merge in context (a quoted “三严三实”), so with them on, a formulation seen quoted in one place would never
    # be a candidate and stay split everywhere else; they also came after the bundled lexicon was read, which
    # this cut reproduces byte for byte (tests/segment/test_lexicon_curation.py)
    seg = Segmenter(lexicon=None, backend=backend, quoted=False, programmes=False, coordinated=False)
    cands = discover_terms(
        list(texts), segmenter=seg, min_count=min_count, max_n=max_n, min_pmi=min_pmi, min_entropy=min_entropy
    )
    tags = load_tag_table([])
    fw = load_wordlist(lexicon_path("stopwords_policy.txt")) | load_wordlist(lexicon_path("stopwords.txt"))
    exc = frozenset(exceptions)
    cands = filter_candidates(cands, lambda w: tags.get(w, "n"), fw, min_docs=min_docs, exceptions=exc)
    import jieba

    base = jieba.Tokenizer()
    base.FREQ, base.total = load_prefix_dict([])
    base.initialized = True
    rejected, curated = read_review(review)
    status = []
    for term, reason in zip(cands["term"], cands["reason"]):
        if reason:
            status.append("rejected")
        elif term in rejected:
            status.append("reviewed-out")
        else:
            status.append("mined")
    cands = cands.assign(status=status)
    # mined terms must have a nominal head; then the best *max_terms* by score are kept
    head_ok = cands["words"].map(lambda ws: tags.get(ws[-1], "n") in NOMINAL_HEADS or ws[-1] in VERBAL_NOUNS)
    bad_head = (cands["status"] == "mined") & ~head_ok
    cands.loc[bad_head, "status"] = "rejected"
    cands.loc[bad_head, "reason"] = "head word is not nominal"
    # the lexicon fixes fragments: a mined term must contain a piece jieba leaves as a
    # single character or a rare word (守正/创新, 十九/届, 供给/侧); phrases of ordinary
    # words (经济/发展, 城市/建设) are compositional and stay split (curate the few that
    # are formulations in their own right)
    frag = cands["words"].map(lambda ws: any(len(w) == 1 or base.FREQ.get(w, 0) < rare_freq for w in ws))
    comp = (cands["status"] == "mined") & ~frag
    if compositional_min_docs is not None:
        comp &= cands["docs"] < compositional_min_docs
    cands.loc[comp, "status"] = "compositional"
    order = cands.loc[cands["status"] == "mined"].sort_values(["score", "term"], ascending=[False, True]).index
    cut = order[max_terms:]
    cands.loc[cut, "status"] = "below-cutoff"
    mined_terms = set(cands.loc[cands["status"] == "mined", "term"])
    cur_rows = [
        {"term": w, "pos": p, "status": "curated", "reason": note}
        if leading_verb(w, exc) is None
        else {"term": w, "pos": p, "status": "rejected", "reason": f"curated, but starts with {leading_verb(w, exc)}"}
        for w, p, note in curated
        if w not in mined_terms
    ]
    cands["pos"] = "n"
    frame = pd.concat([cands, pd.DataFrame(cur_rows)], ignore_index=True)
    # POS: curated tags win; mined terms take the tag of their head (last) word, as a
    # compound's category is its head's (n for 党组织 → 基层党组织, vn for 改革 → …改革)
    heads = {}
    for w, p, _ in curated:
        if p:
            heads[w] = p
    pos = []
    for term, words, p in zip(frame["term"], frame.get("words", [None] * len(frame)), frame["pos"]):
        if term in heads:
            pos.append(heads[term])
        elif isinstance(words, tuple):
            t = tags.get(words[-1], "n")
            pos.append(t if t in ("n", "vn", "v", "nz", "l", "i", "j", "nt", "ns", "a", "an") else "n")
        else:
            pos.append(p if isinstance(p, str) else "n")
    frame["pos"] = pos
    keep = frame["status"].isin(["mined", "curated"])
    frame["freq"] = 0
    frame.loc[keep, "freq"] = assign_frequencies(list(frame.loc[keep, "term"]), base, margin)
    # a curated or mined term that jieba already has needs no entry
    frame.loc[keep & frame["term"].map(lambda t: bool(base.FREQ.get(t))), "status"] = "known"
    cols = ["term", "pos", "freq", "status", "reason", "count", "docs", "pmi", "left_entropy", "right_entropy", "score"]
    for c in cols:
        if c not in frame.columns:
            frame[c] = None
    return frame[cols].sort_values(["status", "term"], kind="mergesort").reset_index(drop=True)


def write_lexicon(
    frame: pd.DataFrame,
    path: str | Path,
    sources: str,
    params: dict[str, Any],
    *,
    overwrite: bool = False,
    protect: Iterable[str | Path] = (),
) -> int:
    """Write the kept rows of a :func:`mine_lexicon` frame as a jieba dictionary with a header; return the number
    of entries. An existing *path* is refused unless *overwrite*, a *path* among *protect* (the inputs) always."""
    from .._util.output import output_target, write_output

    target = output_target(path, overwrite=overwrite, protect=protect)
    kept = frame[frame["status"].isin(["mined", "curated"])].sort_values("term")
    n_mined = int((kept["status"] == "mined").sum())
    n_cur = int((kept["status"] == "curated").sum())
    header = [
        "# policytext policy lexicon: jieba dictionary format, one 'word freq pos' per line, UTF-8.",
        f"# Built {_dt.date.today().isoformat()} by policytext.stats.lexicon_mining.mine_lexicon "
        "(`policytext lexicon mine CORPUS`), then reviewed by hand.",
        f"# Sources: {sources}.",
        "# Method: word n-grams of plain-jieba tokens within punctuation, scored by frequency, weakest-split PMI and",
        "# left/right boundary entropy (policytext.stats.association.discover_terms); rule filters for function words;",
        "# hand review in policy_terms_review.txt ('-' rejects, '+' adds curated entries with provenance).",
        "# Frequencies: jieba's suggest_freq (smallest frequency keeping the word whole without HMM) x margin.",
        f"# Parameters: {json.dumps(params, ensure_ascii=False, sort_keys=True)}",
        f"# Entries: {len(kept)} ({n_mined} mined, {n_cur} curated). Licence: MIT, as the package.",
    ]
    lines = [f"{t} {int(f)} {p}" for t, f, p in zip(kept["term"], kept["freq"], kept["pos"])]
    write_output(target, "\n".join(header + lines) + "\n")
    if target.kind == "file" and target.path is not None:
        with contextlib.suppress(OSError):
            target.path.chmod(0o644)  # a data file, readable like the rest of the package
    return len(lines)
