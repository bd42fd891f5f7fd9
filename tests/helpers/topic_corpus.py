"""A small handmade corpus with three known themes, for topic-model tests."""

from __future__ import annotations

import random

from policytext.corpus.corpus import Corpus

# Three themes of policy vocabulary; paragraphs are drawn from one theme each.
THEMES = {
    "farm": ["粮食", "农田", "种植", "农民", "灌溉", "化肥", "播种", "收割", "耕地", "种子", "农机", "养殖"],
    "money": ["财政", "预算", "税收", "赤字", "国债", "支出", "收入", "审计", "银行", "利率", "信贷", "货币"],
    "army": ["军队", "国防", "武器", "装备", "训练", "士兵", "战备", "边防", "海军", "空军", "军事", "征兵"],
}


def make_corpus(n_docs: int = 12, paras: int = 6, seed: int = 1) -> Corpus:
    rng = random.Random(seed)
    names = sorted(THEMES)
    texts, meta = [], []
    for d in range(n_docs):
        lines = []
        for p in range(paras):
            theme = names[(d + p) % 3] if d % 4 else names[d % 3]
            words = [rng.choice(THEMES[theme]) for _ in range(14)]
            lines.append("，".join("".join(words[i : i + 2]) for i in range(0, 14, 2)) + "。")
        texts.append("\n".join(lines))
        meta.append({"year": 2000 + d, "issuer": "甲" if d % 2 else "乙"})
    return Corpus.from_texts(texts, ids=[f"d{d:02d}" for d in range(n_docs)], meta=meta)
