"""The import contracts in pyproject.toml ([tool.importlinter]) hold, and start-up stays lean.

The layers (highest first): ``cli | mkdocs_plugin`` → ``site`` → ``render | report`` →
``check`` → ``catalog`` → ``validate`` → ``load`` → ``diagnostics | memo | dates |
loopback``; no import cycles between packages or between modules of a package; the pipeline
imports neither MkDocs nor click. ``.venv/bin/lint-imports`` runs the same contracts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_every_import_contract_is_kept() -> None:
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(REPO_ROOT / "pyproject.toml")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout


LAZY = [
    "honest_offers.check.html",
    "honest_offers.check.scripts",
    "honest_offers.check.styles",
    "honest_offers.loopback",
    "honest_offers.report.junit",
    "honest_offers.report.sarif",
    "honest_offers.validate",
    "mkdocs",
    "playwright",
    "pydantic",
    "xml.etree.ElementTree",
]
"""Imported on first use (documented where they are imported), not by starting the command
line: the engines for markup, scripts and styles, the browser check's web server, the
formats a run does not print, the offer model."""


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}; import json, sys; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(json.loads(done.stdout))


def test_starting_the_command_line_loads_no_engine_or_format_it_does_not_use() -> None:
    loaded = _loaded_after("import honest_offers.cli")
    assert [name for name in LAZY if name in loaded] == []


def test_the_check_package_registers_ho618_without_the_browser_engine() -> None:
    loaded = _loaded_after(
        "import honest_offers.check as c; assert 'HO618' in c.RULES and 'HO601' in c.RULES"
    )
    assert "honest_offers.check.runtime" not in loaded
    assert "honest_offers.check.runtime_rules" in loaded
