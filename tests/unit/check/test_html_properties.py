"""Properties of check_html, check_script and check_stylesheet on any input: no crash, the
same answer twice, positions inside the document, and no blow-up on pathological input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import honest_offers.check.locate as locate
from honest_offers.check.finding import CheckResult
from honest_offers.check.html import check_html, walker
from honest_offers.check.scripts import check_script
from honest_offers.check.styles import check_stylesheet
from tests.conftest import examples

HTML_PIECES = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<div class='countdown'>",
    "</div>",
    "<br>",
    "<a href=x>",
    "</a>",
    "<button>",
    "</button>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "<input type=checkbox checked>",
    "<label for=x>",
    "</label>",
    "<select>",
    "<option selected>",
    "<s>",
    "</s>",
    "&amp;",
    "&#x",
    "&nbsp;",
    '"',
    "'",
    "=",
    "<",
    ">",
    "/",
    "\n",
    " ",
    "$9",
    "Only 2 left",
    "Hurry!",
    "Add insurance",
    "<textarea>",
    "<title>",
    "<pre>",
    "<code>",
    "</code>",
    "<template>",
    "<noscript>",
    "<!-- honest-offers: allow HO601 reason='a long enough reason' -->",
    "onclick=",
    "setInterval(",
    "<svg><path d='M0'/></svg>",
    "<meta name=description content='x'>",
    "<input type=checkbox checked aria-labelledby=w>",
    '<span id="w"',
    "<span id=w>",
    "<input type=radio checked id=x>",
    "<div role=switch aria-checked=true>",
    "+ $5",
]
JS_PIECES = [
    "setInterval(",
    "setTimeout(",
    "requestAnimationFrame(",
    "function",
    "()",
    "=>",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    "'",
    '"',
    "`",
    "${",
    "/",
    "//",
    "/*",
    "*/",
    "\\",
    "\n",
    " ",
    "Date.now()",
    "new Date()",
    "-",
    "--",
    "+",
    "%60",
    "/1000",
    ".textContent=",
    "if",
    "<=0",
    "Math.random()",
    "localStorage.setItem('deadline',",
    "addEventListener('mouseout',",
    "clientY",
    "'beforeunload'",
    "'popstate'",
    "history.pushState(",
    ".checked=true",
    "x",
    "s",
    "=",
    "1000",
    "return",
    "'Only 3 left!'",
    "// honest-offers: allow HO611",
]


def soup(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=60).map("".join)


def assert_sane(result: CheckResult, source: str, line: int = 1, column: int = 1) -> None:
    rows = source.split("\n")
    for item in result.findings + [s.finding for s in result.suppressed]:
        index = item.line - line
        assert 0 <= index < len(rows), item
        first = column - 1 if index == 0 else 0
        assert first < item.column <= first + len(rows[index]) + 1, item
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(st.text(max_size=300), soup(HTML_PIECES)))
def test_check_html_never_fails_and_is_deterministic(page: str) -> None:
    first = check_html(page, "p.html")
    assert check_html(page, "p.html") == first
    assert_sane(first, page)


@settings(max_examples=examples(150), deadline=None)
@given(soup(HTML_PIECES), st.integers(1, 50), st.integers(1, 30))
def test_check_html_start_position_only_shifts(page: str, line: int, column: int) -> None:
    base = check_html(page, "p.html").findings
    moved = check_html(page, "p.html", line=line, column=column).findings
    assert [(f.rule, f.line + line - 1) for f in base] == [(f.rule, f.line) for f in moved]
    for before, after in zip(base, moved, strict=True):
        assert after.column == before.column + (column - 1 if before.line == 1 else 0)


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(st.text(max_size=300), soup(JS_PIECES)))
def test_check_script_never_fails_and_is_deterministic(js: str) -> None:
    first = check_script(js, "a.js")
    assert check_script(js, "a.js") == first
    assert_sane(first, js)


@settings(max_examples=examples(150), deadline=None)
@given(soup(JS_PIECES), st.integers(1, 50), st.integers(1, 30))
def test_check_script_start_position_only_shifts(js: str, line: int, column: int) -> None:
    base = check_script(js, "a.js")
    moved = check_script(js, "a.js", line=line, column=column)
    assert_sane(moved, js, line, column)
    assert len(base.findings) == len(moved.findings)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet="{}();:.#-_'\"/*\\ \nabcontent-line-through$9", max_size=200))
def test_check_stylesheet_never_fails(css: str) -> None:
    result = check_stylesheet(css, "a.css")
    assert check_stylesheet(css, "a.css") == result
    assert_sane(result, css)


PATHOLOGICAL_HTML = [
    '<a "' * 20_000,
    "<!--" * 20_000,
    "{#" * 20_000 + "{{",
    "<b>" * 20_000 + "Only 2 left",
    "<label>" * 5_000 + "<input type=checkbox checked>" * 2_000,
    "<p>" + "x " * 200_000 + "</p>",
    "<script>" * 10_000,
    "<div class='" + "a " * 50_000 + "'>",
    "&" * 100_000,
]
PATHOLOGICAL_JS = [
    "setInterval(" * 5_000,
    "{" * 20_000 + "}" * 20_000,
    "/" * 50_000,
    "'" * 50_000,
    "`${" * 10_000,
    "function f(){f()}" * 3_000 + "setInterval(f, 1)",
    "Math.random();" * 5_000,
    "{(a[b])}" * 10_000 + "Math.random();" * 2_000,
    "a.onmouseout = b;" * 5_000,
]


@pytest.mark.timeout(120)
def test_pathological_inputs_finish(monkeypatch: pytest.MonkeyPatch) -> None:
    """A guard against catastrophic backtracking, not a speed test: each input is 5k-100k
    characters, so anything worse than linear would run for many minutes and hit the
    timeout; linear code takes milliseconds. (Speed is measured by bench/, not by tests.)
    The text check is stubbed: its own behaviour on huge blocks is tested elsewhere."""
    monkeypatch.setattr(walker, "text_findings", lambda text, context: ())
    monkeypatch.setattr(locate, "text_findings", lambda text, context: ())
    for page in PATHOLOGICAL_HTML:
        assert isinstance(check_html(page, "p.html").findings, list), page[:40]
    for js in PATHOLOGICAL_JS:
        assert isinstance(check_script(js, "a.js").findings, list), js[:40]
