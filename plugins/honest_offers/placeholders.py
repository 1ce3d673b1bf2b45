"""Placeholders: values written to be replaced, found by their shape.

``honest-offers new-site`` writes an example offer and a home page with values nobody can
use: addresses at ``example.com`` (reserved for examples by RFC 2606: no mail arrives there,
no page is served) and the seller "Example Studio"; the fix examples of our own error
messages use them too. Left in, they publish a page whose contact goes nowhere. What is
found is the shape, not the scaffold's exact words: any address at ``example.com``, ``.net``
or ``.org`` (subdomains too), a name with the word "example" in it, and "lorem ipsum"
filler. The ``.example`` top-level domain, which documentation (and our example site) uses
for fictional shops, is not written by the scaffold and is left alone.

Callers report each as a located warning (:mod:`honest_offers.validate.placeholders` for
offers, :func:`honest_offers.site.page_placeholders` for Markdown pages): a fresh site
builds and can be previewed at once, the build lists what is left to replace, and
``mkdocs build --strict`` and ``honest-offers check --strict`` fail until it is done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESS = re.compile(
    r"(?<![\w.-])(?:[\w.+-]+@)?(?:[a-z0-9-]+\.)*example\.(?:com|net|org)(?![\w-])",
    re.IGNORECASE,
)
HINT = re.compile(r"example\.(?:com|net|org)")
"""What every placeholder address holds (lower case); cheaper than :data:`_ADDRESS`."""
_FILLER = re.compile(r"\blorem ipsum\b", re.IGNORECASE)
_EXAMPLE_WORD = re.compile(r"\bexample\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder in a text: where it starts, what it is, and how to fix it."""

    start: int
    text: str
    message: str
    expected: str
    fix: str


def find_placeholders(text: str, *, is_name: bool = False) -> list[Placeholder]:
    """Every placeholder in ``text``, in order; ``is_name``: the text is a name (a
    seller's), where the word "example" marks one."""
    lower = text.lower()  # each shape needs one of these: most texts have none
    if "lorem" not in lower and not (is_name and "example" in lower) and not HINT.search(lower):
        return []
    found = [_address(match.start(), match.group(0)) for match in _ADDRESS.finditer(text)]
    found += [
        Placeholder(
            match.start(),
            match.group(0),
            f"`{match.group(0)}` is placeholder text",
            "the offer's real words",
            "replace the filler with what a buyer needs to know",
        )
        for match in _FILLER.finditer(text)
    ]
    if is_name and _EXAMPLE_WORD.search(text):
        found.append(
            Placeholder(
                0,
                text,
                f"`{text}` is a placeholder name",
                "the name a buyer knows you by",
                f"replace `{text}` with your own or your business's name",
            )
        )
    return sorted(found, key=lambda placeholder: placeholder.start)


def _address(start: int, text: str) -> Placeholder:
    return Placeholder(
        start,
        text,
        f"`{text}` is a placeholder address: example.com is reserved for examples, so nobody "
        "receives mail or finds a page there",
        "your own address or link",
        f"replace `{text}` with your real address, or remove it",
    )
