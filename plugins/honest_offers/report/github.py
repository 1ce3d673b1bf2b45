"""The ``github`` format: GitHub Actions workflow commands (``::error file=…::…``) that become
annotations on the changed lines."""

from __future__ import annotations

from honest_offers.report.model import LOAD_PROBLEM_ID, LOAD_PROBLEM_NAME, Report, problem_text


def to_github(report: Report) -> str:
    """``::error file=…,line=…,col=…,title=HO201 low-stock-claim::message`` per finding;
    suppressed findings as ``::notice``; a plain summary line last."""
    lines = []
    for problem in report.problems:
        lines.append(
            _command(
                problem.severity,
                problem.path,
                problem.line,
                problem.column,
                f"{LOAD_PROBLEM_ID} {LOAD_PROBLEM_NAME}",
                problem_text(problem),
            )
        )
    for finding in report.findings:
        lines.append(
            _command(
                finding.severity,
                finding.path,
                finding.line,
                finding.column,
                f"{finding.rule} {finding.name}",
                f"{finding.message}\nhonest alternative: {finding.suggestion}",
            )
        )
    for item in report.suppressed:
        found = item.finding
        lines.append(
            _command(
                "notice",
                found.path,
                found.line,
                found.column,
                f"{found.rule} {found.name} (allowed)",
                f"{found.message}\nallowed with the reason: {item.reason}",
            )
        )
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def _command(
    kind: str, path: str, line: int | None, column: int | None, title: str, message: str
) -> str:
    properties = [f"file={_property(path)}"]
    if line is not None:
        properties.append(f"line={line}")
        if column is not None:
            properties.append(f"col={column}")
    properties.append(f"title={_property(title)}")
    return f"::{kind} {','.join(properties)}::{_data(message)}"


def _data(text: str) -> str:
    """Escape a workflow command's message as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
