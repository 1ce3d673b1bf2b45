"""Every page of the built example site passes the Nu Html Checker (vnu-jar from npm, on
Java), apart from two messages about mkdocs-material's own markup that no template of
ours can change; each is named below with why, and only where it applies."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from tests.browser.conftest import INDEX_PATH, OFFER_SLUGS, VNU, require

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

MATERIAL_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"
"""Material's base.html gives its drawer and search checkboxes ``autocomplete="off"`` (so
that Firefox does not restore them as checked on back navigation). The two inputs stand
outside every template block, so only a copy of Material's whole base.html could change
them; the attribute is harmless on a checkbox. Allowed on every page."""

MATERIAL_TOC_LABEL = "The value of the “for” attribute of the “label” element must be the ID"
"""Material's table of contents has ``<label for="__toc">``, whose checkbox it renders in the
navigation entry of the current page. Offer pages and the index add the checkbox
themselves (theme partial toc-toggle.html); other pages that are not in the navigation (the
rule reference pages the plugin generates) use Material's own templates. Allowed only
outside the offers section."""


def _allowed(page: str, message: str) -> bool:
    if message.startswith(MATERIAL_AUTOCOMPLETE):
        return True
    return message.startswith(MATERIAL_TOC_LABEL) and not page.startswith(INDEX_PATH)


def vnu_errors(pages: list[Path], root: Path) -> tuple[dict[str, list[str]], int]:
    """Errors by page (relative to ``root``), and how many allowed messages were left out."""
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    # vnu exits 1 when it reports errors; its JSON report goes to stderr.
    assert done.returncode in (0, 1), done.stderr
    errors: dict[str, list[str]] = defaultdict(list)
    allowed = 0
    for message in json.loads(done.stderr)["messages"]:
        page = Path(message.get("url", "").removeprefix("file:")).relative_to(root)
        name = page.as_posix()
        if message.get("type") == "error" and _allowed(name, message["message"]):
            allowed += 1
            continue
        line = message.get("lastLine", "?")
        errors[name].append(f"{line}: {message.get('type')}: {message['message']}")
    return errors, allowed


def test_every_page_is_valid_html(built_site: Path) -> None:
    require("vnu")
    pages = sorted(built_site.rglob("*.html"))
    errors, allowed = vnu_errors(pages, built_site)
    report = "\n".join(f"{page}\n  " + "\n  ".join(found) for page, found in errors.items())
    assert not errors, f"Nu Html Checker errors:\n{report}"
    checked = {p.relative_to(built_site).as_posix() for p in pages}
    assert f"{INDEX_PATH}index.html" in checked
    assert {f"{INDEX_PATH}{slug}/index.html" for slug in OFFER_SLUGS} <= checked
    assert allowed <= 3 * len(pages), "more allowed messages than Material's markup explains"


def test_the_checker_reports_errors(tmp_path: Path) -> None:
    """The harness works: a label for nothing on an offer page is an error."""
    require("vnu")
    page = tmp_path / "offers" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><label for="__toc">Contents</label></body></html>',
        encoding="utf-8",
    )
    errors, _ = vnu_errors([page], tmp_path)
    assert list(errors) == ["offers/x/index.html"]
