"""Errors that teach: each common first-offer mistake gets a message in the words of a YAML
file — what is wrong, what was expected, and a fix that fits the field — and no message
shows internals (Python type names, pydantic's phrasing, regular expressions)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from honest_offers.diagnostics import Problem
from honest_offers.validate.messages import BILLING_MEANINGS, closest_billing
from honest_offers.validate.model import Billing
from tests.conftest import MINIMAL_OFFER, offer_yaml
from tests.unit.test_validate import validate


def price(**changes: Any) -> str:
    return offer_yaml(price={**MINIMAL_OFFER["price"], **changes})


def problem_of(text: str) -> Problem:
    _, problems = validate(text)
    (problem,) = [p for p in problems if p.severity == "error"]
    return problem


@pytest.mark.parametrize(
    ("field", "example"),
    [
        ("does", "- Tests every page"),
        ("does_not", "- Does not fix the problems it finds"),
        ("for", "- Small shops with fewer than 50 pages"),
        ("not_for", "- Sites that need a legal certificate"),
    ],
)
def test_the_fix_example_fits_the_list(field: str, example: str) -> None:
    problem = problem_of(offer_yaml(**{field: [""]}))
    assert problem.field == f"{field}[0]"
    assert example in problem.fix


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("one-off", "one-time"),
        ("once", "one-time"),
        ("Annual", "yearly"),
        ("per month", "monthly"),
        ("hourly", "per-hour"),
        ("per_lesson", "per-session"),
        ("each", "per-unit"),
        ("montly", "monthly"),  # spelling, where no meaning matches
        ("Monthly", "monthly"),
    ],
)
def test_did_you_mean_for_billing_uses_meaning_before_spelling(written: str, meant: str) -> None:
    assert closest_billing(written) == meant
    problem = problem_of(price(billing=written))
    assert f"did you mean `{meant}`" in problem.fix


def test_every_billing_meaning_names_a_real_choice_once() -> None:
    words = [word for group in BILLING_MEANINGS.values() for word in group]
    assert len(words) == len(set(words))
    assert set(BILLING_MEANINGS) == set(Billing)


def test_a_list_item_with_a_colon_says_to_quote_it() -> None:
    text = offer_yaml().replace("- A two-hour visit", "- Bread: sourdough")
    problem = problem_of(text)
    assert problem.field == "does[0]"
    assert "because of the `: `" in problem.message
    assert '- "Bread: sourdough"' in problem.fix


@pytest.mark.parametrize(
    ("amount", "fix"),
    [("24,50", "amount: 24.50"), ("1.234,50", "amount: 1234.50"), ("24,5", "amount: 24.5")],
)
def test_a_decimal_comma_says_to_use_a_point(amount: str, fix: str) -> None:
    problem = problem_of(price(amount=amount))
    assert "comma" in problem.message
    assert fix in problem.fix


def test_a_currency_sign_in_an_amount_says_where_the_currency_goes() -> None:
    problem = problem_of(price(amount="€24"))
    assert "currency sign" in problem.message and "currency: EUR" in problem.fix


def test_an_empty_optional_field_says_it_can_be_removed() -> None:
    problem = problem_of(price(tax_note=""))
    assert problem.field == "price.tax_note"
    assert "remove the line `tax_note:`" in problem.fix
    required = problem_of(offer_yaml(title=""))
    assert "remove" not in required.fix


INTERNALS = re.compile(
    r"Input should|dictionary|Decimal|\bstr\b|\bint\b|\bfloat\b|NoneType|pattern|"
    r"\^|\$'|\[0-9\]|\\d|pydantic|Traceback"
)
MISTAKES = {
    "not-a-list": offer_yaml(does="Tests everything"),
    "not-a-mapping": offer_yaml(price="250 EUR"),
    "bool": price(taxes_included="maybe"),
    "negative": price(amount=-5),
    "too-precise": price(amount="1.123456"),
    "words-for-a-date": offer_yaml(availability={"next_start": "next tuesday"}),
    "rule-code": offer_yaml(allow=[{"rule": "H201", "reason": "Seats are counted live"}]),
    "slug": offer_yaml(slug="Garden Plan!"),
    "lang": offer_yaml(lang="English please"),
    "capacity": offer_yaml(availability={"capacity": "twelve", "per": "cohort"}),
    "fee": price(fees=[{"name": "Delivery", "amount": "free"}]),
    "once": price(fees=[{"name": "Delivery", "amount": 4, "once": "sometimes"}]),
    "currency": price(currency="Euro"),
    "billing": price(billing="whenever"),
}


@pytest.mark.parametrize("text", MISTAKES.values(), ids=MISTAKES.keys())
def test_no_message_shows_internals(text: str) -> None:
    _, problems = validate(text)
    assert problems
    for problem in problems:
        said = f"{problem.message} {problem.expected} {problem.fix}"
        assert not INTERNALS.search(said), problem.format()
        assert problem.line and problem.column and problem.field


def test_type_errors_and_cross_field_rules_come_in_one_round() -> None:
    """A wrong title and a market price in another currency: both in the first run."""
    market = {**MINIMAL_OFFER["market_price"], "currency": "USD"}
    _, problems = validate(offer_yaml(title="", market_price=market))
    assert {p.field for p in problems if p.severity == "error"} == {
        "title",
        "market_price.currency",
    }


def test_a_rule_whose_fields_are_invalid_waits_for_them() -> None:
    _, problems = validate(price(currency="Euro"))
    assert [p.field for p in problems] == ["price.currency"]  # not also "currencies differ"
    market = {**MINIMAL_OFFER["market_price"], "currency": "USD"}
    _, problems = validate(offer_yaml(price="250", market_price=market))
    assert [p.field for p in problems] == ["price"]
