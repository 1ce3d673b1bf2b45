"""Deterministic benchmark sites: N realistic offers, and the same content as plain Markdown.

    python bench/generate.py OUT_DIR --offers 1000

Offer ``i`` depends only on ``i`` (never on N), so the first 100 offers of the 1,000-offer
site are the 100-offer site. Three sites are written from the same offers:

* ``honest/``: ``mkdocs.yml`` with the honest-offers plugin, ``offers/*.yml``, ``docs/index.md``;
* ``material/``: plain MkDocs + Material, one Markdown page per offer with the same sections and
  text as the plugin's offer page, and an index page that lists them in a compare table;
* ``hugo/``: the same Markdown pages under ``content/``, built with a minimal layout.

Both MkDocs sites have the same short nav (Home and the index); the offer pages are kept out
of it (the plugin marks them NOT_IN_NAV, the plain site lists them under ``not_in_nav``),
because MkDocs renders the whole nav into every page.
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from honest_offers.render.view import OfferView, offer_view
from honest_offers.validate.model import Offer

SEED = "honest-offers-bench-1"
LOCALE = "en"
SITE_NAME = "Bench Works"
INDEX_TITLE = "Offers"
INDEX_INTRO = (
    "Every offer below says what it does and what it does not do, who it is for and who "
    "should look elsewhere, and the total you pay."
)

HOME = f"""# {SITE_NAME}

A generated site for the honest-offers benchmark. Each offer page has the same sections in
the same order, so offers are easy to compare.

[All offers, compared side by side](offers/index.md)
"""

THEME = """\
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.footer
"""

HONEST_CONFIG = f"""\
site_name: {SITE_NAME}
docs_dir: docs
site_dir: site
{THEME}
plugins:
  - search
  - honest-offers:
      offers_dir: offers
      index_url: offers/
      index_title: {INDEX_TITLE}
      index_intro: {INDEX_INTRO}
nav:
  - Home: index.md
  - {INDEX_TITLE}: offers/index.md
"""

MATERIAL_CONFIG = f"""\
site_name: {SITE_NAME}
docs_dir: docs
site_dir: site
{THEME}
plugins:
  - search
nav:
  - Home: index.md
  - {INDEX_TITLE}: offers/index.md
not_in_nav: |
  /offers/*.md
  !/offers/index.md
"""

HUGO_CONFIG = f"""\
baseURL = "https://bench.example/"
title = "{SITE_NAME}"
languageCode = "en"
disableKinds = ["taxonomy", "term", "rss"]

[markup.goldmark.renderer]
unsafe = true
"""

HUGO_BASEOF = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
</head>
<body>
<nav><a href="{{ "/" | relURL }}">Home</a> <a href="{{ "/offers/" | relURL }}">Offers</a></nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_PAGE = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ end }}
"""


# -- word pools ---------------------------------------------------------------------------------

KINDS: tuple[dict[str, Any], ...] = (
    {
        "noun": "accessibility audit",
        "thing": "website",
        "billing": "one-time",
        "does": [
            "Tests up to {n} pages by hand and with {tool}",
            "Checks keyboard use, screen reader output in {reader} and colour contrast",
            "Gives you a written report of about {m} pages that ranks every problem by its effect",
            "Includes a {h}-hour call to go through the report with your developer",
            "Re-tests the {k} most important fixes within {d} days of your request",
            "Covers forms, menus and the checkout or booking flow on {device}",
        ],
        "does_not": [
            "Does not fix the problems; your developer does that",
            "Does not give a formal conformance certificate for {region} procurement",
            "Does not cover PDF files, videos or documents longer than {m} pages",
            "Does not test pages that need a login beyond {k} test accounts",
        ],
    },
    {
        "noun": "booking page",
        "thing": "practice",
        "billing": "monthly",
        "does": [
            "Gives you a booking page where clients choose a time within your working hours",
            "Keeps your {calendar} calendar in sync in both directions every {k} minutes",
            "Sends confirmation and reminder emails to clients in {lang}",
            "Exports all appointments as a CSV file whenever you like",
            "Lets clients move their own appointment up to {h} hours before it starts",
            "Shows your booking page in {k} colour themes that you can adjust",
        ],
        "does_not": [
            "Does not take payments or deposits",
            "Does not send text message reminders",
            "Does not support more than {n} staff calendars per account",
            "Does not store notes about clients beyond {m} lines per booking",
        ],
    },
    {
        "noun": "writing workshop",
        "thing": "team",
        "billing": "per-person",
        "does": [
            "Teaches plain-language writing in {n} sessions of {h} hours",
            "Uses examples from your own website and letters in {lang}",
            "Gives each person written feedback on {k} of their own texts",
            "Includes a checklist of {m} points your team can keep using afterwards",
            "Meets in {place} or online, whichever suits your team",
        ],
        "does_not": [
            "Does not rewrite your texts for you",
            "Does not cover legal or medical writing",
            "Is not recorded; the {n} sessions are live",
            "Does not take groups larger than {m} people",
        ],
    },
    {
        "noun": "laptop stand",
        "thing": "desk",
        "billing": "per-unit",
        "does": [
            "Raises a laptop screen by {n} centimetres",
            "Is made from solid {wood} with an oil finish",
            "Folds flat to {k} centimetres for travel",
            "Comes with a {d}-year repair service for the hinge",
            "Is made by hand in a workshop in {place}",
        ],
        "does_not": [
            "Does not fit laptops wider than {m} centimetres",
            "Does not tilt; the angle is fixed at {k} degrees",
            "Does not include a keyboard or a mouse",
            "Does not come in colours other than natural {wood}",
        ],
    },
    {
        "noun": "bookkeeping service",
        "thing": "business",
        "billing": "monthly",
        "does": [
            "Records up to {n} receipts and invoices a month",
            "Reconciles your bank account every {k} days",
            "Prepares the figures your tax adviser needs each quarter in {tool}",
            "Answers questions by email within {d} working days",
            "Sends you a one-page summary of income and costs on day {k} of each month",
        ],
        "does_not": [
            "Does not file tax returns; your tax adviser does that",
            "Does not handle payroll for more than {k} employees",
            "Does not give investment advice",
            "Does not work with cash books kept on paper before {year}",
        ],
    },
    {
        "noun": "pricing coaching",
        "thing": "freelance practice",
        "billing": "per-session",
        "does": [
            "Works through your current prices in a {n}-minute video call",
            "Compares your rates with {k} public price lists in your field",
            "Gives you a written summary with next steps after each session",
            "Looks at up to {m} past quotes with you, if you want to share them",
        ],
        "does_not": [
            "Does not promise a higher income",
            "Does not write proposals or contracts for you",
            "Does not cover tax questions in {region}",
        ],
    },
)

AUDIENCES = (
    "Small businesses with up to {n} employees",
    "Solo practitioners who work from home in or near {place}",
    "Teams of up to {k} people who keep their documents in one shared folder",
    "People who want to understand the work before they pay for it",
    "Organisations that prefer a fixed price to an hourly rate of about {m} {currency}",
    "Shops that sell mainly to customers within {k} kilometres",
    "Charities and community groups with a yearly budget under {m},000",
    "Practices that work mainly in {lang}",
)
NOT_AUDIENCES = (
    "Organisations that need a formal certificate for a tender in {region} markets",
    "Large companies with more than {m} staff and their own specialists",
    "Anyone who needs the work finished within {d} days",
    "People who want someone else to make every decision about their {thing} for them",
    "Businesses that need support in languages other than {lang}",
    "Teams spread over more than {k} time zones",
)
PLACES = (
    "Leeds",
    "Utrecht",
    "Lyon",
    "Graz",
    "Aarhus",
    "Porto",
    "Ghent",
    "Bristol",
    "Basel",
    "Turku",
    "Bologna",
    "Cork",
    "Malmö",
    "Leipzig",
    "Nantes",
    "Bergen",
    "Brno",
    "Girona",
)
TRADES = ("studio", "workshop", "cooperative", "practice", "company", "collective")
TOOLS = ("axe", "WAVE", "Lighthouse", "a spreadsheet", "GnuCash", "their own checklist")
READERS = ("NVDA", "VoiceOver", "JAWS", "TalkBack")
DEVICES = ("phones", "desktop browsers", "phones and tablets", "desktop and phone")
REGIONS = ("EU", "UK", "Swiss", "Nordic", "public-sector")
CALENDARS = ("Google", "Microsoft 365", "CalDAV", "Nextcloud")
LANGUAGES = ("English", "German", "French", "Dutch", "Spanish", "Italian", "Danish")
WOODS = ("oak", "ash", "walnut", "beech", "cherry")
CURRENCIES = (("EUR", "Includes 19% VAT", True), ("GBP", "Plus 20% VAT", False))
FEES = (
    ("Setup and import", True),
    ("Delivery", True),
    ("Materials", False),
    ("Travel within 50 km", False),
)
CTA_LABELS = ("Ask a question", "Write to us", "Send an email", "Ask about dates", "Get a quote")
MONTHS = ("January", "March", "May", "June", "September", "October", "November")


def _values(rng: random.Random, place: str, kind: dict[str, Any], currency: str) -> dict[str, Any]:
    """The blanks of one offer's sentences: most sentences differ from offer to offer."""
    return {
        "n": rng.randint(3, 60),
        "m": rng.randint(5, 90),
        "k": rng.randint(2, 12),
        "h": rng.randint(1, 6),
        "d": rng.randint(2, 20),
        "year": rng.randint(2005, 2024),
        "place": place,
        "tool": rng.choice(TOOLS),
        "reader": rng.choice(READERS),
        "device": rng.choice(DEVICES),
        "region": rng.choice(REGIONS),
        "calendar": rng.choice(CALENDARS),
        "lang": " and ".join(rng.sample(LANGUAGES, 2)),
        "wood": rng.choice(WOODS),
        "thing": kind["thing"],
        "currency": currency,
    }


@dataclass(frozen=True, slots=True)
class BenchOffer:
    slug: str
    data: dict[str, Any]
    """The offer as written in its YAML file."""
    view: OfferView
    details: str


def make_offer(index: int) -> BenchOffer:
    """Offer number ``index``: the same for every N."""
    rng = random.Random(f"{SEED}-{index}")
    kind = KINDS[index % len(KINDS)]
    place = rng.choice(PLACES)
    trade = rng.choice(TRADES)
    currency, tax_note, included = rng.choice(CURRENCIES)
    values = _values(rng, place, kind, currency)
    seller = f"{place} {trade.title()} {index}"
    title = f"{kind['noun'].capitalize()} for your {kind['thing']}, no. {index}"
    amount = Decimal(rng.randint(12, 2400))
    low = (amount * Decimal(rng.choice(("0.6", "0.8", "0.9")))).quantize(Decimal(1))
    high = (amount * Decimal(rng.choice(("1.1", "1.4", "2.0")))).quantize(Decimal(1))
    fees = [
        {"name": name, "amount": rng.randint(5, 90), "once": once}
        for name, once in rng.sample(FEES, rng.randint(0, 2))
    ]
    price: dict[str, Any] = {
        "amount": int(amount),
        "currency": currency,
        "billing": kind["billing"],
        "taxes_included": included,
        "tax_note": tax_note,
    }
    if fees:
        price["fees"] = fees

    def pick(pool: Sequence[str], low: int, high: int) -> list[str]:
        count = min(len(pool), rng.randint(low, high))
        return [item.format(**values) for item in rng.sample(list(pool), count)]

    data: dict[str, Any] = {
        "title": title,
        "summary": (
            f"{_article(kind['noun']).capitalize()} {kind['noun']} from a {trade} in {place}. "
            f"It suits a {kind['thing']} of up to {values['m']} people that wants clear facts "
            "before it decides."
        ),
        "does": pick(kind["does"], 3, 5),
        "does_not": pick(kind["does_not"], 2, 4),
        "for": pick(AUDIENCES, 2, 4),
        "not_for": pick(NOT_AUDIENCES, 2, 3),
        "price": price,
        "market_price": {
            "low": int(low),
            "high": int(high),
            "currency": currency,
            "basis": (
                f"Public price lists of {rng.randint(4, 12)} providers in {place} and online, "
                f"checked in {rng.choice(MONTHS)} 2026."
            ),
        },
        "alternatives": [
            {
                "name": "Doing it yourself",
                "price": 0,
                "note": f"Guides from public bodies in {place} explain the basics step by step.",
            },
            {
                "name": f"A larger {kind['noun']} provider in {rng.choice(PLACES)}",
                "price": int((high * Decimal("0.9")).quantize(Decimal(1))),
                "note": f"About {values['m']} staff and longer opening hours, usually at a "
                "higher price.",
                "url": f"https://provider{index % 97}.example/",
            },
        ],
        "terms": {
            "cancellation": f"Cancel by email up to {values['d']} days before the work starts, "
            "at no cost.",
            "refund": f"If you are not satisfied, tell us within {rng.choice((14, 21, 30, 60))} "
            "days and we refund the price in full.",
        },
        "timing": {
            "good_time": f"When you have {values['h']} hours to read the results and plan the "
            "next steps.",
            "wait_if": f"You are about to change your {kind['thing']}, team or tools within "
            f"{values['k']} months; buy afterwards so the result still fits.",
        },
        "cta": {"label": rng.choice(CTA_LABELS), "url": f"mailto:hello@seller{index}.example"},
        "seller": {"name": seller, "contact": f"hello@seller{index}.example"},
    }
    if Offer.model_validate(data).price.per_payment > high:
        data["price_rationale"] = f"Everything is made to order by {values['k']} people in {place}."
    details = _details(rng, kind, values)
    data["details"] = details
    offer = Offer.model_validate(data)
    slug = f"{kind['noun'].replace(' ', '-')}-{index:05d}"
    return BenchOffer(slug, data, offer_view(offer, slug, LOCALE), details)


def _article(noun: str) -> str:
    return "an" if noun[0] in "aeiou" else "a"


def _details(rng: random.Random, kind: dict[str, Any], values: dict[str, Any]) -> str:
    steps = [
        "We agree on the scope by email and send a written quote.",
        "You confirm the quote; nothing is charged before that.",
        f"The work takes about {values['d']} working days.",
        f"You receive the results and can ask questions for {values['k']} weeks afterwards.",
    ]
    paragraphs = [
        "## How it works\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)),
        "## Who does the work\n\n"
        f"The {kind['noun']} is done by people who live and work in {values['place']}. "
        f"They have done this kind of work since {values['year']} and are happy to share "
        "examples of earlier results on request.",
    ]
    if rng.random() < 0.5:
        paragraphs.append(
            "## Your data\n\n"
            f"We keep your files on servers in the {values['region']} region and delete them "
            f"{values['k']} months after the work ends. We do not share them with anyone."
        )
    return "\n\n".join(paragraphs) + "\n"


# -- the three sites ----------------------------------------------------------------------------


def offer_markdown(offer: BenchOffer) -> str:
    """The offer page as hand-written Markdown: the plugin's sections, text and order."""
    v = offer.view
    out = [f"# {v.title}", "", v.summary, "", "## What it does and does not do", ""]
    out += ["### What it does", "", *[f"- {x}" for x in v.does], ""]
    out += ["### What it does not do", "", *[f"- {x}" for x in v.does_not], ""]
    out += ["## Who it is for", "", "### Who it is for", "", *[f"- {x}" for x in v.for_], ""]
    out += ["### Who should choose something else", "", *[f"- {x}" for x in v.not_for], ""]
    price = v.price
    out += ["## Price", "", f"Total **{price.total}** {price.billing}", ""]
    if price.first_payment:
        out += [
            f"The first payment is {price.first_payment}, because it includes the one-time "
            "fees listed below.",
            "",
        ]
    out += [f"{price.taxes}.", ""]
    if price.fees:
        out += ["| Item | Amount |", "| --- | --- |", f"| Price | {price.amount} |"]
        for fee in price.fees:
            note = " (first payment only)" if fee.once and price.recurring else ""
            out.append(f"| {fee.name}{note} | {fee.amount} |")
        out.append("")
    else:
        out += ["There are no other mandatory fees.", ""]
    m = v.market
    out += [
        "## Typical market price",
        "",
        f"Comparable offers typically cost between {m.low} and {m.high} ({price.billing}). "
        f"{m.sentence}",
        "",
        f"**How this range was found:** {m.basis}",
        "",
    ]
    if v.price_rationale:
        out += [f"**Why this price:** {v.price_rationale}", ""]
    if v.alternatives:
        out += ["## Alternatives", ""]
        for alt in v.alternatives:
            name = f"[{alt.name}]({alt.link.url})" if alt.link else f"**{alt.name}**"
            price_text = f" — {alt.price}" if alt.price else ""
            note = f": {alt.note}" if alt.note else ""
            out.append(f"- {name}{price_text}{note}")
        out.append("")
    if v.terms:
        out += ["## Terms", ""]
        out += [f"**{label}**: {text}\n" for label, text in v.terms]
    if v.good_time or v.wait_if:
        out += ["## The right time", ""]
        if v.good_time:
            out += [f"**A good time to buy**: {v.good_time}", ""]
        if v.wait_if:
            out += [f"**Better to wait if**: {v.wait_if}", ""]
    out += ["## Details", "", offer.details.replace("\n## ", "\n### ").replace("## ", "### ", 1)]
    if v.cta:
        out += [f"[{v.cta.label}]({v.cta.url})", ""]
    if v.seller_name:
        contact = v.seller_contact
        contact_text = f" · [{contact.label}]({contact.url})" if contact else ""
        out += [f"Offered by {v.seller_name}{contact_text}", ""]
    return "\n".join(out)


def index_markdown(offers: list[BenchOffer], link: str) -> str:
    """The index: intro and the compare table (total price, for, does not) of every offer."""
    rows = [
        f"# {INDEX_TITLE}",
        "",
        INDEX_INTRO,
        "",
        "| Offer | Total price | For | Does not do |",
        "| --- | --- | --- | --- |",
    ]
    ordered = sorted(offers, key=lambda o: (o.view.title.casefold(), o.slug))
    for offer in ordered:
        v = offer.view
        first = f"<br>first payment {v.price.first_payment}" if v.price.first_payment else ""
        rows.append(
            f"| [{v.title}]({link.format(slug=offer.slug)})<br>{v.summary} "
            f"| {v.price.total} {v.price.billing}{first} "
            f"| {'<br>'.join(v.for_)} | {'<br>'.join(v.does_not)} |"
        )
    return "\n".join(rows) + "\n"


def write_sites(out: Path, count: int) -> dict[str, Path]:
    """Write the three sites for ``count`` offers below ``out``; return their roots."""
    offers = [make_offer(i) for i in range(count)]
    roots = {name: out / name for name in ("honest", "material", "hugo")}
    for root in roots.values():
        shutil.rmtree(root, ignore_errors=True)

    honest = roots["honest"]
    _write(honest / "mkdocs.yml", HONEST_CONFIG)
    _write(honest / "docs" / "index.md", HOME)
    for offer in offers:
        _write(honest / "offers" / f"{offer.slug}.yml", offer_yaml(offer))

    material = roots["material"]
    _write(material / "mkdocs.yml", MATERIAL_CONFIG)
    _write(material / "docs" / "index.md", HOME)
    _write(material / "docs" / "offers" / "index.md", index_markdown(offers, "{slug}.md"))
    for offer in offers:
        _write(material / "docs" / "offers" / f"{offer.slug}.md", offer_markdown(offer))

    hugo = roots["hugo"]
    _write(hugo / "hugo.toml", HUGO_CONFIG)
    for name in ("single.html", "list.html", "home.html"):
        _write(hugo / "layouts" / name, HUGO_PAGE)
    _write(hugo / "layouts" / "baseof.html", HUGO_BASEOF)
    _write(hugo / "content" / "_index.md", _hugo_page(HOME))
    index = index_markdown(offers, "/offers/{slug}/")
    _write(hugo / "content" / "offers" / "_index.md", _hugo_page(index))
    for offer in offers:
        _write(hugo / "content" / "offers" / f"{offer.slug}.md", _hugo_page(offer_markdown(offer)))
    return roots


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block, as people write ``details``."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def offer_yaml(offer: BenchOffer) -> str:
    return yaml.dump(
        offer.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )


def edit_offer(root: Path, kind: str, count: int, round_: int) -> Path:
    """Change one sentence of the middle offer in a site (for rebuild timings); return the file."""
    offer = make_offer(count // 2)
    if kind == "honest":
        path = root / "offers" / f"{offer.slug}.yml"
    else:
        path = root / "docs" / "offers" / f"{offer.slug}.md"
    text = path.read_text(encoding="utf-8")
    old = "is done by people who live and work in"
    new = f"is done by {round_ + 2} people who live and work in"
    changed = text.replace(old, new, 1)
    if changed == text:
        changed = text.replace(f"is done by {round_ + 1} people", f"is done by {round_ + 2} people")
    path.write_text(changed, encoding="utf-8")
    return path


def _hugo_page(markdown: str) -> str:
    title, _, body = markdown.partition("\n")
    return f'---\ntitle: "{title.removeprefix("# ")}"\n---\n{body.lstrip()}'


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--offers", type=int, default=100)
    args = parser.parse_args()
    for name, root in write_sites(args.out, args.offers).items():
        print(f"{name}: {root}")


if __name__ == "__main__":
    main()
