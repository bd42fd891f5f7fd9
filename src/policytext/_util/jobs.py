"""The one rule for ``n_jobs`` across policytext.

Every verb that takes ``n_jobs`` reads it with :func:`resolve_jobs`, so the same value
means the same thing everywhere: ``1`` (the default) runs in this process, ``k > 1``
uses *k* worker processes, ``-1`` all cores, ``-2`` all but one, and ``None`` means 1.
``0``, and a negative count that leaves no worker (``-5`` on two cores), are refused: they are
mistakes, not requests.

>>> resolve_jobs(1), resolve_jobs(None)
(1, 1)
>>> resolve_jobs(-1) >= 1
True
"""

from __future__ import annotations

import os

from ..errors import InputError

__all__ = ["resolve_jobs"]


def resolve_jobs(n_jobs: int | None, argument: str = "n_jobs") -> int:
    """``None``/``1`` → 1, ``-1`` → all cores, ``-2`` → all but one, ``k`` → ``k``.

    Raises :class:`~policytext.InputError` naming *argument* for ``0``, a non-integer,
    or a negative count below ``-cpu_count``.
    """
    if n_jobs is None:
        return 1
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int):
        raise InputError(f"{argument}: expected an integer (1, k, -1 for all cores), got {n_jobs!r}")
    cpus = os.cpu_count() or 1
    if n_jobs == 0:
        raise InputError(f"{argument}: 0 workers is not a count; use 1 (this process), k, or -1 (all cores)")
    if n_jobs < 0:
        if cpus + 1 + n_jobs < 1:
            raise InputError(
                f"{argument}: {n_jobs} would leave no worker on this machine of {cpus} cores; "
                f"use -1 (all cores) down to -{cpus}"
            )
        return cpus + 1 + n_jobs
    return n_jobs
