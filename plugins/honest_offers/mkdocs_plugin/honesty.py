"""The honesty check during an MkDocs build: sources first, then every rendered page.

Findings in a rendered page are traced back to the offer or Markdown file the text came
from, so a finding names the file to edit; one already found in the source is not repeated.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from honest_offers.catalog import Catalog, LoadMemo
from honest_offers.check import CheckResult, Finding, Suppressed, lang
from honest_offers.check.html import check_html
from honest_offers.check.sources import (
    locatable_markdown,
    locate_excerpt,
    page_allowances,
)
from honest_offers.check.suppress import page_marker
from honest_offers.check.text import position
from honest_offers.load.discover import display_path
from honest_offers.memo import Memo
from honest_offers.site import SiteLayout, SourceMemo, check_sources

Key = tuple[str, str, int]

# What one build computed, for the next build in the same process (``mkdocs serve`` rebuilds
# everything after every change): offers loaded, sources checked, rendered pages checked,
# each by its whole text. Each build keeps only what it used itself.
LOADED: LoadMemo = Memo(100_000)
SOURCES: SourceMemo = Memo(100_000)
PAGES: Memo[tuple[bytes, str], CheckResult] = Memo(100_000)


@dataclass(frozen=True, slots=True)
class PageSource:
    """Where the text of a rendered page was written, and what that file allows."""

    path: str
    text: str
    """The text an excerpt is looked for in (a Markdown page's with its code blanked)."""
    allowed: dict[str, str] = field(default_factory=dict)
    """Rule code → reason, for exceptions that cover the whole file (an offer's ``allow``)."""


def shared_sources(layout: SiteLayout) -> tuple[PageSource, ...]:
    """The sources whose text reaches every page: theme overrides, and the config (site name,
    navigation titles, copyright, extra). A finding in a rendered page that is not in the
    page's own source is traced to one of these, so it is reported once, where to edit it."""
    paths = [p for folder in layout.template_dirs for p in sorted(folder.rglob("*.html"))]
    if layout.config_file is not None:
        paths.append(layout.config_file)
    found = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the sources check reports files it cannot read
        found.append(PageSource(display_path(path, layout.root), text))
    return tuple(found)


@dataclass(slots=True)
class BuildCheck:
    layout: SiteLayout
    shared: tuple[PageSource, ...] = ()
    """Sources that reach every page (see :func:`shared_sources`)."""
    result: CheckResult = field(default_factory=CheckResult)
    _seen: set[Key] = field(default_factory=set)

    def check_sources(self, catalog: Catalog) -> None:
        LOADED.sweep()
        PAGES.sweep()
        self.result = check_sources(self.layout, catalog, SOURCES)
        SOURCES.sweep()
        self._seen = {_key(f) for f in self.result.findings}
        self._seen |= {_key(s.finding) for s in self.result.suppressed}

    def check_rendered(
        self, html: str, built_path: str, sources: tuple[PageSource, ...]
    ) -> list[Finding]:
        """Check one rendered page; findings point into the first of ``sources`` (the page's
        own, then those every page shares) that holds their text.

        Returns the page's unsuppressed findings, also those reported before (from the
        sources or another page), for a preview to show on the page itself."""
        digest = hashlib.sha256(html.encode("utf-8", "surrogatepass")).digest()
        with lang.page_language(self.layout.language):  # a page without `lang`: the site's
            checked = PAGES.get((digest, built_path), partial(check_html, html, built_path))
        everywhere = (*sources, *self.shared)
        for allowed in checked.suppressed:  # by a marker in the page: once, at its source
            located, _ = _locate_in(allowed.finding, everywhere)
            if _key(located) not in self._seen:
                self._seen.add(_key(located))
                self.result.suppressed.append(Suppressed(located, allowed.reason))
        on_page: list[Finding] = []
        for found in checked.findings:
            located, source = _locate_in(found, everywhere)
            reason = source.allowed.get(located.rule) if source else None
            if reason is None:
                on_page.append(located)
            if _key(located) in self._seen:
                continue
            self._seen.add(_key(located))
            if reason is not None:
                self.result.suppressed.append(Suppressed(located, reason))
            else:
                self.result.findings.append(located)
        return on_page

    def display(self, path: Path) -> str:
        return display_path(path, self.layout.root)

    def display_built(self, site_dir: Path, dest_uri: str) -> str:
        """:meth:`display` of a page built into ``site_dir``: the folder's, then the page's
        path in it (a site folder outside the root resolved once, not once per page)."""
        folder = self.display(site_dir)
        return dest_uri if folder == "." else f"{folder}/{dest_uri}"


def markdown_source(path: str, text: str) -> PageSource:
    """A Markdown page as the source of its rendered page, with the rules its front matter
    allows on the whole page (``honest_offers: allow``, the entries that can be used)."""
    allowances = page_allowances(text, path).suppressions
    allowed = {code: s.reason for s in allowances for code in s.codes}
    return PageSource(path, locatable_markdown(text), allowed)


def carry_page_allowances(html: str, entries: list[tuple[str, str]]) -> str:
    """``html`` with an ``allow-page`` marker for each ``(rule, reason)`` that its source
    allows on the whole page — a Markdown page's front matter ``honest_offers: allow``
    (:func:`~honest_offers.check.sources.page_allow_entries`), an offer's ``allow`` — as
    written, so that ``check`` on the built folder, and the browser check, allow what the
    build allowed and report what it reported; after ``<body>``."""
    if not entries:
        return html
    markers = "\n".join(page_marker(rule, reason) for rule, reason in entries) + "\n"
    body = _BODY.search(html)
    at = body.end() if body else 0
    return html[:at] + markers + html[at:]


_BODY = re.compile(r"<body\b[^>]*>\n?", re.IGNORECASE)


def _locate_in(
    found: Finding, sources: tuple[PageSource, ...]
) -> tuple[Finding, PageSource | None]:
    """``found`` located in the first of ``sources`` that holds its text, and that source."""
    for source in sources:
        offset = locate_excerpt(found.excerpt, source.text)
        if offset is not None:
            line, column = position(source.text, offset)
            return replace(found, path=source.path, line=line, column=column), source
    return found, None


def _key(finding: Finding) -> Key:
    return (finding.rule, finding.path, finding.line)
