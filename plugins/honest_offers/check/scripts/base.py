"""What every script rule shares: the parsed tree, where findings go, and the findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tree_sitter import Node

from honest_offers.check.finding import Finding
from honest_offers.check.locate import Lines
from honest_offers.check.registry import Rule
from honest_offers.check.scripts.tree import Tree
from honest_offers.check.text import finding

NestedHtml = Callable[[str, str, int, int, int], list[Finding]]
"""The markup check of HTML found in a script string: ``(html, path, line, column, depth)``.
Passed in by the caller (the HTML check passes its own), so this engine imports no HTML."""


@dataclass(slots=True)
class Script:
    tree: Tree
    path: str
    lines: Lines
    depth: int = 0
    nested_html: NestedHtml | None = None
    svelte: bool = False
    """The script of a Svelte component: its top-level variables are what the markup shows."""
    module: str = ""
    """The file's name when it names an activity widget or a countdown
    (:func:`.widgets.module_name`)."""
    found: list[Finding] = field(default_factory=list)
    tickers: list[list[Node]] = field(default_factory=list)
    """Expanded callbacks of the countdowns found (deadline rules ask what they read)."""

    @property
    def text(self) -> str:
        return self.tree.text

    def add(self, rule: Rule, at: Node | int, text: str | None = None) -> None:
        offset = at if isinstance(at, int) else self.tree.start(at)
        if text is None:
            text = self.snippet(offset)
        line, column = self.lines.at(offset)
        self.found.append(finding(rule, self.path, line, column, text))

    def snippet(self, offset: int, limit: int = 60) -> str:
        end = self.text.find("\n", offset)
        end = len(self.text) if end < 0 else end
        return self.text[offset : min(end, offset + limit)].strip()

    def ticker_reads(self, name: str) -> bool:
        """Whether a countdown's code mentions the variable or property ``name``."""
        return any(
            name in self.tree.names(region) for regions in self.tickers for region in regions
        )
