"""Finding and reading the files a check reads: thousands of them (offers, a built site's
pages, a folder per page).

Folders are listed by their entries, which say what is a link and what a folder without a
system call each (``os.walk`` asks again for every folder). Files are read by their
descriptor, not a file object: pathlib's and io's layers (a buffered reader, a text wrapper,
a context manager) took a third of reading a catalogue's small files, and half of reading a
built site's pages. Like :mod:`.diagnostics`, this module imports nothing of the package.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


class FileTooLargeError(OSError):
    """A file longer than the caller's limit; nothing of it was read."""

    def __init__(self, size: int) -> None:
        super().__init__(f"the file is {size:,} bytes")
        self.size = size


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """Every byte of the file at ``path``; :class:`FileTooLargeError` (before reading) for
    a file of more than ``limit`` bytes, any other :class:`OSError` as the system gives it."""
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        size = os.fstat(descriptor).st_size
        if limit is not None and size > limit:
            raise FileTooLargeError(size)
        raw = os.read(descriptor, size + 1)
        if len(raw) <= size:
            return raw  # one call: a short read of a regular file is its end
        chunks = [raw]  # the file grew since it was measured, or is not a regular file
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def utf8_text(raw: bytes) -> str:
    """``raw`` as UTF-8 text, its byte-order mark dropped and bad bytes replaced: what the
    ``utf-8-sig`` codec gives, by CPython's built-in UTF-8 decoder (that codec is a Python
    function around it)."""
    start = 3 if raw.startswith(codecs.BOM_UTF8) else 0
    return str(raw[start:] if start else raw, "utf-8", "replace")


def visible_files(
    folder: str | Path,
    unreadable: list[tuple[str, OSError]] | None = None,
    linked: list[str] | None = None,
) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """Every entry below ``folder`` that is not a folder (files, links to files, broken
    links), with its path's parts below ``folder`` (paths sort by their parts); hidden
    ones (``.name``) skipped, in no particular order.

    Folders that cannot be listed are added to ``unreadable`` and linked folders to
    ``linked``, if given: a linked folder is not entered (a link can lead in circles, or
    to the same files twice).
    """
    pending: list[tuple[str, tuple[str, ...]]] = [(os.fspath(folder), ())]
    while pending:
        top, parts = pending.pop()
        try:
            with os.scandir(top) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith("."):
                        continue
                    if entry.is_dir():
                        if not entry.is_symlink():
                            pending.append((entry.path, (*parts, name)))
                        elif linked is not None:
                            linked.append(entry.path)
                    else:
                        yield (*parts, name), entry
        except OSError as error:
            if unreadable is not None:
                unreadable.append((top, error))
