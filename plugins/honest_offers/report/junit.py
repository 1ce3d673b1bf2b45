"""The ``junit`` format: JUnit XML, for CI systems that show test results (GitLab, Jenkins,
Azure).

Loaded only for this format (:mod:`.formats` names it by its module path): ElementTree and
the invalid-character pattern are 12 ms of start-up that other formats do not need."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from honest_offers.check.finding import Finding, Suppressed
from honest_offers.diagnostics import Problem
from honest_offers.report.model import LOAD_PROBLEM_ID, LOAD_PROBLEM_NAME, TOOL_NAME, Report

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_junit(report: Report) -> str:
    """One ``<testsuite>`` per file and one ``<testcase>`` per finding (a ``<failure>``), per
    suppressed finding (``<skipped>`` with the reason) and per load problem (``<error>``);
    a file with none of these has one passing test case."""
    by_file: dict[str, list[ET.Element]] = {path: [] for path in report.files}
    for problem in report.problems:
        by_file.setdefault(problem.path, []).append(_junit_problem(problem))
    for finding in report.findings:
        by_file.setdefault(finding.path, []).append(_junit_finding(finding))
    for item in report.suppressed:
        by_file.setdefault(item.finding.path, []).append(_junit_suppressed(item))
    root = ET.Element("testsuites", name=TOOL_NAME)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for path, cases in by_file.items():
        if not cases:
            cases = [_case(path, "honesty check", None)]
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        attributes = {"name": _xml(path)} | {k: str(v) for k, v in counts.items()}
        suite = ET.SubElement(root, "testsuite", attributes)
        suite.extend(cases)
        for key, value in counts.items():
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(path: str, name: str, line: int | None) -> ET.Element:
    case = ET.Element("testcase", classname=_xml(path), name=_xml(name), file=_xml(path))
    if line is not None:
        case.set("line", str(line))
    return case


def _junit_finding(finding: Finding) -> ET.Element:
    case = _case(
        finding.path,
        f"{finding.rule} {finding.name} at {finding.line}:{finding.column}",
        finding.line,
    )
    failure = ET.SubElement(
        case,
        "failure",
        message=_xml(f"{finding.rule} {finding.name}: {finding.message}"),
        type=finding.rule,
    )
    failure.text = _xml(
        f"{finding.location}: {finding.severity}: {finding.message}\n"
        f'text: "{finding.excerpt}"\nhonest alternative: {finding.suggestion}'
    )
    return case


def _junit_suppressed(item: Suppressed) -> ET.Element:
    found = item.finding
    name = f"{found.rule} {found.name} at {found.line}:{found.column} (allowed)"
    case = _case(found.path, name, found.line)
    ET.SubElement(case, "skipped", message=_xml(f"allowed: {item.reason}"))
    return case


def _junit_problem(problem: Problem) -> ET.Element:
    where = f"{problem.line}:{problem.column}" if problem.line is not None else "file"
    case = _case(problem.path, f"{LOAD_PROBLEM_ID} {LOAD_PROBLEM_NAME} at {where}", problem.line)
    tag = "error" if problem.severity == "error" else "failure"
    element = ET.SubElement(
        case,
        tag,
        message=_xml(problem.format().split("\n", 1)[0]),
        type=LOAD_PROBLEM_ID,
    )
    element.text = _xml(problem.format())
    return case


def _xml(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters) replaced by U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)
