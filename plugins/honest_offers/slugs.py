"""Web-address slugs from titles and file names, written out the way people write them.

``"Brötchen & Kaffee"`` → ``broetchen-kaffee``, ``"Café crème"`` → ``cafe-creme``. Accents
are dropped by Unicode's compatibility decomposition (NFKD: é, ç and ñ are e, c and n with
an accent); the German umlauts and ß are written out first (ö → oe, ß → ss), as German speakers do
where a letter cannot be used, and so are the Latin letters that do not decompose (ø, æ, œ,
ł, đ, þ…). Greek and Cyrillic letters are transliterated letter by letter (ISO 843, and
the scientific transliteration without diacritics; the hard and soft signs are silent).
Other scripts have no letter-by-letter reading here: a title written only in them gives an
empty slug, and callers ask for one in Latin letters.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 80
"""The longest slug an offer may have (the model's ``slug`` field)."""

_LATIN = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "ng",
    "ĸ": "k",
    "й": "y",
}


def _letters(pairs: str) -> dict[str, str]:
    """``"α=a β=v"`` → ``{"α": "a", "β": "v"}``: a table that reads as one."""
    return dict(pair.split("=") for pair in pairs.split())


_GREEK = _letters(
    "α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y "
    "φ=f χ=ch ψ=ps ω=o"
)
_CYRILLIC = _letters(
    "а=a б=b в=v г=g д=d е=e ж=zh з=z и=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f "
    "х=kh ц=ts ч=ch ш=sh щ=shch ы=y э=e ю=yu я=ya і=i є=ie ґ=g"
)
_WRITTEN_OUT = str.maketrans(_LATIN)
"""Before decomposition: ä must become ae, not a and a diaeresis."""
_SERBIAN = _letters("ђ=dj ѕ=dz ј=j љ=lj њ=nj ћ=c џ=dz")
_SCRIPTS = str.maketrans({**_GREEK, **_CYRILLIC, **_SERBIAN, "ъ": "", "ь": ""})
"""After decomposition: ά, й and ё are their base letters by then."""
_QUOTES = re.compile("(?<=\\w)['\u2019\u02bc](?=\\w)")
"""An apostrophe inside a word (Anna's): dropped, not a break between words."""
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII letters and digits joined by single hyphens, at most
    :data:`SLUG_MAX` characters; empty when ``text`` has nothing that can be written so."""
    lowered = _QUOTES.sub("", unicodedata.normalize("NFC", text).lower())
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_WRITTEN_OUT))
    ascii_text = "".join(_ascii(char) for char in decomposed.translate(_SCRIPTS))
    slug = _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def _ascii(char: str) -> str:
    """``char`` if it is ASCII, its value if it is a digit of another script, nothing for
    an accent, else a separator (symbols, letters of scripts without a reading here)."""
    if char.isascii():
        return char
    if unicodedata.combining(char):
        return ""
    digit = unicodedata.decimal(char, None)
    return str(digit) if digit is not None else " "
