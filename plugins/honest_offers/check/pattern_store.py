"""Compiled pattern code kept between runs, per user, as Python keeps bytecode.

Compiling the check's phrase patterns is most of a short run's work: a check of one offer
file spends a fifth of its time there, and every command and build starts by compiling the
patterns its texts meet. CPython compiles a pattern in Python (parse, analysis, code
generation); the result is a list of integers that ``_sre.compile`` turns into a pattern in
microseconds. This store keeps that list, with the word groups :mod:`.text` reads off the
same parse, so a later run revives a pattern instead of compiling it again.

A store file belongs to one version of Python and one version of the check's code (its
name is a hash of both): any change starts a new file. A file that cannot be read, fails
its checksum or has the wrong shape is ignored and replaced. Nothing here changes a result:
a revived pattern runs the code CPython compiled for the same source.

Where: ``$HONEST_OFFERS_CACHE_DIR``, else the user's cache folder (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), in
``honest-offers/``. ``HONEST_OFFERS_NO_CACHE=1`` turns the store off; a folder that cannot
be written only means that nothing is kept.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from honest_offers import __version__

Words = tuple[frozenset[str], ...]
"""The word groups every match of a pattern holds (:func:`.text.required_words`)."""

Spec = tuple[str | None, int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""The arguments of ``_sre.compile``: pattern text, flags, code, groups - 1, the group
index and the names by index."""

CACHE_DIR_ENV = "HONEST_OFFERS_CACHE_DIR"
NO_CACHE_ENV = "HONEST_OFFERS_NO_CACHE"
KEEP_FILES = 8
"""Store files kept in the folder (one per version of Python and of the check); older
ones are removed when a new one is written."""

_MAGIC = b"honest-offers patterns 1\n"
_DIGEST = 32


class PatternStore:
    """Patterns by source, read from ``path`` when first asked for and written back at
    exit with what this process compiled (``path=None``: nothing is kept)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, bytes] | None = None
        self._added: dict[str, bytes] = {}

    def get(self, source: str) -> tuple[re.Pattern[str], Words] | None:
        """The pattern compiled from ``source`` in an earlier run, and its word groups."""
        if self.path is None:
            return None
        if self._entries is None:
            self._entries = read_entries(self.path) | self._added
        stored = self._entries.get(source)
        return None if stored is None else revive(stored)

    def put(self, source: str, spec: Spec, words: Words) -> None:
        """Keep what ``source`` compiled to, to be written at exit."""
        if self.path is None:
            return
        text, flags, code, groups, index, names = spec
        plain = (text, int(flags), [int(op) for op in code], int(groups), dict(index), names)
        entry = marshal.dumps((plain, tuple(tuple(sorted(group)) for group in words)))
        self._added[source] = entry
        if self._entries is not None:
            self._entries[source] = entry

    def save(self) -> None:
        """Write the patterns this process added, merged with the file as it is now (another
        process may have written it meanwhile); atomically, so a reader never sees half."""
        if self.path is None or not self._added:
            return
        entries = read_entries(self.path)
        entries.update(self._added)
        data = _file_bytes(entries)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                Path(temporary).replace(self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return  # a read-only or full disk: nothing is kept, nothing else changes
        self._added.clear()
        _prune(self.path.parent, keep=self.path)


def read_entries(path: Path) -> dict[str, bytes]:
    """The entries of the store file at ``path``; empty if it is missing or not intact."""
    try:
        return _entries_of(path.read_bytes())
    except OSError:
        return {}


def _file_bytes(entries: dict[str, bytes]) -> bytes:
    payload = marshal.dumps(entries)
    return _MAGIC + hashlib.sha256(payload).digest() + payload


def _entries_of(data: bytes) -> dict[str, bytes]:
    head = len(_MAGIC)
    payload = data[head + _DIGEST :]
    if data[:head] != _MAGIC or hashlib.sha256(payload).digest() != data[head : head + _DIGEST]:
        return {}
    try:
        entries = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}


def revive(entry: bytes) -> tuple[re.Pattern[str], Words] | None:
    """The pattern and word groups of one entry; ``None`` if CPython refuses its code."""
    try:
        spec, words = marshal.loads(entry)
        pattern: re.Pattern[str] = _sre.compile(*spec)
        return pattern, tuple(frozenset(group) for group in words)
    except Exception:  # any refusal (a damaged entry): the pattern is compiled instead
        return None


def store_path(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path | None:
    """The store file for this Python and this version of the check; ``None`` when the
    store is turned off or no cache folder is known."""
    if environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    folder = environ.get(CACHE_DIR_ENV) or _user_cache(environ)
    if not folder:
        return None
    return Path(folder) / f"patterns-{_version_key()}.bin"


def _user_cache(environ: Any) -> str | None:
    try:
        if sys.platform == "win32":
            base = environ.get("LOCALAPPDATA")
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home folder known (HOME unset, no password entry)
        return None
    return str(Path(base) / "honest-offers") if base else None


def _version_key() -> str:
    """A hash of what decides a pattern's code: Python's regex engine and the check's own
    code (every module of this folder, where patterns are written and analysed)."""
    modules = sorted(Path(__file__).parent.glob("*.py"))
    if not modules:  # installed without its sources (a zip): no way to tell versions apart
        raise OSError("the check's modules cannot be read")
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{sys.implementation.cache_tag}|{sys.version}|".encode())
    digest.update(f"{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXREPEAT}|{_sre.MAXGROUPS}".encode())
    for module in modules:
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:20]


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the :data:`KEEP_FILES` newest store files of ``folder``."""
    try:
        files = sorted(folder.glob("patterns-*.bin"), key=lambda p: p.stat().st_mtime)
        for old in files[: max(0, len(files) - KEEP_FILES)]:
            if old != keep:
                old.unlink(missing_ok=True)
    except OSError:
        pass


_STORE: PatternStore | None = None


def default_store() -> PatternStore:
    """The process's store (found when first asked for), written back at exit."""
    global _STORE
    if _STORE is None:
        try:
            path = store_path()
        except OSError:
            path = None
        _STORE = PatternStore(path)
        atexit.register(_STORE.save)
    return _STORE
