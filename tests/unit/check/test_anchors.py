"""Anchors: every match of a pattern contains one of its anchor words.

The engine skips a pattern on texts without its anchors, so a wrong anchor would silently miss
findings. Each branch of each pattern is written out and must hold an anchor (a branch
without one, "antes de que te vayas" among "antes de irte", was never searched); hypothesis
generates texts that each pattern matches (also inside longer words) and checks the anchors
are in them; the corpus test and the examples check the same from the other side.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honest_offers.check import check_text
from honest_offers.check.lang import LANGUAGES
from honest_offers.check.normalize import normalize
from honest_offers.check.phrases import TOKEN, Pattern
from honest_offers.check.text import PHRASES, _words, has_count, required_words
from tests.conftest import examples

sre: Any = importlib.import_module("re._constants")  # CPython's regex parser (private)
sre_parse: Any = importlib.import_module("re._parser")

PATTERNS = [(phrase.rule.code, item) for phrase in PHRASES for item in phrase.patterns] + [
    (f"{code}-{phrase.rule.code}", item)
    for code, data in LANGUAGES.items()
    for phrase in data.phrases
    for item in phrase.patterns
]
_TOKEN = re.compile(TOKEN)


def has_anchor(item: Pattern, text: str) -> bool:
    words = set(_TOKEN.findall(text))
    return any(a in words if a.isalpha() else a in text for a in item.anchors)


def test_every_pattern_has_anchors() -> None:
    assert all(item.anchors for _, item in PATTERNS)
    assert all(a == a.lower() and " " not in a for _, item in PATTERNS for a in item.anchors)


@pytest.mark.parametrize(
    "item",
    [item for _, item in PATTERNS],
    ids=[f"{code}-{i}" for i, (code, _) in enumerate(PATTERNS)],
)
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


_CATEGORY_SAMPLES = {
    sre.CATEGORY_DIGIT: "1",
    sre.CATEGORY_NOT_DIGIT: "x",
    sre.CATEGORY_WORD: "x",
    sre.CATEGORY_NOT_WORD: " ",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "x",
}
_FEW = 12
"""Classes of at most this many single characters are written out one by one."""

Written = tuple[str, list[str]]
"""A text the items match, and texts for each of their other branches (the rest as before)."""


def written_out(items: list[tuple[object, object]]) -> Written:
    """Texts matched by a sequence of parsed items: the first branch of everything, and one
    text for every other branch, optional part and character of a small class, each with the
    rest left at its first choice. Linear in the pattern's size, and every branch is seen in a
    text where the others contribute their first choice."""
    parts = [_written_item(op, value) for op, value in items]
    default = "".join(first for first, _ in parts)
    variants = []
    for at, (_, others) in enumerate(parts):
        before = "".join(first for first, _ in parts[:at])
        after = "".join(first for first, _ in parts[at + 1 :])
        variants += [before + other + after for other in others]
    return default, variants


def _written_item(op: object, value: Any) -> Written:
    if op is sre.LITERAL:
        return chr(value), []
    if op is sre.NOT_LITERAL:  # [^.]: a space where it can
        return (" " if value != ord(" ") else "x"), []
    if op is sre.ANY:
        return " ", []
    if op is sre.IN:
        chars = _class_samples(value)
        return chars[0], chars[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return "", []  # zero width: the pattern itself decides whether the text matches
    if op is sre.SUBPATTERN:
        return written_out(value[3].data)
    if op is sre.ATOMIC_GROUP:
        return written_out(value.data)
    if op is sre.BRANCH:
        branches = [written_out(branch.data) for branch in value[1]]
        return branches[0][0], [text for first, others in branches for text in (first, *others)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _written_repeat(*value)
    raise AssertionError(f"not written out: {op}")


def _written_repeat(low: int, high: int, body: Any) -> Written:
    first, others = written_out(body.data)
    if low == 0 and first.isspace():  # a filler ([^.!?]{0,40}) that may hold a space
        return first, ["", *others]
    if low == 0:
        return "", [first, *others]
    return first * low, [other + first * (low - 1) for other in others]


def _class_samples(members: list[tuple[object, Any]]) -> list[str]:
    if members and members[0][0] is sre.NEGATE:  # a filler such as [^.!?]: a space if it can
        excluded = re.compile("[" + "".join(_class_source(m) for m in members[1:]) + "]")
        return [next(c for c in " _~x" if not excluded.match(c))]
    singles = [chr(v) for op, v in members if op is sre.LITERAL]
    if len(singles) == len(members) and len(singles) <= _FEW:
        return singles
    op, value = members[0]
    if op is sre.LITERAL:
        return [chr(value)]
    if op is sre.RANGE:
        return [chr(value[0])]
    return [_CATEGORY_SAMPLES.get(value, "x")]


def _class_source(member: tuple[object, Any]) -> str:
    op, value = member
    if op is sre.LITERAL:
        return re.escape(chr(value))
    if op is sre.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    return {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}.get(
        value, ""
    )


@pytest.mark.parametrize(
    "item",
    [item for _, item in PATTERNS],
    ids=[f"{code}-{i}" for i, (code, _) in enumerate(PATTERNS)],
)
def test_every_branch_holds_an_anchor(item: Pattern) -> None:
    regex = re.compile(item.regex)
    first, others = written_out(sre_parse.parse(item.regex).data)
    texts = [text for text in dict.fromkeys([first, *others]) if regex.search(text)]
    assert texts, "some branch written out is matched"
    assert [t for t in texts if not has_anchor(item, t)] == [], sorted(item.anchors)


@pytest.mark.parametrize(
    "item",
    [item for _, item in PATTERNS],
    ids=[f"{code}-{i}" for i, (code, _) in enumerate(PATTERNS)],
)
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
