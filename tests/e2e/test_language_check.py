"""The honesty check in the site's language, in real builds and real `honest-offers check` runs:
the German example with a German tactic fails with the right rule, an offer's ``lang``
overrides the site's language, and a page of another language is not read as German."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SITE_CONFIG, mkdocs_env, offer_yaml, run_mkdocs
from tests.e2e.test_i18n_build import EXAMPLE, PINNED

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).parent / "honest-offers"
GERMAN_TACTICS = "  - Nur noch 2 Plätze frei, das Angebot endet heute!\n"


def honest_offers(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def german_example(tmp_path: Path) -> Path:
    """A copy of examples/de/ whose workshop offer says a German scarcity-and-deadline line."""
    root = tmp_path / "de"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    offer = root / "offers" / "schreibwerkstatt.yml"
    text = offer.read_text("utf-8")
    offer.write_text(text.replace("does_not:\n", "does_not:\n" + GERMAN_TACTICS, 1), "utf-8")
    return root


def test_a_german_tactic_fails_the_german_example_build_with_its_rules(
    german_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED)
    out = german_example.parent / "out"
    result = run_mkdocs("build", "--strict", "-d", str(out), cwd=german_example)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    text = (german_example / "offers" / "schreibwerkstatt.yml").read_text("utf-8")
    line = text.splitlines().index(GERMAN_TACTICS.rstrip("\n")) + 1
    found = re.findall(rf"offers/schreibwerkstatt\.yml:{line}:\d+: (HO\d+) ", result.stderr)
    assert sorted(found) == ["HO102", "HO201"], result.stderr


def test_the_check_command_reads_the_site_in_its_language(german_example: Path) -> None:
    result = honest_offers("check", "mkdocs.yml", "--format", "json", cwd=german_example)
    assert result.returncode == 1, result.stderr
    assert sorted(re.findall(r'"rule": "(HO\d+)"', result.stdout)) == ["HO102", "HO201"]
    config = german_example / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("language: de", "language: en"), "utf-8")
    english = honest_offers("check", "mkdocs.yml", "--format", "json", cwd=german_example)
    assert english.returncode == 0, english.stdout  # an English site is not read as German


def test_an_offer_in_french_on_a_german_site_is_read_in_french(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = SITE_CONFIG.replace("  font: false\n", "  font: false\n  language: de\n")
    french = offer_yaml(lang="fr", does_not=["Plus que 2 places disponibles !"])
    root = make_site({"atelier.yml": french}, config=config)
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1, result.stderr
    assert re.search(r"offers/atelier\.yml:\d+:\d+: HO201 ", result.stderr), result.stderr


def test_a_built_german_page_is_read_in_german(german_example: Path, tmp_path: Path) -> None:
    """`honest-offers check` on a built folder reads each page in its `<html lang>`."""
    page = tmp_path / "built" / "index.html"
    page.parent.mkdir()
    body = "<body><main><p>Nur noch 2 Plätze frei!</p></main></body></html>"
    page.write_text(f'<!doctype html><html lang="de"><head><title>x</title></head>{body}', "utf-8")
    result = honest_offers("check", "built", "--format", "json", cwd=tmp_path)
    assert re.findall(r'"rule": "(HO\d+)"', result.stdout) == ["HO201"], result.stdout
    page.write_text(f'<!doctype html><html lang="en"><head><title>x</title></head>{body}', "utf-8")
    result = honest_offers("check", "built", "--format", "json", cwd=tmp_path)
    assert re.findall(r'"rule": "(HO\d+)"', result.stdout) == [], result.stdout
