"""Where text from offers and options becomes HTML in Material's templates: escaped once, here.

MkDocs' Jinja environment does not autoescape, and Material prints a page's ``title`` and
``description`` as they are: in ``<title>``, the meta description, the header, tabs,
navigation, breadcrumbs, the footer's previous/next links and the search index (whose titles
Material's search renders as HTML). The plugin's own partials escape their output; the
generated pages (offers, the index, the rule reference) hand their text to everything else
through ``page.meta``. So it is escaped there, once, as :class:`~markupsafe.Markup`: every slot
that prints it — today's, or one a later Material or a site's override adds — prints text.

One filter would undo it: Jinja's ``striptags`` turns Markup back into plain, unescaped text
(``&lt;script&gt;`` → ``<script>``), which a template without autoescaping then prints raw.
:func:`striptags_as_text` replaces it for the whole site: the same words, still escaped.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup, escape

TEXT_KEYS = ("title", "description")
"""Front-matter keys of the generated pages whose values templates print as HTML."""


def escape_page_text(meta: MutableMapping[str, Any]) -> None:
    """Turn the printed text of a generated page's front matter into escaped Markup."""
    for key in TEXT_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def striptags_as_text(value: object) -> Markup:
    """Jinja's ``striptags`` (tags removed, white space collapsed), but the result stays
    escaped: ``<title>{{ page.title | striptags }}</title>`` shows the words, never markup."""
    html = value.__html__() if hasattr(value, "__html__") else str(value)
    return escape(Markup(html).striptags())
