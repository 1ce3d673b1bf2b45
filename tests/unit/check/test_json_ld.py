"""JSON-LD and other JSON in pages: the quick reading (``json_quiet``) only ever says "no
findings" when reading the syntax tree finds none, so pages get the same findings either way."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check.html import check_html
from honest_offers.check.html.walker import nested_findings
from honest_offers.check.scripts import string_text_findings, tree_string_findings
from honest_offers.check.scripts.strings import json_quiet
from tests.conftest import examples

STRINGS = [
    "Service",
    "https://schema.org",
    "An accessibility audit from a studio in Aarhus.",
    "Only 2 left in stock!",
    "Offer ends in 02:14:59",
    "Hurry, sale ends tonight!",
    "No thanks, I like paying full price",
    "Sarah from Leeds just bought this",
    "2 left",
    "name",
    "<b>Only 3 seats left</b>",
    "<p>Plain words in markup.</p>",
    "Caf\u00e9 for 12 people \U0001f600",
    'Quote " and backslash \\ inside',
    "17 people are viewing this right now",
    "Yearly billing saves 10 % for charities.",
    "",
]

JSON_VALUES = st.recursive(
    st.sampled_from(STRINGS) | st.integers(-5, 500) | st.booleans() | st.none(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(STRINGS), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=examples(150), deadline=None)
@given(document=JSON_VALUES, ascii_only=st.booleans(), indent=st.sampled_from([None, 2]))
def test_quick_reading_agrees_with_the_tree(
    document: object, ascii_only: bool, indent: int | None
) -> None:
    source = json.dumps(document, ensure_ascii=ascii_only, indent=indent)
    tree = tree_string_findings(source, "p.html", 3, 5, nested_findings)
    if json_quiet(source):
        assert tree == []
    assert string_text_findings(source, "p.html", 3, 5, nested_findings) == tree


def test_a_tactic_in_json_ld_is_still_found_with_its_place() -> None:
    page = (
        '<script type="application/ld+json">\n'
        '{"@type": "Product", "description": "Hurry, only 2 left in stock!"}\n'
        "</script>"
    )
    found = check_html(page, "p.html").findings
    assert {f.rule for f in found} >= {"HO201"}
    assert {f.line for f in found} == {2}
    assert not json_quiet(page.split("\n")[1])


def test_honest_json_ld_is_quiet_and_broken_json_takes_the_tree() -> None:
    assert json_quiet('{"@type": "Service", "description": "A written plan for a garden."}')
    assert not json_quiet('{"description": "A plan", }')  # not JSON: the tree reads it
    assert not json_quiet('{"name": "\\ud83d\\ude00 smile"}')  # escaped astral character


def test_strings_remembered_as_quiet_are_remembered_per_language() -> None:
    from honest_offers.check import lang

    honest = '{"@type": "Service", "name": "Garden plan"}'
    pressure = '{"@type": "Service", "name": "Garden plan", "note": "Nur noch 2 Plätze frei!"}'
    with lang.page_language("en"):
        assert json_quiet(honest)
        assert json_quiet(pressure.replace("Nur noch 2 Plätze frei!", "Zwei Plätze"))
    with lang.page_language("de"):
        assert json_quiet(honest)  # the known strings, read again in German: still quiet
        assert not json_quiet(pressure)
    assert json_quiet("3") and json_quiet('"A plain sentence."')  # documents without objects
