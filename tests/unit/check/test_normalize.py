"""Normalisation: one canonical form for matching, and a way back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from honest_offers.check.normalize import _fold, _respace, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I\u00b4d rather pay", "i'd rather pay"),
        ("I\u2019ll pass", "i'll pass"),
        ("it`s gone", "it's gone"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("10:00\u201316:00", "10:00-16:00"),
        ("ONLY\u00a02\u202fLEFT", "only 2 left"),
        ("on\u200bly 2 le\u00adft", "only 2 left"),
        ("  Only\n\n 2\tleft  ", "only 2 left"),
        ("00DAYS02HRS14MIN", "00 days 02 hrs 14 min"),
        ("3days01:49:51left", "3 days 01:49:51 left"),
        ("\uff2f\uff4e\uff4c\uff59 \uff12", "only 2"),
        ("\ufb01nal hours", "final hours"),
        ("Stra\u00dfe", "strasse"),
        ("plain text stays", "plain text stays"),
    ],
)
def test_normal_form(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "needle", "original"),
    [
        ("Hurry!  ONLY\u00a02 LEFT", "only 2 left", "ONLY\u00a02 LEFT"),
        ("x\u200b only 2left", "2 left", "2left"),
        ("Ends in 00DAYS02HRS", "00 days 02 hrs", "00DAYS02HRS"),
        ("\ufb01nal offer", "final", "\ufb01nal"),
        ("a\n\n  I\u00b4d rather", "i'd rather", "I\u00b4d rather"),
    ],
)
def test_spans_map_back_to_the_original(raw: str, needle: str, original: str) -> None:
    norm = normalize(raw)
    start = norm.text.index(needle)
    first, last = norm.original_span(start, start + len(needle))
    assert raw[first:last] == original


@given(st.text())
def test_every_character_maps_into_the_original(text: str) -> None:
    norm = normalize(text)
    previous = 0
    for index in range(len(norm.text)):
        first, last = norm.original_span(index, index + 1)
        assert 0 <= first < last <= len(text)
        assert first >= previous
        previous = first


@given(st.text())
def test_normal_form_is_stable(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    assert "  " not in once
    assert once == once.strip()


@given(st.text())
def test_quick_spacing_agrees_with_the_mapped_one(text: str) -> None:
    norm = normalize(text)
    folded, _ = _fold(text)
    assert _respace(folded)[0] == norm.text
    assert norm.origins is None or len(norm.origins) == len(norm.text)


@given(st.text(alphabet="aZé1٣ \t\n\r\x0b\x1c\x85\xa0\u2028\u3000_-", max_size=40))
def test_quick_spacing_agrees_on_white_space_and_digits(text: str) -> None:
    """The same, on texts made of the characters the quick path treats specially."""
    folded, _ = _fold(text)
    assert _respace(folded)[0] == normalize(text).text
