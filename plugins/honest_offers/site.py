"""A site's layout read from its config file, without building it.

The command line checks a site's sources from ``site_config.yml``/``mkdocs.yml`` alone, and
other generators' sites can describe their layout the same way. Config files are read
tolerantly: MkDocs-specific tags such as ``!ENV`` or ``!!python/name:`` do not stop us.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from honest_offers.check import CheckResult, check_markdown, check_offer
from honest_offers.diagnostics import Problem
from honest_offers.load.discover import display_path
from honest_offers.memo import Memo

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
    offers_dir: Path
    template_dirs: tuple[Path, ...]
    """Theme overrides (``theme.custom_dir``): templates, partials and their scripts."""
    index_folder: str


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
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    layout = SiteLayout(
        root=root,
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        offers_dir=root / str(options.get("offers_dir") or "offers"),
        template_dirs=(root / str(custom_dir),) if custom_dir else (),
        index_folder=str(options.get("index_url") or "offers/").strip("/"),
    )
    return layout, []


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


SourceKind = Literal["markdown", "html", "script", "stylesheet"]
SOURCE_KINDS: dict[str, SourceKind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".js": "script",
    ".mjs": "script",
    ".css": "stylesheet",
}


def source_files(layout: SiteLayout) -> list[tuple[Path, SourceKind]]:
    """Pages, templates, scripts and styles a visitor can end up seeing, in a stable order.

    Everything below ``docs_dir`` (Markdown pages, ``extra_javascript``, ``extra_css`` and
    any other script or page) and below each template folder (theme overrides). Hidden
    files and folders are skipped, as MkDocs skips them.
    """
    found: dict[Path, SourceKind] = {}
    for folder in (layout.docs_dir, *layout.template_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            kind = SOURCE_KINDS.get(path.suffix.lower())
            if kind and path.is_file() and not any(p.startswith(".") for p in relative.parts):
                found.setdefault(path.resolve(), kind)
    return sorted(found.items())


SourceMemo = Memo[tuple[str, ...], CheckResult]
"""Check results by everything they depend on: kind, path shown and text."""


def check_sources(
    layout: SiteLayout, catalog: Catalog, memo: SourceMemo | None = None
) -> CheckResult:
    """The honesty check over a site's sources: offers, pages, templates, scripts, styles.

    With ``memo``, offers and files whose text was checked before are not checked again."""
    result = CheckResult()
    for loaded in catalog.offers:
        if memo is None:
            result.extend(check_offer(loaded))
        else:
            key = ("offer", loaded.path, loaded.document.text)
            result.extend(memo.get(key, partial(check_offer, loaded)))
    for path, kind in source_files(layout):
        display = display_path(path, layout.root)
        if memo is None:
            result.extend(check_source_file(path, kind, display))
            continue
        text = read_source(path)
        result.extend(
            memo.get((kind, display, text), partial(check_source_text, text, kind, display))
        )
    return result


def check_source_file(path: Path, kind: SourceKind, display: str) -> CheckResult:
    """One source file by its kind; unreadable bytes are replaced, never fatal."""
    return check_source_text(read_source(path), kind, display)


def read_source(path: Path) -> str:
    """A source file as text: UTF-8 (BOM dropped, bad bytes replaced), line ends as ``\\n``.

    The same text as ``read_text`` with universal newlines, at half the time for a built
    site's megabytes of HTML: one decode, and line ends rewritten only where a ``\\r`` is.
    """
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_source_text(text: str, kind: SourceKind, display: str) -> CheckResult:
    """A source file's text, checked by its kind."""
    if kind == "markdown":
        return check_markdown(text, display)
    # Imported here: a check of offers and pages alone does not need these engines.
    if kind == "html":
        from honest_offers.check.html import check_html

        return check_html(text, display)
    if kind == "script":
        from honest_offers.check.scripts import check_script

        return check_script(text, display)
    from honest_offers.check.styles import check_stylesheet

    return check_stylesheet(text, display)
