"""Texts that differ only in their digits share the spans of the digit-blind patterns.

The text engine remembers, per shape of text (every ASCII digit written as ``0``), what the
patterns that treat all digits alike found (:func:`honest_offers.check.text.digit_blind`);
the other patterns and the countdown detector read every text in which they may match. Where
none may, a text's hits are remembered by its shape whole. These tests hold the source-text
reading of blindness against CPython's parse tree, and the engine's answers with remembered
shapes against its answers without them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honest_offers.check import lang
from honest_offers.check import text as engine
from honest_offers.check.normalize import normalize
from honest_offers.check.phrases import Context
from honest_offers.check.text import DETECTORS, digit_blind
from tests.conftest import examples

sre_constants: Any = importlib.import_module("re._constants")  # CPython's, as the engine's
sre_parser: Any = importlib.import_module("re._parser")
_DIGITS = range(ord("0"), ord("9") + 1)
_ALL_DIGITS = frozenset(
    {
        sre_constants.CATEGORY_DIGIT,
        sre_constants.CATEGORY_WORD,
        sre_constants.CATEGORY_NOT_SPACE,
        sre_constants.CATEGORY_UNI_DIGIT,
        sre_constants.CATEGORY_UNI_WORD,
        sre_constants.CATEGORY_UNI_NOT_SPACE,
        sre_constants.CATEGORY_NOT_LINEBREAK,
        sre_constants.CATEGORY_UNI_NOT_LINEBREAK,
    }
)
_NO_DIGITS = frozenset(
    {
        sre_constants.CATEGORY_NOT_DIGIT,
        sre_constants.CATEGORY_NOT_WORD,
        sre_constants.CATEGORY_SPACE,
        sre_constants.CATEGORY_UNI_NOT_DIGIT,
        sre_constants.CATEGORY_UNI_NOT_WORD,
        sre_constants.CATEGORY_UNI_SPACE,
        sre_constants.CATEGORY_LINEBREAK,
        sre_constants.CATEGORY_UNI_LINEBREAK,
    }
)


def _class_digits(members: list[tuple[Any, Any]]) -> int | None:
    """How many ASCII digits a character class takes (None: a member not followed here)."""
    negated, found = False, set[int]()
    for op, value in members:
        if op is sre_constants.NEGATE:
            negated = True
        elif op is sre_constants.LITERAL:
            found.update(d for d in _DIGITS if d == value)
        elif op is sre_constants.RANGE:
            found.update(d for d in _DIGITS if value[0] <= d <= value[1])
        elif op is sre_constants.CATEGORY and value in _ALL_DIGITS:
            found.update(_DIGITS)
        elif not (op is sre_constants.CATEGORY and value in _NO_DIGITS):
            return None
    return 10 - len(found) if negated else len(found)


def _tree_blind(items: Any) -> bool:
    """The oracle: whether a parse tree treats all ASCII digits alike."""
    return all(_item_blind(op, value) for op, value in items)


def _item_blind(op: Any, value: Any) -> bool:
    if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
        return value not in _DIGITS
    if op is sre_constants.IN:
        return _class_digits(value) in (0, 10)
    if op in (sre_constants.ANY, sre_constants.AT):
        return True
    inner = _inner(op, value)
    return inner is not None and all(_tree_blind(items) for items in inner)


def _inner(op: Any, value: Any) -> list[Any] | None:
    """The parts of a group, repeat, alternation or lookaround (None: a backreference, a
    conditional, anything not followed here)."""
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        return [value[2]]
    if op is sre_constants.SUBPATTERN:
        return [value[3]]
    if op is sre_constants.BRANCH:
        return list(value[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [value[1]]
    return None


def tree_blind(source: str) -> bool:
    return _tree_blind(sre_parser.parse(source).data)


def _every_source() -> Iterator[str]:
    """Every pattern the engine reads a text with, in every language and context."""
    for context in ("prose", "label"):
        for entry in engine._index(context, lang.EVERY).entries:
            yield from entry.sources


SOURCES = sorted(set(_every_source()))


def test_an_entrys_sources_are_every_pattern_it_reads_a_text_with() -> None:
    """Its pattern, gate, guards and negation: a pattern left out would be taken as blind."""
    for entry in engine._index("prose", lang.EVERY).entries:
        phrase = entry.phrase
        optional = (entry.gate_source, phrase.unless_before, phrase.unless_in_sentence)
        expected = {entry.source, entry.negated.pattern, *(s for s in optional if s)}
        assert set(entry.sources) == expected


@pytest.mark.parametrize(
    ("source", "blind"),
    [
        (r"\bonly \d+ left\b", True),
        (r"[^\W\d_]{2,24} ?\d{1,3}", True),
        (r"\b(?:today|tonight) only\b", True),
        (r"[^a-z]+|[+-z]|\w+\.?", True),
        (r"\b(?:24|48|72)[ -]hours?\b", False),
        (r"[0-9]+ left", False),  # all ten, but written with digits: not read as blind
        (r"[{5}]", False),  # braces in a class are characters, not a count
        (r"\{5\}", False),
        (r"x{5", False),  # not a count: the text "{5"
        (r"(?P<n>\d)(?P=n)", False),
        (r"\N{DIGIT ONE}", False),
        (r"(\d)\1", False),
        (r"\x35", False),
        (r"[]5]", False),
    ],
)
def test_digit_blind(source: str, blind: bool) -> None:
    assert digit_blind(source) is blind
    assert tree_blind(source) or not blind


def test_every_source_read_as_blind_is_blind_in_its_parse_tree() -> None:
    blind = [source for source in SOURCES if digit_blind(source)]
    assert all(tree_blind(source) for source in blind)
    assert len(blind) >= 0.9 * len(SOURCES)  # most patterns do not tell digits apart


PIECES = st.sampled_from(
    [
        "a",
        " ",
        r"\d",
        r"\d{2}",
        r"\w+",
        "[0-9]",
        "[{5}]",
        "{2}",
        "{0,24}",
        r"\{5\}",
        "[^a-z]",
        "[+-z]",
        "[]5]",
        r"[\d.,]",
        "5",
        "0",
        "(?:",
        ")",
        "|",
        r"\b",
        "(?=",
        "(?<!",
        "x{",
        r"\N{DIGIT ONE}",
        "(?P<g>",
        "(?P=g)",
        r"\1",
        ".",
    ]
)


@settings(max_examples=examples(300), suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join))
def test_blind_sources_are_blind_in_their_parse_tree(source: str) -> None:
    try:
        tree = sre_parser.parse(source)
    except (re.error, ValueError, OverflowError):
        return
    if digit_blind(source):
        assert _tree_blind(tree.data), source


WORDS = st.sampled_from(
    [
        "only",
        "just",
        "left",
        "in stock",
        "hours",
        "24 hours",
        "minutes",
        "ends in",
        "save",
        "off",
        "%",
        "$",
        "€",
        "£",
        "people",
        "bought",
        "viewing",
        "today",
        "sold",
        "no thanks",
        "i",
        "was",
        "now",
        "total",
        "price:",
        "for students",
        "per month",
        "/month",
        ".",
        ",",
        ":",
        " ",
        " ",
    ]
)
NUMBERS = st.from_regex(r"[0-9]{1,4}(?:[.,][0-9]{2})?", fullmatch=True)


def _variant(text: str, digits: list[int]) -> str:
    """``text`` with its digits replaced, one by one, by ``digits`` (cycled)."""
    found = iter(digits * (len(text) // max(len(digits), 1) + 1))
    return re.sub("[0-9]", lambda _: str(next(found)), text)


@settings(max_examples=examples(400), suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.one_of(WORDS, NUMBERS), min_size=1, max_size=14).map(" ".join),
    st.lists(st.integers(0, 9), min_size=1, max_size=6),
    st.sampled_from(["prose", "label"]),
    st.sampled_from([lang.EVERY, frozenset({"en"}), frozenset({"en", "de"})]),
)
def test_a_shape_met_before_gives_what_the_text_gives_alone(
    text: str, digits: list[int], context: Context, languages: frozenset[str]
) -> None:
    """A text read after another of its shape (same letters, other digits) is found to hold
    exactly what it holds when read first."""
    other = _variant(text, digits)
    with lang.page_language(*languages):
        index = engine._index(context, lang.current())
        _forget_shapes(index)
        alone = engine.scan(text, context)
        _forget_shapes(index)
        engine.scan(other, context)
        after = engine.scan(text, context)
    assert after == alone, (text, other)


def _forget_shapes(index: Any) -> None:
    """Forget the shapes met (of the normalised texts and of the original ones)."""
    index.by_shape.clear()
    index.by_text_shape.clear()


_ENTRY_SOURCES = sorted(
    {
        entry.source
        for entry in engine._index("prose", lang.EVERY).entries
        if not all(tree_blind(source) for source in entry.sources)
    }
)
"""The patterns of the entries that tell digits apart, by the parse tree (the oracle)."""


@pytest.mark.parametrize("source", _ENTRY_SOURCES, ids=[str(i) for i in range(len(_ENTRY_SOURCES))])
def test_patterns_that_tell_digits_apart_read_every_text(source: str) -> None:
    """Texts matched by a pattern that is not digit-blind, read after a text of their shape
    with other digits: the same findings as read first (the pattern reads each text)."""
    matches = st.from_regex(re.compile(source), fullmatch=True)

    @settings(max_examples=examples(10), deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.tuples(st.sampled_from(["", "Only ", "Hurry: "]), matches).map("".join),
        st.lists(st.integers(0, 9), min_size=1, max_size=4),
    )
    def check(text: str, digits: list[int]) -> None:
        other = _variant(text, digits)
        with lang.page_language(*lang.EVERY):
            index = engine._index("prose", lang.current())
            _forget_shapes(index)
            alone = engine.scan(text)
            _forget_shapes(index)
            engine.scan(other)
            assert engine.scan(text) == alone, (text, other)

    check()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a countdown read-out by its zero-padded field: the detector reads the digits
        ("Welcome back 17:25:41", "Welcome back 07:25:41"),
        # a standing price rule for the over-65s: a pattern's guard reads the digits
        ("20% off for over-75 customers", "20% off for over-65 customers"),
    ],
)
def test_texts_of_one_shape_whose_digits_matter(first: str, second: str) -> None:
    """Two texts of one shape that hold different things: each, read after the other, holds
    what it holds when read first (the shape met first fixes nothing)."""
    with lang.page_language(*lang.EVERY):
        index = engine._index("prose", lang.current())
        alone = {}
        for text in (first, second):
            _forget_shapes(index)
            alone[text] = engine.scan(text)
        assert alone[first] != alone[second]
        for before, text in ((first, second), (second, first)):
            _forget_shapes(index)
            engine.scan(before)
            assert engine.scan(text) == alone[text], (before, text)


@pytest.mark.parametrize("context", ["prose", "label"])
def test_which_patterns_a_text_chooses_does_not_depend_on_its_digits(context: Context) -> None:
    """A text's shape fixes its candidates and their tests (:func:`.text._scan`): no symbol
    anchor holds a digit, and no pattern that tells digits apart has a gate that does. A rule
    that needs one must first teach ``_scan`` not to remember that shape."""
    index = engine._index(context, lang.EVERY)
    assert not [symbol for symbol, _ in index.by_symbol if re.search("[0-9]", symbol)]
    gated = [
        entry.gate_source
        for entry in index.entries
        if entry.gate_source and not entry.digit_blind and not digit_blind(entry.gate_source)
    ]
    assert not gated


READOUTS = st.from_regex(
    r"(?:(?:only|ends in|sale|welcome|back|doors|at|day|s|h|m|:|[0-9]{1,2}) ?){1,8}", fullmatch=True
)


@settings(max_examples=examples(300))
@given(READOUTS, st.lists(st.integers(0, 9), min_size=1, max_size=6))
def test_detector_gates_read_the_shape(text: str, digits: list[int]) -> None:
    """A detector's gate answers alike for two texts that differ only in their digits."""
    plain, other = normalize(text).text, normalize(_variant(text, digits)).text
    words, other_words = set(engine._words(plain)), set(engine._words(other))
    for detector in DETECTORS:
        assert detector.gate(plain, words) == detector.gate(other, other_words), (text, other)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Total £1,272.00 one-time payment", True),
        ("Tests up to 37 pages", True),
        ("Price: €49 per month", True),  # a label's colon is no clock
        ("Sale ends in 02:14:09", False),  # the countdown detector's gate opens
        ("Only 3 hours left", False),
        ("20% off for over-75 customers", False),  # a pattern that reads the digits may match
    ],
)
def test_a_texts_shape_fixes_its_hits_only_where_nothing_reads_its_digits(
    text: str, fixed: bool
) -> None:
    with lang.page_language(*lang.EVERY):
        assert engine._scan(text, engine._index("prose", lang.current()))[1] is fixed
