"""``offers.json``: every offer of a site for other tools, as a JSON Feed 1.1 document.

A feed reader subscribes to it as to any feed; a tool reads each item's ``_honest_offer``,
the validated offer with the field names of the YAML (the public contract), and checks the
document against ``offers.schema.json``, published beside it. ``_honest_offers.version``
changes only when the document's shape changes in a way that breaks a reader.

Items carry no dates: an offer file states none for itself, and the feed says nothing the
YAML does not. Addresses are absolute when the site has a ``site_url``; without one they are
relative to the feed's own address (the site's root), where JSON Feed readers resolve them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from honest_offers.validate.model import Offer

FEED_FILE = "offers.json"
SCHEMA_FILE = "offers.schema.json"
FEED_VERSION = 1
"""The shape of ``offers.json`` for tools (JSON Feed's own ``version`` is its spec's URL)."""
JSON_FEED = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True, slots=True)
class FeedItem:
    offer: Offer
    slug: str
    url: str
    """The offer page's address (absolute, or relative to the feed)."""
    image: str | None


@dataclass(frozen=True, slots=True)
class FeedSite:
    title: str
    description: str | None
    language: str
    home: str
    """The offers index's address."""
    feed: str
    """The feed's own address (absolute, or its file name)."""


def offers_feed(site: FeedSite, items: Sequence[FeedItem]) -> dict[str, Any]:
    """The feed document, in the order the index lists the offers."""
    data: dict[str, Any] = {
        "version": JSON_FEED,
        "title": site.title,
        "home_page_url": site.home,
        "feed_url": site.feed,
    }
    if site.description:
        data["description"] = site.description
    data["language"] = site.language.replace("_", "-")
    data["_honest_offers"] = {"version": FEED_VERSION, "schema": SCHEMA_FILE}
    data["items"] = [_item(item) for item in items]
    return data


def _item(item: FeedItem) -> dict[str, Any]:
    offer = item.offer
    data: dict[str, Any] = {
        "id": item.url,
        "url": item.url,
        "title": offer.title,
        "summary": offer.summary,
        "content_text": offer.summary,
    }
    if item.image:
        data["image"] = item.image
    if offer.lang:
        data["language"] = offer.lang.replace("_", "-")
    data["_honest_offer"] = {
        "slug": item.slug,
        **offer.model_dump(mode="json", by_alias=True, exclude_none=True),
    }
    return data


def feed_text(data: dict[str, Any]) -> str:
    """Stable text: the same offers give the same bytes. Compact, because only the C encoder
    writes compact JSON: indented, 5,000 offers took a second of the build."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def feed_json_schema() -> dict[str, Any]:
    """The schema of ``offers.json``: JSON Feed's required parts and the offer model."""
    offer = Offer.model_json_schema(
        by_alias=True, mode="serialization", ref_template="#/$defs/{model}"
    )
    defs = offer.pop("$defs", {})
    offer["properties"]["slug"] = {"type": "string", "description": "the offer page's slug"}
    offer["required"] = sorted({*offer.get("required", ()), "slug"})
    defs["Offer"] = offer
    item = {
        "type": "object",
        "required": ["id", "url", "title", "content_text", "_honest_offer"],
        "properties": {
            "id": {"type": "string"},
            "url": {"type": "string"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "content_text": {"type": "string"},
            "image": {"type": "string"},
            "language": {"type": "string"},
            "_honest_offer": {"$ref": "#/$defs/Offer"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "honest-offers feed (offers.json)",
        "type": "object",
        "required": ["version", "title", "items", "_honest_offers"],
        "properties": {
            "version": {"const": JSON_FEED},
            "title": {"type": "string"},
            "home_page_url": {"type": "string"},
            "feed_url": {"type": "string"},
            "description": {"type": "string"},
            "language": {"type": "string"},
            "_honest_offers": {
                "type": "object",
                "required": ["version", "schema"],
                "properties": {
                    "version": {"const": FEED_VERSION},
                    "schema": {"const": SCHEMA_FILE},
                },
            },
            "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
        },
        "$defs": {**defs, "Item": item},
    }
