"""The ``json`` format: ``{"version", "findings", "suppressed", "problems", "summary"}``."""

from __future__ import annotations

import json
from typing import Any

from honest_offers.check.finding import Finding
from honest_offers.diagnostics import Problem
from honest_offers.report.model import Report


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
