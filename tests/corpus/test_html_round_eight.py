"""Reading pages of an eighth round of unseen sites (issue #19, development set round eight): provincial and city
portals, ministries and provincial departments. What that round showed: credits run into the last paragraph
(the writers' names alone, an author's long description after a question mark), the sources a compiled article
names under it, an attachment block's label with no attachment."""

from __future__ import annotations

from policytext.corpus.html import _trailing_credits_cut

FIRST = "为深入学习贯彻党的二十大精神，某某局组织开展系列学习活动，干部职工踊跃参加。"
LAST = "该工程完工后，灌区直接灌溉面积达7.46万亩，对保障粮食安全具有重要意义。"


def test_the_writers_names_closing_the_last_paragraph_are_not_body():
    assert _trailing_credits_cut([FIRST, LAST + "（李晟 韦鑫）"]) == [FIRST, LAST]
    # one word in brackets, or words that are no names, stay
    for kept in ("（完）", "（草案）", "（见附件1、附件2）", "（详见 附件）", "（上接 第一版）"):
        assert _trailing_credits_cut([FIRST, LAST + kept]) == [FIRST, LAST + kept]


def test_an_authors_long_credit_after_a_question_mark_is_not_body():
    last = "机器尚在持续学习，我们人类难道不应该更加努力学习、终身学习吗? "
    credit = "（作者：公共网络发起人、毕业于重庆大学、代表作《智能社会》某某某，)"
    assert _trailing_credits_cut([FIRST, last + credit]) == [FIRST, last.rstrip()]


def test_the_sources_of_a_compiled_article_and_an_empty_attachment_label_are_not_body():
    note = "文章综合自：学习强国、川观新闻、某某医院订阅号等"
    assert _trailing_credits_cut([FIRST, LAST, note]) == [FIRST, LAST]
    assert _trailing_credits_cut([FIRST, LAST, "相关附件"]) == [FIRST, LAST]
    # an attachment under its label stays
    kept = [FIRST, LAST, "相关附件", "附件1：申报表.docx"]
    assert _trailing_credits_cut(kept) == kept
