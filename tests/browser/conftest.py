"""Browser tests: the built example site in headless Chromium, driven by Playwright.

What they need, and where it comes from:

* Chromium: Debian's ``chromium`` package at ``/usr/bin/chromium`` (``.ci/run`` installs it;
  ``HONEST_OFFERS_CHROMIUM`` points elsewhere). Playwright never downloads a browser here.
* Python Playwright: the ``test`` extra.
* axe-core, vnu-jar and Lighthouse: ``npm ci`` at the repository root (``package.json``);
  Java for vnu, Node.js for Lighthouse.

Without them the tests skip, each with the reason and how to install what is missing (pytest
lists the reasons at the end of the run). In CI (``CI`` set to ``true`` or ``1``) a missing
piece is a failure instead: CI must never pass by skipping the browser.

Screenshots go to ``test-artifacts/`` (git-ignored), kept after the run for a person to look
at.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from honest_offers.catalog import LoadedOffer, load_catalog
from honest_offers.check.runtime import BROWSER_FLAGS, chromium_path
from honest_offers.dates import build_date
from tests.conftest import REPO_ROOT, mkdocs_env

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

NODE_MODULES = REPO_ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
ARTIFACTS = REPO_ROOT / "test-artifacts"
INDEX_PATH = "offers/"
"""The offers index of the example site (``index_url`` in site_config.yml)."""

IN_CI = os.environ.get("CI", "").lower() in {"true", "1", "yes"}
INSTALL_HINT = (
    "install them with `apt-get install chromium` and `npm ci` at the repository root "
    "(.ci/run does both)"
)


def _playwright_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright (pip install -e '.[test]')"
    return None


def missing(*needs: str) -> list[str]:
    """What of ``needs`` (Chromium always; ``axe``, ``vnu``, ``lighthouse``) is missing."""
    found: list[str] = []
    if problem := _playwright_missing():
        found.append(problem)
    if not Path(chromium_path()).is_file():
        found.append(f"Chromium at {chromium_path()}")
    if "axe" in needs and not AXE.is_file():
        found.append(f"axe-core ({AXE.relative_to(REPO_ROOT)})")
    if "vnu" in needs:
        if not VNU.is_file():
            found.append(f"vnu-jar ({VNU.relative_to(REPO_ROOT)})")
        if shutil.which("java") is None:
            found.append("Java (for vnu.jar)")
    if "lighthouse" in needs:
        if not LIGHTHOUSE.is_file():
            found.append(f"Lighthouse ({LIGHTHOUSE.relative_to(REPO_ROOT)})")
        if shutil.which("node") is None:
            found.append("Node.js (for Lighthouse)")
    return found


def require(*needs: str) -> None:
    """Skip (on a developer's machine) or fail (in CI) when something is missing."""
    absent = missing(*needs)
    if not absent:
        return
    message = (
        f"BROWSER TESTS NOT RUN: missing {', '.join(absent)}; {INSTALL_HINT}. "
        "In CI this is a failure."
    )
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once per test process."""
    out = tmp_path_factory.mktemp("example-site") / "site"
    return _build(REPO_ROOT / "site_config.yml", out)


@pytest.fixture(scope="session")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built in German (``theme.language: de``): the theme's words, the
    page language and the honesty check in German; the same pages, once per test process."""
    folder = tmp_path_factory.mktemp("example-site-de")
    config = (REPO_ROOT / "site_config.yml").read_text("utf-8")
    for old, new in (
        ("  language: en\n", "  language: de\n"),
        ("docs_dir: docs\n", f"docs_dir: {REPO_ROOT / 'docs'}\n"),
        ("      offers_dir: offers\n", f"      offers_dir: {REPO_ROOT / 'offers'}\n"),
    ):
        assert old in config, old
        config = config.replace(old, new)
    (folder / "site_config.yml").write_text(config, "utf-8")
    return _build(folder / "site_config.yml", folder / "site")


def _build(config: Path, out: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        cwd=REPO_ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser closing a connection early is normal here."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """``directory`` on a free loopback port; yields its URL, which ends in ``/``."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built example site on a free loopback port; ends in ``/``."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def german_site_url(german_site: Path) -> Iterator[str]:
    """The German build of the example site on a free loopback port; ends in ``/``."""
    with serve(german_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, resolving no host but 127.0.0.1 (BROWSER_FLAGS)."""
    require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(BROWSER_FLAGS), headless=True
        )
        yield launched
        launched.close()


@dataclass
class Requests:
    """Every request a context made; the ones that did not go to the local server."""

    origin: str
    urls: list[str]

    @property
    def outside(self) -> list[str]:
        return [url for url in self.urls if not _is_local(url, self.origin)]


def _is_local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True  # never leave the page
    return url.startswith(origin) and parts.hostname == "127.0.0.1"


@dataclass
class Visit:
    context: BrowserContext
    requests: Requests
    leak_expected: bool = False


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Any]:
    """``visit(**context_options)``: a new browser context on the example site that records
    every request and lets none but those to the local server through.

    Every test that uses it also checks, when it ends, that no request of its contexts went
    beyond 127.0.0.1 (unless the test set ``leak_expected``).
    """
    yield from _visits(browser, site_url)


@pytest.fixture
def german_visit(browser: Browser, german_site_url: str) -> Iterator[Any]:
    """:func:`visit` on the German build of the example site."""
    yield from _visits(browser, german_site_url)


def _visits(browser: Browser, site_url: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def make(**options: Any) -> Visit:
        context = browser.new_context(service_workers="block", **options)
        requests = Requests(site_url, [])
        context.on("request", lambda request: requests.urls.append(request.url))

        def route(route: Any) -> None:
            if _is_local(route.request.url, site_url):
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", route)
        context.set_default_timeout(15_000)
        opened.append(Visit(context, requests))
        return opened[-1]

    yield make
    outside = sorted({url for v in opened if not v.leak_expected for url in v.requests.outside})
    for v in opened:
        v.context.close()
    if outside:
        pytest.fail("requests beyond 127.0.0.1:\n" + "\n".join(outside), pytrace=False)


def example_offers() -> list[LoadedOffer]:
    """The example site's offers, as the plugin loads them."""
    catalog = load_catalog(REPO_ROOT / "offers", REPO_ROOT, build_date())
    assert not catalog.errors, catalog.errors
    return sorted(catalog.offers, key=lambda loaded: loaded.slug)


OFFER_SLUGS = [loaded.slug for loaded in example_offers()]
OFFER_PATHS = [f"{INDEX_PATH}{slug}/" for slug in OFFER_SLUGS]


def artifact(*parts: str) -> Path:
    """A path in test-artifacts/ (created), for screenshots kept after the run."""
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
