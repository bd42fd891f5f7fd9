"""Topic-model benchmark: coherence, fit time and peak memory on the Government Work Reports by paragraph.

Every model gets the same paragraphs (lines of the 53 bundled reports, 1954-2025) and k=20; each model's
top 10 terms are scored by ONE coherence function (policytext.topics.coherence.topic_coherence, NPMI over
paragraph co-occurrence), against

- tokens: the paragraphs as that model's own tokenizer cut them (the usual way), and
- text: the raw paragraph strings (a term "occurs" in a paragraph when it is a substring of it), which does
  not depend on any tokenizer, so the two tokenizations are judged on the same ground.

Models:
  policytext           TopicModel(20) as it comes (NMF; topic_segmenter: jieba's dictionary, general stopwords;
                       discourse terms and document-frequency filters)
  policytext+lexicon   the same with segmenter=Segmenter() (policy lexicon and policy stopwords): the lexicon's effect
  same NMF|jieba       the control the issue names: the same model fed plain jieba.lcut tokens with a generic
                       stopword list and nothing of policytext's vocabulary (stop_terms=())
  policytext|jieba     the same, plus policytext's discourse terms as stop terms (isolates the tokens' effect)
  sklearn NMF          scikit-learn's own recipe (TfidfVectorizer max_df=0.95, min_df=2; NMF nndsvda) on jieba tokens
  sklearn LDA          CountVectorizer max_df=0.95, min_df=2; LatentDirichletAllocation (defaults: batch, 10 it.)
  tomotopy LDA         LDAModel(k=20, min_cf=2, seed=0), 1000 Gibbs iterations, 2 workers (if importable)
  gensim LdaModel      Dictionary.filter_extremes(no_below=2, no_above=0.95); LdaModel(passes=5) (if importable)

"jieba tokens" = jieba.lcut of the paragraph, without whitespace, punctuation, tokens with digits and a
generic stopword list (below). Each model is fitted in a fresh subprocess; fit time is wall-clock time of the
fit alone (segmentation is timed separately), peak memory is the growth of the process's peak resident set
during the fit (VmHWM - VmRSS before).

Usage: python benchmarks/topics.py [--k 20] [--skip sklearn-lda] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from policytext.topics.coherence import coherence_from_matrix, topic_coherence  # noqa: E402

# A generic Chinese stopword list (function words of any genre; nothing policy-specific), as a user of plain
# jieba would take from a common list.
GENERIC_STOPWORDS = set(
    """
的 了 和 与 及 以及 或 或者 而 并 并且 且 在 于 对 对于 把 被 将 从 向 为 为了 以 由 由于 因为 所以 因此 但 但是 却 也 都
还 又 就 才 即 则 之 其 此 该 这 那 这个 那个 这些 那些 这样 那样 我 我们 你 你们 他 他们 她 它 它们 自己 是 有 要 会 能
可以 可 应 应当 应该 等 等等 着 过 得 地 所 个 各 每 一 一个 一些 中 上 下 里 内 外 后 前 时 不 没有 没 很 更 最 再 已 已经
正在 通过 按照 根据 关于 啊 吧 呢 吗 嘛 哦 呀 之一 一种 一样 如果 虽然 尽管 然而 而且 不但 不仅 只是 就是 还是 或是 以便 以免
即使 既 既然 因 故 与其 一方面 另一方面 此外 其中 其他 其它 什么 怎么 怎样 如何 为什么 哪 哪些 那么 这么 多少 几 些 者 们
当 到 给 让 使 比 跟 同 除了 除 除此之外 个人 大家 每个 任何 所有 一切 某 某些 本 该 既是 也是 都是 已 曾 曾经 将要 将会
""".split()
)

_PUNCT_RE = re.compile(r"^[\W_]+$")
_DIGIT_RE = re.compile(r"[0-9０-９]")


def jieba_tokens(paragraphs: list[str]) -> list[list[str]]:
    import jieba

    return [
        [
            w
            for w in jieba.lcut(p)
            if w.strip() and not _PUNCT_RE.match(w) and not _DIGIT_RE.search(w) and w not in GENERIC_STOPWORDS
        ]
        for p in paragraphs
    ]


def _rss() -> tuple[int, int]:
    rss = hwm = 0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return rss, hwm


# -- workers: one model per subprocess ---------------------------------------------------------------
def _top_from_components(C: np.ndarray, vocab: list[str], top: int) -> list[list[str]]:
    return [[vocab[j] for j in np.argsort(-row, kind="stable")[:top]] for row in C]


def work(model: str, data_path: str, k: int, top: int) -> dict:
    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    tokens: list[list[str]] = data["tokens"]
    rss0, _ = _rss()
    t0 = time.perf_counter()
    if model in ("policytext", "policytext+lexicon"):
        from policytext.corpus.datasets import load_sample
        from policytext.segment.segmenter import Segmenter
        from policytext.topics.model import TopicModel

        corpus = load_sample(include_seed=False)
        tm = TopicModel(k, random_state=0, segmenter=Segmenter() if model == "policytext+lexicon" else None)
        units = tm.prepare(corpus)  # segmentation, timed separately in the parent
        rss0, _ = _rss()
        t0 = time.perf_counter()
        tm.fit(units)
        tops = tm.topics(top).groupby("topic")["term"].apply(list).tolist()
    elif model in ("policytext|jieba", "same NMF|jieba"):
        from policytext.corpus.datasets import load_sample
        from policytext.topics.model import TopicModel
        from policytext.topics.units import Units

        ref = TopicModel(k).prepare(load_sample(include_seed=False))
        units = Units(
            ref.doc_ids,
            ref.doc_meta,
            ref.doc_texts,
            ref.unit_doc,
            ref.unit_start,
            ref.unit_end,
            [[w for w in t if len(w) >= 2] for t in tokens],
            unit="paragraph",
        )
        rss0, _ = _rss()
        t0 = time.perf_counter()
        # "same NMF|jieba": the same model on plain jieba tokens with the generic stopword list only;
        # "policytext|jieba" also leaves out policytext's discourse terms (its default stop_terms)
        tm = TopicModel(k, random_state=0, **({"stop_terms": ()} if model == "same NMF|jieba" else {})).fit(units)
        tops = tm.topics(top).groupby("topic")["term"].apply(list).tolist()
    elif model == "sklearn NMF":
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfVectorizer

        vec = TfidfVectorizer(analyzer=lambda x: x, max_df=0.95, min_df=2)
        X = vec.fit_transform(tokens)
        nmf = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=400).fit(X)
        tops = _top_from_components(nmf.components_, list(vec.get_feature_names_out()), top)
    elif model == "sklearn LDA":
        from sklearn.decomposition import LatentDirichletAllocation
        from sklearn.feature_extraction.text import CountVectorizer

        vec = CountVectorizer(analyzer=lambda x: x, max_df=0.95, min_df=2)
        X = vec.fit_transform(tokens)
        lda = LatentDirichletAllocation(n_components=k, random_state=0).fit(X)
        tops = _top_from_components(lda.components_, list(vec.get_feature_names_out()), top)
    elif model == "tomotopy LDA":
        import tomotopy as tp

        mdl = tp.LDAModel(k=k, min_cf=2, seed=0)
        for doc in tokens:
            if doc:
                mdl.add_doc(doc)
        mdl.train(1000, workers=2)
        tops = [[w for w, _ in mdl.get_topic_words(t, top_n=top)] for t in range(k)]
    elif model == "gensim LdaModel":
        from gensim.corpora import Dictionary
        from gensim.models import LdaModel

        dictionary = Dictionary(tokens)
        dictionary.filter_extremes(no_below=2, no_above=0.95, keep_n=None)
        bow = [dictionary.doc2bow(d) for d in tokens]
        lda = LdaModel(bow, id2word=dictionary, num_topics=k, passes=5, random_state=0)
        tops = [[dictionary[i] for i, _ in lda.get_topic_terms(t, topn=top)] for t in range(k)]
    else:
        raise SystemExit(f"unknown model {model!r}")
    seconds = time.perf_counter() - t0
    _, hwm = _rss()
    return {"model": model, "seconds": seconds, "peak_mib": max(hwm - rss0, 0) / 1024, "tops": tops}


IMPORTS = {"tomotopy LDA": "tomotopy", "gensim LdaModel": "gensim", "sklearn LDA": "sklearn", "sklearn NMF": "sklearn"}


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def substring_matrix(paragraphs: list[str], vocab: list[str]):
    import scipy.sparse as sp

    cols = []
    for w in vocab:
        cols.append(np.fromiter((w in p for p in paragraphs), dtype=np.float64, count=len(paragraphs)))
    return sp.csc_matrix(np.column_stack(cols)) if cols else sp.csc_matrix((len(paragraphs), 0))


def text_coherence(tops: list[list[str]], paragraphs: list[str]) -> float:
    vocab = sorted({w for t in tops for w in t})
    B = substring_matrix(paragraphs, vocab)
    pos = {w: i for i, w in enumerate(vocab)}
    return float(np.nanmean(coherence_from_matrix([[pos[w] for w in t] for t in tops], B, "npmi")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--skip", action="append", default=[], help="model to leave out (may repeat), e.g. 'sklearn LDA'")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(work(args.worker, args.data, args.k, args.top), ensure_ascii=False))
        return 0

    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    from policytext.corpus.datasets import load_sample
    from policytext.topics.model import TopicModel

    corpus = load_sample(include_seed=False)
    t0 = time.perf_counter()
    units = TopicModel(args.k).prepare(corpus)
    seg_policytext = time.perf_counter() - t0
    paragraphs = [units.unit_text(i) for i in range(len(units))]
    jieba.initialize()
    t0 = time.perf_counter()
    jtoks = jieba_tokens(paragraphs)
    seg_jieba = time.perf_counter() - t0
    print(
        f"corpus: {len(corpus)} Government Work Reports, {corpus.n_chars:,} characters, {len(paragraphs):,} "
        f"paragraphs; k={args.k}, top {args.top} terms"
    )
    print(
        f"segmentation: policytext Segmenter.terms {seg_policytext:.1f} s; jieba.lcut + filters {seg_jieba:.1f} s "
        "(not included in fit times)"
    )
    pt_tokens = units.unit_terms
    from policytext.segment.segmenter import Segmenter

    lex_tokens = TopicModel(args.k, segmenter=Segmenter()).prepare(corpus).unit_terms

    models = [
        "policytext",
        "policytext+lexicon",
        "same NMF|jieba",
        "policytext|jieba",
        "sklearn NMF",
        "sklearn LDA",
        "tomotopy LDA",
        "gensim LdaModel",
    ]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "tokens.json"
        data.write_text(json.dumps({"tokens": jtoks}, ensure_ascii=False), encoding="utf-8")
        for model in models:
            if model in args.skip:
                print(f"{model}: skipped (--skip)")
                continue
            mod = IMPORTS.get(model)
            if mod and not _importable(mod):
                print(f"{model}: skipped, {mod} is not importable (pip install {mod})")
                continue
            env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    model,
                    "--data",
                    str(data),
                    "--k",
                    str(args.k),
                    "--top",
                    str(args.top),
                ],
                capture_output=True,
                text=True,
                env=env,
            )
            if proc.returncode != 0:
                print(f"{model}: failed\n{proc.stderr[-2000:]}")
                continue
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            own = {"policytext": pt_tokens, "policytext+lexicon": lex_tokens}.get(model, jtoks)
            res["npmi_tokens"] = float(np.nanmean(topic_coherence(res["tops"], own, "npmi")))
            res["npmi_text"] = text_coherence(res["tops"], paragraphs)
            res["umass_tokens"] = float(np.nanmean(topic_coherence(res["tops"], own, "umass")))
            results.append(res)
            print(
                f"  {model:18s} NPMI(tokens) {res['npmi_tokens']:.3f}  NPMI(text) {res['npmi_text']:.3f}  "
                f"fit {res['seconds']:6.1f} s  peak +{res['peak_mib']:.0f} MiB",
                flush=True,
            )

    print()
    print("| model | mean NPMI, own tokens | mean NPMI, raw text | UMass | fit s | peak MiB |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['model']} | {r['npmi_tokens']:.3f} | {r['npmi_text']:.3f} | {r['umass_tokens']:.2f} | "
            f"{r['seconds']:.1f} | {r['peak_mib']:.0f} |"
        )
    by = {r["model"]: r for r in results}
    if "policytext" in by:
        others = [r for r in results if r["model"] != "policytext"]
        if others:
            best = max(others, key=lambda r: r["npmi_tokens"])
            p = by["policytext"]
            print(
                f"\npolicytext - best other ({best['model']}): NPMI(tokens) {p['npmi_tokens'] - best['npmi_tokens']:+.3f}, "
                f"NPMI(text) {p['npmi_text'] - max(r['npmi_text'] for r in others):+.3f}"
            )
            if "same NMF|jieba" in by:
                c = by["same NMF|jieba"]
                print(
                    "policytext - control (same NMF|jieba): "
                    f"NPMI(tokens) {p['npmi_tokens'] - c['npmi_tokens']:+.3f}, "
                    f"NPMI(text) {p['npmi_text'] - c['npmi_text']:+.3f}"
                )
        for r in results:
            print(f"\n{r['model']} topics:")
            for t, words in enumerate(r["tops"]):
                print(f"  {t:2d} {' '.join(words)}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
