"""The structural rules: each shape of a tactic, built from word classes, both ways.

Every example here is written for these tests from the grammar of the tactic (never taken from
a corpus): texts in the shape must be caught, honest texts that share its words must pass. The
property tests compose texts from the shapes' parts (a decline and a scolding clause, a count,
a people noun and an activity verb, ...) and check every composition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from honest_offers.check import check_markdown, check_text, lexicon, markdown
from honest_offers.check import text as text_engine
from honest_offers.check.lexicon import WordClass, plurals, with_contractions, word_class
from tests.conftest import examples


def rules(text: str, context: str = "prose") -> list[str]:
    return [f.rule for f in check_text(text, path="p", context=context)]  # type: ignore[arg-type]


# --- the word classes ------------------------------------------------------------------------


def test_a_word_class_is_plain_data() -> None:
    verbs = word_class("test", "sign up", "sign up for", "add-to-cart", "pay $5+")
    assert re.fullmatch(verbs.regex, "sign up for")
    assert re.fullmatch(verbs.regex, "pay $5+")  # specials are escaped
    assert not re.fullmatch(verbs.regex, "pay $55")
    assert verbs.first_words == {"sign", "add", "pay"}
    longest = re.match(verbs.regex, "sign up for")
    assert longest is not None and longest.group() == "sign up for"  # longest first


@pytest.mark.parametrize("entry", ["Capital", " padded", "two  spaces"])
def test_entries_are_written_normalised(entry: str) -> None:
    with pytest.raises(ValueError, match="normalised"):
        word_class("test", entry)


def test_entries_start_with_a_word() -> None:
    with pytest.raises(ValueError, match="does not start with a word"):
        _ = word_class("test", "'d rather").first_words


_TRIE_ALPHABET = "ab '-" + ".^$*+?{}[]\\|()"
"""Letters, and every character a pattern gives a meaning to."""


@settings(max_examples=examples(200))
@given(
    st.sets(st.text(alphabet=_TRIE_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(alphabet=_TRIE_ALPHABET, max_size=6),
)
def test_a_trie_matches_exactly_its_entries(entries: set[str], other: str) -> None:
    regex = re.compile(lexicon.trie_regex(entries))
    assert all(regex.fullmatch(entry) for entry in entries)
    assert (regex.fullmatch(other) is not None) == (other in entries)
    # where one entry continues another, a match takes the longer
    for entry in entries:
        found = regex.match(entry)
        assert found is not None and found.group() == entry


def test_word_forms() -> None:
    assert plurals("seat", "box", "copy", "day") == (
        "seat",
        "seats",
        "box",
        "boxes",
        "copy",
        "copies",
        "day",
        "days",
    )
    assert with_contractions("do not want") == ("do not want", "don't want", "dont want")


def test_every_class_builds() -> None:
    classes = [v for v in vars(lexicon).values() if isinstance(v, WordClass)]
    assert len(classes) > 30
    for cls in classes:
        re.compile(cls.regex)
        assert cls.first_words, cls.name


def test_a_class_is_anchored_on_its_rarer_words() -> None:
    """An entry is found by its first word that is not a common one ("in stock" by "stock"):
    "in" is in most texts, and a shape's anchors choose the texts it runs on."""
    cls = word_class("test", "in stock", "left", "up for grabs", "to go", "in the")
    assert cls.key_words == {"stock", "left", "grabs", "to", "in"}  # all common: the first
    assert cls.anchors == "grabs in left stock to"


# --- confirmshaming: a decline, then the reader's voice scolding them ------------------------

CONFIRMSHAMING = [
    "No thanks, I enjoy overpaying",
    "Nope, I don't want to save",
    "No, I'll stay disorganised",
    "Skip - I prefer to miss out",
    "Not now, I like paying full price",
    "No thanks, I'm not interested in growing my business",
    "Maybe later, I'm fine being broke",
    "No way, I love wasting money",
    "I'll pass, I don't care about my health",
    "No thanks, I don't need more customers",
    "No thanks, saving money isn't for me",
    "No thanks, discounts are not my thing",
    "No thanks, who needs free shipping?",
    "No thanks, I'll risk it",
    "No, I'll take my chances",
    "No thanks, I already know everything",
    "No thanks, I'd rather keep struggling",
    "Nah, I'll keep paying retail",
    "No thanks, I don't want better sleep",
    "No thanks, I'm not a fan of free gifts",
    "No thank you, I want to stay uninformed",
    "No thanks I'd rather not learn",
    "No thanksI'd rather pay full price",
    "No thanks, full price is fine",
    "No thanks, I don't like nice things",
    "Not today - I'm happy to stay out of shape",
    "No, I'll do without the bonus",
    "Maybe later, I'm too cool for insider tips",
    # choosing to lose or waste anything, with a verb of carrying on or none
    "Nope, I'd rather keep losing customers",
    "No thanks, I like wasting my weekends on spreadsheets",
    "No, I'll continue to lose leads",
    "No thanks, I'll keep doing everything by hand",
    "Decline and miss the bonus",
    "I'll pass, who cares about savings anyway",
    # without a decline, the plain shapes
    "I enjoy overpaying.",
    "I don't want to save money.",
    "I like paying full price",
    "I'd much rather stay uninformed",
]

HONEST_DECLINES = [
    "No thanks",
    "No, thanks - maybe later",
    "Skip this step",
    "No, I already have an account",
    "No thanks, I'll decide later",
    "No, I'll pay by card",
    "No thanks, I'll pay in full",
    "No thanks, I'll pay the full amount now",
    "No thanks, I'm just browsing",
    "No, I don't want to receive emails",
    "No thanks, I don't need an account",
    "No, I'd rather talk to someone first",
    "No thanks, I'll keep my current plan",
    "No, I prefer to pay monthly",
    "No thanks, I already have insurance",
    "No, I don't want the extended warranty",
    "Not now, remind me next week",
    "No thanks, I'm good",
    "No thanks, continue to checkout",
    "No, I used to pay full price elsewhere",
    "No, I don't want to lose my changes",
    "No, I'll lose my progress if I leave",
    "Not now, I'm losing signal",
    "No thanks, I want to lose weight on my own",
    "Cancel and lose unsaved changes",
    # the reader's voice without a decline, in honest copy
    "I hate overpaying, so I switched to the yearly plan.",
    "I love saving money with this plan.",
    "I don't like wasting money.",
    "I'd rather pay more for quality.",
    "I don't want to miss out.",
    "We don't want you to pay more than you need.",
    "If you prefer to pay monthly, choose the monthly plan.",
]


@pytest.mark.parametrize("text", CONFIRMSHAMING)
def test_confirmshaming_shapes(text: str) -> None:
    assert "HO401" in rules(text), text


@pytest.mark.parametrize("text", HONEST_DECLINES)
def test_honest_declines_pass(text: str) -> None:
    assert rules(text) == []
    assert "HO401" not in rules(text, "label")


DECLINES = st.sampled_from(
    ["No thanks", "No", "Nope", "No, thank you", "Not now", "Maybe later", "I'll pass", "Nah"]
)
JOINS = st.sampled_from([", ", " - ", ". ", "! ", ": ", " "])
SCOLDING = st.one_of(
    st.tuples(
        st.sampled_from(["I like", "I love", "I enjoy", "I prefer", "I'd rather", "I'm happy"]),
        st.sampled_from(lexicon.WORTHLESS_ACTIONS.entries),
    ).map(" ".join),
    st.tuples(
        st.sampled_from(["I don't want to", "I'd rather not", "I'm not interested in"]),
        st.sampled_from(lexicon.WORTHWHILE_ACTIONS.entries),
    ).map(" ".join),
    st.tuples(
        st.sampled_from(["I don't need", "I hate", "I don't care about"]),
        st.sampled_from(lexicon.WORTHWHILE_NOUNS.entries + lexicon.CARED_FOR.entries),
    ).map(" ".join),
    st.tuples(
        st.sampled_from(["I'll stay", "I want to stay", "I'm fine being"]),
        st.sampled_from(lexicon.BAD_STATES.entries),
    ).map(" ".join),
)
NEUTRAL_FACTS = st.sampled_from(
    [
        "",
        "I already have an account",
        "I'll decide later",
        "I'm just browsing",
        "I'll pay by bank transfer",
        "remind me next week",
        "I'll come back tomorrow",
        "I have one already",
        "I'll check with my team first",
        "I don't need an account",
        "I'd rather talk to a person",
    ]
)


@settings(max_examples=examples(150), suppress_health_check=list(HealthCheck))
@given(DECLINES, JOINS, SCOLDING, st.booleans())
def test_a_decline_and_a_scolding_clause_is_confirmshaming(
    decline: str, join: str, clause: str, upper: bool
) -> None:
    text = decline + join + clause
    text = text.upper() if upper else text
    assert "HO401" in rules(text), text


@settings(max_examples=examples(80), suppress_health_check=list(HealthCheck))
@given(DECLINES, JOINS, NEUTRAL_FACTS, st.sampled_from(["prose", "label"]))
def test_a_decline_and_a_neutral_fact_passes(
    decline: str, join: str, fact: str, context: str
) -> None:
    text = decline + (join + fact if fact else "")
    assert rules(text, context) == [], text


# --- activity notices: a count, who, an activity verb, and when ------------------------------

ACTIVITY = {
    "HO301": [
        "Live: 18 visitors on this page",
        "In 7 carts",
        "in 7 baskets right now",
        "34 users are active now",
        "120 people online right now",
        "9 people have this in their basket",
        "Six shoppers have this in their bag",
        "5 people are considering this",
        "27 people are shopping right now",
        "8 people added this to cart in the last hour",
        "Eleven guests are looking at this room",
        "In the carts of 12 shoppers",
        "5 viewers right now",
        "Viewed 90 times since this morning",
        "A dozen visitors have just viewed this tour",
        "Wishlisted 14 times",
        "A visitor from Madrid is looking at this apartment",
        "12 users have this on their wishlist",
        "Added to 38 carts today",
    ],
    "HO302": [
        "14 sold in the last 24 hours",
        "Bought 40 times today",
        "A dozen customers ordered this week",
        "18 orders in the past hour",
        "Today: 40 orders",
        "In the last 24 hours, 18 people signed up",
        "Over 50 people downloaded this today",
        "Marco from Turin ordered a lamp",
        "Marco from Turin ordered a lamp 4 minutes ago",
        "Lena in Graz just subscribed",
        "Priya from Pune purchased Blue Mug",
        "1K+ bought in past month",
        "Booked by 42 guests this week",
        "3 rooms booked in the last hour",
        "Frank (Oslo) bought this",
        "42 travellers booked this hotel today",
        "Downloaded 300 times this week",
        "Twenty happy customers have already bought one",
        "7 reserved in the past 2 days",
        "Noor from Delft joined the course 5 min ago",
        "Someone purchased a desk lamp",
        "500+ sold",
        "Last order was 20 minutes ago",
        "We've sold 41 since yesterday",
        "Sold today: 14",
        "Just sold! 3 units to a buyer in Ohio",
        "Another order from Madrid - 2 minutes ago",
        "Recently placed an order",
        "Orders in the last hour: 9",
        "Items sold this week (Mon-Sun): 120",
    ],
}

HONEST_COUNTS = [
    "3 people found this review helpful",
    "Our team of 4 people has been building sites for years.",
    "1,214 customers since 2019 (billing data, November 2026)",
    "312 people took this course in 2026 (our enrolment records).",
    "The item sold 58 times in 2023, per our annual report",
    "Orders placed today: 14:00 is the cut-off for same-day dispatch",
    "We sold our first lamp to a customer in Leeds in 2019",
    "Your order from Madrid shipped 2 days ago",
    "3 people on the team",
    "Recently purchased items",
    "Three workshop places are reserved for scholarship students each year",
    "9 visitors per second is our rate limit",
    "Made in Germany, purchased by schools across Europe.",
    "4 new features added this month",
    "You have 2 rooms booked for tonight.",
    "3 experts are looking at your site",
    "We handle 500 orders a day.",
    "Up to 10 users online at once",
    "Our 12 members are active in the community.",
    "10 people are here to help you",
    "Seats 4 people watching a film",
    "5,000 teams signed up since 2019",
    "Over 10,000 people have signed up",
    "Used by 10,000 teams",
    "This item is sold by 3 shops",
    "Over 300 people have taken this course since 2020 (enrolment records).",
    "2 items in your cart",
    "Sarah from our team joined in 2019.",
    "Anna from Berlin joined our team last year.",
    "2 items ordered",
    "Sold separately.",
    "Up to 30 photos per booking",
    "We keep 12 pages of notes for each viewing",
    "3 reminders before every booking",
]


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in ACTIVITY.items() for text in texts]
)
def test_activity_shapes(code: str, text: str) -> None:
    assert code in rules(text), text


@pytest.mark.parametrize("text", HONEST_COUNTS)
def test_honest_counts_pass(text: str) -> None:
    assert not [code for code in rules(text) if code.startswith("HO3")], text


COUNTS = st.one_of(
    st.integers(2, 99_999).map(lambda n: f"{n:,}"),
    st.sampled_from(["Over 40", "12", "Twelve", "A dozen", "Several", "Only 3", "200+"]),
)
PEOPLE = st.sampled_from(
    ["people", "shoppers", "customers", "other customers", "guests", "travellers", "others"]
)
PURCHASED = st.sampled_from(lexicon.PURCHASE_VERBS.entries)
OBJECTS = st.sampled_from(["", " this", " this item", " it", " one"])
WHEN = st.sampled_from(
    ["", " today", " in the last 24 hours", " in the past hour", " this week", " recently"]
)


@settings(max_examples=examples(150), suppress_health_check=list(HealthCheck))
@given(COUNTS, PEOPLE, st.sampled_from(["", "have ", "have just ", "just "]), PURCHASED)
def test_a_count_of_people_who_bought_is_a_purchase_notice(
    count: str, people: str, aux: str, verb: str
) -> None:
    text = f"{count} {people} {aux}{verb} this"
    assert "HO302" in rules(text), text


@settings(max_examples=examples(100), suppress_health_check=list(HealthCheck))
@given(
    COUNTS,
    st.sampled_from(["", "units ", "seats ", "tickets "]),
    # not "paid for": "2 paid for today" reads as paid for a day
    st.sampled_from(
        [
            v
            for v in lexicon.PURCHASE_VERBS.entries + lexicon.SIGNUP_VERBS.entries
            if v != "paid for"
        ]
        + ["sold"]
    ),
    st.sampled_from(
        [
            "today",
            "in the last 24 hours",
            "in the past 3 days",
            "over the last few hours",
            "this week",
            "2 hours ago",
            "right now",
        ]
    ),
)
def test_a_count_and_a_verb_with_recency_is_an_activity_notice(
    count: str, noun: str, verb: str, when: str
) -> None:
    text = f"{count} {noun}{verb} {when}"
    assert any(code.startswith("HO3") for code in rules(text)), text


@settings(max_examples=examples(100), suppress_health_check=list(HealthCheck))
@given(
    COUNTS,
    PEOPLE,
    st.sampled_from(["are", "were", "are currently"]),
    st.sampled_from(lexicon.VIEW_VERBS.entries),
    st.sampled_from([" this", " this item", " right now", " now", ""]),
)
def test_a_count_of_people_looking_now_is_a_viewer_notice(
    count: str, people: str, aux: str, verb: str, tail: str
) -> None:
    needs_object = verb.endswith((" at", " in", " about", " for"))
    text = f"{count} {people} {aux} {verb}{' this' if needs_object else ''}{tail}"
    assert "HO301" in rules(text), text


@settings(max_examples=examples(80), suppress_health_check=list(HealthCheck))
@given(
    COUNTS,
    PEOPLE,
    st.sampled_from(
        [
            "found this review helpful",
            "work in our team",
            "fit in the van",
            "took part in the 2025 survey",
            "can sit at the big table",
            "have used it since 2019",
        ]
    ),
)
def test_a_count_without_activity_passes(count: str, people: str, rest: str) -> None:
    text = f"{count} {people} {rest}."
    assert not [code for code in rules(text) if code.startswith("HO3")], text


@settings(max_examples=examples(80), suppress_health_check=list(HealthCheck))
@given(
    COUNTS,
    st.sampled_from(["lines", "photos", "pages", "reminders", "minutes"]),
    st.sampled_from(lexicon.GERUND_OPENERS.entries),
    st.sampled_from([v for v in lexicon.VIEW_VERBS.entries if " " not in v]),
)
def test_a_quantity_per_act_is_not_people_acting(
    count: str, unit: str, opener: str, verb: str
) -> None:
    """After a preposition or article the -ing word is a noun: "45 lines per booking"."""
    text = f"{count} {unit} {opener} {verb}"
    assert "HO301" not in rules(text), text


# --- scarcity: a count in words, a unit of stock, a word of remaining --------------------------

LOW_STOCK = [
    "two places remaining",
    "Nine tickets remain",
    "Don't lose it - 2 places remaining",
    "a handful of seats left",
    "only a few units remaining",
    "one table still available",
    "last three rooms",
    "The last 3 tables",
    "only 2 rooms still available",
    "4 of 10 seats taken",
    "18/20 sold",
    "Not many left",
    "Hardly any left",
    "Three spots still open",
    "Five front-row seats up for grabs",
    "Hardly any tickets remain",
    "Very limited supply of this blend",
    "Stock: 2",
    "Quantity left: 3",
    "Only 3 in your size",
    "Down to the last two",
    "Availability: low",
    "Only 2 more!",
    "Last 2!",
    "9 in stock",
    "Only a few of these left",
    "Stock is running low",
    "Nearly sold out",
    "Final 3 tickets",
    "This lamp is the last one!",
    "Hurry, grab the last one",
]

NOT_STOCK = [
    "3 questions remaining in this quiz",
    "You have 2 attempts left",
    "Your plan runs out of credits on the 1st.",
    "Your plan is running out of credits.",
    "10 builds remaining this month",
    "10 free builds remaining",
    "You have 500 API calls left in your quota.",
    "Only 3 seats left on your plan",
    "You have 2 projects remaining on the free tier.",
    "Step 2 of 3 completed",
    "4 of 5 stars",
    "The last three prints I made sold out.",
    "The last 2 appointments were cancelled.",
    "3 questions still open",
    "Hardly any left-handed models",
    "Remaining: $50",
    "Only 3 more steps",
    "We're down to the last 2 weeks of summer",
    "Places are limited to 12 per cohort.",
    "Quantity: 2",
    "The final 2 sessions cover pricing.",
    "If you pause now, the parcel that month is the last one.",
    "The lesson on Friday will be the last one of the course.",
]


@pytest.mark.parametrize("text", LOW_STOCK)
def test_low_stock_shapes(text: str) -> None:
    assert "HO201" in rules(text), text


@pytest.mark.parametrize("text", NOT_STOCK)
def test_usage_and_look_alikes_are_not_stock(text: str) -> None:
    assert not [code for code in rules(text) if code.startswith("HO2")], text


@settings(max_examples=examples(60), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["The", "Your", "Our"]),
    st.sampled_from(lexicon.SCHEDULE_POINTS.entries),
    st.sampled_from(["", " in May", " after that", " on Friday"]),
    st.sampled_from(["is", "will be", "was"]),
)
def test_the_last_point_of_a_schedule_is_not_stock(
    det: str, point: str, when: str, verb: str
) -> None:
    text = f"{det} {point}{when} {verb} the last one."
    assert "HO201" not in rules(text), text


@settings(max_examples=examples(120), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["two", "three", "a few", "a handful of", "only four", "just one", "5"]),
    st.sampled_from([e for e in lexicon.STOCK_NOUNS.entries if e.endswith("s")]),
    st.sampled_from(["left", "remaining", "still available", "up for grabs", "left in stock"]),
)
def test_a_count_of_stock_that_remains_is_low_stock(count: str, noun: str, left: str) -> None:
    text = f"{count} {noun} {left}"
    assert "HO201" in rules(text), text


@settings(max_examples=examples(80), suppress_health_check=list(HealthCheck))
@given(
    st.integers(2, 5000),
    st.sampled_from([e for e in lexicon.QUOTA_NOUNS.entries if e.endswith("s")]),
    st.sampled_from(["remaining this month", "left in your plan", "left this billing period"]),
)
def test_metered_usage_that_remains_is_not_stock(count: int, noun: str, left: str) -> None:
    text = f"You have {count} {noun} {left}."
    assert not [code for code in rules(text) if code.startswith("HO2")], text


# --- deadlines: a cue and a near time --------------------------------------------------------

DEADLINES = [
    "Your discount code is reserved, but expires in 10 minutes.",
    "There are 3 days left in the sale",
    "This discount disappears in 9 minutes",
    "Note: this presentation comes down in 48 hours.",
    "offer ends at midnight",
    "sale ends Sunday",
    "only until Friday",
    "Available only until Friday",
    "Offer valid until midnight",
    "Valid until Sunday only",
    "This discount disappears at midnight",
    "Ends midnight",
    "The promotion is over on Monday",
    "Deal runs until Friday",
    "Final 24 hours!",
    "Only hours left!",
    "5 days only",
    "Last 48 hours!",
    "Offer valid for 24 hours",
    "Prices good through Sunday",
    "Coupon expires end of day",
    "Discount code valid till tomorrow",
    "3 Days : 14 Hours : 22 Mins",
    "Order in the next 3 hours and get it tomorrow",
]

NOT_DEADLINES = [
    "The `expires_at` field says when the offer ends.",
    "the expires_at field says when the offer ends",
    "Access tokens expire in 24 hours.",
    "The download link expires in 7 days.",
    "The lock is held for 10 minutes.",
    "A 10-minute lock keeps two people from booking the same seat.",
    "The session timeout is 30 minutes.",
    "Password reset links expire in 1 hour.",
    "Support is available until 6pm.",
    "Available Monday to Friday",
    "Valid Monday to Friday",
    "The workshop runs until Sunday.",
    "In the last 2 days we answered 30 emails.",
    "Please order 3 days in advance.",
    "Offer valid for 12 months",
    "Create a signed link that is valid for the next 5 minutes.",
    "Time left: 2",
    "The access token signs your requests, but expires in 10 minutes.",
    "date: 2018-07-19 00:00:00 +0000",
    "The offer letter expires 30 days after we send it, as the law requires.",
    "Your cart is saved for 30 days on this device.",
    "The river level comes down in 3 hours.",
    "Your data is kept for a limited time in case you decide to reactivate.",
    'You will receive a daily "We Miss You" email.',
    "Published 19.07.2018 10:00:00",
]


@pytest.mark.parametrize("text", DEADLINES)
def test_deadline_shapes(text: str) -> None:
    assert {"HO101", "HO102"} & set(rules(text)), text


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_documentation_and_hours_are_not_deadlines(text: str) -> None:
    assert not [code for code in rules(text) if code.startswith("HO1")], text
    found = check_markdown(text, "api.md").findings
    assert not [f.rule for f in found if f.rule.startswith("HO1")], text


@settings(max_examples=examples(120), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["The sale", "This offer", "Our discount", "The deal", "Early-bird pricing"]),
    st.sampled_from(["ends", "expires", "closes", "disappears", "is over", "will end"]),
    st.sampled_from(
        ["at midnight", "tonight", "on Sunday", "this weekend", "at 11pm", "by the end of the day"]
    ),
)
def test_a_sale_that_ends_soon_is_limited_time(subject: str, verb: str, when: str) -> None:
    # early-bird pricing that ends is also a price-rise threat (HO104)
    assert {"HO102", "HO104"} & set(rules(f"{subject} {verb} {when}."))


@settings(max_examples=examples(80), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["Access tokens", "The session", "Download links", "The lock", "Cookies"]),
    st.sampled_from(["expire in", "expires in", "is held for", "time out after", "last"]),
    st.integers(1, 72),
    st.sampled_from(["hours", "minutes", "days"]),
)
def test_technical_expiry_is_not_urgency(subject: str, verb: str, count: int, unit: str) -> None:
    assert rules(f"{subject} {verb} {count} {unit}.") == []


# --- standing price rules -----------------------------------------------------------------------

STANDING_RULES = [
    "20 % off for students",
    "20% off for students",
    "Students get 20% off.",
    "Half price for students and teachers",
    "Two months free with yearly billing.",
    "Charities pay half.",
    "Save 20% with annual billing",
    "Save 15% when you pay annually.",
    "10% off for registered charities",
    "Non-profits get 50% off every plan.",
    # an introductory term of a standing price, an extra member, paying ahead
    "Startups less than 2 years old get 30% off for their first year.",
    "10% off for the second child",
    "5% off when you pay 6 months in advance",
    "Save $48 a year",
    "Save 20% by choosing annual billing instead of monthly.",
    "Billed annually with 15% discount",
    "Yes, annual billing is available for Basic and Pro plans with a 15% discount.",
    "50% off any plan with a valid student email address.",
    "30% off for verified healthcare professionals.",
    "2nd member: 25% off",
]

STANDING_RULES += [
    # a saving counted per period or per head compares two standing prices
    "The team plan saves $6 per user against single licences.",
    "Save $15/mo compared with the Starter plan",
    "Quarterly, save 5%",
    "Yearly: save 15%",
    "Save 15% paid annually",
]

STILL_DISCOUNTS = [
    "Quarterly: save 5% this weekend only",
    "Save 15% today, then pay annually",
    "20% off for students this week only",
    "Save 20% with annual billing until Friday",
    "Save 40%",
    "Save 40% - was $100, now $60",
    "Students get 20% off, first 50 customers only",
    "Get 25% off your first month",
    "60% off everything",
    "Save 40% on annual plans in our summer sale",
    "Save $15/mo until Sunday",
    "Save $15/mo - was $45/mo",
]


@pytest.mark.parametrize("text", STANDING_RULES)
def test_standing_discounts_for_a_group_or_billing_term_pass(text: str) -> None:
    assert rules(text) == [], text


@pytest.mark.parametrize("text", STILL_DISCOUNTS)
def test_time_limited_and_reference_discounts_still_fail(text: str) -> None:
    assert {"HO501", "HO502"} & set(rules(text)), text


# --- a tactic named or described is not the tactic -------------------------------------------

DESCRIBED = [
    "Our detector flags each limited-time offer pattern it finds.",
    "The plugin warns about low stock messages that are not backed by data.",
    "An urgency banner simulating a limited-time offer",
    "This widget shows a limited time offer to each visitor; we removed it.",
]
STILL_USED = [
    ("Low stock: order today", "HO201"),
    ("Limited-time offer for members", "HO102"),
    ("Message us now: low stock on the blue model", "HO201"),
]


@pytest.mark.parametrize("text", DESCRIBED)
def test_a_tactic_named_as_a_kind_of_message_passes(text: str) -> None:
    assert not [c for c in rules(text) if c[2] in "1234" and c < "HO500"], text


@pytest.mark.parametrize(("text", "code"), STILL_USED)
def test_the_tactic_itself_still_fails(text: str, code: str) -> None:
    assert code in rules(text), text


@settings(max_examples=examples(60), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["low stock", "limited-time offer", "only 2 left", "selling fast"]),
    st.sampled_from(lexicon.TACTIC_NOUNS.entries),
)
def test_a_tactic_before_a_noun_naming_a_message_kind_passes(tactic: str, noun: str) -> None:
    text = f"The report lists every {tactic} {noun}."
    assert not [c for c in rules(text) if c < "HO500"], text


# --- a worked example about a third party documents a mechanism --------------------------------

WORKED_EXAMPLES = [
    "If a variant has a 25% discount, its line shows the reduced unit price.",
    "In case a product with low stock sits in two carts, the first paid order gets it.",
    "If user B takes the last three seats, the others see them as sold.",
    "If they don't pay in time, the reservation will expire and the seats return to sale.",
]
STILL_PRESSURE = [
    ("If you wait, the last three seats will be gone", "HO201"),
    ("Your reservation will expire soon", "HO105"),
    ("If you order today: 25% discount", "HO502"),
]


@pytest.mark.parametrize("text", WORKED_EXAMPLES)
def test_a_worked_example_about_a_third_party_passes(text: str) -> None:
    assert not rules(text), text


@pytest.mark.parametrize(("text", "code"), STILL_PRESSURE)
def test_a_conditional_addressed_to_the_reader_still_fails(text: str, code: str) -> None:
    assert code in rules(text), text


# --- a call in code and a legend of units are not deadlines ------------------------------------

NOT_URGENT = [
    "Calls are debounced: only the final call is executed.",
    "When the queue drains, the last call resolves with the newest value.",
    "Each last call to the handler returns a promise.",
    "Stopwatch legend: hours minutes seconds",
    "days | hours | minutes",
    "This is the final opportunity to revert the deliverables before the freeze.",
]
STILL_URGENT = [
    ("Final opportunity to save 30%", "HO102"),
    ("Final opportunity!", "HO102"),
    ("Final call for autumn places", "HO102"),
    ("Last call to win the bundle", "HO102"),
    ("HRS MINS SECS", "HO101"),
    ("Deal closes in: days hours minutes seconds", "HO101"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_calls_in_code_and_unit_legends_are_not_urgency(text: str) -> None:
    assert not [c for c in rules(text) if c.startswith("HO1")], text


@pytest.mark.parametrize(("text", "code"), STILL_URGENT)
def test_last_calls_and_timer_labels_still_fail(text: str, code: str) -> None:
    assert code in rules(text), text


@settings(max_examples=examples(60), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(["the last call", "the final call", "only the last call"]),
    st.sampled_from(["", "is ", "will always be ", "is guaranteed to "]),
    st.sampled_from(lexicon.EXECUTION_VERBS.entries),
)
def test_a_last_call_that_code_runs_is_not_a_deadline(call: str, aux: str, verb: str) -> None:
    text = f"In the wrapper, {call} {aux}{verb}."
    assert "HO102" not in rules(text), text


# --- code is not sales copy ----------------------------------------------------------------------


@settings(max_examples=examples(40), suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(
        ["Only 2 left", "Sale ends in 02:14:09", "12 people are viewing this", "Save 50%"]
    ),
    st.sampled_from(["`", "``"]),
)
def test_pressure_words_in_a_code_span_are_not_copy(phrase: str, ticks: str) -> None:
    page = f"The banner renders {ticks}{phrase}{ticks} from the template.\n"
    assert check_markdown(page, "docs.md").findings == []
    block = f"Example:\n\n```html\n<p>{phrase}</p>\n```\n\n    {phrase}\n"
    assert check_markdown(block, "docs.md").findings == []
    html = f"The <code>{phrase}</code> banner, or <pre>\n{phrase}\n</pre>\n"
    assert check_markdown(html, "docs.md").findings == []


@settings(max_examples=examples(60))
@given(
    st.lists(
        st.sampled_from(["<code>", "</code>", "<PRE>", "</pre>", "<kbd x=1>", "</kbd>", "a", "\n"]),
        max_size=12,
    ).map("".join)
)
def test_html_code_is_blanked_in_place(text: str) -> None:
    view = markdown.prose(text)
    assert len(view) == len(text)  # offsets stay those of the source
    for code in markdown._HTML_CODE.finditer(text):
        assert view[code.start() : code.end()].strip(" \n.") == "", (text, view)


# --- the shapes carry the examples alone ---------------------------------------------------------


@pytest.fixture
def shapes_only() -> Iterator[None]:
    """The text engine with only its structural patterns (as ``--shapes-only`` runs it)."""
    shapes = tuple(
        replace(rule, patterns=tuple(item for item in rule.patterns if item.shape))
        for rule in text_engine.PHRASES
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_engine, "PHRASES", shapes)
        text_engine._index.cache_clear()
        yield
    text_engine._index.cache_clear()


SHAPED = [
    *(("HO401", text) for text in CONFIRMSHAMING),
    *((code, text) for code, texts in ACTIVITY.items() for text in texts),
    *(("HO201", text) for text in LOW_STOCK),
    *(("HO1", text) for text in DEADLINES),
]


@pytest.mark.parametrize(("code", "text"), SHAPED)
def test_the_shapes_alone_catch_every_example(shapes_only: None, code: str, text: str) -> None:
    """A shape whose anchors miss one of its words would skip texts; the full check hides
    that when a phrase-table entry catches the same text."""
    assert any(found.startswith(code) for found in rules(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reserved for you for 10 minutes - complete checkout", ["HO105"]),
        ("Your seats are held for 04:59", ["HO105"]),
        ("Your cart is saved for 30 days on this device.", []),
        ("Three places are reserved for scholarship students.", []),
    ],
)
def test_a_short_hold_is_a_cart_hold_timer(text: str, expected: list[str]) -> None:
    assert [code for code in rules(text) if code.startswith("HO1")] == expected
