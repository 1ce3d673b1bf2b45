"""Every report format against the fixture sites with known findings and load problems."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from honest_offers.check import RULES, Finding, Suppressed
from honest_offers.diagnostics import Problem
from honest_offers.report.formats import FORMATS, render
from honest_offers.report.github import to_github
from honest_offers.report.junit import to_junit
from honest_offers.report.model import Report
from honest_offers.report.sarif import to_sarif
from tests.conftest import REPO_ROOT
from tests.unit.cli.conftest import SITE_ERRORS, SITE_FINDINGS, SITE_SUPPRESSED

SARIF_SCHEMA = REPO_ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"

FINDING_KEYS = [
    "rule",
    "name",
    "severity",
    "path",
    "line",
    "column",
    "message",
    "excerpt",
    "suggestion",
]


def odd_report() -> Report:
    """Characters that every format must escape: commas, colons, percent, newlines, control
    characters, spaces and non-ASCII in paths."""
    finding = Finding(
        rule="HO201",
        name="low-stock-claim",
        severity="error",
        path="docs/a, b:c 100%/ü page.md",
        line=3,
        column=7,
        message='low-stock claim: “Only 2 left” 100%\r\nnext & <line> "quoted"',
        excerpt="Only 2 left\x00\x1b",
        suggestion="State the capacity.",
    )
    warning = replace(finding, rule="HO904", severity="warning")
    problem = Problem(
        path="offers/x.yml",
        line=None,
        column=None,
        field=None,
        message="not valid YAML\x07",
        expected="YAML",
        fix="fix it",
    )
    return Report(
        findings=[finding, warning],
        suppressed=[Suppressed(finding, "Counted live, 100%, by: our system")],
        problems=[problem],
        files=[finding.path, "offers/x.yml"],
        version="0.1.0",
    )


def keys(items: list[dict[str, Any]]) -> set[tuple[str, str, int]]:
    return {(i["rule"], i["path"], i["line"]) for i in items}


# -- the report ----------------------------------------------------------------------------


def test_the_site_fixture_has_the_known_findings(site_report: Report) -> None:
    assert {(f.rule, f.path, f.line) for f in site_report.findings} == SITE_FINDINGS
    assert {
        (s.finding.rule, s.finding.path, s.finding.line) for s in site_report.suppressed
    } == SITE_SUPPRESSED
    assert site_report.problems == []
    assert len(site_report.files) == 9  # the config too: its site name and nav titles
    assert site_report.exit_code == 1


def test_exit_code_two_for_load_errors_one_for_errors_zero_for_warnings(
    broken_report: Report,
) -> None:
    assert broken_report.exit_code == 2
    assert [f.rule for f in broken_report.findings] == ["HO201"], "loaded offers still checked"
    warning = replace(broken_report.findings[0], severity="warning")
    assert Report(findings=[warning]).exit_code == 0
    assert Report().exit_code == 0
    assert Report(findings=broken_report.findings).exit_code == 1


def test_load_warnings_do_not_change_the_exit_code() -> None:
    warning = Problem(
        "offers/a.yml", 3, 1, "availability.next_start", "past", "a date", "edit", "warning"
    )
    report = Report(problems=[warning])
    assert report.exit_code == 0
    assert report.summary()["load_warnings"] == 1


# -- text ----------------------------------------------------------------------------------


def test_text_uses_the_build_wording_and_counts_files(site_report: Report) -> None:
    text = render(site_report, "text")
    assert (
        "pushy-site/offers/pushy.yml:5:5: HO201 low-stock-claim: "
        "low-stock claim: “Only 3 left in stock”" in text
    )
    assert '    text: "Only 3 left in stock"' in text
    assert "    honest alternative: " in text
    assert "Suppressed with a reason (1):" in text
    assert (
        "pushy-site/offers/allowed.yml:5:5: HO201 low-stock-claim allowed: Places are counted"
        in text
    )
    assert f"honesty check: {SITE_ERRORS} error(s), 1 warning(s), 1 suppressed." in text
    assert text.endswith("Checked 9 files.\n")
    assert "\x1b[" not in text


def test_text_lists_every_load_problem_before_the_findings(broken_report: Report) -> None:
    text = render(broken_report, "text")
    assert text.index("broken/offers/broken.yml:1:1: error: does_not:") < text.index("HO201")
    assert "    fix: " in text
    assert "checked for pressure tactics once they load" in text


def test_text_colour_only_when_asked(site_report: Report, broken_report: Report) -> None:
    coloured = render(site_report, "text", color=True)
    assert (
        "\x1b[1mpushy-site/offers/pushy.yml:5:5\x1b[0m: \x1b[1;31mHO201 low-stock-claim\x1b[0m"
        in (coloured)
    )
    assert "\x1b[1;33mHO904 suppression-unused\x1b[0m" in coloured
    assert "\x1b[1;31merror\x1b[0m" in render(broken_report, "text", color=True)
    for fmt in FORMATS:
        if fmt != "text":
            assert "\x1b[" not in render(site_report, fmt, color=True)


# -- JSON ----------------------------------------------------------------------------------


def test_json_has_the_documented_shape(site_report: Report) -> None:
    data = json.loads(render(site_report, "json"))
    assert list(data) == ["version", "findings", "suppressed", "problems", "summary"]
    assert all(list(f) == FINDING_KEYS for f in data["findings"])
    assert keys(data["findings"]) == SITE_FINDINGS
    assert keys(data["suppressed"]) == SITE_SUPPRESSED
    assert data["suppressed"][0]["reason"] == "Places are counted live by our booking system"
    assert data["problems"] == []
    assert data["summary"] == {
        "files": 9,
        "errors": SITE_ERRORS,
        "warnings": 1,
        "suppressed": 1,
        "load_errors": 0,
        "load_warnings": 0,
        "exit_code": 1,
    }


def test_json_lists_load_problems(broken_report: Report) -> None:
    data = json.loads(render(broken_report, "json"))
    (problem,) = data["problems"]
    assert problem == {
        "path": "broken/offers/broken.yml",
        "line": 1,
        "column": 1,
        "field": "does_not",
        "severity": "error",
        "message": "is required but missing",
        "expected": problem["expected"],
        "fix": problem["fix"],
    }
    assert problem["fix"].startswith("add it")
    assert data["summary"]["load_errors"] == 1
    assert data["summary"]["exit_code"] == 2


# -- GitHub --------------------------------------------------------------------------------


def test_github_annotations(site_report: Report) -> None:
    lines = render(site_report, "github").splitlines()
    assert (
        "::error file=pushy-site/offers/pushy.yml,line=5,col=5,title=HO201 low-stock-claim::"
        "low-stock claim: “Only 3 left in stock”%0Ahonest alternative: " in "\n".join(lines)
    )
    assert sum(line.startswith("::error ") for line in lines) == SITE_ERRORS
    assert sum(line.startswith("::warning ") for line in lines) == 1
    (notice,) = [line for line in lines if line.startswith("::notice ")]
    assert "title=HO201 low-stock-claim (allowed)::" in notice
    assert "allowed with the reason: Places are counted live" in notice
    assert lines[-1] == f"honest-offers: {SITE_ERRORS} errors, 1 warning, 1 suppressed in 9 files."


def test_github_escapes_data_and_properties_as_documented() -> None:
    lines = to_github(odd_report()).splitlines()
    error = next(line for line in lines if line.startswith("::error file=docs"))
    assert error.startswith(
        "::error file=docs/a%2C b%3Ac 100%25/ü page.md,line=3,col=7,title=HO201 low-stock-claim::"
    )
    assert "100%25%0D%0Anext & <line>" in error
    assert "\r" not in "".join(lines)
    problem = next(line for line in lines if "HO000" in line)
    assert problem.startswith("::error file=offers/x.yml,title=HO000 load-problem::")
    assert all(line.startswith("::") for line in lines[:-1])


def test_github_load_problems(broken_report: Report) -> None:
    first = render(broken_report, "github").splitlines()[0]
    assert first.startswith(
        "::error file=broken/offers/broken.yml,line=1,col=1,title=HO000 load-problem::"
        "does_not: is required but missing%0Aexpected: "
    )


# -- SARIF ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def test_sarif_validates_against_the_official_schema(
    site_report: Report,
    broken_report: Report,
    sarif_validator: jsonschema.Draft4Validator,
) -> None:
    for report in (site_report, broken_report, odd_report(), Report()):
        log = json.loads(render(report, "sarif"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(log)]
        assert errors == []


def test_sarif_results_rules_and_suppressions(site_report: Report) -> None:
    log = json.loads(to_sarif(site_report))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "honest-offers"
    assert "informationUri" not in driver, "no invented URL"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == ["HO000", *sorted(RULES)]
    ho201 = driver["rules"][rule_ids.index("HO201")]
    assert ho201["name"] == "low-stock-claim"
    assert ho201["shortDescription"]["text"] == RULES["HO201"].summary
    assert ho201["fullDescription"]["text"] == RULES["HO201"].doc.why
    assert ho201["help"]["markdown"].startswith("# HO201 `low-stock-claim`")
    results = run["results"]
    active = [r for r in results if "suppressions" not in r]
    located = {
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in active
    }
    assert located == SITE_FINDINGS
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    pushy = next(r for r in active if r["ruleId"] == "HO201")
    assert pushy["level"] == "error"
    assert pushy["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5,
        "startColumn": 5,
        "snippet": {"text": "Only 3 left in stock"},
    }
    assert next(r for r in active if r["ruleId"] == "HO904")["level"] == "warning"
    (suppressed,) = [r for r in results if "suppressions" in r]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "justification": "Places are counted live by our booking system"}
    ]
    assert run["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


def test_sarif_load_problems_are_results_of_ho000(broken_report: Report) -> None:
    run = json.loads(to_sarif(broken_report))["runs"][0]
    problem = next(r for r in run["results"] if r["ruleId"] == "HO000")
    assert problem["ruleIndex"] == 0
    assert problem["message"]["text"].startswith("does_not: is required but missing\n")
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_uris_are_percent_encoded() -> None:
    run = json.loads(to_sarif(odd_report()))["runs"][0]
    uri = run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/a,%20b%3Ac%20100%25/%C3%BC%20page.md"


# -- JUnit ---------------------------------------------------------------------------------


def test_junit_one_suite_per_file_one_case_per_finding(site_report: Report) -> None:
    root = ET.fromstring(to_junit(site_report))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == site_report.files
    assert root.get("failures") == str(len(SITE_FINDINGS))
    assert root.get("skipped") == "1"
    assert root.get("errors") == "0"
    assert int(root.get("tests", "0")) == sum(int(s.get("tests", "0")) for s in suites)
    failures = {
        (case.findtext("failure") or "").split(":")[0]: case
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    assert set(failures) == {path for _, path, _ in SITE_FINDINGS}
    pushy = next(
        c for c in root.iter("testcase") if c.get("name") == "HO201 low-stock-claim at 5:5"
    )
    failure = pushy.find("failure")
    assert failure is not None
    assert failure.get("type") == "HO201"
    assert (
        failure.get("message") == "HO201 low-stock-claim: low-stock claim: “Only 3 left in stock”"
    )
    assert pushy.get("file") == pushy.get("classname") == "pushy-site/offers/pushy.yml"
    assert pushy.get("line") == "5"
    calm = next(s for s in suites if s.get("name") == "pushy-site/offers/calm.yml")
    (case,) = calm.findall("testcase")
    assert case.get("name") == "honesty check"
    assert list(case) == []
    skipped = next(c for c in root.iter("testcase") if c.find("skipped") is not None)
    assert skipped.get("classname") == "pushy-site/offers/allowed.yml"
    assert "Places are counted live" in (skipped.find("skipped").get("message") or "")  # type: ignore[union-attr]


def test_junit_load_problems_are_errors(broken_report: Report) -> None:
    root = ET.fromstring(to_junit(broken_report))
    assert root.get("errors") == "1"
    error = next(root.iter("error"))
    assert error.get("type") == "HO000"
    assert (error.get("message") or "").startswith("broken/offers/broken.yml:1:1: error:")


def test_junit_is_well_formed_with_any_text() -> None:
    text = to_junit(odd_report())
    root = ET.fromstring(text.encode("utf-8"))
    case = next(c for c in root.iter("testcase") if c.find("failure") is not None)
    failure = case.find("failure")
    assert failure is not None
    assert 'next & <line> "quoted"' in (failure.get("message") or "")
    assert "\ufffd" in (failure.text or ""), "control characters replaced"
    assert case.get("classname") == "docs/a, b:c 100%/ü page.md"


def test_every_format_renders_an_empty_report(tmp_path: Path) -> None:
    for fmt in FORMATS:
        assert render(Report(files=["a.md"]), fmt)


def test_sarif_absolute_paths_are_file_uris() -> None:
    finding = replace(odd_report().findings[0], path="/tmp/my site/page.md")
    run = json.loads(to_sarif(Report(findings=[finding])))["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "file:///tmp/my%20site/page.md"
