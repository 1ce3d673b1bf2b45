"""Properties of check_text on any text: no crash, same answer twice, positions that point at
the quoted excerpt (also after normalisation changed the text's length)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check import Finding, check_text
from honest_offers.check import text as text_module
from honest_offers.check.text import scan
from tests.conftest import examples

FRAGMENTS = [
    "Only 2 left",
    "ONLY\u00a0TWO\u200bLEFT",
    "Hurry!",
    "Sale ends in 02:14:09",
    "00DAYS02HRS14MIN",
    "No thanks, I\u00b4d rather pay full price",
    "12 people are viewing this",
    "Emma from Leeds just bought",
    "Save 50%",
    "Was $199, now $99",
    "\ufb01nal hours",
    "Stra\u00dfe ",
    "e\u0301",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "\u2028",
    "\U0001f525",
    "10:00\u201316:00",
]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=12).map("".join),
)


def offset_of(text: str, finding: Finding, line: int, column: int) -> int:
    """Where (finding.line, finding.column) is in ``text`` that starts at line:column."""
    if finding.line == line:
        return finding.column - column
    start = -1
    for _ in range(finding.line - line):
        start = text.index("\n", start + 1)
    return start + finding.column


@given(TEXTS, st.integers(1, 500), st.integers(1, 80))
def test_positions_point_at_the_excerpt(text: str, line: int, column: int) -> None:
    for found in check_text(text, path="p", line=line, column=column):
        at = offset_of(text, found, line, column)
        assert text[at : at + len(found.excerpt)] == found.excerpt
        assert found.excerpt.strip() == found.excerpt
        assert found.excerpt


@given(TEXTS, st.sampled_from(["prose", "label", "attribute"]))
def test_same_answer_twice(text: str, context: str) -> None:
    assert check_text(text, path="p", context=context) == check_text(  # type: ignore[arg-type]
        text,
        path="p",
        context=context,  # type: ignore[arg-type]
    )


def test_multi_line_text_reports_the_real_line_and_column() -> None:
    text = "Welcome.\nOur calm offer.\n  Hurry, only 2\n  left!"
    found = check_text(text, path="p", line=10, column=5)
    assert [(f.rule, f.line, f.column, f.excerpt) for f in found] == [
        ("HO103", 12, 3, "Hurry"),
        ("HO201", 12, 10, "only 2\n  left"),
    ]


def test_empty_and_blank_text() -> None:
    assert check_text("", path="p") == []
    assert check_text(" \n\t ", path="p") == []


FILLER = " We plan the work with you and write it down. "


@settings(max_examples=examples(30))
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.just(FILLER)), min_size=12, max_size=40))
def test_windows_around_anchors_find_what_a_full_search_finds(parts: list[str]) -> None:
    text = " ".join(parts)
    windowed = scan(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_module, "REACH", 10**9)
        full = scan(text)
    assert windowed == full
