"""Site-wide defaults that offers inherit (`default_seller`, `default_cta`), and the warning
for an offer page that gives no way to contact anyone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from honest_offers.catalog import load_catalog
from honest_offers.cli.targets import plan_check
from honest_offers.site import printed_text
from honest_offers.validate.defaults import OfferDefaults, read_defaults
from honest_offers.validate.model import CallToAction, Seller
from tests.conftest import offer_yaml

TODAY = date(2026, 12, 4)
SELLER = {"name": "Anna's Bakery", "contact": "orders@annas-bakery.example"}
CTA = {"label": "Order by email", "url": "mailto:orders@annas-bakery.example"}
CONFIG = """\
site_name: Bakery
plugins:
  - search
  - honest-offers:
      offers_dir: offers
      default_seller:
        name: Anna's Bakery
        contact: orders@annas-bakery.example
"""


def _offers(tmp_path: Path, **offers: str) -> Path:
    folder = tmp_path / "offers"
    folder.mkdir()
    for name, text in offers.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def test_read_defaults_checks_them_like_offer_fields() -> None:
    defaults, problems = read_defaults({"default_seller": SELLER, "default_cta": CTA}, "m.yml")
    assert problems == []
    assert defaults == OfferDefaults(Seller(**SELLER), CallToAction(**CTA))
    assert read_defaults({"default_seller": None}, "m.yml") == (OfferDefaults(), [])


@pytest.mark.parametrize(
    ("options", "field", "line"),
    [
        ({"default_seller": {"name": "A", "contact": "not a link"}}, "default_seller.contact", 6),
        ({"default_seller": "Anna"}, "default_seller", 6),
        ({"default_cta": {"label": "Ask"}}, "default_cta.url", None),
        ({"default_cta": {"url": "mailto:a@b.example", "lable": "Ask"}}, "default_cta.lable", None),
    ],
)
def test_a_wrong_default_is_located_in_the_config(
    options: dict[str, object], field: str, line: int | None
) -> None:
    defaults, (problem,) = read_defaults(options, "mkdocs.yml", CONFIG)
    assert defaults == OfferDefaults()
    assert (problem.path, problem.field, problem.line) == ("mkdocs.yml", field, line)
    assert problem.severity == "error" and problem.expected and problem.fix
    if field == "default_seller":  # the example to copy names the option, not the field
        assert "default_seller:\n" in problem.fix and "\nseller:" not in problem.fix


def test_offers_inherit_what_they_do_not_say_themselves(tmp_path: Path) -> None:
    own = {"name": "Market stall", "contact": "https://stall.example/contact"}
    folder = _offers(tmp_path, bare=offer_yaml(seller=None), own=offer_yaml(seller=own, slug="own"))
    defaults = OfferDefaults(Seller(**SELLER), CallToAction(**CTA))
    catalog = load_catalog(folder, tmp_path, TODAY, defaults=defaults)
    assert catalog.problems == []
    by_slug = {loaded.slug: loaded.offer for loaded in catalog.offers}
    assert by_slug["bare"].seller == Seller(**SELLER)
    assert by_slug["bare"].cta == CallToAction(**CTA)
    assert by_slug["own"].seller == Seller(**own)  # replaced as a whole, never merged
    assert by_slug["own"].cta == CallToAction(**CTA)


def test_no_way_to_contact_anyone_is_a_located_warning(tmp_path: Path) -> None:
    nameless = {"name": "Anna's Bakery"}
    folder = _offers(
        tmp_path, bare=offer_yaml(seller=None), name_only=offer_yaml(seller=nameless, slug="n")
    )
    catalog = load_catalog(folder, tmp_path, TODAY)
    assert [p.severity for p in catalog.problems] == ["warning", "warning"]
    bare, name_only = sorted(catalog.problems, key=lambda p: p.path)
    assert (bare.path, bare.line, bare.column, bare.field) == ("offers/bare.yml", 1, 1, "cta")
    assert "no way to contact you" in bare.message
    assert "`default_seller`" in bare.fix and "`cta:`" in bare.fix
    text = offer_yaml(seller=nameless, slug="n").splitlines()
    assert name_only.field == "seller.contact"
    assert name_only.line == text.index("seller:") + 1
    assert len(catalog.offers) == 2  # a warning: the pages are still built


@pytest.mark.parametrize(
    "defaults",
    [OfferDefaults(seller=Seller(**SELLER)), OfferDefaults(cta=CallToAction(**CTA))],
)
def test_a_default_with_a_way_to_contact_ends_the_warning(
    tmp_path: Path, defaults: OfferDefaults
) -> None:
    folder = _offers(tmp_path, bare=offer_yaml(seller=None))
    assert load_catalog(folder, tmp_path, TODAY, defaults=defaults).problems == []


def test_a_default_seller_without_contact_does_not_end_the_warning(tmp_path: Path) -> None:
    folder = _offers(tmp_path, bare=offer_yaml(seller=None))
    defaults = OfferDefaults(seller=Seller(name="Anna's Bakery"))
    (problem,) = load_catalog(folder, tmp_path, TODAY, defaults=defaults).problems
    assert problem.field == "seller.contact"


def test_check_reads_the_defaults_from_the_site_config(tmp_path: Path) -> None:
    _offers(tmp_path, bare=offer_yaml(seller=None))
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert plan_check([], tmp_path, TODAY).problems == []
    broken = CONFIG.replace("orders@annas-bakery.example", "not a link")
    (tmp_path / "mkdocs.yml").write_text(broken, encoding="utf-8")
    problems = plan_check([], tmp_path, TODAY).problems
    assert [(p.path, p.line, p.field, p.severity) for p in problems] == [
        ("mkdocs.yml", 6, "default_seller.contact", "error"),
        ("offers/bare.yml", 1, "cta", "warning"),
    ]


def test_the_default_seller_name_and_cta_label_are_checked_as_printed_text() -> None:
    config = {
        "plugins": [{"honest-offers": {"default_seller": SELLER, "default_cta": CTA}}],
    }
    assert list(printed_text(config)) == ["Anna's Bakery", "Order by email"]


def test_an_offer_checked_on_its_own_inherits_the_nearest_site_config(tmp_path: Path) -> None:
    """pre-commit passes the changed files one by one: the site's defaults still count."""
    _offers(tmp_path, bare=offer_yaml(seller=None))
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert plan_check([Path("offers/bare.yml")], tmp_path, TODAY).problems == []
    assert plan_check([Path("offers")], tmp_path, TODAY).problems == []
    (tmp_path / "mkdocs.yml").unlink()
    (problem,) = plan_check([Path("offers/bare.yml")], tmp_path, TODAY).problems
    assert (problem.path, problem.field, problem.severity) == ("offers/bare.yml", "cta", "warning")


def test_placeholders_in_the_defaults_are_warnings_at_the_option() -> None:
    example = {"name": "Example Studio", "contact": "hello@example.com"}
    defaults, problems = read_defaults({"default_seller": example}, "mkdocs.yml", CONFIG)
    assert defaults.seller == Seller(**example)  # still inherited: a warning, not an error
    assert [(p.field, p.line, p.severity) for p in problems] == [
        ("default_seller.name", 6, "warning"),
        ("default_seller.contact", 6, "warning"),
    ]
