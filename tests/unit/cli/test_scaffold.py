"""new-site and new-offer: what they write, what they refuse, and that the results check."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from honest_offers.catalog import load_offer_file
from honest_offers.cli import cli
from honest_offers.cli.scaffold import (
    ScaffoldError,
    new_offer,
    new_site,
    offer_slug,
    schema_reference,
    site_title,
)
from honest_offers.validate.model import Offer
from honest_offers.validate.schema import SCHEMA_PATH, render_schema
from tests.conftest import offer_yaml
from tests.unit.cli.conftest import TODAY, run_report

REQUIRED = ["title", "summary", "does", "does_not", "for", "not_for", "price", "market_price"]


NOT_IN_EXAMPLE = {"extends"}
"""Fields the example offer leaves out: `extends` needs a shared file (`new-agency` writes one)."""


def model_fields() -> set[str]:
    fields = {field.alias or name for name, field in Offer.model_fields.items()}
    return fields - NOT_IN_EXAMPLE


# -- new-site ------------------------------------------------------------------------------


PLACEHOLDERS = [
    ("docs/index.md", None, "hello@example.com"),
    ("offers/first-consultation.yml", "alternatives[0].url", "example.com"),
    ("offers/first-consultation.yml", "cta.url", "hello@example.com"),
    ("offers/first-consultation.yml", "seller.name", "Example Studio"),
    ("offers/first-consultation.yml", "seller.contact", "hello@example.com"),
]
"""What the new site's user has to replace: each a located warning, nothing else."""


def replace_placeholders(root: Path) -> None:
    """What a shop owner does: their own address and name instead of the example's, in
    every offer and page below ``root``."""
    for path in sorted([*root.rglob("*.yml"), *root.rglob("*.md")]):
        text = path.read_text(encoding="utf-8")
        text = text.replace("example.com", "fernhill-gardens.eu")
        path.write_text(text.replace("Example Studio", "Fernhill Gardens"), encoding="utf-8")


def test_new_site_writes_a_site_that_passes_the_check(tmp_path: Path) -> None:
    root = tmp_path / "client-site"
    written = new_site(root, "Client site", TODAY)
    assert written.files == (
        "site_config.yml",
        "offer.schema.json",
        "offers/first-consultation.yml",
        "docs/index.md",
        ".gitignore",
    )
    assert (root / "offer.schema.json").read_text(encoding="utf-8") == render_schema()
    report = run_report(cwd=root)
    assert report.files == ["offers/first-consultation.yml", "docs/index.md", "site_config.yml"]
    assert report.findings == []
    problems = [(p.path, p.field, p.severity) for p in report.problems]
    assert problems == [(path, field, "warning") for path, field, _ in PLACEHOLDERS]
    for problem, (_, _, value) in zip(report.problems, PLACEHOLDERS, strict=True):
        text = (root / problem.path).read_text(encoding="utf-8").splitlines()
        assert problem.line and problem.column
        assert text[problem.line - 1][problem.column - 1 :].startswith(value)
        assert f"`{value}`" in problem.fix
    assert report.exit_code == 0
    replace_placeholders(root)
    replaced = run_report(cwd=root)
    assert replaced.problems == [] and replaced.findings == [], replaced.problems


def test_the_site_config_has_the_theme_plugin_and_nav(tmp_path: Path) -> None:
    new_site(tmp_path / "s", 'The "Quoted" Studio', TODAY)
    config = yaml.safe_load((tmp_path / "s" / "site_config.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "The 'Quoted' Studio"
    assert config["theme"] == {"name": "material", "language": "en", "font": False}
    assert config["plugins"][0] == "search"
    assert config["plugins"][1]["honest-offers"]["offers_dir"] == "offers"
    assert config["nav"] == [{"Home": "index.md"}, {"Offers": "offers/index.md"}]


def test_the_example_offer_has_every_field_each_with_a_comment(tmp_path: Path) -> None:
    new_site(tmp_path / "s", "S", TODAY)
    path = tmp_path / "s" / "offers" / "first-consultation.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../offer.schema.json\n")
    data = yaml.safe_load(text)
    # A field that needs a file of the user's (a picture) is shown as a commented example.
    shown = set(re.findall(r"^# ([a-z_]+):$", text, flags=re.MULTILINE))
    assert set(data) | shown == model_fields()
    assert shown <= {"image"}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        key = re.match(r"^([a-z_]+):", line)
        if key:
            commented = lines[index - 1].startswith("#") or "#" in line
            assert commented, f"no comment for `{key.group(1)}`"
    loaded, problems = load_offer_file(path, tmp_path, TODAY)
    assert loaded is not None
    offer_placeholders = [(f, "warning") for p, f, _ in PLACEHOLDERS if p.startswith("offers/")]
    assert [(p.field, p.severity) for p in problems] == offer_placeholders
    assert loaded.offer.availability is not None
    assert str(loaded.offer.availability.next_start) == "2027-01-01"


def test_the_example_offer_validates_against_the_written_schema(tmp_path: Path) -> None:
    new_site(tmp_path / "s", "S", TODAY)
    schema = json.loads((tmp_path / "s" / "offer.schema.json").read_text(encoding="utf-8"))
    offer = yaml.safe_load(
        (tmp_path / "s" / "offers" / "first-consultation.yml").read_text(encoding="utf-8")
    )
    offer["availability"]["next_start"] = str(offer["availability"]["next_start"])
    jsonschema.validate(offer, schema)


@pytest.mark.parametrize("existing", ["file", "folder with a file"])
def test_new_site_refuses_anything_that_is_not_empty(tmp_path: Path, existing: str) -> None:
    target = tmp_path / "s"
    if existing == "file":
        target.write_text("mine", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not empty; choose a new folder"):
        new_site(target, "S", TODAY)
    assert not (target / "site_config.yml").exists() if target.is_dir() else True


def test_new_site_into_an_empty_folder(tmp_path: Path) -> None:
    new_site(tmp_path, "S", TODAY)
    assert (tmp_path / "site_config.yml").is_file()


def test_new_site_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["new-site", "my-studio"])
    assert result.exit_code == 0
    assert "Created my-studio/ with:" in result.stdout
    assert 'site_name: "My studio"' in (tmp_path / "my-studio" / "site_config.yml").read_text(
        encoding="utf-8"
    )
    again = runner.invoke(cli, ["new-site", "my-studio"])
    assert again.exit_code == 2
    assert again.stderr.startswith("honest-offers: error: my-studio: the folder already exists")


def test_site_title() -> None:
    assert site_title(Path("/x/my-studio")) == "My studio"
    assert site_title(Path("/x/garden_design.co")) == "Garden design co"


# -- new-offer -----------------------------------------------------------------------------


def test_offer_slug() -> None:
    assert offer_slug("Garden plan (2 hours)") == "garden-plan-2-hours"
    assert offer_slug("Café Über") == "cafe-ueber"
    assert offer_slug("workshop.yml") == "workshop"
    assert offer_slug("Brötchen-Abo.YAML") == "broetchen-abo"
    assert offer_slug("!!!") == ""


def test_new_offer_writes_german_titles_out(tmp_path: Path) -> None:
    (tmp_path / "offer.schema.json").write_text("{}", encoding="utf-8")
    (path,) = new_offer("Große Brötchen-Tüte", tmp_path / "offers", cwd=tmp_path)
    assert path.name == "grosse-broetchen-tuete.yml"


def test_new_offer_refuses_a_name_without_latin_letters(tmp_path: Path) -> None:
    with pytest.raises(ScaffoldError, match="Latin letters, such as `garden-plan`"):
        new_offer("日本茶", tmp_path / "offers", cwd=tmp_path)
    assert not (tmp_path / "offers").exists()


def test_the_skeleton_fails_naming_every_required_field(tmp_path: Path) -> None:
    (tmp_path / "offer.schema.json").write_text("{}", encoding="utf-8")
    (path,) = new_offer("Garden plan", tmp_path / "offers", cwd=tmp_path)
    assert path == tmp_path / "offers" / "garden-plan.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../offer.schema.json\n")
    loaded, problems = load_offer_file(path, tmp_path, TODAY)
    assert loaded is None
    fields = {(p.field or "").split(".")[0].split("[")[0] for p in problems}
    assert fields == set(REQUIRED)
    assert all(p.severity == "error" and p.line and p.fix for p in problems)
    assert set(yaml.safe_load(text)) == set(REQUIRED)


def test_the_skeleton_filled_in_loads(tmp_path: Path) -> None:
    (path,) = new_offer("tea", tmp_path / "offers", schema="x.json", cwd=tmp_path)
    skeleton = yaml.safe_load(path.read_text(encoding="utf-8"))
    filled = yaml.safe_load(offer_yaml(seller=None))  # the site's default_seller may stand in
    assert set(skeleton) == set(filled)
    assert set(skeleton["price"]) | {"fees"} == set(filled["price"]) | {"fees"}
    assert set(skeleton["market_price"]) == set(filled["market_price"])


def test_new_offer_never_overwrites(tmp_path: Path) -> None:
    offers = tmp_path / "offers"
    offers.mkdir()
    (offers / "tea.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_offer("Tea", offers, schema="x.json")
    assert (offers / "tea.yaml").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ScaffoldError, match="no letters or digits"):
        new_offer("???", offers, schema="x.json")


def test_schema_reference(tmp_path: Path) -> None:
    site = tmp_path / "site"
    offers = site / "content" / "offers"
    offers.mkdir(parents=True)
    assert schema_reference(offers, site) == (
        "../offer.schema.json",
        offers.parent / "offer.schema.json",
    )
    (site / "offer.schema.json").write_text("{}", encoding="utf-8")
    assert schema_reference(offers, site) == ("../../offer.schema.json", None)
    assert schema_reference(offers, tmp_path / "elsewhere")[1] is not None, (
        "outside the current folder only the site folder is searched"
    )
    in_checkout = SCHEMA_PATH.parents[3]
    reference, to_write = schema_reference(in_checkout / "offers", in_checkout)
    assert (reference, to_write) == ("../plugins/honest_offers/schema/offer.schema.json", None)


def test_new_offer_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    new_site(tmp_path, "S", TODAY)
    runner = CliRunner()
    result = runner.invoke(cli, ["new-offer", "Garden plan"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Created offers/garden-plan.yml"
    text = (tmp_path / "offers" / "garden-plan.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../offer.schema.json\n")
    check = runner.invoke(cli, ["check"])
    assert check.exit_code == 2
    assert "offers/garden-plan.yml:" in check.stdout
    again = runner.invoke(cli, ["new-offer", "garden-plan"])
    assert again.exit_code == 2
    assert "already exists" in again.stderr


def test_new_offer_uses_the_site_configs_offers_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: S\nplugins:\n  - honest-offers:\n      offers_dir: content/offers\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["new-offer", "tea"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Created content/offer.schema.json (the offer schema, for editors)",
        "Created content/offers/tea.yml",
        "Fill in every empty value, then run: honest-offers check",
    ]
    other = CliRunner().invoke(cli, ["new-offer", "tea", "--dir", "elsewhere"])
    assert other.exit_code == 0
    assert (tmp_path / "elsewhere" / "tea.yml").is_file()
