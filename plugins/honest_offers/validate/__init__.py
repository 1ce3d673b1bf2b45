"""Validate: plain YAML data → an :class:`Offer`, or problems that point into the file."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from honest_offers.diagnostics import Problem, Severity
from honest_offers.load.yaml_source import PathKey, YamlDocument, format_path
from honest_offers.validate.messages import reword
from honest_offers.validate.model import Billing, Offer
from honest_offers.validate.rules import check_rules

__all__ = ["Billing", "Offer", "validate_document"]


def validate_document(doc: YamlDocument, today: date) -> tuple[Offer | None, list[Problem]]:
    """Check types and fields, then the cross-field transparency rules.

    ``today`` is passed in (not read from the clock) so that results are reproducible.
    Returns the offer when there is no error-level problem; warnings may accompany it.
    """
    try:
        offer = Offer.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            text = reword(error)
            mark_loc = doc.key_mark_for(text.loc) if text.points_at_key else doc.mark_for(text.loc)
            problems.append(
                _problem(
                    doc,
                    text.loc,
                    mark_loc.line,
                    mark_loc.column,
                    text.message,
                    text.expected,
                    text.fix,
                )
            )
        return None, _unique(problems)

    problems = []
    for violation in check_rules(offer, today):
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
            )
        )
    if any(p.severity == "error" for p in problems):
        return None, problems
    return offer, problems


def _problem(
    doc: YamlDocument,
    loc: PathKey,
    line: int,
    column: int,
    message: str,
    expected: str,
    fix: str,
    severity: Severity = "error",
) -> Problem:
    return Problem(
        path=doc.path,
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
