"""What a site's build makes of its sources, without MkDocs: so that ``honest-offers check``
on a site finds what ``mkdocs build`` finds.

The build checks the finished HTML of every page; the sources check reads the files. Two
things reach a page only through the build, and are read here the way the build reads them:

- a Markdown page, rendered to HTML with the site's Markdown extensions (Python-Markdown,
  MkDocs' own engine) and checked by the same HTML check as a built page: character
  references decoded, emphasis and line breaks joined, attributes and raw HTML read. Each
  finding is traced back to its place in the Markdown file, as the build traces it;
- the config's text that the theme prints on pages: the site name and description, the
  copyright line, navigation titles, and the offer index's title and intro.

Both sides locate a rendered excerpt in its source with the same function
(:func:`~honest_offers.check.sources.locate_excerpt`), so a finding gets the same file and
line either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from honest_offers.check import CheckResult, Finding, Suppressed
from honest_offers.check.sources import locatable_markdown, locate_excerpt, page_allowances
from honest_offers.check.suppress import apply_suppressions
from honest_offers.check.text import check_text, position

Render = Callable[[str], str]

MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")
"""The extensions MkDocs always adds before a site's own ``markdown_extensions``."""


def markdown_renderer(config: dict[str, Any]) -> Render:
    """Markdown → HTML as the site's build renders it: MkDocs' extensions and the site's own
    (with their options). An extension that cannot be loaded here (a plugin's own, or one
    configured with a Python object) is left out, so the rest still renders. The engine is
    made on first use: a site without Markdown pages never loads it."""
    extensions: list[str] = list(MKDOCS_EXTENSIONS)
    options: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if isinstance(name, str) and name not in extensions:
            extensions.append(name)
            options[name] = settings if isinstance(settings, dict) else {}
    engines: list[Any] = []

    def render(text: str) -> str:
        if not engines:
            engines.append(_engine(extensions, options))
        engine = engines[0]
        engine.reset()
        return str(engine.convert(text))

    return render


def _engine(extensions: list[str], options: dict[str, dict[str, Any]]) -> Any:
    # Imported here: Python-Markdown is start-up time that a check without Markdown pages
    # does not need.
    import markdown

    logging.getLogger("MARKDOWN").disabled = True  # a broken extension is not our report
    usable = []
    for name in extensions:
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: options.get(name, {})})
        except Exception:
            continue
        usable.append(name)
    configs = {name: options.get(name, {}) for name in usable}
    return markdown.Markdown(extensions=usable, extension_configs=configs)


def check_markdown_as_built(text: str, path: str, render: Render) -> CheckResult:
    """A Markdown page as the build checks it: rendered, checked as HTML, traced back."""
    body = _without_front_matter(text)
    try:
        html = render(body)
    except Exception:
        return CheckResult()
    from honest_offers.check.html import check_html  # the HTML engine loads on first use

    checked = check_html(html, path)
    source = locatable_markdown(text)
    traced = CheckResult(
        findings=[_traced(f, source) for f in checked.findings],
        suppressed=[Suppressed(_traced(s.finding, source), s.reason) for s in checked.suppressed],
    )
    allowances = page_allowances(text, path).suppressions  # the front matter's allow
    if not allowances:
        return traced
    allowed = apply_suppressions(traced.findings, allowances, path=path)
    allowed.suppressed[:0] = traced.suppressed
    return allowed


def config_findings(texts: Iterable[str], config_text: str, path: str) -> list[Finding]:
    """Pressure tactics in the config's ``texts`` that the theme prints on pages, each at
    its place in the config file."""
    return [_traced(found, config_text) for text in texts for found in check_text(text, path=path)]


def _traced(found: Finding, source: str) -> Finding:
    offset = locate_excerpt(found.excerpt, source)
    if offset is None:
        return found
    line, column = position(source, offset)
    return replace(found, line=line, column=column)


def _without_front_matter(text: str) -> str:
    """The page's Markdown without its YAML front matter (MkDocs strips it before rendering),
    with the lines kept, so positions stay where they are."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    close = text.find("\n", end + 4)
    close = len(text) if close < 0 else close
    return "\n" * text.count("\n", 0, close) + text[close:]
