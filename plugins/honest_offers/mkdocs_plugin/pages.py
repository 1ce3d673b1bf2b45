"""Generated pages: one per offer and an index, as in-memory files (nothing touches docs_dir)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from honest_offers.catalog import SLUG, Catalog, LoadedOffer
from honest_offers.check.docs import INDEX as RULES_INDEX
from honest_offers.check.docs import rule_pages
from honest_offers.diagnostics import Problem
from honest_offers.memo import Memo
from honest_offers.mkdocs_plugin.config import HonestOffersConfig
from honest_offers.render.view import OfferView, offer_view
from honest_offers.report import format_problems

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it: the same YAML, several times faster."""

VIEWS: Memo[tuple[str, str, str, str, str], OfferView] = Memo(100_000)
"""Offer views by offer text, path, slug, locale and what the offer inherits from the site's
defaults, for the next build in this process."""

OFFER_TEMPLATE = "honest-offers/offer.html"
PAGE_TEMPLATE = "honest-offers/page.html"
INDEX_TEMPLATE = "honest-offers/index.html"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    view: OfferView
    url: str
    """Site-relative URL of the offer page; templates pass it through the ``url`` filter."""


@dataclass(slots=True)
class OfferPages:
    files: list[File] = field(default_factory=list)
    views: dict[str, OfferView] = field(default_factory=dict)
    """Offer views by the generated page's ``src_uri``."""
    sources: dict[str, LoadedOffer] = field(default_factory=dict)
    index_uri: str = ""
    index: list[IndexEntry] = field(default_factory=list)
    images: dict[str, File] = field(default_factory=dict)
    """Each offer's picture, copied beside its page, by the page's ``src_uri``."""

    def context_for(self, page: Page) -> dict[str, Any]:
        uri = page.file.src_uri
        if uri in self.views:
            return {"offer": self.views[uri]}
        if uri == self.index_uri:
            return {"offer_index": self.index}
        return {}


def normalise_index_url(url: str) -> str:
    """``/offers`` / ``offers`` / ``offers/`` → ``offers`` (a folder below the site root)."""
    folder = url.strip().strip("/")
    if not folder or ".." in folder.split("/"):
        raise PluginError(
            f"honest-offers: `{url}` must name a folder below the site root, such as `offers/`"
        )
    return folder


def generate_pages(
    catalog: Catalog,
    existing: Files,
    config: MkDocsConfig,
    options: HonestOffersConfig,
    locale: str,
) -> OfferPages:
    folder = normalise_index_url(options.index_url)
    pages = OfferPages(index_uri=f"{folder}/index.md")
    ordered = sorted(catalog.offers, key=lambda o: (o.offer.title.casefold(), o.slug))
    for loaded in ordered:
        uri = f"{folder}/{loaded.slug}.md"
        inherited = repr((loaded.offer.seller, loaded.offer.cta))
        key = (loaded.document.text, loaded.path, loaded.slug, locale, inherited)
        view = VIEWS.get(key, partial(offer_view, loaded.offer, loaded.slug, locale))
        source = _front_matter(OFFER_TEMPLATE, loaded.offer.title, loaded.offer.summary)
        source += loaded.offer.details or ""
        file = _generated(config, existing, uri, source, InclusionLevel.NOT_IN_NAV)
        pages.files.append(file)
        pages.views[uri] = view
        pages.sources[uri] = loaded
        pages.index.append(IndexEntry(view=view, url=file.url))
    VIEWS.sweep()
    index_source = _front_matter(INDEX_TEMPLATE, options.index_title, None, hide=("toc",))
    index_source += options.index_intro or ""
    pages.files.append(
        _generated(config, existing, pages.index_uri, index_source, InclusionLevel.INCLUDED)
    )
    return pages


def generate_error_pages(
    catalog: Catalog, existing: Files, config: MkDocsConfig, options: HonestOffersConfig
) -> list[File]:
    """For ``mkdocs serve``: at the address of each offer that does not load, a page that
    shows its problems, so the preview says what to fix instead of answering 404."""
    folder = normalise_index_url(options.index_url)
    by_file: dict[str, list[Problem]] = {}
    for problem in catalog.errors:
        by_file.setdefault(problem.path, []).append(problem)
    pages = []
    for path, problems in sorted(by_file.items()):
        slug = PurePosixPath(path).stem
        uri = f"{folder}/{slug}.md"
        if not SLUG.match(slug) or existing.get_file_from_path(uri) is not None:
            continue
        report = html.escape(format_problems(problems))
        body = (
            f'<div class="ho-preview-notice" role="status"><p><strong>Preview only.</strong> '
            f"<code>{html.escape(path)}</code> has errors, so this offer is left out of the "
            f"site until they are fixed:</p><pre>{report}</pre></div>\n"
        )
        source = _front_matter(PAGE_TEMPLATE, f"Offer with errors: {path}", None) + body
        pages.append(_generated(config, existing, uri, source, InclusionLevel.NOT_IN_NAV))
    return pages


def generate_rule_pages(existing: Files, config: MkDocsConfig, rules_url: str) -> list[File]:
    """The rule reference, generated from the registry: an index in the nav, one page per rule
    reached from it."""
    folder = normalise_index_url(rules_url)
    index = f"{folder}/{RULES_INDEX}"
    return [
        _generated(
            config,
            existing,
            uri,
            markdown,
            InclusionLevel.INCLUDED if uri == index else InclusionLevel.NOT_IN_NAV,
        )
        for uri, markdown in rule_pages(folder=folder).items()
    ]


def _front_matter(
    template: str, title: str, description: str | None, hide: tuple[str, ...] = ()
) -> str:
    meta: dict[str, str | list[str]] = {"template": template, "title": title}
    if description:
        meta["description"] = description
    if hide:
        meta["hide"] = list(hide)  # Material: the compare table needs the TOC column
    dumped = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=True)
    return "---\n" + dumped + "---\n\n"


def _generated(
    config: MkDocsConfig, existing: Files, uri: str, content: str, inclusion: InclusionLevel
) -> File:
    clash = existing.get_file_from_path(uri)
    if clash is not None:
        raise PluginError(
            f"honest-offers: docs/{uri} already exists, but the plugin generates that page. "
            "Rename or move the file, or set the plugin's `index_url` to another folder."
        )
    return File.generated(config, uri, content=content, inclusion=inclusion)
