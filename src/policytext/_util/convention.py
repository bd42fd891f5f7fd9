"""The calling convention of policytext, and the shims that keep 0.1 spellings working.

Every public verb reads ``verb(source, <at most two essential positionals>, *,
segmenter=None, top=…, n_jobs=1, progress=False, random_state=…)`` (``CONTRIBUTING.md``
says it in full; ``tests/test_convention.py`` checks it over ``policytext.__all__``).
0.1 accepted some arguments positionally or under other names; the decorators here
accept those for one more release with a :class:`DeprecationWarning` that says what to
write instead.

>>> import warnings
>>> @renamed_arguments(limit="top")
... @deprecated_positional("top", allowed=1)
... def first(source, *, top=1):
...     return source[:top]
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     first("甲乙丙", 2), first("甲乙丙", limit=2)
('甲乙', '甲乙')
>>> [str(w.message).split(";")[0] for w in caught]
['first(): pass top by keyword (top=...)', 'first(): the argument limit is now called top']
"""

from __future__ import annotations

import functools
import numbers
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InputError

__all__ = ["ERRORS_CHOICES", "REMOVED_IN", "check_choice", "deprecated_positional", "renamed_arguments"]

REMOVED_IN = "0.3.0"

#: the one vocabulary of ``errors=``: stop at the first unreadable item, or leave it out and
#: record why (in ``Corpus.problems``, or as a :class:`~policytext.corpus.stream.ReadError` item)
ERRORS_CHOICES = ("raise", "skip")

F = TypeVar("F", bound=Callable[..., Any])


def deprecated_positional(*legacy: str, allowed: int) -> Callable[[F], F]:
    """Accept, with a warning, positional arguments beyond the first *allowed* that 0.1 took.

    *legacy* names, in 0.1's order, the parameters those positions filled; they are
    keyword-only now. ``allowed`` counts ``self`` for methods.
    """

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            if len(args) > allowed:
                extra = args[allowed:]
                if len(extra) > len(legacy):
                    raise TypeError(
                        f"{fn.__name__}() takes at most {allowed + len(legacy)} positional arguments "
                        f"({len(args)} given)"
                    )
                names = legacy[: len(extra)]
                for name, value in zip(names, extra):
                    if name in kwargs:
                        raise TypeError(f"{fn.__name__}() got multiple values for argument {name!r}")
                    kwargs[name] = value
                spelled = ", ".join(f"{n}=..." for n in names)
                warnings.warn(
                    f"{fn.__name__}(): pass {', '.join(names)} by keyword ({spelled}); passing "
                    f"{'it' if len(names) == 1 else 'them'} by position stops working in {REMOVED_IN}",
                    DeprecationWarning,
                    stacklevel=2,
                )
                args = args[:allowed]
            return fn(*args, **kwargs)

        return inner  # type: ignore[return-value]

    return wrap


def renamed_arguments(**old_to_new: str) -> Callable[[F], F]:
    """Accept, with a warning, 0.1's names of arguments that were renamed (``limit`` → ``top``)."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(
                            f"{fn.__name__}() got both {old!r} and {new!r}; {old!r} is the old name of {new!r}"
                        )
                    kwargs[new] = kwargs.pop(old)
                    warnings.warn(
                        f"{fn.__name__}(): the argument {old} is now called {new}; {old}= stops "
                        f"working in {REMOVED_IN}",
                        DeprecationWarning,
                        stacklevel=2,
                    )
            return fn(*args, **kwargs)

        return inner  # type: ignore[return-value]

    return wrap


def check_choice(argument: str, value: Any, choices: tuple[str, ...], deprecated: dict[str, str] | None = None) -> str:
    """*value* if it is one of *choices*; a 0.1 spelling in *deprecated* is mapped with a warning.

    >>> check_choice("errors", "skip", ERRORS_CHOICES)
    'skip'
    >>> check_choice("errors", "ignore", ERRORS_CHOICES)
    Traceback (most recent call last):
    ...
    policytext.errors.InputError: errors: expected one of 'raise', 'skip', not 'ignore'
    """
    if deprecated and value in deprecated:
        new = deprecated[value]
        warnings.warn(
            f"{argument}={value!r} is now spelled {argument}={new!r}; the old spelling stops working in {REMOVED_IN}",
            DeprecationWarning,
            stacklevel=3,
        )
        return new
    if value not in choices:
        raise InputError(f"{argument}: expected one of {', '.join(repr(c) for c in choices)}, not {value!r}")
    return str(value)


def check_at_least(minimum: int, **values: int | None) -> None:
    """Each named value is ``None`` or an integer ``>= minimum``; otherwise an error naming the argument.

    >>> check_at_least(1, min_chars=2, min_count=None)
    >>> check_at_least(1, min_chars=-1)
    Traceback (most recent call last):
    ...
    policytext.errors.InputError: min_chars: expected an integer of at least 1, not -1
    """
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
            raise InputError(f"{name}: expected an integer of at least {minimum}, not {value!r}")


def check_not_one_string(**values: Any) -> None:
    """Each named value is a collection of strings, not one string (whose characters would be taken as items).

    >>> check_not_one_string(coders=["甲", "乙"])
    >>> check_not_one_string(coders="alice")
    Traceback (most recent call last):
    ...
    policytext.errors.InputError: coders: expected a list of strings, not one string ('alice'); pass ['alice']
    """
    for name, value in values.items():
        if isinstance(value, str):
            raise InputError(f"{name}: expected a list of strings, not one string ({value!r}); pass [{value!r}]")


def warn_user(message: str, category: type[Warning] = UserWarning) -> None:
    """Warn with the line of the caller's own code that called into policytext (not a line inside the package),
    however deep in policytext the warning is raised."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame = sys._getframe(1)  # the function that called warn_user: stacklevel 2
    level = 2
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package + os.sep):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, category, stacklevel=level)
