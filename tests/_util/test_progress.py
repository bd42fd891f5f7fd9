"""Progress bars are tqdm's (a notebook widget inside Jupyter), shown when asked for, silent otherwise."""

from __future__ import annotations

import policytext as pt
from policytext._util.progress import progress, progress_bar


def test_progress_passes_every_item_through_and_draws_only_when_enabled(capsys):
    assert list(progress(range(5), total=5, desc="x", enabled=False)) == [0, 1, 2, 3, 4]
    assert capsys.readouterr().err == ""
    assert list(progress(range(5), total=5, desc="work", enabled=True)) == [0, 1, 2, 3, 4]
    err = capsys.readouterr().err
    assert "work" in err and "5/5" in err
    assert progress_bar(enabled=False) is None


def test_an_api_call_with_progress_true_shows_a_bar_even_off_a_terminal(capsys):
    pt.Segmenter(lexicon=None).cut_many(["抓党建"] * 20, progress=True)
    assert "20/20" in capsys.readouterr().err
