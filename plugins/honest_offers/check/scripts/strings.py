"""Text in scripts: string literals, the static parts of template literals, and JSX text and
attribute strings, checked by the text rules with positions in the file.

Literals joined by ``+`` or in one template literal are read as one text, with a placeholder
for each value computed in between ("Only " + n + " left" reads "Only 2 left"); JSX text
joins across ``{…}`` the same way. HTML inside a string goes to the markup check the caller
passed in (``Script.nested_html``), else its text is read.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from tree_sitter import Node

from honest_offers.check import lang
from honest_offers.check import markup_rules as mr
from honest_offers.check.caches import released_at_exit
from honest_offers.check.finding import Finding
from honest_offers.check.locate import Lines, Mapped, check_decoded
from honest_offers.check.locate import text_findings as text_findings_of
from honest_offers.check.phrases import Context
from honest_offers.check.scripts.base import NestedHtml, Script
from honest_offers.check.scripts.tree import (
    Tree,
    arguments,
    callee,
    last_name,
    operator,
    path,
    unwrap,
)

PLACEHOLDER = mr.PLACEHOLDER
"""Stands for a value computed at run time inside joined text: "Only " + n + " left"."""
MAX_DEPTH = 4
"""HTML inside a script string inside HTML…: how deep nested checks go."""
LABEL_WORDS = re.compile(r"button|btn|decline|dismiss|close|cta|link|label", re.IGNORECASE)
LABEL_ELEMENTS = frozenset({"button", "a", "label", "summary", "option"})
ATTRIBUTE_TEXT = frozenset(
    {"alt", "title", "aria-label", "aria-description", "placeholder", "label", "value"}
)
COMPARISONS = frozenset({"==", "===", "!=", "!=="})
SEARCH_METHODS = frozenset({"includes", "indexOf", "lastIndexOf", "startsWith", "endsWith"})
"""Calls whose string argument is looked for, not shown."""
CODE_NAMES = mr.word_set("name type kind id key code slug category pattern enum")
"""Last words of the names a short label given to is an identifier, not copy."""
LABEL_MAX_WORDS = 3
_NAMING = {
    "public_field_definition": ("name",),
    "field_definition": ("property",),
    "variable_declarator": ("name",),
    "assignment_expression": ("left",),
    "enum_assignment": ("name",),
}
_HTML = re.compile(r"<[A-Za-z][^<>]*>")
_NOT_NEWLINE = re.compile(r"[^\n]")
_RUN = re.compile(r"\S+")
_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"[^\W\d_]{3,}")
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|\r\n|[\s\S])")
_ESCAPES_SPLIT = re.compile(f"({_ESCAPE.pattern})")
"""Splits a literal's text around its escapes (:func:`_unescape`)."""
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

FORMAT_CODES = re.compile(
    r"%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[sdfuF]"  # printf: %s, %1$d, %05.2f (not "20% d")
    r"|%[A-Za-z_]\w*%"  # %count%
    r"|\{\{ ?[A-Za-z_][\w.]* ?\}\}"  # {{count}} (i18next)
    r"|\{[A-Za-z_]\w*\}"  # {count} (ICU messages)
)
"""Format codes in a string that a value fills in (``__("Only %s left!")``, PHP's
``sprintf``, ``"Only {count} left"``): each reads as a placeholder."""

_STRINGS = """
(string) @string

(template_string) @template

(jsx_element) @jsx
"""


@dataclass(slots=True)
class Piece:
    """Raw source text of a literal (or of a JSX text run) starting at character ``start``;
    or, ``stand_in``, the word that stands for a value computed there (a person's name, a
    count: :func:`~honest_offers.check.markup_rules.named_value`)."""

    start: int
    raw: str
    jsx: bool = False
    stand_in: bool = False
    span: int = 0
    """How many characters of the source a stand-in stands for (``${b.name}``: 9)."""

    @property
    def value(self) -> str:
        if self.stand_in:
            return self.raw
        if self.jsx:
            return htmllib.unescape(self.raw) if "&" in self.raw else self.raw
        return _unescape(self.raw) if "\\" in self.raw else self.raw


@dataclass(slots=True)
class Joined:
    """Pieces read as one text, and placeholders (offset) for values between them."""

    parts: list[Piece | int] = field(default_factory=list)
    context: Context = "prose"
    code: bool = False
    """Code, not copy: a value compared or searched for, a type, a short label as a key or
    as the name, type or id of something (:func:`_in_code`); the text rules skip it."""

    @property
    def text(self) -> str:
        return "".join(p.value if isinstance(p, Piece) else PLACEHOLDER for p in self.parts)

    def pieces(self) -> Iterator[tuple[str, int, bool]]:
        for part in self.parts:
            if isinstance(part, int):
                yield PLACEHOLDER, part, False
            elif part.stand_in:
                yield part.raw, part.start, False
            elif part.jsx or "\\" not in part.raw:
                yield part.value, part.start, not (part.jsx and "&" in part.raw)
            else:
                yield from _decoded(part)

    def mapped(self) -> Mapped:
        mapped = Mapped()
        for piece, source, verbatim in self.pieces():
            mapped.add(piece, source, verbatim)
        return mapped

    def first_source(self) -> int:
        return next((source for piece, source, _ in self.pieces() if piece), 0)


def texts(tree: Tree) -> list[Joined]:
    """Every text of the script, joined as described above (worked out once)."""
    if "texts" not in tree.memo:
        tree.memo["texts"] = _texts(tree)
    result: list[Joined] = tree.memo["texts"]
    return result


def _texts(tree: Tree) -> list[Joined]:
    found = tree.opened_by(b"\"'`<")
    joined: list[Joined] = []
    done: set[int] = set()
    for node in [*found.get("string", ()), *found.get("template_string", ())]:
        if node.start_byte in done:
            continue
        top = node
        while top.parent is not None and _concatenation(tree, top.parent):
            top = top.parent
        parts: list[Piece | int] = []
        _flatten(tree, top, parts, done)
        parts = _trimmed(parts)
        joined.append(Joined(parts, _context(tree, top), _in_code(tree, top, parts)))
    tree.memo["jsx"] = [*found.get("jsx_element", ()), *found.get("jsx_self_closing_element", ())]
    for element in found.get("jsx_element", ()):
        joined += _jsx_texts(tree, element)
    return joined


def _in_code(tree: Tree, top: Node, parts: list[Piece | int]) -> bool:
    """Whether a literal is code, not copy shown to buyers: compared with a value
    (``status === "Low stock"``, ``case``), searched for (``text.includes("sold out")``), a
    TypeScript literal type; or a short label (:func:`_label`) as an object key or as the
    name, type, id or key of something (``name = "Low Stock"`` in a detector's model,
    ``{ kind: "Limited offer" }``). What reaches the page is copy: DOM writes, JSX, markup."""
    parent = top.parent
    if parent is None:
        return False
    kind = parent.type
    if kind == "binary_expression":
        return operator(tree, parent) in COMPARISONS
    if kind in ("switch_case", "literal_type"):
        return True
    if kind == "arguments" and parent.parent is not None:
        return callee(tree, parent.parent) in SEARCH_METHODS
    if not _label(parts):
        return False
    if kind == "pair":
        return parent.child_by_field_name("key") == top or _named_as_code(tree, parent, "key")
    if kind in _NAMING:
        return _named_as_code(tree, parent, *_NAMING[kind])
    return False


def _named_as_code(tree: Tree, holder: Node, *fields: str) -> bool:
    """Whether the name a value is given (the first of ``fields`` present) ends with a word
    of :data:`CODE_NAMES`."""
    name = next((n for f in fields if (n := holder.child_by_field_name(f)) is not None), None)
    words = mr.name_words(last_name(tree, name)) if name is not None else ()
    return bool(words) and words[-1] in CODE_NAMES


def _label(parts: list[Piece | int]) -> bool:
    """A short label: at most three words, no number, nothing computed, no sentence end."""
    if any(isinstance(p, int) or p.stand_in for p in parts):
        return False
    text = "".join(p.value for p in parts if isinstance(p, Piece)).strip()
    return (
        len(text.split()) <= LABEL_MAX_WORDS
        and not any(c.isdigit() for c in text)
        and not text.endswith(("!", "?", "."))
    )


def _concatenation(tree: Tree, node: Node) -> bool:
    return node.type == "binary_expression" and operator(tree, node) == "+"


def _flatten(tree: Tree, node: Node, parts: list[Piece | int], done: set[int]) -> None:
    if _concatenation(tree, node):
        for side in ("left", "right"):
            child = node.child_by_field_name(side)
            if child is not None:
                _flatten(tree, child, parts, done)
    elif node.type == "string":
        done.add(node.start_byte)
        literal = _literal(tree, node)
        parts += (
            formatted(literal.start, literal.raw)
            if "%" in literal.raw or "{" in literal.raw
            else [literal]
        )
    elif node.type == "template_string":
        done.add(node.start_byte)
        parts += _template(tree, node)
    else:
        _value(tree, node, parts, node)


def _value(tree: Tree, node: Node, parts: list[Piece | int], written: Node) -> None:
    """A value computed between literals: a word for a value named as a count or a person
    (:func:`~honest_offers.check.markup_rules.named_value`), also first or last (``name + "
    just bought"``, ``${n} people are viewing this``, ``"Stock: " + qty``); any other value is
    a placeholder between words and left out first or last; a value right after another is
    read as part of it."""
    last = parts[-1] if parts else None
    if isinstance(last, int) or (last is not None and last.stand_in):
        return
    start = tree.start(written)
    dotted = _named_path(tree, node)
    word = mr.named_value(dotted) if dotted else None
    if word is not None:
        parts.append(Piece(start, word, stand_in=True, span=tree.end(written) - start))
    elif last is not None:
        parts.append(start)


_NAMED_VALUES = frozenset({"identifier", "member_expression", "subscript_expression"})


def _named_path(tree: Tree, node: Node) -> str:
    """The dotted name of a value (``p.first_name`` in ``esc(p.first_name || "Someone")``,
    ``n`` in ``{n}``), or ``""`` for a value that is not a name."""
    node = unwrap(node)
    for _ in range(3):
        if node.type == "call_expression" and arguments(node):
            node = unwrap(arguments(node)[0])
        elif node.type == "binary_expression" and operator(tree, node) in ("||", "??"):
            node = unwrap(node.child_by_field_name("left") or node)
        else:
            break
    if node.type not in _NAMED_VALUES:
        return ""
    dotted = path(tree, node)
    return "" if not dotted or dotted.endswith(")") else dotted


def _trimmed(parts: list[Piece | int]) -> list[Piece | int]:
    while parts and isinstance(parts[-1], int):
        parts.pop()
    while parts and isinstance(parts[0], int):
        parts.pop(0)
    return parts


def _literal(tree: Tree, node: Node) -> Piece:
    raw = tree.source(node)
    quote, body = raw[:1], raw[1:]
    if len(body) and body[-1] == quote:
        body = body[:-1]
    return Piece(tree.start(node) + 1, body)


def formatted(start: int, raw: str, values: re.Pattern[str] | None = None) -> list[Piece | int]:
    """The raw text of a literal at ``start`` in pieces, a placeholder for each format code
    (:data:`FORMAT_CODES`) and each match of ``values`` (a language's interpolated values)."""
    found = list(FORMAT_CODES.finditer(raw))
    if values is not None:
        found += values.finditer(raw)
        found.sort(key=lambda m: m.start())
    parts: list[Piece | int] = []
    last = 0
    for value in found:
        if value.start() < last:
            continue  # inside the one before
        if value.start() > last:
            parts.append(Piece(start + last, raw[last : value.start()]))
        parts.append(_filled(start + value.start(), value.group()))
        last = value.end()
    if last < len(raw) or not parts:
        parts.append(Piece(start + last, raw[last:]))
    return parts


def _filled(start: int, code: str) -> Piece | int:
    """What a format code reads as: a number or a name by the name it has (``{count}``,
    ``%buyer%``, as :func:`_value` reads values), else a placeholder (``%s``)."""
    name = code.strip("%{}$ ")
    word = mr.named_value(name) if name[:1].isalpha() or name[:1] == "_" else None
    return start if word is None else Piece(start, word, stand_in=True, span=len(code))


def _template(tree: Tree, node: Node) -> list[Piece | int]:
    """Static chunks of a template literal, a placeholder for each ``${…}``."""
    parts: list[Piece | int] = []
    start = node.start_byte + 1
    for child in node.named_children:
        if child.type == "template_substitution":
            _chunk(tree, start, child.start_byte, parts)
            value = child.named_children[0] if child.named_children else child
            _value(tree, value, parts, child)
            start = child.end_byte
    end = node.end_byte - 1 if tree.data[node.end_byte - 1 : node.end_byte] == b"`" else None
    _chunk(tree, start, end if end is not None and end >= start else node.end_byte, parts)
    return parts


def _chunk(tree: Tree, start: int, end: int, parts: list[Piece | int]) -> None:
    if end > start:
        first = tree.chars(start)
        parts.append(Piece(first, tree.text[first : tree.chars(end)]))


def _jsx_texts(tree: Tree, element: Node) -> list[Joined]:
    """The text of one JSX element as a browser shows it: its text children joined across
    ``{…}`` and across inline elements (``Only <strong>{n}</strong> left``), which are read
    with the text around them, not on their own; a block element or a component ends a text."""
    parent = element.parent
    if parent is not None and parent.type == "jsx_element" and _inline(tree, element):
        return []
    context: Context = "label" if _labelish(_jsx_name(tree, element)) else "prose"
    runs: list[list[Piece | int]] = [[]]
    _read_jsx(tree, element, runs)
    return [Joined(_trimmed(run), context) for run in runs if run]


def _read_jsx(tree: Tree, node: Node, runs: list[list[Piece | int]]) -> None:
    """The text children of ``node`` added to the last run of text; what ends a text starts
    the next run."""
    for child in node.named_children:
        kind, current = child.type, runs[-1]
        if kind == "jsx_text":
            current += _words(tree.start(child), tree.source(child))
        elif kind == "html_character_reference":
            current.append(Piece(tree.start(child), tree.source(child), jsx=True))
        elif kind == "jsx_expression":
            value = child.named_children[0] if child.named_children else child
            _value(tree, value, current, child)
        elif kind in ("jsx_element", "jsx_self_closing_element") and _inline(tree, child):
            _read_inline(tree, child, runs)
        elif kind not in ("jsx_opening_element", "jsx_closing_element") and current:
            runs.append([])


def _read_inline(tree: Tree, element: Node, runs: list[list[Piece | int]]) -> None:
    """An inline element's text, read on; a line break (``<br/>``) is a space."""
    if element.type == "jsx_element":
        _read_jsx(tree, element, runs)
    elif _jsx_name(tree, element) == "br" and not _ends_in_space(runs[-1]):
        runs[-1].append(Piece(tree.start(element), " ", jsx=True))


def _ends_in_space(parts: list[Piece | int]) -> bool:
    return bool(parts) and isinstance(parts[-1], Piece) and parts[-1].value.endswith(" ")


def _inline(tree: Tree, element: Node) -> bool:
    """Whether a JSX element is an inline HTML element (``<strong>``, ``<a>``, ``<br/>``): a
    lower-case tag name outside :data:`~honest_offers.check.markup_rules.BLOCK`. Components
    (``<Price/>``, ``<ui.Badge>``) may render anything."""
    name = _jsx_name(tree, element)
    return name[:1].islower() and name.isalnum() and name not in mr.BLOCK


def _words(start: int, raw: str) -> list[Piece | int]:
    """JSX text with its white space collapsed as React does: runs of words and single
    spaces, each at its place in the source."""
    pieces: list[Piece | int] = []
    last = -1
    for run in _RUN.finditer(raw):
        if last >= 0 or run.start() > 0:
            pieces.append(Piece(start + (last if last >= 0 else 0), " ", jsx=True))
        pieces.append(Piece(start + run.start(), run.group(), jsx=True))
        last = run.end()
    if 0 <= last < len(raw):
        pieces.append(Piece(start + last, " ", jsx=True))
    return pieces


def _jsx_name(tree: Tree, element: Node) -> str:
    """The tag name of a JSX element (``<a …>…</a>``) or of a self-closing one (``<br/>``)."""
    opening = element.child_by_field_name("open_tag") or element
    name = opening.child_by_field_name("name")
    return tree.source(name) if name is not None else ""


def _labelish(name: str) -> bool:
    return name.lower() in LABEL_ELEMENTS or bool(LABEL_WORDS.search(name))


def _context(tree: Tree, node: Node) -> Context:
    """Label for strings written to a button or link (``declineBtn.textContent = "…"``) and
    in JSX label attributes; attribute for JSX ``alt``/``title``/…; else prose."""
    parent = node.parent
    if parent is not None and parent.type == "jsx_attribute":
        attribute = tree.source(parent.named_children[0]) if parent.named_children else ""
        return "attribute" if attribute in ATTRIBUTE_TEXT else "prose"
    for ancestor in (parent, parent.parent if parent is not None else None):
        if ancestor is None:
            break
        target = ancestor.child_by_field_name("left") or ancestor.child_by_field_name("name")
        if ancestor.type in ("assignment_expression", "variable_declarator") and target:
            return "label" if LABEL_WORDS.search(tree.source(target)) else "prose"
    return "prose"


def string_values(tree: Tree, node: Node) -> list[str]:
    """Values of the string literals and template chunks inside ``node``."""
    found = tree.captures(_STRINGS, node)
    values = [_literal(tree, n).value for n in found.get("string", ())]
    for template in found.get("template", ()):
        parts = _template(tree, template)
        values += [p.value for p in parts if isinstance(p, Piece) and not p.stand_in]
    return values


def text_findings(script: Script, context: Context | None = None) -> list[Finding]:
    """Findings of the text rules in the script's texts (``context`` overrides theirs)."""
    found: list[Finding] = []
    place = Place(script.text, script.path, script.lines, script.depth, script.nested_html)
    for joined in texts(script.tree):
        if not joined.code:
            found += joined_findings(joined, place, context)
    return found


def json_quiet(source: str) -> bool:
    """Whether a JSON document (JSON-LD, say) surely has no findings as attribute text:
    it parses as JSON, no string holds markup, and no string (key or value) has a finding
    on its own. Every page carries its JSON-LD, and this is a few dictionary walks where
    the syntax tree costs a millisecond; the tree is read only when this says no. The
    tree reads the same strings (JSON has no ``+``), some of them as code, never more.
    Escaped characters beyond the Basic Multilingual Plane decode differently in the two
    (one character against two surrogates), so a document with them takes the tree."""
    if _SURROGATE_ESCAPE.search(source):
        return False
    try:
        document = json.loads(source)
    except ValueError:
        return False
    known = _QUIET.setdefault(lang.current(), set())
    unknown = _json_strings(document) - known  # one set operation for the recurring ones
    if not unknown:
        return True
    if not all(map(_quiet_string, unknown)):
        return False
    if len(known) + len(unknown) > QUIET_MAX:
        known.clear()
    known |= unknown
    return True


QUIET_MAX = 16_384
"""Strings remembered as quiet per set of languages (all are forgotten at the limit: the
keys, types and the site's names come back on the next page)."""
_QUIET: dict[frozenset[str], set[str]] = {}
"""Strings of JSON documents known to hold no markup and no finding, by the languages they
were read in (:func:`honest_offers.check.lang.current`)."""
released_at_exit(_QUIET.clear)


def _quiet_string(text: str) -> bool:
    """Whether one string of a JSON document holds no markup and no finding (in the current
    languages)."""
    return not _HTML.search(text) and not (is_text(text) and text_findings_of(text, "attribute"))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _json_strings(document: object) -> set[str]:
    """Every key and string value of a parsed JSON document."""
    found: set[str] = set()
    stack = [document]
    while stack:
        value = stack.pop()
        values: Iterable[object]
        if isinstance(value, dict):
            found.update(value)
            values = value.values()
        elif isinstance(value, list):
            values = value
        else:
            if isinstance(value, str):
                found.add(value)  # a document that is one string
            continue
        for item in values:
            if isinstance(item, str):
                found.add(item)
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return found


@dataclass(frozen=True, slots=True)
class Place:
    """Where texts are written: the source, its path and lines, how deep inside other markup,
    and the markup check for HTML inside them."""

    source: str
    path: str
    lines: Lines
    depth: int = 0
    nested_html: NestedHtml | None = None


def joined_findings(joined: Joined, place: Place, context: Context | None = None) -> list[Finding]:
    """Findings of one text: HTML goes to the markup check, words to the text rules."""
    text = joined.text
    if _HTML.search(text) and place.depth < MAX_DEPTH:
        return _html_findings(place, joined, text)
    if is_text(text):
        return check_decoded(
            text, joined.mapped, context or joined.context, place.path, place.lines
        )
    return []


def _html_findings(place: Place, joined: Joined, text: str) -> list[Finding]:
    if place.nested_html is not None:
        aligned = _aligned(place.source, joined)
        first = joined.first_source()
        if aligned is None:
            aligned, first = text, joined.mapped().source(0)
        line, column = place.lines.at(first)
        return place.nested_html(aligned, place.path, line, column, place.depth + 1)
    visible = _TAG.sub(lambda m: " " * len(m.group()), text)
    if not is_text(visible):
        return []
    return check_decoded(visible, joined.mapped, "prose", place.path, place.lines)


def _aligned(source: str, joined: Joined) -> str | None:
    """The joined text laid out where its pieces are written: what lies between them (quotes,
    ``' + n + '``, ``${n}``) becomes spaces, with a placeholder where a value is written
    between them (not between two literals: ``'a:' . 'b'``), line breaks kept, so the markup
    check's positions are the file's; a person's name stands where its value is written.
    None when a piece is not written as it reads (escapes, character references, a stand-in
    longer than its value) or pieces are out of order."""
    out: list[str] = []
    start = end = -1
    value = False  # a value between the last piece and this one
    for part in joined.parts:
        if isinstance(part, int):
            value = True
            continue
        if part.jsx or "\\" in part.raw or part.start < end:
            return None
        if part.stand_in and (
            part.span < len(part.raw) or "\n" in source[part.start : part.start + part.span]
        ):
            return None
        if start < 0:
            start = end = part.start
        gap = source[end : part.start]
        if gap:
            filler = _NOT_NEWLINE.sub(" ", gap)
            out.append(PLACEHOLDER + filler[1:] if value and filler[:1] == " " else filler)
        value = False
        out.append(part.raw.ljust(part.span) if part.stand_in else part.raw)
        end = part.start + (part.span if part.stand_in else len(part.raw))
    return "".join(out) if out else None


def is_text(text: str) -> bool:
    """Whether a string looks like words for people rather than a key, URL or selector."""
    stripped = text.strip()
    if _WORD.search(stripped) is None or "://" in stripped:
        return False
    return " " in stripped or stripped.endswith(("!", "?"))


# -- escapes -----------------------------------------------------------------------------------


def _unescape(raw: str) -> str:
    # Split around the escapes and map them: a dictionary written in ``\u`` escapes (one
    # per letter) is decoded in half the time of a substitution calling back per escape.
    parts = _ESCAPES_SPLIT.split(raw)
    parts[1::2] = map(_escape_value, parts[1::2])
    return "".join(parts)


@lru_cache(maxsize=4096)
def _escape_value(escape: str) -> str:
    body = escape[1:]
    if body[:1] == "x" and len(body) == 3:
        return chr(int(body[1:], 16))
    if body[:2] == "u{":
        return chr(min(int(body[2:-1], 16), 0x10FFFF))
    if body[:1] == "u" and len(body) == 5:
        return chr(int(body[1:], 16))
    if body in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""
    return _SIMPLE_ESCAPES.get(body, body)


def _decoded(piece: Piece) -> Iterator[tuple[str, int, bool]]:
    """A literal's value in pieces, each escape mapped to where it is written."""
    raw, start, last = piece.raw, piece.start, 0
    for escape in _ESCAPE.finditer(raw):
        yield raw[last : escape.start()], start + last, True
        yield _escape_value(escape.group()), start + escape.start(), False
        last = escape.end()
    yield raw[last:], start + last, True
