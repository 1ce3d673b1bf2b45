"""The offer model: the public contract of an ``offers/*.yml`` file.

Field names here are what users write and CI depends on; never rename one. The JSON Schema
that editors use is generated from these classes (``honest-offers schema``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

MAX_AMOUNT = Decimal("1000000000")
"""A billion in any currency: beyond that an amount is a typo, not an offer."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
"""A non-empty line of text as written in the YAML."""

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
Items = Annotated[list[Text], Field(min_length=1, max_length=50)]
Amount = Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False, decimal_places=4)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]

_URL_SCHEMES = ("https://", "http://", "mailto:", "tel:", "/", "./", "../", "#")
_SPACE = re.compile(r"\s")
_SENTENCE_END = re.compile(r"[.!?](?<![A-Z]\.[a-z].)(?<!\be\.g.)(?<!\bi\.e.)(?<!\betc.)(?=\s+\S)")
"""A stop that ends a sentence: not the one in "U.S.", "e.g.", "i.e." or "etc." (the stop comes
first, so the engine skips to stops; the exceptions look back over it)."""


@cache
def known_currencies() -> frozenset[str]:
    """ISO 4217 codes that Babel can format (its CLDR data)."""
    return frozenset(list_currencies())


def _currency(value: str) -> str:
    if value not in known_currencies():
        raise ValueError(f"`{value}` is not an ISO 4217 currency code")
    return value


def _url(value: str) -> str:
    if not value.lower().startswith(_URL_SCHEMES) or _SPACE.search(value):
        raise ValueError(
            f"`{value}` is not a web, mail or phone link (javascript: and data: links are refused)"
        )
    return value


_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")


def _contact(value: str) -> str:
    if _EMAIL.match(value):
        return value
    return _url(value)


def _timezone(value: str) -> str:
    if value not in available_timezones():
        raise ValueError(f"`{value}` is not an IANA time zone name")
    return value


def _summary(value: str) -> str:
    sentences = len(_SENTENCE_END.findall(value.rstrip(".!? "))) + 1
    if sentences > 2:
        raise ValueError(f"the summary has {sentences} sentences")
    return value


Lang = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_currency)]
Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_url),
]


class Billing(StrEnum):
    """How often, or per what, the price is charged."""

    ONE_TIME = "one-time"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    PER_HOUR = "per-hour"
    PER_DAY = "per-day"
    PER_SESSION = "per-session"
    PER_PERSON = "per-person"
    PER_UNIT = "per-unit"

    @property
    def recurring(self) -> bool:
        return self in {Billing.WEEKLY, Billing.MONTHLY, Billing.QUARTERLY, Billing.YEARLY}


class _Strict(BaseModel):
    """Unknown keys are errors: a typo must never silently drop a fact from the page."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Fee(_Strict):
    """A mandatory fee: part of the total, never hidden in small print."""

    name: ShortText
    amount: Amount
    once: bool = Field(
        default=False,
        description="true: charged once with the first payment (setup, delivery of a one-off "
        "order); false: charged with every payment",
    )


class Price(_Strict):
    """What the buyer pays. The page shows ``amount`` plus every fee as one total."""

    amount: Amount
    currency: Currency
    billing: Billing
    taxes_included: bool = Field(description="true when the amount already includes VAT/sales tax")
    tax_note: ShortText | None = Field(
        default=None, description="which taxes apply, e.g. 'incl. 19% VAT' or '+ 20% VAT'"
    )
    fees: list[Fee] = Field(default_factory=list, max_length=20)
    change: PriceChange | None = Field(
        default=None, description="an announced change of the price on a fixed date"
    )
    history: list[PricePoint] = Field(
        default_factory=list,
        max_length=200,
        description="the prices this offer has had, oldest first, each from a date on "
        "(earlier reductions included): the record a reduction is measured against",
    )
    trial: Trial | None = Field(
        default=None,
        description="a trial at the start: how many days, at what price (default 0); the "
        "page says what it costs and what the price is after it",
    )
    reduction: Reduction | None = Field(
        default=None,
        description="a temporary reduced price from one date until another; the page shows "
        "it with the lowest price of the 30 days before it began, computed from `history`",
    )

    @property
    def per_payment(self) -> Decimal:
        """What each payment costs: the amount plus the fees charged with every payment.

        A one-time price has one payment, so every fee is part of it.
        """
        single = self.billing is Billing.ONE_TIME
        return self.amount + sum((f.amount for f in self.fees if single or not f.once), Decimal(0))

    @property
    def first_payment(self) -> Decimal:
        """The first payment: every fee included."""
        return self.amount + sum((f.amount for f in self.fees), Decimal(0))


class PriceChange(_Strict):
    """A real, announced price change: the honest form of a deadline or a price rise."""

    effective: date = Field(description="the first day the new price applies")
    amount: Amount = Field(description="the new price, in the same currency and billing")
    reason: Text = Field(description="why the price changes")


class PricePoint(_Strict):
    """One price of the offer's record: charged from ``from`` until the next entry."""

    from_: date = Field(alias="from", description="the first day this price was charged")
    amount: Amount = Field(description="the price charged from that day, fees not included")
    currency: Currency | None = Field(
        default=None, description="optional; when given, the same as `price.currency`"
    )


class Trial(_Strict):
    """A trial at the start of the offer: its length and price are facts, so the page can say
    what it becomes and when ("The first 14 days are free; then the price is …")."""

    days: int = Field(ge=1, le=366, description="how many days the trial lasts")
    amount: Amount = Field(
        default=Decimal(0), description="what the trial costs, fees not included; 0 = free"
    )


class Reduction(_Strict):
    """A temporary reduced price, measured against the lowest price of the 30 days before it
    (EU Price Indication Directive, Article 6a): the build computes that reference."""

    amount: Amount = Field(description="the reduced price, fees not included")
    from_: date = Field(alias="from", description="the first day of the reduced price")
    until: date = Field(description="the last day of the reduced price")
    reason: Text = Field(description="why the price is reduced, e.g. 'end of season'")
    reference: Amount | None = Field(
        default=None,
        description="optional: the reference price you state; the build checks that it is "
        "the lowest price of the 30 days before `from` in `price.history`",
    )
    currency: Currency | None = Field(
        default=None, description="optional; when given, the same as `price.currency`"
    )


Percent = Annotated[Decimal, Field(gt=0, le=100, allow_inf_nan=False, decimal_places=2)]


class Discount(_Strict):
    """A standing price rule for a group or a condition, open to everyone who meets it."""

    for_: ShortText = Field(
        alias="for",
        description="who or what condition it is for, e.g. 'students', 'registered "
        "charities', 'yearly billing', 'orders of 10 or more'",
    )
    percent: Percent | None = Field(
        default=None, description="the share taken off the price (give this or `amount`)"
    )
    amount: Amount | None = Field(
        default=None,
        description="the sum taken off each payment, in the price's currency (or `percent`)",
    )
    currency: Currency | None = Field(
        default=None, description="optional; when given, the same as `price.currency`"
    )
    note: Text | None = Field(
        default=None, description="how to get it, e.g. 'send a copy of your student card'"
    )


class MarketPrice(_Strict):
    """What comparable offers typically cost, and how that range was found."""

    low: Amount
    high: Amount
    currency: Currency
    basis: Text = Field(description="how the range was found: sources and when")


class Alternative(_Strict):
    """Another way to get the job done, including free and do-it-yourself options."""

    name: ShortText
    price: Amount | None = Field(default=None, description="in the offer's currency; 0 = free")
    billing: Billing | None = None
    note: Text | None = None
    url: Url | None = None


class Terms(_Strict):
    refund: Text | None = None
    cancellation: Text | None = None
    guarantee: Text | None = None


class Timing(_Strict):
    good_time: Text | None = Field(default=None, description="when buying now makes sense")
    wait_if: Text | None = Field(default=None, description="when it is better to wait")


Day = date
"""A calendar date, for a field itself named ``date`` (which would hide the type)."""


class OrderBy(_Strict):
    """The last day to order for a reason the seller states: a seasonal or order deadline as
    a fact (a date and why it matters, never a countdown)."""

    date: Day = Field(description="the last day to order for the reason below (YYYY-MM-DD)")
    reason: Text = Field(description="what the date is for, e.g. 'delivery before Christmas'")


class Availability(_Strict):
    """Facts only; the theme renders them in neutral words."""

    next_start: date | datetime | None = Field(default=None, description="next start date/time")
    timezone: Annotated[str, AfterValidator(_timezone)] | None = Field(
        default=None, description="IANA time zone of next_start, e.g. Europe/Berlin"
    )
    capacity: int | None = Field(default=None, ge=1, le=1_000_000)
    per: ShortText | None = Field(default=None, description="capacity per what: cohort, month, ...")
    order_by: OrderBy | None = Field(
        default=None, description="a seasonal or order deadline as a fact: a date and its reason"
    )


class CallToAction(_Strict):
    label: ShortText = "Ask a question"
    url: Url


class Seller(_Strict):
    name: ShortText
    contact: Annotated[ShortText, AfterValidator(_contact)] | None = Field(
        default=None, description="an email address or a https://, mailto: or tel: link"
    )


_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")
"""Pictures a browser shows in ``<img>``; SVG is left out: opened on its own, it runs scripts."""
_UNSAFE_PATH = re.compile(r'[:?#*<>|"\\\s]')


def _image_path(value: str) -> str:
    parts = value.split("/")
    if value.startswith("/") or _UNSAFE_PATH.search(value) or ".." in parts or "" in parts:
        raise ValueError(
            f"`{value}` is not a relative file path (no leading /, no .., no spaces or links)"
        )
    if not value.lower().endswith(_IMAGE_SUFFIXES):
        raise ValueError(f"`{value}` is not a .jpg, .jpeg, .png, .webp, .avif or .gif file")
    return value


class Kind(StrEnum):
    """What is sold: it picks the schema.org type of the page's structured data."""

    GOODS = "goods"
    SERVICE = "service"


class Image(_Strict):
    """A picture of what is sold, shown on the page and in link previews."""

    src: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
        AfterValidator(_image_path),
    ] = Field(
        description="path of a .jpg, .png, .webp, .avif or .gif file, relative to the offer's "
        "YAML file; it is copied into the site beside the offer page",
    )
    alt: ShortText = Field(
        description="what the picture shows, for people who cannot see it (required)"
    )


class Allowance(_Strict):
    """An exception to one honesty rule in this offer, with the reason a reviewer can judge."""

    rule: Annotated[str, StringConstraints(pattern=r"^HO[0-9]{3}$")]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=500)]


class Offer(_Strict):
    """One honest offer."""

    title: ShortText
    summary: Annotated[Text, AfterValidator(_summary)] = Field(description="one or two sentences")
    does: Items
    does_not: Items
    for_: Items = Field(alias="for")
    not_for: Items
    price: Price
    market_price: MarketPrice
    price_rationale: Text | None = Field(
        default=None, description="required when the price is above market_price.high"
    )
    slug: Slug | None = None
    alternatives: list[Alternative] = Field(default_factory=list, max_length=20)
    terms: Terms | None = None
    discounts: list[Discount] = Field(
        default_factory=list,
        max_length=20,
        description="standing discounts for a group or a condition (students, charities, "
        "yearly billing, volume), shown with the price and in the compare table",
    )
    timing: Timing | None = None
    availability: Availability | None = None
    cta: CallToAction | None = None
    details: Annotated[str, StringConstraints(max_length=100_000)] | None = None
    seller: Seller | None = None
    image: Image | None = Field(
        default=None, description="a picture of what is sold, with its alt text"
    )
    kind: Kind | None = Field(
        default=None,
        description="goods or service (schema.org Product or Service); without it, per-unit "
        "billing means goods and any other billing a service",
    )
    lang: Lang | None = None
    allow: list[Allowance] = Field(
        default_factory=list,
        max_length=20,
        description="honesty-rule exceptions for this offer, each with a reason",
    )
    extends: str | None = Field(
        default=None,
        description="a shared offer file this one starts from (a path relative to this "
        "file, inside the repository); this file's top-level fields replace the shared ones",
    )

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        title="Honest offer",
    )
