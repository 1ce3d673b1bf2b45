"""The real-world development set in ``tests/fixtures/real-world/`` is well-formed.

Third-party files, each with its source and licence in ``MANIFEST.csv``. These tests check
the manifest only, never detection figures: ``bench/real_world.py`` prints those, and the
detector is being improved against them.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT

SET_DIR = REPO_ROOT / "tests" / "fixtures" / "real-world"
MANIFEST = SET_DIR / "MANIFEST.csv"
COLUMNS = ["file", "label", "kind", "repo", "commit", "path", "licence", "trimmed", "note"]
FOLDERS = {"tactic": "tactics", "honest": "honest"}
ALLOWED_LICENCES = {
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "Unlicense",
    "CC0-1.0",
    "MPL-2.0",
}
MINIMUM = 40
MAX_BYTES = 40 * 1024
COMMIT = re.compile(r"[0-9a-f]{40}")
REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
SHORT_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def read_rows() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows()


def test_header() -> None:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == COLUMNS


def test_every_row_has_every_column(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert None not in row, f"extra cells in {row}"
        missing = [column for column in COLUMNS[:-1] if not row.get(column)]
        assert not missing, f"{row.get('file')}: empty {missing}"


def test_files_are_unique(rows: list[dict[str, str]]) -> None:
    files = [row["file"] for row in rows]
    assert len(files) == len(set(files))


def test_every_file_exists_in_its_label_folder(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["label"] in FOLDERS, f"{row['file']}: label {row['label']!r}"
        folder, _, name = row["file"].partition("/")
        assert folder == FOLDERS[row["label"]], f"{row['file']} is not in {row['label']}'s folder"
        assert (SET_DIR / row["file"]).is_file(), f"{row['file']} is missing"
        assert "/" not in name


def test_every_fixture_file_is_in_the_manifest(rows: list[dict[str, str]]) -> None:
    listed = {row["file"] for row in rows}
    on_disk = {
        path.relative_to(SET_DIR).as_posix()
        for folder in FOLDERS.values()
        for path in (SET_DIR / folder).rglob("*")
        if path.is_file()
    }
    assert on_disk - listed == set(), "files not in MANIFEST.csv"


def test_names_keep_the_original_extension(rows: list[dict[str, str]]) -> None:
    for row in rows:
        name = row["file"].partition("/")[2]
        short, _, extension = name.partition(".")
        assert SHORT_NAME.fullmatch(short), f"{name}: short name"
        assert extension, f"{name}: no extension"
        assert Path(row["path"]).name.endswith("." + extension), (
            f"{name}: extension differs from the original {row['path']}"
        )


def test_sources_are_pinned(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert REPO.fullmatch(row["repo"]), f"{row['file']}: repo {row['repo']!r}"
        assert COMMIT.fullmatch(row["commit"]), f"{row['file']}: commit {row['commit']!r}"
        assert not row["path"].startswith("/"), f"{row['file']}: path {row['path']!r}"


def test_licences_allow_copying(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["licence"] in ALLOWED_LICENCES, f"{row['file']}: licence {row['licence']}"


def test_each_repository_has_its_licence_text(rows: list[dict[str, str]]) -> None:
    for repo in {row["repo"] for row in rows}:
        text = SET_DIR / "LICENSES" / (repo.replace("/", "__") + ".txt")
        assert text.is_file(), f"no licence text for {repo}"


def test_the_readme_names_every_licence(rows: list[dict[str, str]]) -> None:
    readme = (SET_DIR / "README.md").read_text(encoding="utf-8")
    for licence in {row["licence"] for row in rows}:
        assert licence in readme, f"README.md does not list {licence}"


def test_trimmed_is_yes_or_no_and_files_stay_small(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["trimmed"] in {"yes", "no"}, f"{row['file']}: trimmed {row['trimmed']!r}"
        if row["trimmed"] == "yes":
            assert "trim" in row["note"], f"{row['file']}: trimmed without saying how"
        size = (SET_DIR / row["file"]).stat().st_size
        assert size <= MAX_BYTES, f"{row['file']}: {size} bytes"


def test_files_are_utf8_text(rows: list[dict[str, str]]) -> None:
    for row in rows:
        data = (SET_DIR / row["file"]).read_bytes()
        assert b"\0" not in data, row["file"]
        data.decode("utf-8")


def test_enough_files_of_each_label(rows: list[dict[str, str]]) -> None:
    labels = [row["label"] for row in rows]
    assert labels.count("tactic") >= MINIMUM
    assert labels.count("honest") >= MINIMUM


def load_bench() -> ModuleType:
    path = REPO_ROOT / "bench" / "real_world.py"
    spec = importlib.util.spec_from_file_location("bench_real_world", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_the_bench_reads_the_manifest() -> None:
    """The measuring script reads every row and has an engine for every file (it makes
    no claim about what the check finds)."""
    bench = load_bench()
    entries = bench.read_manifest(MANIFEST)
    assert len(entries) == len(read_rows())
    for entry in entries:
        engine, _ = bench.engine_for(SET_DIR / entry.file)
        assert engine in {"markdown", "html", "template", "script", "stylesheet"}
