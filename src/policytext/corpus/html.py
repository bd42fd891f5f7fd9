"""Reading a web page: the article's text, its title and dates, the gov.cn metadata table.

The main content comes from a known article container of Chinese government CMSs
(gov.cn's ``UCAP-CONTENT``, TRS ``zoom``/``article-content``, WebPlus ``wp_articlecontent``), else from
trafilatura (extra ``html``); policytext's own cleaning then runs on it. Metadata comes
from what the page prints: the gov.cn table (索引号, 发文机关, 成文日期, 标题, 发文字号, 发布日期),
``<meta>`` tags of the CMS (ArticleTitle, PubDate, ContentSource), the article heading
(``<h1>``) and the 发布时间/来源/作者 line above the article; never a date guessed from the crawl.

>>> page = "<html><body><table><tr><td><b>发文字号：</b></td><td>国发〔2018〕43号</td></tr></table></body></html>"
>>> page_fields(page)["doc_number"]
'国发〔2018〕43号'
>>> html_to_text("<p>第一段。</p><p>第二段&nbsp;。</p>")
'第一段。\\n第二段 。'
"""

from __future__ import annotations

import datetime as dt
import html as _html
import importlib
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import MissingExtraError
from .clean import (
    SURNAMES,
    cut_into,
    event_time_lines,
    parse_date,
    read_header_fields,
    source_value,
    speech_byline_cut,
    without_repost_tags,
)
from .officialdoc import (
    chinese_date,
    colophon_cut,
    ends_as_a_document_title,
    is_date_line,
    official_fields,
    signer_cut,
)
from .text import to_simplified

__all__ = ["body_text", "extract_html", "html_to_text", "page_fields"]

_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_DROP_RE = re.compile(r"<(script|style|noscript|template|svg|canvas|select|button|iframe)\b.*?</\1\s*>", re.I | re.S)
_DOCTYPE_RE = re.compile(r"<![^>]*>|<\?[^>]*\?>")
_BLOCK_RE = re.compile(
    r"<(?:br|hr|/?p|/?div|/?h[1-6]|/?li|/?ul|/?ol|/?tr|/?table|/?tbody|/?thead|/?section|/?article|/?header"
    r"|/?footer|/?nav|/?aside|/?dl|/?dt|/?dd|/?blockquote|/?pre|/?form|/?center|/?title)\b[^<>]*>",
    re.I,
)
_CELL_RE = re.compile(r"</?t[dh]\b[^<>]*>", re.I)
_TAG_RE = re.compile(r"<[^<>]+>")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u202f]+")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: one line per block (paragraph, heading, row, line break),
    table cells separated by a space, entities decoded, scripts, styles and comments dropped."""
    text = _COMMENT_RE.sub("", fragment)
    text = _DROP_RE.sub("", text)
    text = _DOCTYPE_RE.sub("", text)
    text = text.replace("\r", "").replace("\n", " ")
    text = _BLOCK_RE.sub("\n", text)
    text = _CELL_RE.sub(" ", text)
    text = _TAG_RE.sub("", text)
    text = _html.unescape(text)
    lines = (_SPACES_RE.sub(" ", ln).strip(" \u3000") for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


# --- the article container --------------------------------------------------------

_CONTAINER_RE = re.compile(
    r"<(?P<tag>td|div|section|article)\b[^<>]*?"
    # (postmessage_N: a Discuz forum's post; a thread's first post that holds text is taken)
    r"(?:\bid\s*=\s*[\"'](?:UCAP-CONTENT|zoom|zoomcon|Zoom|content_text|js_content|postmessage_\d+)[\"']"
    r"|\bclass\s*=\s*[\"'][^\"']*\b(?:wp_articlecontent|TRS_Editor|pages_content|article-content)\b[^\"']*[\"'])"
    r"[^<>]*>",
    re.S,
)


def _element_inner(page: str, m: re.Match[str]) -> str:
    """The inner HTML of the element whose opening tag *m* matched (nesting of the same tag counted)."""
    tag = m.group("tag").lower()
    open_close = re.compile(rf"<(/?){tag}\b[^<>]*>", re.I)
    depth = 1
    for t in open_close.finditer(page, m.end()):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return page[m.end() : t.start()]
    return page[m.end() :]


def _container(page: str) -> str | None:
    """The inner HTML of the page's largest known article container that holds text: 20 Han characters
    and a line of 15 (a paragraph or a table row), not a toolbar's short labels (浏览次数 分享 打印 关闭)
    that a CMS set in an element of the same class."""
    best: str | None = None
    post_taken = False
    for m in _CONTAINER_RE.finditer(page):
        post = "postmessage_" in m.group(0)
        if post and post_taken:
            continue  # a forum thread's article is its opening post, however long a reply runs
        inner = _element_inner(page, m)
        han = sum(1 for ch in _TAG_RE.sub("", inner) if "\u4e00" <= ch <= "\u9fff")
        if han < 20 or (best is not None and len(inner) <= len(best)):
            continue
        if (
            max((sum("\u4e00" <= ch <= "\u9fff" for ch in ln) for ln in html_to_text(inner).split("\n")), default=0)
            >= 15
        ):
            best = inner
            post_taken = post_taken or post
    return best


# --- metadata the page prints -------------------------------------------------------

_TD_RE = re.compile(r"<t[dh]\b[^<>]*>((?:(?!<t[dh]\b|</t[dh]>).)*)</t[dh]>", re.I | re.S)
_TABLE_LABELS = {
    "索引号": "index_number",
    "主题分类": "topic",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "发文单位": "issuer",
    "成文日期": "written_date",
    "成文时间": "written_date",
    "标题": "title",
    "名称": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发布日期": "date",
    "公开日期": "date",
    "主题词": "keywords",
}
# labels read in a metadata table's cells only (来　　源：| 某某部网站, gov.cn's 部门文件 table); on a line of its own a
# 来源 is read with the page's other header fields, which know where its value ends
_CELL_ONLY_LABELS = {"来源": "source"}
# a <meta> tag, quoted attribute values allowed to hold markup (ArticleTitle="标题<div>——副题</div>")
_META_TAG_RE = re.compile(r"<meta\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_ATTR_RE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_META_NAMES = {
    "articletitle": "title",
    "og:title": "title",
    "pubdate": "date",
    "firstpublishedtime": "date",
    "article:published_time": "date",
    "publishdate": "date",
    "contentsource": "source",
    "source": "source",
    "author": "author",
    "article:author": "author",
}
_HEAD_RE = re.compile(r"<head\b.*?</head\s*>", re.I | re.S)


def body_text(page: str) -> str:
    """:func:`html_to_text` of the page's body: without its ``<head>`` (the ``<title>``, and the text a malformed
    ``<meta>`` can leak there), as a browser shows it.

    >>> body_text("<html><head><title>某某网</title></head><body><p>正文。</p></body></html>")
    '正文。'
    """
    return html_to_text(_HEAD_RE.sub("", page))


_H1_RE = re.compile(r"<h1\b[^<>]*>(.*?)</h1>", re.I | re.S)
# the article record of the 方正 (Founder) newspaper CMS, kept in a comment: <!--enpproperty <date>…</date>
# <title>…</title> …-->; its date is the issue's (e-paper) or the article's publication date
_ENP_RE = re.compile(r"<!--\s*enpproperty\b(.*?)-->", re.I | re.S)
_ENP_FIELD_RE = re.compile(r"<(date|title)>(.*?)</\1>", re.I | re.S)
_H1_PART_RE = re.compile(r"</?(?:td|th|br|p|div|span)\b[^<>]*>", re.I)
_TITLE_RE = re.compile(r"<title\b[^<>]*>(.*?)</title>", re.I | re.S)
_WECHAT_TIME_RE = re.compile(
    r"""\b(?:var\s+)?(?:ct|publish_time)\s*=\s*["'](?P<epoch>1\d{9})["']"""
    r"""|\bcreateTime\s*=\s*["'](?P<text>(?:19|20)\d{2}-\d{1,2}-\d{1,2}[^"']*)["']"""
)


def _cell_text(cell: str) -> str:
    return re.sub(r"\s+", " ", _html.unescape(_TAG_RE.sub("", cell))).strip(" \u3000\u00a0")


_CLASS_SOURCE_RE = re.compile(
    r"<(?:span|em|div|p|a|i)\b[^<>]*\bclass\s*=\s*[\"'](?:[^\"'<>]*\s)?"
    r"(?:(?:news|article|art|arc|info|detail|post|content)[-_]?)?(?:source|laiyuan)[\"'\s][^<>]*>([^<>]{2,40})<",
    re.I,
)


def _in_list_item(page: str, at: int) -> bool:
    """Whether *at* stands inside an ``<li>`` of *page* (an item of a list of other articles).

    >>> page = '<ul><li><a>标题</a><span class="source">人民日报</span></li></ul>'
    >>> _in_list_item(page, page.index("<span")), _in_list_item(page, len(page))
    (True, False)
    """
    opened = max(page.rfind("<li>", 0, at), page.rfind("<li ", 0, at))  # (not <link>)
    return opened > page.rfind("</li", 0, at)


def page_fields(page: str) -> dict[str, Any]:
    """Metadata printed on the page: the label/value cells of a metadata table (gov.cn's
    索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期), the CMS's ``<meta>`` tags and the
    ``<h1>`` heading. Dates are :class:`datetime.date`."""
    found: dict[str, Any] = {}
    cells = [_cell_text(c) for c in _TD_RE.findall(page)]
    names = [re.sub(r"[\s\u3000:：]", "", c) for c in cells]
    # labels are known by their colon (发文字号：), or without one in a table that holds three or more of
    # them (索 引 号 | Whgs-16-02-010 | 发布机构 | 武汉市工商局 | 公开日期 | 2018-01-01)
    bare = len({n for n in names if n in _TABLE_LABELS}) >= 3
    for i, (label, value) in enumerate(zip(cells, cells[1:])):
        key = _TABLE_LABELS.get(names[i], _CELL_ONLY_LABELS.get(names[i])) if (label[-1:] in ":：" or bare) else None
        if key and value and not value.endswith(("：", ":")) and names[i + 1] not in _TABLE_LABELS and key not in found:
            found[key] = value
    for tag in _META_TAG_RE.findall(page):
        attrs = {a.lower(): (v1 or v2) for a, v1, v2 in _ATTR_RE.findall(tag)}
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        key = _META_NAMES.get(name)
        value = _meta_title_text(attrs.get("content", "")) if key == "title" else _cell_text(attrs.get("content", ""))
        if key and value:
            found.setdefault(f"_meta_{key}", value)
    m = _TITLE_RE.search(page)
    if m:
        found["_html_title"] = _cell_text(m.group(1))
    headings = []
    for h in _H1_RE.findall(page):
        text = _h1_heading(h, found.get("_html_title", ""))
        if _site_name_of(text, found.get("_html_title", "")):
            continue  # the site's logo set as <h1> (松花江网), named again at the end of the <title>
        if sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 4:
            headings.append(text)
    if headings:
        # several <h1>: a menu's or a banner's (全部导航, 全新首页 焕新登场) before the article's; the one the
        # <title> names is the heading
        title_key = _han_key(found.get("_html_title", ""))
        named = [h for h in headings if len(_han_key(h)) >= 4 and _han_key(h) in title_key]
        found["_h1"] = (named or headings)[0]
    # a source set without its label in an element named for it (<span class="news-source">北陵日报</span>)
    named_source = next((m for m in _CLASS_SOURCE_RE.finditer(page) if not _in_list_item(page, m.start())), None)
    if (
        named_source
        and re.fullmatch(r"[\u4e00-\u9fff·（）()《》]{2,20}", _cell_text(named_source.group(1)))
        and not re.search(r"来源|收录|合集|转载|出处", named_source.group(1))  # (本文来源于 <a>…</a>: a label's words)
    ):
        found["_class_source"] = _cell_text(named_source.group(1))
    enp = _ENP_RE.search(page)
    if enp:
        for key, value in _ENP_FIELD_RE.findall(enp.group(1)):
            if _cell_text(value):
                found.setdefault(f"_enp_{key.lower()}", _cell_text(value))
    ld = _structured_data_date(page) if "ld+json" in page else None
    if ld:
        found["_ld_date"] = ld
    is_wechat = ("js_content" in page and "rich_media" in page) or "mp.weixin.qq.com" in page
    wechat = _WECHAT_TIME_RE.search(page) if is_wechat else None
    if wechat:
        # a WeChat article (公众号) prints its time with a script from the page's own record (var ct = "1710460800",
        # seconds since 1970, China time; or createTime = '2024-03-15 10:00'): the publication time, not the crawl's
        stamp = wechat.group("epoch")
        day = (
            (dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc) + dt.timedelta(hours=8)).date()
            if stamp
            else parse_date(wechat.group("text") or "")
        )
        if day is not None:
            found["_wechat_date"] = day
    for key in ("date", "written_date"):
        if isinstance(found.get(key), str):
            found[key] = parse_date(found[key])
            if found[key] is None:
                del found[key]
    return found


def _h1_heading(inner: str, html_title: str) -> str:
    """The heading an ``<h1>`` holds: its text, or where it sets a heading and a subtitle in two cells or
    lines (大河网: ``<td>标题</td><td>副题</td>``), the leading parts that the ``<title>`` starts with.

    >>> _h1_heading("<td>拿起指挥棒的老师</td><td>年过五十的她带领民乐团</td>", "拿起指挥棒的老师--大河网")
    '拿起指挥棒的老师'
    """
    whole = _cell_text(inner)
    parts = [p for p in (_cell_text(x) for x in _H1_PART_RE.split(inner)) if p]
    key = _han_key(html_title)
    if len(parts) < 2 or not key or key.startswith(_han_key(whole)):
        return whole
    best = ""
    for k in range(1, len(parts)):
        lead = " ".join(parts[:k])
        if len(_han_key(lead)) >= 6 and key.startswith(_han_key(lead)):
            best = lead
    return best or whole


def _site_name_of(h1: str, html_title: str) -> bool:
    """Whether *h1* is the site's name that ends the ``<title>`` (``标题 松花江网``), or a part of it after a heading
    of eight characters or more (``我校党委2009年纪检工作总结_深圳中学_建设学术性高中``), not the heading.

    >>> _site_name_of("松花江网", "土豆不“土” 土豆无“土” 松花江网"), _site_name_of("某某通知", "某某通知")
    (True, False)
    >>> _site_name_of("深圳中学", "我校党委2009年纪检工作总结_深圳中学_建设学术性高中")
    True
    >>> _site_name_of("深圳中学", "纪检总结_深圳中学_建设学术性高中")  # (a column's name first, not a heading)
    False
    """
    key, title_key = _han_key(h1), _han_key(html_title)
    if bool(key) and len(title_key) > len(key) and title_key.endswith(key):
        return True
    parts = [_han_key(x) for x in _NAME_SEPARATOR_RE.split(html_title)]
    return (
        bool(_SITE_NAME_RE.search(key))
        and len(key) <= 12
        and len(parts) > 1
        and key in parts[1:]
        and len(parts[0]) >= 8
        and len(parts[0]) > len(key)
    )


# how a site's name ends (深圳中学, 某某县人民政府, 某某网), not a heading's (我校召开主题教育动员会)
_SITE_NAME_RE = re.compile(
    r"(?:中学|小学|大学|学院|学校|政府|网|网站|门户|局|厅|委员会|办公室|中心|医院|研究院|研究所|协会|学会|集团|公司)$"
)


# the parts of a heading a CMS keeps in its <meta> title as markup: 引题, 主题, 副题 (<p>写在…之际</p><p>标题</p>)
_TITLE_PART_RE = re.compile(r"</?(?:p|div|h[1-6])\b[^<>]*>", re.I)
# a part set in the typeface of a kicker or a subtitle (引题 and 副题 in 楷体 or 仿宋 over and under the main heading)
_SECONDARY_FACE_RE = re.compile(r"font-family\s*:[^\"'>;]*(?:楷体|KaiTi|SimKai|仿宋|FangSong)", re.I)


def _meta_title_text(content: str) -> str:
    """The heading in a ``<meta>`` title's value, which a CMS may keep as escaped markup of its parts: the main
    heading without a kicker (引题) or a subtitle set in their typeface (楷体, 仿宋), else the parts as the page prints
    them (标题——副题; a heading's two lines split by ``<br>``).

    >>> kicker = "&lt;p&gt;&lt;span style=&quot;font-family: 楷体;&quot;&gt;写在周年之际&lt;/span&gt;&lt;/p&gt;"
    >>> _meta_title_text(kicker + "&lt;p&gt;不松劲 再出发&lt;/p&gt;")
    '不松劲 再出发'
    >>> _meta_title_text("标题<div>——副题</div>"), _meta_title_text("关于做好春季学期<br/>开学工作的通知")
    ('标题——副题', '关于做好春季学期开学工作的通知')
    """
    raw = _html.unescape(content) if "&lt;" in content else content
    if not _TITLE_PART_RE.search(raw):
        return _cell_text(raw)  # (a <br> inside a heading joins its two lines)
    pieces = [x for x in _TITLE_PART_RE.split(raw) if _cell_text(x)]
    # a part in a kicker's or a subtitle's typeface is no main heading; a subtitle opened by a dash stays with the
    # heading, as the page prints it (标题——副题); with nothing to tell the parts apart, they are joined, as printed
    main = [x for x in pieces if not _SECONDARY_FACE_RE.search(x)]
    if main and len(main) < len(pieces):
        return "".join(_cell_text(x) for x in main)
    return "".join(_cell_text(x) for x in pieces)


# what sets a column or site name off a heading in a title: 标题_苏银, 栏目 - 标题, 标题--某网
_NAME_SEPARATOR_RE = re.compile(r"\s*[_|｜]+\s*|\s+[-—–]+\s+|\s*--+\s*")
# a bare dash between two Chinese words (a breadcrumb's in a <title>: 某某县人民政府-乡镇街道-某某镇-…)
_CRUMB_DASH_RE = re.compile(r"(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])")


def _title_among(meta_title: str, h1: str | None, html_title: str = "") -> str:
    """The ``<meta>`` title, or the ``<h1>`` heading where the meta title is that heading with a column
    or site name set off by a separator (``标题_苏银``, ``法国报纸摘要 - 标题``).

    >>> _title_among("法国报纸摘要 - 马克龙与普京会面", "马克龙与普京会面")
    '马克龙与普京会面'
    >>> _title_among("在高质量发展中展现新作为 青山县：小园区撑起县域大产业", "青山县：小园区撑起县域大产业")
    '青山县：小园区撑起县域大产业'
    >>> _title_among("党史学习教育专题 青山县召开动员大会", "党史学习教育专题", "青山县召开动员大会_青山县人民政府")
    '青山县召开动员大会'
    """
    if h1 and _han_key(h1) != _han_key(meta_title):
        pieces = _NAME_SEPARATOR_RE.split(meta_title)
        if len(pieces) > 1 and any(_han_key(p) == _han_key(h1) for p in pieces):
            return h1
        # a kicker and the heading joined by a space (在高质量发展中展现新作为 青山县：小园区撑起县域大产业); the
        # heading and a subtitle (青山县召开…动员大会 县委书记王建华出席并讲话), where the subtitle opens with a dash
        # or the <title> opens with the heading; not a topic's banner first (党史学习教育专题 青山县召开…动员大会),
        # where the <title> opens with the last word
        words = meta_title.strip().split()
        if len(words) > 1 and len(_han_key(h1)) >= 4:
            first, last, named = _han_key(words[0]), _han_key(words[-1]), _han_key(html_title)
            if _han_key(h1) == last and len(last) >= 6:
                return h1
            if _han_key(h1) == first:
                # (where the <title> names both, the banner is the <h1> and the heading the last word: 学习贯彻…精神
                # 青山县委…专题学习会 in a <title> that holds both)
                both = len(last) >= 6 and last in named
                if len(first) >= 6 and not both and (named.startswith(first) or words[1].startswith(("—", "－", "-"))):
                    return h1
                if both:
                    return words[-1]
    return meta_title


_LABEL_LINE_RE = re.compile(r"^([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,6})\s*[:：]\s*(.*)$")


def _labelled_fields(lines: list[str]) -> dict[str, Any]:
    """The metadata-table labels (索引号, 发文机关/发布机构, 成文日期, 发文字号/文号, 标题/名称, 发布日期 …) set out
    as ``label：value`` lines, or a label line followed by its value (a ``<dl>``/``<div>`` layout)."""
    found: dict[str, Any] = {}
    for i, line in enumerate(lines):
        m = _LABEL_LINE_RE.match(line.strip())
        if not m:
            continue
        key = _TABLE_LABELS.get(re.sub(r"[\s\u3000]", "", m.group(1)))
        if key is None or key in found:
            continue
        value = m.group(2).strip()
        if not value and i + 1 < len(lines) and not _LABEL_LINE_RE.match(lines[i + 1].strip()):
            value = lines[i + 1].strip()
        if not value or len(value) > 120:
            continue
        if key in ("date", "written_date"):
            d = parse_date(value)
            if d is None:
                continue
            found[key] = d
        else:
            found[key] = value
    return found


def _trafilatura_text(page: str, name: str) -> str:
    try:
        trafilatura: Any = importlib.import_module("trafilatura")
    except ImportError:
        raise MissingExtraError(f"reading HTML ({name})", "html", "trafilatura") from None

    def extract(markup: Any) -> str:
        out = trafilatura.extract(
            markup,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=False,
        )
        return out or ""

    page = _folded_text_shown(_textareas_as_paragraphs(_figures_as_paragraphs(page)))
    out = extract(_layout_tables_as_blocks(page, trafilatura))
    if not out and not _HTML_ROOT_RE.search(page[:4096]):
        # a page saved without <html>/<body> (a fragment, or inside a crawler's <text id=…> record), on which
        # trafilatura finds no document root: read it inside one
        out = extract(f"<html><body>{page}</body></html>")
    return out


_HTML_ROOT_RE = re.compile(r"<(?:html|body)\b", re.I)
# a mobile page's fold: the button that shows the rest of the article (展开全文), and the hiding marks of the block
# under it (class="hide-part", style="display:none")
_UNFOLD_RE = re.compile(r"展开全文|展开剩余|阅读全文|查看全文")
_HIDING_RE = re.compile(
    r"(<(?:div|section)\b[^<>]*?)(?:\bclass\s*=\s*([\"'])([^\"'<>]*\b(?:hide|hidden|fold|collapse)[\w-]*[^\"'<>]*)\2"
    r"|\bstyle\s*=\s*([\"'])[^\"'<>]*display\s*:\s*none[^\"'<>]*\4)",
    re.I,
)


def _folded_text_shown(page: str) -> str:
    """*page* with the block that a mobile page folds under its 展开全文 button shown: the hiding class or style of the
    first ``<div>``/``<section>`` with words in it in the 3,000 characters after the button, where it holds prose
    (sixty characters or more), which a reader's tap removes and which trafilatura reads as hidden (the rest of the
    article). A link to another page (``<a href="/news/2.html">阅读全文</a>``, a teaser's) is no button, and a hidden
    dialog or share panel after the folded block (请扫码关注) stays hidden.

    >>> rest = "<p>" + "新建的十所公办幼儿园全部投入使用。" * 4 + "</p>"
    >>> _folded_text_shown('<div>展开全文</div><div class="hide-part">' + rest + "</div>").count("hide-part")
    0
    >>> _folded_text_shown('<a>阅读全文</a><div style="display:none"><p>请扫码关注公众号</p></div>').count("none")
    1
    >>> _folded_text_shown('<a href="/n/2.html">阅读全文</a><div class="hide-part">' + rest + "</div>").count("hide")
    1
    """
    for m in _UNFOLD_RE.finditer(page):
        if page[page.rfind(">", 0, m.start()) + 1 : m.start()].strip():
            continue  # (the words open an element's text, a button's: not words of a sentence)
        if _links_elsewhere(page, m.start()):
            continue
        end = min(len(page), m.end() + 3000)
        for h in _HIDING_RE.finditer(page, m.end(), end):
            words = _TAG_RE.sub("", page[h.end() : _element_end(page, h.start())])
            prose = sum("\u4e00" <= ch <= "\u9fff" for ch in words)
            if prose == 0 or (prose < 12 and _BUTTON_WORDS_RE.search(words)):
                continue  # (an empty or decorative element, an arrow, a mask; a hidden 收起全文 button)
            if prose < 60:
                return page  # (a dialog or a share panel: 请扫码关注)
            opened = page.find(">", h.start()) + 1
            tag = page[h.start() : opened]
            while _HIDING_RE.search(tag):  # (every hiding mark: class="hide-part" style="display:none")
                tag = _HIDING_RE.sub(lambda x: x.group(1), tag, count=1)
            return page[: h.start()] + tag + page[opened:]
        return page
    return page


_BUTTON_WORDS_RE = re.compile(r"收起|展开|全文|更多|阅读")
_OPEN_OR_CLOSE_RE = re.compile(r"<(/?)(div|section)\b[^>]*>", re.I)


def _element_end(page: str, start: int) -> int:
    """The end of the ``<div>`` or ``<section>`` that opens at *start* (its closing tag's start, nested ones counted),
    or four thousand characters on where it is not closed.

    >>> page = '<div class="a"><div>一</div><div>二</div></div>三'
    >>> page[: _element_end(page, 0)]
    '<div class="a"><div>一</div><div>二</div>'
    """
    depth = 0
    for m in _OPEN_OR_CLOSE_RE.finditer(page, start, start + 20000):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.start()
    return min(len(page), start + 4000)


_HREF_RE = re.compile(r"\bhref\s*=\s*[\"']?\s*([^\"'\s>]*)", re.I)


def _links_elsewhere(page: str, at: int) -> bool:
    """Whether the text at *at* stands inside a link to another page (an ``<a>`` whose ``href`` is an address, not
    ``#`` or ``javascript:``).

    >>> _links_elsewhere('<a href="/news/2.html">阅读全文</a>', 23)
    True
    >>> _links_elsewhere('<a href="javascript:void(0)">展开全文</a>', 29)
    False
    """
    opened = page.rfind("<a ", max(0, at - 600), at)
    if opened < 0 or page.rfind("</a", opened, at) >= 0:
        return False
    tag = page[opened : page.find(">", opened) + 1]
    m = _HREF_RE.search(tag)
    address = m.group(1).strip().lower() if m else ""
    # (an address with a fragment is a jump within the page: …/1234.html#full)
    return bool(address) and not address.startswith(("#", "javascript")) and "#" not in address


_LD_SCRIPT_RE = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"))
_CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def _structured_data_date(page: str) -> str | None:
    """The ``datePublished`` of the article that the page's schema.org data (``application/ld+json``) describes, as
    an ISO day in China time; ``None`` when no article object declares one (another type's date, an ``ItemList``
    of other articles, is not the page's).

    >>> _structured_data_date('<script type="application/ld+json">{"@type": "NewsArticle", '
    ...                       '"datePublished": "2025-01-08T20:30:00Z"}</script>')
    '2025-01-09'
    """
    for block in _LD_SCRIPT_RE.findall(page):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = set(kinds) if isinstance(kinds, list) else {kinds}
                value = item.get("datePublished")
                if kinds & _ARTICLE_TYPES and isinstance(value, str):
                    try:
                        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
                    except ValueError:
                        day = parse_date(value)
                        return day.isoformat() if day else None
                    if when.tzinfo is not None:
                        when = when.astimezone(_CHINA_TIME)
                    return when.date().isoformat()
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return None


_TEXTAREA_RE = re.compile(r"<textarea\b[^>]*>(.*?)</textarea\s*>", re.I | re.S)


def _textareas_as_paragraphs(page: str) -> str:
    """*page* with each read-only ``<textarea>`` that holds a text (fifty Chinese characters or more: a record a CMS
    shows in a read-only box, 会议记录) read as a block of paragraphs, a line each; trafilatura reads no form field. A
    form's field (not read-only: a comment box's default text), a hidden one and one that copies the page's text are
    left as they are.

    >>> record = "会议内容：" + "同志们认真学习了有关精神。" * 5 + "\\n散会。"
    >>> _textareas_as_paragraphs(f"<textarea readonly>{record}</textarea>")[:40]
    '<div><p>会议内容：同志们认真学习了有关精神。同志们认真学习了有关精神。同'
    """
    if "<textarea" not in page and "<TEXTAREA" not in page:
        return page

    def block(m: re.Match[str]) -> str:
        tag = m.group()[: m.group().find(">") + 1].lower()
        key = _han_key(m.group(1))
        if (
            len(key) < 50
            or not re.search(r"\b(?:readonly|disabled)\b", tag)
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden|\bhidden\b", tag)
            or key[:30] in _han_key(page[: m.start()] + page[m.end() :])  # a copy of the article (复制本文)
        ):
            return m.group()
        lines = [ln.strip() for ln in m.group(1).splitlines() if ln.strip()]
        return "<div>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</div>"

    return _TEXTAREA_RE.sub(block, page)


_TABLE_TAG_RE = re.compile(r"<table\b", re.I)
_SENTENCE_END_RE = re.compile(r"[。！？；]")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _layout_tables_as_blocks(page: str, trafilatura: Any) -> Any:
    """*page* parsed (with trafilatura's own loader), each data table set among the prose of a layout table's
    cell read as paragraphs, a row each; *page* itself when it holds fewer than two tables (it is not parsed).

    trafilatura reads a table's own cells first and every table nested in it afterwards, so on an old site laid
    out in tables, a 公示's table of names set in the article's cell between its paragraphs came out after the
    signature, one cell per line. Such a table (one holding no table, in a cell whose own text has a sentence's
    end before it and after it) becomes paragraphs in its place, one per row, its cells joined by a space.

    >>> import trafilatura
    >>> page = ("<html><body><table><tr><td><p>拟任用以下同志，现予公示。</p><table><tr><td>张某某</td><td>男</td></tr>"
    ...         "</table><p>特此公示。</p></td></tr></table></body></html>")
    >>> tree = _layout_tables_as_blocks(page, trafilatura)
    >>> [p.text for p in tree.iter("p")]
    ['拟任用以下同志，现予公示。', '张某某 男', '特此公示。']
    """
    if len(_TABLE_TAG_RE.findall(page)) < 2:
        return page
    tree = trafilatura.utils.load_html(page)
    if tree is None:
        return page
    layout: list[Any] = []
    for table in list(tree.iter("table")):
        cell = next(table.iterancestors("td", "th"), None)
        if cell is None or next(table.iterdescendants("table"), None) is not None or not _among_prose(cell, table):
            continue
        rows = []
        caption = table.find("caption")
        lines = [" ".join(_cell_lines(caption))] if caption is not None else []
        for row in table.iter("tr"):
            cells = [c for c in (_cell_lines(c) for c in row if c.tag in ("td", "th")) if c]
            # a box of one cell keeps its paragraphs; a row of cells is a line, its cells joined by a space
            lines += cells[0] if len(cells) == 1 else [" ".join(" ".join(c) for c in cells)]
        for text in lines:
            if text:
                rows.append(table.makeelement("p", {}))
                rows[-1].text = text
        if not rows:
            continue
        rows[-1].tail = table.tail
        layout.extend(table.iterancestors("table"))
        parent, at = table.getparent(), table.getparent().index(table)
        parent.remove(table)
        for k, para in enumerate(rows):
            parent.insert(at + k, para)
    if not layout:
        return tree  # parsed already: trafilatura reads the tree, not the page again
    # the tables that held it lay the page out: their own rows and cells become blocks (trafilatura joins the
    # paragraphs of a table's cell into one line); the other tables inside them (a menu's, a footer's) stay
    for outer in dict.fromkeys(layout):
        inner = {el for t in outer.iterdescendants("table") for el in t.iter()}
        for el in [outer, *outer.iterdescendants(*_TABLE_PARTS)]:
            if el not in inner:
                el.tag = "div"
    return tree


def _cell_lines(cell: Any) -> list[str]:
    """A table cell's lines: its text broken where the cell breaks a line (``<br>``, a paragraph), each line's
    spaces collapsed (王芳<br>李明: ``['王芳', '李明']``, never 王芳李明)."""
    pieces: list[str] = []
    for node in cell.iter():
        block = node is not cell and isinstance(node.tag, str) and node.tag in _CELL_BREAKS
        if block:
            pieces.append("\n")
        if node.text and isinstance(node.tag, str):
            pieces.append(node.text)
        if node is not cell and node.tail:
            if block:
                pieces.append("\n")
            pieces.append(node.tail)
    return [" ".join(line.split()) for line in "".join(pieces).split("\n") if line.strip()]


_CELL_BREAKS = frozenset(("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"))


def _among_prose(cell: Any, table: Any) -> bool:
    """Whether the text of *cell* before *table* and after it each holds a sentence's end."""
    elements = list(cell.iter())
    order = {el: i for i, el in enumerate(elements)}
    last: dict[Any, int] = {}  # each element's last descendant, in document order (its own place when none)
    for el in reversed(elements):
        last[el] = last[el[-1]] if len(el) else order[el]
    start, end = order[table], last[table]
    before: list[str] = []
    after: list[str] = []
    for piece in cell.xpath(".//text()"):
        owner = piece.getparent()
        # a tail stands after the whole of its element
        at = last[owner] + 0.5 if piece.is_tail else order[owner]
        if at < start:
            before.append(piece)
        elif at > end:
            after.append(piece)
    return bool(_SENTENCE_END_RE.search("".join(before)[-300:]) and _SENTENCE_END_RE.search("".join(after)[:300]))


# a figure's tags with their attributes (a caption's class, wp-element-caption, makes trafilatura drop it)
_FIGCAPTION_RE = re.compile(r"<(/?)(figcaption|figure)\b[^<>]*>", re.I)
_FIGURE_RE = re.compile(r"<figure\b.*?</figure\s*>", re.I | re.S)


def _figures_as_paragraphs(page: str) -> str:
    """*page* with the ``<figure>`` blocks that stand between the article's paragraphs read as ``<div>`` and their
    ``<figcaption>`` as ``<p>``: a picture's caption is the article's (policytext's convention, as its development
    pages' and CWCE's gold count it), and trafilatura leaves figures out. A figure with no sentence's end in the
    markup before it and after it (a logo's, a sidebar card's) is left as it is.

    >>> page = "<p>会议召开。</p><figure class='f'><img/><figcaption>会场</figcaption></figure><p>会议强调。</p>"
    >>> _figures_as_paragraphs(page)
    '<p>会议召开。</p><div><img/><p>会场</p></div><p>会议强调。</p>'
    """
    if "<figure" not in page and "<FIGURE" not in page:
        return page

    def between_prose(m: re.Match[str]) -> str:
        before = _TAG_RE.sub("", page[max(0, m.start() - 1500) : m.start()]).strip()
        after = _TAG_RE.sub("", page[m.end() : m.end() + 1500]).strip()
        if re.search(r"[。！？]", before[-200:]) and re.search(r"[。！？]", after[:400]):
            return _FIGCAPTION_RE.sub(
                lambda t: f"<{t.group(1)}{'p' if t.group(2).lower() == 'figcaption' else 'div'}>", m.group()
            )
        return m.group()

    return _FIGURE_RE.sub(between_prose, page)


def _han_key(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def _title_key(text: str) -> str:
    """*text*'s Han characters, letters and digits: what two printings of a title share (关于开展11月…
    and 关于开展6月… differ here, not in :func:`_han_key`)."""
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff" or (ch.isascii() and ch.isalnum()))


# Lines of site furniture that extractors let through: QR codes, print/close toolbars, the footer.
_SITE_CHROME_RE = re.compile(
    r"扫一扫|[【\[]\s*(?:打印|关闭|收藏|返回顶部|纠错)\s*[】\]]|打印本页|关闭窗口|分享到|版权所有|©|Copyright|ICP\s*备"
    r"|公网安备|公安(?:机关|网)?备案号|网站标识码|技术支持\s*[:：]|主办(?:单位)?\s*[:：]|承办(?:单位)?\s*[:：]"
    r"|联系我们|网站地图|设为首页|加入收藏"
    r"|^(?:建议|推荐|最佳)[^。！？]{0,24}(?:分辨率|浏览器)"  # 建议使用1920*1080分辨率浏览器, 建议使用IE8以上浏览器
    r"|All Rights Reserved|违法和不良信息举报|新闻信息服务许可证|经营许可证编号|视听节目许可证|网络文化经营许可证"
    r"|网文\s*[\[〔【]\d{4}|返回搜狐|查看更多"
    r"|点击右上角|在浏览器中?打开"  # the overlay of a page opened inside a chat app
    r"|^分享(?:本页|此文)?\s*[:：]?$|^分享让更多人看到$|^(?:图集|组图|高清组图)$"
    r"|^本帖最后由.{1,60}编辑$"  # a forum's note on a post's last edit
    r"|^Powered\s+by\s+\S+"  # a CMS's credit in the footer
    r"|^(?:图表|数据|内容|视频|图片)?(?:正在)?加载中[.…。]*$"  # a chart's or a player's placeholder: 图表加载中……
    # a pager: 第1页/共1页 << 上一页 | 下一页 >>
    r"|^第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页|^[<《«\s]*上一页\s*\\?[|｜]?\s*下一页[>》»\s]*$"
    r"|^(?=.*(?:上一页|下一页))(?:(?:首页|上一页|下一页|尾页|末页|<<|>>|«|»|\\?[|｜]|\d{1,3})\s*){3,}$"
    # a QR code's caption, a back-to-top button, a player's notice
    r"|^[^。！？，,:：]{0,24}(?:微信公众号|官方微信|官方微博|政务微博|客户端|二维码)$|^(?:回到顶部|返回顶部|返回首页)$"
    r"|不支持\s*Flash|请(?:安装|升级)\s*Flash"
    r"|^[\[【(（]\s*广告\s*[\]】)）]$"  # an advertisement's label on a line of its own (a bare 广告 may be a word)
    # a recommender's feedback and the buttons under it (a bare 推荐 may be a word of the article's own)
    r"|^感谢您的反馈|^[-–•·▪*]\s*(?:推荐|订阅|收藏|点赞|评论)$|^订阅$"
    r"|^(?:热门关键词|热门搜索|热搜词?|搜索历史|大家都在搜)(?:\s|$)"  # a search box's keyword bar
    # share buttons and the instructions of a share overlay
    r"|^(?:朋友圈|微信好友|微信|微博|QQ空间|QQ好友)$|分享(?:给|到)?微信|请点击\s*[“\"]?\s*[”\"]?\s*按钮"
    r"|^[\[【]?\s*(?:阅读剩余全文|展开全文|查看全文|点击查看全文|阅读全文|继续阅读|请?继续下滑阅读|展开剩余\d*%?)\s*[(（]?\s*[)）]?\s*[\]】]?"
    r"\s*[∨∧⌄▼▽↓>»]?$"
    # a link to the original under the article (原文链接：http://…), a like counter (赞 128),
    # a CMS's rule (----分隔线----)
    r"|^(?:原文|本文|文章)(?:链接|网址|地址)\s*[:：]\s*(?:https?://|www\.)\S*$"
    r"|^(?:赞|点赞|在看|收藏|转发|分享|评论)\s*\d+(?:\.\d+)?[万千]?$|^[-—–=_*·]{2,}\s*分隔线\s*[-—–=_*·]*$",
    re.I,
)
# 主办单位：… 承办单位：… name a site's owners in its footer, and an event's organisers in an article
_ORGANISER_RE = re.compile(r"^(?:主办|承办|协办|支持)(?:单位)?\s*[:：]")
# a portal's dialog before an outside link: 您访问的链接即将离开“某某”门户网站 是否继续？ (a question: no sentence)
_EXIT_DIALOG_RE = re.compile(r"^您访问的链接即将离开|^[^。！？]{0,20}(?:网站|页面)\s*(?:，|,)?\s*是否继续\s*[？?]$")
# the download buttons of a document page: pdf下载 word下载
_DOWNLOAD_BAR_RE = re.compile(
    r"^(?:(?:pdf|word|doc|docx|wps|ofd)\s*(?:版\s*)?下载[\s|｜]*)+$"
    # a CMS's attachment link with its download counter (博达: 附件【附件1.某某要求.docx】已下载12次)
    r"|^(?:[-–•·▪*]\s*)?(?:相关)?附件\s*[【\[][^【】\[\]]{1,120}[】\]]\s*已下载\s*\d*\s*次?$",
    re.I,
)
# a link to the previous or next article, also as a list item (- ▪ 上一篇：…)
_PREV_NEXT_RE = re.compile(r"^[-–•·▪▫■□◆◇●○*>\s]*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)(?:文章)?\s*(?:[:：]|$)")


def _drop_site_chrome(lines: list[str]) -> list[str]:
    """*lines* without site chrome (:func:`_is_site_chrome`); a line naming organisers (主办单位：…) is
    chrome only where no prose follows it (a footer), not inside an article about an event."""
    out: list[str] = []
    prose_after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] or bool(_SENTENCE_LINE_RE.match(lines[i]))
    chrome = [_is_site_chrome(line) for line in lines]
    for i, line in enumerate(lines):
        if chrome[i]:
            s = line.strip()
            organiser = _ORGANISER_RE.match(s) and len({m.lower() for m in _SITE_CHROME_RE.findall(s)}) == 1
            if not (organiser and prose_after[i + 1]):
                continue
        elif not prose_after[i] and _inside_footer(lines, chrome, i):
            continue
        out.append(line)
    return out


# a labelled field of a footer or a contact block: 联系电话：… 地址: … E-mail：…
_FOOTER_FIELD_RE = re.compile(
    r"^(?:联系|咨询|值班|办公室?|服务|举报)?(?:电话|热线)|^(?:通讯|联系)?地址|^邮(?:政编码|编)|^传真|^(?:电子)?邮箱|^E-?mail"
    r"|^网站(?:地址)?\s*[:：]|^ICP",
    re.I,
)


def _inside_footer(lines: list[str], chrome: list[bool], i: int) -> bool:
    """Line *i* is a short field of a site's contact details (联系电话：…, 地址：…, 邮编：…, 传真：…) between two
    lines of site chrome: a line of the page's footer (主办：… / 联系电话：… / 赣ICP备…), not the end of the article.
    Other labelled lines (附件：…, an article's own 联系人：) and short lines without a label (a block heading 工作动态,
    which the cut of trailing blocks reads) stay.

    >>> lines = ["主办：某某市文化广电旅游局", "联系电话：0791-83986887", "赣ICP备17015617号"]
    >>> _inside_footer(lines, [True, False, True], 1)
    True
    """
    line = lines[i].strip()
    if (
        len(line) > 40
        or line.endswith(_SENTENCE_ENDS)
        or not _FOOTER_FIELD_RE.match(line)
        or ("：" not in line and ":" not in line)
    ):
        return False
    before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    return before is not None and after is not None and chrome[before] and chrome[after]


_SENTENCE_ENDS = ("。", "！", "？", "；")
# what follows a paragraph's last sentence on its line without a sentence end of its own
_UNENDED_TAIL_RE = re.compile(r"(?<=[。！？”])\s*([^。！？]{2,16})$")


def _glued_chrome_strip(line: str) -> str:
    """*line* without a button or link that the page set after the paragraph's last sentence on the same
    line (…也前往送别。返回搜狐，查看更多), which would otherwise make the whole paragraph chrome.

    >>> _glued_chrome_strip("中央和国家机关有关部门负责同志也前往送别。返回搜狐，查看更多")
    '中央和国家机关有关部门负责同志也前往送别。'
    """
    m = _UNENDED_TAIL_RE.search(line)
    if m and m.start() >= 15 and _is_site_chrome(m.group(1)):
        return line[: m.start()]
    return line


# a list item of other articles: a bullet trafilatura sets (- 标题), and the item's date or time at its end
# ([08-18], 2020-03-12 20:19, (2024/05/07))
_LIST_BULLET_RE = re.compile(r"^[-–•·▪*]\s+\S")
_ITEM_DATE_RE = re.compile(
    r"(?:[\[(（]\s*(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}\s*[\])）]"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)


# a date alone on a line, under the headline of a list item it dates
_BARE_DATE_RE = re.compile(r"^[\[(（]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\])）]?$")
# the bullets trafilatura and the pages set before list items
_BULLETS = "-–•·▪*"
_LONE_BULLETS = frozenset(_BULLETS)
# a headline led by its source in brackets: [科技日报]新策略提升…
_SOURCE_PREFIX_RE = re.compile(r"^[\[【][\u4e00-\u9fff]{2,8}[\]】]\S")


_SUBTITLE_RE = re.compile(r"^[—–]{1,2}\s*\S")


def _kicker_cut(lines: list[str], title: str | None, page_keys: list[str]) -> list[str]:
    """*lines* without a column's kicker that opens them (理论前沿), where the page prints it on the line right over the
    heading: a short line without a clause's mark.

    >>> page = ["理论前沿", "以高质量党建引领城市基层治理", "城市基层是党执政的底座。"]
    >>> _kicker_cut([page[0], page[2]], page[1], [_han_key(x) for x in page])
    ['城市基层是党执政的底座。']
    """
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    key = _han_key(title or "")
    if first is None or len(key) < 6 or first + 1 >= len(lines):
        return lines
    line = lines[first].strip()
    if len(line) > 16 or re.search(r"[，,。；;：:！!？?“”]", line) or len(_han_key(line)) < 2:
        return lines
    heading = _page_line_of(key, page_keys)
    if heading is None or heading == 0 or page_keys[heading - 1] != _han_key(line):
        return lines
    return lines[first + 1 :]


def _subtitle_cut(
    lines: list[str], title: str | None, page_lines: list[str], page_keys: list[str]
) -> tuple[list[str], str | None]:
    """*lines* without a subtitle (副题: ——记某某镇党委书记王某某) that opens them, and that subtitle: a short line
    that starts with a dash, ends no sentence or clause, and is printed within three lines under the heading (one of
    two clauses, ——今年以来办理涉企案件63件，挽回经济损失1200余万元, on its own line right under it).

    >>> page = ["扎根基层写忠诚", "——记某镇党委书记王某", "在某镇，群众都竖起大拇指。"]
    >>> _subtitle_cut(page[1:], page[0], page, [_han_key(x) for x in page])
    (['在某镇，群众都竖起大拇指。'], '——记某镇党委书记王某')
    """
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or not title:
        return lines, None
    line = lines[first].strip()
    if not _SUBTITLE_RE.match(line) or len(line) > 40 or re.search(r"[。；;！!？?：:]|[，,”\"]$", line):
        return lines, None  # a clause (——地区生产总值增长6%左右，) or a quotation (——“我们村的路修好了！”)
    if line.lstrip("—– ").startswith(("“", '"')):
        return lines, None
    heading = _page_line_of(_han_key(title), page_keys) if _han_key(title) else None
    at = _page_line_of(_han_key(line), page_keys) if _han_key(line) else None
    if heading is None or at is None or not 0 < at - heading <= 3:
        return lines, None
    if re.search(r"[，,]", line) and (at - heading != 1 or page_keys[at] != _han_key(line)):
        # a subtitle of two clauses (——今年以来办理涉企案件63件，挽回经济损失1200余万元): only on the line under
        # the heading
        return lines, None
    return lines[first + 1 :], line


_ATTACHMENT_START_RE = re.compile(r"^\s*(?:相关)?附\s*件")
_FILE_NAME_RE = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)\s*$", re.I)
_ITEM_NUMBER_RE = re.compile(r"^\s*\d{1,2}\s*[.．、]")


def _attachments_below(lines: list[str], page_lines: list[str], page_keys: list[str]) -> list[str]:
    """The attachment list the page prints right under the article's last line (附件：1.报名表.docx / 2.…), where
    the extractor dropped it as a block of links; ``[]`` when the next printed line is no 附件 label or the text
    already holds one. An official document's 附件 are part of it (GB/T 9704).

    >>> page = ["某某通知", "请按时报送。", "附件：报名表.docx", "2.任务分解表.xlsx", "分享到："]
    >>> _attachments_below(["请按时报送。"], page, [_han_key(x) for x in page])
    ['附件：报名表.docx', '2.任务分解表.xlsx']
    """
    # (a bare 附件： label ending the text, its items dropped as a list of links: the items are taken under it)
    bare = bool(lines) and bool(_ATTACHMENT_LABEL_RE.match(lines[-1])) and "相关" not in lines[-1]
    if not bare and any(_ATTACHMENT_START_RE.match(ln) for ln in lines):
        return []
    first_row: dict[str, int] = {}  # each page line's Han, letters and digits (a date line 2024年3月1日 too)
    for j, line in enumerate(page_lines):
        first_row.setdefault(_title_key(line), j)
    body = lines[:-1] if bare else lines
    rows = [first_row[k] for k in map(_title_key, body) if len(k) >= 4 and k in first_row]
    if not rows:
        return []
    j = max(rows) + 1
    while j < len(page_lines) and not page_lines[j].strip():
        j += 1
    if j >= len(page_lines) or not _ATTACHMENT_START_RE.match(page_lines[j]) or len(page_lines[j]) > 120:
        return []
    out = [page_lines[j].strip()]
    for line in page_lines[j + 1 : j + 21]:
        s = line.strip()
        if not s:
            continue
        if len(s) > 80 or s.endswith(_SENTENCE_ENDS) or not (_FILE_NAME_RE.search(s) or _ITEM_NUMBER_RE.match(s)):
            break
        out.append(s)
    return out[1:] if bare else out


_ATTACHMENT_LABEL_RE = re.compile(r"^\s*(?:相关)?附\s*件(?:下载)?\s*[:：]\s*$")


def _attachment_label_join(lines: list[str]) -> list[str]:
    """*lines* with a bare attachment label (附件：) joined to the file name on the next line (a name with a file
    suffix or a number): an extractor breaks the line before the label's link (附件：<a>报名表.docx</a>), and the
    label alone reads as an empty field.

    >>> _attachment_label_join(["特此通知。", "附件：", "发展对象培训报名表.docx"])
    ['特此通知。', '附件：发展对象培训报名表.docx']
    """
    out: list[str] = []
    for line in lines:
        joins = out and _ATTACHMENT_LABEL_RE.match(out[-1]) and line.strip() and len(line) <= 80
        # a file's name (…报名表.docx, 1.报名表): not the heading of an attachment printed in full below its label
        if joins and (_FILE_NAME_RE.search(line) or _ITEM_NUMBER_RE.match(line)):
            out[-1] = out[-1].rstrip() + line.strip()
            continue
        out.append(line)
    return out


def _leading_link_list_cut(lines: list[str]) -> list[str]:
    """*lines* without a list of other articles that the extractor put above the article: three or more
    items in a row (short lines with no sentence end, each dated, bulleted or led by a bracketed source
    ([科技日报]…); most of them dated, the date on the item's line or on the next, or under a heading such as
    推荐阅读), after at most two short lines (that heading, a date line), when prose follows.

    >>> items = [f"- 其他新闻标题{i}[08-1{i}]" for i in range(4)]
    >>> _leading_link_list_cut(["推荐阅读", *items, "会议强调，要认真贯彻落实中央部署，推动工作落实。"])
    ['会议强调，要认真贯彻落实中央部署，推动工作落实。']
    """
    shown = [i for i, ln in enumerate(lines[:40]) if ln.strip()]
    if len(shown) < 4:
        return lines

    def item(line: str) -> tuple[bool, bool]:
        t = line.strip()
        if len(t) > 100 or t.endswith(_SENTENCE_ENDS):
            return False, False
        if _ITEM_DATE_RE.search(t):
            return True, True  # a dated headline (its own ！ or ？ inside: 捷運加持！ 雙北…)
        return bool(_LIST_BULLET_RE.match(t) or _SOURCE_PREFIX_RE.match(t)) and not _SENTENCE_LINE_RE.match(t), False

    for lead in range(3):
        if lead and (
            len(lines[shown[lead - 1]].strip()) > 20 or lines[shown[lead - 1]].strip().endswith(_SENTENCE_ENDS)
        ):
            break
        run: list[tuple[int, bool]] = []
        for i in shown[lead:]:
            if lines[i].strip() in _LONE_BULLETS:
                continue  # the bullet of the next item, on a line of its own
            if run and _BARE_DATE_RE.match(lines[i].strip()):
                run[-1] = (i, True)  # the item's date on a line of its own (标题 / 2024-01-25)
                continue
            is_item, dated = item(lines[i])
            if not is_item:
                break
            run.append((i, dated))
        headed = lead > 0 and any(_is_tail_heading(lines[shown[k]]) for k in range(lead))
        if len(run) >= 3 and (headed or sum(d for _, d in run) * 2 > len(run)):
            rest = lines[run[-1][0] + 1 :]
            if any(_SENTENCE_LINE_RE.match(x) for x in rest[:12]):
                return rest
    return lines


def _is_site_chrome(line: str) -> bool:
    """A short line (at most 80 characters, not a sentence) holding page furniture, a credit line
    (``供稿 摄影/… 编辑/…``, ``【编辑：…】``, ``（资料来源：…）``) or a site's disclaimer (``声明：…仅供参考…``);
    traditional characters are read as simplified (``本網站之文字…不得轉載``; the chrome, block-heading and
    credit rules all match on :func:`~policytext.corpus.text.to_simplified`, one character for one; the text
    keeps the characters it was printed with)."""
    line = to_simplified(line.strip())
    if len(line) <= 80 and (_PREV_NEXT_RE.match(line) or _DOWNLOAD_BAR_RE.match(line) or _EXIT_DIALOG_RE.match(line)):
        return True
    if line and len(line) <= 2 and not re.search(r"[\w\u4e00-\u9fff]", line):
        return True  # a stray bracket or mark left of a button ([ 阅读剩余全文 ])
    if len(line) <= 80 and not line.endswith(_SENTENCE_ENDS) and bool(_SITE_CHROME_RE.search(line)):
        return True
    marks = len(set(m.group().lower() for m in _SITE_CHROME_RE.finditer(line))) if len(line) <= 300 else 0
    if marks >= 3 or (
        # 版权所有 … 地址：… 联系电话：… ICP备…: a site's own marks with its contact fields, not an article's sentence
        marks == 2
        and _FOOTER_FIELD_IN_LINE_RE.search(line)
        and _SITE_OWNER_RE.search(line)
        and not line.endswith(_SENTENCE_ENDS)
    ):
        return True  # a footer on one line: 版权所有 … Copyright © … ICP备 … (or 版权所有 … 地址：… ICP备 …)
    if len(line) <= 60 and (_BRACKETED_CREDIT_RE.match(line) or len(_CREDIT_MARK_RE.findall(line)) >= 2):
        return True
    if len(line) <= 40 and _CREDIT_LEAD_RE.match(line) and not line.endswith(_SENTENCE_ENDS):
        return True
    if len(line) <= 400 and _COPYRIGHT_NOTICE_RE.match(line) and re.search(r"转载|版权|授权", line):
        return True  # 中国日报网版权说明：凡注明来源为…未经允许禁止转载
    if len(line) <= 60 and _REPRINT_NOTICE_RE.search(line):
        return True
    return len(line) <= 160 and bool(_DISCLAIMER_RE.match(line))


# a contact field inside a footer's line: 地址：… 联系电话：… 电子邮箱：…
_FOOTER_FIELD_IN_LINE_RE = re.compile(r"(?:地址|电话|邮箱|邮编|传真|E-?mail)\s*[:：]", re.I)
_SITE_OWNER_RE = re.compile(r"版权所有|©|Copyright|ICP\s*备|公网安备", re.I)
# 【编辑：姚昊】 （资料来源：参考消息、海外网等） (责编：汤诗瑶、丁涛)
_BRACKETED_CREDIT_RE = re.compile(
    r"^[（(【\[]\s*(?:责任编辑|编辑|责编|编审|审核|校对|资料来源|稿件来源|文/图|文图|摄影|供稿)\s*[:：/].{0,48}[）)】\]]$"
    # a writer's and photographer's credit with a space after its mark: （文/图 团市委宣传部 徐晓鹏）
    r"|^[（(【\[]\s*(?:文/图|图/文|文图|图文)\s+[^\s。！？，,]{2,20}(?:\s+[^\s。！？，,]{2,10}){0,3}\s*[）)】\]]$"
)
# the marks of a credit line: 供稿, 摄影/, 编辑/, 文/图, 执笔/ (two make a line of credits)
_CREDIT_MARK_RE = re.compile(
    r"供稿|供图|[/／]\s*文|(?:摄影|摄像|编辑|责编|审核|校对|执笔|文图|图文|文|图|文/图)\s*[/／]"
)
_CREDIT_LEAD_RE = re.compile(r"^(?:执笔|摄影|摄像|编辑|责编|文/图|文图|图文|文|图)\s*[/／]")
# a site's disclaimer under the article: 声明：…仅供参考，不构成…投资建议
_DISCLAIMER_RE = re.compile(
    r"^[【\[]?(?:免责|特别)?声明\s*[】\]]?\s*[:：].*(?:仅供参考|不构成|风险自担|不代表|转载|版权|信息存储服务)"
    # a portal's note on its comments or its users' posts: 网友评论仅供其表达个人看法，并不表明网易立场。
    r"|^[^。！？]{0,20}仅供[^。！？]{0,12}[，,][^。！？]{0,6}(?:不代表|并不表明|不表明)[^。！？]{0,12}(?:立场|观点)"
    # a platform's note under a reposted piece:
    # 本文来自【某某日报客户端】，仅代表作者观点。全国党媒信息公共平台提供信息发布传播服务。
    r"|^(?:本文|此文|文章)来自[^。！？]{0,30}仅代表(?:原?作者|作者本人|作者个人)(?:个人)?(?:观点|立场)"
    r"|^[^。！？]{0,30}提供信息发布传播服务。?$"
    # a site's note on how it publishes a decision: 说明：本决定书依据…予以公示…。当事人的个人隐私信息已作隐藏处理。
    r"|^(?:说明|备注|注)\s*[:：](?=.{0,120}?(?:予以公示|公示期限|予以公开|本网站?|本页面?)).{0,120}?"
    r"隐私信息?(?:已|均)?(?:作|做|进行)?了?(?:隐藏|屏蔽|脱敏|技术)处理"
)
# a site's reprint notice: 39健康网(www.39.net)专稿，未经书面授权请勿转载。
_REPRINT_NOTICE_RE = re.compile(
    r"[未非]经[^。！？]{0,10}(?:授权|许可|同意)[^。！？]{0,8}(?:转载|使用)|(?:请勿|禁止|谢绝|严禁|不得)转载"
)
# a site's copyright notice under the article, after the site's name: 中国日报网版权说明：…, 版权保护：…
_COPYRIGHT_NOTICE_RE = re.compile(
    r"^[【\[]?[\u4e00-\u9fffA-Za-z]{0,10}(?:版权说明|版权保护|版权声明|版权与免责声明|免责声明)\s*[】\]]?\s*[:：]"
    # its first item on a line of its own, under a 声明： of its own line: ① 凡本网注明“来源：…”的所有作品，版权均属于…
    r"|^[①1.．、\s]*凡(?:本网|本站|本报|本刊)(?:站)?注明"
)
# the portal's note of a republished report's original title: （原标题：…）
# what follows a heading on its line: 来源于：东区办事处, 发布时间：…
_HEADER_FIELD_RE = re.compile(r"^\s*(来源于|来源|发布时间|发布日期|时间|日期|作者)\s*[:：]\s*(\S.*)$")
_BARE_LABELS = ("发布时间", "发表时间", "发布日期", "更新时间", "时间", "日期", "来源", "信息来源", "作者")
# a label alone on its line, its characters also spaced out as a table cell sets them (日　　期：, 来　　源：)
_BARE_LABEL_RE = re.compile(
    r"^(" + "|".join("[\\s\u3000]*".join(label) for label in _BARE_LABELS) + r")[\s\u3000]*[:：]$"
)
_ORIGINAL_TITLE_RE = re.compile(
    r"^[（(]\s*原标题\s*[:：]\s*(.+?)\s*[）)]$|^原标题\s*[:：]\s*([^。！？]{2,80}?|《[^《》]{2,80}》)\s*$"
)


_DATELINE_RE = re.compile(r"^[（(]?\s*(?:19|20)\d{2}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
_SOURCE_IN_LINE_RE = re.compile(r"来源\s*[:：]\s*([^\s|｜　]+)")


# an event's time on an event page (开始时间： 2024-05-10 09:00): when it happens, not when it was published
_EVENT_TIME_RE = re.compile(r"(?:开始|结束|活动|举办|举行|截止|报名|会议|展会|开幕|闭幕)(?:时间|日期)\s*[:：]")


def _is_event_time(lines: list[str], i: int) -> bool:
    """Whether line *i* of *lines* gives an event's time: it holds the label, or a short line just above does."""
    return bool(_EVENT_TIME_RE.search(lines[i])) or (
        i > 0 and len(lines[i - 1].strip()) <= 14 and bool(_EVENT_TIME_RE.search(lines[i - 1]))
    )


def _dateline(lines: list[str]) -> dict[str, Any]:
    """A news-style line above the article that starts with its date and holds a time, a 来源 or the page's tools,
    with no 发布时间 key: ``2023-02-13 10:00 来源：新华社``, ``2024-12-30 【字体：大 中 小】 【打印本页】``.
    The last such short line wins (the one nearest the article); a bare date line (a bulletin's own
    （2023年4月12日）) is not a publication date."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if _is_event_time(lines, i):
            continue
        if (
            len(line) <= 80
            and _DATELINE_RE.match(line)
            and (
                _TIME_RE.search(line)
                or "来源" in line
                # the page's tools, not a sentence that names printing (…自助终端打印不动产登记证明。)
                or (_TOOL_LINE_RE.search(line) and not re.search(r"[。！？，；]", line))
            )
        ):
            d = parse_date(line)
            if d is not None:
                found: dict[str, Any] = {"date": d}
                m = _SOURCE_IN_LINE_RE.search(line)
                if m:
                    found["source"] = m.group(1)
                return found
    return {}


_DATE_IN_LINE_RE = re.compile(r"(?:19|20)\d{2}\s*(?:年|[-/.])\s*\d{1,2}\s*(?:月|[-/.])\s*\d{1,2}\s*日?")
_BARE_DATE_LINE_RE = re.compile(r"^\s*" + _DATE_IN_LINE_RE.pattern + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _date_beside_fields(lines: list[str]) -> dict[str, Any]:
    """The date of a line that is a date alone, set next to a line of header fields above the article
    (``来源：某某学习平台`` / ``2024-08-12`` / ``作者：…``: a page that prints each field in its own block). The
    pair nearest the article wins; a date alone elsewhere (a bulletin's （2023年4月12日）) gives none.

    >>> _date_beside_fields(["某县：小小茶叶托起乡村振兴", "来源：某某学习平台", "2024-08-12", "作者：李某某"])
    {'date': datetime.date(2024, 8, 12)}
    >>> _date_beside_fields(["首页", "2024-08-12", "通知公告"])
    {}
    """
    for i in range(len(lines) - 1, -1, -1):
        if not _BARE_DATE_LINE_RE.match(lines[i]) or _is_event_time(lines, i):
            continue
        beside = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(len(b) <= 80 and {"source", "author"} & set(read_header_fields(b.strip())) for b in beside):
            d = parse_date(lines[i])
            if d is not None:
                return {"date": d}
    return {}


# a publication date's label inside a header line, after other fields glued together (事项编码：…实施主体：…发布日期：…)
_INNER_DATE_LABEL_RE = re.compile(r"(?:发布日期|发布时间|发表时间|发文日期|公开日期)\s*[:：]\s*")


def _labelled_date_inside(lines: list[str]) -> dict[str, Any]:
    """The date after a publication-date label inside a header line that opens with fields the header reading does
    not know (``事项编码：000723007000实施主体：某某中心发布日期：2025-02-27浏览次数：1286``); the line nearest the
    article wins, and a sentence gives none.

    >>> _labelled_date_inside(["事项编码：000723007000实施主体：某某中心发布日期：2025-02-27浏览次数：1286"])
    {'date': datetime.date(2025, 2, 27)}
    >>> _labelled_date_inside(["会议要求，发布日期：2025-02-27前完成报送。"])
    {}
    """
    for s in _field_lines_nearest_first(lines):
        for m in _INNER_DATE_LABEL_RE.finditer(s):
            d = parse_date(s[m.end() : m.end() + 24])
            if d is not None:
                return {"date": d}
    return {}


def _field_lines_nearest_first(lines: list[str]) -> Iterator[str]:
    """*lines* stripped, the last first (the nearest the article), without sentences and long lines: where a header
    line of glued fields may be."""
    for line in reversed(lines):
        s = line.strip()
        if len(s) <= 200 and not s.endswith(_SENTENCE_ENDS) and "。" not in s:
            yield s


# a 来源 value inside a header line, up to the next field's label glued to it (浏览：, 解读类型：, 案例编号：) or a gap
_INNER_SOURCE_RE = re.compile(
    r"来源\s*[:：]\s*([\u4e00-\u9fff（）()·]{2,30}?)"
    r"(?=(?:浏览|点击|阅读|访问|作者|编辑|责任编辑|字号|发布|[\u4e00-\u9fff]{2}(?:类型|编号|分类|类别|次数|时间|日期))[^:：]{0,4}[:：]"
    r"|[\s【\[|｜]|$)"
)


def _labelled_source_inside(lines: list[str]) -> str | None:
    """The source after a 来源 label inside a header line whose fields are glued together and which the header
    reading does not know (``发布日期：2025-06-12来源：市人社局解读类型：图表图解``); the line nearest the article wins,
    and a sentence gives none.

    >>> _labelled_source_inside(["案例编号：XCZX-037发布日期：2025年7月8日来源：某某县委组织部浏览：926次"])
    '某某县委组织部'
    >>> _labelled_source_inside(["发布日期：2025-06-12来源：市人社局解读类型：图表图解【大 中 小】"])
    '市人社局'
    """
    for s in _field_lines_nearest_first(lines):
        m = _INNER_SOURCE_RE.search(s)
        if m:
            return source_value(m.group(1)) or None
    return None


# a date with its time after it: 2005年3月11日12:12
_STAMP_RE = re.compile(rf"({_DATE_IN_LINE_RE.pattern})\s*\d{{1,2}}:\d{{2}}")
# a site's banner with today's date (今天是2024年5月1日 星期三) dates the visit, not the article
_CALENDAR_RE = re.compile(
    r"星期|礼拜|周[一二三四五六日天]|今天|今日|京港台时间|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I
)


def _stamp_line(zone: list[str]) -> dict[str, Any]:
    """The date of a short line above the article that stamps it with a date and a time, wherever the date
    stands in the line: ``BUSINESS.SOHU.COM　2005年3月11日12:12 来源：[ 人民网 ]``, ``http://www.sina.net
    2005年03月21日 11:21 《理财周刊》``. The line nearest the article wins; a banner's calendar line does not.

    >>> _stamp_line(["首页", "http://biz.163.com　2005-04-25 08:24:06　来源: 第一财经日报"])
    {'date': datetime.date(2005, 4, 25)}
    >>> _stamp_line(["今天是2024年5月1日 星期三 10:00"])
    {}
    """
    for i in range(len(zone) - 1, -1, -1):
        s = " ".join(zone[i].split())  # a layout's runs of spaces do not make a line long
        if len(s) > 80 or "。" in s or "，" in s or _CALENDAR_RE.search(s) or _is_event_time(zone, i):
            continue  # a sentence (2024年5月1日9:30，市委召开…), a banner or an event's time
        m = _STAMP_RE.search(s)
        if m:
            d = parse_date(m.group(1))
            if d is not None:
                return {"date": d}
    return {}


# --- what trafilatura lets through on Chinese news and portal pages -------------------

# The heading of a block of other articles or comments after the article (also when trafilatura
# dropped the heading but kept the block): the body ends there.
_TAIL_HEADING_RE = re.compile(
    r"^[\s↓\[【|]*(?:相关文章|相关阅读|相关新闻|相关链接|相关推荐|相关稿件|相关文档|相关信息|相关文件|相关解读|延伸阅读|推荐阅读|为你推荐|为您推荐|猜你喜欢"
    r"|热点推荐|热点新闻|热门推荐|热门文章|热门新闻|热门点阅|热门点击|热门阅读|精彩推荐|精彩图集|编辑推荐|今日推荐|本站推荐|更多阅读|往期回顾"
    r"|更多(?:动态|新闻|资讯|信息|文章|报道)"
    r"|新闻评论|网友评论|最新评论|最热评论|热门评论|精彩评论|全部评论|我要评论|发表评论|热帖|大家都在看|阅读排行"
    # a self-media page's comment bar: 评论, 评论 5, 评论（12）
    r"|(?:举报\s*[/|｜]\s*)?评论(?:\s*[（(]?\d+[）)]?)?"
    r"|点击排行|热点排行|热门排行|(?:新闻|热点|热门|点击|阅读|评论|文章)排行榜|最新文章|\d[\d,]*\s*条评论[^。！？]{0,20}"
    r"|[\u4e00-\u9fff]{0,4}新闻精选|反侵权公告|版权声明|侵权声明|相关报道|其他报道|图片精选|热门图片|本文标签"
    # a block of other items named by its kind, with its "more" link (健康资讯推荐, 热门问答更多, 推荐医院更多)
    r"|[\u4e00-\u9fff]{2,6}推荐|[\u4e00-\u9fff]{2,6}\s*更多)"
    r"(?:\s*(?:刷新|更多|>>|»))?\s*[:：]?\s*[\]】|]*\s*$"
)
_SENTENCE_LINE_RE = re.compile(r"^[^\n]{14,}[。！？；][^\n]*$", re.M)
# a long sentence that leads in to what follows (…，现就有关事项通知如下：; not an addressee line 各区县，各部门：)
_LEAD_IN_LINE_RE = re.compile(r"^[^\n]{14,}[，,][^\n]*如下\s*[:：]$")


def _is_tail_heading(line: str) -> bool:
    """Whether *line* is the heading of a block of other articles (:data:`_TAIL_HEADING_RE`), also spaced out
    letter by letter (今 日 推 荐).

    >>> _is_tail_heading("今 日 推 荐"), _is_tail_heading("相关报道："), _is_tail_heading("今日推荐的三项措施")
    (True, True, False)
    """
    if len(line) > 20:
        return False
    line = to_simplified(line)
    return bool(
        _TAIL_HEADING_RE.match(line)
        or _TAIL_HEADING_RE.match(re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", line))
    )


def _prose_chars(lines: list[str]) -> int:
    return sum(len(ln) for ln in lines if _SENTENCE_LINE_RE.match(ln))


def _table_cells(text: str) -> str:
    """trafilatura's rows of a layout table (``| 现在位置： 首页 >> 正文 |``) as one line per cell."""
    out: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("|") and s.endswith("|"):
            out.extend(c.strip() for c in s.strip("|").split(" | ") if c.strip(" |"))
        else:
            out.append(line)
    return "\n".join(out)


# a space after a sentence's end inside one of trafilatura's lines: where it ran a table cell's paragraphs together
_RUN_TOGETHER_AT_RE = re.compile(r"(?<=[。！？；”」』])[ \u3000\u00a0]+(?=[\u4e00-\u9fff“「『（(])")
# any run of spaces between two words
_ANY_GAP_RE = re.compile(r"(?<=\S)[ \u3000\u00a0]+(?=\S)")
# where a paragraph of the text's own ends without a sentence's end: a lead-in's colon (…总结如下：), a numbered
# heading (一、2024年工作完成情况, （二）…)
_LEAD_IN_END_RE = re.compile(r"[\u4e00-\u9fff）)”]\s*：$")
_HEADING_LIKE_RE = re.compile(r"[^，。；！？、：,;:!?\s]+$")  # (no space: not a table row's cells)
_NUMBERED_HEADING_RE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[章节部分])"
)


def _paragraphs_of_cells(text: str, page_lines: list[str]) -> str:
    """*text* (trafilatura's) with the paragraphs it ran together inside a layout table's cell or one ``<p>`` split
    by ``<br>`` (…参加培训。 培训班坚持…, …总结如下： 一、2024年工作完成情况 （一）…) on lines of their own
    again: a line is split at a space where the words after it open a line of the page and a paragraph ends before it:
    a sentence, a lead-in's colon where a line of the page ends too, a numbered heading of at most 30 characters
    that is a line of the page, or a heading of at most 40 characters without a clause's punctuation that opens the
    line and is a whole line of the page. Only the text just before each space is looked at, so a long line stays
    linear.

    >>> page = ["会议于今天上午召开。", "会议听取了工作汇报。"]
    >>> _paragraphs_of_cells("会议于今天上午召开。 会议听取了工作汇报。", page)
    '会议于今天上午召开。\\n会议听取了工作汇报。'
    >>> page = ["现将有关情况总结如下：", "一、工作完成情况", "（一）经济发展稳中有进。"]
    >>> _paragraphs_of_cells("现将有关情况总结如下： 一、工作完成情况 （一）经济发展稳中有进。", page)
    '现将有关情况总结如下：\\n一、工作完成情况\\n（一）经济发展稳中有进。'
    """
    if not _ANY_GAP_RE.search(text):
        return text
    stripped = [ln.strip() for ln in page_lines if len(ln.strip()) >= 2]
    opens = {ln[:8] for ln in stripped if len(ln) >= 8}
    ends = {ln[-8:] for ln in stripped}
    whole = set(stripped)
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _ANY_GAP_RE.finditer(line):
            if line[m.end() : m.end() + 8] not in opens:
                continue
            # (only the text just before the gap is looked at: a long line of many gaps stays linear)
            short = m.start() - start <= 30
            if (
                _RUN_TOGETHER_AT_RE.match(line, m.start())
                or (
                    _LEAD_IN_END_RE.search(line, max(start, m.start() - 3), m.start())
                    and line[max(start, m.start() - 8) : m.start()] in ends
                )
                or (short and _NUMBERED_HEADING_RE.match(line, start) and line[start : m.start()] in whole)
                # a date that ends the line and is a whole line of the page (a signature's: … 2025年3月5日)
                or (line[m.end() :] in whole and is_date_line(line[m.end() :]) and line[start:] not in whole)
                # the heading that opens the line, a whole line of the page (县总工会…慰问劳动模范 劳动创造幸福，…)
                or (
                    start == 0
                    and 4 <= m.start() <= 40
                    and line[: m.start()] in whole
                    and _HEADING_LIKE_RE.match(line, 0, m.start())
                )
            ):
                out.append(line[start : m.start()])
                start = m.end()
        out.append(line[start:])
    return "\n".join(out)


def _unbulleted(text: str, page_lines: list[str]) -> str:
    """*text* (trafilatura's) without the ``- `` that trafilatura sets before a list item (``<li>``, ``<dd>``) where
    the page prints the item without it: the words after the mark open a line of the page.

    >>> _unbulleted("- 一、出台的背景是什么？\\n- 当然", ["一、出台的背景是什么？", "- 当然"])
    '一、出台的背景是什么？\\n- 当然'
    """
    if "- " not in text:
        return text
    opens = {ln.strip()[:8] for ln in page_lines if len(ln.strip()) >= 2 and not ln.strip().startswith("-")}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("- ") and (line[2:10] in opens or line[2:] in opens):
            lines[i] = line[2:]
    return "\n".join(lines)


def _tail_cut(lines: list[str], page_lines: list[str], page_keys: list[str] | None = None) -> int:
    """The number of *lines* (trafilatura's text) that are the article: it ends at the first heading
    of a related-articles or comments block, printed in the text or between two of its lines on the
    page (trafilatura drops such headings and keeps the block), that has at least as much prose
    before it as after it. *page_keys*: the Han characters of each page line, if known."""
    page_han = ""
    line_of: list[int] = []  # page line of each Han character of page_han
    for k, key in enumerate(page_keys if page_keys is not None else map(_han_key, page_lines)):
        page_han += key
        line_of.extend([k] * len(key))
    heading_lines = [k for k, ln in enumerate(page_lines) if _is_tail_heading(ln)]
    pos, prev_line = 0, -1
    for i, line in enumerate(lines):
        at_page = None
        key = _han_key(line)
        if len(key) >= 4:
            found = page_han.find(key[:16], pos)
            if found >= 0:
                at_page = line_of[found]
                pos = found + min(len(key), 16)
        heading_here = _is_tail_heading(line)
        dropped_heading = at_page is not None and prev_line >= 0 and any(prev_line < k < at_page for k in heading_lines)
        before = _prose_chars(lines[:i]) if (heading_here or dropped_heading) and i > 0 else 0
        if before > 0 and before >= _prose_chars(lines[i:]):
            return i
        if at_page is not None:
            prev_line = at_page
    return len(lines)


_ANCHOR_RE = re.compile(r"<a\b[^<>]*>(.*?)</a\s*>", re.I | re.S)
# a line that is an attachment, not a site link: 附件1…, 1. …, ….pdf
_ATTACHMENT_LINE_RE = re.compile(r"^(?:附件|\d+\s*[.．、])|\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)$", re.I)
LINK_LIST_RUN = 5
# a headline of another article: ten characters or more, no sentence end, not a file or an organisation's name
# (a signature line 国家发展和改革委员会 may also be a link in the page's footer)
_HEADLINE_LINK_RE = re.compile(
    r"^(?![^\n]*(?:\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)|委员会|部|委|局|署|厅|院|办公室|政府|中心)$)(?!附件)"
    r"[^\n]{10,60}(?<![。！？；])$",
    re.I,
)


def _link_test(page: str) -> Callable[[str], bool]:
    """A test of whether a line is the text of a link on *page* (its Han characters are those of an ``<a>``'s
    text); the page's links are gathered on the first call.

    >>> is_link = _link_test("<a href='#'>首页</a><p>正文</p>")
    >>> is_link("- 首页"), is_link("正文")
    (True, False)
    """
    anchors: set[str] | None = None

    def is_link(text: str) -> bool:
        nonlocal anchors
        if anchors is None:
            anchors = {_han_key(html_to_text(a)) for a in _ANCHOR_RE.findall(page)}
        return _han_key(text) in anchors

    return is_link


def _is_link_item(line: str, is_link: Callable[[str], bool]) -> bool:
    """Whether *line* is a short item of a list of site links: the text of a link on the page, with no sentence
    end, not an attachment or a numbered item."""
    t = line.strip().lstrip(_BULLETS + " ").rstrip("|｜ ")
    short = _han_key(t) and len(t) <= 30 and not t.endswith(_SENTENCE_ENDS)
    return bool(short) and not _ATTACHMENT_LINE_RE.search(t) and is_link(t)


def _leading_menu_cut(
    lines: list[str],
    page: str,
    page_keys: list[str] | None = None,
    *,
    html_title: str = "",
    is_link: Callable[[str], bool] | None = None,
) -> list[str]:
    """*lines* without a site's menu above the article, before its first sentence: a run of
    :data:`LINK_LIST_RUN` or more short lines, each the text of a link on *page* (全国版 | 安徽省 | 北京市 …), and
    the short lines before it (a dateline or header line among them stays for the header reading: 2023-08-19 10:00
    来源：…); a menu set on one line, :data:`LINK_LIST_RUN` or more short items most of which are links
    (首页 - 新闻 - 北京 - 体育 - 娱乐), and the heading of a block of other articles (新闻排行榜). *is_link* is the
    page's :func:`_link_test` where the caller holds one (its links are gathered once); *html_title* its
    ``<title>``.

    >>> page = "".join(f"<a href='#'>栏目{i}</a>" for i in range(6))
    >>> first = "会议强调，要把各项任务落到实处，推动工作取得实效。"
    >>> _leading_menu_cut([*(f"栏目{i}" for i in range(6)), "标题", first], page)
    ['标题', '会议强调，要把各项任务落到实处，推动工作取得实效。']
    >>> _leading_menu_cut([" - ".join(f"栏目{i}" for i in range(6)), "标题", first], page)
    ['标题', '会议强调，要把各项任务落到实处，推动工作取得实效。']
    """
    first_prose = next((i for i, ln in enumerate(lines) if _SENTENCE_LINE_RE.match(ln)), -1)
    if first_prose < 1:
        return lines
    is_link = is_link or _link_test(page)
    label = lines[0].strip()
    if (
        _SHORT_LABEL_RE.match(label)
        and label not in html_title
        and len(re.findall(f">\\s*{label}\\s*<", page)) >= 2
        and not _printed_over(label, lines[1], page_keys)
        and is_link(label)
    ):
        # a sidebar's or a menu's heading left alone above the article (交易信息), the text of a link of the page and
        # of another element (not the article's heading, which a blog links to itself: it is in the <title>, or once;
        # nor a section's heading printed right over its text, 主要职责, that a sidebar links to)
        lines = lines[1:]
    head = [ln.strip() for ln in lines[:first_prose] if ln.strip()]
    if len(head) < LINK_LIST_RUN and not any(
        _is_tail_heading(h) or len(_MENU_ROW_SPLIT_RE.split(h)) >= LINK_LIST_RUN for h in head
    ):
        return lines  # a heading and a dateline, as most pages: no menu, and the page's links are not read
    end, run = -1, 0
    rows: set[int] = set()  # menus on one line
    for i in range(first_prose):
        if not lines[i].strip():
            continue
        if _is_tail_heading(lines[i]):
            rows.add(i)  # the heading of a block of other articles (新闻排行榜), above the article
            run = 0
            continue
        if _is_link_item(lines[i], is_link):
            run += 1
            if run >= LINK_LIST_RUN:
                end = i
            continue
        run = 0
        items = [x for x in _MENU_ROW_SPLIT_RE.split(lines[i].strip()) if _han_key(x)]
        if (
            len(items) >= LINK_LIST_RUN
            and all(len(x) <= 8 for x in items)
            and sum(map(is_link, items)) * 5 >= len(items) * 4
        ):
            rows.add(i)
    if end < 0 and not rows:
        return lines
    kept = [b for b in lines[: end + 1] if _DATELINE_RE.match(b.strip()) or _HEADER_LINE_FIELD_RE.search(b)]
    return kept + [ln for i, ln in enumerate(lines) if i > end and i not in rows]


_SHORT_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def _printed_over(label: str, nxt: str, page_keys: list[str] | None) -> bool:
    """Whether the page prints *label* on the line right above the line that starts as *nxt* does."""
    key = _han_key(nxt)[:8]
    if not page_keys or len(key) < 4:
        return False
    at = _page_line_of(key, page_keys)
    return at is not None and at > 0 and page_keys[at - 1] == _han_key(label)


# what separates the items of a menu set on one line: spaces, dashes, bars, slashes, dots
_MENU_ROW_SPLIT_RE = re.compile(r"\s*[-–|｜/·•]\s*|\s+")


def _link_list_tail_cut(lines: list[str], page: str, is_link: Callable[[str], bool] | None = None) -> list[str]:
    """*lines* without a list of links after the article's last sentence: a run of :data:`LINK_LIST_RUN` or
    more short lines, each the text of a link on *page* (a footer's 中国政府网 | 外交部 | 国防部 …), and what
    follows it; the list's label just above it (中国政府网及国务院部门网站|) goes too. Attachments (附件1…,
    numbered items, file names) never count as such links. Where all that follows the last sentence is two or
    more headlines of other articles, each a link on the page, and their dates (``[都市时报]…`` / ``2022-11-11``),
    it all goes.

    >>> page = "".join(f"<a href='#'>部门{i}</a>" for i in range(6))
    >>> last = "会议强调，要把各项任务落到实处。"
    >>> _link_list_tail_cut([last, "相关网站|", *(f"- 部门{i}" for i in range(6))], page)
    ['会议强调，要把各项任务落到实处。']
    """
    last_prose = max((i for i, ln in enumerate(lines) if _SENTENCE_LINE_RE.match(ln)), default=-1)
    if last_prose < 0:
        return lines
    is_link = is_link or _link_test(page)
    tail = [ln.strip() for ln in lines[last_prose + 1 :] if ln.strip()]
    headlines = [t for t in tail if not _BARE_DATE_RE.match(t)]
    # what follows the last sentence is headlines of other articles and their dates, each a link on the page
    if (
        len(headlines) >= 2
        and all(_HEADLINE_LINK_RE.match(t) for t in headlines)
        and all(is_link(t.lstrip(_BULLETS + " ")) for t in headlines)
    ):
        return lines[: last_prose + 1]
    if len(lines) - last_prose <= LINK_LIST_RUN:
        return lines
    start, run = 0, 0
    for i in range(last_prose + 1, len(lines)):
        if _is_link_item(lines[i], is_link):
            start, run = (i if run == 0 else start), run + 1
            if run >= LINK_LIST_RUN:
                break
            continue
        run = 0
    if run < LINK_LIST_RUN:
        return lines
    while start - 1 > last_prose and lines[start - 1].strip().endswith(("|", "｜")) and len(lines[start - 1]) <= 30:
        start -= 1
    return lines[:start]


# Labels of the metadata table of an open-government (政务公开) page: 索引号, 发布机构, 成文日期 …
_TABLE_BLOCK_LABELS = (
    "索引号", "信息索引", "索取号", "主题分类", "公开分类", "信息类别", "体裁分类", "组配分类", "发布机构", "发文机构",
    "发文机关", "成文日期", "生成日期", "发文字号", "文件编号", "主题词", "内容概述", "信息名称", "有效性", "生效时间",
    "废止时间", "失效时间", "公开方式", "公开范围", "公开时限",
)  # fmt: skip
# more of a 信息公开 page's rows, printed under the heading too (统一编号：ZJSP00-2025-0003, 有效期：…): they go on
# with a metadata table's cut, but do not make one (a permit's 公示 prints its own 登记号 and 有效期)
_TABLE_MORE_LABELS = (
    "统一编号", "登记编号", "登记号", "有效期", "所属专题", "专题分类", "文件状态", "时效性", "实施日期", "施行日期",
    "废止日期",
)  # fmt: skip


def _table_block_cut(lines: list[str], title: str | None = None, page_keys: list[str] | None = None) -> list[str]:
    """trafilatura's lines without the metadata table of an open-government page printed above the
    article (labels and values, one cell a line, also as a row of labels over a row of values) and
    what follows it up to the article's first sentence or addressee line (the title again, the
    发文字号): at least two of the table's labels must be there. Given the *title* and the Han characters of the
    page's lines (*page_keys*), a labelled line that the page prints below its heading and that is no header field
    (发布时间, 来源 …) is the article's own (a 行政处罚决定书's 当事人：…, 统一社会信用代码：… above its first
    sentence) and ends the cut.

    >>> rows = ["索引号：000147653/2025-01872", "发文机关：某某市监督管理局", "当事人：某某公司"]
    >>> rows.append("经查，当事人生产经营超过保质期的食品。")
    >>> _table_block_cut(rows)
    ['经查，当事人生产经营超过保质期的食品。']
    >>> page = ["索引号：000147653/2025-01872", "发文机关：某某市市场监督管理局", "某某公司行政处罚决定书", *rows[2:]]
    >>> _table_block_cut(rows, "某某公司行政处罚决定书", [_han_key(x) for x in page])
    ['当事人：某某公司', '经查，当事人生产经营超过保质期的食品。']
    """
    first = None
    for i, line in enumerate(lines):
        s = line.strip()
        if _SENTENCE_LINE_RE.match(s) or (s.endswith(("：", ":")) and len(_han_key(s)) >= 6 and not _is_table_label(s)):
            first = i
            break
    if first is None:
        return lines
    labels = [i for i in range(first) if _is_table_label(lines[i].strip())]
    if len(labels) < 2:
        return lines
    heading = _page_line_of(_han_key(title), page_keys) if title and page_keys and len(_han_key(title)) >= 6 else None
    if heading is not None:
        for j in range(labels[-1] + 1, first):
            s = lines[j].strip()
            key = _han_key(s)
            more = re.sub(r"[\s\u3000]", "", s).startswith(_TABLE_MORE_LABELS)
            if (
                _LABELLED_LINE_RE.match(s)
                and len(key) >= 4
                and not _is_table_label(s)
                and not more
                and not read_header_fields(s)
            ):
                at = _page_line_of(key, page_keys)  # type: ignore[arg-type]
                if at is not None and at > heading:
                    return lines[: labels[0]] + lines[j:]
    return lines[: labels[0]] + lines[first:]


# a line that opens with a label and its colon (当事人：某某公司, 统一社会信用代码：…)
_LABELLED_LINE_RE = re.compile(r"^[\u4e00-\u9fff（）()、]{2,16}\s*[:：]\s*\S")


def _is_table_label(line: str) -> bool:
    s = re.sub(r"[\s\u3000]", "", line)
    return len(line) <= 80 and s.startswith(_TABLE_BLOCK_LABELS)


# An editor's note or summary set above the article: 编者按：…, 【编者按】…, 内容摘要：…, 导读：…
_LEAD_NOTE_LABELS = r"(?:编者按|编者的话|编前语|内容摘要|内容提要|摘要|提要|导读)"
_LEAD_NOTE_RE = re.compile(r"^[【\[]?\s*" + _LEAD_NOTE_LABELS + r"\s*[】\]]?\s*[:：]?")


def _lead_notes_cut(lines: list[str]) -> list[str]:
    """trafilatura's lines without the editor's notes and summaries printed above the article (each
    a paragraph that opens with its label) among its first lines, when article text follows them."""
    out = list(lines)
    i = 0
    while i < min(len(out), 6):
        s = out[i].strip()
        if _LEAD_NOTE_RE.match(s) and len(_han_key(s)) > 6 and any(_SENTENCE_LINE_RE.match(x) for x in out[i + 1 :]):
            del out[i]
            continue
        if (
            _BARE_NOTE_LABEL_RE.match(s)
            and i + 1 < len(out)
            and _SENTENCE_LINE_RE.match(out[i + 1].strip())
            and any(_SENTENCE_LINE_RE.match(x) for x in out[i + 2 :])
        ):
            del out[i : i + 2]  # (the label on a line of its own, 编者按, over the note's paragraph)
            continue
        if i == 0 and _COLUMN_LABEL_RE.match(s) and any(_SENTENCE_LINE_RE.match(x) for x in out[1:3]):
            del out[i]  # (a 卷首语's label over its own paragraphs, 编者的话: the label only)
            continue
        i += 1
    return out


# (编者按 and 编前语 set alone over the note; not 编者的话, which heads a 卷首语 whose paragraphs are the article)
_COLUMN_LABEL_RE = re.compile(r"^[【\[]?\s*(?:编者的话|卷首语)\s*[】\]]?\s*[:：]?$")
_BARE_NOTE_LABEL_RE = re.compile(r"^[【\[]?\s*(?:编者按|编前语)\s*[】\]]?\s*[:：]?$")


def _above_heading(line: str) -> bool:
    """Whether *line* may stand above the article's heading in trafilatura's text: a short line (a column's name, a
    label), or a menu or list of links without a clause in it (首 页 | 乡镇概况 | …, ·某某镇召开…(3-28) ·…)."""
    s = line.strip()
    if len(s) <= 30:
        return not s.endswith(_SENTENCE_ENDS)
    return len(s) <= 160 and not re.search(r"[，。；！？,;!?]", s)


def _header_cut(lines: list[str], title: str | None) -> tuple[list[str], dict[str, Any]]:
    """trafilatura's lines without what sits above the article: the heading (also as
    ``heading 来源于：…``) and the short lines before it, and a portal's （原标题：…） note."""
    found: dict[str, Any] = {}
    key = _han_key(title or "")
    if len(key) >= 4:
        for i, line in enumerate(lines[:10]):
            lk = _han_key(line)
            fields = None
            dated = None
            if lk.startswith(key) and lk != key and title and title in line:
                # the heading followed by its source or date on the same line (… 2023-08-19 来源：解放日报)
                rest = line[line.find(title) + len(title) :]
                fields = _HEADER_FIELD_RE.match(rest)
                dated = _DATELINE_RE.match(rest.strip()) if len(rest) <= 60 else None
            end = i
            if lk != key and len(lk) >= 4 and key.startswith(lk):
                # a heading set over two or three lines (<h1>…<br>…</h1>)
                joined = lk
                for j in range(i + 1, min(i + 3, len(lines))):
                    joined += _han_key(lines[j])
                    if joined == key:
                        lk, end = key, j
                        break
                    if not key.startswith(joined):
                        break
            if lk == key or fields or dated:
                before = lines[:i]
                if all(_above_heading(b) for b in before):
                    if fields and fields.group(1).startswith("来源"):
                        found["source"] = fields.group(2).strip()
                    elif dated:
                        source = _SOURCE_IN_LINE_RE.search(line)
                        if source:
                            found["source"] = source.group(1)
                        if parse_date(rest) is not None:
                            found["date"] = parse_date(rest)
                    lines = lines[end + 1 :]
                    # the heading's own field lines under it (标题 / 来源于：东区办事处), read and taken off
                    while lines and len(lines[0].strip()) <= 40 and not lines[0].strip().endswith(_SENTENCE_ENDS):
                        field = _HEADER_FIELD_RE.match(lines[0])
                        if not field:
                            break
                        value = source_value(field.group(2)) if field.group(1).startswith("来源") else ""
                        if re.fullmatch(r"[\u4e00-\u9fff·（）()]{2,30}", value):
                            found.setdefault("source", value)
                        lines = lines[1:]
                break
    if len(key) >= 8:
        # the last line of a heading set over two lines (<h1>…<br>…</h1>), whose first line the extractor took
        for i, line in enumerate(lines[:3]):
            lk = _han_key(line)
            if 6 <= len(lk) < len(key) and key.endswith(lk) and not line.strip().endswith(_SENTENCE_ENDS):
                if all(len(b.strip()) <= 30 and not b.strip().endswith(_SENTENCE_ENDS) for b in lines[:i]):
                    lines = lines[:i] + lines[i + 1 :]
                break
    # a news dateline left above the article: 2019-09-26 12:11来源：证券时报网作者：李在山; a label whose
    # value sat in an element trafilatura dropped (发表时间： <time>…</time>)
    while lines and (not lines[0].strip() or _BARE_LABEL_RE.match(lines[0].strip())):
        bare = _BARE_LABEL_RE.match(lines[0].strip())
        given = _bare_label_value(bare.group(1), lines[1].strip()) if bare and len(lines) > 1 else None
        if bare and given is not None:
            # the label's value on the next line (a print view's table: 日　　期： | 2025-07-02): read, and taken off
            if isinstance(given, dt.date):
                found.setdefault("date", given)
            else:
                found.setdefault("source" if "来" in bare.group(1) else "author", given)
            lines = lines[1:]
        lines = lines[1:]
    seen = 0
    for k in range(min(6, len(lines))):
        # the dateline, below at most two short labels or header fields (the column's name 州市动态, 来源：…)
        first = lines[k].strip()
        if not first:
            continue
        if len(first) <= 80 and (
            (_DATELINE_RE.match(first) and (_TIME_RE.search(first) or "来源" in first)) or _stamp_line([first])
        ):
            lines = lines[k + 1 :]
            break
        seen += 1
        label = len(first) <= 12 and not first.endswith(_SENTENCE_ENDS) and _han_key(first)
        if seen > 2 or not (label or (len(first) <= 40 and _HEADER_FIELD_RE.match(first))):
            break
    lines, original = _original_title_cut(lines)
    found.update(original)
    return lines, found


def _bare_label_value(label: str, line: str) -> dt.date | str | None:
    """The value of a bare header *label* (日　　期：, 来源：) when the next *line* holds it: a date alone for a date's
    label, a body's or a medium's name for 来源 (…局, …日报, …网), one or more persons' names for 作者; else None
    (a label whose value the page left empty, over the article's first line: 安全生产专项整治行动方案, 编者按).

    >>> _bare_label_value("日　　期", "2025-07-02")
    datetime.date(2025, 7, 2)
    >>> _bare_label_value("来源", "青山市发展和改革委员会"), _bare_label_value("来源", "安全生产专项整治行动方案")
    ('青山市发展和改革委员会', None)
    >>> _bare_label_value("作　　者", "王小明 李华"), _bare_label_value("作者", "编者按")
    ('王小明 李华', None)
    """
    if len(line) > 30:
        return None
    name = re.sub(r"[\s\u3000]", "", label)
    if name.endswith(("期", "间")):
        return parse_date(line) if re.fullmatch(r"[0-9年月日号\-/.:：\s]{6,}", line) else None
    if name == "作者":
        return line if _PERSONS_RE.fullmatch(line) else None
    if _SOURCE_NAME_RE.fullmatch(line):
        return line
    return None


# one to four persons' names, each a common surname and one to three characters (王小明 李华, 张三、李四)
_PERSONS_RE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,3}}(?:[\s、，,]+[{SURNAMES}][\u4e00-\u9fff]{{1,3}}){{0,3}}")
# a source's name: a body, a paper, a site or a station (青山市发展和改革委员会, 某某日报, 新华网, 县融媒体中心)
_SOURCE_NAME_RE = re.compile(
    r"[\u4e00-\u9fff·（）()A-Za-z0-9 ]{1,28}(?:报|网|社|台|刊|杂志|客户端|公众号|中心|政府|委员会|办公室|局|厅|委|办"
    r"|部|院|所|站|会|队|组|处|室|科|馆|团|公司|集团|学校|大学|学院|党委|党组|支部|总支|街道|镇|乡|县|市|区|省)"
)


def _original_title_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without a portal's or a reprint's （原标题：…） note among their first six lines, and that title.

    >>> _original_title_cut(["原标题：《件件有回音！这份成绩单请查收》", "年初许下的承诺，如今兑现得怎么样了？"])
    (['年初许下的承诺，如今兑现得怎么样了？'], {'original_title': '《件件有回音！这份成绩单请查收》'})
    """
    for i, line in enumerate(lines[:6]):
        m = _ORIGINAL_TITLE_RE.match(line.strip())
        if m:
            return lines[:i] + lines[i + 1 :], {"original_title": m.group(1) or m.group(2)}
    return lines, {}


# What ends an article after its last sentence: a note that it is reposted （转合肥市某某网站信息）, a
# source or photo credit (图文来源：…, （特约通讯员：…）), on a line of its own or closing the last line.
_CREDIT_LABELS = (
    r"(?:图文|图片|文字|稿件|信息|新闻)?来源|转自|转载自|特约通讯员|通讯员|记者|作者|撰稿|供稿|摄影|文/图|图/文|文图|"
    r"责任编辑|编辑|审核|终审|初审|复审|责编|校对|文章录入|信息录入"
)
_TRAILING_NOTE_RE = re.compile(
    rf"^[（(]\s*(?:转自?|转载自?)[^（）()]{{2,40}}[）)]$|^[（(]?\s*(?:{_CREDIT_LABELS})\s*[:：/|｜][^。！？（）()]{{1,40}}[）)]?$"
)
_CLOSING_CREDIT_RE = re.compile(
    rf"(?<=[。！？”?!])\s*[（(]\s*[\u4e00-\u9fff]{{0,6}}?(?:{_CREDIT_LABELS})\s*[:：/\s][^（）()。！？]{{1,60}}[）)]\s*\d{{0,8}}\s*$"
    # the writer's unit and name: （图书馆 魏乐禹）, （某某镇 张三 李四）
    r"|(?<=[。！？”])\s*[（(]\s*[\u4e00-\u9fff]{1,12}(?:馆|局|部|办|委|院|所|站|中心|镇|乡|街道|社区|村|室|科|处|队|校|厅)"
    r"(?:\s+[\u4e00-\u9fff]{2,4}){1,3}\s*[）)]\s*$"
    # the writers' names alone, two or more, each led by a common surname: （李晟 韦鑫）
    rf"|(?<=[。！？”])\s*[（(]\s*[{SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:\s+[{SURNAMES}][\u4e00-\u9fff]{{1,2}}){{1,3}}\s*[）)]\s*$"
)
# the sources a compiled article names under it: 文章综合自：学习强国、川观新闻…等
_COMPILED_FROM_RE = re.compile(r"^[（(]?\s*(?:文章|本文|内容)?(?:综合|整理)自\s*[:：]?[^。！？]{2,120}[）)]?$")
# an attachment block's label with no attachment under it (相关附件)
_EMPTY_ATTACHMENTS_RE = re.compile(r"^(?:相关附件|附件下载|相关文件)\s*[:：]?$")
_DOWNLOAD_BOX_RE = re.compile(r"^(?:相关附件|附件下载)\s*[:：]?$")
# the site's editor's note under a republished text (（本文有删减）) and a blanket picture credit (图片均来自网络)
_EDITORS_NOTE_RE = re.compile(
    r"^[（(]?\s*(?:本文|原文|文章)?有(?:删减|删节|节选)\s*[）)]?$|^[（(]?\s*(?:文中|本文)?图片(?:均|皆)?(?:来自|来源于|源自)网络[^。！？]{0,12}[）)]?$"
)
# a credit label whose name sat in an element the extractor dropped (责任编辑：)
_BARE_CREDIT_RE = re.compile(r"^[【\[（(]?\s*(?:责任编辑|编辑|责编|审核|校对|作者|来源)\s*[:：]\s*[】\]）)]?$")
# who gives a speech at a plenary session, under its heading: 某某某委员代表民盟某某市委会发言
_FLOOR_SPEECH_RE = re.compile(
    r"^[\u4e00-\u9fff·]{2,4}(?:委员|代表|同志)?代表[\u4e00-\u9fff（）()、]{2,30}(?:作)?(?:大会)?发言$"
)
# a reporter's line under the article: 记者 刘涛, 新京报记者 彭冲 山东冠县报道, （本报记者 张三 李四）
_REPORTER_LINE_RE = re.compile(
    # (a newspaper sets its byline after a box or a dot: □ 本报记者 张三)
    r"^[□■◎●○◆◇▲△★☆•\s]*[（(【\[]?[\u4e00-\u9fff·]{0,10}?(?:记者|通讯员)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4}){0,3}"
    r"(?:\s*[\u4e00-\u9fff]{0,8}报道)?[）)】\]]?$"
)


# a bracketed credit whose label follows the site's or paper's name: （松花江网编辑 孙桂芳）
_BRACKETED_NAMED_CREDIT_RE = re.compile(
    rf"^[（(]\s*[\u4e00-\u9fff]{{1,6}}?(?:{_CREDIT_LABELS})\s*[:：/\s]\s*[^。！？（）()]{{1,40}}[）)]$"
)
# the print edition a web page reproduces: 《光明日报》（ 2022年02月13日 02版）
_PRINT_CITATION_RE = re.compile(
    r"^《[^《》]{2,12}》\s*[（(]\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{0,2}\s*版?\s*[）)]$"
)


# a sentence's end followed by a paragraph indent of four or more spaces, inside one line
_INDENT_BREAK_RE = re.compile(r"([。！？；”』」])[ \t\u00a0\u3000]{4,}(?=\S)")


_FIELD_LABEL_RE = re.compile(r"^[-–•·▪*]?\s*[\u4e00-\u9fff]{2,8}\s*[:：]$")


# the cells of a letter record (市长信箱, 领导留言板, 12345 诉求 pages): the letter's title, its text and the
# reply's, and the record's fields (编号, 写信人, 办理单位, 回复时间 …)
_LETTER_TITLE_LABELS = frozenset(
    "信件标题 来信标题 留言标题 诉求标题 咨询标题 投诉标题 建议标题 信件主题 来信主题 留言主题 标题 主题".split()
)
_LETTER_TEXT_LABELS = frozenset(
    (
        "信件内容 来信内容 留言内容 诉求内容 咨询内容 投诉内容 建议内容 问题描述 回复内容 答复内容 回复意见 答复意见 "
        "办理结果 处理结果 办理情况 处理情况 回复 答复 内容"
    ).split()
)
_LETTER_FIELD_LABELS = frozenset(
    (
        "信件编号 来信编号 留言编号 受理编号 编号 信件类型 来信类型 留言类型 诉求类型 类型 写信人 来信人 留言人 姓名 "
        "写信时间 来信时间 留言时间 提交时间 受理时间 办理单位 答复单位 回复单位 承办单位 受理单位 办理部门 答复部门 "
        "回复部门 办理状态 处理状态 状态 回复时间 答复时间 办结时间 处理时间 群众评价 评价 满意度 评价结果 是否公开 "
        "咨询人 咨询时间 投诉人 投诉时间 建议人 建议时间 反映人 反映时间 来信日期 回复日期 答复日期 办理时间"
    ).split()
)
# a label of the letter's side (a reply's labels, 回复内容, and generic ones, 主题 内容 状态, name no letter)
_LETTER_WORD_RE = re.compile(r"信件|来信|写信|留言|诉求|咨询|投诉")
# a notice after a record's last cell (温馨提示：…)
_RECORD_NOTICE_RE = re.compile(r"^\s*(?:温馨提示|友情提示|特别提示|提示|说明)\s*[:：]")


# what a text announced by a closing colon goes on with: a list's item, an article of a regulation (not a sentence of
# anything else: readers' comments, a caption)
_CONTINUATION_RE = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十百零\d]{1,5}条)"
)


def _continued_after_colon(lines: list[str], page_lines: list[str], page_keys: list[str]) -> list[str]:
    """The page's lines that go on with the text where the extractor stopped after a line that announces more with
    its colon (…严肃追究相关人员的责任： over （一）…； （二）…； 第十三条 …。, which trafilatura left out of a page
    printing two rules with the same last articles): the lines under that line on the page, up to the first that is
    no item, article or sentence (分享到：, 相关信息); the same lines may stand earlier in the text (the first rule's).

    >>> page = ["第十二条 有下列情形的，追究责任：", "（一）排查不及时；", "（二）处置不力的。"]
    >>> page += ["第十三条 自发布之日起施行。", "分享到："]
    >>> _continued_after_colon(["第十二条 有下列情形的，追究责任："], page, [_han_key(x) for x in page])
    ['（一）排查不及时；', '（二）处置不力的。', '第十三条 自发布之日起施行。']
    """
    shown = [ln.strip() for ln in lines if ln.strip()]
    if not shown or not shown[-1].endswith(("：", ":")) or len(_han_key(shown[-1])) < 10:
        return []
    key = _han_key(shown[-1])
    at = max((i for i, k in enumerate(page_keys) if k == key), default=None)
    if at is None:
        return []
    out: list[str] = []
    for line in page_lines[at + 1 : at + 60]:
        s = line.strip()
        if not s:
            continue
        if not _CONTINUATION_RE.search(s):
            break
        out.append(s)
    return out


def _sidebar_box_cut(
    lines: list[str], page_lines: list[str], page_keys: list[str], is_link: Callable[[str], bool]
) -> list[str]:
    """*lines* without a sidebar box's paragraph that the extractor kept after the article without its heading: the
    last line, printed on the page under a short heading that is not in the text, itself under a list of three or
    more links that are not in the text either (a sidebar's other box: 三会一课 / links… / 工作提示 / its paragraph).

    >>> tip = "各支部应于每月25日前上传本月三会一课记录及影像资料。"
    >>> page = ["会议于16时30分结束。", "三会一课", "第一支部记录", "第二支部记录", "第三支部记录", "工作提示", tip]
    >>> links = {"第一支部记录", "第二支部记录", "第三支部记录"}
    >>> _sidebar_box_cut(["会议于16时30分结束。", tip], page, [_han_key(x) for x in page], links.__contains__)
    ['会议于16时30分结束。']
    """
    shown = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(shown) < 2:
        return lines
    last = _han_key(lines[shown[-1]])
    if len(last) < 20:
        return lines
    at = [i for i, k in enumerate(page_keys) if k == last]
    if len(at) != 1 or at[0] < 5:
        return lines
    text_keys = {_han_key(ln) for ln in lines}
    above = [i for i in range(at[0] - 1, -1, -1) if page_keys[i]][:5]
    if len(above) < 4:
        return lines
    heading = page_lines[above[0]].strip()
    if len(heading) > 8 or heading.endswith(_SENTENCE_ENDS) or page_keys[above[0]] in text_keys or is_link(heading):
        return lines
    links = above[1:4]
    if all(is_link(page_lines[i].strip()) and page_keys[i] not in text_keys for i in links):
        return lines[: shown[-1]]
    return lines


def _letter_record_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """A letter record's page (市长信箱, 领导留言板, 诉求 pages), set as a table of labels and values, one cell a line:
    the text of the letter and of the reply (the cells under 信件内容, 回复内容 …, in order) as the body, the letter's
    title (信件标题 …) as ``title`` and the other cells as ``record`` (编号, 写信人, 办理单位 …, one line each). A
    record is the whole text: four known labels or more, each once, a text label among them and two that name the
    letter's side (信件, 来信, 留言, 诉求, 咨询, 投诉), starting among the first lines with no sentence above them,
    every label with its value (one may be empty) and no sentence after a field's value but a notice (温馨提示：…, left
    out).
    An article that quotes a letter, a 12345 case report, a 公示's table with such a column, or a feedback page of
    generic labels (主题, 内容, 回复) stays as it is.

    >>> rows = ["信件编号", "SZ-0321", "写信人", "王**", "信件标题", "关于路口积水的反映", "信件内容", "路口积水严重。"]
    >>> rows += ["回复内容", "王女士：", "已疏通管道。", "群众评价", "满意", "温馨提示：…"]
    >>> kept, found = _letter_record_cut(rows)
    >>> kept, found["title"], found["record"]["写信人"]
    (['路口积水严重。', '王女士：', '已疏通管道。'], '关于路口积水的反映', '王**')
    """

    def label(line: str) -> str | None:
        name = re.sub(r"[\s\u3000:：]", "", line)
        known = name in _LETTER_TITLE_LABELS or name in _LETTER_TEXT_LABELS or name in _LETTER_FIELD_LABELS
        return name if known and len(line.strip()) <= 8 else None

    def sentence(line: str) -> bool:
        s = line.strip()
        return len(s) >= 14 and bool(re.search(r"[，。；！？,;!?]|[:：]$", s))

    at = [(i, name) for i, line in enumerate(lines) if (name := label(line))]
    names = [name for _, name in at]
    if (
        len(names) < 4
        or len(set(names)) < len(names)  # (a label repeated: cases of a report, a table's rows)
        or not any(n in _LETTER_TEXT_LABELS for n in names)
        or sum(bool(_LETTER_WORD_RE.search(n)) for n in names) < 2
        or at[0][0] > 12
        or any(sentence(ln) for ln in lines[: at[0][0]])  # (an article's lead above a quoted letter)
        or sum(b == a + 1 for (a, _), (b, _) in zip(at, at[1:])) > 1  # (a table's header row: labels, no values)
    ):
        return lines, {}
    body: list[str] = []
    tail: list[str] = []
    found: dict[str, Any] = {}
    record: dict[str, str] = {}
    for k, (i, name) in enumerate(at):
        end = at[k + 1][0] if k + 1 < len(at) else len(lines)
        value = [ln for ln in lines[i + 1 : end] if ln.strip()]
        last = k + 1 == len(at)
        notice = next((n for n, ln in enumerate(value) if _RECORD_NOTICE_RE.match(ln)), None)
        if last and notice is not None:
            # a notice after the record's last cell (温馨提示：…) ends it; what the page sets after is for the rules
            # of the page's end (a list of other letters, a breadcrumb)
            value, tail = value[:notice], [ln for ln in value[notice + 1 :] if not _RECORD_NOTICE_RE.match(ln)]
        if not value:
            continue
        if name in _LETTER_TEXT_LABELS:
            body.extend(value)
            continue
        rest = [ln for ln in value[1:] if not _RECORD_NOTICE_RE.match(ln)]
        if any(sentence(ln) for ln in rest):
            return lines, {}  # (the article goes on after a quoted record: 回复时间 … 记者了解到，…)
        if last:
            tail = rest + tail  # (what the page set after the record: for the rules of the page's end)
        if name in _LETTER_TITLE_LABELS:
            found.setdefault("title", value[0].strip())
        else:
            record.setdefault(name, value[0].strip())
    if not body:
        return lines, {}
    if record:
        found["record"] = record
    return body + tail, found


def _field_list_cut(lines: list[str]) -> list[str]:
    """*lines* without a list of labelled fields above the article (an event page's ``- 区域：`` ``- 大兴区``
    ``- 开始时间：`` …): the short lines before the first sentence, when three or more of them are bare labels;
    a short heading just above the first sentence (展会简介) goes with them.

    >>> fields = ["- 区域：", "- 大兴区", "- 开始时间：", "- 活动类型：", "- 展会活动", "展会简介"]
    >>> _field_list_cut([*fields, "本届博览会以创新引领健康为主题，展示医疗器械领域的最新成果。"])
    ['本届博览会以创新引领健康为主题，展示医疗器械领域的最新成果。']
    """
    first = next((i for i, ln in enumerate(lines[:30]) if _SENTENCE_LINE_RE.match(ln)), None)
    if first is None or first < 3:
        return lines
    lead = [ln.strip() for ln in lines[:first]]
    short = all(len(x) <= 20 and not x.endswith(_SENTENCE_ENDS) for x in lead)
    if short and sum(bool(_FIELD_LABEL_RE.match(x)) for x in lead) >= 3:
        return lines[first:]
    return _label_value_rows_cut(lines, first)


def _label_value_rows_cut(lines: list[str], first: int) -> list[str]:
    """*lines* without a meeting record's form of labels and values above the article's first sentence (a 三会一课
    record's 所属支部 / 中共某某支部委员会 / 会议类型 / 支部党员大会 …, a table of two cells a row, one cell a line):
    three or more pairs of a bare label of two to eight characters and a short value, from the top, three of whose
    labels name a record's fields (会议, 时间, 地点, 主持人 …). What follows the last pair (会议议程：) stays; a list of
    names and posts, a 公示's card or an award list, whose labels are others, stays whole.

    >>> rows = ["所属支部", "第二支部委员会", "会议类型", "支部党员大会", "会议地点", "三楼会议室", "会议议程："]
    >>> _label_value_rows_cut([*rows, "1.集中学习有关文件精神，交流学习体会；"], 7)
    ['会议议程：', '1.集中学习有关文件精神，交流学习体会；']
    """
    rows = [i for i in range(first) if not _TABLE_RULE_RE.match(lines[i].strip())]  # (past a table's rule: ---|---)
    k = pairs = 0
    while k + 1 < len(rows):
        label, value = lines[rows[k]].strip(), lines[rows[k + 1]].strip()
        if not (_SHORT_LABEL_RE.match(label) and value and len(value) <= 40 and not value.endswith(_SENTENCE_ENDS)):
            break
        if _SHORT_LABEL_RE.match(value) and len(value) <= 3 and pairs == 0:
            break  # (two short words: not a label and its value)
        pairs += 1
        k += 2
    labels = [lines[rows[n]].strip() for n in range(0, k, 2)]
    if pairs < 3 or sum(bool(_RECORD_LABEL_RE.search(x)) for x in labels) < 3:
        return lines  # (a list of names and posts, a 公示's card, an award list, a schedule: the text's own)
    return lines[rows[k] :] if k < len(rows) else lines[first:]


# the labels of a meeting record's form (所属支部, 会议类型, 会议时间, 会议地点, 主持人, 记录人, 应到人数, 缺席人员)
_RECORD_LABEL_RE = re.compile(r"所属|支部|党组织|会议|类型|时间|地点|主持人|记录人|参会|出席|缺席|列席|应到|实到")


_TABLE_RULE_RE = re.compile(r"^[-|:\s]{3,}$")


# a date followed by a source label in a header line (标题 2023-08-19 来源：解放日报)
_HEADER_LINE_FIELD_RE = re.compile(rf"(?:{_DATE_IN_LINE_RE.pattern}).{{0,24}}来源\s*[:：]")


def _leading_byline_cut(lines: list[str]) -> list[str]:
    """*lines* without the reporter's or credit line above the article (光明日报记者 王建宏 张文攀,
    河南商报记者某某/文 受访者供图) and the short lines before it (the source's name, a column tag, a
    picture's caption), when an article follows.

    >>> _leading_byline_cut(["光明网", "光明日报记者 王建宏", "土豆，听名字就土得掉渣，可记者看到了另一番景致。"])
    ['土豆，听名字就土得掉渣，可记者看到了另一番景致。']
    """
    shown = [i for i, line in enumerate(lines) if line.strip()][:5]
    for i in shown:
        s = lines[i].strip()
        byline = len(s) <= 60 and (
            bool(_REPORTER_LINE_RE.match(s))
            or ("记者" in s and len(_CREDIT_MARK_RE.findall(s)) >= 1)
            or bool(_FLOOR_SPEECH_RE.match(s))
        )
        if byline:
            before_ok = all(len(b.strip()) <= 30 and not b.strip().endswith(_SENTENCE_ENDS) for b in lines[:i])
            if before_ok and any(_SENTENCE_LINE_RE.match(x) for x in lines[i + 1 : i + 4]):
                # a date or a source printed above stays for the header reading that follows (2022年02月12日;
                # 标题 2023-08-19 来源：解放日报)
                kept = [b for b in lines[:i] if _DATELINE_RE.match(b.strip()) or _HEADER_LINE_FIELD_RE.search(b)]
                return kept + lines[i + 1 :]
            break
    return lines


def _trailing_credits_cut(lines: list[str], title: str | None = None) -> list[str]:
    """*lines* without the source notes and credits after the article's last sentence, the date and
    title printed again under it (2024年6月5日某局召开某会), and a bracketed credit closing its last line."""
    lines = list(lines)
    key = _han_key(title or "")

    def repeated_title(line: str) -> bool:
        s = line.strip()
        return len(key) >= 6 and len(s) <= len(title or "") + 24 and _han_key(_DATE_IN_LINE_RE.sub("", s)) == key

    def credit(line: str) -> bool:
        s = to_simplified(line.strip())
        return bool(
            _TRAILING_NOTE_RE.match(s)
            or _BARE_CREDIT_RE.match(s)
            or _BRACKETED_NAMED_CREDIT_RE.match(s)
            or _PRINT_CITATION_RE.match(s)
            or _COMPILED_FROM_RE.match(s)
            or _EMPTY_ATTACHMENTS_RE.match(s)
            or _EDITORS_NOTE_RE.match(s)
            or _PERSON_CREDIT_RE.match(s)
            or (len(s) <= 80 and _KEYWORDS_LINE_RE.match(s))
        ) or (len(s) <= 40 and bool(_REPORTER_LINE_RE.match(s)))

    lines = _endnotes_cut(lines)
    # a CMS's download box under the article (相关附件： / 中标通知书.pdf …, 附件下载： / 1.安排表.docx): file names,
    # not the document's own 附件 list (附件1：申报表.docx stays)
    box = next((i for i in range(len(lines) - 1, -1, -1) if _DOWNLOAD_BOX_RE.match(lines[i].strip())), None)
    if box is not None and box > 0:
        files = [ln.strip() for ln in lines[box + 1 :] if ln.strip()]
        own = any(re.match(r"^\s*附\s*件\s*\d{0,2}\s*[:：]", ln) for ln in lines[:box])
        if all(
            _FILE_NAME_RE.search(f) and not re.match(r"附\s*件", f) and (own or not _ITEM_NUMBER_RE.match(f))
            for f in files
        ):
            # (numbered files are the document's 附件 themselves unless its own 附件 list stands above)
            lines = lines[:box]

    while lines and (not lines[-1].strip() or credit(lines[-1]) or repeated_title(lines[-1])):
        if not any(_SENTENCE_LINE_RE.match(ln) for ln in lines[:-1]):
            break
        lines.pop()
        if lines and _ENDNOTE_RE.match(lines[-1]):
            # the notes over the credits (注释 … [3] …, then 《光明日报》（…06版）, [ 责编：… ])
            lines = _endnotes_cut(lines)
    if lines:
        closing = _CLOSING_CREDIT_RE.search(to_simplified(lines[-1]))  # same length: offsets hold
        # (not a photographer's credit closing a caption, which is the caption's: ▲…（通讯员 徐丽萍 摄）)
        if closing and not re.match(r"^\s*(?:▲|△|图为|[（(]图)", lines[-1]):
            lines[-1] = lines[-1][: closing.start()]
    return lines


# the article's keywords or tags under it: 关键字 : 有轨电车 珠海市, 标签：…
_KEYWORDS_LINE_RE = re.compile(r"^(?:关键字|关键词|标签|Tags?)\s*[:：]", re.I)
# an endnote: [1] 《…》，新华社，2021年7月1日。 (also ［1］, 【1】; not ①, which numbers a document's own items)
_ENDNOTE_RE = re.compile(r"^\s*[\[［【]\s*\d{1,3}\s*[\]］】]")
# what a note cites: a title in 《》, a publisher, a year, a page or an edition
_CITATION_RE = re.compile(r"《|出版|(?:19|20)\d{2}\s*年|第\s*\d+\s*[页版期卷]|\bp\.|pp\.")
_CIRCLED_NOTE_RE = re.compile(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")
_NOTES_HEADING_RE = re.compile(r"^\s*(?:注释|注|参考文献|尾注)\s*[:：]?\s*$")


def _endnotes_cut(lines: list[str]) -> list[str]:
    """*lines* without the endnotes after the article: a closing run of two or more lines that each open
    with a note number ([1] 《…》，新华社，2021年7月1日。), and the 注释 heading above them, and so on up (a
    参考文献 list under the 注释). The note marks inside the text ([1]) stay.

    >>> body = ["一百年来，中国共产党团结带领中国人民进行了伟大奋斗。[1]"]
    >>> _endnotes_cut(body + ["[1] 《某讲话》，新华社。", "[2] 某书，2021年版。"]) == body
    True
    >>> _endnotes_cut(body + ["注释：", "[1] 《某讲话》。", "[2] 某书。", "参考文献：", "[1] 某书，2021年版。"]) == body
    True
    """
    while True:
        cut = _endnote_run_cut(lines)
        if len(cut) == len(lines) or not (len(cut) < len(lines) and _NOTES_HEADING_RE.match(lines[len(cut)])):
            return cut
        lines = cut  # (a headed block: another may stand over it)


def _endnote_lines(lines: list[str]) -> list[str]:
    """The notes among *lines* that :func:`_endnotes_cut` cut ([1] 《…》, ① …), without their headings, for
    ``footnotes``.

    >>> _endnote_lines(["注释：", "[1] 《某讲话》。", "① 某书。"])
    ['[1] 《某讲话》。', '① 某书。']
    """
    return [ln.strip() for ln in lines if _ENDNOTE_RE.match(ln) or _CIRCLED_NOTE_RE.match(ln)]


def _endnote_run_cut(lines: list[str]) -> list[str]:
    """*lines* without their closing run of endnotes, and its heading (:func:`_endnotes_cut`)."""
    k = len(lines)
    while k > 0 and (
        not lines[k - 1].strip() or _ENDNOTE_RE.match(lines[k - 1]) or _CIRCLED_NOTE_RE.match(lines[k - 1])
    ):
        k -= 1
    notes = [ln for ln in lines[k:] if ln.strip()]
    headed = k > 0 and bool(_NOTES_HEADING_RE.match(lines[k - 1]))
    if len(notes) < (1 if headed else 2) or not any(_SENTENCE_LINE_RE.match(ln) for ln in lines[:k]):
        return lines
    if not headed and any(_CIRCLED_NOTE_RE.match(ln) for ln in notes):
        return lines  # (①, ② number a document's own items; they are notes only under a 注释 heading)
    if not headed and sum(bool(_CITATION_RE.search(ln)) for ln in notes) * 2 < len(notes):
        return lines  # a numbered list of the text's own (【1】张某某，某某村党支部书记), not its notes
    return lines[: k - 1] if headed else lines[:k]


def _headline_block_cut(lines: list[str], title: str | None) -> list[str]:
    """*lines* without the headline printed again as a block of short lines above the article's first
    sentence (the heading and its 引题 or 副题: 习近平主持召开…座谈会强调 / 推动…取得新的重大突破 / 李强蔡奇出席),
    when the block's first line holds the title.

    >>> lines = ["某某会议召开强调", "推动某某工作", "新华社北京5月1日电 某某会议1日召开，会议指出，要推动工作。"]
    >>> _headline_block_cut(lines, "某某会议召开")
    ['新华社北京5月1日电 某某会议1日召开，会议指出，要推动工作。']
    """
    key = _han_key(title or "")
    if len(key) < 6:
        return lines
    first = next((i for i, ln in enumerate(lines[:8]) if _SENTENCE_LINE_RE.match(ln)), None)
    if not first:
        return lines
    block = [ln.strip() for ln in lines[:first] if ln.strip()]
    head = _han_key(block[0]) if block else ""
    # the block opens with the title, or with the part of it that the article block prints (每周一学（…）中组部
    # 召开…推进会 over 中组部召开…推进会)
    if not block or not (key in head or (len(head) >= 8 and head in key)) or len(block) > 6:
        return lines
    if any(len(b) > 40 or b.endswith(_SENTENCE_ENDS) for b in block):
        return lines
    if any(b.endswith(("：", ":")) or _DOC_NUMBER_IN_LINE_RE.search(b) for b in block):
        return lines  # an official document's 文号 or 主送机关 line (各区人民政府：): body, not a headline
    return lines[first:]


_DOC_NUMBER_IN_LINE_RE = re.compile(r"[〔\[(（［]\s*(?:19|20)\d{2}\s*[〕\])）］]\s*\d+\s*号")


def _printed_lead(title: str, page_lines: list[str]) -> str | None:
    """The line printed on the page that *title* (a meta title) starts with, followed by a separator and
    the names of columns and the site (``标题_数据_宏观频道首页_财经网``); None when no such line is printed.

    >>> _printed_lead("某某上涨0.3%_数据_财经网", ["首页", "某某上涨0.3%", "正文"])
    '某某上涨0.3%'
    """
    if not _NAME_SEPARATOR_RE.search(title):
        return None
    title = _WHITESPACE_RUN_RE.sub(" ", title)
    best = ""
    for line in page_lines:
        s = _WHITESPACE_RUN_RE.sub(" ", line.strip())  # the page's 挨轟　吳宗憲 is the meta tag's 挨轟 吳宗憲
        if (
            len(_han_key(s)) >= 4
            and len(s) > len(best)
            and title.startswith(s)
            and _NAME_SEPARATOR_RE.match(title, len(s))
        ):
            best = s
    return best or None


_WHITESPACE_RUN_RE = re.compile(r"[\s\u3000]+")


def _title_from_html_title(html_title: str, page_lines: list[str]) -> str | None:
    """The article heading inside a ``<title>`` of the form heading + site name (``标题-新华网``,
    ``标题 东区办事处_中山网``, ``标题 某某医院``): the longest line printed on the page that the
    ``<title>`` starts with (compared on Han characters, letters and digits), else the part before the first
    separator.

    >>> _title_from_html_title("关于11月活动的通知--党政办-某中学", ["关于6月活动的通知", "关于11月活动的通知"])
    '关于11月活动的通知'
    """
    key = _title_key(html_title)
    if (
        key
        and not _NAME_SEPARATOR_RE.search(html_title.strip())
        and any(_title_key(line) == key for line in page_lines if len(line) <= 120)
    ):
        # no site name after a separator, and printed whole as a line of its own: the heading itself (an official
        # document's title, whose issuer, printed again as its signature, is also a line the title starts with)
        return html_title.strip()
    printed = {_title_key(line) for line in page_lines if len(line) <= 120}
    crumbs = [x.strip() for x in _CRUMB_DASH_RE.split(html_title)]
    if len(crumbs) >= 3:
        # the site and its columns first, joined by bare dashes (某某县人民政府-乡镇街道-某某镇-标题): the last part the
        # page prints as a line of its own
        shown = [x for x in crumbs[1:] if len(_han_key(x)) >= 6 and _title_key(x) in printed]
        if shown:
            return shown[-1]
    best = ""
    for line in page_lines:
        if len(line) > 120:
            continue
        lk = _title_key(line)
        if len(_han_key(line)) >= 6 and len(lk) > len(_title_key(best)) and key.startswith(lk) and lk != key:
            best = line.strip()
    if best:
        return best
    # the site's name first (某某镇人民政府--标题): the part after a separator that the page prints as a line
    parts = [x.strip() for x in _NAME_SEPARATOR_RE.split(html_title) if len(_han_key(x)) >= 6]
    shown = [x for x in parts[1:] if _title_key(x) in printed]
    if shown:
        return max(shown, key=len)
    # a site's name after a dash without spaces (标题-新华网), where the page prints the heading at the start of a
    # line that goes on with a button's label (标题 语音播报)
    for m in re.finditer(r"(?<!\s)[-—–]+(?!\s)", html_title):
        left, right = html_title[: m.start()].strip(), html_title[m.end() :].strip()
        if (
            len(_han_key(left)) >= 6
            and 0 < len(right) <= 12
            and any(
                ln.strip().startswith(left) and _BUTTON_AFTER_TITLE_RE.fullmatch(ln.strip()[len(left) :])
                for ln in page_lines
                if len(ln) <= 120
            )
        ):
            return left
    return re.split(r"\s+[_|｜\-—–]+\s+|[_|｜]", html_title)[0].strip() or None


# a unit's name and a date in brackets closing an article, with the credits after it on its line: （青山中学党支部
# 2025年4月8日） 撰稿：林芳 审核：周明
_SIGNED_DATELINE_RE = re.compile(
    r"^[（(]\s*(?P<org>[\u4e00-\u9fff·]{2,24}?)\s*(?P<date>(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2}))"
    r"\s*[）)]\s*(?P<credits>(?:(?:撰稿|作者|编辑|责任编辑|责编|审核|初审|复审|终审|校对|摄影|供稿|供图|通讯员)\s*[:：]\s*[^\s:：]+\s*)*)$"
)


# a bracketed note that names a paper, a reprint or a source, not the writing unit (（摘自人民日报 2025年4月8日）)
_NOT_A_UNIT_RE = re.compile(
    r"^(?:摘自|摘编自|原载|转自|转载自|来源|来自|据|选自|刊于)|(?:报|网|社|台|刊|杂志|客户端|公众号)$"
)


def _signed_dateline_cut(lines: list[str]) -> tuple[list[str], dict[str, Any]]:
    """*lines* without a unit's name and a date in brackets closing the article (（青山中学党支部 2025年4月8日）, also
    with credits after it: 撰稿：林芳 审核：周明), and that unit (``organization``) and date (``date``), the date the
    article is printed with where its header prints none.

    >>> _signed_dateline_cut(["……走深走实。", "（青山中学党支部 2025年4月8日） 撰稿：林芳 审核：周明"])
    (['……走深走实。'], {'organization': '青山中学党支部', 'date': datetime.date(2025, 4, 8)})
    """
    shown = [i for i, ln in enumerate(lines) if ln.strip()]
    # (a unit's line, once in the text: a list of documents each with its issuer and date in brackets is no signature)
    if sum(1 for ln in lines if len(ln) <= 120 and _SIGNED_DATELINE_RE.match(ln.strip())) > 1:
        return lines, {}
    # the last line, or one over a few short lines of the page's furniture the extractor set after the article (a
    # breadcrumb, a counter), which later rules cut
    for n in range(len(shown) - 1, max(len(shown) - 4, 0), -1):
        line = lines[shown[n]].strip()
        m = _SIGNED_DATELINE_RE.match(line) if len(line) <= 120 else None
        if m:
            day = parse_date(m.group("date"))
            org = m.group("org")
            if day is None or not _SOURCE_NAME_RE.fullmatch(org) or _NOT_A_UNIT_RE.search(org):
                return lines, {}
            return lines[: shown[n]] + lines[shown[n] + 1 :], {"organization": m.group("org"), "date": day}
        s = lines[shown[n]].strip()
        if len(s) > 40 or s.endswith(_SENTENCE_ENDS):
            break
    return lines, {}


def _trailing_date_cut(lines: list[str]) -> tuple[list[str], dt.date | None]:
    """*lines* without a date printed alone under the article's last sentence (a township's news item:
    …确保全镇森林资源安全。 / 2024年3月5日), and that date. An official document's date under its signature or
    after its 主送机关 (its 成文日期, part of it) stays.

    >>> _trailing_date_cut(["会议要求，确保安全。", "2024年3月5日"])
    (['会议要求，确保安全。'], datetime.date(2024, 3, 5))
    >>> _trailing_date_cut(["各乡镇：", "请抓好落实。", "某某镇人民政府", "2024年3月5日"])[1] is None
    True
    """
    shown = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(shown) < 2 or not is_date_line(lines[shown[-1]]):
        return lines, None
    if not lines[shown[-2]].strip().endswith(("。", "！", "？", "”")) or official_fields("\n".join(lines)).get(
        "recipients"
    ):
        return lines, None
    return lines[: shown[-1]], chinese_date(lines[shown[-1]])


_IMG_ALT_RE = re.compile(r"<img\b[^>]*\balt\s*=\s*([\"'])([^\"'<>]+)\1[^>]*>", re.I)


def _heading_image(page: str, text: str) -> str | None:
    """The alt text of the picture nearest above the article's first sentence on *page* (in 2,500 characters), where it
    reads as a heading (eight Han characters or more, no sentence) and is no banner's or logo's: a heading set as a
    picture.

    >>> page = '<img src="/t/1.png" alt="我校举行第十二届校园科技节开幕式"><p>11月17日下午，科技节开幕。</p>'
    >>> _heading_image(page, "11月17日下午，科技节开幕。")
    '我校举行第十二届校园科技节开幕式'
    """
    first = next((ln.strip() for ln in text.split("\n")[:12] if _SENTENCE_LINE_RE.match(ln.strip())), "")
    if not first:
        first = text.strip().split("\n")[0].strip() if text.strip() else ""
    at = page.find(first[:8]) if len(first) >= 8 else -1
    if at < 0:
        return None
    for m in reversed(list(_IMG_ALT_RE.finditer(page, max(0, at - 2500), at))):
        alt = _html.unescape(m.group(2)).strip()
        if _BANNER_RE.search(m.group(0)) or len(_han_key(alt)) < 8 or alt.endswith(_SENTENCE_ENDS):
            continue
        return alt
    return None


def _shown_as_image(title: str, page: str) -> bool:
    """Whether the page shows *title* as a picture whose ``alt`` text is the title (a township's heading image);
    a banner's or a logo's picture (its file or class named so: a 专题's banner bears the topic's name) is none.

    >>> _shown_as_image("某镇开展春季森林防火宣传活动", '<img src="t.png" alt="某镇开展春季森林防火宣传活动">')
    True
    >>> _shown_as_image("学习贯彻全会精神专题", '<img src="/zt/banner.jpg" alt="学习贯彻全会精神专题">')
    False
    """
    if len(_han_key(title)) < 8:  # a site's name is a logo's alt text too (学习强国)
        return False
    alt = r"<img\b[^>]*\balt\s*=\s*[\"']\s*" + re.escape(_html.escape(title, quote=False)) + r"\s*[\"'][^>]*>"
    return any(not _BANNER_RE.search(m.group(0)) for m in re.finditer(alt, page, re.I))


_BANNER_RE = re.compile(r"banner|logo", re.I)


def _title_printed(title: str, page_lines: list[str], page_keys: list[str]) -> bool:
    """Whether the page prints *title* as a line of its own, or followed by its date and source on its line
    (标题 2023-08-19 来源：解放日报)."""
    return _han_key(title) in set(page_keys) or any(
        ln.strip().startswith(title)
        and (_HEADER_LINE_FIELD_RE.search(ln) or _BUTTON_AFTER_TITLE_RE.fullmatch(ln.strip()[len(title) :]))
        for ln in page_lines
    )


# a button's label printed after the heading on its line (标题 语音播报, 标题 听新闻)
_BUTTON_AFTER_TITLE_RE = re.compile(r"\s+(?:语音播报|听新闻|朗读|收听|播报|听全文|读全文|分享|收藏)\s*")


def _is_heading_line(line: str) -> bool:
    """A line that reads as an article heading: short, six Han characters or more, no sentence inside
    (a question mark may end it), no label, date or chrome.

    >>> [_is_heading_line(x) for x in ("徒手抓子弹真的存在吗？", "来源：科普中国", "会议指出，要抓落实。")]
    [True, False, False]
    """
    s = line.strip()
    if not s or len(s) > 40 or len(_han_key(s)) < 6 or re.search(r"[。；，,:：]", s):
        return False
    return not (
        read_header_fields(s)
        or _DATELINE_RE.match(s)
        or _is_site_chrome(s)
        or _REPORTER_LINE_RE.match(s)
        or _menu_like(s)
    )


# a line of bracketed link labels ([查看我的博客目录] [加入个人书签]): tools, not a heading
_BRACKETED_LINKS_RE = re.compile(r"(?:\s*[\[【][^\]】]*[\]】])+\s*")


def _menu_like(line: str) -> bool:
    """Whether *line* reads as a site's navigation, not a heading: a breadcrumb (首页 > 新闻, 社区 → 版面), a row of
    bracketed tools ([查看目录] [加入书签]), five or more short items in a row (麻辣杂谈 记者江湖 中国川剧 …,
    影像艺术|艺术教育|…) or an item of a bulleted list (• 博客精选文章).

    >>> _menu_like("麻辣杂谈 记者江湖 中国川剧 指上谈兵 白兔股市"), _menu_like("湘菜粤菜 兵分两路 （图）")
    (True, False)
    """
    s = line.strip()
    if s[:1] in _LONE_BULLETS or any(c in s for c in ">›»＞→"):
        return True
    if _BRACKETED_LINKS_RE.fullmatch(s) and len(re.findall(r"[\[【]", s)) >= 2:
        return True  # two or more bracketed tools; one bracketed heading (【2023年政府工作报告全文】) is a heading
    # items of two or more characters (a letter-spaced heading, 国 务 院 关 于 …, has items of one), set apart by
    # a menu's separators (| - · /); by plain spaces, eight or more items, or five of exactly the same length (a
    # headline may set a few words apart: 北京 上海 广州 深圳 四城 联动 发布新政)
    items = [x for x in _MENU_ROW_SPLIT_RE.split(s) if x]
    if len(items) < 5 or not all(2 <= len(x) <= 6 for x in items):
        return False
    return bool(re.search(r"[|｜·•/]|\s-\s", s)) or len(items) >= 8 or len({len(x) for x in items}) == 1


# a line of the page's tools and counters (【字体：大 中 小】　浏览：217次), never a heading
_TOOL_LINE_RE = re.compile(r"字\s*[体号]\s*[:：]|(?:浏览|点击|阅读)(?:次数|量)?\s*[:：]|打印|关闭窗口|分享到")


def _names_the_site(title: str, page_lines: list[str]) -> bool:
    """Whether *title* is the site's own name: a line of the page welcomes to it or claims its copyright.

    >>> _names_the_site("某某县公共资源交易中心", ["欢迎访问某某县公共资源交易中心！", "正文"])
    True
    """
    key = _han_key(title)
    edges = page_lines[:15] + page_lines[-15:]  # the site's head and foot, not the article's sentences
    return len(key) >= 4 and any(
        key in _han_key(line) and re.search(r"欢迎|版权所有|主办|©|Copyright", line, re.I) for line in edges
    )


def _lines_between(heading: str, rest: list[str], page_lines: list[str], page_keys: list[str]) -> list[str]:
    """The page's lines between the *heading* and the first line of *rest* (the article), at most twelve: where the page
    prints its header fields under the heading and the extractor dropped them.

    >>> page = ["首页", "某某县关于张三等同志职务任免的通知", "发布日期：2025-03-20", "来源：县政府办公室"]
    >>> page.append("各乡镇人民政府：")
    >>> _lines_between(page[1], ["各乡镇人民政府："], page, [_han_key(x) for x in page])
    ['发布日期：2025-03-20', '来源：县政府办公室']
    """
    start = _page_line_of(_han_key(heading), page_keys) if len(_han_key(heading)) >= 6 else None
    article = next((_han_key(x)[:8] for x in rest if len(_han_key(x)) >= 6), "")
    if start is None or not article:
        return []
    end = next((i for i in range(start + 1, min(start + 14, len(page_keys))) if page_keys[i].startswith(article)), None)
    return page_lines[start + 1 : end] if end is not None else []


_GENERIC_LAST_STEPS = frozenset(
    ("正文", "详情", "内容", "正文内容", "详细内容", "文章", "全文", "阅读文章", "浏览文章", "")
)
# an editor's note or summary set as a paragraph under the heading, its label closed by a colon or a bracket
_LEAD_NOTE_LINE_RE = re.compile(r"^[【\[]?\s*" + _LEAD_NOTE_LABELS + r"\s*(?:[】\]]\s*[:：]?|[:：])")
_CRUMB_SPLIT_RE = re.compile(r"\s*(?:>+|›|»|＞|→)\s*")


# a photo's caption: 图为…, （图…）, …合影, …摄, …供图
_PHOTO_CAPTION_RE = re.compile(r"^[（(]?图为|^[（(]图|合影$|[\s　]摄$|摄影$|供图$")


# a post and a person's name closing a line, after a space or right after the post (某某县人民政府县长　郑国栋,
# 青山县人民政府县长郑国栋)
_POSTS = "县长|市长|区长|镇长|乡长|省长|局长|部长|厅长|处长|科长|校长|院长|所长|社长|行长|主任|书记|主席|委员|组长"
_SPEAKER_LINE_RE = re.compile(
    rf"(?:[\s\u3000]|(?:{_POSTS}))(?!项目|任期|任职|工程|信箱|热线|讲堂|论坛)[{SURNAMES}][\u4e00-\u9fff]{{1,2}}$"
)


# a subtitle's line: opened by a dash (——, ──, ～) or set wholly in brackets (（某某县推进春耕生产纪实）)
_SUBTITLE_LINE_RE = re.compile(r"^[—－\-─━–~～]|^[（(][^（）()]+[）)]$")


def _heading_over_dateline(zone: list[str], is_link: Callable[[str], bool]) -> str | None:
    """The line printed right over the last dateline of *zone* (a line of header fields with a date or a source:
    日期：2025年07月15日　|　信息来源：…, 2025-06-03 来源：青山镇), where it reads as a heading of eight characters or
    more: no sentence, no link, no breadcrumb or menu.

    >>> zone = ["首页 > 乡镇动态", "青山镇组织开展防汛应急演练", "2025-06-03 来源：青山镇"]
    >>> _heading_over_dateline(zone, lambda s: False)
    '青山镇组织开展防汛应急演练'
    """
    shown = [ln.strip() for ln in zone[-12:] if ln.strip()]
    for k in range(len(shown) - 1, 0, -1):
        fields = read_header_fields(shown[k])
        if not ({"date", "source"} & set(fields) or _DATELINE_RE.match(shown[k])):
            continue
        line = shown[k - 1]
        if (
            len(_han_key(line)) >= 8
            and len(line) <= 60
            and not line.endswith((*_SENTENCE_ENDS, "：", ":", "，"))
            and not _SUBTITLE_LINE_RE.match(line)  # (a subtitle: ——某某县推进产业园区建设纪实, （…）)
            and not read_header_fields(line)
            and not re.search(r"[:：]|记者|通讯员|本报|作者|摄影|编辑", line)  # (a label's line, a byline)
            and not _SPEAKER_LINE_RE.search(line)  # (a speaker's post and name: 某某县人民政府县长　郑国栋)
            # (a link only over a labelled dateline: a sidebar's items are linked titles over bare dates)
            and not (is_link(line) and not fields)
            and not _crumb_line(line)
            and not _menu_like(line)
        ):
            return line
        return None
    return None


def _text_under_heading(
    text: str, heading: str, page_lines: list[str], page_keys: list[str]
) -> tuple[str, list[str], dict[str, Any]]:
    """*text* without the *heading* and the lines the extractor kept over it (a sidebar's 最新公示 and its items), where
    only such lines stand over it (:func:`_header_cut`); the page's lines between the heading and the article (its
    header fields, which the extractor dropped); and the fields read on the heading's line.

    >>> page = ["最新公示", "·某某公示（06-18）", "某某市任前公示", "发布日期：2025-07-03", "根据有关规定，现予公示。"]
    >>> _text_under_heading("\\n".join([*page[:3], page[4]]), page[2], page, [_han_key(x) for x in page])
    ('根据有关规定，现予公示。', ['发布日期：2025-07-03'], {})
    """
    lines = text.split("\n")
    rest, found = _header_cut(lines, heading)
    if not found and len(rest) == len(lines):
        return text, [], {}
    return "\n".join(rest), _lines_between(heading, rest, page_lines, page_keys), found


def _zone_above_sentence(text_lines: list[str], page_lines: list[str], page_keys: list[str]) -> list[str]:
    """The page's ten lines above the text's first sentence (``[]`` where the page prints no such sentence line)."""
    sentence = next((_han_key(x)[:8] for x in text_lines[:12] if _SENTENCE_LINE_RE.match(x.strip())), "")
    at = _page_line_of(sentence, page_keys) if len(sentence) >= 6 else None
    return page_lines[max(0, at - 10) : at] if at is not None else []


def _heading_over_sentence(text_lines: list[str], page_lines: list[str], page_keys: list[str]) -> str | None:
    """The heading printed over the text's first sentence (:func:`_heading_above` of the page's lines above it), or
    None where the page prints no such sentence line."""
    zone = _zone_above_sentence(text_lines, page_lines, page_keys)
    return _heading_above(zone) if zone else None


def _lines_past_fields(lines: list[str]) -> list[str]:
    """The first three of *lines* past the header fields and an editor's note under a heading (:func:`_header_cut`)."""
    return [
        ln.strip()
        for ln in _header_cut(lines, None)[0]
        if ln.strip() and not read_header_fields(ln) and not _LEAD_NOTE_RE.match(ln.strip())
    ][:3]


def _crumb_line(line: str) -> bool:
    """Whether *line* is a breadcrumb (您现在的位置：青山中学 >> 党建园地 >> 支部动态 >> 正文): three steps or more, no
    sentence."""
    s = line.strip()
    return len(s) <= 120 and len(_CRUMB_SPLIT_RE.findall(s)) >= 2 and not re.search(r"[。！？；，]", s)


def _crumb_steps(line: str) -> list[str]:
    """The Han characters of each step of a breadcrumb's *line*, past its label (当前位置：首页 >> 理论宣讲).

    >>> _crumb_steps("当前位置：首页 >> 理论宣讲")
    ['首页', '理论宣讲']
    """
    return [_han_key(x.split("：")[-1].split(":")[-1]) for x in _CRUMB_SPLIT_RE.split(line)]


def _only_crumb_step(title: str, page_lines: list[str]) -> bool:
    """Whether *title* is the one step of a breadcrumb past the home page (当前位置：首页 > 通知公告): a list's, a
    column's name; in 首页 > 新闻动态 > 春耕备耕忙 the last step may be the article's own heading.

    >>> _only_crumb_step("通知公告", ["首页 > 通知公告"]), _only_crumb_step("春耕备耕忙", ["首页 > 新闻 > 春耕备耕忙"])
    (True, False)
    """
    key = _han_key(title)
    for line in page_lines:
        if len(line) <= 120 and _CRUMB_SPLIT_RE.search(line) and re.search(r"位置|首页", line):
            steps = [s for s in _crumb_steps(line) if s and "首页" not in s and s not in _GENERIC_LAST_STEPS]
            if steps == [key]:
                return True
    return False


def _crumb_step(title: str, page_lines: list[str], *, last: bool = False) -> bool:
    """Whether *title* is a step of a breadcrumb the page prints (当前位置：首页 >> 理论宣讲 >> 宣讲稿 >> 正文), not its
    last (with *last*, or its last): a column's name, not an article's heading.

    >>> _crumb_step("理论宣讲", ["您当前的位置：首页 >> 理论宣讲 >> 宣讲稿 >> 正文", "以高质量党建引领基层治理现代化"])
    True
    """
    key = _han_key(title)
    if not key:
        return False
    for line in page_lines:
        marks = len(_CRUMB_SPLIT_RE.findall(line))
        # (a breadcrumb of two steps, 当前位置：首页 > 通知公告, where its last step counts)
        if len(line) > 120 or marks < 1 or (marks < 2 and not (last and re.search(r"位置|首页", line))):
            continue
        steps = _crumb_steps(line)
        while steps and steps[-1] in _GENERIC_LAST_STEPS:
            steps.pop()  # (… >> 标题 >> 正文: the step before 正文 is the page's own name)
        if key in (steps if last else steps[:-1]):
            return True  # (not the last step, which may be the article's own title: 论坛 » 学术前沿 » 标题)
    return False


# a short name and a date, with a counter or a time after it, on a line of its own under a heading (深圳中学 2009-12-17
# 点击次数:): the page's byline and its date; not a label's (咨询时间 2025-03-02: a record's field)
_NAME_DATE_LINE_RE = re.compile(
    r"^(?![\u4e00-\u9fff·]{0,14}(?:时间|日期|时|期)\s)[\u4e00-\u9fff·]{2,16}\s+(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:(?:点击次数|点击数|点击|浏览次数|浏览|阅读)\s*[:：]?\s*\d*\s*次?)?\s*$"
)


def _line_under(title: str | None, page_lines: list[str], page_keys: list[str]) -> list[str]:
    """The page's first non-empty line under the line that prints *title* (``[]`` where it prints none)."""
    key = _han_key(title or "")
    at = _page_line_of(key, page_keys) if len(key) >= 6 else None
    if at is None or page_keys[at] != key:
        return []
    return next(([ln] for ln in page_lines[at + 1 : at + 4] if ln.strip()), [])


def _name_date_line(lines: list[str]) -> dict[str, Any]:
    """``{"date": …}`` from the last line of *lines* that holds a short name and a date and nothing else but a counter
    or a time (深圳中学 2009-12-17 点击次数:), else ``{}``.

    >>> _name_date_line(["我校党委2009年纪检工作总结", "深圳中学 2009-12-17 点击次数:"])
    {'date': datetime.date(2009, 12, 17)}
    """
    for line in reversed(lines):
        m = _NAME_DATE_LINE_RE.match(line.strip())
        if m:
            day = parse_date(m.group("date"))
            return {"date": day} if day else {}
    return {}


def _heading_above(zone: list[str]) -> str | None:
    """The article's heading among the last lines printed above its first sentence (past its date,
    source and tool lines), for a page whose ``<title>`` names a column or the site, not the article,
    and which sets the heading in no heading element."""
    for line in reversed(zone[-6:]):
        s = line.strip()
        if (
            not s
            or read_header_fields(s)
            or _DATELINE_RE.match(s)
            or _is_site_chrome(s)
            or _LEAD_NOTE_LINE_RE.match(s)
            or _PHOTO_CAPTION_RE.search(s)
        ):
            continue  # (past an editor's note, 编者按：…, not a heading 导读丨一图读懂…; past a caption)
        if len(s) > 80:
            return None
        if len(_han_key(s)) < 6 or "首页" in s or _menu_like(s) or _TOOL_LINE_RE.search(s):
            continue
        if _NUMBERED_HEADING_RE.match(s):
            continue  # an item of the text (二、项目名称：…), never its heading
        if _SPEAKER_LINE_RE.search(s) or _SUBTITLE_LINE_RE.match(s):
            continue  # a speaker's post and name under a speech's heading (a byline), a subtitle
        if re.search(r"来源\s*[:：]|(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}", s):
            return None  # (the heading with its date and source on its line: read by the header cut, not here)
        if s.endswith(("。", "；", "：", ":", "，", ",")):
            return None
        return s
    return None


def _fields_below(page_lines: list[str], text: str) -> dict[str, Any]:
    """The header fields printed in the lines just below the article (当代商报: 发布日期 under the last paragraph,
    above the share buttons; 作者：… 来源：… 发布时间：… under it), for a page that prints none above it."""
    last = next((_han_key(ln)[-12:] for ln in reversed(text.split("\n")) if len(_han_key(ln)) >= 8), "")
    if not last:
        return {}
    at = max((k for k, ln in enumerate(page_lines) if last in _han_key(ln)), default=None)
    if at is None:
        return {}
    found = read_header_fields("\n".join(page_lines[at + 1 : at + 11]), top=False)
    # (and the unit that supplied the article, by its label: （供稿：河口镇人民政府）)
    supplied = next(filter(None, (_SUPPLIED_BY_RE.match(ln.strip()) for ln in page_lines[at + 1 : at + 4])), None)
    if supplied:
        found.setdefault("source", supplied.group(1))
    return found


def _page_line_of(key: str, page_keys: list[str], *, within: bool = False) -> int | None:
    """The first page line whose Han characters (*page_keys*) start with *key*; with *within*, else the first
    that holds it."""
    at = next((i for i, k in enumerate(page_keys) if k.startswith(key)), None)
    if at is None and within:
        at = next((i for i, k in enumerate(page_keys) if key in k), None)
    return at


def _first_prose_key(lines: list[str]) -> str:
    """The first sixteen Han characters of the first sentence line among *lines*' first twelve: enough to
    find the paragraph on the page, not a heading that an extractor joined to it."""
    return next((_han_key(ln)[:16] for ln in lines[:12] if _SENTENCE_LINE_RE.match(ln) and len(_han_key(ln)) >= 16), "")


def _zone_above_first_line(text: str, page_lines: list[str], page_keys: list[str], n: int = 12) -> list[str]:
    """The *n* page lines printed above the text's first line of eight Han characters or more (a notice that opens
    with its numbered items, 一、项目编号：…, has no sentence near its top for :func:`_zone_above_prose`)."""
    key = next((k[:8] for k in map(_han_key, text.split("\n")[:6]) if len(k) >= 8), "")
    at = _page_line_of(key, page_keys) if key else None
    return page_lines[max(0, at - n) : at] if at is not None else []


def _zone_above_prose(lines: list[str], page_lines: list[str], page_keys: list[str], n: int = 12) -> list[str]:
    """The *n* page lines printed above the article's first sentence (its heading, date and tools);
    *page_keys* are the Han characters of each page line."""
    key = _first_prose_key(lines)
    at = _page_line_of(key, page_keys) if key else None
    return page_lines[max(0, at - n) : at] if at is not None else []


def _row_of(key: str, page_lines: list[str], page_keys: list[str] | None) -> tuple[int | None, list[str]]:
    """The page line where the article's first words *key* are printed (None without a key or a match), and the
    page lines' Han characters (*page_keys*, computed when not given)."""
    if page_keys is None:
        page_keys = [_han_key(ln) for ln in page_lines]
    return (_page_line_of(key, page_keys) if key else None), page_keys


def _out_of_order_lead_cut(lines: list[str], page_lines: list[str], page_keys: list[str] | None = None) -> list[str]:
    """*lines* without the short lines above the article's first sentence that the page prints only below
    it, in a block of other articles (after a heading such as 相关推荐): an item of the related list under the
    article that trafilatura put first (陈浩调研…). *page_keys*: the Han characters of each page line, if known.

    >>> page = ["某所召开大会", "为贯彻落实会议精神，某所召开大会，会议要求做好工作。", "相关推荐", "某某调研农业发展"]
    >>> _out_of_order_lead_cut(["某某调研农业发展", "某所召开大会", page[1]], page)
    ['某所召开大会', '为贯彻落实会议精神，某所召开大会，会议要求做好工作。']
    """
    key = _first_prose_key(lines)
    at, page_keys = _row_of(key, page_lines, page_keys)
    if at is None:
        return lines
    first = next(i for i, ln in enumerate(lines) if _SENTENCE_LINE_RE.match(ln) and _han_key(ln).startswith(key))
    headings = [j for j, ln in enumerate(page_lines) if j > at and _is_tail_heading(ln)]
    if not headings:
        return lines
    out = []
    for i, line in enumerate(lines):
        k = _han_key(line)
        if i < first and len(k) >= 6 and len(line) <= 80:
            rows = [j for j, pk in enumerate(page_keys) if pk == k]
            if rows and min(rows) > headings[0]:
                continue  # printed only in a list below the article
        out.append(line)
    return out


def _out_of_order_header_tail_cut(
    lines: list[str], page_lines: list[str], page_keys: list[str] | None = None
) -> list[str]:
    """*lines* without header lines at their end that the page prints above the article's first sentence: the
    date and 来源 line of a block without paragraphs, which trafilatura sets after the article's paragraphs
    (``2024-03-15 来源：县委组织部 浏览次数：128`` last). The header zone above the article still reads them.

    >>> page = ["某县召开推进会", "2024-03-15 来源：县委组织部", "3月14日，某县召开推进会，部署重点任务。"]
    >>> _out_of_order_header_tail_cut([page[2], "2024-03-15 来源：县委组织部"], page)
    ['3月14日，某县召开推进会，部署重点任务。']
    """
    key = _first_prose_key(lines) or next((_han_key(ln)[:16] for ln in lines if _SENTENCE_LINE_RE.match(ln)), "")
    at, page_keys = _row_of(key, page_lines, page_keys)
    if at is None:
        return lines

    def header(end: int) -> bool:
        line = lines[end - 1].strip()
        return (
            len(line) <= 120
            and not _SENTENCE_LINE_RE.match(line)
            and bool(read_header_fields(line) or _dateline([line]))
        )

    return lines[: _tail_printed_above(lines, at, page_keys, header)]


def _tail_printed_above(
    lines: list[str], at: int, page_keys: list[str], belongs: Callable[[int], bool], reach: int | None = None
) -> int:
    """Where the run of *lines* at their end that the page prints above its line *at* (the article's first sentence)
    starts: lines ``belongs`` takes (called with the line's index plus one), each printed on the page above *at*, within
    *reach* lines of it where one is given; blank lines go with them.

    >>> page_keys = [_han_key(x) for x in ["某县召开推进会", "3月14日，某县召开推进会。"]]
    >>> _tail_printed_above(["3月14日，某县召开推进会。", "某县召开推进会"], 1, page_keys, lambda end: True)
    1
    """
    end = len(lines)
    while end > 1:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        k = _han_key(line)
        rows = [j for j, pk in enumerate(page_keys) if pk == k] if k and belongs(end) else []
        if not rows or min(rows) >= at or (reach is not None and min(rows) < at - reach):
            break
        end -= 1
    return end


# a writer's or a photographer's credit in brackets closing the article: （张晓明 撰稿）, （李明、王芳 供图）
_PERSON_CREDIT_RE = re.compile(
    rf"^[（(]\s*(?P<names>[{SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:\s*[、，,\s]\s*[{SURNAMES}][\u4e00-\u9fff]{{1,2}})*)"
    r"\s*(?:撰稿|供稿|供图|摄影|摄|执笔|整理)\s*[）)]$"
)
# a credit naming the unit that supplied the article, by its label: （供稿：某某镇人民政府）, 供稿单位：…
_SUPPLIED_BY_RE = re.compile(r"^[（(]?\s*(?:供稿单位|供稿|报送单位)\s*[:：]\s*([\u4e00-\u9fff（）]{2,30}?)\s*[）)]?$")


_UNIT_END_RE = re.compile(
    r"(?:部|委|局|厅|办|院|会|组|署|处|室|所|社|中心|办公室|委员会|政府|党委|党组|支部|学校|大学|学院)$"
)


def _signature_line(line: str) -> bool:
    """Whether *line* is a unit's name alone, as it signs a text (青山县总工会), not a field that names one
    (来源：县发改局)."""
    return bool(_UNIT_END_RE.search(line)) and not re.search(r"[:：\s]", line.strip())


def _date_line_among(lines: list[str]) -> dict[str, Any]:
    """The date of the first line of *lines* that opens with a date (2025-03-21 08:30, 2025-04-23 青山日报), as
    ``{"date": …}``.

    >>> _date_line_among(["春耕备耕忙", "2025-03-21 08:30"])
    {'date': datetime.date(2025, 3, 21)}
    """
    for line in lines:
        if _BARE_DATE_LINE_RE.match(line.strip()) or _DATELINE_RE.match(line.strip()):
            d = parse_date(line)
            if d is not None:
                return {"date": d}
    return {}


def _heading_tail_cut(lines: list[str], title: str | None, page_lines: list[str], page_keys: list[str]) -> list[str]:
    """*lines* without the heading and the lines under it (a subtitle, a speaker's line, the dateline) where the
    extractor set them after the article: lines at the end that the page prints above the article's first sentence,
    within fifteen lines of it, each the title, a subtitle, a speaker's post and name, a header line or a line that
    opens with a date, a breadcrumb, a dated item or a short label (a sidebar's heading); never a sentence, and never a
    signature: a unit's name and the date under it (青山县总工会 / 2025年3月12日), which a page may print above the
    article too.

    >>> page = ["春耕备耕忙", "——各地抢抓农时", "2025-03-20 来源：县农业农村局"]
    >>> page.append("连日来，青山县各乡镇抢抓农时，组织农户开展春耕。")
    >>> _heading_tail_cut([page[3], page[0], page[1]], page[0], page, [_han_key(x) for x in page])
    ['连日来，青山县各乡镇抢抓农时，组织农户开展春耕。']
    """
    key = _first_prose_key(lines)
    at, page_keys = _row_of(key, page_lines, page_keys)
    if at is None:
        return lines
    title_key = _han_key(title or "")

    def heading_block(end: int) -> bool:
        line = lines[end - 1].strip()
        k = _han_key(line)
        above = lines[end - 2].strip() if end >= 2 else ""
        if _signature_line(line) or (is_date_line(line) and _signature_line(above)):
            return False  # (a signature)
        return (
            (bool(title_key) and k == title_key)
            or bool(_SUBTITLE_LINE_RE.match(line) or _SPEAKER_LINE_RE.search(line))
            or bool(read_header_fields(line) or _dateline([line]))
            or (len(line) <= 40 and bool(_DATELINE_RE.match(line)))
            # (and what stood over the heading: a breadcrumb, a sidebar's heading and its dated items)
            or _crumb_line(line)
            or bool(re.match(r"^(?:当前|您的|您现在的|所在)?位置\s*[:：]", line))
            or bool(_ITEM_DATE_RE.search(line))
            or (len(k) <= 8 and not re.search(r"[，。：:；！？\d]", line) and not _SITE_NAME_RE.search(line))
        ) and not _SENTENCE_LINE_RE.match(line)

    return lines[: _tail_printed_above(lines, at, page_keys, heading_block, reach=15)]


_DAY_LINE_RE = re.compile(r"^\s*(\d{1,2})\s*$")
_YEAR_MONTH_LINE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?\s*$")


_YEAR_LINE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*$")
_YEAR_SPACE_MONTH_DAY_RE = re.compile(
    r"^\s*((?:19|20)\d{2})\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_MONTH_DAY_LINE_RE = re.compile(r"^\s*(\d{1,2})\s*[/／\-.月]\s*(\d{1,2})\s*日?\s*$")


def _dated(year: str, month: str, day: str) -> dict[str, Any]:
    """``{"date": …}`` of a calendar block's numbers, or ``{}`` when they make no date (02/30)."""
    try:
        return {"date": dt.date(int(year), int(month), int(day))}
    except ValueError:
        return {}


def _day_over_month(zone: list[str]) -> dict[str, Any]:
    """The date of a calendar block above the article that prints the day over the year and month
    (``21`` / ``2024年02月``), or under them; the block nearest the article wins.

    >>> _day_over_month(["某所召开大会", "21", "2024年02月", "分享"])
    {'date': datetime.date(2024, 2, 21)}

    A news portal's block prints the year over the month and day (``2024`` / ``07/22``, 新华网):

    >>> _day_over_month(["2024", "07/22", "10:15:32", "来源：新华网"])
    {'date': datetime.date(2024, 7, 22)}
    >>> _day_over_month(["2024 07/22 10:15:32", "来源：新华网"])
    {'date': datetime.date(2024, 7, 22)}
    """
    shown = [ln for ln in zone if ln.strip()]
    for line in reversed(shown):
        one = _YEAR_SPACE_MONTH_DAY_RE.match(line)  # the same block's spans on one line: 2024 07/22 10:15:32
        if one and (found := _dated(one.group(1), one.group(2), one.group(3))):
            return found
    for a, b in reversed(list(zip(shown, shown[1:]))):
        y, md = _YEAR_LINE_RE.match(a), _MONTH_DAY_LINE_RE.match(b)
        if y and md and (found := _dated(y.group(1), md.group(1), md.group(2))):
            return found
        for day_line, ym_line in ((a, b), (b, a)):
            d, ym = _DAY_LINE_RE.match(day_line), _YEAR_MONTH_LINE_RE.match(ym_line)
            if d and ym and (found := _dated(ym.group(1), ym.group(2), d.group(1))):
                return found
    return {}


def extract_html(page: str, name: str = "<bytes>") -> tuple[str, dict[str, Any]]:
    """``(text, meta)`` of a web page: the article's text (one paragraph per line, before
    policytext's cleaning) and what the page prints about it (title, date, written_date,
    doc_number, issuer, source, author, index_number, topic).

    Needs trafilatura (extra ``html``) for pages without a known article container.
    """
    fields = page_fields(page)
    # the page's own text (its <head> left out), where the heading and the header zone are printed
    page_lines = body_text(page).split("\n")
    page_keys = [_han_key(ln) for ln in page_lines]
    is_link = _link_test(page)  # (the page's links are gathered once, when a rule first asks)
    inner = _container(page)
    if inner is not None:
        # a CMS that prints its metadata table inside the article element (吉林: 索引号 … 发文字号)
        # (and an editor's note over the article inside it: a WeChat article's 编者按 in its rich_media_content)
        text = "\n".join(_lead_notes_cut(_table_block_cut(html_to_text(inner).split("\n"))))
        method = "container"
    else:
        text = _paragraphs_of_cells(_table_cells(_trafilatura_text(page, name)), page_lines)
        method = "trafilatura"
    # paragraphs that an old CMS set in one block, each indented with spaces (…反响。      为充分发挥…)
    text = _INDENT_BREAK_RE.sub("\\1\n", text)
    lines = _leading_link_list_cut(_attachment_label_join([_glued_chrome_strip(ln) for ln in text.split("\n")]))
    if method == "trafilatura":
        lines = _out_of_order_lead_cut(lines, page_lines, page_keys)
        lines = _out_of_order_header_tail_cut(lines, page_lines, page_keys)
    text = "\n".join(_drop_site_chrome(_leading_byline_cut(lines)))
    above_prose = _zone_above_prose(text.split("\n"), page_lines, page_keys)
    meta: dict[str, Any] = {k: v for k, v in fields.items() if not k.startswith("_")}
    meta["extraction"] = method
    title = meta.get("title")
    if not title and fields.get("_meta_title"):
        title = _title_among(fields["_meta_title"], fields.get("_h1"), fields.get("_html_title", ""))
        # 标题_数据_宏观频道首页_财经网: the part before the column and site names, where the page prints it
        title = _printed_lead(title, page_lines) or title
    title = title or fields.get("_h1") or fields.get("_enp_title")
    from_html_title = False
    if not title and fields.get("_html_title"):
        # "<article title> _ <site name>": the heading the page prints, or the part before the site's name
        title = _title_from_html_title(fields["_html_title"], page_lines)
        from_html_title = True
        heading = _heading_above(above_prose) or _heading_above(_zone_above_first_line(text, page_lines, page_keys))
        # a <title> that is the site's name alone (浙江省淡水水产研究所), where the heading printed above the
        # article names it and more (浙江省淡水水产研究所召开干部职工大会…)
        if (
            title
            and heading
            and title == fields["_html_title"].strip()
            and _han_key(title) != _han_key(heading)
            and _han_key(title) in _han_key(heading)
        ):
            title = heading
        elif title and heading and _names_the_site(title, page_lines) and not is_link(heading):
            # a <title> that is the site's own name (欢迎访问某某县公共资源交易中心！, 版权所有：…): the heading printed
            # above the article, set in an element the page reading does not take for one (<h3 class=…-tt>)
            title = heading
    if title:
        meta["title"] = title = without_repost_tags(title)
    if method == "trafilatura":
        lines, header_found = _header_cut(
            _table_block_cut(
                _leading_menu_cut(
                    text.split("\n"), page, page_keys, html_title=fields.get("_html_title", ""), is_link=is_link
                ),
                title,
                page_keys,
            ),
            title,
        )
        # a byline under a header line that the first pass could not see past (heading + date + 来源 on one line)
        lines = _field_list_cut(_lead_notes_cut(_leading_byline_cut(lines)))
        lines, letter = _letter_record_cut(lines)
        if letter.get("title"):
            # the letter's own title, which a record page's <title> (市长信箱-信件详情-…) does not hold
            meta["title"] = title = letter["title"]
            from_html_title = False
        if letter.get("record"):
            meta["record"] = letter["record"]
        lines = lines[: _tail_cut(lines, page_lines, page_keys)]
        lines = _sidebar_box_cut(lines, page_lines, page_keys, is_link)
        lines = lines + _continued_after_colon(lines, page_lines, page_keys)
        lines = lines + _attachments_below(lines, page_lines, page_keys)
        text = "\n".join(lines)
        for key, value in header_found.items():
            meta.setdefault(key, value)
    else:
        # a container that also holds the comments under the article (新浪: 177条评论 … 最热评论)
        lines, original = _original_title_cut(text.split("\n"))
        meta.update(original)
        text = "\n".join(lines[: _tail_cut(lines, page_lines, page_keys)])
    text = "\n".join(_headline_block_cut(_link_list_tail_cut(text.split("\n"), page, is_link), title))
    lines, subtitle = _subtitle_cut(_kicker_cut(text.split("\n"), title, page_keys), title, page_lines, page_keys)
    if subtitle:
        meta.setdefault("subtitle", subtitle)
    text = "\n".join(lines)
    text = cut_into(cut_into(text, speech_byline_cut, meta), signer_cut, meta)
    lines = cut_into(text, colophon_cut, meta).split("\n")
    lines, date_under = _trailing_date_cut(lines)
    kept = _trailing_credits_cut(lines, title)
    notes = _endnote_lines(lines[len(kept) :])
    if notes:
        meta.setdefault("footnotes", notes)  # (the endnotes after the article, [1] 《…》, kept as a PDF's footnotes)
    kept, signed = _signed_dateline_cut(kept)
    if signed:
        meta.setdefault("organization", signed["organization"])
        date_under = date_under or signed["date"]
    # the source a credit line under the article names (来源：某某组工, （来源：新华社）): read, where the header and
    # the page's metadata name none (below)
    credit = read_header_fields("\n".join(ln.strip().strip("（）()") for ln in lines[len(kept) :]))
    writer = next(filter(None, (_PERSON_CREDIT_RE.match(ln.strip()) for ln in lines[len(kept) :])), None)
    if writer:
        credit.setdefault("author", writer.group("names"))  # (（张晓明 撰稿）: the writer, never the source)
    text = "\n".join(kept)
    title_key = _han_key(title or "")
    first = next(
        (
            key[:8]
            for key in map(_han_key, text.split("\n")[:12])
            # (not a line that opens as the heading does: the page line found would be the heading's)
            if len(key) >= 8
            and not title_key.startswith(key[:8])
            and not key.startswith(("发布", "来源", "作者", "时间", "日期"))
        ),
        "",
    )
    zone_lines: list[str] = []  # the page's lines above the article's first line
    if first:
        # the page line that starts with the article's first words (not a list item above that quotes them)
        at = _page_line_of(first, page_keys, within=True)
        if at is not None:
            zone_lines = page_lines[max(0, at - 40) : at]
    zone = "\n".join(zone_lines)
    column = False  # (a <title> printed on the page that is a breadcrumb's step: a column's name)
    if (
        from_html_title
        and title
        # (a <title> that is a column's name, a step of the page's breadcrumb, 理论宣讲 - 某某县委党校 over 当前位置：
        # 首页 >> 理论宣讲 >> 宣讲稿 >> 正文, though the page prints it as a sidebar's heading too)
        and (not _title_printed(title, page_lines, page_keys) or (column := _crumb_step(title, page_lines)))
        and not _shown_as_image(title, page)  # a heading set as a picture, its words in the alt text
    ):
        # the <title> names a column or the site (新闻动态--某学会官网) and is printed nowhere: the heading is
        # the article's first line where the extractor kept it (徒手抓子弹真的存在吗？ over 来源：…), else a line
        # printed above the article
        text_lines = text.split("\n")
        while len(text_lines) > 1 and _crumb_line(text_lines[0]):
            text_lines = text_lines[1:]  # (a breadcrumb the extractor kept over the heading)
        following = [ln.strip() for ln in text_lines[1:12] if ln.strip()][:3]
        # (for a column's <title>: the heading printed over the article's first sentence, past a breadcrumb the
        # extractor kept, which the zone above the text's first line would be cut at)
        above = _heading_over_sentence(text_lines, page_lines, page_keys) if column else _heading_above(zone_lines)
        first_line = text_lines[0].strip()
        if (
            _is_heading_line(first_line)
            and not _NUMBERED_HEADING_RE.match(first_line)  # (一、…: a section's heading, never the article's)
            and not _PHOTO_CAPTION_RE.search(first_line)  # (a photo's caption over the text)
            # (a column's <title>, which the page prints: only a first line that is the heading printed above)
            and (not column or above == first_line)
            and (
                any(_SENTENCE_LINE_RE.match(ln) for ln in following)
                # (or, where no other heading stands above the article, a sentence or a lead-in past the header
                # fields and an editor's note under it: a print view's 日　　期： | 2025-07-02 | 来　　源： | … |
                # …现就有关事项通知如下：, a column's 作者：… | 来源：… | 编者按：… over the text)
                or (
                    above in (None, first_line)
                    and any(
                        _SENTENCE_LINE_RE.match(ln) or _LEAD_IN_LINE_RE.match(ln)
                        for ln in _lines_past_fields(text_lines[1:12])
                    )
                )
            )
        ):
            title = meta["title"] = text_lines[0].strip()
            # and the dateline under it (2005-04-05 06:40更新 来源：…): read with the header zone, above the article
            rest, found = _header_cut(text_lines[1:], title)
            zone_lines = zone_lines + text_lines[1 : len(text_lines) - len(rest)]
            # and the page's lines between the heading and the article, which the extractor dropped (文号：…,
            # 发布日期：…, 来源：…, printed under the heading)
            zone_lines += _lines_between(text_lines[0], rest, page_lines, page_keys)
            zone = "\n".join(zone_lines)
            text = "\n".join(rest)
            for key, value in found.items():
                meta.setdefault(key, value)
        elif above:
            title = meta["title"] = above
            text, between, found = _text_under_heading(text, title, page_lines, page_keys)
            zone_lines = zone_lines + between
            zone = "\n".join(zone_lines)
            for key, value in found.items():
                meta.setdefault(key, value)
    if title and _names_the_site(title, page_lines):
        # the site's name as title (a school's, in its <title> and its header): the heading set as a picture right over
        # the article, its words in the alt text
        pictured = _heading_image(page, text)
        if pictured:
            title = meta["title"] = pictured
    if not title or len(_han_key(title)) <= 8:
        # a short title is a column's or a site's name more often than a heading (议案建议, 青山镇人民政府): the
        # line the page prints right over its dateline (2025-06-03 来源：青山镇), where that is a longer heading
        near = _zone_above_sentence(text.split("\n"), page_lines, page_keys)
        # (not where the page prints the title itself as a line there, not as a menu's link: 政府工作报告, 专利代理条例
        # are headings)
        # (nor where it is the page's own heading, which its <title> names too, set as a link to its page or far above
        # the article: <h1><a href=…>春耕备耕忙</a></h1>, 学校简介 in 学校简介_青山中学; never the site's name, set as
        # a logo)
        html_title = fields.get("_html_title", "")
        html_key, html_parts = _han_key(html_title), _NAME_SEPARATOR_RE.split(html_title)
        site = bool(title) and (
            _names_the_site(title or "", page_lines)
            # (a name that is the whole <title> and ends as a site's does: 青山政务网 as logo <h1> and <title>)
            or (_han_key(title or "") == html_key and bool(_SITE_NAME_RE.search(title or "")))
        )
        # (a step of the breadcrumb, its last too: a column's name, 首页 > 代表工作 > 议案建议)
        crumb_column = bool(title) and _crumb_step(title or "", page_lines, last=True)
        printed_near = (
            not site
            and not crumb_column
            and any(_han_key(without_repost_tags(x)) == _han_key(title or "") and not is_link(x) for x in near)
        )
        heading = without_repost_tags(fields.get("_h1") or "")
        own_heading = (
            bool(title)
            and not site
            and not _only_crumb_step(title or "", page_lines)
            and (
                (_han_key(heading) == _han_key(title or "") and _han_key(heading) in html_key)
                # (or the lead of the <title>, printed near the article even as a link: <div><a>春耕备耕忙</a></div>)
                or (
                    not crumb_column
                    and _han_key(html_parts[0]) == _han_key(title or "")
                    and len(html_parts) > 1
                    and any(_han_key(x) == _han_key(title or "") for x in near)
                )
            )
        )
        over = _heading_over_dateline(near, is_link)
        # (either way, a heading over the dateline that the page's <title> names: a topic's banner as og:title)
        named = bool(over) and _han_key(over or "") in html_key
        if over and not own_heading and (named or not printed_near) and _han_key(over) != _han_key(title or ""):
            title = meta["title"] = over
            text, between, found = _text_under_heading(text, title, page_lines, page_keys)
            zone_lines = zone_lines + between
            zone = "\n".join(zone_lines)
            for key, value in found.items():
                meta.setdefault(key, value)
    for key, value in _labelled_fields(zone_lines).items():
        if key not in meta:
            meta[key] = value
    if "doc_number" not in meta and zone_lines:
        # an official document's 文号 printed above its title (版头: 某某县人民政府办公室文件 / 某政办发〔2024〕12号)
        number = official_fields("\n".join(zone_lines[-12:])).get("doc_number")
        if number:
            meta["doc_number"] = number
    # (the text's first lines, where the extractor kept a header, up to its first sentence or salutation: a time
    # under it is an event's, 时间：2025年3月5日上午9:00 in a meeting's notice)
    head = _above_prose(text.split("\n")[:8])
    # (nor is a time the page prints over an event's place: 时间：… / 地点：… over a notice)
    events = {page_keys[i] for i in event_time_lines(page_lines)}
    if events:
        zone_lines = [x for x in zone_lines if _han_key(x) not in events]
        zone = "\n".join(zone_lines)
    header = read_header_fields("\n".join(head) + "\n" + zone)
    if "date" not in header:
        # the text's first lines too, past a breadcrumb and a table's rule left above the heading
        near = zone_lines[-10:] + head[:5]
        header.update(_dateline(near) or _stamp_line(near) or _day_over_month(above_prose) or _date_beside_fields(near))
    if fields.get("_meta_source"):
        fields["_meta_source"] = source_value(fields["_meta_source"])  # 来源：人民网－人民日报 原创稿
    below: dict[str, Any] | None = None
    for key in ("source", "author"):
        value = header.get(key) or fields.get(f"_meta_{key}") or credit.get(key)
        if not value and key not in meta:
            below = _fields_below(page_lines, text) if below is None else below
            value = below.get(key)
        if not value and key == "source" and key not in meta:
            # last: a 来源 label inside a header line of fields glued together (发布日期：…来源：市人社局解读类型：…)
            value = _labelled_source_inside(zone_lines[-10:]) or fields.get("_class_source")
        if key == "source" and value and re.search(r"[:：]", value):
            # a value that ran on into the next field's label (市人社局解读类型：图表图解): up to that label
            value = _labelled_source_inside([f"来源：{value}"]) or value
        if value and key not in meta:
            meta[key] = value
    if "date" not in meta:
        if header.get("date") is None and below is None:
            below = _fields_below(page_lines, text)
        d = header.get("date") or (below or {}).get("date") or date_under
        for source in ("_meta_date", "_enp_date", "_ld_date"):
            if d is None and fields.get(source):
                d = parse_date(fields[source])
        d = d or fields.get("_wechat_date")
        # last: a publication date's label inside a header line of unknown fields above the article, or a name and a
        # date on the line right under the heading (深圳中学 2009-12-17 点击次数:)
        d = d or _labelled_date_inside(zone_lines[-10:]).get("date")
        d = d or _name_date_line(_line_under(title, page_lines, page_keys)).get("date")
        if d is not None:
            meta["date"] = d
    text = _source_byline_cut(text, meta)
    kept_lines = _heading_tail_cut(text.split("\n"), meta.get("title"), page_lines, page_keys)
    if len(kept_lines) < len(text.split("\n")):
        if "date" not in meta:
            # (the date printed over the heading, which the extractor set after the article with it)
            meta.update(_date_line_among(text.split("\n")[len(kept_lines) :]))
        # (and what the header lines stood under: the endnotes and a writers' credit, which the cuts above could not
        # reach past them)
        notes_cut = _endnotes_cut(kept_lines)
        notes = _endnote_lines(kept_lines[len(notes_cut) :])
        if notes:
            meta.setdefault("footnotes", notes)
        kept_lines = notes_cut
        writer = _PERSON_CREDIT_RE.match(kept_lines[-1].strip()) if len(kept_lines) > 1 else None
        if writer:
            meta.setdefault("author", writer.group("names"))
            kept_lines = kept_lines[:-1]
    text = "\n".join(kept_lines)
    lines, interpreted = _original_document_cut(text.split("\n"))
    if interpreted:
        meta.setdefault("interpreted_document", interpreted)
        text = "\n".join(lines)
    if method == "trafilatura":
        text = _repeated_lines_restored(text, page_lines, page_keys)
        text = _captions_restored(text, page_lines, page_keys)
    if method == "trafilatura":
        # (last: the rules above read a list's bullets, as link lists and buttons show them)
        text = _unbulleted(text, page_lines)
    return text, meta


# a 政策解读's link to the document it reads (原文链接：某某县人民政府办公室关于印发《…》的通知)
_ORIGINAL_DOCUMENT_RE = re.compile(
    r"^(?:原文链接|政策原文|文件原文|原文件|原文|解读文件|解读原文)\s*[:：]\s*(\S.{5,})$"
)


def _original_document_cut(lines: list[str]) -> tuple[list[str], str | None]:
    """*lines* without a line first or last that links a 政策解读 to the document it reads, by that document's title
    (原文链接：…关于印发《…》的通知), and that title; an address after the label is the page's ``url``, read elsewhere.

    >>> _original_document_cut(["原文链接：某某县人民政府关于加强安全生产工作的意见", "近日，县政府印发了意见。"])
    (['近日，县政府印发了意见。'], '某某县人民政府关于加强安全生产工作的意见')
    """
    for at in (0, len(lines) - 1) if len(lines) > 1 else ():
        m = _ORIGINAL_DOCUMENT_RE.match(lines[at].strip())
        if m and ("《" in m.group(1) or ends_as_a_document_title(m.group(1))) and "。" not in m.group(1):
            return lines[:at] + lines[at + 1 :], m.group(1).strip()
    return lines, None


# a paragraph that may be put back: ten characters or more, ending a sentence or a clause of a list
_REPEATED_PARAGRAPH_RE = re.compile(r"[\u4e00-\u9fff].{9,}[。；！？]\s*$")


def _above_prose(lines: list[str]) -> list[str]:
    """*lines* up to the first that is prose: a sentence, a lead-in (…通知如下：) or an addressee or a salutation
    (各乡镇人民政府，县直各有关单位：, 张建华代表：), not a label waiting for its value (发布时间：).

    >>> _above_prose(["来源：青山县人民政府", "各乡镇人民政府：", "时间：2025年3月5日上午9:00"])
    ['来源：青山县人民政府']
    """
    out = []
    for line in lines:
        s = line.strip()
        if (
            _SENTENCE_LINE_RE.match(s)
            or _LEAD_IN_LINE_RE.match(s)
            or (s.endswith(("：", ":")) and len(_han_key(s)) >= 4 and not _BARE_LABEL_RE.match(s))
        ):
            break
        out.append(line)
    return out


def _repeated_lines_restored(text: str, page_lines: list[str], page_keys: list[str]) -> str:
    """*text* with the paragraphs that the page prints again inside the article and the extractor dropped as
    duplicates put back in their place (two rules issued together whose last articles read the same: trafilatura's
    fallback keeps each paragraph once). Only a line that the text holds already is put back, and only between two
    lines of the text that follow each other on the page.

    >>> a, b, c = "第一条 教师应当爱岗敬业。", "第二条 本办法适用于中小学。", "第二条 本办法适用于幼儿园。"
    >>> page = [a, b, a, c]
    >>> _repeated_lines_restored("\\n".join([a, b, c]), page, [_han_key(x) for x in page]).split("\\n") == page
    True
    """
    lines = text.split("\n")
    keys = [_han_key(x) for x in lines]
    have = {k for k in keys if len(k) >= 6}
    if len(lines) < 3 or len(have) < 3:
        return text
    out: list[str] = []
    at = -1  # the page line of the text's last matched line
    restored = False
    for line, key in zip(lines, keys):
        found = None
        if len(key) >= 6:
            stop = len(page_keys) if at < 0 else min(at + 200, len(page_keys))
            found = next((i for i in range(at + 1, stop) if page_keys[i] == key), None)
        if found is not None and at >= 0:
            gap = [i for i in range(at + 1, found) if page_keys[i]]
            # (the lines between on the page are all the text's own paragraphs, printed again, and sentences: not a
            # table of contents of its headings, nor anything else; and not the line just matched again, which means
            # that its first copy was a summary's above the article, not the article's)
            if (
                gap
                and all(page_keys[i] in have and _REPEATED_PARAGRAPH_RE.search(page_lines[i]) for i in gap)
                and page_keys[at] not in {page_keys[i] for i in gap}
            ):
                out.extend(page_lines[i].strip() for i in gap)
                restored = True
        if found is not None:
            at = found
        out.append(line)
    return "\n".join(out) if restored else text


# a photo's caption the extractor may drop with a gallery's slides: 图为…, （图为…）
_GALLERY_CAPTION_RE = re.compile(r"^[（(]?图为\S")


def _captions_restored(text: str, page_lines: list[str], page_keys: list[str]) -> str:
    """*text* with the photos' captions (图为…) that the page prints between two of its paragraphs, which follow each
    other in the text, put back where the extractor dropped them (a gallery's slides, which trafilatura leaves out
    with the gallery).

    >>> a, b = "培训班坚持缺什么补什么，精心设置四个模块。", "在专题授课环节，部门骨干分别授课。"
    >>> page = [a, "图为培训班开班式现场。", "1/3", b]
    >>> _captions_restored("\\n".join([a, b]), page, [_han_key(x) for x in page]).split("\\n")[1]
    '图为培训班开班式现场。'
    """
    lines = text.split("\n")
    if len(lines) < 2 or not any(_GALLERY_CAPTION_RE.match(x.strip()) and len(x) <= 80 for x in page_lines):
        return text
    have = {_han_key(x) for x in lines}
    out = [lines[0]]
    at = _page_line_of(_han_key(lines[0]), page_keys) if len(_han_key(lines[0])) >= 6 else None
    for line in lines[1:]:
        key = _han_key(line)
        nxt = _page_line_of(key, page_keys) if len(key) >= 6 else None
        if at is not None and nxt is not None and 0 < nxt - at <= 12:
            out.extend(
                page_lines[i].strip()
                for i in range(at + 1, nxt)
                if _GALLERY_CAPTION_RE.match(page_lines[i].strip())
                and len(page_lines[i].strip()) <= 80
                and page_keys[i] not in have
            )
        out.append(line)
        at = nxt
    return "\n".join(out)


# a writer's name in a byline: a common surname and one or two characters, not a place's or an office's ending
_BYLINE_NAME_RE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}(?<![办科处室局县市区镇乡村会评省州委部])")


def _source_byline_cut(text: str, meta: dict[str, Any]) -> str:
    """*text* without a byline over the article that names the page's source and its writers (中央纪委国家监委网站
    曹溢 陆丽环), the writers read into ``author`` where the page names none.

    >>> meta = {"source": "中央纪委国家监委网站"}
    >>> _source_byline_cut("中央纪委国家监委网站 曹溢 陆丽环\\n八项规定，改变中国。", meta), meta["author"]
    ('八项规定，改变中国。', '曹溢 陆丽环')
    """
    source = meta.get("source")
    first, _, rest = text.partition("\n")
    if not source or not rest or not first.startswith(source):
        return text
    names = first[len(source) :].strip()
    people = re.split(r"[\s、，,]+", names) if names else []
    if (
        not people
        or not all(_BYLINE_NAME_RE.fullmatch(x) for x in people)
        or (len(people) == 1 and len(people[0]) < 3)  # (宁乡, 江苏: a place as likely as a name)
    ):
        return text
    meta.setdefault("author", names)
    return rest
