"""The theme in German, French and Spanish: whole sentences from the catalogues, plural forms,
the offer's ``lang`` over the site's language, English for what has no translation, and the
templates rendered through MkDocs' kind of Jinja environment."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from gettext import GNUTranslations, NullTranslations
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from honest_offers.mkdocs_plugin.i18n import install_translations
from honest_offers.mkdocs_plugin.pages import IndexEntry
from honest_offers.render.catalogues import extract, repository
from honest_offers.render.translations import page_locale, translations
from honest_offers.render.view import OfferView, format_money, offer_view, outline, section_title
from honest_offers.validate import Offer
from tests.conftest import MINIMAL_OFFER, REPO_ROOT

FULL: dict[str, Any] = {
    **MINIMAL_OFFER,
    "price": {
        "amount": 20,
        "currency": "EUR",
        "billing": "monthly",
        "taxes_included": True,
        "fees": [{"name": "Setup", "amount": 30, "once": True}],
        "change": {"effective": date(2031, 2, 1), "amount": 25, "reason": "Costs rose."},
    },
    "market_price": {**MINIMAL_OFFER["market_price"], "low": 10, "high": 30},
    "alternatives": [
        {"name": "DIY", "price": 0},
        {"name": "Other", "price": 9, "billing": "weekly"},
    ],
    "terms": {"refund": "Full.", "cancellation": "Any time.", "guarantee": "One year."},
    "timing": {"good_time": "Spring.", "wait_if": "Winter."},
    "availability": {
        "next_start": datetime(2031, 9, 16, 9, 30),
        "timezone": "Europe/Berlin",
        "capacity": 12,
        "per": "Kurs",
    },
    "seller": {"name": "Studio", "contact": "hi@studio.example"},
}


def make(**changes: Any) -> Offer:
    return Offer.model_validate({**FULL, **changes})


EXPECTED: dict[str, dict[str, Any]] = {
    "de": {
        "billing": "pro Monat",
        "taxes": "Steuern enthalten",
        "change": "Ab dem 1. Februar 2031 beträgt der Preis 25,00\xa0€ pro Monat. "
        "Grund: Costs rose.",
        "market": "Dieser Preis liegt in der Mitte der üblichen Spanne.",
        "alternatives": ["Kostenlos", "9,00\xa0€ pro Woche"],
        "terms": ["Rückerstattung", "Kündigung", "Garantie"],
        "availability": (
            "Nächster Beginn: Dienstag, 16. September 2031, 09:30 Uhr (Europe/Berlin).",
            "Kapazität: 12 Plätze pro Kurs.",
        ),
        "cta": "Eine Frage stellen",
        "price heading": "Preis",
    },
    "fr": {
        "billing": "par mois",
        "taxes": "Taxes comprises",
        "change": "À partir du 1 février 2031, le prix sera de 25,00\xa0€ par mois. "
        "Raison\xa0: Costs rose.",
        "market": "Ce prix se situe au milieu de la fourchette habituelle.",
        "alternatives": ["Gratuit", "9,00\xa0€ par semaine"],
        "terms": ["Remboursement", "Résiliation", "Garantie"],
        "availability": (
            "Prochaine date de début\xa0: mardi 16 septembre 2031 à 09:30 (Europe/Berlin).",
            "Capacité\xa0: 12 places par Kurs.",
        ),
        "cta": "Poser une question",
        "price heading": "Prix",
    },
    "es": {
        "billing": "al mes",
        "taxes": "Impuestos incluidos",
        "change": "A partir del 1 de febrero de 2031, el precio será de 25,00\xa0€ al mes. "
        "Motivo: Costs rose.",
        "market": "Este precio está en la zona media del rango habitual.",
        "alternatives": ["Gratis", "9,00\xa0€ a la semana"],
        "terms": ["Reembolso", "Cancelación", "Garantía"],
        "availability": (
            "Próximo inicio: martes, 16 de septiembre de 2031, 9:30 (Europe/Berlin).",
            "Capacidad: 12 plazas por Kurs.",
        ),
        "cta": "Hacer una pregunta",
        "price heading": "Precio",
    },
}


def shown(view: OfferView) -> dict[str, Any]:
    assert view.cta is not None
    return {
        "billing": view.price.billing,
        "taxes": view.price.taxes,
        "change": view.price.change,
        "market": view.market.sentence,
        "alternatives": [alt.price for alt in view.alternatives],
        "terms": [label for label, _ in view.terms],
        "availability": view.availability,
        "cta": view.cta.label,
        "price heading": dict(outline(view))["ho-price"],
    }


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_view_sentences_are_whole_translated_sentences(language: str) -> None:
    """Money and dates from Babel's CLDR data, words from the catalogue."""
    assert shown(offer_view(make(), "x", language)) == EXPECTED[language]


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("de", "Kapazität: 1 Platz pro Kurs.", "Kapazität: 2 Plätze pro Kurs."),
        ("fr", "Capacité\xa0: 1 place par Kurs.", "Capacité\xa0: 2 places par Kurs."),
        ("es", "Capacidad: 1 plaza por Kurs.", "Capacidad: 2 plazas por Kurs."),
        ("en", "Capacity: 1 place per Kurs.", "Capacity: 2 places per Kurs."),
    ],
)
def test_capacity_uses_the_language_plural_forms(language: str, one: str, two: str) -> None:
    for count, expected in ((1, one), (2, two)):
        availability = {"capacity": count, "per": "Kurs"}
        assert offer_view(make(availability=availability), "x", language).availability == (
            expected,
        )


def test_french_counts_zero_as_singular_and_millions_by_their_own_form() -> None:
    tr = translations("fr")
    singular, plural = "Capacity: %(count)d place.", "Capacity: %(count)d places."
    assert tr.ngettext(singular, plural, 0) % {"count": 0} == "Capacité\xa0: 0 place."
    assert tr.ngettext(singular, plural, 1_000_000).endswith("places.")
    assert translations("en").ngettext(singular, plural, 0) == plural


def test_capacity_without_a_unit_and_a_start_without_time_or_zone() -> None:
    view = offer_view(
        make(availability={"next_start": date(2031, 9, 16), "capacity": 1}), "x", "de_DE"
    )
    assert view.availability == (
        "Nächster Beginn: Dienstag, 16. September 2031.",
        "Kapazität: 1 Platz.",
    )


def test_one_time_price_change_has_no_billing_unit() -> None:
    price = {**FULL["price"], "billing": "one-time", "fees": []}
    view = offer_view(make(price=price, terms=None), "x", "es")
    assert view.price.change == (
        "A partir del 1 de febrero de 2031, el precio será de 25,00\xa0€. Motivo: Costs rose."
    )


def test_the_region_keeps_its_money_and_the_language_its_words() -> None:
    view = offer_view(make(), "x", "de_CH")
    assert view.price.total == format_money(Decimal(20), "EUR", "de_CH") == "EUR\xa020.00"
    assert view.price.billing == "pro Monat"
    assert view.locale == "de_CH"


def test_offer_lang_overrides_the_site_language() -> None:
    view = offer_view(make(lang="fr"), "x", "en")
    assert view.locale == "fr"
    assert view.price.billing == "par mois"
    assert dict(outline(view))["ho-market"] == "Prix habituel du marché"
    assert section_title(view, "ho-details") == "Détails"


@pytest.mark.parametrize(
    ("site", "lang", "expected"),
    [
        ("de_CH", "de", "de_CH"),  # same language: the site's region stays
        ("en", "de-AT", "de_AT"),
        ("en", "zz", "en"),  # Babel does not know it: the site's locale
        ("fr", None, "fr"),
    ],
)
def test_page_locale(site: str, lang: str | None, expected: str) -> None:
    assert page_locale(site, lang) == expected


def test_a_language_without_catalogue_falls_back_to_english() -> None:
    assert type(translations("pt_BR")) is NullTranslations
    assert isinstance(translations("de_AT"), GNUTranslations)  # de_AT → de
    view = offer_view(make(), "x", "pt_BR")
    assert view.price.billing == "per month"
    assert view.market.sentence == "This price is in the middle of the typical range."
    assert view.availability[0].startswith("Next start: terça-feira, 16 de setembro de 2031")


def test_a_message_missing_from_a_catalogue_is_shown_in_english() -> None:
    assert translations("de").gettext("A message no catalogue has") == (
        "A message no catalogue has"
    )


# -- templates ------------------------------------------------------------------------------

PARTIALS = sorted(
    p.name
    for p in (REPO_ROOT / "theme" / "honest-offers" / "partials").iterdir()
    if p.name not in ("list-pair.html", "toc-toggle.html")
)


class _Page:
    content = "<p>details</p>"
    toc: list[str] = []  # noqa: RUF012 - read only


def _environment(site_locale: str) -> Environment:
    """As MkDocs builds it: the i18n extension with old-style null translations."""
    env = Environment(
        loader=FileSystemLoader(str(REPO_ROOT / "theme")),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations()  # type: ignore[attr-defined]
    env.filters["url"] = lambda value: value
    install_translations(env, site_locale)
    return env


def render(view: OfferView, site_locale: str) -> str:
    env = _environment(site_locale)
    markup = ""
    for name in PARTIALS:
        template = env.get_template(f"honest-offers/partials/{name}")
        index = [IndexEntry(view=view, url="offers/x/")]
        markup += template.render(offer=view, offer_index=index, page=_Page())
    return markup


def visible(markup: str) -> str:
    text = re.sub(r"<[^>]+>", "\n", markup)
    return "\n".join(" ".join(line.split()) for line in html.unescape(text).splitlines())


@cache
def english_phrases() -> list[str]:
    """The literal parts of every English message (placeholders cut out), long enough to be
    told apart from a word the other languages share ("Total", "Details", "Garantie")."""
    phrases = []
    for message in extract(repository()):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for text in ids:
            phrases += [p.strip(" .,:()") for p in re.split(r"%\(\w+\)[sd]", text)]
    return sorted({p for p in phrases if len(p) > 3 and p not in _SHARED})


_SHARED = {"Total", "Details", "Alternatives", "place", "places"}
"""Words English shares with a translation: French 'Total', 'Alternatives', 'places',
German 'Details'."""


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_partials_leave_no_english_theme_text(language: str) -> None:
    text = visible(render(offer_view(make(), "x", language), language))
    offer_text = " ".join(str(v) for v in FULL.values())
    left = [
        phrase
        for phrase in english_phrases()
        if re.search(rf"\b{re.escape(phrase)}\b", text) and phrase not in offer_text
    ]
    assert left == [], language
    assert EXPECTED[language]["price heading"] in text


def test_english_partials_read_as_before() -> None:
    text = visible(render(offer_view(make(), "x", "en"), "en"))
    for phrase in (
        "What it does and does not do",
        "Comparable offers typically cost between €10.00 and €30.00 (per month).",
        "The first payment is €50.00, because it includes the one-time fees listed below.",
        "Setup (first payment only)",
        "Offered by Studio",
    ):
        assert phrase in text


def test_an_offer_page_speaks_the_offers_language_on_another_sites() -> None:
    """The page's words follow the view's locale (the offer's lang), not the site's."""
    text = visible(render(offer_view(make(lang="es"), "x", "en"), "en"))
    assert "Precio habitual en el mercado" in text and "Typical market price" not in text


def test_the_index_speaks_the_sites_language() -> None:
    env = _environment("de")
    view = offer_view(make(lang="fr"), "x", "de")
    table = env.get_template("honest-offers/partials/compare-table.html").render(
        offer_index=[IndexEntry(view=view, url="offers/x/")]
    )
    assert "Gesamtpreis" in table and "erste Zahlung" in table
    assert '<th scope="row" lang="fr">' in table
    assert '<span lang="fr">20,00\xa0€ par mois</span>' in table
    assert '<ul lang="fr"><li>Owners of gardens' in table
    empty = env.get_template("honest-offers/partials/compare-table.html").render(offer_index=[])
    assert "Es gibt noch keine Angebote." in empty


def test_translated_text_still_escapes_offer_text() -> None:
    fees = [{"name": "<b>Setup</b> & co", "amount": 30, "once": True}]
    view = offer_view(
        make(price={**FULL["price"], "fees": fees}, seller={"name": "<i>S</i>"}), "x", "de"
    )
    markup = render(view, "de")
    assert "&lt;b&gt;Setup&lt;/b&gt; &amp; co (einmalig, mit der ersten Zahlung)" in markup
    assert "Angeboten von &lt;i&gt;S&lt;/i&gt;" in markup
    assert "<b>" not in markup and "<i>" not in markup


def test_messages_that_are_not_ours_go_to_the_translations_installed_before() -> None:
    """A site's own templates may use MkDocs' theme translations; they keep working."""

    class Theirs(NullTranslations):
        def gettext(self, message: str) -> str:
            return {"Search": "Suche"}.get(message, message)

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return "ein Treffer" if singular == "one hit" and n == 1 else plural

    env = Environment(extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(Theirs())  # type: ignore[attr-defined]
    install_translations(env, "de")
    template = env.from_string(
        "{{ _('Search') }}|{{ _('Price') }}|{{ ngettext('one hit', 'hits', 1) }}|"
        "{{ ngettext('Capacity: %(count)d place.', 'Capacity: %(count)d places.', 2)"
        " % {'count': 2} }}"
    )
    assert template.render() == "Suche|Preis|ein Treffer|Kapazität: 2 Plätze."
