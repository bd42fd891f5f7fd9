"""Cases a review of the bad-input checks found: valid input that a first version of a check refused or misread."""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pandas as pd
import pytest

import policytext as pt
from policytext.cli import main


def test_an_index_with_gaps_paths_and_times_in_its_metadata_checks_ok(tmp_path, capsys):
    frame = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["坚持稳中求进。", "推进改革开放。"], "issuer": ["国务院", None]}
    ).convert_dtypes()  # the gap is pd.NA
    corpus = pt.Corpus.from_dataframe(frame)
    corpus[0].meta.update({"path": tmp_path / "a.txt", "at": dt.time(12, 0)})
    db = tmp_path / "i.db"
    with pt.Index(db) as idx:
        idx.add(corpus)
        issuers = idx.documents().set_index("doc_id")["issuer"]
        assert issuers["a"] == "国务院" and pd.isna(issuers["b"])  # not the text "<NA>"
    assert main(["index", "check", str(db)]) == 0, capsys.readouterr().out


def test_a_batch_run_with_some_documents_failing_in_two_steps_is_no_failure(tmp_path, monkeypatch, capsys):
    module = tmp_path / "steps_for_test.py"
    module.write_text(
        "import pandas as pd\n"
        "def one(doc):\n"
        "    if doc.doc_id in ('d1', 'd2'):\n        raise ValueError('no')\n"
        "    return pd.DataFrame({'n': [len(doc.text)]})\n"
        "two = one\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(1, 5):
        (folder / f"d{i}.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    steps = "steps_for_test:one,steps_for_test:two"
    assert main(["batch", str(folder), "--steps", steps, "--out", str(tmp_path / "out"), "--format", "csv"]) == 0
    assert "every document" not in capsys.readouterr().err


def test_a_pos_tag_of_a_users_dictionary_is_a_tag(recwarn):
    seg = pt.Segmenter(user_dicts=[[("稳中求进", 100, "policy")]])
    with pytest.warns(UserWarning, match="only words your own dictionaries tag so"):
        m = pt.dfm(["坚持稳中求进，推动高质量发展。"], segmenter=seg, pos="policy")
    assert "稳中求进" in list(m.features)
    with pytest.raises(pt.InputError, match="pos"):
        pt.dfm(["坚持稳中求进。"], pos="名词")


@pytest.mark.parametrize("placeholder", ["/", ".", "-", "N/A", "无"])
def test_a_placeholder_is_a_text_not_a_path(placeholder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pt.keywords(["坚持稳中求进，推动高质量发展。", placeholder])


def test_an_articles_own_ranking_section_stays():
    rows = "".join(f"<p>第{i}名：某某县，综合得分{90 - i}分，各项指标稳步提升。</p>" for i in range(1, 9))
    intro = "<p>近日，全省县域经济发展情况公布，各地认真贯彻落实省委部署，推动县域经济高质量发展。</p>" * 2
    body = f"<h1>县域经济排名公布</h1>{intro}<p>综合排行榜</p>{rows}"
    page = f"<html><head><title>县域经济排名</title></head><body>{body}</body>"
    doc = pt.read_document(page.encode())
    assert "第8名" in doc.text


@pytest.mark.parametrize(
    "heading",
    [
        "国 务 院 关 于 加 强 安 全 生 产 的 通 知",
        "北京 上海 广州 深圳 四城 联动 发布新政",
        "【2023年政府工作报告全文】",
    ],
)
def test_headings_with_spaces_or_brackets_are_headings(heading):
    from policytext.corpus.html import _is_heading_line, _menu_like

    assert not _menu_like(heading) and _is_heading_line(heading)


def test_a_date_label_without_colon_or_time_is_read():
    from policytext.corpus.clean import read_header_fields

    assert read_header_fields("发表于 2004年12月27日")["date"] == dt.date(2004, 12, 27)
    assert read_header_fields("发布时间 2005/05/17")["date"] == dt.date(2005, 5, 17)


def test_a_manifest_path_without_suffix_is_no_missing_file(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "gwr_2023.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("path,year\nreports/gwr_2023,2023\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = pt.Corpus.from_dir(tmp_path)
    assert corpus[0].meta["year"] in (2023, "2023")


@pytest.mark.parametrize(
    "body",
    [
        "<p>关于开展活动的通知。请各单位报名，联系电话：0571-87404404。</p>",
        "<p>The State Council released a guideline on Tuesday to boost consumption.</p>" * 3,
    ],
)
def test_short_pages_that_are_not_error_pages_or_menus_are_not_flagged(body):
    page = f"<html><head><title>通知</title></head><body><h1>某某通知</h1>{body}</body></html>"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pt.read_document(page.encode())


def test_big5_is_not_called_japanese():
    text = "堅持穩中求進工作總基調，完整準確全面貫徹新發展理念，加快構建新發展格局。" * 3
    with pytest.raises(pt.DecodeError) as err:
        pt.read_document(text.encode("big5"))
    assert "Japanese" not in str(err.value)


def test_a_link_loop_is_named_not_a_crash(tmp_path):
    (tmp_path / "a.txt").write_text("坚持稳中求进工作总基调。", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "b2.txt")
    (tmp_path / "b2.txt").symlink_to(tmp_path / "loop.txt")
    corpus = pt.Corpus.from_dir(tmp_path, errors="skip")
    assert corpus.doc_ids == ["a"] and set(corpus.problems["kind"]) == {"unreadable"}


def test_a_huge_range_filter_is_cheap_and_numpy_values_are_fine():
    corpus = pt.Corpus.from_texts(["甲。", "乙。"], meta=[{"year": 2020, "flag": True}, {"year": 2021, "flag": True}])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert corpus.filter(year=range(3000, 3000 + 10**12)).doc_ids == []
        assert corpus.filter(flag=np.False_).doc_ids == []
    pt.Segmenter(hmm=np.True_)
    assert len(pt.similarity(pt.Corpus.from_texts(["甲乙丙。", "甲乙丁。"]), top=np.int64(1))) == 1
