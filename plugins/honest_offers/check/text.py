"""Find pressure tactics in a piece of text: the text half of the honesty check.

Matches are made on normalised text and reported on the original: the excerpt is quoted exactly
as written, with its real line and column.

Speed: every pattern is compiled once and indexed by its anchor words. A text is split into
words once and matched only against the patterns whose anchors it contains, and whose other
required words (read off the pattern itself) it holds too; in a long text only near the places
where those anchors stand.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import gc
import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from honest_offers.check import lang, misdirection, pricing, scarcity, social_proof, urgency
from honest_offers.check.caches import released_at_exit
from honest_offers.check.finding import Finding
from honest_offers.check.lexicon import COMMON_WORDS
from honest_offers.check.normalize import ascii_view, digit_shape, normalize
from honest_offers.check.pattern_store import Spec, default_store
from honest_offers.check.phrases import (
    COUNT_WORDS,
    DESCRIBED_AFTER,
    DESCRIBED_BEFORE,
    NEGATION,
    TOKEN,
    Context,
    Detector,
    PhraseRule,
    Span,
    words,
)
from honest_offers.check.registry import Rule

FAMILY_MODULES = (urgency, scarcity, social_proof, misdirection, pricing)
"""The text rule families (HO1xx-HO5xx): each module holds its rules, each rule beside its
phrase table, and exports ``PHRASES``, ``DETECTORS`` and ``DETECTOR_WORDS``. Patterns are
tried in this order."""
PHRASES: tuple[PhraseRule, ...] = tuple(p for family in FAMILY_MODULES for p in family.PHRASES)
DETECTORS: tuple[Detector, ...] = tuple(d for family in FAMILY_MODULES for d in family.DETECTORS)
DETECTOR_WORDS: frozenset[str] = frozenset().union(*(f.DETECTOR_WORDS for f in FAMILY_MODULES))

REACH = 160
"""How far a match may reach from its anchor word, before or after (patterns stay shorter)."""

_DESCRIBED_AFTER = re.compile(DESCRIBED_AFTER)
_DESCRIBED_BEFORE = re.compile(DESCRIBED_BEFORE)
_NEGATION_SCOPE = r"(?:(?! - )[^.!?;:,]){0,32}$"
"""How far a negation reaches: to the end of its clause, which a spaced dash ends too ("Don't
lose it - 2 places remaining" does not deny the places)."""
_NEGATED = re.compile(rf"\b{NEGATION}\b{_NEGATION_SCOPE}")


@cache
def _negated_in(code: str) -> re.Pattern[str]:
    """Negation before a match of a rule of language ``code``: its own words and English's."""
    if code == "en":
        return _NEGATED
    own = words(*lang.LANGUAGES[code].negation)
    return re.compile(rf"\b(?:{NEGATION}|{own})\b{_NEGATION_SCOPE}")


def phrases_of(code: str) -> tuple[PhraseRule, ...]:
    """The phrase rules of language ``code`` (English: the family modules' :data:`PHRASES`)."""
    return PHRASES if code == "en" else lang.LANGUAGES[code].phrases


_NEGATION_WINDOW = 48
_TOKEN = re.compile(TOKEN)
_ASCII_NOT_LETTER = bytes(code if 97 <= code <= 122 else 32 for code in range(256))
"""ASCII bytes → their ``[a-z]+`` words separated by spaces (a byte table: faster than
finding the words, or than translating the string)."""
_QUOTE_LIMIT = 80
_CHOSEN_LIMIT = 4096
"""At most this many anchor sets remembered per context (a bound on memory, rarely met)."""
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's match in the original text: ``text[start:end]`` is the excerpt."""

    rule: Rule
    start: int
    end: int


@dataclass(slots=True)
class _Entry:
    """One pattern of a phrase rule, compiled when a text first has its anchors.

    Most runs meet the anchors of a few dozen of the hundreds of patterns: compiling only
    those keeps start-up short.
    """

    phrase: PhraseRule
    source: str
    anchors: frozenset[str]
    counted: bool = False
    gate_source: str | None = None
    negated: re.Pattern[str] = _NEGATED
    """Negation in the pattern's language (see :func:`_negated_in`)."""
    _regex: re.Pattern[str] | None = None
    requires: tuple[frozenset[str], ...] = ()
    """Word groups a text needs a word of each of to match (see :func:`required_words`);
    known once :attr:`regex` is compiled."""
    _blind: bool | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex, self.requires = _compiled_fast(self.source)
        return self._regex

    @property
    def guard(self) -> re.Pattern[str] | None:
        unless = self.phrase.unless_before
        return _compiled(unless) if unless else None

    @property
    def gate(self) -> re.Pattern[str] | None:
        return _compiled(self.gate_source) if self.gate_source else None

    @property
    def sentence_guard(self) -> re.Pattern[str] | None:
        unless = self.phrase.unless_in_sentence
        return _compiled(unless) if unless else None

    @property
    def sources(self) -> tuple[str, ...]:
        """Every pattern that reads a text for this entry: its own, its gate, its guards, its
        negation (the patterns every entry shares: :func:`_shared_patterns_blind`)."""
        phrase = self.phrase
        found = (
            self.source,
            self.gate_source,
            phrase.unless_before,
            phrase.unless_in_sentence,
            self.negated.pattern,
        )
        return tuple(source for source in found if source)

    @property
    def digit_blind(self) -> bool:
        """Whether every pattern that reads a text for this entry treats all ASCII digits
        alike (:func:`digit_blind`): its spans are then the same in two texts that differ only
        in their digits."""
        if self._blind is None:
            self._blind = _shared_patterns_blind() and all(map(digit_blind, self.sources))
        return self._blind


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


_Chosen = tuple[tuple[re.Pattern[str] | None, _Entry], ...]


class _Candidates(NamedTuple):
    """The patterns a set of anchors chooses, all of them and split by
    :attr:`_Entry.digit_blind` (once per set of anchors, not per text)."""

    every: _Chosen
    blind: _Chosen
    rest: _Chosen


"""Patterns chosen for a text, each with its compiled form (no property to call per text), or
``None`` for a gated pattern: compiled only once a text passes its gate."""
_Ready = tuple[tuple[re.Pattern[str], _Entry], ...]


@dataclass(frozen=True, slots=True)
class _Index:
    """The patterns of one context by anchor: most texts contain few of the anchors."""

    entries: tuple[_Entry, ...]
    words: frozenset[str]
    by_word: dict[str, tuple[int, ...]]
    by_symbol: tuple[tuple[str, tuple[int, ...]], ...]
    symbols: re.Pattern[str]
    """Finds any of the symbol anchors (one search instead of one per symbol)."""
    vocabulary: frozenset[str]
    """The words any pattern or detector looks for: a text's other words are not gathered."""
    chosen: dict[tuple[frozenset[str], tuple[str, ...]], _Candidates] = field(default_factory=dict)
    """The patterns for each set of anchors met so far: texts share few anchor sets."""
    by_shape: dict[bytes, tuple[Span, ...]] = field(default_factory=dict)
    """The spans of the digit-blind patterns (:attr:`_Entry.digit_blind`) in each normalised
    text met so far with digits, by its shape (:func:`_blind_spans`)."""
    by_text_shape: dict[bytes, tuple[Hit, ...] | None] = field(default_factory=dict)
    """The hits of each original text met so far with ASCII digits, by its shape (UTF-8,
    every such digit written as ``0``), where the shape fixes them; ``None`` where it does
    not (:func:`scan`)."""


@cache
def _index(context: Context, languages: frozenset[str] = lang.EVERY) -> _Index:
    """Compile every pattern of ``context`` in ``languages`` once; "attribute" shares the
    prose patterns."""
    if context == "attribute":
        return _index("prose", languages)
    entries: list[_Entry] = []
    by_word: dict[str, list[int]] = {}
    by_symbol: dict[str, list[int]] = {}
    chosen = [
        (p, _negated_in(code))
        for code in lang.SUPPORTED
        if code in languages
        for p in phrases_of(code)
        if context in p.contexts
    ]
    for phrase, negated in chosen:
        for item in phrase.patterns:
            order = len(entries)
            entries.append(
                _Entry(phrase, item.regex, item.anchors, item.counted, item.gate, negated)
            )
            for anchor in item.anchors:
                (by_word if anchor.isalpha() else by_symbol).setdefault(anchor, []).append(order)
    return _Index(
        tuple(entries),
        frozenset(by_word),
        {word: tuple(orders) for word, orders in by_word.items()},
        tuple((symbol, tuple(orders)) for symbol, orders in by_symbol.items()),
        re.compile("|".join(re.escape(symbol) for symbol in by_symbol) or "(?!)"),
        frozenset(by_word) | DETECTOR_WORDS,
    )


def compile_all() -> None:
    """Compile the patterns now rather than on the first check (e.g. before timing a run)."""
    for context in ("prose", "label"):
        for entry in _index(context, lang.current()).entries:
            _ = entry.regex, entry.guard, entry.sentence_guard, entry.gate


def check_text(
    text: str,
    *,
    path: str,
    line: int = 1,
    column: int = 1,
    context: Context = "prose",
) -> list[Finding]:
    """Findings for ``text``, which starts at ``line``:``column`` of the file ``path``.

    ``context`` is "prose" for running text, "label" for button, link and input text (where
    confirmshaming and pressure calls to action are matched more loosely) and "attribute" for
    attribute values such as ``alt`` or ``title``.
    """
    return hit_findings(text, scan(text, context), path, line, column)


def hit_findings(
    text: str, hits: Iterable[Hit], path: str, line: int = 1, column: int = 1
) -> list[Finding]:
    """The findings of ``hits`` in ``text``, which starts at ``line``:``column`` of ``path``."""
    found = []
    for hit in hits:
        at_line, at_column = position(text, hit.start, line, column)
        found.append(finding(hit.rule, path, at_line, at_column, text[hit.start : hit.end]))
    return found


SCAN_CACHE_LIMIT = 2_000
"""Texts up to this length are scanned once per process (:func:`scan_cached`)."""


def scan_cached(
    text: str, context: Context = "prose", languages: frozenset[str] | None = None
) -> Sequence[Hit]:
    """:func:`scan`, remembered per process for texts up to :data:`SCAN_CACHE_LIMIT`:
    catalogues repeat their terms, fee names and labels from offer to offer, pages repeat
    their navigation, and a build reads each offer's sentences twice, in its YAML and on its
    rendered page. One cache for every engine, so the second reading is free.

    ``languages`` is :func:`honest_offers.check.lang.current`, if the caller has it (a
    document's strings are all read in the same languages)."""
    if len(text) > SCAN_CACHE_LIMIT:
        return scan(text, context)
    # An attribute reads as prose does (one index): a page's title and summary stand in its
    # head's attributes and in its text, and are scanned once.
    return _scan_cached(
        text,
        "prose" if context == "attribute" else context,
        lang.current() if languages is None else languages,
    )


@lru_cache(maxsize=65_536)
def _scan_cached(text: str, context: Context, languages: frozenset[str]) -> tuple[Hit, ...]:
    return tuple(scan(text, context))  # in ``languages``: the current ones, part of the key


released_at_exit(_scan_cached.cache_clear)


def scan(text: str, context: Context = "prose") -> list[Hit]:
    """Every pressure tactic in ``text``, one hit per stretch of text, in reading order, in
    the languages of the page being checked (:func:`honest_offers.check.lang.current`).

    A text with the shape of one met before (the same but for its ASCII digits: "Total
    £1,272.00 one-time payment" after "Total £1,755.00 one-time payment") has its hits when
    that one's were fixed by its shape (:func:`_scan`): nearly all catalogue texts."""
    if not text or text.isspace():
        return []
    index = _index(context, lang.current())
    shape = _shape(text)
    if shape is None:
        return _scan(text, index)[0]
    known = index.by_text_shape.get(shape, _UNKNOWN)
    if known is not None and known is not _UNKNOWN:
        return list(known)
    hits, fixed = _scan(text, index)
    if known is _UNKNOWN:
        if len(index.by_text_shape) >= _SHAPES_LIMIT:
            index.by_text_shape.clear()
        index.by_text_shape[shape] = tuple(hits) if fixed else None
    return hits


_UNKNOWN: Any = object()


def _shape(text: str) -> bytes | None:
    """:func:`.normalize.digit_shape` of ``text``; ``None`` if it holds no ASCII digit
    other than ``0`` (its shape is itself: the texts repeated whole are remembered by
    :func:`scan_cached`), or is too long to remember."""
    if len(text) > SCAN_CACHE_LIMIT:
        return None
    shape = digit_shape(text)
    return shape if shape.count(b"0") > text.count("0") else None


def _scan(text: str, index: _Index) -> tuple[list[Hit], bool]:
    """The hits in ``text``, and whether its shape fixes them (every text of its shape has
    the same hits at the same places).

    It does, for a text with digits, when only the digit-blind patterns may match
    (:func:`_blind_spans`): none of the rest passes its tests and no detector's gate opens.
    Which patterns are candidates, and which pass their count, word and gate tests, depends
    on a text's words and symbols, not on its digits: no symbol anchor and no gate of a
    pattern that tells digits apart holds a digit (a test keeps it so), and a detector's
    gate reads the shape too (:class:`~honest_offers.check.phrases.Detector`). Normalising
    keeps every ASCII digit in its place, so texts of one shape normalise to one shape."""
    norm = normalize(text)
    plain = norm.text
    tokens = _words(plain)
    words = index.vocabulary.intersection(tokens)
    spans: list[Span] = []
    candidates = _candidate_sets(plain, words, index)
    rest = candidates.every
    if rest and _DIGIT.search(plain):
        spans += _blind_spans(plain, candidates.blind, tokens, index)
        rest = candidates.rest
    chosen = _requirements_met(rest, tokens, plain) if rest else ()
    if chosen:
        spans += _searched(plain, chosen)
    opened = False
    for detector in DETECTORS:
        if detector.gate(plain, words):
            opened = True
            spans += detector.find(plain, words)
    fixed = not chosen and not opened
    if not spans:
        return [], fixed
    hits = [
        Hit(rule, *norm.original_span(start, end)) for rule, start, end in _without_overlaps(spans)
    ]
    return hits, fixed


def _searched(plain: str, chosen: _Ready) -> list[Span]:
    """The spans of the ``chosen`` patterns in ``plain``: a short text searched whole, a long
    one near the patterns' anchors."""
    spans: list[Span] = []
    if len(plain) <= 3 * REACH:
        for regex, entry in chosen:
            if regex.search(plain):  # most find nothing: one search, no call
                spans += _entry_spans(plain, entry, 0, len(plain))
    else:
        places: dict[str, list[int]] = {}
        for _, entry in chosen:
            for low, high in _windows(plain, entry.anchors, places):
                spans += _entry_spans(plain, entry, low, high)
    return spans


def _blind_spans(plain: str, blind: _Chosen, tokens: list[str], index: _Index) -> tuple[Span, ...]:
    """The spans of the digit-blind candidates (``blind``) in ``plain``, a text with digits:
    found once per shape of text, every digit written as ``0``.

    Catalogue pages differ mostly in their numbers ("Total £1,272.00 one-time payment", "Tests
    up to 37 pages"): nine in ten texts new to an offer page have the shape of one met before.
    The shape fixes everything a digit-blind pattern reads: the same letters and symbols
    choose the same candidates, their words and gates pass alike, and a digit-blind pattern
    matches at the same places (the text keeps its length). The patterns that tell one digit
    from another (a year, "24 hours", "100%") are searched in every text."""
    shape = digit_shape(plain)
    known = index.by_shape.get(shape)
    if known is None:
        known = tuple(_searched(plain, _requirements_met(blind, tokens, plain))) if blind else ()
        if len(index.by_shape) >= _SHAPES_LIMIT:
            index.by_shape.clear()
        index.by_shape[shape] = known
    return known


_SHAPES_LIMIT = 16_384
"""Shapes of text remembered per context and languages (a bound on memory)."""
_QUANTIFIER = re.compile(r"\{\d*,?\d*\}")
_PATTERN_PARTS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\{\d*,?\d*\}|[^\\[{]+|.", re.DOTALL)
"""A pattern's source in parts: an escape, a character class, a repeat's count, other text."""
_ASCII_DIGIT = re.compile("[0-9]")


@cache
def _shared_patterns_blind() -> bool:
    """Whether the patterns every entry's matches go through are digit-blind (the words that
    describe a tactic, a sentence's end)."""
    shared = (_DESCRIBED_AFTER, _DESCRIBED_BEFORE, _SENTENCE_END)
    return all(digit_blind(pattern.pattern) for pattern in shared)


def digit_blind(source: str) -> bool:
    """Whether the pattern ``source`` treats every ASCII digit alike: it then matches at the
    same places in two texts that differ only in which digits they hold.

    A pattern can tell one digit from another only by writing one: a literal, a class or
    range, an escape by code or number, a backreference; ``\\d``, ``\\w``, ``.`` and
    classes without digits take all ten alike. So: no ASCII digit in the source but in the
    counts of repeats (``{0,24}``), and neither a backreference by name nor a character by
    name (``(?P=x)``, ``\\N{…}``), which are written without one."""
    if "(?P=" in source or "\\N{" in source:
        return False
    parts = _PATTERN_PARTS.findall(source)
    written = "".join(part for part in parts if not _QUANTIFIER.fullmatch(part))
    return _ASCII_DIGIT.search(written) is None


def word_set(plain: str) -> frozenset[str]:
    """The words of lower-case ``plain``, as :func:`required_words` counts them."""
    return frozenset(_words(plain))


def _words(plain: str) -> list[str]:
    view = ascii_view(plain)
    if view is not None:
        return view.translate(_ASCII_NOT_LETTER).decode().split()
    return _TOKEN.findall(plain)


def finding(rule: Rule, path: str, line: int, column: int, excerpt: str) -> Finding:
    """A finding of ``rule`` whose message quotes ``excerpt`` (on one line, shortened)."""
    quote = _SPACE.sub(" ", excerpt).strip()
    if len(quote) > _QUOTE_LIMIT:
        quote = quote[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        path=path,
        line=line,
        column=column,
        message=rule.describe(quote),
        excerpt=excerpt,
        suggestion=rule.doc.honest,
    )


def position(text: str, offset: int, line: int = 1, column: int = 1) -> tuple[int, int]:
    """The line and column of ``text[offset]`` when ``text`` starts at ``line``:``column``."""
    newlines = text.count("\n", 0, offset)
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)


def fast_source(source: str) -> str:
    """``source`` led by a lookahead on the characters a match can start with.

    A search tries a pattern at every position of the text; most patterns start with ``\\b``
    and a long alternation, costly to try. A one-character test skips most positions, about
    twice as fast overall. Patterns whose first characters are unknown stay as they are.
    """
    return _prepared(source)[0]


def _prepared(source: str) -> tuple[str, tuple[frozenset[str], ...]]:
    """:func:`fast_source` and :func:`required_words` of ``source``, from one parse."""
    tree = _parsed(source)
    if tree is None:
        return source, ()
    first = _first_of(tree)
    return (f"(?={first}){source}" if first else source), _required_of(tree)


@cache
def _compiled_fast(source: str) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    """``source`` compiled to search fast, and its :func:`required_words`, once per process:
    the prose and label contexts share most patterns.

    The source is parsed once and the parse tree compiled as it is (``re.compile`` would parse
    the text again; parsing is most of the cost of compiling the long patterns built from word
    classes), with the characters a match starts with as its start set
    (:func:`_with_start_set`), or else the lookahead of :func:`fast_source` in front. Without
    CPython's compiler, or if it refuses the tree, the fast source is compiled as text: the
    same matches.

    The cyclic garbage collector pauses meanwhile: a parse tree is tens of thousands of small
    objects, and inside a build each collection they trigger scans the build's whole heap
    (that doubled the time patterns took to compile in a 1,000-offer build).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compile_fast(source)
    finally:
        if enabled:
            gc.enable()


def _compile_fast(source: str) -> tuple[re.Pattern[str], tuple[frozenset[str], ...]]:
    store = default_store()
    stored = store.get(source)
    if stored is not None:
        return stored
    tree = _parsed(source)
    if tree is None:
        return re.compile(source), ()
    first = _first_of(tree)
    requires = _required_of(tree)
    if _COMPILER is not None:
        try:
            spec = (_with_start_set(source, tree, first) if first else None) or _spec(tree, first)
            compiled: re.Pattern[str] = _sre.compile(*spec)
        except Exception:  # any refusal: compile the text instead
            pass
        else:
            store.put(source, spec, requires)
            return compiled, requires
    return re.compile(f"(?={first}){source}" if first else source), requires


def _spec(tree: Any, first: str | None) -> Spec:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``tree`` (led by the
    lookahead of :func:`fast_source` if ``first`` is given)."""
    if first:
        tree.data[0:0] = _SRE.parse(f"(?={first})").data
    state = tree.state
    return (None, state.flags, _COMPILER._code(tree, 0), state.groups - 1, *_group_names(state))


def _group_names(state: Any) -> tuple[dict[str, int], tuple[str | None, ...]]:
    names: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return dict(state.groupdict), tuple(names)


def _with_start_set(source: str, tree: Any, first: str) -> Spec | None:
    """``tree`` compiled with ``first`` as the set a match starts with, in the header CPython
    reads before a search: the search then skips other characters in C, without starting
    the matcher there (the lookahead of :func:`fast_source` starts it at every position).
    CPython derives that set itself only for patterns that begin with a character or a
    class, not for those that begin with ``\\b`` or a look-behind, as most of ours do.
    ``None`` when the pattern may match the empty string (no header then)."""
    low, high = tree.getwidth()
    if low == 0:
        return None
    code = _COMPILER._code(tree, 0)
    if code[0] is not _OPS.INFO:
        return None
    body = code[code[1] + 1 :]
    state = tree.state
    ((op, value),) = _SRE.parse(first).data  # a class of one character parses as it
    if op is not _OPS.IN and op is not _OPS.LITERAL:
        return None
    members, _ = _COMPILER._optimize_charset(value if op is _OPS.IN else [(op, value)])
    maxcode = _COMPILER.MAXCODE
    info = [_OPS.INFO, 0, _OPS.SRE_INFO_CHARSET, min(low, maxcode), min(high, maxcode)]
    _COMPILER._compile_charset(members, state.flags, info)  # Unicode ``\d`` as the pattern's
    info[1] = len(info) - 1
    return (source, state.flags, info + body, state.groups - 1, *_group_names(state))


try:  # CPython's own regex parser: private, so its absence only turns these speed-ups off
    _SRE: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
    _CATEGORIES = {
        _OPS.CATEGORY_DIGIT: r"\d",
        _OPS.CATEGORY_WORD: r"\w",
        _OPS.CATEGORY_SPACE: r"\s",
    }
except (ImportError, AttributeError):
    _SRE = _OPS = None
    _CATEGORIES = {}
try:
    _COMPILER: Any = importlib.import_module("re._compiler")
    if not callable(getattr(_COMPILER, "compile", None)):
        _COMPILER = None
except ImportError:
    _COMPILER = None
_REPEATS: tuple[Any, ...] = (
    (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT) if _OPS is not None else ()
)
_WORD_STARTS: tuple[Any, ...] = (
    (_OPS.AT_BOUNDARY, _OPS.AT_BEGINNING, _OPS.AT_BEGINNING_STRING) if _OPS is not None else ()
)
_ZERO_WIDTH_AT: tuple[Any, ...] = (
    (_OPS.AT_END, _OPS.AT_END_STRING, _OPS.AT_NON_BOUNDARY) if _OPS is not None else ()
)
_NOT_LETTERS: tuple[Any, ...] = (
    (_OPS.CATEGORY_DIGIT, _OPS.CATEGORY_SPACE) if _OPS is not None else ()
)


def _parsed(source: str) -> Any:
    """CPython's parse tree of ``source``; ``None`` without that parser, for a pattern it
    cannot read, or one that sets flags (what follows does not look at flags)."""
    if _SRE is None:
        return None
    try:
        tree = _SRE.parse(source)
    except (re.error, ValueError):
        return None
    return None if tree.state.flags & ~re.UNICODE else tree


def first_characters(source: str) -> str | None:
    """A character class holding the first character of every match of ``source``.

    ``None`` when a match may be empty or the pattern uses flags or constructs not followed
    here (the class then could not be trusted).
    """
    tree = _parsed(source)
    return None if tree is None else _first_of(tree)


def _first_of(tree: Any) -> str | None:
    items: set[str] = set()
    if _sequence_first(tree.data, items) is not False:
        return None
    return "[" + "".join(sorted(items)) + "]"


def required_words(source: str) -> tuple[frozenset[str], ...]:
    """Groups of words such that every match of ``source`` holds a word of each group as a
    whole word of the text (as :func:`_words` splits it).

    ``\\b(?:buy|order) (?:it|one) now`` needs "buy" or "order", and "it" or "one": a text
    with the anchor but neither verb cannot match and is not searched. A group is read where
    a word must start (after ``\\b``, a non-letter, a lookbehind ruling out a letter, or an
    item that always ends in one, such as a filler of words ``(?:[a-z]+ ){0,2}``) and every
    branch is letters up to a non-letter, ``\\b`` or the end; inside groups, in repeats done
    at least once, and across an alternation (the rarest group of each branch, joined).
    Anything else adds no group, never a wrong one.
    """
    tree = _parsed(source)
    return () if tree is None else _required_of(tree)


_WORD_CHAR = re.compile(TOKEN)
_GROUP_MAX = 256
"""Words in one group at most (a larger group is not worth checking)."""


def _required_of(tree: Any) -> tuple[frozenset[str], ...]:
    return tuple(dict.fromkeys(_groups(list(tree.data), after_letter=True)))


def _groups(items: list[tuple[Any, Any]], *, after_letter: bool) -> list[frozenset[str]]:
    """The word groups a match of ``items`` must hold, wherever they stand in it: at each
    spot where a word starts (see :func:`_word_start_after`), inside groups, in each branch
    of an alternation (a group of their words together) and in repeats done at least once.

    ``after_letter``: whether a letter may stand just before the match (unknown: it may)."""
    items = _spliced(items)
    groups: list[frozenset[str]] = []
    word_start = not after_letter
    for at, (op, value) in enumerate(items):
        if word_start and (found := _first_words(items[at:], "")):
            groups.append(frozenset(found))
        if op is _OPS.BRANCH:
            groups += _branch_group(value[1], word_start, items[at + 1 : at + 2])
        elif op in _REPEATS and value[0] >= 1:
            groups += _groups(list(value[2].data), after_letter=not word_start)
        word_start = _word_start_after(op, value, word_start)
    return groups


def _branch_group(
    branches: list[Any], word_start: bool, after: list[tuple[Any, Any]]
) -> list[frozenset[str]]:
    """One group for an alternation: the rarest group of each branch's (see :func:`_rarity`),
    joined; none if a branch has none. ``after``: the item that follows, which may end a
    branch's last word."""
    words: set[str] = set()
    for branch in branches:
        found = _groups([*branch.data, *after], after_letter=not word_start)
        if not found:
            return []
        rarest: frozenset[str] = min(found, key=_rarity)
        words |= rarest
        if len(words) > _GROUP_MAX:
            return []
    return [frozenset(words)]


def _rarity(group: frozenset[str]) -> tuple[bool, int]:
    """Groups without common words first (few texts hold them), then smaller ones."""
    return not COMMON_WORDS.isdisjoint(group), len(group)


def _spliced(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """``items`` with their groups (without flags) opened up into the sequence."""
    out: list[tuple[Any, Any]] = []
    for op, value in items:
        if op is _OPS.SUBPATTERN and not (value[1] or value[2]):
            out += _spliced(list(value[3].data))
        else:
            out.append((op, value))
    return out


def _word_start_after(op: Any, value: Any, word_start: bool) -> bool:
    """Whether, after an item, a letter that follows starts a word (no letter stands just
    before it), given whether that held before the item."""
    if op is _OPS.AT:
        return value in _WORD_STARTS or (word_start and value in _ZERO_WIDTH_AT)
    if op is _OPS.LITERAL:
        return not _WORD_CHAR.match(chr(value))
    if op is _OPS.IN:
        return _no_letter_in(value)
    if op in (_OPS.ASSERT, _OPS.ASSERT_NOT):
        direction, sub = value
        if direction < 0 and op is _OPS.ASSERT_NOT:
            return word_start or _no_word_char_before(sub)
        if direction < 0:
            return word_start or _sequence_word_start(list(sub.data), after_letter=True)
        return word_start
    if op in _REPEATS:
        low, _, sub = value
        done = _sequence_word_start(list(sub.data), after_letter=True)
        return done and (low >= 1 or word_start)
    if op is _OPS.BRANCH:
        return all(
            _sequence_word_start(list(branch.data), after_letter=not word_start)
            for branch in value[1]
        )
    if op is _OPS.SUBPATTERN and not (value[1] or value[2]):
        return _sequence_word_start(list(value[3].data), after_letter=not word_start)
    return False


def _sequence_word_start(items: list[tuple[Any, Any]], *, after_letter: bool) -> bool:
    word_start = not after_letter
    for op, value in items:
        word_start = _word_start_after(op, value, word_start)
    return word_start


def _non_letter_item(op: Any, value: Any) -> bool:
    """Whether an item matches one character, never a letter."""
    if op is _OPS.LITERAL:
        return not _WORD_CHAR.match(chr(value))
    return op is _OPS.IN and _no_letter_in(value)


def _no_letter_in(members: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a character class holds no letter."""
    for op, value in members:
        if op is _OPS.LITERAL:
            if _WORD_CHAR.match(chr(value)):
                return False
        elif op is _OPS.RANGE:
            if _range_has_letter(*value):
                return False
        elif not (op is _OPS.CATEGORY and value in _NOT_LETTERS):
            return False
    return True


@cache
def _range_has_letter(low: int, high: int) -> bool:
    """Whether a class range (code points ``low`` to ``high``) may hold a letter; the same
    ranges (``0-9``, ``a-z``) recur in every pattern."""
    return high - low > 255 or any(_WORD_CHAR.match(chr(c)) for c in range(low, high + 1))


def _no_word_char_before(sub: Any) -> bool:
    """Whether a negative lookbehind such as ``(?<![\\w.])`` rules out a letter before."""
    data = list(sub.data)
    return (
        len(data) == 1
        and data[0][0] is _OPS.IN
        and any(op is _OPS.CATEGORY and v is _OPS.CATEGORY_WORD for op, v in data[0][1])
    )


def _first_words(items: list[tuple[Any, Any]], prefix: str) -> set[str] | None:
    """The whole words a match of ``items`` can start with, after ``prefix`` (``None``: not
    sure). A word ends at a non-letter, ``\\b`` or the text's end; at the pattern's end it may
    go on. Lookarounds match nothing: the word goes on past them. A run of letters is read
    in one loop (word classes are alternations of hundreds of words)."""
    at, prefix = _letter_run(items, prefix)
    if at >= len(items) or len(prefix) > REACH:
        return None
    op, value = items[at]
    if op is _OPS.LITERAL:  # not a letter a-z
        if _WORD_CHAR.match(chr(value)):
            return None  # a letter of another script: the words' split is not followed here
        return {prefix} if prefix else None
    rest = items[at + 1 :]
    if op in (_OPS.AT, _OPS.IN):
        ends = value in (_OPS.AT_BOUNDARY, _OPS.AT_END) if op is _OPS.AT else _no_letter_in(value)
        return {prefix} if prefix and ends else None
    if op in (_OPS.ASSERT, _OPS.ASSERT_NOT):
        return _first_words(rest, prefix)
    if op is _OPS.SUBPATTERN:
        _, add_flags, del_flags, sub = value
        return None if add_flags or del_flags else _first_words([*sub.data, *rest], prefix)
    if op is _OPS.BRANCH:
        return _union(_first_words([*branch.data, *rest], prefix) for branch in value[1])
    if op in _REPEATS:
        return _repeat_words(value, rest, prefix)
    return None


def _letter_run(items: list[tuple[Any, Any]], prefix: str) -> tuple[int, str]:
    """Where the run of letters ``a``-``z`` at the start of ``items`` ends, and ``prefix``
    with them (no longer than :data:`REACH` and a letter)."""
    at = 0
    while at < len(items) and len(prefix) <= REACH:
        op, value = items[at]
        if op is not _OPS.LITERAL or not "a" <= chr(value) <= "z":
            break
        prefix += chr(value)
        at += 1
    return at, prefix


def _repeat_words(value: Any, rest: list[tuple[Any, Any]], prefix: str) -> set[str] | None:
    """:func:`_first_words` at a repeat: an optional item is followed both ways; a repeat of
    non-letters (``[ ,:-]+``) ends the word."""
    low, high, sub = value
    if high == 1:
        taken = _first_words([*sub.data, *rest], prefix)
    elif prefix and sub.data and _non_letter_item(*sub.data[0]):
        taken = {prefix}  # the repeat's first character is not a letter
    else:
        return None
    return _union([taken, _first_words(rest, prefix)] if low == 0 else [taken])


def _union(parts: Iterable[set[str] | None]) -> set[str] | None:
    words: set[str] = set()
    for part in parts:
        if part is None:
            return None
        words |= part
        if len(words) > _GROUP_MAX:
            return None
    return words


def _sequence_first(data: Sequence[tuple[object, object]], items: set[str]) -> bool | None:
    """Add what a match of ``data`` may start with to ``items``: whether it may consume
    nothing (then what follows adds its own), ``None`` if unknown."""
    for op, value in data:
        empty = _item_first(op, value, items)
        if empty is not True:
            return empty
    return True


def _item_first(op: object, value: Any, items: set[str]) -> bool | None:
    if op is _OPS.LITERAL:
        items.add(re.escape(chr(value)))
        return False
    if op is _OPS.IN:
        return _class_first(value, items)
    if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
        return True  # zero width: the match starts with what follows
    if op is _OPS.BRANCH:
        empties = [_sequence_first(branch.data, items) for branch in value[1]]
        return None if None in empties else any(empties)
    if op is _OPS.SUBPATTERN:
        _, add_flags, del_flags, sub = value
        return None if add_flags or del_flags else _sequence_first(sub.data, items)
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT):
        low, _, sub = value
        empty = _sequence_first(sub.data, items)
        return None if empty is None else empty or low == 0
    return None


def _class_first(members: Sequence[tuple[object, Any]], items: set[str]) -> bool | None:
    for op, value in members:
        if op is _OPS.LITERAL:
            items.add(re.escape(chr(value)))
        elif op is _OPS.RANGE:
            items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is _OPS.CATEGORY and value in _CATEGORIES:
            items.add(_CATEGORIES[value])
        else:
            return None  # a negated class, for instance
    return False


def _candidates(norm: str, words: frozenset[str], index: _Index) -> _Chosen:
    """The patterns whose anchors occur in ``norm`` (whose ``words`` are given), in table
    order, each with its compiled form."""
    return _candidate_sets(norm, words, index).every


def _candidate_sets(norm: str, words: frozenset[str], index: _Index) -> _Candidates:
    """:func:`_candidates`, all of them and split by :attr:`_Entry.digit_blind`."""
    symbols: tuple[str, ...] = ()
    if index.symbols.search(norm):
        symbols = tuple(symbol for symbol, _ in index.by_symbol if symbol in norm)
    key = (words, symbols)
    chosen = index.chosen.get(key)
    if chosen is None:
        if len(index.chosen) >= _CHOSEN_LIMIT:
            index.chosen.clear()
        chosen = index.chosen[key] = _anchored(index, *key)
    return chosen


def _requirements_met(chosen: _Chosen, tokens: list[str], plain: str) -> _Ready:
    """The chosen patterns that can match: with a count in the text if they need one
    (``Pattern.counted``), past their gate if they have one, and with their
    :func:`required_words` in the text. The first two are checked before a pattern is
    compiled."""
    present: set[str] | None = None
    counts: bool | None = None
    kept: list[tuple[re.Pattern[str], _Entry]] = []
    for regex, entry in chosen:
        if entry.counted:
            if counts is None:
                counts = has_count(plain, tokens)
            if not counts:
                continue
        if regex is None:
            gate = entry.gate
            if gate is not None and gate.search(plain) is None:
                continue
            regex = entry.regex
        if entry.requires:  # known now: ``regex`` is compiled
            present = set(tokens) if present is None else present
            for group in entry.requires:
                if group.isdisjoint(present):
                    break
            else:
                kept.append((regex, entry))
        else:
            kept.append((regex, entry))
    return tuple(kept)


_DIGIT = re.compile(r"\d")


def has_count(plain: str, tokens: Iterable[str]) -> bool:
    """Whether normalised text holds a digit or a count word (see ``Pattern.counted``)."""
    return _DIGIT.search(plain) is not None or not COUNT_WORDS.isdisjoint(tokens)


def _anchored(index: _Index, words: frozenset[str], symbols: tuple[str, ...]) -> _Candidates:
    found: set[int] = set()
    for word in words & index.words:
        found.update(index.by_word[word])
    for symbol, orders in index.by_symbol:
        if symbol in symbols:
            found.update(orders)
    entries = [index.entries[order] for order in sorted(found)]
    every = tuple((None if _deferred(entry) else entry.regex, entry) for entry in entries)
    blind = tuple(c for c in every if c[1].digit_blind)
    return _Candidates(every, blind, tuple(c for c in every if not c[1].digit_blind))


def _deferred(entry: _Entry) -> bool:
    """Whether ``entry`` is compiled only once a text passes its cheaper tests."""
    return entry.gate_source is not None or entry.counted


def _windows(
    norm: str, anchors: frozenset[str], places: dict[str, list[int]]
) -> Iterator[tuple[int, int]]:
    """Merged stretches within :data:`REACH` of where the anchors stand in ``norm``."""
    spots = []
    for anchor in anchors:
        if anchor not in places:
            places[anchor] = list(_places(norm, anchor))
        spots.extend(places[anchor])
    low = high = -1
    for at in sorted(spots):
        if at - REACH > high:
            if high > low:
                yield low, high
            low = max(0, at - REACH)
        high = min(len(norm), at + REACH)
    if high > low:
        yield low, high


def _places(norm: str, anchor: str) -> Iterator[int]:
    """Where ``anchor`` stands in ``norm`` (as a whole word, if it is a word)."""
    word = anchor.isalpha()
    at = norm.find(anchor)
    while at >= 0:
        end = at + len(anchor)
        if not word or (
            (at == 0 or not norm[at - 1].isalpha())
            and (end == len(norm) or not norm[end].isalpha())
        ):
            yield at
        at = norm.find(anchor, at + 1)


def _entry_spans(norm: str, entry: _Entry, low: int, high: int) -> list[Span]:
    """Matches of one pattern that start in ``norm[low:high]``.

    A search that stops short of the text's end could see an end of text that is not there,
    so each match it finds is confirmed on the whole text.
    """
    spans: list[Span] = []
    pos = low
    phrase = entry.phrase
    regex = entry.regex
    truncated = high < len(norm)
    while match := regex.search(norm, pos, high):
        start = match.start()
        if truncated:
            match = regex.match(norm, start)
            if match is None:
                pos = start + 1
                continue
        end = match.end()
        guard = entry.guard if phrase.unless_before else None
        if (
            (phrase.negatable and _is_negated(norm, start, entry.negated))
            or _is_described(norm, start, end)
            or (guard is not None and guard.search(norm, _sentence_start(norm, start), start))
            or (phrase.unless_in_sentence and _in_sentence(norm, entry, start, end))
        ):
            pos = start + 1
            continue
        if end > start:
            spans.append((phrase.rule, start, end))
        pos = max(end, start + 1)
    return spans


def _is_described(norm: str, start: int, end: int) -> bool:
    """Whether the match names a tactic rather than uses it (see :data:`DESCRIBED_AFTER`)."""
    return (
        _DESCRIBED_AFTER.match(norm, end) is not None
        or _DESCRIBED_BEFORE.search(norm, max(0, start - _NEGATION_WINDOW), start) is not None
    )


def _is_negated(norm: str, start: int, negated: re.Pattern[str] = _NEGATED) -> bool:
    return negated.search(norm, max(0, start - _NEGATION_WINDOW), start) is not None


_SENTENCE_REACH = 200
"""How far a sentence guard looks from the match, before and after."""
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _in_sentence(norm: str, entry: _Entry, start: int, end: int) -> bool:
    """Whether the entry's sentence guard matches the sentence holding ``norm[start:end]``."""
    guard = entry.sentence_guard
    if guard is None:
        return False
    low = max(0, start - _SENTENCE_REACH)
    cut = max(norm.rfind(". ", low, start), norm.rfind("! ", low, start))
    cut = max(cut, norm.rfind("? ", low, start))
    first = cut + 2 if cut >= 0 else low
    stop = _SENTENCE_END.search(norm, end, end + _SENTENCE_REACH)
    last = stop.end() if stop else min(len(norm), end + _SENTENCE_REACH)
    return guard.search(norm[first:last]) is not None


def _sentence_start(norm: str, start: int) -> int:
    low = max(0, start - _NEGATION_WINDOW)
    return max(norm.rfind(".", low, start), norm.rfind("!", low, start), low - 1) + 1


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the earliest (then longest) span of each overlapping group."""
    kept: list[Span] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s[1], -s[2], s[0].code)):
        if span[1] >= reach:
            kept.append(span)
            reach = span[2]
    return kept
