"""Builds in one process, as `mkdocs serve` runs them: results kept from one build are used
only for files and pages whose text has not changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import offer_yaml

pytestmark = pytest.mark.e2e


def _build(root: Path) -> None:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "out"))
    build(config)


def _fails(root: Path, caplog: pytest.LogCaptureFixture, expected: str) -> None:
    caplog.clear()
    with pytest.raises(Abort):
        _build(root)
    assert expected in caplog.text, caplog.text


def test_an_edit_is_checked_again_and_undoing_it_clears_the_finding(
    make_site: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    root = make_site(
        {"plan.yml": offer_yaml(), "audit.yml": offer_yaml(title="Garden audit")},
        docs={"index.md": "# Home\n\nCalm words about our offers.\n"},
    )
    offer = root / "offers" / "plan.yml"
    page = root / "docs" / "index.md"
    honest_offer, honest_page = offer.read_text(encoding="utf-8"), page.read_text()
    _build(root)

    offer.write_text(
        honest_offer.replace("One visit and", "Only 2 left! One visit and"), encoding="utf-8"
    )
    _fails(root, caplog, "offers/plan.yml:2:10: HO201")
    offer.write_text(honest_offer, encoding="utf-8")
    _build(root)

    page.write_text(honest_page + "\nHurry, this offer ends tonight.\n", encoding="utf-8")
    _fails(root, caplog, "docs/index.md:5:1: HO103")
    page.write_text(honest_page, encoding="utf-8")
    _build(root)
    assert "Calm words" in (root / "out" / "index.html").read_text(encoding="utf-8")


def test_a_page_is_checked_again_when_the_offer_it_links_to_changes(
    make_site: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    """The page's text is the same; its words are about the offer, so its findings depend on
    the offer's YAML too (the memo key holds the linked offers' texts)."""
    root = make_site(
        {"audit.yml": offer_yaml(title="Garden audit")},
        docs={"index.md": "# Home\n\nOur audit is free: [book it](offers/audit/).\n"},
    )
    offer = root / "offers" / "audit.yml"
    priced = offer.read_text(encoding="utf-8")
    free = priced.replace("amount: '250.00'", "amount: 0")
    assert free != priced
    offer.write_text(free, encoding="utf-8")
    _build(root)

    offer.write_text(priced, encoding="utf-8")
    _fails(root, caplog, "docs/index.md:3:5: HO701")
    offer.write_text(free, encoding="utf-8")
    _build(root)
