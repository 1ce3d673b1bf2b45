"""Reading whole files fast: a check reads thousands of them (offers, a built site's pages).

The file's descriptor, not a file object: pathlib's and io's layers (a buffered reader, a
text wrapper, a context manager) took a third of reading a catalogue's small files, and
half of reading a built site's pages. Like :mod:`.diagnostics`, this module imports
nothing of the package.
"""

from __future__ import annotations

import codecs
import os
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
