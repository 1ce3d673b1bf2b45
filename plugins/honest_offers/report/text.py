"""The ``text`` format: the wording of the MkDocs build, optionally in ANSI colour."""

from __future__ import annotations

import re
from collections.abc import Mapping

from honest_offers.report.findings import format_findings
from honest_offers.report.model import Report, count
from honest_offers.report.problem import format_problems

_FINDING_HEAD = re.compile(r"^(\S.*?:\d+:\d+): (HO\d{3}) ([\w-]+): ")
_PROBLEM_HEAD = re.compile(r"^(\S.*?): (error|warning): ")
_SUMMARY = re.compile(r"^(honesty check|honest-offers): ")


def to_text(report: Report, *, color: bool = False) -> str:
    """The same wording as the MkDocs build: problems, then findings and suppressions."""
    blocks = []
    if report.problems:
        blocks.append(format_problems(report.problems))
    blocks.append(format_findings(report.findings, report.suppressed))
    checked = f"Checked {count(len(report.files), 'file')}."
    if report.load_errors:
        checked += " Files with load errors are checked for pressure tactics once they load."
    blocks.append(checked)
    text = "\n\n".join(blocks) + "\n"
    return _colorize(text, report) if color else text


def _colorize(text: str, report: Report) -> str:
    """ANSI colour for a terminal: locations bold, codes by severity, summaries bold."""
    severity = {f.rule: f.severity for f in report.findings}
    return "\n".join(_colorize_line(line, severity) for line in text.split("\n"))


def _colorize_line(line: str, severity: Mapping[str, str]) -> str:
    head = _FINDING_HEAD.match(line)
    if head:
        tone = _tone(severity.get(head.group(2), "error"))
        return (
            _ansi(head.group(1), "1")
            + ": "
            + _ansi(f"{head.group(2)} {head.group(3)}", tone)
            + ": "
            + line[head.end() :]
        )
    problem = _PROBLEM_HEAD.match(line)
    if problem:
        return (
            _ansi(problem.group(1), "1")
            + ": "
            + _ansi(problem.group(2), _tone(problem.group(2)))
            + ": "
            + line[problem.end() :]
        )
    if line.startswith("    honest alternative: "):
        return "    " + _ansi("honest alternative:", "32") + line[23:]
    if line.startswith("    fix: "):
        return "    " + _ansi("fix:", "32") + line[8:]
    if _SUMMARY.match(line):
        return _ansi(line, "1")
    return line


def _tone(severity: str) -> str:
    return "1;31" if severity == "error" else "1;33"


def _ansi(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"
