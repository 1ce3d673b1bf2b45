"""Site-wide defaults that offers inherit: the plugin options ``default_seller`` and
``default_cta``.

A shop with one seller writes its name and contact once, in the site config, instead of in
every offer. An offer's own ``seller`` or ``cta`` replaces the default as a whole (no
field-by-field merge: what the page shows is what one place says). The options are checked
with the offer model's own ``Seller`` and ``CallToAction``, so a default is held to the same
rules as an offer's field, and its errors read the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

from honest_offers.diagnostics import Problem
from honest_offers.placeholders import find_placeholders
from honest_offers.validate.messages import reword
from honest_offers.validate.model import CallToAction, Seller

OPTIONS = {"default_seller": "seller", "default_cta": "cta"}
"""Plugin option → the offer field it stands in for."""


class _Defaults(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seller: Seller | None = None
    cta: CallToAction | None = None


@dataclass(frozen=True, slots=True)
class OfferDefaults:
    """What an offer without its own ``seller`` or ``cta`` shows instead."""

    seller: Seller | None = None
    cta: CallToAction | None = None


LineOf = Callable[[str], int | None]
"""The line of a plugin option in the config file (``None``: not found)."""


def read_defaults(
    options: Mapping[str, Any], path: str, config_text: str = ""
) -> tuple[OfferDefaults, list[Problem]]:
    """The defaults in the plugin's ``options``; each mistake a problem at ``path``, on the
    option's line in ``config_text`` (the config file's text) where it can be found."""
    data = {field: options[option] for option, field in OPTIONS.items() if option in options}
    data = {field: value for field, value in data.items() if value is not None}
    line_of = partial(_option_line, config_text)
    try:
        valid = _Defaults.model_validate(data)
    except ValidationError as exc:
        return OfferDefaults(), [_problem(error, path, line_of) for error in exc.errors()]
    defaults = OfferDefaults(seller=valid.seller, cta=valid.cta)
    return defaults, _placeholders(defaults, path, line_of)


def _placeholders(defaults: OfferDefaults, path: str, line_of: LineOf) -> list[Problem]:
    """Placeholders (an example.com contact, "Example Studio") in the defaults, as in an
    offer: a warning each, at the option."""
    values = {
        ("default_seller", "name"): defaults.seller.name if defaults.seller else None,
        ("default_seller", "contact"): defaults.seller.contact if defaults.seller else None,
        ("default_cta", "label"): defaults.cta.label if defaults.cta else None,
        ("default_cta", "url"): defaults.cta.url if defaults.cta else None,
    }
    return [
        Problem(
            path=path,
            line=line_of(option),
            column=None,
            field=f"{option}.{key}",
            message=placeholder.message,
            expected=placeholder.expected,
            fix=placeholder.fix,
            severity="warning",
        )
        for (option, key), value in values.items()
        if value
        for placeholder in find_placeholders(value, is_name=key == "name")
    ]


def _option_line(config_text: str, option: str) -> int | None:
    found = re.search(rf"^[ \t-]*{option}[ \t]*:", config_text, re.MULTILINE)
    return config_text.count("\n", 0, found.start()) + 1 if found else None


def _problem(error: ErrorDetails, path: str, line_of: LineOf) -> Problem:
    text = reword(error)
    field, *rest = (str(part) for part in text.loc)
    option = next(name for name, value in OPTIONS.items() if value == field)
    return Problem(
        path=path,
        line=line_of(option),
        column=None,
        field=".".join([option, *rest]),
        message=text.message,
        expected=text.expected,
        fix=text.fix.replace(f"{field}:", f"{option}:", 1),
    )
