"""Check scripts — JavaScript, JSX, TypeScript and TSX files, inline ``<script>`` bodies
(also of Vue and Svelte components and of templates), event handler attributes — for
countdowns, made-up deadlines, fake activity, exit traps, pre-selected add-ons, pressure
vendors and countdown libraries, and their texts for the text rules.

Each script is parsed once with tree-sitter (:mod:`.tree`); the rules read the syntax tree:

* :mod:`.timers` — countdowns, timers that restart, stock counted down by a timer;
* :mod:`.deadlines` — deadlines from page load, end-of-day rollovers, renewals, storage;
* :mod:`.behaviour` — random activity, pre-selection, exit-intent and other traps;
* :mod:`.widgets` — live activity and stock counters named as such;
* :mod:`.libraries` — the catalogue (:mod:`honest_offers.check.vendors`) in code;
* :mod:`.components` — countdown components and hooks used by name;
* :mod:`.strings` — string literals, template literals and JSX text for the text rules.

HTML inside a string is checked by the function the caller passes as ``nested_html`` (the
HTML check passes its own): this package imports no markup engine.

Static rules miss code built at run time; the runtime browser check is for that.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from honest_offers.check import lang
from honest_offers.check import markup_rules as mr
from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.locate import Lines, comment_markers, with_markers
from honest_offers.check.scripts import (
    behaviour,
    components,
    deadlines,
    libraries,
    strings,
    timers,
    widgets,
)
from honest_offers.check.scripts.base import NestedHtml, Script
from honest_offers.check.scripts.timing import Timing
from honest_offers.check.scripts.tree import Dialect, Tree, dialect_for

__all__ = [
    "Dialect",
    "NestedHtml",
    "check_script",
    "dialect_for",
    "handler_findings",
    "script_result",
    "string_text_findings",
]

CACHE_LIMIT = 64_000
"""Scripts up to this size are cached by content (bigger ones are files, checked once)."""

_COMMENTS = """
(comment) @comment
"""
_NOT_CODE = """
[(string) (template_string) (regex)] @literal

(jsx_text) @literal
"""


def check_script(
    js: str,
    path: str,
    *,
    line: int = 1,
    column: int = 1,
    dialect: Dialect | None = None,
    nested_html: NestedHtml | None = None,
) -> CheckResult:
    """Check a script; findings point into ``path`` (``js`` starts at ``line``:``column``).

    The dialect comes from ``path``'s suffix unless given (``.ts``/``.mts``/``.cts``
    TypeScript, ``.tsx`` TSX, anything else JavaScript with JSX). ``// honest-offers: allow
    HO611 reason="…"`` (or ``/* … */``) allows a rule on its own line and the next line with
    code, like the HTML comment marker in pages.
    """
    return script_result(js, path, line, column, 0, dialect or dialect_for(path), nested_html)


def script_result(
    js: str,
    path: str,
    line: int,
    column: int,
    depth: int,
    dialect: Dialect = "js",
    nested_html: NestedHtml | None = None,
    *,
    svelte: bool = False,
) -> CheckResult:
    """``check_script`` for a script found ``depth`` levels inside other markup (``svelte``:
    the script of a Svelte component, whose top-level variables the markup shows)."""
    module = widgets.module_name(path)
    if len(js) > CACHE_LIMIT:
        lines = Lines(js, line, column)
        tree = Tree(js, dialect)
        return _result(Script(tree, path, lines, depth, nested_html, svelte=svelte, module=module))
    at_origin = _result_at_origin(js, depth, dialect, nested_html, svelte, module, lang.current())
    return CheckResult(
        findings=[_moved(f, path, line, column) for f in at_origin.findings],
        suppressed=[
            Suppressed(_moved(s.finding, path, line, column), s.reason)
            for s in at_origin.suppressed
        ],
    )


@lru_cache(maxsize=512)
def _result_at_origin(
    js: str,
    depth: int,
    dialect: Dialect,
    nested_html: NestedHtml | None,
    svelte: bool,
    module: str,
    languages: frozenset[str],
) -> CheckResult:
    """The result for ``js`` alone at line 1, column 1 of no file (callers copy it). Cached:
    generators repeat the same inline scripts on every page. ``module``: the file's name
    when it names an activity widget; ``languages``: those its strings are read in (the
    current ones, :func:`honest_offers.check.lang.current`)."""
    lines = Lines(js)
    tree = Tree(js, dialect)
    return _result(Script(tree, "", lines, depth, nested_html, svelte=svelte, module=module))


def _moved(found: Finding, path: str, line: int, column: int) -> Finding:
    shift = column - 1 if found.line == 1 else 0
    return replace(found, path=path, line=found.line + line - 1, column=found.column + shift)


def handler_findings(
    event: str,
    js: str,
    path: str,
    line: int,
    column: int,
    nested_html: NestedHtml | None = None,
) -> list[Finding]:
    """Findings of an inline handler attribute (``onmouseout="…"``): all its code runs on
    ``event``."""
    script = Script(Tree(js), path, Lines(js, line, column), 0, nested_html)
    found = _findings(script)
    found += behaviour.event_findings(script, event, script.tree.root, [script.tree.root])
    return _sorted(found)


def string_text_findings(
    source: str, path: str, line: int, column: int, nested_html: NestedHtml | None = None
) -> list[Finding]:
    """Text of the string values in JSON(-LD) or JS, checked as attribute text."""
    if strings.json_quiet(source):
        return []
    return tree_string_findings(source, path, line, column, nested_html)


def tree_string_findings(
    source: str, path: str, line: int, column: int, nested_html: NestedHtml | None = None
) -> list[Finding]:
    """:func:`string_text_findings` read from the syntax tree, without the JSON shortcut."""
    script = Script(Tree(source), path, Lines(source, line, column), 0, nested_html)
    return _sorted(strings.text_findings(script, "attribute"))


def _result(script: Script) -> CheckResult:
    """All findings, with the script's own suppression markers applied."""
    found = _sorted(_findings(script))
    view, shifts = _marker_view(script.tree)
    return with_markers(found, [], view, script.path, script.lines, shifts)


def _findings(script: Script) -> list[Finding]:
    timing = Timing(script.tree, svelte=script.svelte)
    timers.countdowns(script, timing)
    deadlines.deadlines(script, timing)
    deadlines.stored_deadlines(script)
    behaviour.random_activity(script, timing)
    widgets.activity_widgets(script, timing)
    behaviour.preselection(script)
    behaviour.events(script)
    libraries.libraries(script)
    components.components(script, timing)
    script.found += strings.text_findings(script)
    # The words of an own task's timer are searched for only where a countdown was found:
    # the search reads the whole script (Material's word-splitting dictionary: 60 ms).
    if any(f.rule in mr.OWN_TIMER_RULES for f in script.found) and timers.own_timer(script.tree):
        script.found = [f for f in script.found if f.rule not in mr.OWN_TIMER_RULES]
    return script.found


def _marker_view(tree: Tree) -> tuple[str, dict[int, int]]:
    """The script for ``parse_markers``: literals blanked, marker comments written as HTML
    comments. Empty when no comment is a marker (nothing to read)."""
    if b"honest-offers" not in tree.data.lower():
        return "", {}
    comments = [
        (tree.start(n), tree.end(n))
        for n in tree.captures(_COMMENTS).get("comment", ())
        if "honest-offers" in tree.source(n).lower()
    ]
    if not comments:
        return "", {}
    literals = sorted(
        (tree.start(n), tree.end(n)) for n in tree.captures(_NOT_CODE).get("literal", ())
    )
    return comment_markers(_blank(tree.text, literals), sorted(comments), tree.text)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` replaced by spaces (line breaks kept)."""
    parts, last = [], 0
    for start, end in spans:
        start = max(start, last)
        if end <= start:
            continue
        parts += [text[last:start], "".join(c if c == "\n" else " " for c in text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _sorted(findings: list[Finding]) -> list[Finding]:
    unique = {(f.rule, f.line, f.column): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)
