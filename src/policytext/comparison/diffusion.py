"""``diffusion``: which local documents reuse each central document, how much, and how soon.

>>> import datetime as dt
>>> from policytext import Document
>>> body = "各地区各部门要深入贯彻落实党中央决策部署，切实做好稳就业保民生各项工作，确保各项政策落地见效。"
>>> central = [Document("国办发", body, {"date": dt.date(2024, 3, 1)})]
>>> local = [Document("鲁政办", "为贯彻落实国办通知精神，" + body.replace("各地区各部门", "各市各有关部门"),
...                   {"date": dt.date(2024, 4, 15)})]
>>> diffusion(central, local, min_chars=20)[["doc_central", "doc_local", "share_central", "lag_days"]]
  doc_central doc_local  share_central lag_days
0         国办发       鲁政办         0.9149       45
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .._util.convention import check_choice
from .._util.frames import object_columns, to_frame
from ..corpus.source import Source
from .documents import Doc, collect
from .reuse import find_reuse

__all__ = ["DIFFUSION_COLUMNS", "diffusion"]

DIFFUSION_COLUMNS = (
    "doc_central",
    "doc_local",
    "n_passages",
    "central_chars",
    "local_chars",
    "share_central",
    "share_local",
    "date_central",
    "date_local",
    "lag_days",
    "year_central",
    "year_local",
    "lag_years",
)


def _covered(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _date(d: Doc) -> dt.date | None:
    v = d.meta.get("date")
    return v if isinstance(v, dt.date) else None


def _year(d: Doc) -> int | None:
    v = d.meta.get("year")
    if v is None and _date(d) is not None:
        return _date(d).year  # type: ignore[union-attr]
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def diffusion(
    central: Source,
    local: Source,
    *,
    by: str = "date",
    min_chars: int = 20,
    min_similarity: float = 0.75,
    exclude_boilerplate: bool = True,
    progress: bool = False,
    random_state: int = 0,
    **reuse_options: Any,
) -> pd.DataFrame:
    """One row per (central document, local document that reuses it), from :func:`find_reuse`.

    Columns: ``doc_central, doc_local, n_passages``; ``central_chars`` / ``local_chars``, the characters of
    each text inside reused passages (overlaps counted once); ``share_central`` (how much of the central
    document the local one reuses) and ``share_local`` (how much of the local document is copied);
    ``date_central, date_local, lag_days`` (from ``meta["date"]``) and ``year_central, year_local, lag_years``
    (from ``meta["year"]``, or the date's year). ``by="date"`` sorts each central document's receivers by
    ``lag_days`` (by ``lag_years`` where a date is missing), ``by="year"`` by ``lag_years``.

    Passages flagged ``boilerplate`` (shared by many documents: 现将…印发给你们) are left out unless
    *exclude_boilerplate* is False. Other keywords (``k``, ``candidates``, ``threshold`` …) go to
    :func:`find_reuse`.
    """
    by = check_choice("by", by, ("date", "year"))
    docs_c = collect(central, "central")
    docs_l = collect(local, "local")
    reuse = find_reuse(
        central,
        local,
        min_chars=min_chars,
        min_similarity=min_similarity,
        progress=progress,
        random_state=random_state,
        **reuse_options,
    )
    if exclude_boilerplate and not reuse.empty:
        reuse = reuse[~reuse["boilerplate"].astype(bool)]
    pos_c = {d.doc_id: i for i, d in enumerate(docs_c)}
    pos_l = {d.doc_id: i for i, d in enumerate(docs_l)}
    rows: list[dict[str, Any]] = []
    for (a, b), g in reuse.groupby(["doc_a", "doc_b"], sort=False):
        c, loc = docs_c[pos_c[a]], docs_l[pos_l[b]]
        ca = _covered(list(zip(g["a_start"], g["a_end"])))
        cb = _covered(list(zip(g["b_start"], g["b_end"])))
        dc, dl, yc, yl = _date(c), _date(loc), _year(c), _year(loc)
        rows.append(
            {
                "doc_central": c.doc_id,
                "doc_local": loc.doc_id,
                "n_passages": len(g),
                "central_chars": ca,
                "local_chars": cb,
                "share_central": round(ca / len(c.text), 4) if c.text else 0.0,
                "share_local": round(cb / len(loc.text), 4) if loc.text else 0.0,
                "date_central": dc,
                "date_local": dl,
                "lag_days": (dl - dc).days if dc and dl else None,
                "year_central": yc,
                "year_local": yl,
                "lag_years": yl - yc if yc is not None and yl is not None else None,
            }
        )

    def order(r: dict[str, Any]) -> tuple[Any, ...]:
        lag = r["lag_days"] if by == "date" and r["lag_days"] is not None else r["lag_years"]
        scaled = lag if by == "year" or r["lag_days"] is not None else (lag * 365 if lag is not None else None)
        return (pos_c[r["doc_central"]], scaled is None, scaled if scaled is not None else 0, pos_l[r["doc_local"]])

    rows.sort(key=order)
    return object_columns(
        to_frame(rows, DIFFUSION_COLUMNS),
        ints=("lag_days", "year_central", "year_local", "lag_years"),
        others=("date_central", "date_local"),
    )
