"""`honest-offers check` on a site's sources finds what `mkdocs build` finds: the same
(rule, file, line) for every site, with a tactic placed in each kind of source a page is made
from. A site that `check` passes never fails the build's honesty check."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SHARED, SITE_CONFIG, mkdocs_env, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e

Found = set[tuple[str, str, int]]
_REPORTED = re.compile(r"^(\S+):(\d+):\d+: (HO\d{3}) ", re.MULTILINE)


def build_findings(root: Path, config: str, out: Path) -> tuple[Found, int]:
    result = run_mkdocs("build", "-f", config, "-d", str(out), cwd=root)
    log = result.stdout + result.stderr
    return {
        (rule, path, int(line)) for path, line, rule in _REPORTED.findall(log)
    }, result.returncode


def check_findings(root: Path, config: str) -> Found:
    return check_run(root, config)[0]


def check_run(root: Path, config: str) -> tuple[Found, int]:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "honest-offers"), "check", config, "--format", "json"],
        cwd=root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return {(f["rule"], f["path"], f["line"]) for f in report["findings"]}, done.returncode


def agree(root: Path, config: str, tmp_path: Path) -> Found:
    """The same (rule, file, line) and the same verdict (exit code) from check and build;
    where the build publishes a site, `check` on the built folder gives that verdict too."""
    built, build_code = build_findings(root, config, tmp_path / "out")
    checked, check_code = check_run(root, config)
    assert checked == built, f"only check: {checked - built}; only the build: {built - checked}"
    assert check_code == build_code, (check_code, build_code)
    if build_code == 0:
        assert check_run(tmp_path, "out")[1] == 0
    return built


def test_the_example_site_is_clean_both_ways_and_built(tmp_path: Path) -> None:
    """Sources, build and the built folder (rule reference pages included) agree: clean."""
    assert agree(REPO_ROOT, "site_config.yml", tmp_path) == set()
    assert check_findings(tmp_path, "out") == set()


def test_the_pushy_fixture_site_agrees(tmp_path: Path) -> None:
    root = tmp_path / "pushy"
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "cli" / "pushy-site", root)
    found = agree(root, "site_config.yml", tmp_path)
    assert {path for _, path, _ in found} >= {"overrides/main.html", "docs/index.md"}


CLAIM = "Only 2 places left"
KINDS: dict[str, dict[str, str]] = {
    "offer-field": {"offers/a.yml": offer_yaml(summary=f"{CLAIM} in the spring course.")},
    "markdown-prose": {"docs/index.md": f"# Home\n\n{CLAIM} in the spring course.\n"},
    "markdown-character-references": {
        "docs/index.md": "# Home\n\n&#79;nly 2 places &#108;eft in the spring course.\n"
    },
    "markdown-emphasis-and-line-break": {
        "docs/index.md": "# Home\n\nOnly *2 places*\nleft in the spring course.\n"
    },
    "markdown-raw-html-attribute": {
        "docs/index.md": f'# Home\n\n<a href="#" aria-label="{CLAIM}">Book</a>\n'
    },
    "markdown-raw-html-prechecked-addon": {
        "docs/index.md": (
            '# Home\n\n<form><label><input type="checkbox" name="insurance" checked> '
            "Add travel insurance for EUR 19</label></form>\n"
        )
    },
    "config-site-name": {"mkdocs.yml": SITE_CONFIG.replace("Test site", f"{CLAIM} shop")},
    "config-nav-title": {
        "mkdocs.yml": SITE_CONFIG + f"nav:\n  - '{CLAIM}': index.md\n  - Offers: offers/index.md\n"
    },
    "theme-override": {
        "mkdocs.yml": SITE_CONFIG.replace(
            "name: material\n", "name: material\n  custom_dir: overrides\n"
        ),
        "overrides/main.html": (
            '{% extends "base.html" %}\n{% block announce %}' + CLAIM + "{% endblock %}\n"
        ),
    },
    "extra-javascript": {
        "mkdocs.yml": SITE_CONFIG + "extra_javascript:\n  - js/timer.js\n",
        "docs/js/timer.js": (
            "const end = Date.now() + 15 * 60 * 1000;\nsetInterval(function () {\n"
            "  const left = Math.max(0, end - Date.now());\n"
            "  document.getElementById('t').textContent = Math.floor(left / 60000) + ' min';\n"
            "}, 1000);\n"
        ),
    },
    "extra-css": {
        "mkdocs.yml": SITE_CONFIG + "extra_css:\n  - css/site.css\n",
        "docs/css/site.css": ".old-price { text-decoration: line-through; }\n",
    },
}


SUPPRESSED = {
    "marker-before-a-quote": (
        "# Home\n\n"
        '<!-- honest-offers: allow HO201 reason="We quote a shop we reviewed" -->\n'
        "> Only 2 places left\n> at this price.\n"
    ),
    "marker-before-a-list": (
        "# Home\n\n"
        '<!-- honest-offers: allow HO201 reason="Examples of what we do not write" -->\n'
        "- Only 2 places left\n- Only 3 seats left\n"
    ),
    "page-marker": (
        '<!-- honest-offers: allow-page HO201 reason="An article about scarcity claims" -->\n'
        "# Home\n\nOnly 2 places left.\n\nOnly 3 seats left.\n"
    ),
}


@pytest.mark.parametrize("kind", SUPPRESSED)
def test_block_and_page_markers_allow_alike_in_check_build_and_built_folder(
    make_site: Callable[..., Path], tmp_path: Path, kind: str
) -> None:
    root = make_site({"calm.yml": offer_yaml()}, docs={"index.md": SUPPRESSED[kind]})
    assert agree(root, "mkdocs.yml", tmp_path) == set()  # no finding, no unused marker
    assert check_findings(tmp_path, "out") == set()


@pytest.mark.parametrize("kind", KINDS)
def test_a_tactic_in_each_kind_of_source_is_found_alike(
    make_site: Callable[..., Path], tmp_path: Path, kind: str
) -> None:
    root = make_site({"calm.yml": offer_yaml()})
    for name, text in KINDS[kind].items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    found = agree(root, "mkdocs.yml", tmp_path)
    assert found, f"{kind}: neither check nor build found the tactic"


def test_excluded_paths_are_listed_alike_in_check_and_build(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """The plugin's `exclude` applies in the build and in `check` of the site alike; an
    offer cannot be excluded."""
    config = SITE_CONFIG.replace(
        "  - honest-offers\n",
        "  - honest-offers:\n      exclude:\n        - path: 'docs/api/*'\n"
        "          reason: API reference, not sales copy\n        - path: 'offers/*'\n"
        "          reason: Trying to hide the offers too\n",
    )
    root = make_site(
        {"pushy.yml": offer_yaml(summary="Only 2 places left in spring.")},
        config=config,
        docs={"index.md": "# Home\n", "api/tokens.md": "# Tokens\n\nOnly 2 places left.\n"},
    )
    assert agree(root, "mkdocs.yml", tmp_path) == {("HO201", "offers/pushy.yml", 2)}


CORPUS = SHARED / "corpus" / "pressure-text-dev.csv"


def test_corpus_texts_in_pages_are_found_alike(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """Texts of the honesty-check corpus (every 12th row: dark and benign, as they come),
    as paragraphs of Markdown pages: check and build report the same (rule, file, line)."""
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS} (it lives beside the repo in ../shared/)")
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)][::12]
    pages = {}
    for start in range(0, len(texts), 100):
        lines = [" ".join(t.split()).replace("<", "&lt;") for t in texts[start : start + 100]]
        pages[f"corpus-{start // 100}.md"] = "# Texts\n\n" + "\n\n".join(lines) + "\n"
    root = make_site({"calm.yml": offer_yaml()}, docs={"index.md": "# Home\n", **pages})
    found = agree(root, "mkdocs.yml", tmp_path)
    assert len(found) > 20  # the dark rows are found, by both
