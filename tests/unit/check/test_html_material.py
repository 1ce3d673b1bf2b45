"""A real mkdocs-material build whose pages name tactics in headings, tabs, nav sections and
code examples: check_html must find nothing in it (the markup half of the product's promise
that honest pages pass)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from honest_offers.check import check_html, check_script, check_stylesheet

pytestmark = pytest.mark.e2e

CONFIG = """\
site_name: Plans
theme:
  name: material
  features: [navigation.expand, navigation.sections, content.code.copy, content.tabs.link]
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Switch to dark mode}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Switch to light mode}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed: {alternate_style: true}
  - toc: {permalink: true}
nav:
  - Home: index.md
  - Subscriptions and premium:
      - Premium subscription: plans/premium.md
      - Gift cards and insurance: plans/gifts.md
"""

INDEX = """\
# Countdown timers and urgency

We never show a countdown. This page explains why, with examples shown as code.

=== "Premium subscription, $12 per month"

    Includes priority support and the newsletter archive.

=== "Basic, free"

    No support.

```html
<div class="countdown" data-deadline="2026-12-01">Only 2 left!</div>
<s>$199</s> $99
<label><input type="checkbox" checked> Add insurance ($5)</label>
```

```js
setInterval(() => { s--; el.textContent = Math.floor(s / 60) + ":" + s % 60 }, 1000);
```

Inline code too: `<span class="low-stock">` and `localStorage.setItem("deadline", x)`.

??? note "Express delivery and gift wrap"
    Both are optional and start unchecked.

| Plan | Price |
| --- | --- |
| Premium | $12 |
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("material")
    (root / "docs" / "plans").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    (root / "docs" / "plans" / "premium.md").write_text(
        "# Premium subscription\n\nRenews monthly at $12; cancel any time in your account.\n",
        encoding="utf-8",
    )
    (root / "docs" / "plans" / "gifts.md").write_text(
        "# Gift cards and insurance\n\nGift cards cost what they are worth.\n", encoding="utf-8"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
    return root / "site"


def test_pages_pass(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        assert check_html(page.read_text(encoding="utf-8"), str(page)).findings == []


def test_assets_pass(site: Path) -> None:
    scripts = sorted(site.rglob("*.min.js"))
    sheets = sorted(site.rglob("*.min.css"))
    assert scripts and sheets
    for script in scripts:
        found = check_script(script.read_text(encoding="utf-8"), str(script)).findings
        assert [f for f in found if f.rule.startswith("HO6")] == []
    for sheet in sheets:
        assert check_stylesheet(sheet.read_text(encoding="utf-8"), str(sheet)).findings == []


def test_nav_and_tabs_really_are_checked_inputs(site: Path) -> None:
    """Guards the test itself: the markup it relies on is still generated."""
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="__tabbed_1_1"' in index and "checked" in index
    gifts = (site / "plans" / "gifts" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-nav__toggle md-toggle' in gifts
