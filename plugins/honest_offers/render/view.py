"""Render: an :class:`Offer` → plain, pre-formatted values for the templates.

Templates stay free of logic: every number is already formatted with Babel for the site's
locale, every sentence about price position is chosen here, where it can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.numbers import format_currency

from honest_offers.validate.model import Availability, Billing, Offer, Price

BILLING_PHRASES: dict[Billing, str] = {
    Billing.ONE_TIME: "one-time payment",
    Billing.WEEKLY: "per week",
    Billing.MONTHLY: "per month",
    Billing.QUARTERLY: "per quarter",
    Billing.YEARLY: "per year",
    Billing.PER_HOUR: "per hour",
    Billing.PER_DAY: "per day",
    Billing.PER_SESSION: "per session",
    Billing.PER_PERSON: "per person",
    Billing.PER_UNIT: "per unit",
}


def format_money(amount: Decimal, currency: str, locale: str) -> str:
    """``Decimal('1290')``, ``EUR``, ``de_DE`` → ``1.290,00 €`` (CLDR rules via Babel)."""
    return str(format_currency(amount, currency, locale=locale))


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    external: bool


@dataclass(frozen=True, slots=True)
class FeeView:
    name: str
    amount: str
    once: bool


@dataclass(frozen=True, slots=True)
class PriceView:
    total: str
    """What each payment costs, fees included."""
    billing: str
    recurring: bool
    first_payment: str | None
    """Set only when one-time fees make the first payment differ from ``total``."""
    amount: str
    taxes: str
    fees: tuple[FeeView, ...]
    change: str | None
    """The announced change as one neutral sentence, e.g. "From 1 February 2027 the price is
    €49.00 per month. Reason: the introductory price ends." """


@dataclass(frozen=True, slots=True)
class MarketView:
    low: str
    high: str
    basis: str
    position: str
    """``below``, ``within`` or ``above``."""
    sentence: str
    marker_percent: int
    """Where the price sits on a bar from low (0) to high (100), clamped."""


@dataclass(frozen=True, slots=True)
class AlternativeView:
    name: str
    price: str | None
    note: str | None
    link: Link | None


@dataclass(frozen=True, slots=True)
class OfferView:
    slug: str
    title: str
    summary: str
    lang: str | None
    does: tuple[str, ...]
    does_not: tuple[str, ...]
    for_: tuple[str, ...]
    not_for: tuple[str, ...]
    price: PriceView
    market: MarketView
    price_rationale: str | None
    alternatives: tuple[AlternativeView, ...]
    terms: tuple[tuple[str, str], ...]
    good_time: str | None
    wait_if: str | None
    availability: tuple[str, ...]
    cta: Link | None
    seller_name: str | None
    seller_contact: Link | None


def offer_view(offer: Offer, slug: str, locale: str) -> OfferView:
    """Everything an offer page shows, formatted for ``locale``."""
    timing = offer.timing
    return OfferView(
        slug=slug,
        title=offer.title,
        summary=offer.summary,
        lang=offer.lang,
        does=tuple(offer.does),
        does_not=tuple(offer.does_not),
        for_=tuple(offer.for_),
        not_for=tuple(offer.not_for),
        price=_price(offer, locale),
        market=_market(offer, locale),
        price_rationale=offer.price_rationale,
        alternatives=tuple(_alternatives(offer, locale)),
        terms=_terms(offer),
        good_time=timing.good_time if timing else None,
        wait_if=timing.wait_if if timing else None,
        availability=_availability(offer.availability, locale),
        cta=_cta(offer),
        seller_name=offer.seller.name if offer.seller else None,
        seller_contact=_contact(offer.seller.contact)
        if offer.seller and offer.seller.contact
        else None,
    )


def _price(offer: Offer, locale: str) -> PriceView:
    price = offer.price

    def money(amount: Decimal) -> str:
        return format_money(amount, price.currency, locale)

    first = price.first_payment if price.first_payment != price.per_payment else None
    taxes = price.tax_note or ("Taxes included" if price.taxes_included else "Taxes not included")
    taxes = taxes.rstrip(". ")
    taxes = taxes[:1].upper() + taxes[1:]
    return PriceView(
        total=money(price.per_payment),
        billing=BILLING_PHRASES[price.billing],
        recurring=price.billing.recurring,
        first_payment=money(first) if first is not None else None,
        amount=money(price.amount),
        taxes=taxes,
        fees=tuple(FeeView(f.name, money(f.amount), f.once) for f in price.fees),
        change=_change(price, locale),
    )


def _change(price: Price, locale: str) -> str | None:
    change = price.change
    if change is None:
        return None
    when = format_date(change.effective, "long", locale=locale)
    amount = format_money(change.amount, price.currency, locale)
    reason = change.reason.rstrip(". ")
    per = "" if price.billing is Billing.ONE_TIME else f" {BILLING_PHRASES[price.billing]}"
    return f"From {when} the price is {amount}{per}. Reason: {reason}."


def _market(offer: Offer, locale: str) -> MarketView:
    market = offer.market_price
    total = offer.price.per_payment
    span = market.high - market.low
    if total < market.low:
        position, sentence = "below", "This price is below the typical range."
    elif total > market.high:
        position, sentence = "above", "This price is above the typical range."
    elif span == 0:
        position, sentence = "within", "This price matches the typical price."
    else:
        share = (total - market.low) / span
        part = (
            "lower part"
            if share < Decimal("0.34")
            else ("middle" if share <= Decimal("0.66") else "upper part")
        )
        position, sentence = "within", f"This price is in the {part} of the typical range."
    percent = (
        50
        if span == 0
        else int(max(Decimal(0), min(Decimal(100), (total - market.low) * 100 / span)))
    )
    return MarketView(
        low=format_money(market.low, market.currency, locale),
        high=format_money(market.high, market.currency, locale),
        basis=market.basis,
        position=position,
        sentence=sentence,
        marker_percent=percent,
    )


def _alternatives(offer: Offer, locale: str) -> list[AlternativeView]:
    views = []
    for alt in offer.alternatives:
        price = None
        if alt.price is not None:
            price = (
                "Free" if alt.price == 0 else format_money(alt.price, offer.price.currency, locale)
            )
            if alt.billing is not None:
                price = f"{price} {BILLING_PHRASES[alt.billing]}"
        link = Link(alt.name, alt.url, is_external(alt.url)) if alt.url else None
        views.append(AlternativeView(alt.name, price, alt.note, link))
    return views


def _terms(offer: Offer) -> tuple[tuple[str, str], ...]:
    if offer.terms is None:
        return ()
    pairs = (
        ("Refunds", offer.terms.refund),
        ("Cancellation", offer.terms.cancellation),
        ("Guarantee", offer.terms.guarantee),
    )
    return tuple((label, text) for label, text in pairs if text)


def _availability(availability: Availability | None, locale: str) -> tuple[str, ...]:
    """Neutral, factual sentences: a date and a number, never a feeling."""
    if availability is None:
        return ()
    lines = []
    start = availability.next_start
    if isinstance(start, datetime) and start.tzinfo is not None and availability.timezone:
        start = start.astimezone(ZoneInfo(availability.timezone))
    if start is not None:
        when = format_date(start, "full", locale=locale)
        if isinstance(start, datetime):
            when = f"{when}, {format_time(start.time(), 'short', locale=locale)}"
        zone = f" ({availability.timezone})" if availability.timezone else ""
        lines.append(f"Next start: {when}{zone}.")
    if availability.capacity is not None:
        per = f" per {availability.per}" if availability.per else ""
        noun = "place" if availability.capacity == 1 else "places"
        lines.append(f"Capacity: {availability.capacity} {noun}{per}.")
    return tuple(lines)


def _cta(offer: Offer) -> Link | None:
    if offer.cta is not None:
        return Link(offer.cta.label, offer.cta.url, is_external(offer.cta.url))
    if offer.seller and offer.seller.contact:
        contact = _contact(offer.seller.contact)
        return Link("Ask a question", contact.url, contact.external)
    return None


def _contact(contact: str) -> Link:
    if "@" in contact and not contact.lower().startswith(("http://", "https://", "mailto:")):
        return Link(contact, f"mailto:{contact}", external=False)
    parts = urlsplit(contact)
    label = parts.netloc + parts.path.rstrip("/") if parts.netloc else contact
    return Link(label.removeprefix("www."), contact, is_external(contact))


def is_external(url: str) -> bool:
    """True for links that leave the site (they get ``rel="noopener noreferrer"``)."""
    return urlsplit(url).scheme in ("http", "https")


def outline(view: OfferView) -> list[tuple[str, str]]:
    """The page's sections as ``(anchor id, title)``, in the order the theme renders them.

    Used for the table of contents; tests check that the theme's headings match it.
    """
    sections = [
        ("ho-summary", "Summary"),
        ("ho-scope", "What it does and does not do"),
        ("ho-audience", "Who it is for"),
        ("ho-price", "Price"),
        ("ho-market", "Typical market price"),
    ]
    if view.alternatives:
        sections.append(("ho-alternatives", "Alternatives"))
    if view.terms:
        sections.append(("ho-terms", "Terms"))
    if view.good_time or view.wait_if or view.availability:
        sections.append(("ho-timing", "The right time"))
    return sections
