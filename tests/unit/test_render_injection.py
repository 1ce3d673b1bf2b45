"""Property: whatever text an offer holds — injection payloads cut up and mixed with any
text — the model → view → template path prints it as text. Rendered with the real partials
and the slots Material fills from a generated page's front matter (title, description, a
title through ``striptags``), after the plugin's own escaping."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from honest_offers.catalog import load_offer_text
from honest_offers.mkdocs_plugin.escaping import escape_page_text, striptags_as_text
from honest_offers.mkdocs_plugin.i18n import install_translations
from honest_offers.mkdocs_plugin.pages import IndexEntry
from honest_offers.render.view import offer_view
from honest_offers.validate.model import Offer
from tests.conftest import REPO_ROOT, examples
from tests.injection import MARKER, PAYLOADS, html_escapes, injected_offer

PARTIALS = sorted(
    p.name
    for p in (REPO_ROOT / "theme" / "honest-offers" / "partials").iterdir()
    if p.name != "list-pair.html"  # included by scope.html and audience.html with its variables
)
MATERIAL_SLOTS = (
    '<title>{{ page.meta.title }} - Site</title><meta name="description" '
    'content="{{ page.meta.description }}"><header>{{ page.title | striptags }}</header>'
    '<a title="{{ page.title | striptags | e }}">{{ page.title }}</a>'
)
"""How Material prints a page's title and description: without autoescaping."""


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(REPO_ROOT / "theme")), undefined=StrictUndefined)
    env.filters["url"] = lambda value: value
    env.filters["striptags"] = striptags_as_text
    install_translations(env, "en")  # the partials' `_()` and `{% trans %}`, as in a build
    return env


ENV = _environment()
LINKS = {"url", "contact"}
"""Links keep their payloads (web links the model accepts); every other text is drawn."""

pieces = st.sampled_from(
    [*PAYLOADS, "<", ">", '"', "'", "&", "</", "<!--", "-->", "{{", "}}", "{%", "%}", "\u2028"]
)
texts = st.lists(pieces | st.text(max_size=12), min_size=1, max_size=3).map("".join)
"""At most 3 x 45 characters: within a short text field's 160."""


class _Page:
    def __init__(self, meta: dict[str, Any]) -> None:
        self.meta = meta
        self.title = meta["title"]
        self.content = "<p>details, sanitised elsewhere</p>"
        self.toc: list[str] = []


class _Nav:
    def __init__(self) -> None:
        self.pages: list[_Page] = []


def _render(offer: Offer) -> str:
    view = offer_view(offer, "slug", "en")
    meta: dict[str, Any] = {"title": offer.title, "description": offer.summary}
    escape_page_text(meta)
    page = _Page(meta)
    html = ENV.from_string(MATERIAL_SLOTS).render(page=page)
    index = [IndexEntry(view=view, url="offers/slug/")]
    for name in PARTIALS:
        template = ENV.get_template(f"honest-offers/partials/{name}")
        html += template.render(offer=view, offer_index=index, page=page, nav=_Nav())
    return html


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(texts, min_size=40, max_size=40), st.integers(0, len(PAYLOADS) - 1))
def test_offer_text_renders_as_text(fillers: list[str], shift: int) -> None:
    data = injected_offer(shift)
    fill = iter(fillers)

    def refill(value: Any) -> Any:
        if isinstance(value, str) and MARKER in value:
            return "T " + next(fill, "")
        if isinstance(value, list):
            return [refill(item) for item in value]
        if isinstance(value, dict):
            return {k: v if k in LINKS else refill(v) for k, v in value.items()}
        return value

    text = yaml.safe_dump(refill(data), allow_unicode=True)
    loaded, _ = load_offer_text(text, Path("offer.yml"), "offer.yml", date(2026, 12, 4))
    assume(loaded is not None)
    assert loaded is not None
    problems, _ = html_escapes(_render(loaded.offer), "rendered")
    assert problems == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_striptags_keeps_text_escaped(payload: str) -> None:
    assert html_escapes(f"<title>{striptags_as_text(payload)}</title>", "t")[0] == []
    meta: dict[str, Any] = {"title": payload, "template": "x.html"}
    escape_page_text(meta)
    assert html_escapes(f"<title>{striptags_as_text(meta['title'])}</title>", "t")[0] == []
    assert meta["template"] == "x.html"
