"""The check's largest process-wide caches, released when the process ends.

A check remembers what it read (scanned sentences, tag plans, page segments) for the whole
process: a build or a ``check`` reads the same sentences many times. At exit the interpreter
walks every object still alive again and again while it tears its modules down; tens of
thousands of cache entries made that walk a tenth of a second of a 1,000-offer build.
Cleared just before (reference counting frees them in milliseconds), they cost nothing.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable

_CLEARS: list[Callable[[], None]] = []


def released_at_exit(clear: Callable[[], None]) -> None:
    """Call ``clear`` (a cache's ``cache_clear``, or a function that empties one) at exit."""
    _CLEARS.append(clear)


def release() -> None:
    """Empty every registered cache now (at exit; tests call it too)."""
    for clear in _CLEARS:
        clear()


atexit.register(release)
