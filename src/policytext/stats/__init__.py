"""Statistics over segmented corpora: the dfm, keywords, keyness, collocations, term discovery, trends.

>>> from policytext.stats import term_trends
>>> from policytext.corpus import Corpus
>>> c = Corpus.from_texts(["推进改革。", "深化改革，改革开放。"], meta=[{"year": 2001}, {"year": 2002}])
>>> term_trends(c, ["改革"], unit="count")["改革"].tolist()
[1, 2]
"""

from __future__ import annotations

from .association import collocations, discover_terms
from .cooccurrence import cooccurrence
from .dfm import DFM, dfm
from .dictionary import dictionary_counts
from .keyness import keyness
from .keywords import keywords
from .trends import first_seen, term_trends

__all__ = [
    "DFM",
    "collocations",
    "cooccurrence",
    "dfm",
    "dictionary_counts",
    "discover_terms",
    "first_seen",
    "keyness",
    "keywords",
    "term_trends",
]
