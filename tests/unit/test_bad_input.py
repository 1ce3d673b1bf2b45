"""The bad-input catalogue: every kind of broken offer gets a clear, located error, and the
other errors of the same run are still reported. No case may raise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from honest_offers.catalog import load_catalog
from honest_offers.load.yaml_source import MAX_FILE_BYTES
from tests.conftest import MINIMAL_OFFER, offer_yaml

TODAY = date(2026, 11, 23)
SENTINEL = "zz-other.yml"
"""A second broken file in every case: its error must be reported too."""


@dataclass(frozen=True)
class Case:
    content: bytes | str
    field: str | None
    says: str
    line: int | None = None
    column: int | None = None
    name: str = "case.yml"


def price(**changes: object) -> str:
    return offer_yaml(price={**MINIMAL_OFFER["price"], **changes})


BOMB = (
    "\n".join(
        ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
        + [
            f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 10) + "]"
            for i in range(1, 9)
        ]
    )
    + "\n"
)
MERGE_BOMB = (
    "\n".join(
        ["l0: &l0 {a: 1, b: 2}"]
        + [
            f"l{i}: &l{i} {{<<: [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}], k{i}: 1}}"
            for i in range(1, 12)
        ]
    )
    + "\n"
)

CATALOGUE: dict[str, Case] = {
    "tab-indentation": Case("title: x\n\tsummary: y\n", None, "tab", 2, 1),
    "unclosed-quote": Case('title: "x\nsummary: y\n', None, "invalid YAML"),
    "bad-indentation": Case("title: x\n  summary: y\n", None, "invalid YAML", 2),
    "duplicate-top-key": Case(offer_yaml() + "title: again\n", "title", "appears twice"),
    "duplicate-nested-key": Case(
        offer_yaml().replace("  currency: EUR\n", "  currency: EUR\n  currency: USD\n", 1),
        "price.currency",
        "appears twice",
    ),
    "alias-bomb": Case(BOMB, None, "too many values"),
    "merge-bomb": Case(MERGE_BOMB, None, "too many values"),
    # libyaml's composer recurses per level: 50,000 brackets (100 KB) crashed the process.
    "deep-flow-nesting": Case(
        "title: x\nsummary: " + "[" * 50_000 + "]" * 50_000 + "\n", None, "nest more than", 2, 41
    ),
    "deep-block-nesting": Case(
        "title: x\nsummary:\n"
        + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(40))
        + "  " * 41
        + "v\n",
        None,
        "nest more than",
        34,
    ),
    "huge-file": Case(b"title: " + b"x" * (MAX_FILE_BYTES * 50), None, "too large"),
    "amount-is-text": Case(price(amount="cheap"), "price.amount", "cheap"),
    "amount-negative": Case(price(amount=-5), "price.amount", "below the lowest allowed value, 0"),
    "amount-nan": Case(
        offer_yaml().replace("amount: '250.00'", "amount: .nan"), "price.amount", "finite"
    ),
    "amount-infinite": Case(
        offer_yaml().replace("amount: '250.00'", "amount: .inf"), "price.amount", "finite"
    ),
    "amount-absurd": Case(price(amount=10**30), "price.amount", "above the highest allowed value"),
    "unknown-currency": Case(price(currency="ABC"), "price.currency", "ISO 4217"),
    "unknown-field": Case(offer_yaml() + "sumary: x\n", "sumary", "unknown field"),
    "empty-list": Case(offer_yaml(does_not=[]), "does_not", "empty"),
    "empty-string": Case(offer_yaml(title=""), "title", "empty"),
    "latin-1": Case(offer_yaml(title="Café").encode("latin-1"), None, "not UTF-8"),
    "slug-traversal": Case(offer_yaml(slug="../etc"), "slug", "web address"),
    "slug-absolute": Case(offer_yaml(slug="/root"), "slug", "web address"),
    "slug-upper": Case(offer_yaml(slug="Garden"), "slug", "web address"),
    "slug-non-ascii": Case(offer_yaml(slug="gärten"), "slug", "web address"),
    "file-is-a-list": Case("- a\n- b\n", None, "list"),
    "file-is-a-scalar": Case("hello\n", None, "hello"),
    "empty-file": Case("", None, "nothing"),
    "name-not-a-slug": Case(offer_yaml(), "slug", "file name", name="My Offer.yml"),
}

ACCEPTED: dict[str, bytes] = {
    "utf-16-with-bom": offer_yaml().encode("utf-16"),
    "utf-8-with-bom": "\ufeff".encode() + offer_yaml().encode(),
    "crlf-line-ends": offer_yaml().replace("\n", "\r\n").encode(),
}


def run(tmp_path: Path, files: dict[str, bytes | str]) -> list[str]:
    offers = tmp_path / "offers"
    offers.mkdir()
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (offers / name).write_bytes(data)
    catalog = load_catalog(offers, tmp_path, TODAY)
    return [p.format() for p in catalog.errors]


@pytest.mark.parametrize("case_id", sorted(CATALOGUE))
def test_bad_input_gets_a_located_error_and_others_are_still_reported(
    tmp_path: Path, case_id: str
) -> None:
    case = CATALOGUE[case_id]
    offers = tmp_path / "offers"
    offers.mkdir()
    data = case.content.encode() if isinstance(case.content, str) else case.content
    (offers / case.name).write_bytes(data)
    (offers / SENTINEL).write_text(offer_yaml(title=None), encoding="utf-8")
    catalog = load_catalog(offers, tmp_path, TODAY)
    mine = [p for p in catalog.errors if p.path == f"offers/{case.name}"]
    assert mine, [p.format() for p in catalog.errors]
    problem = mine[0]
    assert case.says in problem.format(), problem.format()
    assert problem.field == case.field, problem.format()
    if case.line is not None:
        assert problem.line == case.line, problem.format()
    if case.column is not None:
        assert problem.column == case.column, problem.format()
    assert problem.expected and problem.fix
    assert any(p.path == f"offers/{SENTINEL}" and p.field == "title" for p in catalog.errors)
    assert catalog.offers == []


@pytest.mark.parametrize("case_id", sorted(ACCEPTED))
def test_encodings_and_line_ends_that_are_unambiguous_are_accepted(
    tmp_path: Path, case_id: str
) -> None:
    assert run(tmp_path, {"case.yml": ACCEPTED[case_id]}) == []


def test_same_slug_in_two_files(tmp_path: Path) -> None:
    errors = run(tmp_path, {"a.yml": offer_yaml(slug="x"), "b.yml": offer_yaml(slug="x")})
    assert len(errors) == 1 and "offers/b.yml" in errors[0] and "already used" in errors[0]


def test_symlink_out_of_the_offers_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text(offer_yaml(), encoding="utf-8")
    offers = tmp_path / "offers"
    offers.mkdir()
    (offers / "link.yml").symlink_to(outside)
    (errors,) = [[p.format() for p in load_catalog(offers, tmp_path, TODAY).errors]]
    assert len(errors) == 1 and "outside the offers folder" in errors[0]
