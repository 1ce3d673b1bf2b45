"""The table of contents of an offer page: the theme's sections, then the details' headings."""

from __future__ import annotations

from html import escape

from mkdocs.structure.toc import AnchorLink, TableOfContents

from honest_offers.render.view import OfferView, outline, section_title


def offer_toc(view: OfferView, details: TableOfContents, has_details: bool) -> TableOfContents:
    """Material builds the sidebar and the skip link from this; without it an offer page
    would list only the headings of its ``details``."""
    items = [AnchorLink(escape(title), anchor, 2) for anchor, title in outline(view)]
    if has_details:
        section = AnchorLink(escape(section_title(view, "ho-details")), "ho-details", 2)
        section.children = [_demoted(item) for item in details]
        items.append(section)
    items[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(items)


def _demoted(item: AnchorLink) -> AnchorLink:
    copy = AnchorLink(item.title, item.id, item.level + 1)
    copy.children = [_demoted(child) for child in item.children]
    return copy
