"""Real `mkdocs build` runs: the example site, small temp sites, and broken offers."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from honest_offers.catalog import LoadedOffer, load_catalog
from tests.conftest import REPO_ROOT, SITE_CONFIG, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e

SECTION_ORDER = [
    "ho-summary",
    "ho-scope",
    "ho-audience",
    "ho-price",
    "ho-market",
    "ho-alternatives",
    "ho-terms",
    "ho-timing",
    "ho-details",
]


def page_text(markup: str) -> str:
    """Visible text of a page, unescaped, with whitespace collapsed."""
    without_code = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without_code)).split())


def texts_of(loaded: LoadedOffer) -> Iterator[str]:
    offer = loaded.offer
    yield from (offer.title, offer.summary, offer.market_price.basis)
    yield from (*offer.does, *offer.does_not, *offer.for_, *offer.not_for)
    yield from (alt.name for alt in offer.alternatives)
    yield from (alt.note for alt in offer.alternatives if alt.note)
    if offer.terms:
        yield from (
            t for t in (offer.terms.refund, offer.terms.cancellation, offer.terms.guarantee) if t
        )
    if offer.timing:
        yield from (t for t in (offer.timing.good_time, offer.timing.wait_if) if t)
    if offer.price_rationale:
        yield offer.price_rationale
    yield from (fee.name for fee in offer.price.fees)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    result = run_mkdocs("build", "--strict", "-f", "site_config.yml", "-d", str(out), cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    return out


def test_example_site_has_at_least_five_valid_offers() -> None:
    catalog = load_catalog(REPO_ROOT / "offers", REPO_ROOT, date.today())
    assert catalog.errors == []
    assert len(catalog.offers) >= 5


def test_every_offer_page_shows_every_section_with_the_exact_yaml_text(
    example_site: Path,
) -> None:
    catalog = load_catalog(REPO_ROOT / "offers", REPO_ROOT, date.today())
    for loaded in catalog.offers:
        markup = (example_site / "offers" / loaded.slug / "index.html").read_text("utf-8")
        text = page_text(markup)
        for expected in texts_of(loaded):
            assert " ".join(expected.split()) in text, (loaded.slug, expected)
        positions = [markup.find(f'id="{anchor}"') for anchor in SECTION_ORDER]
        present = [p for p in positions if p != -1]
        assert present == sorted(present), loaded.slug
        for anchor in SECTION_ORDER[:5]:
            assert f'id="{anchor}"' in markup, (loaded.slug, anchor)
        assert "Total" in text and "Typical market price" in text


def test_does_not_has_the_same_markup_weight_as_does(example_site: Path) -> None:
    markup = (next((example_site / "offers").glob("*/index.html"))).read_text("utf-8")
    yes = re.search(r'<div class="ho-pair__side ho-pair__side--yes">\s*<h3>', markup)
    no = re.search(r'<div class="ho-pair__side ho-pair__side--no">\s*<h3>', markup)
    assert yes and no
    assert "<details" not in markup.split('id="ho-scope"')[1].split("</section>")[0]


def test_index_lists_every_offer_with_a_compare_table(example_site: Path) -> None:
    markup = (example_site / "offers" / "index.html").read_text("utf-8")
    catalog = load_catalog(REPO_ROOT / "offers", REPO_ROOT, date.today())
    assert "<table>" in markup and "Does not do" in markup
    for loaded in catalog.offers:
        assert f'href="{loaded.slug}/"' in markup
    nav = markup.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    for loaded in catalog.offers:
        assert f'href="{loaded.slug}/"' not in nav, "offers are listed by the index, not the nav"


def test_pages_load_nothing_from_other_hosts(example_site: Path) -> None:
    """Scripts, images, styles, fonts and icons all come from the site itself (links to other
    sites are fine: they are not loaded, nor is a canonical link, which names the page's own
    published address)."""
    loads = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)="(?:https?:)?//')
    canonical = re.compile(r'<link rel="canonical" href="https://calm-works\.example/[^"]*">')
    for page in example_site.rglob("*.html"):
        markup = canonical.sub("", page.read_text("utf-8"))
        assert not loads.search(markup), page
        assert "fonts.googleapis" not in markup and "fonts.gstatic" not in markup


def test_build_writes_nothing_into_docs_dir(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site({"garden-plan.yml": offer_yaml()})
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert (tmp_path / "out" / "offers" / "garden-plan" / "index.html").is_file()


def test_offer_without_does_not_fails_the_build_with_file_line_and_field(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site({"garden-plan.yml": offer_yaml(does_not=None)})
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1
    assert "offers/garden-plan.yml:1:1: error: does_not: is required but missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "offers").exists()


def test_every_error_of_every_offer_is_listed(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site(
        {
            "a.yml": offer_yaml(title=None),
            "b.yml": offer_yaml().replace("currency: EUR", "currency: EURO", 1),
            "c.yml": "title: 'unclosed\n",
            "d.yml": offer_yaml(),
        }
    )
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1
    for expected in (
        "offers/a.yml:1:1: error: title:",
        "offers/b.yml:",
        "price.currency",
        "offers/c.yml:",
        "3 errors and 0 warnings in 3 files",
    ):
        assert expected in result.stderr, expected
    assert "Traceback" not in result.stderr


def test_custom_dir_overrides_a_partial(make_site: Callable[..., Path], tmp_path: Path) -> None:
    config = SITE_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    root = make_site({"garden-plan.yml": offer_yaml()}, config=config)
    partial = root / "overrides" / "honest-offers" / "partials" / "cta.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<p id="custom-cta">Write to us</p>', encoding="utf-8")
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "offers" / "garden-plan" / "index.html").read_text("utf-8")
    assert 'id="custom-cta"' in page


def test_locale_formats_money(make_site: Callable[..., Path], tmp_path: Path) -> None:
    config = SITE_CONFIG.replace("  - honest-offers\n", "  - honest-offers:\n      locale: de_DE\n")
    root = make_site({"garden-plan.yml": offer_yaml()}, config=config)
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "offers" / "garden-plan" / "index.html").read_text("utf-8")
    assert "250,00\xa0€" in page


def test_unknown_locale_is_a_clear_config_error(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    config = SITE_CONFIG.replace("  - honest-offers\n", "  - honest-offers:\n      locale: xx_YY\n")
    root = make_site({"garden-plan.yml": offer_yaml()}, config=config)
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1
    assert "locale `xx_YY` is not known" in result.stderr
    assert "Traceback" not in result.stderr


def test_generated_page_clashing_with_a_doc_is_an_error(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site(
        {"garden-plan.yml": offer_yaml()},
        docs={"index.md": "# Home\n", "offers/index.md": "# Mine\n"},
    )
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 1
    assert "docs/offers/index.md already exists" in result.stderr


def test_offer_text_is_escaped(make_site: Callable[..., Path], tmp_path: Path) -> None:
    root = make_site({"x.yml": offer_yaml(does=["<script>alert(1)</script> & more"])})
    result = run_mkdocs("build", "-d", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "offers" / "x" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_builds_under_properdocs(tmp_path: Path) -> None:
    pytest.importorskip("properdocs", reason="properdocs is a test dependency; install .[test]")
    result = run_mkdocs(
        "build",
        "-f",
        "site_config.yml",
        "-d",
        str(tmp_path / "out"),
        cwd=REPO_ROOT,
        tool="properdocs",
    )
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "out" / "offers").glob("*/index.html"))
