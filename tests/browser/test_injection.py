"""The injection site in Chromium: no page opens a dialog or runs a payload, and Material's
search, which renders titles and text of its index as HTML, shows the payloads as text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import require, serve
from tests.conftest import run_mkdocs
from tests.injection import MARKER, write_injection_site

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

FOUND_IN_DOM = """(marker) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.localName === 'x') bad.push('<x> element');
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') && attr.value.includes(marker)) bad.push(attr.name);
      if (attr.name.includes(marker)) bad.push('attribute ' + attr.name);
      if (['href', 'src', 'action'].includes(attr.name)
          && attr.value.trim().toLowerCase().startsWith('javascript:')) bad.push(attr.value);
    }
    if (['SCRIPT', 'STYLE'].includes(el.tagName) && el.textContent.includes(marker)
        && el.type !== 'application/ld+json' && el.type !== 'application/json') {
      bad.push(el.tagName + ' with a payload');
    }
  }
  return bad;
}"""


HOVER_EVERYTHING = """() => {
  for (const el of document.querySelectorAll('*')) {
    el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  }
}"""
"""An inline ``onmouseover`` a payload slipped in would run now."""


@pytest.fixture(scope="module")
def injection_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require()
    root = tmp_path_factory.mktemp("injection-browser")
    config = write_injection_site(root)
    # Not --strict: the payloads in `details` rightly warn that their markup is removed.
    result = run_mkdocs("build", "-f", str(config), "-d", str(root / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def _watch(page: Any) -> list[str]:
    """Dialogs opened and console messages that name a payload's marker."""
    seen: list[str] = []

    def dialog(opened: Any) -> None:
        seen.append(f"dialog: {opened.message}")
        opened.dismiss()

    page.on("dialog", dialog)
    page.on("console", lambda msg: seen.append(msg.text) if MARKER in msg.text else None)
    page.on("pageerror", lambda error: seen.append(f"error: {error}"))
    return seen


def test_no_page_runs_a_payload(browser: Any, injection_url: str) -> None:
    context = browser.new_context(service_workers="block")
    offers = [f"offers/injected-{n}/" for n in range(10)]
    for path in ["", "offers/", *offers, "honesty-rules/"]:
        page = context.new_page()
        seen = _watch(page)
        page.goto(injection_url + path, wait_until="load")
        page.evaluate(HOVER_EVERYTHING)
        assert page.evaluate(FOUND_IN_DOM, MARKER) == [], path
        assert seen == [], path
        page.close()
    context.close()


def test_search_results_show_the_payloads_as_text(browser: Any, injection_url: str) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    seen = _watch(page)
    page.goto(injection_url + "offers/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(MARKER, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30_000)
    assert results.count() > 0
    assert MARKER in page.locator(".md-search-result").inner_text()
    assert page.evaluate(FOUND_IN_DOM, MARKER) == []
    page.wait_for_timeout(300)
    assert seen == []
    context.close()
