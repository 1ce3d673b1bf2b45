"""Placeholders from the scaffold (and from our own fix examples) on their way to a page:
found by their shape, each a located warning naming the field."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.load import parse_yaml
from honest_offers.placeholders import find_placeholders
from honest_offers.site import page_placeholders
from honest_offers.validate import validate_document
from tests.conftest import examples, offer_yaml

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("mailto:hello@example.com?subject=Hi", ["hello@example.com"]),
        ("https://example.com/guide", ["example.com"]),
        (
            "https://shop.example.org/a and info@mail.example.net",
            ["shop.example.org", "info@mail.example.net"],
        ),
        ("Write to HELLO@EXAMPLE.COM.", ["HELLO@EXAMPLE.COM"]),
        ("lorem ipsum dolor", ["lorem ipsum"]),
        ("hello@studio.example", []),  # the .example domain of documentation: not ours
        ("https://myexample.com, example.company, examples.com", []),
        ("For example, a visit.", []),
    ],
)
def test_placeholders_by_their_shape(text: str, found: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == found


def test_a_name_with_the_word_example_is_a_placeholder_only_as_a_name() -> None:
    assert [p.text for p in find_placeholders("Example Studio", is_name=True)] == ["Example Studio"]
    assert find_placeholders("Example Studio") == []
    assert find_placeholders("Examples of Oak Ltd", is_name=True) == []


_WORDS = st.text(st.characters(codec="ascii", exclude_characters="@."), max_size=30)


@settings(max_examples=examples(200))
@given(_WORDS, st.sampled_from(["hello@example.com", "example.org", "a.b.example.net"]), _WORDS)
def test_an_address_between_words_is_found_where_it_stands(
    before: str, address: str, after: str
) -> None:
    text = f"{before} {address} {after}"
    (found,) = find_placeholders(text)
    assert text[found.start :].startswith(found.text)
    assert found.text.lower().endswith(address.rsplit("@", 1)[-1])


@settings(max_examples=examples(200))
@given(st.text(max_size=80).filter(lambda t: "example." not in t.lower()))
def test_text_without_the_example_domains_has_no_placeholder_address(text: str) -> None:
    assert all(p.text.lower() == "lorem ipsum" for p in find_placeholders(text))


def _problems(text: str) -> list[tuple[int | None, int | None, str | None, str]]:
    doc, _ = parse_yaml(text, "offers/x.yml")
    assert doc is not None
    offer, problems = validate_document(doc, TODAY)
    assert offer is not None
    return [(p.line, p.column, p.field, p.severity) for p in problems]


def test_each_placeholder_in_an_offer_is_a_warning_at_itself() -> None:
    text = offer_yaml(
        seller={"name": "Example Studio", "contact": "hello@example.com"},
        cta={"label": "Ask", "url": "mailto:hello@example.com?subject=Hi"},
        details="## How\n\nSee [our guide](https://example.com/guide).\n",
    )
    lines = text.splitlines()

    def at(line_start: str, value: str) -> tuple[int, int]:
        number = next(n for n, row in enumerate(lines) if row.lstrip().startswith(line_start))
        return number + 1, lines[number].index(value) + 1

    expected = [
        (*at("See [our guide]", "example.com"), "details", "warning"),
        (*at("name: Example Studio", "Example Studio"), "seller.name", "warning"),
        (*at("contact:", "hello@"), "seller.contact", "warning"),
        (*at("url: mailto:", "hello@"), "cta.url", "warning"),
    ]
    assert sorted(_problems(text)) == sorted(expected)


def test_an_offer_with_errors_lists_its_placeholders_in_the_same_round() -> None:
    doc, _ = parse_yaml(offer_yaml(title="", seller={"name": "Example Studio"}), "o.yml")
    assert doc is not None
    offer, problems = validate_document(doc, TODAY)
    assert offer is None
    assert {(p.field, p.severity) for p in problems} == {
        ("title", "error"),
        ("seller.name", "warning"),
    }


def test_links_of_a_page_to_placeholder_addresses_are_warnings() -> None:
    page = (
        "# Home\n\n"
        "Write to us at <hello@example.com>.\n"
        "[Book](https://example.org/book) or [call][c].\n\n"
        "[c]: https://cal.example.net/us\n"
    )
    found = [(p.line, p.column, p.severity) for p in page_placeholders(page, "docs/index.md")]
    assert found == [(3, 17, "warning"), (4, 16, "warning"), (6, 14, "warning")]
    assert page_placeholders(page, "docs/index.md")[0].path == "docs/index.md"


def test_documentation_about_example_domains_is_left_alone() -> None:
    page = (
        "Requests go to example.com in the examples:\n\n"
        "```python\nhttpx.get('https://example.com/api')\n```\n\n"
        "Use `<https://example.com>` as the base URL.\n"
    )
    assert page_placeholders(page, "docs/api.md") == []
