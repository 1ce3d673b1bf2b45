"""Real builds: every offer page carries JSON-LD that a real extractor (extruct) reads as a
schema.org Product or Service whose Offer price and currency are the page's total, Open Graph
and Twitter tags, a canonical link below ``site_url``; ``offers.json`` validates against the
schema published beside it; offer pictures are copied and work under a sub-path."""

from __future__ import annotations

import html
import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import extruct
import jsonschema
import pytest
import yaml

from honest_offers.catalog import load_catalog
from honest_offers.render.view import format_money, offer_view
from honest_offers.validate import Offer
from tests.conftest import MINIMAL_OFFER, REPO_ROOT, mkdocs_env, offer_yaml, run_mkdocs

pytestmark = pytest.mark.e2e

SITE_URL = "https://calm-works.example/"
GOOGLE_REQUIRED = {"name", "offers"}
"""Google's product snippets: ``name`` and one of offers/review/aggregateRating (we only ever
give offers); an Offer needs ``price`` (or a priceSpecification) and ``priceCurrency``."""


class _Head(HTMLParser):
    """The ``<link rel=canonical>`` and the ``<img>`` elements of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.canonical: list[str] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values.get("href") or "")
        if tag == "img":
            self.images.append(values)


def parse_head(markup: str) -> _Head:
    parser = _Head()
    parser.feed(markup)
    return parser


def extract(markup: str, url: str) -> dict[str, Any]:
    data: dict[str, Any] = extruct.extract(
        markup, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True
    )
    return data


def _unescape(text: str) -> str:
    return " ".join(html.unescape(text).split())


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("structured") / "site"
    result = run_mkdocs("build", "--strict", "-f", "site_config.yml", "-d", str(out), cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    return out


def _offers() -> list[tuple[str, Offer]]:
    catalog = load_catalog(REPO_ROOT / "offers", REPO_ROOT, date.today())
    assert catalog.offers and not catalog.errors
    return [(loaded.slug, loaded.offer) for loaded in catalog.offers]


@pytest.mark.parametrize(
    ("slug", "offer"), _offers(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_offer_page_has_json_ld_with_the_pages_total(
    example_site: Path, slug: str, offer: Offer
) -> None:
    url = f"{SITE_URL}offers/{slug}/"
    markup = (example_site / "offers" / slug / "index.html").read_text("utf-8")
    data = extract(markup, url)
    [item] = data["json-ld"]
    assert item["@type"] in ("Product", "Service")
    assert item.keys() >= GOOGLE_REQUIRED
    assert item["name"] == offer.title
    assert item["description"] == offer.summary
    assert item["url"] == url
    sold = item["offers"]
    assert sold["@type"] == "Offer"
    assert sold["priceCurrency"] == offer.price.currency
    assert sold["availability"] == "https://schema.org/InStock"
    # The price equals the total the page shows, in the page's own formatting.
    assert Decimal(sold["price"]) == offer_view(offer, slug, "en").price.charged
    shown = format_money(Decimal(sold["price"]), sold["priceCurrency"], "en")
    total = re.search(r'class="ho-price__amount">([^<]+)<', markup)
    assert total is not None and _unescape(total.group(1)) == shown
    spec = sold["priceSpecification"]
    assert spec["@type"] == "UnitPriceSpecification"
    assert spec["valueAddedTaxIncluded"] is offer.price.taxes_included
    if offer.seller:
        assert sold["seller"]["name"] == offer.seller.name
    text = json.dumps(item)
    for absent in ("aggregateRating", "review", "LimitedAvailability", "ratingValue"):
        assert absent not in text


@pytest.mark.parametrize(
    ("slug", "offer"), _offers(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_open_graph_twitter_and_canonical(example_site: Path, slug: str, offer: Offer) -> None:
    url = f"{SITE_URL}offers/{slug}/"
    markup = (example_site / "offers" / slug / "index.html").read_text("utf-8")
    [og] = extract(markup, url)["opengraph"]
    assert og["og:title"] == offer.title
    assert og["og:description"] == offer.summary
    assert og["og:url"] == url
    assert og["og:site_name"] == "Calm Works"
    assert parse_head(markup).canonical == [url]
    assert f'<meta name="twitter:title" content="{offer.title}">' in markup
    if offer.image:
        assert og["og:image"].startswith(url)
        assert og["og:image:alt"] == offer.image.alt


def test_the_index_is_an_item_list_of_every_offer(example_site: Path) -> None:
    markup = (example_site / "offers" / "index.html").read_text("utf-8")
    [item] = extract(markup, SITE_URL + "offers/")["json-ld"]
    assert item["@type"] == "ItemList"
    urls = [element["url"] for element in item["itemListElement"]]
    assert sorted(urls) == sorted(f"{SITE_URL}offers/{slug}/" for slug, _ in _offers())
    assert [e["position"] for e in item["itemListElement"]] == list(range(1, len(urls) + 1))


def test_offers_json_validates_and_restates_the_yaml(example_site: Path) -> None:
    feed = json.loads((example_site / "offers.json").read_text("utf-8"))
    schema = json.loads((example_site / "offers.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(feed, schema)
    assert feed["feed_url"] == SITE_URL + "offers.json"
    by_slug = dict(_offers())
    assert {item["_honest_offer"]["slug"] for item in feed["items"]} == set(by_slug)
    for item in feed["items"]:
        data = dict(item["_honest_offer"])
        slug = data.pop("slug")
        assert Offer.model_validate(data) == by_slug[slug]
        path = urlsplit(item["url"]).path
        assert (example_site / path.lstrip("/") / "index.html").is_file()
    markup = (example_site / "offers" / "index.html").read_text("utf-8")
    assert '<link rel="alternate" type="application/feed+json" href="../offers.json">' in markup


def test_the_example_picture_is_copied_and_shown(example_site: Path) -> None:
    markup = (example_site / "offers" / "oak-laptop-stand" / "index.html").read_text("utf-8")
    [image] = [i for i in parse_head(markup).images if str(i.get("src")).endswith(".png")]
    assert image["alt"] and image["alt"].startswith("A drawing of the stand")
    copied = example_site / "offers" / "oak-laptop-stand" / str(image["src"])
    source = REPO_ROOT / "offers" / "images" / "oak-laptop-stand.png"
    assert copied.read_bytes() == source.read_bytes()


def test_the_built_folder_check_agrees_with_the_build(example_site: Path) -> None:
    """JSON-LD and preview tags are facts from the YAML: the built folder is clean too."""
    done = _check(example_site)
    assert done.returncode == 0, done.stdout + done.stderr


def _check(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "honest-offers"), "check", str(path), *args],
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_tactic_cannot_enter_through_json_ld_or_preview_tags(
    example_site: Path, tmp_path: Path
) -> None:
    """The honesty check reads the JSON-LD strings and the Open Graph and Twitter texts."""
    for where, before, after in (
        ("json-ld", '"description":"', '"description":"Only 2 left in stock! '),
        ("og", '<meta property="og:description" content="', "Only 2 left in stock! "),
        ("twitter", '<meta name="twitter:title" content="', "Hurry, only 2 left! "),
    ):
        site = tmp_path / where
        shutil.copytree(example_site, site)
        page = site / "offers" / "website-audit" / "index.html"
        markup = page.read_text("utf-8")
        assert before in markup
        page.write_text(markup.replace(before, before + after.removeprefix(before), 1), "utf-8")
        done = _check(site, "--format", "json")
        assert done.returncode == 1, (where, done.stdout)
        findings = json.loads(done.stdout)["findings"]
        assert any(f["path"].endswith("website-audit/index.html") for f in findings), where


# -- temp sites ---------------------------------------------------------------------------------


def png(width: int = 4, height: int = 3) -> bytes:
    """A small real PNG (solid colour)."""
    raw = b"".join(b"\x00" + b"\xc4\x95\x5e" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


IMAGE = {"src": "pictures/plan.png", "alt": "A drawn plan of a small garden"}


def site_config(extra: str = "", index_url: str = "offers/") -> str:
    return (
        "site_name: Garden Studio\ndocs_dir: docs\n"
        f"{extra}"
        "theme:\n  name: material\n  font: false\n"
        f"plugins:\n  - honest-offers:\n      index_url: {index_url}\n"
    )


def build(
    make_site: Callable[..., Path], config: str, offer: str, with_picture: bool = True
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = make_site({"garden.yml": offer}, config=config)
    if with_picture:
        (root / "offers" / "pictures").mkdir()
        (root / "offers" / "pictures" / "plan.png").write_bytes(png())
    result = run_mkdocs("build", "--strict", "-d", str(root / "out"), cwd=root)
    return root / "out", result


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_picture_works_under_a_nested_site_url(
    make_site: Callable[..., Path], directory_urls: bool
) -> None:
    base = "https://example.org/clients/garden/"
    config = site_config(
        f"site_url: {base}\nuse_directory_urls: {str(directory_urls).lower()}\n",
        index_url="shop/offers/",
    )
    out, result = build(make_site, config, offer_yaml(image=IMAGE, slug="garden"))
    assert result.returncode == 0, result.stderr
    page_path = "shop/offers/garden/index.html" if directory_urls else "shop/offers/garden.html"
    page_url = base + (page_path.removesuffix("index.html"))
    markup = (out / page_path).read_text("utf-8")
    [image] = [i for i in parse_head(markup).images if str(i.get("src")).endswith("plan.png")]
    assert image["alt"] == IMAGE["alt"]
    resolved = urljoin(page_url, str(image["src"]))
    assert resolved == base + "shop/offers/garden/plan.png"
    assert (out / resolved.removeprefix(base)).read_bytes() == png()
    data = extract(markup, page_url)
    assert data["opengraph"][0]["og:image"] == resolved
    assert data["json-ld"][0]["image"]["url"] == resolved
    assert parse_head(markup).canonical == [page_url]
    feed = json.loads((out / "offers.json").read_text("utf-8"))
    assert feed["items"][0]["image"] == resolved
    assert feed["items"][0]["url"] == page_url


def test_without_site_url_no_canonical_one_notice_and_relative_addresses(
    make_site: Callable[..., Path],
) -> None:
    out, result = build(make_site, site_config(), offer_yaml(image=IMAGE))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("`site_url` is not set") == 1
    markup = (out / "offers" / "garden" / "index.html").read_text("utf-8")
    assert parse_head(markup).canonical == []
    data = extract(markup, "http://localhost/offers/garden/")
    [og] = data["opengraph"]
    assert "og:url" not in og and "og:image" not in og
    assert og["og:title"] == MINIMAL_OFFER["title"]
    # JSON-LD names the picture relative to the page (JSON-LD resolves it against the page).
    relative = data["json-ld"][0]["image"]["url"]
    assert relative == "plan.png"
    assert (out / "offers" / "garden" / relative).read_bytes() == png()
    feed = json.loads((out / "offers.json").read_text("utf-8"))
    assert feed["items"][0]["url"] == "offers/garden/"
    assert feed["home_page_url"] == "offers/"


def test_a_missing_picture_is_a_located_error(make_site: Callable[..., Path]) -> None:
    _, result = build(make_site, site_config(), offer_yaml(image=IMAGE), with_picture=False)
    assert result.returncode != 0
    line = _line_of("src:", offer_yaml(image=IMAGE))
    assert f"offers/garden.yml:{line}:" in result.stderr
    assert "image.src" in result.stderr
    assert "offers/pictures/plan.png" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_picture_without_alt_text_is_a_located_error(make_site: Callable[..., Path]) -> None:
    text = offer_yaml(image={"src": IMAGE["src"]})
    _, result = build(make_site, site_config(), text)
    assert result.returncode != 0
    assert f"offers/garden.yml:{_line_of('image:', text)}:" in result.stderr
    assert "image.alt" in result.stderr
    assert "alt: A hand-drawn plan" in result.stderr  # the fix, with an example
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "src", ["../secret.png", "/etc/picture.png", "https://cdn.example/x.png", "plan.svg"]
)
def test_a_picture_path_that_is_not_a_relative_picture_is_refused(
    make_site: Callable[..., Path], src: str
) -> None:
    text = offer_yaml(image={"src": src, "alt": "A plan"})
    _, result = build(make_site, site_config(), text)
    assert result.returncode != 0
    assert f"offers/garden.yml:{_line_of('src:', text)}:" in result.stderr
    assert "image.src" in result.stderr


def test_a_picture_linked_from_outside_the_offers_folder_is_refused(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(png())
    root = make_site({"garden.yml": offer_yaml(image=IMAGE)}, config=site_config())
    (root / "offers" / "pictures").mkdir()
    (root / "offers" / "pictures" / "plan.png").symlink_to(outside)
    result = run_mkdocs("build", "--strict", "-d", str(root / "out"), cwd=root)
    assert result.returncode != 0
    assert "leads out of the offer's folder" in result.stderr


def _line_of(key: str, text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(key))


def test_a_feed_file_in_the_docs_is_a_clear_error(make_site: Callable[..., Path]) -> None:
    root = make_site(
        {"garden.yml": offer_yaml()},
        config=site_config(),
        docs={"index.md": "# Home\n", "offers.json": "{}"},
    )
    result = run_mkdocs("build", "-d", str(root / "out"), cwd=root)
    assert result.returncode != 0
    assert "docs/offers.json already exists" in result.stderr


def test_yaml_dump_of_offers_round_trips() -> None:
    """The example offer with a picture is valid YAML for the model (schema completion)."""
    data = yaml.safe_load((REPO_ROOT / "offers" / "oak-laptop-stand.yml").read_text("utf-8"))
    assert Offer.model_validate(data).image is not None


DETAILS = "![A plan](images/plan.png)\n\n![The same](/images/plan.png)\n"


def test_pictures_in_details_are_found_from_the_site_root(
    make_site: Callable[..., Path],
) -> None:
    """`images/plan.png` in an offer's details is docs/images/plan.png, whatever folder the
    offer pages are published in and whatever sub-path the site has."""
    base = "https://example.org/clients/garden/"
    config = site_config(f"site_url: {base}\n", index_url="shop/offers/")
    root = make_site({"garden.yml": offer_yaml(details=DETAILS)}, config=config)
    (root / "docs" / "images").mkdir()
    (root / "docs" / "images" / "plan.png").write_bytes(png())
    result = run_mkdocs("build", "--strict", "-d", str(root / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    page_url = base + "shop/offers/garden/"
    markup = (root / "out" / "shop" / "offers" / "garden" / "index.html").read_text("utf-8")
    sources = [str(i["src"]) for i in parse_head(markup).images]
    assert len(sources) == 2
    for src in sources:
        assert urljoin(page_url, src) == base + "images/plan.png"


def test_a_missing_picture_in_details_fails_a_strict_build(
    make_site: Callable[..., Path],
) -> None:
    root = make_site({"garden.yml": offer_yaml(details=DETAILS)}, config=site_config())
    result = run_mkdocs("build", "--strict", "-d", str(root / "out"), cwd=root)
    assert result.returncode != 0
    assert "images/plan.png" in result.stderr
