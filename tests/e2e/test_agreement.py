"""One verdict four ways: every site fixture goes through `honest-offers check` on its sources,
`mkdocs build`, `honest-offers check` on the built folder, and `honest-offers check --browser`
on the built folder, and all four give the same findings and exit code.

What is compared, precisely:

* sources ↔ build: the same (rule, file, line) of every finding, the same (rule, file, line,
  reason) of every allowed one, the same numbers of errors and warnings, the same exit code.
* sources ↔ built folder: the same exit code, the same (rule, severity) pairs of findings and
  of allowed ones (a finding in a theme override or in the config's text is on every built
  page, so counts differ), and each finding in a Markdown page is found in that page's HTML.
  A build that fails publishes nothing, so a failing site's pages come from a second build
  with `--dirty` (which writes its pages before the check fails it). The built folder has no
  config: a site's `exclude` option is given to it as `--exclude`, as a CI job would.
* built folder ↔ `--browser`: the same static findings (rule, file, line), and HO618 (text that
  changes by itself, which only a browser sees) exactly where the build with the plugin's
  `browser_check: true` finds it; the check of the sources cannot run pages, so on the
  browser fixtures (`BROWSER`) it misses HO618 and that is the one difference allowed.

Each site is built once for the module, and one `check --browser` run (one Chromium) reads
every built folder.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from honest_offers.check.docs import REFERENCE_MARKER
from tests.browser.conftest import missing
from tests.conftest import (
    MINIMAL_OFFER,
    REPO_ROOT,
    SHARED,
    SITE_CONFIG,
    mkdocs_env,
    offer_yaml,
    run_mkdocs,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(900)]
"""The module's shared fixture builds and checks every site four ways (with a browser) inside
its first test: 150-270 s on two busy cores, too close to the suite's 300 s per test."""

Found = set[tuple[str, str, int]]
_REPORTED = re.compile(r"^(\S+):(\d+):\d+: (HO\d{3}) ", re.MULTILINE)
_ALLOWED = re.compile(
    r"honesty check, allowed: (\S+):(\d+):\d+: (HO\d{3}) \S+ allowed: (.*)$", re.M
)
_SUMMARY = re.compile(r"honesty check: (\d+) error\(s\), (\d+) warning\(s\)")
HONEST_OFFERS = str(Path(sys.executable).parent / "honest-offers")
REFERENCE = "rule reference page: it names each tactic in order to explain it"

CLAIM = "Only 2 places left"
TIMER_PAGE = (REPO_ROOT / "tests/browser/fixtures/runtime/ticking/index.html").read_text("utf-8")
TIMER = TIMER_PAGE[TIMER_PAGE.index('<p class="status">') : TIMER_PAGE.index("</main>")]
"""A countdown disguised from the static rules (its setInterval spelled in char codes)."""
REASON = "A demonstration of a ticking timer"
BROWSER_CONFIG = SITE_CONFIG.replace(
    "  - honest-offers\n", "  - honest-offers:\n      browser_check: true\n"
)


@dataclass(frozen=True)
class Fixture:
    files: dict[str, str] = field(default_factory=dict)
    """Files written over a small site (config `mkdocs.yml`, one calm offer, `docs/index.md`)."""
    copy: Path | None = None
    """A whole site to copy instead (the example site is read where it is)."""
    config: str = "mkdocs.yml"
    exclude: tuple[tuple[str, str], ...] = ()
    """(glob below the built folder, reason): the site's `exclude` option as `check` on the
    built folder is given it (`--exclude out/GLOB=REASON`)."""
    expect: str = "clean"
    """``clean`` (no finding, no unused marker), ``found`` (a finding), or ``browser``
    (HO618 found by the browser check and the build's `browser_check`, not by the sources)."""


def page(body: str, front: str = "") -> str:
    return (f"---\n{front}---\n" if front else "") + f"# Home\n\n{body}\n"


CONFIG_WITH_EVERY_KIND = (
    SITE_CONFIG.replace("Test site", f"{CLAIM} shop").replace(
        "name: material\n", "name: material\n  custom_dir: overrides\n"
    )
    + "extra_javascript:\n  - js/timer.js\nextra_css:\n  - css/site.css\n"
    + "nav:\n  - 'Only 3 seats left': index.md\n  - Offers: offers/index.md\n"
)
EVERY_KIND = {
    "offers/a.yml": offer_yaml(summary=f"{CLAIM} in the spring course."),
    "docs/prose.md": page(f"{CLAIM} in the spring course."),
    "docs/references.md": page("&#79;nly 2 places &#108;eft in the spring course."),
    "docs/emphasis.md": page("Only *2 places*\nleft in the spring course."),
    "docs/attribute.md": page(f'<a href="#" aria-label="{CLAIM}">Book</a>'),
    "docs/addon.md": page(
        '<form><label><input type="checkbox" name="insurance" checked> '
        "Add travel insurance for EUR 19</label></form>"
    ),
    "mkdocs.yml": CONFIG_WITH_EVERY_KIND,
    "overrides/main.html": (
        '{% extends "base.html" %}\n{% block announce %}' + CLAIM + "{% endblock %}\n"
    ),
    "docs/js/timer.js": (
        "const end = Date.now() + 15 * 60 * 1000;\nsetInterval(function () {\n"
        "  const left = Math.max(0, end - Date.now());\n"
        "  const t = document.getElementById('t');\n"
        "  if (t) t.textContent = Math.floor(left / 60000) + ' min';\n"
        "}, 1000);\n"
    ),
    "docs/css/site.css": ".old-price { text-decoration: line-through; }\n",
}
"""A tactic in each kind of source a page is made from: an offer field, Markdown prose (as
written, with character references, across emphasis and a line break), raw HTML in Markdown
(an attribute, a pre-checked add-on), the config's site name and a navigation title, a
theme override, a script and a stylesheet. Each is found, alike, at its own file and line."""

DOCUMENTATION = {
    "mkdocs.yml": SITE_CONFIG
    + "nav:\n  - Home: index.md\n  - Sessions and locks: api.md\n"
    + "  - The end-date widget: widget.md\n  - Offers: offers/index.md\n",
    "docs/api.md": (
        "# Authentication\n\n"
        "Access tokens expire in 24 hours. Request a new one with the refresh token.\n\n"
        "Editing a page takes a 10-minute lock on it, so that two editors do not overwrite "
        "each other.\n\nSessions time out after 30 minutes without a request.\n\n"
        "| Field | Meaning |\n| --- | --- |\n"
        "| `ends_at` | says when the offer ends |\n"
        "| `stock` | how many items the warehouse holds |\n"
    ),
    "docs/widget.md": (
        "# The end-date widget\n\nThe `ends_at` field says when the offer ends.\n\n"
        "| Option | Default | What the widget shows |\n| --- | --- | --- |\n"
        "| `label` | `Offer ends` | the words before the date |\n"
        "| `expired_label` | `This offer has ended` | the text after the end date |\n"
    ),
}
"""Documentation beside a shop (issue 22's false alarms): token and session expiry, a lock,
an API field documented as saying when the offer ends, a table of a widget's texts, and
navigation titles from the config. Clean in all four ways, without a suppression."""

FACTS_ON_PAGES = {
    "offers/tips.yml": offer_yaml(
        title="Planting tips", price={**MINIMAL_OFFER["price"], "amount": 0}
    ),
    "docs/news.md": page(
        "The [planting tips](offers/tips/) are free of charge; the [garden design "
        "consultation](offers/calm.md#price) costs €250, incl. 20% VAT.\n\n"
        "- [Free planting tips](/offers/tips/)\n- [A consultation](offers/calm/): one visit\n\n"
        "## Tips\n\nCompletely free, no hidden fees.\n\n[Read them](offers/tips/)"
    ),
}
"""Words on a page about the offers it links to, true of each (HO7xx on pages, issue 15): a
free offer called free beside a priced one, in one paragraph, a list and a section. The check
of a built folder has no YAML and runs no HO7xx, so the failing case is in
test_page_facts.py (the build and `check` on the sources)."""

FIXTURES: dict[str, Fixture] = {
    "example-site": Fixture(copy=REPO_ROOT, config="site_config.yml"),
    "pushy-site": Fixture(
        copy=REPO_ROOT / "tests/fixtures/cli/pushy-site", config="site_config.yml", expect="found"
    ),
    "every-kind-of-source": Fixture(EVERY_KIND, expect="found"),
    "suppressions": Fixture(
        {
            "docs/quote.md": page(
                '<!-- honest-offers: allow HO201 reason="We quote a shop we reviewed" -->\n'
                "> Only 2 places left\n> at this price."
            ),
            "docs/list.md": page(
                '<!-- honest-offers: allow HO201 reason="Examples of what we do not write" -->\n'
                "- Only 2 places left\n- Only 3 seats left"
            ),
            "docs/page-marker.md": (
                '<!-- honest-offers: allow-page HO201 reason="An article about scarcity" -->\n'
                + page("Only 2 places left.\n\nOnly 3 seats left.")
            ),
            "docs/front-matter.md": page(
                "> Only 2 places\n> left at this price.\n\n- Only 3 seats left",
                "honest_offers:\n  allow:\n    - rule: HO201\n"
                "      reason: An article that quotes scarcity claims\n",
            ),
        }
    ),
    "front-matter-problems": Fixture(
        {
            "docs/unused.md": page(
                "Calm text.",
                "honest_offers:\n  allow:\n    - rule: HO201\n      reason: Nothing like it here\n",
            ),
            "docs/no-reason.md": page(f"{CLAIM}.", "honest_offers:\n  allow:\n    - rule: HO201\n"),
        },
        expect="found",
    ),
    "exclusion": Fixture(
        {
            "mkdocs.yml": SITE_CONFIG.replace(
                "  - honest-offers\n",
                "  - honest-offers:\n      exclude:\n        - path: 'docs/api/*'\n"
                "          reason: API reference, not sales copy\n",
            ),
            "docs/api/tokens.md": "# Tokens\n\nOnly 2 places left.\n",
        },
        exclude=(("api/*", "API reference, not sales copy"),),
    ),
    "documentation": Fixture(DOCUMENTATION),
    "facts-on-pages": Fixture(FACTS_ON_PAGES),
    # What only a browser sees (HO618), and how a page or an element allows it.
    "browser-timer": Fixture(
        {"mkdocs.yml": BROWSER_CONFIG, "docs/index.md": page(TIMER)}, expect="browser"
    ),
    "browser-allowed": Fixture(
        {
            "mkdocs.yml": BROWSER_CONFIG,
            "docs/index.md": page(
                TIMER, f"honest_offers:\n  allow:\n    - rule: HO618\n      reason: {REASON}\n"
            ),
            "docs/element.md": page(
                f'<div data-honest-offers-allow="HO618: {REASON}">\n{TIMER}\n</div>'
            ),
        }
    ),
}


def _corpus_pages() -> dict[str, str]:
    """Texts of the honesty-check corpus (every 12th row: dark and benign, as they come), as
    paragraphs of Markdown pages."""
    corpus = SHARED / "corpus" / "pressure-text-dev.csv"
    if not corpus.is_file():
        return {}
    with corpus.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)][::12]
    pages = {}
    for start in range(0, len(texts), 100):
        lines = [" ".join(t.split()).replace("<", "&lt;") for t in texts[start : start + 100]]
        pages[f"docs/corpus-{start // 100}.md"] = "# Texts\n\n" + "\n\n".join(lines) + "\n"
    return pages


if _corpus_pages():
    FIXTURES["corpus"] = Fixture(_corpus_pages(), expect="found")


@dataclass
class Way:
    """One way of checking a site: its findings, allowed findings and verdict."""

    findings: set[tuple[str, str, int, str]]
    """(rule, path, line, severity)"""
    allowed: set[tuple[str, str, int, str]]
    """(rule, path, line, reason)"""
    code: int
    errors: int = 0
    warnings: int = 0

    def found(self) -> Found:
        return {(rule, path, line) for rule, path, line, _ in self.findings}


@dataclass
class Ran:
    root: Path
    built: Path
    sources: Way
    build: Way
    built_folder: Way
    browser: Way | None = None


def _write(fixture: Fixture, root: Path) -> Path:
    """The site's folder: the example site where it is, a copy, or a small site written."""
    if fixture.copy == REPO_ROOT:
        return REPO_ROOT
    if fixture.copy is not None:
        shutil.copytree(fixture.copy, root)
        return root
    files = {
        "mkdocs.yml": SITE_CONFIG,
        "offers/calm.yml": offer_yaml(),
        "docs/index.md": "# Home\n",
        **fixture.files,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _start_check(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [HONEST_OFFERS, "check", *args, "--format", "json"],
        cwd=cwd,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _report(running: subprocess.Popen[str]) -> Way:
    out, err = running.communicate(timeout=900)
    assert running.returncode in (0, 1), out + err
    report = json.loads(out)
    return Way(
        {(f["rule"], f["path"], f["line"], f["severity"]) for f in report["findings"]},
        {(s["rule"], s["path"], s["line"], s["reason"]) for s in report["suppressed"]},
        running.returncode,
        report["summary"]["errors"],
        report["summary"]["warnings"],
    )


def _check(cwd: Path, *args: str) -> Way:
    return _report(_start_check(cwd, *args))


def _build(root: Path, config: str, out: Path, *options: str) -> Way:
    result = run_mkdocs("build", "-f", config, "-d", str(out), *options, cwd=root)
    log = result.stdout + result.stderr
    summary = _SUMMARY.search(log)
    return Way(
        {(rule, path, int(line), "") for path, line, rule in _REPORTED.findall(log)},
        {(rule, path, int(line), why) for path, line, rule, why in _ALLOWED.findall(log)},
        result.returncode,
        int(summary.group(1)) if summary else 0,
        int(summary.group(2)) if summary else 0,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ran]:
    """Every fixture built once and checked three ways. The browser reads the example site
    (most of the pages) while the other fixtures build, then every other site in one run."""
    base = tmp_path_factory.mktemp("agreement")
    done: dict[str, Ran] = {}
    browsing: list[tuple[list[str], subprocess.Popen[str]]] = []
    for name, fixture in FIXTURES.items():
        root = _write(fixture, base / name / "src")
        built = base / name / "out"
        build = _build(root, fixture.config, built)
        if build.code != 0:  # nothing published: the pages of the same build, kept
            _build(root, fixture.config, built, "--dirty")
        sources = _check(root, fixture.config)
        built_folder = _check(base / name, "out", *_excluded(fixture, "out"))
        done[name] = Ran(root, built, sources, build, built_folder)
        if not missing() and not browsing:
            browsing.append(([name], _browse(base, [name])))
    if browsing:
        browsing.append((rest := [n for n in done if n not in browsing[0][0]], _browse(base, rest)))
    for names, running in browsing:
        every = _report(running)
        for name in names:
            mine = {f for f in every.findings if f[1].startswith(f"{name}/out/")}
            allowed = {s for s in every.allowed if s[1].startswith(f"{name}/out/")}
            errors = any(severity == "error" for *_, severity in mine)
            done[name].browser = Way(mine, allowed, int(errors))
    return done


def _excluded(fixture: Fixture, folder: str) -> list[str]:
    return [f"--exclude={folder}/{glob}={reason}" for glob, reason in fixture.exclude]


def _browse(base: Path, names: list[str]) -> subprocess.Popen[str]:
    """`check --browser` over the built folders of ``names``, each with its exclusions."""
    options = [arg for name in names for arg in _excluded(FIXTURES[name], f"{name}/out")]
    return _start_check(base, "--browser", *options, *(f"{name}/out" for name in names))


NAMES = list(FIXTURES)


@pytest.mark.parametrize("name", NAMES)
def test_check_and_build_agree(runs: dict[str, Ran], name: str) -> None:
    ran = runs[name]
    sources, build = ran.sources, ran.build
    only_browser = {f for f in build.found() if f[0] == "HO618"}
    assert sources.found() == build.found() - only_browser, (
        f"only check: {sources.found() - build.found()}; only the build: "
        f"{build.found() - sources.found()}"
    )
    assert {a for a in sources.allowed if a[0] != "HO618"} == {
        a for a in build.allowed if a[0] != "HO618"
    }
    if only_browser:
        assert FIXTURES[name].expect == "browser" and (sources.code, build.code) == (0, 1)
        return
    assert (sources.code, sources.errors, sources.warnings) == (
        build.code,
        build.errors,
        build.warnings,
    )
    expect = FIXTURES[name].expect
    assert bool(sources.findings) == (expect == "found"), sources.findings


def _page_of(source: str) -> str:
    """The built page of a Markdown page (``use_directory_urls``)."""
    stem = source.removeprefix("docs/").removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"


@pytest.mark.parametrize("name", NAMES)
def test_the_built_folder_agrees(runs: dict[str, Ran], name: str) -> None:
    ran = runs[name]
    sources, built = ran.sources, ran.built_folder
    assert built.code == sources.code
    assert {(f[0], f[3]) for f in built.findings} == {(f[0], f[3]) for f in sources.findings}
    assert {(a[0], a[3]) for a in built.allowed if a[3] != REFERENCE} == {
        (a[0], a[3].replace("(docs/api/*)", "(out/api/*)")) for a in sources.allowed
    }
    in_pages = {(f[0], f[1].removeprefix("out/")) for f in built.findings}
    for rule, path, _, _ in sources.findings:
        if path.startswith("docs/") and path.endswith(".md"):
            assert (rule, _page_of(path)) in in_pages, (rule, path)


@pytest.mark.parametrize("name", NAMES)
def test_the_browser_agrees(runs: dict[str, Ran], name: str) -> None:
    if missing():
        pytest.skip("the browser check needs " + ", ".join(missing()))
    ran = runs[name]
    assert ran.browser is not None
    prefix = f"{name}/"
    static = {(r, p.removeprefix(prefix), n) for r, p, n, _ in ran.browser.findings if r != "HO618"}
    assert static == ran.built_folder.found()
    seen = {(p.removeprefix(prefix), n) for r, p, n, _ in ran.browser.findings if r == "HO618"}
    in_build = {(_published(p, name), n) for r, p, n in ran.build.found() if r == "HO618"}
    assert seen == in_build
    assert bool(seen) == (FIXTURES[name].expect == "browser")
    browser_allowed = {a[0] for a in ran.browser.allowed if a[0] == "HO618"}
    build_allowed = {a[0] for a in ran.build.allowed if a[0] == "HO618"}
    assert browser_allowed == build_allowed
    verdict = ran.build.code if seen else ran.built_folder.code
    assert ran.browser.code == verdict


def _published(path: str, name: str) -> str:
    """A built page as the build names it (the published folder, here outside the site's
    folder: ``/tmp/…/NAME/out/index.html``) as the browser run names it
    (``out/index.html``)."""
    return path.split(f"/{name}/", 1)[-1]


def test_the_example_site_is_clean_all_four_ways(runs: dict[str, Ran]) -> None:
    ran = runs["example-site"]
    assert ran.sources.findings == ran.build.findings == ran.built_folder.findings == set()
    assert ran.browser is None or ran.browser.findings == set()
    # The rule reference pages are recognised as such by their marker, wherever checked.
    pages = sorted((ran.built / "honesty-rules").glob("ho*/index.html"))
    assert pages and all(REFERENCE_MARKER in p.read_text("utf-8") for p in pages)


def test_the_pushy_site_is_found_in_each_kind_of_source(runs: dict[str, Ran]) -> None:
    found = runs["pushy-site"].build.found()
    assert {path for _, path, _ in found} >= {"overrides/main.html", "docs/index.md"}


def test_a_tactic_in_each_kind_of_source_is_found_at_its_file(runs: dict[str, Ran]) -> None:
    ran = runs["every-kind-of-source"]
    for way in (ran.sources, ran.build):
        assert {path for _, path, _ in way.found()} == set(EVERY_KIND)
    site_name, nav_title = sorted(n for r, p, n in ran.build.found() if p == "mkdocs.yml")
    config = CONFIG_WITH_EVERY_KIND.splitlines()
    assert CLAIM in config[site_name - 1] and "Only 3 seats left" in config[nav_title - 1]


def test_no_finding_names_the_staging_folder(runs: dict[str, Ran]) -> None:
    """Text from the config (site name, navigation titles) points at the config file; a
    published page is named by the folder it is published to, never the build's staging
    folder."""
    for name, ran in runs.items():
        ways = [ran.sources, ran.build, ran.built_folder, *([ran.browser] if ran.browser else [])]
        paths = {f[1] for way in ways for f in way.findings | way.allowed}
        assert not [p for p in paths if "staging" in p or "/." in p or p.startswith(".")], name


def test_documentation_pages_raise_no_false_alarm(runs: dict[str, Ran]) -> None:
    """Token and session expiry, a lock, an API field that says when the offer ends, a table
    of a widget's texts, navigation titles: no finding and nothing allowed, four ways."""
    ran = runs["documentation"]
    for way in (ran.sources, ran.build, ran.built_folder, *([ran.browser] if ran.browser else [])):
        assert (way.findings, way.code) == (set(), 0)
        assert {a for a in way.allowed if a[3] != REFERENCE} == set()


def test_front_matter_allows_and_its_problems_are_located_at_the_entry(
    runs: dict[str, Ran],
) -> None:
    problems = runs["front-matter-problems"]
    assert {f for f in problems.sources.findings if f[0].startswith("HO9")} == {
        ("HO904", "docs/unused.md", 4, "warning"),
        ("HO901", "docs/no-reason.md", 4, "error"),
    }
    built = {(f[0], f[1], f[3]) for f in problems.built_folder.findings if f[0].startswith("HO9")}
    assert built == {
        ("HO904", "out/unused/index.html", "warning"),
        ("HO901", "out/no-reason/index.html", "error"),
    }
    allowed = runs["suppressions"].build.allowed
    assert {(line, why) for _, path, line, why in allowed if path == "docs/front-matter.md"} == {
        (9, "An article that quotes scarcity claims"),
        (12, "An article that quotes scarcity claims"),
    }


def test_the_browser_rule_is_allowed_by_front_matter_and_on_an_element(
    runs: dict[str, Ran],
) -> None:
    ran = runs["browser-allowed"]
    assert ran.build.code == 0 and ran.sources.findings == ran.build.findings == set()
    if ran.browser is None:
        pytest.skip("the browser check needs " + ", ".join(missing()))
    pages = {
        p.removeprefix("browser-allowed/") for r, p, _, why in ran.browser.allowed if r == "HO618"
    }
    assert pages == {"out/index.html", "out/element/index.html"}
    assert {why for r, _, _, why in ran.build.allowed if r == "HO618"} == {REASON}


def test_excluded_paths_are_listed_in_each_way(runs: dict[str, Ran]) -> None:
    ran = runs["exclusion"]
    reason = "excluded ({}): API reference, not sales copy"
    assert ("HO201", "docs/api/tokens.md", 3, reason.format("docs/api/*")) in ran.build.allowed
    assert ran.sources.allowed == ran.build.allowed
    assert {a[3] for a in ran.built_folder.allowed} == {reason.format("out/api/*")}


def test_corpus_texts_are_found(runs: dict[str, Ran]) -> None:
    if "corpus" not in runs:
        pytest.skip("corpus not found in ../shared/corpus/ (it lives beside the repo)")
    assert len(runs["corpus"].build.findings) > 20  # the dark rows are found, by both


def test_every_kind_of_fixture_is_here() -> None:
    """The fixtures cover each way a verdict can come out: clean, found, browser-only."""

    def kinds(expect: str) -> set[str]:
        return {n for n, f in FIXTURES.items() if f.expect == expect}

    assert kinds("clean") and kinds("found") and kinds("browser")
