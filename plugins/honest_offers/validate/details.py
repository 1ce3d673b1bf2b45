"""Markup in ``details`` that the page will not show: said where it stands, before it is
silently removed.

The sanitiser (render/sanitize.py) keeps only harmless markup; an embedded booking widget or
a form in ``details`` would vanish and leave stray words behind. Each element the sanitiser
drops gets a located warning with the honest way to the same end.
"""

from __future__ import annotations

import re

from honest_offers.diagnostics import Problem
from honest_offers.load.yaml_source import YamlDocument
from honest_offers.validate.positions import line_column, offset_of

REMOVED: dict[str, str] = {
    "iframe": "link to the page instead (`cta` or a Markdown link): an embed loads another "
    "site's scripts and cookies into your page",
    "form": "point `cta` at your contact or booking page; a form in details is removed",
    "input": "point `cta` at your contact or booking page; form fields are removed",
    "button": "use `cta` for the one call to action of the page",
    "select": "point `cta` at your contact or booking page; form fields are removed",
    "textarea": "point `cta` at your contact or booking page; form fields are removed",
    "script": "offer pages carry no scripts; describe the offer in text",
    "style": "offer pages use the theme's styles; a site's CSS goes in `extra_css`",
    "object": "link to the file or page instead",
    "embed": "link to the file or page instead",
    "video": "link to the video instead",
    "audio": "link to the recording instead",
}
"""Elements the sanitiser removes, each with what to use instead."""
_TAG = re.compile(r"<(" + "|".join(REMOVED) + r")\b", re.IGNORECASE)


def removed_markup(doc: YamlDocument, details: str | None) -> list[Problem]:
    """A warning for each element of ``details`` that the page will not show."""
    if not details or "<" not in details:
        return []
    start = doc.mark_for(("details",))
    doc = doc.document_for(("details",))
    offset = offset_of(doc.text, start.line, start.column)
    problems = []
    for match in _TAG.finditer(details):
        tag = match.group(1).lower()
        at = doc.text.find(match.group(0), offset)
        line, column = line_column(doc.text, at) if at >= 0 else (start.line, start.column)
        problems.append(
            Problem(
                path=doc.path,
                line=line,
                column=column,
                field="details",
                message=f"`<{tag}>` in details is removed from the page",
                expected="Markdown text, links and images",
                fix=REMOVED[tag],
                severity="warning",
            )
        )
    return problems
