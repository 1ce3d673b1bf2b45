"""Offer ``details`` come from whoever wrote the YAML (often a client): an allowlist decides
what of the rendered Markdown reaches the page.

Scripts, event handlers, inline styles, forms, frames and ``javascript:``/``data:`` links are
removed; links get ``rel="noopener noreferrer"``. Honesty is not decided here: a struck-through
price survives sanitising and is then reported by the honesty check.
"""

from __future__ import annotations

import nh3

_LAYOUT = {"nav", "header", "footer", "article", "aside", "center", "map", "area", "acronym"}
TAGS = frozenset(nh3.ALLOWED_TAGS - _LAYOUT)
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def sanitize_details(html: str) -> str:
    """The rendered ``details`` of an offer, with only harmless markup left."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed"},
        attributes=ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
