"""Offer text and plugin options with script-injection payloads build into pages that show
them as text: every built file is parsed (HTML, JSON, XML) and no payload became markup, a
live URL or script (issue: Material's templates print page titles and descriptions raw)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_mkdocs
from tests.injection import (
    PAYLOADS,
    SITE_URL,
    built_escapes,
    html_escapes,
    injected_offer,
    write_injection_site,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    config = write_injection_site(root)
    # Not --strict: the payloads in `details` rightly warn that their markup is removed.
    result = run_mkdocs("build", "-f", str(config), "-d", str(root / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_payload_becomes_markup_script_or_a_live_url_in_any_built_file(
    injected_site: Path,
) -> None:
    assert built_escapes(injected_site) == []


def test_the_checker_sees_a_payload_that_escaped() -> None:
    """The test above can fail: each payload, pasted raw into a page, is reported."""
    for payload in (*PAYLOADS[:6], *PAYLOADS[8:]):
        raw = (
            f'<html><title>{payload}</title><meta name=description content="{payload}">'
            f"<p title='{payload}'>{payload}</p>"
        )
        problems, _ = html_escapes(raw, "raw")
        assert problems, payload


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_the_title_shows_literally_in_title_header_and_page(
    injected_site: Path, shift: int
) -> None:
    page = (injected_site / "offers" / f"injected-{shift}" / "index.html").read_text("utf-8")
    _, text = html_escapes(page, "offer")
    title = PAYLOADS[shift % len(PAYLOADS)].strip()
    assert text.count(title) >= 3  # <title>, Material's header, the page's own heading
    assert page.count("<title>") == 1


def test_template_syntax_is_not_evaluated(injected_site: Path) -> None:
    page = (injected_site / "offers" / "injected-6" / "index.html").read_text("utf-8")
    _, text = html_escapes(page, "offer")
    assert "{{ config.site_name }}{% if true %}hoxss7{% endif %}" in text


def test_the_index_title_and_intro_from_the_config_are_text(injected_site: Path) -> None:
    index = (injected_site / "offers" / "index.html").read_text("utf-8")
    problems, text = html_escapes(index, "index")
    assert problems == []
    assert PAYLOADS[1] in text


def _structured(page: str) -> tuple[list[Any], dict[str, str]]:
    """The page's JSON-LD documents and its Open Graph / Twitter tags, as a parser reads
    them (entities decoded)."""
    data: list[Any] = []
    tags: dict[str, str] = {}

    class Reader(HTMLParser):
        in_json_ld = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            self.in_json_ld = tag == "script" and values.get("type") == "application/ld+json"
            key = values.get("property") or values.get("name") or ""
            if tag == "meta" and key.startswith(("og:", "twitter:")):
                tags[key] = values.get("content") or ""

        def handle_data(self, text: str) -> None:
            if self.in_json_ld:
                data.append(json.loads(text))

        def handle_endtag(self, tag: str) -> None:
            self.in_json_ld = False

    reader = Reader()
    reader.feed(page)
    return data, tags


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_json_ld_and_preview_tags_read_back_the_payloads_as_text(
    injected_site: Path, shift: int
) -> None:
    """The JSON-LD parses whole and names the offer with its exact text; the preview tags
    carry the same text, escaped as attribute values."""
    page = (injected_site / "offers" / f"injected-{shift}" / "index.html").read_text("utf-8")
    offer = injected_offer(shift)
    [json_ld], tags = _structured(page)
    assert json_ld["name"] == offer["title"].strip()
    assert json_ld["description"] == offer["summary"].strip()
    assert json_ld["image"]["description"] == offer["image"]["alt"].strip()
    assert json_ld["offers"]["seller"]["name"] == offer["seller"]["name"].strip()
    assert tags["og:title"] == tags["twitter:title"] == offer["title"].strip()
    assert tags["og:image:alt"] == offer["image"]["alt"].strip()
    assert tags["og:url"] == f"{SITE_URL}offers/injected-{shift}/"


def test_the_feed_holds_the_payloads_as_plain_text(injected_site: Path) -> None:
    feed = json.loads((injected_site / "offers.json").read_text("utf-8"))
    titles = {item["_honest_offer"]["slug"]: item["title"] for item in feed["items"]}
    for shift in range(len(PAYLOADS)):
        assert titles[f"injected-{shift}"] == injected_offer(shift)["title"].strip()


@pytest.mark.parametrize(
    "json_ld",
    [
        '{"name": "</script><script>alert(\'hoxss3\')</script>"}',  # cut short
        '{"name": "<!--hoxss5-->"}',
        '{"name": "hoxss9\u2028"}',
    ],
)
def test_the_checker_sees_json_ld_written_raw(json_ld: str) -> None:
    """The JSON-LD checks above can fail: unescaped JSON in the script element is reported."""
    problems, _ = html_escapes(f'<script type="application/ld+json">{json_ld}</script>', "raw")
    assert problems
