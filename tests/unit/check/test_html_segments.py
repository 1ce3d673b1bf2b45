"""Remembered segments (check_html reads what pages share once): a page checked after others
gives exactly what it gives on its own, findings and suppressions moved to their place."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check import html as html_check
from honest_offers.check.finding import CheckResult
from honest_offers.check.html import segments
from tests.conftest import examples

CHROME_HEAD = """\
<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{title}</title>
    <meta name="description" content="{title}, described">
  </head>
  <body>
    <input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
    <nav class="md-nav">
      <ul>
        <li class="md-nav__item">
          <a href="../" class="md-nav__link">
            <span class="md-ellipsis">
              Home
            </span>
          </a>
        </li>
        <li class="md-nav__item">
          <a href="../offers/" class="md-nav__link">Offers</a>
        </li>
      </ul>
    </nav>
"""
CHROME_FOOT = """\
    <footer class="md-footer">
      <p>Made with care</p>
    </footer>
    <script>var config = {{"base": "..", "search": "search.js"}};</script>
  </body>
</html>
"""

PIECES = [
    '<p class="countdown">Only 2 left in stock!</p>',
    '<a href="#">Hurry, offer ends tonight</a>',
    '<div data-countdown="5">Sale ends in 02:13:44</div>',
    '<input type="checkbox" checked> Add insurance for $9.99',
    '<label for="ins">Add travel insurance for $19</label>',
    '<input type="checkbox" id="ins" checked>',
    '<!-- honest-offers: allow HO101 reason="a demo of a timer" -->',
    "<script>var end = Date.now() + 3600 * 1000; setInterval(tick, 1000);</script>",
    '<span title="Only 3 spots remain">x</span>',
    "<s>$99</s> $49",
    '<p title="unclosed>Only 2 left</p>',
    "<p title='unclosed>Hurry up</p>",
    """<script>document.querySelector("[data-scheme='dark']")</script>""",
    '<a href="x"\n  class="countdown">',
    '<div aria-labelledby="lbl" role="switch" aria-checked="true"></div>',
    '<span id="lbl">Priority shipping +$5</span>',
    "<select><option selected>Gift wrap +$3</option></select>",
    "<pre>Only 2 left\n</pre>",
    "<code>",
    "</code>",
    "<textarea>Only 1 left\n</textarea>",
    '<style>.x { content: "Only 2 left"; }</style>',
    '<a href="#">\n  Buy now before it is gone\n</a>',
    "<!-- Only 2 left -->",
    '<script type="text/template"><b>Only 2 left</b></script>',
    "<p>A calm sentence about the offer.</p>",
    "<ul>\n  <li>Does one thing well</li>\n  <li>Does not do another</li>\n</ul>",
]


def _key(result: CheckResult) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return (
        [(f.rule, f.path, f.line, f.column, f.excerpt, f.message) for f in result.findings],
        [(s.finding.rule, s.finding.line, s.finding.column, s.reason) for s in result.suppressed],
    )


def _alone(page: str, path: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    html_check.clear_segments()
    return _key(html_check.check_html(page, path))


def _page(title: str, chrome: list[str], body: list[str]) -> str:
    head = CHROME_HEAD.format(title=title)
    return (
        head
        + "\n".join(chrome)
        + "\n    <main>\n"
        + "\n".join(body)
        + "\n    </main>\n"
        + (CHROME_FOOT.format())
    )


def _check_in_sequence(pages: list[tuple[str, str]]) -> None:
    expected = [_alone(page, path) for path, page in pages]
    html_check.clear_segments()
    for (path, page), alone in zip(pages, expected, strict=True):
        assert _key(html_check.check_html(page, path)) == alone, path
    # Once more with every segment remembered.
    for (path, page), alone in zip(pages, expected, strict=True):
        assert _key(html_check.check_html(page, path)) == alone, path


def test_shared_chrome_with_findings_is_replayed_exactly() -> None:
    rng = random.Random(7)
    chrome = [rng.choice(PIECES) for _ in range(6)]
    pages = []
    for number in range(12):
        body = [rng.choice(PIECES) for _ in range(4)]
        pages.append((f"site/p{number}/index.html", _page(f"Page {number}", chrome, body)))
    _check_in_sequence(pages)
    html_check.clear_segments()
    path, page = pages[0]
    html_check.check_html(page, path)
    html_check.check_html(page, path)
    assert segments.SEGMENTS, "pages that share lines remember segments"


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        # Without a closing quote anywhere after it, `title="open>` ends at its `>`; with
        # one later in the page, the tag runs on to that quote and hides the text between.
        ('<p title="open>Now <s>$99</s> $49</p>\n', '"'),
        # The script's `='` opens no value; the tag's does, and no `'` follows in the page.
        (
            """<script>q("[data-scheme='dark']")</script><p title='open>Now <s>$99</s> $49</p>\n""",
            "'",
        ),
    ],
)
def test_a_quote_left_open_is_not_replayed_into_another_page(line: str, quote: str) -> None:
    head = "<html>\n<body>\n"
    tail = "<p>A calm sentence.</p>\n</body>\n</html>\n"
    unclosed = head + line + tail
    closed = head + line + tail.replace("<p>", f"<p class={quote}x{quote}>", 1)
    _check_in_sequence([("a.html", unclosed), ("b.html", unclosed), ("c.html", closed)])
    assert _alone(unclosed, "a.html") != _alone(closed, "a.html")


def test_a_script_quoting_with_a_quote_the_page_does_not_use_again_is_replayed() -> None:
    # Material's colour-palette script quotes its selectors with `'`; the rest of its pages
    # quote with `"`. Its segment is remembered, and the next page replays it.
    script = """  <script>var m = matchMedia("(prefers-color-scheme: light)");
  document.querySelector(m.matches ? "[data-md-color-media='light']" : "[x='y']")</script>
"""
    pages = [
        (f"p{n}.html", _page(f"Title {n}", [script, '<p class="x">Calm</p>'], [f"<p>{n}</p>"]))
        for n in range(3)
    ]
    _check_in_sequence(pages)
    assert any(
        "data-md-color-media" in s.text for k in segments.SEGMENTS for s in segments.SEGMENTS[k]
    )


def test_the_segment_that_followed_last_time_is_replayed_only_where_its_text_stands() -> None:
    """Chrome replayed segment after segment: the one that followed last time is tried
    first, and a page whose next line differs reads it, findings and all."""
    lines = [
        f"<p>Calm line {n}, a sentence of plain facts about the offer.</p>\n" for n in range(4)
    ]
    pushy = [*lines[:2], "<p>Only 2 left!</p>\n", lines[3]]

    def page(body: list[str]) -> str:
        return "<html>\n<body>\n" + "".join(body) + "</body>\n</html>\n"

    pages = [(f"p{n}.html", page(lines)) for n in range(4)] + [("pushy.html", page(pushy))]
    _check_in_sequence(pages)
    assert segments._FOLLOWED_BY, "the calm lines were replayed one after another"
    assert _alone(page(pushy), "pushy.html")[0], "the differing line has a finding"


@settings(max_examples=examples(60), deadline=None)
@given(
    chrome=st.lists(st.sampled_from(PIECES), min_size=0, max_size=6),
    bodies=st.lists(
        st.lists(st.sampled_from(PIECES), min_size=0, max_size=5), min_size=2, max_size=5
    ),
    indent=st.sampled_from(["", "  ", "\t"]),
)
def test_any_sequence_of_pages_gives_what_each_page_gives_alone(
    chrome: list[str], bodies: list[list[str]], indent: str
) -> None:
    shared = [indent + piece for piece in chrome]
    pages = [
        (f"p{number}.html", _page(f"Title {number % 2}", shared, [indent + b for b in body]))
        for number, body in enumerate(bodies)
    ]
    _check_in_sequence(pages)


def test_a_line_whose_segments_never_come_back_is_no_longer_remembered() -> None:
    """The header's title span is followed by each page's own title: after a few pages its
    line is not remembered again, and every page still gives what it gives on its own."""
    line = '  <span class="md-ellipsis">\n'
    header = "<header>\n" + line + "    {title}\n  </span>\n</header>\n"
    pages = [
        (
            f"p{i}.html",
            CHROME_HEAD.format(title=f"Page {i}")
            + header.format(title=f"Offer number {i}" if i % 7 else "Only 2 left in stock!")
            + CHROME_FOOT.format(),
        )
        for i in range(3 * segments.UNMATCHED_MAX)
    ]
    expected = [_alone(page, path) for path, page in pages]
    html_check.clear_segments()
    for (path, page), alone in zip(pages, expected, strict=True):
        assert _key(html_check.check_html(page, path)) == alone, path
    assert segments._UNMATCHED[hash(line)] == segments.UNMATCHED_MAX
    assert len(segments.SEGMENTS[line]) <= segments.SEGMENTS_PER_KEY
