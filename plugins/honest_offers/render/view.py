"""Render: an :class:`Offer` → plain, pre-formatted values for the templates.

Templates stay free of logic: every number is already formatted with Babel for the page's
locale, every sentence about price position is chosen here, where it can be tested.

Sentences built from facts (capacity, next start, price change, market position, taxes,
billing) are whole messages with placeholders in the gettext catalogues
(:mod:`honest_offers.render.translations`), never assembled from translated fragments: a
translator sees "From %(date)s the price is %(amount)s. Reason: %(reason)s." and may reorder
it. The page's locale is the site's, or the offer's ``lang`` when that names another language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from gettext import NullTranslations
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_percent

from honest_offers.dates import build_date
from honest_offers.render.translations import N_, page_locale, translations
from honest_offers.validate.model import Availability, Billing, Discount, Offer, Price, Reduction
from honest_offers.validate.reference import is_active, reference_price

BILLING_PHRASES: dict[Billing, str] = {
    # Translators: the billing unit, shown after an amount ("€49.00 per month").
    Billing.ONE_TIME: N_("one-time payment"),
    Billing.WEEKLY: N_("per week"),
    Billing.MONTHLY: N_("per month"),
    Billing.QUARTERLY: N_("per quarter"),
    Billing.YEARLY: N_("per year"),
    Billing.PER_HOUR: N_("per hour"),
    Billing.PER_DAY: N_("per day"),
    Billing.PER_SESSION: N_("per session"),
    Billing.PER_PERSON: N_("per person"),
    Billing.PER_UNIT: N_("per unit"),
}
"""English messages, translated where they are shown."""

SECTION_TITLES: dict[str, str] = {
    "ho-summary": N_("Summary"),
    "ho-scope": N_("What it does and does not do"),
    "ho-audience": N_("Who it is for"),
    "ho-price": N_("Price"),
    "ho-market": N_("Typical market price"),
    "ho-alternatives": N_("Alternatives"),
    "ho-terms": N_("Terms"),
    "ho-timing": N_("The right time"),
    "ho-details": N_("Details"),
}
"""The page's section headings by anchor, as the theme writes them (same messages)."""


def format_money(amount: Decimal, currency: str, locale: str) -> str:
    """``Decimal('1290')``, ``EUR``, ``de_DE`` → ``1.290,00 €`` (CLDR rules via Babel)."""
    return _formatted_money(str(amount), currency, locale)


@lru_cache(maxsize=16_384)
def _formatted_money(amount: str, currency: str, locale: str) -> str:
    """Babel reads the locale's pattern on every call (about 18 µs); a catalogue and its
    pages repeat the same amounts (keyed by the amount as written: ``Decimal`` values that
    compare equal may be written differently)."""
    return str(format_currency(Decimal(amount), currency, locale=locale))


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
    trial: str | None
    """"The first 14 days are free; then the price is €19.00 per month." """
    reduction: ReductionView | None
    discounts: tuple[DiscountView, ...]
    charged: Decimal
    """What each payment costs on the build day, fees included and a running reduction
    applied: the number ``total`` shows (for structured data, with ``currency``)."""
    currency: str
    """The ISO 4217 code of every amount."""


@dataclass(frozen=True, slots=True)
class DiscountView:
    text: str
    """One sentence: "For students: 15% less." """
    note: str | None
    """How to get it, in the seller's words."""


@dataclass(frozen=True, slots=True)
class ReductionView:
    """A temporary reduction in neutral sentences: both dates, the reduced price, and the
    reference price computed from the offer's record (EU Price Indication Directive,
    Article 6a). No countdown, no percentage badge."""

    active: bool
    """True while the reduced price applies; False for a reduction announced ahead."""
    sentence: str
    """E.g. "Reduced price from 1 December 2026 until 31 December 2026: £80.00. Reason: …" """
    reference: str
    """"The lowest price in the 30 days before the reduction: £95.00." """
    after: str
    """"From 1 January 2027 the price is £95.00." """
    note: str
    """The short form for the compare table: both dates and the reference."""


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
    """The offer's own ``lang``, for the ``lang`` attribute of its content."""
    locale: str
    """The Babel locale this view is formatted and worded in (the theme's words follow it)."""
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


def offer_view(offer: Offer, slug: str, locale: str, today: date | None = None) -> OfferView:
    """Everything an offer page shows, formatted for ``locale`` (the site's), or for the
    offer's ``lang`` when that names another language, as of ``today`` (the build day by
    default: whether a reduction applies)."""
    locale = page_locale(locale, offer.lang)
    today = today or build_date()
    tr = translations(locale)
    timing = offer.timing
    return OfferView(
        slug=slug,
        title=offer.title,
        summary=offer.summary,
        lang=offer.lang,
        locale=locale,
        does=tuple(offer.does),
        does_not=tuple(offer.does_not),
        for_=tuple(offer.for_),
        not_for=tuple(offer.not_for),
        price=_price(offer, locale, tr, today),
        market=_market(offer, locale, tr),
        price_rationale=offer.price_rationale,
        alternatives=tuple(_alternatives(offer, locale, tr)),
        terms=_terms(offer, tr),
        good_time=timing.good_time if timing else None,
        wait_if=timing.wait_if if timing else None,
        availability=_availability(offer.availability, locale, tr),
        cta=_cta(offer, tr),
        seller_name=offer.seller.name if offer.seller else None,
        seller_contact=_contact(offer.seller.contact)
        if offer.seller and offer.seller.contact
        else None,
    )


def _price(offer: Offer, locale: str, tr: NullTranslations, today: date) -> PriceView:
    price = offer.price

    def money(amount: Decimal) -> str:
        return format_money(amount, price.currency, locale)

    reduction = price.reduction
    reduced = reduction is not None and is_active(reduction, today)
    amount = reduction.amount if reduction is not None and reduced else price.amount
    per_payment = price.per_payment - price.amount + amount
    first_payment = price.first_payment - price.amount + amount
    first = first_payment if first_payment != per_payment else None
    taxes = price.tax_note or (
        tr.gettext("Taxes included") if price.taxes_included else tr.gettext("Taxes not included")
    )
    taxes = taxes.rstrip(". ")
    taxes = taxes[:1].upper() + taxes[1:]
    return PriceView(
        total=money(per_payment),
        billing=tr.gettext(BILLING_PHRASES[price.billing]),
        recurring=price.billing.recurring,
        first_payment=money(first) if first is not None else None,
        amount=money(amount),
        taxes=taxes,
        fees=tuple(FeeView(f.name, money(f.amount), f.once) for f in price.fees),
        change=_change(price, locale, tr),
        trial=_trial(price, amount, locale, tr),
        reduction=_reduction(price, reduction, today, locale, tr) if reduction else None,
        discounts=tuple(_discount(price, d, locale, tr) for d in offer.discounts),
        charged=per_payment,
        currency=price.currency,
    )


def _priced(price: Price, amount: Decimal, locale: str, tr: NullTranslations) -> str:
    """An amount with its billing unit ("€39.00 per month"); a one-time amount alone."""
    money = format_money(amount, price.currency, locale)
    if price.billing is Billing.ONE_TIME:
        return money
    return tr.gettext("%(amount)s %(billing)s") % {
        "amount": money,
        "billing": tr.gettext(BILLING_PHRASES[price.billing]),
    }


def _trial(price: Price, amount: Decimal, locale: str, tr: NullTranslations) -> str | None:
    """The trial, and ``amount`` after it: the price charged now (a running reduction's)."""
    trial = price.trial
    if trial is None:
        return None
    values = {
        "days": trial.days,
        "trial": format_money(trial.amount, price.currency, locale),
        "amount": _priced(price, amount, locale, tr),
    }
    if trial.amount == 0:
        # Translators: a free trial and the price after it ("€19.00 per month").
        text = tr.ngettext(
            "The first day is free; then the price is %(amount)s.",
            "The first %(days)d days are free; then the price is %(amount)s.",
            trial.days,
        )
    else:
        # Translators: a paid trial, its price, and the price after it.
        text = tr.ngettext(
            "The first day costs %(trial)s; then the price is %(amount)s.",
            "The first %(days)d days cost %(trial)s; then the price is %(amount)s.",
            trial.days,
        )
    return text % values


def _reduction(
    price: Price, reduction: Reduction, today: date, locale: str, tr: NullTranslations
) -> ReductionView:
    reference = reference_price(price.history, reduction.from_)
    reference_amount = reference.amount if reference is not None else price.amount
    values = {
        "from": format_date(reduction.from_, "long", locale=locale),
        "until": format_date(reduction.until, "long", locale=locale),
        "after": format_date(reduction.until + timedelta(days=1), "long", locale=locale),
        "amount": _priced(price, reduction.amount, locale, tr),
        "reference": _priced(price, reference_amount, locale, tr),
        "regular": _priced(price, price.amount, locale, tr),
        "reason": reduction.reason.rstrip(". "),
    }
    active = is_active(reduction, today)
    if active:
        # Translators: a running price reduction with both of its dates; the reason is the
        # seller's own words.
        sentence = tr.gettext(
            "Reduced price from %(from)s until %(until)s: %(amount)s. Reason: %(reason)s."
        )
    else:
        # Translators: a price reduction announced ahead, with both of its dates.
        sentence = tr.gettext(
            "From %(from)s until %(until)s the price is reduced to %(amount)s. Reason: %(reason)s."
        )
    # Translators: the reference price the law asks for (EU Directive 98/6/EC, Art. 6a).
    reference_text = tr.gettext(
        "The lowest price in the 30 days before the reduction: %(reference)s."
    )
    # Translators: the price that applies after a reduction ends.
    after = tr.gettext("From %(after)s the price is %(regular)s.")
    # Translators: the compare table's short form of a reduction: its last day and the
    # lowest price of the 30 days before it.
    note = tr.gettext(
        "Reduced from %(from)s until %(until)s; lowest price in the 30 days before: %(reference)s."
    )
    return ReductionView(
        active=active,
        sentence=sentence % values,
        reference=reference_text % values,
        after=after % values,
        note=note % values,
    )


def _discount(price: Price, discount: Discount, locale: str, tr: NullTranslations) -> DiscountView:
    if discount.percent is not None:
        size = format_percent(discount.percent / 100, locale=locale, decimal_quantization=False)
    else:
        size = format_money(discount.amount or Decimal(0), price.currency, locale)
    # Translators: a standing discount: who it is for (the seller's words) and its size,
    # e.g. "For students: 15% less."
    text = tr.gettext("For %(condition)s: %(discount)s less.") % {
        "condition": discount.for_,
        "discount": size,
    }
    return DiscountView(text, discount.note)


def _change(price: Price, locale: str, tr: NullTranslations) -> str | None:
    change = price.change
    if change is None:
        return None
    values = {
        "date": format_date(change.effective, "long", locale=locale),
        "amount": format_money(change.amount, price.currency, locale),
        "reason": change.reason.rstrip(". "),
        "billing": tr.gettext(BILLING_PHRASES[price.billing]),
    }
    if price.billing is Billing.ONE_TIME:
        # Translators: an announced price change; the reason is the seller's own words.
        text = tr.gettext("From %(date)s the price is %(amount)s. Reason: %(reason)s.")
    else:
        # Translators: as above, for a recurring price; billing is e.g. "per month".
        text = tr.gettext("From %(date)s the price is %(amount)s %(billing)s. Reason: %(reason)s.")
    return text % values


def _market(offer: Offer, locale: str, tr: NullTranslations) -> MarketView:
    market = offer.market_price
    total = offer.price.per_payment
    span = market.high - market.low
    if total < market.low:
        position, sentence = "below", tr.gettext("This price is below the typical range.")
    elif total > market.high:
        position, sentence = "above", tr.gettext("This price is above the typical range.")
    elif span == 0:
        position, sentence = "within", tr.gettext("This price matches the typical price.")
    else:
        share = (total - market.low) / span
        if share < Decimal("0.34"):
            sentence = tr.gettext("This price is in the lower part of the typical range.")
        elif share <= Decimal("0.66"):
            sentence = tr.gettext("This price is in the middle of the typical range.")
        else:
            sentence = tr.gettext("This price is in the upper part of the typical range.")
        position = "within"
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


def _alternatives(offer: Offer, locale: str, tr: NullTranslations) -> list[AlternativeView]:
    views = []
    for alt in offer.alternatives:
        price = None
        if alt.price is not None:
            price = (
                tr.gettext("Free")
                if alt.price == 0
                else format_money(alt.price, offer.price.currency, locale)
            )
            if alt.billing is not None:
                # Translators: an alternative's price and its billing unit ("€9.00 per month").
                price = tr.gettext("%(amount)s %(billing)s") % {
                    "amount": price,
                    "billing": tr.gettext(BILLING_PHRASES[alt.billing]),
                }
        link = Link(alt.name, alt.url, is_external(alt.url)) if alt.url else None
        views.append(AlternativeView(alt.name, price, alt.note, link))
    return views


def _terms(offer: Offer, tr: NullTranslations) -> tuple[tuple[str, str], ...]:
    if offer.terms is None:
        return ()
    pairs = (
        (tr.gettext("Refunds"), offer.terms.refund),
        (tr.gettext("Cancellation"), offer.terms.cancellation),
        (tr.gettext("Guarantee"), offer.terms.guarantee),
    )
    return tuple((label, text) for label, text in pairs if text)


def _availability(
    availability: Availability | None, locale: str, tr: NullTranslations
) -> tuple[str, ...]:
    """Neutral, factual sentences: a date and a number, never a feeling."""
    if availability is None:
        return ()
    lines = []
    start = availability.next_start
    if start is not None:
        lines.append(_next_start(start, availability.timezone, locale, tr))
    order_by = availability.order_by
    if order_by is not None:
        # Translators: a seasonal or order deadline as a fact; the reason is the seller's
        # own words, e.g. "delivery before Christmas". A date, never a countdown.
        text = tr.gettext("Order by %(date)s. Reason: %(reason)s.")
        date_text = format_date(order_by.date, "long", locale=locale)
        lines.append(text % {"date": date_text, "reason": order_by.reason.rstrip(". ")})
    count = availability.capacity
    if count is not None:
        values = {"count": count, "per": availability.per}
        if availability.per:
            # Translators: "per" is the seller's unit, e.g. "cohort" or "workshop".
            line = tr.ngettext(
                "Capacity: %(count)d place per %(per)s.",
                "Capacity: %(count)d places per %(per)s.",
                count,
            )
        else:
            line = tr.ngettext("Capacity: %(count)d place.", "Capacity: %(count)d places.", count)
        lines.append(line % values)
    return tuple(lines)


def _next_start(
    start: date | datetime, timezone: str | None, locale: str, tr: NullTranslations
) -> str:
    if isinstance(start, datetime) and start.tzinfo is not None and timezone:
        start = start.astimezone(ZoneInfo(timezone))
    when = format_date(start, "full", locale=locale)
    if isinstance(start, datetime):
        # Translators: a start date with its time of day, both formatted by Babel.
        when = tr.gettext("%(date)s, %(time)s") % {
            "date": when,
            "time": format_time(start.time(), "short", locale=locale),
        }
    if timezone:
        # Translators: timezone is an IANA name such as "Europe/Berlin".
        text = tr.gettext("Next start: %(date)s (%(timezone)s).")
        return text % {"date": when, "timezone": timezone}
    return tr.gettext("Next start: %(date)s.") % {"date": when}


def _cta(offer: Offer, tr: NullTranslations) -> Link | None:
    if offer.cta is not None:
        return Link(offer.cta.label, offer.cta.url, is_external(offer.cta.url))
    if offer.seller and offer.seller.contact:
        contact = _contact(offer.seller.contact)
        return Link(tr.gettext("Ask a question"), contact.url, contact.external)
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

    Used for the table of contents; tests check that the theme's headings match it. The
    titles are in the view's language.
    """
    anchors = ["ho-summary", "ho-scope", "ho-audience", "ho-price", "ho-market"]
    if view.alternatives:
        anchors.append("ho-alternatives")
    if view.terms:
        anchors.append("ho-terms")
    if view.good_time or view.wait_if or view.availability:
        anchors.append("ho-timing")
    return [(anchor, section_title(view, anchor)) for anchor in anchors]


def section_title(view: OfferView, anchor: str) -> str:
    """The heading of one of the page's sections (``ho-details`` included) in the view's
    language: ``ho-price`` → ``Preis`` for a German view."""
    return translations(view.locale).gettext(SECTION_TITLES[anchor])
