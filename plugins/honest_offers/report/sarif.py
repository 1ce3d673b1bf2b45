"""The ``sarif`` format: SARIF 2.1.0 for code-scanning dashboards."""

from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from honest_offers.check.docs import rule_page
from honest_offers.check.finding import Finding
from honest_offers.check.registry import RULES, Rule
from honest_offers.diagnostics import Problem
from honest_offers.report.model import (
    LOAD_PROBLEM_HELP,
    LOAD_PROBLEM_ID,
    LOAD_PROBLEM_NAME,
    LOAD_PROBLEM_SUMMARY,
    TOOL_NAME,
    Report,
    problem_text,
)

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


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
        "message": {"text": problem_text(problem)},
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
