"""The rule registry: every rule has one stable code, a name, a message and a doc.

Codes never change meaning once released (like ruff's). Families by hundreds:
HO1xx urgency, HO2xx scarcity, HO3xx social proof, HO4xx misdirection, HO5xx pricing,
HO6xx scripts and markup, HO7xx an offer's words against its facts, HO9xx the check itself
(e.g. a suppression without a reason).
"""

from __future__ import annotations

from dataclasses import dataclass

from honest_offers.diagnostics import Severity

FAMILIES: dict[str, str] = {
    "HO1": "Urgency",
    "HO2": "Scarcity",
    "HO3": "Social proof",
    "HO4": "Misdirection",
    "HO5": "Pricing",
    "HO6": "Scripts and markup",
    "HO7": "Facts and prose",
    "HO9": "The check itself",
}


@dataclass(frozen=True, slots=True)
class RuleDoc:
    why: str
    """Why this misleads, with the law or research behind it."""
    bad: str
    """A short example that the rule rejects."""
    honest: str
    """The honest alternative, ready to copy."""


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    message: str
    """Finding message; ``{text}`` is replaced by the quoted offending text."""
    doc: RuleDoc
    severity: Severity = "error"

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:3]]

    def describe(self, text: str) -> str:
        return self.message.format(text=text)


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule; a code may be registered once (one home per rule)."""
    if rule.code in RULES:
        raise ValueError(f"rule {rule.code} is registered twice")
    if rule.code[:3] not in FAMILIES or len(rule.code) != 5 or not rule.code[2:].isdigit():
        raise ValueError(f"rule code {rule.code!r} is not of the form HO123 with a known family")
    RULES[rule.code] = rule
    return rule
