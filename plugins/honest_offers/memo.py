"""Results that depend only on their inputs, kept across the builds of one process.

``mkdocs serve`` rebuilds the whole site after every change; most offers, pages and rendered
pages are then exactly what they were. Keys hold every input a result depends on (usually
the text itself and the path reported in it), so a hit returns what computing would return.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """A bounded map from inputs to a result; the least recently used entries go first.

    Results are shared between callers: they must not be changed after they are stored.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._used: set[K] = set()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        entries = self._entries
        self._used.add(key)
        if key in entries:
            entries.move_to_end(key)
            return entries[key]
        value = compute()
        entries[key] = value
        if len(entries) > self.size:
            self._used.discard(entries.popitem(last=False)[0])
        return value

    def sweep(self) -> None:
        """Forget what was not asked for since the last sweep (say, the previous build's
        version of a file that has changed since)."""
        for key in [k for k in self._entries if k not in self._used]:
            del self._entries[key]
        self._used = set()

    def clear(self) -> None:
        self._entries.clear()
        self._used = set()

    def __len__(self) -> int:
        return len(self._entries)
