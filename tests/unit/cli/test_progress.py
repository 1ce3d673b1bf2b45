"""The progress line: only on a terminal, only for long runs, cleared at the end."""

from __future__ import annotations

import io
import re

import pytest

from honest_offers.cli.progress import Progress, wanted


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quick_runs_print_nothing() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(3, stream, enabled=True, clock=clock)
    for name in "abc":
        clock.now += 0.1
        progress.advance(name)
    progress.close()
    assert stream.getvalue() == ""


def test_long_runs_show_a_line_that_is_cleared() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(200, stream, enabled=True, clock=clock, width=60)
    for i in range(200):
        clock.now += 0.01
        progress.advance(f"docs/p{i}.md")
    shown = stream.getvalue()
    assert re.search(r"\rchecking (\d+)/200 files \(\d+%\) docs/p\d+\.md", shown)
    assert "\rchecking 200/200 files (100%) docs/p199.md" in shown
    assert shown.count("\r") < 40, "redrawn at most ten times a second"
    assert all(len(part) <= 59 for part in shown.split("\r"))
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * 59 + "\r")


def test_disabled_progress_never_writes() -> None:
    stream, clock = Terminal(), Clock()
    progress = Progress(100, stream, enabled=False, clock=clock)
    for _ in range(100):
        clock.now += 1
        progress.advance("x")
    progress.close()
    assert stream.getvalue() == ""


def test_wanted_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    assert wanted(Terminal())
    assert not wanted(io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert not wanted(Terminal())
