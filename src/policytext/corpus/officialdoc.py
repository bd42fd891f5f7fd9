"""The structure of an official document (公文格式, GB/T 9704): 发文字号, 主送机关, 成文日期, signature,
抄送, 附件, and the hierarchy of its headings (一、 （一） 1. （1）, 第一章 第一节 第一条).

>>> text = "国办发〔2023〕12号\\n各省、自治区、直辖市人民政府：\\n一、总体要求\\n坚持稳中求进。"
>>> f = official_fields(text + "\\n国务院办公厅\\n2023年2月13日")
>>> f["doc_number"], f["recipients"], f["issuer"], f["written_date"].isoformat()
('国办发〔2023〕12号', '各省、自治区、直辖市人民政府', '国务院办公厅', '2023-02-13')
>>> frame = sections("一、总体要求\\n坚持稳中求进。\\n（一）指导思想\\n以人民为中心。")
>>> frame[["level", "number", "heading", "parent"]]
   level number heading  parent
0      1      一    总体要求    <NA>
1      2    （一）    指导思想       0
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pandas as pd

__all__ = [
    "CN_ORDINAL",
    "SECTION_COLUMNS",
    "adoption_note_cut",
    "bulletin_byline_cut",
    "byline_issuer",
    "chinese_date",
    "colophon_cut",
    "is_attachment_label",
    "is_date_line",
    "leading_apparatus",
    "next_document_cut",
    "official_fields",
    "official_title",
    "sections",
    "signer_cut",
]

SECTION_COLUMNS = ["level", "number", "heading", "start", "end", "parent"]

CN_ORDINAL = (
    r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?"
    r"|[一二三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]十[一二三四五六七八九]?)?"
    r"|[一二三四五六七八九])"
)
"""A Chinese ordinal as headings number them (一 … 九, 十, 十一, 二十三, 一百零五), so that 三七、 (文山三七,
a wrapped line) is not taken for the heading 三、."""


_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DATE_RE = re.compile(
    r"(?P<y>[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
_AR_DATE_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def _cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十三 → 13, 二十三 → 23, 三十一 → 31."""
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[s]


def chinese_date(value: str) -> _dt.date | None:
    """The first date written 2023年2月13日 or 二〇二三年二月十三日 in *value*.

    >>> chinese_date("二〇二三年二月十三日")
    datetime.date(2023, 2, 13)
    """
    m = _AR_DATE_RE.search(value)
    cm = _CN_DATE_RE.search(value)
    try:
        if m and (not cm or m.start() <= cm.start()):
            return _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if cm:
            year = int("".join(str(_CN_DIGITS[c]) for c in cm["y"]))
            return _dt.date(year, _cn_number(cm["m"]), _cn_number(cm["d"]))
    except (ValueError, KeyError):
        return None
    return None


_OPEN = "〔[［(（"
_CLOSE = "〕]］)）"
_DOC_NUMBER_RE = re.compile(
    rf"(?P<org>[\u4e00-\u9fff]{{1,14}})\s*[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{re.escape(_CLOSE)}]"
    r"\s*(?P<n>\d{1,5})\s*号"
    r"|(?P<ling>[\u4e00-\u9fff]{1,10}令)\s*第\s*(?P<ln>\d{1,5})\s*号"
)
_DATE_ONLY_RE = re.compile(
    r"^[（(]?\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇○零Ｏ一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)\s*[）)]?$"
)
_ORG_END_RE = re.compile(
    r"(?:部|委|局|厅|办|院|会|组|署|行|处|室|所|社|司|中心|办公室|办公厅|委员会|政府|党委|党组|总局|公司|军委|领导小组)$"
)
_TERMINAL = "。！？；;!?"
# the 发文机关标志 at the head of a document: 某某局文件, 中共某某委员会文件
_MASTHEAD_RE = re.compile(r"^([\u4e00-\u9fff（）()、]{2,40}?)文件$")
# the 份号, secrecy and urgency marks above a 版头 (特急, 机密★1年): never part of the 发文机关标志
_URGENCY_RE = re.compile(r"^(?:\d+|特急|加急|平急|特提|急件|(?:绝密|机密|秘密)\S{0,8})$")
# a line that may be a date alone (a quick first look for :data:`_DATE_ONLY_RE` over a whole text)
_ANY_DATE_LINE_RE = re.compile(
    r"^[ \t\u3000\xa0（(]*(?:(?:19|20)\d{2}|[〇○零Ｏ一二三四五六七八九]{4})\s*年[^\n]{1,12}日"
    r"\s*[）)]?[ \t\u3000\xa0]*$",
    re.M,
)
_SEAL_RE = re.compile(r"^[（(]\s*(.+?)\s*代章\s*[）)]$")
_HEADING_START = re.compile(
    rf"^(?:{CN_ORDINAL}、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[章节条])"
)


def _norm_doc_number(m: re.Match[str]) -> str:
    if m["ling"]:
        return f"{m['ling']}第{m['ln']}号"
    return f"{m['org']}〔{m['year']}〕{m['n']}号"


_SPACES = " \t\u3000\u00a0"
_CC_OR_ATTACHMENT_RE = re.compile(r"^[ \t\u3000\u00a0]*(?:抄\s*送|附\s*件)\s*[:：]", re.M)


def _nonempty(lines: list[str], order: range, n: int = 12) -> list[tuple[int, str]]:
    """The first *n* non-empty lines (stripped) in *order*, with their indices."""
    out: list[tuple[int, str]] = []
    for i in order:
        ln = lines[i].strip(_SPACES)
        if ln:
            out.append((i, ln))
            if len(out) == n:
                break
    return out


def is_date_line(line: str) -> bool:
    """Whether *line* is a date alone, as a 成文日期 prints it (2023年2月13日, 二〇二三年二月十三日, in brackets too).

    >>> is_date_line("二〇二三年二月十三日"), is_date_line("2023年2月13日印发")
    (True, False)
    """
    return bool(_DATE_ONLY_RE.match(line.strip()))


def official_fields(text: str) -> dict[str, Any]:
    """What the official-document format says about *text*: ``doc_number`` (发文字号, the brackets
    normalized to 〔〕), ``recipients`` (主送机关), ``issuer`` (the signature above the date),
    ``written_date`` (成文日期, the date line at the end), ``cc`` (抄送, a list) and ``attachments``
    (附件, a list of names). Keys that are not found are absent."""
    found: dict[str, Any] = {}
    raw_lines = text.split("\n")
    head = _nonempty(raw_lines, range(len(raw_lines)))
    tail = _nonempty(raw_lines, range(len(raw_lines) - 1, -1, -1))[::-1]
    # 发文字号: a line of its own near the top (a 签发人 may share it)
    for _, ln in head:
        if len(ln) > 2 and ln[0] in "（(" and ln[-1] in "）)":
            ln = ln[1:-1].strip(_SPACES)  # a web page prints it under the title in brackets: （教师函〔2021〕13号）
        m = _DOC_NUMBER_RE.match(ln)
        if m and len(ln) - m.end() <= 12 and not any(c in ln[m.end() :] for c in _TERMINAL + "，,"):
            found["doc_number"] = _norm_doc_number(m)
            break
    # 主送机关: a short line ending in ： before the first sentence of the body
    for _, ln in head:
        if ln.endswith(("：", ":")):
            name = ln[:-1].strip()
            if (
                2 <= len(name) <= 150
                and not any(c in name for c in _TERMINAL + "：:")
                and not _HEADING_START.match(name)
                and not name.startswith(("附件", "抄送", "主题词", "关键词", "来源", "发布", "各位", "同志们"))
                and (
                    _ORG_END_RE.search(name)
                    or "、" in name
                    or "，" in name
                    or name.startswith("各")
                    or name.endswith(("各单位", "各部门"))  # 全院各单位：
                )
            ):
                found["recipients"] = name
                break
        elif any(c in ln for c in "。；"):
            break
    # 成文日期 and the signature above it: the last date line near the end, else (the 附件 that follow it, a plan
    # in full, push it up) the first signed date line with an attachment's label or title right under it
    dated = _signed_date(tail, False)
    if dated is None and _ANY_DATE_LINE_RE.search(text):  # (most texts have no date line at all: one search)
        dated = _signed_date_above_attachment(raw_lines)
    if dated is not None:
        found["written_date"], signers = dated
        if signers:
            found["issuer"] = "、".join(signers)
    # the 发文机关标志 of the 版头 (绍兴市教育局文件, also set over two lines: 河南大学 / 软件学院文件): the issuer of a
    # document printed without its 署名, and the full name of one signed with the end of it (软件学院)
    marks = [m for m in (re.sub(r"[\s\u3000]+", "", ln) for _, ln in head[:5]) if not _URGENCY_RE.match(m)]
    # (a pair only where its first line is a name's beginning of two characters or more, not a lone 次 or 份号)
    pairs = ("".join(marks[k : k + 2]) if len(marks[k]) >= 2 else "" for k in range(len(marks)))
    for mark in (m for pair in zip(marks, pairs) for m in pair):
        found_mark = _MASTHEAD_RE.match(mark)
        if found_mark and _ORG_END_RE.search(found_mark.group(1)):
            name = found_mark.group(1)
            signed = found.get("issuer")
            if signed is None or (name != signed and name.endswith(signed)):
                found["issuer"] = name
            break
    if "written_date" not in found and not any(_DATE_ONLY_RE.match(ln) for _, ln in tail):
        # (no date line at the end, where a signed 简报 prints its own: 某某局办公室 / 2025年4月16日 / 分送：…)
        # a 纪要's head: its issue (第5期) over the body that issues it and the date, on one line
        # (某某县人民政府办公室　2025年4月15日); a 纪要 is signed nowhere else
        compact = [re.sub(r"[\s\u3000]+", "", ln) for _, ln in head[:6]]
        for k in range(1, len(compact)):
            head_line = _ISSUER_DATED_RE.match(compact[k])
            # (a 纪要 only: a 简报 is often signed and dated at its end as well)
            minutes = any(c.endswith("纪要") for c in compact[:k])
            if head_line and minutes and (_ISSUE_RE.match(compact[k - 1]) or compact[k - 1].endswith("纪要")):
                day = chinese_date(compact[k])
                at = _AR_DATE_RE.search(compact[k])
                name = compact[k][: at.start()] if at else ""
                if day is not None and _ORG_END_RE.search(name):
                    found["written_date"] = day
                    found.setdefault("issuer", name)
                break
    # 抄送 and 附件: only the lines that start with them are looked at
    for m in _CC_OR_ATTACHMENT_RE.finditer(text):
        idx = text.count("\n", 0, m.start())
        after = (ln for ln in (x.strip(_SPACES) for x in raw_lines[idx + 1 :]) if ln)
        ln = raw_lines[idx].strip(_SPACES)
        cc = re.match(r"^抄\s*送\s*[:：]\s*(.+)$", ln)
        if cc and "cc" not in found:
            names = cc.group(1)
            for nxt in after:  # a list that wraps onto more lines
                if len(nxt) > 60 or "印发" in nxt or _DATE_ONLY_RE.match(nxt) or _HEADING_START.match(nxt):
                    break
                names += "，" + nxt
            found["cc"] = _name_list(names)
        att = re.match(r"^附\s*件\s*[:：]\s*(.*)$", ln)
        if att and "attachments" not in found:
            items = []
            first = att.group(1).strip()
            if first:
                items.append(first)
            for nxt in after:
                if re.match(r"^\d{1,2}\s*[.．、]", nxt) and len(nxt) <= 80 and not nxt.endswith("。"):
                    items.append(nxt)
                else:
                    break
            items = [re.sub(r"^\d{1,2}\s*[.．、]\s*", "", x).strip() for x in items]
            if items and all(len(x) <= 80 and not x.endswith("。") for x in items):
                found["attachments"] = [x for x in items if x]
    return found


def _signed_date_above_attachment(raw_lines: list[str]) -> tuple[_dt.date, list[str]] | None:
    """The first date line under a signature that has an attachment's label (附件, 附件1), a title ending in a genre
    word (某某方案, 某某指南) or no prose (a table's rows, a list) right under it, past a bracketed note
    (（此件公开发布）, （联系人：…）), or an 附件说明 (附件：…) just above the signature: the 成文日期 of a notice
    followed by what it issues. A dated letter quoted in the middle of a text, with prose under it, is not one."""
    filled = _nonempty(raw_lines, range(len(raw_lines)), n=len(raw_lines))
    for k in range(1, len(filled) - 1):
        if not _DATE_ONLY_RE.match(filled[k][1]):
            continue
        day, signers = chinese_date(filled[k][1]), _signers_above(filled, k)
        if day is None or not signers:
            continue
        j = k + 1
        while j < len(filled) and (_BRACKETED_NOTE_RE.match(filled[j][1]) or _PAGE_MARK_RE.match(filled[j][1])):
            j += 1
        if j >= len(filled):
            break
        after = filled[j][1]
        attachment = is_attachment_label(after) or re.match(r"^附\s*件\s*\d{0,2}\s*[:：]?", after)
        # a title on up to four lines (某某市人民政府办公室 / 关于印发……的通知)
        heads = ["".join(x for _, x in filled[j : j + n]) for n in (1, 2, 3, 4)]
        titled = any(
            len(h) <= 80
            and not any(c in h for c in _TERMINAL)
            and (_GENRE_END_RE.search(h) or _ISSUED_END_RE.search(h))
            for h in heads
        )
        above = k - 1 - len(signers)  # the line above the signature
        listed = any(re.match(r"^附\s*件\s*\d{0,2}\s*[:：]", filled[a][1]) for a in range(max(0, above - 9), above + 1))
        # or no prose under it: a table's rows or a list (a 公示's names after its signature), not a letter's text
        prose = any(any(c in x for c in "。！？") or len(x) > 80 for _, x in filled[j : j + 3])
        if attachment or titled or listed or not prose:
            return day, signers
    return None


# what else ends the title of a text a notice issues (某某平台接入管理规范（试行）, 某某工作守则): not a title's end
# elsewhere, where a subheading ending so (报考须知) would be taken for the title
_ISSUED_END_RE = re.compile(r"(?:规范|准则|守则|章程|导则|须知|表)(?:[（(][^（）()]{1,12}[）)])?$")
# a bracketed note under a 成文日期: （此件公开发布）, （联系人：周某某，联系电话：…）; a page number left in a
# text (— 2 —)
_BRACKETED_NOTE_RE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")
_PAGE_MARK_RE = re.compile(r"^[—\-－–]\s*\d{1,4}\s*[—\-－–]$")


def _signed_date(lines: list[tuple[int, str]], signed_only: bool) -> tuple[_dt.date, list[str]] | None:
    """The last date line of *lines* (``(index, line)`` pairs) and the signers above it (up to four names of bodies);
    with *signed_only*, the last date line that has a signer above it. None when there is none."""
    for k in range(len(lines) - 1, -1, -1):
        _, ln = lines[k]
        if not _DATE_ONLY_RE.match(ln):
            continue
        d = chinese_date(ln)
        if d is None:
            continue
        signers = _signers_above(lines, k)
        if signers or not signed_only:
            return d, signers
    return None


def _signers_above(lines: list[tuple[int, str]], k: int) -> list[str]:
    """The names of bodies (up to four) on the lines right above line *k* of *lines*: a signature."""
    signers: list[str] = []
    j = k - 1
    while j >= 0 and len(signers) < 4:
        sig = lines[j][1]
        seal = _SEAL_RE.match(sig)  # （国家粮食局办公室代章）: signed with another office's seal
        if seal:
            sig = seal.group(1)
        name = re.sub(r"[\s\u3000]+", "", sig)
        if len(sig) > 40 or any(c in sig for c in _TERMINAL + "，,：:") or not _ORG_END_RE.search(name):
            break
        signers.insert(0, name)
        j -= 1
    return signers


_GENRE_END_RE = re.compile(
    r"(?:通知|意见|办法|决定|规定|方案|大纲|报告|请示|批复|复函|函|条例|细则|规则|规划|纲要|公报|公告|通告|通报|决议|指南|要点|计划|"
    r"说明|纪要|制度|标准|目录|清单|指引|措施|议案|命令|令|名单|名录|一览表|职位表|汇总表|讲话|致辞|发言|贺信|总结)"
    r"(?:[（(][^（）()]{1,12}[）)])?$"
)


def ends_as_a_document_title(text: str) -> bool:
    """Whether *text* ends as an official document's title does, with its genre (通知, 意见, 办法, 条例 …).

    >>> ends_as_a_document_title("某某县人民政府关于加强安全生产工作的意见"), ends_as_a_document_title("会议室")
    (True, False)
    """
    return bool(_GENRE_END_RE.search(text.strip()))


_TOC_RE = re.compile(r"^目\s*录$")  # a table of contents' label, not a title ending in 目录
# a line of a reprint's masthead (云南日报/ 2001年/ 第A01版/, 分类号:BH66), not of a title
_NOT_TITLE_RE = re.compile(r"[/:|\t]|[A-Za-z]{2}")
_LABEL_RE = re.compile(r"^(?:附件|大纲|附表|附)\s*\d{0,3}$")
# a title's bracketed years or status under it: （2025—2027年）, （试行）, （征求意见稿）
_TITLE_BRACKET_RE = re.compile(
    r"^[（(](?:(?:19|20)\d{2}\s*[—\-–－~～至到]+\s*(?:19|20)?\d{2,4}\s*年?|试行|暂行|修订|征求意见稿|送审稿)[）)]$"
)


def is_attachment_label(line: str) -> bool:
    """Whether *line* is a bundle's label over a document (附件1, 附件2：, 附表, 大纲4), not part of it.

    >>> is_attachment_label("附件1："), is_attachment_label("附件：工作方案")
    (True, False)
    """
    return bool(_LABEL_RE.match(line.strip().rstrip("：:")))


def official_title(text: str) -> str | None:
    """The title of an official document from its layout (GB/T 9704: 版头, 发文字号, then the title,
    then the 主送机关): the short lines between the 发文字号 and the addressee line, or else the short lines
    at the top that end in a genre word (通知, 意见, 办法, 大纲 …), joined. None when neither is there.

    >>> page = "某省政府文件\\n某政发〔2023〕5号\\n某某省人民政府关于做好\\n某项工作的通知\\n各市人民政府：\\n正文。"
    >>> official_title(page)
    '某某省人民政府关于做好某项工作的通知'
    >>> official_title("持续优化营商环境　全力推动高质量发展\\n——在全市优化营商环境工作会议上的讲话\\n同志们：")
    '持续优化营商环境\\u3000全力推动高质量发展'
    """
    raw_lines = text.split("\n")
    head = _nonempty(raw_lines, range(len(raw_lines)))
    number_at = next((k for k, (_, ln) in enumerate(head) if _DOC_NUMBER_RE.match(ln)), None)
    stop = next(
        (
            k
            for k, (_, ln) in enumerate(head)
            if (ln.endswith(("：", ":")) and not _LABEL_RE.match(ln.rstrip("：:")))
            or any(c in ln for c in _TERMINAL)
            or _HEADING_START.match(ln)
        ),
        len(head),
    )
    if number_at is not None and number_at < stop:
        block = [ln for _, ln in head[number_at + 1 : stop]]
        if 1 <= len(block) <= 4 and all(len(ln) <= 40 for ln in block):
            return "".join(block)
    # no 发文字号: the run of short lines above the text that ends in a genre word
    lines = [ln for _, ln in head[:stop]]
    for end in range(len(lines), 0, -1):
        if _GENRE_END_RE.search(lines[end - 1]) and not _TOC_RE.match(lines[end - 1]):
            if end >= 2 and lines[end - 1].lstrip().startswith(("——", "—")) and not lines[end - 2].startswith("—"):
                end -= 1  # a speech's subtitle under its title (——在全市…会议上的讲话): the title is the line above
            elif end < len(lines) and _TITLE_BRACKET_RE.match(lines[end]):
                end += 1  # its bracketed years or status on a line of their own: 某某方案 / （2025—2027年）
            start = end - 1 if end - 1 < len(lines) and not _TITLE_BRACKET_RE.match(lines[end - 1]) else end - 2
            while (
                start > 0
                and end - start < 4
                and len(lines[start - 1]) <= 40
                and not _LABEL_RE.match(lines[start - 1].rstrip("：:"))
                and not _NOT_TITLE_RE.search(lines[start - 1])
                and not _is_head_mark(lines[start - 1])
            ):
                if _DATE_ONLY_RE.match(lines[start - 1]) or _DOC_NUMBER_RE.match(lines[start - 1]):
                    break
                start -= 1
            title = "".join(lines[start:end])
            return title if len(title) <= 80 else None
    return None


# a proclamation's head over a law or a decree: the body's 公告 or 令 and its number (某某省人民代表大会常务委员会公告 /
# （第二十一号）, 中华人民共和国国务院令 / 第706号)
_PROCLAMATION_RE = re.compile(r"^[\u4e00-\u9fff]{4,40}(?:公告|令)$")
_PROCLAMATION_NUMBER_RE = re.compile(r"^[（(]?(?:(?:19|20)\d{2}年)?第[一二三四五六七八九十百零〇\d]{1,6}号[）)]?$")


def proclamation_head(lines: list[str]) -> list[int]:
    """The indices of a proclamation's head at the top of *lines* (its 公告 or 令 over its number), ``[]`` where they
    open otherwise.

    >>> proclamation_head(["某某省人民代表大会常务委员会公告", "（第二十一号）", "《某某条例》已由……通过，现予公布。"])
    [0, 1]
    >>> proclamation_head(["关于开展安全生产检查的公告", "各单位："])
    []
    """
    head = [(i, re.sub(r"[\s\u3000]+", "", ln)) for i, ln in _nonempty(lines, range(len(lines)), n=3)]
    if len(head) >= 2 and _PROCLAMATION_RE.match(head[0][1]) and _PROCLAMATION_NUMBER_RE.match(head[1][1]):
        return [head[0][0], head[1][0]]
    if len(head) >= 3 and _PROCLAMATION_RE.match(head[0][1] + head[1][1]) and _PROCLAMATION_NUMBER_RE.match(head[2][1]):
        # (the body's name over 公　告 and its number, on three lines: …常务委员会 / 公　告 / （第十二号）)
        return [head[0][0], head[1][0], head[2][0]]
    if head and re.match(r"^[\u4e00-\u9fff]{4,40}(?:公告|令)第[一二三四五六七八九十百零〇\d]{1,6}号$", head[0][1]):
        return [head[0][0]]  # (on one line: 中华人民共和国国务院令第706号)
    return []


def leading_apparatus(lines: list[str]) -> tuple[list[int], list[int]]:
    """The 版头 at the top of *lines*: the indices of its marks (份号, secrecy and urgency marks, the 发文机关标志
    on one line or two: 某某县委组织部文件, 河南大学 / 软件学院文件) and of its 发文字号 lines, among the first
    non-empty lines, before anything else; ``([], [])`` when the lines open otherwise.

    >>> leading_apparatus(["特急", "中共某某县委组织部文件", "", "某组发〔2024〕3号", "关于……的意见"])
    ([0, 1], [3])
    >>> leading_apparatus(["某某市安全生产委员会办公室", "某安办〔2025〕21号", "关于……的通报"])
    ([0], [1])
    >>> leading_apparatus(["中共某某县委办公室 文件", "某某县人民政府办公室", "某办发〔2025〕9号", "关于……的通知"])
    ([0, 1], [2])
    >>> leading_apparatus(["某某市专题会议纪要", "〔2025〕第14期", "某某市政府办公室　2025年5月12日", "关于……的纪要"])
    ([0, 1, 2], [])
    """
    head = [(i, re.sub(r"[\s\u3000]+", "", ln)) for i, ln in _nonempty(lines, range(len(lines)), n=8)]
    marks: list[int] = []
    numbers: list[int] = []
    masthead = False
    issuer_mark = False  # a 发文机关标志 (…文件) among them: a joint issuer's name may follow it
    k = 0
    while k < len(head):
        i, compact = head[k]
        nxt = head[k + 1][1] if k + 1 < len(head) else ""
        if _DOC_NUMBER_RE.match(compact) and len(compact) <= 30:
            numbers.append(i)
        elif not numbers and _is_masthead(compact):
            marks.append(i)
            masthead = issuer_mark = True
        elif not numbers and _URGENCY_RE.match(compact):
            marks.append(i)
        elif not numbers and len(compact) <= 30 and _ORG_END_RE.search(compact) and _DOC_NUMBER_RE.match(nxt):
            # a 发文机关标志 printed as the body's name alone, right over the 文号 (某某市安全生产委员会办公室)
            marks.append(i)
            masthead = issuer_mark = True
        elif not numbers and len(compact) >= 6 and _GAZETTE_RE.match(compact):
            marks.append(i)  # a gazette's masthead over a document it prints (某某市人民政府公报2025年第5期)
            masthead = True
        elif not numbers and compact.endswith("纪要") and _ISSUE_RE.match(nxt):
            marks += [i, head[k + 1][0]]  # a 纪要's mark and its issue (某某市人民政府专题会议纪要 / 〔2025〕第14期)
            masthead = True
            k += 1
        elif masthead and not numbers and _ISSUER_DATED_RE.match(compact):
            marks.append(i)  # under them, the body that issues it and the date (某某市人民政府办公室　2025年5月12日)
        elif issuer_mark and not numbers and len(compact) <= 30 and _ORG_END_RE.search(compact):
            # a joint 发文机关标志's other issuer, under the first (中共某某县委办公室 文件 / 某某县人民政府办公室)
            marks.append(i)
        elif (
            not numbers
            and 2 <= len(compact) <= 20
            and not _HEADING_START.match(compact)
            and _is_masthead(compact + nxt)
        ):
            marks += [i, head[k + 1][0]]
            masthead = _is_masthead(nxt) or masthead
            issuer_mark = issuer_mark or _is_masthead(nxt)
            k += 1
        else:
            break
        k += 1
    if not masthead and not numbers:
        return [], []
    return marks, numbers


_ISSUE_RE = re.compile(r"^(?:[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）])?第\d{1,4}期$")
_ISSUER_DATED_RE = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$")
_GAZETTE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,24}公报)?(?:(?:19|20)\d{2}年第\d{1,3}期)?(?:[（(]?总第\d{1,4}期[）)]?)?$"
)


def _is_head_mark(line: str) -> bool:
    """Whether *line* is a mark of a gazette's or a 纪要's head, never part of a title under it: the gazette's name
    and issue (某某市人民政府公报, 2025年第5期（总第213期）), a 纪要's issue (〔2025〕第14期) or its issuer and date."""
    compact = re.sub(r"[\s\u3000]+", "", line)
    return bool(
        (len(compact) >= 6 and _GAZETTE_RE.match(compact))
        or _ISSUE_RE.match(compact)
        or _ISSUER_DATED_RE.match(compact)
        or _BULLETIN_RE.match(compact)
    )


# a bulletin's masthead with its issue: 某某县农业农村工作简报（第3期）, 工作简报第3期, 某某信息 2025年第12期
_BULLETIN_RE = re.compile(
    r"^[\u4e00-\u9fff]{0,24}(?:公报|简报|快报|专报|信息|动态|通讯)[（(]?(?:(?:19|20)\d{2}年)?第\d{1,4}期[）)]?"
    r"(?:[（(]?总第\d{1,4}期[）)]?)?$"
)


def _is_masthead(compact: str) -> bool:
    m = _MASTHEAD_RE.match(compact)
    return bool(m and _ORG_END_RE.search(m.group(1)))


# the 签发人 line of a 上行文's 版头 (GB/T 9704), alone or after its other marks (类别：A　签发人：陈某某, the category
# of a reply to a proposal or a motion): one to four names
_SIGNER_LINE_RE = re.compile(
    # (the 发文字号 on the same line, at its left: 某政报〔2025〕12号　　签发人：张某某)
    r"^(?P<number>[^\s:：]{2,20}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号\s+)?"
    r"(?:(?:类别|密级|紧急程度|公开方式|公开属性|份号)\s*[:：]\s*[\w\u4e00-\u9fff]{1,12}\s+)*签\s*发\s*人\s*[:：]\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5}){0,3})$"
)
_MORE_SIGNERS_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def signer_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without the 签发人 line of a 版头 among their first lines (before any sentence), with its names as
    ``signer``; the other marks on the line (类别：A, 密级) go with it.

    >>> signer_cut(["类别：A　签发人：陈某某", "某某委员：", "您提出的关于……的提案收悉。"])
    (['某某委员：', '您提出的关于……的提案收悉。'], {'signer': '陈某某'})
    >>> signer_cut(["某政报〔2025〕12号　　签发人：张某某", "李某某", "某某县人民政府关于……的报告"])
    (['某政报〔2025〕12号', '某某县人民政府关于……的报告'], {'signer': '张某某、李某某'})
    """
    head = _nonempty(lines, range(len(lines)), n=6)
    for k, (i, s) in enumerate(head):
        m = _SIGNER_LINE_RE.match(s)
        if m:
            names = [re.sub(r"[\s、，,]+", "、", m.group("names"))]
            drop = {i}
            # more signers, each on a line of its own under the first (签发人：张某某 / 李某某); up to three
            for j, more in head[k + 1 : k + 4]:
                if not _MORE_SIGNERS_RE.match(more) or _GENRE_END_RE.search(more):
                    break
                names.append(more)
                drop.add(j)
            kept = [ln for n, ln in enumerate(lines) if n not in drop]
            if m.group("number"):  # the 发文字号 stays, for the header reading to take
                kept.insert(i, m.group("number").strip())
            return kept, {"signer": "、".join(names)}
        if any(c in s for c in "。！？"):
            break
    return lines, {}


# the lines of an official document's 版记 (GB/T 9704) under its 成文日期: 主题词, 抄送, the 印发 line
# (绍兴市教育局办公室 2009年11月30日印发) and the print run （共印50份）
_COLOPHON_LINE_RE = re.compile(
    r"^(?:主题词\s*[:：]|[抄分]\s*送\s*[:：]|[（(]\s*共印\s*\d+\s*份\s*[）)]$"
    r"|.{0,40}?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$)"
)


# a 版记's 抄送 (or a 纪要's 分送) line (with its colon: the line a wrapped list starts on), and its 印发 line
_CC_START_RE = re.compile(r"^[抄分]\s*送")
_CC_LINE_RE = re.compile(r"^[抄分]\s*送\s*[:：]")
_PRINTED_LINE_RE = re.compile(r"印\s*发$")


def colophon_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without the 版记 that a page prints under an official document's 成文日期 (主题词, 抄送, 印发,
    共印…份), with what it names: ``cc`` (抄送, a list) and ``printed_by`` (the 印发 line). The 版记 is not
    part of the document's 主体; it is cut only where a 成文日期 line stands above it, or, after the 附件 that follow
    the 成文日期, where it is whole (抄送 and the 印发 line); a 纪要's or a 简报's 分送 list is its 版记 whole
    (``distributed_to``, a list).

    >>> lines = ["某某意见。", "二○○九年十一月二十七日", "抄送：市委办、市府办。", "某局 2009年11月30日印发"]
    >>> body, found = colophon_cut(lines)
    >>> body, found["cc"], found["printed_by"]
    (['某某意见。', '二○○九年十一月二十七日'], ['市委办', '市府办'], '某局 2009年11月30日印发')
    """
    k = len(lines)
    while k > 0 and not lines[k - 1].strip():
        k -= 1
    k = _wrapped_list_start(lines, k)  # (a 抄送 or 分送 list wrapped over the text's last lines, no 印发 line under it)
    while k > 0 and (not lines[k - 1].strip() or _COLOPHON_LINE_RE.match(lines[k - 1].strip())):
        # a 抄送 list wrapped over lines (抄送：市委办公室，…市政协 / 办公室。): its first line, past the rest
        k = _wrapped_list_start(lines, k - 1)
    block = [ln.strip() for ln in lines[k:] if ln.strip()]
    cc = any(_CC_START_RE.match(b) for b in block)
    printed = next((b for b in block if _PRINTED_LINE_RE.search(b)), None)
    if not cc and printed is None:
        return lines, {}
    above = [ln.strip() for ln in lines[:k] if ln.strip()][-3:]
    # (a 纪要's or a 简报's 分送 list is its 版记 whole: neither is signed or dated at its end; a list of organs, not
    # a step of a procedure, 分送：按领导批示，由办公室将文件分送有关股室)
    shared_list = _distribution_list(block)
    whole = (cc and printed is not None) or shared_list is not None
    if not whole and not any(is_date_line(ln) for ln in above):
        # (a whole 版记, 抄送 and the 印发 line, closes a document after its 附件 too)
        return lines, {}
    found: dict[str, Any] = {}
    names = official_fields("\n".join(block)).get("cc")
    if names:
        found["cc"] = names
    if shared_list:
        found["distributed_to"] = shared_list  # a 纪要's or a 简报's 分送 list (whom it is distributed to)
    if printed:
        found["printed_by"] = re.sub(r"\s+", " ", printed)
    return lines[:k], found


_PROCEDURE_RE = re.compile(r"办理|督办|批示")


def _name_list(text: str) -> list[str]:
    """The names of a 抄送 or 分送 list, split at its marks and spaces.

    >>> _name_list("县委常委，县人大常委会、县政协领导。")
    ['县委常委', '县人大常委会', '县政协领导']
    """
    return [p for p in re.split(r"[，,、；;。\s]+", text) if p]


def _wrapped_list_start(lines: list[str], k: int) -> int:
    """*k*, or, where a 抄送 or 分送 line one or two lines above *k* has its list wrapped onto the lines up to *k*
    (short lines, no sentence inside), the index of the first of those lines (the list's line is just above it).

    >>> _wrapped_list_start(["会议要求。", "抄送：市委办公室，市人大常委会办公室，", "市政协办公室。"], 3)
    2
    """
    for back in (1, 2):
        if k - back - 1 >= 0 and _CC_LINE_RE.match(lines[k - back - 1].strip()):
            if all(len(x.strip()) <= 60 and not re.search(r"[。！？]\S", x.strip()) for x in lines[k - back : k]):
                return k - back  # (the lines from here are the list's; the 抄送/分送 line above is taken next)
            break
    return k


def _distribution_list(block: list[str]) -> list[str] | None:
    """The organs a 版记's 分送 list names (its first line and the lines it wraps onto, up to the 印发 line), or None
    where the block opens with no 分送 line or a name is no organ's (a step of a procedure: 按领导批示，由办公室…).

    >>> _distribution_list(["分送：县委常委，县人大常委会、县政协领导，", "县政府各部门。", "县政府办公室印发"])
    ['县委常委', '县人大常委会', '县政协领导', '县政府各部门']
    >>> _distribution_list(["分送：按领导批示，由办公室将文件分送有关股室办理，并跟踪督办。"]) is None
    True
    """
    if not block or not re.match(r"^分\s*送\s*[:：]", block[0]):
        return None
    text = re.sub(r"^分\s*送\s*[:：]", "", block[0])
    for line in block[1:]:
        if _PRINTED_LINE_RE.search(line) or _COLOPHON_LINE_RE.match(line):
            break
        text += "，" + line
    names = _name_list(text)
    if not names or any(len(n) > 20 or re.match(r"^[按由将把请对经]", n) or _PROCEDURE_RE.search(n) for n in names):
        return None
    return names


def _names_it(before: str, title: str, number: str) -> bool:
    """Whether the document *before* forwards, issues or names the one that follows it (its 发文字号 or the words
    of its title after 关于): a 转发 notice's forwarded document is its substance, not a next one."""
    key = re.sub(r"[\s\u3000]+", "", number)
    core = title.split("关于", 1)[-1]
    core = re.sub(r"的?(?:通知|意见|办法|决定|规定|方案|报告|请示|批复|函|通报|公告|通告)$", "", core)
    forwards = re.search(r"转发给你们|关于转发|现将.{0,120}?转发", before)
    return bool(forwards) or key in re.sub(r"[\s\u3000]+", "", before) or (len(core) >= 6 and core in before)


# the 题注 under a law's or a regulation's title: （2025年4月29日某某市人民代表大会常务委员会第二十一次会议通过）
_ADOPTION_NOTE_RE = re.compile(
    r"^[（(][^（）()]{0,40}?(?:19|20)\d{2}\s*年[^（）()]{4,200}?(?:通过|批准|公布|修正|修订|施行)[^（）()]{0,80}[）)]$"
)


def adoption_note_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without the 题注 that opens a law, a regulation or a 决定 under its title (a bracketed note of when and
    by which meeting it was adopted, approved or published, on one line or wrapped over up to three), with the note
    as ``adoption_note``.

    >>> kept, found = adoption_note_cut(["（2025年4月29日某某市人民代表大会", "常委会会议通过）", "为了……。"])
    >>> kept, found["adoption_note"]
    (['为了……。'], '（2025年4月29日某某市人民代表大会常委会会议通过）')
    """
    filled = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()][:3]
    if not filled or not filled[0][1].startswith(("（", "(")):
        return lines, {}
    joined = ""
    for k, (_, line) in enumerate(filled):
        joined += line
        if joined.endswith(("）", ")")):
            if _ADOPTION_NOTE_RE.match(joined) and not re.match(r"^[（(]\s*图", joined):  # (not a caption: （图为…）)
                return lines[filled[k][0] + 1 :], {"adoption_note": joined}
            break
    return lines, {}


# a note under the 成文日期 on how the document is published: （此件公开发布）, （此件主动公开）
_PUBLICATION_NOTE_RE = re.compile(r"^[（(]\s*此件[^（）()]{2,12}[）)]$")


def next_document_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without the next document that a gazette's or a collection's page prints after the first one's
    signature and 成文日期 (and its （此件公开发布）): a title of one to three short lines ending in a genre word,
    its 发文字号 and its 主送机关 line, in that order, with the titles cut as ``next_documents``. An 附件, and a
    document the first one forwards, issues or names (转发, its 发文字号 or its title's words), are not cut.

    >>> lines = ["请认真贯彻执行。", "某某市人民政府办公室", "2025年3月28日", "（此件公开发布）"]
    >>> lines += ["某某市人民政府办公室关于公布", "重点项目名单的通知", "某政办发〔2025〕13号"]
    >>> lines += ["各区人民政府：", "经研究……"]
    >>> kept, found = next_document_cut(lines)
    >>> kept[-1], found
    ('（此件公开发布）', {'next_documents': ['某某市人民政府办公室关于公布重点项目名单的通知']})
    """
    filled = [(i, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
    for k in range(1, len(filled)):
        if not (_DATE_ONLY_RE.match(filled[k][1]) and _signers_above(filled, k)):
            continue
        j = k + 1
        while j < len(filled) and _PUBLICATION_NOTE_RE.match(filled[j][1]):
            j += 1
        for n in (1, 2, 3):
            head = filled[j : j + n]
            rest = filled[j + n : j + n + 2]
            if len(head) < n or len(rest) < 2:
                break
            title = "".join(x for _, x in head)
            if any(len(x) > 40 or any(c in x for c in _TERMINAL) for _, x in head):
                break
            if (
                _GENRE_END_RE.search(title)
                and _DOC_NUMBER_RE.match(rest[0][1])
                and rest[1][1].endswith(("：", ":"))
                and len(rest[1][1]) <= 150
                and not _names_it("\n".join(x for _, x in filled[:k]), title, rest[0][1])
            ):
                return lines[: filled[j][0]], {"next_documents": [title]}
    return lines, {}


# an issuing body's name on a line of its own: 黔东南州统计局, 深圳市统计局  国家统计局深圳调查队
_ISSUER_LINE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,20}(?:局|厅|委|办|院|会|队|部|室|署|所|中心|政府|办公室|委员会)[\s\u3000、]*){1,3}$"
)


def byline_issuer(text: str) -> str | None:
    """The issuing body of a document that opens with a byline: its name on the first line and a date
    alone on the next (a statistical bulletin whose title is printed as an image starts so). Such a
    line is no title."""
    byline = _opening_byline(text.split("\n"), most=1)
    return byline[1] if byline else None


def _opening_byline(lines: list[str], most: int) -> tuple[list[int], str, str] | None:
    """The byline that opens *lines*: the issuers' names on up to *most* lines over a date alone, as the indices of its
    lines, the issuers joined with 、 and the date's line; None where the lines open otherwise.

    >>> _opening_byline(["某县统计局", "国家统计局某调查队", "（2025年3月20日）", "经济平稳。"], most=2)
    ([0, 1, 2], '某县统计局、国家统计局某调查队', '（2025年3月20日）')
    """
    head = _nonempty(lines, range(len(lines)), n=most + 1)
    for names in range(1, most + 1):
        if len(head) > names and _DATE_ONLY_RE.match(head[names][1]):
            if not all(_ISSUER_LINE_RE.match(ln) for _, ln in head[:names]):
                return None
            issuers = " ".join(ln for _, ln in head[:names])
            return (
                [i for i, _ in head[: names + 1]],
                re.sub(r"[\s\u3000]+", "、", issuers.strip(" \u3000、")),
                head[names][1],
            )
    return None


def bulletin_byline_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without a bulletin's byline that opens them under its title, the issuing bodies over the date
    (松阳县统计局 国家统计局松阳调查队 / （2025年3月20日）), with ``issuer`` and ``written_date``.

    >>> kept, found = bulletin_byline_cut(["某县统计局 国家统计局某调查队", "（2025年3月20日）", "经济平稳。"])
    >>> kept, found["issuer"], found["written_date"]
    (['经济平稳。'], '某县统计局、国家统计局某调查队', datetime.date(2025, 3, 20))
    """
    # (the issuers on one line or on two: 某县统计局 / 国家统计局某调查队 / （2025年3月20日）)
    byline = _opening_byline(lines, most=2)
    if byline is None:
        return lines, {}
    at, issuer, day = byline
    found: dict[str, Any] = {"issuer": issuer}
    written = chinese_date(day)
    if written:
        found["written_date"] = written
    return lines[: at[0]] + lines[at[-1] + 1 :], found


# --- the heading hierarchy -----------------------------------------------------------

_NUM_CN = "一二三四五六七八九十百零〇"
# In the order of GB/T 9704 and of regulations: an earlier style encloses a later one.
_SECTION_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("bian", re.compile(rf"第[{_NUM_CN}\d]+(?:编|篇|部分)")),
    ("zhang", re.compile(rf"第[{_NUM_CN}\d]+章")),
    ("jie", re.compile(rf"第[{_NUM_CN}\d]+节")),
    ("tiao", re.compile(rf"第[{_NUM_CN}\d]+条")),
    ("cn", re.compile(rf"{CN_ORDINAL}、")),
    ("cn_paren", re.compile(rf"[（(]{CN_ORDINAL}[）)]")),
    ("ar", re.compile(r"\d{1,3}[.．、](?!\d)")),
    ("ar_paren", re.compile(r"[（(]\d{1,3}[）)]")),
]
_ATTACHMENT_LIST_RE = re.compile(r"^附\s*件\s*[:：]")
_HEADING_END_RE = re.compile(r"[。；;！？]")
_GAP_RE = re.compile(r"\s{2,}|\u3000")


def _heading_of(line: str, marker_end: int) -> str:
    rest = line[marker_end:].lstrip(" \u3000\t")
    m = _HEADING_END_RE.search(rest)
    head = rest[: m.start()] if m else rest
    # a text without 。 (a PDF extraction) runs the heading into its paragraph after a wide gap
    gap = _GAP_RE.search(head)
    if gap:
        head = head[: gap.start()]
    return head[:80].strip()


def sections(text: str) -> pd.DataFrame:
    """The heading hierarchy of *text*: one row per heading, ``level`` (1 = outermost), ``number``
    (the marker as printed, 一 / （一） / 1 / （1） / 第一章), ``heading`` (its words, up to the first
    。 or ；), ``start``/``end`` (``text[start:end]`` is the section, heading included) and ``parent``
    (the row of the enclosing heading, <NA> at the top).

    Styles nest as GB/T 9704 and regulations order them: 第…编/篇/部分 > 章 > 节 > 条 > 一、 > （一） > 1. > （1）;
    a style's ``level`` is its place among the styles the text uses (a notice with 一、 and 1. only has
    levels 1 and 2), and a heading closes every open heading of its style or a lower one. So a text
    whose first heading is a （一） (its 一、 lost in a wrapped line) still nests the later 二、 above it.
    """
    found: list[tuple[int, int, re.Match[str], str]] = []  # (line start, style rank, match, stripped line)
    pos = 0
    in_attachments = False
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.lstrip(" \t\u3000\u00a0")
        lead = len(line) - len(stripped)
        if _ATTACHMENT_LIST_RE.match(stripped):
            in_attachments = True  # 附件：1.… 2.… lists names, not sections
            continue
        if in_attachments and (not stripped or _SECTION_STYLES[6][1].match(stripped)):
            continue
        in_attachments = False
        for rank, (_, pattern) in enumerate(_SECTION_STYLES):
            m = pattern.match(stripped)
            if m is not None:
                found.append((start + lead, rank, m, stripped))
                break
    # a style's level is its place among the styles the text uses (一、 > （一） > 1. > （1）; 章 > 节 > 条)
    level_of = {rank: i + 1 for i, rank in enumerate(sorted({rank for _, rank, _, _ in found}))}
    rows: list[dict[str, Any]] = []
    open_rows: list[int] = []  # rows of the headings still open, outermost first
    for start, rank, m, stripped in found:
        while open_rows and rows[open_rows[-1]]["rank"] >= rank:
            open_rows.pop()
        rows.append(
            {
                "level": level_of[rank],
                "number": m.group().rstrip("、.．"),
                "heading": _heading_of(stripped, m.end()),
                "start": start,
                "end": len(text),
                "parent": open_rows[-1] if open_rows else None,
                "rank": rank,
            }
        )
        open_rows.append(len(rows) - 1)
    # a section ends where the next heading at its level or above starts, and the last ones before
    # the closing block (附件 list, signature and date, 抄送) when there is one after the last heading
    closing = _closing_start(text)
    for row in rows:
        if closing > row["start"]:
            row["end"] = min(row["end"], closing)
    for i, row in enumerate(rows):
        for later in rows[i + 1 :]:
            if later["level"] <= row["level"]:
                row["end"] = later["start"]
                break
        row["end"] = _trim_end(text, row["start"], row["end"])
    frame = pd.DataFrame(rows, columns=SECTION_COLUMNS)
    frame["parent"] = frame["parent"].astype("Int64")
    frame["level"] = frame["level"].astype(int)
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    return frame


def _closing_start(text: str) -> int:
    """Where the closing block of an official document starts (附件 list, signature above the date,
    抄送), searched among its last 15 lines; ``len(text)`` when there is none."""
    starts: list[int] = []
    pos = len(text)
    for line in reversed(text.split("\n")):
        pos -= len(line)
        starts.append(pos)
        pos -= 1
        if len(starts) >= 15:
            break
    starts.reverse()  # line starts of the last lines, in order
    lines = [text[a : text.find("\n", a) if text.find("\n", a) >= 0 else len(text)] for a in starts]
    found = len(text)
    for k, (a, line) in enumerate(zip(starts, lines)):
        stripped = line.strip(" \t\u3000\u00a0")
        if _ATTACHMENT_LIST_RE.match(stripped) or re.match(r"^抄\s*送\s*[:：]", stripped):
            return min(found, a)
        if _DATE_ONLY_RE.match(stripped):
            j = k
            while j > 0:
                sig = re.sub(r"[\s\u3000]+", "", lines[j - 1])
                if (
                    sig
                    and len(sig) <= 40
                    and not any(c in sig for c in _TERMINAL + "，,：:")
                    and _ORG_END_RE.search(sig)
                ):
                    j -= 1
                else:
                    break
            return min(found, starts[j])
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n \t\u3000":
        end -= 1
    return end
