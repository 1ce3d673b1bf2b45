"""Detection accuracy of the text check on a labelled corpus.

    python bench/detection.py ../shared/corpus/pressure-text-dev.csv [--show-misses N]
    python bench/detection.py CSV --folds 5 [--dev-folds 3] [--fold-set dev] [--show-misses N]

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

``--folds K`` adds group k-fold figures: rows are split into K folds by their ``group`` column
(the near-duplicate template key), each group wholly in one fold chosen by a hash of the group,
so the split is the same on every run and machine. For each fold it prints the recall of each
target family and the pressure false-positive rate, the worst fold, and the figures of the
*development* folds (``0 .. dev-folds - 1``) against the *held* folds (the rest). The
discipline: read misses of the development folds only (``--fold-set dev --show-misses N``),
judge a change on the held folds. ``--fold-set`` also restricts the main report to those rows.

``--shapes-only`` runs the structural rules alone (patterns built from the word classes of
``check/lexicon.py``, and the countdown detector), without the phrase tables: a measure of how
far the grammar of each tactic reaches on its own.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from honest_offers.check import check_text
from honest_offers.check import text as text_engine

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
    group: str = ""
    """The near-duplicate template key: rows of one group always share a fold."""

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
                group=record.get("group") or record["text"],
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
    targeted = [r for r in misses if _in_targets(r)]
    others = [r for r in misses if not _in_targets(r)]
    false_alarms = [r for r in rows if not r.dark and r.caught]
    pressure = [r for r in false_alarms if r.caught_by(PRESSURE_FAMILIES)]
    lines = [f"Missed dark rows of the target families (first {limit} of {len(targeted)}):"]
    lines += [f"  [{r.category}/{r.type}] {r.text[:110]!r}" for r in targeted[:limit]]
    lines.append(f"Missed dark rows of other categories (first {limit} of {len(others)}):")
    lines += [f"  [{r.category}/{r.type}] {r.text[:110]!r}" for r in others[:limit]]
    lines.append(f"Benign rows with a pressure finding (first {limit} of {len(pressure)}):")
    lines += [f"  {','.join(r.rules)} {r.text[:110]!r}" for r in pressure[:limit]]
    lines.append(f"Benign rows with a finding (first {limit} of {len(false_alarms)}):")
    lines += [f"  {','.join(r.rules)} {r.text[:110]!r}" for r in false_alarms[:limit]]
    return lines


def _in_targets(row: Row) -> bool:
    return any(group in (row.category, f"{row.category}/{row.type}") for group in TARGET_GROUPS)


def use_shapes_only() -> None:
    """Keep only the structural patterns (``Pattern.shape``) for the rest of this process."""
    text_engine.PHRASES = tuple(
        replace(rule, patterns=tuple(item for item in rule.patterns if item.shape))
        for rule in text_engine.PHRASES
    )
    text_engine._index.cache_clear()  # the engine indexes PHRASES once


def fold_of(group: str, folds: int) -> int:
    """The fold of a template group: a hash of its key (the same on every run and machine,
    unlike :func:`hash`)."""
    digest = hashlib.blake2b(group.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % folds


def split(rows: Sequence[Row], folds: int) -> list[list[Row]]:
    """``rows`` in ``folds`` folds, every group wholly in one."""
    parts: list[list[Row]] = [[] for _ in range(folds)]
    for row in rows:
        parts[fold_of(row.group, folds)].append(row)
    return parts


def fold_set(rows: Sequence[Row], folds: int, dev_folds: int, which: str) -> list[Row]:
    """The rows of the development folds (``dev``), of the held folds (``held``), or all."""
    if which == "all" or folds < 2:
        return list(rows)
    dev = which == "dev"
    return [row for row in rows if (fold_of(row.group, folds) < dev_folds) == dev]


@dataclass(frozen=True, slots=True)
class FoldFigures:
    """The target figures of one set of rows: recall per target family, pressure FP."""

    recall: dict[str, Tally]
    false_positives: Tally

    @classmethod
    def of(cls, rows: Sequence[Row]) -> FoldFigures:
        return cls(
            target_recall(rows),
            benign_rate(rows, flagged=False, families=PRESSURE_FAMILIES),
        )


def format_folds(rows: Sequence[Row], folds: int, dev_folds: int) -> str:
    """Per-fold recall of each target family and pressure false positives, the worst fold,
    and development folds against held folds, next to the whole set."""
    parts = split(rows, folds)
    figures = [FoldFigures.of(part) for part in parts]
    short = {group: group.rsplit("/", 1)[-1] for group in TARGET_GROUPS}
    head = "".join(f"  {short[group]:>20}" for group in TARGET_GROUPS)
    lines = [
        f"Group {folds}-fold (rows split by `group`, unflagged rows; recall hits/rows, "
        "and benign rows with a pressure finding):",
        "",
        f"  {'fold':<22}{head}  {'pressure FP':>20}",
    ]

    def line(label: str, fig: FoldFigures) -> str:
        cells = "".join(f"  {_short_cell(fig.recall[group])}" for group in TARGET_GROUPS)
        return f"  {label:<22}{cells}  {_short_cell(fig.false_positives)}"

    for number, fig in enumerate(figures):
        role = "dev" if number < dev_folds else "held"
        lines.append(line(f"{number} ({role})", fig))
    worst_recall = {
        group: min(
            (fig.recall[group] for fig in figures if fig.recall[group].rows),
            key=lambda t: t.rate,
            default=Tally(),
        )
        for group in TARGET_GROUPS
    }
    worst_fp = max((fig.false_positives for fig in figures), key=lambda t: t.rate)
    lines += [
        line("worst fold", FoldFigures(worst_recall, worst_fp)),
        "",
        line(
            f"dev folds 0-{dev_folds - 1}", FoldFigures.of(fold_set(rows, folds, dev_folds, "dev"))
        ),
        line(
            f"held folds {dev_folds}-{folds - 1}",
            FoldFigures.of(fold_set(rows, folds, dev_folds, "held")),
        ),
        line("whole set", FoldFigures.of(rows)),
    ]
    return "\n".join(lines)


def _short_cell(tally: Tally) -> str:
    if not tally.rows:
        return f"{'-':>20}"
    return f"{tally.hits:>4}/{tally.rows:<4} {tally.rate:>7.2%}".rjust(20)


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
    parser.add_argument(
        "--folds", type=int, default=0, metavar="K", help="add group K-fold figures (e.g. 5)"
    )
    parser.add_argument(
        "--dev-folds",
        type=int,
        default=3,
        metavar="D",
        help="folds 0..D-1 are for development, the rest held (default 3)",
    )
    parser.add_argument(
        "--fold-set",
        choices=("all", "dev", "held"),
        default="all",
        help="report (and list misses of) only the development or held folds",
    )
    parser.add_argument(
        "--shapes-only",
        action="store_true",
        help="run the structural rules alone, without the phrase tables",
    )
    args = parser.parse_args(argv)
    if args.shapes_only:
        use_shapes_only()
        print("Structural rules only (no phrase tables).\n")
    rows = read_rows(args.csv)
    if args.fold_set != "all" and args.folds < 2:
        parser.error("--fold-set needs --folds K (K >= 2)")
    if args.folds >= 2 and not 0 < args.dev_folds < args.folds:
        parser.error("--dev-folds must be between 1 and K - 1")
    chosen = fold_set(rows, args.folds, args.dev_folds, args.fold_set)
    if args.fold_set != "all":
        print(f"Rows of the {args.fold_set} folds only ({len(chosen)} of {len(rows)}).\n")
    print(format_report(chosen, args.show_misses))
    if args.folds >= 2:
        print()
        print(format_folds(rows, args.folds, args.dev_folds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
