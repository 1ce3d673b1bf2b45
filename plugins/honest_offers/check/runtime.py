"""HO618: visible text that changes by itself, found by loading built pages in Chromium.

The static rules read markup and scripts; code that is obfuscated (built from character
codes, run through ``eval`` or ``Function``) gets past them. This check runs the page
instead. Each HTML page of a built site is served on 127.0.0.1 and opened in headless
Chromium (through Playwright) with a controlled clock:

1. the clock starts at the time of the run and the page loads as usual, until its
   requests are done;
2. the clock is paused :data:`SETTLE_MS` after the start, so start-up work is done, and the
   visible text is read (every text node that is rendered, keyed by its element's place in
   the page);
3. the clock runs on for :data:`WATCH_MS` (every timer and animation frame due in that time
   fires, in order, without waiting in real time) and the text is read again;
4. the page is loaded a second time, in a fresh browser context whose ``Math.random``
   gives other numbers, and read at the same moment as in step 2.

Text that differs between steps 2 and 3 changes over time (a ticking timer, a rotating
"people are viewing" counter, a toast that appears); text that differs between steps 2 and
4 changes from visit to visit (a random counter). Each is a finding of HO618, located at the
changed element in the page's HTML where it can be found there.

No request leaves the machine: every request that does not go to the local server goes to
a proxy address where nothing listens (so it fails), and Chromium resolves no host name but
127.0.0.1. The browser does this itself, without a round trip to Python per request, and
keeps its cache: a site's scripts and styles are fetched once per visitor, not per page.

Playwright is an optional dependency (``pip install 'honest-offers[browser]'``), imported
only when the check runs; it drives an installed Chromium (default
:data:`DEFAULT_CHROMIUM`, or ``HONEST_OFFERS_CHROMIUM``) and never downloads a browser.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.locate import Lines
from honest_offers.check.runtime_rules import TEXT_CHANGES as TEXT_CHANGES  # re-exported
from honest_offers.check.suppress import MIN_REASON, apply_suppressions, parse_markers
from honest_offers.diagnostics import Problem
from honest_offers.load.discover import display_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, Response

CHROMIUM_ENV = "HONEST_OFFERS_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
BROWSER_FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Nothing may leave the machine: no host name but 127.0.0.1 resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
SETTLE_MS = 1_000
"""Clock time a page gets to start up (run its start-up timers) before the first read. Text
that appears later than this, once, is reported too (a toast "Anna just booked this")."""
WATCH_MS = 10_000
"""Clock time between the two reads: timers up to this interval fire at least once."""
QUIET_MS = 200
"""After the load event, the first read waits until the page has had no request under way
for this long (real time): data a page fetches to fill in its text is not a change."""
QUIET_TIMEOUT_S = 5.0
"""At most this long (real time), for pages that never stop fetching."""
MAX_SCRIPT_ERRORS = 100
"""Errors thrown by a page's timers while its clock runs, before the page counts as broken."""
LOAD_TIMEOUT_MS = 30_000
"""Real time a page may take to load before it is reported as a problem."""
MAX_FINDINGS_PER_PAGE = 10
"""Beyond this, a page that changes everywhere gets one summary finding instead of more."""
_QUOTE = 60
"""Characters of changed text quoted in a finding."""


_INIT_SCRIPT = """
(() => {
  // A seeded Math.random, so that two visits differ reproducibly (mulberry32).
  let state = %d >>> 0;
  Math.random = function random() {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
"""

_READ_TEXT = """
() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const known = new Map();  // each element's place, worked out once for all its text
  const where = (el) => {
    if (!el || el.nodeType !== 1) return [];
    let parts = known.get(el);
    if (parts) return parts;
    let nth = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      if (s.localName === el.localName) nth++;
    }
    parts = [...where(el.parentElement), [el.localName, nth, el.id || '']];
    known.set(el, parts);
    return parts;
  };
  const places = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.data.replace(/\\s+/g, ' ').trim();
    if (!text || !el || skip.has(el.tagName)) continue;
    if (!el.checkVisibility({
      checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true,
    })) continue;
    const parts = where(el);
    const key = JSON.stringify(parts);
    const allowing = el.closest('[data-honest-offers-allow]');
    const allow = allowing ? allowing.getAttribute('data-honest-offers-allow') : '';
    if (places[key]) places[key].text += ' ' + text;
    else places[key] = { parts: parts, text: text, allow: allow };
  }
  return Object.values(places);
}
"""

Part = tuple[str, int, str]
"""One step of an element's place in the page: tag name, n-th of its type, id (or "")."""


class BrowserCheckError(Exception):
    """The browser check cannot run at all (no Playwright, no Chromium, a wrong PATH);
    the message is one line for the terminal."""


@dataclass(frozen=True, slots=True)
class Change:
    """Text at one place in a page that differed between two reads."""

    parts: tuple[Part, ...]
    """The element's place, from ``html`` down."""
    before: str
    after: str
    kind: str
    """``"over time"`` or ``"between visits"``."""
    allow: str = ""
    """The element's ``data-honest-offers-allow`` (``"HO618: why"``), if any."""

    @property
    def place(self) -> str:
        """A short CSS selector: the element with an id, or the last two steps."""
        steps: list[str] = []
        for name, nth, ident in reversed(self.parts):
            if ident:
                steps.insert(0, f"{name}#{ident}")
                break
            steps.insert(0, f"{name}:nth-of-type({nth})" if nth > 1 else name)
            if len(steps) == 2:
                break
        return " > ".join(steps)


@dataclass(slots=True)
class Site:
    """A folder served as the site root, and the pages in it to open."""

    root: Path
    pages: list[Path] = field(default_factory=list)


def chromium_path(explicit: str | Path | None = None) -> str:
    """``--chromium``, else ``HONEST_OFFERS_CHROMIUM``, else :data:`DEFAULT_CHROMIUM`."""
    return str(explicit or os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM)


def check_sites(
    sites: Sequence[Site],
    cwd: Path,
    *,
    chromium: str | None = None,
    on_page: Callable[[str], None] | None = None,
    browser: Browser | None = None,
) -> tuple[CheckResult, list[Problem]]:
    """HO618 over every page of ``sites``; pages that cannot be loaded become problems.

    Checks the pages in the Playwright ``browser`` given, one after another; else starts
    :data:`LANES` Chromiums (``chromium``, see :func:`chromium_path`), each in a thread of
    its own (one Playwright per thread), that check every other page at the same time.
    """
    start = float(int(time.time()))
    if browser is not None:
        return _check(sites, cwd, browser, start, on_page)
    return _in_lanes(sites, cwd, chromium_path(chromium), start, on_page)


LANES = 2
"""Chromiums that check a site's pages at the same time. A page's time is mostly waiting
(for it to load, for its requests to be quiet), which another page's work fills."""


def _in_lanes(
    sites: Sequence[Site],
    cwd: Path,
    executable: str,
    start: float,
    on_page: Callable[[str], None] | None,
) -> tuple[CheckResult, list[Problem]]:
    """The pages, dealt out in turn to at most :data:`LANES` Chromiums; the results in
    report order, whichever lane found them."""
    count = max(1, min(LANES, sum(len(site.pages) for site in sites)))
    lock = threading.Lock()

    def advance(display: str) -> None:
        if on_page is not None:
            with lock:
                on_page(display)

    def lane(index: int) -> tuple[CheckResult, list[Problem]]:
        mine = [Site(s.root, s.pages[index::count]) for s in sites if s.pages[index::count]]
        with _browser(executable) as started:
            return _check(mine, cwd, started, start, advance)

    with ThreadPoolExecutor(count, thread_name_prefix="honest-offers-browser") as pool:
        done = list(pool.map(lane, range(count)))
    result = CheckResult()
    problems: list[Problem] = []
    for found, more in done:
        result.extend(found)
        problems += more
    result.findings.sort(key=Finding.sort_key)
    result.suppressed.sort(key=lambda allowed: allowed.finding.sort_key())
    return result, sorted(problems, key=Problem.sort_key)


def _check(
    sites: Sequence[Site],
    cwd: Path,
    browser: Browser,
    start: float,
    on_page: Callable[[str], None] | None,
) -> tuple[CheckResult, list[Problem]]:
    """Every page of ``sites`` in ``browser``, in turn, each site served on its own port."""
    from honest_offers.loopback import KeptHandler, serve_folder  # only when checking

    result = CheckResult()
    problems: list[Problem] = []
    for site in sites:
        with serve_folder(site.root, KeptHandler) as base_url, _nowhere() as proxy:
            first = _Visitor(browser, base_url, seed=1, start=start, proxy=proxy)
            second = _Visitor(browser, base_url, seed=2, start=start, proxy=proxy)
            try:
                for page_path in site.pages:
                    display = display_path(page_path.absolute(), cwd.resolve())
                    url = base_url + page_path.relative_to(site.root).as_posix()
                    try:
                        changes = page_changes(first, second, url)
                    except PageLoadError as exc:
                        problems.append(_load_problem(display, str(exc)))
                    else:
                        result.extend(_findings(changes, page_path, display))
                    problems += [
                        _missing_script(display, url + status)
                        for url, status in first.missing_scripts.items()
                    ]
                    if on_page is not None:
                        on_page(display)
            finally:
                first.close()
                second.close()
    return result, problems


class PageLoadError(Exception):
    """A page that did not load (time-out, crash); the message says why."""


def page_changes(first: _Visitor, second: _Visitor, url: str) -> list[Change]:
    """What changes by itself on the page at ``url``: over time (``first`` reads it twice)
    and between two visits (``first`` and ``second``, whose random numbers differ)."""
    before, later = first.visit(url, watch=True)
    other, _ = second.visit(url, watch=False)
    changes = _compare(before, later, "over time")
    seen = {change.place for change in changes}
    changes += [c for c in _compare(before, other, "between visits") if c.place not in seen]
    return changes


@dataclass(frozen=True, slots=True)
class _Reading:
    text: dict[tuple[Part, ...], str]
    """Visible text by element, in page order."""
    allow: dict[tuple[Part, ...], str]
    """``data-honest-offers-allow`` of the element or its closest ancestor that has one."""


class _Visitor:
    """One browser context with its own clock and random numbers, visiting pages in turn.

    Every visit sets the clock to ``start`` (Unix time) before it loads the page and reads
    it at ``start`` + :data:`SETTLE_MS` (unless loading took longer), so that two visitors
    see the same date and time.
    """

    def __init__(
        self, browser: Browser, origin: str, *, seed: int, start: float, proxy: str
    ) -> None:
        self.context = browser.new_context(
            service_workers="block",
            # Only the served site's host and port are reached directly: every other address
            # (another port of this machine, an IP address) goes to ``proxy`` and fails.
            proxy={"server": proxy, "bypass": urlsplit(origin).netloc},
        )
        self.context.add_init_script(_INIT_SCRIPT % seed)
        self.page = self.context.new_page()
        self.page.set_default_timeout(LOAD_TIMEOUT_MS)
        self.page.clock.install(time=start)
        self.start = start
        self.pending: set[Request] = set()
        self.last_request = time.monotonic()
        self.missing_scripts: dict[str, str] = {}
        """Scripts the page asked for that did not load (address → its HTTP status, if
        any), since the last visit began."""
        self.context.on("request", self._started)
        self.context.on("requestfinished", self._ended)
        self.context.on("requestfailed", self._ended)
        self.context.on("requestfailed", self._script_failed)
        self.context.on("response", self._script_answered)

    def visit(self, url: str, *, watch: bool) -> tuple[_Reading, _Reading | None]:
        self.missing_scripts = {}
        try:
            self.page.clock.set_system_time(self.start)
            self.page.clock.resume()
            self.page.goto(url, wait_until="load")
            self._wait_for_requests()
            self._pause_at(self.start + SETTLE_MS / 1000)
            before = _read(self.page)
            after = None
            if watch:
                self._run_clock(WATCH_MS)
                after = _read(self.page)
        except Exception as exc:  # Playwright raises its own Error and TimeoutError
            raise PageLoadError(_first_line(exc)) from None
        return before, after

    def _run_clock(self, ms: int) -> None:
        """Run the page's clock ``ms`` on. A timer whose code throws (a site-wide script
        whose element is not on this page) stops Playwright's run at that timer, where a
        browser would go on with the next one: so the run goes on from there, up to
        :data:`MAX_SCRIPT_ERRORS` times."""
        until = float(self.page.evaluate("Date.now()")) + ms
        for _ in range(MAX_SCRIPT_ERRORS):
            left = int(until - float(self.page.evaluate("Date.now()")))
            if left <= 0:
                return
            try:
                self.page.clock.run_for(left)
            except Exception as exc:
                if not _script_error(exc):
                    raise
            else:
                return
        raise PageLoadError(f"more than {MAX_SCRIPT_ERRORS} script errors while it ran")

    def _pause_at(self, moment: float) -> None:
        """Pause the clock at ``moment``; or soon, if the page took longer than
        :data:`SETTLE_MS` to load (the clock runs meanwhile, so this may take a retry). The
        jump fires the timers due on the way: one that throws stops it there, and it goes on,
        as in :meth:`_run_clock`."""
        late = 0
        for _ in range(MAX_SCRIPT_ERRORS):
            now = float(self.page.evaluate("Date.now() / 1000"))
            try:
                self.page.clock.pause_at(max(moment, now + 0.2))
            except Exception as exc:
                late += "past" in str(exc)
                if late > 2 or not ("past" in str(exc) or _script_error(exc)):
                    raise
            else:
                return
        raise PageLoadError(f"more than {MAX_SCRIPT_ERRORS} script errors while it started")

    def _started(self, request: Request) -> None:
        self.pending.add(request)
        self.last_request = time.monotonic()

    def _ended(self, request: Request) -> None:
        self.pending.discard(request)
        self.last_request = time.monotonic()

    def _script_failed(self, request: Request) -> None:
        if request.resource_type == "script":
            self.missing_scripts.setdefault(request.url, "")

    def _script_answered(self, response: Response) -> None:
        if response.request.resource_type == "script" and response.status >= 400:
            self.missing_scripts[response.url] = f" ({response.status})"

    def _wait_for_requests(self) -> None:
        """Until no request has been under way for :data:`QUIET_MS`: the page has fetched
        what it needs and had a moment to use it."""
        deadline = time.monotonic() + QUIET_TIMEOUT_S
        while time.monotonic() < deadline:
            idle = time.monotonic() - self.last_request
            if not self.pending and idle * 1000 >= QUIET_MS:
                return
            self.page.wait_for_timeout(max(10, QUIET_MS - idle * 1000 if not self.pending else 20))

    def close(self) -> None:
        self.context.close()


def _script_error(exc: Exception) -> bool:
    """An error thrown by the page's own code while Playwright ran its clock (not a
    time-out): Playwright stops at it, where a browser would go on."""
    return "Timeout" not in type(exc).__name__ and "Error:" in str(exc)


def _read(page: Page) -> _Reading:
    raw: list[dict[str, Any]] = page.evaluate(_READ_TEXT)
    places = [(tuple((str(n), int(i), str(d)) for n, i, d in item["parts"]), item) for item in raw]
    return _Reading(
        {place: item["text"] for place, item in places},
        {place: str(item.get("allow") or "") for place, item in places},
    )


@contextmanager
def _nowhere() -> Iterator[str]:
    """A proxy address that refuses every connection: a port of 127.0.0.1 held (bound, so
    that nothing else can listen there) but not listening."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


def _compare(before: _Reading, after: _Reading | None, kind: str) -> list[Change]:
    if after is None:
        return []
    places = list(before.text) + [p for p in after.text if p not in before.text]
    return [
        Change(
            place,
            before.text.get(place, ""),
            after.text.get(place, ""),
            kind,
            before.allow.get(place) or after.allow.get(place, ""),
        )
        for place in places
        if before.text.get(place, "") != after.text.get(place, "")
    ]


def _findings(changes: Sequence[Change], page_path: Path, display: str) -> CheckResult:
    """HO618 findings of a page, less those its author allowed with a reason: on the element
    (``data-honest-offers-allow="HO618: why"``, on it or an ancestor) or by a marker in the
    page (``<!-- honest-offers: allow HO618 reason="…" -->`` before the element, or
    ``allow-page``), as every other rule is allowed."""
    if not changes:
        return CheckResult()
    try:
        source = page_path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        source = ""
    where = _SourceMap(source)
    result = CheckResult()
    found = []
    for change in changes[:MAX_FINDINGS_PER_PAGE]:
        finding = _finding(display, *where.locate(change), describe(change))
        reason = _allowed_on_element(change.allow)
        if reason is not None:
            result.suppressed.append(Suppressed(finding, reason))
        else:
            found.append(finding)
    if len(changes) > MAX_FINDINGS_PER_PAGE:
        rest = len(changes) - MAX_FINDINGS_PER_PAGE
        found.append(_finding(display, 1, 1, f"and at {rest} more places on this page"))
    markers = parse_markers(source, path=display, reach="element")
    allowances = [s for s in markers.suppressions if TEXT_CHANGES.code in s.codes]
    marked = apply_suppressions(found, allowances, path=display)
    result.findings += [f for f in marked.findings if f.rule == TEXT_CHANGES.code]
    result.suppressed += marked.suppressed
    return result


_ELEMENT_ALLOW = re.compile(r"\bHO618\b\s*[:=,-]?\s*(?P<reason>.+)", re.IGNORECASE | re.DOTALL)


def _allowed_on_element(allow: str) -> str | None:
    """The reason a ``data-honest-offers-allow`` value gives for HO618 (at least
    :data:`~.suppress.MIN_REASON` characters, as everywhere), else ``None``."""
    match = _ELEMENT_ALLOW.search(allow)
    if match is None or len(match.group("reason").strip()) < MIN_REASON:
        return None
    return match.group("reason").strip()


def _finding(path: str, line: int, column: int, text: str) -> Finding:
    return Finding(
        rule=TEXT_CHANGES.code,
        name=TEXT_CHANGES.name,
        severity=TEXT_CHANGES.severity,
        path=path,
        line=line,
        column=column,
        message=TEXT_CHANGES.describe(text),
        excerpt=text,
        suggestion=TEXT_CHANGES.doc.honest,
    )


def describe(change: Change) -> str:
    """``over time, at span#n: “9:58” became “9:48”``: what a finding quotes."""
    return (
        f"{change.kind}, at {change.place}: “{_short(change.before) or '(nothing)'}” became "
        f"“{_short(change.after) or '(nothing)'}”"
    )


def _short(text: str) -> str:
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1].rstrip() + "…"


class _SourceMap:
    """Where each element of an HTML file starts, by its place (tag and n-th of type, from
    ``html`` down), to point a finding at the changed element in the file. Read with the
    check's own tokenizer, as the markup check reads the page."""

    def __init__(self, source: str) -> None:
        from honest_offers.check.html import tokenizer  # the HTML engine: only once a page changed

        self.source = source
        self.starts: dict[tuple[tuple[str, int], ...], tuple[int, int]] = {}
        self.stack: list[tuple[str, int]] = []
        self.counts: list[dict[str, int]] = [{}]
        lines = Lines(source)
        for name, offset, is_end in tokenizer.tags(source):
            if is_end:
                self.end_tag(name)
            else:
                self.start_tag(name, lines.at(offset), void=name in tokenizer.VOID_ELEMENTS)

    def start_tag(self, tag: str, where: tuple[int, int], *, void: bool) -> None:
        siblings = self.counts[-1]
        siblings[tag] = siblings.get(tag, 0) + 1
        place = (*self.stack, (tag, siblings[tag]))
        self.starts.setdefault(tuple(place), where)
        if not void:
            self.stack.append((tag, siblings[tag]))
            self.counts.append({})

    def end_tag(self, tag: str) -> None:
        names = [name for name, _ in self.stack]
        if tag in names:
            depth = len(names) - names[::-1].index(tag) - 1
            del self.stack[depth:]
            del self.counts[depth + 1 :]

    def locate(self, change: Change) -> tuple[int, int]:
        """The changed element; else its nearest ancestor with an id; else its text; else
        the top of the file."""
        place = tuple((name, nth) for name, nth, _ in change.parts)
        found = self.starts.get(place)
        if found is not None:
            return found
        offset = -1
        owners = [ident for _, _, ident in change.parts if ident]
        if owners:
            wanted = re.escape(owners[-1])
            match = re.search(rf"""\bid\s*=\s*["']?{wanted}(?=["'\s>])""", self.source)
            if match:
                offset = self.source.rfind("<", 0, match.start())
        for text in (change.before, change.after):
            if offset < 0 and len(text) >= 3:
                offset = self.source.find(text)
        if offset < 0:
            return 1, 1
        line = self.source.count("\n", 0, offset) + 1
        return line, offset - self.source.rfind("\n", 0, offset)


def _missing_script(display: str, url: str) -> Problem:
    return Problem(
        path=display,
        line=None,
        column=None,
        field=None,
        message=f"a script of the page could not be loaded: {url}; what it does was not seen",
        expected="every script of the page served from the site's folder",
        fix="pass the built site's root folder (so that relative links reach its scripts), "
        "or fix the link",
        severity="warning",
    )


def _load_problem(display: str, reason: str) -> Problem:
    return Problem(
        path=display,
        line=None,
        column=None,
        field=None,
        message=f"the page could not be loaded in Chromium: {reason}",
        expected=f"a page that loads from the local server within {LOAD_TIMEOUT_MS // 1000} s",
        fix="open the page in a browser to see why; or leave it out of the browser check",
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


@contextmanager
def _browser(executable: str) -> Iterator[Browser]:
    try:
        from playwright.sync_api import Error, sync_playwright  # optional: imported on use
    except ImportError:
        raise BrowserCheckError(
            "--browser needs Playwright: pip install 'honest-offers[browser]' "
            "(it drives an installed Chromium; no browser is downloaded)"
        ) from None
    if not Path(executable).is_file():
        raise BrowserCheckError(
            f"--browser: no Chromium at {executable}; install it (Debian: apt-get install "
            f"chromium) or pass --chromium PATH (or set {CHROMIUM_ENV})"
        )
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=list(BROWSER_FLAGS), headless=True
            )
        except Error as exc:
            raise BrowserCheckError(
                f"--browser: Chromium at {executable} did not start: {_first_line(exc)}"
            ) from None
        try:
            yield browser
        finally:
            browser.close()
