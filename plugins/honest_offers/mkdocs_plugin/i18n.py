"""The theme's words in each page's language, in MkDocs' Jinja environment.

MkDocs adds Jinja's i18n extension (``jinja2.ext.i18n``) to every theme's environment and
installs its own theme translations there, old-style: ``_()`` returns the translated text and
``{% trans %}`` fills in its variables, escaped under autoescape. :func:`install_translations`
replaces those gettext callables with ones that answer from honest-offers' catalogues
(:mod:`honest_offers.render.translations`) in the language of the page being rendered:

- an offer page's ``offer`` view carries its locale: the site's, or the offer's own ``lang``
  when that names another language (the page then wraps its content in ``lang="…"``);
- every other page (the index, Markdown pages) uses the site's locale.

A message the catalogues leave unchanged (not one of ours, or not translated) is passed on to
the callables installed before, so templates that use MkDocs' theme translations keep them.
"""

from __future__ import annotations

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from honest_offers.render.translations import translations
from honest_offers.render.view import OfferView


def install_translations(env: Environment, site_locale: str) -> None:
    """Install gettext callables that follow each page's language (see the module)."""
    env.add_extension("jinja2.ext.i18n")  # MkDocs has added it already; adding again is a no-op
    # New-style gettext formats inside the callable: passing a message on would format twice.
    newstyle = bool(getattr(env, "newstyle_gettext", False))
    before_gettext = None if newstyle else env.globals.get("gettext")
    before_ngettext = None if newstyle else env.globals.get("ngettext")

    def locale_of(context: Context) -> str:
        offer = context.get("offer")
        return offer.locale if isinstance(offer, OfferView) else site_locale

    answers: dict[tuple[str, str], str] = {}
    """Each message's answer per locale: a theme asks for the same few dozen on every page,
    and neither catalogue changes while this environment lives."""

    @pass_context
    def gettext(context: Context, message: str) -> str:
        locale = locale_of(context)
        known = answers.get((locale, message))
        if known is not None:
            return known
        text = translations(locale).gettext(message)
        if text == message and callable(before_gettext):
            text = str(context.call(before_gettext, message))
        answers[(locale, message)] = text
        return text

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, count: int) -> str:
        text = translations(locale_of(context)).ngettext(singular, plural, count)
        if text in (singular, plural) and callable(before_ngettext):
            return str(context.call(before_ngettext, singular, plural, count))
        return text

    env.install_gettext_callables(gettext, ngettext)  # type: ignore[attr-defined]
