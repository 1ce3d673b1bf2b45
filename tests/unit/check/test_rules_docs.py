"""The registry and the rule reference pages generated from it."""

from __future__ import annotations

import re

from honest_offers.check import RULES, check_markdown, lang, rule_pages
from honest_offers.check.docs import REFERENCE_MARKER, rule_page
from honest_offers.check.registry import FAMILIES
from tests.conftest import REPO_ROOT

OWN_FAMILIES = ("HO1", "HO2", "HO3", "HO4", "HO5", "HO9")


def own_rules() -> list[str]:
    return sorted(code for code in RULES if code.startswith(OWN_FAMILIES))


def test_every_rule_is_complete() -> None:
    assert len(own_rules()) >= 20
    for code in own_rules():
        rule = RULES[code]
        assert re.fullmatch(r"HO[1-59]\d\d", code)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule.name
        assert "{text}" in rule.message
        assert rule.summary.endswith(".")
        assert rule.doc.why and rule.doc.bad and rule.doc.honest
        assert rule.family == FAMILIES[code[:3]]


def test_names_are_unique() -> None:
    names = [RULES[code].name for code in RULES]
    assert len(names) == len(set(names))


def test_each_bad_example_fails_its_own_rule() -> None:
    for code in own_rules():
        if code.startswith("HO9"):
            continue
        found = check_markdown(RULES[code].doc.bad, "example.md")
        assert code in [f.rule for f in found.findings], code


def test_each_text_rule_has_examples_in_every_language_that_fail_or_pass() -> None:
    text_rules = [code for code in own_rules() if not code.startswith("HO9")]
    for data in lang.LANGUAGES.values():
        assert set(data.examples) == set(text_rules), data.code
        for code, (bad, honest) in data.examples.items():
            with lang.page_language(data.code):
                assert code in [f.rule for f in check_markdown(bad, "x.md").findings], bad
                assert check_markdown(honest, "x.md").findings == [], honest
    page = rule_pages()["rules/ho201.md"]
    assert "| German | `Nur noch 2 Plätze frei!` | `Jeder Kurs hat 12 Plätze.` |" in page


def test_one_page_per_rule_and_an_index() -> None:
    pages = rule_pages()
    assert set(pages) == {"rules/index.md"} | {f"rules/{code.lower()}.md" for code in RULES}
    page = pages["rules/ho101.md"]
    assert page.startswith(REFERENCE_MARKER + "\n\n# HO101 `countdown-text`\n")
    assert rule_page(RULES["HO101"]).startswith("# HO101")  # `explain` prints no marker
    assert "**Family:** Urgency" in page
    assert "```text\nSale ends in 02:14:09\n```" in page
    assert "## Honest alternative" in page
    index = pages["rules/index.md"]
    for code in RULES:
        assert f"[{code}]({code.lower()}.md)" in index


def test_rule_pages_pass_the_check() -> None:
    for name, page in rule_pages().items():
        result = check_markdown(page, name)
        assert result.findings == [], (name, [(f.rule, f.excerpt) for f in result.findings])


def test_pages_can_live_in_another_folder() -> None:
    assert "reference/honesty/index.md" in rule_pages(folder="reference/honesty/")
    assert "index.md" in rule_pages(folder="")


DASH = "\N{EN DASH}"


def test_the_guide_names_each_family_with_its_whole_range() -> None:
    """The families page of the guide (one heading per family, ``## Urgency: HO101`` en dash
    ``HO105``) keeps up with the registry: a new rule widens its family's range."""
    guide = (REPO_ROOT / "guide" / "docs" / "honesty-rules.md").read_text(encoding="utf-8")
    headings = dict(re.findall(rf"^## (.+): (HO\d{{3}}{DASH}HO\d{{3}})$", guide, re.MULTILINE))
    for prefix, family in FAMILIES.items():
        codes = sorted(code for code in RULES if code.startswith(prefix))
        assert headings.get(family) == f"{codes[0]}{DASH}{codes[-1]}", family
