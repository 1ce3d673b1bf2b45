"""Honesty findings as text for a terminal or a build log."""

from __future__ import annotations

from collections.abc import Iterable

from honest_offers.check.finding import Finding, Suppressed


def format_finding(finding: Finding) -> str:
    """``path:line:col: HO201 low-stock-claim: message`` then the quote and the honest way."""
    return (
        f"{finding.location}: {finding.rule} {finding.name}: {finding.message}\n"
        f'    text: "{finding.excerpt}"\n'
        f"    honest alternative: {finding.suggestion}"
    )


def format_suppressed(item: Suppressed) -> str:
    finding = item.finding
    return f"{finding.location}: {finding.rule} {finding.name} allowed: {item.reason}"


def format_findings(findings: Iterable[Finding], suppressed: Iterable[Suppressed] = ()) -> str:
    """Every finding in a stable order, the suppressions, and a one-line summary."""
    ordered = sorted(findings, key=Finding.sort_key)
    allowed = sorted(suppressed, key=lambda s: s.finding.sort_key())
    lines = [format_finding(f) for f in ordered]
    if allowed:
        lines.append(f"Suppressed with a reason ({len(allowed)}):")
        lines.extend("  " + format_suppressed(s) for s in allowed)
    errors = sum(1 for f in ordered if f.severity == "error")
    lines.append(
        f"honesty check: {errors} error(s), {len(ordered) - errors} warning(s), "
        f"{len(allowed)} suppressed."
    )
    return "\n".join(lines)
