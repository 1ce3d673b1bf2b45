"""Fast forms of the patterns find exactly what the patterns as written find.

The engine searches with :func:`fast_source` (a lookahead on a match's first characters in
front of each pattern), compiled with those characters as the set a search skips to:
hypothesis builds texts around matches of each pattern and compares
every match of both forms, from every start position. It skips a pattern when the text lacks
one of its :func:`required_words` groups: in the same texts, every match has a word of each.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from honest_offers.check import urgency
from honest_offers.check.normalize import _GLUED, _space, normalize
from honest_offers.check.phrases import TOKEN
from honest_offers.check.text import (
    DETECTOR_WORDS,
    DETECTORS,
    PHRASES,
    _candidates,
    _compiled_fast,
    _index,
    _words,
    fast_source,
    first_characters,
    has_count,
    required_words,
)
from tests.conftest import examples

SOURCES = sorted({item.regex for phrase in PHRASES for item in phrase.patterns})
NOISE = st.text(alphabet="ab1 .,:-'$%\u00e9", max_size=6)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bwas\b", "[w]"),
        (r"\b(?:ab|c)d", "[ac]"),
        (r"(?<![\w.])x?y", "[xy]"),
        (r"(?:^|(?<=[.!]))\d+ ?%", r"[\d]"),
        (r"[a-c$]z", r"[\$a-c]"),
        (r"(?:a|(?:b|))c", "[abc]"),
    ],
)
def test_first_characters(source: str, expected: str) -> None:
    assert first_characters(source) == expected


@pytest.mark.parametrize("source", [r"a?", r"\b", r"[^a]b", r"(?i)ab", r".x", r"(a?)\1b", "(?:)"])
def test_first_characters_unknown(source: str) -> None:
    assert first_characters(source) is None
    assert fast_source(source) == source


def test_every_table_pattern_gets_a_fast_form() -> None:
    assert all(fast_source(source) != source for source in SOURCES)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\b(?:buy|order) (?:it|one) now", [{"buy", "order"}, {"it", "one"}]),
        (r"\bdays?\b", [{"day", "days"}]),
        (r"\b(?:check out|add)(?: it)? today", [{"check", "add"}]),
        (r"(?<![\w.])(?:only|just )?\d+ left\b", [{"left"}]),
        (r"\bdon't (?:miss|lose)\b", [{"don"}, {"t"}, {"miss", "lose"}]),
        # past a filler of any words, and after a lookbehind that rules out a letter
        (
            r"(?<![\w.])\d+ (?:[a-z]+ ){0,2}?(?:people|users) online\b",
            [{"people", "users"}, {"online"}],
        ),
        # each branch's rarest group, joined: "in the shop" is found by "shop", not "in"
        (
            r"\b(?:in the (?:shop|queue)|live) now\b",
            [{"in", "live"}, {"shop", "queue", "live"}, {"now"}],
        ),
        # a repeat of non-letters ends a word; a clause start lets one begin
        (
            r"(?:^|(?<=[.!] ))(?:hurry|rush)[ ,:-]+(?:now|today)\b",
            [{"hurry", "rush"}, {"now", "today"}],
        ),
    ],
)
def test_required_words(source: str, expected: list[set[str]]) -> None:
    assert [set(group) for group in required_words(source)] == expected


@pytest.mark.parametrize(
    "source",
    [
        r"buy now",  # may start inside a word: "rebuy now"
        r"\bbuy",  # may end inside one: "buyers"
        r"\bcaf\u00e9\b",  # letters of other scripts are not followed
        r"\bm\u00b2\b",  # "²" belongs to the word
        r"\b(?:a|b\w)\b",  # a class: unsure
        r"(?i)\bbuy\b",  # flags
    ],
)
def test_required_words_unsure(source: str) -> None:
    assert required_words(source) == ()


def test_most_table_patterns_require_words() -> None:
    assert sum(bool(required_words(source)) for source in SOURCES) > len(SOURCES) // 2


def spans(regex: re.Pattern[str], text: str) -> list[tuple[int, int] | None]:
    """Where a search from each position finds its match, as :func:`scan` searches."""
    found = []
    for pos in range(len(text) + 1):
        match = regex.search(text, pos)
        found.append(match.span() if match else None)
    return found


@pytest.mark.parametrize("source", SOURCES, ids=[str(i) for i in range(len(SOURCES))])
def test_fast_form_finds_the_same(source: str) -> None:
    plain, fast = re.compile(source), re.compile(fast_source(source))
    compiled = _compiled_fast(source)[0]  # the engine's: the start set in the search header
    matches = st.from_regex(plain, fullmatch=True)

    @settings(max_examples=examples(8), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.one_of(matches, NOISE), min_size=1, max_size=4).map("".join))
    def check(text: str) -> None:
        assert spans(fast, text) == spans(plain, text)
        assert spans(compiled, text) == spans(plain, text)

    check()


GLUE = st.sampled_from(["", "", "a", "\u00e9", "2", " ", ".", "'"])
"""What may stand right before or after a match: a letter glued on changes the words."""


@pytest.mark.parametrize("source", SOURCES, ids=[str(i) for i in range(len(SOURCES))])
def test_matches_hold_their_required_words(source: str) -> None:
    regex, groups = re.compile(source), required_words(source)
    matches = st.from_regex(regex, fullmatch=True)
    glued = st.tuples(GLUE, matches, GLUE).map("".join)

    @settings(max_examples=examples(20), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.one_of(glued, NOISE), min_size=1, max_size=3).map("".join))
    def check(text: str) -> None:
        plain = normalize(text).text
        if regex.search(plain):
            words = set(_words(plain))
            assert all(not group.isdisjoint(words) for group in groups), plain

    check()


@given(st.text(alphabet="0123456789\u0663\u00b2dhms xé:.-_\u00a0\n", max_size=20))
def test_a_digit_unit_stands_as_a_word(raw: str) -> None:
    """The countdown detector skips its digit-unit search on texts without these words."""
    norm = normalize(raw).text
    if urgency._DIGIT_UNIT.search(norm):
        assert not urgency._LETTER_UNITS.isdisjoint(_words(norm)), norm


@given(st.lists(st.sampled_from(["only", "2", "left", "$", "%", "hurry", "x", "€", " "])))
def test_remembered_candidates_are_the_anchored_ones(parts: list[str]) -> None:
    norm = " ".join(parts)
    words = set(_words(norm))
    for context in ("prose", "label"):
        index = _index(context)
        expected = [
            entry
            for entry in index.entries
            if any(a in words if a.isalpha() else a in norm for a in entry.anchors)
        ]
        known = index.vocabulary.intersection(words)
        assert [entry for _, entry in _candidates(norm, known, index)] == expected


@given(st.lists(st.sampled_from(["2", "10", "days", "d", "h", "03:12", "hurry", "x", " "])))
def test_detectors_need_only_their_words(parts: list[str]) -> None:
    norm = normalize(" ".join(parts)).text
    words = set(_words(norm))
    for detector in DETECTORS:
        mine = DETECTOR_WORDS.intersection(words)
        assert detector.gate(norm, mine) == detector.gate(norm, words)
        assert list(detector.find(norm, mine)) == list(detector.find(norm, words))


@given(st.text(alphabet="0a\u0663\u00e9\u00b2_ .\u20ac", max_size=12))
def test_glued_finds_a_digit_next_to_a_letter(text: str) -> None:
    slow = re.search(r"\d[^\W\d_]|[^\W\d_]\d", text)
    assert (slow is None) == (_GLUED.search(text) is None)


def spaced_as_before(text: str) -> str:
    """:func:`_space` as it was: two substitutions with templates."""
    text = " ".join(text.split())
    if re.search(r"\d", text):
        text = re.sub(r"\d(?<=[^\W\d_]\d)", r" \g<0>", text)
        text = re.sub(r"\d(?=[^\W\d_])", r"\g<0> ", text)
    return text


@given(st.text(alphabet="0a\u0663\u00e9\u00b2_ .\u20ac\t\n", max_size=16))
def test_space_splits_glued_runs_as_before(text: str) -> None:
    assert _space(text) == spaced_as_before(text)


COUNTED = sorted({item.regex for phrase in PHRASES for item in phrase.patterns if item.counted})


def test_count_led_shapes_are_marked() -> None:
    assert len(COUNTED) > 20


@pytest.mark.parametrize("source", COUNTED, ids=[str(i) for i in range(len(COUNTED))])
def test_counted_patterns_match_only_texts_with_a_count(source: str) -> None:
    """The engine skips a ``counted`` pattern on texts without a digit or a count word."""
    regex = re.compile(source)
    glued = st.tuples(GLUE, st.from_regex(regex, fullmatch=True), GLUE).map("".join)

    @settings(max_examples=examples(10), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.one_of(glued, NOISE), min_size=1, max_size=3).map("".join))
    def check(text: str) -> None:
        plain = normalize(text).text
        if regex.search(plain):
            assert has_count(plain, _words(plain)), plain

    check()


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Add to cart", False),
        ("Only a few left", True),
        ("12 people", True),
        ("a dozen guests", True),
        ("Several shoppers", True),
        ("\u0663 left", True),
    ],
)
def test_has_count(text: str, counted: bool) -> None:
    plain = normalize(text).text
    assert has_count(plain, _words(plain)) is counted


GATED = [
    (item.regex, item.gate)
    for phrase in PHRASES
    for item in phrase.patterns
    if item.gate is not None
]


def test_long_patterns_have_gates() -> None:
    assert GATED


@pytest.mark.parametrize(("source", "gate"), GATED, ids=[str(i) for i in range(len(GATED))])
def test_a_gate_passes_every_text_its_pattern_matches(source: str, gate: str) -> None:
    """The engine does not compile or run a gated pattern on texts its gate does not pass."""
    regex, gated = re.compile(source), re.compile(gate)
    glued = st.tuples(GLUE, st.from_regex(regex, fullmatch=True), GLUE).map("".join)

    @settings(max_examples=examples(60), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.one_of(glued, NOISE), min_size=1, max_size=3).map("".join))
    def check(text: str) -> None:
        plain = normalize(text).text
        if regex.search(plain):
            assert gated.search(plain), plain

    check()


WORDS_ALPHABET = "az19 .,?-_€£—ø²٣ßéZ\u00ad\u200b\t\ud83d"
"""ASCII letters and digits among letters and digits beyond ASCII (ø, ß, é, ², ٣), symbols
(€, £, —), invisible characters and a lone surrogate (a script's escape): where the byte view
of a text applies, and where not."""


@given(st.text(alphabet=WORDS_ALPHABET, max_size=30) | st.text(max_size=30))
def test_words_are_the_token_runs_of_the_normal_form(text: str) -> None:
    """The words read as bytes (texts whose letters and digits are all ASCII) are the ones the
    token pattern finds."""
    plain = normalize(text).text
    assert _words(plain) == re.findall(TOKEN, plain)


@example("Ends in 02 : 14 : 09")
@example("2 days 13:06:13 left")
@example("Hurry! 0d:12:30")
@example("Price: €49 - ends 5:00")
@given(
    st.lists(
        st.sampled_from(
            [
                "2",
                "13",
                "06",
                "days",
                "d",
                "h",
                "m",
                "s",
                ":",
                " : ",
                "03:12",
                "hurry",
                "ends in",
                "x",
            ]
        )
    ).map(" ".join)
)
def test_a_detector_finds_nothing_behind_its_closed_gate(text: str) -> None:
    """The gate is a necessary condition: the text check skips ``find`` where it is closed,
    and remembers such texts by their shape."""
    norm = normalize(text).text
    words = DETECTOR_WORDS.intersection(_words(norm))
    for detector in DETECTORS:
        if not detector.gate(norm, words):
            assert not list(detector.find(norm, words)), text
