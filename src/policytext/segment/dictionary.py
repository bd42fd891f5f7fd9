"""Dictionary entries for the Segmenter: reading lexicons, merging them with jieba's
dictionary, and caching the built prefix dictionary per fingerprint.

A lexicon entry is ``(word, freq, tag)``; ``freq`` or ``tag`` may be ``None``.
The merged dictionary is jieba's ``dict.txt`` with every lexicon entry overriding
(or adding) its word, and ``total`` the sum of all frequencies, so that the pure
Python backend and the Rust backend score every route with the same numbers.

>>> parse_dict_lines(["稳中求进 2000 l", "守正创新"], "<list>")
[('稳中求进', 2000, 'l'), ('守正创新', None, None)]
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Union

from .._util.lexicon_files import lexicon_path, read_lexicon_lines
from ..errors import InputError

__all__ = [
    "Entry",
    "UserDict",
    "cache_dir",
    "jieba_dict_path",
    "load_prefix_dict",
    "load_tag_table",
    "parse_dict_lines",
    "prune_cache",
    "read_dict_file",
    "user_entries",
]

Entry = tuple[str, Union[int, None], Union[str, None]]
UserDict = Union[str, "os.PathLike[str]", dict, Sequence[Any]]


def cache_dir() -> Path:
    """The per-user cache directory (``$XDG_CACHE_HOME/policytext/jieba`` or ``~/.cache/...``).

    ``POLICYTEXT_CACHE_DIR`` overrides it.
    """
    env = os.environ.get("POLICYTEXT_CACHE_DIR")
    if env:
        d = Path(env)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = Path(base) / "policytext" / "jieba"
    d.mkdir(parents=True, exist_ok=True)
    return d


def parse_dict_lines(lines: Iterable[str | tuple[int, str]], source: str) -> list[Entry]:
    """Parse jieba dictionary lines ``word [freq] [pos]``; errors name *source* and the line.

    Items may be plain lines (numbered from 1) or ``(line_number, line)`` pairs.
    """
    out: list[Entry] = []
    for i, item in enumerate(lines, start=1):
        lineno, line = item if isinstance(item, tuple) else (i, item)
        parts = line.split()
        if not parts:
            continue
        if len(parts) > 3:
            raise InputError(f"{source}, line {lineno}: expected 'word [freq] [pos]', got {line!r}")
        word, freq, tag = parts[0], None, None
        if any(c in word for c in ",，\t;；"):
            # a CSV or TSV row (抓党建,10): a word never holds a separator, so this is not the jieba format
            raise InputError(
                f"{source}, line {lineno}: {word!r} holds a separator; the format is 'word [freq] [pos]' "
                f"separated by spaces (a CSV file is not a dictionary)"
            )
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            t = rest.pop(0)
            if not t.isascii() or not t.isalpha():
                what = (
                    "frequency must be a whole number"
                    if len(parts) == 2 or t[:1].isdigit() or t[:1] == "-"
                    else "POS tag must be ASCII letters"
                )
                raise InputError(f"{source}, line {lineno}: {what}, got {t!r} in {line!r}")
            tag = t
        if rest:
            raise InputError(f"{source}, line {lineno}: expected 'word [freq] [pos]', got {line!r}")
        if freq is not None and freq <= 0:
            raise InputError(f"{source}, line {lineno}: frequency must be positive, got {freq}")
        out.append((word, freq, tag))
    return out


def read_dict_file(path: str | os.PathLike[str]) -> list[Entry]:
    """Entries of a jieba-format dictionary file (``#`` comment lines allowed)."""
    return parse_dict_lines(read_lexicon_lines(path), str(path))


def user_entries(ud: UserDict, index: int = 0) -> list[Entry]:
    """Entries from a path, a list of words / ``(word, freq, pos)`` tuples, or ``{word: freq}``."""
    if isinstance(ud, (str, os.PathLike)):
        entries = read_dict_file(ud)
        if not entries:
            warnings.warn(f"{ud}: the user dictionary holds no entries", UserWarning, stacklevel=3)
        return entries
    if isinstance(ud, dict):
        items: Iterable[Any] = ud.items()
    elif isinstance(ud, Iterable):
        items = ud
    else:
        raise InputError(f"user_dicts[{index}] is {type(ud).__name__}; expected a path, a list or a dict")
    out: list[Entry] = []
    for i, item in enumerate(items):
        where = f"user_dicts[{index}][{i}]"
        if isinstance(item, str):
            w, f, p = item, None, None
        elif isinstance(item, (tuple, list)) and 1 <= len(item) <= 3:
            w = item[0]
            f = item[1] if len(item) > 1 else None
            p = item[2] if len(item) > 2 else None
        else:
            raise InputError(f"{where}: expected a word or (word, freq, pos), got {item!r}")
        if not isinstance(w, str) or not w.strip() or any(c.isspace() for c in w):
            raise InputError(f"{where}: a word must be a non-empty string without spaces, got {w!r}")
        if f is not None:
            try:
                f = int(f)
            except (TypeError, ValueError):
                raise InputError(f"{where}: frequency must be a whole number, got {f!r}") from None
            if f <= 0:
                raise InputError(f"{where}: frequency must be positive, got {f}")
        if p is not None and (not isinstance(p, str) or not p.isascii() or not p.isalpha()):
            raise InputError(f"{where}: POS tag must be ASCII letters, got {p!r}")
        out.append((w, f, p))
    return out


def jieba_dict_path() -> Path:
    """jieba's bundled ``dict.txt``."""
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _dict_signature() -> str:
    p = jieba_dict_path()
    st = p.stat()
    import jieba

    return f"{jieba.__version__}:{st.st_size}:{int(st.st_mtime)}"


CACHE_KEEP = 8  # per kind of cache file: the most recently used stay, older ones are removed
_STALE_TMP_S = 3600  # a temporary file this old was left by a killed writer


def _mark_used(path: Path) -> None:
    """Record that *path* was just used (its mtime orders the cache from most to least recently used)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune_cache(directory: Path, kind: str, keep: int = CACHE_KEEP) -> list[Path]:
    """Remove all but the *keep* most recently used ``{kind}-*.marshal`` files of *directory*, and
    temporary files that killed writers left behind; return what was removed.

    Each distinct lexicon adds a file of about 9 MB (prefix dictionary) or 6 MB (tag table), so
    without this a user who tries many user dictionaries would fill the disk. A file removed
    while another process reads it stays readable to that process (POSIX), and a process that
    finds its file gone rebuilds it.

    >>> import tempfile; from pathlib import Path
    >>> d = Path(tempfile.mkdtemp())
    >>> for i in range(3): _ = (d / f"pfdict-{i}.marshal").write_bytes(b"")
    >>> len(prune_cache(d, "pfdict", keep=1)), len(list(d.iterdir()))
    (2, 1)
    """
    files = []
    for f in directory.glob(f"{kind}-*.marshal"):
        try:
            files.append((f.stat().st_mtime, f.name, f))
        except OSError:
            continue
    files.sort(reverse=True)
    doomed = [f for _, _, f in files[keep:]]
    now = time.time()
    for f in directory.glob(f"{kind}-*.tmp"):
        try:
            if now - f.stat().st_mtime > _STALE_TMP_S:
                doomed.append(f)
        except OSError:
            continue
    removed = []
    for f in doomed:
        try:
            f.unlink()
            removed.append(f)
        except OSError:
            pass
    return removed


def _atomic_marshal(obj: Any, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(obj, fh)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _read_base() -> tuple[dict[str, int], dict[str, str]]:
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    with open(jieba_dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
    return freq, tags


def _cache_key(entries: Sequence[Entry], kind: str) -> str:
    h = hashlib.sha1(f"{kind}|{_dict_signature()}|".encode())
    for w, f, p in entries:
        h.update(f"{w}\t{f}\t{p}\n".encode())
    return h.hexdigest()[:20]


def load_prefix_dict(entries: Sequence[Entry]) -> tuple[dict[str, int], int]:
    """jieba's ``(FREQ, total)`` with *entries* merged in (all frequencies resolved).

    Built once per distinct entry list and cached with :mod:`marshal` in :func:`cache_dir`.
    """
    path = cache_dir() / f"pfdict-{_cache_key(entries, 'pf')}.marshal"
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                freq, total = marshal.load(fh)
            _mark_used(path)
            return freq, total
        except (EOFError, ValueError, TypeError, OSError):
            pass
    base, _ = _read_base()
    for w, f, _p in entries:
        if f is not None:
            base[w] = f
    total = sum(base.values())
    pf = dict(base)
    for w in base:
        for i in range(1, len(w)):
            frag = w[:i]
            if frag not in pf:
                pf[frag] = 0
    pending = [w for w, f, _p in entries if f is None]
    if pending:
        # jieba's own suggestion (the smallest frequency that keeps the word whole
        # without HMM), added in order like ``Tokenizer.add_word(word)``.
        import jieba

        tk = jieba.Tokenizer()
        tk.FREQ, tk.total, tk.initialized = pf, total, True
        for w in pending:
            f = tk.suggest_freq(w, False)
            tk.total += f - pf.get(w, 0)
            pf[w] = f
            for i in range(1, len(w)):
                pf.setdefault(w[:i], 0)
        total = tk.total
    try:
        _atomic_marshal((pf, total), path)
        prune_cache(path.parent, "pfdict")
    except OSError:
        pass
    return pf, total


def load_tag_table(entries: Sequence[Entry]) -> dict[str, str]:
    """word → POS tag for jieba's dictionary with *entries* merged in (cached like the prefix dict)."""
    path = cache_dir() / f"tags-{_cache_key(entries, 'tag')}.marshal"
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                tags = marshal.load(fh)
            _mark_used(path)
            return tags
        except (EOFError, ValueError, TypeError, OSError):
            pass
    _, tags = _read_base()
    for w, _f, p in entries:
        if p:
            tags[w] = p
    try:
        _atomic_marshal(tags, path)
        prune_cache(path.parent, "tags")
    except OSError:
        pass
    return tags


def policy_entries() -> list[Entry]:
    """Entries of the bundled ``policy_terms.txt``."""
    return read_dict_file(lexicon_path("policy_terms.txt"))
