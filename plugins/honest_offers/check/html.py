"""Check HTML — rendered pages of any generator, or theme templates — for pressure tactics.

One pass of a small regex tokenizer (no DOM) keeps exact offsets:

* visible text is joined the way a browser's ``innerText`` joins it (inline markup joins,
  block elements separate), decoded, whitespace-collapsed and sent to ``check_text``;
  link, button, summary, label and option text also as "label", and ``alt``, ``title``,
  ``aria-label``, ``placeholder``, ``value`` and meta descriptions as "attribute";
* code (``code``, ``pre``, ``kbd``, ``samp``), ``<template>`` text, comments, scripts and
  styles are not prose. ``<noscript>`` is: some readers see it;
* markup rules (HO601-HO610) look at class and id words, data attributes, struck prices,
  pre-selected add-ons, ``onbeforeunload``, and vendor hosts in ``src``/``href``;
* inline scripts go to ``check_script``, ``<style>`` to ``check_stylesheet``, event handler
  attributes to the script rules, JSON-LD strings to ``check_text``.

Jinja, Liquid and Go template tags (``{{ }}``, ``{% %}``, ``{# #}``) are blanked first with
spaces, which keeps every offset; a template is checked like the page it renders.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.docs import REFERENCE_MARKER, REFERENCE_REASON
from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.locate import Lines, Mapped, check_mapped, text_findings, with_markers
from honest_offers.check.phrases import Context
from honest_offers.check.registry import Rule
from honest_offers.check.scripts import (
    dialect_for,
    handler_findings,
    script_result,
    string_text_findings,
)
from honest_offers.check.styles import check_stylesheet
from honest_offers.check.text import finding

__all__ = ["check_html"]

_TOKEN = re.compile(
    r"<(?:(?P<comment>!--)"
    r"|/(?P<end>[A-Za-z][^\s/>]*)[^>]*>"
    r"|(?P<name>[A-Za-z][^\s/>]*)"
    r"(?P<attrs>(?>[^>=]+|=\s*(?>\"[^\"]*\"|'[^']*'|[^\s>\"'][^\s>]*|)|=)*)>"
    r"|[!?][^>]*>"
    r"|(?P<open>[A-Za-z/!?]))"
)
"""Comments, end tags, start tags, declarations. As in HTML5, quotes delimit only values
after ``=``; a tag that never ends (``open``) hides the rest of the document, as browsers do,
which also keeps the scan linear on broken input."""
_ATTR = re.compile(r"([^\s/>=\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']*))?")
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_RUNS = re.compile(r"\s+|\S+")
_TEMPLATE_TAG = re.compile(r"\{[{%#]|[}%#]\}")
_TEMPLATE_OPEN = re.compile(r"\{[{%]")
_NEXT_LINE_TOKEN = re.compile(r"[^\S\n]*\n\s*(?=<[A-Za-z/!?])")
"""White space with a line break, then a token (one always matches at "<" and a letter,
"/", "!" or "?")."""
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
TEMPLATE_TAG_MAX = 20_000
"""Longest template tag or comment blanked; a lone ``{#`` in minified CSS pairs with nothing."""
_NOT_NEWLINE = re.compile(r"[^\n]")
_COMMENT_END = re.compile(r"--!?>")
_MARKER_START = re.compile(r"<!--(?=\s*honest-offers)", re.IGNORECASE)
_MARKER_BODY = re.compile(r"\s*honest-offers", re.IGNORECASE)
"""A comment body that ``_MARKER_START`` sees as a marker (``--`` cannot end it earlier)."""
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.IGNORECASE)
_META_TEXT = re.compile(r"(?:^|:)(?:description|title|site_name|alt)$")

BLOCK = mr.word_set(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup "
    "hr html legend li main menu nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul button select option optgroup textarea input iframe video audio canvas "
    "object embed noscript template title"
)
"""Elements whose start and end separate text blocks (innerText puts a line break there)."""
LABELS = frozenset({"a", "button", "summary", "label", "option"})
LABEL_ROLES = frozenset({"button", "link", "tab", "menuitem", "option", "switch", "checkbox"})
STRUCK = frozenset({"s", "del", "strike"})
NOT_PROSE = frozenset({"code", "pre", "kbd", "samp", "template"})
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
RCDATA = frozenset({"textarea", "title"})
VOID = mr.VOID_ELEMENTS
ATTRIBUTE_TEXT = frozenset(
    {"alt", "title", "aria-label", "aria-description", "aria-valuetext", "placeholder", "label"}
)
VENDOR_URLS = {"script": "src", "link": "href", "iframe": "src", "img": "src", "embed": "src"}
JS_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "text/ecmascript",
        "application/ecmascript",
        "text/jsx",
        "text/babel",
        "text/typescript",
        "application/typescript",
        "text/tsx",
    }
)
CONTROLS = frozenset({"input", "select", "textarea", "button"})
ANCHORS = mr.word_set("h1 h2 h3 h4 h5 h6 section article a dt summary details")
"""Elements whose id is usually a slug of their heading text (``<h2 id="urgency">``), not a
widget's name; their ids are not read for countdown or activity words."""
LABEL_MAX = 200
"""Longer link or button text is a card, not a label; it is still checked as prose."""
CAPTURES_MAX = 32
"""Open captures at once (links in labels in buttons…); deeper nesting is broken markup."""
MAX_DEPTH = 4
"""HTML inside a script string inside HTML…: how deep nested checks go."""
COMPONENT_SUFFIXES = (".vue", ".svelte")
"""Single-file components: their markup and the code that drives it in one file."""
COUNTDOWN_CODES = frozenset(
    r.code
    for r in (
        mr.COUNTDOWN_MARKUP,
        mr.COUNTDOWN_SCRIPT,
        mr.EVERGREEN_DEADLINE,
        mr.STORED_DEADLINE,
        mr.ROLLING_DEADLINE,
        mr.TIMER_RESET,
    )
)
"""Findings that show a component runs a countdown."""

Chunk = tuple[int, str]
Kind = Literal["checkbox", "radio", "option", "switch"]

SEGMENT_MAX = 16_384
"""Longest stretch of a page remembered as one segment (characters)."""
SEGMENT_KEY_MAX = 2_048
"""Longest first line of a remembered segment."""
SEGMENTS_MAX = 8_192
"""Distinct first lines remembered (least recently used are dropped)."""
SEGMENTS_PER_KEY = 4
SEEN_MAX = 65_536
"""First lines seen once (by hash) before the oldest are forgotten."""


def check_html(html: str, path: str, *, line: int = 1, column: int = 1) -> CheckResult:
    """Check an HTML page or template; findings point into ``path`` (``html`` starts at
    ``line``:``column`` there). ``<!-- honest-offers: allow HO601 reason="…" -->`` allows a
    rule on its own line and the next non-blank line, as in Markdown."""
    walker = _walk(html, path, Lines(html, line, column), 0)
    found = _unique(walker.findings)
    result = with_markers(found, walker.suppressed, walker.marker_view(), path, walker.lines)
    return as_reference(result) if REFERENCE_MARKER in html else result


def as_reference(result: CheckResult) -> CheckResult:
    """A rule reference page's findings, listed as allowed: it names tactics to explain
    them (the marker's own mistakes, HO9xx, stay findings)."""
    kept = [f for f in result.findings if f.rule.startswith("HO9")]
    allowed = [Suppressed(f, REFERENCE_REASON) for f in result.findings if f not in kept]
    return CheckResult(findings=kept, suppressed=[*result.suppressed, *allowed])


def nested_findings(html: str, path: str, line: int, column: int, depth: int) -> list[Finding]:
    """Findings of HTML found inside something else (a script string, a template script)."""
    return _unique(_walk(html, path, Lines(html, line, column), depth).findings)


def _walk(html: str, path: str, lines: Lines, depth: int) -> _Walker:
    if _TEMPLATE_OPEN.search(html):  # one pass; ``"{{" in html`` is slow on non-ASCII text
        html = _without_template_tags(html)
    walker = _Walker(html, path, lines, depth)
    walker.run()
    if depth == 0:
        walker.time_units()
    walker.weigh_names()
    return walker


def _without_template_tags(html: str) -> str:
    """``{{ … }}``, ``{% … %}`` and ``{# … #}`` blanked with spaces (newlines kept), each
    opener paired with the next matching closer in one linear pass."""
    spans, opened, kind = [], -1, ""
    for match in _TEMPLATE_TAG.finditer(html):
        token = match.group()
        if opened >= 0 and token == _CLOSERS[kind] and match.end() - opened <= TEMPLATE_TAG_MAX:
            spans.append((opened, match.end()))
            opened = -1
        elif token in _CLOSERS and (opened < 0 or match.start() - opened > TEMPLATE_TAG_MAX):
            opened, kind = match.start(), token
    if not spans:
        return html
    parts, last = [], 0
    for start, end in spans:
        parts += [html[last:start], _NOT_NEWLINE.sub(" ", html[start:end])]
        last = end
    parts.append(html[last:])
    return "".join(parts)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and place (prose and label checks of a link can agree)."""
    seen: dict[tuple[str, int, int], Finding] = {}
    for found in findings:
        seen.setdefault((found.rule, found.line, found.column), found)
    return sorted(seen.values(), key=Finding.sort_key)


# -- decoding text with its source offsets -----------------------------------------------------


def decode(chunks: list[Chunk]) -> str:
    """Visible text of raw chunks: character references decoded, whitespace collapsed
    (``str.split`` and ``\\s`` agree on what is whitespace; splitting is faster)."""
    if len(chunks) == 1:  # most blocks: one run of text between two tags
        raw = chunks[0][1]
        raw = htmllib.unescape(raw) if "&" in raw else raw
    else:
        raw = "".join([htmllib.unescape(text) if "&" in text else text for _, text in chunks])
    return " ".join(raw.split())


def mapped(chunks: list[Chunk]) -> Mapped:
    """``decode`` with anchors back to the source (slow path, only for findings)."""
    pieces: list[tuple[str, int, bool]] = []
    for start, text in chunks:
        last = 0
        for ref in _CHARREF.finditer(text) if "&" in text else ():
            pieces.append((text[last : ref.start()], start + last, True))
            pieces.append((htmllib.unescape(ref.group()), start + ref.start(), False))
            last = ref.end()
        pieces.append((text[last:], start + last, True))
    return _collapse(pieces)


def _collapse(pieces: list[tuple[str, int, bool]]) -> Mapped:
    out = Mapped()
    pending_space = -1
    for text, start, verbatim in pieces:
        for run in _RUNS.finditer(text):
            source = start + run.start() if verbatim else start
            if run.group().isspace():
                pending_space = source if pending_space < 0 else pending_space
                continue
            if pending_space >= 0 and out.length:
                out.add(" ", pending_space, verbatim=False)
            pending_space = -1
            out.add(run.group(), source, verbatim)
    return out


# -- the walker ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Choice:
    """A pre-selected checkbox, radio, option or switch waiting for its label."""

    kind: Kind
    labels: list[list[Chunk]] = field(default_factory=list)
    attribute_labels: list[tuple[str, int]] = field(default_factory=list)
    labelled_by: list[str] = field(default_factory=list)
    id: str = ""


@dataclass(slots=True)
class _Capture:
    """Text collected inside one element (or after an unlabelled choice, up to the block end)."""

    name: str
    label: bool = False
    struck: bool = False
    label_for: str = ""
    choices: list[_Choice] = field(default_factory=list)
    following: bool = False
    depth: int = 1
    chunks: list[Chunk] = field(default_factory=list)


@dataclass(slots=True)
class _Tag:
    """A start tag: name, attributes (decoded values) and where its attributes start."""

    name: str
    start: int
    attrs_start: int
    attrs_raw: str
    attrs: dict[str, str]

    def span(self, attribute: str) -> tuple[int, int, str]:
        """Source offsets of ``attribute``'s name and value, and its raw value."""
        for match in _ATTR.finditer(self.attrs_raw):
            if match.group(1).lower() == attribute:
                raw = match.group(2) or ""
                value_start = self.attrs_start + match.start(2) if raw else self.attrs_start
                if raw[:1] in "\"'":
                    return self.attrs_start + match.start(), value_start + 1, raw[1:-1]
                return self.attrs_start + match.start(), value_start, raw
        return self.start, self.start, ""


class _Walker:
    def __init__(self, html: str, path: str, lines: Lines, depth: int) -> None:
        self.html = html
        self.path = path
        self.lines = lines
        self.depth = depth
        self.svelte = path.endswith(".svelte")
        self.component = depth == 0 and path.endswith(COMPONENT_SUFFIXES)
        self.findings: list[Finding] = []
        self.named_countdowns: list[Finding] = []
        """Countdown class and id names in a component, reported only with its countdown code
        (:meth:`weigh_names`)."""
        self.suppressed: list[Suppressed] = []
        self.block: list[Chunk] = []
        self.captures: list[_Capture] = []
        self.not_prose = 0
        self.choices: list[_Choice] = []
        self.label_for: dict[str, list[list[Chunk]]] = {}
        self.comments: list[tuple[int, str]] = []
        self.labels: list[tuple[str, list[Chunk]]] = []
        """``<label for>`` texts in the order read (``label_for`` by id)."""
        self.replayed: _Recording | None = None
        """The remembered segments replayed one after the other just now."""

    # -- tokens --

    def run(self) -> None:
        html, pos = self.html, 0
        tokens = _TOKEN.finditer(html)
        # A component reads differently (a Svelte script's top-level variables are what the
        # markup shows, class names wait for its code), so what is remembered from pages
        # does not apply to it.
        cache = _SEGMENTS if self.depth == 0 and not self.component else None
        recording: _Recording | None = None
        while (match := next(tokens, None)) is not None:
            start = match.start()
            if start < pos:
                continue  # inside a comment, script or style already read
            if start > pos and not self.not_prose:
                gap = html[pos:start]
                if (
                    cache is not None
                    and not self.block
                    and not self.captures
                    and "\n" in gap
                    and gap.isspace()
                ):
                    # A segment boundary: a line starts here and nothing is open, so what
                    # follows is read exactly as it would be at the start of a page.
                    boundary = html.rfind("\n", pos, start) + 1
                    if recording is not None:
                        self.remember(recording, boundary, pos)
                        recording = None
                    found = self.lookup(cache, boundary, start)
                    if isinstance(found, _Segment):
                        pos, recording = self.replay_all(cache, found, boundary)
                        tokens = _TOKEN.finditer(html, pos)
                        continue
                    if self.replayed is not None:
                        self.remember_run(self.replayed)
                    if found:
                        recording = self.recording(boundary, start - boundary)
                else:
                    if self.replayed is not None:
                        self.remember_run(self.replayed)
                    if self.block or not gap.isspace():  # ``text`` without the call
                        self.add_text((pos, gap))
            elif self.replayed is not None:
                self.remember_run(self.replayed)
            kind = match.lastgroup
            if kind == "attrs":
                pos = self.start_tag(match)
            elif kind == "end":
                self.end_tag(match.group(2).lower())
                pos = match.end()
            elif kind == "comment":
                pos = self.comment(start)
            elif kind == "open":
                pos = len(html)
                break
            else:
                pos = match.end()
        if self.replayed is not None:
            self.remember_run(self.replayed)
        self.text(pos, html[pos:])
        self.flush()
        while self.captures:
            self.close(self.captures.pop())
        self.resolve_choices()

    # -- remembered segments (see _Segment) --

    def recording(self, boundary: int, first: int) -> _Recording:
        return _Recording(
            boundary,
            first,
            len(self.findings),
            len(self.suppressed),
            len(self.comments),
            len(self.choices),
            len(self.labels),
        )

    def lookup(
        self, cache: OrderedDict[str, list[_Segment]], boundary: int, start: int
    ) -> _Segment | bool:
        """The remembered segment at ``boundary`` (its first token at ``start``); else
        whether to remember what follows (only once its first line has been seen before:
        most lines that come once, a page's own text, never come again)."""
        html = self.html
        first_end = html.find("\n", boundary) + 1
        if first_end <= 0 or first_end - boundary > SEGMENT_KEY_MAX:
            return False
        key = html[boundary:first_end]
        segments = cache.get(key)
        if segments is None:
            seen = hash(key)
            if seen in _SEEN:
                return True
            if len(_SEEN) >= SEEN_MAX:
                _SEEN.clear()
            _SEEN.add(seen)
            return False
        cache.move_to_end(key)
        for segment in segments:
            if start - boundary == segment.first and html.startswith(segment.text, boundary):
                return segment
        return True

    def remember(self, recording: _Recording, boundary: int, pos: int) -> None:
        """Keep what reading ``html[recording.start:boundary]`` from a neutral state did."""
        if len(self.choices) != recording.choices:
            return  # a pre-selected choice waits for labels that may come later
        html = self.html
        text = html[recording.start : boundary]
        # Tokens end inside the segment, but a tag with an unclosed quote ("<a title="x>")
        # makes the tokenizer look for the closing quote up to the end of the page: only if
        # the page has that quote after the segment is the segment's reading its own.
        for quote in "\"'":
            if quote in text and html.find(quote, boundary) < 0:
                return
        self.keep(recording, boundary, pos)

    def remember_run(self, run: _Recording) -> None:
        """Segments replayed one after the other become one segment (the next page then
        replays the whole stretch at once)."""
        self.replayed = None
        if run.count > 1:
            self.keep(run, run.text_end, run.pos_end)

    def keep(self, recording: _Recording, boundary: int, pos: int) -> None:
        start = recording.start
        if boundary - start > SEGMENT_MAX:
            return
        text = self.html[start:boundary]
        findings = tuple(self.findings[recording.findings :])
        suppressed = tuple(self.suppressed[recording.suppressed :])
        line, column = self.lines.at(start) if findings or suppressed else (0, 0)
        segment = _Segment(
            text=text,
            first=recording.first,
            end=pos - start,
            line=line,
            column=column,
            path=self.path,
            findings=findings,
            suppressed=suppressed,
            comments=tuple((at - start, body) for at, body in self.comments[recording.comments :]),
            labels=tuple(
                (name, tuple((at - start, raw) for at, raw in chunks))
                for name, chunks in self.labels[recording.labels :]
            ),
        )
        _remember(text[: text.index("\n") + 1], segment)

    def replay(self, segment: _Segment, boundary: int) -> int:
        """Apply what reading ``segment`` at ``boundary`` does; return where reading goes on."""
        run = self.replayed
        if run is None:
            run = self.replayed = self.recording(boundary, segment.first)
        if segment.findings or segment.suppressed:
            line, column = self.lines.at(boundary)
            lines, columns = line - segment.line, column - segment.column

            def moved(found: Finding) -> Finding:
                if not lines and not columns and found.path == self.path:
                    return found
                shift = columns if found.line == segment.line else 0
                return replace(
                    found, path=self.path, line=found.line + lines, column=found.column + shift
                )

            self.findings += [moved(f) for f in segment.findings]
            self.suppressed += [Suppressed(moved(s.finding), s.reason) for s in segment.suppressed]
        if segment.comments:
            self.comments += [(boundary + at, body) for at, body in segment.comments]
        for name, chunks in segment.labels:
            self.add_label(name, [(boundary + at, raw) for at, raw in chunks])
        run.count += 1
        run.text_end = boundary + len(segment.text)
        run.pos_end = boundary + segment.end
        return run.pos_end

    def replay_all(
        self, cache: OrderedDict[str, list[_Segment]], segment: _Segment, boundary: int
    ) -> tuple[int, _Recording | None]:
        """Replay ``segment`` and the remembered segments right after it, looked up without
        the tokenizer: after a segment nothing is open, so a line that starts with white
        space and a token is a boundary. Returns where reading goes on, and the recording
        begun there, as ``run`` would have done."""
        html = self.html
        while True:
            pos = self.replay(segment, boundary)
            line = _NEXT_LINE_TOKEN.match(html, pos)
            if line is None:
                return pos, None
            start = line.end()
            boundary = html.rfind("\n", pos, start) + 1
            found = self.lookup(cache, boundary, start)
            if not isinstance(found, _Segment):
                if self.replayed is not None:
                    self.remember_run(self.replayed)
                return start, self.recording(boundary, start - boundary) if found else None
            segment = found

    def add_label(self, name: str, chunks: list[Chunk]) -> None:
        """The text of a ``<label for="name">``, for a choice with that id."""
        self.label_for.setdefault(name, []).append(chunks)
        self.labels.append((name, chunks))

    def text(self, start: int, raw: str) -> None:
        if not raw or self.not_prose or (not self.block and raw.isspace()):
            return
        self.add_text((start, raw))

    def add_text(self, chunk: Chunk) -> None:
        self.block.append(chunk)
        for capture in self.captures:
            capture.chunks.append(chunk)

    def comment(self, start: int) -> int:
        body = start + 4
        if self.html.startswith((">", "->"), body):
            return self.html.index(">", body) + 1
        end = _COMMENT_END.search(self.html, body)
        stop = end.start() if end else len(self.html)
        self.comments.append((start, self.html[body:stop]))
        return end.end() if end else len(self.html)

    def start_tag(self, match: re.Match[str]) -> int:
        plan = _plan(match.group(3), match.group(4))
        name, captures = plan.name, self.captures
        if plan.block:
            if self.block or captures:
                self.flush()
        elif name == "br":
            self.text(match.start(), " ")
        if plan.acts:
            self.execute(plan, self.tag(plan, match))
        if captures:
            for capture in captures:
                if capture.name == name:
                    capture.depth += 1
        if plan.raw_text:
            return self.raw_text(name, plan.attrs, match.end())
        if captures and plan.control:
            self.close_following()
        choice = self.choice(self.tag(plan, match)) if plan.may_choose else None
        if plan.opens:
            self.open_element(name, plan, choice)
        return match.end()

    @staticmethod
    def tag(plan: _Plan, match: re.Match[str]) -> _Tag:
        return _Tag(plan.name, match.start(), match.start(4), match.group(4), plan.attrs)

    def end_tag(self, name: str) -> None:
        if name in BLOCK and (self.block or self.captures):
            self.flush()
        if self.not_prose and name in NOT_PROSE:
            self.not_prose -= 1
        if self.captures:
            self.end_captures(name)

    def end_captures(self, name: str) -> None:
        if name in ("select", "optgroup"):
            self.close_named("option")
        for capture in reversed(self.captures):
            if capture.name == name:
                capture.depth -= 1
                if capture.depth == 0:
                    self.captures.remove(capture)
                    self.close(capture)
                break

    def raw_text(self, name: str, attrs: dict[str, str], body: int) -> int:
        found = _closing(name).search(self.html, body) if name != "plaintext" else None
        stop = found.start() if found else len(self.html)
        content = self.html[body:stop]
        if name == "script":
            self.script(attrs, body, content)
        elif name == "style":
            self.stylesheet(body, content)
        elif name in RCDATA and not self.not_prose:
            self.flush()
            self.block.append((body, content))
            self.flush()
        return found.end() if found else len(self.html)

    # -- elements and captures --

    def open_element(self, name: str, plan: _Plan, choice: _Choice | None) -> None:
        if name in NOT_PROSE:
            self.not_prose += 1
            return
        if name == "option" and self.captures:
            self.close_named("option")
        if (plan.label or plan.struck or plan.label_for or choice) and len(
            self.captures
        ) < CAPTURES_MAX:
            capture = _Capture(name, plan.label, plan.struck, plan.label_for)
            if choice is not None:
                capture.choices.append(choice)
            self.captures.append(capture)

    def close_named(self, name: str) -> None:
        for capture in reversed(self.captures):
            if capture.name == name:
                self.captures.remove(capture)
                self.close(capture)
                return

    def close_following(self) -> None:
        for capture in [c for c in self.captures if c.following]:
            self.captures.remove(capture)
            self.close(capture)

    def close(self, capture: _Capture) -> None:
        for choice in capture.choices:
            choice.labels.append(capture.chunks)
        if capture.label_for:
            self.add_label(capture.label_for, capture.chunks)
        if not capture.chunks or not (capture.label or capture.struck):
            return
        text = decode(capture.chunks)
        if capture.label and len(text) <= LABEL_MAX:
            self.check_text(text, capture.chunks, "label")
        if capture.struck:
            self.struck_price(text, capture.chunks)

    def flush(self) -> None:
        """End the current text block: check it and close captures that end with it."""
        if self.block:
            chunks, self.block = self.block, []
            # Only an RCDATA block can start with white space (``text`` skips it).
            if not chunks[0][1].isspace() or not all(text.isspace() for _, text in chunks):
                self.check_text(decode(chunks), chunks, "prose")
        if self.captures:
            self.close_following()

    # -- text --

    def check_text(self, text: str, chunks: list[Chunk], context: Context) -> None:
        if text and text_findings(text, context):
            self.findings += check_mapped(mapped(chunks), context, self.path, self.lines)

    def attribute_text(self, tag: _Tag, attribute: str, context: Context) -> None:
        text = " ".join(tag.attrs[attribute].split())
        if not text or not text_findings(text, context):
            return
        _, value_start, raw = tag.span(attribute)
        self.check_text(text, [(value_start, raw)], context)

    # -- markup rules --

    def execute(self, plan: _Plan, tag: _Tag) -> None:
        for attribute, rule, word in plan.markers:
            self.attribute_finding(tag, attribute, rule, word)
        for attribute in plan.handlers:
            self.handler(tag, attribute)
        for attribute, context in plan.texts:
            self.attribute_text(tag, attribute, context)

    def attribute_finding(self, tag: _Tag, attribute: str, rule: Rule, word: str | None) -> None:
        """A finding on ``attribute`` (or on the class ``word`` inside its value)."""
        name_start, value_start, raw = tag.span(attribute)
        if word is None:
            quoted = f'{attribute}="{raw}"' if raw else attribute
            self.add(rule, name_start, quoted)
            return
        inside = re.search(rf"(?<!\S){re.escape(word)}(?!\S)", raw)
        offset = value_start + (inside.start() if inside else 0)
        if self.component and rule is mr.COUNTDOWN_MARKUP and vendors.by_class(word) is None:
            self.named_countdowns.append(finding(rule, self.path, *self.lines.at(offset), word))
            return
        self.add(rule, offset, word)

    def time_units(self) -> None:
        """Elements named for days, hours, minutes and seconds, all four (``<span
        id="days">``, ``class="timer-seconds"``): the boxes of a countdown read-out that a
        script fills. A clock or a stopwatch has no days, a date picker no seconds."""
        html = self.html
        if not any(word in html for word in mr.second_words(html)):
            return
        first: dict[str, tuple[int, str]] = {}
        for match in _NAME_ATTRIBUTE.finditer(html):
            for name in match.group(2).split():
                unit = _time_unit(name)
                if unit and unit not in first:
                    first[unit] = (match.start(2) + match.group(2).find(name), name)
        if len(first) == len(set(mr.TIME_UNIT_NAMES.values())):
            offset, name = first["days"]
            found = finding(mr.COUNTDOWN_MARKUP, self.path, *self.lines.at(offset), name)
            (self.named_countdowns if self.component else self.findings).append(found)

    def weigh_names(self) -> None:
        """A component's countdown class and id names count with its countdown code (a
        script's countdown, a deadline attribute, a countdown element), not alone: the code
        is right there to read, and a ``timer`` class may sit on a stopwatch."""
        if any(f.rule in COUNTDOWN_CODES for f in self.findings):
            self.findings += self.named_countdowns
        self.named_countdowns = []

    def add(self, rule: Rule, offset: int, text: str) -> None:
        line, column = self.lines.at(offset)
        self.findings.append(finding(rule, self.path, line, column, text))

    def struck_price(self, text: str, chunks: list[Chunk]) -> None:
        money = mr.MONEY.search(text)
        if money is None:
            return
        self.add(mr.STRUCK_PRICE, mapped(chunks).source(money.start()), text)

    def handler(self, tag: _Tag, attribute: str) -> None:
        _, value_start, raw = tag.span(attribute)
        line, column = self.lines.at(value_start)
        code = htmllib.unescape(raw) if "&" in raw else raw
        event = CODE_ATTRIBUTES.get(attribute, attribute[2:])
        self.findings.extend(
            handler_findings(event, code, self.path, line, column, nested_findings)
        )

    # -- pre-selected choices --

    def choice(self, tag: _Tag) -> _Choice | None:
        """A pre-selected checkbox, radio, option or switch; its labels are collected later."""
        attrs = tag.attrs
        kind = _choice_kind(tag.name, attrs)
        if kind is None or _is_ui_state(attrs):
            return None
        labelled_by = attrs.get("aria-labelledby", "").split()
        choice = _Choice(kind, id=attrs.get("id", ""), labelled_by=labelled_by)
        for attribute in ("aria-label", "title"):
            if attrs.get(attribute):
                choice.attribute_labels.append((attribute, tag.span(attribute)[1]))
        self.choices.append(choice)
        if kind in ("checkbox", "radio"):
            self.label_choice(choice)
            return None
        return choice

    def label_choice(self, choice: _Choice) -> None:
        """Inside a <label>, that label names it; else the text that follows, to the block end."""
        for capture in reversed(self.captures):
            if capture.name == "label":
                capture.choices.append(choice)
                return
        self.close_following()
        self.captures.append(_Capture("", following=True, choices=[choice]))

    def resolve_choices(self) -> None:
        for choice in self.choices:
            labels = list(choice.labels)
            labels += self.label_for.get(choice.id, []) if choice.id else []
            labels += [_element_text(self.html, ref) for ref in choice.labelled_by]
            labels += [[(start, self.html_value(start))] for _, start in choice.attribute_labels]
            for chunks in labels:
                text = decode(chunks)
                if _is_paid_choice(choice.kind, text):
                    self.add(mr.PRESELECTED, mapped(chunks).source(0), text)
                    break

    def html_value(self, start: int) -> str:
        quote = self.html[start - 1] if start else ""
        end = self.html.find(quote, start) if quote in "\"'" else -1
        if end < 0:
            end = len(self.html)
        return self.html[start:end]

    # -- embedded scripts and styles --

    def script(self, attrs: dict[str, str], body: int, content: str) -> None:
        if "src" in attrs or not content.strip():
            return
        kind = attrs.get("type", "").strip().lower()
        line, column = self.lines.at(body)
        if kind in JS_TYPES:
            dialect = dialect_for(lang=attrs.get("lang", "") or kind)
            self.merge(
                script_result(
                    content,
                    self.path,
                    line,
                    column,
                    self.depth,
                    dialect,
                    nested_findings,
                    svelte=self.svelte,
                )
            )
        elif kind == "application/ld+json":
            self.findings += string_text_findings(content, self.path, line, column, nested_findings)
        elif ("template" in kind or "html" in kind) and self.depth < MAX_DEPTH:
            self.findings += nested_findings(content, self.path, line, column, self.depth + 1)

    def stylesheet(self, body: int, content: str) -> None:
        line, column = self.lines.at(body)
        self.merge(check_stylesheet(content, self.path, line=line, column=column))

    def merge(self, result: CheckResult) -> None:
        self.findings += result.findings
        self.suppressed += result.suppressed

    def marker_view(self) -> str:
        """The page for ``parse_markers``: marker-like text that is not a real comment (in
        a script, say) is defused, so only comments the browser sees count. Without such a
        comment nothing is left to read, and the empty view saves two passes over the page."""
        if not any(_MARKER_BODY.match(body) for _, body in self.comments):
            return ""
        real = {start for start, _ in self.comments}
        return _MARKER_START.sub(
            lambda m: m.group() if m.start() in real else "<!~~" + m.group()[4:], self.html
        )


# -- segments: what a page shares with other pages is read once ---------------------------------


@dataclass(slots=True)
class _Recording:
    """A segment being read (or a run of replayed ones): where it starts, where its first
    token is, and how much the walker had collected before it."""

    start: int
    first: int
    findings: int
    suppressed: int
    comments: int
    choices: int
    labels: int
    count: int = 0
    text_end: int = 0
    pos_end: int = 0


@dataclass(frozen=True, slots=True)
class _Segment:
    """What reading ``text`` from a neutral state did: where reading stopped (``end``), and
    the findings, suppressions, comments and ``<label for>`` texts it produced, as found at
    ``line``:``column`` of ``path``.

    A neutral state: at a line start, no text block pending, no capture and no code element
    open. The walker keeps no other state that reading depends on, so reading the same text
    from a neutral state again does exactly the same, and the results only move to their new
    place. The tokenizer reads no further than the segment either: a token that ran past it
    would have ended the segment elsewhere, and the one way to look past it without running
    past it (a quote left open inside a tag) is excluded when the segment is remembered.
    Segments that leave a pre-selected choice waiting for its label are never remembered.

    Generated pages repeat their head, header, navigation and footer: those are read once.
    """

    text: str
    first: int
    """Offset of the first token in ``text`` (after the indentation)."""
    end: int
    line: int
    column: int
    path: str
    findings: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    comments: tuple[tuple[int, str], ...]
    labels: tuple[tuple[str, tuple[Chunk, ...]], ...]


_SEGMENTS: OrderedDict[str, list[_Segment]] = OrderedDict()
"""Remembered segments by their first line, most recently used last."""
_SEEN: set[int] = set()
"""Hashes of first lines seen at a segment boundary."""


def _remember(key: str, segment: _Segment) -> None:
    known = _SEGMENTS.get(key)
    if known is None:
        _SEGMENTS[key] = [segment]
        if len(_SEGMENTS) > SEGMENTS_MAX:
            _SEGMENTS.popitem(last=False)
        return
    _SEGMENTS.move_to_end(key)
    known.insert(0, segment)
    del known[SEGMENTS_PER_KEY:]


def clear_segments() -> None:
    """Forget every remembered segment (tests compare results with and without them)."""
    _SEGMENTS.clear()
    _SEEN.clear()


@lru_cache(maxsize=64)
def _closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[\s/>])[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a start tag with exactly these attributes needs, worked out once per distinct
    tag (pages repeat the same nav items and icons thousands of times)."""

    name: str
    """Lower case."""
    attrs: dict[str, str]
    markers: tuple[tuple[str, Rule, str | None], ...]
    """(attribute, rule, class word or None) for every markup finding on the tag."""
    handlers: tuple[str, ...]
    texts: tuple[tuple[str, Context], ...]
    label: bool
    struck: bool
    label_for: str
    may_choose: bool
    acts: bool
    """Markers, handlers or texts to check."""
    block: bool
    raw_text: bool
    """Raw text or RCDATA: the content up to the end tag is not markup."""
    control: bool
    """A form control or option (ends the text that labels a pre-selected choice)."""
    opens: bool
    """Not void and not self-closing: an element that an end tag closes."""


@lru_cache(maxsize=8192)
def _plan(tag_name: str, raw: str) -> _Plan:
    name = tag_name.lower()
    attrs = _attributes(raw) if raw and not raw.isspace() and raw != "/" else {}
    handlers = [
        a
        for a, v in attrs.items()
        if v and ((a[:2] == "on" and a != "onbeforeunload") or a in CODE_ATTRIBUTES)
    ]
    markers = (*_markers(name, attrs), *_component_markers(tag_name, raw, attrs))
    texts = tuple(_texts(name, attrs))
    return _Plan(
        name=name,
        attrs=attrs,
        markers=markers,
        handlers=tuple(handlers),
        texts=texts,
        label=name in LABELS or attrs.get("role", "") in LABEL_ROLES,
        struck=name in STRUCK or _looks_struck(attrs),
        label_for=attrs.get("for", "") if name == "label" else "",
        may_choose=name in ("input", "option") or "aria-checked" in attrs,
        acts=bool(markers or handlers or texts),
        block=name in BLOCK,
        raw_text=name in RAW_TEXT or name in RCDATA,
        control=name in CONTROLS or name == "option",
        opens=name not in VOID and not raw.endswith("/"),
    )


def _markers(name: str, attrs: dict[str, str]) -> list[tuple[str, Rule, str | None]]:
    found: list[tuple[str, Rule, str | None]] = []
    for attribute in ("class", "id") if name not in ANCHORS else ("class",):
        found += [(attribute, rule, word) for word, rule in _class_hits(attrs.get(attribute, ""))]
    if attrs.get(CONTROLLER):
        names = " ".join(_CONTROLLER_PARTS.split(attrs[CONTROLLER]))
        found += [(CONTROLLER, rule, word) for word, rule in _class_hits(names)]
    component = _COMPONENT_CALL.match(attrs.get(ALPINE_DATA, ""))
    if component is not None:
        found += [(ALPINE_DATA, rule, word) for word, rule in _class_hits(component.group(1))]
    for attribute, value in attrs.items():
        rule = _data_rule(attribute) if attribute.startswith("data-") else None
        if rule is not None:
            found.append((attribute, rule, None))
        vendor = vendors.by_attribute(attribute, value)
        if vendor is not None:
            found.append((attribute, vendor.markup_rule, None))
    if "onbeforeunload" in attrs:
        found.append(("onbeforeunload", mr.LEAVE_PROMPT, None))
    url_attribute = VENDOR_URLS.get(name, "")
    for _, _, vendor in vendors.references(attrs.get(url_attribute, ""))[:1]:
        found.append((url_attribute, vendor.rule, None))
    return found


CONTROLLER = "data-controller"
"""Names the script controllers of an element (Stimulus: ``data-controller="live-viewers"``):
read like class names."""
_CONTROLLER_PARTS = re.compile(r"[\s/]+|--")
ALPINE_DATA = "x-data"
"""Alpine.js: the component an element runs (``x-data="countdownTimer('2030-01-01')"``), its
name read like a class name."""
_COMPONENT_CALL = re.compile(r"\s*([A-Za-z_$][\w$]*)\s*(?:\(|$)")
CODE_ATTRIBUTES = {"x-init": "init"}
"""Attributes other than ``on…`` whose value is code run on the page (Alpine.js's
``x-init``), with the event it runs on."""
"""What separates controller names and their namespaces (``acme--live-viewers``, a path)."""
_BINDING = re.compile(r"^(?:v-bind:|v-on:|bind:|on:|:|@|\[\(?|\()|\)?\]$|\)$")
"""Binding syntax around a prop or event name: Vue, Svelte, Angular (``[time]``,
``(finished)``)."""
_HANDLER_BINDING = ("@", "v-on:", "on:", "(")


def _component_markers(
    tag_name: str, raw: str, attrs: dict[str, str]
) -> list[tuple[str, Rule, str | None]]:
    """A countdown component given a time (``<vue-countdown :time="ms">``,
    ``<CountdownTimer end-date="…">``): HO601 on the time; a handler at zero that starts it
    again (``@end="restart"``): HO615."""
    if not mr.is_countdown_name(tag_name):
        return []
    props = {_BINDING.sub("", name): name.lower() for name, _ in _ATTR.findall(raw)}
    time = next((name for prop, name in props.items() if mr.gives_time(prop)), None)
    if time is None:
        return []
    found: list[tuple[str, Rule, str | None]] = [(time, mr.COUNTDOWN_MARKUP, None)]
    for prop, name in props.items():
        event = f"on-{prop}" if name.startswith(_HANDLER_BINDING) else prop
        value = mr.name_words(attrs.get(name, ""))
        if mr.is_completion(event) and not mr.RESTARTING_CALLS.isdisjoint(value):
            found.append((name, mr.TIMER_RESET, None))
    return found


def _texts(name: str, attrs: dict[str, str]) -> list[tuple[str, Context]]:
    """Attributes whose value people read, with the context to check them in."""
    found: list[tuple[str, Context]] = [
        (a, "attribute") for a, v in attrs.items() if a in ATTRIBUTE_TEXT and v
    ]
    if name == "input" and attrs.get("value"):
        kind = attrs.get("type", "text").lower()
        if kind in ("submit", "button", "reset"):
            found.append(("value", "label"))
        elif kind not in ("hidden", "checkbox", "radio"):
            found.append(("value", "attribute"))
    elif name == "meta" and attrs.get("content") and "http-equiv" not in attrs:
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        if _META_TEXT.search(key):
            found.append(("content", "attribute"))
    return found


def _looks_struck(attrs: dict[str, str]) -> bool:
    """Struck through by an inline style, or a reference-price class (``old-price``)."""
    if "style" in attrs and _LINE_THROUGH.search(attrs["style"]):
        return True
    return _reference_price_class(attrs.get("class", ""))


@lru_cache(maxsize=4096)
def _reference_price_class(value: str) -> bool:
    return any(mr.is_reference_price(c) for c in value.split())


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        key = name.lower()
        if key in attrs:
            continue
        if value[:1] in "\"'":
            value = value[1:-1]
        attrs[key] = htmllib.unescape(value) if "&" in value else value
    return attrs


_NAME_ATTRIBUTE = re.compile(r"""\s(?:class|id)\s*=\s*(["'])([^"'<>]*)\1""")


@lru_cache(maxsize=4096)
def _time_unit(name: str) -> str:
    """The unit a class or id names (``days``, ``cd-hours``, ``timerSeconds``), or ""."""
    for word in mr.name_words(name):
        unit = mr.TIME_UNIT_NAMES.get(word)
        if unit:
            return unit
    return ""


@lru_cache(maxsize=4096)
def _class_hits(value: str) -> list[tuple[str, Rule]]:
    """Class names in ``value`` that mark a countdown, an activity widget or a vendor widget."""
    hits: list[tuple[str, Rule]] = []
    for class_name in value.split():
        words = mr.name_words(class_name)
        if mr.has_marker(words, mr.COUNTDOWN_WORDS, mr.COUNTDOWN_PAIRS):
            hits.append((class_name, mr.COUNTDOWN_MARKUP))
        elif mr.has_marker(words, mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS):
            hits.append((class_name, mr.ACTIVITY_MARKUP))
        elif (vendor := vendors.by_class(class_name)) is not None:
            hits.append((class_name, vendor.markup_rule))
    return hits


def _data_rule(attribute: str) -> Rule | None:
    if mr.COUNTDOWN_DATA_ATTR.match(attribute):
        return mr.COUNTDOWN_MARKUP
    if mr.ACTIVITY_DATA_ATTR.match(attribute):
        return mr.ACTIVITY_MARKUP
    return None


def _choice_kind(name: str, attrs: dict[str, str]) -> Kind | None:
    if name == "input" and "checked" in attrs:
        kind = attrs.get("type", "").lower()
        return "checkbox" if kind == "checkbox" else "radio" if kind == "radio" else None
    if name == "option" and "selected" in attrs:
        return "option"
    if attrs.get("role") in ("switch", "checkbox") and attrs.get("aria-checked") == "true":
        return "switch"
    return None


def _is_ui_state(attrs: dict[str, str]) -> bool:
    """Checked inputs that only keep a page's UI state: an open nav section or content tab
    (mkdocs-material and pymdownx name them ``__nav_2``, ``__tabbed_1_1``), CSS-only tabs,
    accordions and menus. Their labels are headings, not offers."""
    if attrs.get("id", "").startswith("__") or attrs.get("name", "").startswith("__"):
        return True
    words = {w for c in attrs.get("class", "").split() for w in mr.name_words(c)}
    return not words.isdisjoint(mr.UI_STATE_WORDS)


def _is_paid_choice(kind: Kind, label: str) -> bool:
    """Whether a pre-selected choice with this label is a paid add-on or an opt-in."""
    if not label or mr.NEGATIVE_CHOICE.search(label):
        return False
    if mr.ADDON_WORDS.search(label):
        return True
    if kind in ("checkbox", "switch"):
        return bool(mr.MONEY.search(label))
    if kind == "radio":
        return bool(mr.SURCHARGE.search(label))
    return False


def _element_text(html: str, element_id: str) -> list[Chunk]:
    """Text chunks of the element with ``id`` (for aria-labelledby), read on demand."""
    found = re.search(
        rf"""<([A-Za-z][^\s/>]*)[^>]*?\sid\s*=\s*["']?{re.escape(element_id)}["'\s/>]""", html
    )
    if found is None:
        return []
    return _collect_element(html, found.end() - 1, found.group(1).lower())


def _collect_element(html: str, after_start_tag: int, name: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    depth, pos = 1, html.find(">", after_start_tag) + 1
    if pos == 0:
        return chunks
    for match in _TOKEN.finditer(html, pos):
        if match.start() > pos:
            chunks.append((pos, html[pos : match.start()]))
        pos = match.end()
        tag = (match.group("name") or match.group("end") or "").lower()
        if tag == name:
            depth += 1 if match.lastgroup == "attrs" else -1
            if depth == 0:
                break
    return chunks
