"""The facts rules' fast path finds exactly what matching ignoring case finds."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check import facts
from honest_offers.check.facts import finditer_lowered
from honest_offers.check.normalize import FOLDS_TO_ASCII
from tests.conftest import examples
from tests.regex_branches import sre_parse, written_out

PATTERNS = {
    name: value
    for name, value in vars(facts).items()
    if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE
}
PATTERNS["free part"] = facts._free_part("delivery")
PATTERNS["no fee for"] = facts._no_fee_for("setup")

WORDS = sorted(
    {
        word
        for pattern in PATTERNS.values()
        for word in re.findall(r"[a-z]{2,}", pattern.pattern)
        if len(word) < 16
    }
    | {"at", "no", "a", "1", "49", "€", "$", "EUR", "100 %", "İ", "\u0131", "ß", "\u212a", "\u017f"}
)
"""The patterns' own words (so that texts match often), digits, symbols and characters
whose lower case is longer (``İ``) or that match an ASCII letter ignoring case (dotless i,
long s, the Kelvin sign)."""


def spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int, str]]:
    """Where each match stands, and its text in lower case (the fast path reads that)."""
    return [(m.start(), m.end(), m.group(0).lower()) for m in matches]


words = st.sampled_from(WORDS).map(lambda w: w.upper() if w.startswith("e") else w)
texts = st.lists(
    st.tuples(words, st.sampled_from([" ", "-", ", ", ". ", "\n", ""])), max_size=16
).map(lambda parts: "".join(word + gap for word, gap in parts))


@pytest.mark.parametrize("name", sorted(PATTERNS))
@settings(max_examples=examples(30), deadline=None)
@given(text=texts)
def test_same_matches_as_ignoring_case(name: str, text: str) -> None:
    pattern = PATTERNS[name]
    assert spans(finditer_lowered(pattern, text)) == spans(pattern.finditer(text))


def test_every_letter_that_matches_ascii_only_ignoring_case_is_known() -> None:
    """Lower case and matching ignoring case agree on every other character: for those two
    the original text is searched."""
    every = "".join(map(chr, range(0x80, 0x110000)))
    found = {
        char
        for a in "abcdefghijklmnopqrstuvwxyz"
        for char in re.findall(a, every, re.I)
        if char.lower() != a
    }
    assert found - {"İ"} == set(FOLDS_TO_ASCII)


def test_the_offsets_hold_where_lower_case_is_longer() -> None:
    """``İ`` lower-cases to two characters: the original text is searched instead."""
    text = "İ No hidden fees, all inclusive"
    assert spans(finditer_lowered(facts._NO_FEES, text)) == spans(facts._NO_FEES.finditer(text))
    assert [m.group(0) for m in finditer_lowered(facts._NO_FEES, text)] == [
        "No hidden fees",  # read in the original: not lower-cased
        "all inclusive",
    ]


def test_a_case_sensitive_pattern_is_left_as_it_is() -> None:
    pattern = re.compile(r"\bVAT\b")
    assert spans(finditer_lowered(pattern, "vat VAT")) == [(4, 7, "vat")]


GATED = {
    "free offer": (facts._FREE_OFFER, facts._FREE_GATE),
    "no fees": (facts._NO_FEES, facts._NO_FEES_GATE),
    "tax added": (facts._TAX_ADDED, facts._TAX_GATE),
    "tax included": (facts._TAX_INCLUDED, facts._TAX_GATE),
    "paid once": (facts._PAID_ONCE, facts._BILLING_GATE),
    "paid again": (facts._PAID_AGAIN, facts._BILLING_GATE),
    "easy exit": (facts._EASY_EXIT, facts._EASY_EXIT_GATE),
    "money back": (facts._MONEY_BACK, facts._MONEY_BACK_GATE),
    "trial": (facts._TRIAL, facts._TRIAL_GATE),
    "trial days": (facts._TRIAL_DAYS, facts._TRIAL_GATE[:1]),
    "price per": (facts._PRICE_PER, facts.DIGITS),
    "stated price": (facts._STATED_PRICE, facts.DIGITS),
    "free part": (facts._free_part("setup"), ("setup", *facts._FREE_PART_NEEDS.pattern.split("|"))),
    "no fee for": (
        facts._no_fee_for("setup"),
        ("setup", *facts._NO_FEE_FOR_NEEDS.pattern.split("|")),
    ),
}
"""Each facts pattern with the gate its rule passes to ``_matches``: a text without one of
the gate's words is not searched."""


@pytest.mark.parametrize("name", sorted(GATED))
def test_every_branch_of_a_facts_pattern_holds_its_gate(name: str) -> None:
    pattern, gate = GATED[name]
    source = sre_parse.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    first, others = written_out(source.data)
    matched = [text for text in dict.fromkeys([first, *others]) if pattern.search(text)]
    assert matched
    if name in ("free part", "no fee for"):  # the fee's word, and a word of the needs
        word, *needs = gate
        assert [text for text in matched if word not in text.lower()] == []
        gate = tuple(needs)
    assert [text for text in matched if not _holds(text.lower(), gate)] == []


def _holds(lower: str, gate: tuple[str, ...]) -> bool:
    """Whether a text passes a gate: one of its words (as ``_present`` finds them for the
    gate words; ``DIGITS`` stands for any digit)."""
    if not facts._present(lower).isdisjoint(gate):
        return True
    return any(word in lower for word in gate if word not in facts.GATE_WORDS)


GATE_PIECES = st.sampled_from(
    [*sorted(facts.GATE_WORDS.difference(facts.DIGITS)), "4", "90", "£", "٣", " ", "x", "no"]
)


@settings(max_examples=examples(200))
@given(st.lists(GATE_PIECES, max_size=8).map("".join), st.integers(0, 9))
def test_gate_words_are_found_alike_in_texts_of_one_shape(text: str, digit: int) -> None:
    """``_present`` remembers texts by their shape: what it finds is what a search of the
    text itself finds, also after a text that differs only in its ASCII digits."""
    other = re.sub("[0-9]", str(digit), text)

    def searched(lower: str) -> frozenset[str]:
        found = frozenset(g for g in facts.GATE_WORDS.difference(facts.DIGITS) if g in lower)
        return found | frozenset(facts.DIGITS) if re.search(r"\d", lower) else found

    facts._present(other)
    assert facts._present(text) == searched(text)
    assert not any(re.search("[0-9]", gate) for gate in facts.GATE_WORDS.difference(facts.DIGITS))
