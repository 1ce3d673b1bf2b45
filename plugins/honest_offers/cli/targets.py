"""What a PATH given to ``honest-offers check`` is, and which files to check in it.

* no PATH: the site config in the current folder (``site_config.yml``, then ``mkdocs.yml``);
* a site config, or a folder that holds one: the site's sources without building it —
  offers, Markdown pages, theme overrides, extra scripts and styles
  (:func:`honest_offers.site.source_files`);
* a folder with HTML files and no site config: a built site of any generator (or a
  template folder): every HTML, script, stylesheet and Markdown file in it. YAML files in
  such a folder are not offers: pass the offers folder itself;
* any other folder: its YAML files are offers, loaded together (so duplicate slugs are
  found), and its Markdown, scripts and styles are checked too;
* a single file, by its suffix: ``.yml``/``.yaml`` an offer (or a site config, if it has a
  ``site_name``), ``.md`` Markdown, ``.html``/``.htm`` HTML, ``.js``/``.mjs`` a script,
  ``.css`` a stylesheet.

With ``--browser``, :func:`built_sites` says which built sites and pages the browser check
(:mod:`honest_offers.check.runtime`) opens: folders of HTML files without a site config, and
single HTML files.

Hidden files and folders are skipped. Paths in reports are relative to the current folder.
Nothing here prints; :class:`TargetError` carries a one-line message for exit code 2.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from honest_offers.as_built import Render
from honest_offers.check import CheckResult, check_offer, lang
from honest_offers.check.page_facts import SiteOffers
from honest_offers.check.runtime import Site
from honest_offers.check.scope import Exclusion, ExclusionError, exclusion
from honest_offers.check.sources import FILE_KINDS, FileKind
from honest_offers.diagnostics import Problem
from honest_offers.files import visible_files
from honest_offers.load.discover import OFFER_SUFFIXES, display_path
from honest_offers.site import (
    CONFIG_NAMES,
    SiteLayout,
    check_config_text,
    check_source_file,
    find_config,
    page_placeholders,
    plugin_options,
    read_config,
    read_layout,
    read_source,
    renderer,
    site_offers,
    source_files,
)

if TYPE_CHECKING:
    from honest_offers.catalog import Catalog, LoadedOffer
    from honest_offers.validate.defaults import OfferDefaults

HTML_SUFFIXES = frozenset(s for s, kind in FILE_KINDS.items() if kind == "html")
_HTML_ENDINGS = tuple(sorted(HTML_SUFFIXES))
_SITE_NAME = re.compile(r"^site_name\s*:", re.MULTILINE)
_PLUGIN = re.compile(r"(?<![\w-])honest-offers(?![\w-])")


class TargetError(Exception):
    """A PATH that cannot be checked; the message is one line for the terminal."""


@dataclass(frozen=True, slots=True)
class Job:
    """One file to check."""

    path: str
    """As shown in reports."""
    run: Callable[[], CheckResult]


def _in_language(tag: str | None, run: Callable[[], CheckResult]) -> CheckResult:
    with lang.page_language(tag):
        return run()


@dataclass(slots=True)
class Plan:
    """The files to check, and the problems found while loading them."""

    cwd: Path
    today: date
    jobs: list[Job] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Display paths of every file checked or tried (offers that did not load too)."""
    exclusions: list[Exclusion] = field(default_factory=list)
    """Paths the sites' configs leave out of the check (the plugin's ``exclude``)."""
    offer_paths: set[str] = field(default_factory=set)
    """Display paths of offer files: never excluded."""
    language: str | None = None
    """The language of the site whose files are being added (``None``: unknown, or files
    named on their own): its files are checked in it (see :mod:`honest_offers.check.lang`)."""
    _seen: set[str] = field(default_factory=set)
    _folders: dict[str, str] = field(default_factory=dict)
    """Real path of each folder met, so thousands of files cost one resolve per folder."""

    def display(self, path: Path) -> str:
        return display_path(path.absolute(), self.cwd)

    def add_file(
        self,
        path: Path,
        kind: FileKind,
        render: Render | None = None,
        offers: SiteOffers | None = None,
        *,
        identity: str | None = None,
    ) -> None:
        """``path`` checked by its ``kind``; a site's Markdown page with ``render`` (its
        extensions) and against the facts of the ``offers`` it links to. ``identity``: its
        real path, where the caller knows it (:meth:`identity`)."""
        if self._first_time(path, identity):
            display = self.display(path)
            self.files.append(display)
            self.add_job(display, lambda: _check_file(path, kind, display, render, offers))

    def add_config(self, config: Path, data: dict[str, Any]) -> None:
        """A site config's text that the theme prints on pages (site name, nav titles…)."""
        if self._first_time(config):
            display = self.display(config)
            self.files.append(display)
            self.add_job(display, lambda: check_config_text(config, data, display))

    def add_job(self, path: str, run: Callable[[], CheckResult]) -> None:
        """Check ``path`` by ``run``, in the language of the site being added."""
        self.jobs.append(Job(path, partial(_in_language, self.language, run)))

    def protected(self, path: str) -> bool:
        """Offers are never excluded from the check."""
        return path in self.offer_paths

    def add_offer(self, loaded: LoadedOffer) -> None:
        self.offer_paths.add(loaded.path)
        if self._first_time(loaded.source):
            self.files.append(loaded.path)
            self.add_job(loaded.path, lambda: check_offer(loaded))

    def add_offer_file(self, path: Path, defaults: OfferDefaults | None = None) -> None:
        """One offer file on its own (no duplicate-slug check across files), inheriting the
        site's ``defaults``."""
        if not self._first_time(path):
            return
        self.files.append(self.display(path))
        from honest_offers import catalog  # the offer model: see _add_offers

        loaded, problems = catalog.load_offer_file(path, self.cwd, self.today)
        self.add_problems(problems)
        if loaded is not None:
            loaded = catalog.inherit(loaded, defaults) if defaults is not None else loaded
            self.add_problems(catalog.contact_problems(loaded))
            self.add_job(loaded.path, lambda: check_offer(loaded))

    def add_catalog(self, catalog: Catalog) -> None:
        """A folder's offers, in file order; files that did not load are listed too."""
        loaded = {offer.source: offer for offer in catalog.offers}
        for source in catalog.files:
            offer = loaded.pop(source, None)
            if offer is not None:
                self.add_offer(offer)
            elif self._first_time(source):
                self.files.append(self.display(source))
        for offer in loaded.values():
            self.add_offer(offer)
        self.add_problems(catalog.problems)

    def add_problems(self, problems: Sequence[Problem]) -> None:
        known = set(self.problems)
        self.problems.extend(p for p in problems if p not in known)

    def identity(self, path: Path) -> str:
        """The real path of a file (``Path.resolve`` reads every folder on the way each
        time; here each folder is resolved once)."""
        folder, name = os.path.split(os.fspath(path))
        return self._real(self.real_folder(folder), name)

    def real_folder(self, folder: str) -> str:
        """The real path of ``folder``, found once."""
        real = self._folders.get(folder)
        if real is None:
            parent, name = os.path.split(folder)
            if not name or name in (".", "..") or parent == folder:
                real = os.path.realpath(folder)
            else:
                real = self._real(self.real_folder(parent), name)
            self._folders[folder] = real
        return real

    @staticmethod
    def _real(real_folder: str, name: str) -> str:
        # Strings, not Paths: this runs once per file of a site with thousands of them.
        joined = os.path.join(real_folder, name)  # noqa: PTH118
        return os.path.realpath(joined) if os.path.islink(joined) else joined  # noqa: PTH114

    def _first_time(self, path: Path, identity: str | None = None) -> bool:
        key = self.identity(path) if identity is None else identity
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


def plan_check(paths: Sequence[Path], cwd: Path, today: date) -> Plan:
    """Resolve every PATH (relative to ``cwd``; none: the site config there) into files."""
    plan = Plan(cwd=cwd.resolve(), today=today)
    if not paths:
        config = find_config(cwd)
        if config is None:
            names = " or ".join(CONFIG_NAMES[:2])
            raise TargetError(
                f"no site config ({names}) in this folder; "
                "pass a config file, a folder or the files to check"
            )
        _add_site(plan, config)
        return plan
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        if not path.exists():
            raise TargetError(f"{given}: no such file or folder")
        if path.is_dir():
            config = find_config(path)
            if config is not None:
                _add_site(plan, config)
            else:
                _add_folder(plan, path)
        elif is_site_config(path):
            _add_site(plan, path)
        else:
            _add_single(plan, path)
    return plan


def built_sites(paths: Sequence[Path], cwd: Path) -> list[Site]:
    """The built sites and pages named by PATHs for ``--browser``: folders of HTML files
    (without a site config) and single ``.html`` files; anything else is a
    :class:`TargetError`."""
    if not paths:
        raise TargetError(
            "--browser needs the folder of a built site, e.g. `honest-offers check --browser "
            "site/` after `mkdocs build`"
        )
    sites: list[Site] = []
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        if path.is_file() and path.suffix.lower() in HTML_SUFFIXES:
            sites.append(Site(_site_root(path, cwd), [path]))
            continue
        pages = html_pages(path) if path.is_dir() and find_config(path) is None else []
        if not pages:
            raise TargetError(
                f"--browser: {given} is not a built site (a folder of HTML files without a "
                "site config) or an HTML file; build the site and pass its output folder"
            )
        sites.append(Site(path, pages))
    return sites


SITE_ROOT_FILES = ("sitemap.xml", "404.html")
"""Files a built site has at its root (MkDocs, Hugo, Jekyll and most generators)."""


def _site_root(page: Path, cwd: Path) -> Path:
    """The folder to serve for one page, so that its relative links to scripts and styles
    load: the nearest folder above it that holds a built site's root files, else the
    current folder if the page is inside it, else the page's own folder."""
    for folder in page.parents:
        if any((folder / name).is_file() for name in SITE_ROOT_FILES):
            return folder
        if folder == cwd:
            break
    return cwd if page.is_relative_to(cwd) else page.parent


def html_pages(folder: Path) -> list[Path]:
    """HTML files below ``folder``, hidden files and folders skipped, in a stable order."""
    return sorted(
        Path(entry.path)
        for _, entry in visible_files(folder)
        if entry.name.lower().endswith(_HTML_ENDINGS)
    )


def is_site_config(path: Path) -> bool:
    """``site_config.yml``/``mkdocs.yml``, or any YAML file with a top-level ``site_name``."""
    if path.name in CONFIG_NAMES:
        return True
    if path.suffix.lower() not in OFFER_SUFFIXES:
        return False
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")[:100_000]
    except OSError:
        return False
    return _SITE_NAME.search(head) is not None


def _add_site(plan: Plan, config: Path) -> None:
    layout, problems = read_layout(config)
    if layout is None:
        first = problems[0] if problems else None
        detail = _one_line(first.message) if first else "it cannot be read"
        where = first.location if first else plan.display(config)
        raise TargetError(f"{where}: {detail}")
    outer, plan.language = plan.language, layout.language
    try:
        _add_site_files(plan, config, layout)
    finally:
        plan.language = outer


def _add_site_files(plan: Plan, config: Path, layout: SiteLayout) -> None:
    data = read_config(config)
    offers = None
    if any(folder.is_dir() for folder in layout.offers_dirs) or _uses_plugin(config):
        offers = site_offers(layout, _add_offers(plan, layout.offers_dirs, config))
    entries = plugin_options(data).get("exclude") or []
    try:
        plan.exclusions += [exclusion(e.get("path"), e.get("reason")) for e in entries]
    except (AttributeError, ExclusionError) as exc:
        raise TargetError(f"{plan.display(config)}: exclude: {exc}") from None
    render = renderer(data)  # Markdown pages are also checked as the site renders them
    for path, kind in source_files(layout):
        plan.add_file(path, kind, render, offers)
        if kind == "markdown":
            plan.add_problems(page_placeholders(read_source(path), plan.display(path)))
    plan.add_config(config, data)


def _one_line(message: str) -> str:
    """A YAML error's lines without the quoted source and the caret under it."""
    lines = [line.strip() for line in message.splitlines() if line and not line[0].isspace()]
    return ": ".join(line.rstrip(":") for line in lines if line)


def _uses_plugin(config: Path) -> bool:
    """Whether the config names the plugin (outside comments); a site without it and
    without an offers folder is checked for pages only."""
    try:
        text = config.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False
    return any(_PLUGIN.search(line.split("#", 1)[0]) for line in text.splitlines())


def _add_offers(plan: Plan, offers_dirs: tuple[Path, ...], config: Path | None) -> Catalog:
    """The offers in ``offers_dirs``, inheriting the defaults of the site ``config``."""
    # Imported here: the offer model (pydantic) is a tenth of a second of start-up that a
    # check of a built site or of pages alone does not need.
    from honest_offers.catalog import load_catalog

    defaults = _site_defaults(plan, config)
    catalog = load_catalog(offers_dirs, plan.cwd, plan.today, defaults=defaults)
    plan.add_catalog(catalog)
    return catalog


def _site_defaults(plan: Plan, config: Path | None) -> OfferDefaults:
    """The plugin options ``default_seller`` and ``default_cta`` of the site ``config``;
    mistakes in them are load errors at the config."""
    from honest_offers.validate.defaults import OfferDefaults, read_defaults  # see _add_offers

    if config is None:
        return OfferDefaults()
    options = plugin_options(read_config(config))
    defaults, problems = read_defaults(options, plan.display(config), read_source(config))
    plan.add_problems(problems)
    return defaults


def _nearest_config(plan: Plan, folder: Path) -> Path | None:
    """The site config in ``folder`` or the nearest folder above it, up to the current
    folder: offers checked on their own (as pre-commit passes them) inherit its defaults."""
    folder = folder.absolute()
    for candidate in (folder, *folder.parents):
        config = find_config(candidate)
        if config is not None or candidate == plan.cwd or not candidate.is_relative_to(plan.cwd):
            return config
    return None


def _add_folder(plan: Plan, folder: Path) -> None:
    """A built site (any HTML in it): its pages, scripts and styles; else a folder of
    sources: its offers (YAML) and Markdown, scripts and styles."""
    files = _visible_files(folder, plan.real_folder(os.fspath(folder)))
    built = any(file.suffix in HTML_SUFFIXES for file in files)
    if not built and any(file.suffix in OFFER_SUFFIXES for file in files):
        _add_offers(plan, (folder,), _nearest_config(plan, folder))
    for file in files:
        kind = FILE_KINDS.get(file.suffix)
        if kind is not None:
            plan.add_file(Path(file.path), kind, identity=file.real)


def _add_single(plan: Plan, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in OFFER_SUFFIXES:
        plan.add_offer_file(path, _site_defaults(plan, _nearest_config(plan, path.parent)))
        return
    kind = FILE_KINDS.get(suffix)
    if kind is None:
        raise TargetError(
            f"{plan.display(path)}: not a file the check reads (offers .yml/.yaml, "
            "Markdown .md, HTML .html/.htm, scripts .js/.mjs/.cjs/.jsx/.ts/.tsx, templates "
            ".vue/.svelte/.liquid/.hbs/.njk/.twig/.php/.erb/.ejs/.tpl, stylesheets .css)"
        )
    plan.add_file(path, kind)


class _Found(NamedTuple):
    parts: tuple[str, ...]
    """The path's parts below the folder walked: paths sort by their parts."""
    path: str
    real: str
    """The file's real path (:meth:`Plan.identity`)."""
    suffix: str
    """Lower case."""


def _visible_files(folder: Path, real: str) -> list[_Found]:
    """Files below ``folder`` (whose real path is ``real``), hidden ones skipped, sorted;
    folders reached by a link are not entered (:func:`.files.visible_files`)."""
    found = [_found(parts, entry, real) for parts, entry in visible_files(folder)]
    found.sort()
    return found


def _found(parts: tuple[str, ...], entry: os.DirEntry[str], real_folder: str) -> _Found:
    if entry.is_symlink():
        real = os.path.realpath(entry.path)
    else:  # strings, not Paths: once per file of a site with thousands
        real = os.sep.join((real_folder, *parts))  # noqa: PTH118
    suffix = os.path.splitext(entry.name)[1].lower()  # noqa: PTH122 (a string, as above)
    return _Found(parts, entry.path, real, suffix)


def _check_file(
    path: Path,
    kind: FileKind,
    display: str,
    render: Render | None = None,
    offers: SiteOffers | None = None,
) -> CheckResult:
    try:
        return check_source_file(path, kind, display, render, offers)
    except OSError as exc:
        raise UnreadableFileError(
            Problem(
                path=display,
                line=None,
                column=None,
                field=None,
                message=f"the file cannot be read: {exc.strerror or exc}",
                expected="a readable text file",
                fix="check the file's permissions, or leave it out of the check",
            )
        ) from None


class UnreadableFileError(Exception):
    """A file that vanished or cannot be read while checking; becomes a load problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
