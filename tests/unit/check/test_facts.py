"""HO7xx: an offer's own words against its YAML facts; each rule fails and passes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from honest_offers.catalog import LoadedOffer, load_offer_text
from honest_offers.check import RULES, check_offer
from honest_offers.check.facts import _number
from tests.conftest import MINIMAL_OFFER, REPO_ROOT, offer_yaml

TODAY = date(2026, 11, 23)
FEES = [{"name": "Setup call and calendar import", "amount": 49, "once": True}]
"""MINIMAL_OFFER's price is 250 EUR, one-time, taxes included."""


def loaded(**changes: Any) -> LoadedOffer:
    text = offer_yaml(**changes)
    offer, problems = load_offer_text(text, Path("offers/x.yml"), "offers/x.yml", TODAY)
    assert offer is not None, [p.format() for p in problems]
    return offer


def price(**changes: Any) -> dict[str, Any]:
    return {**MINIMAL_OFFER["price"], **changes}


def rules_found(**changes: Any) -> list[str]:
    return [f.rule for f in check_offer(loaded(**changes)).findings]


MONTHLY = {"price": price(billing="monthly"), "terms": {"cancellation": "Any time, online."}}

FAILS: list[tuple[str, dict[str, Any]]] = [
    ("HO701", {"title": "Free garden consultation"}),
    ("HO701", {"summary": "A garden plan, completely free."}),
    ("HO701", {"cta": {"label": "Book for free", "url": "mailto:a@b.example"}}),
    ("HO701", {"price": price(fees=FEES), "does": ["Free setup call with our team"]}),
    ("HO701", {"price": price(fees=FEES), "details": "Calendar import is free of charge."}),
    ("HO702", {"price": price(fees=FEES), "summary": "One garden plan, no hidden fees."}),
    ("HO702", {"price": price(fees=FEES), "does": ["All-inclusive: plan and visit"]}),
    ("HO702", {"price": price(fees=FEES), "details": "There is no setup fee."}),
    ("HO703", {"price": price(taxes_included=False, tax_note="incl. 20% VAT")}),
    ("HO703", {"summary": "A garden plan for €250 plus VAT."}),
    ("HO704", {**MONTHLY, "summary": "Pay once, use the plan for ever."}),
    ("HO704", {**MONTHLY, "does": ["Costs €250 per year, billed once"]}),
    ("HO704", {"does": ["A monthly subscription to planting tips"]}),
    ("HO705", {"summary": "A visit and a written plan, yours for only €199."}),
    ("HO705", {"cta": {"label": "Book it for 300 EUR", "url": "mailto:a@b.example"}}),
    (
        "HO706",
        {
            **MONTHLY,
            "summary": "Planting advice every month. Cancel anytime.",
            "terms": {"cancellation": "A 12-month minimum term, then one month's notice."},
        },
    ),
    ("HO707", {"summary": "One visit and a plan, with a money-back guarantee."}),
    ("HO707", {"does": ["Try it risk-free"], "terms": {"guarantee": "We fix the plan."}}),
    ("HO708", {**MONTHLY, "summary": "Planting advice every month. Start your free trial."}),
    (
        "HO708",
        {
            **MONTHLY,
            "price": price(billing="monthly", trial={"days": 14}),
            "does": ["Starts with a 30-day free trial"],
        },
    ),
]

PASSES: list[tuple[str, dict[str, Any]]] = [
    ("HO701", {"price": price(amount=0), "title": "Free garden consultation"}),
    ("HO701", {"does": ["Free parking at our office"], "price": price(fees=FEES)}),
    ("HO701", {"terms": {"cancellation": "Move the visit at no cost."}}),
    ("HO702", {"summary": "One garden plan, no hidden fees."}),  # there are none
    ("HO702", {"price": price(fees=FEES), "details": "There is no delivery fee."}),
    ("HO702", {"price": price(fees=FEES), "terms": {"refund": "Cancel at no cost."}}),
    ("HO703", {"summary": "A garden plan, VAT included."}),
    ("HO703", {"price": price(taxes_included=False, tax_note="Plus 20% VAT")}),
    ("HO704", {**MONTHLY, "summary": "Planting advice, €250 a month."}),
    ("HO704", {"summary": "Pay once; the plan is yours to keep."}),
    ("HO704", {"does": ["Covers gardens of 10 to 40 visits a year"]}),
    ("HO705", {"summary": "A visit and a written plan for €250."}),
    (
        "HO705",
        {"discounts": [{"for": "students", "percent": 20}], "does": ["Costs €200 for students"]},
    ),
    ("HO705", {"summary": "A visit and a plan; printed copies for €15 extra each."}),
    ("HO705", {"summary": "A visit and a plan, only EUR 5 per extra page of notes."}),
    ("HO705", {"does": ["Costs €300 with the optional second visit"]}),
    (
        "HO706",
        {**MONTHLY, "summary": "Planting advice every month. Cancel anytime."},
    ),
    (
        "HO707",
        {
            "summary": "One visit and a plan, with a money-back guarantee.",
            "terms": {"refund": "Within 30 days, in full, by email."},
        },
    ),
    (
        "HO708",
        {
            **MONTHLY,
            "price": price(billing="monthly", trial={"days": 30}),
            "does": ["Starts with a 30-day free trial"],
        },
    ),
]


@pytest.mark.parametrize(("code", "changes"), FAILS)
def test_words_that_contradict_the_facts_fail(code: str, changes: dict[str, Any]) -> None:
    assert code in rules_found(**changes)


@pytest.mark.parametrize(("code", "changes"), PASSES)
def test_words_that_agree_with_the_facts_pass(code: str, changes: dict[str, Any]) -> None:
    assert code not in rules_found(**changes)


def test_every_facts_rule_fails_and_passes_and_is_complete() -> None:
    codes = sorted(code for code in RULES if code.startswith("HO7"))
    assert codes == sorted({code for code, _ in FAILS}) == sorted({code for code, _ in PASSES})
    for code in codes:
        rule = RULES[code]
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
        assert "{text}" in rule.message and rule.summary.endswith(".")
        assert rule.doc.why and rule.doc.bad and rule.doc.honest
        assert rule.family == "Facts and prose"


def test_a_finding_names_the_words_and_the_field_with_both_positions() -> None:
    text = offer_yaml(price=price(fees=FEES), summary="One garden plan, no hidden fees.")
    offer, _ = load_offer_text(text, Path("offers/x.yml"), "offers/x.yml", TODAY)
    assert offer is not None
    [found] = check_offer(offer).findings
    lines = text.splitlines()
    assert lines[found.line - 1][found.column - 1 :].startswith("no hidden fees")
    fee_line = next(i for i, line in enumerate(lines, 1) if "Setup call" in line)
    assert f"price.fees[0].name (line {fee_line}, column" in found.message
    assert "“Setup call and calendar import” (49 EUR)" in found.message
    assert found.rule == "HO702"


def test_an_offer_can_allow_a_facts_rule_with_a_reason() -> None:
    offer = loaded(
        title="Free garden consultation",
        allow=[{"rule": "HO701", "reason": "The title names the free intro visit of the plan."}],
    )
    result = check_offer(offer)
    assert [s.finding.rule for s in result.suppressed] == ["HO701"]
    assert result.findings == []


def test_the_example_site_s_offers_agree_with_their_facts() -> None:
    for path in sorted((REPO_ROOT / "offers").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        offer, _ = load_offer_text(text, path, path.name, TODAY)
        assert offer is not None
        assert [f for f in check_offer(offer).findings if f.rule.startswith("HO7")] == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("49", "49.00"),
        ("1,290.50", "1290.50"),
        ("1.290,50", "1290.50"),
        ("1'290", "1290.00"),
        ("1,290", "1290.00"),
        ("19.9", "19.90"),
    ],
)
def test_amounts_are_read_in_either_notation(text: str, amount: str) -> None:
    number = _number(text)
    assert number is not None and str(number) == amount
