"""A check run's report in every output format: text, JSON, GitHub annotations, SARIF, JUnit.

Independent of the command line, so other tools (a build script, an editor plugin, another
generator's adapter) can produce the same reports from a :class:`Report`:

* ``text`` — the wording of :mod:`.problem` and :mod:`.findings`, for people;
* ``json`` — ``{"version", "findings", "suppressed", "problems", "summary"}``;
* ``github`` — GitHub Actions workflow commands (``::error file=…::…``) that become
  annotations on the changed lines;
* ``sarif`` — SARIF 2.1.0 for code-scanning dashboards;
* ``junit`` — JUnit XML that GitLab, Jenkins and other CI systems show as test results.

Load problems (a file that cannot be read or an offer that does not match the model) are not
honesty rules: text and JSON list them as problems; SARIF, GitHub and JUnit, which only know
rules, give them the id :data:`LOAD_PROBLEM_ID` (``HO000``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Literal
from urllib.parse import quote

from honest_offers.check.docs import rule_page
from honest_offers.check.finding import Finding, Suppressed
from honest_offers.check.registry import RULES, Rule
from honest_offers.diagnostics import Problem
from honest_offers.report.findings import format_findings
from honest_offers.report.problem import format_problems

Format = Literal["text", "json", "github", "sarif", "junit"]
FORMATS: tuple[Format, ...] = ("text", "json", "github", "sarif", "junit")

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
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
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
        """0 clean (warnings allowed), 1 error-level findings, 2 load errors."""
        if self.load_errors:
            return 2
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
            _count(len(self.errors), "error"),
            _count(len(self.warnings), "warning"),
            f"{len(self.suppressed)} suppressed",
        ]
        if self.problems:
            parts.append(_count(len(self.load_errors), "load error"))
            if len(self.problems) > len(self.load_errors):
                parts.append(_count(len(self.problems) - len(self.load_errors), "load warning"))
        return f"{TOOL_NAME}: {', '.join(parts)} in {_count(len(self.files), 'file')}."


def render(report: Report, fmt: Format, *, color: bool = False) -> str:
    """The report in ``fmt``; ``color`` (ANSI) applies to ``text`` only."""
    if fmt == "text":
        return to_text(report, color=color)
    renderers: dict[str, Callable[[Report], str]] = {
        "json": to_json,
        "github": to_github,
        "sarif": to_sarif,
        "junit": to_junit,
    }
    return renderers[fmt](report)


# -- text -------------------------------------------------------------------------------------

_FINDING_HEAD = re.compile(r"^(\S.*?:\d+:\d+): (HO\d{3}) ([\w-]+): ")
_PROBLEM_HEAD = re.compile(r"^(\S.*?): (error|warning): ")
_SUMMARY = re.compile(r"^(honesty check|honest-offers): ")


def to_text(report: Report, *, color: bool = False) -> str:
    """The same wording as the MkDocs build: problems, then findings and suppressions."""
    blocks = []
    if report.problems:
        blocks.append(format_problems(report.problems))
    blocks.append(format_findings(report.findings, report.suppressed))
    checked = f"Checked {_count(len(report.files), 'file')}."
    if report.load_errors:
        checked += " Files with load errors are checked for pressure tactics once they load."
    blocks.append(checked)
    text = "\n\n".join(blocks) + "\n"
    return _colorize(text, report) if color else text


def _colorize(text: str, report: Report) -> str:
    """ANSI colour for a terminal: locations bold, codes by severity, summaries bold."""
    severity = {f.rule: f.severity for f in report.findings}
    lines = []
    for line in text.split("\n"):
        head = _FINDING_HEAD.match(line)
        problem = _PROBLEM_HEAD.match(line)
        if head:
            tone = _tone(severity.get(head.group(2), "error"))
            line = (
                _ansi(head.group(1), "1")
                + ": "
                + _ansi(f"{head.group(2)} {head.group(3)}", tone)
                + ": "
                + line[head.end() :]
            )
        elif problem:
            line = (
                _ansi(problem.group(1), "1")
                + ": "
                + _ansi(problem.group(2), _tone(problem.group(2)))
                + ": "
                + line[problem.end() :]
            )
        elif line.startswith("    honest alternative: "):
            line = "    " + _ansi("honest alternative:", "32") + line[23:]
        elif line.startswith("    fix: "):
            line = "    " + _ansi("fix:", "32") + line[8:]
        elif _SUMMARY.match(line):
            line = _ansi(line, "1")
        lines.append(line)
    return "\n".join(lines)


def _tone(severity: str) -> str:
    return "1;31" if severity == "error" else "1;33"


def _ansi(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


# -- JSON -------------------------------------------------------------------------------------


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "suggestion": finding.suggestion,
    }


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "field": problem.field,
        "severity": problem.severity,
        "message": problem.message,
        "expected": problem.expected,
        "fix": problem.fix,
    }


def to_json(report: Report) -> str:
    """Findings with every field, suppressed findings with their reason, load problems."""
    data = {
        "version": report.version,
        "findings": [finding_dict(f) for f in report.findings],
        "suppressed": [{**finding_dict(s.finding), "reason": s.reason} for s in report.suppressed],
        "problems": [problem_dict(p) for p in report.problems],
        "summary": report.summary(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# -- GitHub workflow commands -----------------------------------------------------------------


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
                _problem_text(problem),
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


def _problem_text(problem: Problem) -> str:
    subject = f"{problem.field}: " if problem.field else ""
    return f"{subject}{problem.message}\nexpected: {problem.expected}\nfix: {problem.fix}"


# -- SARIF 2.1.0 ------------------------------------------------------------------------------


def to_sarif(report: Report) -> str:
    """One run; every rule in ``tool.driver.rules``; suppressed findings as results with an
    in-source suppression; load problems as results of the rule ``HO000``."""
    rules = sorted(RULES.values(), key=lambda r: r.code)
    index = {LOAD_PROBLEM_ID: 0} | {rule.code: i + 1 for i, rule in enumerate(rules)}
    results = [_sarif_problem(p) for p in report.problems]
    results += [_sarif_finding(f, index) for f in report.findings]
    for item in report.suppressed:
        result = _sarif_finding(item.finding, index)
        result["suppressions"] = [{"kind": "inSource", "justification": item.reason}]
        results.append(result)
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "version": report.version,
        "rules": [_load_problem_rule(), *(_sarif_rule(r) for r in rules)],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not report.load_errors,
                        "exitCode": report.exit_code,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.why},
        "help": {
            "text": (
                f"{rule.doc.why}\n\nExample that fails the check:\n{rule.doc.bad}\n\n"
                f"Honest alternative: {rule.doc.honest}"
            ),
            "markdown": rule_page(rule),
        },
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": [rule.family]},
    }


def _load_problem_rule() -> dict[str, Any]:
    return {
        "id": LOAD_PROBLEM_ID,
        "name": LOAD_PROBLEM_NAME,
        "shortDescription": {"text": LOAD_PROBLEM_SUMMARY},
        "fullDescription": {"text": LOAD_PROBLEM_HELP},
        "help": {"text": LOAD_PROBLEM_HELP},
        "defaultConfiguration": {"level": "error"},
    }


def _sarif_finding(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": finding.severity,
        "message": {"text": f"{finding.message}\nHonest alternative: {finding.suggestion}"},
        "locations": [
            _location(finding.path, finding.line, finding.column, finding.excerpt or None)
        ],
        "properties": {
            "name": finding.name,
            "excerpt": finding.excerpt,
            "suggestion": finding.suggestion,
        },
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def _sarif_problem(problem: Problem) -> dict[str, Any]:
    return {
        "ruleId": LOAD_PROBLEM_ID,
        "ruleIndex": 0,
        "level": problem.severity,
        "message": {"text": _problem_text(problem)},
        "locations": [_location(problem.path, problem.line, problem.column, None)],
        "properties": {"field": problem.field, "expected": problem.expected, "fix": problem.fix},
    }


def _location(
    path: str, line: int | None, column: int | None, snippet: str | None
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        if column is not None:
            region["startColumn"] = column
        if snippet:
            region["snippet"] = {"text": snippet}
        physical["region"] = region
    return {"physicalLocation": physical}


def _uri(path: str) -> str:
    """A report path as a URI: relative paths percent-encoded, absolute ones as ``file:``."""
    for flavour in (PurePosixPath, PureWindowsPath):
        pure = flavour(path)
        if pure.is_absolute():
            return pure.as_uri()
    return quote(path, safe="/@!$&'()*+,;=~")  # ':' encoded: no scheme look-alike


# -- JUnit XML --------------------------------------------------------------------------------


def to_junit(report: Report) -> str:
    """The report as JUnit XML (see :mod:`.junit`: ElementTree loads only for this format)."""
    from honest_offers.report.junit import junit_xml

    return junit_xml(report)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
