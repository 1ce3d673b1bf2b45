"""The honesty check in German, French and Spanish: language choice, normalisation, figures.

The texts in ``tests/fixtures/languages/texts.csv`` were written together with the rules (the
rules were tuned on them); ``held_out.csv`` was written before the rules and is not tuned on.
``bench/languages.py`` prints the same figures per family.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from honest_offers.catalog import LoadedOffer, load_offer_text
from honest_offers.check import CheckResult, check_html, check_offer, check_text, lang
from honest_offers.check.normalize import normalize
from honest_offers.site import site_language
from tests.conftest import REPO_ROOT, offer_yaml

sys.path.insert(0, str(REPO_ROOT / "bench"))

import languages as figures

WRITTEN_WITH_THE_RULES, HELD_OUT = figures.DEFAULT


def rules(text: str, tag: str | None) -> set[str]:
    with lang.page_language(tag):
        return {f.rule for f in check_text(text, path="page.md")}


@pytest.mark.parametrize("unknown", [False, True], ids=["page-language", "unknown-language"])
@pytest.mark.parametrize(
    ("path", "floor"), [(WRITTEN_WITH_THE_RULES, 0.95), (HELD_OUT, 0.9)], ids=["dev", "held-out"]
)
def test_recall_and_false_positives_per_language(path: Path, floor: float, unknown: bool) -> None:
    found = figures.figures(figures.read(path, unknown=unknown))
    assert set(found) == {"de", "fr", "es"}
    for code, fig in found.items():
        misses = [(t.expect, t.text, t.rules) for t in fig.misses]
        assert fig.recall >= floor, (code, misses)
        assert fig.false_positives == 0, (code, misses)


def test_every_language_has_enough_texts() -> None:
    found = figures.figures(figures.read(WRITTEN_WITH_THE_RULES))
    for code, fig in found.items():
        assert fig.tactics + fig.honest >= 60, code
        assert fig.honest >= 20, code
        assert {"HO1", "HO2", "HO3", "HO4", "HO5"} <= set(fig.by_family), code


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("de", {"en", "de"}),
        ("de-AT", {"en", "de"}),
        ("fr_CH", {"en", "fr"}),
        ("ES", {"en", "es"}),
        ("en-GB", {"en"}),
        (None, set(lang.SUPPORTED)),
        ("", set(lang.SUPPORTED)),
        ("it", set(lang.SUPPORTED)),  # no word data: every language is tried
    ],
)
def test_languages_of_a_tag(tag: str | None, expected: set[str]) -> None:
    assert lang.languages(tag) == expected


def test_a_page_is_read_in_its_language_and_english() -> None:
    german = "Nur noch 2 Plätze frei!"
    assert rules(german, "de") == {"HO201"}
    assert rules(german, None) == {"HO201"}  # unknown: every language
    assert rules(german, "en") == set()  # an English page is not read as German
    assert rules(german, "fr") == set()
    assert rules("Only 2 places left!", "de") == {"HO201"}  # English is always read


def test_the_innermost_language_wins_and_none_keeps_the_outer() -> None:
    with lang.page_language("de"):
        with lang.page_language(None):
            assert lang.current() == {"en", "de"}
        with lang.page_language("fr"):
            assert lang.current() == {"en", "fr"}
        with lang.page_language("es", "de"):
            assert lang.current() == {"en", "es", "de"}
    assert lang.current() == lang.EVERY


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nur noch 3 Plätze frei", "nur noch 3 platze frei"),
        ("GROSSE Nachfrage, große Nachfrage", "grosse nachfrage, grosse nachfrage"),
        ("¡Últimas unidades! ¿A qué esperas?", "!ultimas unidades! ?a que esperas?"),
        (
            "Dépêchez-vous\u202f! Plus que 2\u00a0places\u202f!",
            "depechez-vous ! plus que 2 places !",
        ),
        ("de\u0301ja\u0300 re\u0301serve\u0301", "deja reserve"),  # accents written apart (NFD)
        ("l\u2019offre d\u2019achat", "l'offre d'achat"),
        ("Niño, señor", "nino, senor"),
    ],
)
def test_normal_form_of_each_language(raw: str, expected: str) -> None:
    norm = normalize(raw)
    assert norm.text == expected
    start, end = norm.original_span(0, len(norm.text))
    assert raw[start:end] == raw.strip()


@pytest.mark.parametrize(
    ("text", "tag", "rule"),
    [
        ("Nur noch 2 Plaetze frei? Nein: Nur noch 2 Plätze frei!", "de", "HO201"),
        ("NUR NOCH 2 PLÄTZE FREI!", "de", "HO201"),
        ("Dépêchez-vous\u202f!", "fr", "HO103"),
        ("Depechez-vous !", "fr", "HO103"),
        ("Il ne reste que 2 places\u00a0!", "fr", "HO201"),
        ("¡Últimas unidades!", "es", "HO201"),
        ("ultimas unidades", "es", "HO201"),
        ("¿A qué esperas?", "es", "HO103"),
    ],
)
def test_tactics_are_found_with_and_without_accents(text: str, tag: str, rule: str) -> None:
    assert rule in rules(text, tag)


@pytest.mark.parametrize(
    ("text", "tag", "rule"),
    [
        ("Beeile dich!", "de", "HO103"),
        ("Worauf wartest du noch?", "de", "HO103"),
        ("Fast weg!", "de", "HO201"),
        ("Die Kurse sind immer schnell ausverkauft.", "de", "HO202"),
        ("Presque épuisés !", "fr", "HO201"),
        ("Ne laisse pas passer cette chance.", "fr", "HO103"),
        ("Offres se terminent bientôt.", "fr", "HO102"),
        ("Antes de que te vayas: un regalo.", "es", "HO403"),
        ("Casi sin stock.", "es", "HO201"),
        ("Ofertas terminan pronto.", "es", "HO102"),
        ("Lena und 412 anderen gefällt dieser Kurs.", "de", "HO302"),
        # only a little time left, said with "only"
        ("Nur noch 3 Tage!", "de", "HO101"),
        ("Il ne reste que 3 jours pour en profiter.", "fr", "HO101"),
        ("Solo quedan 3 días.", "es", "HO101"),
        # the amount before the verb, and a saving per month with a time limit
        ("Heute 80 € sparen!", "de", "HO502"),
        ("Sie sparen 12 €/Monat, aber nur noch heute.", "de", "HO502"),
        ("Économisez 6 €/mois, seulement aujourd\u2019hui.", "fr", "HO502"),
        ("Ahorra 3 €/mes, solo hoy.", "es", "HO502"),
    ],
)
def test_tactics_in_a_branch_of_a_pattern_are_found(text: str, tag: str, rule: str) -> None:
    # Each was missed while its pattern's anchors named only the other branches' words.
    assert rule in rules(text, tag)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Keine Eile: Sie können auch nächste Woche buchen.", "de"),
        ("Sie brauchen sich nicht zu beeilen.", "de"),
        ("Lieferung in 3\u20135 Werktagen, Öffnungszeiten Mo\u2013Fr 9\u201318 Uhr.", "de"),
        ("Begrenzte Garantie: 2 Jahre.", "de"),
        ("Der Kurs beginnt am 12.03.2027.", "de"),
        ("Rien ne presse : l'atelier a lieu chaque mois.", "fr"),
        ("Livraison sous 3 à 5 jours ouvrés. Garantie limitée d'un an.", "fr"),
        ("Ouvert du lundi au vendredi, de 9 h 30 à 18 h.", "fr"),
        ("Sin prisas: el taller se repite cada mes.", "es"),
        ("Uns gefällt dieses Design, deshalb bieten wir es an.", "de"),
        # German price words that are English words too, before a dollar amount
        ("Aside from the regular $10 of credit, schools get $50 a year.", "de"),
        ("Der Workshop dauert 2 Tage 6 Std.", "de"),
        ("Durée : 1 h 30 min.", "fr"),
        ("Duración: 1 h 30 min.", "es"),
        ("Envío en 2 a 4 días hábiles. Garantía limitada de un año.", "es"),
        ("Horario: lunes a viernes de 9:00 a 18:00. Empieza el 12/03/2027.", "es"),
        # time until a course starts, and questions left in a quiz
        ("Noch 3 Tage bis zum Kursstart.", "de"),
        ("Il reste 3 jours avant le début du cours.", "fr"),
        ("Quedan 3 días para el inicio del curso.", "es"),
        ("Il reste 3 questions dans ce quiz.", "fr"),
        ("Quedan 3 preguntas en este cuestionario.", "es"),
        # a standing price for a billing period
        ("Spare bis zu 40 % bei den jährlichen Tarifen!", "de"),
        ("20 % Rabatt im Jahresabo.", "de"),
        ("Économisez 20 % avec l\u2019abonnement annuel.", "fr"),
        ("Ahorra un 20 % con el plan anual.", "es"),
        # a plan switcher's term, then its saving
        ("Anual: ahorra un 20 %", "es"),
        ("Jährlich: sparen Sie 20 %", "de"),
        ("Annuel : économisez 20 %", "fr"),
        # a saving counted per month or per head: one plan against another
        ("Sie sparen 12 €/Monat gegenüber dem Einzeltarif.", "de"),
        ("Im Teamtarif sparen Sie 5 € pro Nutzer.", "de"),
        ("So können Sie 50 € sparen, wenn Sie jährlich zahlen.", "de"),
        ("Le forfait équipe : économisez 6 € par utilisateur.", "fr"),
        ("Con el plan familiar ahorras 3 €/mes por persona.", "es"),
        # a shop's withdrawal terms: the last part of an order received
        ("Die Frist beginnt, wenn Sie das letzte Stück in Besitz genommen haben.", "de"),
    ],
)
def test_honest_traps_pass_in_their_language_and_as_unknown(text: str, tag: str) -> None:
    assert rules(text, tag) == set()
    assert rules(text, None) == set()


TODAY = date(2026, 11, 23)


def offer(**changes: object) -> LoadedOffer:
    loaded, problems = load_offer_text(offer_yaml(**changes), Path("x.yml"), "offers/x.yml", TODAY)
    assert loaded is not None, [p.format() for p in problems]
    return loaded


def test_an_offers_lang_overrides_the_site_language() -> None:
    french = offer(lang="fr", does_not=["Plus que 2 places disponibles !"])
    german_site_offer = offer(does_not=["Plus que 2 places disponibles !"])
    with lang.page_language("de"):
        assert [f.rule for f in check_offer(french).findings] == ["HO201"]
        assert check_offer(german_site_offer).findings == []


@pytest.mark.parametrize(
    ("html", "declared"),
    [
        ('<html lang="de"><body><p lang=fr-CA>x</p></body></html>', ["de", "fr-CA"]),
        ("<html><body><p>Hallo</p></body></html>", []),
        ('<svg xml:lang="es"></svg>', ["es"]),
    ],
)
def test_languages_an_html_page_declares(html: str, declared: list[str]) -> None:
    assert lang.declared(html) == declared


def test_every_language_pattern_names_its_anchors() -> None:
    for data in lang.LANGUAGES.values():
        for phrase in data.phrases:
            for item in phrase.patterns:
                assert item.anchors, (data.code, phrase.rule.code, item.regex)
                assert all(a == a.lower() and " " not in a for a in item.anchors)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({"theme": {"name": "material", "language": "de"}}, "de"),
        ({"theme": "material", "plugins": [{"honest-offers": {"locale": "fr_FR"}}]}, "fr_FR"),
        ({"theme": {"language": "es"}, "plugins": [{"honest-offers": {"locale": "de"}}]}, "es"),
        ({"theme": {"name": "material"}}, None),  # unknown: every language is tried
        ({}, None),
    ],
)
def test_a_sites_language(config: dict[str, object], expected: str | None) -> None:
    assert site_language(config) == expected


def test_a_built_page_is_read_in_the_languages_it_declares() -> None:
    text = "<body><p>Nur noch 2 Plätze frei!</p></body></html>"
    with lang.page_language("en"):
        assert rules_of(check_html(f'<html lang="de">{text}', "a.html")) == ["HO201"]
        assert rules_of(check_html(f'<html lang="en">{text}', "b.html")) == []
        assert rules_of(check_html(f"<html>{text}", "c.html")) == []  # the site's: English
        offer = f'<html lang="en"><body><div lang="de">{text}</div>'
        assert rules_of(check_html(offer, "d.html")) == ["HO201"]
    assert rules_of(check_html(f"<html>{text}", "e.html")) == ["HO201"]  # unknown: all


def rules_of(result: CheckResult) -> list[str]:
    return [f.rule for f in result.findings]
