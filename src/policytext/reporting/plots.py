"""Figures of the statistics: term trends over years and keyness bars, with Chinese labels.

matplotlib is the optional extra ``plot``; the CJK font lookup is described in
:mod:`policytext._util.figures`, whose primitives are re-exported here.

>>> callable(plot_term_trends)
True
"""

from __future__ import annotations

from typing import Any

from .._util.figures import (
    cjk_font,
    cjk_font_path,
    plot_bars,
    plot_lines,
    pyplot,
    rc_context,
    require_matplotlib,
    setup_matplotlib,
    small_multiples,
)
from ..errors import FONT_HELP, MissingFontError

__all__ = [
    "FONT_HELP",
    "MissingFontError",
    "cjk_font",
    "cjk_font_path",
    "plot_bars",
    "plot_keyness",
    "plot_lines",
    "plot_term_trends",
    "require_matplotlib",
    "setup_matplotlib",
    "small_multiples",
]


def plot_term_trends(table: Any, title: str | None = None, ylabel: str | None = None) -> Any:
    """One line per column of *table* (a :func:`~policytext.term_trends` frame, indexed by year).

    >>> import pandas as pd
    >>> fig = plot_term_trends(pd.DataFrame({"改革": [1, 3]}, index=[1978, 1988]))  # doctest: +SKIP
    """
    plt = pyplot()
    with rc_context():
        fig, ax = plt.subplots(figsize=(8, 3.6))
        plot_lines(
            ax,
            list(table.index),
            {str(c): table[c].tolist() for c in table.columns},
            title=title,
            xlabel=str(table.index.name or ""),
            ylabel=ylabel,
        )
        fig.tight_layout()
    return fig


def plot_keyness(table: Any, top: int = 15, title: str | None = None) -> Any:
    """Bars of the *top* terms on each side of a :func:`~policytext.keyness` table."""
    plt = pyplot()
    ordered = table.sort_values("statistic", ascending=False)
    pos, neg = ordered.head(top), ordered.tail(top).iloc[::-1]
    with rc_context():
        fig, axes = plt.subplots(1, 2, figsize=(9, 0.28 * top + 1.2))
        plot_bars(axes[0], pos["term"].tolist(), pos["statistic"].tolist(), title="target", color="#C44E52")
        plot_bars(axes[1], neg["term"].tolist(), (-neg["statistic"]).tolist(), title="reference", color="#4C72B0")
        if title:
            fig.suptitle(title, fontproperties=cjk_font())
        fig.tight_layout()
    return fig
