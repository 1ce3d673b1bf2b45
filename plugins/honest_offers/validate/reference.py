"""The reference price of a reduction, from the offer's price record.

EU Price Indication Directive (98/6/EC), Article 6a: an announced price reduction states the
prior price, the lowest price the seller charged in the 30 days before the reduction began.
The CJEU (C-330/23, Aldi Süd) held that the reduction itself must be measured against it.

``price.history`` lists the prices charged, each from a date on until the next entry; the
price in effect on a day is that of the latest entry on or before it. The window is the 30
days before the reduction's first day, that day not included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from honest_offers.validate.model import PricePoint, Reduction

WINDOW_DAYS = 30
"""Article 6a: the lowest price of at least the 30 days before the reduction."""


@dataclass(frozen=True, slots=True)
class Reference:
    """The lowest price of the window before a reduction, and when it was charged."""

    amount: Decimal
    window_start: date
    """The first day of the window (the reduction's first day minus 30 days)."""
    window_end: date
    """The last day of the window (the day before the reduction began)."""
    charged_from: date
    """The first day within the window on which ``amount`` was charged."""


def window(start: date) -> tuple[date, date]:
    """The first and last day of the 30 days before ``start``."""
    return start - timedelta(days=WINDOW_DAYS), start - timedelta(days=1)


def oldest_first(history: Sequence[PricePoint]) -> list[PricePoint]:
    """The record in date order (a rule reports entries out of order; the others still
    read the record as it is meant)."""
    return sorted(history, key=lambda point: point.from_)


def price_on(history: Sequence[PricePoint], day: date) -> Decimal | None:
    """The price in effect on ``day``: the latest entry from that day or before; ``None``
    before the record begins."""
    current = None
    for point in oldest_first(history):
        if point.from_ > day:
            break
        current = point.amount
    return current


def covers(history: Sequence[PricePoint], start: date) -> bool:
    """True when the record reaches back over the whole window before ``start``."""
    return bool(history) and min(p.from_ for p in history) <= window(start)[0]


def reference_price(history: Sequence[PricePoint], start: date) -> Reference | None:
    """The lowest price in effect on any day of the window before ``start``; ``None`` when
    the record does not cover the whole window (the reference cannot be known)."""
    if not covers(history, start):
        return None
    first, last = window(start)
    best: tuple[Decimal, date] | None = None
    for begins, amount in _segments(oldest_first(history), first, last):
        if best is None or amount < best[0]:
            best = (amount, begins)
    if best is None:  # pragma: no cover - covers() guarantees an entry in effect on `first`
        return None
    return Reference(best[0], first, last, best[1])


def _segments(history: Sequence[PricePoint], first: date, last: date) -> list[tuple[date, Decimal]]:
    """The prices in effect between ``first`` and ``last``, each with the first day of that
    stretch (clipped to ``first``)."""
    found: list[tuple[date, Decimal]] = []
    for index, point in enumerate(history):
        ends = history[index + 1].from_ - timedelta(days=1) if index + 1 < len(history) else last
        if point.from_ <= last and ends >= first:
            found.append((max(point.from_, first), point.amount))
    return found


def charged_since(history: Sequence[PricePoint], start: date, floor: Decimal) -> date | None:
    """The first day of the unbroken stretch before ``start`` in which the price was at
    least ``floor``: how long the price a reduction is measured against was really charged.
    ``None`` when the price the day before ``start`` was already below ``floor``."""
    since = None
    for point in reversed([p for p in oldest_first(history) if p.from_ < start]):
        if point.amount < floor:
            break
        since = point.from_
    return since


def reduction_days(reduction: Reduction) -> int:
    """How many days the reduced price applies, both ends included."""
    return (reduction.until - reduction.from_).days + 1


def is_active(reduction: Reduction, today: date) -> bool:
    """True from the reduction's first day until its last, both included."""
    return reduction.from_ <= today <= reduction.until
