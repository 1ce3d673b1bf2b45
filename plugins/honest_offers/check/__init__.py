"""Check: find pressure tactics in offers, Markdown pages, templates, scripts and built HTML.

Independent of MkDocs: the plugin and the command line both call this package. Importing it
registers every text rule (HO1xx-HO5xx), the markup and script rules (HO6xx, with HO618 of
the browser check in :mod:`.runtime_rules`) and the suppression rules (HO9xx) in :data:`RULES`.

Importing it loads no engine that reads markup, scripts or styles, nor the browser check
(:mod:`.runtime`): those are imported on first use (see ``_ON_USE``), or directly by the
command line for ``--browser``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from honest_offers.check import (
    markup_rules,  # registers HO6xx (the engines below load on use)
    runtime_rules,  # registers HO618 (the browser check, runtime.py, loads on use)
)
from honest_offers.check.docs import rule_pages
from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.registry import FAMILIES, RULES, Rule, RuleDoc
from honest_offers.check.sources import check_markdown, check_offer
from honest_offers.check.suppress import apply_suppressions, parse_markers
from honest_offers.check.text import check_text

if TYPE_CHECKING:
    from honest_offers.check.html import check_html
    from honest_offers.check.scripts import check_script
    from honest_offers.check.styles import check_stylesheet

_ON_USE = {
    "check_html": "honest_offers.check.html",
    "check_script": "honest_offers.check.scripts",
    "check_stylesheet": "honest_offers.check.styles",
}
"""The markup, script and stylesheet engines, imported when first asked for: with their
patterns they are a fifth of the start-up of a check that reads only offers and pages."""


def __getattr__(name: str) -> Any:
    if name in _ON_USE:
        return getattr(importlib.import_module(_ON_USE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FAMILIES",
    "RULES",
    "CheckResult",
    "Finding",
    "Rule",
    "RuleDoc",
    "Suppressed",
    "apply_suppressions",
    "check_html",
    "check_markdown",
    "check_offer",
    "check_script",
    "check_stylesheet",
    "check_text",
    "markup_rules",
    "parse_markers",
    "rule_pages",
    "runtime_rules",
]
