"""Real builds in other languages: the German example site (examples/de/), French and Spanish
sites, and an offer whose ``lang`` differs from its site's."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_OFFER, REPO_ROOT, SITE_CONFIG, offer_yaml, run_mkdocs
from tests.e2e.test_build import page_text
from tests.unit.test_i18n import english_phrases

pytestmark = pytest.mark.e2e

EXAMPLE = REPO_ROOT / "examples" / "de"
PINNED = str(int(datetime(2026, 12, 1, tzinfo=UTC).timestamp()))
"""The example's workshop date stays in the future for the date checks (SOURCE_DATE_EPOCH)."""

GERMAN_HEADINGS = (
    "Was dieses Angebot leistet und was nicht",
    "Was dieses Angebot leistet",
    "Was dieses Angebot nicht leistet",
    "Für wen das Angebot gedacht ist",
    "Wer besser etwas anderes wählt",
    "Preis",
    "Üblicher Marktpreis",
    "Alternativen",
    "Bedingungen",
    "Der richtige Zeitpunkt",
)


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("example-de") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", PINNED)
        result = run_mkdocs("build", "--strict", "-f", "mkdocs.yml", "-d", str(out), cwd=EXAMPLE)
    assert result.returncode == 0, result.stderr
    yield out


def english_left(text: str) -> list[str]:
    return [p for p in english_phrases() if re.search(rf"\b{re.escape(p)}\b", text)]


def offer_pages(site: Path) -> list[Path]:
    return sorted((site / "angebote").glob("*/index.html"))


def test_german_example_has_two_offers_in_german(german_site: Path) -> None:
    pages = offer_pages(german_site)
    assert [page.parent.name for page in pages] == ["schreibwerkstatt", "terminbuchung"]
    for page in pages:
        markup = page.read_text("utf-8")
        assert '<html lang="de"' in markup
        headings = re.findall(r"<h[23][^>]*>([^<]*)</h[23]>", markup)
        for heading in GERMAN_HEADINGS:
            assert heading in headings, (page.parent.name, heading)


def test_german_offer_pages_keep_no_english_theme_text(german_site: Path) -> None:
    for page in offer_pages(german_site):
        text = page_text(page.read_text("utf-8"))
        assert english_left(text) == [], page.parent.name


def test_german_sentences_from_facts(german_site: Path) -> None:
    workshop = page_text((german_site / "angebote/schreibwerkstatt/index.html").read_text("utf-8"))
    assert "Nächster Beginn: Donnerstag, 7. Oktober 2027, 09:30 Uhr (Europe/Berlin)." in workshop
    assert "Kapazität: 10 Plätze pro Termin." in workshop
    assert "Dieser Preis liegt unter der üblichen Spanne." in workshop
    assert "Es fallen keine weiteren Pflichtgebühren an." in workshop
    booking = page_text((german_site / "angebote/terminbuchung/index.html").read_text("utf-8"))
    assert "Die erste Zahlung beträgt 68,00 €, weil sie die unten aufgeführten" in booking
    assert "(einmalig, mit der ersten Zahlung)" in booking
    assert "Eine Frage stellen" in booking  # the call to action when the offer names none


def test_german_index_and_table_of_contents(german_site: Path) -> None:
    index = (german_site / "angebote" / "index.html").read_text("utf-8")
    text = page_text(index)
    assert "Gesamtpreis" in text and "Leistet nicht" in text and "erste Zahlung 68,00 €" in text
    assert english_left(text.split("Angebote", 1)[1]) == []
    workshop = (german_site / "angebote/schreibwerkstatt/index.html").read_text("utf-8")
    toc = workshop.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    assert "Üblicher Marktpreis" in toc and "Der richtige Zeitpunkt" in toc


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            (
                "Prix habituel du marché",
                "Ce que cette offre ne fait pas",
                "Poser une question",
                "Détails",
            ),
        ),
        (
            "es",
            (
                "Precio habitual en el mercado",
                "Qué no hace esta oferta",
                "Hacer una pregunta",
                "Detalles",
            ),
        ),
    ],
)
def test_french_and_spanish_sites(
    make_site: Callable[..., Path], tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    config = SITE_CONFIG.replace("  font: false\n", f"  font: false\n  language: {language}\n")
    seller = {"name": "Studio", "contact": "hi@studio.example"}
    offer = offer_yaml(seller=seller, details="## Plan\n\nOne visit.\n")
    root = make_site({"garden-plan.yml": offer}, config=config)
    result = run_mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "offers" / "garden-plan" / "index.html").read_text("utf-8")
    text = page_text(page)
    for expected in words:
        assert expected in text
    toc = page.split('data-md-component="toc"', 1)[1].split("</nav>", 1)[0]
    assert words[-1] in toc  # the table of contents names the details section in the language
    offer_text = " ".join(str(value) for value in MINIMAL_OFFER.values())
    assert [p for p in english_left(text) if p not in offer_text] == []


def test_an_offer_in_another_language_than_its_site(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """`lang: de` on an English site: the offer's page is German and says so; the index stays
    English and marks the offer's own text."""
    root = make_site({"garten.yml": offer_yaml(lang="de"), "garden.yml": offer_yaml(slug="garden")})
    result = run_mkdocs("build", "--strict", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    german = (tmp_path / "out" / "offers" / "garten" / "index.html").read_text("utf-8")
    assert '<div class="ho-offer" lang="de">' in german
    assert "Üblicher Marktpreis" in german and "Typical market price" not in german
    english = (tmp_path / "out" / "offers" / "garden" / "index.html").read_text("utf-8")
    assert "ho-offer" not in english and "Typical market price" in english
    index = (tmp_path / "out" / "offers" / "index.html").read_text("utf-8")
    assert "Total price" in index and '<th scope="row" lang="de">' in index
    assert index.count('<th scope="row">') == 1


def test_german_offers_declare_and_meet_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    import yaml

    from honest_offers.validate.schema import SCHEMA_PATH, offer_json_schema

    validator = jsonschema.Draft202012Validator(offer_json_schema())
    offers = sorted((EXAMPLE / "offers").glob("*.yml"))
    assert len(offers) == 2
    for offer in offers:
        text = offer.read_text("utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), offer.name
        assert (offer.parent / first.split("$schema=", 1)[1]).resolve() == SCHEMA_PATH.resolve()
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        assert [e.message for e in validator.iter_errors(data)] == [], offer.name
