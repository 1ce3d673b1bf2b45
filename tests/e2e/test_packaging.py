"""The wheel carries the whole package, the theme and the schema, with both entry points."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# One worker builds the wheel (the module's fixture), from a copy of the sources.
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("wheel")]

SOURCES = ("pyproject.toml", "README.md", "plugins", "theme")
"""What the wheel is built from (pyproject.toml's package-dir and readme)."""


def source_copy(folder: Path) -> Path:
    """The sources the wheel is built from, copied: setuptools writes build/ and egg-info
    beside them, which must not race with the rest of the suite reading the working tree."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in SOURCES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy2(source, folder / name)
    return folder


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    sources = source_copy(tmp_path_factory.mktemp("sources"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(out),
            str(sources),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("honest_offers-*.whl")
    return zipfile.ZipFile(path)


def test_every_module_and_theme_file_is_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    package = REPO_ROOT / "plugins" / "honest_offers"
    expected = {
        f"honest_offers/{p.relative_to(package).as_posix()}"
        for p in package.rglob("*")
        if p.is_file()
        and p.suffix in {".py", ".json", ".typed", ".yml", ".mo"}
        and "__pycache__" not in p.parts
    }
    theme = REPO_ROOT / "theme"
    expected |= {
        f"honest_offers/theme/{p.relative_to(theme).as_posix()}"
        for p in theme.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected - names == set()


def test_the_wheel_carries_the_compiled_catalogues_and_reads_them(
    wheel: zipfile.ZipFile, tmp_path: Path
) -> None:
    """The theme's words ship as the committed .mo files (honest_offers.render.translations);
    the .po sources stay in the repository. Imported from the unpacked wheel, German works."""
    from honest_offers.render.catalogues import LANGUAGES, mo_path

    names = set(wheel.namelist())
    for language in LANGUAGES:
        name = f"honest_offers/locale/{language}/LC_MESSAGES/honest_offers.mo"
        assert name in names, name
        assert wheel.read(name) == mo_path(language).read_bytes(), name
    assert not [n for n in names if n.endswith((".po", ".pot", ".cfg"))]
    wheel.extractall(tmp_path)
    probe = (
        "import honest_offers.render.translations as t; "
        "print(t.__file__); print(t.translations('de').gettext('Typical market price'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    location, words = result.stdout.splitlines()
    assert Path(location).is_relative_to(tmp_path)
    assert words == "Üblicher Marktpreis"


def test_the_version_is_written_once(wheel: zipfile.ZipFile) -> None:
    """pyproject.toml reads the version from honest_offers.__version__; the wheel's metadata,
    ``honest-offers --version`` and reports all show that one value."""
    from honest_offers import __version__

    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    assert f"\nVersion: {__version__}\n" in wheel.read(metadata).decode()
    assert f"honest_offers-{__version__}.dist-info/METADATA" == metadata
    pyproject = (REPO_ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert "\nversion =" not in pyproject.split("[tool.", 1)[0], "a second version in [project]"


def test_entry_points(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "[mkdocs.plugins]\nhonest-offers = honest_offers.mkdocs_plugin.plugin:" in text
    assert "[console_scripts]\nhonest-offers = honest_offers.cli:run" in text


def test_no_stray_files(wheel: zipfile.ZipFile) -> None:
    assert not [n for n in wheel.namelist() if "__pycache__" in n or n.startswith("tests/")]


def test_schema_in_the_repo_matches_the_model() -> None:
    from honest_offers.validate.schema import SCHEMA_PATH, render_schema

    assert SCHEMA_PATH.read_text("utf-8") == render_schema(), (
        "the stored schema is stale: run `make schema`"
    )


def test_example_offers_declare_the_schema_for_editors() -> None:
    for offer in sorted((REPO_ROOT / "offers").glob("*.yml")):
        first = offer.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), offer.name
        target = (offer.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (REPO_ROOT / "plugins/honest_offers/schema/offer.schema.json"), offer
        assert Path(target).is_file()


def test_example_offers_validate_against_the_json_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency")
    import yaml

    from honest_offers.validate.schema import offer_json_schema

    validator = jsonschema.Draft202012Validator(offer_json_schema())
    for offer in sorted((REPO_ROOT / "offers").glob("*.yml")):
        data = yaml.safe_load(offer.read_text("utf-8"))
        errors = [e.message for e in validator.iter_errors(_jsonable(data))]
        assert errors == [], (offer.name, errors)


def test_the_guide_explains_every_offer_field() -> None:
    """The README leaves the offer file to the user guide: its "Writing an offer" page names
    every top-level and price field (the generated reference lists them all too, which
    tests/e2e/test_guide.py checks)."""
    from honest_offers.validate.messages import allowed_keys

    guide = (REPO_ROOT / "guide" / "docs" / "writing-an-offer.md").read_text("utf-8")
    for key in allowed_keys(()):
        assert f"`{key}`" in guide or f"`{key}." in guide, key
    for key in allowed_keys(("price",)):
        assert f"`price.{key}`" in guide or f"`{key}`" in guide, key
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    assert "guide/docs/writing-an-offer.md" in readme


def _jsonable(value: object) -> object:
    """YAML dates become ISO strings, as an editor's schema validator sees them."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
