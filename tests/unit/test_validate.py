"""Validation: every mistake becomes a located problem with what was expected and a fix."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from honest_offers.diagnostics import Problem
from honest_offers.load import parse_yaml
from honest_offers.validate import Offer, validate_document
from honest_offers.validate.model import _SENTENCE_END
from tests.conftest import MINIMAL_OFFER, offer_yaml

TODAY = date(2026, 11, 23)


def validate(text: str) -> tuple[Offer | None, list[Problem]]:
    doc, problems = parse_yaml(text, "offers/x.yml")
    assert doc is not None, problems
    return validate_document(doc, TODAY)


def only_error(text: str) -> Problem:
    offer, problems = validate(text)
    errors = [p for p in problems if p.severity == "error"]
    assert offer is None
    assert len(errors) == 1, [p.format() for p in errors]
    return errors[0]


def test_minimal_offer_is_valid() -> None:
    offer, problems = validate(offer_yaml())
    assert offer is not None and problems == []
    assert offer.for_ == ["Owners of gardens under 200 square metres"]


@pytest.mark.parametrize(
    "field", ["title", "summary", "does", "does_not", "for", "not_for", "price", "market_price"]
)
def test_each_required_field_is_named_when_missing(field: str) -> None:
    problem = only_error(offer_yaml(**{field: None}))
    assert problem.field == field
    assert problem.message == "is required but missing"
    assert problem.line == 1
    assert f"{field}:" in problem.fix


def test_missing_nested_field_points_at_its_parent_key() -> None:
    text = offer_yaml(price={"amount": 5, "billing": "one-time", "taxes_included": True})
    problem = only_error(text)
    assert problem.field == "price.currency"
    assert problem.line == text.splitlines().index("price:") + 1


@pytest.mark.parametrize("field", ["does", "does_not", "for", "not_for"])
def test_empty_lists_are_refused(field: str) -> None:
    problem = only_error(offer_yaml(**{field: []}))
    assert problem.field == field
    assert "empty" in problem.message


def test_empty_string_item_is_refused_with_its_index() -> None:
    problem = only_error(offer_yaml(does=["A visit", "  "]))
    assert problem.field == "does[1]"


def test_unknown_field_suggests_the_close_name() -> None:
    problem = only_error(offer_yaml() + "not_fro:\n  - x\n")
    assert problem.field == "not_fro"
    assert "did you mean `not_for`?" in problem.fix
    assert problem.line == offer_yaml().count("\n") + 1


def test_unknown_nested_field_lists_the_allowed_keys() -> None:
    price = {**MINIMAL_OFFER["price"], "fee": []}
    problem = only_error(offer_yaml(price=price))
    assert problem.field == "price.fee"
    assert "fees" in problem.fix
    assert "taxes_included" in problem.expected


@pytest.mark.parametrize("amount", ["cheap", -1, ".nan", ".inf", "-.inf", 10**15, "1.23456"])
def test_bad_amounts_are_refused(amount: Any) -> None:
    text = offer_yaml().replace("amount: '250.00'", f"amount: {amount}")
    problem = only_error(text)
    assert problem.field == "price.amount"
    assert problem.expected.startswith("a number")


@pytest.mark.parametrize("currency", ["XYZ", "eur", "EURO", 12])
def test_unknown_currency_is_refused(currency: Any) -> None:
    price = {**MINIMAL_OFFER["price"], "currency": currency}
    problem = only_error(offer_yaml(price=price))
    assert problem.field == "price.currency"
    assert "ISO 4217" in problem.expected


def test_currencies_must_agree() -> None:
    market = {**MINIMAL_OFFER["market_price"], "currency": "USD"}
    problem = only_error(offer_yaml(market_price=market))
    assert problem.field == "market_price.currency"


def test_recurring_billing_requires_cancellation_terms() -> None:
    price = {**MINIMAL_OFFER["price"], "billing": "monthly"}
    text = offer_yaml(price=price)
    problem = only_error(text)
    assert problem.field == "terms.cancellation"
    assert problem.line == text.splitlines().index("  billing: monthly") + 1
    ok, _ = validate(offer_yaml(price=price, terms={"cancellation": "Cancel online any time."}))
    assert ok is not None


def test_price_above_market_requires_rationale() -> None:
    price = {**MINIMAL_OFFER["price"], "amount": 500}
    problem = only_error(offer_yaml(price=price))
    assert problem.field == "price_rationale"
    ok, _ = validate(offer_yaml(price=price, price_rationale="Includes two follow-up visits."))
    assert ok is not None


def test_fees_count_towards_the_market_comparison() -> None:
    price = {**MINIMAL_OFFER["price"], "fees": [{"name": "Travel", "amount": 200}]}
    assert only_error(offer_yaml(price=price)).field == "price_rationale"


def test_taxes_not_included_need_a_note() -> None:
    price = {k: v for k, v in MINIMAL_OFFER["price"].items() if k != "tax_note"}
    price["taxes_included"] = False
    assert only_error(offer_yaml(price=price)).field == "price.tax_note"


def test_market_range_must_be_ordered() -> None:
    market = {**MINIMAL_OFFER["market_price"], "low": 500, "high": 400}
    assert only_error(offer_yaml(market_price=market)).field == "market_price.low"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://x", "a b"])
def test_unsafe_links_are_refused(url: str) -> None:
    problem = only_error(offer_yaml(cta={"label": "Ask", "url": url}))
    assert problem.field == "cta.url"


def test_summary_of_three_sentences_is_refused() -> None:
    problem = only_error(offer_yaml(summary="One. Two. Three."))
    assert problem.field == "summary"
    assert validate(offer_yaml(summary="We plan gardens, e.g. small ones. That is all."))[0]


SENTENCE_END_AS_WRITTEN = re.compile(
    r"(?<![A-Z]\.[a-z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?](?=\s+\S)"
)
"""The summary's sentence stops as first written: exceptions before the stop (slower)."""


@given(
    st.lists(
        st.sampled_from(["U.S", "U.s", "e.g", "i.e", "etc", "xetc", "a", "A", ".", "!", "?", " "]),
        max_size=12,
    ).map("".join)
)
@example("U.S. a e.g. a i.e. a etc. a xetc. a! A? a")
def test_sentence_stops_are_found_as_first_written(text: str) -> None:
    def stops(regex: re.Pattern[str]) -> list[tuple[int, int]]:
        return [match.span() for match in regex.finditer(text)]

    assert stops(_SENTENCE_END) == stops(SENTENCE_END_AS_WRITTEN)


def test_past_start_date_is_a_warning_not_an_error() -> None:
    offer, problems = validate(offer_yaml(availability={"next_start": "2020-01-01"}))
    assert offer is not None
    assert [p.severity for p in problems] == ["warning"]
    assert problems[0].field == "availability.next_start"


def test_suppression_requires_a_reason() -> None:
    problem = only_error(offer_yaml(allow=[{"rule": "HO201"}]))
    assert problem.field == "allow[0].reason"


def test_a_file_that_is_a_list_is_refused() -> None:
    problem = only_error("- title: x\n")
    assert problem.field is None
    assert "mapping" in problem.expected


def test_all_errors_of_a_file_are_reported_together() -> None:
    text = offer_yaml(does=None, title=None) + "colour: red\n"
    _, problems = validate(text)
    assert {p.field for p in problems} == {"does", "title", "colour"}


def test_a_price_change_that_has_taken_effect_is_an_error() -> None:
    price = {
        **MINIMAL_OFFER["price"],
        "change": {"effective": "2026-01-01", "amount": 270, "reason": "Costs rose."},
    }
    problem = only_error(offer_yaml(price=price))
    assert problem.field == "price.change.effective"


ORDER_BY = {"date": "2026-12-20", "reason": "delivery before Christmas"}


def test_an_order_deadline_is_a_date_with_its_reason() -> None:
    offer, problems = validate(offer_yaml(availability={"order_by": ORDER_BY}))
    assert offer is not None and problems == []
    assert offer.availability is not None and offer.availability.order_by is not None
    assert offer.availability.order_by.date == date(2026, 12, 20)


@pytest.mark.parametrize(
    ("order_by", "field", "expected", "at"),
    [
        ({**ORDER_BY, "date": "20 December"}, "order_by.date", "(YYYY-MM-DD)", "date:"),
        ({**ORDER_BY, "date": "2026-13-01"}, "order_by.date", "(YYYY-MM-DD)", "date:"),
        ({"date": "2026-12-20"}, "order_by.reason", "what the date is for", "order_by:"),
        ("2026-12-20", "order_by", "a mapping with date and reason", "order_by:"),
        ({**ORDER_BY, "until": "2026-12-20"}, "order_by.until", "", "until:"),
    ],
)
def test_a_wrong_order_deadline_is_located(
    order_by: object, field: str, expected: str, at: str
) -> None:
    text = offer_yaml(availability={"order_by": order_by})
    problem = only_error(text)
    assert problem.field == f"availability.{field}"
    assert expected in problem.expected
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith(at))
    assert problem.line == line


def test_a_passed_order_deadline_is_a_warning_like_a_passed_start() -> None:
    past = {**ORDER_BY, "date": "2025-12-20"}
    offer, problems = validate(offer_yaml(availability={"order_by": past}))
    assert offer is not None
    (problem,) = problems
    assert (problem.severity, problem.field) == ("warning", "availability.order_by.date")
    assert "(2025-12-20) has already passed" in problem.message
    assert "remove `order_by`" in problem.fix
    today = {**ORDER_BY, "date": TODAY.isoformat()}
    assert validate(offer_yaml(availability={"order_by": today}))[1] == []


def test_a_passed_order_deadline_comes_with_the_type_errors() -> None:
    past = {**ORDER_BY, "date": "2025-12-20"}
    offer, problems = validate(offer_yaml(availability={"order_by": past}, title=""))
    assert offer is None
    assert {p.field for p in problems} == {"title", "availability.order_by.date"}
