"""Documentation is not sales copy (issue 22): the false alarms the issue lists, each as the
sources check reads it (a Markdown page, both readings) and, for titles, as a navigation title
from the config. No finding, without a suppression. The whole-site run of the same pages is
the `documentation` fixture of tests/e2e/test_agreement.py (four ways)."""

from __future__ import annotations

from pathlib import Path

import pytest

from honest_offers.site import check_config_text, check_source_text, renderer

PAGES = {
    "token-expiry": "Access tokens expire in 24 hours. Request a new one with the refresh token.",
    "lock": "Editing a page takes a 10-minute lock on it, so that two editors do not clash.",
    "session-timeout": "Sessions time out after 30 minutes without a request.",
    "api-field-in-a-code-span": "The `ends_at` field says when the offer ends.",
    "api-field-in-a-table": (
        "| Field | Meaning |\n| --- | --- |\n| `ends_at` | says when the offer ends |\n"
        "| `stock` | how many items the warehouse holds |"
    ),
    "a-table-of-a-widgets-texts": (
        "| Option | Default | What the widget shows |\n| --- | --- | --- |\n"
        "| `label` | `Offer ends` | the words before the date |\n"
        "| `expired_label` | `This offer has ended` | the text after the end date |"
    ),
}

NAV_TITLES = {
    "sessions-and-locks": "Sessions and locks",
    "token-expiry": "Token expiry",
    "the-end-date-widget": "The end-date widget",
    "offer-end-dates": "Offer end dates",
}


@pytest.mark.parametrize("body", PAGES.values(), ids=PAGES.keys())
def test_a_documentation_page_raises_no_false_alarm(body: str) -> None:
    text = f"# Reference\n\n{body}\n"
    result = check_source_text(text, "markdown", "docs/api.md", renderer({}))
    assert (result.findings, result.suppressed) == ([], [])


@pytest.mark.parametrize("title", NAV_TITLES.values(), ids=NAV_TITLES.keys())
def test_a_navigation_title_raises_no_false_alarm(title: str, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Docs\nnav:\n  - '{title}': index.md\n", encoding="utf-8")
    data = {"site_name": "Docs", "nav": [{title: "index.md"}]}
    assert check_config_text(config, data, "mkdocs.yml").findings == []
