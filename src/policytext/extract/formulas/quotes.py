"""Names in quotation marks (“思想铸魂”工程) and titles in 《》 (《中国共产党组织工作条例》).

A quotation is a *name* when it is short and has no sentence punctuation; a quotation with
。！？； or a long one with commas is quoted *speech* and is skipped (names inside it, in
‘ ’, are still found). Spans cover the text inside the marks, so ``text[start:end] == match``.

>>> find_quoted_terms("深入实施“思想铸魂”工程，回答了“我们为什么能够成功，未来我们怎样才能继续成功”。")[
...     ["match", "start", "end", "head_noun"]].values.tolist()
[['思想铸魂', 5, 9, '工程']]
>>> find_references("制定出台了《中国共产党组织工作条例》等党内法规")[["title", "kind"]].values.tolist()
[['中国共产党组织工作条例', 'regulation']]
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..._util.frames import object_columns, to_frame
from ...corpus.source import Source, iter_source
from ..registry import extractor

__all__ = [
    "HEAD_NOUNS",
    "QUOTE_COLUMNS",
    "REFERENCE_COLUMNS",
    "find_quoted_terms",
    "find_references",
    "quoted_spans",
]

QUOTE_COLUMNS = ("doc_id", "match", "start", "end", "head_noun", "quote")
REFERENCE_COLUMNS = ("doc_id", "title", "match", "start", "end", "kind")

#: nouns that follow a quoted name and say what it names (“两新”组织, “半月谈”机制), longest first
HEAD_NOUNS: tuple[str, ...] = tuple(
    sorted(
        set(
            """
工程 机制 行动 组织 计划 活动 战略 政策 理念 模式 制度 体系 平台 品牌 项目 建设 改革 试点 要求 目标
重要思想 思想 精神 原则 方针 问题 现象 经费 消费 载体 工作法 工作 服务 专项行动 示范区 示范 基地 网络
窗口 队伍 党建 教育 学习教育 主题教育 专题教育 运动 防护林 攻坚战 战役 格局 布局 总体布局 方略 标准 清单
任务 举措 措施 改造 系列 保障 补贴 工作队 小组 会议 方案 规划 协议 承诺 共识 口号 路线 集团 分子 势力
企业 产品 产业 经济 机构 人员 干部 党员 群众 服务队 志愿服务 创建 考核 评选 评议 制 法 论 观 模型
体制 责任制 责任 文化 精神 作风 风气 短板 难题 陷阱 效应 现象 问题 矛盾 关系 战线 大会 论坛 文件 口号
标语 基金 园区 新区 城市 乡村 社区 村 户 经费 支出 资金 贷款 政策 方针 承诺 地区 州 县 省
""".split()
        ),
        key=lambda w: (-len(w), w),
    )
)

_PAIRS = (("“", "”", 60), ("「", "」", 60), ("『", "』", 60), ("‘", "’", 40), ('"', '"', 30))
_QUOTE_RES = tuple(
    (o + c, re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,{n}}}){re.escape(c)}")) for o, c, n in _PAIRS
)
_SENTENCE_PUNCT = set("。！？；!?;…")
_PRONOUNS = set("我你他她咱您")
_SPEECH_VERBS = ("说", "道", "讲", "指出", "强调", "表示", "问")
_MAX_NAME = 20
_MAX_LONG_NAME = 32
_REF_RE = re.compile(r"《([^《》\n]{1,100})》")
_HAN_RE = re.compile("[\u3400-\u9fff]")


def _is_speech(inner: str, text: str, start: int) -> bool:
    if any(ch in _SENTENCE_PUNCT for ch in inner):
        return True
    # a long name ends in what it names (…主题教育, …专项行动); a long quotation does not
    if len(inner) > _MAX_NAME and (
        len(inner) > _MAX_LONG_NAME or any(ch in "，,：:" for ch in inner) or not inner.endswith(HEAD_NOUNS)
    ):
        return True
    has_comma = any(ch in "，,：:" for ch in inner)
    if has_comma and (len(inner) > 12 or any(ch in _PRONOUNS for ch in inner)):
        return True
    before = text[max(0, start - 4) : start].rstrip()  # start: the opening mark
    return has_comma and (before.endswith(("：", ":")) or before.endswith(_SPEECH_VERBS))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Inner ``(start, end)`` of every quoted name in *text* (speech skipped), in text order.

    >>> t = "抓“两新”组织党建"
    >>> [t[s:e] for s, e in quoted_spans(t)]
    ['两新']
    """
    spans = []
    for pair, rx in _QUOTE_RES:
        for m in rx.finditer(text):
            s, e = m.span(1)
            inner = m.group(1)
            if pair == '""' and not _HAN_RE.search(inner):
                continue
            ls = len(inner) - len(inner.lstrip())
            rs = len(inner) - len(inner.rstrip())
            s, e = s + ls, e - rs
            if e <= s or _is_speech(text[s:e], text, m.start()):
                continue
            spans.append((s, e))
    return sorted(set(spans))


def _head_after(text: str, end: int) -> str | None:
    """The head noun right after a closing quotation mark at ``end``."""
    i = end + 1
    while i < len(text) and text[i] in '”’」』"':
        i += 1
    for h in HEAD_NOUNS:
        if text.startswith(h, i):
            return h
    return None


@extractor(
    name="quotes",
    kind="quote",
    label="quoted term",
    label_zh="引号提法",
    colour="#f8bbd0",
    help="quoted terms such as “思想铸魂”工程",
    label_columns=("quote", "head_noun"),
    order=50,
    formatter="policytext.extract.formulas.finder:format_for_terminal",
)
def find_quoted_terms(source: Source) -> pd.DataFrame:
    """Names in quotation marks, with the head noun that follows the closing mark.

    Returns ``doc_id, match, start, end, head, quote``: ``match`` is the text inside the marks,
    ``head_noun`` the noun after them (工程, 机制, 行动, 组织 …) or ``None``, ``quote`` the pair of marks.
    """
    rows: list[dict[str, Any]] = []
    for doc_id, text, _ in iter_source(source):
        for s, e in quoted_spans(text):
            opener = text[s - 1] if s > 0 else ""
            close = text.find(_closer(opener), e) if opener else -1
            rows.append(
                {
                    "doc_id": doc_id,
                    "match": text[s:e],
                    "start": s,
                    "end": e,
                    "head_noun": _head_after(text, close if close >= 0 else e),
                    "quote": opener + _closer(opener),
                }
            )
    return object_columns(to_frame(rows, QUOTE_COLUMNS), others=("head_noun",))


def _closer(opener: str) -> str:
    for o, c, _ in _PAIRS:
        if o == opener:
            return c
    return ""


_REF_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("law", ("法", "法典", "宪法", "法律")),
    ("regulation", ("条例", "规定", "办法", "准则", "规则", "细则", "章程", "制度")),
    ("plan", ("规划", "计划", "纲要", "方案", "规划纲要", "行动计划", "战略", "行动", "专项行动", "工程")),
    (
        "directive",
        (
            "意见",
            "决定",
            "通知",
            "决议",
            "公报",
            "指导意见",
            "指南",
            "建议",
            "批复",
            "通告",
            "公告",
            "函",
            "指导原则",
            "预案",
            "指引",
        ),
    ),
    ("standard", ("要求", "规范", "标准", "指标", "模型", "代码", "分级", "框架", "体系", "接口", "清单")),
    ("report", ("报告", "白皮书")),
    ("treaty", ("条约", "协定", "公约", "宣言", "声明", "议定书", "备忘录", "倡议", "协议")),
    ("form", ("申报书", "表", "申请书", "说明")),
    ("work", ("选集", "文选", "文集", "全集", "著作", "语录", "论", "谈治国理政")),
    ("periodical", ("日报", "报", "杂志", "求是", "半月谈")),
)
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]*[)）]\s*$")


def reference_kind(title: str) -> str:
    """A coarse kind of a cited title, from its ending, notes in brackets ignored:
    ``law``, ``regulation``, ``plan``, ``directive``, ``standard``, ``report``, ``treaty``,
    ``form``, ``work``, ``periodical`` or ``other``.

    >>> reference_kind("中华人民共和国民法典"), reference_kind("关于实施乡村振兴战略的意见（2018年）")
    ('law', 'directive')
    """
    core = title.strip()
    while True:
        shorter = _TRAILING_NOTE.sub("", core)
        if shorter == core or not shorter:
            break
        core = shorter
    for kind, ends in _REF_KINDS:
        if core.endswith(ends):
            return kind
    return "other"


@extractor(
    name="references",
    kind="reference",
    label="title in 《》",
    label_zh="书名号引文",
    colour="#d1c4e9",
    help="titles in 《》",
    label_columns=("title", "kind"),
    order=60,
    formatter="policytext.extract.formulas.finder:format_for_terminal",
)
def find_references(source: Source) -> pd.DataFrame:
    """Titles in 《》: ``doc_id, title, match, start, end, kind`` (span inside the brackets)."""
    rows: list[dict[str, Any]] = []
    for doc_id, text, _ in iter_source(source):
        for m in _REF_RE.finditer(text):
            s, e = m.span(1)
            title = m.group(1)
            ls = len(title) - len(title.lstrip())
            rs = len(title) - len(title.rstrip())
            s, e = s + ls, e - rs
            if e <= s:
                continue
            t = text[s:e]
            rows.append({"doc_id": doc_id, "title": t, "match": t, "start": s, "end": e, "kind": reference_kind(t)})
    return to_frame(rows, REFERENCE_COLUMNS)
