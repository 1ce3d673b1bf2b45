"""Shared offers: ``extends`` merges a shared file under an offer, and every problem or finding
points at the file and line that hold the value (the shared file or the override)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.catalog import load_catalog
from honest_offers.check.sources import check_offer
from honest_offers.load import parse_yaml
from honest_offers.load.extends import apply_extends
from tests.conftest import MINIMAL_OFFER, examples, offer_yaml

TODAY = date(2026, 12, 4)


def repository(tmp_path: Path, shared: str, override: str) -> Path:
    """A git repository with ``shared/plan.yml`` and a site whose offer overrides it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "plan.yml").write_text(shared, encoding="utf-8")
    offers = tmp_path / "sites" / "client-a" / "offers"
    offers.mkdir(parents=True)
    (offers / "plan.yml").write_text(override, encoding="utf-8")
    return tmp_path / "sites" / "client-a"


def test_the_override_replaces_top_level_fields_and_keeps_the_rest(tmp_path: Path) -> None:
    site = repository(
        tmp_path,
        offer_yaml(),
        "extends: ../../../shared/plan.yml\ntitle: Garden plan for Client A\n",
    )
    catalog = load_catalog(site / "offers", site, TODAY)
    assert catalog.problems == []
    [loaded] = catalog.offers
    assert loaded.offer.title == "Garden plan for Client A"
    assert loaded.offer.summary == MINIMAL_OFFER["summary"]
    assert loaded.slug == "plan"
    assert catalog.shared_files == ["../../shared/plan.yml"]


def test_a_wrong_value_in_the_shared_file_points_at_the_shared_file(tmp_path: Path) -> None:
    shared = offer_yaml(price={**MINIMAL_OFFER["price"], "currency": "EURO"})
    site = repository(tmp_path, shared, "extends: ../../../shared/plan.yml\ntitle: Client A\n")
    catalog = load_catalog(site / "offers", site, TODAY)
    [problem] = catalog.errors
    line = shared.splitlines().index("  currency: EURO") + 1
    assert (problem.path, problem.line, problem.column) == ("../../shared/plan.yml", line, 13)
    assert problem.field == "price.currency"


def test_a_wrong_value_in_the_override_points_at_the_override(tmp_path: Path) -> None:
    site = repository(
        tmp_path, offer_yaml(), "extends: ../../../shared/plan.yml\nprice:\n  amount: lots\n"
    )
    catalog = load_catalog(site / "offers", site, TODAY)
    assert {p.path for p in catalog.errors} == {"offers/plan.yml"}
    assert all(p.line and p.line >= 2 for p in catalog.errors)


def test_findings_point_at_the_file_that_wrote_the_text(tmp_path: Path) -> None:
    shared = offer_yaml(summary="Only 2 visits left this month.")
    site = repository(
        tmp_path, shared, "extends: ../../../shared/plan.yml\ntitle: Book now, offer ends today\n"
    )
    [loaded] = load_catalog(site / "offers", site, TODAY).offers
    found = {(f.path, f.line, f.rule) for f in check_offer(loaded).findings}
    summary_line = shared.splitlines().index("summary: Only 2 visits left this month.") + 1
    assert ("../../shared/plan.yml", summary_line, "HO201") in found
    assert any(path == "offers/plan.yml" and line == 2 for path, line, _ in found)


def test_an_allow_in_the_override_covers_text_from_the_shared_file(tmp_path: Path) -> None:
    shared = offer_yaml(summary="Only 2 visits left this month.")
    override = (
        "extends: ../../../shared/plan.yml\n"
        "allow:\n  - rule: HO201\n    reason: We really have two visits a month; see capacity.\n"
    )
    site = repository(tmp_path, shared, override)
    [loaded] = load_catalog(site / "offers", site, TODAY).offers
    result = check_offer(loaded)
    assert [f.rule for f in result.findings] == []
    assert [s.finding.rule for s in result.suppressed] == ["HO201"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://example.org/plan.yml", "not a path relative to this file"),
        ("/etc/plan.yml", "not a path relative to this file"),
        ("../../../shared/missing.yml", "does not exist"),
        ("../../../../outside.yml", "outside the repository"),
        ("../../../shared/plan.txt", "does not name a YAML file"),
        ("''", "must name a file"),
        ("[a, b]", "must name a file"),
    ],
)
def test_a_bad_extends_is_a_located_error(tmp_path: Path, value: str, message: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "outside.yml").write_text(offer_yaml(), encoding="utf-8")
    site = repository(repo, offer_yaml(), f"title: Client A\nextends: {value}\n")
    catalog = load_catalog(site / "offers", site, TODAY)
    [problem] = catalog.errors
    assert message in problem.message
    assert (problem.path, problem.line, problem.column, problem.field) == (
        "offers/plan.yml",
        2,
        10,
        "extends",
    )
    assert problem.fix
    assert catalog.offers == []


def test_a_cycle_is_a_located_error_naming_the_files(tmp_path: Path) -> None:
    site = repository(tmp_path, "extends: ../sites/client-a/offers/plan.yml\n", "")
    (site / "offers" / "plan.yml").write_text(
        "extends: ../../../shared/plan.yml\n", encoding="utf-8"
    )
    [problem] = load_catalog(site / "offers", site, TODAY).errors
    assert "circle" in problem.message
    assert "../../shared/plan.yml" in problem.message
    assert problem.path == "../../shared/plan.yml"
    assert problem.line == 1


def test_a_chain_of_shared_files_merges_in_order(tmp_path: Path) -> None:
    site = repository(
        tmp_path,
        "extends: base.yml\ntitle: Maintenance plan\n",
        "extends: ../../../shared/plan.yml\nsummary: For client A.\n",
    )
    (tmp_path / "shared" / "base.yml").write_text(offer_yaml(), encoding="utf-8")
    [loaded] = load_catalog(site / "offers", site, TODAY).offers
    assert (loaded.offer.title, loaded.offer.summary) == ("Maintenance plan", "For client A.")
    assert loaded.offer.does == MINIMAL_OFFER["does"]
    paths = [part.path for part, _ in loaded.document.parts()]
    assert paths == ["offers/plan.yml", "../../shared/plan.yml", "../../shared/base.yml"]


def test_a_shared_file_that_is_not_a_mapping_is_located(tmp_path: Path) -> None:
    site = repository(tmp_path, "- just\n- a list\n", "extends: ../../../shared/plan.yml\n")
    [problem] = load_catalog(site / "offers", site, TODAY).errors
    assert (problem.path, problem.line) == ("../../shared/plan.yml", 1)


def test_without_git_the_site_folder_bounds_shared_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "offers").mkdir(parents=True)
    (tmp_path / "plan.yml").write_text(offer_yaml(), encoding="utf-8")
    (site / "offers" / "plan.yml").write_text("extends: ../../plan.yml\n", encoding="utf-8")
    [problem] = load_catalog(site / "offers", site, TODAY).errors
    assert "outside the repository" in problem.message


def test_several_offer_folders_are_read_in_order(tmp_path: Path) -> None:
    for folder, name in (("ours", "a.yml"), ("partner", "b.yml")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(offer_yaml(), encoding="utf-8")
    catalog = load_catalog((tmp_path / "ours", tmp_path / "partner"), tmp_path, TODAY)
    assert [o.path for o in catalog.offers] == ["ours/a.yml", "partner/b.yml"]


KEYS = st.sets(st.sampled_from(sorted(MINIMAL_OFFER)), max_size=len(MINIMAL_OFFER))


@given(own=KEYS)
@settings(max_examples=examples(30), deadline=None)
def test_every_key_is_located_in_the_file_that_gave_it(own: set[str]) -> None:
    """Property: whichever keys an override gives, each top-level key's path and line come
    from the file that wrote it."""
    shared = offer_yaml()
    own_data = {key: MINIMAL_OFFER[key] for key in sorted(own)}
    override = "extends: shared.yml\n" + (
        yaml.safe_dump(own_data, sort_keys=False, allow_unicode=True) if own_data else ""
    )
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "shared.yml").write_text(shared, encoding="utf-8")
        document, problems = parse_yaml(override, "x.yml")
        assert document is not None and not problems
        merged, problems = apply_extends(document, root / "x.yml", root)
    assert merged is not None and not problems
    for key in MINIMAL_OFFER:
        path, text = ("x.yml", override) if key in own else ("shared.yml", shared)
        assert merged.path_for((key, 0)) == path
        mark = merged.key_mark_for((key,))
        assert text.splitlines()[mark.line - 1].startswith(f"{key}:")
