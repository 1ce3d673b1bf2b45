"""Structured data values: schema.org JSON-LD, link preview tags and the offers feed, from
the offer's facts only (render/structured.py, render/feed.py)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from honest_offers.render.feed import (
    FeedItem,
    FeedSite,
    feed_json_schema,
    feed_text,
    offers_feed,
)
from honest_offers.render.structured import (
    IN_STOCK,
    Links,
    Preview,
    decimal_text,
    is_goods,
    item_list_json_ld,
    offer_json_ld,
    og_locale,
    script_json,
    social_tags,
)
from honest_offers.render.view import offer_view
from honest_offers.validate import Offer
from tests.conftest import MINIMAL_OFFER, examples
from tests.injection import PAYLOADS

PAGE = "https://example.org/shop/offers/garden/"
NO_LINKS = Links(page=None, image=None)


TODAY = date(2098, 6, 1)


def json_ld(offer: Offer, links: Links, today: date = TODAY) -> dict[str, Any]:
    """The JSON-LD at the total the offer's page shows on ``today``."""
    charged = offer_view(offer, "garden", "en", today).price.charged
    return offer_json_ld(offer, links, charged, today)


def make(**changes: Any) -> Offer:
    return Offer.model_validate({**MINIMAL_OFFER, **changes})


def with_price(**changes: Any) -> Offer:
    return make(price={**MINIMAL_OFFER["price"], **changes})


def test_a_service_with_one_offer_whose_price_is_the_total() -> None:
    offer = with_price(amount="250", fees=[{"name": "Travel", "amount": "19.9"}])
    data = json_ld(offer, Links(page=PAGE, image=None))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Service"
    assert (data["name"], data["description"], data["url"]) == (offer.title, offer.summary, PAGE)
    sold = data["offers"]
    assert sold["@type"] == "Offer"
    assert sold["price"] == "269.90" == decimal_text(offer.price.per_payment, "EUR")
    assert sold["priceCurrency"] == "EUR"
    assert sold["availability"] == IN_STOCK
    assert sold["url"] == PAGE
    spec = sold["priceSpecification"]
    assert spec == {
        "@type": "UnitPriceSpecification",
        "price": "269.90",
        "priceCurrency": "EUR",
        "valueAddedTaxIncluded": True,
    }


def test_nothing_the_yaml_does_not_state() -> None:
    """No rating, review, stock level or date of its own: a capacity is not scarcity."""
    offer = make(
        availability={"capacity": 3, "per": "cohort", "next_start": "2099-03-01"},
        seller={"name": "Garden Studio"},
    )
    text = json.dumps(json_ld(offer, NO_LINKS))
    for word in ("aggregateRating", "review", "LimitedAvailability", "SoldOut", "inventory"):
        assert word not in text
    assert "priceValidUntil" not in text and "validFrom" not in text
    assert "url" not in text  # no address without one to give


@pytest.mark.parametrize(
    ("kind", "billing", "expected"),
    [
        (None, "per-unit", "Product"),
        (None, "one-time", "Service"),
        (None, "monthly", "Service"),
        ("goods", "one-time", "Product"),
        ("service", "per-unit", "Service"),
    ],
)
def test_product_or_service_by_kind_then_billing(
    kind: str | None, billing: str, expected: str
) -> None:
    offer = make(kind=kind, price={**MINIMAL_OFFER["price"], "billing": billing})
    assert json_ld(offer, NO_LINKS)["@type"] == expected
    assert is_goods(offer) is (expected == "Product")


@pytest.mark.parametrize(
    ("billing", "code", "text", "duration"),
    [
        ("monthly", "MON", "month", 1),
        ("yearly", "ANN", "year", 1),
        ("weekly", "WEE", "week", 1),
        ("quarterly", "QAN", "quarter", 1),
        ("per-hour", "HUR", "hour", None),
        ("per-unit", "C62", "unit", None),
        ("per-person", None, "person", None),
        ("one-time", None, None, None),
    ],
)
def test_the_billing_unit(
    billing: str, code: str | None, text: str | None, duration: int | None
) -> None:
    offer = with_price(billing=billing, taxes_included=False, tax_note=None)
    if billing in ("monthly", "yearly", "weekly", "quarterly"):
        offer = make(
            price={**MINIMAL_OFFER["price"], "billing": billing, "taxes_included": False},
            terms={"cancellation": "Cancel at any time."},
        )
    spec = json_ld(offer, NO_LINKS)["offers"]["priceSpecification"]
    assert spec.get("unitCode") == code
    assert spec.get("unitText") == text
    assert spec.get("billingDuration") == duration
    assert spec["valueAddedTaxIncluded"] is False


def test_recurring_price_counts_only_the_fees_of_every_payment() -> None:
    offer = make(
        price={
            **MINIMAL_OFFER["price"],
            "amount": 40,
            "billing": "monthly",
            "fees": [{"name": "Setup", "amount": 99, "once": True}, {"name": "Host", "amount": 5}],
        },
        terms={"cancellation": "Cancel at any time."},
    )
    assert json_ld(offer, NO_LINKS)["offers"]["price"] == "45.00"


REDUCED = {
    "amount": 200,
    "from": "2098-05-20",
    "until": "2098-06-10",
    "reason": "End of the season",
}
HISTORY = [{"from": "2098-01-01", "amount": 250}]


@pytest.mark.parametrize(
    ("today", "price", "valid"),
    [
        (date(2098, 5, 1), "250.00", {"priceValidUntil": "2098-05-19"}),  # announced
        (
            date(2098, 6, 1),
            "200.00",
            {"validFrom": "2098-05-20", "priceValidUntil": "2098-06-10"},
        ),  # running: the reduced total, as the page shows it
        (date(2098, 6, 11), "250.00", {}),  # over
    ],
)
def test_a_reduction_sets_the_price_and_its_dates(
    today: date, price: str, valid: dict[str, str]
) -> None:
    offer = with_price(reduction=REDUCED, history=HISTORY)
    sold = json_ld(offer, NO_LINKS, today)["offers"]
    assert sold["price"] == sold["priceSpecification"]["price"] == price
    assert {k: sold[k] for k in ("validFrom", "priceValidUntil") if k in sold} == valid


def test_price_valid_until_the_day_before_an_announced_change() -> None:
    offer = with_price(
        change={"effective": "2099-02-01", "amount": 300, "reason": "The material costs more"}
    )
    assert json_ld(offer, NO_LINKS)["offers"]["priceValidUntil"] == "2099-01-31"


@pytest.mark.parametrize(
    ("contact", "key", "value"),
    [
        ("hello@garden.example", "email", "hello@garden.example"),
        ("mailto:hello@garden.example?subject=Hi", "email", "hello@garden.example"),
        ("tel:+49%2030%20123", "telephone", "+49 30 123"),
        ("https://garden.example/contact", "url", "https://garden.example/contact"),
        ("/contact/", "url", "https://example.org/contact/"),
    ],
)
def test_the_seller_and_their_contact_by_its_kind(contact: str, key: str, value: str) -> None:
    offer = make(seller={"name": "Garden Studio", "contact": contact})
    resolved = "https://example.org/contact/" if contact.startswith("/") else None
    data = json_ld(offer, Links(page=None, image=None, contact=resolved))
    assert data["offers"]["seller"] == {
        "@type": "Organization",
        "name": "Garden Studio",
        key: value,
    }


def test_the_picture_with_its_alt_text() -> None:
    offer = make(image={"src": "images/plan.jpg", "alt": "A drawn plan of a garden"})
    data = json_ld(offer, Links(page=PAGE, image=PAGE + "plan.jpg"))
    assert data["image"] == {
        "@type": "ImageObject",
        "url": PAGE + "plan.jpg",
        "description": "A drawn plan of a garden",
    }


def test_minor_digits_follow_the_currency() -> None:
    assert decimal_text(Decimal("1290"), "EUR") == "1290.00"
    assert decimal_text(Decimal("1290"), "JPY") == "1290"
    assert decimal_text(Decimal("12.5"), "KWD") == "12.500"


def test_item_list_in_the_order_shown() -> None:
    data = item_list_json_ld("Offers", [("B", "b/"), ("A", "a/")])
    assert data["@type"] == "ItemList"
    assert data["numberOfItems"] == 2
    assert [(i["position"], i["name"], i["url"]) for i in data["itemListElement"]] == [
        (1, "B", "b/"),
        (2, "A", "a/"),
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_json_cannot_end_the_script_and_reads_back_the_same(payload: str) -> None:
    data = {"name": payload, "nested": [payload + "</SCRIPT >", "<!-- x", "\u2028\u2029"]}
    text = script_json(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == data


@hypothesis_settings(max_examples=examples(300))
@given(st.text())
def test_script_json_round_trips_any_text(value: str) -> None:
    text = script_json({"value": value})
    assert "<" not in text and "\u2028" not in text
    assert json.loads(text) == {"value": value}


def test_preview_tags_name_absolute_addresses_only() -> None:
    preview = Preview(
        title="Garden plan",
        description="One visit.",
        site_name="Garden Studio",
        locale="de_DE",
        og_type="product",
        url="offers/garden/",
        image="plan.jpg",
        image_alt="A plan",
    )
    tags = {(t.attribute, t.key): t.content for t in social_tags(preview)}
    assert tags == {
        ("property", "og:type"): "product",
        ("property", "og:title"): "Garden plan",
        ("property", "og:description"): "One visit.",
        ("property", "og:site_name"): "Garden Studio",
        ("property", "og:locale"): "de_DE",
        ("name", "twitter:card"): "summary",
        ("name", "twitter:title"): "Garden plan",
        ("name", "twitter:description"): "One visit.",
    }
    absolute = dataclasses.replace(preview, url=PAGE, image=PAGE + "plan.jpg")
    tags = {(t.attribute, t.key): t.content for t in social_tags(absolute)}
    assert tags[("property", "og:url")] == PAGE
    assert tags[("property", "og:image")] == tags[("name", "twitter:image")] == PAGE + "plan.jpg"
    assert tags[("property", "og:image:alt")] == tags[("name", "twitter:image:alt")] == "A plan"
    assert tags[("name", "twitter:card")] == "summary_large_image"


@pytest.mark.parametrize(
    ("locale", "expected"), [("en", "en"), ("de_DE", "de_DE"), ("fr-CH", "fr_CH")]
)
def test_open_graph_locale(locale: str, expected: str) -> None:
    assert og_locale(locale) == expected


def _feed(*offers: Offer, base: str = "https://example.org/shop/") -> dict[str, Any]:
    items = [
        FeedItem(offer, f"offer-{n}", f"{base}offers/offer-{n}/", None)
        for n, offer in enumerate(offers)
    ]
    site = FeedSite("Shop: Offers", None, "de_DE", base + "offers/", base + "offers.json")
    feed: dict[str, Any] = json.loads(feed_text(offers_feed(site, items)))
    return feed


def test_the_feed_validates_against_its_schema_and_keeps_the_yaml_field_names() -> None:
    full = make(
        kind="goods",
        image={"src": "plan.jpg", "alt": "A plan"},
        seller={"name": "Garden Studio", "contact": "hello@garden.example"},
        price={
            **MINIMAL_OFFER["price"],
            "change": {"effective": date(2099, 1, 1), "amount": 300, "reason": "Costs rise"},
        },
        lang="de",
    )
    feed = _feed(make(), full)
    jsonschema.Draft202012Validator.check_schema(feed_json_schema())
    jsonschema.validate(feed, feed_json_schema())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["_honest_offers"] == {"version": 1, "schema": "offers.schema.json"}
    assert feed["language"] == "de-DE"
    item = feed["items"][1]
    assert item["id"] == item["url"] == "https://example.org/shop/offers/offer-1/"
    assert item["language"] == "de"
    offer = item["_honest_offer"]
    assert offer["slug"] == "offer-1"
    assert offer["for"] == MINIMAL_OFFER["for"]  # the YAML's name, not the model's for_
    assert offer["price"]["change"]["effective"] == "2099-01-01"
    assert Offer.model_validate({k: v for k, v in offer.items() if k != "slug"}) == full


def test_the_schema_refuses_a_feed_that_lost_a_fact() -> None:
    feed = _feed(make())
    del feed["items"][0]["_honest_offer"]["price"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(feed, feed_json_schema())
