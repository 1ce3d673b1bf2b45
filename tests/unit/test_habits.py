"""The project's habits stay true: hooks that run the locked tools, a changelog entry for the
version, and a CONTRIBUTING.md whose commands and test files exist."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from honest_offers import __version__
from tests.conftest import REPO_ROOT


def _hooks() -> list[dict[str, Any]]:
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "no hook repo to download"
    hooks: list[dict[str, Any]] = config["repos"][0]["hooks"]
    return hooks


def test_pre_commit_hooks_run_the_tools_of_the_venv() -> None:
    hooks = _hooks()
    entries = {hook["id"]: hook["entry"] for hook in hooks}
    assert entries["ruff-check"].startswith(".venv/bin/ruff check")
    assert entries["ruff-format"].startswith(".venv/bin/ruff format")
    assert entries["mypy"] == ".venv/bin/mypy"
    assert entries["import-contracts"].startswith(".venv/bin/lint-imports")
    for hook in hooks:
        assert hook["language"] == "system", hook["id"]
        tool = hook["entry"].split()[0]
        assert tool.startswith(".venv/bin/"), hook["id"]
        assert (Path(sys.executable).parent / Path(tool).name).is_file(), tool


def test_the_changelog_has_the_current_version_and_an_unreleased_section() -> None:
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", changelog, re.MULTILINE)
    assert versions[0] == "Unreleased"
    assert __version__ in versions, f"CHANGELOG.md has no section for {__version__}"


def test_contributing_names_make_targets_and_files_that_exist() -> None:
    text = (REPO_ROOT / "CONTRIBUTING.md").read_text("utf-8")
    makefile = (REPO_ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, re.MULTILINE))
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", text))
    assert named - targets == set()
    assert {"test", "lock", "test-latest", "fuzz"} <= named
    for path in sorted(set(re.findall(r"`((?:tests|requirements)/[\w./-]+)`", text))):
        assert (REPO_ROOT / path).exists(), path
