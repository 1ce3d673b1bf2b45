"""Suppressions: allow a rule where a reviewer can read why, and report every use.

In Markdown (and HTML) a suppression is an HTML comment::

    <!-- honest-offers: allow HO201 reason="Seats are counted live by our booking system" -->

Grammar (spaces are optional around ``:``, ``,`` and ``=``; case does not matter except in
the reason)::

    marker = "<!--" "honest-offers" ":" ( "allow" | "allow-page" ) codes
             [ "reason" "=" quoted ] "-->"
    codes  = code { [","] code }            code = "HO" digit digit digit
    quoted = '"' { any character but '"' } '"' | "'" { any character but "'" } "'"

Scope of ``allow``: the rest of the line on which the comment ends, then the block that
follows: the next non-blank line that is not itself only a marker (so several markers can
stand above one line) and the lines after it up to the next blank line — a paragraph, a
list, a quote or a table, in Markdown and in the HTML it renders to. ``allow-page`` allows
its rules on the whole page, wherever it stands (in Markdown, front matter
``honest_offers: {allow: [{rule, reason}]}`` says the same). The reason needs at
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
from typing import Literal

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.markup_rules import VOID_ELEMENTS
from honest_offers.check.registry import RULES, Rule, RuleDoc, register
from honest_offers.check.text import finding, position

BROWSER_ONLY = frozenset({"HO618"})
"""Rules only ``--browser`` finds: a marker for them alone is not unused in a static check."""


def found_in_pages(code: str) -> bool:
    """Whether a check of a page can find rule ``code``: not the facts-and-prose rules
    (HO7xx), which read a page's words against its offer's YAML. An offer's ``allow`` of
    them is not carried into its built page, where it would allow nothing."""
    return not code.upper().startswith("HO7")


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
    r"\s*allow(?P<page>-page)?\s+(?P<codes>[a-z0-9]+(?:\s*,?\s*(?!reason\b)[a-z0-9]+)*)"
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


Reach = Literal["block", "element", "line"]
"""What an ``allow`` marker covers after its own line: the Markdown block (up to a blank
line), the next HTML element (to its end tag), or the next line (a comment in code)."""


def parse_markers(
    text: str, *, path: str, line: int = 1, column: int = 1, reach: Reach = "block"
) -> Markers:
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
        if not codes:
            continue
        scope: tuple[tuple[int, int], ...] | None = None  # allow-page: the whole page
        if not _is_page_marker(match):
            end_line, end_column = position(text, match.end(), line, column)
            if lines is None:
                lines = text.split("\n")
            base: Reach = "line" if reach == "element" else reach
            scope = _scope(lines, end_line - line, end_line, end_column, line, base)
            if reach == "element":  # and the element that follows, to its end tag
                scope = _element_scope(text, match.end(), scope, line)
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
        if index not in used and not allowance.codes <= BROWSER_ONLY:
            result.findings.append(
                finding(UNUSED, path, allowance.line, allowance.column, allowance.excerpt)
            )
    return result


def page_marker(rule: str, reason: str) -> str:
    """An ``allow-page`` marker for ``rule`` with ``reason``, as a built page carries a
    Markdown page's front matter ``honest_offers: allow`` entry (quotes and ``--`` that would
    end the marker or the comment are replaced; an empty reason stays empty)."""
    quote = "'" if '"' in reason and "'" not in reason else '"'
    reason = reason.replace(quote, "\u2019" if quote == "'" else "\u201d").replace("--", "\u2013")
    said = f" reason={quote}{reason}{quote}" if reason else ""
    return f"<!-- honest-offers: allow-page {rule.replace('--', '')}{said} -->"


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


def _is_page_marker(match: re.Match[str]) -> bool:
    body = _BODY.fullmatch(match.group("body"))
    return body is not None and body.group("page") is not None


def _scope(
    lines: list[str], index: int, end_line: int, end_column: int, first_line: int, reach: Reach
) -> tuple[tuple[int, int], ...]:
    """The rest of the marker's last line, then the next line with text that is not a marker,
    and for a ``block`` the lines that follow it up to a blank line."""
    scope = [(end_line, end_column)]
    in_block = False
    for offset, content in enumerate(lines[index + 1 :], start=1):
        if not content.strip():
            if in_block:
                break
            continue
        if not in_block and _ONLY_MARKERS.match(content):
            continue
        in_block = True
        scope.append((first_line + index + offset, 1))
        if reach == "line":
            break
    return tuple(scope)


_NEXT_TAG = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?P<name>[a-zA-Z][\w-]*)", re.DOTALL)


def _element_scope(
    text: str, end: int, scope: tuple[tuple[int, int], ...], first_line: int
) -> tuple[tuple[int, int], ...]:
    """``scope`` (the marker's line and the next), widened to every line of the element that
    follows the marker, from its start tag to its matching end tag (a quote, a list, a
    table, a paragraph)."""
    opened = _NEXT_TAG.match(text, end)
    if opened is None:
        return scope
    name = opened.group("name").lower()
    start = opened.start("name") - 1
    close = start + 1 if name in VOID_ELEMENTS else _matching_end(text, name, start)
    first = first_line + text.count("\n", 0, start)
    last = first + text.count("\n", start, close)
    covered = {number for number, _ in scope}
    return scope + tuple((n, 1) for n in range(first, last + 1) if n not in covered)


def _matching_end(text: str, name: str, start: int) -> int:
    """Offset of the end tag that closes the ``name`` element opened at ``start`` (nested
    elements of the same name counted), or the end of the text."""
    tags = re.compile(rf"<(/?){re.escape(name)}\b", re.IGNORECASE)
    depth = 0
    for tag in tags.finditer(text, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return len(text)
