"""``compare``: what changed between two versions of a text, sentence by sentence and 提法 by 提法.

>>> c = compare("坚持稳中求进。推进三去一降一补。", "坚持稳中求进。加快发展新质生产力。")
>>> c.alignment["status"].tolist()
['kept', 'dropped', 'added']
>>> f = c.formulations.set_index("formulation")
>>> f.loc[["新质生产力", "三去一降一补"], ["count_a", "count_b", "status"]].values.tolist()
[[0, 1, 'added'], [1, 0, 'dropped']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._util.frames import object_columns, to_frame
from ..corpus.document import Document
from ..corpus.source import check_text_not_path, reject_path
from ..errors import InputError
from ..segment.defaults import resolve_segmenter
from .formulations import formulation_counts
from .html import side_by_side
from .sentences import ALIGNMENT_COLUMNS, align_sentences

if TYPE_CHECKING:  # pragma: no cover
    from ..segment.segmenter import Segmenter

__all__ = ["FORMULATION_COLUMNS", "Comparison", "compare"]

FORMULATION_COLUMNS = ("formulation", "kind", "count_a", "count_b", "status")


@dataclass(eq=False)  # frames do not compare with ==
class Comparison:
    """Two versions compared.

    Attributes
    ----------
    alignment : one row per sentence of either text: ``status`` (kept, changed, added, dropped), ``a_start,
        a_end, b_start, b_end`` (offsets into each text; ``None`` where the sentence is absent), ``a_text,
        b_text, similarity``.
    formulations : the 提法 present in one text and not the other: ``formulation, kind, count_a, count_b,
        status`` (``added`` or ``dropped``), added first, then by how often they occur.
    formulation_counts : every formulation of either text, the same columns, ``status`` also ``kept``.
    """

    name_a: str
    name_b: str
    text_a: str = field(repr=False)
    text_b: str = field(repr=False)
    alignment: pd.DataFrame = field(repr=False)
    formulations: pd.DataFrame = field(repr=False)
    formulation_counts: pd.DataFrame = field(repr=False)

    def summary(self) -> dict[str, int]:
        """Sentences by status, and formulations added and dropped.

        >>> compare("甲。乙。", "甲。丙。").summary()["kept"]
        1
        """
        counts = self.alignment["status"].value_counts()
        out = {s: int(counts.get(s, 0)) for s in ("kept", "changed", "added", "dropped")}
        f = self.formulations["status"].value_counts()
        out["formulations_added"] = int(f.get("added", 0))
        out["formulations_dropped"] = int(f.get("dropped", 0))
        return out

    def to_html(self, max_rows: int | None = None) -> str:
        """A side-by-side view: the 提法 added and dropped, then the two texts sentence by sentence, with the
        characters changed inside changed sentences marked; all text is escaped."""
        return side_by_side(self.alignment, self.formulations, self.name_a, self.name_b, max_rows=max_rows)

    def _repr_html_(self) -> str:
        return self.to_html(max_rows=500)

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"Comparison({self.name_a!r} → {self.name_b!r}: {s['kept']} kept, {s['changed']} changed, "
            f"{s['added']} added, {s['dropped']} dropped sentences; {s['formulations_added']} 提法 added, "
            f"{s['formulations_dropped']} dropped)"
        )


def _text_of(doc: Any, argument: str) -> tuple[str, str]:
    if isinstance(doc, Document):
        name, text = str(doc.doc_id), doc.text
    elif isinstance(doc, str):
        name, text = argument, check_text_not_path(doc, argument)
    else:
        reject_path(doc, argument)
        raise InputError(f"{argument} is {type(doc).__name__}; expected a str or a Document")
    return name, text  # an empty version is one: compare("", new) shows everything added


def _formulation_frame(text_a: str, text_b: str, segmenter: Segmenter | None) -> pd.DataFrame:
    fa = formulation_counts(text_a, segmenter=segmenter)
    fb = formulation_counts(text_b, segmenter=segmenter)
    rows: list[dict[str, Any]] = []
    for name in sorted(set(fa) | set(fb)):
        ca, cb = fa[name].n if name in fa else 0, fb[name].n if name in fb else 0
        kind = (fa.get(name) or fb[name]).kind
        status = "added" if not ca else "dropped" if not cb else "kept"
        rows.append({"formulation": name, "kind": kind, "count_a": ca, "count_b": cb, "status": status})
    order = {"added": 0, "dropped": 1, "kept": 2}
    rows.sort(key=lambda r: (order[r["status"]], -(r["count_a"] + r["count_b"]), r["formulation"]))
    return to_frame(rows, FORMULATION_COLUMNS)


def compare(
    doc_a: str | Document, doc_b: str | Document, *, min_similarity: float = 0.5, segmenter: Segmenter | None = None
) -> Comparison:
    """Compare two versions: *doc_a* (the earlier, say last year's report) and *doc_b* (the later).

    Sentences (:func:`~policytext.split_sentences`) are aligned as in :mod:`.sentences`: a pair of sentences
    whose Indel similarity is at least *min_similarity* is ``changed`` (or ``kept`` when identical).
    Formulations (:mod:`.formulations`) come from *segmenter*'s policy lexicon (``None``: the default
    segmenter), numbered formulas and meetings.
    """
    if not 0 <= min_similarity <= 1:
        raise InputError(f"min_similarity must lie between 0 and 1, got {min_similarity!r}")
    name_a, text_a = _text_of(doc_a, "doc_a")
    name_b, text_b = _text_of(doc_b, "doc_b")
    alignment = to_frame(align_sentences(text_a, text_b, min_similarity=min_similarity), ALIGNMENT_COLUMNS)
    alignment = object_columns(
        alignment, ints=("a_start", "a_end", "b_start", "b_end"), others=("a_text", "b_text", "similarity")
    )
    counts = _formulation_frame(text_a, text_b, resolve_segmenter(segmenter))
    changed = counts[counts["status"] != "kept"].reset_index(drop=True)
    return Comparison(name_a, name_b, text_a, text_b, alignment, changed, counts)
