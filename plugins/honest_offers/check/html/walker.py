"""The HTML walker: one pass over the tokens of a page, text joined as a browser shows it.

* visible text is joined the way a browser's ``innerText`` joins it (inline markup joins,
  block elements separate), decoded, whitespace-collapsed and sent to ``check_text``;
  link, button, summary, label and option text also as "label", and ``alt``, ``title``,
  ``aria-label``, ``placeholder``, ``value`` and meta descriptions as "attribute";
* code (``code``, ``pre``, ``kbd``, ``samp``), ``<template>`` text, comments, scripts and
  styles are not prose. ``<noscript>`` is: some readers see it;
* each start tag's markup findings come from its :class:`~.markup.Plan`; pre-selected
  choices wait for their labels;
* inline scripts go to ``check_script``, ``<style>`` to ``check_stylesheet``, event handler
  attributes to the script rules, JSON-LD strings to ``check_text``. The script engine gets
  :func:`nested_findings` as a function for HTML inside its strings (it does not import this
  package).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.finding import CheckResult, Finding
from honest_offers.check.html.markup import (
    CODE_ATTRIBUTES,
    Choice,
    Plan,
    Tag,
    choice_kind,
    choice_rules,
    countdown_boxes,
    is_required_box,
    is_ui_state,
    plan_for,
)
from honest_offers.check.html.segments import SEGMENTS, Cache, SegmentReader
from honest_offers.check.html.tokenizer import (
    BLOCK,
    RCDATA,
    TOKEN,
    Chunk,
    closing,
    decode,
    element_text,
    mapped,
    read_comment,
    without_template_tags,
)
from honest_offers.check.locate import Lines, check_mapped, text_findings
from honest_offers.check.phrases import Context
from honest_offers.check.registry import Rule
from honest_offers.check.styles import check_stylesheet
from honest_offers.check.text import finding

NOT_PROSE = frozenset({"code", "pre", "kbd", "samp", "template"})

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
_FIGURE = re.compile(r"\d[\d,.\u202f\u00a0']*\+?")
"""A bare count, as a stat card shows it big: "53", "1,200", "12+"."""
_FIGURE_MAX = 12
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
_MARKER_START = re.compile(r"<!--(?=\s*honest-offers)", re.IGNORECASE)
_MARKER_BODY = re.compile(r"\s*honest-offers", re.IGNORECASE)
"""A comment body that ``_MARKER_START`` sees as a marker (``--`` cannot end it earlier)."""


@dataclass(slots=True)
class _Capture:
    """Text collected inside one element (or after an unlabelled choice, up to the block end)."""

    name: str
    label: bool = False
    struck: bool = False
    label_for: str = ""
    choices: list[Choice] = field(default_factory=list)
    following: bool = False
    depth: int = 1
    chunks: list[Chunk] = field(default_factory=list)


class Walker(SegmentReader):
    def __init__(self, html: str, path: str, lines: Lines, depth: int) -> None:
        super().__init__(html, path, lines)
        self.depth = depth
        self.svelte = path.endswith(".svelte")
        self.component = depth == 0 and path.endswith(COMPONENT_SUFFIXES)
        self.named_countdowns: list[Finding] = []
        """Countdown class and id names in a component, reported only with its countdown code
        (:meth:`weigh_names`)."""
        self.block: list[Chunk] = []
        self.alternatives = False
        """An element shown on a condition began in the current text block: the next one is
        another text the page shows instead (a plan switcher's other price)."""
        self.captures: list[_Capture] = []
        self.not_prose = 0
        self.figure: list[Chunk] = []
        """A block that was a bare number: it goes on into the next block, its caption."""
        self.cells = 0
        """Cells begun in the current table row."""
        self.labelled = False
        """The row's first cell is a label: its text goes on into the next cell's."""

    # -- tokens --

    def run(self) -> None:
        html, pos = self.html, 0
        tokens = TOKEN.finditer(html)
        # A component reads differently (a Svelte script's top-level variables are what the
        # markup shows, class names wait for its code), so what is remembered from pages
        # does not apply to it.
        cache = SEGMENTS if self.depth == 0 and not self.component else None
        # Start and end tags are most tokens: dispatched here, without :meth:`token`'s call.
        gap, start_tag, end_tag = self.gap, self.start_tag, self.end_tag
        while (match := next(tokens, None)) is not None:
            start = match.start()
            if start < pos:
                continue  # inside a comment, script or style already read
            if start > pos and not self.not_prose:
                resumed = gap(cache, pos, start)
                if resumed is not None:
                    pos = resumed
                    tokens = TOKEN.finditer(html, pos)
                    continue
            elif self.replayed is not None:
                self.remember_run(self.replayed)
            kind = match.lastgroup
            if kind == "attrs":
                pos = start_tag(match)
            elif kind == "end":
                end_tag(match.group(2).lower())
                pos = match.end()
            else:
                pos = self.token(match)
            if pos < 0:  # a tag that never ends hides the rest of the document
                pos = len(html)
                break
        self.finish(pos)

    def finish(self, pos: int) -> None:
        """The end of the document (reading stopped at ``pos``): what is still open ends."""
        if self.replayed is not None:
            self.remember_run(self.replayed)
        self.text(pos, self.html[pos:])
        self.flush()
        while self.captures:
            self.close(self.captures.pop())
        self.resolve_choices()

    def gap(self, cache: Cache | None, pos: int, start: int) -> int | None:
        """Text or white space between two tokens; at a segment boundary, where reading goes
        on after replayed segments (None: at the next token)."""
        gap = self.html[pos:start]
        if (
            cache is not None
            and not self.block
            and not self.alternatives
            and not self.captures
            and not self.cells
            and not self.figure
            and "\n" in gap
            and gap.isspace()
        ):
            # A segment boundary: a line starts here and nothing is open, so what
            # follows is read exactly as it would be at the start of a page.
            boundary = self.html.rfind("\n", pos, start) + 1
            return self.at_boundary(cache, boundary, pos, start)
        if self.replayed is not None:
            self.remember_run(self.replayed)
        if self.block or not gap.isspace():  # ``text`` without the call
            self.add_text((pos, gap))
        return None

    def token(self, match: re.Match[str]) -> int:
        """Read one token; return where reading goes on (-1: nowhere, the tag never ends)."""
        kind = match.lastgroup
        if kind == "attrs":
            return self.start_tag(match)
        if kind == "end":
            self.end_tag(match.group(2).lower())
        elif kind == "comment":
            return self.comment(match.start())
        elif kind == "open":
            return -1
        return match.end()

    def text(self, start: int, raw: str) -> None:
        if not raw or self.not_prose or (not self.block and raw.isspace()):
            return
        self.add_text((start, raw))

    def add_text(self, chunk: Chunk) -> None:
        self.block.append(chunk)
        for capture in self.captures:
            capture.chunks.append(chunk)

    def comment(self, start: int) -> int:
        body, end = read_comment(self.html, start)
        if body is not None:
            self.comments.append((start, body))
        return end

    def start_tag(self, match: re.Match[str]) -> int:  # noqa: C901 (the hot path, inlined)
        plan = plan_for(match.group(3), match.group(4))
        name, captures = plan.name, self.captures
        if plan.row:
            self.row(name)
        elif plan.block:
            if self.block or captures:
                self.flush()
        elif name == "br":
            self.text(match.start(), " ")
        if plan.alternative:
            self.alternative()
        if plan.acts:
            self.execute(plan, self.tag(plan, match))
        if captures:
            self.nest(name)
        if plan.raw_text:
            return self.raw_text(name, plan.attrs, match.end())
        if captures and plan.control:
            self.close_following()
        choice = self.choice(self.tag(plan, match)) if plan.may_choose else None
        if plan.opens:
            self.open_element(name, plan, choice)
        return match.end()

    def alternative(self) -> None:
        """An element shown on a condition: after another one in the same text block, the
        page shows its text instead of the other's, not after it."""
        if self.alternatives and self.block:
            self.flush()
        self.alternatives = True

    def nest(self, name: str) -> None:
        """An element inside an open capture of the same name (a link in a link)."""
        for capture in self.captures:
            if capture.name == name:
                capture.depth += 1

    @staticmethod
    def tag(plan: Plan, match: re.Match[str]) -> Tag:
        return Tag(plan.name, match.start(), match.start(4), match.group(4), plan.attrs)

    def row(self, name: str) -> None:
        """A table row or cell begins: a cell after a label cell goes on in its text."""
        if name == "tr":
            self.cells = 0
            self.labelled = False
        else:
            self.cells += 1
            if self.labelled:
                self.labelled = False
                return
        if self.block or self.captures:
            self.flush()

    def end_tag(self, name: str) -> None:
        if self.cells:  # in a table row
            if name in mr.TABLE_CELLS and self.cells == 1 and self.row_label():
                return
            if name == "tr" or name == "table":
                self.cells = 0
                self.labelled = False
        if name in BLOCK and (self.block or self.captures):
            self.flush()
        if self.not_prose and name in NOT_PROSE:
            self.not_prose -= 1
        if self.captures:
            self.end_captures(name)

    def row_label(self) -> bool:
        """Whether the row's first cell, ending here, labels the next: short text, which the
        next cell's text follows after a colon ("Students: 100% off the Individual plan")."""
        if not self.block or self.not_prose:
            return False
        label = decode(self.block)
        if not label or len(label) > mr.ROW_LABEL_MAX:
            return False
        start, raw = self.block[-1]
        self.add_text((start + len(raw), ": "))
        self.labelled = True
        return True

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
        found = closing(name).search(self.html, body) if name != "plaintext" else None
        stop = found.start() if found else len(self.html)
        content = self.html[body:stop]
        self.raw_bodies.append((body, stop))
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

    def open_element(self, name: str, plan: Plan, choice: Choice | None) -> None:
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
        self.alternatives = False
        if self.block:
            chunks, self.block = self.block, []
            # Only an RCDATA block can start with white space (``text`` skips it).
            if not chunks[0][1].isspace() or not all(text.isspace() for _, text in chunks):
                text = decode(chunks)
                if self.figure:
                    text, chunks = self.captioned(text, chunks)
                if text[:1].isdigit() and len(text) <= _FIGURE_MAX and _FIGURE.fullmatch(text):
                    self.figure = chunks  # a bare number waits for its caption
                else:
                    self.check_text(text, chunks, "prose")
        if self.captures:
            self.close_following()

    def captioned(self, text: str, chunks: list[Chunk]) -> tuple[str, list[Chunk]]:
        """A block after a bare number, which a page shows as its caption ("53" above "Beta
        spots left"): read with the number, unless it is long or has a finding of its own."""
        figure, self.figure = self.figure, []
        if len(text) > mr.CAPTION_MAX or text_findings(text, "prose"):
            return text, chunks
        start, raw = figure[-1]
        chunks = [*figure, (start + len(raw), " "), *chunks]
        return decode(chunks), chunks

    # -- text --

    def check_text(self, text: str, chunks: list[Chunk], context: Context) -> None:
        if text and text_findings(text, context):
            self.findings += check_mapped(mapped(chunks), context, self.path, self.lines)

    def attribute_text(self, tag: Tag, attribute: str, context: Context) -> None:
        text = " ".join(tag.attrs[attribute].split())
        if not text or not text_findings(text, context):
            return
        _, value_start, raw = tag.span(attribute)
        self.check_text(text, [(value_start, raw)], context)

    # -- markup rules --

    def execute(self, plan: Plan, tag: Tag) -> None:
        for attribute, rule, word in plan.markers:
            self.attribute_finding(tag, attribute, rule, word)
        for attribute in plan.handlers:
            self.handler(tag, attribute)
        for attribute, context in plan.texts:
            self.attribute_text(tag, attribute, context)

    def attribute_finding(self, tag: Tag, attribute: str, rule: Rule, word: str | None) -> None:
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
        """The boxes of a countdown read-out that a script fills (:func:`.countdown_boxes`)."""
        boxes = countdown_boxes(self.html)
        if boxes is not None:
            offset, name = boxes
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

    # The script engine (tree-sitter and its grammars) is imported at the first script or
    # handler: most pages rendered from Markdown for the check have none.

    def handler(self, tag: Tag, attribute: str) -> None:
        from honest_offers.check.scripts import handler_findings

        _, value_start, raw = tag.span(attribute)
        line, column = self.lines.at(value_start)
        code = htmllib.unescape(raw) if "&" in raw else raw
        event = CODE_ATTRIBUTES.get(attribute, attribute[2:])
        self.findings.extend(
            handler_findings(event, code, self.path, line, column, nested_findings)
        )

    # -- pre-selected choices --

    def choice(self, tag: Tag) -> Choice | None:
        """A pre-selected checkbox, radio, option or switch, or a box that must be ticked;
        its labels are collected later."""
        attrs = tag.attrs
        kind = choice_kind(tag.name, attrs)
        required = is_required_box(tag.name, attrs)
        if (kind is None and not required) or is_ui_state(attrs):
            return None
        labelled_by = attrs.get("aria-labelledby", "").split()
        choice = Choice(
            kind or "checkbox",
            id=attrs.get("id", ""),
            labelled_by=labelled_by,
            preselected=kind is not None,
            required=required,
        )
        for attribute in ("aria-label", "title"):
            if attrs.get(attribute):
                choice.attribute_labels.append((attribute, tag.span(attribute)[1]))
        self.choices.append(choice)
        if choice.kind in ("checkbox", "radio"):
            self.label_choice(choice)
            return None
        return choice

    def label_choice(self, choice: Choice) -> None:
        """Inside a <label>, that label names it; else the text that follows, to the block end."""
        for capture in reversed(self.captures):
            if capture.name == "label":
                capture.choices.append(choice)
                return
        self.close_following()
        self.captures.append(_Capture("", following=True, choices=[choice]))

    def resolve_choices(self) -> None:
        for choice in self.choices:
            reported: set[str] = set()
            for chunks in self.choice_labels(choice):
                text = decode(chunks)
                for rule in choice_rules(choice, text):
                    if rule.code not in reported:
                        reported.add(rule.code)
                        self.add(rule, mapped(chunks).source(0), text)

    def choice_labels(self, choice: Choice) -> list[list[Chunk]]:
        """Every text that labels ``choice``: its <label>, ``<label for>``, aria-labelledby,
        aria-label and title, in that order."""
        labels = list(choice.labels)
        labels += self.label_for.get(choice.id, []) if choice.id else []
        labels += [element_text(self.html, ref) for ref in choice.labelled_by]
        labels += [[(start, self.html_value(start))] for _, start in choice.attribute_labels]
        return labels

    def html_value(self, start: int) -> str:
        quote = self.html[start - 1] if start else ""
        end = self.html.find(quote, start) if quote in "\"'" else -1
        if end < 0:
            end = len(self.html)
        return self.html[start:end]

    # -- embedded scripts and styles --

    def script(self, attrs: dict[str, str], body: int, content: str) -> None:
        from honest_offers.check.scripts import dialect_for, script_result, string_text_findings

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


def nested_findings(html: str, path: str, line: int, column: int, depth: int) -> list[Finding]:
    """Findings of HTML found inside something else (a script string, a template script)."""
    return unique(walk(html, path, Lines(html, line, column), depth).findings)


def walk(html: str, path: str, lines: Lines, depth: int) -> Walker:
    html = without_template_tags(html)
    walker = Walker(html, path, lines, depth)
    walker.run()
    if depth == 0:
        walker.time_units()
    walker.weigh_names()
    return walker


def unique(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and place (prose and label checks of a link can agree)."""
    seen: dict[tuple[str, int, int], Finding] = {}
    for found in findings:
        seen.setdefault((found.rule, found.line, found.column), found)
    return sorted(seen.values(), key=Finding.sort_key)
