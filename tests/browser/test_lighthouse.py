"""Lighthouse 12 on an offer page, the median of three runs, through scripts/lighthouse.py
(about 45 s).

Accessibility, best practices and SEO are judged from the page itself and are the same on
every run: each must reach 95, as in the README. Performance is simulated from a trace
recorded on this machine; with the other test worker and its Chromium busy beside it, it
measured 98 to 100 here (100 alone), so the test asks for 90 to catch a real regression
without failing on a busy CI machine. One run alone scored 86 once, while the other worker
ran the four-way agreement's browser checks (98 on a quiet machine): so the test takes the
median of three runs, as the README's number does, and keeps its floor.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import require
from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

FLOORS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}


def test_lighthouse_scores_of_an_offer_page(built_site: Path) -> None:
    require("lighthouse")
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "lighthouse.py"),
            str(built_site),
            "--runs",
            "3",
            "--min",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=290,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = re.findall(r"^\s+([a-z-]+)\s+(\d+)", done.stdout, re.MULTILINE)
    scores = {name: int(value) for name, value in rows}
    assert set(scores) == set(FLOORS), done.stdout
    low = {name: score for name, score in scores.items() if score < FLOORS[name]}
    assert not low, f"Lighthouse scores below {FLOORS}: {low}\n{done.stdout}"
