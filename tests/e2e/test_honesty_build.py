"""The honesty check inside real `mkdocs build` runs: what fails, what passes, what is said."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SITE_CONFIG, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e

COUNTDOWN_TEMPLATE = """{% extends "base.html" %}
{% block content %}
<div class="offer-countdown" data-deadline="2026-12-01">Sale ends in 02:14:09</div>
{{ super() }}
{% endblock %}
"""

TICKER_SCRIPT = """\
const end = Date.now() + 15 * 60 * 1000;
setInterval(function () {
  const left = Math.max(0, end - Date.now());
  const m = Math.floor(left / 60000) % 60, s = Math.floor(left / 1000) % 60;
  document.getElementById('timer').textContent = m + ':' + String(s).padStart(2, '0');
}, 1000);
"""


def build(root: Path, out: Path) -> tuple[int, str]:
    result = run_mkdocs("build", "-d", str(out), cwd=root)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr


def test_scarcity_claim_in_an_offer_fails_naming_file_line_rule_and_alternative(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    text = offer_yaml(does=["A two-hour visit", "Only 3 places left this month"])
    root = make_site({"garden-plan.yml": text})
    code, output = build(root, tmp_path / "out")
    assert code == 1
    line = text.splitlines().index("- Only 3 places left this month") + 1
    match = re.search(rf"offers/garden-plan\.yml:{line}:3: (HO2\d\d) [a-z-]+: ", output)
    assert match, output
    assert 'text: "Only 3 places left' in output
    assert "honest alternative:" in output


def test_activity_notice_in_a_markdown_page_fails(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    page = "# News\n\nWe planted a new hedge.\n\n14 people are looking at this offer right now.\n"
    root = make_site(
        {"garden-plan.yml": offer_yaml()}, docs={"index.md": "# Home\n", "news.md": page}
    )
    code, output = build(root, tmp_path / "out")
    assert code == 1
    assert re.search(r"docs/news\.md:5:1: HO3\d\d ", output), output


def test_countdown_in_a_theme_override_fails(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = SITE_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    root = make_site({"garden-plan.yml": offer_yaml()}, config=config)
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(COUNTDOWN_TEMPLATE, encoding="utf-8")
    code, output = build(root, tmp_path / "out")
    assert code == 1
    assert re.search(r"overrides/main\.html:3:\d+: HO6\d\d ", output), output
    assert re.search(r"overrides/main\.html:3:\d+: HO101 ", output), output


def test_countdown_script_in_extra_javascript_fails(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = SITE_CONFIG + "extra_javascript:\n  - js/offer.js\n"
    root = make_site(
        {"garden-plan.yml": offer_yaml()},
        config=config,
        docs={"index.md": "# Home\n", "js/offer.js": TICKER_SCRIPT},
    )
    code, output = build(root, tmp_path / "out")
    assert code == 1
    assert re.search(r"docs/js/offer\.js:\d+:\d+: HO6\d\d ", output), output


def test_every_finding_of_every_source_is_listed_in_one_run(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site(
        {
            "a.yml": offer_yaml(summary="Hurry, this offer ends tonight."),
            "b.yml": offer_yaml(not_for=["Only 2 spots left"]),
        },
        docs={"index.md": "# Home\n\nSomeone from Leeds just bought a garden plan.\n"},
    )
    code, output = build(root, tmp_path / "out")
    assert code == 1
    for path in ("offers/a.yml", "offers/b.yml", "docs/index.md"):
        assert f"{path}:" in output, path
    assert re.search(r"honesty check: [3-9] error", output), output


def test_calm_offer_with_structured_facts_passes(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    text = offer_yaml(
        availability={
            "next_start": "2027-09-16 09:30",
            "timezone": "Europe/Berlin",
            "capacity": 10,
            "per": "workshop",
        },
        terms={"cancellation": "Cancel anytime before the workshop for a full refund."},
        timing={
            "good_time": "Most clients book before a redesign.",
            "wait_if": "No hurry if your garden plans are a year away.",
        },
        does=[
            "Delivery within 10 working days",
            "Limited warranty of two years",
            "Only EUR 5 per extra page of notes",
        ],
    )
    root = make_site({"garden-plan.yml": text})
    code, output = build(root, tmp_path / "out")
    assert code == 0, output
    page = (tmp_path / "out" / "offers" / "garden-plan" / "index.html").read_text("utf-8")
    assert "Capacity: 10 places per workshop." in page


def test_suppression_with_a_reason_passes_and_is_listed(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    text = offer_yaml(
        does=["Only 3 places left this month"],
        allow=[{"rule": "HO201", "reason": "Quoted in a customer's own words for a case study."}],
    )
    root = make_site({"garden-plan.yml": text})
    code, output = build(root, tmp_path / "out")
    assert code == 0, output
    assert (
        "offers/garden-plan.yml:4:3: HO201 low-stock-claim allowed: Quoted in a customer's"
        in output
    )


def test_markdown_marker_without_reason_is_an_error(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    page = "# Home\n\n<!-- honest-offers: allow HO201 -->\nOnly 2 left in stock.\n"
    root = make_site({"garden-plan.yml": offer_yaml()}, docs={"index.md": page})
    code, output = build(root, tmp_path / "out")
    assert code == 1
    assert re.search(r"docs/index\.md:3:1: HO9\d\d ", output), output


def test_rule_reference_pages_are_published_when_asked(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = SITE_CONFIG.replace(
        "  - honest-offers\n", "  - honest-offers:\n      rules_url: rules/\n"
    )
    root = make_site({"garden-plan.yml": offer_yaml()}, config=config)
    code, output = build(root, tmp_path / "out")
    assert code == 0, output
    assert (tmp_path / "out" / "rules" / "ho101" / "index.html").is_file()
    index = (tmp_path / "out" / "rules" / "index.html").read_text("utf-8")
    assert "HO201" in index
