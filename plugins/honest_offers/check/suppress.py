"""Suppressions: allow a rule where a reviewer can read why, and report every use.

In Markdown (and HTML) a suppression is an HTML comment::

    <!-- honest-offers: allow HO201 reason="Seats are counted live by our booking system" -->

Grammar (spaces are optional around ``:``, ``,`` and ``=``; case does not matter except in
the reason)::

    marker = "<!--" "honest-offers" ":" "allow" codes [ "reason" "=" quoted ] "-->"
    codes  = code { [","] code }            code = "HO" digit digit digit
    quoted = '"' { any character but '"' } '"' | "'" { any character but "'" } "'"

Scope: the rest of the line on which the comment ends, then the next non-blank line that is
not itself only a marker (so several markers can stand above one line). The reason needs at
least :data:`MIN_REASON` characters, like ``allow[].reason`` in an offer. In an offer the
``allow`` list applies to the whole file.

A marker that cannot be read (HO903), has no reason (HO901) or names an unknown rule (HO902)
is itself an error and suppresses nothing; one that suppresses nothing is a warning (HO904).
Suppressed findings are never hidden: they go to :attr:`CheckResult.suppressed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.registry import RULES, Rule, RuleDoc, register
from honest_offers.check.text import finding, position

MIN_REASON = 10
"""The same minimum as ``allow[].reason`` in the offer model."""

NO_REASON = register(
    Rule(
        code="HO901",
        name="suppression-without-reason",
        summary="A suppression marker without a reason.",
        message="suppression without a reason: “{text}”",
        doc=RuleDoc(
            why=(
                "A suppression turns a rule off where a reviewer cannot see the tactic any "
                "more; the reason is what lets them judge it. Without one the marker does "
                "nothing and the build fails."
            ),
            bad="<!-- honest-offers: allow HO201 -->",
            honest=(
                "Say why the rule does not apply here: `<!-- honest-offers: allow HO201 "
                'reason="Seats are counted live by our booking system" -->`'
            ),
        ),
    )
)

UNKNOWN_RULE = register(
    Rule(
        code="HO902",
        name="suppression-unknown-rule",
        summary="A suppression that names a rule code that does not exist or cannot be allowed.",
        message="suppression of an unknown rule: “{text}”",
        doc=RuleDoc(
            why=(
                "A mistyped code would silently suppress nothing, or, worse, look as if a "
                "tactic had been reviewed. Codes are listed on the rules index page."
            ),
            bad='<!-- honest-offers: allow HO2O1 reason="Seats are counted live" -->',
            honest="Use a code from the rules index, e.g. HO201.",
        ),
    )
)

MALFORMED = register(
    Rule(
        code="HO903",
        name="suppression-malformed",
        summary="An honest-offers comment that is not a valid suppression marker.",
        message="unreadable suppression marker: “{text}”",
        doc=RuleDoc(
            why=(
                "A comment that starts with `honest-offers:` is meant as a marker; if it "
                "cannot be read it suppresses nothing, and the author should know."
            ),
            bad='<!-- honest-offers: alow HO201 reason="Seats are counted live" -->',
            honest=(
                'Write it as `<!-- honest-offers: allow HO201 reason="..." -->`, with one or '
                "more codes and a quoted reason."
            ),
        ),
    )
)

UNUSED = register(
    Rule(
        code="HO904",
        name="suppression-unused",
        summary="A suppression that suppresses no finding.",
        message="suppression that allows nothing here: “{text}”",
        severity="warning",
        doc=RuleDoc(
            why=(
                "A marker left behind after the text changed keeps a rule switched off for "
                "whatever is written there next. Remove markers that no longer apply."
            ),
            bad='<!-- honest-offers: allow HO201 reason="Seats are counted live" -->\nHello',
            honest="Delete the marker.",
        ),
    )
)

_MARKER = re.compile(r"<!--\s*honest-offers\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(
    r"\s*allow\s+(?P<codes>[a-z0-9]+(?:\s*,?\s*(?!reason\b)[a-z0-9]+)*)"
    r"(?:\s+reason\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'))?\s*",
    re.IGNORECASE | re.DOTALL,
)
_CODE = re.compile(r"[a-z0-9]+", re.IGNORECASE)
_ONLY_MARKERS = re.compile(r"^(?:\s*<!--\s*honest-offers\s*:.*?-->)+\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules allowed for a stretch of a file (``lines`` is ``None`` for the whole file)."""

    codes: frozenset[str]
    reason: str
    line: int
    column: int
    excerpt: str
    lines: tuple[tuple[int, int], ...] | None = None
    """``(line, first column)`` pairs: a finding at or after that column of the line."""

    def covers(self, item: Finding) -> bool:
        if item.rule not in self.codes:
            return False
        if self.lines is None:
            return True
        return any(item.line == line and item.column >= column for line, column in self.lines)


@dataclass(slots=True)
class Markers:
    """The usable suppressions of a text, and findings for the markers that are not."""

    suppressions: list[Suppression]
    problems: list[Finding]


def parse_markers(text: str, *, path: str, line: int = 1, column: int = 1) -> Markers:
    """Read every ``<!-- honest-offers: ... -->`` marker of ``text``.

    ``line`` and ``column`` give where ``text`` starts in ``path``. Callers blank out code
    first (a marker shown as code is an example, not a marker).
    """
    markers = Markers([], [])
    lines: list[str] | None = None
    for match in _MARKER.finditer(text):
        at_line, at_column = position(text, match.start(), line, column)
        parsed = _parse(match, path, at_line, at_column)
        if isinstance(parsed, Finding):
            markers.problems.append(parsed)
            continue
        codes, reason, problems = parsed
        markers.problems.extend(problems)
        if codes:
            end_line, end_column = position(text, match.end(), line, column)
            if lines is None:
                lines = text.split("\n")
            scope = _scope(lines, end_line - line, end_line, end_column, line)
            markers.suppressions.append(
                Suppression(codes, reason, at_line, at_column, match.group(), scope)
            )
    return markers


def apply_suppressions(
    findings: Iterable[Finding], suppressions: Iterable[Suppression], *, path: str
) -> CheckResult:
    """Move allowed findings to ``suppressed``; warn (HO904) about suppressions never used."""
    allowances = list(suppressions)
    used: set[int] = set()
    result = CheckResult()
    for item in findings:
        index = next((i for i, s in enumerate(allowances) if s.covers(item)), None)
        if index is None:
            result.findings.append(item)
            continue
        used.add(index)
        result.suppressed.append(Suppressed(item, allowances[index].reason))
    for index, allowance in enumerate(allowances):
        if index not in used:
            result.findings.append(
                finding(UNUSED, path, allowance.line, allowance.column, allowance.excerpt)
            )
    return result


def unknown_code(code: str) -> bool:
    """Whether ``code`` names no registered rule (HO9xx rules cannot be suppressed)."""
    return code not in RULES or code.startswith("HO9")


def _parse(
    match: re.Match[str], path: str, line: int, column: int
) -> Finding | tuple[frozenset[str], str, list[Finding]]:
    if match.group("body").strip().lower() == "rule-reference":
        return frozenset(), "", []  # marks a rule reference page (check/docs.py), allows nothing
    body = _BODY.fullmatch(match.group("body"))
    if body is None:
        return finding(MALFORMED, path, line, column, match.group())
    reason = (body.group("double") or body.group("single") or "").strip()
    if len(reason) < MIN_REASON:
        return finding(NO_REASON, path, line, column, match.group())
    codes = {code.upper() for code in _CODE.findall(body.group("codes"))}
    problems = [
        finding(UNKNOWN_RULE, path, line, column, code)
        for code in sorted(codes)
        if unknown_code(code)
    ]
    return frozenset(c for c in codes if not unknown_code(c)), reason, problems


def _scope(
    lines: list[str], index: int, end_line: int, end_column: int, first_line: int
) -> tuple[tuple[int, int], ...]:
    """The rest of the marker's last line, and the next line with text that is not a marker."""
    scope = [(end_line, end_column)]
    for offset, content in enumerate(lines[index + 1 :], start=1):
        if content.strip() and not _ONLY_MARKERS.match(content):
            scope.append((first_line + index + offset, 1))
            break
    return tuple(scope)
