"""What of a Markdown source a reader sees as text, at the same offsets as the source.

Every function here returns a string of the same length as its input, with the same line
breaks, so a match in the result is at the same line and column in the source. Code (fenced
and indented blocks, inline spans, and ``<code>``, ``<pre>``, ``<kbd>`` or ``<samp>`` written
as HTML) is blanked: it is shown as code, e.g. a rule's bad example or a field's name.
Markup (HTML comments and tags, link targets, attribute lists, emphasis marks) is blanked too,
so "**Only 2** left" reads as "Only 2 left". Ends of headings, table cells and paragraphs,
and list markers, become full stops, so a phrase never runs from one block into the next (the
line breaks of :func:`prose` are therefore not the source's; use the source to count lines);
a short first cell labels the next one instead
(:data:`~honest_offers.check.markup_rules.ROW_LABEL_MAX`), as its rendered row is read.
"""

from __future__ import annotations

import re

from honest_offers.check.markup_rules import ROW_LABEL_MAX

_MAYBE_CODE = re.compile(r"^(?: {4}|\t| {0,3}(?:```|~~~))", re.MULTILINE)
"""Lines that could open a code block; most texts have none, and then no line is examined."""
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_CONTAINER = re.compile(r"^(?P<indent>\s*)(?:(?:[-*+]|\d{1,9}[.)])\s+|(?:!!!|\?\?\?\+?|===)\s)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_CODE = re.compile(
    r"<(?P<tag>code|pre|kbd|samp|var|tt)\b[^>]*>.*?</(?P=tag)\s*>", re.DOTALL | re.IGNORECASE
)
"""Code written as raw HTML in Markdown: "<code>expires_at</code>", "<pre>...</pre>"."""
_MARKUP = re.compile(
    r"</?[a-z][^<>]*>"  # HTML tags and autolinks
    r"|\bhttps?://[^\s)>\]]+"  # bare web addresses
    r"|\]\([^)\n]*\)"  # link and image targets
    r"|^ {0,3}\[[^\]\n]+\]:.*$"  # reference definitions
    r"|\{:?\s*[.#][^}\n]*\}"  # attribute lists
    r"|~~|(?<=\w)[*_]+|[*_]+(?=\w)"  # strike-through and emphasis marks
    r"|(?<=[^\s*])\*+(?=[\s.,;:!?)]|$)",  # and after a sign: "**10%**", "*now!*"
    re.IGNORECASE | re.MULTILINE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MARKUP_START = re.compile(r"[<\]{~*_]")
"""Characters without which :data:`_MARKUP` can only match a bare web address (a link target,
a reference definition, a tag, an attribute list, strike-through or emphasis): most
paragraphs have none."""
_FIRST_CELL = re.compile(r"^(?P<lead>[ \t]*\|?)(?P<label>[^|\n]*)\|", re.MULTILINE)
"""A table row's first cell and the bar after it."""
_LIST_MARKER = re.compile(r"^([ \t>]*)[-+*](?=[ \t])", re.MULTILINE)
"""A list item's marker: the page shows a bullet, not a minus sign, and the item as a block
of its own (the marker becomes a full stop, as a table cell's bar does)."""
_HEADING_END = re.compile(r"^( {0,3}#{1,6} [^\n]*)\n", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def front_matter(text: str) -> str | None:
    """The YAML front matter between the opening ``---`` and the closing line, if any."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    return match.group()[match.group().index("\n") + 1 : match.group().rindex("\n") + 1]


def without_code(text: str) -> str:
    """``text`` with front matter, code blocks and inline code blanked out."""
    blocks = _code_blocks(text.split("\n")) if _may_hold_code(text) else []
    matter = _FRONT_MATTER.match(text) if text.startswith("---") else None
    if matter is not None:
        blocks.insert(0, (0, matter.end()))
    if blocks:
        chars = list(text)
        for start, end in blocks:
            _blank(chars, start, end)
        text = "".join(chars)
    return _INLINE_CODE.sub(_spaces, text) if "`" in text else text


def _may_hold_code(text: str) -> bool:
    """Whether a line could open a code block: the substrings first (a search each, where
    the pattern is tried at every line start), the pattern only where one is found."""
    if "    " not in text and "\t" not in text and "```" not in text and "~~~" not in text:
        return False
    return _MAYBE_CODE.search(text) is not None


def prose(text: str, code_free: str | None = None) -> str:
    """The text a reader sees, at the source's offsets (see the module docstring).

    ``code_free`` is :func:`without_code` of ``text``, if the caller has it already.
    """
    visible = without_code(text) if code_free is None else code_free
    if "<!--" in visible:
        visible = _COMMENT.sub(_spaces, visible)
    if "<" in visible and _HTML_CODE.search(visible):
        visible = _HTML_CODE.sub(_spaces, visible)
    if _MARKUP_START.search(visible) or "http" in visible.lower():
        visible = _MARKUP.sub(_spaces, visible)
    if "|" in visible:
        visible = _FIRST_CELL.sub(_labelled, visible).replace("|", ".")
    if "- " in visible or "+ " in visible or "* " in visible:
        visible = _LIST_MARKER.sub(_item_stop, visible)
    if "#" in visible:
        visible = _HEADING_END.sub(_heading_stop, visible)
    return visible.replace("\n\n", "\n.")


def blocks(text: str) -> list[tuple[int, int]]:
    """The start and end of each block of ``text`` (a source, or a view of it such as
    :func:`without_code`): the stretches between blank lines, each read on its own.

    A page shows paragraphs, lists and headings as separate blocks, and its rendered form is
    checked block by block; reading the source the same way keeps a phrase from running from
    one paragraph into the next ("... EUR 9.68" and "1 left" are not "9.68 1 left"), and
    lets a catalogue's repeated paragraphs be read once.
    """
    spans = []
    start = 0
    for blank in _BLANK_LINE.finditer(text):
        spans.append((start, blank.start()))
        start = blank.end()
    spans.append((start, len(text)))
    return spans


def _code_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Character ranges of fenced and indented code blocks."""
    ranges: list[tuple[int, int]] = []
    fence: str | None = None
    containers: list[int] = []
    previous_blank = True
    in_indented = False
    offset = 0
    for line in lines:
        end = offset + len(line)
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        opening = _FENCE.match(line)
        if fence is not None:
            ranges.append((offset, end))
            if _closes(opening, fence):
                fence = None
        elif opening and not in_indented:
            fence = opening.group("fence")
            ranges.append((offset, end))
        elif line.strip():
            while containers and indent < containers[-1]:
                containers.pop()
            base = containers[-1] if containers else 0
            in_indented = indent >= base + 4 and (previous_blank or in_indented)
            if in_indented:
                ranges.append((offset, end))
            elif container := _CONTAINER.match(line):
                containers.append(len(container.group("indent").expandtabs(4)) + 4)
        previous_blank = not line.strip()
        offset = end + 1
    return ranges


def _closes(opening: re.Match[str] | None, fence: str) -> bool:
    if opening is None:
        return False
    closing = opening.group("fence")
    return closing[0] == fence[0] and len(closing) >= len(fence)


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, min(end, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "


def _labelled(match: re.Match[str]) -> str:
    """A short first cell's bar as a colon: the cell labels the next one."""
    label = match.group("label").strip()
    if not label or len(label) > ROW_LABEL_MAX or not label.strip("-: "):
        return match.group()
    return match.group()[:-1] + ":"


def _item_stop(match: re.Match[str]) -> str:
    return match.group(1) + "."


def _heading_stop(match: re.Match[str]) -> str:
    return match.group(1) + "."  # a function: a template is expanded in Python, slower


def _spaces(match: re.Match[str]) -> str:
    text = match.group()
    if "\n" not in text:
        return " " * len(text)
    return _NOT_NEWLINE.sub(" ", text)
