"""A small business's first hour, in real builds: an order deadline stated as a fact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SITE_CONFIG, offer_yaml, run_mkdocs
from tests.e2e.test_build import page_text
from tests.e2e.test_cli import honest_offers

pytestmark = pytest.mark.e2e

SELLER = {"name": "Garden studio", "contact": "hi@studio.example"}
PINNED = {"SOURCE_DATE_EPOCH": str(int(datetime(2026, 12, 4, tzinfo=UTC).timestamp()))}
"""The day every build and check here runs on, so that the dates stay where they are."""


@pytest.fixture(autouse=True)
def _pinned_day(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PINNED.items():
        monkeypatch.setenv(name, value)


def _site(make_site: Callable[..., Path], language: str, order_date: str) -> Path:
    config = SITE_CONFIG.replace("  font: false\n", f"  font: false\n  language: {language}\n")
    order_by = {"date": order_date, "reason": "delivery before Christmas"}
    offer = offer_yaml(seller=SELLER, availability={"order_by": order_by})
    return make_site({"garden-plan.yml": offer}, config=config)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Order by December 20, 2027. Reason: delivery before Christmas."),
        ("de", "Bestellen bis zum 20. Dezember 2027. Grund: delivery before Christmas."),
        ("fr", "Commander au plus tard le 20 décembre 2027. Raison : delivery before Christmas."),
        ("es", "Pedidos hasta el 20 de diciembre de 2027. Motivo: delivery before Christmas."),
    ],
)
def test_an_order_deadline_builds_strict_and_reads_calmly(
    make_site: Callable[..., Path], tmp_path: Path, language: str, sentence: str
) -> None:
    """The rendered sentence passes the honesty check of the build and of the built folder."""
    root = _site(make_site, language, "2027-12-20")
    out = tmp_path / "out"
    result = run_mkdocs("build", "--strict", "-d", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (out / "offers" / "garden-plan" / "index.html").read_text("utf-8")
    text = page_text(page)
    assert sentence in text
    timing = page.split('id="ho-timing"', 1)[1].split("</section>", 1)[0]
    assert "2027" in timing and "<script" not in timing  # a date, nothing that ticks
    built = honest_offers("check", str(out), "--strict", cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr


def test_a_passed_order_deadline_warns_in_check_and_build_and_fails_strict(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = _site(make_site, "en", "2026-11-30")
    where = "offers/garden-plan.yml:"
    message = "availability.order_by.date: the day to order by (2026-11-30) has already passed"
    build = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert build.returncode == 0, build.stderr
    assert where in build.stderr and message in build.stderr
    strict = run_mkdocs("build", "--strict", "-d", str(tmp_path / "strict"), cwd=root)
    assert strict.returncode == 1 and message in strict.stderr
    assert not (tmp_path / "strict").exists()
    check = honest_offers("check", cwd=root)
    assert check.returncode == 0 and message in check.stdout + check.stderr
    assert honest_offers("check", "--strict", cwd=root).returncode == 1


DEFAULTS = """\
      default_seller:
        name: Anna's Bakery
        contact: orders@annas-bakery.example
"""


def _config(options: str) -> str:
    return SITE_CONFIG.replace("  - honest-offers\n", "  - honest-offers:\n" + options)


def test_offers_inherit_the_default_seller_in_a_real_build(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    own = {"name": "Market stall", "contact": "stall@market.example"}
    offers = {"bread.yml": offer_yaml(seller=None), "stall.yml": offer_yaml(seller=own, slug="s")}
    root = make_site(offers, config=_config(DEFAULTS))
    out = tmp_path / "out"
    result = run_mkdocs("build", "--strict", "-d", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    bread = (out / "offers" / "bread" / "index.html").read_text("utf-8")
    assert "Anna&#39;s Bakery" in bread or "Anna's Bakery" in bread
    assert 'href="mailto:orders@annas-bakery.example"' in bread
    stall = (out / "offers" / "s" / "index.html").read_text("utf-8")
    assert "Market stall" in stall and "annas-bakery" not in stall
    assert honest_offers("check", "--strict", cwd=root).returncode == 0


def test_an_offer_nobody_can_be_reached_from_warns_and_fails_strict(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"bread.yml": offer_yaml(seller=None)})
    warning = "offers/bread.yml:1:1: warning: cta: the page gives no way to contact you"
    build = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert build.returncode == 0 and warning in build.stderr
    strict = run_mkdocs("build", "--strict", "-d", str(tmp_path / "strict"), cwd=root)
    assert strict.returncode == 1 and warning in strict.stderr
    check = honest_offers("check", cwd=root)
    assert check.returncode == 0 and warning in check.stdout + check.stderr


def test_a_wrong_default_fails_the_build_at_its_line(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = _config(DEFAULTS.replace("orders@annas-bakery.example", "Annas Bakery"))
    root = make_site({"bread.yml": offer_yaml(seller=None)}, config=config)
    line = config.splitlines().index("      default_seller:") + 1
    build = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert build.returncode == 1
    assert f"mkdocs.yml:{line}: error: default_seller.contact:" in build.stderr
    assert "Traceback" not in build.stderr
    check = honest_offers("check", cwd=root)
    assert check.returncode == 2
    assert f"mkdocs.yml:{line}: error: default_seller.contact:" in check.stdout + check.stderr
