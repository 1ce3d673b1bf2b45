"""Offsets in a file's text and the line and column people read, both ways (1-based)."""

from __future__ import annotations


def offset_of(text: str, line: int, column: int) -> int:
    """The offset in ``text`` of ``line`` and ``column``."""
    position = 0
    for _ in range(line - 1):
        position = text.find("\n", position) + 1
    return position + column - 1


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
