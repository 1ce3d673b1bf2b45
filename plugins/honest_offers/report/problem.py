"""Load problems as text for a terminal or a build log.

:class:`Problem` and :data:`Severity` live in :mod:`honest_offers.diagnostics` (every layer
reports problems); they are re-exported here for code that still imports them from this
module or from :mod:`honest_offers.report`.
"""

from __future__ import annotations

from collections.abc import Iterable

from honest_offers.diagnostics import Problem, Severity

__all__ = ["Problem", "Severity", "format_problems"]


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
