"""Old module paths of 0.1, kept importable for one release with a :class:`DeprecationWarning`.

Release 0.2 moved every family into its own subpackage (see ``CONTRIBUTING.md``).
``import policytext.plot`` still works and gives the module now at
``policytext.reporting.plots``, with a warning that names the new path; the old paths go
in 0.3. Only module paths are aliased here; deprecated *argument* spellings are handled
by :mod:`policytext._util.convention`.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as w:
...     warnings.simplefilter("always")
...     import policytext.datasets as old
>>> old.__name__, "policytext.corpus.datasets" in str(w[0].message)
('policytext.corpus.datasets', True)
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import Any

__all__ = ["MOVED_MODULES", "install"]

REMOVED_IN = "0.3.0"

#: old module path (0.1) -> where it lives now
MOVED_MODULES: dict[str, str] = {
    "policytext.document": "policytext.corpus",  # Document, Corpus and read_document, as in 0.1
    "policytext.clean": "policytext.corpus.clean",
    "policytext.text": "policytext.corpus.text",
    "policytext.stream": "policytext.corpus.stream",
    "policytext.datasets": "policytext.corpus.datasets",
    "policytext.lexicons": "policytext._util.lexicon_files",
    "policytext.io": "policytext._util.files",
    "policytext.segment_backends": "policytext.segment.backends",
    "policytext.segment_dict": "policytext.segment.dictionary",
    "policytext.segment_pool": "policytext.segment.pool",
    "policytext.segment_eval": "policytext.segment.evaluation",
    "policytext.lexicon_mining": "policytext.stats.lexicon_mining",
    "policytext.topics_coherence": "policytext.topics.coherence",
    "policytext.topics_units": "policytext.topics.units",
    "policytext.index_build": "policytext.index.postings",
    "policytext.index_query": "policytext.index.query",
    "policytext.dask": "policytext.batch.dask_runner",
    "policytext.html_report": "policytext.reporting.html",
    "policytext.plot": "policytext.reporting.plots",
    "policytext.demo": "policytext.reporting.demo",
    "policytext.extract.template_language": "policytext.extract.templates.language",
    "policytext.extract.template_mining": "policytext.extract.templates.mining",
    "policytext.extract.parallels_frames": "policytext.extract.parallels.frames",
    "policytext.extract.parallels_units": "policytext.extract.parallels.units",
    "policytext.extract.formula_lexicon": "policytext.extract.formulas.lexicon",
    "policytext.extract.meetings": "policytext.extract.formulas.meetings",
    "policytext.extract.quotes": "policytext.extract.formulas.quotes",
    "policytext.extract.numerals": "policytext.extract.formulas.numerals",
}


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers an old module path with the module at its new path."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED_MODULES:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = MOVED_MODULES[spec.name]
        warnings.warn(
            f"{spec.name} moved to {new} in policytext 0.2; the old path will be removed in {REMOVED_IN}",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module at the new path is already loaded."""


_FINDER = _MovedModuleFinder()


def install(meta_path: list[Any]) -> None:
    """Put the finder for old module paths on *meta_path* (once).

    *meta_path* is ``sys.meta_path``: finders of any class with ``find_spec`` (typeshed
    types it with a protocol of its private ``_typeshed`` module, hence ``Any``).
    """
    if not any(isinstance(f, _MovedModuleFinder) for f in meta_path):
        meta_path.append(_FINDER)
