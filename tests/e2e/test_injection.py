"""Offer text and plugin options with script-injection payloads build into pages that show
them as text: every built file is parsed (HTML, JSON, XML) and no payload became markup, a
live URL or script (issue: Material's templates print page titles and descriptions raw)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_mkdocs
from tests.injection import PAYLOADS, built_escapes, html_escapes, write_injection_site

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
