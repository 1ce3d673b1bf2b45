"""What ``mkdocs serve`` adds to a page with pressure findings: a visible notice, in the
preview only (a build fails instead, so no published page ever carries one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from honest_offers.check import Finding

_ARTICLE = re.compile(r"<article\b[^>]*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def add_preview_notice(page: str, findings: Sequence[Finding]) -> str:
    """``page`` with a notice listing ``findings`` at the top of its content."""
    items = "".join(
        f"<li><code>{escape(f.rule)}</code> {escape(f.message)}: "
        f"<q>{escape(f.excerpt)}</q> ({escape(f.path)}:{f.line})</li>"
        for f in findings
    )
    notice = (
        '<div class="ho-preview-notice" role="status"><p><strong>Preview only.</strong> '
        "<code>mkdocs build</code> fails on this page: it uses pressure tactics. Change "
        f"the text, or allow it with a reason.</p><ul>{items}</ul></div>"
    )
    match = _ARTICLE.search(page) or _BODY.search(page)
    if match is None:
        return notice + page
    return page[: match.end()] + notice + page[match.end() :]
