"""The one HTML tokenizer of the check: tokens, attributes, text decoding with source offsets.

A small regex tokenizer (no DOM) that keeps exact offsets, shared by the markup walker and
the browser check's source map. Jinja, Liquid and Go template tags (``{{ }}``, ``{% %}``,
``{# #}``) are blanked with spaces first, which keeps every offset.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from functools import lru_cache

from honest_offers.check import markup_rules as mr
from honest_offers.check.locate import Mapped
from honest_offers.check.markup_rules import BLOCK as BLOCK  # the one list
from honest_offers.check.markup_rules import VOID_ELEMENTS as VOID_ELEMENTS  # the one list

TOKEN = re.compile(
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
ATTR = re.compile(r"([^\s/>=\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']*))?")
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_RUNS = re.compile(r"\s+|\S+")
_TEMPLATE_TAG = re.compile(r"\{[{%#]|[}%#]\}")
_TEMPLATE_OPEN = re.compile(r"\{[{%]")
_COMMENT_BLOCK = re.compile(
    r"\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}", re.IGNORECASE
)
"""A Liquid or Django comment block, which no page shows: blanked whole, its text too."""
NEXT_LINE_TOKEN = re.compile(r"[^\S\n]*\n\s*(?=<[A-Za-z/!?])")
"""White space with a line break, then a token (one always matches at "<" and a letter,
"/", "!" or "?")."""
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
TEMPLATE_TAG_MAX = 20_000
"""Longest template tag or comment blanked; a lone ``{#`` in minified CSS pairs with nothing."""
_NOT_NEWLINE = re.compile(r"[^\n]")
COMMENT_END = re.compile(r"--!?>")

RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
RCDATA = frozenset({"textarea", "title"})

Chunk = tuple[int, str]
"""Raw source text and its offset."""


def without_template_tags(html: str) -> str:
    """``html`` with template tags blanked, if it has any (one pass; ``"{{" in html`` is slow
    on non-ASCII text)."""
    return _blank_template_tags(html) if _TEMPLATE_OPEN.search(html) else html


def _blank_template_tags(html: str) -> str:
    """``{{ … }}``, ``{% … %}`` and ``{# … #}`` blanked with spaces (newlines kept), each
    opener paired with the next matching closer in one linear pass; ``{% comment %}`` blocks
    blanked with what they hold."""
    spans, opened, kind = [], -1, ""
    comments = [m.span() for m in _COMMENT_BLOCK.finditer(html)] if "comment" in html else []
    for match in _TEMPLATE_TAG.finditer(html):
        if comments and any(start <= match.start() < end for start, end in comments):
            continue
        token = match.group()
        if opened >= 0 and token == _CLOSERS[kind] and match.end() - opened <= TEMPLATE_TAG_MAX:
            spans.append((opened, match.end()))
            opened = -1
        elif token in _CLOSERS and (opened < 0 or match.start() - opened > TEMPLATE_TAG_MAX):
            opened, kind = match.start(), token
    spans = sorted(spans + comments)
    if not spans:
        return html
    parts, last = [], 0
    for start, end in spans:
        parts += [html[last:start], _read_as(html[start:end])]
        last = end
    parts.append(html[last:])
    return "".join(parts)


def _read_as(tag: str) -> str:
    """What a template tag reads as in the page's text, at its length: an output tag as the
    value it prints (:func:`~honest_offers.check.markup_rules.printed_value`); statements,
    comments and block helpers (``{% if %}``, ``{{#each}}``, ``{{/if}}``, ``{{> partial}}``)
    as nothing."""
    value = tag[2:-2].strip("{}-~ ").split("|", 1)[0].strip()
    if not tag.startswith("{{") or not value or value[0] in "#/>!^" or "\n" in tag:
        return _NOT_NEWLINE.sub(" ", tag)
    if value.startswith("else") or not _OUTPUT_VALUE.fullmatch(value):
        return " " * len(tag)
    return mr.printed_value(value, len(tag))


_OUTPUT_VALUE = re.compile(r"[A-Za-z_$@][\w$@]*(?:(?:\.|\[['\"]?)[\w$-]+['\"]?\]?)*")
"""A printed value: a name or a path (``product.variants[0].inventory_quantity``)."""


@lru_cache(maxsize=64)
def closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[\s/>])[^>]*>", re.IGNORECASE)


def tags(html: str) -> Iterator[tuple[str, int, bool]]:
    """Start and end tags in document order as (lower-case name, offset, is an end tag),
    read as the walker reads them: comments, raw text (scripts, styles) and RCDATA skipped;
    a tag that never ends hides the rest of the document."""
    pos = 0
    for match in TOKEN.finditer(html):
        start = match.start()
        if start < pos:
            continue
        kind = match.lastgroup
        pos = match.end()
        if kind == "end":
            yield match.group("end").lower(), start, True
        elif kind == "attrs":
            name = match.group("name").lower()
            yield name, start, False
            if name in RAW_TEXT or name in RCDATA:
                found = closing(name).search(html, pos) if name != "plaintext" else None
                pos = found.start() if found else len(html)
        elif kind == "comment":
            pos = read_comment(html, start)[1]
        elif kind == "open":
            return


def read_comment(html: str, start: int) -> tuple[str | None, int]:
    """The comment starting at ``start`` (``<!--``): its body (None for the empty ``<!-->``
    and ``<!--->``) and where reading goes on."""
    body = start + 4
    if html.startswith((">", "->"), body):
        return None, html.index(">", body) + 1
    end = COMMENT_END.search(html, body)
    return html[body : end.start() if end else len(html)], end.end() if end else len(html)


def attributes(raw: str) -> dict[str, str]:
    """Attributes of a start tag's raw attribute text, names lower-cased, values decoded;
    the first of a repeated name counts, as in browsers."""
    attrs: dict[str, str] = {}
    for name, value in ATTR.findall(raw):
        key = name.lower()
        if key in attrs:
            continue
        if value[:1] in "\"'":
            value = value[1:-1]
        attrs[key] = htmllib.unescape(value) if "&" in value else value
    return attrs


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


def element_text(html: str, element_id: str) -> list[Chunk]:
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
    for match in TOKEN.finditer(html, pos):
        if match.start() > pos:
            chunks.append((pos, html[pos : match.start()]))
        pos = match.end()
        tag = (match.group("name") or match.group("end") or "").lower()
        if tag == name:
            depth += 1 if match.lastgroup == "attrs" else -1
            if depth == 0:
                break
    return chunks
    return chunks
