"""Segments: what a page shares with other pages (head, header, navigation, footer) is read
once, and replayed on every other page that has it.

:class:`SegmentReader` is the walker's memory of a page (findings, suppressions, comments,
pre-selected choices, ``<label for>`` texts) with the cache around it: at a segment boundary
(a line start where nothing is open) it looks the following text up, replays what reading it
did before, or records it. See :class:`Segment` for why replaying is exact.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass, replace

from honest_offers.check.caches import released_at_exit
from honest_offers.check.finding import Finding, Suppressed
from honest_offers.check.html.markup import Choice
from honest_offers.check.html.tokenizer import NEXT_LINE_TOKEN, Chunk
from honest_offers.check.locate import Lines

SEGMENT_MAX = 16_384
"""Longest stretch of a page remembered as one segment (characters)."""
SEGMENT_KEY_MAX = 2_048
"""Longest first line of a remembered segment."""
SEGMENTS_MAX = 8_192
"""Distinct first lines remembered (least recently used are dropped)."""
SEGMENTS_PER_KEY = 4
SEEN_MAX = 65_536
"""First lines seen once (by hash) before the oldest are forgotten."""


@dataclass(slots=True)
class Recording:
    """A segment being read (or a run of replayed ones): where it starts, where its first
    token is, and how much the walker had collected before it."""

    start: int
    first: int
    findings: int
    suppressed: int
    comments: int
    choices: int
    labels: int
    count: int = 0
    text_end: int = 0
    pos_end: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """What reading ``text`` from a neutral state did: where reading stopped (``end``), and
    the findings, suppressions, comments and ``<label for>`` texts it produced, as found at
    ``line``:``column`` of ``path``.

    A neutral state: at a line start, no text block pending, no capture and no code element
    open. The walker keeps no other state that reading depends on, so reading the same text
    from a neutral state again does exactly the same, and the results only move to their new
    place. The tokenizer reads no further than the segment either: a token that ran past it
    would have ended the segment elsewhere, and the one way to look past it without running
    past it (a quote left open inside a tag) is excluded when the segment is remembered.
    Segments that leave a pre-selected choice waiting for its label are never remembered.

    Generated pages repeat their head, header, navigation and footer: those are read once.
    """

    text: str
    first: int
    """Offset of the first token in ``text`` (after the indentation)."""
    end: int
    line: int
    column: int
    path: str
    findings: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    comments: tuple[tuple[int, str], ...]
    labels: tuple[tuple[str, tuple[Chunk, ...]], ...]


Cache = OrderedDict[str, list[Segment]]
"""Remembered segments by their first line, most recently used last."""
SEGMENTS: Cache = OrderedDict()
"""The cache of every page read at the top (not of components, nor of nested HTML)."""
_SEEN: set[int] = set()
"""Hashes of first lines seen at a segment boundary."""
UNMATCHED_MAX = 8
"""Times in a row a remembered first line may be followed by text none of its segments
holds (each time what follows is remembered too) before it is no longer remembered."""
_UNMATCHED: dict[int, int] = {}
"""Hashes of remembered first lines, with the times in a row none of their segments matched
(as many as lines are remembered, :data:`SEGMENTS_MAX`)."""


_FOLLOWED_BY: dict[int, tuple[Segment, Segment]] = {}
"""For a segment replayed (by id, with the segment itself: an id is only unique while its
object lives), the segment replayed right after it last time. Pages repeat their chrome in
one order, so the next segment is tried there first, without looking its first line up;
like any segment, it is replayed only where its text stands and reading reaches it from a
neutral state (see :class:`Segment`), so the shortcut changes nothing but the time."""


def _remember(key: str, segment: Segment) -> None:
    known = SEGMENTS.get(key)
    if known is None:
        SEGMENTS[key] = [segment]
        if len(SEGMENTS) > SEGMENTS_MAX:
            SEGMENTS.popitem(last=False)
        return
    SEGMENTS.move_to_end(key)
    known.insert(0, segment)
    del known[SEGMENTS_PER_KEY:]


def clear_segments() -> None:
    """Forget every remembered segment (tests compare results with and without them)."""
    SEGMENTS.clear()
    _SEEN.clear()
    _UNMATCHED.clear()
    _FOLLOWED_BY.clear()


released_at_exit(clear_segments)


_OPENS_VALUE = {quote: re.compile(rf"=\s*{quote}") for quote in "\"'"}
"""Where a quoted attribute value may open, as the tokenizer reads one."""
_AFTER_ALL = sys.maxsize


class SegmentReader:
    """A page being read, with what reading it has collected so far, and the segment cache."""

    def __init__(self, html: str, path: str, lines: Lines) -> None:
        self.html = html
        self.path = path
        self.lines = lines
        self.findings: list[Finding] = []
        self.suppressed: list[Suppressed] = []
        self.comments: list[tuple[int, str]] = []
        self.choices: list[Choice] = []
        self.label_for: dict[str, list[list[Chunk]]] = {}
        self.labels: list[tuple[str, list[Chunk]]] = []
        """``<label for>`` texts in the order read (``label_for`` by id)."""
        self.replayed: Recording | None = None
        """The remembered segments replayed one after the other just now."""
        self.recorded: Recording | None = None
        """The segment being recorded since the last boundary."""
        self.raw_bodies: list[tuple[int, int]] = []
        """Where the scripts, styles and other raw text read so far stand (start, end), in
        the order read."""

    def at_boundary(self, cache: Cache, boundary: int, pos: int, start: int) -> int | None:
        """At a segment boundary (a line starts at ``boundary``, its first token at ``start``,
        reading was at ``pos``): keep the segment just read, then replay the one that follows
        and return where reading goes on, or begin recording it (None: read on)."""
        if self.recorded is not None:
            self.remember(self.recorded, boundary, pos)
            self.recorded = None
        found = self.lookup(cache, boundary, start)
        if isinstance(found, Segment):
            pos, self.recorded = self.replay_all(cache, found, boundary)
            return pos
        if self.replayed is not None:
            self.remember_run(self.replayed)
        if found:
            self.recorded = self.recording(boundary, start - boundary)
        return None

    def end_run(self) -> None:
        """Reading went on after replayed segments: they become one segment."""
        if self.replayed is not None:
            self.remember_run(self.replayed)

    def recording(self, boundary: int, first: int) -> Recording:
        return Recording(
            boundary,
            first,
            len(self.findings),
            len(self.suppressed),
            len(self.comments),
            len(self.choices),
            len(self.labels),
        )

    def lookup(self, cache: Cache, boundary: int, start: int) -> Segment | bool:
        """The remembered segment at ``boundary`` (its first token at ``start``); else
        whether to remember what follows (only once its first line has been seen before:
        most lines that come once, a page's own text, never come again)."""
        html = self.html
        first_end = html.find("\n", boundary) + 1
        if first_end <= 0 or first_end - boundary > SEGMENT_KEY_MAX:
            return False
        key = html[boundary:first_end]
        segments = cache.get(key)
        if segments is None:
            seen = hash(key)
            if seen in _SEEN:
                return True
            if len(_SEEN) >= SEEN_MAX:
                _SEEN.clear()
            _SEEN.add(seen)
            return False
        cache.move_to_end(key)
        for segment in segments:
            if start - boundary == segment.first and html.startswith(segment.text, boundary):
                if _UNMATCHED:
                    _UNMATCHED.pop(hash(key), None)
                return segment
        # None of its segments came back: a line that heads a page's own text (the header's
        # title, a price) is not remembered again and again.
        line = hash(key)
        unmatched = _UNMATCHED.get(line, 0)
        if unmatched >= UNMATCHED_MAX:
            return False
        if not unmatched and len(_UNMATCHED) >= SEGMENTS_MAX:
            _UNMATCHED.clear()
        _UNMATCHED[line] = unmatched + 1
        return True

    def remember(self, recording: Recording, boundary: int, pos: int) -> None:
        """Keep what reading ``html[recording.start:boundary]`` from a neutral state did."""
        if len(self.choices) != recording.choices:
            return  # a pre-selected choice waits for labels that may come later
        html = self.html
        text = html[recording.start : boundary]
        # Tokens end inside the segment, but a tag with an unclosed quote ("<a title="x>")
        # makes the tokenizer look for the closing quote up to the end of the page: only if
        # the page has that quote after the segment, or no value in a tag of the segment
        # opens with it, is the segment's reading its own.
        for quote in "\"'":
            if (
                quote in text
                and html.find(quote, boundary) < 0
                and self.opens_value(quote, recording.start, boundary)
            ):
                return
        self.keep(recording, boundary, pos)

    def opens_value(self, quote: str, start: int, end: int) -> bool:
        """Whether an attribute value in a tag of ``html[start:end]`` may open with
        ``quote``: an ``=`` and the quote outside the scripts and styles read there (a
        Material page's colour-palette script quotes its selectors with ``'``, which the
        rest of the page does not use)."""
        bodies = self.raw_bodies
        for match in _OPENS_VALUE[quote].finditer(self.html, start, end):
            at = match.start()
            inside = bisect_right(bodies, (at, _AFTER_ALL)) - 1  # the last body begun here
            if inside < 0 or bodies[inside][1] <= at:
                return True
        return False

    def remember_run(self, run: Recording) -> None:
        """Segments replayed one after the other become one segment (the next page then
        replays the whole stretch at once)."""
        self.replayed = None
        if run.count > 1:
            self.keep(run, run.text_end, run.pos_end)

    def keep(self, recording: Recording, boundary: int, pos: int) -> None:
        start = recording.start
        if boundary - start > SEGMENT_MAX:
            return
        text = self.html[start:boundary]
        findings = tuple(self.findings[recording.findings :])
        suppressed = tuple(self.suppressed[recording.suppressed :])
        line, column = self.lines.at(start) if findings or suppressed else (0, 0)
        segment = Segment(
            text=text,
            first=recording.first,
            end=pos - start,
            line=line,
            column=column,
            path=self.path,
            findings=findings,
            suppressed=suppressed,
            comments=tuple((at - start, body) for at, body in self.comments[recording.comments :]),
            labels=tuple(
                (name, tuple((at - start, raw) for at, raw in chunks))
                for name, chunks in self.labels[recording.labels :]
            ),
        )
        _remember(text[: text.index("\n") + 1], segment)

    def replay(self, segment: Segment, boundary: int) -> int:
        """Apply what reading ``segment`` at ``boundary`` does; return where reading goes on."""
        run = self.replayed
        if run is None:
            run = self.replayed = self.recording(boundary, segment.first)
        if segment.findings or segment.suppressed:
            line, column = self.lines.at(boundary)
            lines, columns = line - segment.line, column - segment.column

            def moved(found: Finding) -> Finding:
                if not lines and not columns and found.path == self.path:
                    return found
                shift = columns if found.line == segment.line else 0
                return replace(
                    found, path=self.path, line=found.line + lines, column=found.column + shift
                )

            self.findings += [moved(f) for f in segment.findings]
            self.suppressed += [Suppressed(moved(s.finding), s.reason) for s in segment.suppressed]
        if segment.comments:
            self.comments += [(boundary + at, body) for at, body in segment.comments]
        for name, chunks in segment.labels:
            self.add_label(name, [(boundary + at, raw) for at, raw in chunks])
        run.count += 1
        run.text_end = boundary + len(segment.text)
        run.pos_end = boundary + segment.end
        return run.pos_end

    def replay_all(
        self, cache: Cache, segment: Segment, boundary: int
    ) -> tuple[int, Recording | None]:
        """Replay ``segment`` and the remembered segments right after it, looked up without
        the tokenizer: after a segment nothing is open, so a line that starts with white
        space and a token is a boundary. Returns where reading goes on, and the recording
        begun there, as ``run`` would have done."""
        html = self.html
        while True:
            pos = self.replay(segment, boundary)
            line = NEXT_LINE_TOKEN.match(html, pos)
            if line is None:
                return pos, None
            start = line.end()
            boundary = html.rfind("\n", pos, start) + 1
            followed = _FOLLOWED_BY.get(id(segment))
            if followed is not None and followed[0] is segment:
                after = followed[1]  # what followed it last time: most likely again
                if start - boundary == after.first and html.startswith(after.text, boundary):
                    segment = after
                    continue
            found = self.lookup(cache, boundary, start)
            if not isinstance(found, Segment):
                if self.replayed is not None:
                    self.remember_run(self.replayed)
                return start, self.recording(boundary, start - boundary) if found else None
            if len(_FOLLOWED_BY) >= SEGMENTS_MAX:
                _FOLLOWED_BY.clear()
            _FOLLOWED_BY[id(segment)] = (segment, found)
            segment = found

    def add_label(self, name: str, chunks: list[Chunk]) -> None:
        """The text of a ``<label for="name">``, for a choice with that id."""
        self.label_for.setdefault(name, []).append(chunks)
        self.labels.append((name, chunks))
