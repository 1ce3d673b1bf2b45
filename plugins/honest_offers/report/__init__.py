"""Report: what went wrong, where, and how to fix it — formatted for people and machines."""

from honest_offers.diagnostics import Problem, Severity
from honest_offers.report.problem import format_problems

__all__ = ["Problem", "Severity", "format_problems"]
