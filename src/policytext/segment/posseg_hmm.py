"""The POS jieba's joint HMM gives an out-of-dictionary word, computed with numpy.

jieba tags a word it has no dictionary entry for with the Viterbi path of its posseg HMM
(``jieba.posseg.viterbi``: states are (position, POS) pairs such as ``('E', 'n')``) and keeps
the POS of the last character's state. That pure-Python search compares every state of a
character with every state of the one before, which costs about 2 ms per word: on a first
pass over a corpus it was half the time of the coarse granularity (409 unknown words in the
national Government Work Reports, 0.74 s).

:class:`PossegHmm` gives the same answer with the same arithmetic, vectorised: the value of a
state is ``(V[prev] + trans[prev, state]) + emit[state]`` maximised over the previous states,
exactly as jieba computes it (IEEE addition is monotonic, so adding the emission after the
maximum gives the same float), and the last state is jieba's ``max((value, state))``, ties
going to the larger state. Only the final tag is wanted, so no back pointers are kept.
The tests compare it with jieba's own ``viterbi`` on every unknown word of the national reports
and on random strings.

>>> hmm = PossegHmm.load()
>>> hmm.tag("数智化"), hmm.tag("")
('n', 'x')
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["PossegHmm", "posseg_model"]

MIN_FLOAT = -3.14e100  # jieba.posseg.viterbi: an emission never seen
_NEG_INF = float("-inf")  # and a transition that does not exist


@lru_cache(maxsize=1)
def posseg_model() -> tuple[Any, ...]:
    """jieba's posseg HMM: ``(viterbi, char_state, start, trans, emit)``, loaded from its files.

    Importing jieba's posseg package itself would build a global POSTokenizer and read the
    whole dictionary (seconds, tens of MB); the model files do not need it.
    """
    import jieba

    root = Path(jieba.__file__).resolve().parent / "posseg"

    def load(name: str) -> Any:
        spec = importlib.util.spec_from_file_location(f"_policytext_posseg_{name}", root / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return mod

    vit = load("viterbi").viterbi
    return (vit, load("char_state_tab").P, load("prob_start").P, load("prob_trans").P, load("prob_emit").P)


class PossegHmm:
    """jieba's posseg HMM as dense arrays; :meth:`tag` is the POS of a word's last character."""

    def __init__(
        self,
        char_state: dict[str, Any],
        start: dict[Any, float],
        trans: dict[Any, dict[Any, float]],
        emit: dict[Any, dict[str, float]],
    ) -> None:
        self.states = list(trans)  # jieba's all_states: trans_p.keys(), in that order
        index = {s: i for i, s in enumerate(self.states)}
        n = len(self.states)
        self._index = index
        self._start = np.array([start.get(s, _NEG_INF) for s in self.states])
        t = np.full((n, n), _NEG_INF)
        # the states jieba can go to from each state (trans_p[x].keys()), as a boolean row
        self._next = np.zeros((n, n), dtype=bool)
        for a, row in trans.items():
            for b, p in row.items():
                if b in index:
                    t[index[a], index[b]] = p
                    self._next[index[a], index[b]] = True
        self._trans = t
        self._has_next = np.array([bool(trans[s]) for s in self.states])
        self._emit = [emit.get(s, {}) for s in self.states]
        self._char_state = char_state
        self._all = np.arange(n)
        self._mask_memo: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls) -> PossegHmm:
        """The model of the installed jieba (cached per process)."""
        return _loaded()

    def _char_mask(self, ch: str) -> np.ndarray:
        """Which states jieba allows for *ch* (``char_state_tab.get(ch, all_states)``), as a boolean row."""
        m = self._mask_memo.get(ch)
        if m is None:
            allowed = self._char_state.get(ch)
            if allowed is None:
                m = np.ones(len(self.states), dtype=bool)
            else:
                m = np.zeros(len(self.states), dtype=bool)
                m[[self._index[s] for s in allowed if s in self._index]] = True
            if len(self._mask_memo) < 20_000:
                self._mask_memo[ch] = m
        return m

    def _emission(self, states: np.ndarray, ch: str) -> np.ndarray:
        emit = self._emit
        return np.array([emit[i].get(ch, MIN_FLOAT) for i in states.tolist()])

    def tag(self, word: str) -> str:
        """The POS of the last state on jieba's Viterbi path for *word* (``x`` for an empty word).

        Falls back to jieba's own search in the one case its arithmetic raises (no state of a
        character has a successor), so the answer is always jieba's.
        """
        if not word:
            return "x"
        cur = np.flatnonzero(self._char_mask(word[0]))
        v = self._start[cur] + self._emission(cur, word[0])
        for ch in word[1:]:
            keep = self._has_next[cur]
            if not keep.any():
                return _reference_tag(word)
            prev, vp = cur[keep], v[keep]
            expect = self._next[prev].any(axis=0)
            obs = np.flatnonzero(self._char_mask(ch) & expect)
            if obs.size == 0:
                obs = np.flatnonzero(expect) if expect.any() else self._all
            best = (vp[:, None] + self._trans[np.ix_(prev, obs)]).max(axis=0)
            v = best + self._emission(obs, ch)
            cur = obs
        top = v.max()
        state = max(self.states[i] for i in cur[v == top].tolist())
        return str(state[1])


@lru_cache(maxsize=1)
def _loaded() -> PossegHmm:
    _, char_state, start, trans, emit = posseg_model()
    return PossegHmm(char_state, start, trans, emit)


def _reference_tag(word: str) -> str:
    """jieba's own search (the slow one)."""
    viterbi, char_state, start, trans, emit = posseg_model()
    _, path = viterbi(word, char_state, start, trans, emit)
    return str(path[-1][1]) if path else "x"
