"""The browser check (``honest-offers check --browser``, HO618) in a real Chromium.

The fixture pages in ``fixtures/runtime/`` hide a ticking timer, a random visitor counter
and a delayed "someone just booked" toast from the static rules; the browser finds each,
and leaves honest pages (one that fills in its text from a JSON file) alone.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from honest_offers.check.runtime import Site, check_sites
from honest_offers.check.runtime_rules import TEXT_CHANGES
from honest_offers.cli.targets import built_sites
from honest_offers.loopback import QuietHandler, serve_folder
from tests.browser.conftest import INDEX_PATH, OFFER_SLUGS, require
from tests.conftest import SITE_CONFIG, offer_yaml, run_mkdocs

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

FIXTURES = Path(__file__).parent / "fixtures" / "runtime"
TRICKS = {
    "ticking/index.html": ("over time", "span#n", 8),
    "visitors/index.html": ("between visits", "main > p", 7),
    "toast/index.html": ("over time", "body > footer", 9),
}
HONEST = ("calm/index.html", "fetched/index.html")


MAIN = "import sys; from honest_offers.cli import main; sys.exit(main())"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_static_check_misses_every_trick() -> None:
    done = _cli("check", ".", "--format", "json", cwd=FIXTURES)
    report = json.loads(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert report["findings"] == []
    assert report["summary"]["files"] >= len(TRICKS) + len(HONEST)  # the pages, the README


def test_the_browser_finds_each_trick_and_nothing_else(browser: Browser) -> None:
    result, problems = check_sites(built_sites([FIXTURES], FIXTURES), FIXTURES, browser=browser)
    assert problems == []
    found = {f.path: f for f in result.findings}
    assert sorted(found) == sorted(TRICKS), [f.message for f in result.findings]
    for page, (kind, place, line) in TRICKS.items():
        item = found[page]
        assert item.rule == TEXT_CHANGES.code
        assert item.severity == "error"
        assert item.excerpt.startswith(f"{kind}, at {place}: "), item.excerpt
        assert item.line == line, item
    # Ten seconds of clock: ten ticks of the countdown, which starts at 9:59.
    assert re.search(r"” became “9:(49|48)”", found["ticking/index.html"].message)
    toast = found["toast/index.html"].message
    assert "“(nothing)” became “Anna from Leipzig booked this plan a moment ago”" in toast


def test_the_command_line_reports_them() -> None:
    """The real console entry point, in its own process with its own Chromium."""
    require()
    done = _cli("check", "--browser", ".", "--format", "json", cwd=FIXTURES)
    assert done.returncode == 1, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert sorted(f["path"] for f in report["findings"]) == sorted(TRICKS)
    assert {f["rule"] for f in report["findings"]} == {"HO618"}
    assert report["problems"] == []


def test_the_example_site_stays_still(browser: Browser, built_site: Path) -> None:
    """Material's own scripts (palette, search, navigation) change no visible text."""
    pages = [
        built_site / "index.html",
        built_site / INDEX_PATH / "index.html",
        *(built_site / INDEX_PATH / slug / "index.html" for slug in OFFER_SLUGS),
    ]
    result, problems = check_sites([Site(built_site, pages)], built_site, browser=browser)
    assert problems == []
    assert result.findings == [], [f"{f.location} {f.message}" for f in result.findings]


ALLOWED = Path(__file__).parent / "fixtures" / "allowed"


def test_a_rotating_element_can_be_allowed_by_attribute_or_marker(browser: Browser) -> None:
    """A testimonials carousel changes by design: allowed on the element, with a reason,
    by `data-honest-offers-allow` or by a marker before it; still listed as allowed."""
    result, problems = check_sites(built_sites([ALLOWED], ALLOWED), ALLOWED, browser=browser)
    assert problems == []
    assert result.findings == [], [f.message for f in result.findings]
    allowed = sorted((s.finding.path, s.reason) for s in result.suppressed)
    reason = "Testimonials rotate; each is a real, dated quote"
    assert allowed == [("attribute/index.html", reason), ("marker/index.html", reason)]


def test_a_marker_for_the_browser_rule_is_not_unused_in_the_static_check() -> None:
    done = _cli("check", ".", "--format", "json", cwd=ALLOWED)
    report = json.loads(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert report["findings"] == []


def test_one_page_of_a_built_site_is_served_from_the_site_root(
    browser: Browser, built_site: Path
) -> None:
    """`--browser site/offers/x/index.html`: the site's root is served, so the page's
    relative links to Material's scripts load (nothing reported missing)."""
    page = built_site / INDEX_PATH / OFFER_SLUGS[0] / "index.html"
    (site,) = built_sites([page], built_site.parent)
    assert site.root == built_site
    result, problems = check_sites([site], built_site.parent, browser=browser)
    assert problems == [] and result.findings == []


def test_a_script_that_does_not_load_is_named(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p>Plain text.</p><script src="js/missing.js"></script></body></html>',
        encoding="utf-8",
    )
    result, problems = check_sites(built_sites([page], tmp_path), tmp_path, browser=browser)
    assert result.findings == []
    (problem,) = problems
    assert problem.severity == "warning" and "js/missing.js (404)" in problem.message


def test_a_timer_that_throws_is_not_a_page_that_did_not_load(
    browser: Browser, tmp_path: Path
) -> None:
    """A site-wide script whose element is not on this page throws at every tick, also
    while the clock jumps to the first read: the page is read all the same (a browser goes
    on with the next timer)."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><p>Plain text.</p><script>setInterval(function () {"
        ' document.getElementById("missing").textContent = "x" }, 250)</script></body></html>',
        encoding="utf-8",
    )
    result, problems = check_sites(built_sites([page], tmp_path), tmp_path, browser=browser)
    assert problems == [] and result.findings == []


def test_no_request_leaves_the_served_site(browser: Browser, tmp_path: Path) -> None:
    """Chromium reaches only the served site: a script on another port of this machine (a
    server that records what it is asked) and one at an IP address (which no host name rule
    stops) are not loaded, and each is named as a script that could not be."""
    asked: list[str] = []

    class Recording(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            asked.append(self.path)
            super().do_GET()

    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.js").write_text("document.title = 'leaked';\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    page = tmp_path / "site" / "index.html"
    with serve_folder(tmp_path / "other", Recording) as other:
        page.write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>'
            f'</head><body><p>Plain text.</p><script src="{other}x.js"></script>'
            '<script src="http://192.0.2.1/y.js"></script></body></html>',
            encoding="utf-8",
        )
        result, problems = check_sites(built_sites([page], tmp_path), tmp_path, browser=browser)
    assert asked == []
    assert result.findings == []
    assert {p.message.rsplit(": ", 1)[-1].split(";")[0] for p in problems} == {
        "http://192.0.2.1/y.js",
        f"{other}x.js",
    }


def test_the_build_option_runs_the_browser_check(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """`browser_check: true` makes `mkdocs build` fail on what only a browser sees; off by
    default, the same site builds (the static rules miss the disguised timer)."""
    require()
    html = (FIXTURES / "ticking" / "index.html").read_text(encoding="utf-8")
    timer = html[html.index('<p class="status">') : html.index("</main>")]
    config = SITE_CONFIG.replace(
        "  - honest-offers\n", "  - honest-offers:\n      browser_check: true\n"
    )
    root = make_site(
        {"a.yml": offer_yaml()}, config=config, docs={"index.md": f"# Home\n\n{timer}\n"}
    )
    checked = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert checked.returncode == 1
    assert "HO618 text-changes-by-itself" in checked.stderr
    (root / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    assert run_mkdocs("build", "-d", str(tmp_path / "out2"), cwd=root).returncode == 0
