"""Exclusions: paths left out of the check with a reason; their findings listed as allowed."""

from __future__ import annotations

import pytest

from honest_offers.check import check_text
from honest_offers.check.finding import CheckResult
from honest_offers.check.scope import ExclusionError, apply_exclusions, exclusion

API = exclusion("docs/api/*", "API reference, not sales copy")


def result_at(*paths: str) -> CheckResult:
    return CheckResult(
        findings=[f for p in paths for f in check_text("Only 2 places left", path=p)]
    )


def test_findings_in_excluded_paths_are_listed_as_allowed_with_the_reason() -> None:
    result = apply_exclusions(
        result_at("docs/api/tokens.md", "docs/api/v2/keys.md", "docs/index.md"),
        [API],
        protected=lambda path: False,
    )
    assert [f.path for f in result.findings] == ["docs/index.md"]
    assert [(s.finding.path, s.reason) for s in result.suppressed] == [
        ("docs/api/tokens.md", "excluded (docs/api/*): API reference, not sales copy"),
        ("docs/api/v2/keys.md", "excluded (docs/api/*): API reference, not sales copy"),
    ]


def test_offers_are_never_excluded() -> None:
    everything = exclusion("*", "Nothing here is sales copy, we say")
    result = apply_exclusions(
        result_at("offers/plan.yml", "docs/index.md"),
        [everything],
        protected=lambda path: path.startswith("offers/"),
    )
    assert [f.path for f in result.findings] == ["offers/plan.yml"]


@pytest.mark.parametrize(("glob", "reason"), [("", "A good long reason"), ("docs/*", "short")])
def test_an_exclusion_needs_a_path_and_a_reason(glob: str, reason: str) -> None:
    with pytest.raises(ExclusionError):
        exclusion(glob, reason)
