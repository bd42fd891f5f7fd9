"""``policytext topics DIR -k K --by year -o out/``."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.topic_corpus import make_corpus
from policytext.cli import main
from policytext.topics.model import TopicModel


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("reports")
    for doc in make_corpus():
        (d / f"report_{doc.meta['year']}.txt").write_text(doc.text, encoding="utf-8")
    return d


def test_writes_tables_model_and_plots(corpus_dir, tmp_path, capsys):
    out = tmp_path / "out"
    rc = main(
        ["topics", str(corpus_dir), "-k", "3", "--by", "year", "--min-df", "2", "--max-df", "0.9", "-o", str(out)]
    )
    assert rc == 0
    topics = pd.read_csv(out / "topics.csv")
    assert list(topics.columns) == ["topic", "rank", "term", "weight"] and topics.topic.nunique() == 3
    doc_topics = pd.read_csv(out / "doc_topics.csv")
    assert {"doc_id", "topic", "weight", "year"} <= set(doc_topics.columns)
    assert len(doc_topics) == 12 * 3
    trends = pd.read_csv(out / "trends.csv")
    assert trends.year.tolist() == list(range(2000, 2012))
    labels = pd.read_csv(out / "labels.csv")
    assert list(labels.columns) == ["topic", "label", "coherence"]
    model = TopicModel.load(out / "model.npz")
    pd.testing.assert_frame_equal(model.topics(10).reset_index(drop=True), topics, check_dtype=False)
    err = capsys.readouterr().err
    assert "mean NPMI" in err
    from policytext.reporting import plots as plot

    try:
        has_font = plot.cjk_font_path() is not None
    except ImportError:
        has_font = False
    if has_font:
        assert (out / "topics.png").stat().st_size > 10_000 and (out / "trends.png").is_file()
    else:  # said once, tables written all the same
        assert err.count("plots skipped") == 1 and not (out / "topics.png").exists()


def test_prints_topics_without_out(corpus_dir, capsys):
    assert main(["topics", str(corpus_dir), "-k", "3", "--min-df", "2", "--max-df", "0.9"]) == 0
    out = capsys.readouterr().out
    assert "terms" in out and "npmi" in out and len(out.strip().splitlines()) == 4


def test_bad_input_is_an_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("我们的，这个和那个。", encoding="utf-8")
    assert main(["topics", str(tmp_path), "-k", "3"]) == 1
    assert "no content terms" in capsys.readouterr().err


@pytest.mark.parametrize(
    "value,expected",
    [("5", 5), ("0", 0), ("0.1", 0.1), ("1.0", 1.0), ("1e-2", 0.01)],
)
def test_document_frequency_reads_counts_and_shares_as_scikit_learn_does(value, expected):
    """``--max-df 1.0`` is every paragraph (a share), never one paragraph (a count)."""
    from policytext.cli.topics import document_frequency

    got = document_frequency(value)
    assert got == expected
    assert type(got) is type(expected)


@pytest.mark.parametrize("value", ["-1", "1.5", "many"])
def test_a_bad_document_frequency_is_refused_with_the_value(value, capsys):
    with pytest.raises(SystemExit):
        main(["topics", "x", "--max-df", value])
    assert repr(value) in capsys.readouterr().err
