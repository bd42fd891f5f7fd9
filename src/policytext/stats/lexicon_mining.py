"""The reproducible miner behind ``lexicons/policy_terms.txt``.

Pipeline (``policytext lexicon mine CORPUS`` runs it):

1. segment the state documents with plain jieba (``Segmenter(lexicon=None)``);
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

import datetime as _dt
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._util.files import iter_json_lines
from .._util.lexicon_files import lexicon_path, load_wordlist, read_lexicon_lines
from ..errors import InputError

__all__ = [
    "STATE_FOLDERS",
    "assign_frequencies",
    "filter_candidates",
    "load_state_texts",
    "mine_lexicon",
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


def rules_reject(words: Sequence[str], tags: Sequence[str], function_words: Iterable[str] = ()) -> str | None:
    """Why a candidate made of *words* (with jieba *tags*) is not a term, or ``None``."""
    fw = set(function_words)
    term = "".join(words)
    if _NON_HAN.search(term):
        return "non-Han characters"
    if tags[0] in _BAD_FIRST_POS or words[0] in fw:
        return "starts with a function word"
    if tags[-1] in _BAD_LAST_POS or words[-1] in fw:
        return "ends with a function word"
    if term[-1] in _FINAL_FUNCTION_CHARS:
        return "ends with a function character"
    if term[0] in _FUNCTION_CHARS:
        return "starts with a function character"
    if any(words[0].startswith(a) and len(words[0]) > len(a) for a in _ADVERB_PREFIXES):
        return "starts with an adverb (大力发展…, 充分发挥…)"
    if (tags[0] == "v" or words[0] in _EXTRA_VERBS) and len(words[0]) > 1:
        return "verb phrase"
    if "的" in words[1:-1] and words[words.index("的") - 1] != "党":
        return "contains 的"
    if any(w in ("和", "与", "及", "或", "并", "等", "了", "是", "在", "对", "把", "被", "为") for w in words):
        return "contains a conjunction or preposition"
    return None


def filter_candidates(
    cands: pd.DataFrame, tag_of: Any, function_words: Iterable[str] = (), min_docs: int = 2
) -> pd.DataFrame:
    """Apply :func:`rules_reject` and *min_docs*; adds a ``reason`` column ('' = kept)."""
    fw = frozenset(function_words)
    reasons = []
    for words, docs in zip(cands["words"], cands["docs"]):
        tags = [tag_of(w) for w in words]
        r = rules_reject(list(words), tags, fw)
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
) -> pd.DataFrame:
    """Mine and review policy terms in *texts*; one row per candidate.

    Columns: ``term, pos, freq, status`` (``mined``, ``curated``, ``rejected``,
    ``reviewed-out``, ``compositional``, ``below-cutoff``, ``known``), ``reason``, ``count, docs, pmi, left_entropy,
    right_entropy, score`` (association figures are empty for curated entries).
    """
    from ..segment.dictionary import load_prefix_dict, load_tag_table
    from ..segment.segmenter import Segmenter
    from .association import discover_terms

    seg = Segmenter(lexicon=None, backend=backend)
    cands = discover_terms(
        list(texts), segmenter=seg, min_count=min_count, max_n=max_n, min_pmi=min_pmi, min_entropy=min_entropy
    )
    tags = load_tag_table([])
    fw = load_wordlist(lexicon_path("stopwords_policy.txt")) | load_wordlist(lexicon_path("stopwords.txt"))
    cands = filter_candidates(cands, lambda w: tags.get(w, "n"), fw, min_docs=min_docs)
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
    head_ok = cands["words"].map(lambda ws: tags.get(ws[-1], "n") in NOMINAL_HEADS)
    bad_head = (cands["status"] == "mined") & ~head_ok
    cands.loc[bad_head, "status"] = "rejected"
    cands.loc[bad_head, "reason"] = "head word is not nominal"
    # the lexicon fixes fragments: a mined term must contain a piece jieba leaves as a
    # single character or a rare word (守正/创新, 十九/届, 供给/侧); phrases of ordinary
    # words (经济/发展, 城市/建设) are compositional and stay split (curate the few that
    # are formulations in their own right)
    frag = cands["words"].map(lambda ws: any(len(w) == 1 or base.FREQ.get(w, 0) < rare_freq for w in ws))
    comp = (cands["status"] == "mined") & ~frag
    cands.loc[comp, "status"] = "compositional"
    order = cands.loc[cands["status"] == "mined"].sort_values(["score", "term"], ascending=[False, True]).index
    cut = order[max_terms:]
    cands.loc[cut, "status"] = "below-cutoff"
    mined_terms = set(cands.loc[cands["status"] == "mined", "term"])
    cur_rows = [
        {"term": w, "pos": p, "status": "curated", "reason": note} for w, p, note in curated if w not in mined_terms
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


def write_lexicon(frame: pd.DataFrame, path: str | Path, sources: str, params: dict[str, Any]) -> int:
    """Write the kept rows of a :func:`mine_lexicon` frame as a jieba dictionary with a header."""
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
    from .._util.files import atomic_write_text

    atomic_write_text(path, "\n".join(header + lines) + "\n")
    try:
        import os

        os.chmod(path, 0o644)  # a data file, readable like the rest of the package
    except OSError:
        pass
    return len(lines)
