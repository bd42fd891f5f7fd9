"""The lexicon of numbered formulas (``lexicons/formulas.tsv``) and its user extensions.

One row per *meaning*: a form whose meaning changed over time (两新) has several rows
that share the canonical form and differ in ``years`` and ``context``.

>>> lex = load_formula_lexicon()
>>> len(lex.entries) >= 80
True
>>> [e.expansion[:6] for e in lex.senses("两新")]
['新经济组织和', '大规模设备更']
>>> lex.form_to_canonical["一个国家，两种制度"]
'一国两制'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..._util.lexicon_files import lexicon_path, read_lexicon_text
from ...errors import InputError

__all__ = ["COLUMNS", "FormulaEntry", "FormulaLexicon", "load_formula_lexicon"]

COLUMNS = ("canonical", "variants", "number", "kind", "expansion", "first_year", "years", "context", "guard", "source")
KINDS = ("counted", "paired", "abbreviation", "named")


@dataclass(frozen=True)
class FormulaEntry:
    """One meaning of a numbered formula."""

    canonical: str
    variants: tuple[str, ...]
    number: int | None
    kind: str
    expansion: str
    first_year: str
    years: tuple[int | None, int | None]  # inclusive range of this meaning; (None, None) = always
    context: tuple[str, ...]
    guard_words: tuple[str, ...] | None  # None: every occurrence counts
    source: str
    sense: int = 1  # 1-based among the rows of the same canonical form

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical form and its variants."""
        return (self.canonical, *self.variants)

    def fits_year(self, year: int | None) -> bool:
        """Whether *year* lies in this meaning's years (unknown years fit every meaning)."""
        lo, hi = self.years
        if year is None:
            return True
        return (lo is None or year >= lo) and (hi is None or year <= hi)


@dataclass(frozen=True)
class FormulaLexicon:
    """All entries, indexed by surface form."""

    entries: tuple[FormulaEntry, ...]
    by_form: dict[str, tuple[FormulaEntry, ...]] = field(repr=False)
    form_to_canonical: dict[str, str] = field(repr=False)

    def senses(self, canonical: str) -> list[FormulaEntry]:
        """The meanings recorded for *canonical*, in file order."""
        return [e for e in self.entries if e.canonical == canonical]

    @property
    def forms(self) -> list[str]:
        """Every surface form, longest first."""
        return sorted(self.by_form, key=lambda f: (-len(f), f))


_YEARS_RE = re.compile(r"^(\d{4})?\s*-\s*(\d{4})?$|^(\d{4})$")


def _parse_years(value: str, where: str) -> tuple[int | None, int | None]:
    if not value:
        return (None, None)
    m = _YEARS_RE.match(value)
    if not m:
        raise InputError(f"{where}: years {value!r} is not YYYY, YYYY-, -YYYY or YYYY-YYYY")
    if m.group(3):
        y = int(m.group(3))
        return (y, y)
    return (int(m.group(1)) if m.group(1) else None, int(m.group(2)) if m.group(2) else None)


def parse_formula_lexicon(path: str | Path) -> FormulaLexicon:
    """Read a formulas TSV (the bundled format; see the header of ``lexicons/formulas.tsv``).

    Raises :class:`~policytext.errors.InputError` naming the file and line of a bad row.
    """
    p = Path(path)
    text = read_lexicon_text(p, "formula lexicon")
    entries: list[FormulaEntry] = []
    sense_count: dict[str, int] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        where = f"{p}:{lineno}"
        if not header_seen and cells[0] == "canonical":
            header_seen = True
            continue
        if len(cells) > len(COLUMNS):
            raise InputError(f"{where}: {len(cells)} columns; expected at most {len(COLUMNS)}")
        cells += [""] * (len(COLUMNS) - len(cells))
        row = dict(zip(COLUMNS, (c.strip() for c in cells)))
        if not row["canonical"]:
            raise InputError(f"{where}: empty canonical form")
        if not any("\u4e00" <= c <= "\u9fff" for c in row["canonical"]):
            # a header with other names or a CSV row: a formula of Chinese policy text holds Chinese characters
            raise InputError(
                f"{where}: canonical form {row['canonical']!r} holds no Chinese character; the file is tab-separated "
                f"with the columns {', '.join(COLUMNS)} (a first line 'canonical<TAB>…' is the header)"
            )
        number = None
        if row["number"]:
            if not row["number"].isdigit():
                raise InputError(f"{where}: number {row['number']!r} is not an integer")
            number = int(row["number"])
        kind = row["kind"] or "counted"
        if kind not in KINDS:
            raise InputError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        guard_words: tuple[str, ...] | None = None
        if row["guard"]:
            g = row["guard"]
            if not g.startswith("quote_or_context:"):
                raise InputError(f"{where}: guard {g!r} must be empty or quote_or_context:W1|W2")
            guard_words = tuple(w for w in g.split(":", 1)[1].split("|") if w)
        canonical = row["canonical"]
        sense_count[canonical] = sense_count.get(canonical, 0) + 1
        entries.append(
            FormulaEntry(
                canonical=canonical,
                variants=tuple(v.strip() for v in row["variants"].split("|") if v.strip()),
                number=number,
                kind=kind,
                expansion=row["expansion"],
                first_year=row["first_year"],
                years=_parse_years(row["years"], where),
                context=tuple(w for w in row["context"].split("|") if w),
                guard_words=guard_words,
                source=row["source"],
                sense=sense_count[canonical],
            )
        )
    if not entries:
        raise InputError(f"{p}: no formula rows")
    by_form: dict[str, list[FormulaEntry]] = {}
    form_to_canonical: dict[str, str] = {}
    for e in entries:
        for f in e.forms:
            if form_to_canonical.get(f, e.canonical) != e.canonical:
                raise InputError(f"{p}: form {f!r} belongs to both {form_to_canonical[f]!r} and {e.canonical!r}")
            form_to_canonical[f] = e.canonical
            by_form.setdefault(f, []).append(e)
    return FormulaLexicon(tuple(entries), {k: tuple(v) for k, v in by_form.items()}, form_to_canonical)


@lru_cache(maxsize=8)
def load_formula_lexicon(path: str | None = None) -> FormulaLexicon:
    """The bundled lexicon (``path=None``) or a user TSV in the same format; cached (it is immutable)."""
    return parse_formula_lexicon(path if path is not None else lexicon_path("formulas.tsv"))
