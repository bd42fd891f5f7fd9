"""Every exception policytext raises on purpose. All derive from :class:`PolicytextError`.

They live here, at the bottom layer, so that every layer can raise them and a caller can
catch them without importing the module that raised them.

>>> issubclass(TemplateSyntaxError, InputError) and issubclass(InputError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "FONT_HELP",
    "DecodeError",
    "IndexDamagedError",
    "IndexFormatError",
    "IndexLockedError",
    "InputError",
    "MissingExtraError",
    "MissingFontError",
    "PolicytextError",
    "TemplateSyntaxError",
]


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
            f"{feature} needs the optional package {package!r}; install it with: pip install 'policytext[{extra}]'"
        )
        self.extra = extra
        self.package = package


FONT_HELP = (
    "no CJK font found, so Chinese labels would be drawn as empty boxes. Get one, once, by any of:\n"
    "  pip install mplfonts            # ships Noto Sans CJK SC (OFL); found automatically\n"
    "  apt-get install fonts-noto-cjk  # Debian/Ubuntu (or fonts-wqy-microhei, smaller)\n"
    "  export POLICYTEXT_CJK_FONT=/path/to/a/CJK/font.otf"
)


class MissingFontError(PolicytextError, RuntimeError):
    """No CJK font is available; the message says how to get one."""

    def __init__(self, message: str = FONT_HELP):
        super().__init__(message)


class TemplateSyntaxError(InputError):
    """A template string that cannot be parsed; the message points at the position."""

    def __init__(self, message: str, template: str, position: int):
        caret = " " * _display_width(template[:position]) + "^"
        super().__init__(f"{message} at position {position} in template\n  {template}\n  {caret}")
        self.template = template
        self.position = position


def _display_width(s: str) -> int:
    """Terminal width of *s*: wide (CJK, full-width) characters count 2."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


class IndexFormatError(InputError):
    """A file is not a policytext index, or was written by a newer version of policytext."""


class IndexLockedError(PolicytextError):
    """Another process holds the index's write lock for longer than the timeout."""


class IndexDamagedError(IndexFormatError):
    """An index file whose pages are damaged; the message names the file, how to check it and how to repair it."""

    def __init__(self, path: str, detail: str):
        super().__init__(
            f"{path}: the index file is damaged ({detail}); check it with `policytext index check {path}`, "
            "and rebuild it from the documents (`policytext index build`) to repair it"
        )
        self.path = path
