"""Placeholders in an offer's values (:mod:`honest_offers.placeholders`): a located warning
at each, naming the field, so that the scaffold's example values never reach a published
page unnoticed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from honest_offers.diagnostics import Problem
from honest_offers.load.yaml_source import PathKey, YamlDocument, format_path, value_at
from honest_offers.placeholders import HINT as _HINT
from honest_offers.placeholders import find_placeholders
from honest_offers.validate.positions import line_column, offset_of

NAME_FIELDS: frozenset[PathKey] = frozenset({("seller", "name")})
"""Fields that hold a name: there the word "example" marks a placeholder."""


def offer_placeholders(doc: YamlDocument) -> list[Problem]:
    """A warning for each placeholder in the values of ``doc``, at the placeholder itself."""
    if _may_hold_placeholders(doc.fingerprint):
        values = list(_strings(doc.data, ()))
    else:  # most files: only the names can hold one
        values = [
            (loc, value) for loc in NAME_FIELDS if isinstance(value := value_at(doc.data, loc), str)
        ]
    problems = []
    for loc, value in values:
        for placeholder in find_placeholders(value, is_name=loc in NAME_FIELDS):
            line, column = _where(doc, loc, placeholder.text)
            problems.append(
                Problem(
                    path=doc.path_for(loc),
                    line=line,
                    column=column,
                    field=format_path(loc) or None,
                    message=placeholder.message,
                    expected=placeholder.expected,
                    fix=placeholder.fix,
                    severity="warning",
                )
            )
    return problems


def _may_hold_placeholders(text: str) -> bool:
    """Whether the files' text could hold a placeholder address or filler: each needs
    "example.com" (.net, .org) or "lorem", which a value has only if its file spells it (or
    escapes letters, ``\\``). A name is a placeholder by the word "example" alone."""
    lower = text.lower()
    return _HINT.search(lower) is not None or "lorem" in lower or "\\" in text


def _strings(data: Any, loc: PathKey) -> Iterator[tuple[PathKey, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))


def _where(doc: YamlDocument, loc: PathKey, text: str) -> tuple[int, int]:
    """The placeholder's own line and column where the file spells it as read (plain, quoted
    and block text do), else the value's."""
    mark = doc.mark_for(loc)
    source = doc.document_for(loc).text
    at = source.find(text, offset_of(source, mark.line, mark.column))
    return line_column(source, at) if at >= 0 else (mark.line, mark.column)
