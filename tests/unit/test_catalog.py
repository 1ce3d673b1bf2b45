"""Loading a folder of offers: every problem of every file in one pass; slugs; symlinks."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from honest_offers.catalog import load_catalog
from tests.conftest import offer_yaml

TODAY = date(2026, 11, 23)


def write(folder: Path, files: dict[str, str]) -> Path:
    offers = folder / "offers"
    offers.mkdir(exist_ok=True)
    for name, text in files.items():
        (offers / name).write_text(text, encoding="utf-8")
    return offers


def test_valid_offers_load_in_file_order_with_slugs(tmp_path: Path) -> None:
    offers = write(
        tmp_path,
        {
            "b-plan.yml": offer_yaml(),
            "a-visit.yaml": offer_yaml(),
            "notes.txt": "not an offer",
            ".hidden.yml": "x: [",
        },
    )
    catalog = load_catalog(offers, tmp_path, TODAY)
    assert catalog.problems == []
    assert [o.slug for o in catalog.offers] == ["a-visit", "b-plan"]
    assert catalog.offers[0].path == "offers/a-visit.yaml"


def test_errors_from_all_files_are_collected(tmp_path: Path) -> None:
    offers = write(
        tmp_path,
        {
            "one.yml": offer_yaml(does_not=None),
            "two.yml": "title: [unclosed\n",
            "three.yml": offer_yaml(),
        },
    )
    catalog = load_catalog(offers, tmp_path, TODAY)
    assert sorted(p.path for p in catalog.errors) == ["offers/one.yml", "offers/two.yml"]
    assert [o.slug for o in catalog.offers] == ["three"]


def test_duplicate_slugs_are_reported_on_the_second_file(tmp_path: Path) -> None:
    offers = write(tmp_path, {"a.yml": offer_yaml(slug="plan"), "b.yml": offer_yaml(slug="plan")})
    catalog = load_catalog(offers, tmp_path, TODAY)
    (problem,) = catalog.errors
    assert problem.path == "offers/b.yml" and problem.field == "slug"
    assert "offers/a.yml" in problem.message
    assert [o.path for o in catalog.offers] == ["offers/a.yml"]


def test_file_name_that_is_not_a_slug_gets_a_suggestion(tmp_path: Path) -> None:
    offers = write(tmp_path, {"Garden Plan.yml": offer_yaml()})
    (problem,) = load_catalog(offers, tmp_path, TODAY).errors
    assert "slug: garden-plan" in problem.fix


def test_the_suggested_slug_writes_umlauts_out(tmp_path: Path) -> None:
    offers = write(tmp_path, {"Brötchen-Tüte.yml": offer_yaml()})
    (problem,) = load_catalog(offers, tmp_path, TODAY).errors
    assert "`slug: broetchen-tuete`" in problem.fix


def test_bad_slug_values_are_refused(tmp_path: Path) -> None:
    for slug in ["../etc", "/abs", "Upper", "grüner-plan", "a--b", ""]:
        offers = write(tmp_path, {"x.yml": offer_yaml(slug=slug)})
        (problem,) = load_catalog(offers, tmp_path, TODAY).errors
        assert problem.field == "slug", slug


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text(offer_yaml(), encoding="utf-8")
    offers = write(tmp_path, {})
    (offers / "link.yml").symlink_to(outside)
    catalog = load_catalog(offers, tmp_path, TODAY)
    (problem,) = catalog.errors
    assert problem.path == "offers/link.yml" and "outside" in problem.message
    assert catalog.offers == []


def test_nested_folders_in_path_order_hidden_skipped_linked_reported(tmp_path: Path) -> None:
    offers = write(tmp_path, {"b.yml": offer_yaml(), "a-b.yml": offer_yaml()})
    for folder, name in [("a", "z.yml"), ("a/b", "c.yaml"), (".drafts", "d.yml")]:
        (offers / folder).mkdir(parents=True)
        (offers / folder / name).write_text(offer_yaml(slug=name[0] * 3), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "e.yml").write_text(offer_yaml(slug="eee"), encoding="utf-8")
    (offers / "linked").symlink_to(elsewhere, target_is_directory=True)
    catalog = load_catalog(offers, tmp_path, TODAY)
    assert [p.relative_to(offers).as_posix() for p in catalog.files] == [
        "a/b/c.yaml",
        "a/z.yml",
        "a-b.yml",
        "b.yml",
    ]
    (problem,) = catalog.errors  # a linked folder is never skipped silently
    assert problem.path == "offers/linked"
    assert "symlink" in problem.message and "offers_dir" in problem.fix


def test_offers_dir_itself_may_be_a_link(tmp_path: Path) -> None:
    real = write(tmp_path, {"a.yml": offer_yaml()})
    (tmp_path / "linked-offers").symlink_to(real, target_is_directory=True)
    catalog = load_catalog(tmp_path / "linked-offers", tmp_path, TODAY)
    assert catalog.errors == []
    assert [loaded.slug for loaded in catalog.offers] == ["a"]


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offers = write(tmp_path, {"a.yml": offer_yaml()})
    (offers / "locked").mkdir()
    (offers / "locked" / "b.yml").write_text(offer_yaml(slug="bbb"), encoding="utf-8")
    scandir = os.scandir

    def refusing(path: str) -> Any:
        if path.endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    catalog = load_catalog(offers, tmp_path, TODAY)
    (problem,) = catalog.errors
    assert problem.path == "offers/locked"
    assert "cannot be read (Permission denied)" in problem.message
    assert [offer.slug for offer in catalog.offers] == ["a"]


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = load_catalog(tmp_path / "nope", tmp_path, TODAY).errors
    assert "does not exist" in problem.message


def test_empty_and_scalar_files_are_reported(tmp_path: Path) -> None:
    offers = write(tmp_path, {"empty.yml": "", "scalar.yml": "just text\n"})
    catalog = load_catalog(offers, tmp_path, TODAY)
    assert sorted(p.path for p in catalog.errors) == ["offers/empty.yml", "offers/scalar.yml"]
