"""Check JavaScript — inline ``<script>`` bodies, event handler attributes, extra_javascript
files — for countdowns, fake activity, exit traps and pre-selected add-ons.

No JS parser: a small lexer masks comments, strings and regex literals (keeping every
offset), so the rules read real code, and it keeps the strings for the text check. Rules
look for *shapes* (research catalogue §1.B) inside the function a timer or an event runs,
found by bracket matching and by resolving the callback's name to its definition, so a
``setInterval`` in one corner of a bundle and a ``textContent`` in another do not add up.

Static rules miss code built at run time; the runtime browser check is for that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.locate import Lines, Mapped, check_decoded, comment_markers, with_markers
from honest_offers.check.phrases import Context
from honest_offers.check.registry import Rule
from honest_offers.check.text import finding

__all__ = ["check_script"]


def check_script(js: str, path: str, *, line: int = 1, column: int = 1) -> CheckResult:
    """Check a script; findings point into ``path`` (``js`` starts at ``line``:``column``).

    ``// honest-offers: allow HO611 reason="…"`` (or ``/* … */``) allows a rule on its own
    line and the next line with code, like the HTML comment marker in pages.
    """
    return script_result(js, path, line, column, 0)


def script_result(js: str, path: str, line: int, column: int, depth: int) -> CheckResult:
    if len(js) > CACHE_LIMIT:
        return _Script(js, path, Lines(js, line, column), depth).result()
    at_origin = _result_at_origin(js, depth)
    return CheckResult(
        findings=[_moved(f, path, line, column) for f in at_origin.findings],
        suppressed=[
            Suppressed(_moved(s.finding, path, line, column), s.reason)
            for s in at_origin.suppressed
        ],
    )


@lru_cache(maxsize=512)
def _result_at_origin(js: str, depth: int) -> CheckResult:
    """The result for ``js`` alone at line 1, column 1 of no file (callers copy it). Cached:
    generators repeat the same inline scripts on every page."""
    return _Script(js, "", Lines(js), depth).result()


def _moved(found: Finding, path: str, line: int, column: int) -> Finding:
    shift = column - 1 if found.line == 1 else 0
    return replace(found, path=path, line=found.line + line - 1, column=found.column + shift)


def handler_findings(event: str, js: str, path: str, line: int, column: int) -> list[Finding]:
    """Findings of an inline handler attribute (``onmouseout="…"``): all its code runs on
    ``event``."""
    script = _Script(js, path, Lines(js, line, column), 0)
    whole = [(0, len(js))]
    found = script.findings()
    found += script.event_findings(event, 0, whole)
    return _sorted(found)


def string_text_findings(source: str, path: str, line: int, column: int) -> list[Finding]:
    """Text of the string values in JSON(-LD) or JS, checked as attribute text."""
    script = _Script(source, path, Lines(source, line, column), 0)
    return _sorted(script.text_findings("attribute"))


def _sorted(findings: list[Finding]) -> list[Finding]:
    unique = {(f.rule, f.line, f.column): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


# -- lexer --------------------------------------------------------------------------------------

_START = re.compile(r"//|/\*|[\"'`/{}]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_QUOTED = {
    '"': re.compile(r'"((?:[^"\\\n\r]|\\[\s\S])*)"?'),
    "'": re.compile(r"'((?:[^'\\\n\r]|\\[\s\S])*)'?"),
}
_TEMPLATE_CHUNK = re.compile(r"(?:[^`\\$]|\\[\s\S]|\$(?!\{))*")
_REGEX_LITERAL = re.compile(r"/(?:[^/\\\[\n\r]|\\.|\[(?:[^\]\\\n\r]|\\.)*\])+/[a-z]*")
_REGEX_AFTER = frozenset("(,=:[!&|?{};+-*%<>~^")
_REGEX_AFTER_WORDS = mr.word_set(
    "return typeof case do else in of new delete void throw yield await instanceof"
)
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|\r\n|[\s\S])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


@dataclass(slots=True)
class _String:
    """A string literal or one static chunk of a template literal."""

    start: int
    """Offset of the first character of the content (after the quote)."""
    raw: str
    template: int = -1
    """Template literals: the number shared by all chunks of one literal."""
    value: str = field(init=False)
    """The decoded value, worked out once (several rules read it)."""

    def __post_init__(self) -> None:
        self.value = _unescape(self.raw) if "\\" in self.raw else self.raw

    @property
    def end(self) -> int:
        return self.start + len(self.raw)


def _unescape(raw: str) -> str:
    return _ESCAPE.sub(_escape_match, raw)


def _escape_match(match: re.Match[str]) -> str:
    return _escape_value(match.group())


@lru_cache(maxsize=4096)
def _escape_value(escape: str) -> str:
    body = escape[1:]
    if body[:1] == "x" and len(body) == 3:
        return chr(int(body[1:], 16))
    if body[:2] == "u{":
        return chr(min(int(body[2:-1], 16), 0x10FFFF))
    if body[:1] == "u" and len(body) == 5:
        return chr(int(body[1:], 16))
    if body in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""
    return _SIMPLE_ESCAPES.get(body, body)


@dataclass(slots=True)
class _Lexed:
    code: str
    """The source with comments, strings and regex literals blanked (offsets kept)."""
    plain: str
    """The source with comments and regex literals blanked; strings kept."""
    strings: list[_String] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)


def _lex(src: str) -> _Lexed:
    strings: list[_String] = []
    blank_code: list[tuple[int, int]] = []
    blank_plain: list[tuple[int, int]] = []
    braces: list[list[int]] = []
    """Open ``${`` expressions: [brace depth inside, number of the template literal]."""
    templates = 0
    pos, size = 0, len(src)
    while (match := _START.search(src, pos)) is not None:
        at, token = match.start(), match.group()
        if token == "//":
            end = _line_end(src, at)
            blank_code.append((at, end))
            blank_plain.append((at, end))
        elif token == "/*":
            found = src.find("*/", at + 2)
            end = size if found < 0 else found + 2
            blank_code.append((at, end))
            blank_plain.append((at, end))
        elif token in _QUOTED:
            quoted = _QUOTED[token].match(src, at)
            assert quoted is not None
            end = quoted.end()
            strings.append(_String(at + 1, quoted.group(1)))
            blank_code.append((at + 1, at + 1 + len(quoted.group(1))))
        elif token == "`" or (token == "}" and braces and braces[-1][0] == 0):
            if token == "`":
                templates += 1
                number = templates
            else:
                number = braces.pop()[1]
            end = _template_chunk(src, at + 1, number, strings, blank_code, braces)
        elif token == "/":
            end = _regex_or_division(src, at, blank_code, blank_plain)
        else:
            if braces:
                braces[-1][0] += 1 if token == "{" else -1
            end = at + 1
        pos = max(end, at + 1)
    comments = [(start, end) for start, end in blank_plain if src.startswith(("//", "/*"), start)]
    return _Lexed(_blank(src, blank_code), _blank(src, blank_plain), strings, comments)


def _line_end(src: str, at: int) -> int:
    ends = [i for i in (src.find("\n", at), src.find("\r", at)) if i >= 0]
    return min(ends) if ends else len(src)


def _template_chunk(
    src: str,
    at: int,
    number: int,
    strings: list[_String],
    blank: list[tuple[int, int]],
    braces: list[list[int]],
) -> int:
    chunk = _TEMPLATE_CHUNK.match(src, at)
    end = chunk.end() if chunk else at
    strings.append(_String(at, src[at:end], template=number))
    blank.append((at, end))
    if src.startswith("${", end):
        braces.append([0, number])
        return end + 2
    return end + 1


def _regex_or_division(
    src: str, at: int, blank_code: list[tuple[int, int]], blank_plain: list[tuple[int, int]]
) -> int:
    before = src[max(0, at - 40) : at].rstrip()
    previous = before[-1:] if before else ""
    word = re.search(r"[\w$]+$", before)
    allowed = (
        not previous
        or previous in _REGEX_AFTER
        or (word is not None and word.group() in _REGEX_AFTER_WORDS)
    )
    if previous == "}":
        allowed = True
    literal = _REGEX_LITERAL.match(src, at) if allowed else None
    if literal is None:
        return at + 1
    blank_code.append((at, literal.end()))
    blank_plain.append((at, literal.end()))
    return literal.end()


def _blank(src: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return src
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        if end <= start:
            continue
        out.append(src[last:start])
        blanked = src[start:end]
        out.append(" " * len(blanked) if "\n" not in blanked else _NOT_NEWLINE.sub(" ", blanked))
        last = end
    out.append(src[last:])
    return "".join(out)


# -- shapes -------------------------------------------------------------------------------------

_IDENT = r"[A-Za-z_$][\w$]*"
_IDENT_START = "A-Za-z_$"


def _starting(chars: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, whose every match starts with one of ``chars``, behind a lookahead for
    them: the regex engine then skips other places quickly (blanked strings in bundles)."""
    return re.compile(f"(?=[{chars}])(?:{pattern})")


_CLOCK = (
    r"(?:Date\s*\.\s*now\s*\(\s*\)|\+?\s*new\s+Date\s*(?:\(\s*\))?(?!\s*\()"
    r"(?:\s*\.\s*(?:getTime|valueOf)\s*\(\s*\))?|performance\s*\.\s*now\s*\(\s*\))"
)
_CLOCK_HELPER = _starting(
    _IDENT_START,
    rf"({_IDENT})\s*=\s*(?:\(\s*\)|_)\s*=>\s*\{{?\s*(?:return\s+)?{_CLOCK}"
    rf"|\bfunction\s+({_IDENT})\s*\(\s*\)\s*\{{\s*return\s+{_CLOCK}",
)
"""A helper that only reads the clock: ``const now = () => Date.now()``."""
_DECREMENT = _starting(
    _IDENT_START + "-",
    rf"(?:({_IDENT}(?:\.{_IDENT})*)\s*(?:--|-=(?!=))|--\s*({_IDENT}(?:\.{_IDENT})*)"
    rf"|({_IDENT})\s*=(?!=)\s*(\3)\s*-(?![-=]))",
)
_TIME_ARITH = re.compile(
    r"[%/*]\s*60\b|\b(?:1e3|1000|6e4|60000|36e5|3600|3600000|864e5|86400|86400000)\b"
    r"|\.padStart\s*\(\s*2\b|\.slice\s*\(\s*-\s*2\s*\)|\.substr\s*\(\s*-\s*2|<\s*10\s*\?"
)
_TIME_DIVISOR = re.compile(rf"[/%]\s*\(?\s*({_IDENT}(?:\.{_IDENT})*)")
_TIME_UNITS = mr.word_set(
    "ms millis milliseconds sec secs second seconds min mins minute minutes hour hours hr hrs "
    "day days"
)
_DOM_WRITE = re.compile(
    r"\.(?:textContent|innerText|innerHTML|outerHTML|nodeValue)\s*\+?=(?!=)"
    r"|\.insertAdjacent(?:HTML|Text)\s*\(|\.(?:text|html)\s*\(\s*[^)\s]|document\s*\.\s*write"
)
_SCHEDULERS = {"setInterval": True, "setTimeout": False, "requestAnimationFrame": False}
"""Timer functions; True when the callback repeats by itself."""
_SCHEDULER_CALL = _starting("sr", r"\b(setInterval|setTimeout|requestAnimationFrame)\s*\(")
_SCHEDULER_ALIAS = re.compile(
    r"(?:var|let|const|[,;{}]|^)\s*(" + _IDENT + r")\s*=\s*(?:window\s*\.\s*)?"
    r"(setInterval|setTimeout|requestAnimationFrame)\b(?!\s*\()",
    re.MULTILINE,
)
_COMPUTED_CALL = re.compile(
    r"\[\s*((?:\"[^\"\n]*\"|'[^'\n]*')(?:\s*\+\s*(?:\"[^\"\n]*\"|'[^'\n]*'))*)\s*\]\s*\("
)
_NOT_CALLS = mr.word_set(
    "if for while switch catch function return typeof new await async Math String Number "
    "parseInt parseFloat Date Object Array JSON Boolean setInterval setTimeout "
    "requestAnimationFrame clearInterval clearTimeout"
)
_CALL = re.compile(rf"({_IDENT})\s*\(")
_DEFINITION = _starting(
    _IDENT_START,
    rf"\bfunction\s*\*?\s*({_IDENT})\s*\("
    rf"|(?<![\w$])({_IDENT})\s*[:=]\s*(?:async\s+)?function\b[^(]*\("
    rf"|(?<![\w$.])({_IDENT})\s*\([^()]*\)\s*\{{"
    rf"|(?<![\w$])({_IDENT})\s*[:=]\s*(?:async\s*)?(?:\([^()]*\)|{_IDENT})\s*=>",
)
"""Function definitions: ``function f(``, ``f = function(``, ``f() {`` (methods), ``f = () =>``."""
_RELATIVE_CLOCK = (
    r"Date\s*\.\s*now\s*\(\s*\)|new\s+Date\s*\(\s*\)\s*\.\s*getTime\s*\(\s*\)"
    r"|\+\s*new\s+Date(?:\s*\(\s*\))?|\.getTime\s*\(\s*\)"
)
"""Wall-clock reads that deadlines are built from (``performance.now()`` is for animation)."""
_ROLLOVER = re.compile(
    r"\.set(?:UTC)?Hours\s*\(\s*(?:23\s*,\s*59|24\s*[,)])"
    r"|Date\s*\.\s*now\s*\(\s*\)\s*%\s*(?:864e5|86400000|36e5|3600000)"
)
_END_OF_DAY = re.compile(r"\.endOf\s*\(\s*[\"']day[\"']")
_RESET = re.compile(rf"\bif\s*\(\s*({_IDENT}(?:\.{_IDENT})*)\s*(?:<=?|===?)\s*0\s*\)")
_RESET_TERNARY = re.compile(
    rf"({_IDENT})\s*(?:<=?|===?)\s*0\s*\?\s*(?!0\b)(?:[1-9][\d_]*|{_IDENT})\s*:"
)


@dataclass(frozen=True, slots=True)
class _ClockShapes:
    """Patterns built on what reads the clock in one script (``Date.now()``, or a helper)."""

    assign: re.Pattern[str]
    relative: re.Pattern[str]
    expired_then_renewed: re.Pattern[str]
    """``saved < now ? now + d : saved``, ``saved >= now ? saved : now + d`` or
    ``if (end < now) {…}`` (with ``Date.now()`` or a clock helper for ``now``)."""
    renewed: re.Pattern[str]
    clock: str


@lru_cache(maxsize=64)
def _clock_shapes(helpers: tuple[str, ...]) -> _ClockShapes:
    called = "|".join(rf"\b{re.escape(h)}\s*\(\s*\)" for h in helpers)
    clock = f"(?:{_CLOCK}|{called})" if called else _CLOCK
    relative = f"{_RELATIVE_CLOCK}|{called}" if called else _RELATIVE_CLOCK
    return _ClockShapes(
        assign=re.compile(rf"({_IDENT})\s*=(?!=)\s*{clock}"),
        relative=re.compile(
            rf"(?:{relative})\s*\+(?![+=])\s*(?=[\w$(.])"
            r"|\.set(Minutes|Hours|Seconds|Date)\s*\(\s*[\w$.]+\.get\1\s*\(\s*\)\s*\+(?![+=])"
        ),
        expired_then_renewed=re.compile(
            rf"<=?\s*{clock}\s*(\?(?=\s*{clock}\s*\+)|\))"
            rf"|>=?\s*{clock}\s*(\?)(?=[^:;]{{0,80}}:\s*{clock}\s*\+)"
        ),
        renewed=re.compile(rf"=(?!=)\s*{clock}\s*\+"),
        clock=clock,
    )


_ASSIGN = re.compile(rf"({_IDENT}(?:\.{_IDENT})*)\s*=(?!=)\s*([^;,}}\n]+)")
_ZERO_VALUE = re.compile(r"^\s*(?:0|null|false|undefined|void 0|!1|\"\s*\"|''|clear\w*\(.*)\s*$")
_RANDOM = re.compile(r"Math\s*\.\s*random\s*\(")
_ACTIVITY_TEXT = re.compile(
    r"\b(?:viewing|watching|looking at|visitors?|viewers|online now|right now|in stock|left"
    r"|remaining|sold|bought|purchased|ordered|signed up|(?:seconds?|minutes?|hours?) ago"
    r"|in (?:their|the|your) carts?|claimed|spots|seats)\b",
    re.IGNORECASE,
)
_ACTIVITY_NAMES = mr.word_set(
    "viewers viewer viewing visitors visitor watching watchers buyers sold stock "
    "inventory purchases purchased bought online shoppers people"
)
_STOCK_WORDS = mr.word_set(
    "stock inventory remaining left seats spots units qty quantity items available "
    "availability supply places tickets slots pieces pcs"
)
_TIME_LEFT_WORDS = mr.word_set("remaining left available availability")
_TIME_WORDS = mr.word_set(
    "sec secs second seconds min mins minute minutes hour hours hr hrs day days ms time "
    "timer tick ticks countdown duration delay"
)
_DEADLINE_WORDS = mr.word_set("deadline countdown timer offer sale promo")
_RESET_WORDS = mr.word_set("end deadline left remaining distance count counter target")
_WEAK_DEADLINE_WORDS = mr.word_set("end ends ending until target finish stop due limit")
_KEY_ARGUMENT = rf"(?=[\"'`]|{_IDENT}\s*[,)\]])"
_STORAGE_KEY = _starting(
    "lsCd$g",
    rf"(?:localStorage|sessionStorage)\s*(?:\.\s*(?:setItem|getItem)\s*\(\s*|\[\s*){_KEY_ARGUMENT}"
    rf"|(?:\bCookies\s*\.\s*(?:set|get)|\$\s*\.\s*cookie|\b[sg]etCookie)\s*\(\s*{_KEY_ARGUMENT}"
    r"|document\s*\.\s*cookie\s*=\s*(?=[\"'`])",
)
_STORAGE_PROPERTY = re.compile(
    rf"(?:localStorage|sessionStorage)\s*\.\s*(?!(?:setItem|getItem|removeItem|clear|key|length)\b)"
    rf"({_IDENT})"
)
_STORED_STRONG = mr.word_set("deadline deadlines countdown timer stock inventory")
_STORED_WEAK = mr.word_set("end ends expiry expires expire expiration offer")
_CHECKED = re.compile(
    r"\.(?:checked|selected)\s*=(?!=)\s*(?:true|!0|1)\b"
    r"|\.prop\s*\(\s*[\"'](?:checked|selected)[\"']\s*,\s*(?:true|!0)"
    r"|\.setAttribute\s*\(\s*[\"'](?:checked|selected)[\"']"
    r"|\.setAttribute\s*\(\s*[\"']aria-checked[\"']\s*,\s*[\"']true"
)
_LISTEN = _starting("aob", r"\b(?:addEventListener|on|one|bind)\s*\(\s*[\"']([\w.\s]+)[\"']\s*,")
_ON_PROPERTY = _starting("o", r"(?<![\w$])on(\w+)\s*=(?!=)")
_JQUERY_SHORT = re.compile(r"\.(mouseleave|mouseout|blur)\s*\(\s*(?=[\w$(])")
_CLIENT_Y = re.compile(
    r"\b(?:clientY|pageY|screenY)\s*(?:<=?)\s*(\d+)\b|\b(\d+)\s*>=?\s*[\w$.]*\b(?:clientY|pageY|screenY)\b"
)
_PROMPT = re.compile(
    r"\.preventDefault\s*\(|\breturnValue\s*=(?!=)|\breturn\s+(?![;}\s])"
    r"|=>\s*(?:[\"'`]|true\b|!0\b)"
)
"""What makes a beforeunload handler ask to stay: preventDefault, returnValue, or a return
value (``() => "Wait!"``)."""
_TRAP = re.compile(
    r"\bhistory\s*\.\s*(?:pushState|forward|go\s*\(\s*1\s*\))"
    r"|\blocation\s*(?:\.\s*href\s*)?=(?!=)|\blocation\s*\.\s*(?:replace|assign)\s*\("
)
_TITLE_WRITE = re.compile(r"\bdocument\s*\.\s*title\s*=(?!=)")
_LABEL_HINT = re.compile(r"button|btn|decline|dismiss|close|cta|link|label", re.IGNORECASE)
_HTML_IN_STRING = re.compile(r"<[A-Za-z][^<>]*>")
_WORD = re.compile(r"[^\W\d_]{3,}")
_CONCAT = re.compile(
    rf"\s*\+\s*(?:(?:{_IDENT}|\))(?:\s*\.\s*{_IDENT}|\s*\([^()]*\)|\s*\[[^\[\]]*\])*\s*\+\s*)?"
)
PLACEHOLDER = "2"
"""Stands for a value computed at run time inside joined text: "Only " + n + " left"."""
CACHE_LIMIT = 64_000
"""Scripts up to this size are cached by content (bigger ones are files, checked once)."""
SITES_MAX = 400
"""Timer calls, and ``Math.random()`` calls, analysed per script (material's bundle has about
15 timers and no random calls)."""
DEFINITIONS_MAX = 8
"""Definitions of one name followed (minified bundles reuse short names)."""
REGION_BUDGET = 40_000
"""Characters of called functions followed per timer or handler (bundles stay cheap)."""

Region = tuple[int, int]


class _Script:
    def __init__(self, src: str, path: str, lines: Lines, depth: int) -> None:
        self.src = src
        self.path = path
        self.lines = lines
        self.depth = depth
        lexed = _lex(src)
        self.code = lexed.code
        self.plain = lexed.plain
        self.strings = lexed.strings
        self.comments = lexed.comments
        self._string_starts = [s.start for s in self.strings]
        self._bodies: dict[str, list[Region]] = {}
        helpers = sorted({h for m in _CLOCK_HELPER.finditer(self.code) for h in m.groups() if h})
        self.clock = _clock_shapes(tuple(helpers))
        self.ticker_regions: list[str] = []
        self.found: list[Finding] = []

    # -- all rules --

    def result(self) -> CheckResult:
        """All findings, with the script's own suppression markers applied."""
        view, shifts = comment_markers(self.code, self.comments, self.src)
        return with_markers(_sorted(self.findings()), [], view, self.path, self.lines, shifts)

    def findings(self) -> list[Finding]:
        self.countdowns()
        self.deadlines()
        self.stored_deadlines()
        self.random_activity()
        self.preselection()
        self.events()
        self.vendor_references()
        self.found += self.text_findings("prose")
        return self.found

    def add(self, rule: Rule, offset: int, text: str | None = None) -> None:
        if text is None:
            text = self.snippet(offset)
        line, column = self.lines.at(offset)
        self.found.append(finding(rule, self.path, line, column, text))

    def snippet(self, offset: int, limit: int = 60) -> str:
        end = self.src.find("\n", offset)
        end = len(self.src) if end < 0 else end
        return self.src[offset : min(end, offset + limit)].strip()

    # -- brackets and regions --

    @cached_property
    def brackets(self) -> dict[int, int]:
        """Opening bracket offset → its closing bracket offset (unmatched: end of code)."""
        pairs: dict[int, int] = {}
        stack: list[int] = []
        closers = {")": "(", "]": "[", "}": "{"}
        for match in re.finditer(r"[(){}\[\]]", self.code):
            char, at = match.group(), match.start()
            if char in "([{":
                stack.append(at)
                continue
            while stack and self.code[stack[-1]] != closers[char]:
                pairs[stack.pop()] = at
            if stack:
                pairs[stack.pop()] = at
        for at in stack:
            pairs[at] = len(self.code)
        return pairs

    def span_until(self, start: int, stops: str) -> Region:
        """From ``start`` to the first of ``stops`` outside brackets."""
        pos, code = start, self.code
        while pos < len(code):
            char = code[pos]
            if char in stops:
                break
            if char in "([{":
                pos = self.brackets.get(pos, len(code))
            pos += 1
        return start, min(pos, len(code))

    def arguments(self, open_paren: int) -> list[Region]:
        close = self.brackets.get(open_paren, len(self.code))
        spans, pos = [], open_paren + 1
        while pos < close:
            span = self.span_until(pos, ",)")
            spans.append(span)
            pos = span[1] + 1
        return spans

    def enclosing_block(self, offset: int, limit: int = 3000) -> Region:
        """The innermost ``{…}`` around ``offset`` if short, else a window around it."""
        best: Region | None = None
        for start, end in self.brackets.items():
            if (
                start < offset < end
                and self.code[start] == "{"
                and (best is None or start > best[0])
            ):
                best = (start, end)
        if best is not None and best[1] - best[0] <= limit:
            return best
        return max(0, offset - 400), min(len(self.code), offset + 400)

    @cached_property
    def definitions(self) -> dict[str, list[tuple[bool, int]]]:
        """Function name → (is an arrow, offset after its "(" or "=>") of every definition."""
        index: dict[str, list[tuple[bool, int]]] = {}
        for match in _DEFINITION.finditer(self.code):
            arrow = match.lastindex == 4
            index.setdefault(match.group(match.lastindex or 1), []).append((arrow, match.end()))
        return index

    def bodies(self, name: str) -> list[Region]:
        """Bodies of the functions called ``name`` in this script (all definitions)."""
        if name not in self._bodies:
            found: list[Region] = []
            for arrow, end in self.definitions.get(name, ())[:DEFINITIONS_MAX]:
                found += [self.arrow_body(end)] if arrow else self.function_body(end - 1)
            self._bodies[name] = found
        return self._bodies[name]

    def function_body(self, at: int) -> list[Region]:
        """The body after a parameter list opening at ``at`` (or the ``{`` at ``at``)."""
        if self.code[at] == "{":
            return [(at, self.brackets.get(at, len(self.code)))]
        close = self.brackets.get(at, len(self.code))
        brace = self.code.find("{", close)
        if brace < 0 or self.code[close + 1 : brace].strip():
            return []
        return [(brace, self.brackets.get(brace, len(self.code)))]

    def arrow_body(self, after_arrow: int) -> Region:
        rest = self.code[after_arrow:]
        skipped = len(rest) - len(rest.lstrip())
        at = after_arrow + skipped
        if at < len(self.code) and self.code[at] == "{":
            return at, self.brackets.get(at, len(self.code))
        return self.span_until(at, ",;)]}")

    def callback(self, span: Region) -> list[Region]:
        """What runs when a callback argument is called: its body, or its definitions."""
        span = (span[0], min(span[1], span[0] + REGION_BUDGET))
        text = self.code[span[0] : span[1]]
        if "{" in text or "=>" in text:
            return [span]
        if len(text) > 200:
            return []
        regions: list[Region] = []
        for name in re.findall(_IDENT, text):
            if name not in ("this", "self", "window", "bind", "call", "apply", "function"):
                regions.extend(self.bodies(name))
        return regions

    def expand(self, regions: list[Region], depth: int = 2) -> list[Region]:
        """``regions`` plus the bodies of functions they call, ``depth`` calls deep, within
        ``REGION_BUDGET`` characters (bundles and generated code stay cheap)."""
        seen, frontier = dict.fromkeys(regions), list(regions)
        budget = REGION_BUDGET
        for _ in range(depth):
            called: list[Region] = []
            names = {n for a, b in frontier for n in _CALL.findall(self.code, a, b)}
            for body in (b for n in sorted(names - _NOT_CALLS) for b in self.bodies(n)):
                if budget <= 0:
                    return list(seen)
                if body not in seen:
                    budget -= body[1] - body[0]
                    seen[body] = None
                    called.append(body)
            frontier = called
        return list(seen)

    def region_text(self, regions: list[Region]) -> str:
        return "\n".join(self.code[start:end] for start, end in regions)

    # -- countdowns --

    def scheduler_sites(self) -> list[tuple[int, int, bool]]:
        """(offset of the call, offset of its "(", repeats by itself) for every timer call."""
        sites = [
            (m.start(), m.end() - 1, _SCHEDULERS[m.group(1)])
            for m in _SCHEDULER_CALL.finditer(self.code)
        ]
        for alias in _SCHEDULER_ALIAS.finditer(self.code):
            repeats = _SCHEDULERS[alias.group(2)]
            name = alias.group(1)
            called = _starting(re.escape(name[0]), rf"(?<![\w$.]){re.escape(name)}\s*\(")
            for call in called.finditer(self.code):
                sites.append((call.start(), call.end() - 1, repeats))
        for computed in _COMPUTED_CALL.finditer(self.plain):
            name = "".join(
                part[1:-1] for part in re.findall(r"\"[^\"]*\"|'[^']*'", computed.group(1))
            )
            if name in _SCHEDULERS and self.code[computed.start()] == "[":
                sites.append((computed.start(), computed.end() - 1, _SCHEDULERS[name]))
        return sites

    def countdowns(self) -> None:
        for site, paren, repeats in self.scheduler_sites()[:SITES_MAX]:
            arguments = self.arguments(paren)
            if not arguments:
                continue
            regions = self.expand(self.callback(arguments[0]))
            if not regions:
                continue
            repeats = repeats or any(start <= site < end for start, end in regions)
            text = self.region_text(regions)
            ticking = repeats and self.is_ticker(text)
            self.fake_depletion(regions, ticking)
            if ticking:
                self.ticker_regions.append(text)
                self.add(mr.COUNTDOWN_SCRIPT, site)
                self.timer_resets(regions)

    def is_ticker(self, text: str) -> bool:
        if _DOM_WRITE.search(text) is None or not _time_arithmetic(text):
            return False
        fresh = {m.group(1) for m in self.clock.assign.finditer(text)}
        now = self.clock.clock
        if fresh:
            now += "|\\b(?:" + "|".join(map(re.escape, fresh)) + r")\b"
        remaining = re.search(rf"[\w$)\]]\s*(?<!-)-(?![-=])\s*\(?\s*(?:{now})", text)
        return remaining is not None or _DECREMENT.search(text) is not None

    def timer_resets(self, regions: list[Region]) -> None:
        for start, end in regions:
            for match in _RESET.finditer(self.code, start, end):
                if self.resets(match):
                    self.add(mr.TIMER_RESET, match.start())
            for match in _RESET_TERNARY.finditer(self.code, start, end):
                self.add(mr.TIMER_RESET, match.start())

    def resets(self, condition: re.Match[str]) -> bool:
        """Whether the ``if (x <= 0)`` body sets the counter, or a deadline, again (not to 0)."""
        body = self.if_body(condition.end())
        counter = condition.group(1).rsplit(".", 1)[-1]
        for assignment in _ASSIGN.finditer(body):
            target = assignment.group(1).rsplit(".", 1)[-1]
            words = mr.name_words(target)
            timeish = any(w in _TIME_WORDS or w in _RESET_WORDS for w in words)
            if (target == counter or timeish) and not _ZERO_VALUE.match(assignment.group(2)):
                return True
        return False

    def if_body(self, after: int) -> str:
        """The statement or ``{…}`` block after an ``if (…)`` that ends at ``after``."""
        rest = self.code[after:]
        at = after + len(rest) - len(rest.lstrip())
        if at < len(self.code) and self.code[at] == "{":
            return self.code[at + 1 : self.brackets.get(at, len(self.code))]
        return self.code[at : self.span_until(at, ";\n}")[1]]

    def fake_depletion(self, regions: list[Region], ticking: bool) -> None:
        """Stock decremented by a timer; in a clock's ticker, "remaining" or "left" is time."""
        stock = _STOCK_WORDS - _TIME_LEFT_WORDS if ticking else _STOCK_WORDS
        for start, end in regions:
            for match in _DECREMENT.finditer(self.code, start, end):
                name = next(g for g in match.groups() if g)
                words = mr.name_words(name.rsplit(".", 1)[-1])
                if any(w in stock for w in words) and not any(w in _TIME_WORDS for w in words):
                    self.add(mr.FAKE_DEPLETION, match.start())

    # -- deadlines --

    def deadlines(self) -> None:
        for match in self.clock.relative.finditer(self.code):
            self.deadline(mr.EVERGREEN_DEADLINE, match.start())
        for match in _ROLLOVER.finditer(self.code):
            self.deadline(mr.ROLLING_DEADLINE, match.start())
        for match in _END_OF_DAY.finditer(self.plain):
            if self.in_code(match.start()):
                self.deadline(mr.ROLLING_DEADLINE, match.start())
        for match in self.clock.expired_then_renewed.finditer(self.code):
            if "?" in (match.group(1), match.group(2)) or self.clock.renewed.search(
                self.if_body(match.end())
            ):
                self.add(mr.TIMER_RESET, match.start())

    def deadline(self, rule: Rule, offset: int) -> None:
        """A computed end time counts when named like one, or when a countdown reads it."""
        target = self.assignment_target(offset)
        words = mr.name_words(target)
        strong = any(w in _DEADLINE_WORDS for w in words)
        weak = any(w in _WEAK_DEADLINE_WORDS for w in words)
        used = bool(target) and any(
            re.search(rf"(?<![\w$]){re.escape(target)}(?![\w$])", text)
            for text in self.ticker_regions
        )
        if strong or (weak and self.ticker_regions) or used:
            self.add(rule, offset)

    def assignment_target(self, offset: int) -> str:
        """The variable, property or storage key a value at ``offset`` goes to ("" if none)."""
        start = max(self.code.rfind(c, 0, offset) for c in ";{}\n") + 1
        low = max(start, offset - 200)
        receiver = re.search(rf"({_IDENT})\s*$", self.code[low:offset])
        if self.code.startswith(".set", offset) and receiver:
            return receiver.group(1)  # end.setHours(23, 59, 59)
        key = re.search(r"setItem\s*\(\s*[\"'`]([^\"'`]*)[\"'`]\s*,\s*$", self.plain[low:offset])
        if key:
            return key.group(1)
        before = re.sub(r"[\w$.\s]*$", "", self.code[low:offset])
        setter = re.search(rf"({_IDENT})\s*\.\s*set\w*\s*\(\s*(?:new\s+Date\s*\(\s*)?$", before)
        if setter:
            return setter.group(1)
        assigned = re.search(rf"({_IDENT})\s*[:=](?!=)[^=;:]*$", before)
        return assigned.group(1) if assigned else ""

    def in_code(self, offset: int) -> bool:
        return self.code[offset] == self.plain[offset]

    def string_at(self, offset: int) -> _String | None:
        """The string literal whose opening quote is at ``offset``."""
        index = bisect_right(self._string_starts, offset + 1) - 1
        if index >= 0 and self.strings[index].start == offset + 1:
            return self.strings[index]
        return None

    def stored_deadlines(self) -> None:
        has_deadline = bool(self.ticker_regions) or any(
            f.rule in (mr.EVERGREEN_DEADLINE.code, mr.ROLLING_DEADLINE.code, mr.TIMER_RESET.code)
            for f in self.found
        )
        for match in _STORAGE_KEY.finditer(self.plain):
            if not self.in_code(match.start()):
                continue
            literal = self.string_at(match.end()) or self.constant(match.end())
            if literal is not None:
                key = literal.value.split("=", 1)[0]
                self.stored(key, literal.start, has_deadline)
        for match in _STORAGE_PROPERTY.finditer(self.code):
            self.stored(match.group(1), match.start(1), has_deadline)

    def constant(self, offset: int) -> _String | None:
        """The string a name at ``offset`` was set to (``var KEY = "offer_end"``), if any."""
        name = re.match(_IDENT, self.code[offset : offset + 80])
        if name is None:
            return None
        assigned = re.search(rf"(?<![\w$.]){re.escape(name.group())}\s*=\s*(?=[\"'`])", self.plain)
        return self.string_at(assigned.end()) if assigned else None

    def stored(self, key: str, offset: int, has_deadline: bool) -> None:
        words = mr.name_words(key)
        if any(w in _STORED_STRONG for w in words) or (
            has_deadline and any(w in _STORED_WEAK for w in words)
        ):
            self.add(mr.STORED_DEADLINE, offset, key)

    # -- fake activity --

    def random_activity(self) -> None:
        for match in list(_RANDOM.finditer(self.code))[:SITES_MAX]:
            start, end = self.enclosing_block(match.start())
            if self.block_shows_activity(start, end):
                self.add(mr.RANDOM_ACTIVITY, match.start())

    def block_shows_activity(self, start: int, end: int) -> bool:
        first = bisect_right(self._string_starts, start)
        last = bisect_right(self._string_starts, end)
        texts = [s.value for s in self.strings[first:last]]
        if any(_is_text(t) and _ACTIVITY_TEXT.search(t) for t in texts):
            return True
        block = self.code[start:end]
        if _DOM_WRITE.search(block) is None:
            return False
        names = re.findall(_IDENT, block) + texts
        return any(w in _ACTIVITY_NAMES for name in names for w in mr.name_words(name))

    # -- pre-selection --

    def preselection(self) -> None:
        for match in _CHECKED.finditer(self.plain):
            if not self.in_code(match.start()):
                continue
            start = max(self.plain.rfind(c, 0, match.start()) for c in ";{}\n") + 1
            start = max(start, match.start() - 200)
            target = self.plain[start : match.start()]
            if mr.ADDON_WORDS.search(" ".join(mr.name_words(target))):
                self.add(mr.PRESELECTED, start + len(target) - len(target.lstrip()))

    # -- events --

    def events(self) -> None:
        for event, site, regions in self.handlers():
            self.found += self.event_findings(event, site, regions)

    def handlers(self) -> list[tuple[str, int, list[Region]]]:
        """(event, offset of the registration, regions of the handler) of listeners."""
        found: list[tuple[str, int, list[Region]]] = []
        for match in _LISTEN.finditer(self.plain):
            if self.in_code(match.start()):
                paren = self.code.find("(", match.start())
                arguments = self.arguments(paren)[1:]
                regions = [r for span in arguments for r in self.callback(span)]
                for event in match.group(1).split():
                    found.append((event.split(".")[0].lower(), match.start(), regions))
        for match in _ON_PROPERTY.finditer(self.code):
            span = self.span_until(match.end(), ",;)]}")
            found.append((match.group(1).lower(), match.start(), self.callback(span)))
        for match in _JQUERY_SHORT.finditer(self.code):
            span = self.span_until(match.end(), ",)")
            found.append((match.group(1), match.start(), self.callback(span)))
        return found

    def event_findings(self, event: str, site: int, regions: list[Region]) -> list[Finding]:
        before = len(self.found)
        text = self.region_text(self.expand(regions, depth=1)) if regions else ""
        if event in ("mouseout", "mouseleave") and _exit_intent(text):
            self.add(mr.EXIT_INTENT, site)
        elif event == "beforeunload" and _PROMPT.search(text):
            self.add(mr.LEAVE_PROMPT, site)
        elif event == "popstate" and _TRAP.search(text):
            self.add(mr.BACK_TRAP, site)
        elif event in ("visibilitychange", "blur") and _TITLE_WRITE.search(text):
            self.add(mr.TITLE_NAG, site)
        added = self.found[before:]
        del self.found[before:]
        return added

    # -- vendors --

    def vendor_references(self) -> None:
        for literal in self.strings:
            for start, end, vendor in vendors.references(literal.value):
                offset = literal.start + start if literal.value == literal.raw else literal.start
                self.add(vendor.rule, offset, literal.value[start:end])
        for match in vendors.GLOBALS.finditer(self.code):
            self.add(vendors.by_global(match.group()).rule, match.start(), match.group())

    # -- text in strings --

    def text_findings(self, context: Context) -> list[Finding]:
        found: list[Finding] = []
        for joined in self.joined_strings():
            text = joined.text
            if _HTML_IN_STRING.search(text) and self.depth < 4:
                found += self.html_findings(joined)
            elif _is_text(text):
                context_here = self.string_context(joined.first_source(), context)
                found += check_decoded(text, joined.mapped, context_here, self.path, self.lines)
        return found

    def string_context(self, start: int, default: Context) -> Context:
        if default != "prose":
            return default
        statement = self.code[max(0, start - 120) : start]
        return "label" if _LABEL_HINT.search(statement.rsplit(";", 1)[-1]) else "prose"

    def html_findings(self, joined: _Joined) -> list[Finding]:
        from honest_offers.check.html import nested_findings

        line, column = self.lines.at(joined.mapped().source(0))
        return nested_findings(joined.text, self.path, line, column, self.depth + 1)

    def joined_strings(self) -> list[_Joined]:
        """String values, with literals joined by ``+`` or in one template literal, and a
        placeholder for each value computed in between ("Only " + n + " left")."""
        joined: list[_Joined] = []
        current: _Joined | None = None
        previous: _String | None = None
        for literal in self.strings:
            between = self.code[previous.end + 1 : literal.start - 1] if previous else ""
            link = _link(previous, literal, between)
            if current is None or link is None:
                current = _Joined()
                joined.append(current)
            elif link:
                current.parts.append((PLACEHOLDER, previous.end if previous else literal.start))
            current.parts.append(literal)
            previous = literal
        return joined


@dataclass(slots=True)
class _Joined:
    """Literals read as one text, and placeholders (text, offset) for values between them.

    The text is decoded at once; where each character comes from is worked out only for
    texts with findings (bundles hold long strings with thousands of escapes)."""

    parts: list[_String | tuple[str, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.value if isinstance(p, _String) else p[0] for p in self.parts)

    def pieces(self) -> Iterator[tuple[str, int, bool]]:
        """(piece, source offset, verbatim) of the text, as ``Mapped.add`` takes them."""
        for part in self.parts:
            if isinstance(part, _String):
                yield from _decoded_pieces(part)
            else:
                yield part[0], part[1], False

    def mapped(self) -> Mapped:
        mapped = Mapped()
        for piece, source, verbatim in self.pieces():
            mapped.add(piece, source, verbatim)
        return mapped

    def first_source(self) -> int:
        """``mapped().sources[0]`` (0 for an empty text), without building the mapping."""
        return next((source for piece, source, _ in self.pieces() if piece), 0)


def _decoded_pieces(literal: _String) -> Iterator[tuple[str, int, bool]]:
    """A string's value in pieces, each escape mapped to where it is written."""
    raw, start = literal.raw, literal.start
    if "\\" not in raw:
        yield raw, start, True
        return
    last = 0
    for escape in _ESCAPE.finditer(raw):
        yield raw[last : escape.start()], start + last, True
        yield _escape_value(escape.group()), start + escape.start(), False
        last = escape.end()
    yield raw[last:], start + last, True


def _link(previous: _String | None, literal: _String, between: str) -> bool | None:
    """How ``literal`` continues ``previous``: None (it doesn't), False (directly), True
    (with a computed value between them)."""
    if previous is None:
        return None
    if literal.template >= 0 and literal.template == previous.template:
        return True
    if literal.template >= 0 or previous.template >= 0:
        return None
    match = _CONCAT.fullmatch(between)
    if match is None:
        return None
    return "+" in between.strip()[1:]


def _time_arithmetic(text: str) -> bool:
    """Time arithmetic other than a timer's delay argument (``setTimeout(f, 1000)``), also
    by named units (``diff / HOUR``, ``total % MS_IN_SEC``)."""
    for match in _TIME_ARITH.finditer(text):
        before = text[: match.start()].rstrip()[-1:]
        after = text[match.end() :].lstrip()[:1]
        if not (match.group()[0].isdigit() and before == "," and after == ")"):
            return True
    return any(
        not _TIME_UNITS.isdisjoint(mr.name_words(name.rsplit(".", 1)[-1]))
        for name in _TIME_DIVISOR.findall(text)
    )


def _exit_intent(text: str) -> bool:
    return any(int(m.group(1) or m.group(2)) <= 50 for m in _CLIENT_Y.finditer(text))


def _is_text(text: str) -> bool:
    """Whether a string looks like words for people rather than a key, URL or selector."""
    stripped = text.strip()
    if _WORD.search(stripped) is None or "://" in stripped:
        return False
    return " " in stripped or stripped.endswith(("!", "?"))
