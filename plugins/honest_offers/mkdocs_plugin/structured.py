"""Structured data for MkDocs: offer pictures copied into the site, the head of generated
pages (JSON-LD, link preview tags, the feed link) and ``offers.json`` with its schema.

Addresses follow the site: absolute below ``site_url`` when it is set, else relative to the
page (or to the feed), so a site published under a sub-path works either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from honest_offers.catalog import LoadedOffer, image_file
from honest_offers.dates import build_date
from honest_offers.mkdocs_plugin.pages import OfferPages
from honest_offers.render.feed import (
    FEED_FILE,
    SCHEMA_FILE,
    FeedItem,
    FeedSite,
    feed_json_schema,
    feed_text,
    offers_feed,
)
from honest_offers.render.structured import (
    Links,
    MetaTag,
    Preview,
    is_goods,
    item_list_json_ld,
    offer_json_ld,
    script_json,
    social_tags,
)
from honest_offers.render.view import OfferView

NO_SITE_URL = (
    "honest-offers: `site_url` is not set, so offer pages get no canonical link, link "
    "previews no address or picture, and the sitemap and offers.json only relative "
    "addresses. Set `site_url` to the address the site is published at."
)


@dataclass(frozen=True, slots=True)
class Head:
    """What ``partials/head.html`` writes into a generated page's ``<head>``."""

    json_ld: str
    """Already escaped for a ``<script>`` element; the template writes it as it is."""
    tags: tuple[MetaTag, ...]
    feed: str
    """The feed's address relative to the page."""


def site_address(config: MkDocsConfig, url: str, page: Page) -> str:
    """``url`` (relative to the site's root) as the page should name it: absolute below
    ``site_url``, else relative to the page."""
    if config.site_url:
        return urljoin(_base(config), url)
    return get_relative_url(url, page.url)


def _base(config: MkDocsConfig) -> str:
    return str(config.site_url).rstrip("/") + "/"


def image_files(offers: dict[str, LoadedOffer], config: MkDocsConfig) -> dict[str, File]:
    """Each declared picture as a file beside its offer page (``offers/<slug>/<name>``), by
    the page's ``src_uri``."""
    found = {}
    for uri, loaded in offers.items():
        path = image_file(loaded)
        if path is None:
            continue
        dest = PurePosixPath(uri).with_suffix("") / path.name
        found[uri] = File.generated(
            config, dest.as_posix(), abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV
        )
    return found


def offer_head(
    loaded: LoadedOffer, view: OfferView, image: File | None, page: Page, config: MkDocsConfig
) -> Head:
    offer = loaded.offer
    canonical = page.canonical_url
    contact = offer.seller.contact if offer.seller else None
    links = Links(
        page=canonical,
        image=site_address(config, image.url, page) if image else None,
        contact=urljoin(canonical, contact) if canonical and contact else contact,
    )
    preview = Preview(
        title=offer.title,
        description=offer.summary,
        site_name=config.site_name,
        locale=view.locale,
        og_type="product" if is_goods(offer) else "website",
        url=canonical,
        image=links.image,
        image_alt=offer.image.alt if offer.image else None,
    )
    return Head(
        script_json(offer_json_ld(offer, links, view.price.charged, build_date())),
        social_tags(preview),
        get_relative_url(FEED_FILE, page.url),
    )


def index_head(
    entries: list[tuple[str, str]], page: Page, config: MkDocsConfig, locale: str
) -> Head:
    """The offers index: an ``ItemList`` of ``(title, url from the site root)``."""
    title = str(page.meta.get("title") or page.title or "")
    items = [(name, site_address(config, url, page)) for name, url in entries]
    preview = Preview(
        title=title,
        description=config.site_description,
        site_name=config.site_name,
        locale=locale,
        url=page.canonical_url,
    )
    return Head(
        script_json(item_list_json_ld(title, items)),
        social_tags(preview),
        get_relative_url(FEED_FILE, page.url),
    )


def feed_files(
    offers: list[tuple[LoadedOffer, File, File | None]],
    index: File,
    config: MkDocsConfig,
    title: str,
    locale: str,
) -> list[File]:
    """``offers.json`` and ``offers.schema.json`` at the site's root, from ``(offer, page
    file, picture file)`` in the index's order."""
    base = _base(config) if config.site_url else ""
    items = [
        FeedItem(loaded.offer, loaded.slug, base + page.url, base + image.url if image else None)
        for loaded, page, image in offers
    ]
    site = FeedSite(
        title=f"{config.site_name}: {title}",
        description=config.site_description,
        language=locale,
        home=base + index.url,
        feed=base + FEED_FILE,
    )
    feed = feed_text(offers_feed(site, items))
    schema = json.dumps(feed_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return [
        File.generated(config, FEED_FILE, content=feed, inclusion=InclusionLevel.NOT_IN_NAV),
        File.generated(config, SCHEMA_FILE, content=schema, inclusion=InclusionLevel.NOT_IN_NAV),
    ]


def add_structured_files(
    pages: OfferPages, files: Files, config: MkDocsConfig, title: str, locale: str
) -> None:
    """Offer pictures beside their pages, and the feed with its schema at the site's root."""
    for name in (FEED_FILE, SCHEMA_FILE):
        if files.get_file_from_path(name) is not None:
            raise PluginError(
                f"honest-offers: docs/{name} already exists, but the plugin publishes the "
                "offers feed there. Rename or move the file."
            )
    pages.images = image_files(pages.sources, config)
    for file in pages.images.values():
        files.append(file)
    index = next(file for file in pages.files if file.src_uri == pages.index_uri)
    offers = [
        (pages.sources[file.src_uri], file, pages.images.get(file.src_uri))
        for file in pages.files
        if file.src_uri in pages.sources
    ]
    for file in feed_files(offers, index, config, title, locale):
        files.append(file)


def page_context(
    pages: OfferPages, page: Page, config: MkDocsConfig, locale: str
) -> dict[str, Any]:
    """``honest_offers_head`` for an offer page or the index; nothing for other pages."""
    uri = page.file.src_uri
    if uri in pages.views:
        head = offer_head(pages.sources[uri], pages.views[uri], pages.images.get(uri), page, config)
        return {"honest_offers_head": head, "offer_image": _picture(pages, uri, page)}
    if uri == pages.index_uri:
        entries = [(entry.view.title, entry.url) for entry in pages.index]
        return {"honest_offers_head": index_head(entries, page, config, locale)}
    return {}


@dataclass(frozen=True, slots=True)
class Picture:
    url: str
    """Relative to the page."""
    alt: str


def _picture(pages: OfferPages, uri: str, page: Page) -> Picture | None:
    file, image = pages.images.get(uri), pages.sources[uri].offer.image
    if file is None or image is None:
        return None
    return Picture(get_relative_url(file.url, page.url), image.alt)
