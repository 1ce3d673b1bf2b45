"""Check HTML — rendered pages of any generator, or theme templates — for pressure tactics.

A small package, one concern a module, each importing only the ones below it:

* :mod:`.walker`: one pass over a page's tokens; text joined as a browser shows it and
  checked as prose, labels and attributes; scripts, styles and nested HTML handed on;
* :mod:`.segments`: what a page shares with other pages is read once and replayed;
* :mod:`.markup`: what each start tag asks of the markup rules (HO601-HO610), and the
  pre-selected choices (HO604);
* :mod:`.tokenizer`: the one HTML tokenizer of the check (also the browser check's source
  map), attributes, void elements, and text decoded with its source offsets.

Jinja, Liquid and Go template tags (``{{ }}``, ``{% %}``, ``{# #}``) are blanked first with
spaces, which keeps every offset; a template is checked like the page it renders.
"""

from __future__ import annotations

from honest_offers.check import lang
from honest_offers.check import markup_rules as mr
from honest_offers.check.docs import REFERENCE_MARKER, REFERENCE_REASON
from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.html.segments import clear_segments
from honest_offers.check.html.walker import nested_findings, unique, walk
from honest_offers.check.locate import Lines, with_markers

__all__ = ["as_reference", "check_html", "clear_segments", "nested_findings"]


def check_html(html: str, path: str, *, line: int = 1, column: int = 1) -> CheckResult:
    """Check an HTML page or template; findings point into ``path`` (``html`` starts at
    ``line``:``column`` there). ``<!-- honest-offers: allow HO601 reason="…" -->`` allows a
    rule on its own line and the next non-blank line, as in Markdown. Its text is read in
    the languages it declares (``lang`` attributes), else in those around."""
    with lang.page_language(*lang.declared(html)):
        _segments_read_in(lang.current())
        walker = walk(html, path, Lines(html, line, column), 0)
    found = _without_own_timers(unique(walker.findings), html)
    result = with_markers(found, walker.suppressed, walker.marker_view(), path, walker.lines)
    return as_reference(result) if _is_reference(walker.comments) else result


_REFERENCE_BODY = REFERENCE_MARKER.removeprefix("<!--").removesuffix("-->").strip()


def _is_reference(comments: list[tuple[int, str]]) -> bool:
    """Whether the page carries the rule reference's marker, in a comment the browser sees
    (read from the walker's comments: the page is not searched again for it)."""
    return any(body.strip() == _REFERENCE_BODY for _, body in comments)


def _without_own_timers(found: list[Finding], html: str) -> list[Finding]:
    """Without the countdown findings of a page that times the visitor's own task (a logout
    warning, a code to resend, an exam), as a script that does is read (:func:`.own_timer`)."""
    if not any(f.rule in mr.OWN_TIMER_RULES for f in found):
        return found
    if not mr.own_timer(html.encode("utf-8", "surrogatepass").lower()):
        return found
    return [f for f in found if f.rule not in mr.OWN_TIMER_RULES]


_READ_IN: list[frozenset[str]] = [frozenset()]
"""The languages the remembered segments were read in."""


def _segments_read_in(languages: frozenset[str]) -> None:
    """Forget the remembered segments when a page is read in other languages than the one
    before (a segment's findings depend on them; a site's pages share theirs)."""
    if languages != _READ_IN[0]:
        clear_segments()
        _READ_IN[0] = languages


def as_reference(result: CheckResult) -> CheckResult:
    """A rule reference page's findings, listed as allowed: it names tactics to explain
    them (the marker's own mistakes, HO9xx, stay findings)."""
    kept = [f for f in result.findings if f.rule.startswith("HO9")]
    allowed = [Suppressed(f, REFERENCE_REASON) for f in result.findings if f not in kept]
    return CheckResult(findings=kept, suppressed=[*result.suppressed, *allowed])
