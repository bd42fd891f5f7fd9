"""Decoding bytes and cleaning scraped pages into a document body plus metadata.

The rules here are about page *structure* (breadcrumbs, font-size controls,
share/print links, markdown and HTML syntax, licence footers, header lines),
never about particular words of particular documents.

>>> body, meta = clean_text("当前位置:首页>新闻\\n标题在此\\n来源:新华社 日期:2022年2月9日\\n正文第一句。\\n关键字:")
>>> body
'正文第一句。'
>>> meta["source"], meta["date"].isoformat(), meta["title"]
('新华社', '2022-02-09', '标题在此')
"""

from __future__ import annotations

import codecs
import datetime as _dt
import html
import re
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .._util.lexicon_files import lexicon_path, read_lexicon_lines
from ..errors import DecodeError
from .officialdoc import chinese_date
from .text import is_han

__all__ = [
    "BYTE_ORDER_MARKS",
    "SURNAMES",
    "clean_text",
    "cut_into",
    "decode_bytes",
    "decode_markup_bytes",
    "decode_markup_repairs",
    "parse_date",
    "read_header_fields",
    "source_value",
    "speech_byline_cut",
    "superset_encoding",
    "typed_header_fields",
    "without_repost_tags",
]


# --- decoding ------------------------------------------------------------------

#: Byte-order marks and the codec each announces (UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE
#: one).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_PREFIXES = tuple(bom for bom, _ in BYTE_ORDER_MARKS)


_BINARY_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# what a wrong GB18030 reading makes of bytes: private-use characters and C1 controls
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\x80-\x9f]")


def _gbk_space(text: str) -> str:
    """*text* with GBK's A3A0 (read by GB18030 as U+E5E5, a private-use character) as the full-width space
    browsers show."""
    return text.replace("\ue5e5", "\u3000")


def _check_text(text: str, raw: bytes, encoding: str, source: str) -> None:
    """Reject decoded text that is really binary (NULs, control characters)."""
    m = _BINARY_CONTROL_RE.search(text)
    if m:
        i = m.start()
        # map the character position back to a byte offset for the message
        offset = len(text[:i].encode(encoding.replace("-sig", ""), errors="replace"))
        if encoding == "utf-8-sig":
            offset += 3
        raise DecodeError(
            f"{source}: looks binary, not text (control byte 0x{ord(text[i]):02x} at byte offset {offset})",
            source=source,
            offset=offset,
        )


def decode_bytes(raw: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode *raw* and return ``(text, encoding)``.

    Tries a BOM (UTF-8, UTF-16, UTF-32), then strict UTF-8, then GB18030 (a superset
    of GBK and GB2312). Valid UTF-8 is never decoded as anything else. Binary data
    (NUL or control bytes) and undecodable bytes raise :class:`DecodeError` naming
    *source* and the byte offset.

    >>> decode_bytes("稳中求进".encode("gb18030"))
    ('稳中求进', 'gb18030')
    """
    for bom, enc in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(
                    f"{source}: has a {enc} byte-order mark but invalid {enc} at byte offset {e.start}",
                    source=source,
                    offset=e.start,
                ) from None
            _check_text(text, raw, enc, source)
            return text, ("utf-8" if enc == "utf-8-sig" else enc)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            f"{source}: looks binary, not text (NUL byte at byte offset {nul})", source=source, offset=nul
        )
    try:
        text = raw.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as e_utf8:
        try:
            text = raw.decode("gb18030")
            enc = "gb18030"
        except UnicodeDecodeError as e_gb:
            raise DecodeError(
                f"{source}: cannot decode: not UTF-8 (invalid byte 0x{raw[e_utf8.start]:02x} at byte offset "
                f"{e_utf8.start}) and not GB18030 (invalid at byte offset {e_gb.start})",
                source=source,
                offset=e_utf8.start,
            ) from None
        text = _gbk_space(text)
        japanese = _japanese_encoding(raw, text)
        if japanese:
            raise DecodeError(
                f"{source}: the bytes read as Japanese text ({japanese}), not Chinese; policytext reads UTF-8, "
                "GB18030/GBK/GB2312 and UTF-16 (save the file as UTF-8 if it is meant to be read)",
                source=source,
                offset=e_utf8.start,
            ) from None
        # GB18030 accepts most byte pairs; demand that the result looks like text.
        weird = len(_PRIVATE_USE_RE.findall(text))
        if weird > max(2, len(text) // 200):
            raise DecodeError(
                f"{source}: cannot decode: not UTF-8 (invalid byte at byte offset {e_utf8.start}) and "
                "GB18030 gives private-use or control characters (Big5 or another encoding? decode the file "
                "yourself and use Corpus.from_texts; a web page is read as Big5 when it declares Big5)",
                source=source,
                offset=e_utf8.start,
            ) from None
    _check_text(text, raw, enc, source)
    return text, enc


def _kana_share(text: str) -> tuple[int, float]:
    """The number of kana in *text* and their share among its kana and Han characters."""
    kana = sum(1 for c in text if "\u3040" <= c <= "\u30ff")
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return kana, kana / (kana + han) if kana + han else 0.0


def _japanese_encoding(raw: bytes, gb_text: str) -> str | None:
    """The Japanese encoding *raw* is written in, when its GB18030 reading (*gb_text*) is mojibake of one: EUC-JP
    shares its kana codes with GB2312 (泣塑の蜡忽矢…), Shift-JIS decodes strictly to text full of kana. A Chinese text
    has no kana to speak of (a few in a quoted name at most), so both need five kana and a sixth of the characters.

    >>> ja = "日本の政策文書では、地方の取り組みが重要である。"
    >>> _japanese_encoding(ja.encode("shift_jis"), ja.encode("shift_jis").decode("gb18030"))
    'shift_jis'
    >>> _japanese_encoding("稳中求进。".encode("gb18030"), "稳中求进。") is None
    True
    """
    if _kana_share(gb_text)[0] < 5 and b"\x82" not in raw and b"\x83" not in raw:
        return None  # no kana in the GB reading (EUC-JP's kana are GB2312's) and no Shift-JIS kana lead byte
    for enc in ("euc_jp", "shift_jis"):
        # the bytes must be valid in that encoding too (a Big5 text's GB reading is full of GB2312's kana rows, but
        # it is no valid EUC-JP)
        try:
            n, share = _kana_share(raw.decode(enc))
        except UnicodeDecodeError:
            continue
        if n >= 5 and share >= 1 / 6:
            return enc
    return None


_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_GB_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
#: Big5 as a page may declare it (traditional characters: Taiwan, Hong Kong), read with its HKSCS superset
_BIG5_FAMILY = frozenset({"big5", "big5-hkscs", "big5hkscs", "cp950", "x-x-big5"})
#: at most this share of a page's characters may be undecodable or control bytes before it is refused
_MARKUP_BAD_SHARE = 0.002


def decode_markup_bytes(raw: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """:func:`decode_bytes` for a web page, tolerant as browsers are of a few bad bytes.

    Saved pages carry a stray control byte in an attribute or a multibyte character cut in two by an
    old CMS. Where strict decoding fails, the page is decoded in the charset its ``<meta>`` declares
    (else the better of UTF-8 and GB18030), undecodable bytes become U+FFFD and control characters are
    dropped, with a warning naming *source* and the count; a page with more than one bad character in
    500 (undecodable, control or private-use) or any NUL byte is refused as :func:`decode_bytes` refuses it.

    >>> page = "<meta charset=gbk><p>稳中求进</p>".encode("gb18030") + b"\x02"
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     decode_markup_bytes(page)
    ('<meta charset=gbk><p>稳中求进</p>', 'gb18030')
    """
    text, enc, repair = decode_markup_repairs(raw, source)
    if repair:
        warnings.warn(repair, UserWarning, stacklevel=2)
    return text, enc


def superset_encoding(charset: str) -> str:
    """The codec a declared *charset* is read with: the GB family as GB18030 and the Big5 family as Big5-HKSCS (their
    supersets), another charset as itself, lower-cased.

    >>> superset_encoding("GB2312"), superset_encoding("cp950"), superset_encoding("UTF-8")
    ('gb18030', 'big5hkscs', 'utf-8')
    """
    name = charset.lower()
    return _GB_FAMILY.get(name) or ("big5hkscs" if name in _BIG5_FAMILY else name)


def _declared_charset(raw: bytes, charset: str | None = None) -> str:
    """The charset a container declares (*charset*), else the page's ``<meta>`` in its first 4 KB, lower-cased."""
    if charset:
        return charset.lower()
    m = _CHARSET_RE.search(raw[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else ""


def _declared_big5(raw: bytes, source: str, charset: str | None = None) -> str | None:
    """*raw* decoded as Big5 (with its HKSCS superset) when the page declares Big5 in its ``<meta>``, is not
    UTF-8 (valid UTF-8 wins over any declaration) and decodes strictly; else None. A browser reads such a page
    as Big5; GB18030, which accepts most byte pairs, would read it as other characters.

    >>> page = "<meta charset='big5'><p>經濟部發布新聞稿</p>"
    >>> _declared_big5(page.encode("big5"), "p.html")
    "<meta charset='big5'><p>經濟部發布新聞稿</p>"
    """
    if _declared_charset(raw, charset) not in _BIG5_FAMILY:
        return None
    if b"\x00" in raw or raw.startswith(_BOM_PREFIXES):
        return None
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("big5hkscs")
        _check_text(text, raw, "big5", source)
    except (UnicodeDecodeError, DecodeError):
        return None  # a stray byte: the repairing decoder reads it as Big5 too (decode_markup_repairs)
    return text


def decode_markup_repairs(
    raw: bytes, source: str = "<bytes>", charset: str | None = None
) -> tuple[str, str, str | None]:
    """:func:`decode_markup_bytes` without the warning: ``(text, encoding, repair)``, *repair* the message
    that says what was replaced or dropped (``None`` when the page decoded strictly). *charset*: what the
    container declares (an MHTML part's header), taken before the page's own ``<meta>``."""
    big5 = _declared_big5(raw, source, charset)
    if big5 is not None:
        return big5, "big5", None
    try:
        text, enc = decode_bytes(raw, source)
        return text, enc, None
    except DecodeError as strict:
        if b"\x00" in raw or raw.startswith(_BOM_PREFIXES):
            raise
        declared = _declared_charset(raw, charset)
        if declared in _GB_FAMILY or declared in _BIG5_FAMILY:
            encodings = [superset_encoding(declared)]
        else:
            encodings = ["utf-8"] if declared in ("utf-8", "utf8") else ["utf-8", "gb18030"]
        best: tuple[int, str, str] | None = None
        for enc in encodings:
            text = _gbk_space(raw.decode(enc, errors="replace"))
            bad = text.count("\ufffd") + len(_BINARY_CONTROL_RE.findall(text)) + len(_PRIVATE_USE_RE.findall(text))
            if best is None or bad < best[0]:
                best = (bad, text, enc)
        assert best is not None
        bad, text, enc = best
        if bad > max(3, len(text) * _MARKUP_BAD_SHARE):
            raise
        repair = (
            f"{source}: {bad} undecodable, control or private-use character(s) (read as {enc}; strict decoding "
            f"said: {strict})"
        )
        return _BINARY_CONTROL_RE.sub("", text), enc, repair


# --- dates -------------------------------------------------------------------

_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.．])\s*(?P<m>\d{1,2})\s*(?:月|[-/.．])\s*(?P<d>\d{1,2})\s*日?"
)


def parse_date(value: str) -> _dt.date | None:
    """Parse the first date in *value* (2022/2/9, 2022-02-09, 2022年2月9日, 2022.02.09).

    >>> parse_date("发布时间：2022年2月9日 10:30")
    datetime.date(2022, 2, 9)
    """
    m = _DATE_RE.search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


# --- cleaning ------------------------------------------------------------------

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_RUN_TOGETHER_RE = re.compile(r"([。！？”])[ \t]*\u3000{2,}(?=\S)")
# an HTML tag: a known element name and attributes that look like attributes, so that prose
# such as a<b 且 c>d (a comparison, a formula) is never taken for markup
_HTML_TAG_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|details|div|dl|"
    "dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|li|link|"
    "main|meta|nav|o:p|ol|option|p|pre|q|s|script|section|select|small|source|span|strike|strong|style|sub|"
    "summary|sup|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|video|wbr"
)
_HTML_TAG_RE = re.compile(
    rf"</?(?:{_HTML_TAG_NAMES})(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>",
    re.I,
)
_HTML_BLOCK_RE = re.compile(r"<(?:br|/p|/div|/h\d|/li|/tr|p|div|li|tr|h\d)\b[^<>]*>", re.I)
_HTML_DROP_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_FRONT_MATTER_RE = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
# a rule, or a Markdown table's separator row (---|---) that an extractor leaves of a layout table
_SEPARATOR_RE = re.compile(r"^[\s\-=_*~·—─━.。…#+|:]{3,}$")
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")

# Lines that are page furniture, not text (matched against the stripped line).
_CREDIT = (
    r"[\u4e00-\u9fff]{0,3}编辑|责编|编审|审核|审校|初审|复审|终审|[一二三]审|校对|排版|监制|图片|摄影|图|文字|文|供稿|通讯员"
    r"|记者"
)
_CHROME_PATTERNS = [
    r"^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|现在位置)\s*[:：]?",
    r"^首\s*页\s*(?:[>›»/＞]|$)",
    r"^(?:上一篇|下一篇|上一条|下一条)(?:文章|新闻|信息)?\s*[:：]",
    # credit lines: 责任编辑：… 新媒体编辑：… 审核：… 图片：… 文字：… (short lines only); not an interview's
    # question (记者：你们的市场在哪？), which is a sentence
    rf"^(?:{_CREDIT})\s*[:：](?!.*[。！？?!]$).{{0,30}}$",
    rf"^[（(]\s*(?:{_CREDIT})\s*[:：].{{0,40}}[）)]$",
    r"^(?:关键字|关键词|类别|分类|标签|栏目|来源|附件)\s*[:：]?\s*$|^(?:正文|内容)\s*[:：]\s*$",
    # a credit label whose name the page left empty (作者：)
    r"^(?:作者|撰稿|摄影|编辑|责任编辑|审核|校对|通讯员|记者)\s*[:：]\s*$",
    # a news dateline on its own line: 新华社北京12月31日电
    r"^[（(]?[\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日电\s*(?:[（(][^（）()]{0,20}[）)])?[）)]?$",
    r"^(?:Public domain|false|true)$",
    r"^(?:举报|投诉|纠错|我要纠错)$",  # a portal's report link on its own line
    # a WeChat article's furniture: 点击蓝字 关注我们, 长按识别二维码关注, the END mark
    r"^.{0,12}蓝字.{0,6}关注.{0,8}$|^[^。，；！？]{0,8}(?:长按|扫描|扫码|识别)[^。，；！？]{0,6}二维码[^。，；！？]{0,12}$|^(?:欢迎|点击|长按)?关注我们[!！]?$",
    r"^[\s\-—–_=·•]*(?:END|End|THE END|The End)[\s\-—–_=·•]*$",
    # a media player's placeholder: 视频加载中..., 您的浏览器不支持 video 标签。
    r"^(?:视频|音频|图片|内容|页面)?(?:加载中|正在加载|载入中)[.。…]*$|^您的浏览器(?:暂)?不支持.{0,40}$",
]
_CHROME_RE = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS))
# Controls and links that may share a line with other chrome; the line is chrome when
# little else is left once they are removed.
_PAGE_CONTROL_RE = re.compile(
    r"字\s*[体号]\s*[:：]?\s*[\[【(（]?\s*大\s*[\]】)）]?\s*[\[【(（]?\s*中\s*[\]】)）]?\s*[\[【(（]?\s*小"
    r"|打印本页|打印此页|关闭窗口|返回顶部|收藏本页|分享到\S*|打印|关闭|发表评论(?:[(（]共?\d+条[)）])?|我要纠错"
    r"|扫一扫\S*|(?:点击数|点击量|阅读数|阅读量|浏览次数|浏览量|访问量)\s*[:：]?\s*\d+(?:\.\d+)?\s*[万千]?\+?\s*次?"
    # (阅读：3.2万, 浏览：10万+; not 阅读：10页, 每日阅读：30分钟)
    r"|(?:点击|阅读|浏览)\s*[:：]\s*\d+(?:\.\d+)?\s*[万千]?\+?\s*次?(?![\u4e00-\u9fff\w.．])"
)
_PAGE_CONTROL_HINT_RE = re.compile(
    r"字\s*[体号]|打印|关闭窗口|返回顶部|收藏本页|分享到|发表评论|我要纠错|扫一扫|点击|阅读数|阅读量|阅读\s*[:：]\s*\d|浏览|访问量"
)
_PAGE_CONTROL_RESIDUE_RE = re.compile(r"[\W_\d]+")
# A > B > C; an item never holds "<", so text such as <b>坚持以人民为中心</b> is no breadcrumb
_BREADCRUMB_RE = re.compile(r"^(?:[^\s>›»＞<]+\s*[>›»＞]\s*){2,}[^\s>›»＞<]*$")
_BREADCRUMB_CHARS = frozenset(">›»＞")
_REPEATED_STEP_RE = re.compile(r"([>›»＞])(?:\s*[>›»＞])+")
_SENTENCE_MARKS = frozenset("。！？；，")


# A block that starts with one of these headings runs to the end of the page.
_TAIL_BLOCK_RE = re.compile(
    r"^[\s↓\[【]*(?:相关文章|相关阅读|相关新闻|相关链接|相关信息|延伸阅读|推荐阅读|热点推荐|更多阅读|往期回顾|往期推荐|往期精彩)"
    r"\s*[\]】]?"
)
_TAIL_KEYS = (
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关链接",
    "相关信息",
    "延伸阅读",
    "推荐阅读",
    "热点推荐",
    "更多阅读",
    "往期回顾",
    "往期推荐",
    "往期精彩",
)
_LICENCE_KEYS = ("作品", "This work is in the public domain")
# Licence footers (Wikisource and similar): from this line to the end.
_LICENCE_RE = re.compile(
    r"^(?:本|这部|此)作品(?:是|在|来自|为|属于|根据|采用|于|的)|^This work is in the public domain"
)

_STRIP = " \t\u00a0\u3000\u2002\u2003\u202f\f\v"
_LICENCE_M_RE = re.compile(_LICENCE_RE.pattern, re.M)
_TAIL_BLOCK_M_RE = re.compile(_TAIL_BLOCK_RE.pattern, re.M)
_TAIL_LEAD = re.compile(r"[\s↓\[【]")  # what _TAIL_BLOCK_RE allows before its heading
# First characters of middle-of-page lines that may be separators, bare URLs or markdown headings.
_MIDDLE_FIRST = "-=_*~·—─━.。…#+hHwW"
# In "\n" + the middle of a page: the start of each line whose first character is one of those.
_MIDDLE_FLAG_RE = re.compile(f"\\n[{re.escape(_MIDDLE_FIRST)}]")
_FOOTER_LINES = 15


def _is_chrome(line: str) -> bool:
    if _SEPARATOR_RE.match(line) or _URL_ONLY_RE.match(line) or _CHROME_RE.match(line):
        return True
    if _PAGE_CONTROL_HINT_RE.search(line):
        residue = _PAGE_CONTROL_RESIDUE_RE.sub("", _PAGE_CONTROL_RE.sub("", line))
        if len(residue) <= 4:
            return True
    # a breadcrumb, also with an empty step (首页 > 商贸 > > 专题 > 正文); never a sentence (其中收入>支出>0。)
    if _BREADCRUMB_CHARS.isdisjoint(line) or not _SENTENCE_MARKS.isdisjoint(line):
        return False
    return bool(_BREADCRUMB_RE.match(_REPEATED_STEP_RE.sub(r"\1", line)))


_META_KEYS = {
    "来源": "source",
    "稿件来源": "source",
    "文章来源": "source",
    "信息来源": "source",
    "本文来源": "source",  # (本文来源：临江日报) under the article
    "作者": "author",
    "撰稿": "author",
    "日期": "date",
    "发布日期": "date",
    "发布时间": "date",
    "发表时间": "date",
    "发表于": "date",
    "发布于": "date",
    "录入时间": "date",  # a CMS's entry time, which is its publication time
    "信息时间": "date",
    "更新时间": "date",  # an old CMS's only date (动易: 点击数：… 更新时间：2024-4-18); a 发布时间 before it wins
    "更新日期": "date",
    "发布": "date",  # 发布: 2021-1-29 13:18 (a value that is no date gives none)
    "发文日期": "date",
    "成文日期": "date",
    "时间": "date",
    "发文机关": "issuer",
    "发布机关": "issuer",
    "发布单位": "issuer",
    "文号": "doc_number",
    "发文字号": "doc_number",
    # a crawler's labelled fields (标题：… 链接：http://…)
    "标题": "title",
    "文章标题": "title",
    "链接": "url",
    "原文链接": "url",
    "原文地址": "url",
    "网址": "url",
}
# keys a crawler's file prints at its top only (标题：…, 链接：…); further down 标题： and 网址： are words of the text
_WHOLE_LINE_KEYS = frozenset(("title", "url"))
# what an address looks like (http://…, www.…, gov.cn/…)
_ADDRESS_RE = re.compile(r"(?:https?://|www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/:]|$))", re.I)
_META_KEY_RE = re.compile(
    r"(?:^|(?<=\s)|(?<=[|｜【\[】\]]))(" + "|".join(sorted(_META_KEYS, key=len, reverse=True)) + r")"
    # the colon, or after a date label a space before the date (发布时间 2005/05/17 22:11:42, 发表于 2005-9-15)
    r"(?:\s*[:：]\s*|(?:(?<=日期)|(?<=时间)|(?<=表于)|(?<=布于)|(?<=发布))\s+(?=(?:19|20)\d{2}\s*[-/.年]))"
)
# a date label without its colon before a date (发表于 2004年12月27日, 发布时间 2005/05/17)
_COLONLESS_DATE_RE = re.compile(
    r"^(?:"
    + "|".join(sorted((k for k, v in _META_KEYS.items() if v == "date"), key=len, reverse=True))
    + r")\s+(?:19|20)\d{2}\s*[-/.年]"
)
_DATE_LINE_RE = re.compile(r"[（(]?\s*" + _DATE_RE.pattern + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?[）)]?")
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_ORG_SUFFIX = (
    "部|委|局|厅|办|院|会|组|处|室|科|所|站|社|报|网|中心|办公室|委员会|政府"
    "|党委|党组|支部|总支|学校|大学|学院|公司|集团|队|馆|团"
)
# (孟村县委组织部), also with the unit's role after its name: (某某县委组织部 供稿), (某某镇党委 报送), (某某局供图)
_SIGNATURE_RE = re.compile(
    r"[（(]\s*([\u4e00-\u9fffA-Za-z0-9·]{2,24}?(?:"
    + _ORG_SUFFIX
    + r"))(?P<role>\s+(?:供稿|供图|报送|撰稿)|供稿|供图)?\s*[）)]\s*$"
)
_TERMINAL = "。！？!?；;…”’」』）)》"


_CALLOUT_RE = re.compile(r"^>\s*\[![A-Za-z]+\][^\n]*(?:\n>[^\n]*)*\n?", re.M)
_BLOCKQUOTE_RE = re.compile(r"^>[ \t]?", re.M)
_CENTER_RE = re.compile(r"</?center>", re.I)
# trailing "（新华社北京11月19日电）《 人民日报 》（ 2020年11月20日 02 版）"
_PAPER_CITATION_RE = re.compile(
    r"(?:[（(][^（）()\n]{0,16}\d{1,2}月\d{1,2}日电[）)])?\s*"
    r"(?:《\s*(?P<paper>[^《》\n]{2,12}?)\s*》\s*[（(]\s*(?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*(?:第\s*)?\d{0,2}\s*版?\s*[）)])?"
    r"\s*$"
)


def _strip_markup(text: str) -> str:
    if "<" in text and _HTML_TAG_RE.search(text):
        text = _HTML_DROP_RE.sub("", text)
        text = _HTML_BLOCK_RE.sub("\n", text)
        text = _HTML_TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "](" in text:
        text = _MD_IMAGE_RE.sub("", text)
        text = _MD_LINK_RE.sub(r"\1", text)
    if "\n>" in text or text.startswith(">"):
        text = _CALLOUT_RE.sub("", text)
        text = _BLOCKQUOTE_RE.sub("", text)
    return text


_FRONT_MATTER_KEYS = {
    "title": "title",
    "标题": "title",
    "author": "author",
    "作者": "author",
    "source": "source",
    "来源": "source",
    "url": "url",
    "网址": "url",
    "link": "url",
    "issuer": "issuer",
}


def _parse_front_matter(block: str, meta: dict[str, Any]) -> None:
    key = ""
    alias_block: list[str] | None = None  # a YAML block scalar (|-) holding the first alias
    for line in block.splitlines():
        item = re.match(r"^\s+-\s*(\|-?)?\s*(.*)$", line)
        if item and key == "aliases":  # Obsidian clippings keep the page title as the first alias
            if alias_block is None and "title" not in meta:
                if item.group(1):
                    alias_block = []
                elif item.group(2).strip():
                    meta["title"] = item.group(2).strip().strip("'\"")
            continue
        if line[:1].isspace():
            if alias_block is not None and "title" not in meta and line.strip():
                alias_block.append(line.strip())
            continue
        if alias_block:
            meta.setdefault("title", "".join(alias_block))
            alias_block = None
        k, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = k.strip().lower(), value.strip().strip("'\"")
        if not value:
            continue
        if key in _FRONT_MATTER_KEYS:
            meta.setdefault(_FRONT_MATTER_KEYS[key], value)
        elif key in ("date", "published", "created"):
            d = parse_date(value)
            if d:
                meta.setdefault("date", d)
    if alias_block:
        meta.setdefault("title", "".join(alias_block))


# A header line whose fields a page set without spaces: 作者：谷慧文来源：海洋生命学院发布时间：2024-09-25,
# 发布者：季彦斐发布时间：2022-09-30浏览次数：10457. After its first label, a source, author or publication
# date label may follow the previous value directly (the bare 时间/日期 may not: 培训时间：… 报名时间：…).
_HEADER_LEAD_RE = re.compile(
    r"^(?:" + "|".join(sorted(_META_KEYS, key=len, reverse=True)) + r"|发布者|发布人|发稿人|录入|编辑|责任编辑|浏览次数"
    r"|点击数|阅读|阅读数|访问量|供稿|供稿单位|审核|摄影|通讯员)\s*[:：]"
)
_HEADER_LINE_MAX = 200
_COUNTER_LABEL = (
    r"(?:浏览次数|浏览量|浏览|点击数|点击量|点击率|点击|阅读数|阅读量|阅读次数|阅读|访问量|访问次数|发布者|发布人|责任编辑)"
    r"\s*[:：]"
)
_GLUED_KEYS = [k for k in _META_KEYS if k not in ("时间", "日期") and _META_KEYS[k] in ("source", "author", "date")]
# a time, or a date and time, before a labelled field (15:30:00 来源：…, 2023-05-12 08:35:12　来源：新华网); a time
# before anything else is text (10:00 发布…, an agenda)
_LEADING_TIME_RE = re.compile(
    # (a portal's year and month/day spans glued: 202503/12 19:45:30来源：新华网)
    r"^(?P<date>(?:19|20)\d{2}(?:[-/.年]\d{1,2}[-/.月]|\s*\d{2}/)\d{1,2}日?\s*)?"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?=\s*\S))?(?:\s*[|｜]\s*|\s*)"
    r"(?=(?:" + "|".join(sorted(_META_KEYS, key=len, reverse=True)) + r")\s*[:：])"
)
_GLUED_KEY_RE = re.compile("(" + "|".join(sorted(_GLUED_KEYS, key=len, reverse=True)) + r")\s*[:：]\s*")


_BRACKETED_VALUE_RE = re.compile(r"^\s*[\[【［]\s*([^\[\]【】［］]{1,40}?)\s*[\]】］]\s*$")


def _parse_meta_line(line: str) -> dict[str, str] | None:
    """Key:value pairs of a header line (来源:… 作者:… 日期:…), or None. A line longer than
    :data:`_HEADER_LINE_MAX` is prose (a page that sets a whole article on its 作者： line), never a header."""
    if len(line) > _HEADER_LINE_MAX:
        return None
    leading_date = None
    if line[:1].isdigit():
        # a time the page's markup put on the line after its date (发布时间：2024-03-11 / 15:30:00 来源：中国新闻网),
        # or the publication date and time before the source (2023-05-12 08:35:12　来源：新华网)
        lead_stamp = _LEADING_TIME_RE.match(line)
        if lead_stamp:
            leading_date = (lead_stamp.group("date") or "").strip() or None
            spans = re.fullmatch(r"((?:19|20)\d{2})\s*(\d{2})/(\d{1,2})", leading_date or "")
            if spans:  # a portal's year and month/day spans glued (202503/12)
                leading_date = "-".join(spans.groups())
            line = line[lead_stamp.end() :]
    matches = list(_META_KEY_RE.finditer(line))
    led = False
    if len(line) <= 100:
        lead = _HEADER_LEAD_RE.match(line)
        if lead and (not matches or matches[0].start() > 2 or matches[0].start() < lead.end()):
            # fields glued to the value before them, after the line's first label
            starts = {m.start() for m in matches}
            glued = [m for m in _GLUED_KEY_RE.finditer(line, lead.end()) if m.start() not in starts]
            later = [m for m in matches if m.start() >= lead.end()]
            if glued or later:
                first = [m for m in matches if m.start() < lead.end()]
                matches = sorted(first + later + glued, key=lambda m: m.start())
                led = True
    if not matches or (matches[0].start() > 2 and not led):
        return None
    found: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : end]
        # a font-size control or similar chrome may follow on the same line
        key = _META_KEYS[m.group(1)]
        if key in _WHOLE_LINE_KEYS:  # a title or an address is the rest of its line (标题：深度阅读：… | …)
            value = value.strip()
        else:
            # a value in brackets of its own (时间:[ 2025-03-05 ]) is read inside them; other brackets end it
            value = _BRACKETED_VALUE_RE.sub(r"\1 ", value)
            # (and the page's font-size buttons: 来源：某某党建　A+ A-)
            value = re.split(r"\s{2,}|字\s*[体号]|[|｜]|[【\[】\]]|\s+A\s*[-－+＋]|" + _COUNTER_LABEL, value)[0].strip()
        if key == "date" and ":" not in m.group(0) and "：" not in m.group(0) and parse_date(value) is None:
            return None  # a date label without its colon and no date after it: words of the text (发布 2024年一季度…)
        if key == "url" and not _ADDRESS_RE.match(value):
            return None  # an address label over words (原文链接：青山县…实施方案, a link's text): a line of the text
        if value and key not in found:
            found[key] = value
    if leading_date and "date" not in found:
        found["date"] = leading_date
    return found


# an event's time and place set as labelled lines (时间：2025年3月5日上午9:00 / 地点：县政府四楼会议室): when a meeting
# is held, not when a page was published
_BARE_TIME_LABEL_RE = re.compile(r"^\s*(?:时\s*间|日\s*期)\s*[:：]")
_EVENT_FIELD_RE = re.compile(
    r"(?:^|\s)[\u4e00-\u9fff]{0,4}(?:地\s*点|地\s*址|会\s*址)\s*[:：]"
    r"|(?:^|\s)(?:主持人?|主讲人?|报告人|嘉\s*宾|议\s*题|参加人员|参会人员|出席人员|参加对象|活动内容)\s*[:：]"
)
# a header's own fields, which make a 时间： beside them the page's time (时间：2025-04-15 / 主题：… / 来源：县发改局)
_PAGE_FIELD_RE = re.compile(r"(?:来\s*源|作\s*者|点击|浏览|阅读|编辑)\S{0,2}\s*[:：]")


def event_time_lines(lines: list[str]) -> set[int]:
    """The indices of *lines* that give an event's time under a bare 时间：or 日期： label: a line that names the
    event's place, chair, speaker or participants too, or stands next to one that does; not where the page's own
    fields (来源：, 作者：, 点击：) stand on it (a header line).

    >>> sorted(event_time_lines(["时间：2025年3月5日上午9:00", "会议地点：县政府四楼会议室", "发布时间：2025-03-01"]))
    [0]
    >>> event_time_lines(["时间：2025-03-01 来源：县政府"]), event_time_lines(["时间：2025-04-15", "主题：经济运行"])
    (set(), set())
    """
    out = set()
    for i, line in enumerate(lines):
        if not _BARE_TIME_LABEL_RE.match(line):
            continue
        if _PAGE_FIELD_RE.search(line):
            continue  # (a header line: 时间：2025-03-01 来源：县政府)
        if any(0 <= j < len(lines) and _EVENT_FIELD_RE.search(lines[j].strip()) for j in (i - 1, i, i + 1)):
            out.add(i)
    return out


def read_header_fields(text: str, *, top: bool = True) -> dict[str, Any]:
    """The first value of each key on header lines of *text* (来源:… 作者:… 发布时间:… 文号:…);
    ``date`` is a :class:`datetime.date`. *top* False: the lines are not a file's top, so a ``标题：`` or ``网址：``
    among them (a notice's contact lines) gives no ``title`` or ``url``.

    >>> read_header_fields("首页 > 新闻\\n发布时间：2021-04-09 浏览次数：615\\n来源：新华社")["date"]
    datetime.date(2021, 4, 9)
    >>> read_header_fields("来源：太原晚报 2021-11-25 16:26:07")
    {'source': '太原晚报', 'date': datetime.date(2021, 11, 25)}
    >>> read_header_fields("时间:[ 2025-03-05 ]作者:桂花街道点击:次")
    {'date': datetime.date(2025, 3, 5), 'author': '桂花街道'}

    A date printed after a source without a label of its own gives way to a labelled one on any line:

    >>> read_header_fields("来源：人民日报 2025-03-13 08:00\\n发布时间：2025-03-14 09:00")["date"]
    datetime.date(2025, 3, 14)
    """
    found: dict[str, Any] = {}
    stamped = None  # the first date read after a source or an author, not under a date label
    lines = text.split("\n")
    events = event_time_lines(lines)  # (时间：… over 地点：…: a meeting's time)
    for at, line in enumerate(lines):
        if at in events:
            continue
        line = line.strip(_STRIP)
        if ":" not in line and "：" not in line and not _COLONLESS_DATE_RE.match(line):
            continue
        pairs = _parse_meta_line(line) or {}
        for key, value in typed_header_fields(pairs).items():
            if key == "date" and "date" not in pairs:
                stamped = stamped or value
            elif top or key not in _WHOLE_LINE_KEYS:
                found.setdefault(key, value)
    if stamped is not None:
        found.setdefault("date", stamped)
    return found


def typed_header_fields(pairs: dict[str, str]) -> dict[str, Any]:
    """The fields of one header line, typed: ``date`` a :class:`datetime.date` (dropped when it is none), a
    source without the credits and links on its line, and a date and time printed after a source or author
    without a label of their own taken as the date.

    >>> typed_header_fields({"source": "太原晚报 2021-11-25 16:26:07"})
    {'source': '太原晚报', 'date': datetime.date(2021, 11, 25)}
    >>> typed_header_fields({"source": "某某市融媒体中心 2025-03-12 18:40:05 1.2万"})
    {'source': '某某市融媒体中心', 'date': datetime.date(2025, 3, 12)}
    >>> typed_header_fields({"author": "某某某（某某大学马克思主义学院教授、某某研究中心特约研究员）"})
    {'author': '某某某'}
    """
    found: dict[str, Any] = {}
    for key, value in pairs.items():
        if key in found:
            continue
        if key == "date":
            d = parse_date(value) or chinese_date(value)  # 发布时间：二〇二三年五月十二日
            if d:
                found["date"] = d
            continue
        if key == "source":
            # the date (and time, and a counter) after the source on its line
            # (某某市融媒体中心 2025-03-12 18:40:05 1.2万)
            stamp = _STAMP_AFTER_SOURCE_RE.search(value)
            stamp_date = parse_date(stamp.group(1)) if stamp else None
            value = source_value(value)
            if not value or value.endswith(("...", "…")):
                continue  # a source the page cut short (综合自学习强国、川观新闻…) leaves room for the whole one
        elif key == "author":
            value = _AUTHOR_TAIL_RE.sub("", value).strip()  # 王某 编辑：赵某, zboygirl 阅读(1660) 评论(5)
            # a theory article's author with the affiliation in brackets: 某某某（某某大学马克思主义学院教授）
            value = _AUTHOR_AFFILIATION_RE.sub(r"\1", value)
            if not value or len(value) > 40 or _SENTENCE_MARK_RE.search(value):
                continue  # a paragraph after an author's label is no author
        m = _TRAILING_STAMP_RE.search(value) if key in ("source", "author") else None
        if m and m.start() > 0:
            # 来源：太原晚报 2021-11-25 16:26:07: the publication time follows the value unlabelled
            found[key] = value[: m.start()].strip()
            d = parse_date(m.group())
            if d and "date" not in found:
                found["date"] = d
        else:
            found[key] = value
        if key == "source" and stamp_date and "date" not in found:
            found["date"] = stamp_date
    return found


# (the date alone at the line's end, or the date and its time with what follows them; not a print edition's
# 2019年03月12日 第05版)
_STAMP_AFTER_SOURCE_RE = re.compile(
    r"\s((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s.*)?)?$"
)
# a date and time set after a header value without a label of its own (太原晚报 2021-11-25 16:26:07,
# 人民日报2024-05-13 08:49)
_TRAILING_STAMP_RE = re.compile(
    r"(?:\s|(?<=[\u4e00-\u9fff》）)]))(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# about 250 common Chinese surnames (most people bear one of them), and the traditional forms of those that differ
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
    "贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
    "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝习栗薄芮阚郜蔺陳楊黃趙吳許韓馮鄧蕭蔣葉蘇呂盧薑鍾譚陸賈鄒閆龍賀顧龔萬錢嚴溫莊聶魯嶽歐關蘭"
)
# what follows a source on its line and is not part of it: a credit after a space (巴彦淖尔日报 编辑：苏亮, 人民网
# 记者：木胜玉, 东方网 选稿：曾炟), a news portal's report link and the reader's place before it (新华社 举报, 鞭牛士
# 北京 举报), a comment or mobile link (求是网参与互动, 手机看新闻)
_CREDIT_TAIL_RE = re.compile(r"\s+(?:责任编辑|编辑|记者|作者|选稿|审核|校对|通讯员|摄影|供稿)\s*[:：].*$")
_AUTHOR_TAIL_RE = re.compile(_CREDIT_TAIL_RE.pattern + r"|\s+(?:阅读|评论|浏览|点击)\s*[(（:：].*$")
_SENTENCE_MARK_RE = re.compile(r"[。！？；]")
_AUTHOR_AFFILIATION_RE = re.compile(rf"^([{SURNAMES}某][\u4e00-\u9fff·]{{1,3}})\s*[（(][^（）()。！？]{{4,80}}[）)]$")
_SOURCE_TAIL_RE = re.compile(
    _CREDIT_TAIL_RE.pattern + r"|(?:\s+[\u4e00-\u9fff]{2,3})?\s+举报$|\s*(?:参与互动|手机看新闻|我要评论)$"
    r"|(?:\s+|(?<=[》」]))(?:评论\s*[:：]?\s*\d*|收藏|分享)$"
    # the reporters after the paper's name, without a colon (某某日报 记者 某某某 通讯员 某某)
    r"|\s+(?:本报|本台|本网)?(?:见习|特约)?(?:记者|通讯员)\s+[\u4e00-\u9fff].*$"
    # an editor's name after a paper's or site's name (中国新闻网 王帆)
    rf"|(?:(?<=[网报社台刊站])|(?<=中心))\s+[{SURNAMES}][\u4e00-\u9fff]{{1,2}}$"
    # a site's note on the piece (人民网－人民日报 原创稿)
    r"|\s+(?:原创稿|原创|转载)$"
    # a credit glued to the source by the markup (青山县融媒体中心记者：某某某): spans set side by side
    r"|(?<=[\u4e00-\u9fff])(?:记者|通讯员|作者|责任编辑|编辑|摄影)\s*[:：].*$"
    # the date and time, and a counter, that follow the source on its line (某某市融媒体中心 2025-03-12 18:40:05 1.2万)
    r"|\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s.*)?$"
)
# the label a page's <meta name="source"> repeats (来源：人民网－人民日报)
_SOURCE_LABEL_RE = re.compile(r"^\s*(?:稿件|文章|信息)?来源\s*[:：]\s*")


def source_value(value: str) -> str:
    """A source as printed after its label, without the credits and links that share its line.

    >>> source_value("东方网 选稿：曾炟"), source_value("鞭牛士 北京 举报"), source_value("江西统计 公众号")
    ('东方网', '鞭牛士', '江西统计 公众号')
    >>> source_value("来源：人民网－人民日报 原创稿"), source_value("中央纪委国家监委网站 孙某某")
    ('人民网－人民日报', '中央纪委国家监委网站')
    >>> source_value("青山县融媒体中心记者：某某某 某某1862")
    '青山县融媒体中心'
    """
    return _SOURCE_TAIL_RE.sub("", _SOURCE_LABEL_RE.sub("", value)).strip()


# a speech's byline under its heading: the speaker with their office, and the day (and place) it was given
_SPEAKER_RE = re.compile(
    r"^[\u4e00-\u9fff、]{0,30}?(?:书记|部长|主任|局长|县长|市长|区长|镇长|乡长|省长|主席|常委|委员|院长|校长|厅长|处长|"
    r"秘书长|巡视员|董事长|总经理)\s+[\u4e00-\u9fff·]{2,4}$"
)
# the day of an occasion line: 2025年1月8日, 二〇二五年一月八日
_OCCASION_DAY = (
    r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
_SPEECH_DAY_RE = re.compile(
    rf"^[（(]\s*{_OCCASION_DAY}"
    r"(?:\s*[，,、]\s*[\u4e00-\u9fff]{2,12})?\s*[）)]$"
    # a report's or a speech's occasion under its title: ——2025年1月8日在某某县第十八届人民代表大会第五次会议上
    rf"|^[—─]{{1,2}}\s*{_OCCASION_DAY}\s*在[^。！？]{{2,60}}上(?:的(?:讲话|报告|工作报告|发言))?$"
)
_SPEECH_SUBTITLE_RE = re.compile(
    r"^[—─]{1,2}\s*在[^。！？]{2,60}上的(?:讲话|报告|工作报告|发言|致辞|主持词)(?:提纲)?(?:[（(](?:摘要|节选|摘编)[）)])?$"
)
_OCCASION_START_RE = re.compile(rf"^[—─]{{1,2}}\s*{_OCCASION_DAY}\s*在[^。！？]{{2,40}}$")
_DATE_IN_OCCASION_RE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
# how a speech greets its audience (同志们：, 各位代表：, 女士们、先生们、朋友们：), not any label (会议要求：)
_SALUTATION_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,12}(?:同志们|代表们|委员们|朋友们|女士们|先生们|来宾们|同学们|老师们|嘉宾|同志)[、，,]?"
    r"|各位[\u4e00-\u9fff]{1,10}[、，,]?)+[:：]$"
)


def speech_byline_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without a speech's byline that opens them, and its fields: the speaker's line
    (``speaker``: 县委常委、组织部部长 李某某) and the day given in brackets under or over it (``written_date``:
    （2023年2月10日）); the day alone counts only when a salutation follows it (同志们：).

    >>> speech_byline_cut(["县委书记 李某某", "（2023年2月10日）", "同志们：", "这次会议的主要任务是……"])
    (['同志们：', '这次会议的主要任务是……'], {'speaker': '县委书记 李某某', 'written_date': datetime.date(2023, 2, 10)})

    A report's occasion (——2025年1月8日在…会议上, also over two lines) serves as its day:

    >>> head = ["——2025年1月8日在某某县第十八届", "人民代表大会第五次会议上", "某某县人民政府县长 王某某"]
    >>> speech_byline_cut([*head, "各位代表："])
    (['各位代表：'], {'speaker': '某某县人民政府县长 王某某', 'written_date': datetime.date(2025, 1, 8)})
    """
    at = [i for i, ln in enumerate(lines[:12]) if ln.strip()]
    while at and read_header_fields(lines[at[0]]):  # the page's date and 来源 line, which cleaning reads later
        at.pop(0)
    # a speech's subtitle over its byline, naming the occasion without its day (——在全市…工作会议上的讲话)
    subtitle = at.pop(0) if len(at) >= 3 and _SPEECH_SUBTITLE_RE.match(lines[at[0]].strip()) else None
    if len(at) >= 2 and _OCCASION_START_RE.match(lines[at[0]].strip()):
        # the occasion set over two lines (——2025年1月8日在某某县第十八届 / 人民代表大会第五次会议上): one line
        joined = lines[at[0]].strip() + lines[at[1]].strip()
        if not _SPEECH_DAY_RE.match(lines[at[0]].strip()) and _SPEECH_DAY_RE.match(joined):
            lines = [*lines[: at[0]], joined, *lines[at[1] + 1 :]]
            at = [at[0], *(i - (at[1] - at[0]) for i in at[2:])]  # (the header lines popped above stay out)
    at = at[:3]
    head = [lines[i].strip() for i in at]
    speaker = next((j for j, ln in enumerate(head[:2]) if _SPEAKER_RE.match(ln)), None)
    day = next((j for j, ln in enumerate(head[:2]) if _SPEECH_DAY_RE.match(ln)), None)
    if day is None:
        return lines, {}
    if speaker is None:
        if day != 0 or len(head) < 2 or not _SALUTATION_RE.match(head[1]):
            return lines, {}
        cut = 1
    elif abs(speaker - day) != 1:
        return lines, {}
    else:
        cut = 2
    found: dict[str, Any] = {}
    if speaker is not None:
        found["speaker"] = re.sub(r"\s+", " ", head[speaker])
    occasion = _DATE_IN_OCCASION_RE.search(head[day]) if head[day][:1] in "—─" else None
    written = (parse_date(occasion.group()) if occasion else None) or chinese_date(head[day])
    if written:
        found["written_date"] = written
    if subtitle is not None:
        found["subtitle"] = lines[subtitle].strip()
    return [ln for i, ln in enumerate(lines[: at[0]]) if i != subtitle] + lines[at[cut - 1] + 1 :], found


def cut_into(text: str, cut: Callable[[list[str]], tuple[list[str], dict[str, Any]]], meta: dict[str, Any]) -> str:
    """*text* after *cut* (a function of its lines that returns the lines it keeps and the fields it read), with
    those fields added to *meta* where it has none.

    >>> meta = {}
    >>> cut_into("县委书记 李某\\n（2023年2月10日）\\n同志们：", speech_byline_cut, meta), meta["speaker"]
    ('同志们：', '县委书记 李某')
    """
    lines, found = cut(text.split("\n"))
    if not found:
        return text
    for key, value in found.items():
        meta.setdefault(key, value)
    return "\n".join(lines)


def _looks_like_title(line: str) -> bool:
    return (
        2 <= len(line) <= 80
        and line[-1] not in "。；;，,：:"
        and sum(map(is_han, line)) >= 2
        and not _is_heading(line)
        and not line.startswith(("——", "（", "("))
    )


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join lines that a renderer split mid-sentence (wiki links on their own lines)."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1]
            and line
            and out[-1][-1] not in _TERMINAL + "：:"
            and not _is_heading(line)
            and any(p in out[-1] for p in "，、；：,")
        ):
            prev = out[-1]
            if not _is_heading(prev) or len(prev) > 40:
                out[-1] = prev + line
                continue
        out.append(line)
    return out


_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百\d]+[章节篇部分条])"
)


def _is_heading(line: str) -> bool:
    return bool(_HEADING_RE.match(line))


def _first_block_start(
    text: str, keys: tuple[str, ...], pattern: re.Pattern[str], end: int, lead: re.Pattern[str] | None = None
) -> int | None:
    """Where ``pattern.search(text, 0, end)`` would start, for a line-anchored (``re.M``) *pattern*
    that can only match where one of *keys* follows the line start and *lead* characters.

    The same answer as the search, found from the keys' occurrences (``str.find``) instead of
    trying the pattern at every position of a long page.
    """
    best: int | None = None
    for key in keys:
        p = text.find(key, 0, end)
        while p >= 0 and (best is None or p < best):
            if lead is None:  # the pattern is tried at the start of the key's line
                start = text.rfind("\n", 0, p) + 1
            else:  # ... or at the first line start within the run of lead characters before the key
                q = p
                while q > 0 and lead.match(text, q - 1):
                    q -= 1
                start = q if q == 0 or text[q - 1] == "\n" else text.find("\n", q, p) + 1
            if pattern.match(text, start, end):  # (a match anywhere bounds the search's answer from above)
                best = start
                break
            p = text.find(key, p + 1, end)
    return best


_PROSE_LINE_RE = re.compile(r"^[^\n]{14,}[。！？；][^\n]*$", re.M)


def _prose(text: str) -> int:
    """Characters of sentence-like lines (long enough and holding 。！？；): the body, not link lists."""
    return sum(len(m.group()) for m in _PROSE_LINE_RE.finditer(text))


def _tail_after_body(text: str, first: int, end: int) -> int | None:
    """The first related-articles heading at or after *first* that comes after the body: with text
    before it, and at least as much prose before it as after it. A sidebar heading (推荐阅读 above the
    article) is passed over, and the block after the article still ends the body."""
    starts = sorted(
        {
            start
            for key in _TAIL_KEYS
            for start in _key_line_starts(text, key, first, end)
            if _TAIL_BLOCK_M_RE.match(text, start, end)
        }
    )
    for start in starts:
        before = text[:start]
        if not before.strip():
            continue
        prose_before = _prose(before)
        if prose_before >= _prose(text[start:end]):
            return start
    return None


def _key_line_starts(text: str, key: str, lo: int, hi: int) -> list[int]:
    """Line starts (within the run of lead characters) before each occurrence of *key* in text[lo:hi]."""
    out = []
    p = text.find(key, lo, hi)
    while p >= 0:
        q = p
        while q > 0 and _TAIL_LEAD.match(text, q - 1):
            q -= 1
        start = q if q == 0 or text[q - 1] == "\n" else text.find("\n", q, p) + 1
        if start >= lo or start == 0:
            out.append(start)
        p = text.find(key, p + 1, hi)
    return out


def _flagged_lines(lines: list[str], lo: int, hi: int) -> list[int]:
    """Indices in ``lines[lo:hi]`` of the lines that start with a character of ``_MIDDLE_FIRST`` or
    hold markdown emphasis (``**``, ``__``), in order."""
    padded = "\n" + "\n".join(lines[lo:hi])
    hits = [m.start() for m in _MIDDLE_FLAG_RE.finditer(padded)]
    for mark in ("**", "__"):  # str.find is far faster here than a regex alternative
        at = padded.find(mark)
        while at >= 0:
            hits.append(at)
            at = padded.find(mark, at + 2)
    if len(hits) > 1:
        hits.sort()
    found: list[int] = []
    pos, line = 0, lo - 1  # padded[0] is the newline before line lo
    for at in hits:
        line += padded.count("\n", pos, at + 1)
        pos = at + 1
        if not found or found[-1] != line:
            found.append(line)
    return found


def clean_text(text: str, *, title: str | None = None, find_title: bool = True) -> tuple[str, dict[str, Any]]:
    """Clean a scraped page and return ``(body, metadata)``.

    Removes zero-width characters, HTML tags and entities, markdown front matter,
    images and link syntax (keeping the link text), page chrome (breadcrumbs,
    font-size controls, share/print/close links, related-article blocks, empty
    ``关键字:`` trailers, separator lines), and licence footers. Header lines give
    ``title``, ``author``, ``source``, ``date`` (a :class:`datetime.date`),
    ``issuer`` and ``doc_number``; a trailing organization signature in parentheses,
    such as ``(孟村县委组织部)``, moves to ``organization``. The body has one
    paragraph per line, each stripped of indentation.

    What it cannot do: it does not know a site's layout, so chrome that looks like
    prose (a one-line summary, an editor's note) stays in the body.

    *title*, when the caller knows it (a web page's heading), is not looked for among the first
    lines: a line equal to it is dropped and no other line is taken for it; a date line after the
    text has begun then stays in the body (the date under a short letter's signature).
    *find_title* False: the caller knows the text has no title line (a PDF whose title is an image
    opens with its byline), so no line is taken for one.
    """
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH_RE.sub("", text)
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        _parse_front_matter(fm.group(1), meta)
        text = text[fm.end() :]
    text = _strip_markup(text)
    # paragraphs run together with ideographic-space indents: "收悉。　　正如…"
    if "\u3000\u3000" in text:
        text = _RUN_TOGETHER_RE.sub("\\1\n", text)

    lines = [ln.strip(_STRIP) for ln in text.split("\n")]
    wikisource = False
    has_licence = any(k in text for k in _LICENCE_KEYS)
    if has_licence or any(k in text for k in _TAIL_KEYS):  # keys never touch a line's edges
        text = "\n".join(lines)
        end = len(text)
        lic = _first_block_start(text, _LICENCE_KEYS, _LICENCE_M_RE, end) if has_licence else None
        wikisource = lic is not None
        if lic is not None:
            end = lic
        tail = _first_block_start(text, _TAIL_KEYS, _TAIL_BLOCK_M_RE, end, lead=_TAIL_LEAD)
        if tail is not None:
            tail = _tail_after_body(text, tail, end)
        if tail is not None:
            end = tail
        if end < len(text):
            lines = text[:end].split("\n")
    n = len(lines)

    body: list[str] = []
    state = {"header": True, "seen": 0, "prose": False}

    events = event_time_lines(lines)  # (时间：… over 地点：…: a meeting's, kept as text)

    def process(line: str, at: int) -> None:
        if "#" in line:
            line = _MD_HEADING_RE.sub("", line)
        if "**" in line or "__" in line:
            line = _MD_EMPH_RE.sub(r"\2", line)
        if not line:
            return
        header = state["header"]
        pairs = _parse_meta_line(line) if (header or len(line) < 60) and (":" in line or "：" in line) else None
        if at in events or (state["prose"] and _BARE_TIME_LABEL_RE.match(line)):
            pairs = None  # (an event's time, or a bare 时间： after the text's first sentence: 一、会议时间 / 时间：…)
        if pairs and state["seen"]:  # 标题：… or 网址：… below the first line of text is text (征文要求 / 联系方式)
            pairs = {k: v for k, v in pairs.items() if k not in _WHOLE_LINE_KEYS} or None
        typed = typed_header_fields(pairs) if pairs else {}
        if pairs and (typed or all(len(v) <= 40 for v in pairs.values())):
            for key, value in typed.items():
                meta.setdefault(key, value)
            return
        # (a label whose value is a paragraph, 作者：某某 译：… 2005年1月2日 虽然大概…, is text, not a header)
        if len(line) <= 120 and _is_chrome(line):
            return
        # (a date line after the text has begun is a signature's date when the caller knows the title)
        if header and _DATE_LINE_RE.fullmatch(line) and not (title and state["seen"]):
            d = parse_date(line)
            if d:
                meta.setdefault("date", d)
                return
        if header and "doc_number" not in meta and _DOC_NUMBER_RE.fullmatch(line):
            meta["doc_number"] = line
            return
        if header and line == meta.get("title"):
            return  # the title repeated as a heading
        if find_title and header and "title" not in meta and state["seen"] == 0 and _looks_like_title(line):
            meta["title"] = line
            return
        body.append(line)
        state["seen"] += len(line)
        state["prose"] |= bool(_SENTENCE_MARK_RE.search(line)) or line.endswith(("：", ":"))
        if state["seen"] > 200:
            state["header"] = False

    # Header: every line until 200 characters of body text have been seen.
    i = 0
    while i < n and state["header"]:
        if lines[i]:
            process(lines[i], i)
        i += 1
    # Footer: the last lines of the page, where chrome and signatures sit.
    footer = n
    kept = 0
    while footer > i and kept < _FOOTER_LINES:
        footer -= 1
        kept += bool(lines[footer])
    # Middle: only lines of a few shapes (separators, bare URLs, markdown) need a look.
    prev = i
    for x in _flagged_lines(lines, i, footer):
        body.extend(lines[prev:x])
        if lines[x]:
            process(lines[x], x)
        prev = x + 1
    body.extend(lines[prev:footer])
    for x in range(footer, n):
        if lines[x]:
            process(lines[x], x)

    while body and body[-1] == "":
        body.pop()
    # a trailing newspaper citation or dateline
    if body and ("日电" in body[-1] or "版" in body[-1][-12:]):
        m = _PAPER_CITATION_RE.search(body[-1])
        if m and m.start() < m.end():
            if m.group("paper"):
                meta.setdefault("source", m.group("paper").strip())
            body[-1] = body[-1][: m.start()].rstrip()
            if not body[-1]:
                body.pop()
    # a trailing organization signature "(孟村县委组织部)"
    if body:
        m = _SIGNATURE_RE.search(body[-1])
        if m and m.group("role") and re.search(r"[由向至请送给在于被把为从]", m.group(1)):
            m = None  # a note with a role word (数据由县统计局 供稿), not a unit's name
        if m is not None and (
            (m.start() > 0 and body[-1][: m.start()].rstrip()[-1:] in _TERMINAL) or (m.start() == 0 and len(body) > 1)
        ):
            meta.setdefault("organization", m.group(1))
            if (m.group("role") or "").strip() in ("供稿", "报送", "撰稿"):
                meta.setdefault("source", m.group(1))  # (the unit that supplied the article: its source)
            body[-1] = body[-1][: m.start()].rstrip()
            if not body[-1]:
                body.pop()
    _tidy_title(meta)
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = re.sub(r"[\s\u3000]+", " ", value).strip()
    paragraphs = [b for b in body if b]
    if wikisource:
        paragraphs = _join_wrapped_lines(paragraphs)
    return "\n".join(paragraphs), meta


# how the name of a place or of a body ends (某某县, 城关镇, 市委组织部, 某某社区)
_PLACE_OR_BODY_RE = re.compile(
    r"(?:县|市|区|镇|乡|村|省|州|旗|盟|部|局|委|办|院|所|站|厅|处|科|队|会|社|校|馆|团|组|中心|社区|街道|公司|大学|学院|政府)$"
)


_DIVISION_SUFFIX_RE = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|盟|旗)$")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The mainland's administrative divisions (``lexicons/templates_places.txt``, from cpca: 张家港市, 江苏省) and
    their short forms (张家港, 江苏): a title's 张家港：… names a place, not an author.

    >>> "张家港" in place_names(), "江苏" in place_names(), "刘亚然" in place_names()
    (True, True, False)
    """
    names: set[str] = set()
    for _, line in read_lexicon_lines(lexicon_path("templates_places.txt")):
        name = line.strip()
        names.add(name)
        short = _DIVISION_SUFFIX_RE.sub("", name)
        if len(short) >= 2:
            names.add(short)
    return frozenset(names)


_REPOST_TAGS_RE = re.compile(r"^(?:\s*[\[【(（]\s*(?:转载|转帖|转|原创|置顶|精华|推荐|分享|图文|视频)\s*[\]】)）]\s*)+")


def without_repost_tags(title: str) -> str:
    """*title* without the tags a forum or a portal sets before it ([转载] 【转帖】, 【原创】, [置顶]).

    >>> without_repost_tags("[转载] 【转帖】中共某某县委关于开展作风建设年活动的通知")
    '中共某某县委关于开展作风建设年活动的通知'
    """
    return _REPOST_TAGS_RE.sub("", title) or title


def _tidy_title(meta: dict[str, Any]) -> None:
    title = meta.get("title")
    if not title:
        return
    # "刘亚然:推动组织工作守正创新" -> author prefix goes when it names the author: a person's name (led by a
    # common surname), never a place or a body (某某县：…, 市委组织部：…, the most common title of local news)
    m = re.match(r"^([\u4e00-\u9fff·]{2,5})\s*[:：]\s*(.+)$", title)
    if m and (m.group(1)[0] not in SURNAMES or _PLACE_OR_BODY_RE.search(m.group(1)) or m.group(1) in place_names()):
        m = None
    if m:
        author = meta.get("author")
        if author is None or author == m.group(1):
            meta.setdefault("author", m.group(1))
            meta["title"] = m.group(2).strip()
    meta["title"] = without_repost_tags(meta["title"])
    # "2013-03-22_标题" file-style prefix
    m = re.match(r"^((?:19|20)\d{2}[-.]\d{1,2}[-.]\d{1,2})[_\s]+(.+)$", meta["title"])
    if m:
        meta.setdefault("date", parse_date(m.group(1)))
        meta["title"] = m.group(2)
