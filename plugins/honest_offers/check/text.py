"""Find pressure tactics in a piece of text: the text half of the honesty check.

Every phrase table of a context is compiled once into a single pattern, so a text is scanned
once for all phrase rules plus once per detector. Matches are made on normalised text and
reported on the original: the excerpt is quoted exactly as written, with its real line and
column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from honest_offers.check import misdirection, pricing, scarcity, social_proof, urgency
from honest_offers.check.finding import Finding
from honest_offers.check.normalize import normalize
from honest_offers.check.phrases import NEGATION, Context, Detector, PhraseRule, Span
from honest_offers.check.registry import Rule

PHRASES: tuple[PhraseRule, ...] = (
    *urgency.PHRASES,
    *scarcity.PHRASES,
    *social_proof.PHRASES,
    *misdirection.PHRASES,
    *pricing.PHRASES,
)
DETECTORS: tuple[Detector, ...] = (
    *urgency.DETECTORS,
    *scarcity.DETECTORS,
    *social_proof.DETECTORS,
    *misdirection.DETECTORS,
    *pricing.DETECTORS,
)

_NEGATED = re.compile(rf"\b{NEGATION}\b[^.!?;:,]{{0,32}}$")
_NEGATION_WINDOW = 48
_QUOTE_LIMIT = 80
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's match in the original text: ``text[start:end]`` is the excerpt."""

    rule: Rule
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: re.Pattern[str]
    phrases: dict[str, PhraseRule]
    guards: dict[str, re.Pattern[str]]


@cache
def _compiled(context: Context) -> _Compiled:
    """One pattern with a named group per phrase rule; "attribute" shares the prose pattern."""
    if context == "attribute":
        return _compiled("prose")
    phrases = {f"p{i}": p for i, p in enumerate(PHRASES) if context in p.contexts}
    source = "|".join(f"(?P<{name}>{'|'.join(p.patterns)})" for name, p in phrases.items())
    guards = {name: re.compile(p.unless_before) for name, p in phrases.items() if p.unless_before}
    return _Compiled(re.compile(source), phrases, guards)


def compile_all() -> None:
    """Compile the patterns now rather than on the first check (e.g. before timing a run)."""
    for context in ("prose", "label"):
        _compiled(context)


def scan(text: str, context: Context = "prose") -> list[Hit]:
    """Every pressure tactic in ``text``, one hit per stretch of text, in reading order."""
    if not text or text.isspace():
        return []
    norm = normalize(text)
    spans = _phrase_spans(norm.text, _compiled(context))
    for detector in DETECTORS:
        spans.extend(detector(norm.text))
    hits = []
    for rule, start, end in _without_overlaps(spans):
        first, last = norm.original_span(start, end)
        hits.append(Hit(rule, first, last))
    return hits


def check_text(
    text: str,
    *,
    path: str,
    line: int = 1,
    column: int = 1,
    context: Context = "prose",
) -> list[Finding]:
    """Findings for ``text``, which starts at ``line``:``column`` of the file ``path``.

    ``context`` is "prose" for running text, "label" for button, link and input text (where
    confirmshaming and pressure calls to action are matched more loosely) and "attribute" for
    attribute values such as ``alt`` or ``title``.
    """
    found = []
    for hit in scan(text, context):
        at_line, at_column = position(text, hit.start, line, column)
        found.append(finding(hit.rule, path, at_line, at_column, text[hit.start : hit.end]))
    return found


def finding(rule: Rule, path: str, line: int, column: int, excerpt: str) -> Finding:
    """A finding of ``rule`` whose message quotes ``excerpt`` (on one line, shortened)."""
    quote = _SPACE.sub(" ", excerpt).strip()
    if len(quote) > _QUOTE_LIMIT:
        quote = quote[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        path=path,
        line=line,
        column=column,
        message=rule.describe(quote),
        excerpt=excerpt,
        suggestion=rule.doc.honest,
    )


def position(text: str, offset: int, line: int = 1, column: int = 1) -> tuple[int, int]:
    """The line and column of ``text[offset]`` when ``text`` starts at ``line``:``column``."""
    newlines = text.count("\n", 0, offset)
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)


def _phrase_spans(norm: str, compiled: _Compiled) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    search = compiled.pattern.search
    while match := search(norm, pos):
        start, end = match.span()
        name = match.lastgroup or ""
        phrase = compiled.phrases[name]
        guard = compiled.guards.get(name)
        if (phrase.negatable and _is_negated(norm, start)) or (
            guard is not None and guard.search(norm, _sentence_start(norm, start), start)
        ):
            pos = start + 1
            continue
        if end > start:
            spans.append((phrase.rule, start, end))
        pos = max(end, start + 1)
    return spans


def _is_negated(norm: str, start: int) -> bool:
    return _NEGATED.search(norm, max(0, start - _NEGATION_WINDOW), start) is not None


def _sentence_start(norm: str, start: int) -> int:
    low = max(0, start - _NEGATION_WINDOW)
    return max(norm.rfind(".", low, start), norm.rfind("!", low, start), low - 1) + 1


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the earliest (then longest) span of each overlapping group."""
    kept: list[Span] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s[1], -s[2], s[0].code)):
        if span[1] >= reach:
            kept.append(span)
            reach = span[2]
    return kept
