"""Validate: plain YAML data → an :class:`Offer`, or problems that point into the file."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from honest_offers.diagnostics import Problem, Severity
from honest_offers.load.yaml_source import PathKey, YamlDocument, format_path
from honest_offers.validate.details import removed_markup
from honest_offers.validate.messages import reword
from honest_offers.validate.model import Billing, Offer
from honest_offers.validate.placeholders import offer_placeholders
from honest_offers.validate.rules import RuleViolation, check_rules, check_rules_on_valid_fields

__all__ = ["Billing", "Offer", "validate_document"]


def validate_document(doc: YamlDocument, today: date) -> tuple[Offer | None, list[Problem]]:
    """Check types and fields, then the cross-field transparency rules.

    ``today`` is passed in (not read from the clock) so that results are reproducible.
    Returns the offer when there is no error-level problem; warnings may accompany it.
    """
    try:
        offer = Offer.model_validate(doc.data)
    except ValidationError as exc:
        problems = [_reworded(doc, error) for error in exc.errors(include_url=False)]
        partial = _valid_fields(doc.data)
        if partial is not None:
            problems += _violations(doc, check_rules_on_valid_fields(partial, today))
        return None, _unique(problems + offer_placeholders(doc))

    problems = _violations(doc, check_rules(offer, today))
    problems += removed_markup(doc, offer.details)
    problems += offer_placeholders(doc)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return offer, problems


def _reworded(doc: YamlDocument, error: ErrorDetails) -> Problem:
    text = reword(error)
    mark = doc.key_mark_for(text.loc) if text.points_at_key else doc.mark_for(text.loc)
    return _problem(doc, text.loc, mark.line, mark.column, text.message, text.expected, text.fix)


def _violations(doc: YamlDocument, violations: list[RuleViolation]) -> list[Problem]:
    problems = []
    for violation in violations:
        mark = doc.mark_for(violation.points_at)
        problems.append(
            _problem(
                doc,
                violation.field,
                mark.line,
                mark.column,
                violation.message,
                violation.expected,
                violation.fix,
                violation.severity,
                at=violation.points_at,
            )
        )
    return problems


def _valid_fields(data: object) -> Offer | None:
    """An offer with only the top-level fields that are valid on their own, so that the
    cross-field rules among them are reported in the same round as the type errors."""
    if not isinstance(data, dict):
        return None
    construct: Any = Offer.model_construct  # no fields yet: they are set one by one below
    partial: Offer = construct()
    names = {info.alias or name: name for name, info in Offer.model_fields.items()}
    for key, value in data.items():
        if key in names:
            try:
                Offer.__pydantic_validator__.validate_assignment(partial, names[key], value)
            except ValidationError:
                continue
    return partial


def _problem(
    doc: YamlDocument,
    loc: PathKey,
    line: int,
    column: int,
    message: str,
    expected: str,
    fix: str,
    severity: Severity = "error",
    at: PathKey | None = None,
) -> Problem:
    """A problem with the field ``loc``, in the file that holds ``at`` (default: ``loc``):
    of an offer that extends a shared file, the line pointed at may be in either."""
    return Problem(
        path=doc.path_for(loc if at is None else at),
        line=line,
        column=column,
        field=format_path(loc) or None,
        message=message,
        expected=expected,
        fix=fix,
        severity=severity,
    )


def _unique(problems: list[Problem]) -> list[Problem]:
    """Union fields report one error per member type; the user needs to read it once."""
    seen: set[tuple[str | None, int, int]] = set()
    unique = []
    for problem in problems:
        key = (problem.field, problem.line or 0, problem.column or 0)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique
