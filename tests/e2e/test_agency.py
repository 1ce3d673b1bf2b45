"""The example agency (examples/agency/): three client sites, each with its own brand,
language and currency, sharing two offers, built by `honest-offers build` in parallel."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, mkdocs_env
from tests.e2e.test_cli_recipes import run_lines
from tests.unit.cli.test_scaffold import replace_placeholders

pytestmark = pytest.mark.e2e

AGENCY = REPO_ROOT / "examples" / "agency"
SITES = ("bristol-cycles", "leipzig-bikes", "velo-lyon")


def honest_offers(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "honest-offers"), *args],
        cwd=cwd,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example agency in its own git repository, built once."""
    root = tmp_path_factory.mktemp("agency") / "agency"
    shutil.copytree(AGENCY, root, ignore=shutil.ignore_patterns("site"))
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    result = honest_offers("build", "-j", "2", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def page(root: Path, site: str, path: str) -> str:
    return (root / "sites" / site / "site" / path).read_text(encoding="utf-8")


def test_one_command_builds_every_site_with_a_line_each(agency: Path) -> None:
    result = honest_offers("build", "sites", "-j", "2", cwd=agency)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if ": built: " in line]
    assert [line.split(":")[0] for line in lines] == [f"sites/{site}/mkdocs.yml" for site in SITES]
    counts = re.compile(r"2 offers, 4 pages, 0 errors, 0 warnings, [\d.]+ s$")
    assert all(counts.search(line) for line in lines)


def test_each_site_has_its_brand_language_and_currency(agency: Path) -> None:
    expected = {
        "bristol-cycles": ("en", "£"),
        "leipzig-bikes": ("de", "€"),
        "velo-lyon": ("fr", "€"),
    }
    for site, (lang, symbol) in expected.items():
        index = page(agency, site, "index.html")
        assert f'<html lang="{lang}"' in index
        assert 'data-md-color-primary="custom"' in index
        assert "assets/stylesheets/honest-offers-brand.css" in index
        assert 'src="assets/logo.svg"' in index or "assets/logo.svg" in index
        plan = page(agency, site, "offers/bike-service-plan/index.html")
        assert symbol in plan
        css = page(agency, site, "assets/stylesheets/honest-offers-brand.css")
        assert "--md-primary-fg-color: #" in css


def test_a_change_to_a_shared_offer_shows_on_every_site(agency: Path) -> None:
    shared = agency / "shared-offers" / "repair-workshop.yml"
    text = shared.read_text(encoding="utf-8")
    shared.write_text(
        text.replace("title: Fix your own bike, an evening workshop", "title: Bike repair evening"),
        encoding="utf-8",
    )
    result = honest_offers("build", "-j", "2", cwd=agency)
    assert result.returncode == 0, result.stdout + result.stderr
    for site in SITES:
        assert "Bike repair evening" in page(agency, site, "offers/repair-workshop/index.html")


def test_a_pressure_tactic_in_a_shared_offer_fails_every_site_once(agency: Path) -> None:
    shared = agency / "shared-offers" / "bike-service-plan.yml"
    before = shared.read_text(encoding="utf-8")
    index = page(agency, "velo-lyon", "index.html")
    try:
        shared.write_text(
            before.replace("at one fixed\n  yearly price.", "Only 3 plans left, book today!"),
            encoding="utf-8",
        )
        result = honest_offers("build", "-j", "2", "--format", "json", cwd=agency)
    finally:
        shared.write_text(before, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    paths = [(f["path"], f["rule"]) for f in report["findings"]]
    assert ("shared-offers/bike-service-plan.yml", "HO201") in paths
    assert len(paths) == len(set(paths))  # reported once, not once per site
    assert result.stderr.count("FAILED, previous site kept") == 3
    assert page(agency, "velo-lyon", "index.html") == index


def test_a_brand_colour_with_poor_contrast_fails_with_the_suggested_shade(agency: Path) -> None:
    config = agency / "sites" / "velo-lyon" / "mkdocs.yml"
    before = config.read_text(encoding="utf-8")
    try:
        config.write_text(before.replace('primary: "#9d174d"', 'primary: "#f472b6"'), "utf-8")
        result = honest_offers("build", str(config.relative_to(agency)), cwd=agency)
    finally:
        config.write_text(before, encoding="utf-8")
    assert result.returncode == 2
    assert "2.65:1" in result.stdout
    assert 'write `primary: "#' in result.stdout
    assert re.search(r"mkdocs\.yml:\d+:\d+: error: brand `primary` #f472b6", result.stdout)


def test_shards_build_a_deterministic_share(agency: Path) -> None:
    first = honest_offers("build", "--shard", "1/2", "-j", "1", cwd=agency)
    second = honest_offers("build", "--shard", "2/2", "-j", "1", cwd=agency)
    built = [
        re.findall(r"^sites/([a-z-]+)/mkdocs\.yml: built", r.stdout, re.MULTILINE)
        for r in (first, second)
    ]
    assert built == [["bristol-cycles", "velo-lyon"], ["leipzig-bikes"]]


def test_the_shared_offers_check_clean_as_sources(agency: Path) -> None:
    for site in SITES:
        result = honest_offers("check", "--strict", f"sites/{site}/mkdocs.yml", cwd=agency)
        assert result.returncode == 0, result.stdout + result.stderr


# -- the CI recipes, run as written (minus install lines) on a copy of the agency -----------


def fresh_agency(tmp_path: Path) -> Path:
    root = tmp_path / "agency"
    shutil.copytree(AGENCY, root, ignore=shutil.ignore_patterns("site"))
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def deployed(root: Path) -> set[str]:
    return {p.name for p in (root / "deploy").iterdir()} if (root / "deploy").is_dir() else set()


def test_the_github_recipe_builds_and_deploys_every_site_once(tmp_path: Path) -> None:
    workflow = yaml.safe_load(
        (REPO_ROOT / "ci-recipes" / "agency-github-actions.yml").read_text(encoding="utf-8")
    )
    (job,) = workflow["jobs"].values()
    shards = job["strategy"]["matrix"]["shard"]
    seen: list[str] = []
    for number in shards:
        root = fresh_agency(tmp_path / f"shard-{number}")
        lines = [
            step["run"].replace("${{ matrix.shard }}", str(number))
            for step in job["steps"]
            if "run" in step
        ]
        run_lines(lines, root, {k: str(v) for k, v in job["env"].items()})
        seen += sorted(deployed(root))
        for client in deployed(root):
            assert (
                root / "deploy" / client / "offers" / "bike-service-plan" / "index.html"
            ).is_file()
    assert sorted(seen) == sorted(SITES)  # every site exactly once over the matrix
    upload = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload and upload[0]["with"]["path"] == job["env"]["DEPLOY_ROOT"]


def test_the_gitlab_recipe_builds_and_deploys_every_site_once(tmp_path: Path) -> None:
    jobs = yaml.safe_load(
        (REPO_ROOT / "ci-recipes" / "agency-gitlab-ci.yml").read_text(encoding="utf-8")
    )
    job = jobs["client-sites"]
    total = job["parallel"]
    seen: list[str] = []
    for index in range(1, total + 1):
        root = fresh_agency(tmp_path / f"node-{index}")
        env = {**job["variables"], "CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(total)}
        run_lines(job["script"], root, env)
        assert (root / job["artifacts"]["reports"]["junit"]).is_file()
        seen += sorted(deployed(root))
    assert sorted(seen) == sorted(SITES)
    assert job["artifacts"]["paths"] == ["deploy/"]


# -- scaffolding -----------------------------------------------------------------------------


def test_new_agency_lays_out_a_repository_that_builds_and_checks_clean(tmp_path: Path) -> None:
    made = honest_offers("new-agency", "agency", cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    root = tmp_path / "agency"
    assert (root / ".git").is_dir()
    workflow = (root / ".github" / "workflows" / "client-sites.yml").read_text("utf-8")
    recipe = (REPO_ROOT / "ci-recipes" / "agency-github-actions.yml").read_text("utf-8")
    assert workflow == recipe
    placeholders = honest_offers("build", "--strict", "-j", "2", cwd=root)
    assert placeholders.returncode != 0  # the shared example's example.com addresses
    assert "is a placeholder address" in placeholders.stdout + placeholders.stderr
    replace_placeholders(root)
    built = honest_offers("build", "--strict", "-j", "2", cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stdout.count(": built: 1 offers") == 2
    for client in ("client-a", "client-b"):
        checked = honest_offers("check", "--strict", f"sites/{client}/site_config.yml", cwd=root)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        css = root / "sites" / client / "site" / "assets" / "stylesheets"
        assert (css / "honest-offers-brand.css").is_file()


def test_new_site_with_brand_colours_builds_clean(tmp_path: Path) -> None:
    made = honest_offers(
        "new-site", "shop", "--primary", "#9D174D", "--accent", "#047857", cwd=tmp_path
    )
    assert made.returncode == 0, made.stdout + made.stderr
    config = (tmp_path / "shop" / "site_config.yml").read_text("utf-8")
    assert 'primary: "#9d174d"' in config and "primary_dark:" in config
    replace_placeholders(tmp_path / "shop")  # else --strict stops at them (test_scaffold)
    built = honest_offers("build", "--strict", "shop", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr


def test_new_site_refuses_a_brand_colour_that_fails_contrast(tmp_path: Path) -> None:
    made = honest_offers(
        "new-site", "shop", "--primary", "#f472b6", "--accent", "#047857", cwd=tmp_path
    )
    assert made.returncode == 2
    assert "2.65:1" in made.stderr and "nearest shade that passes is #" in made.stderr
    assert not (tmp_path / "shop").exists()


# -- brand files: logo, favicon and fonts only from the site's own files -------------------

BRANDED = """\
site_name: Branded
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - honest-offers:
      brand:
        primary: "#166534"
        accent: "#6d28d9"
        primary_dark: "#86efac"
        accent_dark: "#c4b5fd"
        logo: {logo}
        fonts:
          - family: Atkinson Hyperlegible
            files: [{font}]
"""


def branded_site(tmp_path: Path, logo: str, font: str) -> Path:
    root = tmp_path / "branded"
    (root / "docs" / "assets" / "fonts").mkdir(parents=True)
    (root / "offers").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (root / "docs" / "assets" / "fonts" / "atkinson.woff2").write_bytes(b"wOF2")
    config = BRANDED.format(logo=logo, font=font)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_self_hosted_fonts_and_the_logo_are_used(tmp_path: Path) -> None:
    root = branded_site(tmp_path, "assets/logo.svg", "assets/fonts/atkinson.woff2")
    result = honest_offers("build", "--strict", str(root), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    css = (site / "assets" / "stylesheets" / "honest-offers-brand.css").read_text("utf-8")
    assert 'src: url("../../assets/fonts/atkinson.woff2") format("woff2")' in css
    assert '--md-text-font: "Atkinson Hyperlegible";' in css
    assert (site / "assets" / "fonts" / "atkinson.woff2").is_file()
    assert "assets/logo.svg" in (site / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("logo", "font", "message"),
    [
        ("assets/logo.svg", "https://fonts.example/inter.woff2", "never loaded from a font"),
        ("assets/logo.svg", "assets/fonts/missing.woff2", "is not a file inside docs_dir"),
        ("assets/missing.svg", "assets/fonts/atkinson.woff2", "brand `logo`"),
        ("../outside.svg", "assets/fonts/atkinson.woff2", "is not a file inside docs_dir"),
    ],
)
def test_brand_files_from_elsewhere_are_located_errors(
    tmp_path: Path, logo: str, font: str, message: str
) -> None:
    (tmp_path / "outside.svg").write_text("<svg/>", encoding="utf-8")
    root = branded_site(tmp_path, logo, font)
    result = run_mkdocs_in(root)
    assert result.returncode == 1
    assert message in result.stderr
    assert re.search(r"mkdocs\.yml:\d+:\d+: error: brand", result.stderr)


def run_mkdocs_in(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
