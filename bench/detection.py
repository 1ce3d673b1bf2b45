"""Detection accuracy of the text check on a labelled corpus.

    python bench/detection.py ../shared/corpus/pressure-text-dev.csv [--show-misses N]

Reads a CSV with the columns ``text``, ``label`` (dark | benign), ``category``, ``type`` and
``flag`` (see ``../shared/corpus/README.md``), runs :func:`check_text` on every text as prose,
and prints recall per category and per type, and the share of benign rows with a finding, each
with and without the ``flag``-ged rows. Bare clock read-outs without words
(``timer_digits_only_no_cue``) are reported apart: a static check cannot tell them from a
version number or a duration.

False positives are given for the pressure rules (HO1xx-HO4xx), which the corpus labels judge,
and for every rule: the corpus follows Mathur et al.'s taxonomy, which labels shop texts such as
"Save 40%" benign, while this project rejects hand-written discounts (HO5xx) by design.
Always exits 0; the targets are printed, not enforced.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from honest_offers.check import check_text

BARE_CLOCK = "timer_digits_only_no_cue"
TARGET_RECALL = 0.97
TARGET_FALSE_POSITIVES = 0.005
PRESSURE_FAMILIES = ("HO1", "HO2", "HO3", "HO4")
TARGET_GROUPS = (
    "Urgency",
    "Scarcity",
    "Social Proof/Activity Notification",
    "Misdirection/Confirmshaming",
)


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    dark: bool
    category: str
    type: str
    flag: str
    rules: tuple[str, ...]
    """Codes of the rules that found something in ``text``."""

    @property
    def caught(self) -> bool:
        return bool(self.rules)

    def caught_by(self, families: Sequence[str] | None) -> bool:
        """Whether a rule of ``families`` (code prefixes such as "HO1") found something."""
        if families is None:
            return self.caught
        return any(code.startswith(tuple(families)) for code in self.rules)


@dataclass(slots=True)
class Tally:
    """Hits out of rows, for one group of rows."""

    hits: int = 0
    rows: int = 0

    def add(self, hit: bool) -> None:
        self.rows += 1
        self.hits += hit

    @property
    def rate(self) -> float:
        return self.hits / self.rows if self.rows else 0.0


@dataclass(slots=True)
class Report:
    all_rows: dict[str, Tally] = field(default_factory=dict)
    unflagged: dict[str, Tally] = field(default_factory=dict)

    def add(self, key: str, row: Row, hit: bool) -> None:
        self.all_rows.setdefault(key, Tally()).add(hit)
        if not row.flag:
            self.unflagged.setdefault(key, Tally()).add(hit)


def read_rows(path: Path) -> list[Row]:
    """Every row of the corpus, checked."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Row(
                text=record["text"],
                dark=record["label"] == "dark",
                category=record.get("category") or "",
                type=record.get("type") or "",
                flag=record.get("flag") or "",
                rules=tuple(f.rule for f in check_text(record["text"], path=path.name)),
            )
            for record in csv.DictReader(handle)
        ]


def recall(rows: Iterable[Row]) -> Report:
    """Recall of dark rows per category and per ``category/type``; bare clocks apart."""
    report = Report()
    for row in rows:
        if not row.dark or row.flag == BARE_CLOCK:
            continue
        category = row.category or "(no category)"
        report.add(category, row, row.caught)
        if row.type:
            report.add(f"{category}/{row.type}", row, row.caught)
    return report


def target_recall(rows: Sequence[Row]) -> dict[str, Tally]:
    """Recall of each target group on unflagged dark rows (the figures the targets judge)."""
    tallies = {group: Tally() for group in TARGET_GROUPS}
    for row in rows:
        if not row.dark or row.flag:
            continue
        for group in TARGET_GROUPS:
            if group in (row.category, f"{row.category}/{row.type}"):
                tallies[group].add(row.caught)
    return tallies


def benign_rate(
    rows: Iterable[Row], *, flagged: bool, families: Sequence[str] | None = None
) -> Tally:
    """Benign rows with a finding of ``families`` (``None``: any rule); ``flagged=False``
    drops rows with a flag."""
    tally = Tally()
    for row in rows:
        if not row.dark and (flagged or not row.flag):
            tally.add(row.caught_by(families))
    return tally


def bare_clocks(rows: Iterable[Row]) -> Tally:
    tally = Tally()
    for row in rows:
        if row.dark and row.flag == BARE_CLOCK:
            tally.add(row.caught)
    return tally


def format_report(rows: Sequence[Row], show_misses: int = 0) -> str:
    lines = ["Recall on dark rows (hits/rows), all rows and without flagged rows:", ""]
    report = recall(rows)
    width = max(len(key) for key in report.all_rows) if report.all_rows else 10
    lines.append(f"  {'group':<{width}}  {'all rows':>18}  {'unflagged':>18}")
    for key in sorted(report.all_rows):
        lines.append(
            f"  {key:<{width}}  {_cell(report.all_rows[key])}  {_cell(report.unflagged.get(key))}"
        )
    clocks = bare_clocks(rows)
    lines += [
        "",
        f"Bare clock read-outs without words ({BARE_CLOCK}), reported apart: "
        f"{_cell(clocks).strip()}",
        "",
        "False positives (benign rows with a finding):",
        f"  {'':<36}  {'all rows':>18}  {'unflagged':>18}",
        *(
            f"  {label:<36}  {_cell(benign_rate(rows, flagged=True, families=families))}  "
            f"{_cell(benign_rate(rows, flagged=False, families=families))}"
            for label, families in (
                ("pressure rules (HO1xx-HO4xx)", PRESSURE_FAMILIES),
                ("pricing rules (HO5xx)", ("HO5",)),
                ("any rule", None),
            )
        ),
        "  (the corpus does not judge price claims; HO5xx rejects hand-written discounts "
        "by design)",
        "",
        "Benign rows with a finding, by rule:",
    ]
    by_rule = Counter(code for row in rows if not row.dark for code in set(row.rules))
    lines += [f"  {code}  {count}" for code, count in sorted(by_rule.items())] or ["  none"]
    lines += ["", *_targets(rows)]
    if show_misses:
        lines += ["", *_examples(rows, show_misses)]
    return "\n".join(lines)


def _targets(rows: Sequence[Row]) -> list[str]:
    lines = ["Targets (unflagged rows):"]
    for group, tally in target_recall(rows).items():
        verdict = "met" if tally.rate >= TARGET_RECALL else "MISSED"
        lines.append(f"  recall {group:<36} {_cell(tally)}  >= {TARGET_RECALL:.2f}  {verdict}")
    for label, families in (("pressure rules", PRESSURE_FAMILIES), ("any rule", None)):
        fp = benign_rate(rows, flagged=False, families=families)
        verdict = "met" if fp.rate <= TARGET_FALSE_POSITIVES else "MISSED"
        lines.append(
            f"  false positives, {label:<26} {_cell(fp)}  <= {TARGET_FALSE_POSITIVES:.3f} {verdict}"
        )
    return lines


def _examples(rows: Sequence[Row], limit: int) -> list[str]:
    misses = [r for r in rows if r.dark and not r.caught and r.flag != BARE_CLOCK]
    false_alarms = [r for r in rows if not r.dark and r.caught]
    lines = [f"Missed dark rows (first {limit} of {len(misses)}):"]
    lines += [f"  [{r.category}/{r.type}] {r.text[:110]!r}" for r in misses[:limit]]
    lines.append(f"Benign rows with a finding (first {limit} of {len(false_alarms)}):")
    lines += [f"  {','.join(r.rules)} {r.text[:110]!r}" for r in false_alarms[:limit]]
    return lines


def _cell(tally: Tally | None) -> str:
    if tally is None or not tally.rows:
        return f"{'-':>18}"
    return f"{tally.hits:>5}/{tally.rows:<5} {tally.rate:>7.2%}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("csv", type=Path, help="a corpus CSV (text, label, category, type, flag)")
    parser.add_argument(
        "--show-misses", type=int, default=0, metavar="N", help="list N misses and N false alarms"
    )
    args = parser.parse_args(argv)
    print(format_report(read_rows(args.csv), args.show_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
