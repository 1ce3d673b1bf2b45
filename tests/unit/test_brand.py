"""Brand colours: WCAG contrast as the spec defines it, and the nearest passing shade."""

from __future__ import annotations

import colorsys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.cli.build import BuildError, find_sites, parse_shard, shard
from honest_offers.render.brand import (
    DARK_BACKGROUND,
    LIGHT_BACKGROUND,
    MINIMUM,
    Brand,
    brand_css,
    contrast,
    contrast_failures,
    header_text,
    hex_colour,
    nearest_passing,
    parse_colour,
)
from tests.conftest import examples

WHITE, BLACK = parse_colour("#ffffff"), parse_colour("#000000")


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#ffffff", "#000000", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic just-failing grey
        ("#767676", "#ffffff", 4.54),  # and the lightest grey that passes on white
        ("#00695c", "#ffffff", 6.61),  # the example site's teal (its stylesheet: 6.6:1)
    ],
)
def test_contrast_matches_wcag_reference_values(first: str, second: str, ratio: float) -> None:
    assert contrast(parse_colour(first), parse_colour(second)) == pytest.approx(ratio, abs=0.01)


def test_short_hex_and_bad_colours() -> None:
    assert parse_colour("#fff") == WHITE
    for bad in ("red", "#ggg", "#12345", "1d4ed8", "#1d4ed8ff"):
        with pytest.raises(ValueError, match="#rrggbb"):
            parse_colour(bad)


def test_a_light_brand_colour_fails_in_the_light_scheme_with_a_passing_suggestion() -> None:
    [failure] = contrast_failures(Brand("#f472b6", "#047857", "#f9a8d4", "#6ee7b7"))
    assert (failure.option, failure.scheme) == ("primary", "light")
    assert failure.ratio == pytest.approx(2.65, abs=0.01)
    assert contrast(parse_colour(failure.suggestion), WHITE) >= MINIMUM
    message = failure.message()
    assert "2.65:1" in message and failure.suggestion in message and "4.5:1" in message


def test_a_dark_brand_colour_used_in_both_schemes_fails_in_the_dark_one() -> None:
    failures = contrast_failures(Brand("#1d4ed8", "#b45309"))
    assert {(f.option, f.scheme) for f in failures} == {
        ("primary_dark", "dark"),
        ("accent_dark", "dark"),
    }


COLOURS = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: hex_colour(tuple(x / 255 for x in c)))


@given(colour=COLOURS, background=st.sampled_from([LIGHT_BACKGROUND, DARK_BACKGROUND]))
@settings(max_examples=examples(200), deadline=None)
def test_the_suggestion_passes_and_keeps_the_hue(colour: str, background: str) -> None:
    """Property: the suggested shade passes, and where the colour has a hue, keeps it."""
    rgb, back = parse_colour(colour), parse_colour(background)
    suggestion = nearest_passing(rgb, back)
    assert contrast(suggestion, back) >= MINIMUM
    if contrast(rgb, back) >= MINIMUM:
        assert hex_colour(suggestion) == colour or contrast(suggestion, back) >= MINIMUM
    hue, _, saturation = colorsys.rgb_to_hls(*rgb)
    new_hue, _, new_saturation = colorsys.rgb_to_hls(*suggestion)
    if saturation > 0.2 and new_saturation > 0.05 and sum(suggestion) not in (0.0, 3.0):
        assert min(abs(hue - new_hue), 1 - abs(hue - new_hue)) < 0.05


@given(colour=COLOURS)
@settings(max_examples=examples(200), deadline=None)
def test_header_text_always_passes(colour: str) -> None:
    rgb = parse_colour(colour)
    assert contrast(rgb, parse_colour(header_text(rgb))) >= MINIMUM


def test_the_stylesheet_sets_materials_variables_for_both_schemes() -> None:
    css = brand_css(Brand("#9d174d", "#047857", "#f9a8d4", "#6ee7b7"))
    assert "--md-primary-fg-color: #9d174d;" in css
    assert "--md-primary-bg-color: #ffffff;" in css
    assert '[data-md-color-scheme="slate"][data-md-color-primary="custom"]' in css
    assert "--md-typeset-a-color: #f9a8d4;" in css


# -- sites and shards ----------------------------------------------------------------------


def test_sites_are_found_below_folders_but_not_inside_a_site(tmp_path: Path) -> None:
    for folder in ("a", "b", "b/docs/nested", ".hidden/c", "node_modules/d", "e/site"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "site_config.yml").write_text("site_name: x\n", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_sites([tmp_path], tmp_path)]
    assert found == ["a/mkdocs.yml", "b/mkdocs.yml", "f/site_config.yml"]


def test_no_site_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no site config"):
        find_sites([tmp_path], tmp_path)


@given(
    names=st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), unique=True, max_size=40),
    total=st.integers(1, 12),
)
@settings(max_examples=examples(100), deadline=None)
def test_shards_split_the_sites_exactly_and_evenly(names: list[str], total: int) -> None:
    """Property: every site is in exactly one share, shares differ by at most one site, and
    the split does not depend on the order the sites were found in."""
    root = Path("/repo")
    sites = [root / name / "mkdocs.yml" for name in names]
    shares = [shard(sites, index, total, root) for index in range(1, total + 1)]
    assert sorted(s for share in shares for s in share) == sorted(sites)
    sizes = [len(share) for share in shares]
    assert max(sizes) - min(sizes) <= 1
    assert shares == [shard(sites[::-1], i, total, root) for i in range(1, total + 1)]


@pytest.mark.parametrize("bad", ["0/2", "3/2", "1", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_is_a_usage_error(bad: str) -> None:
    with pytest.raises(BuildError, match="I/N"):
        parse_shard(bad)
    assert parse_shard("2/4") == (2, 4)
