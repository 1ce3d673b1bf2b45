"""The option ``browser_check``: the browser check (HO618) over the pages a build wrote."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from honest_offers.check import CheckResult
from honest_offers.diagnostics import Problem
from honest_offers.load.discover import display_path


def browser_findings(
    site_dir: Path, pages: list[Path], root: Path, shown_as: Path
) -> tuple[CheckResult, list[Problem]] | str:
    """HO618 findings of ``pages`` (in ``site_dir``, named as in ``shown_as``: the published
    folder, not the staging one) and the pages that could not be read, or why the check
    cannot run at all (no Playwright, no Chromium)."""
    from honest_offers.check import runtime  # Playwright: only when the option is on

    if not Path(runtime.chromium_path()).is_file():
        return f"no Chromium at {runtime.chromium_path()} (set {runtime.CHROMIUM_ENV})"
    try:
        result, problems = runtime.check_sites([runtime.Site(site_dir, pages)], root)
    except runtime.BrowserCheckError as exc:
        return str(exc)
    staged, published = display_path(site_dir, root), display_path(shown_as, root)

    def renamed(path: str) -> str:
        return published + path[len(staged) :] if path.startswith(staged) else path

    checked = CheckResult(
        findings=[replace(f, path=renamed(f.path)) for f in result.findings],
        suppressed=[
            replace(s, finding=replace(s.finding, path=renamed(s.finding.path)))
            for s in result.suppressed
        ],
    )
    return checked, [replace(p, path=renamed(p.path)) for p in problems]
