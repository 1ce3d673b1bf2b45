"""Check: find pressure tactics in offers, Markdown pages, templates, scripts and built HTML.

Independent of MkDocs: the plugin and the command line both call this package.
"""

from honest_offers.check.finding import CheckResult, Finding, Suppressed
from honest_offers.check.registry import RULES, Rule, RuleDoc

__all__ = ["RULES", "CheckResult", "Finding", "Rule", "RuleDoc", "Suppressed"]
