"""Anchors: every match of a pattern contains one of its anchor words.

The engine skips a pattern on texts without its anchors, so a wrong anchor would silently miss
findings. Each branch of each pattern is written out and must hold an anchor (a branch
without one, "antes de que te vayas" among "antes de irte", was never searched); hypothesis
generates texts that each pattern matches (also inside longer words) and checks the anchors
are in them; the corpus test and the examples check the same from the other side.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honest_offers.check import check_text
from honest_offers.check.lang import LANGUAGES
from honest_offers.check.normalize import normalize
from honest_offers.check.phrases import TOKEN, Pattern
from honest_offers.check.text import PHRASES, _words, has_count, required_words
from tests.conftest import examples
from tests.regex_branches import sre_parse, written_out

PATTERNS = [(phrase.rule.code, item) for phrase in PHRASES for item in phrase.patterns] + [
    (f"{code}-{phrase.rule.code}", item)
    for code, data in LANGUAGES.items()
    for phrase in data.phrases
    for item in phrase.patterns
]
_TOKEN = re.compile(TOKEN)
EVERY_PATTERN = pytest.mark.parametrize(
    "item",
    [item for _, item in PATTERNS],
    ids=[f"{code}-{i}" for i, (code, _) in enumerate(PATTERNS)],
)


def has_anchor(item: Pattern, text: str) -> bool:
    words = set(_TOKEN.findall(text))
    return any(a in words if a.isalpha() else a in text for a in item.anchors)


def test_every_pattern_has_anchors() -> None:
    assert all(item.anchors for _, item in PATTERNS)
    assert all(a == a.lower() and " " not in a for _, item in PATTERNS for a in item.anchors)


@EVERY_PATTERN
def test_matches_contain_an_anchor(item: Pattern) -> None:
    regex = re.compile(item.regex)

    glue = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=2)

    @settings(max_examples=examples(6), deadline=None, suppress_health_check=list(HealthCheck))
    @given(glue, st.from_regex(regex, fullmatch=True), glue)
    def check(before: str, match: str, after: str) -> None:
        # Letters glued on either side must not let the pattern match inside a longer word
        # whose anchor then is no longer a word of its own.
        text = (before + match + after).lower()
        if regex.search(text):
            assert has_anchor(item, text), (text, sorted(item.anchors))

    check()


@EVERY_PATTERN
def test_every_branch_holds_an_anchor(item: Pattern) -> None:
    regex = re.compile(item.regex)
    first, others = written_out(sre_parse.parse(item.regex).data)
    texts = [text for text in dict.fromkeys([first, *others]) if regex.search(text)]
    assert texts, "some branch written out is matched"
    assert [t for t in texts if not has_anchor(item, t)] == [], sorted(item.anchors)


@EVERY_PATTERN
def test_every_branch_passes_the_engines_other_tests(item: Pattern) -> None:
    # Before searching, the engine also asks for the pattern's required words, its gate and
    # (for a counted shape) a count: each branch, as the engine reads it, must pass them.
    regex, groups = re.compile(item.regex), required_words(item.regex)
    gate = re.compile(item.gate) if item.gate else None
    first, others = written_out(sre_parse.parse(item.regex).data)
    for written in dict.fromkeys([first, *others]):
        plain = normalize(written).text
        if not regex.search(plain):
            continue
        words = _words(plain)
        assert all(not group.isdisjoint(words) for group in groups), plain
        assert gate is None or gate.search(plain), plain
        assert not item.counted or has_count(plain, words), plain


def test_a_branch_without_an_anchor_is_found() -> None:
    # The bug this test was written for, as it stood in the Spanish table.
    lost = Pattern(frozenset({"irte", "irse"}), r"\bantes de (?:irte|irse|que te vayas)\b")
    first, others = written_out(sre_parse.parse(lost.regex).data)
    assert [t for t in [first, *others] if not has_anchor(lost, t)] == ["antes de que te vayas"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Found by the property test above on a random run: "left" glued to a number word.
        ("pcs leftone", False),
        ("pcs left one", True),
        ("seats remainingtwo", False),
        ("seats remaining: two", True),
    ],
)
def test_a_stock_word_glued_to_the_next_word_is_not_that_word(text: str, found: bool) -> None:
    assert any(f.rule == "HO201" for f in check_text(text, path="page.md")) is found
