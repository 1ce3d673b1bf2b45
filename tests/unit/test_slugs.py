"""Slugs from titles: written out as people write them, always a safe web address."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from honest_offers.catalog import SLUG
from honest_offers.slugs import SLUG_MAX, slugify
from tests.conftest import examples


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Brötchen & Kaffee", "broetchen-kaffee"),
        ("Größe ÄÖÜ", "groesse-aeoeue"),
        ("Straße", "strasse"),
        ("Café crème", "cafe-creme"),
        ("Façade", "facade"),
        ("Ñandú", "nandu"),
        ("Anna\u2019s Bäckerei", "annas-baeckerei"),
        ("Ørsted Æbleskiver", "orsted-aebleskiver"),
        ("Łódź", "lodz"),
        ("Garden plan (2 hours)", "garden-plan-2-hours"),
        ("βιβλίο", "vivlio"),
        ("Йога в Москве", "yoga-v-moskve"),
        ("٣ days", "3-days"),
        ("o\u0308", "oe"),  # decomposed: the same as ö
        ("日本茶", ""),
        ("!!!", ""),
    ],
)
def test_titles_are_written_out(title: str, slug: str) -> None:
    assert slugify(title) == slug


_RANGES = ((0x41, 0x7B), (0xC0, 0x180), (0x386, 0x3CF), (0x400, 0x460))
"""ASCII, Latin-1 and Latin Extended-A, Greek, Cyrillic."""
_LETTERS = st.sampled_from(
    [
        chr(code)
        for low, high in _RANGES
        for code in range(low, high)
        if chr(code).isalpha() and chr(code) not in "ЪЬъь"  # silent signs: nothing to write
    ]
)
_TITLES = st.text(
    st.one_of(st.characters(codec="utf-8"), _LETTERS, st.sampled_from(" -'\u2019.&")), max_size=120
)


@settings(max_examples=examples(400))
@given(_TITLES)
@example("ß" * 100)
@example("ъ a")
@example("- ä -")
def test_a_slug_is_a_safe_address_and_stable(title: str) -> None:
    slug = slugify(title)
    assert slug.isascii()
    assert slug == "" or SLUG.match(slug)
    assert len(slug) <= SLUG_MAX
    assert slugify(slug) == slug
    assert slugify(unicodedata.normalize("NFD", title)) == slug


@settings(max_examples=examples(400))
@given(_TITLES, _LETTERS, _TITLES)
def test_a_title_with_a_latin_greek_or_cyrillic_letter_has_a_slug(
    before: str, letter: str, after: str
) -> None:
    assert slugify(before + letter + after) != ""
