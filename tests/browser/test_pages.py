"""The built example site in a real browser: accessibility (axe-core, WCAG 2.2 AA), no
request beyond 127.0.0.1, offers that read completely without JavaScript, layout at 375 and
1280 px, and a visible keyboard focus on the call to action.

Screenshots land in ``test-artifacts/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from honest_offers.render.view import offer_view
from tests.browser.conftest import (
    AXE,
    INDEX_PATH,
    OFFER_PATHS,
    OFFER_SLUGS,
    artifact,
    example_offers,
    require,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NAV_PAGES = ["", INDEX_PATH, "about/", "honesty-rules/"]
"""Every page in the example site's navigation; offers are linked from the index."""
SCHEMES = {"light": "default", "dark": "slate"}
"""prefers-color-scheme → the Material palette the page must end up with."""
WIDTHS = (375, 1280)


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def _axe_report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"][:6]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    at {' '.join(node['target'])}: {summary}")
        if len(violation["nodes"]) > 6:
            lines.append(f"    ... and {len(violation['nodes']) - 6} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", [*NAV_PAGES, *OFFER_PATHS])
def test_no_axe_violations(visit: Any, site_url: str, path: str, scheme: str) -> None:
    _no_axe_violations(visit, site_url, path, scheme)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", [*NAV_PAGES, *OFFER_PATHS])
def test_no_axe_violations_in_the_german_build(
    german_visit: Any, german_site_url: str, path: str, scheme: str
) -> None:
    page = _no_axe_violations(german_visit, german_site_url, path, scheme)
    assert page.get_attribute("html", "lang") == "de"


def _no_axe_violations(visit: Any, site_url: str, path: str, scheme: str) -> Any:
    require("axe")
    page = visit(color_scheme=scheme).context.new_page()
    page.goto(site_url + path, wait_until="load")
    palette = page.get_attribute("body", "data-md-color-scheme")
    assert palette == SCHEMES[scheme], f"{path} rendered with palette {palette!r}"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        AXE_TAGS,
    )
    assert violations == [], (
        f"axe-core found {len(violations)} WCAG 2.2 AA violation(s) on /{path} "
        f"({scheme}):\n{_axe_report(violations)}"
    )
    return page


def test_axe_finds_a_violation_when_there_is_one(visit: Any, site_url: str) -> None:
    """The harness works: a page with an unlabelled image fails."""
    require("axe")
    page = visit().context.new_page()
    page.goto(site_url + INDEX_PATH, wait_until="load")
    page.evaluate(
        "() => document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: 'x.png'}))"
    )
    page.add_script_tag(path=str(AXE))
    ids = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    assert "image-alt" in ids


@pytest.mark.parametrize("part", range(4))
def test_no_request_leaves_loopback(visit: Any, site_url: str, built_site: Path, part: int) -> None:
    """Every HTML page of the site (a quarter per test, for two workers), with its scripts,
    styles, images and fonts: each request goes to 127.0.0.1. The other tests of this module
    check the same for the pages they open, through the ``visit`` fixture."""
    opened = visit()
    page = opened.context.new_page()
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > len(OFFER_PATHS) + len(NAV_PAGES)
    for path in pages[part::4]:
        page.goto(site_url + path, wait_until="load")
    assert len(opened.requests.urls) > len(pages[part::4])
    assert opened.requests.outside == [], "requests beyond 127.0.0.1:\n" + "\n".join(
        sorted(set(opened.requests.outside))
    )


def test_search_stays_on_loopback(visit: Any, site_url: str) -> None:
    """The search worker fetches its index only when the search is used."""
    opened = visit()
    page = opened.context.new_page()
    page.goto(site_url + INDEX_PATH, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("audit")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any(url.endswith("search_index.json") for url in opened.requests.urls)
    assert opened.requests.outside == []


def test_a_request_elsewhere_would_be_seen(visit: Any, site_url: str) -> None:
    """The recorder works: a request to another host is recorded (and blocked)."""
    opened = visit()
    opened.leak_expected = True
    page = opened.context.new_page()
    page.goto(site_url + INDEX_PATH, wait_until="load")
    page.evaluate(
        "() => new Promise(done => { const i = new Image(); i.onerror = i.onload = done; "
        "i.src = 'https://tracker.invalid/pixel.gif'; })"
    )
    assert opened.requests.outside == ["https://tracker.invalid/pixel.gif"]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("slug", OFFER_SLUGS)
def test_offer_reads_completely_without_javascript(visit: Any, site_url: str, slug: str) -> None:
    loaded = next(o for o in example_offers() if o.slug == slug)
    offer = loaded.offer
    view = offer_view(offer, slug, "en")
    page = visit(java_script_enabled=False).context.new_page()
    page.goto(f"{site_url}{INDEX_PATH}{slug}/", wait_until="load")
    assert page.evaluate("typeof document$") == "undefined"  # Material's JS did not run
    shown = _words(page.inner_text("body"))
    expected = {
        "title": [offer.title],
        "summary": [offer.summary],
        "does": list(offer.does),
        "does_not": list(offer.does_not),
        "for": list(offer.for_),
        "not_for": list(offer.not_for),
        "price total": [view.price.total],
    }
    absent = {
        field: [text for text in texts if _words(text) not in shown]
        for field, texts in expected.items()
    }
    absent = {field: texts for field, texts in absent.items() if texts}
    assert not absent, f"not visible on /{INDEX_PATH}{slug}/ without JavaScript: {absent}"
    total = page.locator(".ho-price__amount")
    assert total.is_visible()
    assert _words(total.inner_text()) == _words(view.price.total)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [INDEX_PATH, "", *OFFER_PATHS])
def test_layout_holds(visit: Any, site_url: str, path: str, width: int) -> None:
    page = visit(viewport={"width": width, "height": 800}).context.new_page()
    page.goto(site_url + path, wait_until="load")
    page.screenshot(path=artifact("layout", f"{_name(path)}-{width}.png"), full_page=True)
    sizes = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert sizes["scroll"] <= sizes["inner"], f"/{path} overflows sideways at {width} px: {sizes}"
    wider = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(el => {
             const box = el.getBoundingClientRect();
             const inScroller = el.closest('.md-typeset__scrollwrap, pre, .md-sidebar');
             if (!box.width || inScroller) return false;
             return box.right > window.innerWidth + 1 || box.left < -1;
           }).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')).slice(0, 5)"""
    )
    assert wider == [], f"/{path} at {width} px: elements outside the viewport: {wider}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_compare_table_keeps_does_not_do_on_screen(
    visit: Any, site_url: str, width: int
) -> None:
    """On a phone the table stacks into one card per offer: what each offer does not do is
    read without scrolling sideways, as visible as its price."""
    page = visit(viewport={"width": width, "height": 800}).context.new_page()
    page.goto(site_url + INDEX_PATH, wait_until="load")
    cells = page.locator(".ho-compare__does-not")
    assert cells.count() == len(OFFER_SLUGS)
    for cell in cells.all():
        cell.scroll_into_view_if_needed()
        assert cell.is_visible()
        box = cell.bounding_box()
        assert box is not None and box["width"] > 100
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (width, box)
        clipped = cell.evaluate(
            """el => { const s = el.closest('.md-typeset__scrollwrap');
                 return !!s && s.scrollWidth > s.clientWidth + 1; }"""
        )
        assert not clipped, f"at {width} px the table scrolls sideways"


@pytest.mark.parametrize("slug", OFFER_SLUGS)
def test_keyboard_focus_on_the_call_to_action_is_visible(
    visit: Any, site_url: str, slug: str
) -> None:
    page = visit(viewport={"width": 1280, "height": 900}).context.new_page()
    page.goto(f"{site_url}{INDEX_PATH}{slug}/", wait_until="load")
    cta = page.locator(".ho-cta a")
    assert cta.count() == 1, "the offer page has one call to action"
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.ho-cta')"):
            break
    else:
        pytest.fail(f"/{INDEX_PATH}{slug}/: Tab never reached the call to action")
    # Material eases colours in (transitions): read them once they have settled.
    cta.evaluate("el => Promise.all(el.getAnimations().map(a => a.finished))")
    style = cta.evaluate(
        """el => { const s = getComputedStyle(el);
             return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                     color: s.outlineColor, shadow: s.boxShadow,
                     text: s.color, background: s.backgroundColor,
                     visible: el.matches(':focus-visible')}; }"""
    )
    assert style["visible"], style
    outline = style["style"] != "none" and style["width"] > 0 and not _transparent(style["color"])
    assert outline or style["shadow"] not in ("", "none"), f"no visible focus indicator: {style}"
    assert style["width"] >= 2, f"focus outline thinner than 2 px: {style}"
    if not _transparent(style["background"]):
        ratio = _contrast(style["text"], style["background"])
        assert ratio >= 4.5, f"focused call to action: text contrast {ratio:.2f}:1 ({style})"
    box = cta.bounding_box()
    assert box is not None
    margin = 16
    page.screenshot(
        path=artifact("focus", f"{slug}-cta.png"),
        clip={
            "x": max(box["x"] - margin, 0),
            "y": max(box["y"] - margin, 0),
            "width": box["width"] + 2 * margin,
            "height": box["height"] + 2 * margin,
        },
    )


def _rgb(color: str) -> tuple[float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", color)[:3]]
    assert len(numbers) == 3, color
    return numbers[0], numbers[1], numbers[2]


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two opaque CSS rgb() colours."""

    def luminance(color: str) -> float:
        channels = [c / 255 for c in _rgb(color)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _transparent(color: str) -> bool:
    match = re.fullmatch(r"rgba\([^)]*,\s*([\d.]+)\)", color.strip())
    return color.strip() == "transparent" or (match is not None and float(match.group(1)) == 0)
