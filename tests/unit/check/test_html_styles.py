"""check_stylesheet: struck price styling, visible content strings, vendor imports, markers."""

from __future__ import annotations

from importlib.resources import files

import pytest

from honest_offers.check.finding import Finding
from honest_offers.check.styles import check_stylesheet


def findings(css: str) -> list[Finding]:
    return check_stylesheet(css, "extra.css").findings


def at(source: str, found: Finding) -> str:
    return source.split("\n")[found.line - 1][found.column - 1 :]


@pytest.mark.parametrize(
    "css",
    [
        ".old-price { color: grey; text-decoration: line-through; }",
        ".product .price s{text-decoration-line:line-through}",
        "@media (min-width: 40em) { .compare-at-price { text-decoration: line-through red } }",
        "#rrp { text-decoration: LINE-THROUGH }",
    ],
)
def test_struck_price_styles(css: str) -> None:
    (found,) = findings(css)
    assert found.rule == "HO603"
    assert at(css, found).startswith(found.excerpt)


@pytest.mark.parametrize(
    "css",
    [
        ".md-typeset del { text-decoration: line-through }",
        ".todo .done { text-decoration: line-through }",
        ".price { font-weight: bold }",
        "/* .old-price { text-decoration: line-through } */",
    ],
)
def test_struck_price_style_negatives(css: str) -> None:
    assert findings(css) == []


def test_content_strings_are_visible_text() -> None:
    css = '.badge::after {\n  content: "Only 3 left in stock!";\n}'
    (found,) = findings(css)
    assert found.rule == "HO201"
    assert (found.line, found.column) == (2, 13)


def test_content_string_escapes_keep_positions() -> None:
    css = ".b::before { content: '\\201C Hurry \\201D ' }"
    (found,) = findings(css)
    assert found.rule == "HO103"
    assert at(css, found).startswith("Hurry")


def test_vendor_imports() -> None:
    css = '@import url("https://cdn.nudgify.com/widget.css");\n.a { color: red }'
    assert [(f.rule, f.line, f.column) for f in findings(css)] == [("HO609", 1, 22)]


def test_widget_selectors_once_per_widget() -> None:
    css = (
        ".flipdown .rotor { color: #fff }\n"
        ".flipdown.flipdown__theme-dark { font-weight: bold }\n"
        "#offer .hurrify-bar, .fomo-notification { display: none }"
    )
    assert [(f.rule, f.line, f.excerpt) for f in findings(css)] == [
        ("HO601", 1, ".flipdown"),
        ("HO609", 3, ".hurrify-bar"),
        ("HO609", 3, ".fomo-notification"),
    ]


@pytest.mark.parametrize(
    "css",
    [
        # a framework's generic countdown styles, shipped whether a page uses them or not
        ".uk-countdown { display: flex }",
        ".countdown > * { font-size: 2rem }",
        # a flip clock may show the time
        ".flip-clock-wrapper ul li { float: left }",
    ],
)
def test_generic_widget_selectors_pass(css: str) -> None:
    assert findings(css) == []


def test_comment_marker_allows_a_rule() -> None:
    css = (
        '/* honest-offers: allow HO603 reason="Styles the market range, not our price" */\n'
        ".old-price { text-decoration: line-through }"
    )
    result = check_stylesheet(css, "extra.css")
    assert result.findings == []
    assert [s.finding.rule for s in result.suppressed] == ["HO603"]


def test_material_stylesheets_pass() -> None:
    folder = files("material").joinpath("templates/assets/stylesheets")
    sheets = [p for p in folder.iterdir() if p.name.endswith(".css")]
    assert sheets
    for sheet in sheets:
        assert check_stylesheet(sheet.read_text(encoding="utf-8"), sheet.name).findings == []
