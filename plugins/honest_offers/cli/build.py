"""``honest-offers build``: many sites (an agency's clients) built in parallel, one report.

Each site is a real ``mkdocs build`` (the same plugins, the same staged, all-or-nothing
output) run in a worker process. Workers are forked after MkDocs and Material are imported,
so a site costs its build, not a Python start-up and the imports again. What each build
found (offers, pages, findings, problems) comes back from the plugin and is merged into one
:class:`~honest_offers.report.model.Report`, with paths relative to where the command runs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import posixpath
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.diagnostics import Problem
from honest_offers.load.discover import display_path
from honest_offers.site import CONFIG_NAMES

SKIPPED_FOLDERS = frozenset({"node_modules", "site", "__pycache__"})
"""Folders never searched for site configs (besides hidden ones): dependencies and output."""


class BuildError(Exception):
    """A usage problem: no site found, a bad ``--shard``."""


@dataclass(slots=True)
class SiteOutcome:
    """What building one site gave: counts for its report line, and what it found."""

    site: str
    """The config file, as shown (relative to where the command runs)."""
    offers: int = 0
    pages: int = 0
    seconds: float = 0.0
    result: CheckResult = field(default_factory=CheckResult)
    problems: list[Problem] = field(default_factory=list)
    failure: str | None = None
    """Why the build did not finish (``None``: it finished and was published)."""
    warnings: list[str] = field(default_factory=list)
    """MkDocs' own warnings (the plugin's are in ``result`` and ``problems``)."""


def find_sites(paths: Sequence[Path], cwd: Path) -> list[Path]:
    """Every site config under ``paths`` (files are taken as they are), sorted by path.

    A folder with a config is one site: its subfolders are not searched for more."""
    found: dict[Path, None] = {}
    for path in paths or (cwd,):
        if path.is_file():
            found[path.resolve()] = None
        elif path.is_dir():
            found.update(dict.fromkeys(_configs_below(path.resolve())))
        else:
            raise BuildError(f"{path}: no such file or folder")
    if not found:
        where = ", ".join(str(p) for p in paths) or "this folder"
        names = " or ".join(CONFIG_NAMES)
        raise BuildError(f"no site config ({names}) found in {where}")
    return sorted(found, key=lambda p: display_path(p, cwd))


def _configs_below(folder: Path) -> Iterator[Path]:
    for top, folders, files in os.walk(folder):
        config = next((name for name in CONFIG_NAMES if name in files), None)
        if config is not None:
            folders.clear()
            yield Path(top) / config
            continue
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )


def parse_shard(value: str) -> tuple[int, int]:
    """``I/N`` → ``(I, N)``, with 1 ≤ I ≤ N."""
    first, slash, second = value.partition("/")
    if slash and first.isdigit() and second.isdigit():
        index, total = int(first), int(second)
        if 1 <= index <= total:
            return index, total
    raise BuildError(f"--shard {value}: write I/N with 1 ≤ I ≤ N, e.g. --shard 2/4")


def shard(sites: Sequence[Path], index: int, total: int, cwd: Path) -> list[Path]:
    """Share ``index`` of ``total``: every ``total``-th site of the list sorted by path,
    starting at the ``index``-th. Every machine of a CI matrix computes the same split, each
    site lands in exactly one share, and the shares differ in size by at most one."""
    ordered = sorted(sites, key=lambda p: display_path(p, cwd))
    return ordered[index - 1 :: total]


def build_sites(sites: Sequence[Path], cwd: Path, jobs: int, strict: bool) -> Iterator[SiteOutcome]:
    """Build ``sites`` with up to ``jobs`` worker processes; outcomes in the sites' order."""
    shown = [display_path(site, cwd) for site in sites]
    if jobs <= 1 or len(sites) <= 1:
        for site, name in zip(sites, shown, strict=True):
            yield build_site(str(site), name, strict)
        return
    _import_mkdocs()  # once, before forking: workers inherit the imported modules
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(sites)), mp_context=context) as pool:
        yield from pool.map(
            build_site, [str(s) for s in sites], shown, [strict] * len(sites), chunksize=1
        )


def _import_mkdocs() -> None:
    """MkDocs, Material and the plugins MkDocs knows of, loaded the way MkDocs loads them."""
    import material  # noqa: F401
    from mkdocs.commands import build  # noqa: F401
    from mkdocs.plugins import get_plugins

    plugin = get_plugins().get("honest-offers")
    if plugin is not None:
        plugin.load()


class _PluginState(Protocol):
    """What the honest-offers plugin keeps of its last build (see its ``__init__``)."""

    offer_count: int
    load_problems: list[Problem]
    final: CheckResult | None
    built_pages: list[Path]


def build_site(config_file: str, shown: str, strict: bool) -> SiteOutcome:
    """One real ``mkdocs build`` of ``config_file``, as the ``mkdocs build`` command runs it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    outcome = SiteOutcome(site=shown)
    start = time.perf_counter()
    with _captured_warnings() as warnings:
        try:
            config = load_config(config_file=config_file, strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:
            outcome.failure = str(exc).strip() or type(exc).__name__
        except Exception as exc:  # one site's crash must not stop the others
            outcome.failure = f"{type(exc).__name__}: {exc}"
        else:
            _take_plugin_state(outcome, config.plugins.get("honest-offers"))
        if outcome.failure is not None and "config" in locals():
            _take_plugin_state(outcome, config.plugins.get("honest-offers"))
    outcome.warnings = warnings
    outcome.seconds = time.perf_counter() - start
    return outcome


def _take_plugin_state(outcome: SiteOutcome, plugin: Any) -> None:
    if plugin is None:
        return
    state: _PluginState = plugin
    outcome.offers = state.offer_count
    outcome.pages = len(state.built_pages)
    outcome.problems = list(state.load_problems)
    outcome.result = state.final or CheckResult()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.plugins.honest_offers"):
            self.messages.append(record.getMessage())


class _captured_warnings:  # noqa: N801 - used as a context manager, like contextlib's
    """MkDocs' warnings of one build, kept for the report instead of printed (builds run at
    the same time would interleave them); informational messages are dropped."""

    def __enter__(self) -> list[str]:
        self.logger = logging.getLogger("mkdocs")
        self.handler = _Capture()
        self.level, self.propagate = self.logger.level, self.logger.propagate
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.WARNING)
        self.logger.propagate = False
        return self.handler.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.level)
        self.logger.propagate = self.propagate


def merged(outcomes: Iterable[SiteOutcome]) -> tuple[CheckResult, list[Problem], list[str]]:
    """Findings and problems of every site with paths relative to where the command runs,
    and the files (site configs) built; a build that failed for another reason than its
    findings or offers is a problem of its config file."""
    result, problems, files = CheckResult(), [], []
    for outcome in outcomes:
        folder = posixpath.dirname(outcome.site)
        files.append(outcome.site)
        result.findings += [_moved(f, folder) for f in outcome.result.findings]
        result.suppressed += [
            Suppressed(_moved(s.finding, folder), s.reason) for s in outcome.result.suppressed
        ]
        problems += [replace(p, path=_joined(folder, p.path)) for p in outcome.problems]
        if outcome.failure is not None and not _explained(outcome):
            problems.append(_failure(outcome))
    # A shared offer's problem or finding is reported by every site that extends it: once.
    result.findings = list(dict.fromkeys(result.findings))
    result.suppressed = list(dict.fromkeys(result.suppressed))
    return result, list(dict.fromkeys(problems)), files


def _moved(found: Finding, folder: str) -> Finding:
    return replace(found, path=_joined(folder, found.path))


def _joined(folder: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(folder, path)) if folder else path


def _explained(outcome: SiteOutcome) -> bool:
    """Whether the report already says why the build stopped (its findings or offers)."""
    return bool(outcome.result.errors) or any(p.severity == "error" for p in outcome.problems)


def _failure(outcome: SiteOutcome) -> Problem:
    detail = "; ".join([outcome.failure or "", *outcome.warnings[:5]]).strip("; ")
    return Problem(
        path=outcome.site,
        line=None,
        column=None,
        field=None,
        message=f"the build failed: {detail}",
        expected="a site that `mkdocs build` builds",
        fix=f"run `mkdocs build -f {outcome.site}` to see the whole output, and fix what it says",
    )


def site_line(outcome: SiteOutcome) -> str:
    """One line per site: offers, pages, findings, time, and whether it was published."""
    errors = len(outcome.result.errors) + sum(p.severity == "error" for p in outcome.problems)
    warnings = len(outcome.result.findings) - len(outcome.result.errors)
    state = "built" if outcome.failure is None else "FAILED, previous site kept"
    return (
        f"{outcome.site}: {state}: {outcome.offers} offers, {outcome.pages} pages, "
        f"{errors} errors, {warnings} warnings, {outcome.seconds:.1f} s"
    )
