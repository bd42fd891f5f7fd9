"""Evaluating a parsed query against the postings: documents, hits, spans and counts per document.

An :class:`Evaluation` is one query (parsed by :mod:`policytext.index.query`) in one
read snapshot of a :class:`~policytext.index.storage.Store`: the documents that
satisfy it (cheap, narrowing conditions first), and for its *positive terms* (those
not under NOT) the hits per document, the spans in one document and the
occurrences per document. Strings come from the posting blocks
(:mod:`policytext.index.lookup`); a gap (``抓*促``) is found by scanning the stored
text of the documents that hold all its parts, with :func:`gap_regex`. A
:class:`TermCache` keeps the hits of recently queried strings across queries until
the file changes.

>>> from .storage import Store
>>> from .writing import add_documents
>>> store = Store(":memory:")
>>> add_documents(store, ["抓党建促发展，抓党建促振兴。", "加强党的建设。"], segment_chars=1000)
2
>>> with store.read():
...     ev = Evaluation(store, "抓*促 OR 党的建设", {}, TermCache())
...     ev.docs.tolist(), [t.text for t in ev.terms], ev.per_doc_counts()[1].tolist()
([1, 2], ['抓*促', '党的建设'], [2, 1])
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

import numpy as np

from .filters import filter_docs, keyword_filter_docs
from .lookup import Hits, document_spans, term_hits
from .query import And, Filter, Gap, Node, Not, Or, Term, parse, positive_terms
from .storage import Store

__all__ = ["SENTENCE_END", "TERM_CACHE_SIZE", "Evaluation", "Span", "TermCache", "gap_regex"]

TERM_CACHE_SIZE = 16
# characters that end a sentence for the purpose of a gap (see policytext.corpus.text.split_sentences)
SENTENCE_END = "。！？；!?;…\n\r"
_GAP_CLASS = "[^" + re.escape(SENTENCE_END) + "]"

Span = tuple[int, int]


def gap_regex(g: Gap) -> re.Pattern[str]:
    """``a[^。…]{0,n}?b``: leftmost, shortest, non-overlapping matches within a sentence.

    >>> [m.group() for m in gap_regex(parse("抓*1促")).finditer("抓党建促，抓紧促。抓。促")]
    ['抓紧促']
    """
    pat = re.escape(g.parts[0])
    for bound, part in zip(g.bounds, g.parts[1:], strict=False):
        pat += f"{_GAP_CLASS}{{0,{bound}}}?" + re.escape(part)
    return re.compile(pat)


class TermCache:
    """The hits of the *size* most recently queried strings, dropped whenever the file changes.

    So ``count`` → ``kwic`` → ``count(by=…)`` of one string looks it up once.
    """

    def __init__(self, size: int = TERM_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Term, Hits] = OrderedDict()
        self._generation: int | None = None

    def hits(self, store: Store, term: Term) -> Hits:
        """The hits of *term* in the current snapshot of *store*."""
        if self._generation != store.generation:
            self._items.clear()
            self._generation = store.generation
        hits = self._items.get(term)
        if hits is None:
            hits = term_hits(store, term.text)
            self._items[term] = hits
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(term)
        return hits


class Evaluation:
    """One query evaluated in the current read snapshot of *store*.

    ``node`` is the parsed query, ``terms`` its positive terms, ``universe`` the
    sorted doc_keys that the keyword *filters* allow (all documents without filters)
    and ``docs`` those that satisfy the query. Raises
    :class:`~policytext.errors.InputError` for a syntax error or an unknown metadata field.
    """

    def __init__(self, store: Store, query: str, filters: dict[str, Any], cache: TermCache) -> None:
        self.store = store
        self.node: Node = parse(query)
        self._cache = cache
        # caches that live for this query
        self._hits: dict[Term | Gap, Hits] = {}
        self._spans: dict[tuple[Term | Gap, int], list[Span]] = {}
        self._scanned: dict[Gap, np.ndarray] = {}
        self.universe: np.ndarray = keyword_filter_docs(store, filters) if filters else store.doc_table().keys
        self.docs: np.ndarray = self._eval(self.node, self.universe)
        self.terms: list[Term | Gap] = positive_terms(self.node)

    # -- boolean evaluation ----------------------------------------------------------------
    def _eval(self, node: Node, within: np.ndarray) -> np.ndarray:
        """Sorted doc_keys (a subset of *within*) of the documents that satisfy *node*."""
        if isinstance(node, (Term, Gap)):
            return np.intersect1d(within, self.hits(node, within).doc_keys, assume_unique=True)
        if isinstance(node, Filter):
            return np.intersect1d(within, filter_docs(self.store, node), assume_unique=True)
        if isinstance(node, Not):
            return np.setdiff1d(within, self._eval(node.item, within), assume_unique=True)
        if isinstance(node, And):
            # cheap, narrowing conditions first; gaps (which scan text) and negations last
            def cost(n: Node) -> int:
                return 2 if isinstance(n, Gap) else 3 if isinstance(n, Not) else 1 if isinstance(n, (Or, And)) else 0

            cur = within
            for item in sorted(node.items, key=cost):
                cur = self._eval(item, cur)
                if len(cur) == 0:
                    break
            return cur
        if isinstance(node, Or):
            out = np.zeros(0, dtype=np.int64)
            for item in node.items:
                out = np.union1d(out, self._eval(item, within))
            return out
        raise TypeError(node)  # pragma: no cover

    # -- hits and spans ------------------------------------------------------------------------
    def hits(self, term: Term | Gap, within: np.ndarray) -> Hits:
        """The occurrences of *term*; for a gap, those in the documents of *within* (and any found before)."""
        if isinstance(term, Term):
            if term not in self._hits:
                self._hits[term] = self._cache.hits(self.store, term)
            return self._hits[term]
        # a gap: candidate documents hold every literal part; scan those not scanned yet
        cand = within
        for part in term.parts:
            cand = np.intersect1d(cand, self.hits(Term(part), within).doc_keys, assume_unique=True)
        done = self._scanned.get(term)
        todo = cand if done is None else np.setdiff1d(cand, done, assume_unique=True)
        if done is not None and len(todo) == 0:
            return self._hits[term]
        keys, counts = [], []
        for k, text in self.store.texts(todo.tolist()):
            spans = self.spans(term, k, text)
            if spans:
                keys.append(k)
                counts.append(len(spans))
        new = Hits(np.array(keys, dtype=np.int64), np.array(counts, dtype=np.int64))
        if done is not None:
            old = self._hits[term]
            allk = np.concatenate((old.doc_keys, new.doc_keys))
            allc = np.concatenate((old.counts, new.counts))
            order = np.argsort(allk, kind="stable")
            new = Hits(allk[order], allc[order])
            todo = np.union1d(done, todo)
        self._hits[term] = new
        self._scanned[term] = todo
        return new

    def spans(self, term: Term | Gap, doc_key: int, text: str | None = None) -> list[Span]:
        """(start, end) of *term* in one document, found by scanning its stored text (or *text*)."""
        ck = (term, doc_key)
        if ck not in self._spans:
            if text is None:
                text = self.store.text(doc_key)
            if isinstance(term, Gap):
                self._spans[ck] = [m.span() for m in gap_regex(term).finditer(text)]
            else:
                out = []
                s = text.find(term.text)
                while s >= 0:
                    out.append((s, s + len(term.text)))
                    s = text.find(term.text, s + 1)
                self._spans[ck] = out
        return self._spans[ck]

    def doc_spans(self, term: Term | Gap, doc_key: int, text: str | None = None) -> list[Span]:
        """(start, end) of *term* in one document: from the postings where they hold positions, else by scanning."""
        h = self.hits(term, np.array([doc_key], dtype=np.int64)) if isinstance(term, Term) else None
        if h is not None and h.raw is not None:
            return document_spans(self.store, h, doc_key)
        return self.spans(term, doc_key, text)

    def per_doc_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """``(docs, counts)``: occurrences of the positive terms in each document that satisfies the query
        (distinct spans when terms may coincide)."""
        terms, docs = self.terms, self.docs
        overlap_possible = sum(isinstance(t, Gap) for t in terms) and len(terms) > 1
        if overlap_possible:
            counts = np.zeros(len(docs), dtype=np.int64)
            for i, (k, text) in enumerate(self.store.texts(docs.tolist())):
                spans: set[Span] = set()
                for t in terms:
                    spans.update(self.doc_spans(t, k, text))
                counts[i] = len(spans)
            return docs, counts
        total = np.zeros(len(docs), dtype=np.int64)
        for t in terms:
            h = self.hits(t, docs)
            idx = np.searchsorted(h.doc_keys, docs)
            idx[idx >= len(h.doc_keys)] = 0
            found = (len(h.doc_keys) > 0) & (h.doc_keys[idx] == docs) if len(h.doc_keys) else np.zeros(len(docs), bool)
            total += np.where(found, h.counts[idx] if len(h.counts) else 0, 0)
        return docs, total
