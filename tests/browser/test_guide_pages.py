"""The user guide (guide/) under the example site's browser checks: every built page has no
axe-core violation (WCAG 2.2 AA, light and dark), and no page asks for anything beyond
127.0.0.1 (no outside fonts, scripts or images)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.conftest import AXE, Requests, _is_local, require, serve
from tests.browser.test_pages import AXE_TAGS, SCHEMES, _axe_report
from tests.conftest import REPO_ROOT, run_mkdocs

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

GUIDE = REPO_ROOT / "guide"


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide as `make guide` builds it (strict), once for the module."""
    out = tmp_path_factory.mktemp("guide") / "site"
    config = str(GUIDE / "mkdocs.yml")
    built = run_mkdocs("build", "--strict", "-f", config, "-d", str(out), cwd=REPO_ROOT)
    assert built.returncode == 0, built.stderr
    return out


@pytest.fixture(scope="module")
def guide_url(guide_site: Path) -> Iterator[str]:
    with serve(guide_site) as url:
        yield url


def guide_pages(site: Path) -> list[str]:
    """Every page of the built guide, as a path below its root (``publishing/``)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def _open(browser: Browser, url: str, scheme: str) -> tuple[Page, Requests]:
    """A page in a fresh context that lets no request but to ``url`` through."""
    context = browser.new_context(service_workers="block", color_scheme=scheme)  # type: ignore[arg-type]
    requests = Requests(url, [])
    context.on("request", lambda request: requests.urls.append(request.url))

    def route(route: Any) -> None:
        if _is_local(route.request.url, url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", route)
    context.set_default_timeout(15_000)
    return context.new_page(), requests


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_no_axe_violations_on_any_guide_page(
    browser: Browser, guide_site: Path, guide_url: str, scheme: str
) -> None:
    require("axe")
    pages = guide_pages(guide_site)
    assert len(pages) > 10, pages
    page, requests = _open(browser, guide_url, scheme)
    found: dict[str, list[dict[str, Any]]] = {}
    for path in pages:
        page.goto(guide_url + path, wait_until="load")
        palette = page.get_attribute("body", "data-md-color-scheme")
        assert palette == SCHEMES[scheme], f"{path} rendered with palette {palette!r}"
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(r => r.violations)",
            AXE_TAGS,
        )
        if violations:
            found[path] = violations
    page.context.close()
    assert found == {}, "\n".join(
        f"axe-core on /{path} ({scheme}):\n{_axe_report(v)}" for path, v in found.items()
    )
    assert requests.outside == [], "requests beyond 127.0.0.1:\n" + "\n".join(
        sorted(set(requests.outside))
    )
    assert len(requests.urls) > len(pages)


def test_axe_on_the_guide_finds_a_violation_when_there_is_one(
    browser: Browser, guide_url: str
) -> None:
    """The harness works on the guide too: an unlabelled image fails."""
    require("axe")
    page, _ = _open(browser, guide_url, "light")
    page.goto(guide_url, wait_until="load")
    page.evaluate(
        "() => document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: 'x.png'}))"
    )
    page.add_script_tag(path=str(AXE))
    ids = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    page.context.close()
    assert "image-alt" in ids
