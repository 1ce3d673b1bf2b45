"""Transparency rules that span several fields.

Each rule gets the validated offer and yields :class:`RuleViolation` s that name the field to
fix and the field whose value triggered the rule (where the error points).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from honest_offers.diagnostics import Severity
from honest_offers.load.yaml_source import PathKey
from honest_offers.validate.model import Offer, Reduction
from honest_offers.validate.reference import (
    charged_since,
    covers,
    price_on,
    reduction_days,
    reference_price,
    window,
)


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
        yield _passed(
            ("availability", "next_start"),
            f"the next start ({start_day.isoformat()}) has already passed",
            "set the next real start date, or remove `next_start`",
        )


def _order_by_not_past(offer: Offer, today: date) -> Iterator[RuleViolation]:
    availability = offer.availability
    order_by = availability.order_by if availability else None
    if order_by is not None and order_by.date < today:
        yield _passed(
            ("availability", "order_by", "date"),
            f"the day to order by ({order_by.date.isoformat()}) has already passed",
            "set the next real date (e.g. next season's), or remove `order_by`",
        )


def _passed(field: PathKey, message: str, fix: str) -> RuleViolation:
    """A date on the page that the calendar has overtaken: a warning, so that `check` and the
    build say so the same way, and `--strict` (the scaffold's and CI's) fails on it."""
    return RuleViolation(
        field=field,
        points_at=field,
        message=message,
        expected="a date that is still ahead",
        fix=fix,
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


# -- price record, reduction and discounts (issue 15) ------------------------------------


def _stated_currencies_agree(offer: Offer, today: date) -> Iterator[RuleViolation]:
    """A record copied from a shop system may carry its currency: it must be the price's."""
    price = offer.price
    stated: list[tuple[PathKey, str | None]] = [
        *((("price", "history", i, "currency"), p.currency) for i, p in enumerate(price.history)),
        (("price", "reduction", "currency"), price.reduction.currency if price.reduction else None),
        *((("discounts", i, "currency"), d.currency) for i, d in enumerate(offer.discounts)),
    ]
    for loc, currency in stated:
        if currency is not None and currency != price.currency:
            yield RuleViolation(
                field=loc,
                points_at=loc,
                message=f"`{currency}` differs from price.currency `{price.currency}`",
                expected=f"amounts in {price.currency}, the currency the page shows",
                fix=f"convert the amount to {price.currency} and write `currency: "
                f"{price.currency}`, or remove `currency` (it defaults to price.currency)",
            )


def _history_in_order(offer: Offer, today: date) -> Iterator[RuleViolation]:
    history = offer.price.history
    for index in range(1, len(history)):
        before, point = history[index - 1].from_, history[index].from_
        if point <= before:
            yield RuleViolation(
                field=("price", "history", index, "from"),
                points_at=("price", "history", index, "from"),
                message=f"`{point.isoformat()}` is not after the entry before it "
                f"(`{before.isoformat()}`)",
                expected="entries oldest first, each from a later day than the one before",
                fix="sort the entries by `from`; of two entries for one day keep the price "
                "that was really charged",
            )


def _history_not_ahead(offer: Offer, today: date) -> Iterator[RuleViolation]:
    for index, point in enumerate(offer.price.history):
        if point.from_ > today:
            yield RuleViolation(
                field=("price", "history", index, "from"),
                points_at=("price", "history", index, "from"),
                message=f"`{point.from_.isoformat()}` is after today ({today.isoformat()}); "
                "the history records prices already charged",
                expected="a day on which this price was already charged",
                fix="announce a future price with `price.change` (or a future "
                "`price.reduction`) and add it to the history once it applies",
            )


def _history_ends_at_price(offer: Offer, today: date) -> Iterator[RuleViolation]:
    price = offer.price
    current = price_on(price.history, today)
    if current is None or current == price.amount:
        return
    last = max(range(len(price.history)), key=lambda i: price.history[i].from_)
    yield RuleViolation(
        field=("price", "history"),
        points_at=("price", "history", last, "amount"),
        message=f"the history's price for today is {current}, but price.amount is {price.amount}",
        expected="the latest entry of price.history is the regular price, price.amount "
        "(a running reduction goes in price.reduction, not in the history)",
        fix=f"add `- {{from: {today.isoformat()}, amount: {price.amount}}}` to "
        "price.history if the price changed today, or correct price.amount",
    )


def _reduction(offer: Offer) -> Reduction | None:
    return offer.price.reduction


def _reduction_dates_ordered(offer: Offer, today: date) -> Iterator[RuleViolation]:
    reduction = _reduction(offer)
    if reduction is not None and reduction.until < reduction.from_:
        yield RuleViolation(
            field=("price", "reduction", "until"),
            points_at=("price", "reduction", "until"),
            message=f"the reduction ends ({reduction.until.isoformat()}) before it begins "
            f"({reduction.from_.isoformat()})",
            expected="`until` on or after `from`",
            fix="swap the two dates, or correct the one that is wrong",
        )


def _reduction_not_over(offer: Offer, today: date) -> Iterator[RuleViolation]:
    """Date-driven, and an error in `check`, the build and the check of the built folder
    alike (issue 22): the page would state a price no longer charged, and the next
    reduction's reference must count this one, so it belongs in the history now."""
    reduction = _reduction(offer)
    if reduction is None or reduction.until >= today:
        return
    after = (reduction.until + timedelta(days=1)).isoformat()
    yield RuleViolation(
        field=("price", "reduction", "until"),
        points_at=("price", "reduction", "until"),
        message=f"the reduction ended on {reduction.until.isoformat()}, but the page would "
        "still show the reduced price",
        expected="a reduction whose `until` is today or later",
        fix=f"move it into price.history: add `- {{from: {reduction.from_.isoformat()}, "
        f"amount: {reduction.amount}}}` and `- {{from: {after}, amount: "
        f"{offer.price.amount}}}`, then remove `price.reduction`",
    )


def _below_regular_price(offer: Offer, today: date) -> Iterator[RuleViolation]:
    """A reduced price and a trial's price are only that when they are below price.amount."""
    price = offer.price
    lower = (
        ("reduction", price.reduction.amount if price.reduction else None, "the reduced price"),
        ("trial", price.trial.amount if price.trial else None, "the trial's price"),
    )
    for name, amount, what in lower:
        if amount is not None and amount >= price.amount:
            yield RuleViolation(
                field=("price", name, "amount"),
                points_at=("price", name, "amount"),
                message=f"{what} ({amount}) is not below the regular price ({price.amount})",
                expected=f"{what} below price.amount",
                fix=f"lower it, or remove `price.{name}`",
            )


def _reduction_has_history(offer: Offer, today: date) -> Iterator[RuleViolation]:
    reduction = _reduction(offer)
    if reduction is None or covers(offer.price.history, reduction.from_):
        return
    first, last = window(reduction.from_)
    points_at: PathKey = ("price", "history") if offer.price.history else ("price", "reduction")
    yield RuleViolation(
        field=("price", "history"),
        points_at=points_at,
        message=f"the record does not cover the 30 days before the reduction "
        f"({first.isoformat()} to {last.isoformat()}), so its reference price (the lowest "
        "price of those days) cannot be known",
        expected=f"an entry in price.history from {first.isoformat()} or earlier",
        fix=f"add the prices you charged since then, oldest first, e.g. `history: "
        f"[{{from: {first.isoformat()}, amount: {offer.price.amount}}}]` (your real "
        "dates and prices)",
    )


def _reduction_below_reference(offer: Offer, today: date) -> Iterator[RuleViolation]:
    reduction = _reduction(offer)
    reference = reference_price(offer.price.history, reduction.from_) if reduction else None
    if reduction is None or reference is None or reduction.amount < reference.amount:
        return
    yield RuleViolation(
        field=("price", "reduction", "amount"),
        points_at=("price", "reduction", "amount"),
        message=f"the reduced price ({reduction.amount}) is not below the lowest price of the "
        f"30 days before the reduction ({reference.amount}, charged from "
        f"{reference.charged_from.isoformat()}): measured against that price, it is no "
        "reduction",
        expected=f"a reduced price below {reference.amount} (EU Price Indication Directive, "
        "Article 6a)",
        fix=f"lower the reduced price below {reference.amount}, or remove `price.reduction` "
        "and state the price as price.amount",
    )


def _reduction_reference_stated(offer: Offer, today: date) -> Iterator[RuleViolation]:
    reduction = _reduction(offer)
    if reduction is None or reduction.reference is None:
        return
    reference = reference_price(offer.price.history, reduction.from_)
    if reference is None or reference.amount == reduction.reference:
        return
    first, last = window(reduction.from_)
    yield RuleViolation(
        field=("price", "reduction", "reference"),
        points_at=("price", "reduction", "reference"),
        message=f"the stated reference price ({reduction.reference}) is not the lowest price "
        f"of the 30 days before the reduction: price.history gives {reference.amount} "
        f"(charged from {reference.charged_from.isoformat()}, within {first.isoformat()} to "
        f"{last.isoformat()})",
        expected="the lowest price of the 30 days before `from` (EU Price Indication "
        "Directive, Article 6a)",
        fix=f"write `reference: {reference.amount}`, or remove `reference`: the page shows "
        "the reference computed from price.history",
    )


def _reduction_supported(offer: Offer, today: date) -> Iterator[RuleViolation]:
    """A reduction that outlasts the price it is measured against is that price's
    replacement, not a reduction: the reference was charged too briefly to be the norm."""
    reduction = _reduction(offer)
    reference = reference_price(offer.price.history, reduction.from_) if reduction else None
    if reduction is None or reference is None:
        return
    since = charged_since(offer.price.history, reduction.from_, reference.amount)
    supported = (reduction.from_ - since).days if since is not None else 0
    if reduction_days(reduction) <= supported:
        return
    last_day = (reduction.from_ + timedelta(days=supported - 1)).isoformat()
    yield RuleViolation(
        field=("price", "reduction", "until"),
        points_at=("price", "reduction", "until"),
        message=f"the reduction lasts {reduction_days(reduction)} days, longer than the price "
        f"it is measured against was charged before it ({supported} days, since "
        f"{since.isoformat() if since else reduction.from_.isoformat()})",
        expected=f"a reduction of at most {supported} days",
        fix=f"end it sooner (`until: {last_day}`), or, if the lower price is the new normal "
        "price, set it as price.amount and remove `price.reduction`",
    )


def _discount_measured(offer: Offer, today: date) -> Iterator[RuleViolation]:
    for index, discount in enumerate(offer.discounts):
        if (discount.percent is None) != (discount.amount is None):
            continue
        both = discount.percent is not None
        yield RuleViolation(
            field=("discounts", index, "percent"),
            points_at=("discounts", index, "for"),
            message="the discount gives both `percent` and `amount`"
            if both
            else "the discount says neither how much (`percent`) nor what sum (`amount`) "
            "it takes off",
            expected="exactly one of `percent` and `amount`",
            fix="keep the one that applies"
            if both
            else "add `percent: 10` or `amount: 5` (your real discount)",
        )


def _discount_within_price(offer: Offer, today: date) -> Iterator[RuleViolation]:
    for index, discount in enumerate(offer.discounts):
        amount = discount.amount
        if amount is not None and not 0 < amount < offer.price.amount:
            yield RuleViolation(
                field=("discounts", index, "amount"),
                points_at=("discounts", index, "amount"),
                message=f"a discount of {amount} on a price of {offer.price.amount}",
                expected="an amount above 0 and below price.amount",
                fix="correct the amount; for an offer free to this group write `percent: 100`",
            )


RULES: tuple[Rule, ...] = (
    _currencies_agree,
    _market_range_ordered,
    _taxes_explained,
    _recurring_needs_cancellation,
    _rationale_above_market,
    _capacity_has_number,
    _start_not_past,
    _order_by_not_past,
    _price_change_ahead,
    _stated_currencies_agree,
    _history_in_order,
    _history_not_ahead,
    _history_ends_at_price,
    _reduction_dates_ordered,
    _reduction_not_over,
    _below_regular_price,
    _reduction_has_history,
    _reduction_below_reference,
    _reduction_reference_stated,
    _reduction_supported,
    _discount_measured,
    _discount_within_price,
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
