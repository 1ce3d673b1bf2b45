"""Markup in ``details`` that the sanitiser removes gets a located warning first."""

from __future__ import annotations

import pytest

from honest_offers.render.sanitize import sanitize_details
from honest_offers.validate.details import REMOVED
from tests.conftest import offer_yaml
from tests.unit.test_validate import validate


def test_an_iframe_is_named_where_it_stands_with_what_to_use_instead() -> None:
    details = "## Booking\n\nPick a time:\n\n<iframe src='https://booking.example/x'></iframe>\n"
    text = offer_yaml(details=details)
    offer, problems = validate(text)
    assert offer is not None  # a warning: the offer is still published, without the embed
    (problem,) = problems
    assert problem.severity == "warning" and problem.field == "details"
    assert problem.line is not None and problem.column is not None
    line = text.splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith("<iframe")
    assert "cta" in problem.fix


def test_a_form_and_its_fields_each_get_a_warning() -> None:
    details = 'Write to us:\n\n<form action="/x"><input name="mail"><button>Send</button></form>\n'
    _, problems = validate(offer_yaml(details=details))
    assert [p.message.split("`")[1] for p in problems] == ["<form>", "<input>", "<button>"]


def test_plain_markdown_and_allowed_markup_get_none() -> None:
    _, problems = validate(offer_yaml(details="Text with <b>bold</b> and [a link](https://x.org)."))
    assert problems == []


@pytest.mark.parametrize("tag", sorted(REMOVED))
def test_every_element_warned_about_is_really_removed(tag: str) -> None:
    assert f"<{tag}" not in sanitize_details(f"<p>before</p><{tag}>inside</{tag}><p>after</p>")
