"""The plugin's options in ``mkdocs.yml`` (or ``site_config.yml``)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


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
