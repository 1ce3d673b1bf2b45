"""A site's layout read from its config file, without building it.

The command line checks a site's sources from ``site_config.yml``/``mkdocs.yml`` alone, and
other generators' sites can describe their layout the same way. Config files are read
tolerantly: MkDocs-specific tags such as ``!ENV`` or ``!!python/name:`` do not stop us.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from honest_offers.as_built import (
    Render,
    check_markdown_as_built,
    config_findings,
    markdown_renderer,
)
from honest_offers.check import CheckResult, check_offer, lang
from honest_offers.check.finding import Finding
from honest_offers.check.markdown import without_code
from honest_offers.check.page_facts import SiteOffers
from honest_offers.check.sources import FILE_KINDS, FileKind, check_file_text, check_markdown
from honest_offers.check.suppress import UNUSED
from honest_offers.check.text import position
from honest_offers.diagnostics import Problem
from honest_offers.files import read_bytes, utf8_text
from honest_offers.load.discover import display_path
from honest_offers.memo import Memo
from honest_offers.placeholders import find_placeholders

if TYPE_CHECKING:  # the offer model (pydantic) loads only where offers are read
    from honest_offers.catalog import Catalog

CONFIG_NAMES = ("site_config.yml", "mkdocs.yml", "mkdocs.yaml")
PLUGIN_NAME = "honest-offers"


class _TolerantLoader(yaml.SafeLoader):
    """Reads MkDocs configs: unknown tags become their plain value (or ``None``)."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_TolerantLoader.add_multi_constructor("!", _untagged)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


@dataclass(frozen=True, slots=True)
class SiteLayout:
    """Where a site keeps the things the honesty check reads."""

    root: Path
    """The folder of the config file; paths in reports are relative to it."""
    docs_dir: Path
    offers_dirs: tuple[Path, ...]
    """The offer folders (``offers_dir``: one, or a list)."""
    template_dirs: tuple[Path, ...]
    """Theme overrides (``theme.custom_dir``): templates, partials and their scripts."""
    index_folder: str
    config_file: Path | None = None
    """The site's config: its text reaches pages (site name, navigation titles, …)."""
    language: str | None = None
    """The site's language (``theme.language``, else the plugin's ``locale``): the text rules
    read its pages in it and English; ``None``, unknown, reads them in every language."""
    site_url: str | None = None
    """Where the site is published: pages may link to offers by its address."""

    @property
    def offers_dir(self) -> Path:
        """The first offer folder: where new offers go."""
        return self.offers_dirs[0]


def offers_folder_names(value: object) -> tuple[str, ...]:
    """The ``offers_dir`` option as a tuple of folder names: a folder, or a list of them.

    Raises ``ValueError`` with a message for people when it is neither."""
    if value is None:
        return ("offers",)
    names = [value] if isinstance(value, str) else value
    if (
        not isinstance(names, list)
        or not names
        or not all(isinstance(name, str) and name.strip() for name in names)
    ):
        raise ValueError(
            "`offers_dir` must be a folder, or a list of folders, relative to the config "
            "file (e.g. `offers_dir: offers` or `offers_dir: [offers, ../shared-offers]`)"
        )
    return tuple(names)


def find_config(folder: Path) -> Path | None:
    """``site_config.yml``, then ``mkdocs.yml``, in ``folder``."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def read_layout(config_path: Path) -> tuple[SiteLayout | None, list[Problem]]:
    """The layout declared by an MkDocs-style config file."""
    root = config_path.resolve().parent
    display = display_path(config_path, Path.cwd())
    try:
        data = yaml.load(config_path.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [
            Problem(
                path=display,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                field=None,
                message=f"the site config cannot be read: {exc}",
                expected="a readable MkDocs-style YAML config",
                fix="fix the config file, or pass the folders to check directly",
            )
        ]
    config = data if isinstance(data, dict) else {}
    options = plugin_options(config)
    try:
        folders = offers_folder_names(options.get("offers_dir"))
    except ValueError as exc:
        return None, [
            Problem(
                path=display,
                line=None,
                column=None,
                field="offers_dir",
                message=str(exc),
                expected="a folder name or a list of folder names",
                fix="write the offer folders as a YAML list of paths",
            )
        ]
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    layout = SiteLayout(
        root=root,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        offers_dirs=tuple(root / folder for folder in folders),
        template_dirs=(root / str(custom_dir),) if custom_dir else (),
        index_folder=str(options.get("index_url") or "offers/").strip("/"),
        config_file=config_path,
        language=site_language(config),
        site_url=site_url_of(config),
    )
    return layout, []


def site_language(config: dict[str, Any]) -> str | None:
    """``theme.language``, else the plugin's ``locale``; ``None`` when neither is a string."""
    theme = config.get("theme")
    for value in (
        theme.get("language") if isinstance(theme, dict) else None,
        plugin_options(config).get("locale"),
    ):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def site_url_of(config: dict[str, Any]) -> str | None:
    """``site_url`` as the config file writes it (``mkdocs serve`` moves the config's to
    its own address; pages keep linking to the published one)."""
    value = config.get("site_url")
    return value.strip() if isinstance(value, str) and value.strip() else None


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The ``honest-offers`` entry of ``plugins:`` (a list of names or one-key mappings)."""
    plugins = config.get("plugins")
    entries: list[Any] = []
    if isinstance(plugins, list):
        entries = plugins
    elif isinstance(plugins, dict):
        entries = [{name: value} for name, value in plugins.items()]
    for entry in entries:
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return options if isinstance(options, dict) else {}
    return {}


def source_files(layout: SiteLayout) -> list[tuple[Path, FileKind]]:
    """Pages, templates, scripts and styles a visitor can end up seeing, in a stable order.

    Everything below ``docs_dir`` (Markdown pages, ``extra_javascript``, ``extra_css`` and
    any other script or page) and below each template folder (theme overrides). Hidden
    files and folders are skipped, as MkDocs skips them.
    """
    found: dict[Path, FileKind] = {}
    for folder in (layout.docs_dir, *layout.template_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            kind = FILE_KINDS.get(path.suffix.lower())
            if kind and path.is_file() and not any(p.startswith(".") for p in relative.parts):
                found.setdefault(path.resolve(), kind)
    return sorted(found.items())


SourceMemo = Memo[tuple[str, ...], CheckResult]
"""Check results by everything they depend on: kind, path shown and text."""


def check_sources(
    layout: SiteLayout, catalog: Catalog, memo: SourceMemo | None = None
) -> CheckResult:
    """The honesty check over a site's sources: offers, pages, templates, scripts, styles,
    and what the build makes of them (:mod:`honest_offers.as_built`): Markdown pages as
    rendered, and the config's text printed on pages.

    With ``memo``, offers and files whose text was checked before are not checked again.
    Everything is read in the site's language (:attr:`SiteLayout.language`)."""
    with lang.page_language(layout.language):
        return _check_sources(layout, catalog, memo)


def _check_sources(layout: SiteLayout, catalog: Catalog, memo: SourceMemo | None) -> CheckResult:
    result = CheckResult()
    tag = layout.language or ""
    for loaded in catalog.offers:
        if memo is None:
            result.extend(check_offer(loaded))
        else:
            key = ("offer", loaded.path, loaded.document.fingerprint, tag)
            result.extend(memo.get(key, partial(check_offer, loaded)))
    config = read_config(layout.config_file)
    render = renderer(config)
    offers = site_offers(layout, catalog)
    for path, kind in source_files(layout):
        display = display_path(path, layout.root)
        text = read_source(path)
        page = offers.page(path) if kind == "markdown" else None
        linked = offers.linked(text, page) if page is not None else []
        facts = partial(offers.findings, text, display, page) if linked and page else None
        check = partial(check_source_text, text, kind, display, render, facts)
        if memo is None:
            result.extend(check())
            continue
        facts_of: tuple[str, ...] = tuple(o.document.fingerprint for o in linked)
        result.extend(memo.get((kind, display, text, tag, *facts_of), check))
    if layout.config_file is not None:
        display = display_path(layout.config_file, layout.root)
        result.extend(check_config_text(layout.config_file, config, display))
    return result


def check_config_text(config_file: Path, config: dict[str, Any], display: str) -> CheckResult:
    """The config's text that the theme prints on pages, each finding at its line."""
    if not config:
        return CheckResult()
    text = read_source(config_file)
    return CheckResult(findings=config_findings(printed_text(config), text, display))


def read_config(config_file: Path | None) -> dict[str, Any]:
    """The config file's data, read tolerantly; empty where there is none or it is broken
    (:func:`read_layout` reports a broken config)."""
    if config_file is None:
        return {}
    try:
        data = yaml.load(read_source(config_file), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def printed_text(config: dict[str, Any]) -> Iterator[str]:
    """The config's text that the theme prints on pages: site name, description, copyright,
    navigation titles, the offer index's title and intro, and the default seller's name and
    call to action's label that offers inherit."""
    for key in ("site_name", "site_description", "copyright"):
        if isinstance(config.get(key), str):
            yield config[key]
    yield from _nav_titles(config.get("nav"))
    options = plugin_options(config)
    for key in ("index_title", "index_intro"):
        if isinstance(options.get(key), str):
            yield options[key]
    for option, key in (("default_seller", "name"), ("default_cta", "label")):
        value = options.get(option)
        if isinstance(value, dict) and isinstance(value.get(key), str):
            yield value[key]


def _nav_titles(nav: Any) -> Iterator[str]:
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_titles(item)
    elif isinstance(nav, dict):
        for title, target in nav.items():
            if isinstance(title, str):
                yield title
            yield from _nav_titles(target)


_RENDERERS: dict[str, Render] = {}


def renderer(config: dict[str, Any]) -> Render:
    """The site's Markdown renderer, made once per set of extensions (loading is slow)."""
    key = repr(config.get("markdown_extensions"))
    if key not in _RENDERERS:
        _RENDERERS[key] = markdown_renderer(config)
    return _RENDERERS[key]


def site_offers(layout: SiteLayout, catalog: Catalog) -> SiteOffers:
    """The site's offers as its Markdown pages link to them (HO7xx on pages)."""
    offers = {loaded.slug: loaded for loaded in catalog.offers}
    return SiteOffers(layout.index_folder, layout.docs_dir, offers, layout.site_url)


def check_source_file(
    path: Path,
    kind: FileKind,
    display: str,
    render: Render | None = None,
    offers: SiteOffers | None = None,
) -> CheckResult:
    """One source file by its kind; unreadable bytes are replaced, never fatal. Markdown is
    rendered with ``render`` (a site's extensions), else with MkDocs' own, and its words
    about the ``offers`` it links to are checked against their facts."""
    text = read_source(path)
    page = offers.page(path) if offers is not None and kind == "markdown" else None
    facts = partial(offers.findings, text, display, page) if offers and page else None
    return check_source_text(text, kind, display, render or renderer({}), facts)


def read_source(path: Path) -> str:
    """A source file as text: UTF-8 (BOM dropped, bad bytes replaced), line ends as ``\\n``.

    The same text as ``read_text`` with universal newlines, at half the time for a built
    site's megabytes of HTML: one decode, and line ends rewritten only where a ``\\r`` is.
    """
    text = utf8_text(read_bytes(path))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_source_text(
    text: str,
    kind: FileKind,
    display: str,
    render: Render,
    facts: Callable[[], list[Finding]] | None = None,
) -> CheckResult:
    """A source file's text, checked by its kind; a Markdown page also as the build renders
    it (a suppression marker is unused only where neither reading uses it), and with its
    ``facts`` findings (HO7xx, :mod:`~honest_offers.check.page_facts`) read once, with the
    source: its markers and front matter allow them."""
    if kind != "markdown":
        return check_file_text(text, kind, display)
    checked = check_markdown(text, display, facts() if facts is not None else ())
    return merge_readings(checked, check_markdown_as_built(text, display, render))


def merge_readings(source: CheckResult, rendered: CheckResult) -> CheckResult:
    """Two readings of one Markdown page: every finding once, and HO904 (unused marker) only
    where both readings left the marker unused."""
    unused = {(f.path, f.line) for f in rendered.findings if f.rule == UNUSED.code}
    merged = CheckResult(suppressed=[*source.suppressed])
    seen: set[tuple[str, str, int]] = set()
    for found in source.findings:
        if found.rule == UNUSED.code and (found.path, found.line) not in unused:
            continue
        seen.add((found.rule, found.path, found.line))
        merged.findings.append(found)
    for found in rendered.findings:
        if found.rule != UNUSED.code and (found.rule, found.path, found.line) not in seen:
            seen.add((found.rule, found.path, found.line))
            merged.findings.append(found)
    known = {(s.finding.rule, s.finding.path, s.finding.line) for s in source.suppressed}
    merged.suppressed += [
        s
        for s in rendered.suppressed
        if (s.finding.rule, s.finding.path, s.finding.line) not in known
    ]
    merged.findings.sort(key=lambda f: f.sort_key())
    return merged


_LINK_TARGET = re.compile(
    r"<([^<>\s]+)>|\]\(\s*<?([^()\s<>]+)|^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]+)", re.MULTILINE
)
"""Where a Markdown page links to: autolinks, inline links, link reference definitions."""


def page_placeholders(text: str, display: str) -> list[Problem]:
    """A warning for each placeholder address (:mod:`honest_offers.placeholders`) that a
    Markdown page links to, such as the scaffold's ``<hello@example.com>``. Only links:
    prose and code about ``example.com`` (documentation) are left alone."""
    problems = []
    for match in _LINK_TARGET.finditer(without_code(text)):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        for placeholder in find_placeholders(match.group(group)):
            line, column = position(text, match.start(group) + placeholder.start)
            problems.append(
                Problem(
                    path=display,
                    line=line,
                    column=column,
                    field=None,
                    message=placeholder.message,
                    expected=placeholder.expected,
                    fix=placeholder.fix,
                    severity="warning",
                )
            )
    return problems
