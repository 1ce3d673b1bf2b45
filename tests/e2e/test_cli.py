"""The installed `honest-offers` console script, run for real: exit codes, formats, help, the
scaffolded site built with `mkdocs build --strict`, and the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT, mkdocs_env, run_mkdocs
from tests.unit.cli.conftest import SITE_ERRORS
from tests.unit.cli.test_scaffold import replace_placeholders

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).parent / "honest-offers"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "cli"
HOOKS = REPO_ROOT / ".pre-commit-hooks.yaml"


def honest_offers(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env={**mkdocs_env(), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.is_file(), "pip install -e . creates it from pyproject's [project.scripts]"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["pushy-site/offers/calm.yml"], 0),
        (["warnings"], 0),
        (["pushy-site"], 1),
        (["built"], 1),
        (["broken"], 2),
        (["missing"], 2),
        (["pushy-site", "--select", "HO8"], 2),
    ],
)
def test_exit_codes(args: list[str], code: int) -> None:
    result = honest_offers("check", *args, cwd=FIXTURES)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_report_that_cannot_be_written_is_exit_2() -> None:
    """A full disk is not a bug: one line says what happened, and the run is not clean
    whatever it found."""
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [str(SCRIPT), "check", "pushy-site/offers/calm.yml"],
            cwd=FIXTURES,
            env=mkdocs_env(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "honest-offers: error: the report could not be written: No space left on device\n"
    )


def test_no_config_in_the_current_folder(tmp_path: Path) -> None:
    result = honest_offers("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("honest-offers: error: no site config")
    assert result.stdout == ""


def test_formats_parse(tmp_path: Path) -> None:
    text = honest_offers("check", "pushy-site", cwd=FIXTURES)
    assert "HO201 low-stock-claim" in text.stdout
    assert "\x1b[" not in text.stdout, "no colour in a pipe"
    data = json.loads(honest_offers("check", "pushy-site", "--format", "json", cwd=FIXTURES).stdout)
    assert data["summary"]["errors"] == SITE_ERRORS
    github = honest_offers("check", "pushy-site", "--format", "github", cwd=FIXTURES).stdout
    assert github.count("::error file=") == SITE_ERRORS
    sarif = json.loads(honest_offers("check", "broken", "--format", "sarif", cwd=FIXTURES).stdout)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"HO000", "HO201"}
    out = tmp_path / "junit.xml"
    junit = honest_offers("check", "built", "--format", "junit", "-o", str(out), cwd=FIXTURES)
    assert junit.returncode == 1
    assert junit.stdout == ""
    assert junit.stderr.startswith("honest-offers: 5 errors, 0 warnings, 0 suppressed in 3 files.")
    assert ET.parse(out).getroot().get("failures") == "5"


def test_every_command_has_help() -> None:
    for command in ["check", "rules", "explain", "schema", "new-site", "new-offer"]:
        result = honest_offers(command, "--help", cwd=FIXTURES)
        assert result.returncode == 0
        assert "Examples:" in result.stdout
    version = honest_offers("--version", cwd=FIXTURES)
    assert re.fullmatch(r"honest-offers, version \S+\n", version.stdout)


def test_scaffolded_site_builds_strict_and_passes_the_check(tmp_path: Path) -> None:
    """A new site builds at once; its placeholders are warnings that `--strict` (the CI
    recipes') refuses until the owner has replaced them."""
    created = honest_offers("new-site", "client-site", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    root = tmp_path / "client-site"
    checked = honest_offers("check", cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Checked 3 files." in checked.stdout  # offer, page, config
    assert "0 errors and 5 warnings" in checked.stdout
    assert honest_offers("check", "--strict", cwd=root).returncode == 1
    placeholder = "offers/first-consultation.yml:117:9: warning: seller.name: `Example Studio`"
    unreplaced = run_mkdocs("build", "--strict", "-f", "site_config.yml", cwd=root)
    assert unreplaced.returncode == 1 and placeholder in unreplaced.stderr
    assert "docs/index.md:10:17: warning: `hello@example.com`" in unreplaced.stderr
    assert not (root / "site").exists(), "a strict build that fails publishes nothing"
    replace_placeholders(root)
    assert honest_offers("check", "--strict", cwd=root).returncode == 0
    built = run_mkdocs("build", "--strict", "-f", "site_config.yml", cwd=root)
    assert built.returncode == 0, built.stderr
    page = (root / "site" / "offers" / "first-consultation" / "index.html").read_text("utf-8")
    assert "First consultation" in page
    assert (root / "site" / "offers" / "index.html").is_file()
    assert "fonts.googleapis.com" not in page

    skeleton = honest_offers("new-offer", "Garden plan", cwd=root)
    assert skeleton.returncode == 0, skeleton.stderr
    unfinished = honest_offers("check", "--format", "json", cwd=root)
    assert unfinished.returncode == 2
    fields = {p["field"] for p in json.loads(unfinished.stdout)["problems"]}
    assert {"title", "summary", "price.amount", "market_price.basis"} <= fields
    refused = run_mkdocs("build", "--strict", "-f", "site_config.yml", cwd=root)
    assert refused.returncode != 0, "a skeleton can never be published"
    assert "offers/garden-plan.yml" in refused.stderr


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "honest-offers"
    assert hook["entry"] == "honest-offers check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for path in [
        "offers/garden.yml",
        "site/content/offers/sub/garden.yaml",
        "docs/index.md",
        "overrides/main.html",
        "docs/js/ticker.js",
        "docs/js/app.mjs",
        "docs/css/extra.css",
    ]:
        assert files.search(path), path
    for path in ["mkdocs.yml", "site_config.yml", ".github/workflows/ci.yml", "offers/logo.png"]:
        assert not files.search(path), path


def test_pre_commit_entry_runs_on_the_filenames_it_is_given(tmp_path: Path) -> None:
    """pre-commit runs `entry` followed by the staged files that match `files`."""
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    shutil.copytree(FIXTURES / "pushy-site", tmp_path / "repo")
    repo = tmp_path / "repo"
    staged = [
        p.relative_to(repo).as_posix()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and re.search(hook["files"], p.relative_to(repo).as_posix())
    ]
    assert "site_config.yml" not in staged
    assert len(staged) == 8
    command = [*shlex.split(hook["entry"]), *staged]
    env = {**mkdocs_env(), "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    failing = subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert failing.returncode == 1
    assert "offers/pushy.yml:5:5: HO201" in failing.stdout
    calm = [path for path in staged if path in {"offers/calm.yml", "docs/notes.md"}]
    passing = subprocess.run(
        [*shlex.split(hook["entry"]), *calm],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert passing.returncode == 0, passing.stdout


def test_compiled_patterns_are_kept_between_runs_and_change_no_result(tmp_path: Path) -> None:
    store = tmp_path / "store"
    args = ("check", "pushy-site", "--format", "json")
    first = honest_offers(*args, cwd=FIXTURES, HONEST_OFFERS_CACHE_DIR=str(store))
    files = list(store.glob("patterns-*.bin"))
    assert len(files) == 1, "the first run keeps the patterns it compiled"
    kept = files[0].read_bytes()
    again = honest_offers(*args, cwd=FIXTURES, HONEST_OFFERS_CACHE_DIR=str(store))
    assert files[0].read_bytes() == kept, "a run that compiled nothing new writes nothing"
    off = honest_offers(*args, cwd=FIXTURES, HONEST_OFFERS_NO_CACHE="1")
    files[0].write_bytes(kept[: len(kept) // 2])  # a store cut short is read as empty
    damaged = honest_offers(*args, cwd=FIXTURES, HONEST_OFFERS_CACHE_DIR=str(store))
    assert first.returncode == 1 and first.stdout.strip(), first.stderr
    for other in (again, off, damaged):
        assert (other.returncode, other.stdout, other.stderr) == (
            first.returncode,
            first.stdout,
            first.stderr,
        )
