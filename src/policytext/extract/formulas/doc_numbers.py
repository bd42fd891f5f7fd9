"""Document numbers (发文字号) cited in a text: 国发〔2023〕12号, 鲁政办字〔2019〕20号.

A 发文字号 (GB/T 9704-2012, 7.2.4) is an issuer code (机关代字), the year in 〔〕 and a
serial number followed by 号. Policy texts cite the documents they implement or replace by
it ("根据《…通知》（国发〔2021〕24号）"), so the numbers a document cites tell which
central or provincial documents it answers: the raw material of a diffusion study.

Scraped and converted texts spell the brackets in many ways, often mixed
(〔2021), (2021〕, [2014], 【2020】, （2019）) and put spaces before 号; all are found, and
``doc_number`` gives the number in the standard form with 〔〕 and no spaces. The issuer
code is the run of Han characters before the bracket, cut after a word that cannot be
part of a code (的, 据, 见, 照, 转发, 印发, 根据, …), at most 12 characters.

What it cannot do: tell a cited number from the document's own (both are found; compare
with ``meta["doc_number"]``), or find a number written without its year
(国发12号) or with a two-digit year (国发〔98〕12号), which are rare and ambiguous.

>>> find_doc_numbers("根据《国务院关于印发“十四五”数字经济发展规划的通知》（国发〔2021〕29号）")[
...     ["match", "issuer_code", "year", "serial"]].values.tolist()
[['国发〔2021〕29号', '国发', 2021, 29]]
>>> find_doc_numbers("任务参见鲁教高函〔2023〕36 号文件")["doc_number"].tolist()
['鲁教高函〔2023〕36号']
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..._util.frames import object_columns, to_frame
from ...corpus.source import Source, iter_source
from ..registry import extractor

__all__ = ["DOC_NUMBER_COLUMNS", "find_doc_numbers"]

DOC_NUMBER_COLUMNS = ("doc_id", "match", "start", "end", "doc_number", "issuer_code", "year", "serial")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_MAX_CODE = 12
# an issuer code (Han, maybe with Latin letters such as 工信部联科), the year in any bracket, the serial, 号
_NUMBER_RE = re.compile(
    rf"(?P<code>[{_HAN}A-Za-z]{{1,{_MAX_CODE}}})"
    r"\s*[〔\[【（(［]\s*(?P<year>(?:19|20)\d\d)\s*[〕\]】）)］]\s*"
    r"(?P<serial>\d{1,5})\s*号"
)
# words that end what comes before a code: function characters, and verbs of citing
_BOUNDARY_CHARS = frozenset("的和与及按据照见即为在了将由经以对同等是并或、")
_BOUNDARY_WORDS = (
    "转发",
    "印发",
    "根据",
    "依据",
    "按照",
    "参照",
    "落实",
    "贯彻",
    "执行",
    "文件",
    "通知",
    "参见",
    "详见",
)


def _code_start(code: str) -> int:
    """Where the issuer code starts inside the Han run *code* that ends at the bracket."""
    start = 0
    for i, ch in enumerate(code[:-1]):  # the last character always belongs to the code
        if ch in _BOUNDARY_CHARS:
            start = i + 1
    for word in _BOUNDARY_WORDS:
        i = code.rfind(word, 0, len(code) - 1)
        if i >= 0 and i + len(word) > start and i + len(word) < len(code):
            start = i + len(word)
    return start


@extractor(
    name="doc_numbers",
    kind="doc_number",
    label="document number (发文字号)",
    label_zh="发文字号",
    colour="#c5e1a5",
    help="document numbers (发文字号) such as 国发〔2021〕29号",
    label_columns=("doc_number",),
    order=70,
)
def find_doc_numbers(source: Source) -> pd.DataFrame:
    """Document numbers cited in *source*: ``doc_id, match, start, end, doc_number, issuer_code, year, serial``.

    ``match`` is the text as written (``text[start:end] == match``); ``doc_number`` is
    the standard spelling (〔〕, no spaces); ``year`` and ``serial`` are ``int``.
    """
    rows: list[dict[str, Any]] = []
    for doc_id, text, _ in iter_source(source):
        for m in _NUMBER_RE.finditer(text):
            code = m.group("code")
            cut = _code_start(code)
            code = code[cut:]
            start = m.start("code") + cut
            year, serial = int(m.group("year")), int(m.group("serial"))
            rows.append(
                {
                    "doc_id": doc_id,
                    "match": text[start : m.end()],
                    "start": start,
                    "end": m.end(),
                    "doc_number": f"{code}〔{year}〕{serial}号",
                    "issuer_code": code,
                    "year": year,
                    "serial": serial,
                }
            )
    return object_columns(to_frame(rows, DOC_NUMBER_COLUMNS), ints=("year", "serial"))
