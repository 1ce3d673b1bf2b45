"""Suppression markers: grammar, scope, and the HO9xx findings for markers that do not work."""

from __future__ import annotations

import pytest

from honest_offers.check import check_text, parse_markers
from honest_offers.check.suppress import apply_suppressions

REASON = "Counted live by the booking system"


@pytest.mark.parametrize(
    "marker",
    [
        f'<!-- honest-offers: allow HO201 reason="{REASON}" -->',
        f"<!--honest-offers:allow HO201 reason='{REASON}'-->",
        f'<!-- Honest-Offers : ALLOW ho201 REASON = "{REASON}" -->',
        f'<!-- honest-offers: allow HO201, HO103 reason="{REASON}" -->',
        f'<!-- honest-offers: allow HO201 HO103\n     reason="{REASON}" -->',
    ],
)
def test_valid_markers(marker: str) -> None:
    markers = parse_markers(marker, path="p.md")
    assert markers.problems == []
    (suppression,) = markers.suppressions
    assert "HO201" in suppression.codes
    assert suppression.reason == REASON


@pytest.mark.parametrize(
    ("marker", "code"),
    [
        ("<!-- honest-offers: allow HO201 -->", "HO901"),
        ('<!-- honest-offers: allow HO201 reason="" -->', "HO901"),
        ('<!-- honest-offers: allow HO201 reason="short" -->', "HO901"),
        (f'<!-- honest-offers: allow HO2O1 reason="{REASON}" -->', "HO902"),
        (f'<!-- honest-offers: allow HO999 reason="{REASON}" -->', "HO902"),
        (f'<!-- honest-offers: allow HO901 reason="{REASON}" -->', "HO902"),
        (f'<!-- honest-offers: alow HO201 reason="{REASON}" -->', "HO903"),
        (f'<!-- honest-offers: allow reason="{REASON}" -->', "HO903"),
        (f'<!-- honest-offers: allow HO201 because="{REASON}" -->', "HO903"),
        ("<!-- honest-offers: -->", "HO903"),
    ],
)
def test_broken_markers_are_errors_and_allow_nothing(marker: str, code: str) -> None:
    markers = parse_markers("Intro.\n  " + marker, path="p.md", line=5)
    assert [(f.rule, f.severity, f.line, f.column) for f in markers.problems] == [
        (code, "error", 6, 3)
    ]
    assert markers.suppressions == []


def test_a_known_code_still_works_beside_an_unknown_one() -> None:
    markers = parse_markers(
        f'<!-- honest-offers: allow HO201 HO299 reason="{REASON}" -->', path="p"
    )
    assert [f.rule for f in markers.problems] == ["HO902"]
    assert [sorted(s.codes) for s in markers.suppressions] == [["HO201"]]


def test_ordinary_comments_are_not_markers() -> None:
    markers = parse_markers("<!-- allow HO201 -->\n<!-- honest offers -->", path="p")
    assert markers.problems == [] and markers.suppressions == []


def test_scope_is_rest_of_line_and_next_non_blank_line() -> None:
    text = (
        f'Only 2 left <!-- honest-offers: allow HO201 reason="{REASON}" --> only 3 left\n'
        "\n"
        "   \n"
        "Only 4 left and only 5 left\n"
        "Only 6 left\n"
    )
    markers = parse_markers(text, path="p")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [(f.line, f.column) for f in result.findings] == [(1, 1), (5, 1)]
    assert [(s.finding.line, s.finding.column) for s in result.suppressed] == [
        (1, 93),
        (4, 1),
        (4, 17),
    ]


def test_a_marker_only_covers_its_own_rules() -> None:
    text = f'<!-- honest-offers: allow HO201 reason="{REASON}" -->\nHurry, only 2 left\n'
    markers = parse_markers(text, path="p")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [f.rule for f in result.findings] == ["HO103"]
    assert [s.finding.rule for s in result.suppressed] == ["HO201"]


def test_unused_markers_are_warnings() -> None:
    text = f'<!-- honest-offers: allow HO201 reason="{REASON}" -->\nA calm sentence.\n'
    markers = parse_markers(text, path="p")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [(f.rule, f.severity, f.line) for f in result.findings] == [("HO904", "warning", 1)]
    assert result.errors == []
