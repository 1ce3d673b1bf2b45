"""``--select``/``--ignore``: which rules a report keeps, as ruff chooses them.

Both take comma-separated rule codes or code prefixes (``HO2``, ``HO20``, ``HO201``; ``HO``
is every rule), case-insensitively, and may be repeated. For each finding the longest
matching prefix decides: ``--select HO2 --ignore HO201`` keeps HO2xx without HO201,
``--ignore HO2 --select HO201`` keeps only HO201 of that family. With no ``--select`` every
rule is selected. The same prefix in both: ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from honest_offers.check import RULES
from honest_offers.check.finding import CheckResult

_PREFIX = re.compile(r"^HO[0-9]{0,3}$")


class SelectionError(ValueError):
    """An unknown rule code or prefix; the message is one line."""


def parse_codes(values: Iterable[str], option: str) -> tuple[str, ...]:
    """Codes or prefixes from repeated, comma-separated option values, checked against the
    registry."""
    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not _PREFIX.match(code) or not any(c.startswith(code) for c in RULES):
                raise SelectionError(_unknown(part.strip(), option))
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def _unknown(code: str, option: str) -> str:
    close = (
        difflib.get_close_matches(code.upper(), sorted(RULES), n=1, cutoff=0.6)
        if len(code) == len("HO201")
        else []
    )
    hint = f"; did you mean {close[0]}?" if close else ""
    return (
        f"{option}: unknown rule code or prefix `{code}`{hint} "
        "(`honest-offers rules` lists every code)"
    )


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def keeps(self, code: str) -> bool:
        chosen = max((p for p in self.select if code.startswith(p)), key=len, default="")
        dropped = max((p for p in self.ignore if code.startswith(p)), key=len, default="")
        if dropped and len(dropped) >= len(chosen):
            return False
        return bool(chosen) or not self.select

    def apply(self, result: CheckResult) -> CheckResult:
        return CheckResult(
            findings=[f for f in result.findings if self.keeps(f.rule)],
            suppressed=[s for s in result.suppressed if self.keeps(s.finding.rule)],
        )
