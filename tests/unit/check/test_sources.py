"""Offers and Markdown pages: findings at the exact line and column of the source."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from honest_offers.catalog import LoadedOffer, load_offer_text
from honest_offers.check import CheckResult, Finding, check_markdown, check_offer, markdown
from honest_offers.check.sources import _LINK_TEXT
from tests.conftest import REPO_ROOT, examples, offer_yaml

TODAY = date(2026, 11, 23)

OFFER = """\
title: Garden design
summary: One visit and a written plan.
does:
  - A two-hour visit
  - "Only 2 visits left this month"
  - 'It''s a calm offer. Hurry, though.'
does_not:
  - Does not include plants
for:
  - Owners of small gardens
not_for:
  - Parks
price:
  amount: 250
  currency: EUR
  billing: one-time
  taxes_included: true
market_price:
  low: 180
  high: 400
  currency: EUR
  basis: >-
    Price lists of six designers. Prices go
    up on Monday.
timing:
  good_time: In spring
  wait_if: |
    You are moving soon.
    Ends tonight!
    Ends tonight!
cta:
  label: No thanks, I'd rather miss out
  url: https://example.com/last-chance-sale
details: |
  ## The plan

  We draw it by hand. **Only 3**
  places left.

  ```text
  Sale ends in 02:14:09
  ```

  `Hurry` is a word we never use.
"""


def load(text: str) -> LoadedOffer:
    loaded, problems = load_offer_text(text, Path("x.yml"), "offers/x.yml", TODAY)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


def at(text: str, finding: Finding) -> str:
    return text.split("\n")[finding.line - 1][finding.column - 1 :]


def rows(result: CheckResult) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.excerpt) for f in result.findings]


def test_offer_findings_point_at_the_source_in_every_scalar_style() -> None:
    result = check_offer(load(OFFER))
    assert rows(result) == [
        ("HO201", 5, 6, "Only 2 visits left"),
        ("HO103", 6, 26, "Hurry"),
        ("HO104", 23, 35, "Prices go up"),
        ("HO102", 29, 5, "Ends tonight"),
        ("HO102", 30, 5, "Ends tonight"),
        ("HO401", 32, 10, "No thanks, I'd rather miss out"),
        ("HO201", 37, 25, "Only 3**\nplaces left"),
    ]
    for found in result.findings:
        assert at(OFFER, found).startswith(found.excerpt.split()[0])
    assert result.suppressed == []


def test_allowances_suppress_their_rule_in_the_whole_offer() -> None:
    text = OFFER + (
        "allow:\n"
        "  - rule: HO102\n"
        "    reason: We quote what we stopped saying in the old campaign.\n"
    )
    result = check_offer(load(text))
    assert "HO102" not in [f.rule for f in result.findings]
    assert [(s.finding.rule, s.finding.line) for s in result.suppressed] == [
        ("HO102", 29),
        ("HO102", 30),
    ]
    assert {s.reason for s in result.suppressed} == {
        "We quote what we stopped saying in the old campaign."
    }


def test_unknown_and_unused_allowances_are_reported() -> None:
    text = offer_yaml(
        allow=[
            {"rule": "HO777", "reason": "This code does not exist at all."},
            {"rule": "HO201", "reason": "Nothing here needs this exception."},
        ]
    )
    result = check_offer(load(text))
    assert [(f.rule, f.severity, f.excerpt) for f in result.findings] == [
        ("HO902", "error", "HO777"),
        ("HO904", "warning", "HO201"),
    ]
    for found in result.findings:
        assert at(text, found).startswith(found.excerpt)


def test_values_that_are_not_text_are_not_checked() -> None:
    text = offer_yaml(slug="last-chance", cta={"label": "Ask", "url": "https://x.example/hurry"})
    assert check_offer(load(text)).findings == []


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "offers").glob("*.yml")), ids=str)
def test_example_offers_are_honest(path: Path) -> None:
    loaded, _ = load_offer_text(path.read_text("utf-8"), path, path.name, TODAY)
    assert loaded is not None
    assert rows(check_offer(loaded)) == []


PAGE = """\
---
title: Only 2 left
tags: [calm]
---
# Our workshop

Prices and times below. <!-- Hurry in a comment is not shown -->

| Time | What |
|---|---|
| 10:00 | Welcome |

Book by **Friday**. The offer
ends tonight, so act now.

```text
Sale ends in 02:14:09
```

    Indented code: hurry

- A list item
    with a continuation: hurry

Say `only 2 left` in code and [claim your spot](https://x.example) in a link.
"""


def test_markdown_findings_are_exact_and_skip_code_and_comments() -> None:
    result = check_markdown(PAGE, "docs/page.md")
    assert rows(result) == [
        ("HO201", 2, 8, "Only 2 left"),
        ("HO102", 13, 25, "offer\nends tonight"),
        ("HO103", 14, 18, "act now"),
        ("HO103", 23, 26, "hurry"),
        ("HO402", 25, 32, "claim your spot"),
    ]
    for found in result.findings:
        assert at(PAGE, found).startswith(found.excerpt.split()[0])


@pytest.mark.parametrize(
    ("page", "found"),
    [
        # "balance" (a quota word) in the paragraph before once hid the claim below it
        ("Top up your balance\n\nOnly 3 seats left.", [("HO201", 3, 1, "Only 3 seats left")]),
        ("Price includes VAT.\n\nBuilt in 1994\n\n2 left", [("HO201", 5, 1, "2 left")]),
        ("Our prices\n\nEUR 9.68\n  \n1 left in stock", [("HO201", 5, 1, "1 left in stock")]),
    ],
)
def test_a_phrase_never_runs_from_one_markdown_block_into_the_next(
    page: str, found: list[tuple[str, int, int, str]]
) -> None:
    assert rows(check_markdown(page, "p.md")) == found


PARAGRAPHS = [
    "Only 2 left in stock.",
    "Top up your balance",
    "Offer ends tonight",
    "EUR 9.68",
    "Built in 1994",
    "3 left",
    "No thanks, I like paying more",
    "We reply within two working days.",
    "- Includes setup\n- 4 hours of training",
    "## Price\nEUR 120, tax included",
]


@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6), st.sampled_from(["", " "]))
def test_each_markdown_block_is_checked_as_if_alone(paragraphs: list[str], pad: str) -> None:
    page = f"\n{pad}\n".join(paragraphs)
    expected = []
    line = 1
    for paragraph in paragraphs:
        expected += [
            (rule, row + line - 1, column, excerpt)
            for rule, row, column, excerpt in rows(check_markdown(paragraph, "p.md"))
        ]
        line += paragraph.count("\n") + 2
    assert rows(check_markdown(page, "p.md")) == expected


def test_link_text_is_checked_as_a_label() -> None:
    result = check_markdown("See [No thanks, I'd rather stay behind](/x).\n", "p.md")
    assert [f.rule for f in result.findings] == ["HO401"]


LINK_TEXT_AS_WRITTEN = re.compile(r"(?<!!)\[(?P<label>[^\]\n]{1,160})\]\(")


@given(st.lists(st.sampled_from(["![", "[", "]", "](", "(", "!", "a", " ", "\n"])).map("".join))
@example("[a](x) ![b](y) !x[c](z)")
def test_link_texts_are_found_as_first_written(text: str) -> None:
    def labels(regex: re.Pattern[str]) -> list[tuple[int, int]]:
        return [match.span("label") for match in regex.finditer(text)]

    assert labels(_LINK_TEXT) == labels(LINK_TEXT_AS_WRITTEN)


@pytest.mark.parametrize(
    "address", ["https://only-2-left.example/", "HTTPS://ONLY-2-LEFT.EXAMPLE/", "http://x.example"]
)
def test_bare_web_addresses_are_not_prose(address: str) -> None:
    page = f"# Links\n\nSee {address} for details.\n"
    assert markdown.prose(page).split() == ["#", "Links.", "See", "for", "details."]


def test_markers_suppress_the_rest_of_their_line_and_the_next_block() -> None:
    page = (
        'Only 2 left <!-- honest-offers: allow HO201 reason="Counted live by the booking '
        'system" --> only 3 left\n'
        "\n"
        "Only 4 left\n"
        "Only 5 left\n"
        "\n"
        "Only 6 left\n"
    )
    result = check_markdown(page, "p.md")
    assert [(f.rule, f.line, f.column) for f in result.findings] == [
        ("HO201", 1, 1),
        ("HO201", 6, 1),
    ]
    assert [(s.finding.line, s.finding.excerpt) for s in result.suppressed] == [
        (1, "only 3 left"),
        (3, "Only 4 left"),
        (4, "Only 5 left"),
    ]
    assert result.suppressed[0].reason == "Counted live by the booking system"


def test_stacked_markers_reach_the_same_line() -> None:
    page = (
        '<!-- honest-offers: allow HO201 reason="Counted live by the booking system" -->\n'
        "<!-- honest-offers: allow HO103 reason='Quoted from a complaint we received' -->\n"
        "Hurry, only 2 left\n"
    )
    result = check_markdown(page, "p.md")
    assert result.findings == []
    assert sorted(s.finding.rule for s in result.suppressed) == ["HO103", "HO201"]


def test_markers_in_code_are_examples_not_markers() -> None:
    page = "```html\n<!-- honest-offers: allow HO201 -->\n```\n"
    assert check_markdown(page, "p.md").findings == []


@pytest.mark.parametrize("path", sorted((REPO_ROOT / "docs").rglob("*.md")), ids=str)
def test_example_site_pages_are_honest(path: Path) -> None:
    assert rows(check_markdown(path.read_text("utf-8"), path.name)) == []


def test_a_short_first_cell_labels_the_next_one_as_in_the_rendered_row() -> None:
    table = (
        "| Applies to | Conditions |\n| --- | --- |\n"
        "| Students | 100% off the Individual plan | One year |\n"
        f"| {'x' * 61} | 3 left |\n"
    )
    view = markdown.prose(table)
    assert len(view) == len(table)
    assert ". Students : 100% off the Individual plan . One year ." in view
    assert ". --- . --- ." in view
    assert f". {'x' * 61} . 3 left ." in view


def test_a_list_marker_is_a_bullet_and_ends_the_item_before() -> None:
    """ "- 10% off …" starts an item ("-" is no minus), and items read apart, as their page
    shows them: "over $50" and "$5.99" in the next item are no was/now pair."""
    page = (
        "- Free on orders over $50\n- $5.99 for orders under $50\n* **10%** for the second child\n"
    )
    view = markdown.prose(page)
    assert len(view) == len(page)
    assert view.split("\n")[:3] == [
        ". Free on orders over $50",
        ". $5.99 for orders under $50",
        ".   10%   for the second child",
    ]
    assert check_markdown(page, "shipping.md").findings == []


PLAN_SWITCHER = """---
title: Pricing
toggle:
  - label: Monthly
    type: month
  - label: Annual
    type: year
    badge:
      enable: true
      label: Save 20%
---
# Pricing
"""


def test_a_value_in_front_matter_reads_with_its_records_labels() -> None:
    """A layout prints a plan switcher's badge with its label: "Annual: Save 20%"."""
    assert check_markdown(PLAN_SWITCHER, "pricing.md").findings == []
    pushed = PLAN_SWITCHER.replace("label: Save 20%", "label: Save 20% today only")
    assert {f.rule for f in check_markdown(pushed, "pricing.md").findings} == {"HO502", "HO102"}
    stock = PLAN_SWITCHER.replace("label: Save 20%", "label: Only 2 left")
    assert [f.rule for f in check_markdown(stock, "pricing.md").findings] == ["HO201"]


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(["    code", "\tcode", "```", "~~~", "  ```", "text", "- item", "", "`x`"]),
        max_size=8,
    )
)
def test_the_quick_look_for_code_never_skips_a_code_block(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert markdown._may_hold_code(text) == (markdown._MAYBE_CODE.search(text) is not None)
