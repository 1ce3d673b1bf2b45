"""Text in PHP: the string literals of a template's or a plugin's PHP code, which the page
shows (``echo``, default messages, translated labels), checked by the text rules; HTML inside
them goes to the markup check (``'<strong class="stock-counter">' . $n . '</strong>'``).

The template check blanks PHP blocks (:func:`honest_offers.check.sources.blank_template`);
this reads what they say. A small tokenizer, not a parser: comments, single- and
double-quoted strings and heredocs, in ``<?php … ?>`` and ``<?= … ?>`` blocks. Strings
joined with ``.`` read as one text, with a placeholder for a variable or a simple call in
between (``'Only ' . $n . ' left'`` reads "Only 2 left"), as do format placeholders and
interpolated variables inside a string (``'Only %count% units left'``, ``"Only {$n} left"``).
``// honest-offers: allow HO201 reason="…"`` (or ``#``, ``/* … */``) allows a rule on its own
line and the next line of code, as in scripts.
"""

from __future__ import annotations

import re

from honest_offers.check.finding import CheckResult, Finding
from honest_offers.check.locate import Lines, comment_markers, with_markers
from honest_offers.check.scripts.base import NestedHtml
from honest_offers.check.scripts.strings import Joined, Piece, Place, formatted, joined_findings

__all__ = ["php_result"]

_BLOCK = re.compile(r"<\?(?:php\b|=)?([\s\S]*?)(?:\?>|\Z)")
_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*?(?=\?>|$)|#(?!\[)[^\n]*?(?=\?>|$)|/\*[\s\S]*?(?:\*/|\Z))"
    r"|(?P<single>'(?:[^'\\]|\\[\s\S])*')"
    r'|(?P<double>"(?:[^"\\]|\\[\s\S])*")'
    r"|<<<[ \t]*(?P<quote>['\"]?)(?P<label>[A-Za-z_]\w*)(?P=quote)\r?\n"
    r"(?P<heredoc>[\s\S]*?)\r?\n[ \t]*(?P=label)\b",
    re.MULTILINE,
)
_VALUE = r"(?:\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]*\])*|[\w\\]+(?:(?:->|::)\w+)*\([^()'\"\n]*\))"
_JOINED = re.compile(r"\s*\.\s*")
"""Two strings written one after the other (``'a' . 'b'``)."""
_JOINED_VALUE = re.compile(rf"\s*\.\s*{_VALUE}\s*\.\s*")
"""A variable or a simple call between two strings (``'a' . $n . 'b'``)."""
_INTERPOLATED = re.compile(r"\{\$[^{}\n]*\}|\$[A-Za-z_]\w*(?:->\w+|\[[^\]\n]*\])?")
"""Variables inside a double-quoted string or a heredoc."""


def php_result(
    text: str, path: str, nested_html: NestedHtml | None = None, depth: int = 0
) -> CheckResult:
    """Findings of the text in a file's PHP strings, with its PHP comment markers applied."""
    if "<?" not in text:
        return CheckResult()
    lines = Lines(text)
    place = Place(text, path, lines, depth, nested_html)
    found: list[Finding] = []
    comments: list[tuple[int, int]] = []
    literals: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        texts, block_comments = _block_texts(text, block.start(1), block.end(1))
        comments += block_comments
        for joined in texts:
            literals += [
                (p.start, p.start + len(p.raw)) for p in joined.parts if isinstance(p, Piece)
            ]
            found += joined_findings(joined, place)
    if not comments:
        return with_markers(found, [], "", path, lines)
    view, shifts = comment_markers(_blanked(text, literals), comments, text)
    return with_markers(found, [], view, path, lines, shifts)


def _block_texts(text: str, start: int, end: int) -> tuple[list[Joined], list[tuple[int, int]]]:
    """The texts of one PHP block (strings joined as described above), and its comments."""
    texts: list[Joined] = []
    comments: list[tuple[int, int]] = []
    current: list[Piece | int] = []
    last = -1
    for token in _TOKEN.finditer(text, start, end):
        if token.lastgroup == "comment":
            comments.append(token.span())
            continue
        gap = text[last : token.start()] if last >= 0 else ""
        if current and _JOINED.fullmatch(gap):
            pass
        elif current and _JOINED_VALUE.fullmatch(gap):
            current.append(last)
        elif current:
            texts.append(Joined(_trimmed(current)))
            current = []
        current += _pieces(token)
        last = token.end()
    if current:
        texts.append(Joined(_trimmed(current)))
    return texts, comments


def _trimmed(parts: list[Piece | int]) -> list[Piece | int]:
    """Without placeholders at either end: a value is no word of the text."""
    pieces = [i for i, p in enumerate(parts) if isinstance(p, Piece)]
    return parts[pieces[0] : pieces[-1] + 1] if pieces else []


def _pieces(token: re.Match[str]) -> list[Piece | int]:
    """A string's value in pieces, a placeholder for each format or interpolated value."""
    if token.group("heredoc") is not None:
        start, raw = token.start("heredoc"), token.group("heredoc")
        interpolates = token.group("quote") != "'"
    else:
        start, raw = token.start() + 1, token.group()[1:-1]
        interpolates = token.lastgroup == "double"
    return formatted(start, raw, _INTERPOLATED if interpolates else None)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the string literals blanked (a marker inside a string is no marker)."""
    chars = list(text)
    for start, end in spans:
        for at in range(start, min(end, len(chars))):
            if chars[at] != "\n":
                chars[at] = " "
    return "".join(chars)
