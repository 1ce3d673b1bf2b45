"""The offers of one site: load → validate every file, and collect every problem in one pass.

This is the generator-independent entry point: the MkDocs plugin and the command line both
call :func:`load_catalog`, and anything else (another generator, a script) can too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath

from honest_offers.collector import settled_objects_frozen
from honest_offers.diagnostics import Problem
from honest_offers.load import YamlDocument, discover_offer_files, parse_yaml, read_text
from honest_offers.load.discover import display_path
from honest_offers.load.extends import FIELD as EXTENDS
from honest_offers.load.extends import apply_extends
from honest_offers.memo import Memo
from honest_offers.slugs import slugify
from honest_offers.validate import Offer, validate_document
from honest_offers.validate.defaults import OfferDefaults

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a slug may be: lower-case letters, digits and single hyphens (safe in any address)."""


@dataclass(frozen=True, slots=True)
class LoadedOffer:
    """A valid offer with the document it came from (for positions) and its final slug."""

    offer: Offer
    document: YamlDocument
    slug: str
    source: Path

    @property
    def path(self) -> str:
        return self.document.path


@dataclass(slots=True)
class Catalog:
    offers: list[LoadedOffer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """Every offer file found, in order, whether it loaded or not."""

    @property
    def shared_files(self) -> list[str]:
        """The shared offer files that offers extend (``extends``), each once, as shown
        (relative to the site's folder)."""
        found = {part.path for o in self.offers for part, _ in o.document.parts()[1:]}
        return sorted(found)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


Loaded = tuple["LoadedOffer | None", list[Problem]]
LoadMemo = Memo[tuple[str, str, date, str], Loaded]
"""Loaded offers by source path, display path, date and text (``mkdocs serve`` keeps one)."""


def load_catalog(
    offers_dirs: Path | Sequence[Path],
    display_root: Path,
    today: date,
    memo: LoadMemo | None = None,
    defaults: OfferDefaults | None = None,
) -> Catalog:
    """Load every offer file below ``offers_dirs`` (one folder or several); problems are
    collected, never raised.

    With ``memo``, files whose text was loaded before are not parsed and validated again.
    Offers without their own ``seller`` or ``cta`` inherit the site's ``defaults``; a page
    left with no way to contact anyone is a warning."""
    catalog = Catalog()
    folders = [offers_dirs] if isinstance(offers_dirs, Path) else list(offers_dirs)
    for offers_dir in folders:
        if not offers_dir.is_dir():
            catalog.problems.append(
                Problem(
                    path=display_path(offers_dir, display_root),
                    line=None,
                    column=None,
                    field=None,
                    message="the offers folder does not exist",
                    expected="a folder with one YAML file per offer",
                    fix="create the folder, or point the plugin's `offers_dir` option at yours",
                )
            )
            continue
        files, problems = discover_offer_files(offers_dir, display_root)
        catalog.files.extend(files)
        catalog.problems.extend(problems)
    files = catalog.files
    with settled_objects_frozen() as settle:
        for number, source in enumerate(files, 1):
            loaded, file_problems = load_offer_file(source, display_root, today, memo)
            if loaded is not None and loaded.offer.image is not None:
                file_problems = file_problems + _image_problems(loaded)
                loaded = None if _has_error(file_problems) else loaded
            catalog.problems.extend(file_problems)
            if loaded is not None:
                loaded = inherit(loaded, defaults or OfferDefaults())
                catalog.problems.extend(contact_problems(loaded))
                catalog.offers.append(loaded)
            if number % SETTLE_EVERY == 0:
                settle()
    problems, duplicates = _duplicate_slugs(catalog.offers)
    catalog.problems.extend(problems)
    catalog.offers = [o for o in catalog.offers if id(o) not in duplicates]
    return catalog


SETTLE_EVERY = 256
"""Offer files loaded between two freezes of the objects built so far (see below)."""


def load_offer_file(
    source: Path, display_root: Path, today: date, memo: LoadMemo | None = None
) -> tuple[LoadedOffer | None, list[Problem]]:
    """Load and validate one file."""
    display = display_path(source, display_root)
    text, problems = read_text(source, display)
    if text is None:
        return None, problems
    if memo is not None and EXTENDS not in text:
        return memo.get(
            (str(source), display, today, text),
            lambda: load_offer_text(text, source, display, today, display_root),
        )
    # An offer that extends another is loaded again each time: the shared file may have changed.
    return load_offer_text(text, source, display, today, display_root)


def load_offer_text(
    text: str, source: Path, display: str, today: date, display_root: Path | None = None
) -> tuple[LoadedOffer | None, list[Problem]]:
    """Parse and validate offer YAML that is already in memory.

    ``display_root`` is the site's folder: paths of shared offers (``extends``) are shown
    relative to it, and it bounds them where the offer is not inside a git repository."""
    doc, problems = parse_yaml(text, display)
    if doc is None:
        return None, problems
    doc, shared = apply_extends(doc, source, display_root or source.parent)
    problems = problems + shared
    if doc is None:
        return None, problems
    offer, validation = validate_document(doc, today)
    problems = problems + validation
    if offer is None or any(p.severity == "error" for p in problems):
        return None, problems
    slug = offer.slug or source.stem
    if not SLUG.match(slug):
        problems.append(
            Problem(
                path=display,
                line=1,
                column=1,
                field="slug",
                message=f"the file name `{source.name}` cannot be used in a web address",
                expected="lower-case letters, digits and single hyphens, e.g. `website-audit`",
                fix=f"add `slug: {_suggest_slug(source.stem)}` to the file, or rename the file",
            )
        )
        return None, problems
    return LoadedOffer(offer=offer, document=doc, slug=slug, source=source), problems


def inherit(loaded: LoadedOffer, defaults: OfferDefaults) -> LoadedOffer:
    """``loaded`` with the site's default ``seller`` and ``cta`` where it has none."""
    offer = loaded.offer
    update = {
        name: value
        for name, value in (("seller", defaults.seller), ("cta", defaults.cta))
        if value is not None and getattr(offer, name) is None
    }
    if not update:
        return loaded
    return replace(loaded, offer=offer.model_copy(update=update))


def contact_problems(loaded: LoadedOffer) -> list[Problem]:
    """A warning for a page that gives no way to reach anyone: no ``cta``, no
    ``seller.contact``, from the offer or from the site's defaults."""
    offer = loaded.offer
    if offer.cta is not None or (offer.seller is not None and offer.seller.contact):
        return []
    where = ("seller",) if offer.seller is not None else ("title",)
    mark = loaded.document.key_mark_for(where)
    return [
        Problem(
            path=loaded.path,
            line=mark.line,
            column=mark.column,
            field="seller.contact" if offer.seller is not None else "cta",
            message="the page gives no way to contact you: no `cta`, no `seller.contact`, "
            "and no site-wide `default_cta` or `default_seller` with a contact",
            expected="a call to action or a seller's contact on every offer page",
            fix="add `cta:` with `label: Ask a question` and `url: mailto:you@your-shop.eu` "
            "(your address), or `seller:` with a `contact`; for every offer at once, set the "
            "plugin options `default_seller` or `default_cta` in the site config",
            severity="warning",
        )
    ]


def image_file(loaded: LoadedOffer) -> Path | None:
    """The picture an offer declares: ``image.src`` beside the offer's YAML file."""
    image = loaded.offer.image
    return loaded.source.parent / image.src if image is not None else None


def _image_problems(loaded: LoadedOffer) -> list[Problem]:
    """A declared picture that is not there (checked on every load, so that adding the file
    fixes the error without touching the YAML), or that a link leads out of the folder."""
    path = image_file(loaded)
    if path is None:
        return []
    folder = loaded.source.parent.resolve()
    if path.is_file() and path.resolve().is_relative_to(folder):
        return []
    mark = loaded.document.mark_for(("image", "src"))
    src = loaded.offer.image.src if loaded.offer.image else ""
    wanted = (PurePosixPath(loaded.path).parent / src).as_posix()
    message = (
        f"`{src}` is a link that leads out of the offer's folder"
        if path.is_file()
        else f"the picture `{wanted}` does not exist"
    )
    return [
        Problem(
            path=loaded.path,
            line=mark.line,
            column=mark.column,
            field="image.src",
            message=message,
            expected="the path of a picture file, relative to the offer's YAML file",
            fix=f"put the picture at {wanted}, or correct `src:` (relative to the offer file)",
        )
    ]


def _has_error(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def _duplicate_slugs(offers: list[LoadedOffer]) -> tuple[list[Problem], set[int]]:
    """An error for each offer whose slug an earlier one has, and those offers (by ``id``)."""
    first: dict[str, LoadedOffer] = {}
    problems = []
    duplicates: set[int] = set()
    for loaded in offers:
        if loaded.slug not in first:
            first[loaded.slug] = loaded
            continue
        duplicates.add(id(loaded))
        mark = loaded.document.mark_for(("slug",))
        problems.append(
            Problem(
                path=loaded.document.path_for(("slug",)),
                line=mark.line,
                column=mark.column,
                field="slug",
                message=f"the slug `{loaded.slug}` is already used by {first[loaded.slug].path}",
                expected="a different slug for every offer (each becomes its own page)",
                fix="give one of the two offers its own `slug:`",
            )
        )
    return problems, duplicates


def _suggest_slug(stem: str) -> str:
    return slugify(stem) or "my-offer"
