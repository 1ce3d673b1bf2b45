"""Fast paths of the HTML check give what the slow paths they replace give."""

from __future__ import annotations

import html as htmllib
import re

from hypothesis import given
from hypothesis import strategies as st

from honest_offers.check import scripts
from honest_offers.check.html import tokenizer, walker
from honest_offers.check.locate import Lines
from honest_offers.check.suppress import parse_markers

WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
"""Every whitespace character of the BMP up to the ideographic space."""
TEXT = st.text(alphabet=st.sampled_from(list(WHITESPACE + "ab&;<>-!é€")), max_size=40)


@given(TEXT)
def test_split_collapses_whitespace_like_the_regex(text: str) -> None:
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip(" ")


@given(st.lists(st.tuples(st.integers(0, 50), TEXT), max_size=5))
def test_decode_collapses_whitespace_like_the_regex(chunks: list[tuple[int, str]]) -> None:
    raw = "".join(htmllib.unescape(text) for _, text in chunks)
    assert tokenizer.decode(chunks) == re.sub(r"\s+", " ", raw).strip(" ")


MARKER_BITS = st.sampled_from(
    [
        "<!--",
        "-->",
        "--!>",
        " ",
        "\n",
        "honest-offers",
        "HONEST-offers",
        ":",
        "allow HO101",
        ' reason="a reason long enough"',
        "<p>",
        "x",
        "<script>",
        "</script>",
        "-",
        ">",
    ]
)


@given(st.lists(MARKER_BITS, max_size=14).map("".join))
def test_an_empty_marker_view_only_where_no_marker_can_be_read(page: str) -> None:
    read = walker.walk(page, "p.html", Lines(page), 1)
    full = walker._MARKER_START.sub(
        lambda m: (
            m.group() if m.start() in {s for s, _ in read.comments} else "<!~~" + m.group()[4:]
        ),
        read.html,
    )
    view = read.marker_view()
    assert view in ("", full)
    if view == "":
        assert parse_markers(full, path="p.html") == parse_markers("", path="p.html")


@given(st.text(alphabet="ab \n\t", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_blanking_keeps_newlines_only(src: str, start: int, end: int) -> None:
    expected = src[:start] + re.sub(r"[^\n]", " ", src[start:end]) + src[max(start, end) :]
    assert scripts._blank(src, [(start, end)]) == (expected if end > start else src)
