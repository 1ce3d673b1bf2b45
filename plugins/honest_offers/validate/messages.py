"""Pydantic's errors, reworded for the person who edits the YAML.

Every error names what was expected and how to fix it, with an example taken from
:data:`FIELD_HELP`. Unknown keys get a did-you-mean from the model's own field names.
"""

from __future__ import annotations

import difflib
import re
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
    "does.*": FieldHelp("a line on what the offer does", "- Tests every page"),
    "does_not.*": FieldHelp(
        "a line on what the offer does not do", "- Does not fix the problems it finds"
    ),
    "for.*": FieldHelp("a line on who the offer is for", "- Small shops with fewer than 50 pages"),
    "not_for.*": FieldHelp(
        "a line on who should choose something else", "- Sites that need a legal certificate"
    ),
    "allow": FieldHelp(
        "a list of allowed rules, each with rule and reason",
        'allow:\n  - rule: HO201\n    reason: "Seats are counted live by our booking system"',
    ),
    "allow.*.rule": FieldHelp("a rule code: HO and three digits", "rule: HO201"),
    "allow.*.reason": FieldHelp(
        "why the rule does not apply here (10 to 500 characters)",
        'reason: "Seats are counted live by our booking system"',
    ),
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
        "a mapping with next_start, timezone, capacity, per, order_by",
        "availability:\n  next_start: 2027-03-14\n  capacity: 12\n  per: cohort",
    ),
    "availability.next_start": FieldHelp(
        "a date (YYYY-MM-DD) or date and time", "next_start: 2027-03-14 10:00"
    ),
    "availability.timezone": FieldHelp("an IANA time zone name", "timezone: Europe/Berlin"),
    "availability.capacity": FieldHelp("a whole number ≥ 1", "capacity: 12"),
    "availability.per": FieldHelp("what the capacity is counted per", "per: cohort"),
    "availability.order_by": FieldHelp(
        "a mapping with date and reason",
        "order_by:\n  date: 2027-12-20\n  reason: delivery before Christmas",
    ),
    "availability.order_by.date": FieldHelp(
        "the last day to order, as a date (YYYY-MM-DD)", "date: 2027-12-20"
    ),
    "availability.order_by.reason": FieldHelp(
        "what the date is for, in a few words",
        "reason: delivery before Christmas",
    ),
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
    "image": FieldHelp(
        "a mapping with src (a picture beside the offer file) and alt (what it shows)",
        "image:\n  src: images/garden-plan.jpg\n  alt: A hand-drawn plan of a small garden",
    ),
    "image.src": FieldHelp(
        "a path relative to the offer file, to a .jpg, .png, .webp, .avif or .gif",
        "src: images/garden-plan.jpg",
    ),
    "image.alt": FieldHelp(
        "what the picture shows, for people who cannot see it",
        "alt: A hand-drawn plan of a small garden",
    ),
    "kind": FieldHelp("goods or service", "kind: goods"),
    "lang": FieldHelp("a language code", "lang: en"),
}
_TEXT_FIELDS = ("terms.", "timing.")


def help_for(loc: PathKey) -> FieldHelp:
    """The help entry for a location; list indices collapse to ``*``."""
    key = ".".join("*" if isinstance(part, int) else str(part) for part in loc)
    if key in FIELD_HELP:
        return FIELD_HELP[key]
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
        fix = f"fill it in, for example:{example}"
        if _optional(loc):
            fix += f"\n    or remove the line `{loc[-1]}:` (the field is optional)"
        return Reworded(loc, f"is empty ({got})", helper.expected, fix)
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
    return _wrong_value(loc, kind, error, helper)


def _wrong_value(loc: PathKey, kind: str, error: ErrorDetails, helper: FieldHelp) -> Reworded:
    """A value of the wrong kind or form, said in the words of a YAML file, never in
    pydantic's (no Python type names, no regular expressions)."""
    value = error.get("input")
    got = _describe(value)
    example = f"write it like this:{_indent(helper.example)}"
    if isinstance(value, dict) and len(value) == 1 and kind == "string_type":
        line = _line_of(value)
        key = f"- {_quoted(line)}" if isinstance(loc[-1], int) else f"{loc[-1]}: {_quoted(line)}"
        return Reworded(
            loc,
            f"`{line}` was read as a key and a value, because of the `: ` in it",
            helper.expected,
            f"put the line in quotes:{_indent(key)}",
        )
    if isinstance(value, str) and kind in _NUMBER_KINDS:
        return _not_a_number(loc, value, helper)
    if kind == "enum":
        return _not_a_choice(loc, value, helper)
    if kind in _BOUNDS:
        bound = next(iter(error.get("ctx", {}).values()), "")
        return Reworded(loc, f"{got} {_BOUNDS[kind]} {bound}", helper.expected, example)
    if kind == "finite_number":
        return Reworded(loc, f"{got} is not a finite number", helper.expected, example)
    if kind == "decimal_max_places":
        return Reworded(loc, f"{got} has too many decimal places", helper.expected, example)
    if kind == "string_pattern_mismatch":
        return Reworded(loc, f"{got} does not have the expected form", helper.expected, example)
    return Reworded(loc, f"got {got}", helper.expected, example)


_NUMBER_KINDS = frozenset(
    {"decimal_parsing", "decimal_type", "float_parsing", "float_type", "int_parsing", "int_type"}
)
_BOUNDS = {
    "greater_than_equal": "is below the lowest allowed value,",
    "greater_than": "must be more than",
    "less_than_equal": "is above the highest allowed value,",
    "less_than": "must be less than",
}
_DECIMAL_COMMA = re.compile(r"^\d{1,3}(?:\.\d{3})*,\d+$|^\d+,\d+$")
_CURRENCY_SIGN = re.compile(r"[€$£¥₹]|\b[A-Z]{3}\b")


def _not_a_number(loc: PathKey, value: str, helper: FieldHelp) -> Reworded:
    text = value.strip()
    if _DECIMAL_COMMA.match(text):
        number = text.replace(".", "").replace(",", ".")
        return Reworded(
            loc,
            f"`{text}` uses a comma as the decimal sign",
            helper.expected,
            f"write the number with a point and no thousands separator: `{loc[-1]}: {number}`",
        )
    if _CURRENCY_SIGN.search(text):
        return Reworded(
            loc,
            f"`{text}` has a currency sign or code in it",
            helper.expected,
            "write only the number; the currency has its own field (`currency: EUR`)",
        )
    return Reworded(
        loc,
        f"`{text}` is not a number",
        helper.expected,
        f"write it like this:{_indent(helper.example)}",
    )


def _not_a_choice(loc: PathKey, value: Any, helper: FieldHelp) -> Reworded:
    written = str(value)
    choice = closest_billing(written)
    fix = (
        f"did you mean `{choice}`? Write `{loc[-1]}: {choice}`"
        if choice
        else (f"write it like this:{_indent(helper.example)}")
    )
    return Reworded(loc, f"`{written}` is not one of the choices", helper.expected, fix)


BILLING_MEANINGS: dict[Billing, tuple[str, ...]] = {
    Billing.ONE_TIME: (
        "one-off",
        "oneoff",
        "once",
        "single",
        "one-payment",
        "lifetime",
        "upfront",
        "up-front",
        "flat",
        "fixed",
        "one-time-payment",
        "onetime",
    ),
    Billing.WEEKLY: ("week", "per-week", "a-week", "every-week", "weekly"),
    Billing.MONTHLY: ("month", "per-month", "a-month", "every-month", "mo", "pm"),
    Billing.QUARTERLY: ("quarter", "per-quarter", "every-three-months", "three-monthly"),
    Billing.YEARLY: (
        "year",
        "annual",
        "annually",
        "per-year",
        "a-year",
        "every-year",
        "per-annum",
        "pa",
        "yearly",
    ),
    Billing.PER_HOUR: ("hour", "hourly", "an-hour", "per-hr", "hr"),
    Billing.PER_DAY: ("day", "daily", "a-day", "per-diem"),
    Billing.PER_SESSION: (
        "session",
        "each-session",
        "per-lesson",
        "per-class",
        "per-appointment",
        "per-visit",
    ),
    Billing.PER_PERSON: (
        "person",
        "per-participant",
        "per-head",
        "per-seat",
        "per-attendee",
        "per-user",
        "each-person",
    ),
    Billing.PER_UNIT: ("unit", "per-item", "per-piece", "each", "per-pc", "apiece"),
}
"""Words people write for each kind of billing: a did-you-mean by meaning before spelling
(`one-off` is `one-time`, although it is spelled more like `monthly`)."""
_MEANING = {word: billing for billing, words in BILLING_MEANINGS.items() for word in words}


def closest_billing(written: str) -> str | None:
    """The billing value someone most likely meant by ``written``."""
    normal = re.sub(r"[\s_]+", "-", written.strip().lower())
    if normal in _MEANING:
        return _MEANING[normal].value
    choices = [billing.value for billing in Billing]
    if normal in choices:
        return normal
    close = difflib.get_close_matches(normal, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _line_of(mapping: dict[Any, Any]) -> str:
    key, value = next(iter(mapping.items()))
    return f"{key}: {value}" if value is not None else f"{key}:"


def _quoted(line: str) -> str:
    return '"' + line.replace("\\", "\\\\").replace('"', '\\"') + '"'


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


def _optional(loc: PathKey) -> bool:
    """Whether the field at ``loc`` may be left out of the file."""
    model = _model_at(loc[:-1]) if loc and isinstance(loc[-1], str) else None
    if model is None:
        return False
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    info = fields.get(str(loc[-1]))
    return info is not None and not info.is_required()


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
