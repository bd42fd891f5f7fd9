"""CJK font lookup and plots with Chinese labels: no missing-glyph boxes."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from policytext.errors import MissingExtraError

SRC = Path(__file__).resolve().parents[2] / "src"

mpl = pytest.importorskip("matplotlib", reason="matplotlib (the 'plot' extra) is not installed")
from policytext._util import figures  # noqa: E402
from policytext.reporting import plots as plot  # noqa: E402

NO_FONT = (
    "no CJK font on this machine (fc-list :lang=zh is empty, mplfonts not installed, POLICYTEXT_CJK_FONT unset); "
    "install one with `pip install mplfonts` or `apt-get install fonts-noto-cjk`"
)


def _font_or_skip() -> str:
    path = plot.cjk_font_path()
    if path is None:
        pytest.skip(NO_FONT)
    return path


def _draw_without_glyph_warnings(fig) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]


def test_font_covers_chinese():
    path = _font_or_skip()
    from matplotlib.ft2font import FT2Font

    cmap = FT2Font(path).get_charmap()
    assert all(ord(c) in cmap for c in "坚持稳中求进工作总基调乡村振兴")
    prop = plot.cjk_font()
    assert prop.get_file() == path


def test_chinese_labels_draw_without_missing_glyphs():
    _font_or_skip()
    fig, axes = plot.small_multiples(2, ncols=2)
    plot.plot_bars(axes[0], ["乡村振兴", "改革开放", "高质量发展"], [0.3, 0.2, 0.1], title="主题 0：乡村振兴")
    plot.plot_lines(
        axes[1],
        [2017, 2018, 2019],
        {"乡村振兴": [0.0, 0.2, 0.3], "改革开放": [0.1, 0.1, 0.1]},
        title="主题份额",
        xlabel="年份",
        ylabel="份额",
    )
    assert _draw_without_glyph_warnings(fig) == []
    import matplotlib.pyplot as plt

    plt.close(fig)


def test_without_a_font_the_error_says_how_to_get_one(monkeypatch):
    monkeypatch.setattr(figures, "_candidates", lambda: [])
    figures._find_font.cache_clear()
    try:
        assert plot.cjk_font_path() is None
        with pytest.raises(plot.MissingFontError) as err:
            plot.cjk_font()
        msg = str(err.value)
        assert "pip install mplfonts" in msg and "fonts-noto-cjk" in msg and "POLICYTEXT_CJK_FONT" in msg
    finally:
        figures._find_font.cache_clear()


def test_env_variable_pointing_nowhere_falls_back(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYTEXT_CJK_FONT", str(tmp_path / "missing.otf"))
    # a wrong path is skipped, never drawn with; the other candidates still count
    path = plot.cjk_font_path()
    assert path is None or Path(path).is_file()


def test_setup_matplotlib_sets_rc():
    _font_or_skip()
    with mpl.rc_context():
        name = plot.setup_matplotlib()
        assert mpl.rcParams["font.sans-serif"][0] == name
        assert mpl.rcParams["axes.unicode_minus"] is False


def test_missing_matplotlib_names_the_extra():
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        f"sys.path.insert(0, {str(SRC)!r})\n"
        "from policytext import plot\n"
        "try:\n    plot.cjk_font()\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("MissingExtraError") and "policytext[plot]" in out
    assert issubclass(MissingExtraError, ImportError)


def test_glyph_check_catches_boxes():
    # the check above can fail: DejaVu Sans, matplotlib's default, has no Chinese glyphs
    import matplotlib.pyplot as plt

    figures.pyplot()
    with mpl.rc_context({"font.family": "DejaVu Sans"}):
        fig, ax = plt.subplots()
        ax.set_title("乡村振兴")
        assert any("missing from" in m for m in _draw_without_glyph_warnings(fig))
    plt.close(fig)
