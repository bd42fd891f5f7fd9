"""Exceptions raised by policytext. All derive from :class:`PolicytextError`."""

from __future__ import annotations

__all__ = ["PolicytextError", "DecodeError", "InputError", "MissingExtraError"]


class PolicytextError(Exception):
    """Base class of every error policytext raises on purpose."""


class DecodeError(PolicytextError, ValueError):
    """A file or byte string is binary or cannot be decoded as text.

    ``source`` names the file (or ``"<bytes>"``) and ``offset`` the first bad byte.
    """

    def __init__(self, message: str, source: str = "<bytes>", offset: int | None = None):
        super().__init__(message)
        self.source = source
        self.offset = offset


class InputError(PolicytextError, ValueError):
    """Malformed input: a CSV/JSONL line, a missing column, a wrong argument."""


class MissingExtraError(PolicytextError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, feature: str, extra: str, package: str):
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'policytext[{extra}]'"
        )
        self.extra = extra
        self.package = package
