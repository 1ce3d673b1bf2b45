"""Pydantic's errors, reworded for the person who edits the YAML.

Every error names what was expected and how to fix it, with an example taken from
:data:`FIELD_HELP`. Unknown keys get a did-you-mean from the model's own field names.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from honest_offers.load.yaml_source import PathKey
from honest_offers.validate.model import Billing, Offer


@dataclass(frozen=True, slots=True)
class FieldHelp:
    expected: str
    example: str


_BILLING = ", ".join(b.value for b in Billing)

FIELD_HELP: dict[str, FieldHelp] = {
    "": FieldHelp("a mapping of offer fields", "title: Website audit"),
    "title": FieldHelp("a short title", "title: Website accessibility audit"),
    "summary": FieldHelp(
        "one or two sentences", "summary: We test your site and tell you what to fix."
    ),
    "does": FieldHelp(
        "a list of what the offer does (at least one)",
        "does:\n  - Tests every page against WCAG 2.2 AA",
    ),
    "does_not": FieldHelp(
        "a list of what the offer does not do (at least one)",
        "does_not:\n  - Does not fix the problems it finds",
    ),
    "for": FieldHelp(
        "a list of who the offer is for (at least one)",
        "for:\n  - Small shops with fewer than 50 pages",
    ),
    "not_for": FieldHelp(
        "a list of who should choose something else (at least one)",
        "not_for:\n  - Sites that need a legal certificate",
    ),
    "*.item": FieldHelp("a line of text", "- Tests every page"),
    "price": FieldHelp(
        "a mapping with amount, currency, billing and taxes_included",
        "price:\n  amount: 490\n  currency: EUR\n  billing: one-time\n  taxes_included: true",
    ),
    "price.amount": FieldHelp("a number ≥ 0, without currency sign", "amount: 490.00"),
    "price.currency": FieldHelp("an ISO 4217 code in capitals", "currency: EUR"),
    "price.billing": FieldHelp(f"one of: {_BILLING}", "billing: monthly"),
    "price.taxes_included": FieldHelp("true or false", "taxes_included: true"),
    "price.tax_note": FieldHelp("a short note on taxes", "tax_note: incl. 19% VAT"),
    "price.fees": FieldHelp(
        "a list of mandatory fees, each with name and amount",
        "fees:\n  - name: Delivery\n    amount: 4.90",
    ),
    "price.fees.*": FieldHelp("a fee with name and amount", "- name: Delivery\n  amount: 4.90"),
    "price.fees.*.name": FieldHelp("the fee's name", "name: Delivery"),
    "price.fees.*.amount": FieldHelp("a number ≥ 0", "amount: 4.90"),
    "price.fees.*.once": FieldHelp("true or false", "once: true"),
    "price.change": FieldHelp(
        "a mapping with effective, amount and reason",
        "change:\n  effective: 2027-02-01\n  amount: 49\n  reason: The introductory price ends",
    ),
    "price.change.effective": FieldHelp("a date (YYYY-MM-DD)", "effective: 2027-02-01"),
    "price.change.amount": FieldHelp("a number ≥ 0", "amount: 49"),
    "price.change.reason": FieldHelp(
        "why the price changes", "reason: The introductory price ends"
    ),
    "market_price": FieldHelp(
        "a mapping with low, high, currency and basis",
        "market_price:\n  low: 300\n  high: 900\n  currency: EUR\n"
        "  basis: Prices of five agencies, checked November 2026",
    ),
    "market_price.low": FieldHelp("a number ≥ 0", "low: 300"),
    "market_price.high": FieldHelp("a number ≥ 0", "high: 900"),
    "market_price.currency": FieldHelp("an ISO 4217 code in capitals", "currency: EUR"),
    "market_price.basis": FieldHelp(
        "how the range was found: sources and when",
        "basis: Five agencies' public prices, November 2026",
    ),
    "price_rationale": FieldHelp(
        "why the price is what it is", "price_rationale: Includes a re-test after your fixes."
    ),
    "slug": FieldHelp("lower-case letters, digits and single hyphens", "slug: website-audit"),
    "alternatives": FieldHelp(
        "a list of alternatives, each with at least a name",
        "alternatives:\n  - name: Free checker\n    price: 0",
    ),
    "alternatives.*": FieldHelp("an alternative with a name", "- name: Do it yourself\n  price: 0"),
    "alternatives.*.name": FieldHelp("the alternative's name", "name: Do it yourself"),
    "alternatives.*.price": FieldHelp("a number ≥ 0 in the offer's currency", "price: 0"),
    "alternatives.*.billing": FieldHelp(f"one of: {_BILLING}", "billing: monthly"),
    "alternatives.*.note": FieldHelp("a line of text", "note: Slower, but free"),
    "alternatives.*.url": FieldHelp("an https:// link", "url: https://example.org/guide"),
    "terms": FieldHelp(
        "a mapping with refund, cancellation and/or guarantee",
        "terms:\n  cancellation: Cancel online at any time.",
    ),
    "timing": FieldHelp(
        "a mapping with good_time and/or wait_if",
        "timing:\n  good_time: Before a redesign\n  wait_if: You are about to change platforms",
    ),
    "availability": FieldHelp(
        "a mapping with next_start, timezone, capacity, per",
        "availability:\n  next_start: 2027-03-14\n  capacity: 12\n  per: cohort",
    ),
    "availability.next_start": FieldHelp(
        "a date (YYYY-MM-DD) or date and time", "next_start: 2027-03-14 10:00"
    ),
    "availability.timezone": FieldHelp("an IANA time zone name", "timezone: Europe/Berlin"),
    "availability.capacity": FieldHelp("a whole number ≥ 1", "capacity: 12"),
    "availability.per": FieldHelp("what the capacity is counted per", "per: cohort"),
    "cta": FieldHelp(
        "a mapping with label and url",
        "cta:\n  label: Ask a question\n  url: mailto:hello@example.com",
    ),
    "cta.label": FieldHelp("a calm label", "label: Ask a question"),
    "cta.url": FieldHelp("an https://, mailto: or tel: link", "url: mailto:hello@example.com"),
    "details": FieldHelp("Markdown text", "details: |\n  ## How it works\n  ..."),
    "seller": FieldHelp(
        "a mapping with name and contact",
        "seller:\n  name: Example Studio\n  contact: hello@example.com",
    ),
    "seller.name": FieldHelp("the seller's name", "name: Example Studio"),
    "seller.contact": FieldHelp("an email address or link", "contact: hello@example.com"),
    "lang": FieldHelp("a language code", "lang: en"),
}
_TEXT_FIELDS = ("terms.", "timing.")


def help_for(loc: PathKey) -> FieldHelp:
    """The help entry for a location; list indices collapse to ``*``."""
    key = ".".join("*" if isinstance(part, int) else str(part) for part in loc)
    if key in FIELD_HELP:
        return FIELD_HELP[key]
    if key.endswith(".*") and key[:-2] in ("does", "does_not", "for", "not_for"):
        return FIELD_HELP["*.item"]
    if key.startswith(_TEXT_FIELDS):
        return FieldHelp("a line of text", f"{loc[-1]}: ...")
    return FieldHelp("a valid value", f"{loc[-1] if loc else 'title'}: ...")


@dataclass(frozen=True, slots=True)
class Reworded:
    loc: PathKey
    message: str
    expected: str
    fix: str
    points_at_key: bool = False


def reword(error: ErrorDetails) -> Reworded:
    """One pydantic error → what is wrong, what was expected, how to fix it."""
    loc = _user_loc(tuple(error["loc"]), error["type"])
    kind = error["type"]
    helper = help_for(loc)
    example = _indent(helper.example)
    if kind == "missing":
        return Reworded(
            loc,
            "is required but missing",
            helper.expected,
            f"add it, for example:{example}",
            points_at_key=True,
        )
    if kind == "extra_forbidden":
        return _unknown_key(loc)
    got = _describe(error.get("input"))
    if kind in ("value_error", "assertion_error"):
        reason = str(error.get("ctx", {}).get("error", error["msg"]))
        return Reworded(loc, reason, helper.expected, f"write it like this:{example}")
    if kind in ("too_short", "string_too_short"):
        return Reworded(
            loc, f"is empty ({got})", helper.expected, f"fill it in, for example:{example}"
        )
    if kind in ("too_long", "string_too_long"):
        limit = error.get("ctx", {}).get("max_length")
        return Reworded(
            loc,
            f"is too long (at most {limit})",
            helper.expected,
            "shorten it; long explanations belong in `details`",
        )
    if kind == "string_pattern_mismatch" and loc == ("slug",):
        return Reworded(
            loc,
            f"{got} cannot be used in a web address",
            helper.expected,
            f"write it like this:{example}",
        )
    reason = error["msg"][0].lower() + error["msg"][1:]
    return Reworded(loc, f"got {got}: {reason}", helper.expected, f"write it like this:{example}")


def _unknown_key(loc: PathKey) -> Reworded:
    key = str(loc[-1])
    allowed = allowed_keys(loc[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        fix = f"did you mean `{close[0]}`? Rename `{key}` to `{close[0]}`"
    else:
        fix = f"remove `{key}`, or move its text into `details`"
    return Reworded(
        loc, f"unknown field `{key}`", "one of: " + ", ".join(allowed), fix, points_at_key=True
    )


def allowed_keys(parent: PathKey) -> list[str]:
    """The keys the model accepts at ``parent`` (by alias, in declaration order)."""
    model = _model_at(parent)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(loc: PathKey) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Offer
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        fields = {info.alias or name: info for name, info in model.model_fields.items()}
        if part not in fields:
            return None
        model = _find_model(fields[part].annotation)
    return model


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in get_args(annotation):
            found = _find_model(arg)
            if found is not None:
                return found
    return None


def _user_loc(loc: tuple[Any, ...], kind: str) -> PathKey:
    """Keep the parts of pydantic's loc that the user wrote: keys the model knows, and list
    indices. Union member names (``date``, ``datetime``) and validator tags are dropped; an
    unknown key stays at the end of an ``extra_forbidden`` error."""
    cleaned: list[str | int] = []
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(part, int) or part in allowed_keys(tuple(cleaned)):
            cleaned.append(part)
        elif last and kind == "extra_forbidden":
            cleaned.append(str(part))
    return tuple(cleaned)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}' (text)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return repr(value) if not hasattr(value, "isoformat") else str(value)


def _indent(example: str) -> str:
    return "\n        " + example.replace("\n", "\n        ")
