"""Date-driven problems have one severity, however the site is checked, on a frozen date
(``SOURCE_DATE_EPOCH``, which `check` and the build both read: plugins/honest_offers/dates.py).

* a passed ``availability.next_start`` is a warning: `check` and `mkdocs build` pass,
  `check --strict` and `mkdocs build --strict` fail, and both say what to change;
* a ``price.change`` whose day has come is an error in the offer: `check` (exit code 2, an
  offer it cannot use) and `mkdocs build` fail, with or without `--strict`, and both say
  what to change.

The day before either date, all four pass: a site's CI turns red only on the day the date
passes, with the field, its line and the fix in the message.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SITE_CONFIG, mkdocs_env, offer_yaml

pytestmark = pytest.mark.e2e

HONEST_OFFERS = str(Path(sys.executable).parent / "honest-offers")
PRICE = {
    "amount": "250.00",
    "currency": "EUR",
    "billing": "one-time",
    "taxes_included": True,
    "tax_note": "incl. 20% VAT",
}
OFFERS = {
    "next-start": offer_yaml(availability={"next_start": "2026-03-01"}),
    "price-change": offer_yaml(
        price={
            **PRICE,
            "change": {
                "effective": "2026-03-01",
                "amount": "280.00",
                "reason": "Our supplier raised the price of the planting plans.",
            },
        }
    ),
}
FIX = {
    "next-start": "set the next real start date, or remove `next_start`",
    "price-change": "set `price.amount` to the new price and remove `price.change`",
}
FIELD = {"next-start": "availability.next_start", "price-change": "price.change.effective"}


def epoch(day: str) -> str:
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()))


def run(root: Path, day: str, *command: str) -> tuple[int, str]:
    done = subprocess.run(
        command,
        cwd=root,
        env={**mkdocs_env(), "SOURCE_DATE_EPOCH": epoch(day), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def four_ways(root: Path, day: str) -> dict[str, tuple[int, str]]:
    mkdocs = (sys.executable, "-m", "mkdocs", "build", "-d", str(root.parent / "out"))
    return {
        "check": run(root, day, HONEST_OFFERS, "check"),
        "check --strict": run(root, day, HONEST_OFFERS, "check", "--strict"),
        "build": run(root, day, *mkdocs),
        "build --strict": run(root, day, *mkdocs, "--strict"),
    }


@pytest.fixture(params=sorted(OFFERS))
def site(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "offers").mkdir()
    (root / "mkdocs.yml").write_text(SITE_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "offers" / "course.yml").write_text(OFFERS[request.param], encoding="utf-8")
    return request.param, root


def test_a_passed_date_has_one_severity_and_says_what_to_change(site: tuple[str, Path]) -> None:
    kind, root = site
    ran = four_ways(root, "2026-03-02")
    codes = {way: code for way, (code, _) in ran.items()}
    if kind == "next-start":  # a warning: fails only where warnings fail
        assert codes == {"check": 0, "check --strict": 1, "build": 0, "build --strict": 1}
    else:  # an error in the offer: fails everywhere (`check` exits 2, its documented code
        # for an offer it cannot use; MkDocs exits 1 for every failed build)
        assert codes == {"check": 2, "check --strict": 2, "build": 1, "build --strict": 1}
    line = next(n for n, text in enumerate(OFFERS[kind].splitlines(), 1) if "2026-03-01" in text)
    for way, (_, output) in ran.items():
        assert f"offers/course.yml:{line}:" in output, (way, output)
        assert FIX[kind] in output, (way, output)
        assert FIELD[kind] in output, (way, output)
        severity = "warning" if kind == "next-start" else "error"
        assert severity in output.lower(), (way, output)


def test_the_day_before_even_the_strict_ways_pass(site: tuple[str, Path]) -> None:
    _, root = site
    mkdocs = (sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root.parent / "out"))
    assert run(root, "2026-02-28", HONEST_OFFERS, "check", "--strict")[0] == 0
    assert run(root, "2026-02-28", *mkdocs)[0] == 0
