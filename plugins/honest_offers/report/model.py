"""The report of one check run, apart from its formats.

:class:`Report` holds what a run found; the format modules (:mod:`.text`, :mod:`.json_report`,
:mod:`.github`, :mod:`.sarif`, :mod:`.junit`) each turn it into one output and import only
this model (and the shared wording of :mod:`.findings` and :mod:`.problem`), never each
other; :mod:`.formats` maps format names to them.

Load problems (a file that cannot be read or an offer that does not match the model) are not
honesty rules: text and JSON list them as problems; SARIF, GitHub and JUnit, which only know
rules, give them the id :data:`LOAD_PROBLEM_ID` (``HO000``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from honest_offers.check.finding import Finding, Suppressed
from honest_offers.diagnostics import Problem

TOOL_NAME = "honest-offers"
LOAD_PROBLEM_ID = "HO000"
LOAD_PROBLEM_NAME = "load-problem"
LOAD_PROBLEM_SUMMARY = (
    "A file that could not be loaded: unreadable, not valid YAML, or an offer that does not "
    "match the offer model."
)
LOAD_PROBLEM_HELP = (
    "Not an honesty rule. A file with a load error is not checked for pressure tactics until "
    "it loads, and the run exits with code 2. The message names the field, what was expected "
    "and how to fix it."
)


@dataclass(slots=True)
class Report:
    """Everything one check run found, with the files it looked at."""

    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Display paths of every file checked or tried, in a stable order."""
    version: str = "0"
    """The version of the tool that made the report."""
    strict: bool = False
    """Warnings fail the run too (exit 1), as in ``mkdocs build --strict``."""

    def __post_init__(self) -> None:
        self.findings = sorted(self.findings, key=Finding.sort_key)
        self.suppressed = sorted(self.suppressed, key=lambda s: s.finding.sort_key())
        self.problems = sorted(self.problems, key=Problem.sort_key)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def load_errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def exit_code(self) -> int:
        """0 clean (warnings allowed unless strict), 1 error-level findings (or, strict, any
        warning: a finding or an offer's, such as a passed start date), 2 load errors."""
        if self.load_errors:
            return 2
        if self.strict and (self.warnings or self.problems):
            return 1
        return 1 if self.errors else 0

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "suppressed": len(self.suppressed),
            "load_errors": len(self.load_errors),
            "load_warnings": len(self.problems) - len(self.load_errors),
            "exit_code": self.exit_code,
        }

    def summary_line(self) -> str:
        """One line for a log: ``honest-offers: 2 errors, 0 warnings, … in 14 files.``"""
        parts = [
            count(len(self.errors), "error"),
            count(len(self.warnings), "warning"),
            f"{len(self.suppressed)} suppressed",
        ]
        if self.problems:
            parts.append(count(len(self.load_errors), "load error"))
            if len(self.problems) > len(self.load_errors):
                parts.append(count(len(self.problems) - len(self.load_errors), "load warning"))
        return f"{TOOL_NAME}: {', '.join(parts)} in {count(len(self.files), 'file')}."


def count(n: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def problem_text(problem: Problem) -> str:
    """A load problem as the message of a rule-only format (GitHub, SARIF)."""
    subject = f"{problem.field}: " if problem.field else ""
    return f"{subject}{problem.message}\nexpected: {problem.expected}\nfix: {problem.fix}"
