"""What a language gives the text rules: its phrase shapes, negations and doc examples."""

from __future__ import annotations

from dataclasses import dataclass, field

from honest_offers.check.phrases import PhraseRule


@dataclass(frozen=True, slots=True)
class Language:
    """The word data of one language for the text rules (HO1xx-HO5xx).

    ``phrases`` report the family modules' rules (the rules, their codes and docs stay one
    per tactic, in English); they match normalised text, where accents are gone ("plätze" is
    "platze", "últimas" is "ultimas"), so patterns are written without them. ``negation``
    lists the words that, before a match in its clause, make it honest ("keine Eile", "sans
    engagement", "sin prisas"), as :data:`honest_offers.check.phrases.NEGATION` does for
    English. ``examples`` gives each rule a failing and an honest text, for the rule pages.
    """

    code: str
    name: str
    phrases: tuple[PhraseRule, ...]
    negation: tuple[str, ...]
    examples: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Rule code → (a text the rule rejects, an honest text that passes), in this language."""
