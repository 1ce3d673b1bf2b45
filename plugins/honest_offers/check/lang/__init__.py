"""The languages of the text rules, and the language a page is checked in.

English is the base: its word data lives in the family modules and lexicon and is always
used (pages in every language borrow "Sale", "Last chance", "Only 2 left"). German, French
and Spanish each add their data from one module (:mod:`.de`, :mod:`.fr`, :mod:`.es`). A page
is checked with English and its own language; a page whose language is unknown, or one with
no word data, with every language.

The language travels as a context (:func:`page_language`) rather than a parameter through
every engine: the site's ``theme.language`` around a site's check, an offer's ``lang`` around
that offer, the ``lang`` attributes of an HTML page around that page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from contextvars import ContextVar, Token
from functools import lru_cache

from honest_offers.check.lang import de, es, fr
from honest_offers.check.lang.base import Language

LANGUAGES: dict[str, Language] = {
    data.code: data for data in (de.LANGUAGE, fr.LANGUAGE, es.LANGUAGE)
}
"""The languages with word data beside English, by code."""

SUPPORTED: tuple[str, ...] = ("en", *LANGUAGES)
EVERY: frozenset[str] = frozenset(SUPPORTED)
"""The languages tried on a page whose language is unknown."""

_CURRENT: ContextVar[frozenset[str]] = ContextVar("honest_offers_page_language", default=EVERY)


@lru_cache(maxsize=256)
def languages(tag: str | None) -> frozenset[str]:
    """The languages a page in ``tag`` (a BCP 47 tag such as ``de``, ``de-AT``, ``fr_CH``) is
    checked in: English and the tag's language; every language when the tag is empty or names
    a language without word data."""
    primary = re.split(r"[-_]", (tag or "").strip().lower(), maxsplit=1)[0]
    if primary == "en" or primary in LANGUAGES:
        return frozenset({"en", primary})
    return EVERY


current: Callable[[], frozenset[str]] = _CURRENT.get
"""The languages the text being checked now is read in (see :func:`page_language`); the
context's own getter, called for every text checked."""


def page_language(*tags: str | None) -> AbstractContextManager[None]:
    """Check what runs inside in the languages of ``tags`` (their union); with no tag given
    (only ``None`` or empty), the languages around stay as they are.

    Entered once per offer, page and file checked: a small context class, not a generator
    (a third of the cost)."""
    named = [tag for tag in tags if tag and tag.strip()]
    if not named:
        return _UNCHANGED
    if len(named) == 1:
        return _InLanguages(languages(named[0]))
    return _InLanguages(frozenset().union(*map(languages, named)))


class _InLanguages:
    __slots__ = ("chosen", "token")

    def __init__(self, chosen: frozenset[str]) -> None:
        self.chosen = chosen
        self.token: Token[frozenset[str]] | None = None

    def __enter__(self) -> None:
        self.token = _CURRENT.set(self.chosen)

    def __exit__(self, *exc: object) -> None:
        if self.token is not None:
            _CURRENT.reset(self.token)
            self.token = None


_UNCHANGED: AbstractContextManager[None] = nullcontext()


_LANG_ATTRIBUTE = re.compile(r"""lang\s*=\s*["']?([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)""")
"""A ``lang`` attribute's value; led by the literal, so the search skips to each "lang"."""


def declared(html: str) -> list[str]:
    """The languages an HTML page declares (``<html lang>``, any element's ``lang`` or
    ``xml:lang``), sorted; none for a page without them."""
    if "lang" not in html:
        return []
    found = {
        match.group(1)
        for match in _LANG_ATTRIBUTE.finditer(html)
        if match.start() > 0 and html[match.start() - 1] in " \t\n\r\f:"
    }
    return sorted(found)
