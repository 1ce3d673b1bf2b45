"""Check a stylesheet — ``<style>`` bodies, extra_css files — for the little CSS can say.

Kept small on purpose: countdown and toast selectors in CSS are left to the HTML and script
checks, because frameworks ship such styles unused (UIkit's ``.uk-countdown``), which would
be noise. What CSS adds:

* ``line-through`` on a price selector (``.old-price``, ``.product-price s``) is the look of a
  hand-written reference price (HO603);
* ``content: "…"`` strings are visible text (``.badge::after { content: "Selling fast!" }``);
* ``@import`` and ``url()`` of a pressure-tactics vendor (HO609/HO610);
* selectors of a catalogued widget (``.flipdown``, ``.hurrify-bar``): its stylesheet is on
  the page only if the widget is, unlike a framework's generic ``.countdown`` (HO601 for a
  countdown library, HO609/HO610 for a vendor), once per widget and stylesheet.
"""

from __future__ import annotations

import re

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.finding import CheckResult, Finding
from honest_offers.check.locate import Lines, Mapped, check_mapped, comment_markers, with_markers
from honest_offers.check.text import finding

__all__ = ["check_stylesheet"]

_COMMENT = re.compile(r"/\*[\s\S]*?(?:\*/|\Z)")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.IGNORECASE)
_NAME = re.compile(r"[.#]((?:[\w-]|\\.)+)")
_CONTENT = re.compile(r"\bcontent\s*:\s*(?:\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)')")
_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)


def check_stylesheet(css: str, path: str, *, line: int = 1, column: int = 1) -> CheckResult:
    """Check CSS; findings point into ``path`` (``css`` starts at ``line``:``column``).
    ``/* honest-offers: allow HO603 reason="…" */`` allows a rule as in pages."""
    lines = Lines(css, line, column)
    comments = [m.span() for m in _COMMENT.finditer(css)]
    code = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), css)
    found = _struck_prices(code, path, lines) + _content_text(code, path, lines)
    found += _vendor_imports(code, path, lines) + _widget_selectors(code, path, lines)
    view, shifts = comment_markers(code, comments, css)
    return with_markers(found, [], view, path, lines, shifts)


def _struck_prices(code: str, path: str, lines: Lines) -> list[Finding]:
    found = []
    for rule in _RULE.finditer(code):
        if _LINE_THROUGH.search(rule.group(2)) and any(
            mr.is_reference_price(name) or any(w in mr.PRICE_WORDS for w in mr.name_words(name))
            for name in _NAME.findall(rule.group(1))
        ):
            selector = rule.group(1).strip()
            at = rule.start(1) + rule.group(1).index(selector)
            found.append(finding(mr.STRUCK_PRICE, path, *lines.at(at), selector))
    return found


def _content_text(code: str, path: str, lines: Lines) -> list[Finding]:
    found = []
    for match in _CONTENT.finditer(code):
        group = 1 if match.group(1) is not None else 2
        found += check_mapped(
            _decoded(match.group(group), match.start(group)), "prose", path, lines
        )
    return found


def _decoded(raw: str, start: int) -> Mapped:
    """A CSS string's value (``\\201C`` and ``\\"`` decoded) with offsets into the source."""
    mapped, last = Mapped(), 0
    for escape in _ESCAPE.finditer(raw):
        mapped.add(raw[last : escape.start()], start + last)
        code_point, char = escape.groups()
        value = chr(min(int(code_point, 16), 0x10FFFF) or 0xFFFD) if code_point else char
        mapped.add("" if value == "\n" else value, start + escape.start(), verbatim=False)
        last = escape.end()
    mapped.add(raw[last:], start + last)
    return mapped


def _widget_selectors(code: str, path: str, lines: Lines) -> list[Finding]:
    found: list[Finding] = []
    seen: set[str] = set()
    for rule in _RULE.finditer(code):
        for name in _NAME.finditer(rule.group(1)):
            vendor = vendors.by_class(name.group(1))
            if vendor is None or vendor.name in seen:
                continue
            seen.add(vendor.name)
            at = rule.start(1) + name.start()
            found.append(finding(vendor.markup_rule, path, *lines.at(at), name.group()))
    return found


def _vendor_imports(code: str, path: str, lines: Lines) -> list[Finding]:
    return [
        finding(vendor.rule, path, *lines.at(start), code[start:end])
        for start, end, vendor in vendors.references(code)
    ]
