"""Fixtures for the command line's unit tests: the fixture sites with known findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from honest_offers import __version__
from honest_offers.check import CheckResult
from honest_offers.cli.targets import plan_check
from honest_offers.report.model import Report
from tests.conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "cli"
TODAY = date(2026, 11, 23)

SITE_FINDINGS = {
    ("HO201", "pushy-site/offers/pushy.yml", 5),
    ("HO103", "pushy-site/docs/index.md", 5),
    ("HO102", "pushy-site/docs/index.md", 5),
    ("HO904", "pushy-site/docs/notes.md", 3),
    ("HO611", "pushy-site/docs/js/ticker.js", 2),
    ("HO612", "pushy-site/docs/js/ticker.js", 1),
    ("HO603", "pushy-site/docs/css/offer.css", 1),
    ("HO601", "pushy-site/overrides/main.html", 3),
    ("HO101", "pushy-site/overrides/main.html", 3),
    ("HO619", "pushy-site/overrides/main.html", 4),
}
"""(rule, path, line) of every finding in tests/fixtures/cli/pushy-site, seen from its parent."""
SITE_WARNINGS = {("HO904", "pushy-site/docs/notes.md", 3)}
SITE_ERRORS = len(SITE_FINDINGS - SITE_WARNINGS)
"""Error-level findings of pushy-site (the summaries' counts follow SITE_FINDINGS)."""
SITE_SUPPRESSED = {("HO201", "pushy-site/offers/allowed.yml", 5)}


def run_report(*paths: str, cwd: Path = FIXTURES) -> Report:
    """What ``honest-offers check PATH...`` finds, run in ``cwd``, without the command line."""
    plan = plan_check([Path(p) for p in paths], cwd, TODAY)
    result = CheckResult()
    for job in plan.jobs:
        result.extend(job.run())
    return Report(
        findings=result.findings,
        suppressed=result.suppressed,
        problems=plan.problems,
        files=plan.files,
        version=__version__,
    )


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(FIXTURES)
    return FIXTURES


@pytest.fixture
def site_report(in_fixtures: Path) -> Report:
    return run_report("pushy-site")


@pytest.fixture
def broken_report(in_fixtures: Path) -> Report:
    return run_report("broken")
