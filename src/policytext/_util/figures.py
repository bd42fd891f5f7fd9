"""Figure primitives for every layer: matplotlib (extra ``plot``), a CJK font, bars, lines, panels.

The figures scholars ask for by name (term trends, keyness) are in :mod:`policytext.reporting.plots`;
topic models draw their own panels with these primitives.

matplotlib is the optional extra ``plot`` (``pip install 'policytext[plot]'``);
without it these functions raise :class:`~policytext.MissingExtraError`.

A CJK font is looked up, in order, at:

1. the ``POLICYTEXT_CJK_FONT`` environment variable (a path to a .ttf/.otf/.ttc file);
2. fonts matplotlib already knows whose family is a known CJK family
   (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, SimHei, Microsoft YaHei, PingFang SC, …);
3. the usual files of Debian/Ubuntu packages (``fonts-noto-cjk``, ``fonts-wqy-microhei``,
   ``fonts-wqy-zenhei``, ``fonts-arphic-ukai``) and of macOS/Windows;
4. the Noto Sans CJK SC file shipped inside the PyPI package ``mplfonts`` (found without importing it).

Nothing is ever downloaded. When no font is found, :func:`cjk_font` raises
:class:`MissingFontError` whose message says how to get one, instead of letting
matplotlib draw boxes.

>>> try:
...     import matplotlib
... except ImportError:
...     matplotlib = None
>>> callable(setup_matplotlib)
True
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import FONT_HELP, MissingExtraError, MissingFontError

__all__ = [
    "FONT_HELP",
    "MissingFontError",
    "cjk_font",
    "cjk_font_path",
    "plot_bars",
    "plot_lines",
    "pyplot",
    "rc_context",
    "require_matplotlib",
    "setup_matplotlib",
    "small_multiples",
]

KNOWN_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK JP",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "STHeiti",
    "Hiragino Sans GB",
    "AR PL UKai CN",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)

_SYSTEM_FILES: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)

_PROBE = "中国政策改革开放乡村振兴"


def require_matplotlib(feature: str = "plotting") -> Any:
    """Import and return ``matplotlib`` or raise :class:`MissingExtraError` naming the extra ``plot``."""
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError(feature, "plot", "matplotlib") from None
    return matplotlib


def _covers(path: str) -> bool:
    try:
        from matplotlib.ft2font import FT2Font

        font = FT2Font(path)
        cmap = font.get_charmap()
    except Exception:  # unreadable font files are skipped
        return False
    return all(ord(ch) in cmap for ch in _PROBE)


def _mplfonts_file() -> str | None:
    try:
        spec = importlib.util.find_spec("mplfonts")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        p = Path(base) / "fonts" / "NotoSansCJKsc-Regular.otf"
        if p.is_file():
            return str(p)
    return None


def _candidates() -> list[str]:
    from matplotlib import font_manager

    out: list[str] = []
    env = os.environ.get("POLICYTEXT_CJK_FONT")
    if env:
        out.append(env)
    known = {f: i for i, f in enumerate(KNOWN_FAMILIES)}
    have = sorted((known[f.name], f.fname) for f in font_manager.fontManager.ttflist if f.name in known)
    out.extend(fname for _, fname in have)
    out.extend(p for p in _SYSTEM_FILES if os.path.isfile(p))
    bundled = _mplfonts_file()
    if bundled:
        out.append(bundled)
    return out


@lru_cache(maxsize=8)
def _find_font(env_value: str | None) -> str | None:
    # env_value is part of the cache key so that changing POLICYTEXT_CJK_FONT takes effect
    for path in _candidates():
        if os.path.isfile(path) and _covers(path):
            return path
    return None


def cjk_font_path() -> str | None:
    """Path of the CJK font that will be used, or None when there is none."""
    require_matplotlib("a CJK font for plots")
    return _find_font(os.environ.get("POLICYTEXT_CJK_FONT"))


def cjk_font() -> Any:
    """A ``matplotlib.font_manager.FontProperties`` for a CJK font.

    The font file is registered with matplotlib's font manager (once per process).
    Raises :class:`MissingFontError` when no font is available.
    """
    require_matplotlib("a CJK font for plots")
    from matplotlib import font_manager

    path = cjk_font_path()
    if path is None:
        raise MissingFontError()
    _register(path)
    return font_manager.FontProperties(fname=path)


@lru_cache(maxsize=8)
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def setup_matplotlib(rc: dict[str, Any] | None = None) -> str:
    """Make matplotlib draw Chinese: put the CJK font first in ``font.sans-serif``.

    Also sets ``axes.unicode_minus`` to False (the CJK font lacks U+2212). Returns the
    font's family name. Changes ``matplotlib.rcParams`` as any style setting does;
    the plotting helpers of policytext call it inside ``rc_context`` so that they do not.
    """
    mpl = require_matplotlib("plotting")
    params = fontrc_context()
    if rc:
        params.update(rc)
    mpl.rcParams.update(params)
    return params["font.sans-serif"][0]


def fontrc_context() -> dict[str, Any]:
    """The rcParams that select the CJK font (for ``matplotlib.rc_context``)."""
    mpl = require_matplotlib("plotting")
    cjk_font()  # raises MissingFontError when there is no font, so the path below is not None
    name = _register(cjk_font_path())
    rest = [f for f in mpl.rcParams["font.sans-serif"] if f != name]
    return {"font.family": "sans-serif", "font.sans-serif": [name, *rest], "axes.unicode_minus": False}


def pyplot() -> Any:
    require_matplotlib("plotting")
    if "matplotlib.pyplot" not in sys.modules:
        import matplotlib

        if not os.environ.get("DISPLAY") and not os.environ.get("MPLBACKEND") and "ipykernel" not in sys.modules:
            matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def small_multiples(
    n: int, ncols: int = 4, panel: tuple[float, float] = (3.2, 2.4), sharex: bool = True, sharey: bool = False
) -> tuple[Any, list[Any]]:
    """A figure with *n* panels on a grid of *ncols* columns (extra panels hidden)."""
    plt = pyplot()
    ncols = max(1, min(ncols, n))
    nrows = (n + ncols - 1) // ncols
    with rc_context():
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(panel[0] * ncols, panel[1] * nrows), sharex=sharex, sharey=sharey, squeeze=False
        )
    flat = list(axes.ravel())
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def rc_context() -> Any:
    import matplotlib

    # matplotlib's stubs key rc_context's dict by a Literal of every rcParams name; ours is a plain dict[str, Any]
    return matplotlib.rc_context(fontrc_context())  # type: ignore[arg-type]


def plot_bars(
    ax: Any, labels: Sequence[str], values: Sequence[float], title: str | None = None, color: str = "#4C72B0"
) -> Any:
    """Horizontal bars, first label on top, Chinese labels in the CJK font."""
    prop = cjk_font()
    pos = list(range(len(labels)))[::-1]
    ax.barh(pos, list(values), color=color)
    ax.set_yticks(pos)
    ax.set_yticklabels(list(labels), fontproperties=prop)
    if title:
        ax.set_title(title, fontproperties=prop, fontsize=10)
    ax.tick_params(axis="x", labelsize=7)
    return ax


def plot_lines(
    ax: Any,
    x: Sequence[Any],
    series: dict[str, Sequence[float]],
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend: bool = True,
) -> Any:
    """One line per entry of *series* against *x*, Chinese labels in the CJK font."""
    prop = cjk_font()
    for name, ys in series.items():
        ax.plot(list(x), list(ys), marker=".", label=name)
    if title:
        ax.set_title(title, fontproperties=prop, fontsize=10)
    if xlabel:
        ax.set_xlabel(xlabel, fontproperties=prop)
    if ylabel:
        ax.set_ylabel(ylabel, fontproperties=prop)
    if legend and len(series) > 1:
        ax.legend(prop=prop, fontsize=8)
    return ax
