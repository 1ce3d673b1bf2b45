"""Check: find pressure tactics in offers, Markdown pages, templates, scripts and built HTML.

Independent of MkDocs: the plugin and the command line both call this package. Importing it
registers every text rule in :data:`RULES`.
"""

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.registry import RULES, Rule, RuleDoc
from honest_offers.check.text import check_text

__all__ = ["RULES", "CheckResult", "Finding", "Rule", "RuleDoc", "Suppressed", "check_text"]
