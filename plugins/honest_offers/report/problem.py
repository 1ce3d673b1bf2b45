"""A user-facing problem with an input file: where it is, what was expected, how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in one input file, worded for the person who has to fix it.

    ``field`` is the dotted path inside the file (``price.amount``, ``does[2]``) or ``None``
    when the problem concerns the whole file (bad encoding, YAML syntax).
    """

    path: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    expected: str
    fix: str
    severity: Severity = "error"

    @property
    def location(self) -> str:
        """``path:line:column`` — the form editors and CI annotations understand."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """Two lines: the location with what is wrong, then what was expected and the fix."""
        subject = f"{self.field}: " if self.field else ""
        return (
            f"{self.location}: {self.severity}: {subject}{self.message}\n"
            f"    expected: {self.expected}\n"
            f"    fix: {self.fix}"
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.field or "")


def format_problems(problems: Iterable[Problem]) -> str:
    """All problems in a stable order, followed by a one-line count."""
    ordered = sorted(problems, key=Problem.sort_key)
    errors = sum(1 for p in ordered if p.severity == "error")
    warnings = len(ordered) - errors
    files = len({p.path for p in ordered})
    lines = [p.format() for p in ordered]
    lines.append(
        f"honest-offers: {_count(errors, 'error')} and {_count(warnings, 'warning')} "
        f"in {_count(files, 'file')}."
    )
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
