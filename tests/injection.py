"""A site whose every offer string and plugin option carries script-injection payloads, and
the checks that a built site shows them as text and runs none of them.

Shared by the end-to-end test (every built file parsed: HTML, JSON, XML) and the browser
test (every page loaded in Chromium, the search used). Each payload carries a marker
``hoxssN``: wherever a marker turns up as markup, a live URL or script, a payload escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

from tests.conftest import MINIMAL_OFFER

MARKER = "hoxss"
PAYLOADS: tuple[str, ...] = (
    '"><script>alert("hoxss1")</script><x y="',  # attribute break-out
    "</title><script>alert('hoxss2')</script>",  # out of <title>
    "</script><script>alert('hoxss3')</script>",  # out of a script block (JSON-LD, data)
    "<img src=x onerror=alert('hoxss4')>",  # event handler
    "<!--hoxss5--><svg onload=alert('hoxss5')>",  # comment, then a handler
    "' onmouseover='alert(\"hoxss6\")' data-x='",  # single-quoted attribute break-out
    "{{ config.site_name }}{% if true %}hoxss7{% endif %}",  # template syntax
    "javascript:alert('hoxss8')",  # a link target, if ever used as one
    "hoxss9\u2028\u2029</textarea><style>.hoxss9{color:red}</style>",  # line separators, raw text
    "<a href=\"javascript:alert('hoxss10')\">hoxss10</a>",  # a live link
)
URL_PAYLOADS: tuple[str, ...] = (
    "https://example.org/?q=\"><script>alert('hoxss11')</script>",
    "https://example.org/#'onmouseover='alert(12)'hoxss12",
)
"""URLs the model accepts (web links without spaces) that still try to break out."""

SITE_URL = "https://example.org/injection/"
"""Set, so that canonical links, og:url and og:image are written (and tested) too."""
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c633832350e0003d801b85ef9d1330000000049454e44ae426082"
)
"""A one-pixel PNG for the offers' ``image``, whose ``alt`` carries a payload."""
_PLAIN_TEXT_JSON = frozenset({"offers.json", "offers.schema.json"})
"""JSON whose strings are plain text by their format (JSON Feed's ``content_text`` and
``summary``, the offer's YAML values): read as JSON, never as HTML, by any consumer."""

_EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def _payload(index: int) -> str:
    return PAYLOADS[index % len(PAYLOADS)]


def injected_offer(shift: int) -> dict[str, Any]:
    """An offer whose every free-text field holds a payload; ``shift`` rotates which, so that
    over len(PAYLOADS) offers every payload lands in every field."""
    counter = iter(range(shift, shift + 1000))

    def text(prefix: str = "") -> str:
        return prefix + _payload(next(counter))

    return {
        **MINIMAL_OFFER,
        "title": text(),
        "summary": text("Audit "),
        "does": [text(), text()],
        "does_not": [text("Does not "), text()],
        "for": [text()],
        "not_for": [text()],
        "slug": f"injected-{shift}",
        "price": {
            **MINIMAL_OFFER["price"],
            "tax_note": text(),
            "fees": [{"name": text(), "amount": 5}],
            "change": {"effective": "2099-01-01", "amount": 300, "reason": text()},
        },
        "market_price": {**MINIMAL_OFFER["market_price"], "basis": text()},
        "price_rationale": text(),
        "alternatives": [
            {"name": text(), "price": 0, "note": text(), "url": URL_PAYLOADS[shift % 2]},
        ],
        "terms": {"refund": text(), "cancellation": text(), "guarantee": text()},
        "timing": {"good_time": text(), "wait_if": text()},
        "availability": {"capacity": 12, "per": text()},
        "cta": {"label": text(), "url": URL_PAYLOADS[(shift + 1) % 2]},
        "seller": {"name": text(), "contact": URL_PAYLOADS[shift % 2]},
        "details": f"## {text()}\n\n{text()} and `{text()}`\n",
        "image": {"src": "pictures/plan.png", "alt": text()},
    }


def write_injection_site(root: Path) -> Path:
    """Config, a home page and one offer per payload rotation; returns the config file."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "offers").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n\nA site under test.\n", encoding="utf-8")
    (root / "offers" / "pictures").mkdir(exist_ok=True)
    (root / "offers" / "pictures" / "plan.png").write_bytes(TINY_PNG)
    for shift in range(len(PAYLOADS)):
        text = yaml.safe_dump(injected_offer(shift), sort_keys=False, allow_unicode=True)
        (root / "offers" / f"injected-{shift}.yml").write_text(text, encoding="utf-8")
    config = {
        "site_name": "Injection test",
        "site_url": SITE_URL,
        "docs_dir": "docs",
        "theme": {
            "name": "material",
            "font": False,
            "features": ["navigation.tabs", "navigation.path", "navigation.footer"],
        },
        "nav": [{"Home": "index.md"}, {"Offers": "offers/index.md"}],
        "plugins": [
            "search",
            {
                "honest-offers": {
                    "index_title": PAYLOADS[1],
                    "index_intro": " ".join(PAYLOADS),
                    "rules_url": "honesty-rules/",
                }
            },
        ],
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


class _Escapes(HTMLParser):
    """Every place in one HTML document where a payload became markup or a live URL."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.text: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "x":
            self.problems.append(f"{self.where}: <{tag} {attrs}> from a payload")
        for name, value in attrs:
            if MARKER in name or (name.startswith("on") and MARKER in (value or "")):
                self.problems.append(f"{self.where}: attribute {name}={value!r}")
            if name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{self.where}: live javascript: URL in {tag}.{name}")
        if tag == "script":
            self._script_type = (dict(attrs).get("type") or "").strip().lower()
        elif tag == "style":
            self._script_type = "style"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._script_type = None

    def handle_comment(self, data: str) -> None:
        if MARKER in data:
            self.problems.append(f"{self.where}: payload in a comment <!--{data}-->")

    def handle_data(self, data: str) -> None:
        if self._script_type is None:
            self.text.append(data)
        elif self._script_type == "application/ld+json":
            self.problems += _json_ld_problems(data, self.where)
        elif MARKER in data and self._script_type in {*_EXECUTABLE_SCRIPT_TYPES, "style"}:
            self.problems.append(
                f"{self.where}: payload inside a <{self._script_type or 'script'}>"
            )
        elif MARKER in data and "</script" in data.lower():
            self.problems.append(f"{self.where}: a data script holds a raw </script>")


def _json_ld_problems(data: str, where: str) -> list[str]:
    """JSON-LD must be whole JSON (a payload's ``</script>`` would cut it short) with no
    character that could end the element, open a comment or break a line in a parser."""
    try:
        json.loads(data)
    except ValueError:
        return [f"{where}: JSON-LD that is not JSON (cut short?): {data[:80]!r}"]
    return [f"{where}: JSON-LD holds a raw {c!r}" for c in "<>&\u2028\u2029" if c in data]


def html_escapes(markup: str, where: str) -> tuple[list[str], str]:
    """The payloads that escaped in ``markup``, and its text (scripts left out)."""
    parser = _Escapes(where)
    parser.feed(markup)
    parser.close()
    return parser.problems, "".join(parser.text)


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def built_escapes(site: Path) -> list[str]:
    """Every escaped payload in every built file: HTML parsed as HTML, every string of every
    JSON file as HTML too (Material's search renders them so), XML parsed and its text read."""
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        where = str(path.relative_to(site))
        if path.suffix == ".html":
            problems += html_escapes(path.read_text(encoding="utf-8"), where)[0]
        elif path.name in _PLAIN_TEXT_JSON:
            data = json.loads(path.read_text(encoding="utf-8"))
            if "content_html" in json.dumps(data):
                problems.append(f"{where}: offer text given as HTML (content_html)")
        elif path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            for string in _json_strings(data):
                problems += html_escapes(string, where)[0]
        elif path.suffix == ".xml":
            tree = ElementTree.parse(path)
            for element in tree.iter():
                if MARKER in (element.text or "") or re.search(MARKER, str(element.attrib)):
                    problems.append(f"{where}: payload in <{element.tag}>")
    return problems
