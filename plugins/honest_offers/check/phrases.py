"""Building blocks for the text rules: phrase tables as data, and the pieces they share.

A rule that is a list of phrase shapes is a :class:`PhraseRule` (Vale style: data, not code).
Patterns are regular expressions over *normalised* text (see :mod:`.normalize`): lower case,
ASCII quotes and dashes, single spaces, and a space between digits and letters.

A rule that needs logic (the countdown read-outs, for instance) is a :class:`Detector`: a
function that yields ``(rule, start, end)`` spans of the normalised text, behind a gate.

Every pattern names its anchors (see :class:`Pattern`): that keeps the check fast, because a
text is only matched against the patterns whose anchor words it contains.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Literal, NamedTuple

from honest_offers.check import lexicon
from honest_offers.check.registry import Rule

Context = Literal["prose", "label", "attribute"]
"""Where a text appears: running text, a button/link/input label, or an attribute value."""

EVERYWHERE: frozenset[Context] = frozenset({"prose", "label", "attribute"})
LABELS_ONLY: frozenset[Context] = frozenset({"label"})

Span = tuple[Rule, int, int]


class Detector(NamedTuple):
    """Finds spans in normalised text that a phrase table cannot express.

    Both functions are given the text and its words among those the detector looks for: the
    ``DETECTOR_WORDS`` of its module (and the anchor words). Gathering only these is much
    faster than a set of all the words."""

    find: Callable[[str, AbstractSet[str]], Iterable[Span]]
    gate: Callable[[str, AbstractSet[str]], bool]
    """Whether ``find`` may find anything (``find`` is called only then). It must answer
    alike for two texts that differ only in which ASCII digits they hold: a text of a shape
    met before, whose gates were closed, is not read again (:func:`.text.scan`)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """A regular expression and its anchors: words at least one of which every match contains.

    The engine runs a pattern only on texts that contain one of its anchors (whole words of
    letters, as :data:`TOKEN` splits them; an anchor that is not a word, such as ``%``, is
    looked for as it is), so most texts are matched against few patterns. Choose the rarest
    words the pattern cannot match without; ``tests/unit/check/test_anchors.py`` checks them.
    """

    anchors: frozenset[str]
    regex: str
    shape: bool = False
    """A structural rule built from word classes (:mod:`.lexicon`), not a phrase table entry:
    ``bench/detection.py --shapes-only`` measures these alone."""
    counted: bool = False
    """Every match holds a count (a digit or one of :data:`COUNT_WORDS`): the engine skips the
    pattern on texts with neither, such as the many "Add to cart" labels."""
    gate: str | None = None
    """A short pattern that finds something in every text this one matches: the engine compiles
    and runs a long pattern only on texts its gate passes (``test_text_fast`` checks gates)."""


def pattern(anchors: str, regex: str) -> Pattern:
    """``pattern("left remaining", r"...")``: anchors as a space-separated list."""
    return Pattern(frozenset(anchors.split()), regex)


def shape(anchors: str, regex: str, *, counted: bool = False, gate: str | None = None) -> Pattern:
    """A structural :class:`Pattern` (a shape over word classes), as :func:`pattern`."""
    return Pattern(frozenset(anchors.split()), regex, shape=True, counted=counted, gate=gate)


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """Phrase shapes that each report ``rule``.

    ``negatable``: skip a match that a negation such as "no", "not" or "never" precedes in
    the same clause ("there is no hurry", "we never show 'only 2 left' banners").
    ``unless_before``: skip a match when this pattern occurs earlier in the same sentence
    ("SQL skills are in high demand" is about the job market, not about stock).
    ``unless_in_sentence``: skip a match when this pattern matches the match's sentence (the
    sentence alone, so ``^`` and ``$`` are its ends): "10 builds remaining on your plan" is
    usage, not stock; "20% off for students" is a standing price rule, not a sale.
    """

    rule: Rule
    patterns: tuple[Pattern, ...]
    contexts: frozenset[Context] = EVERYWHERE
    negatable: bool = True
    unless_before: str | None = None
    unless_in_sentence: str | None = None


TOKEN = r"[^\W\d_]+"
"""A word of the normalised text, as anchors are looked up: a run of letters."""


def words(*alternatives: str) -> str:
    """A non-capturing alternation, e.g. ``words("day", "days")`` → ``(?:day|days)``."""
    return "(?:" + "|".join(alternatives) + ")"


START = r"(?:^|(?<=[.!?:;,(\[|*>\"/•~-])|(?<=[.!?:;,(\[|*>\"/•~-] ))"
"""The start of a clause: the text's start, or just after punctuation (and one space)."""

END = r"(?= ?(?:$|[.!?:;,)\]|*\"/•~-]))"
"""The end of a clause: the text's end, or punctuation ahead."""

NUMBER_WORDS = lexicon.NUMBER_WORDS.regex
COUNT_WORDS: frozenset[str] = frozenset(
    word
    for entry in lexicon.NUMBER_WORDS.entries
    for word in entry.split()
    if word not in {"a", "of", "number"}
)
"""Words without which a count in words cannot be written ("two", "dozen", "few")."""

DIGITS = r"\d+(?:[.,]\d+)*"
NUM = rf"(?:{DIGITS}|{NUMBER_WORDS}\b)"
"""A count written in digits ("1,250", "12.5") or words ("two", "a few", "several")."""

QUANTIFIER = lexicon.QUANTIFIERS.regex
QTY = rf"(?:{QUANTIFIER} )?\(?{NUM}\+?\)?"
"""A count with an optional quantifier: "only 3", "less than 10", "(5)", "2+"."""

CURRENCY = words(
    r"[$€£¥₹₩₽¢]",
    r"(?:us|au|ca|nz)?\$",
    r"\b(?:usd|eur|gbp|chf|aud|cad|nzd|inr|jpy|sek|nok|dkk|pln|czk|rs\.?|kr)\b",
)
PRICE = (
    rf"(?:{CURRENCY} ?\d[\d,.]*"
    rf"|\b\d[\d,.]* ?(?:{CURRENCY}|euros?\b|dollars?\b|pounds?\b|francs?\b))"
)
"""An amount of money with its currency: "$199", "€ 80", "80 EUR", "1.650 rs"."""

PERCENT = r"\b\d+(?:[.,]\d+)? ?%"

TIME_UNIT = words("days?", "hours?", "hrs?", "minutes?", "mins?", "seconds?", "secs?")
"""Duration words (spelled out or abbreviated, never single letters)."""

PEOPLE = words(
    "people",
    "persons?",
    "users?",
    "visitors?",
    "shoppers?",
    "customers?",
    "buyers?",
    "others?",
    "other (?:people|customers|shoppers|users)",
    "guests?",
    "members?",
    "readers?",
    "viewers?",
)

NEGATION = words(
    "no",
    "not",
    "never",
    "without",
    "nor",
    "isn't",
    "don't",
    "do not",
    "won't",
    "will not",
    "aren't",
    "doesn't",
    "don't need to",
    "don't have to",
    "do not have to",
    "needn't",
    "no need to",
    "instead of",
    "rather than",
    "free of",
    "avoid",
    "avoids",
    "refuse to",
    "ban",
    "bans",
)
"""Words that, before a phrase in the same clause, turn it into an honest statement.

The clause ends at a comma too: in "don't wait, only 2 left" the phrase is not negated."""

DESCRIBED_AFTER = rf"[\"']? ?(?:[\w-]+ )?{lexicon.TACTIC_NOUNS.regex}\b"
"""Right after a match, a noun naming a kind of message: "a low stock message", "fake
limited-time offer patterns", a quoted "We miss you" e-mail name the tactic; they claim
nothing about an offer."""

DESCRIBED_BEFORE = (
    rf"\b(?:{lexicon.SHOWING_VERBS.regex} (?:a|an|the|fake) |{lexicon.EXAMPLE_CUES.regex} [\"'])$"
)
"""Right before a match, what a thing shows: "a countdown timer displaying a limited-time
offer" describes the tactic (a noun phrase naming it), as a detector's docs do; or a quoted
example: "a promotion like "50% off USB cables"" mentions a text, as documentation does."""

HYPOTHETICAL = (
    rf"\b{lexicon.CONDITIONAL_OPENERS.regex} (?:{lexicon.HYPOTHETICAL_SUBJECTS.regex}|"
    r"(?:user|customer|buyer|shopper) [a-z]\b(?! ?'))(?= )"
)
"""A sentence that supposes something of a third party ("if user A adds the last two items",
"if a product has a 10% discount", "in case an item with limited stock is added") works an
example of a mechanism through, as documentation does; pressure speaks to the reader."""
