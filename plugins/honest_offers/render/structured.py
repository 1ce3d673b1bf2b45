"""What search engines and link previews read: schema.org JSON-LD, Open Graph and Twitter
card tags, built from an offer's facts.

Every value comes from the YAML, so the structured data says no more than the page: no
rating, no review, no stock level. A ``capacity`` is a standing fact, not scarcity, so it is
never turned into ``LimitedAvailability``; dates appear only where the offer declares them
(a running reduction's ``from`` and ``until``, the day before an announced reduction or
``price.change``).

Addresses are passed in already resolved (absolute when the site has a ``site_url``, else
relative to the page, which JSON-LD resolves against the page's own address).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import unquote, urlsplit

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_precision

from honest_offers.validate.model import Billing, Kind, Offer, Price, Seller
from honest_offers.validate.reference import is_active

SCHEMA_ORG = "https://schema.org"
IN_STOCK = f"{SCHEMA_ORG}/InStock"
"""A published offer can be ordered; the YAML states no stock level, so nothing else is said."""

UNITS: dict[Billing, tuple[str | None, str]] = {
    Billing.WEEKLY: ("WEE", "week"),
    Billing.MONTHLY: ("MON", "month"),
    Billing.QUARTERLY: ("QAN", "quarter"),
    Billing.YEARLY: ("ANN", "year"),
    Billing.PER_HOUR: ("HUR", "hour"),
    Billing.PER_DAY: ("DAY", "day"),
    Billing.PER_UNIT: ("C62", "unit"),
    Billing.PER_SESSION: (None, "session"),
    Billing.PER_PERSON: (None, "person"),
}
"""Billing → UN/CEFACT common code (schema.org's ``unitCode``) and ``unitText``."""

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
"""Characters that could end a ``<script>`` element (``</script>``), open an HTML comment
(``<!--``) or end a line in older JavaScript parsers; JSON reads the escapes as the same text."""


def is_goods(offer: Offer) -> bool:
    """``kind`` when the offer states it; else per-unit billing means goods."""
    if offer.kind is not None:
        return offer.kind is Kind.GOODS
    return offer.price.billing is Billing.PER_UNIT


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)


def decimal_text(amount: Decimal, currency: str) -> str:
    """``Decimal('104.5')``, ``GBP`` → ``104.50``: the currency's minor digits, a point."""
    digits = get_currency_precision(currency)
    return f"{amount.quantize(Decimal(1).scaleb(-digits)):f}"


@dataclass(frozen=True, slots=True)
class Links:
    """Resolved addresses for one page (``None`` where there is none to give)."""

    page: str | None
    image: str | None
    contact: str | None = None
    """The seller's contact when it is a relative link, resolved like the page."""


def offer_json_ld(offer: Offer, links: Links, charged: Decimal, today: date) -> dict[str, Any]:
    """A schema.org ``Product`` (goods) or ``Service`` with one ``Offer`` at ``charged``,
    what each payment costs on ``today`` as the page shows it (a running reduction
    included)."""
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Product" if is_goods(offer) else "Service",
        "name": offer.title,
        "description": offer.summary,
    }
    if links.page:
        data["url"] = links.page
    if links.image and offer.image:
        data["image"] = {
            "@type": "ImageObject",
            "url": links.image,
            "description": offer.image.alt,
        }
    data["offers"] = _offer(offer, links, charged, today)
    return data


def _offer(offer: Offer, links: Links, charged: Decimal, today: date) -> dict[str, Any]:
    price = offer.price
    data: dict[str, Any] = {
        "@type": "Offer",
        "price": decimal_text(charged, price.currency),
        "priceCurrency": price.currency,
        "priceSpecification": price_specification(price, charged),
        "availability": IN_STOCK,
        **validity(price, today),
    }
    if links.page:
        data["url"] = links.page
    if offer.seller is not None:
        data["seller"] = seller(offer.seller, links.contact)
    return data


def validity(price: Price, today: date) -> dict[str, str]:
    """``validFrom`` and ``priceValidUntil`` from declared dates only: a running reduction's
    first and last day; else the day before an announced reduction or ``price.change``."""
    reduction = price.reduction
    ends = [price.change.effective - timedelta(days=1)] if price.change else []
    dates = {}
    if reduction is not None and is_active(reduction, today):
        dates["validFrom"] = reduction.from_.isoformat()
        ends.append(reduction.until)
    elif reduction is not None and reduction.from_ > today:
        ends.append(reduction.from_ - timedelta(days=1))
    if ends:
        dates["priceValidUntil"] = min(ends).isoformat()
    return dates


def price_specification(price: Price, charged: Decimal) -> dict[str, Any]:
    """The price per payment (every fee charged with it included), taxes and billing unit."""
    spec: dict[str, Any] = {
        "@type": "UnitPriceSpecification",
        "price": decimal_text(charged, price.currency),
        "priceCurrency": price.currency,
        "valueAddedTaxIncluded": price.taxes_included,
    }
    unit = UNITS.get(price.billing)
    if unit is not None:
        code, text = unit
        if code is not None:
            spec["unitCode"] = code
        spec["unitText"] = text
        if price.billing.recurring:
            spec["billingDuration"] = 1
    return spec


def seller(value: Seller, contact_url: str | None) -> dict[str, Any]:
    """An ``Organization`` with the contact the offer gives, by its kind."""
    data: dict[str, Any] = {"@type": "Organization", "name": value.name}
    contact = value.contact
    if contact is None:
        return data
    scheme = urlsplit(contact).scheme.lower()
    if scheme == "mailto":
        data["email"] = unquote(urlsplit(contact).path)
    elif scheme == "tel":
        data["telephone"] = unquote(contact[4:])
    elif scheme in ("http", "https"):
        data["url"] = contact
    elif "@" in contact and not scheme:
        data["email"] = contact
    elif contact_url:
        data["url"] = contact_url
    return data


def item_list_json_ld(name: str, items: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The offers index: an ``ItemList`` of ``(title, address)`` in the order shown."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "ItemList",
        "name": name,
        "numberOfItems": len(items),
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": title, "url": url}
            for number, (title, url) in enumerate(items, 1)
        ],
    }


@dataclass(frozen=True, slots=True)
class MetaTag:
    """One ``<meta>``: Open Graph uses ``property``, Twitter cards ``name``."""

    attribute: str
    key: str
    content: str


@dataclass(frozen=True, slots=True)
class Preview:
    """What a link preview shows; ``url`` and ``image`` must be absolute (Open Graph)."""

    title: str
    description: str | None
    site_name: str
    locale: str
    og_type: str = "website"
    url: str | None = None
    image: str | None = None
    image_alt: str | None = None


def social_tags(preview: Preview) -> tuple[MetaTag, ...]:
    """Open Graph and Twitter card tags; an address only when it is absolute."""
    og = [
        ("og:type", preview.og_type),
        ("og:title", preview.title),
        ("og:description", preview.description),
        ("og:site_name", preview.site_name),
        ("og:locale", og_locale(preview.locale)),
        ("og:url", _absolute(preview.url)),
    ]
    image = _absolute(preview.image)
    card = "summary_large_image" if image else "summary"
    twitter = [
        ("twitter:card", card),
        ("twitter:title", preview.title),
        ("twitter:description", preview.description),
    ]
    if image:
        og += [("og:image", image), ("og:image:alt", preview.image_alt)]
        twitter += [("twitter:image", image), ("twitter:image:alt", preview.image_alt)]
    tags = [MetaTag("property", key, value) for key, value in og if value]
    tags += [MetaTag("name", key, value) for key, value in twitter if value]
    return tuple(tags)


def og_locale(locale: str) -> str:
    """Babel's ``de_DE`` or ``en`` → Open Graph's ``de_DE`` / ``en``."""
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return locale
    return f"{parsed.language}_{parsed.territory}" if parsed.territory else parsed.language


def _absolute(url: str | None) -> str | None:
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None
