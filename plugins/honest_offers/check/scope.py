"""Scope: pages and paths a site leaves out of the honesty check, each with a reason.

Documentation beside a shop (an API reference, a changelog) is not sales copy. A site names
such paths with a glob and says why (the plugin's ``exclude`` option, ``honest-offers check
--exclude``). Nothing is hidden: a finding in an excluded path is listed as allowed, with
``excluded (<glob>): <reason>``, in every report. Offers and the offer index cannot be
excluded: they are what the check is for.

Globs are matched against paths as reports show them (relative to the site's folder, with
``/``), ``fnmatch``-style: ``*`` also matches ``/``, so ``docs/api/*`` covers the whole folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from honest_offers.check.finding import CheckResult, Suppressed
from honest_offers.check.suppress import MIN_REASON


@dataclass(frozen=True, slots=True)
class Exclusion:
    glob: str
    reason: str

    def covers(self, path: str) -> bool:
        return fnmatchcase(path, self.glob)


class ExclusionError(ValueError):
    """An exclusion that cannot be used; the message says what to write instead."""


def exclusion(glob: object, reason: object) -> Exclusion:
    """An exclusion from a config entry or a command-line value, checked like a marker."""
    if not isinstance(glob, str) or not glob.strip():
        raise ExclusionError("each exclusion needs `path`: a glob such as `docs/api/*`")
    if not isinstance(reason, str) or len(reason.strip()) < MIN_REASON:
        raise ExclusionError(
            f"the exclusion of `{glob}` needs a `reason` of at least {MIN_REASON} characters "
            "that says why these pages are not sales copy"
        )
    return Exclusion(glob.strip(), reason.strip())


def apply_exclusions(
    result: CheckResult, exclusions: Iterable[Exclusion], protected: Callable[[str], bool]
) -> CheckResult:
    """``result`` with findings in excluded paths moved to the allowed ones (never findings
    of a ``protected`` path: offers and the offer index)."""
    rules = list(exclusions)
    if not rules:
        return result
    kept = CheckResult(suppressed=list(result.suppressed))
    for found in result.findings:
        rule = (
            None
            if protected(found.path)
            else next((r for r in rules if r.covers(found.path)), None)
        )
        if rule is None:
            kept.findings.append(found)
        else:
            kept.suppressed.append(Suppressed(found, f"excluded ({rule.glob}): {rule.reason}"))
    return kept
