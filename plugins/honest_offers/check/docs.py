"""Rule reference pages, generated from the registry so the docs never drift from the code.

:func:`rule_pages` returns ``{relative path: Markdown}``: one page per rule and an index. The
pages pass the check themselves: examples stand in code blocks, which the check skips.
"""

from __future__ import annotations

from collections.abc import Iterable

from honest_offers.check.lang import LANGUAGES
from honest_offers.check.registry import FAMILIES, RULES, Rule

INDEX = "index.md"
REFERENCE_MARKER = "<!-- honest-offers: rule-reference -->"
"""Stands on every generated reference page and so in its built HTML: wherever the page is
checked (the build, ``check`` on the built folder, ``--browser``), its findings are listed as
allowed with :data:`REFERENCE_REASON`, not as errors: the page names tactics to explain them."""
REFERENCE_REASON = "rule reference page: it names each tactic in order to explain it"


def rule_pages(rules: Iterable[Rule] | None = None, folder: str = "rules") -> dict[str, str]:
    """One page per rule (``rules/ho101.md``) and an index (``rules/index.md``)."""
    ordered = sorted(RULES.values() if rules is None else rules, key=lambda r: r.code)
    prefix = f"{folder.strip('/')}/" if folder.strip("/") else ""
    pages = {f"{prefix}{INDEX}": index_page(ordered)}
    for rule in ordered:
        pages[f"{prefix}{page_name(rule)}"] = rule_page(rule)
    return {path: f"{REFERENCE_MARKER}\n\n{text}" for path, text in pages.items()}


def page_name(rule: Rule) -> str:
    return f"{rule.code.lower()}.md"


def rule_page(rule: Rule) -> str:
    """The reference page of one rule."""
    return "\n".join(
        [
            f"# {rule.code} `{rule.name}`",
            "",
            f"**Family:** {rule.family} · **Severity:** {rule.severity}",
            "",
            rule.summary,
            "",
            "## Why it misleads",
            "",
            rule.doc.why,
            "",
            "## Example that fails the build",
            "",
            _code_block(rule.doc.bad, "text"),
            "",
            "## Honest alternative",
            "",
            rule.doc.honest,
            "",
            *_languages_section(rule),
            *_allow_section(rule),
        ]
    )


def index_page(rules: Iterable[Rule]) -> str:
    """A table of every rule, grouped by family."""
    lines = [
        "# Honesty rules",
        "",
        "The build fails when a page uses one of these pressure tactics. Each rule has a stable "
        "code; a finding names it with the file, line and column of the text.",
    ]
    by_family: dict[str, list[Rule]] = {}
    for rule in rules:
        by_family.setdefault(rule.code[:3], []).append(rule)
    for prefix, family in FAMILIES.items():
        members = by_family.get(prefix)
        if not members:
            continue
        lines += ["", f"## {family}", "", "| Code | Name | Severity | What it finds |"]
        lines.append("|---|---|---|---|")
        lines += [
            f"| [{r.code}]({page_name(r)}) | `{r.name}` | {r.severity} | {_cell(r.summary)} |"
            for r in members
        ]
    return "\n".join(lines) + "\n"


def _languages_section(rule: Rule) -> list[str]:
    """A failing and an honest example in each language with word data for the rule."""
    rows = [
        f"| {data.name} | `{_cell(data.examples[rule.code][0])}` "
        f"| `{_cell(data.examples[rule.code][1])}` |"
        for data in LANGUAGES.values()
        if rule.code in data.examples
    ]
    if not rows:
        return []
    return [
        "## In other languages",
        "",
        "A page is read in its own language and in English: the site's `theme.language`, an "
        "offer's `lang`, or the `lang` attribute of a built page; a page whose language is "
        "unknown is read in every language.",
        "",
        "| Language | Fails | Passes |",
        "|---|---|---|",
        *rows,
        "",
    ]


def _allow_section(rule: Rule) -> list[str]:
    if rule.code.startswith("HO9"):
        return []
    offer = f"allow:\n  - rule: {rule.code}\n    reason: Why this does not mislead here"
    marker = f'<!-- honest-offers: allow {rule.code} reason="Why this does not mislead here" -->'
    return [
        "## Allowing it",
        "",
        "Only with a reason a reviewer can judge; every suppression is listed in the report. "
        "In an offer file:",
        "",
        _code_block(offer, "yaml"),
        "",
        "In a Markdown page, on the line before the text:",
        "",
        _code_block(marker, "html"),
        "",
    ]


def _code_block(text: str, language: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{language}\n{text}\n{fence}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
