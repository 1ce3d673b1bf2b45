"""Price facts (issue 15): the price record, a reduction with its legal reference price,
standing discounts, and how the page states them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from honest_offers.diagnostics import Problem
from honest_offers.load import parse_yaml
from honest_offers.render.view import offer_view
from honest_offers.validate import Offer, validate_document
from honest_offers.validate.model import PricePoint
from honest_offers.validate.reference import (
    WINDOW_DAYS,
    charged_since,
    price_on,
    reference_price,
    window,
)
from tests.conftest import MINIMAL_OFFER, examples, offer_yaml

TODAY = date(2026, 11, 23)
START = date(2026, 12, 1)
"""The reduction's first day in these tests: its window is 1 to 30 November 2026."""


def point(day: date, amount: int | str) -> dict[str, Any]:
    return {"from": day, "amount": amount}


def price(**changes: Any) -> dict[str, Any]:
    return {**MINIMAL_OFFER["price"], **changes}


def reduction(**changes: Any) -> dict[str, Any]:
    return {
        "amount": 200,
        "from": START,
        "until": date(2026, 12, 24),
        "reason": "End of the season",
        **changes,
    }


HISTORY = [point(date(2026, 1, 5), 250)]
"""250 charged since January: the whole window is covered, the reference is 250."""


def validate(text: str, today: date = TODAY) -> tuple[Offer | None, list[Problem]]:
    doc, problems = parse_yaml(text, "offers/x.yml")
    assert doc is not None, problems
    return validate_document(doc, today)


def errors_of(text: str, today: date = TODAY) -> list[Problem]:
    offer, problems = validate(text, today)
    errors = [p for p in problems if p.severity == "error"]
    assert (offer is None) == bool(errors)
    return errors


def only_error(text: str, today: date = TODAY) -> Problem:
    errors = errors_of(text, today)
    assert len(errors) == 1, [p.format() for p in errors]
    return errors[0]


def with_price(today: date = TODAY, **changes: Any) -> Offer:
    offer, problems = validate(offer_yaml(price=price(**changes)), today)
    assert offer is not None, [p.format() for p in problems]
    return offer


# -- the reference price ---------------------------------------------------------------------


def record(*entries: tuple[date, int]) -> list[PricePoint]:
    return [PricePoint.model_validate(point(day, amount)) for day, amount in entries]


def test_the_window_is_the_thirty_days_before_the_first_day() -> None:
    assert window(START) == (date(2026, 11, 1), date(2026, 11, 30))


def test_a_price_charged_on_the_window_s_first_day_counts() -> None:
    history = record((date(2026, 10, 1), 300), (date(2026, 11, 1), 240), (date(2026, 11, 2), 280))
    reference = reference_price(history, START)
    assert reference is not None
    assert (reference.amount, reference.charged_from) == (Decimal(240), date(2026, 11, 1))


def test_a_price_that_ended_the_day_before_the_window_does_not_count() -> None:
    history = record((date(2026, 10, 1), 150), (date(2026, 11, 1), 280))
    reference = reference_price(history, START)
    assert reference is not None and reference.amount == Decimal(280)


def test_a_price_set_on_the_reduction_s_first_day_does_not_count() -> None:
    history = record((date(2026, 10, 1), 280), (START, 150))
    reference = reference_price(history, START)
    assert reference is not None and reference.amount == Decimal(280)


def test_a_record_that_starts_inside_the_window_gives_no_reference() -> None:
    assert reference_price(record((date(2026, 11, 2), 280)), START) is None
    assert reference_price([], START) is None


def test_a_price_in_effect_since_before_the_window_starts_its_stretch_with_the_window() -> None:
    reference = reference_price(record((date(2025, 5, 1), 280)), START)
    assert reference is not None and reference.charged_from == date(2026, 11, 1)


day_offsets = st.lists(
    st.tuples(st.integers(0, 120), st.integers(1, 999)),
    min_size=1,
    max_size=8,
    unique_by=lambda t: t[0],
)


@settings(max_examples=examples(200))
@given(entries=day_offsets, start_offset=st.integers(0, 160))
@example(entries=[(0, 500), (89, 100), (90, 300)], start_offset=120)  # 100 ends on day one
@example(entries=[(0, 500), (120, 100)], start_offset=120)  # set on the first day
def test_the_reference_is_the_lowest_price_of_any_day_in_the_window(
    entries: list[tuple[int, int]], start_offset: int
) -> None:
    """Against a day-by-day reading of the record: the price in effect on each of the 30
    days before the start, and the lowest of them, or none when a day has no price."""
    origin = date(2026, 1, 1)
    history = record(*((origin + timedelta(days=d), amount) for d, amount in entries))
    start = origin + timedelta(days=start_offset)
    days = [start - timedelta(days=n) for n in range(1, WINDOW_DAYS + 1)]
    daily = [price_on(history, day) for day in days]
    reference = reference_price(history, start)
    if any(amount is None for amount in daily):
        assert reference is None
        return
    assert reference is not None
    assert reference.amount == min(a for a in daily if a is not None)
    assert price_on(history, reference.charged_from) == reference.amount
    assert days[-1] <= reference.charged_from <= days[0]


def test_the_reference_price_was_charged_since_the_start_of_its_unbroken_stretch() -> None:
    history = record((date(2026, 1, 1), 90), (date(2026, 6, 1), 130), (date(2026, 10, 1), 120))
    assert charged_since(history, START, Decimal(120)) == date(2026, 6, 1)
    assert charged_since(history, START, Decimal(80)) == date(2026, 1, 1)
    assert charged_since(history, START, Decimal(125)) is None  # the day before: 120


# -- validation: the record -------------------------------------------------------------------


def test_an_honest_reduction_with_history_is_valid() -> None:
    offer = with_price(history=HISTORY, reduction=reduction())
    assert offer.price.reduction is not None
    assert offer.price.reduction.amount == Decimal(200)


def test_history_out_of_order_is_located() -> None:
    history = [point(date(2026, 3, 1), 250), point(date(2026, 2, 1), 240)]
    error = only_error(offer_yaml(price=price(history=history)))
    assert error.field == "price.history[1].from"
    assert "sort" in error.fix


def test_history_ahead_of_today_is_refused_and_points_at_price_change() -> None:
    history = [point(date(2026, 1, 1), 250), point(date(2027, 1, 1), 260)]
    error = only_error(offer_yaml(price=price(history=history)))
    assert error.field == "price.history[1].from"
    assert "price.change" in error.fix


def test_history_must_end_at_the_regular_price() -> None:
    error = only_error(offer_yaml(price=price(history=[point(date(2026, 1, 1), 300)])))
    assert error.field == "price.history"
    assert "250" in error.message and "300" in error.message
    assert error.line is not None


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ({"history": [{**point(date(2026, 1, 5), 250), "currency": "USD"}]}, "history[0]"),
        ({"history": HISTORY, "reduction": reduction(currency="USD")}, "reduction"),
    ],
)
def test_a_record_in_another_currency_is_located(where: dict[str, Any], field: str) -> None:
    error = only_error(offer_yaml(price=price(**where)))
    assert error.field == f"price.{field}.currency"
    assert "EUR" in error.fix


def test_the_same_currency_written_out_is_fine() -> None:
    with_price(history=[{**point(date(2026, 1, 5), 250), "currency": "EUR"}])


# -- validation: the reduction ---------------------------------------------------------------


def test_a_reduction_without_history_names_the_window_to_cover() -> None:
    error = only_error(offer_yaml(price=price(reduction=reduction())))
    assert error.field == "price.history"
    assert "2026-11-01" in error.message and "2026-11-30" in error.message
    assert "2026-11-01" in error.fix


def test_a_record_that_starts_inside_the_window_is_not_enough() -> None:
    history = [point(date(2026, 11, 2), 250)]
    error = only_error(offer_yaml(price=price(history=history, reduction=reduction())))
    assert error.field == "price.history"


def test_a_reduction_not_below_the_thirty_day_lowest_is_no_reduction() -> None:
    """The classic fake: the price raised shortly before, then 'reduced' to near the old one."""
    history = [point(date(2026, 1, 5), 180), point(date(2026, 11, 10), 250)]
    error = only_error(offer_yaml(price=price(history=history, reduction=reduction(amount=200))))
    assert error.field == "price.reduction.amount"
    assert "180" in error.message and "2026-11-01" in error.message
    assert "Article 6a" in error.expected


def test_a_stated_reference_that_is_not_the_lowest_is_refused() -> None:
    history = [point(date(2026, 1, 5), 230), point(date(2026, 11, 20), 250)]
    fake = reduction(amount=200, reference=250)
    error = only_error(offer_yaml(price=price(history=history, reduction=fake)))
    assert error.field == "price.reduction.reference"
    assert "reference: 230" in error.fix


def test_a_stated_reference_that_is_right_is_accepted() -> None:
    with_price(history=HISTORY, reduction=reduction(reference=250))


def test_a_reduction_must_be_below_the_regular_price() -> None:
    errors = errors_of(offer_yaml(price=price(history=HISTORY, reduction=reduction(amount=260))))
    assert "price.reduction.amount" in {e.field for e in errors}


def test_a_reduction_that_ends_before_it_begins_is_refused() -> None:
    late = reduction(until=date(2026, 11, 30))
    error = only_error(offer_yaml(price=price(history=HISTORY, reduction=late)))
    assert error.field == "price.reduction.until"
    assert "swap" in error.fix


def test_an_ended_reduction_is_an_error_that_says_how_to_record_it() -> None:
    """Date-driven, one severity everywhere (issue 22): an error, with the YAML to write."""
    error = only_error(
        offer_yaml(price=price(history=HISTORY, reduction=reduction())), today=date(2026, 12, 25)
    )
    assert error.field == "price.reduction.until"
    assert error.severity == "error"
    assert "{from: 2026-12-01, amount: 200}" in error.fix
    assert "{from: 2026-12-25, amount: 250" in error.fix


def test_the_reduction_s_last_day_is_still_valid() -> None:
    with_price(today=date(2026, 12, 24), history=HISTORY, reduction=reduction())


def test_a_reduction_longer_than_its_reference_was_charged_is_refused() -> None:
    """250 charged for 40 days (after 180), then 'reduced' to 200 for three months."""
    history = [point(date(2026, 1, 5), 180), point(date(2026, 10, 22), 250)]
    long = reduction(amount=170, until=date(2027, 2, 28))
    error = only_error(offer_yaml(price=price(history=history, reduction=long)))
    assert error.field == "price.reduction.until"
    assert "40 days" in error.message
    assert "until: 2027-01-09" in error.fix


# -- validation: discounts -------------------------------------------------------------------


def test_a_standing_discount_is_valid() -> None:
    offer, problems = validate(offer_yaml(discounts=[{"for": "students", "percent": 15}]))
    assert offer is not None, problems


@pytest.mark.parametrize(
    ("discount", "word"),
    [({"for": "students"}, "neither"), ({"for": "students", "percent": 10, "amount": 5}, "both")],
)
def test_a_discount_gives_percent_or_amount(discount: dict[str, Any], word: str) -> None:
    error = only_error(offer_yaml(discounts=[discount]))
    assert error.field == "discounts[0].percent"
    assert word in error.message


@pytest.mark.parametrize("amount", [0, 250, 400])
def test_a_discount_amount_lies_between_nothing_and_the_price(amount: int) -> None:
    error = only_error(offer_yaml(discounts=[{"for": "charities", "amount": amount}]))
    assert error.field == "discounts[0].amount"


def test_a_discount_percent_above_100_is_refused() -> None:
    errors = errors_of(offer_yaml(discounts=[{"for": "charities", "percent": 120}]))
    assert [e.field for e in errors] == ["discounts[0].percent"]


def test_a_discount_in_another_currency_is_located() -> None:
    discount = {"for": "charities", "amount": 20, "currency": "GBP"}
    assert only_error(offer_yaml(discounts=[discount])).field == "discounts[0].currency"


# -- the view --------------------------------------------------------------------------------


def test_a_running_reduction_is_charged_and_stated_with_both_dates_and_the_reference() -> None:
    offer = with_price(history=HISTORY, reduction=reduction())
    view = offer_view(offer, "x", "en", today=date(2026, 12, 2)).price
    assert view.total == "€200.00"
    assert view.charged == Decimal(200)
    assert view.currency == "EUR"
    assert view.reduction is not None and view.reduction.active
    assert view.reduction.sentence == (
        "Reduced price from December 1, 2026 until December 24, 2026: €200.00. "
        "Reason: End of the season."
    )
    assert view.reduction.reference == (
        "The lowest price in the 30 days before the reduction: €250.00."
    )
    assert view.reduction.after == "From December 25, 2026 the price is €250.00."


def test_a_reduction_ahead_is_announced_and_the_regular_price_charged() -> None:
    offer = with_price(history=HISTORY, reduction=reduction())
    view = offer_view(offer, "x", "en", today=TODAY).price
    assert view.total == "€250.00" and view.charged == Decimal(250)
    assert view.reduction is not None and not view.reduction.active
    assert view.reduction.sentence.startswith("From December 1, 2026 until December 24, 2026")


def test_reduced_total_keeps_its_fees_and_recurring_amounts_their_billing() -> None:
    offer, problems = validate(
        offer_yaml(
            price=price(
                billing="monthly",
                fees=[{"name": "Support", "amount": 5}],
                history=HISTORY,
                reduction=reduction(),
            ),
            terms={"cancellation": "Any time."},
        )
    )
    assert offer is not None, problems
    view = offer_view(offer, "x", "en", today=date(2026, 12, 2)).price
    assert view.total == "€205.00" and view.amount == "€200.00"
    assert view.reduction is not None
    assert view.reduction.reference.endswith("€250.00 per month.")


def test_reduction_sentences_are_translated_with_babel_dates_and_money() -> None:
    offer = with_price(history=HISTORY, reduction=reduction())
    view = offer_view(offer, "x", "de_DE", today=date(2026, 12, 2)).price
    assert view.reduction is not None
    assert view.reduction.sentence.startswith(
        "Reduzierter Preis vom 1. Dezember 2026 bis zum 24. Dezember 2026: 200,00\xa0€."
    )
    assert view.reduction.reference.endswith("250,00\xa0€.")


@pytest.mark.parametrize(
    ("locale", "discount", "expected"),
    [
        ("en", {"percent": 12.5}, "For students: 12.5% less."),
        ("de_DE", {"percent": 15}, "Für students: 15\xa0% weniger."),
        ("en", {"amount": 20}, "For students: €20.00 less."),
    ],
)
def test_discounts_are_sentences_with_a_formatted_size(
    locale: str, discount: dict[str, Any], expected: str
) -> None:
    offer, problems = validate(offer_yaml(discounts=[{"for": "students", **discount}]))
    assert offer is not None, problems
    assert offer_view(offer, "x", locale).price.discounts[0].text == expected


# -- trials ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trial", "expected"),
    [
        ({"days": 14}, "The first 14 days are free; then the price is €250.00."),
        ({"days": 1}, "The first day is free; then the price is €250.00."),
        ({"days": 30, "amount": 1}, "The first 30 days cost €1.00; then the price is €250.00."),
    ],
)
def test_a_trial_says_what_it_costs_and_what_it_becomes(
    trial: dict[str, Any], expected: str
) -> None:
    assert offer_view(with_price(trial=trial), "x", "en").price.trial == expected


def test_a_trial_in_german() -> None:
    view = offer_view(with_price(trial={"days": 14}), "x", "de_DE").price
    assert view.trial == "Die ersten 14 Tage sind kostenlos; danach beträgt der Preis 250,00\xa0€."


def test_a_trial_must_cost_less_than_the_price() -> None:
    error = only_error(offer_yaml(price=price(trial={"days": 14, "amount": 250})))
    assert error.field == "price.trial.amount"
