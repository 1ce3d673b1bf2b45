"""Small transformations of rendered Markdown for offer pages."""

from __future__ import annotations

import re

_HEADING_TAG = re.compile(r"<(/?)h([1-5])(?=[\s>])", re.IGNORECASE)


def demote_headings(html: str) -> str:
    """Shift h1 to h5 down one level: an offer's ``details`` sit below the page's own h2."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
