"""Files for ``honest-offers new-site`` and ``honest-offers new-offer``.

``new-site`` writes a site that builds and passes the honesty check as it is: a config, the
offer JSON Schema, one example offer with every field filled in and commented, and a home
page. Its contact details are placeholders (``example.com`` addresses, "Example Studio"):
each is a located warning (:mod:`honest_offers.placeholders`), so the site can be previewed
and built at once, and ``mkdocs build --strict`` and ``check --strict`` fail until each is
replaced; a placeholder never reaches a published page unnoticed.

``new-offer`` writes a skeleton whose values are empty on purpose: until each one is filled
in, loading the offer fails and names the field, so a half-written offer can never be
published by accident.

Nothing here overwrites a file: :class:`ScaffoldError` says why instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from importlib.resources import files as files_of
from pathlib import Path

from honest_offers.render.brand import (
    DARK_BACKGROUND,
    Brand,
    contrast_failures,
    hex_colour,
    nearest_passing,
    parse_colour,
)
from honest_offers.slugs import slugify
from honest_offers.validate.schema import SCHEMA_PATH, render_schema

SCHEMA_FILE = "offer.schema.json"
EXAMPLE_OFFER = "first-consultation"
CONFIG_FILE = "site_config.yml"


class ScaffoldError(Exception):
    """A file or folder that would be overwritten, or a name that cannot be used."""


@dataclass(frozen=True, slots=True)
class Written:
    """The files written, relative to the folder the user named."""

    root: Path
    files: tuple[str, ...]


def offer_slug(name: str) -> str:
    """``"Garden plan (2 hours)"`` → ``garden-plan-2-hours``, ``"Brötchen-Abo.yml"`` →
    ``broetchen-abo`` (:func:`honest_offers.slugs.slugify`, without a YAML suffix)."""
    stem = name.strip()
    for suffix in (".yml", ".yaml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return slugify(stem)


def site_title(folder: Path) -> str:
    """A site name from its folder: ``my-studio`` → ``My studio``."""
    words = re.sub(r"[-_.\s]+", " ", folder.resolve().name).strip()
    return words[:1].upper() + words[1:] if words else "My site"


def new_site(root: Path, site_name: str, today: date, brand: Brand | None = None) -> Written:
    """Write a new site into ``root``, which must not exist or be empty."""
    _require_empty(root)
    files = {
        CONFIG_FILE: site_config(site_name, brand),
        SCHEMA_FILE: render_schema(),
        f"offers/{EXAMPLE_OFFER}.yml": example_offer(f"../{SCHEMA_FILE}", today),
        "docs/index.md": home_page(site_name),
        ".gitignore": "# The built site: `mkdocs build` writes it; git need not keep it.\nsite/\n",
    }
    return _write_all(root, files)


def _require_empty(root: Path) -> None:
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        kind = "folder" if root.is_dir() else "file"
        raise ScaffoldError(
            f"{root}: the {kind} already exists and is not empty; "
            "choose a new folder (nothing was written)"
        )


def _write_all(root: Path, files: dict[str, str]) -> Written:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(path, text)
    return Written(root, tuple(files))


AGENCY_CLIENTS = (
    ("client-a", "Client A", "#1d4ed8", "#b45309"),
    ("client-b", "Client B", "#166534", "#6d28d9"),
)
"""Two example clients of ``new-agency``, each with a brand that passes contrast."""

AGENCY_WORKFLOW = ".github/workflows/client-sites.yml"


def new_agency(root: Path, today: date) -> Written:
    """Write an agency repository into ``root``: a shared offer, two client sites whose
    offers extend it (each with its own brand, seller and contact), and the CI workflow that
    builds the sites in parallel shards (``ci-recipes/agency-github-actions.yml``)."""
    _require_empty(root)
    shared = f"shared-offers/{EXAMPLE_OFFER}.yml"
    files = {
        ".gitignore": "# Each client's built site (honest-offers build).\nsites/*/site/\n",
        SCHEMA_FILE: render_schema(),
        shared: example_offer(f"../{SCHEMA_FILE}", today),
        AGENCY_WORKFLOW: (
            files_of("honest_offers") / "recipes" / "agency-github-actions.yml"
        ).read_text(encoding="utf-8"),
    }
    for slug, name, primary, accent in AGENCY_CLIENTS:
        files[f"sites/{slug}/{CONFIG_FILE}"] = site_config(name, brand_for(primary, accent))
        files[f"sites/{slug}/docs/index.md"] = home_page(name)
        files[f"sites/{slug}/offers/{EXAMPLE_OFFER}.yml"] = client_offer(slug, name)
    return _write_all(root, files)


def make_repository(root: Path) -> str:
    """``git init`` in ``root`` unless it is inside a repository already; what was done."""
    if any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents)):
        return f"{root}/ is inside a git repository already."
    git = shutil.which("git")
    if git is None:
        return (
            "git is not installed: run `git init` in the folder before building (shared "
            "offers must lie inside a repository)."
        )
    result = subprocess.run(
        [git, "init", "-q", str(root)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return f"`git init` failed ({result.stderr.strip()}); run it yourself before building."
    return f"Made {root}/ a git repository (git init)."


def client_offer(slug: str, name: str) -> str:
    return f"""\
# yaml-language-server: $schema=../../../{SCHEMA_FILE}
# This client's copy of the agency's shared offer: every top-level field written here
# replaces the shared one (price, currency, seller, cta, ...); the rest comes from there.
extends: ../../../shared-offers/{EXAMPLE_OFFER}.yml

seller:
  name: {name}
  contact: hello@{slug}.example

cta:
  label: Ask a question
  url: mailto:hello@{slug}.example?subject=First%20consultation
"""


def new_offer(
    name: str, offers_dir: Path, schema: str | None = None, cwd: Path | None = None
) -> tuple[Path, ...]:
    """Write ``offers_dir/<slug>.yml``; also ``offer.schema.json`` beside ``offers_dir``
    when no schema file is found for the editor comment. Returns the files written."""
    slug = offer_slug(name)
    if not slug:
        raise ScaffoldError(
            f"`{name}` has no letters or digits that can be written in a web address; "
            "use a name in Latin letters, such as `garden-plan`"
        )
    target = offers_dir / f"{slug}.yml"
    if target.exists() or (offers_dir / f"{slug}.yaml").exists():
        raise ScaffoldError(
            f"{target}: an offer with this name already exists; "
            "choose another name (nothing was written)"
        )
    written: list[Path] = []
    if schema is None:
        schema, schema_file = schema_reference(offers_dir, cwd or Path.cwd())
        if schema_file is not None:
            schema_file.parent.mkdir(parents=True, exist_ok=True)
            _write_new(schema_file, render_schema())
            written.append(schema_file)
    offers_dir.mkdir(parents=True, exist_ok=True)
    _write_new(target, offer_skeleton(schema))
    written.append(target)
    return tuple(written)


def schema_reference(offers_dir: Path, cwd: Path) -> tuple[str, Path | None]:
    """The ``$schema`` for a new offer's editor comment, relative to the offers folder.

    The nearest ``offer.schema.json`` in the offers folder or a folder above it (up to the
    current folder; only up to the site folder when the offers folder lies elsewhere); else
    the schema inside this package when both lie below the current folder (a checkout of
    honest-offers); else a new ``offer.schema.json`` beside the offers folder, returned as
    the file to write.
    """
    folder = offers_dir.resolve()
    top = cwd.resolve()
    inside = folder.is_relative_to(top)
    stop = top if inside else folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_FILE).is_file():
            return _relative(candidate / SCHEMA_FILE, folder), None
        if candidate == stop:
            break
    if inside and SCHEMA_PATH.resolve().is_relative_to(top):
        return _relative(SCHEMA_PATH.resolve(), folder), None
    new_file = folder.parent / SCHEMA_FILE
    return _relative(new_file, folder), new_file


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(path, folder)).as_posix()


def _write_new(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path}: already exists (nothing was overwritten)") from None


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _next_start(today: date) -> date:
    """The first day of the month after next: a date that is ahead for a while."""
    month = today.month + 2
    return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def site_config(site_name: str, brand: Brand | None = None) -> str:
    name = site_name.replace('"', "'")
    return f"""\
# The site's config, for MkDocs with the honest-offers plugin.
# The example's addresses at example.com and "Example Studio" are placeholders: the check
# and the build warn about each (and fail with --strict) until you replace them.
#   Check offers and pages:  honest-offers check --strict
#   Preview while editing:   mkdocs serve -f {CONFIG_FILE}
#   Build into site/:        mkdocs build --strict -f {CONFIG_FILE}
site_name: "{name}"
docs_dir: docs
site_dir: site

theme:
  name: material
  language: en
  font: false               # no web fonts from a third-party host{_palette(brand)}

plugins:
  - search
  - honest-offers:{_brand_options(brand)}
      offers_dir: offers    # one YAML file per offer
      index_url: offers/    # the page that compares every offer; offer pages live below it
      index_title: Offers
      index_intro: >-
        Every offer says what it does and what it does not do, who it is for, and the
        total you pay.

nav:
  - Home: index.md
  - Offers: offers/index.md
"""


def _palette(brand: Brand | None) -> str:
    if brand is None:
        return ""
    return """
  palette:                  # light and dark, following the visitor's system setting
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode"""


def _brand_options(brand: Brand | None) -> str:
    if brand is None:
        return ""
    return f"""
      brand:                # colours as link text must reach 4.5:1 (WCAG 2.2 AA)
        primary: "{brand.primary}"
        accent: "{brand.accent}"
        primary_dark: "{brand.primary_dark}"   # links in the dark scheme
        accent_dark: "{brand.accent_dark}\""""


def brand_for(primary: str, accent: str) -> Brand:
    """A brand from two colours, with dark-scheme shades that pass; ``ScaffoldError`` when
    a colour cannot be read or fails as link text on a light page."""
    try:
        dark = parse_colour(DARK_BACKGROUND)
        brand = Brand(
            primary=primary.lower(),
            accent=accent.lower(),
            primary_dark=hex_colour(nearest_passing(parse_colour(primary), dark)),
            accent_dark=hex_colour(nearest_passing(parse_colour(accent), dark)),
        )
    except ValueError as exc:
        raise ScaffoldError(f"{exc} (nothing was written)") from None
    failures = contrast_failures(brand)
    if failures:
        raise ScaffoldError(failures[0].message() + " (nothing was written)")
    return brand


def home_page(site_name: str) -> str:
    return f"""\
# {site_name}

Welcome. This site lists what we offer, and for each offer what it does and what it does
not do, who it is for and who should choose something else, and the total price.

[See all offers, compared side by side](offers/index.md)

## Questions

Write to us at <hello@example.com>. We answer within two working days.
"""


def example_offer(schema: str, today: date) -> str:
    return f"""\
# yaml-language-server: $schema={schema}
# An example offer with every field. Replace the text with your own, or copy this file
# for a new offer (one file per offer; the file name becomes the page's address).
# `honest-offers check` validates it and checks it for pressure tactics.

# The offer's name.
title: First consultation

# One or two sentences: what the buyer gets.
summary: >-
  A one-hour video call about your project, followed by a written summary with our
  recommendation and a fixed-price quote.

# What the offer does, one line each.
does:
  - Gives you one hour with a senior consultant by video call, at a time that suits you
  - Sends you a written summary of the call within two working days
  - Includes a fixed-price quote for the work we recommend, valid for 60 days

# What it does not do. Shown with the same weight as `does`.
does_not:
  - Does not include any of the recommended work; that is a separate offer
  - Does not cover legal or tax advice
  - Is not recorded

# Who it is for.
for:
  - Small businesses planning a project and wanting a second opinion first
  - Teams who want a fixed price before they commit to anything
# Who should choose something else.
not_for:
  - Anyone who already has a detailed brief and only needs quotes to compare
  - Projects that need an answer within the same day

# What the buyer pays. The page shows the total: amount plus every mandatory fee.
price:
  amount: 120                 # a number without currency sign
  currency: EUR               # ISO 4217 code: EUR, USD, GBP, ...
  billing: one-time           # one-time, weekly, monthly, quarterly, yearly, per-hour,
                              # per-day, per-session, per-person or per-unit
  taxes_included: true        # does the amount include VAT or sales tax?
  tax_note: Includes 19% VAT  # required when taxes_included is false, e.g. plus 20% VAT
  fees:                       # every mandatory fee; `once: true` for a first-payment fee
    - name: Booking fee
      amount: 5
      once: true

# What comparable offers typically cost, per the same billing unit, and how you know.
market_price:
  low: 90
  high: 250
  currency: EUR               # must be the same as price.currency
  basis: >-
    Published prices for one-hour consultations from eight studios in our region,
    checked in {_MONTHS[today.month - 1]} {today.year}.

# Why the price is what it is. Required only when the total is above market_price.high.
price_rationale: >-
  The price covers the hour and about two hours of preparation and writing afterwards.

# Standing discounts for a group or a condition, each with a `percent` or an `amount` off.
# (A temporary sale goes under `price` as `history` and `reduction`: see the guide.)
discounts:
  - for: registered charities
    percent: 20
    note: Tell us your charity number when you book.

# The page's address below the offers index; default: the file name.
slug: {EXAMPLE_OFFER}

# Other ways to get the job done, free and do-it-yourself options included.
alternatives:
  - name: Our written guide to planning a project
    price: 0                  # in the offer's currency; 0 = free
    note: Covers the questions we ask in a consultation, to work through on your own.
    url: https://example.com/guide
  - name: A consultation with a freelancer
    price: 80
    billing: per-hour
    note: A good choice for smaller projects.

# The terms in plain words. `cancellation` is required when billing recurs.
terms:
  refund: If the call does not take place because of us, you get all your money back.
  cancellation: Cancel or move the call up to 24 hours before it at no cost.
  guarantee: >-
    If the summary does not answer your questions, tell us within 14 days and we refund
    the price.

# When buying now makes sense, and when it is better to wait.
timing:
  good_time: When you know what you want to achieve, but not yet how.
  wait_if: Your budget for the project is not settled yet.

# Facts only, shown in neutral words ("Capacity: 8 places per week.").
availability:
  next_start: {_next_start(today).isoformat()}      # a date, or a date and time
  timezone: Europe/Berlin     # IANA time zone of next_start
  capacity: 8
  per: week

# One calm call to action; default: "Ask a question" to seller.contact.
cta:
  label: Ask a question
  url: mailto:hello@example.com?subject=First%20consultation

# More about the offer, in Markdown; shown below the facts.
details: |
  ## How it works

  1. You book a time and send us a few lines about your project.
  2. We talk for an hour by video call.
  3. Within two working days you get the written summary and the quote.

# Who offers it: a name, and an email address or a https://, mailto: or tel: link.
seller:
  name: Example Studio
  contact: hello@example.com

# goods or service: the kind of page search engines are told about (Product or Service).
kind: service

# A picture of what you sell, with what it shows for people who cannot see it. The file
# sits beside this one (here: offers/images/...) and is copied into the site:
# image:
#   src: images/first-consultation.jpg
#   alt: Two people at a table looking at a website on a laptop

# Language of the offer's text, if it differs from the site's.
lang: en

# Exceptions to honesty rules for this offer, each with a reason a reviewer can judge:
#   allow:
#     - rule: HO201
#       reason: Places are counted live by our booking system
allow: []
"""


def offer_skeleton(schema: str) -> str:
    return f"""\
# yaml-language-server: $schema={schema}
# A new offer. Every value below is empty on purpose: until each one is filled in,
# `honest-offers check` and `mkdocs build` fail and name the field, so a half-written
# offer cannot go live. Optional fields: `honest-offers schema` lists them all.

title: ""                 # the offer's name
summary: ""               # one or two sentences: what the buyer gets
does:                     # what it does, one line each
  - ""
does_not:                 # what it does not do; shown with the same weight as `does`
  - ""
for:                      # who it is for
  - ""
not_for:                  # who should choose something else
  - ""
price:                    # what the buyer pays; the page shows the total
  amount:                 # a number without currency sign, e.g. 490
  currency: ""            # ISO 4217 code, e.g. EUR
  billing: ""             # one-time, weekly, monthly, quarterly, yearly, per-hour,
                          # per-day, per-session, per-person or per-unit
  taxes_included:         # true or false: does the amount include VAT or sales tax?
  tax_note: ""            # e.g. Includes 19% VAT; required when taxes_included is false
  fees: []                # every mandatory fee, e.g. - {{name: Setup, amount: 50, once: true}}
market_price:             # what comparable offers typically cost, per the same billing unit
  low:
  high:
  currency: ""            # the same as price.currency
  basis: ""               # how the range was found: sources and when
# How a reader reaches you, unless the site config sets `default_seller` or `default_cta`:
# seller:
#   name: ""
#   contact: ""           # an email address or a https://, mailto: or tel: link
"""
