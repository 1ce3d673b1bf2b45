"""What the templates receive: Babel-formatted money, neutral sentences, the outline."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol

from honest_offers.render.view import format_money, offer_view, outline
from honest_offers.validate import Offer
from tests.conftest import MINIMAL_OFFER


def make(**changes: Any) -> Offer:
    return Offer.model_validate({**MINIMAL_OFFER, **changes})


@pytest.mark.parametrize(("locale", "expected"), [("en", "€1,290.50"), ("de_DE", "1.290,50\xa0€")])
def test_money_follows_the_locale(locale: str, expected: str) -> None:
    assert format_money(Decimal("1290.5"), "EUR", locale) == expected


@pytest.mark.parametrize("locale", ["en", "de_DE", "fr_CH", "fr_FR", "en_IN", "nl_NL"])
def test_money_uses_the_locale_data_for_grouping_decimals_and_symbol(locale: str) -> None:
    """Expected from Babel's CLDR data itself, so a CLDR update (fr_CH's group sign changed
    in Babel 2.19) changes both sides: grouping and decimal signs, and where the symbol goes."""
    parsed = Locale.parse(locale)
    group, decimal = get_group_symbol(parsed), get_decimal_symbol(parsed)
    pattern = parsed.currency_formats["standard"].pattern.split(";")[0]
    text = format_money(Decimal("1290.5"), "EUR", locale)
    assert f"1{group}290{decimal}50" in text
    assert "€" in text
    assert (
        text.index("€") < text.index("1")
        if pattern.index("¤") < pattern.index("0")
        else (text.index("€") > text.index("5"))
    )


def test_total_includes_every_fee_and_first_payment_the_one_time_ones() -> None:
    price = {
        **MINIMAL_OFFER["price"],
        "billing": "monthly",
        "amount": 20,
        "fees": [{"name": "Support", "amount": 5}, {"name": "Setup", "amount": 30, "once": True}],
    }
    view = offer_view(make(price=price, terms={"cancellation": "Any time."}), "x", "en")
    assert view.price.total == "€25.00"
    assert view.price.billing == "per month"
    assert view.price.first_payment == "€55.00"
    assert [f.name for f in view.price.fees] == ["Support", "Setup"]


def test_without_one_time_fees_there_is_no_separate_first_payment() -> None:
    assert offer_view(make(), "x", "en").price.first_payment is None


@pytest.mark.parametrize(
    ("amount", "position", "words", "percent"),
    [
        (100, "below", "below the typical range", 0),
        (190, "within", "lower part", 4),
        (290, "within", "middle", 50),
        (390, "within", "upper part", 95),
    ],
)
def test_market_position(amount: int, position: str, words: str, percent: int) -> None:
    view = offer_view(make(price={**MINIMAL_OFFER["price"], "amount": amount}), "x", "en")
    assert view.market.position == position
    assert words in view.market.sentence
    assert view.market.marker_percent == percent


def test_above_market() -> None:
    offer = make(price={**MINIMAL_OFFER["price"], "amount": 900}, price_rationale="Because.")
    view = offer_view(offer, "x", "en")
    assert (view.market.position, view.market.marker_percent) == ("above", 100)


def test_availability_is_neutral_facts() -> None:
    offer = make(
        availability={
            "next_start": datetime(2027, 9, 14, 10, 0),
            "timezone": "Europe/Berlin",
            "capacity": 12,
            "per": "cohort",
        }
    )
    assert offer_view(offer, "x", "en").availability == (
        "Next start: Tuesday, September 14, 2027, 10:00\u202fAM (Europe/Berlin).",
        "Capacity: 12 places per cohort.",
    )
    day = make(availability={"next_start": date(2027, 9, 14)})
    assert offer_view(day, "x", "de_DE").availability == (
        "Nächster Beginn: Dienstag, 14. September 2027.",
    )


def test_cta_falls_back_to_a_question_to_the_seller() -> None:
    view = offer_view(make(seller={"name": "Studio", "contact": "hi@studio.example"}), "x", "en")
    assert view.cta is not None
    assert (view.cta.label, view.cta.url) == ("Ask a question", "mailto:hi@studio.example")


def test_external_links_are_marked() -> None:
    alt = [{"name": "Guide", "url": "https://example.org/guide", "price": 0}]
    view = offer_view(make(alternatives=alt), "x", "en")
    link = view.alternatives[0].link
    assert link is not None and link.external
    assert view.alternatives[0].price == "Free"


def test_outline_lists_optional_sections_only_when_present() -> None:
    plain = [anchor for anchor, _ in outline(offer_view(make(), "x", "en"))]
    assert plain == ["ho-summary", "ho-scope", "ho-audience", "ho-price", "ho-market"]
    full = make(
        alternatives=[{"name": "DIY"}],
        terms={"refund": "Full refund."},
        timing={"good_time": "Spring."},
    )
    assert [a for a, _ in outline(offer_view(full, "x", "en"))][-3:] == [
        "ho-alternatives",
        "ho-terms",
        "ho-timing",
    ]


def test_one_time_price_includes_every_fee_in_the_total() -> None:
    price = {**MINIMAL_OFFER["price"], "fees": [{"name": "Delivery", "amount": 9.5, "once": True}]}
    view = offer_view(make(price=price, price_rationale="x" * 12), "x", "en")
    assert (view.price.total, view.price.first_payment) == ("€259.50", None)


def test_tax_note_reads_as_a_sentence() -> None:
    price = {**MINIMAL_OFFER["price"], "tax_note": "incl. 20% VAT."}
    assert offer_view(make(price=price), "x", "en").price.taxes == "Incl. 20% VAT"


def test_start_with_offset_is_shown_in_the_declared_zone() -> None:
    start = datetime.fromisoformat("2027-09-16T09:30:00+02:00")
    offer = make(availability={"next_start": start, "timezone": "America/New_York"})
    (line,) = offer_view(offer, "x", "en").availability
    assert "3:30\u202fAM (America/New_York)" in line


def test_link_contact_is_labelled_by_its_address() -> None:
    view = offer_view(
        make(seller={"name": "S", "contact": "https://www.s.example/contact/"}), "x", "en"
    )
    assert view.seller_contact is not None
    assert view.seller_contact.label == "s.example/contact"


def test_price_change_is_one_neutral_sentence() -> None:
    price = {
        **MINIMAL_OFFER["price"],
        "change": {
            "effective": date(2027, 2, 1),
            "amount": 270,
            "reason": "Our supplier's prices rose.",
        },
    }
    view = offer_view(make(price=price), "x", "en")
    assert view.price.change == (
        "From February 1, 2027 the price is €270.00. Reason: Our supplier's prices rose."
    )


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("en", "Order by December 20, 2027. Reason: delivery before Christmas."),
        ("en_GB", "Order by 20 December 2027. Reason: delivery before Christmas."),
        ("de_DE", "Bestellen bis zum 20. Dezember 2027. Grund: delivery before Christmas."),
        ("fr", "Commander au plus tard le 20 décembre 2027. Raison : delivery before Christmas."),
        ("es", "Pedidos hasta el 20 de diciembre de 2027. Motivo: delivery before Christmas."),
    ],
)
def test_an_order_deadline_is_a_date_in_the_page_language(locale: str, sentence: str) -> None:
    order_by = {"date": date(2027, 12, 20), "reason": "delivery before Christmas."}
    view = offer_view(make(availability={"order_by": order_by}), "x", locale)
    assert view.availability == (sentence,)
    assert ("ho-timing", view_title(view)) in outline(view)


def view_title(view: Any) -> str:
    from honest_offers.render.view import section_title

    return section_title(view, "ho-timing")
