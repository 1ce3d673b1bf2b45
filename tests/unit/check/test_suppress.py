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


def test_scope_is_rest_of_line_and_the_next_block() -> None:
    """In Markdown a marker covers the rest of its line and the block after it: a paragraph,
    list, quote or table runs to the next blank line."""
    text = (
        f'Only 2 left <!-- honest-offers: allow HO201 reason="{REASON}" --> only 3 left\n'
        "\n"
        "   \n"
        "Only 4 left and only 5 left\n"
        "Only 6 left\n"
        "\n"
        "Only 7 left\n"
    )
    markers = parse_markers(text, path="p")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [(f.line, f.column) for f in result.findings] == [(1, 1), (7, 1)]
    assert [(s.finding.line, s.finding.column) for s in result.suppressed] == [
        (1, 93),
        (4, 1),
        (4, 17),
        (5, 1),
    ]


def test_in_code_a_marker_covers_the_next_line_only() -> None:
    text = f'<!-- honest-offers: allow HO201 reason="{REASON}" -->\nOnly 4 left\nOnly 5 left\n'
    markers = parse_markers(text, path="p", reach="line")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [f.line for f in result.findings] == [3]


def test_in_html_a_marker_covers_the_next_element_to_its_end_tag() -> None:
    text = (
        f'<!-- honest-offers: allow HO201 reason="{REASON}" -->\n'
        "<blockquote>\n<p>Only 4 left\nand only 5 left</p>\n<blockquote>Only 6 left</blockquote>"
        "\n</blockquote>\n<p>Only 7 left</p>\n"
    )
    markers = parse_markers(text, path="p", reach="element")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [f.line for f in result.findings] == [7]
    assert [s.finding.line for s in result.suppressed] == [3, 4, 5]


def test_allow_page_covers_the_whole_page_wherever_it_stands() -> None:
    text = (
        f'Only 2 left\n\nOnly 3 left\n<!-- honest-offers: allow-page HO201 reason="{REASON}" -->\n'
    )
    for reach in ("block", "element", "line"):
        markers = parse_markers(text, path="p", reach=reach)
        result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
        assert result.findings == []
        assert [s.finding.line for s in result.suppressed] == [1, 3]


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


def test_in_html_a_marker_inside_a_paragraph_covers_its_next_line() -> None:
    """As Markdown renders a marker written after the first words of a paragraph."""
    text = (
        f'<p><strong>The law.</strong> <!-- honest-offers: allow HO201 reason="{REASON}" -->\n'
        "Only 4 left is what the law forbids.</p>\n<p>Only 7 left</p>\n"
    )
    markers = parse_markers(text, path="p", reach="element")
    result = apply_suppressions(check_text(text, path="p"), markers.suppressions, path="p")
    assert [f.line for f in result.findings] == [3]
    assert [s.finding.line for s in result.suppressed] == [2]
