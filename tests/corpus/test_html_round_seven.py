"""Reading pages of a seventh round of unseen sites (issue #19, development set round seven): county, district,
city and provincial government portals, provincial departments and a 机关党建 column. What that round showed: a
footer's list of government sites read as the article's tail, a list of headlines whose dates stand on the line
below each, a portal's dialog before an outside link, the writer's unit and name closing the last paragraph."""

from __future__ import annotations

import policytext as pt
from helpers.pages import html_page as _page
from policytext.corpus.html import _is_site_chrome, _leading_link_list_cut, _link_list_tail_cut, _trailing_credits_cut

BODY = [
    "为弘扬和传承书法艺术，丰富辖区群众精神文化生活，某某镇开展书画活动，区、镇书画协会会员20余人参加。",
    "现场热闹非凡，艺术家们挥毫泼墨，一笔一画尽显功力，墨色晕染韵味无穷。",
    "下一步，某某镇将深挖辖区文化资源，持续开展丰富多样的文化活动，不断提升群众获得感、幸福感。",
]
SITES = ["中国政府网", "外交部", "国防部", "教育部", "科学技术部", "工业和信息化部"]
FOOTER = (
    "<div><span>中国政府网及国务院部门网站</span><i>|</i><ul>"
    + "".join(f"<li><a href='#'>{s}</a></li>" for s in SITES)
    + "</ul></div>"
)


def test_a_footer_list_of_links_after_the_article_is_not_body():
    lines = [*BODY, "中国政府网及国务院部门网站|", *(f"- {s}" for s in SITES), "- 其他网站"]
    assert _link_list_tail_cut(lines, FOOTER) == BODY


def test_short_lines_that_are_no_links_or_are_attachments_stay():
    # the same lines without links on the page: the article's own list (a signature block, names)
    lines = [*BODY, *(f"- {s}" for s in SITES)]
    assert _link_list_tail_cut(lines, "<p>no links</p>") == lines
    # attachments are body even where each is a link
    files = [f"附件{i}：报名表{i}.docx" for i in range(1, 7)]
    page = "".join(f"<a href='#'>{f}</a>" for f in files)
    assert _link_list_tail_cut([*BODY, *files], page) == [*BODY, *files]
    # four links are not a list of sites
    assert _link_list_tail_cut([*BODY, *SITES[:4]], FOOTER) == [*BODY, *SITES[:4]]


def test_a_page_with_a_footer_of_site_links_reads_to_the_last_sentence():
    body = "<div class='main'><h1>某某镇开展书画活动</h1>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div>"
    doc = pt.read_document(_page("<title>某某镇开展书画活动_某某区人民政府</title>", body + FOOTER))
    assert doc.text.rstrip().endswith("不断提升群众获得感、幸福感。")
    assert "外交部" not in doc.text


def test_headlines_of_other_articles_after_the_last_sentence_are_not_body():
    heads = ["[都市时报]某省人才政策让企业留得住人", "[云南日报]今年起我省每年统一组织一次公务员招聘"]
    page = "".join(f"<a href='#'>{h}</a>" for h in heads)
    lines = [*BODY, heads[0], "2022-11-11", heads[1], "2022-11-14"]
    assert _link_list_tail_cut(lines, page) == BODY
    # the same lines that are no links on the page stay (a subheading and a date of the article's own)
    assert _link_list_tail_cut(lines, "<p></p>") == lines
    # a joint signature whose issuers are also links in the page's footer stays
    signed = [*BODY, "国家发展和改革委员会", "国务院国有资产监督管理委员会", "2024年5月1日"]
    footer = "<a>国家发展和改革委员会</a><a>国务院国有资产监督管理委员会</a>"
    assert _link_list_tail_cut(signed, footer) == signed


def test_headlines_dated_on_the_line_below_above_the_article_are_not_body():
    items = []
    for i, source in enumerate(["新华网", "科技日报", "科技日报", "都市时报"]):
        items += ["- ", f"[{source}]其他新闻标题第{i}条 后半句", "2024-01-25"]
    assert _leading_link_list_cut(["新闻动态", *items, *BODY]) == BODY
    # an article that opens with a dated line of its own keeps it
    assert _leading_link_list_cut(["2024-01-25", *BODY]) == ["2024-01-25", *BODY]


def test_a_portals_exit_dialog_and_a_share_label_are_chrome():
    assert _is_site_chrome("您访问的链接即将离开“北京市教育委员会”")
    assert _is_site_chrome("门户网站 是否继续？")
    assert _is_site_chrome("分享：")
    assert not _is_site_chrome("会议讨论了是否继续推进该项改革的问题。")
    assert not _is_site_chrome("分享发展成果，增进民生福祉。")


def test_the_writers_unit_and_name_closing_the_last_paragraph_are_not_body():
    last = "帮助更多的读者掌握美丽的科学方法，焕发优雅自信。"
    assert _trailing_credits_cut([BODY[0], last + "（图书馆 魏乐禹）"]) == [BODY[0], last]
    assert _trailing_credits_cut([BODY[0], last + "（某某镇 张三 李四）"]) == [BODY[0], last]
    # a closing parenthesis that names no writer stays
    for kept in ("（此件公开发布）", "（详见 附件）", "（2024年）"):
        assert _trailing_credits_cut([BODY[0], last + kept]) == [BODY[0], last + kept]


def test_a_bare_information_source_label_above_the_article_is_not_body():
    body = "<div class='main'><h1>县人大常委会召开会议</h1><p>信息来源:</p>" + "".join(f"<p>{p}</p>" for p in BODY)
    doc = pt.read_document(_page("<title>县人大常委会召开会议</title>", body + "</div>"))
    assert doc.text.startswith("为弘扬")
