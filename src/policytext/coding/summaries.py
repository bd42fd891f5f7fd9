"""Tables and figures of coded units: category shares by year or issuer, the two-dimensional matrix.

>>> coded = pd.DataFrame({"unit_id": ["a", "b", "c"], "category": ["x", "y", "x"],
...                       "dimension": ["d"] * 3, "year": [2020, 2020, 2021]})
>>> code_shares(coded, by="year")[["year", "category", "units", "share"]].values.tolist()
[[2020, 'x', 1, 0.5], [2020, 'y', 1, 0.5], [2021, 'x', 1, 1.0], [2021, 'y', 0, 0.0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..errors import InputError

__all__ = ["code_matrix", "code_shares", "plot_code_matrix", "plot_code_shares"]


def _need(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{what}: missing column(s) {missing} (has {', '.join(map(str, frame.columns))})")


def code_shares(
    coded: pd.DataFrame,
    by: str | Sequence[str] = "year",
    *,
    dimension: str | None = None,
    level: str = "category",
) -> pd.DataFrame:
    """Units per category in each group of *by* (a metadata column such as ``year`` or ``issuer``) and shares.

    *coded* is :func:`code_units`' frame (or :func:`primary_codes`'). ``level="group"`` counts the enclosing
    groups (供给型, 环境型, 需求型) instead of the categories. A unit coded with two categories counts for both;
    ``share`` is the category's units over all coded (category, unit) pairs of the group, so the shares of a
    group sum to 1, and ``share_of_units`` its units over every unit of the group (coded or not).

    Returns ``<by>, category, units, share, share_of_units``, every category in every group (0 when absent).
    """
    keys = [by] if isinstance(by, str) else list(by)
    _need(coded, [*keys, "unit_id", "category"], "coded")
    if level not in ("category", "group"):
        raise InputError(f"level: expected 'category' or 'group', not {level!r}")
    if level == "group":
        _need(coded, ["group"], "coded (level='group')")
    frame = coded
    if dimension is not None:
        _need(coded, ["dimension"], "coded")
        frame = coded[(coded["dimension"] == dimension) | coded["category"].isna()]
    col = "category" if level == "category" else "group"
    all_units = coded.groupby(keys, dropna=False)["unit_id"].nunique()
    done = frame[frame[col].notna() & (frame[col] != "none")].drop_duplicates([*keys, "unit_id", col])
    counts = done.groupby([*keys, col], dropna=False)["unit_id"].nunique().rename("units")
    cats = list(dict.fromkeys(done[col]))
    index = pd.MultiIndex.from_tuples(
        [(*(g if isinstance(g, tuple) else (g,)), c) for g in all_units.index for c in cats], names=[*keys, col]
    )
    out = counts.reindex(index, fill_value=0).reset_index()
    totals = out.groupby(keys, dropna=False)["units"].transform("sum")
    out["share"] = (out["units"] / totals.where(totals > 0)).fillna(0.0)
    denom = out.set_index(keys).index.map(lambda k: all_units.get(k, 0))
    out["share_of_units"] = (out["units"] / pd.Series(list(denom), index=out.index).where(lambda s: s > 0)).fillna(0.0)
    if col != "category":
        out = out.rename(columns={col: "category"})
    out["units"] = out["units"].astype(int)
    return out.sort_values([*keys, "category"], kind="stable").reset_index(drop=True)


def code_matrix(
    coded: pd.DataFrame,
    rows: str | None = None,
    columns: str | None = None,
    *,
    normalize: bool = False,
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """A cross table of units: *rows* and *columns* are dimension names of the codebook or metadata columns.

    With a two-dimensional codebook, ``code_matrix(coded)`` is the instrument × target (or × stage) table: a
    unit counts in every cell of (a category of the first dimension, a category of the second) it was coded
    with. ``code_matrix(coded, "instrument", "year")`` crosses a dimension with a metadata column; a column
    name that is neither is an error. ``normalize=True`` divides by the table's total; *order* (e.g.
    ``codebook.codes``) orders the categories of the rows and columns (default: sorted).

    >>> coded = pd.DataFrame({"unit_id": ["a", "a", "b"], "category": ["资金投入", "研发", "资金投入"],
    ...                       "dimension": ["instrument", "stage", "instrument"]})
    >>> code_matrix(coded).values.tolist()
    [[1]]
    """
    _need(coded, ["unit_id", "category", "dimension"], "coded")
    dims = [d for d in dict.fromkeys(coded["dimension"]) if isinstance(d, str)]
    rows = rows or (dims[0] if dims else None)
    if columns is None:
        if len(dims) < 2:
            raise InputError(
                "code_matrix: the codes have one dimension only; name a metadata column, e.g. columns='year'"
            )
        columns = dims[1]
    if rows is None:
        raise InputError("code_matrix: no coded units")

    def side(name: str) -> pd.DataFrame:
        if name in dims:
            part = coded[coded["dimension"] == name][["unit_id", "category"]]
            return part.rename(columns={"category": name}).drop_duplicates()
        if name in coded.columns:
            part = coded[coded["category"].notna()][["unit_id", name]]
            return part.drop_duplicates("unit_id")
        raise InputError(f"code_matrix: {name!r} is neither a dimension ({dims}) nor a column of coded")

    left, right = side(rows), side(columns)
    if rows in dims and columns not in dims:
        left = left.merge(coded[["unit_id", columns]].drop_duplicates("unit_id"), on="unit_id")
        pairs = left
    else:
        pairs = left.merge(right, on="unit_id")
    table = pd.crosstab(pairs[rows], pairs[columns])
    if order is not None:
        rank: dict[Any, int] = {c: i for i, c in enumerate(order)}
        row_order = sorted(table.index, key=lambda c: rank.get(c, len(rank)))
        col_order = sorted(table.columns, key=lambda c: rank.get(c, len(rank)))
        table = table.reindex(index=row_order, columns=col_order)
    if normalize and table.values.sum():
        table = table / table.values.sum()
    return table


def plot_code_shares(
    shares: pd.DataFrame,
    by: str = "year",
    *,
    order: Sequence[str] | None = None,
    title: str | None = None,
    ax: Any = None,
    kind: str = "bar",
) -> Any:
    """Stacked shares of categories over *by* (:func:`code_shares`' frame): ``kind="bar"`` or ``"area"``.

    *order* lists the categories bottom to top (e.g. ``codebook.codes``; default: as they come in *shares*).
    Needs matplotlib (extra ``plot``) and a CJK font; returns the figure.
    """
    from .._util.figures import cjk_font, pyplot

    _need(shares, [by, "category", "share"], "shares")
    if kind not in ("bar", "area"):
        raise InputError(f"kind: expected 'bar' or 'area', not {kind!r}")
    wide = shares.pivot_table(index=by, columns="category", values="share", aggfunc="sum", fill_value=0.0)
    first = list(order) if order is not None else []
    wide = wide[[c for c in dict.fromkeys([*first, *shares["category"]]) if c in wide.columns]]
    plt = pyplot()
    prop = cjk_font()
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(wide) + 3), 4.5))
    else:
        fig = ax.figure
    cmap = plt.get_cmap("tab20")
    colours = [cmap(i % 20) for i in range(wide.shape[1])]
    x = [str(v) for v in wide.index]
    if kind == "bar":
        bottom = [0.0] * len(wide)
        for i, cat in enumerate(wide.columns):
            vals = wide[cat].tolist()
            ax.bar(x, vals, bottom=bottom, label=str(cat), color=colours[i], width=0.8)
            bottom = [b + v for b, v in zip(bottom, vals)]
    else:
        ax.stackplot(
            range(len(x)),
            *[wide[c].tolist() for c in wide.columns],
            labels=[str(c) for c in wide.columns],
            colors=colours,
        )
        ax.set_xticks(range(len(x)))
        ax.set_xticklabels(x)
    ax.set_ylabel("share of coded units", fontproperties=prop)
    ax.set_xlabel(by, fontproperties=prop)
    ax.set_ylim(0, 1)
    ax.tick_params(axis="x", rotation=45)
    for label in ax.get_xticklabels():
        label.set_fontproperties(prop)
    legend_prop = prop.copy()
    legend_prop.set_size(8)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), prop=legend_prop, frameon=False)
    if title:
        ax.set_title(title, fontproperties=prop)
    fig.tight_layout()
    return fig


def plot_code_matrix(matrix: pd.DataFrame, *, title: str | None = None, ax: Any = None, fmt: str = "{:g}") -> Any:
    """A heat map of :func:`code_matrix`' table with the counts (or shares) written in the cells.

    Needs matplotlib (extra ``plot``) and a CJK font; returns the figure.
    """
    from .._util.figures import cjk_font, pyplot

    plt = pyplot()
    prop = cjk_font()
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(5.0, 0.6 * matrix.shape[1] + 2.5), max(3.5, 0.4 * matrix.shape[0] + 1.5)))
    else:
        fig = ax.figure
    values = matrix.to_numpy(dtype=float)
    im = ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_xticklabels([str(c) for c in matrix.columns], rotation=45, ha="right", fontproperties=prop)
    ax.set_yticks(range(matrix.shape[0]))
    ax.set_yticklabels([str(r) for r in matrix.index], fontproperties=prop)
    top = values.max() if values.size else 0
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            colour = "white" if top and values[i, j] > 0.6 * top else "black"
            ax.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize=7, color=colour)
    ax.set_xlabel(str(matrix.columns.name or ""), fontproperties=prop)
    ax.set_ylabel(str(matrix.index.name or ""), fontproperties=prop)
    fig.colorbar(im, ax=ax, shrink=0.8)
    if title:
        ax.set_title(title, fontproperties=prop)
    fig.tight_layout()
    return fig
