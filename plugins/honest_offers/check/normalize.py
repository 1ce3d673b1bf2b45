"""Normalise text before matching, and map every match back to the original text.

Pressure wording hides behind typography and widget markup: "I\u00b4d rather pay full price",
"00DAYS02HRS14MIN", "Only\u00a02\u200bleft". Rules match on one canonical form instead:

1. NFKC, zero-width characters removed, typographic quotes and dashes made ASCII, accents
   taken off Latin letters ("Plätze" → "platze", "dernière" → "derniere", "¡Últimas!" →
   "!ultimas!": the inverted marks of Spanish read as the marks that end a clause), case
   folded ("ß" → "ss"), so that the rules of every language match text written with or
   without its accents;
2. runs of whitespace collapsed to one space (leading and trailing whitespace dropped);
3. a space put between glued digits and letters (``00days02hrs`` → ``00 days 02 hrs``).

Number words are not rewritten; the rule patterns accept them as numbers (see
:data:`honest_offers.check.phrases.NUM`). Every step records where each character came from,
so a finding can quote the original excerpt and point at its exact column.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_DELETE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
"""Soft hyphen and zero-width characters: invisible on the page, so invisible to the rules."""
_ANY_DELETED = re.compile("[" + "".join(sorted(_DELETE)) + "]")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def _unaccented() -> dict[str, str]:
    """Latin letters with accents → the letter without them ("é" → "e", "Ü" → "U"), one
    character for one; letters that are not an ASCII letter plus marks ("ø", "ß") stay."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[char] = base
    return table


_PUNCT_TABLE: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u02b9\u02bc\u0060", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u00a1": "!",
    "\u00bf": "?",
    **_unaccented(),
}
"""One character to one character, so the offsets do not move."""

_PUNCT = re.compile("[" + re.escape("".join(_PUNCT_TABLE)) + "]")
_ASCII_PUNCT = str.maketrans(_PUNCT_TABLE)
_GLUED = re.compile(r"\d(?:(?<=[^\W\d_]\d)|(?=[^\W\d_]))")
"""A digit with a letter on either side. Starting with the digit lets the engine skip to
digits (``\\d[^\\W\\d_]|[^\\W\\d_]\\d`` is tried at every position: three times slower)."""
_ASCII_CLASSES = bytes(
    ord("0")
    if chr(code) in string.digits
    else ord("a")
    if chr(code) in string.ascii_letters
    else 32
    for code in range(256)
)
"""ASCII bytes → "0" per digit, "a" per letter, a space else: glued runs show as "0a" or "a0"
(a byte table: faster than translating the string)."""
_SPACING = re.compile(r"^\s+|\s+$|[^\S ]\s*| \s+|(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
"""What :func:`_respace` replaces; :func:`_space` does the same faster, without the map."""
_GLUE_POINTS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
"""Where a digit meets a letter: slow to find (tried everywhere), so used only once
:data:`_GLUED` found one; replaced by a constant, so no template is expanded per match."""


@dataclass(slots=True)
class Normalized:
    """Normalised text, and the way back to the original text.

    The map from normalised to original offsets is only built when a span is asked for: most
    texts have no finding, and then the map is never needed.
    """

    original: str
    text: str
    _folded: str
    _fold_origins: list[int] | None
    _spaced: bool
    _origins: list[int] | None = None

    @property
    def origins(self) -> Sequence[int] | None:
        """``origins[i]`` is where ``text[i]`` came from; ``None`` when the two are aligned."""
        if self._spaced and self._origins is None:
            _, positions = _respace(self._folded)
            fold = self._fold_origins
            self._origins = positions if fold is None else [fold[i] for i in positions]
        return self._origins if self._spaced else self._fold_origins

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from."""
        origins = self.origins
        if origins is None:
            return start, end
        if end <= start:
            at = origins[start] if start < len(origins) else len(self.original)
            return at, at
        last = origins[end - 1] + 1
        while last < len(self.original) and "\u0300" <= self.original[last] <= "\u036f":
            last += 1  # the accents written apart after the last letter belong to it
        return origins[start], last


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching (see the module docstring)."""
    folded, origins = _fold(text)
    if not _needs_spacing(folded):
        return Normalized(text, folded, folded, origins, _spaced=False)
    return Normalized(text, _space(folded), folded, origins, _spaced=True)


def _space(text: str) -> str:
    """Collapse white space and split digit-letter runs (searched for only where a digit meets
    a letter: most texts have none)."""
    text = " ".join(text.split())  # str.split and \s agree on what white space is
    return _GLUE_POINTS.sub(" ", text) if _GLUED.search(text) else text


def _needs_spacing(text: str) -> bool:
    """Whether :func:`_respace` would change ``text`` (quick checks first: it rarely does).

    May say yes when it would not (an unprintable character that is no white space): that
    costs time, never a wrong text. Every white space character but the space is unprintable.
    """
    if text[:1] == " " or text[-1:] == " " or "  " in text or not text.isprintable():
        return True
    if text.isascii():
        classes = text.encode().translate(_ASCII_CLASSES)
        return b"0a" in classes or b"a0" in classes
    return _GLUED.search(text) is not None  # quicker here than the bytes of ascii_view


def ascii_view(text: str) -> bytes | None:
    """``text`` as UTF-8 bytes when no letter or digit stands beyond ASCII (every other
    character is then bytes that are neither); else ``None``. For what does not need
    offsets, such as the words of a text (:func:`honest_offers.check.text._words`).

    Prices and dashes ("€1,130.00 — …") make most page texts non-ASCII while all their
    letters and digits are ASCII: read as bytes, such texts take the quick paths."""
    if text.isascii():
        return text.encode()
    if _NON_ASCII_WORD_CHAR.search(text):
        return None
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate (from a JS escape) too


FOLDS_TO_ASCII = ("\u0131", "\u017f")
"""The letters that match an ASCII letter ignoring case but keep their own lower case (dotless
i, long s); ``İ`` lower-cases to two characters, which a length test catches."""


def digit_shape(text: str) -> bytes:
    """``text`` in UTF-8 with every ASCII digit written as ``0``: texts that differ only in
    their numbers ("Delivery: £4.90", "Delivery: £5.20") share it, and a search for what
    holds no digit finds the same in all of them."""
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_DIGITS_AS_ZERO)


_ASCII_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def case_blind_lower(value: str, lower: str | None = None) -> str | None:
    """``value`` in lower case (``lower``, if known), where a case-sensitive search of it for
    lower-case words finds what a case-blind search of ``value`` finds, at the same offsets;
    ``None`` where it would not (see :data:`FOLDS_TO_ASCII`)."""
    lower = value.lower() if lower is None else lower
    if len(lower) == len(value) and (
        lower.isascii() or not any(letter in lower for letter in FOLDS_TO_ASCII)
    ):
        return lower
    return None


def _fold(text: str) -> tuple[str, list[int] | None]:
    """NFKC, zero-width removal, ASCII quotes and dashes, case folding."""
    if text.isascii():
        lowered = text.lower()
        return (lowered.translate(_ASCII_PUNCT) if "`" in lowered else lowered), None
    if unicodedata.is_normalized("NFKC", text) and not _ANY_DELETED.search(text):
        folded = _PUNCT.sub(_ascii_punct, text).casefold()
        if len(folded) == len(text):
            return folded, None
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char in _DELETE or "\u0300" <= char <= "\u036f":  # or an accent written apart
            continue
        piece = char.translate(_ASCII_PUNCT)
        if not piece.isascii():
            piece = unicodedata.normalize("NFKC", piece).translate(_ASCII_PUNCT)
        piece = piece.casefold()
        pieces.append(piece)
        origins.extend([index] * len(piece))
    return "".join(pieces), origins


def _ascii_punct(match: re.Match[str]) -> str:
    return _PUNCT_TABLE[match.group()]


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
