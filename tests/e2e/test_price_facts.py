"""Real builds of price facts (issue 15): a sale declared in `price.history` +
`price.reduction` builds and states the 30-day reference price and both dates; the same sale
typed by hand, a fake reference and an ended reduction fail; the pages pass the honesty check
in every way of running it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MINIMAL_OFFER, offer_yaml, run_mkdocs
from tests.e2e.test_build import page_text

pytestmark = pytest.mark.e2e

BUILD_DAY = date(2026, 12, 10)
PINNED = str(int(datetime(2026, 12, 10, 12, tzinfo=UTC).timestamp()))
"""The build day (SOURCE_DATE_EPOCH): within the reduction below."""

HISTORY = [
    {"from": date(2026, 1, 5), "amount": 230},
    {"from": date(2026, 9, 1), "amount": 250},
]
REDUCTION = {
    "amount": 200,
    "from": date(2026, 12, 1),
    "until": date(2026, 12, 31),
    "reason": "The end of the planting season",
}
DISCOUNTS = [
    {"for": "yearly billing", "percent": 15},
    {"for": "registered charities", "amount": 40, "note": "Tell us your charity number."},
]


def sale(**reduction: Any) -> str:
    price = {
        **MINIMAL_OFFER["price"],
        "history": HISTORY,
        "reduction": {**REDUCTION, **reduction},
        "trial": {"days": 7},
    }
    prose = "Paying a year at once? Save 15% with yearly billing."  # a standing rule in prose
    return offer_yaml(price=price, discounts=DISCOUNTS, details=prose)


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED)


def build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run_mkdocs("build", "--strict", "-f", "mkdocs.yml", "-d", str(out), cwd=root)


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "from honest_offers.cli import main; raise SystemExit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, "check", "--strict", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


@pytest.mark.usefixtures("pinned")
def test_a_declared_sale_builds_with_its_reference_price_dates_and_discounts(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden.yml": sale()})
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    markup = (out / "offers" / "garden" / "index.html").read_text("utf-8")
    text = page_text(markup)
    section = page_text(markup[markup.index('id="ho-price"') : markup.index('id="ho-market"')])
    assert "Total €200.00 one-time payment" in section
    assert (
        "Reduced price from December 1, 2026 until December 31, 2026: €200.00. "
        "Reason: The end of the planting season." in text
    )
    assert "The lowest price in the 30 days before the reduction: €230.00." not in text
    assert "The lowest price in the 30 days before the reduction: €250.00." in text
    assert "From January 1, 2027 the price is €250.00." in text
    assert "Save 15% with yearly billing." in text
    assert "The first 7 days are free; then the price is €200.00." in text
    assert "Standing discounts For yearly billing: 15% less." in text
    assert "For registered charities: €40.00 less. Tell us your charity number." in text
    assert "ends in" not in section.lower() and "save" not in section.lower()
    start = markup.index("ho-price__reduction")
    reduction = page_text(markup[start : markup.index("</div>", start)])
    assert "%" not in reduction  # no percentage badge: the reference price and the dates
    index = page_text((out / "offers" / "index.html").read_text("utf-8"))
    assert (
        "€200.00 one-time payment The first 7 days are free; then the price is €200.00. "
        "Reduced from December 1, 2026 until December 31, 2026; "
        "lowest price in the 30 days before: €250.00." in index
    )
    assert "For yearly billing: 15% less. For registered charities: €40.00 less." in index
    for target in (["mkdocs.yml"], [str(out)]):
        verdict = check(*target, cwd=root)
        assert verdict.returncode == 0, verdict.stdout + verdict.stderr


@pytest.mark.usefixtures("pinned")
def test_the_reference_is_the_lowest_of_the_thirty_days_not_the_latest_price(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """230 charged until 14 November is in the window (1-30 November): it is the reference."""
    history = [HISTORY[0], {"from": date(2026, 11, 15), "amount": 250}]
    price = {**MINIMAL_OFFER["price"], "history": history, "reduction": REDUCTION}
    root = make_site({"garden.yml": offer_yaml(price=price)})
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    text = page_text((out / "offers" / "garden" / "index.html").read_text("utf-8"))
    assert "The lowest price in the 30 days before the reduction: €230.00." in text


@pytest.mark.usefixtures("pinned")
def test_a_fake_reference_fails_the_build_at_its_line(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden.yml": sale(reference=300)})
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "price.reduction.reference: the stated reference price (300)" in result.stderr
    assert "write `reference: 250`" in result.stderr
    assert not (tmp_path / "out" / "offers").exists()


@pytest.mark.usefixtures("pinned")
def test_a_reduction_without_enough_history_fails_the_build(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    price = {**MINIMAL_OFFER["price"], "reduction": REDUCTION}
    root = make_site({"garden.yml": offer_yaml(price=price)})
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "price.history: the record does not cover the 30 days before" in result.stderr


@pytest.mark.usefixtures("pinned")
def test_an_ended_reduction_is_the_same_error_in_check_and_build(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden.yml": sale(until=date(2026, 12, 5))})
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "price.reduction.until: the reduction ended on 2026-12-05" in result.stderr
    assert "add `- {from: 2026-12-01, amount: 200}`" in result.stderr
    verdict = check("mkdocs.yml", cwd=root)
    assert verdict.returncode == 2  # an invalid offer, as for every validation error
    assert "the reduction ended on 2026-12-05" in verdict.stdout + verdict.stderr


@pytest.mark.usefixtures("pinned")
def test_the_same_sale_typed_by_hand_fails_the_honesty_check(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden.yml": offer_yaml(details="Was €250, now €200 until 31 December!")})
    result = build(root, tmp_path / "out")
    assert result.returncode != 0
    assert "HO501" in result.stderr
