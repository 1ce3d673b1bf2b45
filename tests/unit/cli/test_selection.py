"""--select and --ignore: codes and prefixes, as ruff chooses rules."""

from __future__ import annotations

import pytest

from honest_offers.check import RULES, CheckResult, Finding, Suppressed
from honest_offers.cli.selection import Selection, SelectionError, parse_codes


def test_codes_and_prefixes_comma_separated_repeated_any_case() -> None:
    assert parse_codes(["HO2, ho201", "HO5,,"], "--select") == ("HO2", "HO201", "HO5")
    assert parse_codes([], "--select") == ()
    assert parse_codes(["HO"], "--select") == ("HO",)


@pytest.mark.parametrize("code", ["HO8", "HO2O1", "HO1234", "X", "HO999", "201"])
def test_unknown_codes_are_refused(code: str) -> None:
    with pytest.raises(SelectionError, match=rf"--ignore: unknown rule code or prefix `{code}`"):
        parse_codes([code], "--ignore")


def test_unknown_code_suggests_the_nearest() -> None:
    with pytest.raises(SelectionError, match="did you mean HO201"):
        parse_codes(["HO2O1"], "--select")


def test_longest_matching_prefix_decides() -> None:
    assert Selection().keeps("HO201")
    assert Selection(select=("HO2",)).keeps("HO203")
    assert not Selection(select=("HO2",)).keeps("HO301")
    narrowed = Selection(select=("HO2",), ignore=("HO201",))
    assert narrowed.keeps("HO202")
    assert not narrowed.keeps("HO201")
    widened = Selection(select=("HO201",), ignore=("HO2",))
    assert widened.keeps("HO201")
    assert not widened.keeps("HO202")
    assert not Selection(select=("HO2",), ignore=("HO2",)).keeps("HO201")
    assert not Selection(ignore=("HO",)).keeps("HO101")
    assert all(Selection(select=("HO",)).keeps(code) for code in RULES)


def test_apply_filters_findings_and_suppressed() -> None:
    def found(rule: str) -> Finding:
        return Finding(rule, "n", "error", "a.md", 1, 1, "m", "e", "s")

    result = CheckResult(
        findings=[found("HO201"), found("HO301")],
        suppressed=[Suppressed(found("HO201"), "reason"), Suppressed(found("HO301"), "r")],
    )
    kept = Selection(ignore=("HO3",)).apply(result)
    assert [f.rule for f in kept.findings] == ["HO201"]
    assert [s.finding.rule for s in kept.suppressed] == ["HO201"]
