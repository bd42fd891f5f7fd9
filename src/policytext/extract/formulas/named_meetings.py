"""Meetings beyond congresses, plenums and NPC/CPPCC sessions: work conferences, Politburo meetings and study
sessions, central commissions, 两会, local plenums, standing-committee meetings and local Party congresses.

Each row has the columns of :data:`~.meetings.MEETING_COLUMNS`: ``kind`` names the meeting type, ``level``
who holds it (``central``, ``provincial``, ``municipal``, ``county``, ``local``), ``congress`` the 届, ``plenum``
the 次 of a plenary session (全会), ``session`` the 次 of any other numbered meeting (第X次集体学习,
第X次会议), ``body`` the organ (``politburo``, ``central_commission``, ``central`` for 中央 and ``national`` for
全国 work conferences, ``party_committee`` for local plenums and standing committees, ``local_party_congress``
for local Party congresses, ``npc_cppcc``, ``local`` when only 全省/全市 names the holder). ``party_congress``,
the body of the national congresses and Central Committee plenums, is never given to a local meeting.

========================================  ===================================  =====================
form                                      kind                                 numbering
========================================  ===================================  =====================
中央经济工作会议, 省委经济工作会议          ``economic_work_conference``
中央农村工作会议                           ``rural_work_conference``
全国组织工作会议                           ``organization_work_conference``
全国金融工作会议, 全省…工作会议/推进大会    ``work_conference``
中央政治局会议                             ``politburo_meeting``
中央政治局常委会会议                       ``politburo_standing_committee_meeting``
(十八届)中央政治局第X次集体学习            ``politburo_study_session``            congress, session
中央全面深化改革委员会第X次会议            ``commission_meeting``                 congress, session
全国两会, “两会”                           ``two_sessions``
省委十二届八次全会, 二十届历次全会          ``plenum``                             congress, plenum
县委常委会会议, 省委常委会第X次会议         ``standing_committee_meeting``         session
省第十二次党代会, 县党代会                  ``party_congress``                     congress
========================================  ===================================  =====================

>>> [(r["match"], r["kind"], r["level"], r["congress"], r["session"]) for r in named_meetings(
...     "落实中央经济工作会议精神和省委十二届八次全会部署，十八届中央政治局第二十八次集体学习")]
[('中央经济工作会议', 'economic_work_conference', 'central', None, None), \
('省委十二届八次全会', 'plenum', 'provincial', 12, None), \
('十八届中央政治局第二十八次集体学习', 'politburo_study_session', 'central', 18, 28)]
"""

from __future__ import annotations

import re
from typing import Any

from .numerals import parse_number
from .windows import anchor_windows

__all__ = ["named_meetings"]

_N = r"(?:[一二三四五六七八九十]{1,3}|[0-9]{1,3})"
_HAN = "\u4e00-\u9fff"
_LOCAL = r"(?:省委|市委|县委|区委|州委|盟委|旗委|自治区党委|自治州党委|镇党委|乡党委|街道党工委)"
_WHOLE = r"(?:全省|全市|全县|全区|全州|全盟|全旗)"
# the middle of a conference name: no verbs of holding, no function words, no clause break
_MID = f"(?:(?!召开|举行|举办|参加|出席|全会|的|和|在|了|各|暨|届|次)[{_HAN}])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(r))
    for k, r in (
        # 十八届中央政治局第二十八次集体学习; 中央政治局第X次集体学习; 省委理论学习中心组第X次集体学习 is not central
        (
            "politburo_study_session",
            rf"(?:(?:第)?(?P<c>{_N})届)?(?:中共)?中央政治局(?:第(?P<s>{_N})次)?集体学习",
        ),
        ("politburo_standing_committee_meeting", r"(?:中共)?中央政治局(?:常委会|常务委员会)会议"),
        ("politburo_meeting", r"(?:中共)?中央政治局(?:第(?P<s>" + _N + r")次)?会议"),
        # 二十届中央全面深化改革委员会第三次会议; 中央全面深化改革领导小组第X次会议; 中央财经委员会第X次会议
        (
            "commission_meeting",
            rf"(?:(?:第)?(?P<c>{_N})届)?中央(?P<body>[{_HAN}]{{2,10}}?(?:委员会|领导小组))第(?P<s>{_N})次(?:全体)?会议",
        ),
        # central work conferences: 中央经济工作会议, 全国组织工作会议, 第十次全国对口支援新疆工作会议
        (
            "central_work",
            rf"(?:第(?P<s>{_N})次)?(?P<pre>中央|全国)(?P<topic>{_MID}{{0,10}}?)工作会议",
        ),
        # provincial and local work conferences: 省委经济工作会议, 全省深度贫困地区脱贫攻坚工作推进大会
        (
            "local_work",
            rf"(?P<pre>{_LOCAL}|{_WHOLE})(?P<topic>{_MID}{{0,14}}?)(?:工作推进大会|工作推进会|工作会议|推进大会)",
        ),
        # 全国两会, 全国“两会”, 省“两会”
        ("two_sessions", r"(?P<pre>全国|省|市|地方)?(?P<q>[“‘])?两会(?(q)[”’])"),
        # local plenums: 省委十二届八次全会, 市委第十三届委员会第五次全体会议; 二十届历次全会
        (
            "plenum",
            rf"(?P<pre>{_LOCAL})?(?<![一二三四五六七八九十0-9])第?(?P<c>{_N})届(?:委员会)?"
            rf"(?P<p>第?(?:{_N}|历)次(?:、第?{_N}次)*)(?:全会|全体会议|全体（扩大）会议|全体\(扩大\)会议)",
        ),
        # 县委常委会会议, 省委常委会第X次会议, 市委常委（扩大）会议
        (
            "standing_committee_meeting",
            rf"(?P<pre>{_LOCAL})常委(?:会|（扩大）|\(扩大\)|扩大)?(?:第(?P<s>{_N})次)?会议",
        ),
        # 省第十二次党代会, 市第八次党代会, 县党代会, 党代会
        ("party_congress", rf"(?P<pre>省|市|县|区|州|镇|乡)?(?:第(?P<c>{_N})次)?党代会"),
    )
)

_LEVEL_CHARS = (
    ("全区", "local"),
    ("自治区", "provincial"),
    ("省", "provincial"),
    ("州", "municipal"),
    ("市", "municipal"),
    ("盟", "municipal"),
    ("县", "county"),
    ("区", "county"),
    ("旗", "county"),
    ("镇", "local"),
    ("乡", "local"),
    ("街道", "local"),
)


def _level(prefix: str | None) -> str:
    if not prefix:
        return "local"
    if prefix.startswith(("中央", "全国", "中共")):
        return "central"
    for ch, lev in _LEVEL_CHARS:
        if ch in prefix:
            return lev
    return "local"


def _num(s: str | None) -> int | None:
    return parse_number(s) if s else None


def _row(m: re.Match[str], kind: str, body: str, level: str, **nums: int | None) -> dict[str, Any]:
    return {
        "match": m.group(),
        "start": m.start(),
        "end": m.end(),
        "body": body,
        "congress": nums.get("congress"),
        "plenum": nums.get("plenum"),
        "session": nums.get("session"),
        "standing_committee": False,
        "kind": kind,
        "level": level,
    }


def _topic_kind(topic: str) -> str:
    if topic == "经济":
        return "economic_work_conference"
    if topic == "农村":
        return "rural_work_conference"
    if topic == "组织":
        return "organization_work_conference"
    return "work_conference"


def _rows_for(kind: str, m: re.Match[str]) -> list[dict[str, Any]]:
    gd = m.groupdict()
    if kind == "politburo_study_session":
        return [_row(m, kind, "politburo", "central", congress=_num(gd["c"]), session=_num(gd["s"]))]
    if kind in ("politburo_meeting", "politburo_standing_committee_meeting"):
        return [_row(m, kind, "politburo", "central", session=_num(gd.get("s")))]
    if kind == "commission_meeting" and gd["body"] == "纪律检查委员会":  # 中央纪委第X次全体会议
        return [_row(m, "plenum", "ccdi", "central", congress=_num(gd["c"]), plenum=_num(gd["s"]))]
    if kind == "commission_meeting":
        return [_row(m, kind, "central_commission", "central", congress=_num(gd["c"]), session=_num(gd["s"]))]
    if kind == "central_work":
        topic = gd["topic"]
        if gd["pre"] == "全国" and topic.startswith(("人民", "人大", "政协", "代表")):
            return []
        body = "central" if gd["pre"] == "中央" else "national"
        return [_row(m, _topic_kind(topic), body, "central", session=_num(gd["s"]))]
    if kind == "local_work":
        pre = gd["pre"]
        body = "party_committee" if pre.endswith(("委", "党工委")) else "local"
        return [_row(m, _topic_kind(gd["topic"]), body, _level(pre))]
    if kind == "two_sessions":
        pre = gd["pre"]
        level = "central" if pre in (None, "全国") else _level(pre)
        if pre is None and not gd["q"]:
            return []  # bare 两会 without quotes: too often part of a word (村两会)
        row = _row(m, kind, "npc_cppcc", level)
        if gd["q"]:  # quotation marks are never part of a span: 全国“两会” is the 两会 inside them
            i = m.start("q") + 1
            row.update(match="两会", start=i, end=i + 2)
        return [row]
    if kind == "plenum":
        return _plenum_rows(m)
    if kind == "standing_committee_meeting":
        pre = gd["pre"]
        return [_row(m, kind, "party_committee", _level(pre), session=_num(gd["s"]))]
    if kind == "party_congress":
        pre = gd["pre"]
        return [_row(m, kind, "local_party_congress", _level(pre), congress=_num(gd["c"]))]
    return []


_ITEM = re.compile(f"{_N}|历")


def _plenum_rows(m: re.Match[str]) -> list[dict[str, Any]]:
    """One row per plenum of 省委十二届八次全会 or of an elided list (省委十二届十次、十一次全会); 历次 = all."""
    gd = m.groupdict()
    c, pre = _num(gd["c"]), gd["pre"]
    items = list(_ITEM.finditer(m.group("p")))
    if c is None or not 1 <= c <= 40 or not items:
        return []
    if pre is None and items[0].group() != "历":
        return []  # 十二届八次全会 without 省委/市委: national plenums are named with 中 (六中全会)
    level = _level(pre) if pre else "central"
    base = m.start("p")
    rows = []
    for k, im in enumerate(items):
        p = None if im.group() == "历" else _num(im.group())
        if im.group() != "历" and not p:
            return []
        start = m.start() if k == 0 else base + im.start()
        end = m.end() if k == len(items) - 1 else base + im.end() + 1  # through its 次
        # the national body of the contract (party_congress) only for the Central Committee's plenums; a local
        # plenum is its party committee's (省委十二届八次全会 is not the 12th Central Committee's 8th plenum)
        body = "party_congress" if level == "central" else "party_committee"
        row = _row(m, "plenum", body, level, congress=c, plenum=p)
        row.update(match=m.string[start:end], start=start, end=end)
        rows.append(row)
    return rows


# every form ends in one of these; the patterns run only in windows that end just after one (a name is at
# most about 36 characters before its anchor)
_ANCHOR = re.compile("会议|全会|集体学习|两会|党代会|推进大会|推进会")
_BEFORE, _AFTER = 40, 3


def _windows(text: str) -> list[tuple[int, int]]:
    return anchor_windows(text, _ANCHOR, before=_BEFORE, after=_AFTER)


def named_meetings(text: str) -> list[dict[str, Any]]:
    """Rows (overlapping ones included; :func:`~.meetings.find_meetings` keeps the longest) of the meetings
    in the table above, sorted by start."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    for lo, hi in _windows(text):
        for kind, rx in _PATTERNS:
            for m in rx.finditer(text, lo, hi):
                key = (kind, m.start(), m.end())
                if key not in seen:
                    seen.add(key)
                    rows.extend(_rows_for(kind, m))
    return sorted(rows, key=lambda r: (r["start"], -r["end"]))
