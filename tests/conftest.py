"""Shared fixtures: a minimal valid offer, temporary sites, and running real MkDocs."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from tests.grouping import pytest_collection_modifyitems  # noqa: F401 (a hook: xdist groups)

# Property-based tests are deterministic wherever they run (`make test`, CI, a developer's
# machine): hypothesis draws the same examples every time, so a result depends on the change
# alone; no example database either (a failure saved on one machine would be replayed there
# and nowhere else). Random exploration is `make fuzz` (HO_HYPOTHESIS_PROFILE=fuzz): new
# examples from a printed seed, and `examples(n)` times FUZZ_FACTOR of them. Neither has
# hypothesis's per-example deadline: on a busy machine it fails tests for being slow, and
# speed is the benchmark's to measure, not a unit test's.
FUZZING = os.environ.get("HO_HYPOTHESIS_PROFILE") == "fuzz"
FUZZ_FACTOR = 10
settings.register_profile(
    "deterministic", derandomize=True, deadline=None, print_blob=True, database=None
)
settings.register_profile(
    "fuzz", deadline=None, print_blob=True, max_examples=100 * FUZZ_FACTOR, database=None
)
settings.load_profile("fuzz" if FUZZING else "deterministic")

# The check keeps compiled patterns between runs (honest_offers.check.pattern_store). The
# suite keeps them in a folder of its own, shared by its workers and the commands it runs,
# and removed at the end: never the user's cache, and every run starts from an empty store.
if "HONEST_OFFERS_CACHE_DIR" not in os.environ:
    _STORE_DIR = tempfile.mkdtemp(prefix="honest-offers-patterns-")
    os.environ["HONEST_OFFERS_CACHE_DIR"] = _STORE_DIR
    atexit.register(shutil.rmtree, _STORE_DIR, ignore_errors=True)


def examples(count: int) -> int:
    """A test's number of examples: as written in the suite, many more under `make fuzz`."""
    return count * FUZZ_FACTOR if FUZZING else count


REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"

MINIMAL_OFFER: dict[str, Any] = {
    "title": "Garden design consultation",
    "summary": "One visit and a written plan for a small garden.",
    "does": ["A two-hour visit", "A written planting plan"],
    "does_not": ["Does not include planting or plants"],
    "for": ["Owners of gardens under 200 square metres"],
    "not_for": ["Public parks or commercial landscaping"],
    "price": {
        "amount": "250.00",
        "currency": "EUR",
        "billing": "one-time",
        "taxes_included": True,
        "tax_note": "incl. 20% VAT",
    },
    "market_price": {
        "low": 180,
        "high": 400,
        "currency": "EUR",
        "basis": "Price lists of six local garden designers, checked in October 2026.",
    },
    # Without a way to contact anyone, an offer page is a warning (catalog.contact_problems).
    "seller": {"name": "Garden studio", "contact": "hello@garden-studio.example"},
}


def offer_yaml(**changes: Any) -> str:
    """The minimal offer as YAML text, with top-level fields replaced (``None`` removes one)."""
    data = {**MINIMAL_OFFER, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


SITE_CONFIG = """\
site_name: Test site
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - honest-offers
"""


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a small site (config, docs/index.md, offers) into a temp dir; return its root."""

    def make(
        offers: dict[str, str], config: str = SITE_CONFIG, docs: dict[str, str] | None = None
    ) -> Path:
        root = tmp_path / "site-src"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "offers").mkdir(exist_ok=True)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        for name, text in (docs or {"index.md": "# Home\n"}).items():
            path = root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, text in offers.items():
            (root / "offers" / name).write_text(text, encoding="utf-8")
        return root

    return make


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}


def run_mkdocs(
    *args: str, cwd: Path, tool: str = "mkdocs", timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` (or ``properdocs``) command line in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", tool, *args],
        cwd=cwd,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
