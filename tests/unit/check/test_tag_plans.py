"""Tag plans: a plan found through another tag of the same shape (its read texts aside) is
the plan worked out for the tag itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check import vendors
from honest_offers.check.html import markup
from honest_offers.check.html.tokenizer import attributes
from tests.conftest import examples

NAMES = ["meta", "img", "a", "input", "button", "option", "span", "vue-countdown", "Countdown"]
ATTRIBUTES = [
    "content",
    "title",
    "alt",
    "aria-label",
    "placeholder",
    "label",
    "name",
    "property",
    "http-equiv",
    "type",
    "value",
    "class",
    "id",
    "role",
    "for",
    "hidden",
    "onclick",
    "data-countdown",
    ":time",
    "style",
]
VALUES = [
    "",
    "description",
    "og:title",
    "submit",
    "countdown-timer",
    "Only 2 left!",
    "A garden plan for a small yard.",
    "text-decoration: line-through",
    "button",
    "deadline",
    "alert()",
    "Sale ends tonight",
]


@settings(max_examples=examples(300), deadline=None)
@given(
    name=st.sampled_from(NAMES),
    pairs=st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=4),
    closed=st.booleans(),
)
def test_a_plan_is_the_plan_of_its_own_tag(
    name: str, pairs: list[tuple[str, str]], closed: bool
) -> None:
    raw = "".join(f' {a}="{v}"' for a, v in pairs) + (" /" if closed else "")
    assert markup.plan_for(name, raw) == markup._plan(name, raw, attributes(raw))


def test_two_tags_with_other_texts_share_a_plan_but_keep_their_own_attributes() -> None:
    first = markup.plan_for("meta", ' name="description" content="A garden plan."')
    second = markup.plan_for("meta", ' name="description" content="Only 2 left!"')
    assert first.texts == second.texts == (("content", "attribute"),)
    assert (first.attrs["content"], second.attrs["content"]) == ("A garden plan.", "Only 2 left!")
    empty = markup.plan_for("meta", ' name="description" content=""')
    assert empty.texts == () and not empty.acts


def test_no_vendor_is_named_by_text_people_read() -> None:
    assert markup.READ_TEXTS.isdisjoint(vendors.ATTRIBUTE_NAMES)
