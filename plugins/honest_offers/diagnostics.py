"""The ground floor: a problem with an input file, which every layer may report.

Loading (:mod:`.load`), validation (:mod:`.validate`), the catalogue, the site layout, the
checks and the reports all speak of problems with input files; this module imports nothing
of the package, so each of them can import it without pointing up the layers. How problems
are worded in a report is :mod:`.report.problem`'s business.
"""

from __future__ import annotations

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
