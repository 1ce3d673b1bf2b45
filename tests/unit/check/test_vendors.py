"""The vendor table: hosts, class prefixes and markers of pressure-tactics vendors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check import vendors
from honest_offers.check.html import check_html
from honest_offers.check.markup_rules import MIXED_VENDOR, PRESSURE_VENDOR


def test_table_is_consistent() -> None:
    names = [v.name for v in vendors.VENDORS]
    assert len(names) == len(set(names))
    keys = [k for v in vendors.VENDORS for k in (*v.domains, *v.host_words, *v.paths)]
    assert len(keys) == len(set(keys))
    assert all(k == k.lower() for k in keys)
    for vendor in vendors.VENDORS:
        assert vendor.sells
        assert (
            vendor.domains
            or vendor.host_words
            or vendor.paths
            or vendor.class_prefixes
            or (vendor.globals)
        )


@pytest.mark.parametrize("vendor", vendors.VENDORS, ids=lambda v: v.name)
def test_every_host_is_recognised_with_any_subdomain(vendor: vendors.Vendor) -> None:
    for domain in vendor.domains:
        for url in (f"https://{domain}/x.js", f"//cdn.{domain}/a/b.js", domain.upper()):
            assert [v for _, _, v in vendors.references(url)] == [vendor]
    for word in vendor.host_words:
        assert [v for _, _, v in vendors.references(f"https://{word}-app.com/x")] == [vendor]
    for path in vendor.paths:
        assert [v for _, _, v in vendors.references(f"https://shop.example{path}x.js")] == [vendor]


@pytest.mark.parametrize(
    "text",
    [
        "https://fomo.com.example.net/x.js",
        "https://notfomo.com/x.js",
        "https://fomo.community/",
        "https://example.com/usefomo.js",
        "wheelion.example",
        "https://example.com/assets/hurrytimer.css",
    ],
)
def test_lookalikes_are_not_vendors(text: str) -> None:
    assert vendors.references(text) == []


def test_reference_span_is_the_host() -> None:
    text = "see https://load.fomo.com/api/v1/x/load.js"
    ((start, end, vendor),) = vendors.references(text)
    assert (text[start:end], vendor.name) == ("load.fomo.com", "Fomo")


def test_mixed_vendors_are_warnings_and_the_rest_errors() -> None:
    for vendor in vendors.VENDORS:
        assert vendor.rule is (MIXED_VENDOR if vendor.mixed else PRESSURE_VENDOR)
    assert MIXED_VENDOR.severity == "warning" and PRESSURE_VENDOR.severity == "error"
    mixed = {v.name for v in vendors.VENDORS if v.mixed}
    assert {"Elfsight", "OptinMonster", "Privy"} <= mixed
    assert {"Deadline Funnel", "Fomo", "Wheelio"}.isdisjoint(mixed)


def test_class_prefixes_attributes_and_globals() -> None:
    assert vendors.by_class("Hurrify-Bar") is not None
    assert vendors.by_class("hurry") is None
    by_attribute = vendors.by_attribute("data-scriptid", " DFUnifiedCode ")
    assert by_attribute is not None and by_attribute.name == "Deadline Funnel"
    assert vendors.by_attribute("data-scriptid", "other") is None
    by_global = vendors.by_global("essentialCountdownTimerConfigs")
    assert by_global is not None and by_global.name == "Essential Countdown Timer"
    assert vendors.by_global("countdown") is None


@pytest.mark.parametrize(
    "src",
    [
        "https://i.countdownmail.com/3mm90t.gif",
        "https://gen.sendtric.com/countdown/80s5eb2oyv",
        "http://s.mmgo.io/t/B7Aj",
    ],
)
def test_a_countdown_image_is_a_countdown_without_a_script(src: str) -> None:
    """Countdown-image services draw the time left into a GIF at every load: the page shows
    a ticking countdown with no script at all."""
    page = f'<p>Garden tools</p>\n<img src="{src}" alt="">\n'
    assert [f.rule for f in check_html(page, "sale.html").findings] == [PRESSURE_VENDOR.code]


# -- the quick gates before the patterns: the same answers as without them -------------------

_KEYS = [k for v in vendors.VENDORS for k in (*v.domains, *v.host_words, *v.paths)]
_PIECES = st.sampled_from(
    [*_KEYS, *(k.upper() for k in _KEYS), "cdn.", "https://", "/", ".", "-", " ", "x", "app"]
)
_FOLDS = {"i": ("\u0130", "\u0131"), "s": ("\u017f",), "k": ("\u212a", "K")}
_FOLDED = st.sampled_from(
    [k.replace(a, f, 1) for k in _KEYS for a, fs in _FOLDS.items() if a in k for f in fs]
)
"""Keys with a letter that a case-blind pattern reads as ASCII (capital I with a dot,
dotless i, long s, the Kelvin sign)."""


def _ungated_references(text: str) -> list[tuple[int, int, vendors.Vendor]]:
    found = []
    for match in vendors._REFERENCE.finditer(text):
        key = match.group(match.lastgroup or 0).lower()
        vendor = vendors._BY_KEY.get(key) or vendors._vendor_by_word(key)
        if vendor is not None:
            found.append((match.start(), match.end(), vendor))
    return found


@settings(max_examples=300)
@given(st.lists(st.one_of(_PIECES, _FOLDED, st.text(max_size=4)), max_size=12).map("".join))
def test_references_are_those_of_the_pattern_alone(text: str) -> None:
    """The search for a vendor key first (:data:`vendors._REFERENCE_KEYS`) never hides a
    reference the full pattern finds, letters a case-blind pattern folds included."""
    assert vendors.references(text) == _ungated_references(text)


_PREFIX_PIECES = st.sampled_from([p for p, _ in vendors._PREFIXES])


@given(st.lists(st.one_of(_PREFIX_PIECES, st.text(max_size=6)), max_size=4).map("".join))
def test_class_prefix_lookup_is_the_loop(name: str) -> None:
    """The one ``startswith`` over every prefix first answers as the loop alone."""
    lowered = name.lower()
    expected = next((v for p, v in vendors._PREFIXES if lowered.startswith(p)), None)
    assert vendors.by_class(name) is expected
