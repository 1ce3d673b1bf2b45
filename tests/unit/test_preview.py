"""The preview notice of `mkdocs serve`: at the top of the content, its text escaped."""

from __future__ import annotations

from honest_offers.check import Finding
from honest_offers.mkdocs_plugin.preview import add_preview_notice


def finding(excerpt: str) -> Finding:
    return Finding(
        rule="HO201",
        name="low-stock-claim",
        severity="error",
        path="offers/a.yml",
        line=2,
        column=3,
        message="low-stock claim",
        excerpt=excerpt,
        suggestion="Declare the capacity instead.",
    )


def test_the_notice_opens_the_article_and_escapes_what_it_quotes() -> None:
    page = "<html><body><main><article class='md-content__inner'><h1>T</h1></article></main>"
    shown = add_preview_notice(page, [finding("only <b>2</b> left")])
    assert shown.index('class="ho-preview-notice"') > shown.index("<article")
    assert shown.index('class="ho-preview-notice"') < shown.index("<h1>")
    assert "only &lt;b&gt;2&lt;/b&gt; left" in shown and "<b>2</b>" not in shown
    assert "offers/a.yml:2" in shown


def test_without_an_article_the_notice_opens_the_body() -> None:
    shown = add_preview_notice("<body><p>x</p></body>", [finding("x")])
    assert shown.startswith('<body><div class="ho-preview-notice"')
