"""Meetings: Party congresses and plenums, NPC and CPPCC sessions (numbered, found here) and the meetings of
:mod:`.named_meetings` (work conferences, Politburo meetings and study sessions, central commissions, 两会,
local plenums, standing-committee meetings, local Party congresses).

Each row has ``body`` (``party_congress``, ``npc``, ``cppcc``, or the organ of a named meeting), ``congress``
(the 届 or the congress number), ``plenum`` (plenums), ``session`` (NPC/CPPCC sessions and other numbered
meetings), ``standing_committee`` (a session of the NPC or CPPCC standing committee), ``kind`` and ``level``,
with Chinese numerals converted. An elided list (十八届三中、四中全会; 党的十七大、十八大) gives one row per
meeting, each covering its own part of the text and sharing what was elided.

>>> df = find_meetings("党的十九届六中全会和十八届三中、四中全会，十四届全国人大一次会议")
>>> df[["match", "body", "congress", "plenum", "session"]].values.tolist()
[['党的十九届六中全会', 'party_congress', 19, 6, None], ['十八届三中', 'party_congress', 18, 3, None], \
['四中全会', 'party_congress', 18, 4, None], ['十四届全国人大一次会议', 'npc', 14, None, 1]]
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..._util.frames import object_columns, to_frame
from ...corpus.source import Source, iter_source
from ..registry import extractor
from .named_meetings import named_meetings
from .numerals import parse_number
from .windows import anchor_windows

__all__ = ["MEETING_COLUMNS", "find_meetings"]

MEETING_COLUMNS = (
    "doc_id",
    "match",
    "start",
    "end",
    "body",
    "congress",
    "plenum",
    "session",
    "standing_committee",
    "kind",
    "level",
)

_N = r"(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})"
_SEP = r"(?:、|和|及|与|以及|，)"
_NOT_NUM = r"(?<![一二三四五六七八九十百0-9第])"
_PARTY = r"(?P<pre>中国共产党|党的|中共)?"
_SC = r"(?P<sc>常委会|常务委员会)?"
_NPC_NAME = r"全国人(?:民代表)?大(?:会)?"

# (body, regex); named groups: c (congress), p / items (plenums), s / items (sessions), sc
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (b, re.compile(r))
    for b, r in (
        # 党的十九届六中全会; 十八届三中、四中全会
        ("plenum", _PARTY + _NOT_NUM + rf"第?(?P<c>{_N})届(?:中央)?(?:扩大的)?(?P<items>{_N}中(?:{_SEP}{_N}中)*)全会"),
        # 中国共产党第十九届中央委员会第六次全体会议
        ("plenum", _PARTY + _NOT_NUM + rf"第?(?P<c>{_N})届中央委员会第(?P<items>{_N})次全体会议"),
        # bare 三中全会 (its congress inherited from a list it continues, else unknown)
        ("plenum", rf"(?<![届中一二三四五六七八九十0-9])(?P<items>{_N}中)全会"),
        # 中国共产党第十九次全国代表大会
        ("congress", r"(?P<pre>中国共产党|党的|中共|党)" + rf"第(?P<c>{_N})次全国代表大会"),
        # 党的二十大, 十八大以来
        ("congress", _PARTY + _NOT_NUM + rf"(?P<c>{_N})大"),
        # 十四届全国人大一次会议; 第十四届全国人民代表大会第三次会议; 十三届全国人大常委会第十次会议
        ("npc", _NOT_NUM + rf"第?(?P<c>{_N})届{_NPC_NAME}{_SC}第?(?P<items>{_N}次(?:{_SEP}{_N}次)*)(?:全体)?会议"),
        # 第三届全国人民代表大会 (the congress as a meeting, no session named)
        ("npc", _NOT_NUM + rf"第(?P<c>{_N})届全国人民代表大会(?!常务委员会|常委会|代表|第)"),
        # 全国人大十四届三次会议
        ("npc", _NPC_NAME + _SC + rf"第?(?P<c>{_N})届(?:常委会|常务委员会)?第?(?P<items>{_N})次(?:全体)?会议"),
        # 五届人大一次会议
        ("npc", r"(?<![省市县区州乡镇])" + _NOT_NUM + rf"第?(?P<c>{_N})届人大{_SC}第?(?P<items>{_N})次(?:全体)?会议"),
        # 全国政协十四届二次会议; 全国政协第十四届第二次会议
        ("cppcc", r"全国政协" + _SC + rf"第?(?P<c>{_N})届(?P<sc2>常委会)?第?(?P<items>{_N})次(?:全体)?会议"),
        # 十四届全国政协二次会议
        ("cppcc", _NOT_NUM + rf"第?(?P<c>{_N})届全国政协{_SC}第?(?P<items>{_N}次(?:{_SEP}{_N}次)*)(?:全体)?会议"),
        # 中国人民政治协商会议第十四届全国委员会第二次会议
        (
            "cppcc",
            r"(?:中国人民政治协商会议|政协)"
            + rf"第(?P<c>{_N})届全国委员会(?P<sc>常务委员会)?第(?P<items>{_N})次(?:全体)?会议",
        ),
    )
)

# what may follow 十八大 when it names a congress (not 十二大类, 三大攻坚战)
_CONGRESS_TAIL = (
    "以来",
    "以后",
    "之后",
    "之前",
    "期间",
    "前",
    "后",
    "精神",
    "报告",
    "上",
    "和",
    "与",
    "及",
    "召开",
    "提出",
    "确定",
    "作出",
    "做出",
    "部署",
    "通过",
    "强调",
    "指出",
    "明确",
    "闭幕",
    "开幕",
    "胜利",
    "代表",
    "党章",
    "路线",
    "决议",
    "的",
    "是",
    "把",
    "将",
    "对",
    "以",
    "首次",
    "进一步",
    "要求",
    "描绘",
    "擘画",
    "所",
    "重申",
    "修改",
    "关于",
    "为",
    "至",
    "到",
    "制定",
    "根据",
    "也",
    "又",
    "都",
    "同",
    "选举",
    "产生",
    "宣告",
    "号召",
    "向",
    "在",
    "就",
    "再",
    "还",
    "已",
    "决定",
    "阐明",
    "概括",
    "作了",
    "发出",
    "全会",
    "文件",
    "主题",
)
_SEP_RE = re.compile(_SEP)
_ITEM_RE = re.compile(_N)


def _congress_ok(text: str, m: re.Match[str], c: int) -> bool:
    if not 1 <= c <= 25:
        return False
    if not m.group("pre") and m.start() > 0 and text[m.start() - 1] in "联团会协盟":
        return False  # 全国学联二十七大, 团十八大: another organization's congress
    end = m.end()
    if m.group("pre"):  # 党的/中共 + N大 names a congress whatever follows (中共五大会址), unless a set noun does
        return not text.startswith(("战略", "任务", "工程", "行动", "攻坚", "产业", "板块", "举措"), end)
    nxt = text[end : end + 1]
    tail_ok = nxt == "" or not ("\u3400" <= nxt <= "\u9fff") or text.startswith(_CONGRESS_TAIL, end)
    if not tail_ok:
        return False
    # without 党的/中共: 十大, 八大 and 三大 are usually "ten/eight/three major …"
    return c >= 11 or text.startswith(
        ("以来", "以后", "之后", "路线", "精神", "报告", "决议", "党章", "召开", "通过"), end
    )


def _whole_match_row(m: re.Match[str], kind: str, congress: int | None, *, standing_committee: bool) -> dict[str, Any]:
    """The row of a congress or a session named as a whole (no plenum, no session number)."""
    return {
        "match": m.group(),
        "start": m.start(),
        "end": m.end(),
        "body": kind,
        "congress": congress,
        "plenum": None,
        "session": None,
        "standing_committee": standing_committee,
    }


def _rows_for(text: str, body: str, m: re.Match[str]) -> list[dict[str, Any]]:
    gd = m.groupdict()
    congress = parse_number(gd["c"]) if gd.get("c") else None
    sc = bool(gd.get("sc") or gd.get("sc2"))
    kind = {"plenum": "party_congress", "congress": "party_congress"}.get(body, body)
    if body == "congress":
        if congress is None or not _congress_ok(text, m, congress):
            return []
        return [_whole_match_row(m, kind, congress, standing_committee=False)]
    if gd.get("items") is None:
        if congress is None or not 1 <= congress <= 40:
            return []
        return [_whole_match_row(m, kind, congress, standing_committee=sc)]
    items_start = m.start("items")
    items = [
        (im.start() + items_start, im.end() + items_start, parse_number(im.group()))
        for im in _ITEM_RE.finditer(m.group("items"))
    ]
    if any(v is None or v == 0 for _, _, v in items):
        return []
    if congress is not None and not 1 <= congress <= 40:
        return []
    rows = []
    for k, (s, e, v) in enumerate(items):
        start = m.start() if k == 0 else s
        end = m.end() if k == len(items) - 1 else e + (1 if text[e : e + 1] in "中次" else 0)
        rows.append(
            dict(
                match=text[start:end],
                start=start,
                end=end,
                body=kind,
                congress=congress,
                plenum=v if body == "plenum" else None,
                session=v if body in ("npc", "cppcc") else None,
                standing_committee=sc if body in ("npc", "cppcc") else False,
            )
        )
    return rows


# every meeting mention holds a numeral followed by 届, 大, 中 or 次全国; the full patterns
# (which start with optional prefixes that the regex engine cannot skip quickly) run only
# in windows around these anchors
_ANCHOR = re.compile(rf"{_N}(?:届|大|中|次全国)")
_BEFORE, _AFTER = 16, 48


def _windows(text: str) -> list[tuple[int, int]]:
    return anchor_windows(text, _ANCHOR, before=_BEFORE, after=_AFTER)


def _kind(r: dict[str, Any]) -> str:
    """The ``kind`` of a congress, plenum or NPC/CPPCC row."""
    if r["body"] == "party_congress":
        return "congress" if r["plenum"] is None else "plenum"
    if r["standing_committee"]:
        return f"{r['body']}_standing_committee_session"
    return f"{r['body']}_session" if r["session"] is not None else r["body"]


def _meetings_in(text: str) -> list[dict[str, Any]]:
    cands: list[dict[str, Any]] = []
    for lo, hi in _windows(text):
        for body, rx in _PATTERNS:
            for m in rx.finditer(text, lo, hi):
                cands.extend(_rows_for(text, body, m))
    for r in cands:
        r["kind"] = _kind(r)
        r["level"] = "central"
    cands += named_meetings(text)
    # longest first; a shorter candidate inside a longer one is dropped
    kept: list[dict[str, Any]] = []
    for r in sorted(cands, key=lambda r: (-(r["end"] - r["start"]), r["start"])):
        if any(r["start"] < k["end"] and k["start"] < r["end"] for k in kept):
            continue
        kept.append(r)
    kept.sort(key=lambda r: r["start"])
    # a bare plenum that continues a list (十八届三中全会、四中全会) shares its congress
    for prev, cur in zip(kept, kept[1:]):
        if (
            cur["body"] == prev["body"] == "party_congress"
            and cur["plenum"] is not None
            and cur["congress"] is None
            and prev["congress"] is not None
            and _SEP_RE.fullmatch(text[prev["end"] : cur["start"]] or "、")
        ):
            cur["congress"] = prev["congress"]
    return kept


@extractor(
    name="meetings",
    kind="meeting",
    label="meeting",
    label_zh="会议",
    colour="#b2dfdb",
    help="meetings such as 党的十九届六中全会",
    label_columns=("body",),
    in_report=True,
    order=40,
    formatter="policytext.extract.formulas.finder:format_for_terminal",
)
def find_meetings(source: Source) -> pd.DataFrame:
    """Meetings in *source*, one row per meeting mention.

    Returns ``doc_id, match, start, end, body, congress, plenum, session, standing_committee, kind, level``:
    ``kind`` is ``congress``, ``plenum``, ``npc_session``, ``cppcc_session`` (``npc``/``cppcc`` for a 届 named
    as a whole, ``…_standing_committee_session``), or one of the kinds of
    :mod:`~policytext.extract.formulas.named_meetings` (work conferences, Politburo meetings and study
    sessions, commission meetings, 两会, local plenums, standing-committee meetings, local Party congresses);
    ``level`` is ``central``, ``provincial``, ``municipal``, ``county`` or ``local``. ``congress`` is the 届
    (or a Party congress's number), ``plenum`` the 次 of a 全会, ``session`` the 次 of any other numbered
    meeting (第X次集体学习, 第X次会议).
    """
    rows: list[dict[str, Any]] = []
    for doc_id, text, _ in iter_source(source):
        for r in _meetings_in(text):
            rows.append({"doc_id": doc_id, **r})
    return object_columns(to_frame(rows, MEETING_COLUMNS), ints=("congress", "plenum", "session"))
