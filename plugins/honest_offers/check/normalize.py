"""Normalise text before matching, and map every match back to the original text.

Pressure wording hides behind typography and widget markup: "I\u00b4d rather pay full price",
"00DAYS02HRS14MIN", "Only\u00a02\u200bleft". Rules match on one canonical form instead:

1. NFKC, zero-width characters removed, typographic quotes and dashes made ASCII, case folded;
2. runs of whitespace collapsed to one space (leading and trailing whitespace dropped);
3. a space put between glued digits and letters (``00days02hrs`` → ``00 days 02 hrs``).

Number words are not rewritten; the rule patterns accept them as numbers (see
:data:`honest_offers.check.patterns.NUM`). Every step records where each character came from,
so a finding can quote the original excerpt and point at its exact column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DELETE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
"""Soft hyphen and zero-width characters: invisible on the page, so invisible to the rules."""

_ASCII_PUNCT = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u02b9\u02bc\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)
"""One character to one character, so the offsets do not move."""

_NEEDS_SPACING = re.compile(r"[^\S ]|  |^ | $|\d[^\W\d_]|[^\W\d_]\d")
_SPACING = re.compile(r"^\s+|\s+$|[^\S ]\s*| \s+|(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the index in the original text."""

    original: str
    text: str
    origins: tuple[int, ...] | None
    """``origins[i]`` is where ``text[i]`` came from; ``None`` when the two are aligned."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from."""
        if self.origins is None:
            return start, end
        if end <= start:
            at = self.origins[start] if start < len(self.origins) else len(self.original)
            return at, at
        return self.origins[start], self.origins[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching (see the module docstring)."""
    folded, origins = _fold(text)
    if _NEEDS_SPACING.search(folded) is None:
        return Normalized(text, folded, None if origins is None else tuple(origins))
    spaced, positions = _respace(folded)
    if origins is not None:
        positions = [origins[i] for i in positions]
    return Normalized(text, spaced, tuple(positions))


def _fold(text: str) -> tuple[str, list[int] | None]:
    """NFKC, zero-width removal, ASCII quotes and dashes, case folding."""
    if text.isascii():
        return text.translate(_ASCII_PUNCT).lower(), None
    if unicodedata.is_normalized("NFKC", text) and _DELETE.isdisjoint(text):
        folded = text.translate(_ASCII_PUNCT).casefold()
        if len(folded) == len(text):
            return folded, None
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char in _DELETE:
            continue
        piece = char.translate(_ASCII_PUNCT)
        if not piece.isascii():
            piece = unicodedata.normalize("NFKC", piece).translate(_ASCII_PUNCT)
        piece = piece.casefold()
        pieces.append(piece)
        origins.extend([index] * len(piece))
    return "".join(pieces), origins


def _respace(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace and split digit-letter runs, keeping each character's origin."""
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _SPACING.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        positions.extend(range(last, start))
        if start == end or 0 < start < end < len(text):
            pieces.append(" ")
            positions.append(start)
        last = end
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    return "".join(pieces), positions
