"""A finding of the honesty check: which rule, where, the quoted text, the honest alternative."""

from __future__ import annotations

from dataclasses import dataclass, field

from honest_offers.diagnostics import Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One pressure tactic found in one place.

    ``line`` and ``column`` are 1-based and point at the start of ``excerpt`` in ``path``
    (for rendered HTML: in the page's source where it can be traced back, else in the HTML).
    """

    rule: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    excerpt: str
    suggestion: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that a marker with a reason allows; listed in every report, never hidden."""

    finding: Finding
    reason: str


@dataclass(slots=True)
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)

    def extend(self, other: CheckResult) -> None:
        self.findings.extend(other.findings)
        self.suppressed.extend(other.suppressed)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]
