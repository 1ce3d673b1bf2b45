"""MkDocs event hooks only; the work happens in the generator-independent modules."""

from __future__ import annotations

import os
import sys
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal, cast

from babel import Locale, UnknownLocaleError
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from honest_offers.catalog import Catalog, LoadedOffer, load_catalog
from honest_offers.check.finding import CheckResult
from honest_offers.check.scope import Exclusion, ExclusionError, apply_exclusions, exclusion
from honest_offers.check.sources import page_allow_entries
from honest_offers.check.suppress import found_in_pages
from honest_offers.dates import build_date
from honest_offers.diagnostics import Problem
from honest_offers.mkdocs_plugin.brand import apply_brand, in_use, stylesheet_file
from honest_offers.mkdocs_plugin.browser import browser_findings
from honest_offers.mkdocs_plugin.config import HonestOffersConfig
from honest_offers.mkdocs_plugin.escaping import escape_page_text, striptags_as_text
from honest_offers.mkdocs_plugin.honesty import (
    LOADED,
    BuildCheck,
    PageSource,
    carry_page_allowances,
    markdown_source,
    shared_sources,
)
from honest_offers.mkdocs_plugin.i18n import install_translations
from honest_offers.mkdocs_plugin.output import StagedOutput, fix_gzip_timestamp
from honest_offers.mkdocs_plugin.pages import (
    OfferPages,
    generate_error_pages,
    generate_pages,
    generate_rule_pages,
)
from honest_offers.mkdocs_plugin.preview import add_preview_notice
from honest_offers.mkdocs_plugin.site_root import SiteRootImages
from honest_offers.mkdocs_plugin.structured import (
    NO_SITE_URL,
    add_structured_files,
    page_context,
)
from honest_offers.mkdocs_plugin.toc import offer_toc
from honest_offers.render.html import demote_headings
from honest_offers.render.sanitize import sanitize_details
from honest_offers.report import format_problems
from honest_offers.report.findings import format_findings, format_suppressed
from honest_offers.site import (
    SiteLayout,
    offers_folder_names,
    page_placeholders,
    read_config,
    read_source,
    site_language,
    site_url_of,
)
from honest_offers.validate.defaults import OfferDefaults, read_defaults

log = get_plugin_logger(__name__)


class HonestOffersPlugin(BasePlugin[HonestOffersConfig]):
    """Adds one page per offer in ``offers_dir`` and an index that compares them."""

    def __init__(self) -> None:
        self.serving = False
        self.offers_dirs: tuple[Path, ...] = (Path("offers"),)
        self.shared_files: list[Path] = []
        self.locale = "en"
        self.layout = SiteLayout(Path(), Path("docs"), (Path("offers"),), (), "offers")
        self.pages: OfferPages | None = None
        self.check: BuildCheck | None = None
        self.reference_pages: set[str] = set()
        self.generated: set[str] = set()
        self.exclusions: list[Exclusion] = []
        self.built_pages: list[Path] = []
        self.previews: set[str] = set()
        """``src_uri`` of the pages ``mkdocs serve`` shows for offers with errors."""
        """``src_uri`` of every page the plugin generates (offers, index, rule reference)."""
        self.stage = False
        self.output: StagedOutput | None = None
        # What the last build found, for `honest-offers build` to report (see cli/build.py).
        self.offer_count = 0
        self.load_problems: list[Problem] = []
        self.final: CheckResult | None = None
        self.brand_css: str | None = None
        self.defaults = OfferDefaults()
        """The options `default_seller` and `default_cta`, which offers inherit."""
        self.default_problems: list[Problem] = []
        """Warnings about them (placeholders), reported with the offers' problems."""
        self.site_root_images = SiteRootImages()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        # gh-deploy reads site_dir after the build, and a dirty build only rewrites changed
        # pages: both need the real folder, so only a plain `mkdocs build` is staged.
        self.stage = command == "build" and not dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        base = Path(config.config_file_path or ".").resolve().parent
        try:
            folders = offers_folder_names(self.config.offers_dir)
        except ValueError as exc:
            raise PluginError(f"honest-offers: {exc}") from None
        self.offers_dirs = tuple((base / folder).resolve() for folder in folders)
        self.locale = self._resolve_locale(config)
        theme_dir = str(package_files("honest_offers.theme"))
        # After a site's custom_dir (so it can override any template), before Material.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, theme_dir)
        custom_dir = config.theme.custom_dir
        written = read_config(Path(config.config_file_path)) if config.config_file_path else {}
        self.layout = SiteLayout(
            root=base,
            docs_dir=Path(config.docs_dir),
            offers_dirs=self.offers_dirs,
            template_dirs=(Path(custom_dir),) if custom_dir else (),
            index_folder=self.config.index_url.strip("/"),
            config_file=Path(config.config_file_path) if config.config_file_path else None,
            language=site_language(written),
            site_url=site_url_of(written),
        )
        self.defaults = self._read_defaults()
        if self.stage:
            self.output = StagedOutput(Path(config.site_dir))
            config.site_dir = self.output.begin()
        try:
            self.exclusions = [
                exclusion(item.get("path"), item.get("reason")) for item in self.config.exclude
            ]
        except ExclusionError as exc:
            raise PluginError(f"honest-offers: exclude: {exc}") from None
        if not config.site_url:
            log.info(NO_SITE_URL)
        config.markdown_extensions.append(self.site_root_images)
        if not self.config.external_fonts and config.theme.name == "material":
            config.theme["font"] = False
        self.brand_css = (
            apply_brand(config, self.config.brand) if in_use(self.config.brand) else None
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        base = Path(config.config_file_path or ".").resolve().parent
        catalog = load_catalog(self.offers_dirs, base, build_date(), LOADED, self.defaults)
        self.offer_count, self.load_problems = len(catalog.offers), list(catalog.problems)
        self.shared_files = [(base / path).resolve() for path in catalog.shared_files]
        self._report(catalog)
        self.pages = generate_pages(catalog, files, config, self.config, self.locale)
        for file in self.pages.files:
            files.append(file)
        add_structured_files(self.pages, files, config, self.config.index_title, self.locale)
        self.reference_pages = set()
        if self.config.rules_url:
            for file in generate_rule_pages(files, config, self.config.rules_url):
                files.append(file)
                self.reference_pages.add(file.src_uri)
        self.previews = set()
        if self.serving:
            for file in generate_error_pages(catalog, files, config, self.config):
                files.append(file)
                self.previews.add(file.src_uri)
        if self.brand_css is not None:
            files.append(stylesheet_file(config, self.brand_css))
        self.generated = {file.src_uri for file in self.pages.files} | self.reference_pages
        self.check = BuildCheck(self.layout, shared_sources(self.layout))
        self.built_pages = []
        self.check.check_sources(catalog)
        placeholders = self._page_placeholders(files)
        for problem in placeholders:
            log.warning(problem.format())
        self.load_problems += self.default_problems + placeholders
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # A preview of an offer's errors quotes the offer: it is not a page that sells. (The
        # rule reference is checked like any page; its marker lists its findings as allowed,
        # as `check` on the built folder does.)
        uri = page.file.src_uri
        if self.check is None or uri in self.previews:
            return output
        self.built_pages.append(Path(config.site_dir) / page.file.dest_uri)
        site_dir = self.output.target if self.output else Path(config.site_dir)
        built = self.check.display_built(site_dir, page.file.dest_uri)  # never the staging one
        found = self.check.check_rendered(output, built, self._page_sources(page))
        output = carry_page_allowances(output, self._page_allowances(page))
        errors = [finding for finding in found if finding.severity == "error"]
        if self.serving and errors:
            return add_preview_notice(output, errors)
        return output

    @event_priority(110)
    def _browser_check(self, *, config: MkDocsConfig) -> None:
        """The option `browser_check`: HO618 over the built pages, before the report."""
        if self.check is None or not self.config.browser_check or self.serving:
            return
        site_dir = Path(config.site_dir)
        shown = self.output.target if self.output else site_dir
        found = browser_findings(site_dir, self.built_pages, self.layout.root, shown)
        if isinstance(found, str):
            log.info(f"honesty check: browser_check skipped: {found}")
            return
        result, problems = found
        self.check.result.extend(result)
        for problem in problems:
            log.warning("honesty check, browser: " + problem.format())

    @event_priority(100)
    def _report_findings(self, *, config: MkDocsConfig) -> None:
        if self.check is None:
            return
        result = apply_exclusions(self.check.result, self.exclusions, self._protected)
        self.final = result
        for item in sorted(result.suppressed, key=lambda s: s.finding.sort_key()):
            log.info("honesty check, allowed: " + format_suppressed(item))
        if not result.findings:
            return
        report = format_findings(result.findings, result.suppressed)
        if not result.errors:
            log.warning("pressure tactics found:\n" + report)
        elif self.serving:
            log.error("pressure tactics found (the build would fail):\n" + report)
        else:
            raise PluginError("pressure tactics found:\n" + report)

    @event_priority(-100)
    def _finish(self, *, config: MkDocsConfig) -> None:
        """Last of all post-build work (search writes its index in on_post_build too)."""
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
        fix_gzip_timestamp(
            Path(config.site_dir) / "sitemap.xml.gz", int(epoch) if epoch.isdigit() else 0
        )
        if self.output is not None:
            self.output.finished = True

    on_post_build = CombinedEvent(_browser_check, _report_findings, _finish)

    def on_build_error(self, *, error: Exception) -> None:
        # Strict mode's abort on warnings comes after on_post_build and lands here too.
        if self.output is not None:
            self.output.discard()

    def on_shutdown(self) -> None:
        """The build command's last word: publish only a build that finished and was not
        aborted afterwards (strict mode, another plugin, an interrupt)."""
        if self.output is None:
            return
        interrupted = sys.exc_info()[0] is not None  # MkDocs calls this in a `finally`
        if self.output.finished and not interrupted:
            self.output.publish()
            log.info(f"published the finished build to {self.output.target}")
        else:
            self.output.discard()
        self.output = None

    def _from_yaml_or_config(self, uri: str) -> bool:
        """Whether a page's Markdown comes from an offer's ``details`` or the
        ``index_intro`` (a lookup: a set of every page built per page grew a build with N²)."""
        return self.pages is not None and (uri in self.pages.views or uri == self.pages.index_uri)

    def _protected(self, path: str) -> bool:
        """Offers and the offer index: never excluded from the check."""
        folders = [self.check.display(f) for f in self.offers_dirs] if self.check else []
        index = f"/{self.layout.index_folder}/index.html"
        return any(path.startswith(f"{folder}/") for folder in folders) or path.endswith(index)

    def _page_allowances(self, page: Page) -> list[tuple[str, str]]:
        """``(rule, reason)`` that the page's source allows on the whole page: an offer's
        ``allow``, a Markdown page's front matter ``honest_offers: allow``."""
        loaded = self.pages.sources.get(page.file.src_uri) if self.pages else None
        if loaded is not None:
            allow = loaded.offer.allow
            return [(item.rule, item.reason) for item in allow if found_in_pages(item.rule)]
        return page_allow_entries(page.meta)

    def _page_sources(self, page: Page) -> tuple[PageSource, ...]:
        """Where the text of ``page`` was written: its offer, every offer (the index), or
        its Markdown file."""
        if self.pages is not None:
            loaded = self.pages.sources.get(page.file.src_uri)
            if loaded is not None:
                return _offer_sources(loaded)
            if page.file.src_uri == self.pages.index_uri:
                return tuple(
                    source
                    for loaded in self.pages.sources.values()
                    for source in _offer_sources(loaded)
                )
        if page.file.generated_by is None and page.file.abs_src_path and self.check:
            path = self.check.display(Path(page.file.abs_src_path))
            return (markdown_source(path, page.file.content_string),)
        return ()

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["striptags"] = striptags_as_text
        install_translations(env, self.locale)
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri in self.generated:
            escape_page_text(page.meta)
        written = self._from_yaml_or_config(page.file.src_uri)
        self.site_root_images.page(page.file.src_uri if written else None)
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.site_root_images.page(None)
        if self.pages is None:
            return html
        if page.file.src_uri == self.pages.index_uri:
            return sanitize_details(html)  # the index intro: the same allowlist as details
        view = self.pages.views.get(page.file.src_uri)
        if view is None:
            return html
        page.toc = offer_toc(view, page.toc, has_details=bool(html.strip()))
        return demote_headings(sanitize_details(html))

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.pages is not None:
            # TemplateContext is a TypedDict of MkDocs' own keys; templates may read more.
            extra = self.pages.context_for(page) | page_context(
                self.pages, page, config, self.locale
            )
            cast(dict[str, Any], context).update(extra)
        return context

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            for folder in self.offers_dirs:
                if folder.is_dir():
                    server.watch(str(folder))
            for shared in self.shared_files:  # shared offers that offers extend
                server.watch(str(shared))
        return server

    def _report(self, catalog: Catalog) -> None:
        for warning in catalog.warnings:
            log.warning(warning.format())
        if not catalog.errors:
            return
        report = format_problems(catalog.errors)
        if self.serving:
            # Keep serving the valid offers; the terminal shows what to fix.
            log.error("invalid offers are left out until fixed:\n" + report)
            return
        raise PluginError("invalid offers:\n" + report)

    def _page_placeholders(self, files: Files) -> list[Problem]:
        """Placeholder addresses that the site's own Markdown pages link to."""
        problems = []
        for file in files.documentation_pages():
            if file.generated_by is None and file.abs_src_path and self.check is not None:
                shown = self.check.display(Path(file.abs_src_path))
                problems += page_placeholders(file.content_string, shown)
        return problems

    def _read_defaults(self) -> OfferDefaults:
        """The options `default_seller` and `default_cta`, checked like an offer's fields."""
        options = {"default_seller": self.config.default_seller}
        options["default_cta"] = self.config.default_cta
        config_file = self.layout.config_file
        text = read_source(config_file) if config_file and config_file.is_file() else ""
        shown = config_file.name if config_file else "mkdocs.yml"
        defaults, problems = read_defaults(options, shown, text)
        errors = [problem for problem in problems if problem.severity == "error"]
        if errors:
            raise PluginError("honest-offers: invalid options:\n" + format_problems(errors))
        for problem in problems:
            log.warning(problem.format())
        self.default_problems = problems
        return defaults

    def _resolve_locale(self, config: MkDocsConfig) -> str:
        wanted = self.config.locale or config.theme.get("language") or "en"
        try:
            return str(Locale.parse(str(wanted).replace("-", "_")))
        except (ValueError, UnknownLocaleError) as exc:
            raise PluginError(
                f"honest-offers: locale `{wanted}` is not known to Babel ({exc}); "
                "set the plugin's `locale` option to a code such as `en`, `de_DE` or `fr_CH`"
            ) from None


def _offer_sources(loaded: LoadedOffer) -> tuple[PageSource, ...]:
    """The offer's file, then the shared files it extends (each written part of the page)."""
    allowed = {item.rule: item.reason for item in loaded.offer.allow}
    return tuple(PageSource(part.path, part.text, allowed) for part, _ in loaded.document.parts())
