"""`make test`'s grouping (tests/grouping.py): a module's tests that share a module-scoped
fixture run on one xdist worker, so the fixture is made once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, mkdocs_env

MODULE = """
import os
import pytest

@pytest.fixture(scope="module")
def made(tmp_path_factory):
    with open(os.environ["MADE_LOG"], "a") as log:
        log.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")

@pytest.mark.parametrize("n", range(6))
def test_shared(made, n):
    pass

@pytest.mark.parametrize("n", range(6))
def test_alone(n):
    pass
"""


def test_a_module_fixture_is_made_once_on_two_workers(tmp_path: Path) -> None:
    """Without the group, each of the two workers gets a test of the module at the start and
    makes the fixture (as under pytest 9.2 with xdist's own hook alone)."""
    (tmp_path / "test_shared.py").write_text(MODULE, encoding="utf-8")
    log = tmp_path / "made.log"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-p",
            "tests.grouping",
            "-p",
            "no:cacheprovider",
            "-q",
            "-c",
            "/dev/null",
            "--rootdir",
            str(tmp_path),
            "test_shared.py",
        ],
        cwd=tmp_path,
        env={**mkdocs_env(), "MADE_LOG": str(log), "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "12 passed" in done.stdout
    assert len(log.read_text(encoding="utf-8").split()) == 1
