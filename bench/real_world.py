"""The honesty check on the real-world development set in ``tests/fixtures/real-world/``.

    python bench/real_world.py [--manifest PATH] [--json] [--excerpts N]

Reads ``MANIFEST.csv`` (columns ``file``, ``label`` (tactic | honest), ``kind``, ``repo``,
``commit``, ``path``, ``licence``, ``trimmed``, ``note``), checks every file on its own as
``honest-offers check FILE`` does (:func:`honest_offers.site.check_source_file`), and prints:

* tactics caught: files labelled ``tactic`` with at least one error-level finding, in all
  and per kind;
* honest files flagged: files labelled ``honest`` with an error-level finding; honest files
  with warnings only are listed apart;
* every miss and every false alarm, with the rule codes and excerpts.

Files whose suffix the command line does not read (``.jsx``, ``.tsx``, ``.ts``, ``.vue``,
``.svelte``, ``.liquid``, ``.twig``, ``.php``, ``.tpl``, ``.mdx``, ...) are checked with the
nearest engine (:data:`FALLBACK_KINDS`: script for JavaScript dialects, HTML for templates,
Markdown for MDX) and marked as such, so the figures show what a template-aware check would
have to do. Suffixes the command line reads always use its own choice.

The set is for development measurement: a detector is judged on files it was not written
against. Always exits 0; the figures are printed, not enforced.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from honest_offers.check import Finding
    from honest_offers.check.sources import FileKind

# The check itself is imported where it is used, so that a tree whose check does not import
# (others edit it at the same time) still gets a one-line message and exit code 0.

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "tests" / "fixtures" / "real-world"
MANIFEST = SET_DIR / "MANIFEST.csv"

Label = Literal["tactic", "honest"]
LABELS: tuple[Label, ...] = ("tactic", "honest")

FALLBACK_KINDS: dict[str, FileKind] = {
    ".jsx": "script",
    ".tsx": "script",
    ".ts": "script",
    ".cjs": "script",
    ".vue": "html",
    ".svelte": "html",
    ".astro": "html",
    ".liquid": "html",
    ".hbs": "html",
    ".handlebars": "html",
    ".njk": "html",
    ".twig": "html",
    ".php": "html",
    ".tpl": "html",
    ".erb": "html",
    ".mdx": "markdown",
}
"""Engines for suffixes the command line does not read (it stops with a usage error)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the manifest."""

    file: str
    label: Label
    kind: str
    repo: str
    commit: str
    path: str
    licence: str
    trimmed: bool
    note: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding, as shown in the report."""

    rule: str
    severity: str
    line: int
    excerpt: str

    @classmethod
    def of(cls, finding: Finding) -> Hit:
        return cls(finding.rule, finding.severity, finding.line, " ".join(finding.excerpt.split()))


@dataclass(slots=True)
class Outcome:
    """What the check found in one file."""

    entry: Entry
    engine: FileKind
    cli_reads: bool
    """Whether ``honest-offers check FILE`` accepts the suffix (else a fallback engine ran)."""
    hits: list[Hit] = field(default_factory=list)
    crash: str = ""
    """The exception, if the check raised instead of answering."""

    @property
    def errors(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.severity == "error"]

    @property
    def warnings(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.severity != "error"]

    @property
    def flagged(self) -> bool:
        """An error-level finding: the build would fail on this file."""
        return bool(self.errors)

    @property
    def rules(self) -> list[str]:
        return sorted({hit.rule for hit in self.hits})

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.entry.file,
            "label": self.entry.label,
            "kind": self.entry.kind,
            "repo": self.entry.repo,
            "engine": self.engine,
            "cli_reads": self.cli_reads,
            "flagged": self.flagged,
            "error_rules": sorted({hit.rule for hit in self.errors}),
            "warning_rules": sorted({hit.rule for hit in self.warnings}),
            "findings": [
                {"rule": h.rule, "severity": h.severity, "line": h.line, "excerpt": h.excerpt}
                for h in self.hits
            ],
            "crash": self.crash or None,
        }


@dataclass(slots=True)
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.total += 1
        self.hits += hit

    def __str__(self) -> str:
        share = f"{self.hits / self.total:.0%}" if self.total else "-"
        return f"{self.hits}/{self.total} ({share})"


def read_manifest(path: Path) -> list[Entry]:
    """Every row of the manifest; a label outside tactic/honest stops with a message."""
    entries: list[Entry] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            label = record["label"]
            if label not in LABELS:
                raise SystemExit(f"{path}:{number}: label {label!r} is not tactic or honest")
            entries.append(
                Entry(
                    file=record["file"],
                    label="tactic" if label == "tactic" else "honest",
                    kind=record["kind"],
                    repo=record["repo"],
                    commit=record["commit"],
                    path=record["path"],
                    licence=record["licence"],
                    trimmed=record["trimmed"] == "yes",
                    note=record.get("note") or "",
                )
            )
    return entries


def engine_for(file: Path) -> tuple[FileKind, bool]:
    """The engine for a file, and whether the command line itself reads the suffix."""
    from honest_offers.check.sources import FILE_KINDS

    suffix = file.suffix.lower()
    kind = FILE_KINDS.get(suffix)
    if kind is not None:
        return kind, True
    return FALLBACK_KINDS.get(suffix, "html"), False


def check_entry(entry: Entry, base: Path) -> Outcome:
    from honest_offers.site import check_source_file

    file = base / entry.file
    engine, cli_reads = engine_for(file)
    outcome = Outcome(entry=entry, engine=engine, cli_reads=cli_reads)
    try:
        result = check_source_file(file, engine, entry.file)
    except Exception as exc:  # the figures go on; a crash is itself a finding to report
        outcome.crash = f"{type(exc).__name__}: {exc}"
        return outcome
    outcome.hits = [Hit.of(finding) for finding in result.findings]
    return outcome


def run(entries: Iterable[Entry], base: Path) -> list[Outcome]:
    return [check_entry(entry, base) for entry in entries]


def tallies(outcomes: Iterable[Outcome], label: Label) -> tuple[Tally, dict[str, Tally]]:
    """Flagged files of ``label`` in all and per kind."""
    total = Tally()
    by_kind: dict[str, Tally] = {}
    for outcome in outcomes:
        if outcome.entry.label != label:
            continue
        total.add(outcome.flagged)
        by_kind.setdefault(outcome.entry.kind, Tally()).add(outcome.flagged)
    return total, by_kind


def summary(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    caught, caught_by_kind = tallies(outcomes, "tactic")
    flagged, flagged_by_kind = tallies(outcomes, "honest")
    honest = [o for o in outcomes if o.entry.label == "honest"]
    return {
        "tactics_caught": caught.hits,
        "tactics": caught.total,
        "tactics_by_kind": {k: [t.hits, t.total] for k, t in sorted(caught_by_kind.items())},
        "honest_flagged": flagged.hits,
        "honest": flagged.total,
        "honest_by_kind": {k: [t.hits, t.total] for k, t in sorted(flagged_by_kind.items())},
        "honest_with_warnings_only": sum(1 for o in honest if o.warnings and not o.errors),
        "fallback_engine_files": sum(1 for o in outcomes if not o.cli_reads),
        "crashes": sum(1 for o in outcomes if o.crash),
    }


def format_report(outcomes: Sequence[Outcome], excerpts: int = 3) -> str:
    caught, caught_by_kind = tallies(outcomes, "tactic")
    flagged, flagged_by_kind = tallies(outcomes, "honest")
    lines = [
        "Real-world development set (tests/fixtures/real-world/), one file at a time.",
        "A file counts as flagged when the check reports an error-level finding.",
        "",
        f"Tactics caught: {caught}",
        *_kind_lines(caught_by_kind),
        "",
        f"Honest files flagged (false alarms): {flagged}",
        *_kind_lines(flagged_by_kind),
    ]
    fallback = [o for o in outcomes if not o.cli_reads]
    if fallback:
        lines += [
            "",
            f"{len(fallback)} files have a suffix `honest-offers check FILE` refuses; they ran "
            "through the nearest engine (marked * below).",
        ]
    misses = [o for o in outcomes if o.entry.label == "tactic" and not o.flagged]
    alarms = [o for o in outcomes if o.entry.label == "honest" and o.flagged]
    warned = [o for o in outcomes if o.entry.label == "honest" and o.warnings and not o.errors]
    crashes = [o for o in outcomes if o.crash]
    lines += ["", f"Misses ({len(misses)}): tactics with no error-level finding"]
    lines += _details(misses, excerpts, show="warnings") or ["  none"]
    lines += ["", f"False alarms ({len(alarms)}): honest files with an error-level finding"]
    lines += _details(alarms, excerpts, show="errors") or ["  none"]
    lines += ["", f"Honest files with warnings only ({len(warned)}), not counted as flagged"]
    lines += _details(warned, excerpts, show="warnings") or ["  none"]
    if crashes:
        lines += ["", f"Crashes ({len(crashes)})"]
        lines += [f"  {o.entry.file}: {o.crash}" for o in crashes]
    return "\n".join(lines)


def _kind_lines(by_kind: dict[str, Tally]) -> list[str]:
    width = max((len(kind) for kind in by_kind), default=10)
    return [f"  {kind:<{width}}  {tally}" for kind, tally in sorted(by_kind.items())]


def _details(outcomes: Sequence[Outcome], excerpts: int, show: str) -> list[str]:
    lines: list[str] = []
    for outcome in outcomes:
        mark = "" if outcome.cli_reads else " *"
        hits = outcome.errors if show == "errors" else outcome.warnings
        codes = ",".join(sorted({hit.rule for hit in hits})) or "no findings"
        lines.append(
            f"  {outcome.entry.file}{mark}  [{outcome.entry.kind}; {outcome.engine}]  {codes}"
        )
        for hit in hits[:excerpts]:
            excerpt = hit.excerpt if len(hit.excerpt) <= 100 else hit.excerpt[:97] + "..."
            lines.append(f"      {hit.rule} {hit.severity} line {hit.line}: {excerpt}")
        if len(hits) > excerpts:
            lines.append(f"      ... {len(hits) - excerpts} more")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="MANIFEST.csv to read")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument(
        "--excerpts", type=int, default=3, help="findings shown per file (default 3)"
    )
    args = parser.parse_args(argv)
    manifest: Path = args.manifest
    entries = read_manifest(manifest)
    try:
        import honest_offers.site  # noqa: F401  (a tree mid-edit may not import)
    except Exception as exc:
        print(f"the check cannot be imported, nothing measured: {exc!r}", file=sys.stderr)
        return 0
    outcomes = run(entries, manifest.parent)
    if args.json:
        report = {"summary": summary(outcomes), "files": [o.as_json() for o in outcomes]}
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(format_report(outcomes, max(args.excerpts, 0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
