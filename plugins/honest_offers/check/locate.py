"""Positions and markers for the markup and script checks.

Offsets in a source string become line and column only for findings.

The checks work on offsets (cheap) and turn them into 1-based line and column only for
findings (rare). Text handed to ``check_text`` is decoded and whitespace-collapsed, so it
carries anchors back to the source: ``Mapped`` keeps, for each piece of the decoded text,
where that piece starts in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.phrases import Context
from honest_offers.check.suppress import Reach, Suppression, apply_suppressions, parse_markers
from honest_offers.check.text import hit_findings, scan_cached

_NEWLINE = re.compile("\n")
_DIRECT_LOOKUPS = 8


class Lines:
    """Line and column of offsets in ``source``, which starts at ``line``:``column`` of its file.

    The first few lookups count newlines directly; after that an index of line starts pays off.
    """

    __slots__ = ("_column", "_line", "_lookups", "_source", "_starts")

    def __init__(self, source: str, line: int = 1, column: int = 1) -> None:
        self._source = source
        self._line = line
        self._column = column
        self._starts: list[int] | None = None
        self._lookups = 0

    def at(self, offset: int) -> tuple[int, int]:
        if self._starts is None and self._lookups < _DIRECT_LOOKUPS:
            self._lookups += 1
            index = self._source.count("\n", 0, offset)
            start = self._source.rfind("\n", 0, offset) + 1
        else:
            if self._starts is None:
                self._starts = [0, *[m.end() for m in _NEWLINE.finditer(self._source)]]
            index = bisect_right(self._starts, offset) - 1
            start = self._starts[index]
        column = offset - start + 1
        if index == 0:
            column += self._column - 1
        return self._line + index, column


def offset_of(text: str, line: int, column: int) -> int:
    """Offset in ``text`` of a 1-based line and column counted from the start of ``text``."""
    start = 0
    for _ in range(line - 1):
        newline = text.find("\n", start)
        if newline < 0:
            break
        start = newline + 1
    return min(start + column - 1, len(text))


@dataclass(slots=True)
class Mapped:
    """Decoded text plus, for each piece, the offset where it starts in the source.

    A piece is either verbatim (offsets inside it map one to one) or a replacement (an
    entity, an escape, collapsed whitespace, a placeholder), which maps to its start.
    """

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str, source: int, verbatim: bool = True) -> None:
        if not piece:
            return
        self.parts.append(piece)
        self.starts.append(self.length)
        self.sources.append(source)
        self.verbatim.append(verbatim)
        self.length += len(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def source(self, index: int) -> int:
        """Source offset of character ``index`` of the decoded text."""
        if not self.parts:
            return 0
        piece = max(bisect_right(self.starts, index) - 1, 0)
        delta = index - self.starts[piece] if self.verbatim[piece] else 0
        return self.sources[piece] + min(delta, max(len(self.parts[piece]) - 1, 0))


def text_findings(text: str, context: Context) -> tuple[Finding, ...]:
    """``check_text`` of ``text`` as if it stood alone at line 1, column 1 of no file, in the
    languages of the page (:func:`honest_offers.check.lang.current`). Its scan is cached
    (:func:`honest_offers.check.text.scan_cached`): every page of a site repeats its
    navigation, header and footer."""
    hits = scan_cached(text, context)
    return tuple(hit_findings(text, hits, "")) if hits else ()


def check_mapped(mapped: Mapped, context: Context, path: str, lines: Lines) -> list[Finding]:
    """``check_text`` of decoded text, with findings moved to their place in ``path``."""
    text = mapped.text
    found = text_findings(text, context) if text else ()
    return relocate(found, text, mapped, path, lines) if found else []


def check_decoded(
    text: str, mapping: Callable[[], Mapped], context: Context, path: str, lines: Lines
) -> list[Finding]:
    """``check_mapped`` of text whose ``Mapped`` is built only if it has findings."""
    found = text_findings(text, context) if text else ()
    return relocate(found, text, mapping(), path, lines) if found else []


def relocate(
    findings: tuple[Finding, ...] | list[Finding],
    text: str,
    mapped: Mapped,
    path: str,
    lines: Lines,
) -> list[Finding]:
    """Move findings reported against ``text`` (from line 1, column 1) to their source place."""
    moved = []
    for finding in findings:
        index = offset_of(text, finding.line, finding.column)
        line, column = lines.at(mapped.source(index))
        moved.append(replace(finding, path=path, line=line, column=column))
    return moved


_MARKER_COMMENT = re.compile(r"^(?://|/\*)\s*(honest-offers\s*:[\s\S]*?)(?:\*/)?$", re.IGNORECASE)


def comment_markers(
    code: str, comments: list[tuple[int, int]], source: str
) -> tuple[str, dict[int, int]]:
    """A view for ``parse_markers`` of a script or stylesheet: ``code`` (comments and strings
    blanked) with each ``// honest-offers: …`` or ``/* honest-offers: … */`` comment written
    back as ``<!-- honest-offers: … -->``, the one marker syntax of the project.

    Also returns, by offset of each marker, how much longer it got (its own line shifts).
    """
    parts, last, shifts = [], 0, {}
    for start, end in comments:
        marker = _MARKER_COMMENT.match(source[start:end].rstrip())
        if marker is None:
            continue
        written = f"<!-- {marker.group(1).strip()} -->"
        parts += [code[last:start], written]
        shifts[start] = len(written) - (end - start)
        last = end
    parts.append(code[last:])
    return "".join(parts), shifts


def with_markers(
    found: list[Finding],
    suppressed: list[Suppressed],
    view: str,
    path: str,
    lines: Lines,
    shifts: dict[int, int] | None = None,
) -> CheckResult:
    """Apply the suppression markers in ``view`` (same lines as the source) to ``found``.

    Markers written as comments of a script or stylesheet (``shifts`` given) cover the next
    line of code; HTML markers the next block (paragraph, list, quote, table)."""
    line, column = lines.at(0)
    reach: Reach = "element" if shifts is None else "line"
    markers = parse_markers(view, path=path, line=line, column=column, reach=reach)
    allowances = [_unshifted(s, shifts, lines) for s in markers.suppressions]
    result = apply_suppressions(found, allowances, path=path)
    result.findings += markers.problems
    result.suppressed += suppressed
    result.findings.sort(key=Finding.sort_key)
    result.suppressed.sort(key=lambda s: s.finding.sort_key())
    return result


def _unshifted(allowance: Suppression, shifts: dict[int, int] | None, lines: Lines) -> Suppression:
    """Undo the longer marker syntax on the marker's own line (``/* */`` → ``<!-- -->``)."""
    if not shifts or not allowance.lines:
        return allowance
    delta = next(
        (d for at, d in shifts.items() if lines.at(at) == (allowance.line, allowance.column)), 0
    )
    (end_line, end_column), *rest = allowance.lines
    return replace(allowance, lines=((end_line, end_column - delta), *rest))
