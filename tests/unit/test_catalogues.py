"""The gettext catalogues: complete in every language, current, compiled, and safe to print.

When one of these fails after a change to the theme's words, run
``.venv/bin/python -m honest_offers.render.catalogues`` (extract, update, compile), translate
what it lists, and run it again.
"""

from __future__ import annotations

from functools import cache

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from honest_offers.render.catalogues import (
    LANGUAGES,
    LOCALE,
    TEMPLATE,
    extract,
    missing,
    mo_path,
    po_path,
    read_catalogue,
    repository,
    unused,
)

RERUN = "run `.venv/bin/python -m honest_offers.render.catalogues`"


@cache
def template() -> Catalog:
    return extract(repository())


def _ids(catalogue: Catalog) -> set[object]:
    return {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalogue
        if message.id
    }


def test_every_language_has_a_catalogue_and_no_other_is_half_there() -> None:
    folders = {path.name for path in LOCALE.iterdir() if path.is_dir()}
    assert folders == set(LANGUAGES)
    for language in LANGUAGES:
        assert po_path(language).is_file() and mo_path(language).is_file(), language


def test_the_theme_has_messages_from_templates_and_views() -> None:
    files = {location for message in template() for location, _ in message.locations}
    assert any(name.startswith("theme/honest-offers/partials/") for name in files)
    assert "plugins/honest_offers/render/view.py" in files
    assert len(_ids(template())) > 40


def test_no_catalogue_is_incomplete() -> None:
    """Lists, per language, every message that would be shown in English."""
    untranslated = {
        language: absent
        for language in LANGUAGES
        if (absent := missing(template(), read_catalogue(po_path(language), language)))
    }
    assert untranslated == {}, f"untranslated messages ({RERUN}, then translate them)"


def test_no_catalogue_keeps_messages_the_theme_no_longer_has() -> None:
    stale = {
        language: extra
        for language in LANGUAGES
        if (extra := unused(template(), read_catalogue(po_path(language), language)))
    }
    assert stale == {}, f"messages no longer used: {RERUN}"


def test_the_template_is_current() -> None:
    with TEMPLATE.open("rb") as stream:
        stored = read_po(stream)
    assert _ids(stored) == _ids(template()), f"{TEMPLATE.name} is stale: {RERUN}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    """The .mo files are committed (see honest_offers.render.translations): each must say
    what its .po says. Compared as messages, since the header names Babel's version."""
    source = read_catalogue(po_path(language), language)
    with mo_path(language).open("rb") as stream:
        compiled = read_mo(stream)

    def texts(catalogue: Catalog) -> dict[object, object]:
        return {
            (m.id if isinstance(m.id, str) else tuple(m.id)): (
                m.string if isinstance(m.string, str) else tuple(m.string)
            )
            for m in catalogue
            if m.id and m.string and not m.fuzzy
        }

    assert texts(compiled) == texts(source), f"{mo_path(language)} is stale: {RERUN}"
    assert compiled.plural_forms == source.plural_forms


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_plural_forms_agree_with_the_english(language: str) -> None:
    """Babel's checkers: the same %(name)s placeholders as the msgid, and as many plural
    forms as the language has."""
    catalogue = read_catalogue(po_path(language), language)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalogue.check()]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_carry_no_markup(language: str) -> None:
    """Under autoescape, a ``{% trans %}`` text is printed as markup (only its variables are
    escaped), so a translation must not hold any."""
    catalogue = read_catalogue(po_path(language), language)
    for message in catalogue:
        forms = [message.string] if isinstance(message.string, str) else list(message.string or ())
        for form in forms:
            if message.id:
                assert not set(form) & set("<>&\"'"), (language, message.id, form)


def test_english_is_the_source_text() -> None:
    catalogue = read_catalogue(po_path("en"), "en")
    for message in catalogue:
        if message.id:
            expected = message.id if isinstance(message.id, str) else list(message.id)
            actual = (
                message.string if isinstance(message.string, str) else list(message.string or ())
            )
            assert actual == expected, message.id
