"""Page-level suppressions in a Markdown page's front matter: ``honest_offers: allow:
[{rule, reason}]``, read by the sources check, by the build's reading of the rendered page,
and carried into the built page as ``allow-page`` markers for the check of the built folder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.as_built import check_markdown_as_built, markdown_renderer
from honest_offers.check import check_markdown
from honest_offers.check.html import check_html
from honest_offers.check.sources import (
    locatable_markdown,
    locate_excerpt,
    page_allow_entries,
    page_allowances,
)
from honest_offers.check.suppress import MIN_REASON, page_marker, parse_markers
from honest_offers.mkdocs_plugin.honesty import carry_page_allowances
from tests.conftest import examples

REASON = "An article that quotes scarcity claims"


def page(allow: str, body: str = "Only 2 places left.\n\nOnly 3 seats left.\n") -> str:
    return f"---\ntitle: Home\nhonest_offers:\n  allow:\n{allow}---\n# Home\n\n{body}"


GOOD = f"    - rule: HO201\n      reason: {REASON}\n"


def test_an_entry_allows_its_rule_on_the_whole_page_and_is_listed() -> None:
    result = check_markdown(page(GOOD), "docs/index.md")
    assert result.findings == []
    assert [(s.finding.rule, s.finding.line, s.reason) for s in result.suppressed] == [
        ("HO201", 10, REASON),
        ("HO201", 12, REASON),
    ]


def test_the_rendered_reading_allows_alike() -> None:
    text = page(GOOD, "> Only 2 places\n> left at this price.\n")
    result = check_markdown_as_built(text, "docs/index.md", markdown_renderer({}))
    assert result.findings == []
    assert [(s.finding.rule, s.finding.line) for s in result.suppressed] == [("HO201", 10)]


def test_an_entry_only_allows_its_own_rule() -> None:
    text = page(GOOD, "Only 2 places left. Hurry, offer ends tonight!\n")
    assert {f.rule for f in check_markdown(text, "docs/index.md").findings} == {"HO102", "HO103"}


@pytest.mark.parametrize(
    ("allow", "code", "line", "column"),
    [
        ("    - rule: HO201\n", "HO901", 5, 7),
        ("    - rule: HO201\n      reason: short\n", "HO901", 5, 7),
        (f"    - rule: HO2O1\n      reason: {REASON}\n", "HO902", 5, 13),
        (f"    - rule: HO901\n      reason: {REASON}\n", "HO902", 5, 13),
        (f"    - reason: {REASON}\n", "HO903", 5, 7),
        ("    - HO201\n", "HO903", 5, 7),
    ],
)
def test_an_entry_that_cannot_be_used_is_a_located_error_and_allows_nothing(
    allow: str, code: str, line: int, column: int
) -> None:
    result = check_markdown(page(allow), "docs/index.md")
    problem = next(f for f in result.findings if f.rule.startswith("HO9"))
    assert (problem.rule, problem.severity, problem.line, problem.column) == (
        code,
        "error",
        line,
        column,
    )
    assert {f.rule for f in result.findings} == {code, "HO201"}
    assert result.suppressed == []


def test_allow_that_is_not_a_list_is_a_located_error() -> None:
    text = "---\nhonest_offers: HO201\n---\n# Home\n"
    (problem,) = check_markdown(text, "docs/index.md").findings
    assert (problem.rule, problem.line, problem.column) == ("HO903", 2, 16)


def test_an_unused_entry_is_a_warning_at_the_entry_in_both_readings() -> None:
    text = page(f"    - rule: HO101\n      reason: {REASON}\n", "Calm text.\n")
    (unused,) = check_markdown(text, "docs/index.md").findings
    rendered = check_markdown_as_built(text, "docs/index.md", markdown_renderer({}))
    assert (unused.rule, unused.severity, unused.line) == ("HO904", "warning", 5)
    assert [(f.rule, f.line, f.column) for f in rendered.findings] == [
        ("HO904", unused.line, unused.column)
    ]


def test_an_entry_for_the_browser_rule_alone_is_not_unused_in_a_static_check() -> None:
    text = page(f"    - rule: HO618\n      reason: {REASON}\n", "Calm text.\n")
    assert check_markdown(text, "docs/index.md").findings == []
    assert page_allowances(text, "docs/index.md").suppressions[0].codes == {"HO618"}


def test_the_built_page_carries_every_entry_as_written() -> None:
    meta = {"honest_offers": {"allow": [{"rule": "HO201", "reason": REASON}, {"rule": "HO2O1"}]}}
    html = "<html><head></head><body>\n<p>Only 2 places left.</p></body></html>"
    built = carry_page_allowances(html, page_allow_entries(meta))
    assert built.index("<body>") < built.index("allow-page HO201") < built.index("<p>")
    result = check_html(built, "site/index.html")
    assert {f.rule for f in result.findings} == {"HO901"}  # HO2O1 without a reason
    assert [(s.finding.rule, s.reason) for s in result.suppressed] == [("HO201", REASON)]


def test_a_page_without_entries_is_left_as_it_is() -> None:
    html = "<html><body><p>Hello</p></body></html>"
    assert carry_page_allowances(html, page_allow_entries({"title": "Home"})) == html
    assert page_allow_entries({"honest_offers": {"allow": "HO201"}}) == []


_REPLACED = {"\u201d": '"', "\u2019": "'", "\u2013": "--"}
_REASONS = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="".join(_REPLACED)),
    min_size=MIN_REASON,
    max_size=60,
).filter(lambda reason: len(reason.strip()) >= MIN_REASON and "-" not in reason[-1:])


@given(_REASONS)
@settings(max_examples=examples(200))
def test_a_carried_marker_gives_back_its_rule_and_reason(reason: str) -> None:
    """Whatever the reason says (quotes of both kinds, ``--``, ``-->``), the built page's
    marker is one suppression of its rule with that reason (quotes and dashes that would end
    the marker or the comment written as typographic ones)."""
    markers = parse_markers(page_marker("HO201", reason), path="site/index.html")
    assert markers.problems == []
    (suppression,) = markers.suppressions
    assert suppression.codes == {"HO201"}
    read = suppression.reason
    for typographic, plain in _REPLACED.items():
        read = read.replace(typographic, plain)
    assert read == reason.strip()


def test_a_rendered_excerpt_is_traced_across_the_lines_of_a_quote() -> None:
    """A quote's text runs on over ``>`` marks; its finding points at the quote's first line
    in both readings, not at a line of the rendered HTML."""
    text = "# Home\n\n> > Only 2 places\n> > left at this price.\n"
    assert locate_excerpt("Only 2 places left", text) == text.index("Only")
    rendered = check_markdown_as_built(text, "docs/index.md", markdown_renderer({}))
    assert [(f.rule, f.line, f.column) for f in rendered.findings] == [("HO201", 3, 5)]


def test_a_rendered_excerpt_is_not_traced_into_a_code_span() -> None:
    """A title's words that a code span of the page also holds ("Offer ends" as a default
    value) are not located there: code is never where a finding comes from."""
    text = "---\ntitle: Offer end dates\n---\n# Widget\n\n| `label` | `Offer ends` |\n"
    source = locatable_markdown(text)
    assert locate_excerpt("Offer end", source) == text.index("Offer end")  # the title
    assert locate_excerpt("Offer ends", locatable_markdown("# W\n\n`Offer ends`\n")) is None
