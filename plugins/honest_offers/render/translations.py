"""The theme's words in the page's language: gettext catalogues, read once per language.

Catalogues live in ``honest_offers/locale/<language>/LC_MESSAGES/``: ``honest_offers.po``
is what translators edit, ``honest_offers.mo`` beside it is what is read at run time. The
``.mo`` files are compiled once and committed, not compiled at install time or at import:

- reading them is the standard library's :mod:`gettext`; no ``.po`` is parsed when a build
  starts, and no Babel message code runs on a user's machine;
- the wheel ships them as plain package data (``[tool.setuptools.package-data]``), so
  packaging needs no build hook and installing needs no compile step;
- a stale ``.mo`` cannot slip through: ``tests/unit/test_catalogues.py`` compiles every
  ``.po`` in memory and compares the result with its ``.mo``, and checks that every catalogue
  has every message of the templates and of ``render/``. After changing a message or a
  translation, ``python -m honest_offers.render.catalogues`` extracts, updates and compiles.

A message without a translation (no catalogue for the language, or an empty ``msgstr``) is
shown in English, its ``msgid``.
"""

from __future__ import annotations

import gettext
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from babel import Locale, UnknownLocaleError

DOMAIN = "honest_offers"
"""The catalogues' file name: ``honest_offers.po`` / ``honest_offers.mo``."""

SOURCE_LANGUAGE = "en"


def locale_dir() -> Traversable:
    """``honest_offers/locale``, inside the installed package (a wheel or a checkout)."""
    return files("honest_offers") / "locale"


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name, known to extractors
    """Marks a message for extraction where it is defined; it is translated where it is used."""
    return message


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The catalogue for a Babel locale: ``de_CH`` reads ``de_CH``, else ``de``; a language
    without a catalogue gets null translations (English)."""
    folder = locale_dir()
    for candidate in _candidates(locale):
        mo = folder / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if mo.is_file():
            with mo.open("rb") as stream:
                return gettext.GNUTranslations(stream)
    return gettext.NullTranslations()


def _candidates(locale: str) -> list[str]:
    """``zh_Hant_TW`` → ``zh_Hant_TW``, ``zh_Hant``, ``zh``: most specific first."""
    parts = locale.replace("-", "_").split("_")
    return ["_".join(parts[:end]) for end in range(len(parts), 0, -1) if parts[0]]


def language_of(locale: str) -> str:
    """``de_CH`` → ``de``."""
    return locale.replace("-", "_").split("_", 1)[0]


def page_locale(site_locale: str, lang: str | None) -> str:
    """The locale an offer's page is shown in: the site's, unless the offer's ``lang`` names
    another language that Babel knows (its words, dates and money then follow ``lang``).

    The same language keeps the site's locale, so ``lang: de`` on a ``de_CH`` site still
    formats money the Swiss way. A ``lang`` Babel does not know leaves the site's locale.
    """
    if not lang:
        return site_locale
    try:
        wanted = Locale.parse(lang.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return site_locale
    if wanted.language == language_of(site_locale):
        return site_locale
    return str(wanted)
