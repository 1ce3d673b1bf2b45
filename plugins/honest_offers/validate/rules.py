"""Transparency rules that span several fields.

Each rule gets the validated offer and yields :class:`RuleViolation` s that name the field to
fix and the field whose value triggered the rule (where the error points).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from honest_offers.diagnostics import Severity
from honest_offers.load.yaml_source import PathKey
from honest_offers.validate.model import Offer


@dataclass(frozen=True, slots=True)
class RuleViolation:
    field: PathKey
    """The field the user has to add or change."""
    points_at: PathKey
    """The value that triggered the rule; the error's line and column come from it."""
    message: str
    expected: str
    fix: str
    severity: Severity = "error"


Rule = Callable[[Offer, date], Iterator[RuleViolation]]


def _currencies_agree(offer: Offer, today: date) -> Iterator[RuleViolation]:
    if offer.market_price.currency != offer.price.currency:
        yield RuleViolation(
            field=("market_price", "currency"),
            points_at=("market_price", "currency"),
            message=f"`{offer.market_price.currency}` differs from price.currency "
            f"`{offer.price.currency}`",
            expected="the market price in the same currency as the price",
            fix=f"convert the market range to {offer.price.currency} and say so in "
            "market_price.basis",
        )


def _market_range_ordered(offer: Offer, today: date) -> Iterator[RuleViolation]:
    if offer.market_price.low > offer.market_price.high:
        yield RuleViolation(
            field=("market_price", "low"),
            points_at=("market_price", "low"),
            message=f"low ({offer.market_price.low}) is greater than high "
            f"({offer.market_price.high})",
            expected="low ≤ high",
            fix="swap the two values",
        )


def _taxes_explained(offer: Offer, today: date) -> Iterator[RuleViolation]:
    if not offer.price.taxes_included and offer.price.tax_note is None:
        yield RuleViolation(
            field=("price", "tax_note"),
            points_at=("price", "taxes_included"),
            message="taxes are not included, but the page would not say which taxes are added",
            expected="`tax_note` when `taxes_included: false`",
            fix="add `tax_note: plus 20% VAT` (or whatever applies) under `price`",
        )


def _recurring_needs_cancellation(offer: Offer, today: date) -> Iterator[RuleViolation]:
    if offer.price.billing.recurring and (offer.terms is None or offer.terms.cancellation is None):
        yield RuleViolation(
            field=("terms", "cancellation"),
            points_at=("price", "billing"),
            message=f"billing is `{offer.price.billing.value}`, a recurring charge, but there "
            "are no cancellation terms",
            expected="`terms.cancellation` for every recurring price",
            fix="add `terms:` with `cancellation: Cancel online at any time; you keep access "
            "until the end of the paid period.` (state your real terms)",
        )


def _rationale_above_market(offer: Offer, today: date) -> Iterator[RuleViolation]:
    if offer.price.per_payment > offer.market_price.high and offer.price_rationale is None:
        yield RuleViolation(
            field=("price_rationale",),
            points_at=("price", "amount"),
            message=f"the price ({offer.price.per_payment} with fees) is above the typical "
            f"market range (up to {offer.market_price.high}), and the page would not say why",
            expected="`price_rationale` when the price is above market_price.high",
            fix="add `price_rationale:` explaining what the extra money buys, or lower the price",
        )


def _capacity_has_number(offer: Offer, today: date) -> Iterator[RuleViolation]:
    availability = offer.availability
    if availability is not None and availability.per is not None and availability.capacity is None:
        yield RuleViolation(
            field=("availability", "capacity"),
            points_at=("availability", "per"),
            message="`per` says what the capacity is counted per, but `capacity` is missing",
            expected="`capacity:` as a whole number when `per:` is set",
            fix="add `capacity: 12` (your real number) or remove `per`",
        )


def _start_not_past(offer: Offer, today: date) -> Iterator[RuleViolation]:
    availability = offer.availability
    if availability is None or availability.next_start is None:
        return
    start = availability.next_start
    start_day = start.date() if isinstance(start, datetime) else start
    if start_day < today:
        yield RuleViolation(
            field=("availability", "next_start"),
            points_at=("availability", "next_start"),
            message=f"the next start ({start_day.isoformat()}) has already passed",
            expected="a date that is still ahead",
            fix="set the next real start date, or remove `next_start`",
            severity="warning",
        )


def _price_change_ahead(offer: Offer, today: date) -> Iterator[RuleViolation]:
    change = offer.price.change
    if change is not None and change.effective <= today:
        yield RuleViolation(
            field=("price", "change", "effective"),
            points_at=("price", "change", "effective"),
            message=f"the announced price change ({change.effective.isoformat()}) has taken "
            "effect, but the page still shows the old price",
            expected="a price change that is still ahead",
            fix="set `price.amount` to the new price and remove `price.change`",
        )


RULES: tuple[Rule, ...] = (
    _currencies_agree,
    _market_range_ordered,
    _taxes_explained,
    _recurring_needs_cancellation,
    _rationale_above_market,
    _capacity_has_number,
    _start_not_past,
    _price_change_ahead,
)


def check_rules(offer: Offer, today: date) -> list[RuleViolation]:
    """All cross-field violations of one offer, in rule order."""
    return [violation for rule in RULES for violation in rule(offer, today)]


def check_rules_on_valid_fields(partial: Offer, today: date) -> list[RuleViolation]:
    """The violations among the fields that are valid, in an offer that has errors too.

    ``partial`` has only its valid top-level fields set; a rule that reads a missing one
    raises AttributeError and is left for the next round, when its fields are fixed.
    """
    found: list[RuleViolation] = []
    for rule in RULES:
        try:
            found.extend(rule(partial, today))
        except AttributeError:
            continue
    return found
