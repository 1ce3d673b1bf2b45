"""Detection per language: recall per family and false positives on texts in each language.

    python bench/languages.py [CSV ...] [--unknown] [--show-misses]

Reads CSVs with the columns ``lang`` (de, fr, es, …), ``expect`` (the rule code a text must
get, or ``honest``) and ``text``; the default is ``tests/fixtures/languages/texts.csv`` and
the held-out ``held_out.csv`` beside it, reported apart. Each text is checked as prose in its
language (the page language a site or an offer's ``lang`` gives), or, with ``--unknown``, as a
page of unknown language (every language tried). A tactic counts as found when a rule of its
family (the code's first digit) finds it; ``right rule`` counts the exact code. A false
positive is an honest text with any finding.

The texts of ``texts.csv`` were written together with the rules (not held out); the held-out
file was written before the rules and never tuned on.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from honest_offers.check import check_text, lang

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "languages"
DEFAULT = (FIXTURES / "texts.csv", FIXTURES / "held_out.csv")


@dataclass(frozen=True, slots=True)
class Text:
    language: str
    expect: str
    text: str
    rules: tuple[str, ...]

    @property
    def honest(self) -> bool:
        return self.expect == "honest"

    @property
    def family(self) -> str:
        return self.expect[:3]

    @property
    def found(self) -> bool:
        return any(code.startswith(self.family) for code in self.rules)


@dataclass(slots=True)
class Figures:
    """One language's figures on one file."""

    tactics: int = 0
    found: int = 0
    right_rule: int = 0
    honest: int = 0
    false_positives: int = 0
    by_family: dict[str, list[int]] = field(default_factory=dict)
    """Family (``HO1`` …) → [found, tactics]."""
    misses: list[Text] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.tactics if self.tactics else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives / self.honest if self.honest else 0.0

    def add(self, item: Text) -> None:
        if item.honest:
            self.honest += 1
            self.false_positives += bool(item.rules)
            if item.rules:
                self.misses.append(item)
            return
        self.tactics += 1
        self.found += item.found
        self.right_rule += item.expect in item.rules
        tally = self.by_family.setdefault(item.family, [0, 0])
        tally[0] += item.found
        tally[1] += 1
        if not item.found:
            self.misses.append(item)


def read(path: Path, *, unknown: bool = False) -> list[Text]:
    """Every text of ``path``, checked in its language (or as of unknown language)."""
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    texts = []
    for record in records:
        with lang.page_language(None if unknown else record["lang"]):
            found = check_text(record["text"], path=path.name)
        texts.append(
            Text(record["lang"], record["expect"], record["text"], tuple(f.rule for f in found))
        )
    return texts


def figures(texts: Sequence[Text]) -> dict[str, Figures]:
    """Figures per language, in the order the languages first appear."""
    by_language: dict[str, Figures] = {}
    for item in texts:
        by_language.setdefault(item.language, Figures()).add(item)
    return by_language


def report(name: str, by_language: dict[str, Figures], show_misses: bool) -> list[str]:
    lines = [f"## {name}", "", "| lang | recall | right rule | HO1 | HO2 | HO3 | HO4 | HO5 | FP |"]
    lines.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for code, fig in by_language.items():
        families = [
            f"{fig.by_family[f][0]}/{fig.by_family[f][1]}" if f in fig.by_family else "-"
            for f in ("HO1", "HO2", "HO3", "HO4", "HO5")
        ]
        lines.append(
            f"| {code} | {fig.found}/{fig.tactics} ({fig.recall:.2f}) | {fig.right_rule} | "
            + " | ".join(families)
            + f" | {fig.false_positives}/{fig.honest} |"
        )
    if show_misses:
        for code, fig in by_language.items():
            for item in fig.misses:
                lines.append(f"- {code} {item.expect}: {item.text!r} → {list(item.rules)}")
    return [*lines, ""]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("csv", type=Path, nargs="*", default=list(DEFAULT))
    parser.add_argument("--unknown", action="store_true", help="check as of unknown language")
    parser.add_argument("--show-misses", action="store_true", help="list misses and alarms")
    args = parser.parse_args(argv)
    for path in args.csv:
        texts = read(path, unknown=args.unknown)
        label = f"{path.name} ({'unknown language' if args.unknown else 'page language'})"
        print("\n".join(report(label, figures(texts), args.show_misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
