"""HO7xx on Markdown pages (issue 15): which links land on an offer, which words of a page
speak for which offer, and the findings, each at the words and naming the offer's field."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from honest_offers.catalog import LoadedOffer, load_offer_text
from honest_offers.check import markdown
from honest_offers.check.facts import HEAD, PROSE
from honest_offers.check.page_facts import SiteOffers, claims, offer_links, offer_slug
from honest_offers.site import check_source_text, renderer
from tests.conftest import MINIMAL_OFFER, examples, offer_yaml

TODAY = date(2026, 11, 23)


def loaded(slug: str, **changes: Any) -> LoadedOffer:
    text = offer_yaml(**changes)
    path = f"offers/{slug}.yml"
    offer, problems = load_offer_text(text, Path(path), path, TODAY)
    assert offer is not None, [p.format() for p in problems]
    return offer


FEES = [{"name": "Tracked delivery", "amount": 9}]
AUDIT = loaded(
    "audit", title="Garden audit", price={**MINIMAL_OFFER["price"], "amount": 120, "fees": FEES}
)
TIPS = loaded("tips", title="Planting tips", price={**MINIMAL_OFFER["price"], "amount": 0})
OFFERS = SiteOffers("offers", Path("docs"), {"audit": AUDIT, "tips": TIPS})


def found(text: str, page: str = "blog/post.md") -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in OFFERS.findings(text, f"docs/{page}", page)]


# -- which links land on an offer ------------------------------------------------------------

LANDS = [
    ("index.md", "offers/audit.md"),
    ("index.md", "offers/audit/"),
    ("index.md", "offers/audit"),
    ("index.md", "offers/audit/#price"),
    ("index.md", "offers/audit.md#terms"),
    ("index.md", "./offers/audit/index.html"),
    ("index.md", "offers/audit.html?ref=home"),
    ("index.md", "/offers/audit/"),
    ("blog.md", "../offers/audit/"),  # from /blog/ (directory URLs)
    ("blog.md", "offers/audit.md"),  # MkDocs: from the page's folder
    ("blog/post.md", "../offers/audit.md"),
    ("blog/post.md", "../../offers/audit/"),
    ("blog/post.md", "../offers/audit.html"),  # without directory URLs
    ("blog/index.md", "../offers/audit/"),
    ("blog/post.md", "/offers/audit/#terms"),
    ("index.md", "offers/audit%2F"),  # an escaped slash is still the page's address
]


@pytest.mark.parametrize(("page", "target"), LANDS)
def test_links_that_land_on_an_offer_page(page: str, target: str) -> None:
    assert offer_slug(target, page, "offers") == "audit"


MISSES = [
    ("index.md", "https://elsewhere.example/offers/audit/"),
    ("index.md", "//elsewhere.example/offers/audit/"),
    ("index.md", "mailto:hello@garden.example"),
    ("index.md", "#audit"),
    ("index.md", "offers/"),
    ("index.md", "offers/index.md"),
    ("index.md", "offers/audit/picture.jpg"),
    ("index.md", "shop/offers/audit/"),
    ("index.md", "../offers/audit/"),  # above the site's root
    ("blog/post.md", "offers/audit.md"),  # blog/offers/audit.md: another page
    ("index.md", "offers/audit-plus/"),
]


@pytest.mark.parametrize(("page", "target"), MISSES)
def test_links_that_land_elsewhere(page: str, target: str) -> None:
    assert offer_slug(target, page, "offers") != "audit"


SHOP = "https://garden.example/shop/"

AT_THE_SITES_ADDRESS = [
    ("index.md", "https://garden.example/shop/offers/audit/"),
    ("index.md", "HTTP://Garden.Example/shop/offers/audit.html#price"),
    ("blog/post.md", "//garden.example/shop/offers/audit/"),
    ("index.md", "/shop/offers/audit/"),  # the site's root through its sub-path
    ("blog/post.md", "/shop/offers/audit/?from=blog"),
    ("index.md", "/offers/audit/"),  # the site's root, as without a site_url
]


@pytest.mark.parametrize(("page", "target"), AT_THE_SITES_ADDRESS)
def test_links_by_the_sites_own_address_land_on_the_offer(page: str, target: str) -> None:
    assert offer_slug(target, page, "offers", SHOP) == "audit"


ELSEWHERE_THAN_THE_SITE = [
    ("index.md", "https://garden.example/offers/audit/"),  # the host, outside the site
    ("index.md", "https://garden.example/shopping/offers/audit/"),
    ("index.md", "https://other.example/shop/offers/audit/"),
    ("index.md", "ftp://garden.example/shop/offers/audit/"),
    ("index.md", "https://garden.example/shop/"),
    ("index.md", "/shopping/offers/audit/"),
]


@pytest.mark.parametrize(("page", "target"), ELSEWHERE_THAN_THE_SITE)
def test_links_by_another_address_land_elsewhere(page: str, target: str) -> None:
    assert offer_slug(target, page, "offers", SHOP) is None


def test_a_full_address_lands_only_with_the_sites_address_known() -> None:
    assert offer_slug(f"{SHOP}offers/audit/", "index.md", "offers") is None
    root = "https://garden.example"
    assert offer_slug(f"{root}/offers/audit/", "index.md", "offers", root) == "audit"


def test_words_about_an_offer_linked_by_the_sites_address_are_checked() -> None:
    shop = SiteOffers("offers", Path("docs"), {"audit": AUDIT}, SHOP)
    for target in (f"{SHOP}offers/audit/", "/shop/offers/audit/"):
        text = f"Our [audit]({target}) is free."
        assert [f.rule for f in shop.findings(text, "docs/index.md", "index.md")] == ["HO701"]


SEGMENT = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
SLUGS = st.from_regex(r"[a-z0-9]+(?:-[a-z0-9]+){0,3}", fullmatch=True).filter(
    lambda s: s != "index"
)


@settings(max_examples=examples(300))
@given(
    folders=st.lists(SEGMENT, max_size=3),
    name=st.one_of(st.just("index"), SEGMENT),
    slug=SLUGS,
    index=st.sampled_from(["offers", "shop/offers", "angebote"]),
    form=st.sampled_from(["md", "directory-url", "html", "root", "address", "sub-path"]),
    anchor=st.sampled_from(["", "#price", "?from=blog", "?a=1#terms"]),
    sub_path=st.lists(SEGMENT, max_size=2).map(lambda parts: "".join(f"{p}/" for p in parts)),
)
@example(folders=[], name="index", slug="audit", index="offers", form="md", anchor="", sub_path="")
def test_every_way_of_writing_a_link_to_an_offer_lands_on_it(
    folders: list[str], name: str, slug: str, index: str, form: str, anchor: str, sub_path: str
) -> None:
    """A link written as MkDocs reads it (to the Markdown file, from the page's folder), as
    a browser reads it (from the page's address, with directory URLs or ``.html``), from
    the site's root, or by the site's own address (``site_url``, at a host's root or under
    a sub-path), with an anchor or a query, lands on the offer ``slug``."""
    page = posixpath.join(*folders, f"{name}.md")
    folder = posixpath.dirname(page) or "."
    address = folder if name == "index" else posixpath.join(folder, name)
    site_url = f"https://garden.example/{sub_path}"
    target = {
        "md": posixpath.relpath(f"{index}/{slug}.md", folder),
        "directory-url": posixpath.relpath(f"{index}/{slug}", address) + "/",
        "html": posixpath.relpath(f"{index}/{slug}.html", folder),
        "root": f"/{index}/{slug}/",
        "address": f"{site_url}{index}/{slug}/",
        "sub-path": f"/{sub_path}{index}/{slug}/",
    }[form]
    assert offer_slug(target + anchor, page, index, site_url) == slug


@settings(max_examples=examples(200))
@given(target=st.text(max_size=40), slug=SLUGS)
def test_a_link_lands_on_an_offer_only_inside_the_offer_folder(target: str, slug: str) -> None:
    """Whatever a link says, the offer it lands on is named by a path in the offer folder."""
    landed = offer_slug(target, "index.md", "offers")
    assert landed is None or re.search(
        rf"offers/+{re.escape(landed)}\b", target.replace("%2F", "/")
    )


def test_inline_reference_and_html_links_are_found_and_images_are_not() -> None:
    text = (
        'See [the audit](offers/audit/ "Audit"), [tips][t], [audit] and '
        '<a href="offers/tips.md">tips</a>. ![A photo](offers/audit/photo.jpg) '
        "![Audit](offers/audit/)\n\n`[code](offers/audit/)`\n\n"
        "[t]: offers/tips/\n[audit]: /offers/audit/#price\n"
    )
    links = offer_links(markdown.without_code(text), "index.md", "offers", {"audit", "tips"})
    assert [(link.slug, text[link.label_start : link.label_end]) for link in links] == [
        ("audit", "the audit"),
        ("tips", "tips"),
        ("audit", "audit"),
        ("tips", "tips"),
    ]


# -- which words are about which offer -------------------------------------------------------


def scope(text: str) -> set[tuple[str, str, str]]:
    code_free = markdown.without_code(text)
    links = offer_links(code_free, "index.md", "offers", {"audit", "tips"})
    return {
        (c.slug, " ".join(text[c.start : c.end].split()), c.kind) for c in claims(code_free, links)
    }


def test_the_block_that_links_speaks_for_its_offer() -> None:
    text = "Intro.\n\nOur audit is free.\nBook [it](offers/audit/).\n\nOther words.\n"
    assert ("audit", "Our audit is free. Book [it](offers/audit/).", HEAD) in scope(text)
    assert ("audit", "it", HEAD) in scope(text)  # the link's own text


def test_list_items_and_table_rows_are_blocks_of_their_own() -> None:
    text = (
        "- [Audit](offers/audit/): a one-off visit\n- [Tips](offers/tips/): free\n\n"
        "| Offer | Price |\n| --- | --- |\n| [Tips](offers/tips/) | free |\n"
    )
    claimed = {(slug, words) for slug, words, kind in scope(text) if kind == HEAD}
    assert ("audit", "[Audit](offers/audit/): a one-off visit") in claimed
    assert ("tips", "[Tips](offers/tips/): free") in claimed
    assert ("tips", "[Tips](offers/tips/) | free |") in claimed
    assert not any(slug == "audit" and "free" in words for slug, words in claimed)


def test_a_block_that_links_to_two_offers_is_read_by_sentence() -> None:
    text = "The [tips](offers/tips/) are free. The [audit](offers/audit/) is not. Both help.\n"
    assert scope(text) == {
        ("tips", "tips", HEAD),
        ("audit", "audit", HEAD),
        ("tips", "The [tips](offers/tips/) are free.", HEAD),
        ("audit", "The [audit](offers/audit/) is not.", HEAD),
    }


def test_a_section_whose_links_go_to_one_offer_is_its_details() -> None:
    text = (
        "# Services\n\n## The audit\n\nNo hidden fees.\n\n[Book](offers/audit/)\n\n"
        "## Tips\n\nIt costs nothing.\n\n[Read](offers/tips/)\n\n## Both\n\nFor everyone.\n"
    )
    prose = {(slug, words) for slug, words, kind in scope(text) if kind == PROSE}
    assert prose == {
        ("audit", "The audit"),
        ("audit", "No hidden fees."),
        ("tips", "Tips"),
        ("tips", "It costs nothing."),
    }  # "Services", "Both" and "For everyone." are in sections that link to both


def test_a_page_that_links_to_one_offer_is_about_it_around_the_link() -> None:
    text = "# Our audit\n\nCancel anytime.\n\n## Booking\n\n[Book the audit](offers/audit/)\n"
    assert ("audit", "Cancel anytime.", PROSE) in scope(text)


def test_code_and_front_matter_are_never_claims() -> None:
    text = "---\ntitle: Free audit\n---\n\n```\nno hidden fees\n```\n\n[Audit](offers/audit/)\n"
    assert {words for _, words, _ in scope(text)} == {"Audit", "[Audit](offers/audit/)"}


# -- findings ----------------------------------------------------------------------------------


def test_a_page_calling_a_priced_offer_free_fails_at_the_words_naming_the_field() -> None:
    text = "# Post\n\nOur audit is free. [Book it](../offers/audit/).\n"
    (finding,) = OFFERS.findings(text, "docs/blog.md", "blog.md")
    assert (finding.rule, finding.path, finding.line, finding.column) == (
        "HO701",
        "docs/blog.md",
        3,
        5,
    )
    assert finding.excerpt == "audit is free"
    mark = AUDIT.document.mark_for(("price", "amount"))
    assert f"price.amount (offers/audit.yml, line {mark.line}, column {mark.column})" in (
        finding.message
    )
    assert finding.message.endswith("is 120 EUR")


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("Our [audit](/offers/audit/) is free.", ["HO701"]),
        ("The [tips](/offers/tips/) are free.", []),
        ("Free [planting tips](/offers/tips/) every week.", []),
        ("Free delivery with the [audit](/offers/audit/).", ["HO701"]),
        ("The [audit](/offers/audit/): no hidden fees.", ["HO702"]),
        ("The [audit](/offers/audit/) costs only €99.", ["HO705"]),
        ("The [audit](/offers/audit/) costs €129.", []),  # 120 + the 9 delivery fee
        ("The [tips](/offers/tips/) are free; the [audit](/offers/audit/) costs €120.", []),
        ("The [audit](/offers/audit/) costs €120; the [tips](/offers/tips/) are free.", []),
        ("[Audit](/offers/audit/), money-back guarantee.", ["HO707"]),
        ("Start your free trial of the [audit](/offers/audit/).", ["HO708"]),
        ("Our [audit](https://elsewhere.example/offers/audit/) is free.", []),
    ],
)
def test_words_about_a_linked_offer_against_its_facts(text: str, rules: list[str]) -> None:
    assert [rule for rule, _, _ in found(f"# Post\n\n{text}\n", "index.md")] == rules


def test_one_offer_s_free_is_never_lent_to_another() -> None:
    """Paragraphs, items and sentences about the free tips beside the priced audit."""
    text = (
        "# Offers\n\nThe [tips](offers/tips/) are free of charge.\n\n"
        "- [Tips](offers/tips/): free for everyone\n- [Audit](offers/audit/): one visit\n\n"
        "Free tips: [read](offers/tips/). A visit: [audit](offers/audit/).\n\n"
        "## Tips\n\nCompletely free.\n\n[Tips](offers/tips/)\n"
    )
    assert found(text, "index.md") == []


def test_a_finding_is_reported_once_when_the_link_text_and_its_block_say_it() -> None:
    assert found("# Post\n\n[Free audit](/offers/audit/) for your garden.\n") == [("HO701", 3, 2)]


SOURCE_PAGE = "# Post\n\n{marker}Our audit is free. [Book it](offers/audit/).\n"


def check_page(text: str) -> list[tuple[str, int]]:
    facts = OFFERS.findings(text, "docs/index.md", "index.md")
    result = check_source_text(text, "markdown", "docs/index.md", renderer({}), lambda: facts)
    return [(f.rule, f.line) for f in result.findings] + [
        (s.finding.rule, -s.finding.line) for s in result.suppressed
    ]


def test_the_page_s_markers_and_front_matter_allow_a_facts_rule_and_are_used() -> None:
    """Allowed facts findings are listed as allowed; the marker or entry that allows them is
    used (no HO904 from either reading of the page)."""
    assert check_page(SOURCE_PAGE.format(marker="")) == [("HO701", 3)]
    marker = '<!-- honest-offers: allow HO701 reason="We quote an old advert of ours" -->\n'
    assert check_page(SOURCE_PAGE.format(marker=marker)) == [("HO701", -4)]
    front = (
        "---\nhonest_offers:\n  allow:\n    - rule: HO701\n      reason: A quoted old advert\n---\n"
    )
    assert check_page(front + SOURCE_PAGE.format(marker="")) == [("HO701", -9)]


def test_pages_without_links_to_offers_cost_no_parse() -> None:
    assert OFFERS.linked("# Calm\n\nNo links here, free of charge.\n", "index.md") == []
    assert [
        o.path
        for o in OFFERS.linked("[a](offers/audit/) [b][x]\n\n[x]: /offers/tips/\n", "index.md")
    ] == [
        "offers/audit.yml",
        "offers/tips.yml",
    ]
