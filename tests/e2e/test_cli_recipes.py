"""The CI recipes in ci-recipes/, tried as written where they can be.

Each recipe's shell lines (GitHub Actions `run:`, GitLab CI `script:`) run in a temporary copy
of the example site, with the recipe's environment variables. Lines that install packages
are left out: the package is already installed in this test's environment. A recipe that
names a wrong command, option or file fails here. What cannot run here (the runners
themselves, `actions/*` and the SARIF upload) is checked for its shape.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import REPO_ROOT, mkdocs_env

pytestmark = pytest.mark.e2e

RECIPES = REPO_ROOT / "ci-recipes"
INSTALL = re.compile(r"^(python3? -m )?pip3? install\b")
SARIF_SCHEMA = REPO_ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(REPO_ROOT / "site_config.yml", root)
    shutil.copytree(REPO_ROOT / "offers", root / "offers")
    shutil.copytree(REPO_ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("assets"))
    return root


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((RECIPES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def run_lines(lines: list[str], cwd: Path, env: dict[str, str]) -> None:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    for line in lines:
        if INSTALL.match(line.strip()):
            continue
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", line],
            cwd=cwd,
            env={**mkdocs_env(), **env, "PATH": path},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"`{line}` failed:\n{result.stdout}\n{result.stderr}"


def github_steps(name: str) -> list[dict[str, Any]]:
    workflow = load(name)
    # YAML 1.1 reads the key `on` as True.
    assert workflow.get("on", workflow.get(True)) == ["push", "pull_request"]
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    steps: list[dict[str, Any]] = job["steps"]
    return steps


@pytest.mark.parametrize("name", ["github-actions.yml", "github-code-scanning.yml"])
def test_github_workflow_runs_as_written(name: str, example_site: Path) -> None:
    steps = github_steps(name)
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert steps[1]["uses"].startswith("actions/setup-python@")
    for step in steps:
        if "run" in step:
            env = {k: str(v) for k, v in step.get("env", {}).items()}
            run_lines(step["run"].strip().splitlines(), example_site, env)
    if name == "github-code-scanning.yml":
        upload = steps[-1]
        assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
        assert upload["if"] == "always()"
        report = example_site / upload["with"]["sarif_file"]
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(json.loads(report.read_text("utf-8")))
    else:
        assert (example_site / "site" / "offers" / "index.html").is_file()


def test_gitlab_job_runs_as_written(example_site: Path) -> None:
    jobs = load("gitlab-ci.yml")
    (job,) = jobs.values()
    env = {k: str(v) for k, v in job.get("variables", {}).items()}
    run_lines(job["script"], example_site, env)
    assert job["artifacts"]["when"] == "always"
    report = example_site / job["artifacts"]["reports"]["junit"]
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    assert root.get("failures") == "0"
    assert (example_site / "site" / "offers" / "index.html").is_file()
