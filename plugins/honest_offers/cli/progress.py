"""A one-line progress display on a terminal, for long runs over big sites.

Shown only when the stream is a terminal (never in a CI log or a pipe), not with
``TERM=dumb``, and only once a run has taken longer than :data:`DELAY` seconds, so that
quick runs print nothing extra. The line is cleared when the run ends.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

DELAY = 0.5
"""Seconds before the display appears."""
INTERVAL = 0.1
"""Seconds between redraws."""


def wanted(stream: TextIO) -> bool:
    """Whether ``stream`` is an interactive terminal that understands ``\\r``."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class Progress:
    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
        width: int = 80,
    ) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 0
        self.clock = clock
        self.width = width
        self.started = clock()
        self.drawn = 0.0
        self.shown = False
        self.done = 0

    def advance(self, path: str) -> None:
        """One more file done; redraw if it is time to."""
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < DELAY or now - self.drawn < INTERVAL:
            return
        self.drawn = now
        self.shown = True
        percent = self.done * 100 // self.total
        line = f"checking {self.done}/{self.total} files ({percent}%) {path}"
        self.stream.write("\r" + line[: self.width - 1].ljust(self.width - 1))
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.width - 1) + "\r")
            self.stream.flush()
            self.shown = False
