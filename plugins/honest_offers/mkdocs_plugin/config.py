"""The plugin's options in ``mkdocs.yml`` (or ``site_config.yml``)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FontConfig(base.Config):
    family = c.Type(str)
    """The font's name in CSS (letters, digits, spaces and hyphens)."""
    files = c.ListOfItems(c.Type(str))
    """Font files (``.woff2``, ``.woff``, ``.ttf``, ``.otf``) inside ``docs_dir``: never a
    font service, so pages make no third-party requests."""
    weight = c.Type(str, default="400")
    style = c.Choice(("normal", "italic"), default="normal")


class BrandConfig(base.Config):
    primary = c.Optional(c.Type(str))
    """Header background and link colour (``#rrggbb``) in the light scheme."""
    accent = c.Optional(c.Type(str))
    """Hover and focus colour in the light scheme."""
    primary_dark = c.Optional(c.Type(str))
    """Link colour in the dark scheme (default: ``primary``)."""
    accent_dark = c.Optional(c.Type(str))
    """Hover and focus colour in the dark scheme (default: ``accent``)."""
    logo = c.Optional(c.Type(str))
    """An image inside ``docs_dir`` for the header."""
    favicon = c.Optional(c.Type(str))
    """An image inside ``docs_dir`` for the browser tab."""
    fonts = c.ListOfItems(c.SubConfig(FontConfig), default=[])
    """Self-hosted fonts; the first is the text font."""


class HonestOffersConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from the config (e.g. for a quick draft build)."""

    offers_dir = c.Type((str, list), default="offers")
    """Folder with one YAML file per offer, relative to the config file; or a list of
    folders (an agency's shared offers beside a client's own)."""

    index_url = c.Type(str, default="offers/")
    """Where the index of all offers is published; offer pages live below it."""

    index_title = c.Type(str, default="Offers")

    index_intro = c.Optional(c.Type(str))
    """Markdown shown above the compare table on the index page."""

    default_seller = c.Optional(c.Type(dict))
    """The seller of every offer that names none: ``{name: <name>, contact: <email or
    link>}``, checked like an offer's ``seller``. An offer's own ``seller`` replaces it."""

    default_cta = c.Optional(c.Type(dict))
    """The call to action of every offer that has none: ``{label: <words>, url: <https://,
    mailto: or tel: link>}``, checked like an offer's ``cta``. Without either, an offer page
    offers "Ask a question" to the seller's contact; with no contact at all, the build
    warns."""

    rules_url = c.Optional(c.Type(str))
    """Publish the honesty rules' reference (one page per rule) in this folder, e.g.
    ``honesty-rules/``; off by default."""

    locale = c.Optional(c.Type(str))
    """Babel locale for money and dates; defaults to the theme's ``language``, then ``en``."""

    exclude = c.ListOfItems(c.Type(dict), default=[])
    """Pages and paths left out of the honesty check, each ``{path: <glob>, reason: <why>}``
    (e.g. an API reference beside the shop); their findings are listed as allowed with the
    reason, never hidden. Offers and the offer index cannot be excluded."""

    browser_check = c.Type(bool, default=False)
    """Also open every built page in headless Chromium and fail on text that changes by
    itself (HO618, as `honest-offers check --browser`). Off by default; needs Playwright
    (the `browser` extra) and Chromium (`HONEST_OFFERS_CHROMIUM`, else /usr/bin/chromium);
    without them the build says so and goes on without it."""

    external_fonts = c.Type(bool, default=False)
    """Keep Material's web fonts from a third-party host. Off by default: offer pages make no
    third-party requests."""

    brand = c.SubConfig(BrandConfig)
    """A client's colours, logo, favicon and self-hosted fonts, as Material's variables for
    the light and dark schemes. A colour whose contrast as link text fails WCAG 2.2 AA in
    either scheme is a build error that names the ratio and the nearest shade that passes."""
