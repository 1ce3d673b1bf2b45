"""Property-based fuzzing of loader, model and check: 10,000+ generated cases in one run.

Marked ``fuzz``; `make test` (and so CI) runs it. Properties: nothing raises, every problem
is located inside the file, findings point at their excerpt, results are deterministic.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honest_offers.catalog import load_offer_text
from honest_offers.check import check_text
from tests.conftest import MINIMAL_OFFER, examples

pytestmark = pytest.mark.fuzz

TODAY = date(2026, 11, 23)
FUZZ = settings(
    max_examples=examples(3500), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Where YAML (and so our line numbers) starts a new line."""

YAML_ALPHABET = st.sampled_from(list("abc: -\n\t'\"[]{}&*!|>#%@`,?<=~.0123456789é\u00a0\r"))
yaml_like = st.text(YAML_ALPHABET, max_size=200) | st.text(max_size=200)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=30),
)
structures = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def load(text: str) -> tuple[Any, list[str]]:
    loaded, problems = load_offer_text(text, Path("offers/fuzz.yml"), "offers/fuzz.yml", TODAY)
    lines = len(YAML_LINE_BREAK.split(text)) + 1
    for problem in problems:
        assert problem.expected and problem.fix and problem.message
        if problem.line is not None:
            assert 1 <= problem.line <= lines, problem.format()
    return loaded, [p.format() for p in problems]


@FUZZ
@given(yaml_like)
def test_loader_never_raises_on_any_text(text: str) -> None:
    first = load(text)
    assert load(text)[1] == first[1]


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(
            [
                *MINIMAL_OFFER,
                "slug",
                "alternatives",
                "terms",
                "availability",
                "cta",
                "details",
                "allow",
                "x",
            ]
        ),
        structures,
        max_size=6,
    )
)
def test_model_never_raises_on_any_structure(changes: dict[str, Any]) -> None:
    data = {**MINIMAL_OFFER, **changes}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    load(text)


@FUZZ
@given(st.text(max_size=300), st.integers(1, 50), st.integers(1, 30))
def test_check_points_at_its_excerpt_and_is_deterministic(
    text: str, line: int, column: int
) -> None:
    findings = check_text(text, path="p.md", line=line, column=column)
    assert findings == check_text(text, path="p.md", line=line, column=column)
    lines = text.split("\n")
    for finding in findings:
        index = finding.line - line
        assert 0 <= index < len(lines)
        start = finding.column - (column if index == 0 else 1)
        assert 0 <= start < max(len(lines[index]), 1), (finding, text)
        excerpt = finding.excerpt.rstrip("…")
        written = " ".join(lines[index][start:].split())
        assert written.casefold().startswith(" ".join(excerpt.split()).casefold()[:1]), (
            finding,
            text,
        )
