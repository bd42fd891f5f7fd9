"""The side-by-side HTML view of a comparison: two columns, changes highlighted, every text escaped.

>>> import pandas as pd
>>> row = {"status": "changed", "a_text": "推动<发展>", "b_text": "推动高质量<发展>", "similarity": 0.8}
>>> "&lt;发展&gt;" in side_by_side(pd.DataFrame([row]), pd.DataFrame(), "a", "b")
True
"""

from __future__ import annotations

import difflib
import html
from typing import Any

import pandas as pd

__all__ = ["side_by_side"]

_CSS = """
<style>
.ptc table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px}
.ptc td,.ptc th{border-top:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
.ptc tr.added td.b{background:#e6ffec}.ptc tr.dropped td.a{background:#ffebe9}
.ptc tr.changed td{background:#fff8c5}.ptc tr.kept td{color:#57606a}
.ptc ins{background:#abf2bc;text-decoration:none}.ptc del{background:#ff8182;text-decoration:none}
.ptc .f-added{color:#116329}.ptc .f-dropped{color:#a40e26}
</style>
"""


def _esc(v: Any) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else html.escape(str(v))


def _marked(a: str, b: str) -> tuple[str, str]:
    """Both texts with the characters only one of them has wrapped in ``<del>`` / ``<ins>``."""
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(html.escape(a[i1:i2]))
            right.append(html.escape(b[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{html.escape(a[i1:i2])}</del>")
        if j2 > j1:
            right.append(f"<ins>{html.escape(b[j1:j2])}</ins>")
    return "".join(left), "".join(right)


def _formulation_list(frame: pd.DataFrame, status: str) -> str:
    if frame.empty:
        return "none"
    rows = frame[frame["status"] == status]
    count = "count_b" if status == "added" else "count_a"
    items = [f"{_esc(r['formulation'])} ({_esc(r[count])})" for _, r in rows.iterrows()]
    return "、".join(items) if items else "none"


def side_by_side(
    alignment: pd.DataFrame, formulations: pd.DataFrame, name_a: str, name_b: str, max_rows: int | None = None
) -> str:
    """An HTML fragment: the formulations added and dropped, then one table row per alignment row.

    *max_rows* cuts the table (with a note saying how many rows were left out); ``None`` shows all.
    """
    counts = alignment["status"].value_counts().to_dict() if "status" in alignment else {}
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("kept", "changed", "added", "dropped"))
    parts = [
        _CSS,
        "<div class='ptc'>",
        f"<p><b>{_esc(name_a)}</b> → <b>{_esc(name_b)}</b>: sentences {_esc(summary)}</p>",
        f"<p class='f-added'>提法 added: {_formulation_list(formulations, 'added')}</p>",
        f"<p class='f-dropped'>提法 dropped: {_formulation_list(formulations, 'dropped')}</p>",
        f"<table><tr><th style='width:4em'></th><th>{_esc(name_a)}</th><th>{_esc(name_b)}</th></tr>",
    ]
    shown = alignment if max_rows is None else alignment.head(max_rows)
    for _, r in shown.iterrows():
        status = str(r.get("status", ""))
        a, b = r.get("a_text"), r.get("b_text")
        if status == "changed" and isinstance(a, str) and isinstance(b, str):
            left, right = _marked(a, b)
        else:
            left, right = _esc(a), _esc(b)
        parts.append(
            f"<tr class='{_esc(status)}'><td>{_esc(status)}</td><td class='a'>{left}</td>"
            f"<td class='b'>{right}</td></tr>"
        )
    parts.append("</table>")
    if max_rows is not None and len(alignment) > max_rows:
        parts.append(f"<p>… {len(alignment) - max_rows} more rows (to_html(max_rows=None) shows all)</p>")
    parts.append("</div>")
    return "\n".join(parts)
